//! Checks shared by the loader targets.

use protecteu::{Error, Limits, Strategy};

/// Loads `text`; on failure every problem must be a plain validation problem; on success the
/// model must round-trip through canonical JSON and answer the usual queries.
pub fn check_loaded(text: &str, name: &str) {
    match Strategy::from_text(text, name, &Limits::default()) {
        Err(Error::Invalid(report)) => {
            for p in &report.problems {
                // Display must not panic either.
                let _ = p.to_string();
            }
        }
        Err(other) => panic!("unexpected error kind from from_text: {other:?}"),
        Ok(s) => {
            let json = s.to_canonical_json();
            let again: Strategy = match json.parse() {
                Ok(again) => again,
                Err(e) => panic!("canonical JSON of a valid model does not load: {e}\n{json}"),
            };
            assert_eq!(
                again.to_canonical_json(),
                json,
                "canonical JSON is not stable"
            );
            let _ = s.stats();
            let _ = s.timeline(None);
            let _ = s.search("a", 5);
            for kind in protecteu::EntityKind::ALL {
                let _ = s.records(kind);
            }
            for a in s.action_list() {
                let _ = s.documents_of_action(a.id.as_str());
                let _ = s.current_status(a);
            }
            for sec in s.sections() {
                let _ = s.actions_in_section(sec.id.as_str(), true);
                let _ = s.subsections(sec.id.as_str());
            }
        }
    }
}
