//! Data-quality rules for the ProtectEU data set in `data/protecteu-2025/` (issue 3, item 8).
//!
//! The loader's validator checks the format (references resolve, dates and CELEX numbers are
//! well formed, ...). These tests check the editorial rules a policy analyst relies on:
//!
//! - every action cites at least one source with a URL, names a section and has a timing;
//! - every action names a lead actor, or its notes say explicitly that the lead is not stated
//!   (the rule: an empty `lead` must come with the words "lead not stated" in `notes`);
//! - every action names at least one theme or threat; the cross-cutting governance actions of
//!   chapter 1 (which concern every threat) name at least one overarching objective instead;
//! - every theme has at least one action;
//! - every instrument's CELEX number matches its official number (recomputed here
//!   independently of the library's own CELEX code);
//! - no two actions share a title or have near-duplicate summaries;
//! - every status event names its evidence document and is dated between the strategy's
//!   adoption (2025-04-01) and the data set's as-of date;
//! - no press, NGO, academic, consultancy, forum or aggregator source is cited at an official
//!   level; every registry source is cited; at least 90% of the actions with a lead (a stated
//!   timing) cite a source for `lead` (`timing`); every status event cites a source;
//! - the number of entities of each kind equals the numbers pinned in
//!   `data/manifest-protecteu-2025.toml`, so an accidental deletion fails.
//!
//! Both the source files and the embedded copy are checked.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use protecteu::{
    Action, Citation, EntityKind, InstrumentType, SourceClass, Strategy, TimingKind, Verification,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The data set as loaded from the hand-edited source files, and the embedded copy.
fn data_sets() -> Vec<(&'static str, &'static Strategy)> {
    static FROM_FILES: OnceLock<Strategy> = OnceLock::new();
    let from_files = FROM_FILES.get_or_init(|| {
        Strategy::from_path(root().join("data/protecteu-2025"))
            .expect("data/protecteu-2025 loads and validates")
    });
    vec![
        ("data/protecteu-2025", from_files),
        ("embedded", protecteu::strategy()),
    ]
}

/// True when some citation names a registry source with a web address.
fn cites_a_web_address(s: &Strategy, citations: &[Citation]) -> bool {
    citations.iter().any(|c| {
        s.source(c.source.as_str())
            .ok()
            .and_then(|src| src.url.as_deref())
            .is_some_and(|u| u.starts_with("http"))
    })
}

/// Collects failures so one run reports every offending entity, not only the first.
fn report(what: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{what}: {} problem(s):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn every_action_has_a_source_with_url_a_section_and_a_timing() {
    for (name, s) in data_sets() {
        let sections: BTreeSet<&str> = s.sections().iter().map(|x| x.id.as_str()).collect();
        let mut failures = Vec::new();
        for a in s.action_list() {
            if !cites_a_web_address(s, &a.citations) {
                failures.push(format!("{}: no source with a web address", a.id));
            }
            if !sections.contains(a.section.as_str()) {
                failures.push(format!(
                    "{}: section '{}' is not a section",
                    a.id, a.section
                ));
            }
            if a.timing.text.trim().is_empty() {
                failures.push(format!("{}: timing has no source wording", a.id));
            }
            if a.timing.kind == TimingKind::NotStated
                && !a.timing.text.to_lowercase().contains("not stated")
            {
                failures.push(format!(
                    "{}: a not-stated timing must say so in its text, got '{}'",
                    a.id, a.timing.text
                ));
            }
            if a.title.trim().is_empty() || a.summary.trim().is_empty() {
                failures.push(format!("{}: empty title or summary", a.id));
            }
        }
        report(name, failures);
    }
}

#[test]
fn every_action_names_a_lead_or_says_the_lead_is_not_stated() {
    for (name, s) in data_sets() {
        let failures = s
            .action_list()
            .iter()
            .filter(|a| a.lead.is_empty())
            .filter(|a| {
                !a.notes
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase().contains("lead not stated"))
            })
            .map(|a| {
                format!(
                    "{}: empty lead without 'Lead not stated' in its notes",
                    a.id
                )
            })
            .collect();
        report(name, failures);
    }
}

