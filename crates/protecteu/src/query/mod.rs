//! Queries: filters, timeline, statistics, records.

pub(crate) mod filter;
pub(crate) mod records;
pub(crate) mod stats;
pub(crate) mod timeline;

pub(crate) use filter::*;
