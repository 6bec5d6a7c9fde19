//! The model is `Send + Sync`, and many threads querying it at once (including the first
//! search, which builds the search index lazily) get the same answers as one thread.

// Test helpers below unwrap to fail the test that calls them.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Barrier};

use protecteu::{ActionFilter, EntityKind, Progress, Strategy};

const fn assert_send_sync<T: Send + Sync>() {}

// Checked at compile time: a model can be shared between threads (e.g. in an `Arc` or a
// `static`) and its errors sent across them.
const _: () = {
    assert_send_sync::<Strategy>();
    assert_send_sync::<protecteu::Error>();
    assert_send_sync::<ActionFilter>();
};

fn work(s: &Strategy) -> Vec<String> {
    let mut out = Vec::new();
    for h in s.search("security cooperation", 10) {
        out.push(format!("search {:?} {} {}", h.kind, h.id, h.score));
    }
    let f = ActionFilter {
        actor: Some("europol".into()),
        ..ActionFilter::default()
    };
    for a in s.filter_actions(&f).unwrap() {
        out.push(format!("europol {}", a.id));
    }
    let f = ActionFilter {
        progress: Some(Progress::Overdue),
        as_of: Some("2026-06-26".parse().unwrap()),
        text: Some("strategy".into()),
        ..ActionFilter::default()
    };
    for a in s.filter_actions(&f).unwrap() {
        out.push(format!("overdue {}", a.id));
    }
    for a in s.actions().due_by(2026) {
        out.push(format!("due {}", a.id));
    }
    out.push(format!("{:?}", s.stats()));
    out.push(format!("{} records", s.records(EntityKind::Action).len()));
    out.push(s.action("europol-mandate-revison").unwrap_err().to_string());
    out
}

#[test]
fn many_threads_query_the_embedded_model_at_once() {
    let threads = 16;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                // All start together, so the embedded model and its search index are first
                // touched by several threads at once.
                barrier.wait();
                (0..5)
                    .map(|_| work(protecteu::strategy()))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let results: Vec<Vec<Vec<String>>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let expected = work(protecteu::strategy());
    assert!(expected.len() > 20, "{expected:?}");
    for per_thread in results {
        for r in per_thread {
            assert_eq!(r, expected);
        }
    }
}

#[test]
fn a_loaded_model_is_shared_between_threads_in_an_arc() {
    let s: Arc<Strategy> = Arc::new(protecteu::strategy().to_canonical_json().parse().unwrap());
    let expected = work(&s);
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let s = Arc::clone(&s);
            std::thread::spawn(move || work(&s))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), expected);
    }
}
