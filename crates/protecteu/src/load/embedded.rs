//! The texts the crate embeds (the data set's canonical JSON, the data-file schema), stored
//! as they are or, with the feature `compressed-data`, zlib-compressed.
//!
//! With `compressed-data` the library holds the compressed copies written by
//! `scripts/regenerate` (`crates/protecteu/data/*.zlib`) and inflates them on first use into
//! exactly the committed texts ([`EMBEDDED_JSON`],
//! [`DATA_FILE_SCHEMA_JSON`](super::read::DATA_FILE_SCHEMA_JSON)): the loaded model, its canonical
//! JSON and its fingerprint are the same either way. `tests/generated.rs` fails when a
//! compressed copy does not inflate to its text. The public constants stay; a program that
//! does not use them does not carry the uncompressed text.

use std::borrow::Cow;

#[cfg(feature = "compressed-data")]
use crate::model::error::Error;
use crate::model::error::Result;

/// The embedded data set, as canonical JSON (generated from `data/` by `scripts/regenerate`).
pub const EMBEDDED_JSON: &str = include_str!("../../data/protecteu-2025.json");

#[cfg(feature = "compressed-data")]
const EMBEDDED_ZLIB: &[u8] = include_bytes!("../../data/protecteu-2025.json.zlib");
#[cfg(feature = "compressed-data")]
const SCHEMA_ZLIB: &[u8] = include_bytes!("../../data/protecteu-data.schema.json.zlib");

/// Inflates one embedded zlib stream into its UTF-8 text.
#[cfg(feature = "compressed-data")]
fn inflate(what: &str, bytes: &[u8]) -> Result<Cow<'static, str>> {
    let broken = |detail: String| Error::Io {
        path: format!("<embedded {what}>"),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, detail),
    };
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib(bytes)
        .map_err(|e| broken(format!("cannot inflate: {e}")))?;
    String::from_utf8(raw)
        .map(Cow::Owned)
        .map_err(|e| broken(format!("not UTF-8: {e}")))
}

/// The embedded data set's canonical JSON ([`EMBEDDED_JSON`]).
///
/// # Errors
/// [`Error::Io`] if the compressed copy does not inflate (a build defect).
pub(crate) fn data_json() -> Result<Cow<'static, str>> {
    #[cfg(feature = "compressed-data")]
    return inflate("data set", EMBEDDED_ZLIB);
    #[cfg(not(feature = "compressed-data"))]
    return Ok(Cow::Borrowed(EMBEDDED_JSON));
}

/// The data-file schema's text ([`DATA_FILE_SCHEMA_JSON`](super::read::DATA_FILE_SCHEMA_JSON)).
///
/// # Errors
/// [`Error::Io`] if the compressed copy does not inflate (a build defect).
pub(crate) fn schema_json() -> Result<Cow<'static, str>> {
    #[cfg(feature = "compressed-data")]
    return inflate("data-file schema", SCHEMA_ZLIB);
    #[cfg(not(feature = "compressed-data"))]
    return Ok(Cow::Borrowed(crate::load::read::DATA_FILE_SCHEMA_JSON));
}

#[cfg(all(test, feature = "compressed-data"))]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn compressed_copies_inflate_to_the_committed_texts() {
        assert_eq!(super::data_json().unwrap(), super::EMBEDDED_JSON);
        assert_eq!(
            super::schema_json().unwrap(),
            crate::load::read::DATA_FILE_SCHEMA_JSON
        );
    }
}
