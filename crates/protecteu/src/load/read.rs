//! Reading data files (TOML or JSON, one directory or one file) into entities with origins.

use std::collections::{HashMap, HashSet};
use std::path::Path as FsPath;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::load::locate::{self, Format, Path};
use crate::model::error::{Error, Result};
use crate::model::problem::{Problem, Rule};
use crate::model::*;

/// The layout of a data file and of the canonical JSON: a key per kind, each optional in a
/// single file of a data directory; together the files must give `dataset` and `strategy` once.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", schemars(title = "ProtectEU data file"))]
pub struct DataFile {
    /// Version and as-of date of the data set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<Dataset>,
    /// The strategy document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<StrategyInfo>,
    /// Overarching objectives.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Guiding principles.
    #[serde(default)]
    pub principles: Vec<Principle>,
    /// Sections of the document.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Policy areas.
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// Threats.
    #[serde(default)]
    pub threats: Vec<Threat>,
    /// Actions.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Actors.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Legal instruments.
    #[serde(default)]
    pub instruments: Vec<LegalInstrument>,
    /// Related and follow-up documents.
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Key figures.
    #[serde(default)]
    pub figures: Vec<KeyFigure>,
    /// The source registry: every publication the facts cite, once.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// What a data 0.3.0 file's inline `sources` must become (rule `legacy-format`).
pub(crate) const LEGACY_SOURCES: &str = "inline `sources` tables are the data 0.3.0 format; \
since data 0.4.0 every source is registered once in the source registry (a top-level \
`[[sources]]` list with id, title, url, publisher, class, language, readable) and facts cite \
it with `citations` (`source` = the registry id, `fields` = what it supports, `locator`, \
`verification`); see data/README.md, \"Sources and citations\"";

/// A parsed document tree (JSON or TOML) that entities are read from one by one.
pub(crate) trait Node: Sized {
    fn entries(&self) -> Option<Vec<(&str, &Self)>>;
    fn items(&self) -> Option<&[Self]>;
    fn id(&self) -> Option<&str>;
    fn read<T: DeserializeOwned>(
        &self,
    ) -> std::result::Result<T, serde_path_to_error::Error<String>>;
}

fn path_error<E: std::fmt::Display>(
    e: serde_path_to_error::Error<E>,
) -> serde_path_to_error::Error<String> {
    let path = e.path().clone();
    serde_path_to_error::Error::new(path, e.into_inner().to_string())
}

impl Node for Value {
    fn entries(&self) -> Option<Vec<(&str, &Self)>> {
        self.as_object()
            .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
    }
    fn items(&self) -> Option<&[Self]> {
        self.as_array().map(Vec::as_slice)
    }
    fn id(&self) -> Option<&str> {
        self.get("id").and_then(Value::as_str)
    }
    fn read<T: DeserializeOwned>(
        &self,
    ) -> std::result::Result<T, serde_path_to_error::Error<String>> {
        serde_path_to_error::deserialize(self).map_err(path_error)
    }
}

/// A parsed TOML document as a JSON value (a date-time becomes its TOML text), so TOML and
/// JSON files are read into entities by one deserializer: the model types' `Deserialize`
/// code is generated once for it instead of once per format (a smaller library).
pub(crate) fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// The paths of the floats JSON cannot hold (`nan`, `inf`) in a TOML document: they become
/// `null` in [`toml_to_json`], so the loader reports them itself (rule `number-range`).
fn non_finite_floats(v: &toml::Value, at: &mut Path, out: &mut Vec<Path>) {
    match v {
        toml::Value::Float(f) if !f.is_finite() => out.push(at.clone()),
        toml::Value::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                at.0.push(locate::Seg::Index(i));
                non_finite_floats(item, at, out);
                at.0.pop();
            }
        }
        toml::Value::Table(t) => {
            for (k, item) in t {
                at.0.push(locate::Seg::Key(k.clone()));
                non_finite_floats(item, at, out);
                at.0.pop();
            }
        }
        _ => {}
    }
}

