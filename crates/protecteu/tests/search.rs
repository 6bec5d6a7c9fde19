//! Search through the public API: the issue's example queries, overlays extending the
//! thesaurus, match information.

#![allow(clippy::unwrap_used, clippy::panic)]

fn top(q: &str) -> Vec<String> {
    protecteu::strategy()
        .search(q, 5)
        .into_iter()
        .map(|h| format!("{}/{}", h.kind.name(), h.id))
        .collect()
}

#[test]
fn issue_examples_find_their_answer() {
    for (q, want) in [
        ("drones", "document/drone-action-plan-2026"),
        ("radicalization", "theme/radicalisation"),
        ("encrypted messages", "action/encryption-technology-roadmap"),
        ("undersea cables", "action/subsea-cable-protection"),
        ("organized crime", "threat/organised-crime"),
        ("online scams", "action/online-fraud"),
        ("ransomware attacks", "action/ransomware-response"),
        ("Europool", "actor/europol"),
        ("CSAM", "instrument/csam-interim-regulation"),
    ] {
        let got = top(q);
        assert!(got.iter().any(|g| g == want), "{q}: {got:?}");
    }
}

#[test]
fn overlay_extends_thesaurus() {
    let s = protecteu::strategy();
    assert!(s.search("zorblat", 5).is_empty());
    let overlay = r#"
[[thesaurus]]
id = "zorblat"
kind = "synonym"
forms = ["zorblat", "encryption"]
source = { title = "Test", url = "https://example.org/zorblat" }
"#;
    let merged = s.with_overlay_str(overlay, "mine.toml").unwrap();
    assert_eq!(
        merged.search("zorblat", 5)[0].id,
        "encryption-technology-roadmap"
    );
    let bad = overlay.replace("https://example.org/zorblat", "ftp://x");
    let err = s.with_overlay_str(&bad, "mine.toml").unwrap_err();
    assert!(err.to_string().contains("mine.toml:6"), "{err}");
    assert!(err.to_string().contains("source-location"), "{err}");
}

#[test]
fn large_data_sets_build_their_index_on_two_threads_and_find_the_same() {
    // Scale 10 holds over 2,000 entities: the index is built in two halves (on two threads
    // where the machine has them) and joined. A query naming an entity (the real one or a
    // synthetic copy) finds that entity first.
    let json = protecteu_synth::generate_from_embedded(10, protecteu_synth::DEFAULT_SEED);
    let s = protecteu::Strategy::from_text(&json, "synthetic.json", &protecteu_synth::limits())
        .unwrap();
    assert!(s.stats().actions >= 500);
    for (q, kind, id) in [
        ("europol", "actor", "europol"),
        ("europol-r7", "actor", "europol-r7"),
        ("frontex-r9", "actor", "frontex-r9"),
        ("ransomware-response-r4", "action", "ransomware-response-r4"),
    ] {
        let hits = s.search(q, 5);
        let first = hits.first().map(|h| (h.kind.name(), h.id.as_str()));
        assert_eq!(first, Some((kind, id)), "{q}");
    }
}

#[test]
fn the_action_filter_matches_the_start_of_a_word_as_typed() {
    // "encry" stems to "encri", which starts no term ("encrypt"): the filter matches the
    // start of the word as typed, as `query_terms` documents.
    assert_eq!(protecteu::query_terms("encry"), ["encri"]);
    let s = protecteu::strategy();
    let filter = protecteu::ActionFilter {
        text: Some("Encry".to_owned()),
        ..Default::default()
    };
    let found = s.filter_actions(&filter).unwrap();
    assert!(
        found
            .iter()
            .any(|a| a.id == "encryption-technology-roadmap"),
        "{:?}",
        found.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
    );
}
