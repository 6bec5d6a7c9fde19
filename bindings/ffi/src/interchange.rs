//! Interchange: exports, overlays and diffs, as records and `Strategy` methods. Every method
//! parses its arguments with the core's rules, calls the core and copies the result.

use std::sync::Arc;

use crate::error::Result;
use crate::strategy::Strategy;
use crate::vocab::{EntityKind, ExportFormat};

/// One exported file: its usual name and its text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExportFile {
    /// File name (`protecteu.ttl`, `actions.csv`, `action_lead.csv`, ...).
    pub name: String,
    /// The file's text.
    pub text: String,
}

impl From<protecteu::ExportFile> for ExportFile {
    fn from(f: protecteu::ExportFile) -> Self {
        ExportFile {
            name: f.name,
            text: f.text,
        }
    }
}

/// What an overlay entry did: add an entity or amend one. Prints as `added` / `amended`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
#[uniffi::export(Display)]
pub enum ChangeKind {
    /// A new id.
    Added,
    /// An existing entity (or the `dataset` table), with `amends = true`.
    Amended,
}

impl std::fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ChangeKind::Added => "added",
            ChangeKind::Amended => "amended",
        })
    }
}

/// What an overlay did to one entity.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OverlayChange {
    /// Added or amended.
    pub change: ChangeKind,
    /// The entity's kind; `None` for the `dataset` table.
    pub kind: Option<EntityKind>,
    /// Its id (`dataset` for the dataset table).
    pub id: String,
    /// The overlay file the entry came from.
    pub file: String,
    /// For an amendment: the fields it replaced.
    pub replaced: Vec<String>,
    /// For an amendment: how many status events it appended.
    pub status_events_added: u64,
    /// For an amendment: how many citations it appended.
    pub sources_added: u64,
}

impl From<&protecteu::OverlayChange> for OverlayChange {
    fn from(c: &protecteu::OverlayChange) -> Self {
        match c {
            protecteu::OverlayChange::Added { kind, id, file } => OverlayChange {
                change: ChangeKind::Added,
                kind: Some((*kind).into()),
                id: id.clone(),
                file: file.clone(),
                replaced: Vec::new(),
                status_events_added: 0,
                sources_added: 0,
            },
            protecteu::OverlayChange::Amended {
                kind,
                id,
                file,
                replaced,
                status_events_added,
                sources_added,
            } => OverlayChange {
                change: ChangeKind::Amended,
                kind: kind.map(Into::into),
                id: id.clone(),
                file: file.clone(),
                replaced: replaced.clone(),
                status_events_added: *status_events_added as u64,
                sources_added: *sources_added as u64,
            },
        }
    }
}

/// One field whose value differs, as compact JSON (`None` when absent on that side).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FieldChange {
    /// The field's name in the data format (`title`, `status`, `timing`, ...).
    pub field: String,
    /// The old value as JSON, if the field was there.
    pub old_json: Option<String>,
    /// The new value as JSON, if the field is there.
    pub new_json: Option<String>,
}

fn json(v: &Option<serde_json::Value>) -> Option<String> {
    v.as_ref().map(ToString::to_string)
}

impl From<&protecteu::FieldChange> for FieldChange {
    fn from(f: &protecteu::FieldChange) -> Self {
        FieldChange {
            field: f.field.clone(),
            old_json: json(&f.old),
            new_json: json(&f.new),
        }
    }
}

fn fields(items: &[protecteu::FieldChange]) -> Vec<FieldChange> {
    items.iter().map(FieldChange::from).collect()
}

/// An entity that exists on both sides (possibly under a new id) and differs.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EntityChange {
    /// The id in the new data set.
    pub id: String,
    /// The old id, when the entity was renamed (the new one lists it in `previous_ids`).
    pub renamed_from: Option<String>,
    /// The fields that differ.
    pub fields: Vec<FieldChange>,
}

/// An entity added or removed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EntityRef {
    /// Its id.
    pub id: String,
    /// Its title, name or statement.
    pub title: String,
}

fn refs(items: &[protecteu::EntityRef]) -> Vec<EntityRef> {
    items
        .iter()
        .map(|r| EntityRef {
            id: r.id.clone(),
            title: r.title.clone(),
        })
        .collect()
}

