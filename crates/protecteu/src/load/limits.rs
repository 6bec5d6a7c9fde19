//! Input limits, checked before memory is spent on a data set.

/// Input limits applied before memory is spent on a data set; see `SECURITY.md`.
///
/// Every loader ([`Strategy::from_path`], [`Strategy::from_path_with`],
/// [`Strategy::from_text`], [`str::parse`]) checks them; a limit exceeded is reported as a
/// problem under [`Rule::Limit`].
///
/// ```
/// use protecteu::{Error, Limits, Strategy};
/// let limits = Limits { max_depth: 4, ..Limits::default() };
/// let deep = format!("x = {}1{}", "[".repeat(10), "]".repeat(10));
/// match Strategy::from_text(&deep, "deep.toml", &limits) {
///     Err(Error::Invalid(r)) => assert_eq!(r.problems[0].code(), "limit"),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input, in bytes (one file, or all files of a directory together); checked
    /// before a file is read.
    pub max_bytes: usize,
    /// Largest number of entities.
    pub max_entities: usize,
    /// Deepest nesting of arrays and tables (each part of a dotted TOML key or table header
    /// counts as a level), checked on the raw text before it is parsed. The data format
    /// nests 7 levels at most (a source of a status event of an action, in JSON); the JSON
    /// and TOML parsers stop at 128 and 80 whatever this says.
    pub max_depth: usize,
}

impl Default for Limits {
    /// 16 MiB (the embedded data set is under 0.2 MiB), one million entities, depth 32.
    fn default() -> Self {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_entities: 1_000_000,
            max_depth: 32,
        }
    }
}