/// The chapter of cross-cutting governance arrangements.
const GOVERNANCE_SECTION: &str = "introduction-governance";

#[test]
fn every_action_has_a_theme_or_threat() {
    for (name, s) in data_sets() {
        let failures = s
            .action_list()
            .iter()
            .filter(|a| a.themes.is_empty() && a.threats.is_empty())
            .filter(|a| a.section.as_str() != GOVERNANCE_SECTION || a.objectives.is_empty())
            .map(|a| {
                format!(
                    "{}: no theme or threat (only chapter-1 governance actions may name an \
                     objective instead)",
                    a.id
                )
            })
            .collect();
        report(name, failures);
    }
}

#[test]
fn every_theme_has_an_action() {
    for (name, s) in data_sets() {
        let used: BTreeSet<&str> = s
            .action_list()
            .iter()
            .flat_map(|a| a.themes.iter().map(|t| t.as_str()))
            .collect();
        let failures = s
            .themes()
            .iter()
            .filter(|t| !used.contains(t.id.as_str()))
            .map(|t| format!("theme {} has no action", t.id))
            .collect();
        report(name, failures);
    }
}

/// Year and number of an official act number, read independently of the library:
/// `Regulation (EU) 2016/794` and `Directive (EU) 2022/2555` give year/number,
/// `Directive 2011/36/EU`, `Council Framework Decision 2008/841/JHA` and
/// `Commission Decision 1999/352/EC, ECSC, Euratom` give year/number too,
/// `Regulation (EC) No 273/2004` gives number/year.
fn act_year_and_number(official: &str) -> Option<(u32, u32)> {
    let numbered = official.contains(" No ");
    official.split_whitespace().find_map(|word| {
        let mut parts = word.trim_end_matches(',').split('/');
        let a: u32 = parts.next()?.parse().ok()?;
        let b: u32 = parts.next()?.parse().ok()?;
        let (year, number) = if numbered { (b, a) } else { (a, b) };
        (1950..=2100).contains(&year).then_some((year, number))
    })
}

#[test]
fn every_instrument_celex_matches_its_official_number() {
    for (name, s) in data_sets() {
        let mut failures = Vec::new();
        for x in s.instruments() {
            let Some(celex) = x.celex.as_deref() else {
                failures.push(format!("{}: no CELEX number", x.id));
                continue;
            };
            let Some((year, number)) = act_year_and_number(&x.number) else {
                failures.push(format!("{}: cannot read '{}'", x.id, x.number));
                continue;
            };
            let letter = match x.instrument_type {
                InstrumentType::Regulation => 'R',
                InstrumentType::Directive => 'L',
                InstrumentType::Decision => 'D',
                InstrumentType::FrameworkDecision => 'F',
                InstrumentType::Other => {
                    failures.push(format!("{}: type 'other' has no CELEX rule", x.id));
                    continue;
                }
            };
            let expected = format!("3{year}{letter}{number:04}");
            if celex != expected {
                failures.push(format!(
                    "{}: CELEX {celex} but '{}' gives {expected}",
                    x.id, x.number
                ));
            }
            if i64::from(x.year) != i64::from(year) {
                failures.push(format!(
                    "{}: year {} but '{}' gives {year}",
                    x.id, x.year, x.number
                ));
            }
            if !cites_a_web_address(s, &x.citations) {
                failures.push(format!("{}: no source with a web address", x.id));
            }
        }
        report(name, failures);
    }
}

#[test]
fn official_number_reader_handles_every_form() {
    assert_eq!(
        act_year_and_number("Regulation (EU) 2016/794"),
        Some((2016, 794))
    );
    assert_eq!(
        act_year_and_number("Regulation (EU, Euratom) 2024/2509"),
        Some((2024, 2509))
    );
    assert_eq!(
        act_year_and_number("Directive 2011/36/EU"),
        Some((2011, 36))
    );
    assert_eq!(
        act_year_and_number("Council Framework Decision 2008/841/JHA"),
        Some((2008, 841))
    );
    assert_eq!(
        act_year_and_number("Regulation (EC) No 273/2004"),
        Some((2004, 273))
    );
    assert_eq!(
        act_year_and_number("Commission Decision 1999/352/EC, ECSC, Euratom"),
        Some((1999, 352))
    );
    assert_eq!(act_year_and_number("Cybersecurity Act"), None);
}

