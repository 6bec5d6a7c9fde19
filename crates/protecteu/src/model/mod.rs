//! The model: entities, ids, closed vocabularies, CELEX numbers, timing, the crate's error
//! and problem types, and [`Strategy`](crate::Strategy), the whole data set with its indexes
//! and lookups by id.
//!
//! The bottom group: depends on no other group.

pub(crate) mod celex;
pub(crate) mod derived;
pub(crate) mod entities;
pub(crate) mod error;
pub(crate) mod ids;
pub(crate) mod problem;
pub(crate) mod provenance;
pub(crate) mod strategy;
pub(crate) mod suggest;
pub(crate) mod thesaurus;
pub(crate) mod timing;
pub(crate) mod vocab;

pub(crate) use entities::*;