/// The differences within one kind.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct KindDiff {
    /// The kind.
    pub kind: EntityKind,
    /// Entities only in the new data set, in its order.
    pub added: Vec<EntityRef>,
    /// Entities only in the old data set, in its order.
    pub removed: Vec<EntityRef>,
    /// Entities in both that differ, in the new data set's order.
    pub changed: Vec<EntityChange>,
}

/// The differences between two data sets (`Diff` in the core).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DataSetDiff {
    /// Version of the old data set.
    pub old_version: String,
    /// Version of the new data set.
    pub new_version: String,
    /// Fields of the `dataset` table that differ.
    pub dataset: Vec<FieldChange>,
    /// Kinds with differences, in canonical order.
    pub kinds: Vec<KindDiff>,
    /// True when the two data sets hold the same entities with the same fields.
    pub is_empty: bool,
}

impl From<&protecteu::Diff> for DataSetDiff {
    fn from(d: &protecteu::Diff) -> Self {
        DataSetDiff {
            old_version: d.old_version.clone(),
            new_version: d.new_version.clone(),
            dataset: fields(&d.dataset),
            kinds: d
                .kinds
                .iter()
                .map(|k| KindDiff {
                    kind: k.kind.into(),
                    added: refs(&k.added),
                    removed: refs(&k.removed),
                    changed: k
                        .changed
                        .iter()
                        .map(|c| EntityChange {
                            id: c.id.clone(),
                            renamed_from: c.renamed_from.clone(),
                            fields: fields(&c.fields),
                        })
                        .collect(),
                })
                .collect(),
            is_empty: d.is_empty(),
        }
    }
}

impl Strategy {
    /// This model with `overlay` merged over it; the changes of earlier overlays are kept.
    fn overlaid(&self, overlay: &protecteu::Overlay) -> Result<Arc<Strategy>> {
        let (merged, changes) = self.core().apply_overlay(overlay)?;
        let mut all = self.overlay_changes.clone();
        all.extend(changes);
        Ok(Strategy::loaded(merged, all))
    }
}

#[uniffi::export]
impl Strategy {
    /// The model in `format` as one text. `kind` limits `jsonl` to one kind and picks the
    /// table of a `csv` export, which needs one; the other formats always cover the whole
    /// model.
    ///
    /// ```ignore
    /// // Run as the unit test `doc_example_export` (a cdylib has no doctests).
    /// let s = protecteu_ffi::Strategy::embedded().unwrap();
    /// let csv = s.export(ExportFormat::Csv, Some(EntityKind::Action)).unwrap();
    /// assert!(csv.starts_with("id,"));
    /// assert!(s.export(ExportFormat::Csv, None).is_err());
    /// ```
    ///
    /// # Errors
    /// `InvalidArgument` for `csv` without a kind, or for a kind given to a format that has
    /// no use for it.
    #[uniffi::method(default(kind = None))]
    pub fn export(&self, format: ExportFormat, kind: Option<EntityKind>) -> Result<String> {
        Ok(self.core().export(format.into(), kind.map(Into::into))?)
    }

    /// The model in `format` as the files a folder export writes: every table (entities, link
    /// tables, status events, citations, the source registry) for `csv` without a kind, one file otherwise.
    ///
    /// ```ignore
    /// // Run as the unit test `doc_example_export_files` (a cdylib has no doctests).
    /// let s = protecteu_ffi::Strategy::embedded().unwrap();
    /// let files = s.export_files(ExportFormat::Csv, None).unwrap();
    /// assert!(files.iter().any(|f| f.name == "action_lead.csv"));
    /// ```
    ///
    /// # Errors
    /// `InvalidArgument` for a kind given to a format that has no use for it.
    #[uniffi::method(default(kind = None))]
    pub fn export_files(
        &self,
        format: ExportFormat,
        kind: Option<EntityKind>,
    ) -> Result<Vec<ExportFile>> {
        Ok(self
            .core()
            .export_files(format.into(), kind.map(Into::into))?
            .into_iter()
            .map(ExportFile::from)
            .collect())
    }

    /// A new model: this one with a user's overlay (a data file or a directory of them)
    /// merged over it. New ids are added; an entry re-using an id must say `amends = true`
    /// (its fields replace, its status events and citations append); the merged set is
    /// validated as a whole.
    ///
    /// # Errors
    /// `Io` if the overlay cannot be read; `Validation` with every problem of the overlay or
    /// of the merged data set (located in the overlay's files).
    pub fn with_overlay(&self, path: String) -> Result<Arc<Strategy>> {
        self.overlaid(&protecteu::Overlay::from_path(path)?)
    }

