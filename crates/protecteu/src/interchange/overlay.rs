//! Overlays: a user's own data files (national implementation notes, extra actions, status
//! events, corrections) merged over a base data set, then validated as a whole.
//!
//! An overlay is written in the data format of `data/` (TOML or JSON, a key per kind), with
//! one addition: an entry whose id already exists in the base must say `amends = true`.
//!
//! - An entry with a new id is **added** (it must be a complete entity, like any data file's).
//! - An entry with `amends = true` **amends** the base entity with that id: each field it
//!   gives replaces that field, except `status`, whose events are **appended**, and
//!   `citations`, which are **appended** to the entity's own (so the base's citations stay and
//!   the overlay's facts carry theirs). An amendment that changes any field other than `status`
//!   must give at least one citation. New sources are added to the registry with a top-level
//!   `[[sources]]` entry, like any other kind.
//! - An entry that re-uses an existing id **without** `amends = true` is a `duplicate-id`
//!   problem: nothing is ever silently replaced. `amends = true` on an id the base does not
//!   have is an `unknown-reference` problem.
//! - `[dataset]` and `[strategy]` always exist in the base, so they can only be amended.
//! - An optional `[overlay]` table holds `name` and `description` of the overlay.
//! - `[[thesaurus]]` entries (the form of `data/thesaurus.toml`) extend the search thesaurus.
//!
//! The merged data set is then loaded and validated exactly like any data set; problems in
//! entries that came from the overlay point at the overlay file.

use std::collections::HashMap;
use std::path::Path as FsPath;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::load::locate::{self, Format, Path};
use crate::load::InputFile;
use crate::load::Limits;
use crate::model::error::{Error, Result};
use crate::model::problem::{Problem, Rule, ValidationReport};
use crate::model::strategy::Strategy;
use crate::model::EntityKind;

/// The key that marks an overlay entry as an amendment of an existing entity.
pub const AMENDS_KEY: &str = "amends";

/// A user's overlay: one or more data files to merge over a base data set.
#[derive(Debug, Clone)]
pub struct Overlay {
    files: Vec<InputFile>,
}

/// What an overlay did to one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum OverlayChange {
    /// A new entity was added.
    Added {
        /// Its kind.
        kind: EntityKind,
        /// Its id.
        id: String,
        /// The overlay file it came from.
        file: String,
    },
    /// An existing entity (or the `dataset` / `strategy` table) was amended.
    Amended {
        /// Its kind; `None` for the `dataset` table.
        kind: Option<EntityKind>,
        /// Its id (`dataset` for the dataset table).
        id: String,
        /// The overlay file it came from.
        file: String,
        /// The fields replaced.
        replaced: Vec<String>,
        /// How many status events were appended.
        status_events_added: usize,
        /// How many citations were appended.
        sources_added: usize,
    },
}

impl Overlay {
    /// Reads an overlay from a file or a directory of `.toml` / `.json` files (in path order).
    ///
    /// # Errors
    /// [`Error::Io`] if it cannot be read; [`Error::Invalid`] for a file over the size limit or
    /// not valid UTF-8.
    pub fn from_path(path: impl AsRef<FsPath>) -> Result<Overlay> {
        Ok(Overlay {
            files: crate::load::read_path(path.as_ref(), &Limits::default())?,
        })
    }

    /// An overlay from one file's text (JSON if it starts with `{`, TOML otherwise); `name`
    /// is used in problem locations.
    pub fn from_text(text: &str, name: &str) -> Overlay {
        let format = if text.trim_start().starts_with('{') {
            Format::Json
        } else {
            Format::Toml
        };
        Overlay {
            files: vec![InputFile {
                name: name.to_owned(),
                text: text.to_owned(),
                format,
            }],
        }
    }

    /// The names of the overlay's files.
    pub fn file_names(&self) -> Vec<&str> {
        self.files.iter().map(|f| f.name.as_str()).collect()
    }
}

/// Where an overlay entry sits, to point problems at it.
#[derive(Debug, Clone)]
struct Entry {
    file: usize,
    index: usize,
    /// Status events the entity had before this entry appended its own.
    status_before: usize,
}

