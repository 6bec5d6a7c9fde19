//! Queries over a loaded [`Strategy`](crate::Strategy): action filters, full-text search,
//! timeline, statistics, coverage and flat records.
//!
//! Depends on `model` only.

pub(crate) mod coverage;
pub(crate) mod filter;
pub(crate) mod records;
pub(crate) mod search;
pub(crate) mod stats;
pub(crate) mod timeline;

pub(crate) use filter::*;