    /// Like `with_overlay`, from the text of one data file (TOML, or JSON starting with `{`);
    /// `name` is the file name used in problems and in `overlay_changes`.
    ///
    /// ```
    /// let s = protecteu_ffi::Strategy::embedded().unwrap();
    /// let overlay = r#"
    /// [[actions]]
    /// id = "eu-ports-strategy"
    /// amends = true
    /// title = "EU Ports Strategy (as the overlay reads it)"
    ///
    /// [[actions.citations]]
    /// source = "dg-home-internal-security-page"
    /// fields = ["title"]
    /// verification = "official_summary"
    /// "#;
    /// let merged = s.with_overlay_text(overlay.into(), "notes.toml".into()).unwrap();
    /// assert_eq!(merged.overlay_changes()[0].change, protecteu_ffi::ChangeKind::Amended);
    /// assert_eq!(merged.diff(s.clone()).kinds[0].changed[0].id, "eu-ports-strategy");
    /// ```
    ///
    /// # Errors
    /// `Validation` with every problem of the overlay or of the merged data set.
    #[uniffi::method(default(name = "overlay.toml"))]
    pub fn with_overlay_text(&self, text: String, name: String) -> Result<Arc<Strategy>> {
        self.overlaid(&protecteu::Overlay::from_text(&text, &name))
    }

    /// What the overlays that made this model did, in order, one record per entity; empty
    /// for a model not made by `with_overlay` / `with_overlay_text`.
    pub fn overlay_changes(&self) -> Vec<OverlayChange> {
        self.overlay_changes
            .iter()
            .map(OverlayChange::from)
            .collect()
    }

    /// What changed from this model (the old one) to `newer`: per kind, the entities added,
    /// removed and changed (with their changed fields), following renamed ids.
    ///
    /// ```
    /// let s = protecteu_ffi::Strategy::embedded().unwrap();
    /// assert!(s.diff(s.clone()).is_empty);
    /// ```
    pub fn diff(&self, newer: Arc<Strategy>) -> DataSetDiff {
        DataSetDiff::from(&self.core().diff(newer.core()))
    }

    /// `diff` as text for people: a summary line per kind, `+` added, `-` removed, `~` changed
    /// with one line per changed field.
    pub fn diff_text(&self, newer: Arc<Strategy>) -> String {
        self.core().diff(newer.core()).to_text()
    }

    /// `diff` as pretty-printed JSON (the core's serialisation, as `protecteu diff --format
    /// json` writes it).
    pub fn diff_json(&self, newer: Arc<Strategy>) -> String {
        self.core().diff(newer.core()).to_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActionQuery, ProtectEuError};

    #[test]
    fn doc_example_export() {
        let s = crate::Strategy::embedded().unwrap();
        let csv = s
            .export(ExportFormat::Csv, Some(EntityKind::Action))
            .unwrap();
        assert!(csv.starts_with("id,"));
        assert!(s.export(ExportFormat::Csv, None).is_err());
    }

    #[test]
    fn doc_example_export_files() {
        let s = crate::Strategy::embedded().unwrap();
        let files = s.export_files(ExportFormat::Csv, None).unwrap();
        assert!(files.iter().any(|f| f.name == "action_lead.csv"));
    }

    const NEW_ACTION: &str = r#"
[[actions]]
id = "national-port-security-plan"
title = "National port security plan"
summary = "A member state's own follow-up: a plan for security at its main ports."
section = "drugs"
kind = "action_plan"
timing = { kind = "year", year = 2026, text = "in 2026" }
lead = ["member-states"]
involved = ["europol"]
themes = ["drug-trafficking"]

[[actions.citations]]
source = "dg-home-internal-security-page"
fields = ["themes"]
verification = "official_summary"
"#;

    const AMENDMENT: &str = r#"
[[actions]]
id = "eu-ports-strategy"
amends = true
title = "EU Ports Strategy (amended)"

[[actions.citations]]
source = "dg-home-internal-security-page"
fields = ["title"]
verification = "official_summary"
"#;

    fn embedded() -> Arc<Strategy> {
        Strategy::embedded().unwrap()
    }