struct Merger<'a> {
    files: &'a [InputFile],
    merged: Map<String, Value>,
    /// Per kind plural: id -> position in the merged list.
    positions: HashMap<String, HashMap<String, usize>>,
    touched: HashMap<(String, String), Entry>,
    problems: Vec<Problem>,
    changes: Vec<OverlayChange>,
    /// Thesaurus entries the overlay adds, and the ids already taken.
    thesaurus: Vec<crate::model::thesaurus::ThesaurusEntry>,
    thesaurus_ids: std::collections::HashSet<String>,
}

impl Merger<'_> {
    fn problem(
        &mut self,
        rule: Rule,
        file: usize,
        path: Path,
        kind: Option<EntityKind>,
        id: Option<&str>,
        message: String,
    ) {
        let f = &self.files[file];
        let at = locate::locate(&f.text, f.format, &path).map(|o| locate::line_col(&f.text, o));
        self.problems.push(Problem {
            rule,
            message,
            file: Some(f.name.clone()),
            line: at.map(|x| x.0),
            column: at.map(|x| x.1),
            path: Some(path.to_string()).filter(|p| !p.is_empty()),
            kind,
            id: id.map(str::to_owned),
        });
    }

    fn parse(&mut self, file: usize) -> Option<Map<String, Value>> {
        let f = &self.files[file];
        let parsed: std::result::Result<Value, (String, Option<(usize, usize)>)> = match f.format {
            Format::Json => serde_json::from_str::<Value>(&f.text).map_err(|e| {
                (
                    format!("not well-formed JSON: {e}"),
                    Some((e.line(), e.column())),
                )
            }),
            Format::Toml => toml::from_str::<toml::Value>(&f.text)
                .map(crate::load::read::toml_to_json)
                .map_err(|e| {
                    let at = e.span().map(|s| locate::line_col(&f.text, s.start));
                    (format!("not well-formed TOML: {}", e.message().trim()), at)
                }),
        };
        match parsed {
            Ok(Value::Object(m)) => Some(m),
            Ok(_) => {
                self.problem(
                    Rule::Schema,
                    file,
                    Path::default(),
                    None,
                    None,
                    "an overlay file must hold a table/object with a key per kind".into(),
                );
                None
            }
            Err((message, at)) => {
                self.problems.push(Problem {
                    rule: Rule::Syntax,
                    message,
                    file: Some(f.name.clone()),
                    line: at.map(|x| x.0),
                    column: at.map(|x| x.1),
                    path: None,
                    kind: None,
                    id: None,
                });
                None
            }
        }
    }

    /// Takes the amend marker out of an entry; `None` (after reporting) if it is not a bool.
    fn take_marker(
        &mut self,
        file: usize,
        path: &Path,
        kind: Option<EntityKind>,
        entry: &mut Map<String, Value>,
    ) -> Option<bool> {
        match entry.remove(AMENDS_KEY) {
            None => Some(false),
            Some(Value::Bool(b)) => Some(b),
            Some(_) => {
                let id = entry.get("id").and_then(Value::as_str).map(str::to_owned);
                self.problem(
                    Rule::Schema,
                    file,
                    path.clone().key(AMENDS_KEY),
                    kind,
                    id.as_deref(),
                    format!("'{AMENDS_KEY}' must be true or false"),
                );
                None
            }
        }
    }

    /// Applies an amendment's fields to a target object; returns (replaced, events, sources).
    fn amend(
        target: &mut Map<String, Value>,
        entry: Map<String, Value>,
    ) -> (Vec<String>, usize, usize) {
        let mut replaced = Vec::new();
        let (mut events, mut sources) = (0, 0);
        for (k, v) in entry {
            if k == "id" {
                continue;
            }
            match (k.as_str(), v) {
                ("status", Value::Array(items)) => {
                    events += items.len();
                    let list = target
                        .entry("status")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(l) = list {
                        l.extend(items);
                    }
                }
                ("citations", Value::Array(items)) => {
                    let list = target
                        .entry("citations")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(l) = list {
                        for s in items {
                            if !l.contains(&s) {
                                l.push(s);
                                sources += 1;
                            }
                        }
                    }
                }
                (_, v) => {
                    target.insert(k.clone(), v);
                    replaced.push(k);
                }
            }
        }
        (replaced, events, sources)
    }

    fn singleton(&mut self, file: usize, key: &str, value: Value) {
        let path = Path::default().key(key);
        let kind = (key == "strategy").then_some(EntityKind::Strategy);
        let Value::Object(mut entry) = value else {
            self.problem(
                Rule::Schema,
                file,
                path,
                kind,
                None,
                format!("[{key}] must be a table/object"),
            );
            return;
        };
        let Some(amends) = self.take_marker(file, &path, kind, &mut entry) else {
            return;
        };
        if !amends {
            self.problem(Rule::Singleton, file, path, kind, None, format!("[{key}] is in the base data set: an overlay can only amend it (add {AMENDS_KEY} = true)"));
            return;
        }
        let changes_facts = entry
            .keys()
            .any(|k| k != "id" && k != "citations" && k != "status");
        if key == "strategy" && changes_facts && !has_sources(&entry) {
            self.problem(
                Rule::MissingSource,
                file,
                path,
                kind,
                None,
                "an amendment must cite its source: give citations for the facts it changes".into(),
            );
            return;
        }
        let id = match key {
            "strategy" => self
                .merged
                .get("strategy")
                .and_then(|s| s.get("id"))
                .and_then(Value::as_str)
                .unwrap_or("strategy")
                .to_owned(),
            _ => "dataset".to_owned(),
        };
        let name = self.files[file].name.clone();
        if let Some(Value::Object(target)) = self.merged.get_mut(key) {
            let (replaced, status_events_added, sources_added) = Self::amend(target, entry);
            self.changes.push(OverlayChange::Amended {
                kind,
                id,
                file: name,
                replaced,
                status_events_added,
                sources_added,
            });
        }
    }

    fn entities(&mut self, file: usize, kind: EntityKind, value: Value) {
        let plural = kind.plural();
        let Value::Array(items) = value else {
            self.problem(
                Rule::Schema,
                file,
                Path::default().key(plural),
                Some(kind),
                None,
                format!("'{plural}' must be a list of {}s", kind.name()),
            );
            return;
        };
        for (j, item) in items.into_iter().enumerate() {
            let path = Path::default().key(plural).index(j);
            let Value::Object(mut entry) = item else {
                self.problem(
                    Rule::Schema,
                    file,
                    path,
                    Some(kind),
                    None,
                    format!("each of '{plural}' must be a table/object"),
                );
                continue;
            };
            let Some(amends) = self.take_marker(file, &path, Some(kind), &mut entry) else {
                continue;
            };
            let Some(id) = entry.get("id").and_then(Value::as_str).map(str::to_owned) else {
                self.problem(
                    Rule::Schema,
                    file,
                    path,
                    Some(kind),
                    None,
                    format!("{} (no id): every overlay entry needs an id", kind.name()),
                );
                continue;
            };
            let existing = self.positions.get(plural).and_then(|m| m.get(&id)).copied();
            let name = self.files[file].name.clone();
            let key = (plural.to_owned(), id.clone());
            match (existing, amends) {
                (Some(_), false) => self.problem(
                    Rule::DuplicateId,
                    file,
                    path.key("id"),
                    Some(kind),
                    Some(&id),
                    format!("{} '{id}' already exists: an overlay never replaces silently; add {AMENDS_KEY} = true to amend it, or choose a new id", kind.name()),
                ),
                (None, true) => self.problem(
                    Rule::UnknownReference,
                    file,
                    path.key("id"),
                    Some(kind),
                    Some(&id),
                    format!("{} '{id}' is marked {AMENDS_KEY} = true but the data set has no such {}", kind.name(), kind.name()),
                ),
                (None, false) => {
                    let list = self.merged.entry(plural).or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(l) = list {
                        self.positions.entry(plural.to_owned()).or_default().insert(id.clone(), l.len());
                        l.push(Value::Object(entry));
                    }
                    self.touched.insert(key, Entry { file, index: j, status_before: 0 });
                    self.changes.push(OverlayChange::Added { kind, id, file: name });
                }
                (Some(pos), true) => {
                    let changes_facts = entry.keys().any(|k| k != "id" && k != "citations" && k != "status");
                    if changes_facts && !has_sources(&entry) {
                        self.problem(
                            Rule::MissingSource,
                            file,
                            path,
                            Some(kind),
                            Some(&id),
                            format!("the amendment of {} '{id}' must cite its source: give citations for the facts it changes", kind.name()),
                        );
                        continue;
                    }
                    let Some(Value::Object(target)) = self.merged.get_mut(plural).and_then(|l| l.get_mut(pos)) else { continue };
                    let status_before = target.get("status").and_then(Value::as_array).map_or(0, Vec::len);
                    let (replaced, status_events_added, sources_added) = Self::amend(target, entry);
                    self.touched.insert(key, Entry { file, index: j, status_before });
                    self.changes.push(OverlayChange::Amended { kind: Some(kind), id, file: name, replaced, status_events_added, sources_added });
                }
            }
        }
    }

    fn file(&mut self, file: usize) {
        let Some(top) = self.parse(file) else { return };
        for (key, value) in top {
            match key.as_str() {
                "overlay" => {
                    let ok = value.as_object().is_some_and(|m| {
                        m.iter().all(|(k, v)| {
                            matches!(k.as_str(), "name" | "description") && v.is_string()
                        })
                    });
                    if !ok {
                        self.problem(
                            Rule::Schema,
                            file,
                            Path::default().key("overlay"),
                            None,
                            None,
                            "[overlay] may hold only 'name' and 'description' (text)".into(),
                        );
                    }
                }
                "dataset" | "strategy" => self.singleton(file, &key, value),
                crate::load::thesaurus::THESAURUS_KEY => {
                    let mut found = Vec::new();
                    let entries = crate::load::thesaurus::check_entries(
                        &value,
                        &self.thesaurus_ids,
                        &mut |rule, path, id, message| {
                            found.push((rule, path, id.map(str::to_owned), message))
                        },
                    );
                    for (rule, path, id, message) in found {
                        self.problem(rule, file, path, None, id.as_deref(), message);
                    }
                    self.thesaurus_ids
                        .extend(entries.iter().map(|e| e.id.clone()));
                    self.thesaurus.extend(entries);
                }
                other => match EntityKind::parse(other)
                    .filter(|k| k.plural() == other && *k != EntityKind::Strategy)
                {
                    Some(kind) => self.entities(file, kind, value),
                    None => self.problem(
                        Rule::UnknownKey,
                        file,
                        Path::default().key(other),
                        None,
                        None,
                        format!("unknown key '{other}' in an overlay"),
                    ),
                },
            }
        }
    }
}

