//! Checks on raw input text that run before it is parsed: nesting depth (so no parser spends
//! stack or memory on a hostile file) and duplicate keys in JSON objects (which a parser into a
//! map would otherwise resolve silently, last one wins).

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::load::locate::Format;

/// The byte offset at which `text` nests arrays and tables deeper than `max`, if it does.
///
/// JSON: every `[` and `{` outside strings opens a level. TOML: so do `[` and `{` in values,
/// and each part of a dotted key or table header (`[a.b.c]`, `a.b.c = 1`) counts as a level.
/// The count is conservative: it never reports less than the parsed depth.
pub(crate) fn depth_exceeded(text: &str, format: Format, max: usize) -> Option<usize> {
    match format {
        Format::Json => json_depth(text.as_bytes(), max),
        Format::Toml => toml_depth(text.as_bytes(), max),
    }
}

fn json_depth(b: &[u8], max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

fn toml_depth(b: &[u8], max: usize) -> Option<usize> {
    // Brackets open in the current value, the depth of the current table header, the dots
    // seen in the key being read, and whether a key (rather than a value) is being read.
    let mut brackets = 0usize;
    let mut header = 0usize;
    let mut dots = 0usize;
    let mut in_key = true;
    let mut in_header = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' => {
                let triple = b.get(i..i + 3) == Some(&[c, c, c][..]);
                if triple {
                    i += 3;
                    while i < b.len() && b.get(i..i + 3) != Some(&[c, c, c][..]) {
                        i += if c == b'"' && b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 3;
                } else {
                    i += 1;
                    while i < b.len() && b[i] != c && b[i] != b'\n' {
                        i += if c == b'"' && b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                continue;
            }
            b'\n' if brackets == 0 => {
                in_key = true;
                in_header = false;
                dots = 0;
            }
            b'[' if brackets == 0 && in_key && !in_header => {
                // A table header: `[a.b]` or `[[a.b]]`.
                in_header = true;
                header = 1;
                if b.get(i + 1) == Some(&b'[') {
                    header += 1;
                    i += 1;
                }
            }
            b']' if in_header && brackets == 0 => {
                in_key = false;
                if b.get(i + 1) == Some(&b']') {
                    i += 1;
                }
            }
            b'.' if in_key || in_header => {
                dots += 1;
                if in_header {
                    header += 1;
                }
            }
            b'=' if in_key => in_key = false,
            b'[' | b'{' => {
                brackets += 1;
                in_key = c == b'{';
            }
            b']' | b'}' => brackets = brackets.saturating_sub(1),
            b',' if brackets > 0 => {
                // Dots after a comma are not counted as key parts (in an array they are
                // decimal points); the TOML parser's own limit bounds dotted keys there.
                in_key = false;
            }
            _ => {}
        }
        let here = if in_header {
            header
        } else {
            header + dots + 1 + brackets
        };
        if here > max {
            return Some(i.min(b.len()));
        }
        i += 1;
    }
    None
}

/// The first key that appears twice in one JSON object, with the byte-independent line and
/// column serde_json reports for it; `None` when there is none or the text is not JSON.
pub(crate) fn json_duplicate_key(text: &str) -> Option<(String, usize, usize)> {
    match serde_json::from_str::<NoDuplicates>(text) {
        Err(e) if e.to_string().starts_with(DUPLICATE) => {
            let message = e.to_string();
            let key = message
                .strip_prefix(DUPLICATE)
                .and_then(|rest| rest.split('\'').next())
                .unwrap_or_default()
                .to_owned();
            Some((key, e.line(), e.column()))
        }
        _ => None,
    }
}

const DUPLICATE: &str = "duplicate key '";

/// Deserialises any JSON value, failing on the first object that repeats a key.
struct NoDuplicates;

impl<'de> Deserialize<'de> for NoDuplicates {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicatesVisitor)
    }
}

struct NoDuplicatesVisitor;

impl<'de> Visitor<'de> for NoDuplicatesVisitor {
    type Value = NoDuplicates;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<NoDuplicates, E> {
        Ok(NoDuplicates)
    }
    fn visit_i64<E>(self, _: i64) -> Result<NoDuplicates, E> {
        Ok(NoDuplicates)
    }
    fn visit_u64<E>(self, _: u64) -> Result<NoDuplicates, E> {
        Ok(NoDuplicates)
    }
    fn visit_f64<E>(self, _: f64) -> Result<NoDuplicates, E> {
        Ok(NoDuplicates)
    }
    fn visit_str<E>(self, _: &str) -> Result<NoDuplicates, E> {
        Ok(NoDuplicates)
    }
    fn visit_unit<E>(self) -> Result<NoDuplicates, E> {
        Ok(NoDuplicates)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NoDuplicates, A::Error> {
        while seq.next_element::<NoDuplicates>()?.is_some() {}
        Ok(NoDuplicates)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NoDuplicates, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!(
                    "{DUPLICATE}{key}' in one object"
                )));
            }
            map.next_value::<NoDuplicates>()?;
        }
        Ok(NoDuplicates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_depth_counts_brackets_outside_strings() {
        assert_eq!(depth_exceeded("[[[]]]", Format::Json, 3), None);
        assert_eq!(depth_exceeded("[[[[]]]]", Format::Json, 3), Some(3));
        assert_eq!(
            depth_exceeded(r#"{"a": "[[[[[\"[["}"#, Format::Json, 1),
            None
        );
    }

    #[test]
    fn toml_depth_counts_values_keys_and_headers() {
        let data = "[[actions]]\nid = \"a\" # [[[[\ntiming = { kind = \"year\", year = 2026 }\n\n[[actions.status]]\ndate = \"2026-01-01\"\nsources = [{ title = \"[[[\", url = \"https://example.org/a.b.c\" }]\n";
        assert_eq!(depth_exceeded(data, Format::Toml, 6), None);
        assert!(depth_exceeded(data, Format::Toml, 3).is_some());
        assert_eq!(depth_exceeded("x = [[[[1]]]]", Format::Toml, 4), Some(7));
        assert!(depth_exceeded("a.b.c.d.e = 1", Format::Toml, 4).is_some());
        assert!(depth_exceeded("[a.b.c.d.e]\n", Format::Toml, 4).is_some());
        assert_eq!(
            depth_exceeded("x = 1.5\ny = 1979-05-27T07:32:00.999", Format::Toml, 1),
            None
        );
        assert_eq!(
            depth_exceeded("x = '''\n[[[[\n'''\n", Format::Toml, 1),
            None
        );
    }

    #[test]
    fn duplicate_keys_are_found_with_their_line() {
        let text = "{\n  \"a\": 1,\n  \"b\": {\"c\": 1,\n   \"c\": 2}\n}";
        let (key, line, _) = json_duplicate_key(text).unwrap_or_default();
        assert_eq!((key.as_str(), line), ("c", 4));
        assert_eq!(
            json_duplicate_key("{\"a\": [{\"b\": 1}, {\"b\": 2}]}"),
            None
        );
        assert_eq!(json_duplicate_key("not json"), None);
    }
}
