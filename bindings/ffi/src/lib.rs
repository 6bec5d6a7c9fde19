//! # protecteu-ffi
//!
//! The [uniffi](https://mozilla.github.io/uniffi-rs/) layer of the `protecteu` model, from which
//! the Kotlin and Swift bindings are generated (`bindings/kotlin`, `bindings/swift`).
//!
//! It is deliberately thin: an object [`Strategy`] whose methods call the core crate, plain
//! records copied field for field from the core types, an [`ActionQuery`] record that is
//! turned into the core `ActionFilter`, and one error type, [`ProtectEuError`], converted from
//! the core error in one `From` impl. Ids are strings; every closed vocabulary is an enum
//! ([`Status`], [`ActionKind`], ...) mirroring the core's, with exhaustive conversions so a
//! value added to the core fails the build until it is listed here; dates are
//! [`CalendarDate`]s (`java.time.LocalDate` in Kotlin, `DateComponents` in Swift: see
//! `uniffi.toml`); periods are [`Period`] records made with [`parse_period`]. Exports, overlays and
//! diffs ([`Strategy::export`], [`Strategy::with_overlay_text`], [`Strategy::diff`]) are the
//! core's, copied into records ([`ExportFile`], [`OverlayChange`], [`DataSetDiff`]). There is
//! no filtering, merging or validation logic here, and nothing in it panics.
//!
//! ```ignore
//! // Run as the unit test `doc_example_crate` (a cdylib has no doctests).
//! use protecteu_ffi::{parse_period, ActionQuery, EntityKind, Status, Strategy};
//! let s = Strategy::embedded().unwrap();
//! let q = ActionQuery {
//!     actor: Some("europol".into()),
//!     status: Some(Status::Proposed),
//!     due_by: parse_period("2026".into()).ok(),
//!     ..Default::default()
//! };
//! assert!(s.actions(q).unwrap().iter().any(|a| a.id == "europol-mandate-revision"));
//! // Provenance: field-by-field citations and the data's fingerprint.
//! let cites = s.citations(EntityKind::Action, "lawful-access-roadmap".into()).unwrap();
//! assert!(cites.iter().any(|c| c.field == "lead"));
//! assert!(s.expect_fingerprint(s.fingerprint()).is_ok());
//! ```

mod coverage;
mod dates;
mod error;
mod interchange;
mod records;
mod report;
mod strategy;
mod vocab;

pub use coverage::{Coverage, CoverageTotals, LevelCount, SectionCoverage};
pub use dates::{parse_period, CalendarDate, Period};
pub use error::{ProtectEuError, Result, ValidationProblem};
pub use interchange::{
    ChangeKind, DataSetDiff, EntityChange, EntityRef, ExportFile, FieldChange, KindDiff,
    OverlayChange,
};
pub use records::{
    Action, Actor, Citation, Count, Document, FactCitation, KeyFigure, LegalInstrument, Objective,
    Principle, SearchHit, Section, Source, SourceUsage, Stats, StatusEvent, StrategyInfo, Theme,
    Threat, Timeline, TimelineEntry, TimelineGroup, Timing,
};
pub use strategy::{ActionQuery, Strategy};
pub use vocab::{
    parse_action_kind, parse_actor_kind, parse_document_kind, parse_entity_kind,
    parse_export_format, parse_instrument_status, parse_instrument_type, parse_key_actions_box,
    parse_progress, parse_source_class, parse_status, parse_timing_kind, parse_verification,
    vocabularies, ActionKind, ActionProgress, ActorKind, DocumentKind, EntityKind, ExportFormat,
    InstrumentStatus, InstrumentType, KeyActionsBox, SourceClass, Status, TimingKind, Verification,
    VocabularyList,
};

uniffi::setup_scaffolding!();

#[cfg(test)]
mod tests {
    #[test]
    fn doc_example_crate() {
        use crate::{parse_period, ActionQuery, EntityKind, Status, Strategy};
        let s = Strategy::embedded().unwrap();
        let q = ActionQuery {
            actor: Some("europol".into()),
            status: Some(Status::Proposed),
            due_by: parse_period("2026".into()).ok(),
            ..Default::default()
        };
        assert!(s
            .actions(q)
            .unwrap()
            .iter()
            .any(|a| a.id == "europol-mandate-revision"));
        let cites = s
            .citations(EntityKind::Action, "lawful-access-roadmap".into())
            .unwrap();
        assert!(cites.iter().any(|c| c.field == "lead"));
        assert!(s.expect_fingerprint(s.fingerprint()).is_ok());
    }
}
