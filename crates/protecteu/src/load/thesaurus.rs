//! Reading and validating the search thesaurus ([`Thesaurus`]): the curated file embedded in
//! the library (`data/thesaurus.toml`) and `[[thesaurus]]` entries of overlays.
//!
//! The entry format:
//!
//! ```toml
//! [[thesaurus]]
//! id = "csam"
//! kind = "acronym"                      # or "synonym"
//! forms = ["CSAM", "child sexual abuse material"]
//! eurovoc = "http://eurovoc.europa.eu/..."   # optional: the EuroVoc concept, where it has one
//! source = { title = "...", url = "https://..." }
//! ```

use std::collections::HashSet;
use std::sync::Arc;

use once_cell::sync::Lazy;
use serde_json::Value;

use crate::load::locate::{self, Format, Path};
use crate::load::read::toml_to_json;
use crate::model::error::{Error, Result};
use crate::model::ids::is_valid_id;
use crate::model::problem::{Problem, Rule, ValidationReport};
use crate::model::thesaurus::{TermKind, TermSource, Thesaurus, ThesaurusEntry};

/// The curated thesaurus file, as embedded (a copy of `data/thesaurus.toml` kept current by
/// `scripts/regenerate`; a test fails when it drifts).
pub const EMBEDDED_THESAURUS_TOML: &str = include_str!("../../data/thesaurus.toml");

/// The key of thesaurus entries in the thesaurus file and in overlays.
pub const THESAURUS_KEY: &str = "thesaurus";

/// The embedded thesaurus, shared by every loaded model (validated by the crate's tests).
pub(crate) static EMBEDDED: Lazy<Arc<Thesaurus>> = Lazy::new(|| {
    Arc::new(
        Thesaurus::from_toml(EMBEDDED_THESAURUS_TOML, "data/thesaurus.toml").unwrap_or_default(),
    )
});

impl Thesaurus {
    /// The curated thesaurus embedded in the library.
    ///
    /// ```
    /// let t = protecteu::Thesaurus::embedded();
    /// assert!(t.entries().iter().any(|e| e.forms[0] == "CSAM"));
    /// ```
    pub fn embedded() -> &'static Thesaurus {
        &EMBEDDED
    }

    /// Parses and validates a thesaurus file (TOML, a `[[thesaurus]]` table per entry; see the
    /// module documentation of the format).
    ///
    /// ```
    /// let t = protecteu::Thesaurus::from_toml(protecteu::EMBEDDED_THESAURUS_TOML, "thesaurus.toml");
    /// assert!(t.is_ok());
    /// let bad = protecteu::Thesaurus::from_toml("[[thesaurus]]\nid = \"x\"\n", "mine.toml");
    /// assert!(bad.unwrap_err().to_string().contains("mine.toml"));
    /// ```
    ///
    /// # Errors
    /// [`Error::Invalid`] with every problem, located by file, line, column and rule code.
    pub fn from_toml(text: &str, name: &str) -> Result<Thesaurus> {
        let value = match toml::from_str::<toml::Value>(text) {
            Ok(v) => toml_to_json(v),
            Err(e) => {
                let at = e.span().map(|s| locate::line_col(text, s.start));
                return Err(Error::Invalid(ValidationReport {
                    problems: vec![Problem {
                        rule: Rule::Syntax,
                        message: format!("not well-formed TOML: {}", e.message().trim()),
                        file: Some(name.to_owned()),
                        line: at.map(|x| x.0),
                        column: at.map(|x| x.1),
                        path: None,
                        kind: None,
                        id: None,
                    }],
                }));
            }
        };
        let mut problems = Vec::new();
        let mut report = |rule: Rule, path: Path, id: Option<&str>, message: String| {
            let at = locate::locate(text, Format::Toml, &path).map(|o| locate::line_col(text, o));
            problems.push(Problem {
                rule,
                message,
                file: Some(name.to_owned()),
                line: at.map(|x| x.0),
                column: at.map(|x| x.1),
                path: Some(path.to_string()),
                kind: None,
                id: id.map(str::to_owned),
            });
        };
        let mut entries = Vec::new();
        match value {
            Value::Object(top) => {
                for (key, v) in top {
                    if key == THESAURUS_KEY {
                        entries = check_entries(&v, &HashSet::new(), &mut report);
                    } else {
                        report(
                            Rule::UnknownKey,
                            Path::default().key(&key),
                            None,
                            format!("unknown key '{key}' in a thesaurus file (only [[{THESAURUS_KEY}]])"),
                        );
                    }
                }
            }
            _ => report(
                Rule::Schema,
                Path::default(),
                None,
                "a thesaurus file must hold [[thesaurus]] tables".into(),
            ),
        }
        if problems.is_empty() {
            Ok(Thesaurus {
                entries,
                analysed: Default::default(),
            })
        } else {
            Err(Error::Invalid(ValidationReport { problems }))
        }
    }
}

fn is_web_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.contains(char::is_whitespace)
}

/// Receives a problem: rule, path, entry id, message.
pub(crate) type Report<'a> = dyn FnMut(Rule, Path, Option<&str>, String) + 'a;

