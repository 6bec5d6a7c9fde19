//! # protecteu
//!
//! A typed, validated, queryable model of **ProtectEU**, the European Internal Security
//! Strategy (Commission Communication COM(2025) 148 final, 1 April 2025): its objectives and
//! principles, its sections, every action the Commission commits to (with timing, actors,
//! threats, the laws it builds on, implementation status and sources), the EU agencies and
//! bodies, the legal instruments, the threats and the key figures.
//!
//! The data set is embedded: no file and no network are needed.
//!
//! ```
//! let s = protecteu::strategy();
//! for a in s.actions().by_actor("europol").due_by(2026) {
//!     println!("{} {}", a.id, a.title);
//! }
//! let hits = s.search("encryption", 10);
//! assert!(hits.iter().any(|h| h.id == "encryption-technology-roadmap"));
//! ```
//!
//! Load your own data set (a directory of TOML/JSON files, or one canonical JSON file) with
//! [`Strategy::from_path`]; it is validated as a whole and every problem is reported with its
//! file, line, column, rule code and entity.

mod interchange;
mod load;
mod model;
mod query;

// Old flat module paths, kept while the modules are being moved into their groups.
use interchange::{
    diff, export, markdown as export_markdown, overlay, rdf, tables as export_tables,
};
use load::{guard, locate, validate};
use model::{celex, error, ids, problem, strategy, suggest, text_index as search, timing, vocab};
use query::{records, stats, timeline};

pub use celex::{eur_lex_url, expected_celex, parse_celex, year_and_number, Celex};
pub use diff::{Diff, EntityChange, EntityRef, FieldChange, KindDiff};
pub use error::{Error, Result};
pub use export::{ExportFile, ExportFormat};
pub use export_tables::Table;
pub use ids::*;
pub use load::read::DataFile;
pub use model::entities::*;
pub use model::provenance::{fingerprint_of, FactCitation, ProvenanceStats, SourceUsage};
pub use overlay::{Overlay, OverlayChange, AMENDS_KEY};
pub use problem::{Problem, Rule, ValidationReport};
pub use query::filter::{parse_date, parse_period, ActionFilter, ActionQuery, Progress};
pub use rdf::DEFAULT_RDF_BASE;
pub use records::Record;
pub use search::{fold, SearchHit};
pub use stats::{Count, Stats};
pub use strategy::Strategy;
pub use timeline::{Timeline, TimelineEntry, TimelineGroup};
pub use timing::{Period, PeriodUnit, Timing, TimingKind};
pub use vocab::Vocabulary;

use once_cell::sync::Lazy;

/// The embedded data set, as canonical JSON (generated from `data/` by `scripts/regenerate`).
pub const EMBEDDED_JSON: &str = include_str!("../data/protecteu-2025.json");

static EMBEDDED: Lazy<Option<Strategy>> = Lazy::new(|| EMBEDDED_JSON.parse().ok());

static EMPTY: Lazy<Strategy> = Lazy::new(Strategy::empty);

/// The embedded ProtectEU model, parsed, validated and indexed on first use.
///
/// The embedded data is validated by the crate's tests, so this never fails in a released
/// crate; should it ever not load, an empty model is returned rather than a panic, and
/// [`try_strategy`] tells why.
///
/// ```
/// let s = protecteu::strategy();
/// assert_eq!(s.info().date.to_string(), "2025-04-01");
/// assert_eq!(s.themes().len(), 9);
/// ```
pub fn strategy() -> &'static Strategy {
    EMBEDDED.as_ref().unwrap_or(&EMPTY)
}

/// The embedded model, or the reason it could not be loaded.
///
/// # Errors
/// [`Error::Invalid`] if the embedded data does not validate (a build defect).
pub fn try_strategy() -> Result<&'static Strategy> {
    match EMBEDDED.as_ref() {
        Some(s) => Ok(s),
        None => EMBEDDED_JSON.parse::<Strategy>().map(|_| strategy()),
    }
}

/// The JSON Schema of a data file (and of the canonical JSON), generated from the Rust types.
pub fn data_file_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(DataFile)).unwrap_or_default()
}

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