fn has_sources(entry: &Map<String, Value>) -> bool {
    entry
        .get("citations")
        .and_then(Value::as_array)
        .is_some_and(|l| !l.is_empty())
}

/// Splits `actions[12].status[3].date` into (`actions`, 12, `.status[3].date`).
fn split_path(path: &str) -> Option<(&str, usize, &str)> {
    let open = path.find('[')?;
    let close = open + path[open..].find(']')?;
    let index = path[open + 1..close].parse().ok()?;
    Some((&path[..open], index, &path[close + 1..]))
}

impl Strategy {
    /// This data set with an overlay (a file or a directory of files) merged over it, validated
    /// as a whole. See the [module rules](crate::Overlay): add new ids, amend existing ones
    /// only with `amends = true`, append status events and citations.
    ///
    /// # Errors
    /// [`Error::Io`] if the overlay cannot be read; [`Error::Invalid`] with every problem of the
    /// overlay or of the merged data set.
    pub fn with_overlay(&self, path: impl AsRef<FsPath>) -> Result<Strategy> {
        self.apply_overlay(&Overlay::from_path(path)?)
            .map(|(s, _)| s)
    }

    /// [`Strategy::with_overlay`] from one file's text (TOML, or JSON starting with `{`).
    ///
    /// ```
    /// let base = protecteu::strategy();
    /// let overlay = r#"
    /// [[actions]]
    /// id = "europol-mandate-revision"
    /// amends = true
    ///
    /// [[actions.status]]
    /// date = "2026-06-25"
    /// status = "in_progress"
    /// note = "Discussed in the national parliament's home affairs committee."
    ///
    /// [[actions.status.citations]]
    /// source = "committee-minutes-2026-06-25"
    /// locator = "item 3"
    /// verification = "official_summary"
    ///
    /// [[sources]]
    /// id = "committee-minutes-2026-06-25"
    /// title = "Minutes of the home affairs committee, 25 June 2026"
    /// url = "https://example.org/minutes"
    /// publisher = "A national parliament"
    /// class = "national_government"
    /// language = "en"
    /// readable = "whole document"
    /// "#;
    /// let merged = base.with_overlay_str(overlay, "notes.toml").unwrap();
    /// let a = merged.action("europol-mandate-revision").unwrap();
    /// assert_eq!(a.status.len(), base.action("europol-mandate-revision").unwrap().status.len() + 1);
    ///
    /// // Re-using an id without the marker is refused.
    /// let err = base.with_overlay_str(&overlay.replace("amends = true", ""), "notes.toml").unwrap_err();
    /// assert!(err.to_string().contains("duplicate-id"));
    /// ```
    ///
    /// # Errors
    /// As [`Strategy::with_overlay`].
    pub fn with_overlay_str(&self, text: &str, name: &str) -> Result<Strategy> {
        self.apply_overlay(&Overlay::from_text(text, name))
            .map(|(s, _)| s)
    }

