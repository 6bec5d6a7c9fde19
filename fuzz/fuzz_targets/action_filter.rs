//! Action filters as JSON (the form the bindings and the conformance vectors use): any text is
//! rejected or gives a filter; running it on the embedded model gives actions in model order or
//! an error, never a panic; a filter survives a JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use protecteu::{ActionFilter, Error};

fuzz_target!(|data: &[u8]| {
    let Ok(f) = serde_json::from_slice::<ActionFilter>(data) else {
        return;
    };
    let json =
        serde_json::to_string(&f).unwrap_or_else(|e| panic!("filter does not serialise: {e}"));
    let again: ActionFilter = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("serialised filter {json} does not parse: {e}"));
    assert_eq!(again, f, "filter changed in a JSON round trip");
    let s = protecteu::strategy();
    match s.filter_actions(&f) {
        Ok(found) => {
            // Model order: strictly increasing positions in the action list.
            let all = s.action_list();
            let mut last = None;
            for a in found {
                let pos = all
                    .iter()
                    .position(|x| x.id == a.id)
                    .unwrap_or_else(|| panic!("result {} is not an action of the model", a.id));
                assert!(last.is_none_or(|l| l < pos), "results out of model order");
                last = Some(pos);
            }
        }
        Err(Error::NotFound { .. }) => {}
        Err(other) => panic!("unexpected error kind: {other:?}"),
    }
});