/// Lower-case word tokens of at least three letters, for the similarity of summaries.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Jaccard similarity of two word sets.
fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// Summaries sharing this share of their words count as near-duplicates.
const NEAR_DUPLICATE: f64 = 0.6;

#[test]
fn no_two_actions_share_a_title_or_a_near_duplicate_summary() {
    for (name, s) in data_sets() {
        let actions: Vec<&Action> = s.action_list().iter().collect();
        let mut failures = Vec::new();
        let mut titles: BTreeMap<String, &str> = BTreeMap::new();
        for a in &actions {
            let key = protecteu::fold(a.title.trim());
            if let Some(other) = titles.insert(key, a.id.as_str()) {
                failures.push(format!("{} and {}: same title '{}'", other, a.id, a.title));
            }
        }
        let bags: Vec<BTreeSet<String>> = actions.iter().map(|a| words(&a.summary)).collect();
        for i in 0..actions.len() {
            for j in (i + 1)..actions.len() {
                let sim = similarity(&bags[i], &bags[j]);
                if sim >= NEAR_DUPLICATE {
                    failures.push(format!(
                        "{} and {}: summaries {:.0}% alike",
                        actions[i].id,
                        actions[j].id,
                        sim * 100.0
                    ));
                }
            }
        }
        report(name, failures);
    }
}

#[test]
fn near_duplicate_detector_tells_copies_from_different_summaries() {
    let a = words("The Commission is to propose new legislation to combat firearms trafficking.");
    let b = words("The Commission is to propose new legislation to fight firearms trafficking.");
    let c = words("Shield critical subsea cables and other infrastructure against sabotage.");
    assert!(similarity(&a, &b) >= NEAR_DUPLICATE);
    assert!(similarity(&a, &c) < NEAR_DUPLICATE);
}

#[test]
fn every_status_event_has_evidence_and_a_date_in_range() {
    let earliest = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
    for (name, s) in data_sets() {
        let as_of = s.dataset().as_of;
        let documents: BTreeSet<&str> = s.documents().iter().map(|d| d.id.as_str()).collect();
        let mut failures = Vec::new();
        for a in s.action_list() {
            for e in &a.status {
                match &e.evidence {
                    None => failures.push(format!("{} {}: no evidence", a.id, e.date)),
                    Some(d) if !documents.contains(d.as_str()) => {
                        failures.push(format!("{} {}: unknown evidence {d}", a.id, e.date))
                    }
                    Some(_) => {}
                }
                if e.date < earliest || e.date > as_of {
                    failures.push(format!(
                        "{}: event dated {} outside [{earliest}, {as_of}]",
                        a.id, e.date
                    ));
                }
            }
        }
        report(name, failures);
    }
}

#[test]
fn every_document_that_delivers_an_action_has_a_source_with_url() {
    for (name, s) in data_sets() {
        let failures = s
            .documents()
            .iter()
            .filter(|d| !d.delivers.is_empty())
            .filter(|d| !cites_a_web_address(s, &d.citations))
            .map(|d| format!("{}: delivers actions but cites no web address", d.id))
            .collect();
        report(name, failures);
    }
}

