//! The synthetic data sets validate, scale as promised and are deterministic for a seed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use protecteu::Strategy;
use protecteu_synth::{generate, generate_from_embedded, limits, DEFAULT_SEED};

fn load(json: &str) -> Strategy {
    match Strategy::from_text(json, "synthetic.json", &limits()) {
        Ok(s) => s,
        Err(protecteu::Error::Invalid(report)) => {
            let first: Vec<String> = report
                .problems
                .iter()
                .take(10)
                .map(|p| format!("{:?} {}", p.rule, p.message))
                .collect();
            panic!("{} problems, first: {first:#?}", report.problems.len());
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn scale_one_is_the_embedded_data_set_in_canonical_form() {
    let embedded = protecteu::strategy().to_canonical_json();
    let one = generate_from_embedded(1, DEFAULT_SEED);
    assert_eq!(one, embedded);
    load(&one);
}

#[test]
fn scale_ten_validates_with_ten_times_every_kind() {
    let base = protecteu::strategy();
    let s = load(&generate_from_embedded(10, DEFAULT_SEED));
    assert_eq!(s.action_list().len(), 10 * base.action_list().len());
    assert_eq!(s.actors().len(), 10 * base.actors().len());
    assert_eq!(s.sections().len(), 10 * base.sections().len());
    assert_eq!(s.themes().len(), 10 * base.themes().len());
    assert_eq!(s.threats().len(), 10 * base.threats().len());
    assert_eq!(s.instruments().len(), 10 * base.instruments().len());
    assert_eq!(s.documents().len(), 10 * base.documents().len());
    assert_eq!(s.figures().len(), 10 * base.figures().len());
    assert_eq!(s.objectives().len(), 10 * base.objectives().len());
    // Replica 0 is the real data set, unchanged.
    let real = base.action("europol-mandate-revision").unwrap();
    assert_eq!(s.action("europol-mandate-revision").unwrap(), real);
    // Synthetic entities say so in their sources and in the data set's notes.
    let synthetic = s.action("europol-mandate-revision-r7").unwrap();
    assert!(!synthetic.citations.is_empty());
    assert!(synthetic.citations.iter().all(|c| s
        .source(c.source.as_str())
        .unwrap()
        .url
        .as_deref()
        .unwrap()
        .starts_with("https://example.invalid/")));
    assert!(s
        .dataset()
        .notes
        .as_deref()
        .unwrap()
        .starts_with("SYNTHETIC"));
}

#[test]
fn synthetic_data_has_status_events_timings_and_cross_references() {
    let s = load(&generate_from_embedded(10, DEFAULT_SEED));
    let synthetic: Vec<_> = s
        .action_list()
        .iter()
        .filter(|a| a.id.as_str().contains("-r"))
        .collect();
    let events: usize = synthetic.iter().map(|a| a.status.len()).sum();
    assert!(
        events > synthetic.len(),
        "{events} events for {} actions",
        synthetic.len()
    );
    let dated = synthetic
        .iter()
        .filter(|a| a.timing.deadline().is_some())
        .count();
    assert!(
        dated * 2 > synthetic.len(),
        "{dated} dated of {}",
        synthetic.len()
    );
    // Some references leave their replica, most stay in it.
    let (mut same, mut other) = (0, 0);
    for a in &synthetic {
        let replica = a.id.as_str().rsplit("-r").next().unwrap();
        for actor in a.lead.iter().chain(&a.involved) {
            if actor.as_str().ends_with(&format!("-r{replica}")) {
                same += 1;
            } else {
                other += 1;
            }
        }
    }
    assert!(same > other && other > 0, "same {same}, other {other}");
    // Queries answer on synthetic data.
    assert!(!s.actions_of_actor("europol-r3").unwrap().is_empty());
    assert!(!s.search("europol", 5).is_empty());
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = generate_from_embedded(5, 42);
    let b = generate_from_embedded(5, 42);
    let c = generate_from_embedded(5, 43);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn generate_rejects_text_that_is_not_a_data_file() {
    assert!(generate("not json", 2, 1).is_err());
    assert!(generate("{\"unknown\": 1}", 2, 1).is_err());
}
