//! TOML loading: any text gives a model or located problems, never a panic, and a model that
//! loads round-trips through its canonical JSON byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use protecteu_fuzz_common::check_loaded;

#[path = "common.rs"]
mod protecteu_fuzz_common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // `from_text` reads text starting with `{` as JSON: that is the other target.
    if text.trim_start().starts_with('{') {
        return;
    }
    check_loaded(text, "fuzz.toml");
});
