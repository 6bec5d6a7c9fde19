//! The compiled part of the `protecteu` Python package, imported as `protecteu._native`.
//!
//! Thin by design: every rule, query and validation lives in the core crate `protecteu`.
//! This crate converts arguments and results (see `convert`), wraps the core's values in
//! read-only classes (see `entities`) and maps the core's errors to Python exceptions in one
//! place (see `errors`). Nothing here panics: no `unwrap`, no indexing that can fail.

mod convert;
mod coverage;
mod entities;
mod errors;
mod strategy;

use pyo3::prelude::*;

use crate::convert::names;

/// The module `protecteu._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("STATUSES", names(&protecteu::Status::ALL))?;
    m.add("PROGRESSES", names(&protecteu::Progress::ALL))?;
    m.add("ACTION_KINDS", names(&protecteu::ActionKind::ALL))?;
    m.add("EXPORT_FORMATS", names(&protecteu::ExportFormat::ALL))?;
    m.add(
        "KINDS",
        protecteu::EntityKind::ALL
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>(),
    )?;
    m.add_function(wrap_pyfunction!(strategy::load, m)?)?;
    m.add_function(wrap_pyfunction!(strategy::loads, m)?)?;
    m.add_class::<strategy::Strategy>()?;
    m.add_class::<strategy::Timeline>()?;
    m.add_class::<strategy::Diff>()?;
    m.add_class::<entities::Objective>()?;
    m.add_class::<entities::Principle>()?;
    m.add_class::<entities::Section>()?;
    m.add_class::<entities::Theme>()?;
    m.add_class::<entities::Threat>()?;
    m.add_class::<entities::Action>()?;
    m.add_class::<entities::Actor>()?;
    m.add_class::<entities::LegalInstrument>()?;
    m.add_class::<entities::Document>()?;
    m.add_class::<entities::KeyFigure>()?;
    m.add_class::<entities::Source>()?;
    m.add_class::<entities::Citation>()?;
    m.add_class::<entities::FactCitation>()?;
    m.add_class::<entities::SourceUsage>()?;
    m.add_class::<entities::StatusEvent>()?;
    m.add_class::<entities::Timing>()?;
    m.add_class::<entities::SearchHit>()?;
    m.add_class::<entities::Count>()?;
    m.add_class::<entities::Stats>()?;
    m.add_class::<coverage::Coverage>()?;
    m.add_class::<coverage::SectionCoverage>()?;
    m.add_class::<coverage::CoverageTotals>()?;
    m.add_class::<entities::Problem>()?;
    m.add_class::<entities::TimelineEntry>()?;
    m.add_class::<entities::TimelineGroup>()?;
    Ok(())
}