    fn invalid(r: Result<impl std::fmt::Debug>) -> String {
        match r {
            Err(ProtectEuError::InvalidArgument { details }) => details,
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
    }

    #[test]
    fn export_of_every_format() {
        let s = embedded();
        for format in ExportFormat::ALL.iter().copied() {
            let text = if format == ExportFormat::Csv {
                s.export(format, Some(EntityKind::Action)).unwrap()
            } else {
                s.export(format, None).unwrap()
            };
            assert!(!text.is_empty(), "{format}");
        }
        let jsonl = s.export(ExportFormat::Jsonl, None).unwrap();
        // A line for the dataset table, one for the strategy, one per entity and registry source.
        let entities = 2
            + s.objectives().len()
            + s.principles().len()
            + s.sections().len()
            + s.themes().len()
            + s.threats().len()
            + s.action_list().len()
            + s.actors().len()
            + s.instruments().len()
            + s.documents().len()
            + s.figures().len()
            + s.sources().len();
        assert_eq!(jsonl.lines().count(), entities);
        let actions = s
            .export(ExportFormat::Jsonl, Some(EntityKind::Action))
            .unwrap();
        assert_eq!(actions.lines().count(), s.action_list().len());
        assert!(s
            .export(ExportFormat::Csv, Some(EntityKind::Actor))
            .unwrap()
            .starts_with("id,"));
        assert_eq!(
            s.export(ExportFormat::Json, None).unwrap(),
            s.core().to_canonical_json()
        );
    }

    #[test]
    fn export_errors_are_invalid_arguments() {
        let s = embedded();
        assert!(invalid(s.export(ExportFormat::Csv, None)).contains("kind"));
        invalid(s.export(ExportFormat::Turtle, Some(EntityKind::Action)));
        invalid(s.export_files(ExportFormat::Markdown, Some(EntityKind::Action)));
        let kind = invalid(crate::vocab::parse_entity_kind("widgets".into()));
        assert!(kind.contains("invalid kind 'widgets'"), "{kind}");
    }

    #[test]
    fn export_files_gives_every_csv_table() {
        let s = embedded();
        let files = s.export_files(ExportFormat::Csv, None).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert!(names.contains(&"actions.csv"), "{names:?}");
        assert!(names.contains(&"action_lead.csv"), "{names:?}");
        assert!(files.iter().all(|f| !f.text.is_empty()));
        let one = s.export_files(ExportFormat::Turtle, None).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].name, "protecteu.ttl");
        let table = s
            .export_files(ExportFormat::Csv, Some(EntityKind::Actor))
            .unwrap();
        assert_eq!(table.len(), 1);
        assert_eq!(table[0].name, "actors.csv");
    }

    #[test]
    fn an_added_action_is_queried_listed_and_diffed() {
        let s = embedded();
        assert!(s.overlay_changes().is_empty());
        let merged = s
            .with_overlay_text(NEW_ACTION.into(), "ports.toml".into())
            .unwrap();
        let q = ActionQuery {
            lead: Some("member-states".into()),
            text: Some("port security".into()),
            ..Default::default()
        };
        let ids: Vec<String> = merged
            .actions(q)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert!(
            ids.contains(&"national-port-security-plan".to_owned()),
            "{ids:?}"
        );
        assert_eq!(merged.action_list().len(), s.action_list().len() + 1);

        assert_eq!(
            merged.overlay_changes(),
            [OverlayChange {
                change: ChangeKind::Added,
                kind: Some(EntityKind::Action),
                id: "national-port-security-plan".into(),
                file: "ports.toml".into(),
                replaced: vec![],
                status_events_added: 0,
                sources_added: 0,
            }]
        );

        let d = s.diff(merged.clone());
        assert!(!d.is_empty);
        assert_eq!(d.kinds.len(), 1);
        assert_eq!(d.kinds[0].kind, EntityKind::Action);
        assert_eq!(
            d.kinds[0].added,
            [EntityRef {
                id: "national-port-security-plan".into(),
                title: "National port security plan".into(),
            }]
        );
        assert!(d.kinds[0].removed.is_empty() && d.kinds[0].changed.is_empty());
        // The other way round, the action is removed.
        assert_eq!(merged.diff(s.clone()).kinds[0].removed.len(), 1);
        assert!(s
            .diff_text(merged.clone())
            .contains("+ national-port-security-plan"));
        let json: serde_json::Value = serde_json::from_str(&s.diff_json(merged)).unwrap();
        assert_eq!(
            json["kinds"][0]["added"][0]["id"],
            "national-port-security-plan"
        );
    }

    #[test]
    fn an_amendment_is_a_field_change_and_changes_accumulate() {
        let s = embedded();
        let amended = s
            .with_overlay_text(AMENDMENT.into(), "amend.toml".into())
            .unwrap();
        let c = &amended.overlay_changes()[0];
        assert_eq!(
            (c.change, c.id.as_str()),
            (ChangeKind::Amended, "eu-ports-strategy")
        );
        assert_eq!(c.kind, Some(EntityKind::Action));
        assert_eq!(c.replaced, ["title"]);
        assert_eq!((c.sources_added, c.status_events_added), (1, 0));

        let d = s.diff(amended.clone());
        let change = &d.kinds[0].changed[0];
        assert_eq!(change.id, "eu-ports-strategy");
        assert_eq!(change.renamed_from, None);
        let title = change.fields.iter().find(|f| f.field == "title").unwrap();
        assert_eq!(title.old_json.as_deref(), Some("\"EU Ports Strategy\""));
        assert_eq!(
            title.new_json.as_deref(),
            Some("\"EU Ports Strategy (amended)\"")
        );
        assert!(change.fields.iter().any(|f| f.field == "citations"));
        assert!(s.diff_text(amended.clone()).contains("~ eu-ports-strategy"));

        let both = amended
            .with_overlay_text(NEW_ACTION.into(), "ports.toml".into())
            .unwrap();
        let changes: Vec<String> = both.overlay_changes().into_iter().map(|c| c.id).collect();
        assert_eq!(
            changes,
            ["eu-ports-strategy", "national-port-security-plan"]
        );
    }

    #[test]
    fn a_reused_id_without_amends_is_a_validation_error() {
        let s = embedded();
        let err = s
            .with_overlay_text(AMENDMENT.replace("amends = true", ""), "dup.toml".into())
            .unwrap_err();
        let ProtectEuError::Validation { problems, details } = err else {
            panic!("expected Validation, got {err:?}");
        };
        let dup = problems.iter().find(|p| p.rule == "duplicate-id").unwrap();
        assert_eq!(dup.id.as_deref(), Some("eu-ports-strategy"));
        assert_eq!(dup.file.as_deref(), Some("dup.toml"));
        assert!(details.contains("eu-ports-strategy"), "{details}");
    }

    #[test]
    fn every_problem_of_the_merged_set_is_reported() {
        let bad = NEW_ACTION
            .replace("[\"member-states\"]", "[\"no-such-actor\"]")
            .replace("section = \"drugs\"", "section = \"no-such-section\"");
        let err = embedded()
            .with_overlay_text(bad, "bad.toml".into())
            .unwrap_err();
        let ProtectEuError::Validation { problems, .. } = err else {
            panic!("expected Validation, got {err:?}");
        };
        let refs = problems
            .iter()
            .filter(|p| p.rule == "unknown-reference")
            .count();
        assert!(refs >= 2, "{problems:?}");
        assert!(problems
            .iter()
            .all(|p| p.file.as_deref() == Some("bad.toml")));
    }

    #[test]
    fn with_overlay_reads_files_and_reports_io_errors() {
        let s = embedded();
        let dir =
            std::env::temp_dir().join(format!("protecteu-ffi-overlay-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("ports.toml");
        std::fs::write(&file, NEW_ACTION).unwrap();
        let merged = s.with_overlay(file.display().to_string());
        let dir_merged = s.with_overlay(dir.display().to_string());
        std::fs::remove_dir_all(&dir).unwrap();
        let merged = merged.unwrap();
        assert_eq!(merged.overlay_changes().len(), 1);
        assert!(merged.overlay_changes()[0].file.ends_with("ports.toml"));
        assert_eq!(
            dir_merged.unwrap().action_list().len(),
            merged.action_list().len()
        );
        match s.with_overlay("/no/such/overlay.toml".into()) {
            Err(ProtectEuError::Io { path, .. }) => assert_eq!(path, "/no/such/overlay.toml"),
            other => panic!("expected Io, got {other:?}"),
        }
    }

    #[test]
    fn a_diff_with_itself_is_empty() {
        let s = embedded();
        let d = s.diff(s.clone());
        assert!(d.is_empty && d.kinds.is_empty() && d.dataset.is_empty());
        assert_eq!(d.old_version, d.new_version);
        assert!(s.diff_text(s.clone()).contains("no differences"));
    }
}