/// One input file's text.
#[derive(Debug, Clone)]
pub(crate) struct InputFile {
    pub name: String,
    pub text: String,
    pub format: Format,
}

/// Where an entity came from: the file and its position in that file's list of its kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin {
    pub file: usize,
    pub index: usize,
}

/// Entities of one kind with their origins.
#[derive(Debug, Clone)]
pub(crate) struct Bucket<T> {
    pub items: Vec<T>,
    pub origins: Vec<Origin>,
}

impl<T> Default for Bucket<T> {
    fn default() -> Self {
        Bucket {
            items: Vec::new(),
            origins: Vec::new(),
        }
    }
}

impl<T> Bucket<T> {
    fn extend(&mut self, file: usize, items: Vec<T>) {
        for (index, item) in items.into_iter().enumerate() {
            self.items.push(item);
            self.origins.push(Origin { file, index });
        }
    }
}

/// A problem before its line and column are worked out.
#[derive(Debug, Clone)]
pub(crate) struct RawProblem {
    pub rule: Rule,
    pub message: String,
    pub file: Option<usize>,
    pub path: Option<Path>,
    pub line_col: Option<(usize, usize)>,
    pub kind: Option<EntityKind>,
    pub id: Option<String>,
}

/// Everything read from the input files, before validation.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub files: Vec<InputFile>,
    pub dataset: Bucket<Dataset>,
    pub strategy: Bucket<StrategyInfo>,
    pub objectives: Bucket<Objective>,
    pub principles: Bucket<Principle>,
    pub sections: Bucket<Section>,
    pub themes: Bucket<Theme>,
    pub threats: Bucket<Threat>,
    pub actions: Bucket<Action>,
    pub actors: Bucket<Actor>,
    pub instruments: Bucket<LegalInstrument>,
    pub documents: Bucket<Document>,
    pub figures: Bucket<KeyFigure>,
    pub sources: Bucket<Source>,
    /// Ids of entities that failed to read, so references to them are not reported again.
    pub unreadable: HashMap<EntityKind, HashSet<String>>,
    /// True when a whole file could not be parsed (so missing tables are not reported).
    pub unreadable_file: bool,
    pub problems: Vec<RawProblem>,
}

impl Collected {
    fn add_file_content(&mut self, file: usize, data: DataFile) {
        if let Some(d) = data.dataset {
            self.dataset.extend(file, vec![d]);
        }
        if let Some(s) = data.strategy {
            self.strategy.extend(file, vec![s]);
        }
        self.objectives.extend(file, data.objectives);
        self.principles.extend(file, data.principles);
        self.sections.extend(file, data.sections);
        self.themes.extend(file, data.themes);
        self.threats.extend(file, data.threats);
        self.actions.extend(file, data.actions);
        self.actors.extend(file, data.actors);
        self.instruments.extend(file, data.instruments);
        self.documents.extend(file, data.documents);
        self.figures.extend(file, data.figures);
        self.sources.extend(file, data.sources);
    }

    /// Reads one file; problems are recorded, never raised.
    pub fn add_file(&mut self, input: InputFile) {
        // Fast path: well-formed JSON in the canonical layout. Not with `compressed-data` (the
        // library an app ships): it is a second copy of every model type's deserializer (136 KB
        // of the stripped FFI library, BENCHMARKS.md), and the path below reads the same files
        // into the same entities.
        #[cfg(not(feature = "compressed-data"))]
        if input.format == Format::Json {
            if let Ok(data) = serde_json::from_str::<DataFile>(&input.text) {
                let file = self.files.len();
                self.files.push(input);
                self.add_file_content(file, data);
                return;
            }
        }
        self.add_file_via_value(input);
    }

