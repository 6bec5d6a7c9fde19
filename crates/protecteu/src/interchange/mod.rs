//! Interchange: exports (JSON, CSV, Markdown, graphs, tables), RDF, overlays and diffs.
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
pub(crate) mod tables;
