//! Embedded model ready (parse + validate + index), against a bare `serde_json::Value` parse
//! of the same bytes measured in the same run.
//!
//! `protecteu::strategy()` does this work once, on first call; this bench repeats it.
//! Run: `cargo bench -p protecteu --bench ready` (`PROTECTEU_BENCH_QUICK=1` for a short run).

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

fn ready(c: &mut Criterion) {
    let bytes = protecteu::EMBEDDED_JSON;
    let mut g = c.benchmark_group("embedded_ready");
    common::configure(&mut g);
    g.bench_function("baseline_serde_json_value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(bytes)))
    });
    g.bench_function("protecteu_parse_validate_index", |b| {
        b.iter(|| black_box(bytes).parse::<protecteu::Strategy>())
    });
    g.finish();

    let s = protecteu::strategy();
    let mut q = c.benchmark_group("queries");
    common::configure(&mut q);
    q.bench_function("filter_actor_due_by", |b| {
        b.iter(|| {
            s.actions()
                .by_actor(black_box("europol"))
                .due_by(2026)
                .run()
                .map(|v| v.len())
        })
    });
    q.bench_function("search_encryption", |b| {
        b.iter(|| s.search(black_box("encryption"), 20).len())
    });
    q.finish();
}

criterion_group!(benches, ready);
criterion_main!(benches);
