//! Interchange: exports (JSON, CSV, Markdown, graphs, tables), RDF, overlays, diffs, report and SQLite.
//!
//! The top group: may use `model`, `load` and `query`; nothing uses it.

pub(crate) mod diff;
pub(crate) mod export;
pub(crate) mod graph;
pub(crate) mod markdown;
pub(crate) mod overlay;
pub(crate) mod rdf;
#[cfg(feature = "report")]
pub(crate) mod report;
#[cfg(feature = "sqlite")]
pub(crate) mod sqlite;
pub(crate) mod tables;
