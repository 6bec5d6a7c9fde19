//! Loading: reading data files, input limits and guards on raw text, locating values in their
//! files, validation, and building the indexed [`Strategy`](crate::Strategy) from all of it.
//!
//! Depends on `model` only.

pub(crate) mod build;
pub(crate) mod embedded;
pub(crate) mod guard;
pub(crate) mod limits;
pub(crate) mod locate;
pub(crate) mod read;
pub(crate) mod thesaurus;
pub(crate) mod validate;

pub(crate) use limits::Limits;
pub(crate) use read::*;
