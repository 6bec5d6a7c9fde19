//! Helpers shared by the benches: quick mode, synthetic data sets (cached on disk), loading,
//! and the summary files that `scripts/bench-quick` reads.
#![allow(dead_code, clippy::panic)]

use std::path::PathBuf;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::BenchmarkGroup;

/// True when `PROTECTEU_BENCH_QUICK` is set (to anything but `0`): shorter runs.
pub fn quick() -> bool {
    std::env::var("PROTECTEU_BENCH_QUICK").is_ok_and(|v| v != "0")
}

/// Shorter warm-up and measurement in quick mode; criterion's defaults (3 s, 5 s) otherwise.
pub fn configure(g: &mut BenchmarkGroup<'_, WallTime>) {
    if quick() {
        g.warm_up_time(Duration::from_millis(200));
        g.measurement_time(Duration::from_millis(600));
    } else {
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(4));
    }
}

/// The target directory: `CARGO_TARGET_DIR`, or three levels above this binary
/// (`target/release/deps/<bench>`).
pub fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("target"))
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Where the synthetic data set at scale `n` is cached: `target/bench-data/`, keyed by a hash
/// of the generator's output at scale 2 (which changes with the embedded data and the
/// generator).
fn cache_path(n: usize) -> PathBuf {
    let seed = protecteu_synth::DEFAULT_SEED;
    let key = fnv(&protecteu_synth::generate_from_embedded(2, seed));
    target_dir()
        .join("bench-data")
        .join(format!("synth-{n}-{seed}-{key:016x}.json"))
}

/// The synthetic data set at scale `n` (seed `protecteu_synth::DEFAULT_SEED`), as canonical
/// JSON; scale 1 is the embedded data set. Generated once and cached on disk.
pub fn synthetic(n: usize) -> String {
    if n == 1 {
        return protecteu::EMBEDDED_JSON.to_owned();
    }
    let path = cache_path(n);
    if let Ok(text) = std::fs::read_to_string(&path) {
        return text;
    }
    let text = protecteu_synth::generate_from_embedded(n, protecteu_synth::DEFAULT_SEED);
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let tmp = path.with_extension("tmp");
    if std::fs::write(&tmp, &text).is_ok() {
        let _ = std::fs::rename(&tmp, &path);
    }
    text
}

/// A file holding the data set at scale `n` (generated if needed).
pub fn synthetic_path(n: usize) -> PathBuf {
    let path = if n == 1 {
        target_dir().join("bench-data").join("embedded.json")
    } else {
        cache_path(n)
    };
    if !path.exists() {
        let text = synthetic(n);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(&path, text);
    }
    path
}

/// Loads and validates a data set's JSON with limits that admit the largest scale.
pub fn load(json: &str) -> protecteu::Strategy {
    match protecteu::Strategy::from_text(json, "synthetic.json", &protecteu_synth::limits()) {
        Ok(s) => s,
        Err(e) => panic!("the synthetic data set does not load: {e}"),
    }
}

/// Writes `<target>/criterion/protecteu-summary/<name>.json` for `scripts/bench-quick`.
pub fn write_summary(name: &str, value: &serde_json::Value) {
    let dir = target_dir().join("criterion").join("protecteu-summary");
    let _ = std::fs::create_dir_all(&dir);
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let _ = std::fs::write(dir.join(format!("{name}.json")), text);
    println!(
        "summary {name}: {}",
        serde_json::to_string(value).unwrap_or_default()
    );
}

/// The median of a list of durations, in milliseconds.
pub fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1e3
}

/// Scales measured: 1, 100, 1000 (the issue's), in quick and full mode alike.
pub const SCALES: [usize; 3] = [1, 100, 1000];