    /// Reads one file through a `serde_json::Value` (a TOML file converted to one), each
    /// entity on its own, so every problem is recorded with its path.
    fn add_file_via_value(&mut self, input: InputFile) {
        let file = self.files.len();
        let syntax = |message: String, line_col: Option<(usize, usize)>| RawProblem {
            rule: Rule::Syntax,
            message,
            file: Some(file),
            path: None,
            line_col,
            kind: None,
            id: None,
        };
        match input.format {
            Format::Json => match serde_json::from_str::<Value>(&input.text) {
                Ok(v) => {
                    // A map keeps the last of two equal keys: report the repeat instead.
                    if let Some((key, line, column)) =
                        crate::load::guard::json_duplicate_key(&input.text)
                    {
                        let msg = format!(
                            "not well-formed JSON: key '{key}' appears twice in one object"
                        );
                        self.problems.push(syntax(msg, Some((line, column))));
                    }
                    self.files.push(input);
                    self.add_value(file, &v);
                }
                Err(e) => {
                    let msg = format!("not well-formed JSON: {}", strip_position(&e.to_string()));
                    self.problems
                        .push(syntax(msg, Some((e.line(), e.column()))));
                    self.files.push(input);
                    self.unreadable_file = true;
                }
            },
            Format::Toml => match toml::from_str::<toml::Value>(&input.text) {
                Ok(v) => {
                    let mut non_finite = Vec::new();
                    non_finite_floats(&v, &mut Path::default(), &mut non_finite);
                    let v = toml_to_json(v);
                    for path in non_finite {
                        self.non_finite_problem(file, &v, path);
                    }
                    self.files.push(input);
                    self.add_value(file, &v);
                }
                Err(e) => {
                    let msg = format!("not well-formed TOML: {}", e.message().trim());
                    let at = e.span().map(|s| locate::line_col(&input.text, s.start));
                    self.problems.push(syntax(msg, at));
                    self.files.push(input);
                    self.unreadable_file = true;
                }
            },
        }
    }

