//! On a synthetic data set (scale 20), the indexed queries give exactly what a scan gives, and
//! search's top-k equals the head of the full ranking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use protecteu::{Action, Period, Strategy};
use protecteu_synth::{generate_from_embedded, limits, DEFAULT_SEED};

fn model() -> Strategy {
    Strategy::from_text(
        &generate_from_embedded(20, DEFAULT_SEED),
        "synthetic.json",
        &limits(),
    )
    .unwrap()
}

fn ids(v: &[&Action]) -> Vec<String> {
    v.iter().map(|a| a.id.as_str().to_owned()).collect()
}

fn involves(a: &Action, actor: &str) -> bool {
    a.lead
        .iter()
        .chain(&a.involved)
        .any(|x| x.as_str() == actor)
}

fn deadline_in(a: &Action, lo: Option<Period>, hi: Period) -> bool {
    a.timing
        .deadline()
        .is_some_and(|d| lo.is_none_or(|lo| d >= lo.start()) && d <= hi.end())
}

#[test]
fn filters_with_due_windows_equal_a_scan() {
    let s = model();
    let actors = [
        "commission",
        "europol",
        "member-states",
        "europol-r4",
        "council-r19",
    ];
    let periods: Vec<Period> = ["2025", "2026-H2", "2027-Q1", "2030"]
        .iter()
        .map(|p| p.parse().unwrap())
        .collect();
    let mut non_empty = 0;
    for actor in actors {
        for &p in &periods {
            // Narrow candidates (one actor) with a window: the window is tested per action.
            let got = s.actions().by_actor(actor).due_in(p).run().unwrap();
            let want: Vec<&Action> = s
                .action_list()
                .iter()
                .filter(|a| involves(a, actor) && deadline_in(a, Some(p), p))
                .collect();
            assert_eq!(ids(&got), ids(&want), "{actor} due_in {p}");
            let got = s.actions().by_actor(actor).due_by(p).run().unwrap();
            let want: Vec<&Action> = s
                .action_list()
                .iter()
                .filter(|a| involves(a, actor) && deadline_in(a, None, p))
                .collect();
            assert_eq!(ids(&got), ids(&want), "{actor} due_by {p}");
            non_empty += usize::from(!want.is_empty());
        }
    }
    assert!(non_empty > 5, "too few non-empty answers: {non_empty}");
    // A window alone, and two windows together.
    for &p in &periods {
        let got = s.actions().due_in(p).due_by(2027).run().unwrap();
        let by = Period::year(2027).unwrap();
        let want: Vec<&Action> = s
            .action_list()
            .iter()
            .filter(|a| deadline_in(a, Some(p), p) && deadline_in(a, None, by))
            .collect();
        assert_eq!(ids(&got), ids(&want), "due_in {p} and due_by 2027");
    }
}

#[test]
fn search_top_k_is_the_head_of_the_full_ranking() {
    let s = model();
    for q in [
        "europol",
        "drug trafficking",
        "cyber",
        "sec",
        "child sexual abuse",
        "ports",
    ] {
        let all = s.search(q, usize::MAX);
        assert!(all.len() > 20, "'{q}': {} hits", all.len());
        for k in [1, 5, 20] {
            assert_eq!(s.search(q, k), all[..k].to_vec(), "'{q}' top {k}");
        }
        // Hits matching more of the words come first whatever their score, so scores fall
        // monotonically only for one-word queries.
        if !q.contains(' ') {
            assert!(
                all.windows(2).all(|w| w[0].score >= w[1].score),
                "'{q}' not ranked"
            );
        }
    }
    // Every word is optional: only a query none of whose words matches finds nothing.
    assert!(s.search("zzzz-qqqq", 10).is_empty());
    assert!(!s.search("zzzz-no-such-word", 10).is_empty());
    assert_eq!(s.search("europol", 1)[0].id, "europol");
}

#[test]
fn section_trees_equal_a_walk_up_the_parents() {
    let s = model();
    let parent = |id: &str| {
        s.section(id)
            .unwrap()
            .parent
            .as_ref()
            .map(|p| p.as_str().to_owned())
    };
    let mut nested = 0;
    for sec in s.sections().iter().step_by(7) {
        let root = sec.id.as_str();
        let got = s.actions_in_section(root, true).unwrap();
        let want: Vec<&Action> = s
            .action_list()
            .iter()
            .filter(|a| {
                let mut cur = Some(a.section.as_str().to_owned());
                while let Some(c) = cur {
                    if c == root {
                        return true;
                    }
                    cur = parent(&c);
                }
                false
            })
            .collect();
        assert_eq!(ids(&got), ids(&want), "section {root}");
        let direct = s.actions_in_section(root, false).unwrap().len();
        nested += usize::from(want.len() > direct);
        let filtered = s.actions().section(root).run().unwrap();
        assert_eq!(ids(&filtered), ids(&want), "filter on section {root}");
    }
    assert!(
        nested > 0,
        "no section with actions in its subsections was checked"
    );
}
