//! Load + validate (+ the query indexes) at scales 1, 10, 100 and 1000 of the embedded data
//! set, against a bare `serde_json::from_str` into `serde_json::Value` of the same bytes in the
//! same run; and the memory each takes.
//!
//! Memory is measured honestly, in a child process per scale and per subject (this binary run
//! again with `PROTECTEU_BENCH_MEMORY_CHILD` set), from the kernel's own accounting
//! (`/proc/self/status`): the anonymous resident memory the loaded model keeps once the input
//! text is freed (`RssAnon` after, minus `RssAnon` before reading the input: heap pages, not
//! the program's code), and the peak while loading (`VmHWM` minus `VmRSS` before reading the
//! input; it includes the input text and code pages first touched). Allocator overhead and
//! fragmentation count, as they do for a user. Linux only; elsewhere memory is null.
//!
//! Run: `cargo bench -p protecteu --bench load` (`PROTECTEU_BENCH_QUICK=1` for a short run).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::hint::black_box;

use criterion::{criterion_group, BenchmarkId, Criterion, SamplingMode};

const CHILD: &str = "PROTECTEU_BENCH_MEMORY_CHILD";

const SCALES: [usize; 4] = [1, 10, 100, 1000];

/// A `kB` field of `/proc/self/status`, in bytes.
fn status_kb(field: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/status").ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map(|kb| kb * 1024)
}

/// The child: `<subject> <path>`; prints one JSON line with the figures.
fn child(spec: &str) {
    let (subject, path) = spec.split_once(' ').unwrap();
    let start = status_kb("RssAnon:").unwrap_or(0);
    let start_rss = status_kb("VmRSS:").unwrap_or(0);
    let text = std::fs::read_to_string(path).unwrap();
    let json_bytes = text.len();
    let (kept, peak) = match subject {
        "model" => {
            let s = common::load(&text);
            drop(text);
            let kept = status_kb("RssAnon:").unwrap_or(0);
            let peak = status_kb("VmHWM:").unwrap_or(0);
            black_box(&s);
            (kept, peak)
        }
        "model_searched" => {
            let s = common::load(&text);
            drop(text);
            black_box(s.search("europol", 1));
            let kept = status_kb("RssAnon:").unwrap_or(0);
            let peak = status_kb("VmHWM:").unwrap_or(0);
            black_box(&s);
            (kept, peak)
        }
        _ => {
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            drop(text);
            let kept = status_kb("RssAnon:").unwrap_or(0);
            let peak = status_kb("VmHWM:").unwrap_or(0);
            black_box(&v);
            (kept, peak)
        }
    };
    println!(
        "{}",
        serde_json::json!({
            "json_bytes": json_bytes,
            "kept_bytes": kept.saturating_sub(start),
            "peak_bytes": peak.saturating_sub(start_rss),
        })
    );
}

/// Runs the child for a subject and a file; `None` when memory cannot be read here.
fn measure(subject: &str, path: &std::path::Path) -> Option<serde_json::Value> {
    status_kb("VmRSS:")?;
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe)
        .env(CHILD, format!("{subject} {}", path.display()))
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().rev().find(|l| l.starts_with('{'))?;
    serde_json::from_str(line).ok()
}

fn load(c: &mut Criterion) {
    let mut summary = serde_json::Map::new();
    for n in SCALES {
        let json = common::synthetic(n);
        let path = common::synthetic_path(n);
        let mut g = c.benchmark_group(format!("load_N{n}"));
        common::configure(&mut g);
        if n >= 100 {
            g.sample_size(10).sampling_mode(SamplingMode::Flat);
        }
        g.bench_with_input(
            BenchmarkId::new("baseline_serde_json_value", n),
            &json,
            |b, j| b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(j)).is_ok()),
        );
        g.bench_with_input(
            BenchmarkId::new("protecteu_load_validate", n),
            &json,
            |b, j| b.iter(|| common::load(black_box(j)).action_list().len()),
        );
        g.finish();
        let model = measure("model", &path);
        let searched = measure("model_searched", &path);
        let value = measure("value", &path);
        let ratio = |m: &Option<serde_json::Value>, key: &str| {
            m.as_ref()
                .and_then(|m| m[key].as_f64())
                .map(|b| b / json.len() as f64)
        };
        summary.insert(
            format!("N{n}"),
            serde_json::json!({
                "json_bytes": json.len(),
                "model": model,
                "model_with_search_index": searched,
                "serde_json_value": value,
                "model_kept_vs_json": ratio(&model, "kept_bytes"),
                "model_with_search_index_kept_vs_json": ratio(&searched, "kept_bytes"),
                "model_peak_vs_json": ratio(&model, "peak_bytes"),
                "value_kept_vs_json": ratio(&value, "kept_bytes"),
            }),
        );
    }
    common::write_summary("load_memory", &serde_json::Value::Object(summary));
}

criterion_group!(benches, load);

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        child(&spec);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