    /// Merges an overlay over this data set and validates the result; gives the merged model
    /// and what the overlay changed, entity by entity.
    ///
    /// # Errors
    /// [`Error::Invalid`] with every problem of the overlay or of the merged data set.
    pub fn apply_overlay(&self, overlay: &Overlay) -> Result<(Strategy, Vec<OverlayChange>)> {
        let base: Value = serde_json::from_str(&self.to_canonical_json()).unwrap_or(Value::Null);
        let Value::Object(merged) = base else {
            return Err(Error::Invalid(ValidationReport {
                problems: Vec::new(),
            }));
        };
        let mut positions: HashMap<String, HashMap<String, usize>> = HashMap::new();
        for k in EntityKind::ALL.iter().skip(1) {
            let ids = merged
                .get(k.plural())
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
                .filter_map(|(i, e)| Some((e.get("id")?.as_str()?.to_owned(), i)))
                .collect();
            positions.insert(k.plural().to_owned(), ids);
        }
        let mut m = Merger {
            files: &overlay.files,
            merged,
            positions,
            touched: HashMap::new(),
            problems: Vec::new(),
            changes: Vec::new(),
            thesaurus: Vec::new(),
            thesaurus_ids: self
                .idx
                .thesaurus
                .entries()
                .iter()
                .map(|e| e.id.clone())
                .collect(),
        };
        for f in 0..overlay.files.len() {
            m.file(f);
        }
        if !m.problems.is_empty() {
            return Err(Error::Invalid(ValidationReport {
                problems: m.problems,
            }));
        }
        let names = overlay.file_names().join(", ");
        let merged_name = format!("<base data set + {names}>");
        let text = serde_json::to_string_pretty(&Value::Object(m.merged)).unwrap_or_default();
        match Strategy::from_text(&text, &merged_name, &Limits::default()) {
            Ok(mut s) => {
                s.idx.thesaurus = if m.thesaurus.is_empty() {
                    self.idx.thesaurus.clone()
                } else {
                    std::sync::Arc::new(self.idx.thesaurus.extended(&m.thesaurus))
                };
                Ok((s, m.changes))
            }
            Err(Error::Invalid(mut report)) => {
                for p in &mut report.problems {
                    relocate(p, &m.touched, &m.positions, &overlay.files);
                }
                Err(Error::Invalid(report))
            }
            Err(e) => Err(e),
        }
    }
}

