//! `Strategy::coverage`: its counts agree with the model, the stats and the provenance stats.

use protecteu::{KeyActionsBox, Verification};

#[test]
fn totals_agree_with_the_model_and_the_stats() {
    let s = protecteu::strategy();
    let c = s.coverage();
    let st = s.stats();
    assert_eq!(c.total.actions, st.actions);
    for (row, count) in c.sections.iter().zip(&st.by_section) {
        assert_eq!(row.section, count.key);
        assert_eq!(row.actions, count.count, "{}", row.section);
        assert_eq!(row.best_level.total(), row.actions, "{}", row.section);
        assert!(row.with_evidence_document <= row.with_status_events);
        assert!(row.with_status_events <= row.actions);
    }
    let events: usize = s.action_list().iter().map(|a| a.status.len()).sum();
    assert_eq!(c.total.status_events, events);
    assert_eq!(c.total.status_events, s.provenance_stats().status_events);
    let newest = s
        .action_list()
        .iter()
        .flat_map(|a| a.status.iter().map(|e| e.date))
        .max();
    assert_eq!(c.total.newest_event, newest);
    assert!(c.total.newest_event <= Some(c.total.as_of));
    assert_eq!(
        c.total.chapters,
        c.total.chapters_box_seen_whole
            + c.total.chapters_box_seen_in_part
            + c.total.chapters_box_not_seen
    );
    // Top-level rows add up to the whole (every action sits in one chapter).
    let top: usize = c
        .sections
        .iter()
        .filter(|r| r.parent.is_none())
        .map(|r| r.actions)
        .sum();
    assert_eq!(top, c.total.actions);
}

#[test]
fn the_one_box_read_is_the_law_enforcement_chapters_and_it_is_cited() {
    let c = protecteu::strategy().coverage();
    let seen: Vec<_> = c
        .sections
        .iter()
        .filter(|r| r.key_actions_box.is_seen())
        .collect();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].section, "law-enforcement-tools");
    assert_eq!(seen[0].key_actions_box, KeyActionsBox::SeenInPart);
    assert_eq!(
        seen[0].key_actions_box_level,
        Some(Verification::ReproducedText)
    );
    assert!(c
        .sections
        .iter()
        .filter(|r| !r.key_actions_box.is_seen())
        .all(|r| r.key_actions_box_level.is_none()));
}

#[test]
fn levels_serialise_as_an_ordered_object() {
    let c = protecteu::strategy().coverage();
    let json = serde_json::to_string(&c.total.best_level).unwrap();
    let keys: Vec<&str> = ["official_text", "reproduced_text", "official_summary"]
        .into_iter()
        .collect();
    let mut at = 0;
    for k in keys {
        let i = json.find(k).unwrap();
        assert!(i > at, "{json}");
        at = i;
    }
    assert!(json.ends_with(&format!("\"uncited\":{}}}", c.total.best_level.uncited)));
}

#[test]
fn the_summary_line_states_the_counts() {
    let c = protecteu::strategy().coverage();
    let line = c.summary_line();
    assert!(line.contains(&format!(
        "{} of {} actions have dated status events",
        c.total.with_status_events, c.total.actions
    )));
    assert!(line.contains("1 of 8 chapters (1 in part)"), "{line}");
}
