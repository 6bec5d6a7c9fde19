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

pub use interchange::diff::{Diff, EntityChange, EntityRef, FieldChange, KindDiff};
pub use interchange::export::{ExportFile, ExportFormat};
pub use interchange::overlay::{Overlay, OverlayChange, AMENDS_KEY};
pub use interchange::rdf::DEFAULT_RDF_BASE;
pub use interchange::tables::Table;
pub use load::limits::Limits;
#[cfg(feature = "schema")]
pub use load::read::data_file_schema;
pub use load::read::{DataFile, DATA_FILE_SCHEMA_JSON};
pub use load::thesaurus::{EMBEDDED_THESAURUS_TOML, THESAURUS_KEY};
pub use model::celex::{eur_lex_url, expected_celex, parse_celex, year_and_number, Celex};
pub use model::entities::*;
pub use model::error::{Error, Result};
pub use model::ids::*;
pub use model::problem::{Problem, Rule, ValidationReport};
pub use model::provenance::{fingerprint_of, FactCitation, ProvenanceStats, SourceUsage};
pub use model::strategy::Strategy;
pub use model::thesaurus::{TermKind, TermSource, Thesaurus, ThesaurusEntry};
pub use model::timing::{Period, PeriodUnit, Timing, TimingKind};
pub use model::vocab::Vocabulary;
pub use query::coverage::{Coverage, CoverageTotals, LevelCounts, SectionCoverage};
pub use query::filter::{parse_date, parse_period, ActionFilter, ActionQuery, Progress};
pub use query::records::Record;
pub use query::search::{fold, query_terms, search_terms, SearchHit, SearchResults};
pub use query::stats::{Count, Stats};
pub use query::timeline::{Timeline, TimelineEntry, TimelineGroup};

use once_cell::sync::Lazy;

pub use load::embedded::EMBEDDED_JSON;

/// Parses the embedded data (inflated first with the feature `compressed-data`).
fn parse_embedded() -> Result<Strategy> {
    load::embedded::data_json()?.parse()
}

static EMBEDDED: Lazy<Option<Strategy>> = Lazy::new(|| parse_embedded().ok());

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
        None => parse_embedded().map(|_| strategy()),
    }
}
