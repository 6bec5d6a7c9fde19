//! Search text: any text gives ranked hits (best first, at most `limit`) or none, never a
//! panic; the same text as an action filter gives actions of the model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let limit = usize::from(first % 32);
    let s = protecteu::strategy();
    let hits = s.search(text, limit);
    assert!(hits.len() <= limit);
    for pair in hits.windows(2) {
        assert!(pair[0].score >= pair[1].score, "hits not best first");
    }
    for h in &hits {
        assert!(h.score.is_finite() && h.score > 0.0);
        assert!(!s.kinds_of(&h.id).is_empty() || h.id == s.info().id);
    }
    let _ = protecteu::fold(text);
    let by_text = s.actions().text(text).run();
    assert!(by_text.is_ok());
    let _ = s.suggest_any(text);
    let _ = s.action(text);
});