impl Strategy {
    /// Ranked full-text search across every kind: every word must match (as a word prefix),
    /// ignoring case and diacritics; best first, at most `limit` hits.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let hits = s.search("EUROPOL", 5);
    /// assert_eq!(hits[0].id, "europol");
    /// ```
    pub fn search(&self, text: &str, limit: usize) -> Vec<SearchHit> {
        self.search_index()
            .top(text, None, limit)
            .into_iter()
            .map(|(doc, score)| SearchHit {
                kind: doc.kind,
                id: self.id_at(doc.kind, doc.pos),
                title: self.title_at(doc.kind, doc.pos),
                score,
            })
            .collect()
    }

    fn id_at(&self, kind: EntityKind, pos: usize) -> String {
        let id = match kind {
            EntityKind::Strategy => Some(self.info.id.as_str()),
            EntityKind::Objective => self.objectives.get(pos).map(|e| e.id.as_str()),
            EntityKind::Principle => self.principles.get(pos).map(|e| e.id.as_str()),
            EntityKind::Section => self.sections.get(pos).map(|e| e.id.as_str()),
            EntityKind::Theme => self.themes.get(pos).map(|e| e.id.as_str()),
            EntityKind::Threat => self.threats.get(pos).map(|e| e.id.as_str()),
            EntityKind::Action => self.actions.get(pos).map(|e| e.id.as_str()),
            EntityKind::Actor => self.actors.get(pos).map(|e| e.id.as_str()),
            EntityKind::Instrument => self.instruments.get(pos).map(|e| e.id.as_str()),
            EntityKind::Document => self.documents.get(pos).map(|e| e.id.as_str()),
            EntityKind::Figure => self.figures.get(pos).map(|e| e.id.as_str()),
            EntityKind::Source => self.sources.get(pos).map(|e| e.id.as_str()),
        };
        id.unwrap_or_default().to_owned()
    }

    /// The title (or name, or statement) of an entity, for listings.
    pub(crate) fn title_at(&self, kind: EntityKind, pos: usize) -> String {
        let t = match kind {
            EntityKind::Strategy => Some(self.info.title.as_str()),
            EntityKind::Objective => self.objectives.get(pos).map(|e| e.title.as_str()),
            EntityKind::Principle => self.principles.get(pos).map(|e| e.title.as_str()),
            EntityKind::Section => self.sections.get(pos).map(|e| e.title.as_str()),
            EntityKind::Theme => self.themes.get(pos).map(|e| e.name.as_str()),
            EntityKind::Threat => self.threats.get(pos).map(|e| e.name.as_str()),
            EntityKind::Action => self.actions.get(pos).map(|e| e.title.as_str()),
            EntityKind::Actor => self.actors.get(pos).map(|e| e.name.as_str()),
            EntityKind::Instrument => self.instruments.get(pos).map(|e| e.short_title.as_str()),
            EntityKind::Document => self.documents.get(pos).map(|e| e.title.as_str()),
            EntityKind::Figure => self.figures.get(pos).map(|e| e.statement.as_str()),
            EntityKind::Source => self.sources.get(pos).map(|e| e.title.as_str()),
        };
        t.unwrap_or_default().to_owned()
    }

    fn empty() -> Strategy {
        Strategy {
            dataset: Dataset {
                version: "0.0.0".into(),
                as_of: chrono::NaiveDate::MIN,
                notes: Some("empty model: the embedded data could not be loaded".into()),
            },
            info: StrategyInfo {
                id: String::new(),
                title: String::new(),
                full_title: String::new(),
                document_number: String::new(),
                celex: None,
                celex_note: None,
                date: chrono::NaiveDate::MIN,
                place: None,
                url: None,
                period: None,
                summary: String::new(),
                citations: Vec::new(),
            },
            objectives: Vec::new(),
            principles: Vec::new(),
            sections: Vec::new(),
            themes: Vec::new(),
            threats: Vec::new(),
            actions: Vec::new(),
            actors: Vec::new(),
            instruments: Vec::new(),
            documents: Vec::new(),
            figures: Vec::new(),
            sources: Vec::new(),
            idx: Default::default(),
        }
    }
}
