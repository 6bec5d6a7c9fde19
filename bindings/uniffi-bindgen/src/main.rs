//! `cargo run -p uniffi-bindgen -- generate --library target/release/libprotecteu_ffi.so --language kotlin --out-dir DIR`
//!
//! The generator is built from the workspace's `Cargo.lock`, so it is always the exact uniffi
//! version whose scaffolding is compiled into `protecteu-ffi`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