#[test]
fn counts_per_kind_match_the_manifest() {
    let path = root().join("data/manifest-protecteu-2025.toml");
    let text = std::fs::read_to_string(&path).expect("the manifest exists");
    let manifest: toml::Value = toml::from_str(&text).expect("the manifest is TOML");
    let pinned = manifest
        .get("counts")
        .and_then(toml::Value::as_table)
        .expect("a [counts] table");
    for (name, s) in data_sets() {
        let actual: BTreeMap<&str, usize> = BTreeMap::from([
            ("objectives", s.objectives().len()),
            ("principles", s.principles().len()),
            ("sections", s.sections().len()),
            ("themes", s.themes().len()),
            ("threats", s.threats().len()),
            ("actions", s.action_list().len()),
            ("actors", s.actors().len()),
            ("instruments", s.instruments().len()),
            ("documents", s.documents().len()),
            ("figures", s.figures().len()),
            ("sources", s.sources().len()),
        ]);
        let mut failures = Vec::new();
        for (kind, count) in &actual {
            match pinned.get(*kind).and_then(toml::Value::as_integer) {
                Some(n) if usize::try_from(n).ok() == Some(*count) => {}
                Some(n) => failures.push(format!("{kind}: {count} in the data, {n} pinned")),
                None => failures.push(format!("{kind}: not pinned in the manifest")),
            }
        }
        for kind in pinned.keys() {
            if !actual.contains_key(kind.as_str()) {
                failures.push(format!("{kind}: pinned but not a kind of the data set"));
            }
        }
        assert_eq!(
            manifest.get("version").and_then(toml::Value::as_str),
            Some(s.dataset().version.as_str()),
            "{name}: the manifest's version differs from dataset.version"
        );
        report(name, failures);
    }
}

// ---- provenance (data 0.4.0, issue 13) ---------------------------------------------------

/// Every citation of the data set with the entity it belongs to (`kind/id`, `status[i]` for
/// an event).
fn all_citations(s: &'static Strategy) -> Vec<(String, &'static Citation)> {
    let mut out: Vec<(String, &'static Citation)> = Vec::new();
    let mut add = |who: String, list: &'static [Citation]| {
        for c in list {
            out.push((who.clone(), c));
        }
    };
    add(format!("strategy/{}", s.info().id), &s.info().citations);
    for e in s.objectives() {
        add(format!("objective/{}", e.id), &e.citations);
    }
    for e in s.principles() {
        add(format!("principle/{}", e.id), &e.citations);
    }
    for e in s.sections() {
        add(format!("section/{}", e.id), &e.citations);
    }
    for e in s.themes() {
        add(format!("theme/{}", e.id), &e.citations);
    }
    for e in s.threats() {
        add(format!("threat/{}", e.id), &e.citations);
    }
    for a in s.action_list() {
        add(format!("action/{}", a.id), &a.citations);
        for (i, e) in a.status.iter().enumerate() {
            add(format!("action/{} status[{i}]", a.id), &e.citations);
        }
    }
    for e in s.actors() {
        add(format!("actor/{}", e.id), &e.citations);
    }
    for e in s.instruments() {
        add(format!("instrument/{}", e.id), &e.citations);
    }
    for e in s.documents() {
        add(format!("document/{}", e.id), &e.citations);
    }
    for e in s.figures() {
        add(format!("figure/{}", e.id), &e.citations);
    }
    out
}

#[test]
fn no_unofficial_publisher_is_cited_at_an_official_level() {
    for (name, s) in data_sets() {
        let mut failures = Vec::new();
        let mut checked = 0;
        for (who, c) in all_citations(s) {
            let Ok(src) = s.source(c.source.as_str()) else {
                failures.push(format!("{who}: cites '{}', not in the registry", c.source));
                continue;
            };
            let unofficial = matches!(
                src.class,
                SourceClass::ForumBlog
                    | SourceClass::Press
                    | SourceClass::Aggregator
                    | SourceClass::LawFirmConsultancy
                    | SourceClass::NgoThinkTank
                    | SourceClass::JournalAcademic
            );
            checked += usize::from(unofficial);
            if unofficial
                && matches!(
                    c.verification,
                    Verification::OfficialText | Verification::OfficialSummary
                )
            {
                failures.push(format!(
                    "{who}: '{}' ({:?}) cited as {:?}",
                    src.id, src.class, c.verification
                ));
            }
        }
        assert!(
            checked > 0,
            "{name}: no unofficial source at all: the test checks nothing"
        );
        report(name, failures);
    }
}

#[test]
fn every_registry_source_is_cited_and_every_citation_resolves() {
    for (name, s) in data_sets() {
        let cited: BTreeSet<&str> = all_citations(s)
            .into_iter()
            .map(|(_, c)| c.source.as_str())
            .collect();
        let mut failures: Vec<String> = s
            .sources()
            .iter()
            .filter(|src| !cited.contains(src.id.as_str()))
            .map(|src| format!("source {} is cited by no fact", src.id))
            .collect();
        failures.extend(
            cited
                .iter()
                .filter(|id| s.source(id).is_err())
                .map(|id| format!("'{id}' is cited but not registered")),
        );
        assert!(!s.sources().is_empty(), "{name}: an empty registry");
        report(name, failures);
    }
}

