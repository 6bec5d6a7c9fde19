//! Indexed action filters against a linear scan over every action, measured in the same run,
//! at scales 1, 100 and 1000 of the embedded data set (synthetic data from `protecteu-synth`).
//!
//! Four filters: one actor (lead or involved), one theme, a due window (`due_in 2026-H2`), and
//! the three combined. The scan is what a program without indexes does: test every action.
//! Before timing, each filter's indexed answer is checked to equal the scan's.
//!
//! Run: `cargo bench -p protecteu --bench filters` (`PROTECTEU_BENCH_QUICK=1` for a short run).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use protecteu::{Action, Period, Strategy};

const ACTOR: &str = "europol";
const THEME: &str = "drug-trafficking";
const WINDOW: &str = "2026-H2";
const COMBINED_ACTOR: &str = "commission";
const COMBINED_THEME: &str = "law-enforcement-cooperation";
const COMBINED_BY: i32 = 2027;

fn involves(a: &Action, actor: &str) -> bool {
    a.lead
        .iter()
        .chain(&a.involved)
        .any(|x| x.as_str() == actor)
}

fn has_theme(a: &Action, theme: &str) -> bool {
    a.themes.iter().any(|x| x.as_str() == theme)
}

fn due_in(a: &Action, p: Period) -> bool {
    a.timing
        .deadline()
        .is_some_and(|d| d >= p.start() && d <= p.end())
}

fn due_by(a: &Action, p: Period) -> bool {
    a.timing.deadline().is_some_and(|d| d <= p.end())
}

/// The linear scans: every action tested, answers in model order.
fn scan<'a>(s: &'a Strategy, which: &str) -> Vec<&'a Action> {
    let window: Period = WINDOW.parse().unwrap();
    let by = Period::year(COMBINED_BY).unwrap();
    let all = s.action_list().iter();
    match which {
        "actor" => all.filter(|a| involves(a, ACTOR)).collect(),
        "theme" => all.filter(|a| has_theme(a, THEME)).collect(),
        "due_window" => all.filter(|a| due_in(a, window)).collect(),
        _ => all
            .filter(|a| {
                involves(a, COMBINED_ACTOR) && has_theme(a, COMBINED_THEME) && due_by(a, by)
            })
            .collect(),
    }
}

/// The same filters through the indexes.
fn indexed<'a>(s: &'a Strategy, which: &str) -> Vec<&'a Action> {
    let q = s.actions();
    let q = match which {
        "actor" => q.by_actor(ACTOR),
        "theme" => q.theme(THEME),
        "due_window" => q.due_in(WINDOW.parse::<Period>().unwrap()),
        _ => q
            .by_actor(COMBINED_ACTOR)
            .theme(COMBINED_THEME)
            .due_by(COMBINED_BY),
    };
    q.run().unwrap()
}

const FILTERS: [&str; 4] = ["actor", "theme", "due_window", "combined"];

fn filters(c: &mut Criterion) {
    let mut answers = serde_json::Map::new();
    for n in common::SCALES {
        let s = common::load(&common::synthetic(n));
        let mut g = c.benchmark_group(format!("filters_N{n}"));
        common::configure(&mut g);
        let mut sizes = serde_json::Map::new();
        for which in FILTERS {
            let a = indexed(&s, which);
            let b = scan(&s, which);
            let ids = |v: &[&Action]| {
                v.iter()
                    .map(|x| x.id.as_str().to_owned())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                ids(&a),
                ids(&b),
                "indexed and scanned answers differ for {which} at N={n}"
            );
            sizes.insert(which.to_owned(), a.len().into());
            g.bench_with_input(BenchmarkId::new("indexed", which), &which, |bch, w| {
                bch.iter(|| indexed(&s, black_box(w)).len())
            });
            g.bench_with_input(BenchmarkId::new("scan", which), &which, |bch, w| {
                bch.iter(|| scan(&s, black_box(w)).len())
            });
        }
        g.finish();
        answers.insert(
            format!("N{n}"),
            serde_json::json!({ "actions": s.action_list().len(), "answer_sizes": sizes }),
        );
    }
    common::write_summary("filters", &serde_json::Value::Object(answers));
}

criterion_group!(benches, filters);
criterion_main!(benches);
