//! Interchange: exports, RDF, overlays, diffs.

pub(crate) mod diff;
pub(crate) mod export;
pub(crate) mod graph;
pub(crate) mod markdown;
pub(crate) mod overlay;
pub(crate) mod rdf;
pub(crate) mod tables;
