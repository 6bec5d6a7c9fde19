//! # protecteu-ffi
//!
//! The [uniffi](https://mozilla.github.io/uniffi-rs/) layer of the `protecteu` model, from which
//! the Kotlin and Swift bindings are generated (`bindings/kotlin`, `bindings/swift`).
//!
//! It is deliberately thin: an object [`Strategy`] whose methods call the core crate, plain
//! records copied field for field from the core types (ids, enum values and dates as strings),
//! an [`ActionQuery`] record that is turned into the core `ActionFilter`, and one error type,
//! [`ProtectEuError`], converted from the core error in one `From` impl. Exports, overlays and
//! diffs ([`Strategy::export`], [`Strategy::with_overlay_text`], [`Strategy::diff`]) are the
//! core's, copied into records ([`ExportFile`], [`OverlayChange`], [`DataSetDiff`]). There is
//! no filtering, merging or validation logic here, and nothing in it panics.
//!
//! ```ignore
//! // Run as the unit test `doc_example_crate` (a cdylib has no doctests).
//! use protecteu_ffi::{ActionQuery, Strategy};
//! let s = Strategy::embedded().unwrap();
//! let q = ActionQuery { actor: Some("europol".into()), ..Default::default() };
//! assert!(s.actions(q).unwrap().iter().any(|a| a.id == "europol-mandate-revision"));
//! // Provenance: field-by-field citations and the data's fingerprint.
//! let cites = s.citations("action".into(), "lawful-access-roadmap".into()).unwrap();
//! assert!(cites.iter().any(|c| c.field == "lead"));
//! assert!(s.expect_fingerprint(s.fingerprint()).is_ok());
//! ```

mod coverage;
mod error;
mod interchange;
mod records;
mod report;
mod strategy;

pub use coverage::{Coverage, CoverageTotals, LevelCount, SectionCoverage};
pub use error::{ProtectEuError, Result, ValidationProblem};
pub use interchange::{
    DataSetDiff, EntityChange, EntityRef, ExportFile, FieldChange, KindDiff, OverlayChange,
};
pub use records::{
    Action, Actor, Citation, Count, Document, FactCitation, KeyFigure, LegalInstrument, Objective,
    Principle, SearchHit, Section, Source, SourceUsage, Stats, StatusEvent, StrategyInfo, Theme,
    Threat, Timeline, TimelineEntry, TimelineGroup, Timing,
};
pub use strategy::{ActionQuery, Strategy};

uniffi::setup_scaffolding!();

#[cfg(test)]
mod tests {
    #[test]
    fn doc_example_crate() {
        use crate::{ActionQuery, Strategy};
        let s = Strategy::embedded().unwrap();
        let q = ActionQuery {
            actor: Some("europol".into()),
            ..Default::default()
        };
        assert!(s
            .actions(q)
            .unwrap()
            .iter()
            .any(|a| a.id == "europol-mandate-revision"));
    }
}