/// Points a problem of the merged data set at the overlay entry it came from, when it did.
fn relocate(
    p: &mut Problem,
    touched: &HashMap<(String, String), Entry>,
    positions: &HashMap<String, HashMap<String, usize>>,
    files: &[InputFile],
) {
    let (Some(kind), Some(id), Some(path)) = (p.kind, p.id.clone(), p.path.clone()) else {
        return;
    };
    let Some(entry) = touched.get(&(kind.plural().to_owned(), id.clone())) else {
        return;
    };
    let Some((plural, merged_index, rest)) = split_path(&path) else {
        return;
    };
    if positions.get(plural).and_then(|m| m.get(&id)) != Some(&merged_index) {
        return;
    }
    // Appended status events: merged status[k] is the overlay's status[k - before].
    let status = rest.strip_prefix('.').filter(|r| r.starts_with("status["));
    let rest = match status.and_then(split_path) {
        Some((_, k, tail)) if k >= entry.status_before => {
            format!(".status[{}]{tail}", k - entry.status_before)
        }
        Some(_) => String::new(),
        None => rest.to_owned(),
    };
    let new_path = format!("{plural}[{}]{rest}", entry.index);
    let Some(f) = files.get(entry.file) else {
        return;
    };
    let located = Path::default().extend_printed(&new_path);
    let at = locate::locate(&f.text, f.format, &located).map(|o| locate::line_col(&f.text, o));
    p.file = Some(f.name.clone());
    p.line = at.map(|x| x.0);
    p.column = at.map(|x| x.1);
    p.path = Some(new_path);
}