    /// A float that is not finite (read as `null`), reported as validation would report it.
    fn non_finite_problem(&mut self, file: usize, doc: &Value, path: Path) {
        let (kind, id) = match path.0.as_slice() {
            [locate::Seg::Key(key), locate::Seg::Index(i), ..] => (
                EntityKind::ALL.iter().copied().find(|k| k.plural() == key),
                doc.get(key)
                    .and_then(|list| list.get(*i))
                    .and_then(|entity| entity.get("id"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            ),
            _ => (None, None),
        };
        let who = kind
            .map(|k| format!("{} {}: ", k.name(), describe_id(id.as_deref())))
            .unwrap_or_default();
        self.problems.push(RawProblem {
            rule: Rule::NumberRange,
            message: format!("{who}number is not finite"),
            file: Some(file),
            path: Some(path),
            line_col: None,
            kind,
            id,
        });
    }

    /// Reads a parsed file entity by entity, so one bad entity does not hide the others.
    fn add_value<N: Node>(&mut self, file: usize, value: &N) {
        let Some(top) = value.entries() else {
            self.problems.push(RawProblem {
                rule: Rule::Schema,
                message: "a data file must hold a table/object with a key per kind".into(),
                file: Some(file),
                path: Some(Path::default()),
                line_col: None,
                kind: None,
                id: None,
            });
            // Like a file that does not parse: its [dataset] and [strategy] are not "missing".
            self.unreadable_file = true;
            return;
        };
        let mut data = DataFile::default();
        for (key, v) in top {
            let path = Path::default().key(key);
            match key {
                "dataset" => data.dataset = self.one(file, EntityKind::Strategy, &path, v),
                "strategy" => data.strategy = self.one(file, EntityKind::Strategy, &path, v),
                "objectives" => data.objectives = self.many(file, EntityKind::Objective, &path, v),
                "principles" => data.principles = self.many(file, EntityKind::Principle, &path, v),
                "sections" => data.sections = self.many(file, EntityKind::Section, &path, v),
                "themes" => data.themes = self.many(file, EntityKind::Theme, &path, v),
                "threats" => data.threats = self.many(file, EntityKind::Threat, &path, v),
                "actions" => data.actions = self.many(file, EntityKind::Action, &path, v),
                "actors" => data.actors = self.many(file, EntityKind::Actor, &path, v),
                "instruments" => {
                    data.instruments = self.many(file, EntityKind::Instrument, &path, v)
                }
                "documents" => data.documents = self.many(file, EntityKind::Document, &path, v),
                "figures" => data.figures = self.many(file, EntityKind::Figure, &path, v),
                "sources" => data.sources = self.many(file, EntityKind::Source, &path, v),
                other => {
                    let known = ["dataset", "strategy"]
                        .into_iter()
                        .chain(EntityKind::ALL.iter().skip(1).map(|k| k.plural()));
                    let hint = crate::model::suggest::closest(other, known)
                        .map(|s| format!("; did you mean '{s}'?"))
                        .unwrap_or_default();
                    self.problems.push(RawProblem {
                        rule: Rule::UnknownKey,
                        message: format!("unknown key '{other}'{hint}"),
                        file: Some(file),
                        path: Some(path),
                        line_col: None,
                        kind: None,
                        id: None,
                    });
                }
            }
        }
        self.add_file_content(file, data);
    }

    fn one<T: DeserializeOwned, N: Node>(
        &mut self,
        file: usize,
        kind: EntityKind,
        path: &Path,
        v: &N,
    ) -> Option<T> {
        self.entity(file, kind, path.clone(), v)
    }

    fn many<T: DeserializeOwned, N: Node>(
        &mut self,
        file: usize,
        kind: EntityKind,
        path: &Path,
        v: &N,
    ) -> Vec<T> {
        let Some(items) = v.items() else {
            self.problems.push(RawProblem {
                rule: Rule::Schema,
                message: format!("'{}' must be a list of {}s", kind.plural(), kind.name()),
                file: Some(file),
                path: Some(path.clone()),
                line_col: None,
                kind: Some(kind),
                id: None,
            });
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.entity(file, kind, path.clone().index(i), item))
            .collect()
    }

    fn entity<T: DeserializeOwned, N: Node>(
        &mut self,
        file: usize,
        kind: EntityKind,
        path: Path,
        v: &N,
    ) -> Option<T> {
        match v.read::<T>() {
            Ok(t) => Some(t),
            Err(e) => {
                let inner = e.path().to_string();
                let id = v.id().map(str::to_owned);
                // Marks the kind even without an id, so an unreadable [dataset] is not also
                // reported as missing.
                let unreadable = self.unreadable.entry(kind).or_default();
                if let Some(id) = &id {
                    unreadable.insert(id.clone());
                }
                let full = path.extend_printed(&inner);
                let last_key = inner.rsplit('.').next().unwrap_or("");
                let is_date = matches!(last_key, "date" | "as_of");
                let inner_text = e.inner().to_string();
                let legacy = inner_text.starts_with("unknown field `sources`");
                let rule = if is_date {
                    Rule::DateInvalid
                } else if legacy {
                    Rule::LegacyFormat
                } else {
                    Rule::Schema
                };
                let what = if is_date {
                    format!("not a real calendar date (YYYY-MM-DD): {inner_text}")
                } else if legacy {
                    LEGACY_SOURCES.to_owned()
                } else {
                    inner_text
                };
                self.problems.push(RawProblem {
                    rule,
                    message: format!("{} {}: {what}", kind.name(), describe_id(id.as_deref())),
                    file: Some(file),
                    path: Some(full),
                    line_col: None,
                    kind: Some(kind),
                    id,
                });
                None
            }
        }
    }

    /// Turns raw problems into located problems, ordered by file, line and column.
    pub fn located_problems(&mut self, mut raw: Vec<RawProblem>) -> Vec<Problem> {
        raw.append(&mut self.problems);
        // One locator per file: locating every problem costs one pass over each file.
        let mut locators: Vec<locate::Locator<'_>> = self
            .files
            .iter()
            .map(|f| locate::Locator::new(&f.text, f.format))
            .collect();
        let mut out: Vec<Problem> = raw
            .into_iter()
            .map(|p| {
                let file = p.file.and_then(|f| self.files.get(f));
                let line_col = p.line_col.or_else(|| {
                    file?;
                    let locator = locators.get_mut(p.file?)?;
                    let offset = locator.locate(p.path.as_ref()?)?;
                    Some(locator.line_col(offset))
                });
                Problem {
                    rule: p.rule,
                    message: p.message,
                    file: file.map(|f| f.name.clone()),
                    line: line_col.map(|l| l.0),
                    column: line_col.map(|l| l.1),
                    path: p.path.map(|x| x.to_string()).filter(|x| !x.is_empty()),
                    kind: p.kind,
                    id: p.id,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.rule).cmp(&(&b.file, b.line, b.column, b.rule))
        });
        out
    }
}

fn describe_id(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("'{id}'"),
        None => "(no id)".into(),
    }
}

/// serde_json appends " at line L column C" to messages; the location is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn format_of(path: &FsPath) -> Option<Format> {
    match path.extension()?.to_str()? {
        "toml" => Some(Format::Toml),
        "json" => Some(Format::Json),
        _ => None,
    }
}