/// Checks the `thesaurus` value of a thesaurus file or an overlay: an array of entries. Ids in
/// `taken` (the base thesaurus's) may not be reused. Reports each problem with its path
/// (`thesaurus[3].forms[1]`); gives the entries without problems.
pub(crate) fn check_entries(
    value: &Value,
    taken: &HashSet<String>,
    report: &mut Report<'_>,
) -> Vec<ThesaurusEntry> {
    let base = Path::default().key(THESAURUS_KEY);
    let Some(list) = value.as_array() else {
        report(
            Rule::Schema,
            base,
            None,
            "'thesaurus' must be a list of tables ([[thesaurus]])".into(),
        );
        return Vec::new();
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let at = base.clone().index(i);
        let Some(m) = item.as_object() else {
            report(Rule::Schema, at, None, "an entry must be a table".into());
            continue;
        };
        let id = m.get("id").and_then(Value::as_str);
        let mut ok = true;
        let mut bad = |rule: Rule, path: Path, message: String| {
            report(rule, path, id, message);
            ok = false;
        };
        for key in m.keys() {
            if !matches!(key.as_str(), "id" | "kind" | "forms" | "eurovoc" | "source") {
                bad(
                    Rule::Schema,
                    at.clone().key(key),
                    format!("unknown field '{key}' (expected id, kind, forms, eurovoc, source)"),
                );
            }
        }
        match id {
            None => bad(Rule::Schema, at.clone(), "missing field 'id' (text)".into()),
            Some(id) if !is_valid_id(id) => bad(
                Rule::IdFormat,
                at.clone().key("id"),
                format!("id '{id}' is not lower-case kebab-case"),
            ),
            Some(id) if taken.contains(id) || !seen.insert(id.to_owned()) => bad(
                Rule::DuplicateId,
                at.clone().key("id"),
                format!("thesaurus id '{id}' is used twice"),
            ),
            Some(_) => {}
        }
        let kind = match m.get("kind").and_then(Value::as_str) {
            Some("acronym") => Some(TermKind::Acronym),
            Some("synonym") => Some(TermKind::Synonym),
            _ => {
                bad(
                    Rule::Schema,
                    at.clone().key("kind"),
                    "'kind' must be \"acronym\" or \"synonym\"".into(),
                );
                None
            }
        };
        let mut forms = Vec::new();
        match m.get("forms").and_then(Value::as_array) {
            Some(list) if list.len() >= 2 => {
                for (j, f) in list.iter().enumerate() {
                    let path = at.clone().key("forms").index(j);
                    match f.as_str() {
                        Some(s) if !s.chars().any(char::is_alphanumeric) => {
                            bad(Rule::EmptyField, path, "a form must hold a word".into())
                        }
                        Some(s) if s.chars().any(char::is_control) => bad(
                            Rule::ControlCharacter,
                            path,
                            "a form holds a control character".into(),
                        ),
                        Some(s) => forms.push(s.to_owned()),
                        None => bad(Rule::Schema, path, "a form must be text".into()),
                    }
                }
            }
            _ => bad(
                Rule::Schema,
                at.clone().key("forms"),
                "'forms' must list at least two forms".into(),
            ),
        }
        let eurovoc = match m.get("eurovoc") {
            None => None,
            Some(Value::String(u)) if u.starts_with("http://eurovoc.europa.eu/") => Some(u.clone()),
            Some(_) => {
                bad(
                    Rule::SourceLocation,
                    at.clone().key("eurovoc"),
                    "'eurovoc' must be a concept URI http://eurovoc.europa.eu/<id>".into(),
                );
                None
            }
        };
        let source = match m.get("source").and_then(Value::as_object) {
            None => {
                bad(
                    Rule::MissingSource,
                    at.clone(),
                    "an entry must cite its source: source = { title, url }".into(),
                );
                None
            }
            Some(s) => {
                let title = s.get("title").and_then(Value::as_str).unwrap_or("");
                let url = s.get("url").and_then(Value::as_str).unwrap_or("");
                if title.trim().is_empty() {
                    bad(
                        Rule::EmptyField,
                        at.clone().key("source").key("title"),
                        "the source needs a title".into(),
                    );
                }
                if !is_web_url(url) {
                    bad(
                        Rule::SourceLocation,
                        at.clone().key("source").key("url"),
                        format!("the source needs an http(s) URL, not '{url}'"),
                    );
                }
                Some(TermSource {
                    title: title.to_owned(),
                    url: url.to_owned(),
                })
            }
        };
        if let (true, Some(id), Some(kind), Some(source)) = (ok, id, kind, source) {
            out.push(ThesaurusEntry {
                id: id.to_owned(),
                kind,
                forms,
                eurovoc,
                source,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn embedded_is_valid() {
        let t = Thesaurus::from_toml(EMBEDDED_THESAURUS_TOML, "data/thesaurus.toml");
        assert!(t.is_ok(), "{t:?}");
        assert!(t.unwrap().entries().len() >= 30);
    }

    #[test]
    fn problems_are_located() {
        let text = "[[thesaurus]]\nid = \"a\"\nkind = \"acronym\"\nforms = [\"A\", \"a thing\"]\nsource = { title = \"t\", url = \"https://example.org\" }\n\n[[thesaurus]]\nid = \"a\"\nkind = \"word\"\nforms = [\"x\"]\n";
        let Err(Error::Invalid(r)) = Thesaurus::from_toml(text, "t.toml") else {
            panic!("expected problems")
        };
        let codes: Vec<&str> = r.problems.iter().map(|p| p.code()).collect();
        assert_eq!(
            codes,
            ["duplicate-id", "schema", "schema", "missing-source"],
            "{r}"
        );
        assert_eq!(r.problems[0].line, Some(8), "{r}");
        assert_eq!(r.problems[0].path.as_deref(), Some("thesaurus[1].id"));
    }
}
