//! Loading: reading files, input limits, locations, validation.

pub(crate) mod guard;
pub(crate) mod locate;
pub(crate) mod read;
pub(crate) mod validate;

pub(crate) use read::*;
