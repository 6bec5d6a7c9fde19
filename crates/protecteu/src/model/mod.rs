//! The model: entities, ids, vocabularies, CELEX numbers, timing, and the indexed whole.

pub(crate) mod celex;
pub(crate) mod entities;
pub(crate) mod error;
pub(crate) mod ids;
pub(crate) mod problem;
pub(crate) mod provenance;
pub(crate) mod strategy;
pub(crate) mod suggest;
pub(crate) mod text_index;
pub(crate) mod timing;
pub(crate) mod vocab;

pub(crate) use entities::*;