#[test]
fn leads_timings_and_status_events_are_cited() {
    for (name, s) in data_sets() {
        let cites =
            |a: &Action, f: &str| a.citations.iter().any(|c| c.fields.iter().any(|x| x == f));
        let with_lead: Vec<&Action> = s
            .action_list()
            .iter()
            .filter(|a| !a.lead.is_empty())
            .collect();
        let stated: Vec<&Action> = s
            .action_list()
            .iter()
            .filter(|a| a.timing.kind != TimingKind::NotStated)
            .collect();
        let lead_cited = with_lead.iter().filter(|a| cites(a, "lead")).count();
        let timing_cited = stated.iter().filter(|a| cites(a, "timing")).count();
        assert!(!with_lead.is_empty() && !stated.is_empty());
        assert!(
            lead_cited * 10 >= with_lead.len() * 9,
            "{name}: {lead_cited} of {} actions with a lead cite a source for it (90% needed)",
            with_lead.len()
        );
        assert!(
            timing_cited * 10 >= stated.len() * 9,
            "{name}: {timing_cited} of {} actions with a stated timing cite a source for it (90% needed)",
            stated.len()
        );
        let mut failures = Vec::new();
        for a in s.action_list() {
            for (i, e) in a.status.iter().enumerate() {
                if e.citations.is_empty() {
                    failures.push(format!("{} status[{i}]: cites no source", a.id));
                }
            }
        }
        report(name, failures);
        // The library's own count agrees with this independent one.
        let p = s.provenance_stats();
        assert_eq!(
            (p.actions_with_lead, p.actions_citing_lead),
            (with_lead.len(), lead_cited)
        );
        assert_eq!(
            (p.actions_with_stated_timing, p.actions_citing_timing),
            (stated.len(), timing_cited)
        );
    }
}

#[test]
fn citable_fields_are_the_schema_properties_of_each_kind() {
    let path = root().join("data/schema/protecteu-data.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let defs = schema
        .get("$defs")
        .or_else(|| schema.get("definitions"))
        .expect("schema definitions");
    let resolve = |v: &serde_json::Value| -> serde_json::Value {
        let mut v = v.clone();
        // A top-level key's schema may be an array of a definition, or a definition itself.
        loop {
            if let Some(items) = v.get("items") {
                v = items.clone();
            } else if let Some(r) = v.get("$ref").and_then(serde_json::Value::as_str) {
                let name = r.rsplit('/').next().unwrap();
                v = defs[name].clone();
            } else if let Some(any) = v
                .get("anyOf")
                .or_else(|| v.get("allOf"))
                .and_then(serde_json::Value::as_array)
            {
                // `anyOf [definition, null]` for the optional strategy table.
                v = any
                    .iter()
                    .find(|b| b.get("$ref").is_some())
                    .unwrap()
                    .clone();
            } else {
                return v;
            }
        }
    };
    let top = &schema["properties"];
    let mut checked = 0;
    for kind in EntityKind::ALL {
        if kind == EntityKind::Source {
            // Registry entries are what citations point at; they cite nothing themselves.
            continue;
        }
        let key = if kind == EntityKind::Strategy {
            "strategy"
        } else {
            kind.plural()
        };
        let entity = resolve(&top[key]);
        let props: BTreeSet<&str> = entity["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no properties for {key}: {entity}"))
            .keys()
            .map(String::as_str)
            // An action's `status` is its history: each event cites its own sources.
            .filter(|k| !matches!(*k, "id" | "citations" | "previous_ids"))
            .filter(|k| !(kind == EntityKind::Action && *k == "status"))
            .collect();
        let citable: BTreeSet<&str> = kind.citable_fields().iter().copied().collect();
        assert_eq!(
            citable, props,
            "{key}: citable fields differ from the schema's properties"
        );
        checked += 1;
    }
    assert_eq!(checked, EntityKind::ALL.len() - 1);
}