fn read(
    path: &FsPath,
    name: String,
    format: Format,
    limits: &crate::load::Limits,
) -> Result<InputFile> {
    let io = |source| Error::Io {
        path: name.clone(),
        source,
    };
    let over = |len: u64| {
        Error::Invalid(crate::model::problem::ValidationReport {
            problems: vec![Problem {
                rule: Rule::Limit,
                message: format!(
                    "file is {len} bytes or more, over the limit of {} bytes",
                    limits.max_bytes
                ),
                file: Some(name.clone()),
                line: None,
                column: None,
                path: None,
                kind: None,
                id: None,
            }],
        })
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > limits.max_bytes as u64 {
        return Err(over(len));
    }
    // Reads at most one byte past the limit: the file may have grown since, or be a special
    // file whose size the metadata does not tell.
    let cap = (limits.max_bytes as u64).saturating_add(1);
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).map_err(io)?, cap),
        &mut bytes,
    )
    .map_err(io)?;
    if bytes.len() > limits.max_bytes {
        return Err(over(bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        let (line, column) = locate::line_col(&valid, offset);
        Error::Invalid(crate::model::problem::ValidationReport {
            problems: vec![Problem {
                rule: Rule::Syntax,
                message: format!("not valid UTF-8 (bad byte at offset {offset})"),
                file: Some(name.clone()),
                line: Some(line),
                column: Some(column),
                path: None,
                kind: None,
                id: None,
            }],
        })
    })?;
    Ok(InputFile { name, text, format })
}

/// Reads a data directory (every `.toml` and `.json` file below it, in path order) or one file.
pub(crate) fn read_path(path: &FsPath, limits: &crate::load::Limits) -> Result<Vec<InputFile>> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: shown.clone(),
        source,
    })?;
    if meta.is_file() {
        let format = format_of(path).unwrap_or(Format::Json);
        return Ok(vec![read(path, shown, format, limits)?]);
    }
    let mut found = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io {
                path: dir.display().to_string(),
                source,
            })?;
            let p = entry.path();
            // Directories are entered only when they are real ones: a symbolic link to a
            // directory is not followed, so a link to a parent cannot loop.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if p.is_dir() {
                continue;
            } else if let Some(format) = format_of(&p) {
                found.push((p, format));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    let mut files = Vec::with_capacity(found.len());
    let mut total = 0usize;
    for (p, format) in found {
        let f = read(&p, p.display().to_string(), format, limits)?;
        total += f.text.len();
        if total > limits.max_bytes {
            return Err(Error::Invalid(crate::model::problem::ValidationReport {
                problems: vec![Problem {
                    rule: Rule::Limit,
                    message: format!(
                        "the data directory holds more than {} bytes",
                        limits.max_bytes
                    ),
                    file: Some(shown),
                    line: None,
                    column: None,
                    path: None,
                    kind: None,
                    id: None,
                }],
            }));
        }
        files.push(f);
    }
    Ok(files)
}

/// The JSON Schema of a data file (and of the canonical JSON), generated from the Rust types
/// (feature `schema`, on by default). [`DATA_FILE_SCHEMA_JSON`] is the same schema as text,
/// generated by `scripts/regenerate` and available without the feature.
#[cfg(feature = "schema")]
pub fn data_file_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(DataFile)).unwrap_or_default()
}

/// The JSON Schema of a data file as text: the output of [`data_file_schema`], committed
/// (`data/protecteu-data.schema.json`, kept equal by a test) so that builds without the
/// `schema` feature (no `schemars`) read the same schema.
pub const DATA_FILE_SCHEMA_JSON: &str = include_str!("../../data/protecteu-data.schema.json");

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn embedded() -> InputFile {
        InputFile {
            name: "<embedded>".into(),
            text: crate::load::embedded::EMBEDDED_JSON.to_owned(),
            format: Format::Json,
        }
    }

    /// The two ways the canonical JSON can be read give the same entities: the fast path
    /// (`serde_json::from_str::<DataFile>`, not in builds with `compressed-data`) and the path
    /// through `serde_json::Value` that every build has.
    #[test]
    fn fast_path_and_value_path_read_the_same_entities() {
        let fast: DataFile = serde_json::from_str(crate::load::embedded::EMBEDDED_JSON).unwrap();
        let mut c = Collected::default();
        c.add_file_via_value(embedded());
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let mut f = Collected::default();
        f.files.push(embedded());
        f.add_file_content(0, fast);
        macro_rules! same {
            ($($kind:ident),*) => {$(
                assert!(!c.$kind.items.is_empty(), stringify!($kind));
                assert_eq!(
                    format!("{:?}", c.$kind.items),
                    format!("{:?}", f.$kind.items),
                    stringify!($kind)
                );
            )*};
        }
        same!(
            dataset,
            strategy,
            objectives,
            principles,
            sections,
            themes,
            threats,
            actions,
            actors,
            instruments,
            documents,
            figures,
            sources
        );
    }

    /// What reading the embedded data set costs each way, in the same run (BENCHMARKS.md, "Size
    /// of the shipped FFI library"): `cargo test -p protecteu --release --lib --
    /// --ignored --nocapture read_timing`.
    #[test]
    #[ignore = "a timing, not a check"]
    fn read_timing() {
        use std::time::Instant;
        const ROUNDS: u32 = 50;
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (mut fast, mut value, mut whole, mut text) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            let input = embedded();
            let t = Instant::now();
            let data: DataFile = serde_json::from_str(&input.text).unwrap();
            let mut c = Collected::default();
            c.files.push(input);
            c.add_file_content(0, data);
            fast.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(&c);

            let input = embedded();
            let t = Instant::now();
            let mut c = Collected::default();
            c.add_file_via_value(input);
            value.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(&c);

            let t = Instant::now();
            std::hint::black_box(crate::load::embedded::data_json().unwrap());
            text.push(t.elapsed().as_secs_f64() * 1e3);

            let t = Instant::now();
            let s = crate::load::embedded::data_json()
                .unwrap()
                .parse::<crate::model::strategy::Strategy>()
                .unwrap();
            whole.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(&s);
        }
        println!(
            "read_timing: {} bytes, median of {ROUNDS}: fast path {:.2} ms, value path {:.2} ms; \
             whole embedded load as this build does it (compressed-data: {}) {:.2} ms, \
             of which getting the text {:.2} ms",
            crate::load::embedded::EMBEDDED_JSON.len(),
            median(fast),
            median(value),
            cfg!(feature = "compressed-data"),
            median(whole),
            median(text)
        );
    }
}
