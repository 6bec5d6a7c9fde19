//! One failing fixture per validation rule, each asserting the rule code and the location.
//!
//! Every fixture is the small valid data set `BASE` with one edit; the problem must point at
//! the line of the edit.

// Test helpers below panic to fail the test that calls them.
#![allow(clippy::panic)]

use protecteu::{Error, Problem, Rule, Strategy};

const BASE: &str = r#"
[dataset]
version = "1.0.0"
as_of = "2026-06-30"

[strategy]
id = "strategy"
citations = [{ source = "communication", verification = "official_text" }]
title = "A strategy"
full_title = "A strategy in full"
document_number = "COM(2025) 148 final"
celex = "52025PC0148"
date = "2025-04-01"
summary = "What it is about."

[[objectives]]
id = "protect-people"
citations = [{ source = "communication", verification = "official_text" }]
number = 1
title = "Protect people"
summary = "Capabilities."

[[principles]]
id = "culture"
citations = [{ source = "communication", verification = "official_text" }]
number = 1
title = "Security culture"
summary = "Whole of society."

[[sections]]
id = "tools"
citations = [{ source = "communication", verification = "official_text" }]
number = "3"
number_confirmed = false
title = "Tools"
title_confirmed = false

[[sections]]
id = "agencies"
citations = [{ source = "communication", verification = "official_text" }]
number = "3.1"
number_confirmed = false
title = "Agencies"
title_confirmed = false
parent = "tools"

[[themes]]
id = "law-enforcement-cooperation"
citations = [{ source = "communication", verification = "official_text" }]
name = "Law enforcement cooperation"
summary = "Police work across borders."

[[threats]]
id = "organised-crime"
citations = [{ source = "communication", verification = "official_text" }]
name = "Organised crime"
summary = "Criminal networks."

[[actors]]
id = "europol"
citations = [{ source = "communication", verification = "official_text" }]
name = "European Union Agency for Law Enforcement Cooperation"
abbreviation = "Europol"
kind = "eu_agency"
founding_act = "europol-regulation"

[[instruments]]
id = "europol-regulation"
citations = [{ source = "communication", verification = "official_text" }]
number = "Regulation (EU) 2016/794"
short_title = "Europol Regulation"
type = "regulation"
year = 2016
celex = "32016R0794"
status = "in_force"

[[documents]]
id = "europol-proposal"
citations = [{ source = "communication", verification = "official_text" }]
title = "Proposal on Europol"
kind = "legislative_proposal"
date = "2026-06-24"
delivers = ["europol-revision"]

[[figures]]
id = "digital-share"
citations = [{ source = "communication", verification = "official_text" }]
statement = "Most investigations rely on digital data."
value = "85%"
number = 0.85
unit = "share"

[[actions]]
id = "europol-revision"
title = "Revise Europol's mandate"
summary = "A proposal to strengthen the agency."
section = "agencies"
kind = "revision"
timing = { kind = "year", year = 2026, text = "2026" }
lead = ["europol"]
themes = ["law-enforcement-cooperation"]
threats = ["organised-crime"]
objectives = ["protect-people"]
instruments = ["europol-regulation"]

[[actions.status]]
date = "2025-10-23"
status = "in_preparation"
note = "Consultation opened."
citations = [{ source = "news", locator = "first paragraph", verification = "secondary_source" }]

[[actions.status]]
date = "2026-06-24"
status = "proposed"
evidence = "europol-proposal"
citations = [{ source = "communication", verification = "official_summary" }]

[[actions.citations]]
source = "communication"
fields = ["title", "summary", "timing", "lead"]
locator = "Key actions"
verification = "official_text"

[[sources]]
id = "communication"
title = "The Communication"
url = "https://example.org/protecteu"
publisher = "European Commission"
class = "eu_institution"
language = "en"
readable = "whole page"

[[sources]]
id = "news"
title = "News"
url = "https://example.org/consultation"
publisher = "A newspaper"
class = "press"
language = "en"
readable = "opening only"
"#;

fn problems(text: &str) -> Vec<Problem> {
    match Strategy::from_text(text, "fixture.toml", &Default::default()) {
        Ok(_) => Vec::new(),
        Err(Error::Invalid(report)) => report.problems,
        Err(other) => panic!("unexpected error: {other}"),
    }
}

/// Applies `old -> new` to BASE (the n-th occurrence of `old`, 0-based) and returns the text
/// with the 1-based line where the edit starts.
fn edit(old: &str, new: &str, nth: usize) -> (String, usize) {
    let at = BASE
        .match_indices(old)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("'{old}' not in BASE"));
    let text = format!("{}{}{}", &BASE[..at], new, &BASE[at + old.len()..]);
    let line = BASE[..at].matches('\n').count() + 1;
    (text, line)
}

/// Asserts that the edit produces a problem under `rule` on the edited line.
fn expect(old: &str, new: &str, nth: usize, rule: Rule) -> Problem {
    let (text, line) = edit(old, new, nth);
    let found = problems(&text);
    let hit = found.iter().find(|p| p.rule == rule);
    let Some(p) = hit else {
        panic!("expected {rule} after replacing '{old}' with '{new}', got: {found:#?}");
    };
    assert_eq!(p.file.as_deref(), Some("fixture.toml"));
    assert_eq!(
        p.line,
        Some(line),
        "{rule} should point at line {line}: {p}"
    );
    assert!(p.column.is_some());
    p.clone()
}

#[test]
fn base_fixture_is_valid() {
    assert_eq!(problems(BASE), Vec::<Problem>::new());
}

#[test]
fn syntax() {
    let p = expect("title = \"Tools\"", "title = \"Tools", 0, Rule::Syntax);
    assert!(p.message.contains("TOML"));
}

#[test]
fn schema_wrong_type_missing_and_unknown_fields() {
    let p = expect(
        "number = 1\ntitle = \"Protect people\"",
        "number = \"one\"\ntitle = \"Protect people\"",
        0,
        Rule::Schema,
    );
    assert_eq!(p.id.as_deref(), Some("protect-people"));
    assert_eq!(p.path.as_deref(), Some("objectives[0].number"));
    let p = expect(
        "kind = \"eu_agency\"",
        "colour = \"blue\"\nkind = \"eu_agency\"",
        0,
        Rule::Schema,
    );
    assert!(p.message.contains("unknown field `colour`"), "{p}");
    let (text, _) = edit("summary = \"Criminal networks.\"\n", "", 0);
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|p| p.rule == Rule::Schema && p.message.contains("missing field `summary`")),
        "{found:#?}"
    );
}

#[test]
fn unknown_enum_value() {
    let p = expect("kind = \"revision\"", "kind = \"revisal\"", 0, Rule::Schema);
    assert_eq!(p.id.as_deref(), Some("europol-revision"));
}

#[test]
fn date_invalid() {
    let p = expect(
        "date = \"2026-06-24\"\nstatus",
        "date = \"2026-02-30\"\nstatus",
        0,
        Rule::DateInvalid,
    );
    assert_eq!(p.path.as_deref(), Some("actions[0].status[1].date"));
}

#[test]
fn unknown_key() {
    let p = expect("[[figures]]", "[[figure]]", 0, Rule::UnknownKey);
    assert!(p.message.contains("did you mean 'figures'"), "{p}");
}

#[test]
fn singleton() {
    let (text, _) = edit(
        "[dataset]\nversion = \"1.0.0\"\nas_of = \"2026-06-30\"\n",
        "",
        0,
    );
    let found = problems(&text);
    assert!(
        found.iter().any(|p| p.rule == Rule::Singleton),
        "{found:#?}"
    );
}

#[test]
fn id_format() {
    expect(
        "id = \"organised-crime\"",
        "id = \"Organised_Crime\"",
        0,
        Rule::IdFormat,
    );
}

#[test]
fn duplicate_id() {
    let p = expect("id = \"agencies\"", "id = \"tools\"", 0, Rule::DuplicateId);
    assert_eq!(p.id.as_deref(), Some("tools"));
}

#[test]
fn unknown_reference_with_suggestion() {
    let p = expect(
        "lead = [\"europol\"]",
        "lead = [\"europl\"]",
        0,
        Rule::UnknownReference,
    );
    assert!(
        p.message
            .contains("unknown actor 'europl'; did you mean 'europol'?"),
        "{p}"
    );
    assert_eq!(p.path.as_deref(), Some("actions[0].lead[0]"));
}

#[test]
fn unknown_reference_of_each_kind() {
    for (old, new) in [
        ("section = \"agencies\"", "section = \"agencie\""),
        (
            "themes = [\"law-enforcement-cooperation\"]",
            "themes = [\"law-enforcement\"]",
        ),
        ("threats = [\"organised-crime\"]", "threats = [\"crime\"]"),
        (
            "objectives = [\"protect-people\"]",
            "objectives = [\"protect\"]",
        ),
        (
            "instruments = [\"europol-regulation\"]",
            "instruments = [\"europol-reg\"]",
        ),
        ("evidence = \"europol-proposal\"", "evidence = \"proposal\""),
        (
            "delivers = [\"europol-revision\"]",
            "delivers = [\"europol-revise\"]",
        ),
        (
            "founding_act = \"europol-regulation\"",
            "founding_act = \"europol\"",
        ),
        ("parent = \"tools\"", "parent = \"tool\""),
    ] {
        expect(old, new, 0, Rule::UnknownReference);
    }
}

#[test]
fn empty_field() {
    expect("title = \"Tools\"", "title = \"  \"", 0, Rule::EmptyField);
}

#[test]
fn control_character() {
    expect(
        "summary = \"Criminal networks.\"",
        "summary = \"Criminal\\u0007networks.\"",
        0,
        Rule::ControlCharacter,
    );
}

#[test]
fn missing_source() {
    let (text, _) = edit(
        "[[actions.citations]]\nsource = \"communication\"\nfields = [\"title\", \"summary\", \"timing\", \"lead\"]\nlocator = \"Key actions\"\nverification = \"official_text\"\n",
        "",
        0,
    );
    let found = problems(&text);
    let p = found
        .iter()
        .find(|p| p.rule == Rule::MissingSource)
        .expect("missing-source");
    assert_eq!(p.id.as_deref(), Some("europol-revision"));
    assert_eq!(
        p.line,
        Some(
            BASE[..BASE.find("id = \"europol-revision\"").unwrap()]
                .matches('\n')
                .count()
        )
    );
}

#[test]
fn source_location() {
    expect(
        "url = \"https://example.org/protecteu\"",
        "url = \"example.org/protecteu\"",
        0,
        Rule::SourceLocation,
    );
}

#[test]
fn section_number() {
    expect(
        "number = \"3.1\"",
        "number = \"4.1\"",
        0,
        Rule::SectionNumber,
    );
    expect("number = \"3\"", "number = \"III\"", 0, Rule::SectionNumber);
}

#[test]
fn section_cycle() {
    let (text, _) = edit(
        "title_confirmed = false\n\n[[sections]]",
        "title_confirmed = false\nparent = \"agencies\"\n\n[[sections]]",
        0,
    );
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|p| p.rule == Rule::SectionCycle && p.id.as_deref() == Some("tools")),
        "{found:#?}"
    );
}

#[test]
fn date_range() {
    expect(
        "date = \"2026-06-24\"\ndelivers",
        "date = \"1850-06-24\"\ndelivers",
        0,
        Rule::DateRange,
    );
    // After the data set's as-of date.
    expect(
        "date = \"2026-06-24\"\nstatus",
        "date = \"2026-07-24\"\nstatus",
        0,
        Rule::DateRange,
    );
}

#[test]
fn timing() {
    expect(
        "timing = { kind = \"year\", year = 2026, text = \"2026\" }",
        "timing = { kind = \"quarter\", year = 2026, quarter = 5, text = \"Q5\" }",
        0,
        Rule::Timing,
    );
    expect(
        "timing = { kind = \"year\", year = 2026, text = \"2026\" }",
        "timing = { kind = \"year\", text = \"2026\" }",
        0,
        Rule::Timing,
    );
    expect(
        "timing = { kind = \"year\", year = 2026, text = \"2026\" }",
        "timing = { kind = \"ongoing\", year = 2026, text = \"ongoing\" }",
        0,
        Rule::Timing,
    );
}

#[test]
fn status_order() {
    expect(
        "date = \"2026-06-24\"\nstatus",
        "date = \"2025-06-24\"\nstatus",
        0,
        Rule::StatusOrder,
    );
}

#[test]
fn status_before_strategy() {
    expect(
        "date = \"2025-10-23\"",
        "date = \"2025-03-23\"",
        0,
        Rule::StatusBeforeStrategy,
    );
}

#[test]
fn missing_evidence() {
    let (text, line) = edit(
        "citations = [{ source = \"news\", locator = \"first paragraph\", verification = \"secondary_source\" }]\n",
        "",
        0,
    );
    let found = problems(&text);
    let p = found
        .iter()
        .find(|p| p.rule == Rule::MissingEvidence)
        .expect("missing-evidence");
    assert_eq!(p.path.as_deref(), Some("actions[0].status[0]"));
    // The event's table header, four lines above the removed line.
    assert_eq!(p.line, Some(line - 4));
}

#[test]
fn celex_format_and_mismatch() {
    expect(
        "celex = \"32016R0794\"",
        "celex = \"3216R794\"",
        0,
        Rule::CelexFormat,
    );
    let p = expect(
        "celex = \"32016R0794\"",
        "celex = \"32016R0795\"",
        0,
        Rule::CelexMismatch,
    );
    assert!(p.message.contains("expected '32016R0794'"), "{p}");
}

#[test]
fn number_range() {
    expect("number = 0.85", "number = nan", 0, Rule::NumberRange);
}

#[test]
fn limits() {
    let limits = protecteu::Limits {
        max_bytes: 100,
        ..Default::default()
    };
    match Strategy::from_text(BASE, "fixture.toml", &limits) {
        Err(Error::Invalid(r)) => assert_eq!(r.problems[0].rule, Rule::Limit),
        other => panic!("expected a limit problem, got {other:?}"),
    }
}

#[test]
fn all_problems_are_collected_not_only_the_first() {
    let (text, _) = edit("lead = [\"europol\"]", "lead = [\"europl\"]", 0);
    let text = text
        .replacen("id = \"agencies\"", "id = \"tools\"", 1)
        .replacen(
            "date = \"2026-06-24\"\ndelivers",
            "date = \"2026-02-30\"\ndelivers",
            1,
        );
    let found = problems(&text);
    let codes: Vec<&str> = found.iter().map(|p| p.code()).collect();
    for code in ["unknown-reference", "duplicate-id", "date-invalid"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[test]
fn canonical_json_problems_are_located_by_line_and_path() {
    let json = protecteu::strategy().to_canonical_json();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let actions = v["actions"].as_array_mut().unwrap();
    let first_id = actions[0]["id"].clone();
    actions[1]["id"] = first_id.clone();
    actions[2]["lead"] = serde_json::json!(["europl"]);
    v["documents"][1]["date"] = serde_json::json!("2025-02-30");
    let text = serde_json::to_string_pretty(&v).unwrap();
    let found = match Strategy::from_text(&text, "copy.json", &Default::default()) {
        Err(Error::Invalid(r)) => r.problems,
        other => panic!("expected problems, got {other:?}"),
    };
    let line_of = |needle: &str, nth: usize| {
        text.match_indices(needle)
            .nth(nth)
            .map(|(i, _)| text[..i].matches('\n').count() + 1)
    };
    let dup = found
        .iter()
        .find(|p| p.rule == Rule::DuplicateId)
        .expect("duplicate");
    assert_eq!(dup.path.as_deref(), Some("actions[1].id"));
    assert_eq!(dup.line, line_of(&format!("\"id\": {first_id}"), 1));
    let dangling = found
        .iter()
        .find(|p| p.rule == Rule::UnknownReference)
        .expect("dangling");
    assert!(
        dangling.message.contains("did you mean 'europol'?"),
        "{dangling}"
    );
    assert_eq!(dangling.line, line_of("\"europl\"", 0));
    let date = found
        .iter()
        .find(|p| p.rule == Rule::DateInvalid)
        .expect("date");
    assert_eq!(date.path.as_deref(), Some("documents[1].date"));
    assert_eq!(date.line, line_of("\"2025-02-30\"", 0));
}

// ---- provenance (data 0.4.0) --------------------------------------------------------------

#[test]
fn every_entity_and_status_event_needs_a_citation() {
    // The figure without its citation.
    let (text, _) = edit(
        "id = \"digital-share\"\ncitations = [{ source = \"communication\", verification = \"official_text\" }]\n",
        "id = \"digital-share\"\n",
        0,
    );
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|p| p.rule == Rule::MissingSource && p.id.as_deref() == Some("digital-share")),
        "{found:#?}"
    );
    // The second status event without its citation (it has evidence: only missing-source).
    let (text, _) = edit(
        "evidence = \"europol-proposal\"\ncitations = [{ source = \"communication\", verification = \"official_summary\" }]\n",
        "evidence = \"europol-proposal\"\n",
        0,
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, Rule::MissingSource);
    assert_eq!(found[0].path.as_deref(), Some("actions[0].status[1]"));
    assert!(found[0].message.contains("cites no source"), "{}", found[0]);
}

#[test]
fn verification_overclaim() {
    // A newspaper cannot give the official text.
    let p = expect(
        "source = \"news\", locator = \"first paragraph\", verification = \"secondary_source\"",
        "source = \"news\", locator = \"first paragraph\", verification = \"official_text\"",
        0,
        Rule::VerificationOverclaim,
    );
    assert_eq!(
        p.path.as_deref(),
        Some("actions[0].status[0].citations[0].verification")
    );
    assert!(p.message.contains("press"), "{p}");
    assert!(p.message.contains("secondary_source"), "{p}");
    // Nor can the Commission's site give a reproduced text of its own document.
    expect(
        "verification = \"official_text\"\n\n[[sources]]",
        "verification = \"reproduced_text\"\n\n[[sources]]",
        0,
        Rule::VerificationOverclaim,
    );
}

#[test]
fn citation_field() {
    let p = expect(
        "fields = [\"title\", \"summary\", \"timing\", \"lead\"]",
        "fields = [\"title\", \"summary\", \"timing\", \"leed\"]",
        0,
        Rule::CitationField,
    );
    assert_eq!(p.path.as_deref(), Some("actions[0].citations[0].fields[3]"));
    assert!(p.message.contains("did you mean 'lead'"), "{p}");
    // A status event's citation supports the whole event: no fields.
    expect(
        "source = \"news\", locator",
        "source = \"news\", fields = [\"date\"], locator",
        0,
        Rule::CitationField,
    );
}

#[test]
fn duplicate_source() {
    let p = expect(
        "url = \"https://example.org/consultation\"",
        "url = \"https://example.org/protecteu\"",
        0,
        Rule::DuplicateSource,
    );
    assert_eq!(p.id.as_deref(), Some("news"));
    assert!(p.message.contains("'communication'"), "{p}");
    // The same id twice is a duplicate id of the registry.
    expect(
        "id = \"news\"",
        "id = \"communication\"",
        0,
        Rule::DuplicateId,
    );
}

#[test]
fn unknown_registry_source() {
    let p = expect(
        "source = \"news\"",
        "source = \"nevs\"",
        0,
        Rule::UnknownReference,
    );
    assert!(p.message.contains("did you mean 'news'"), "{p}");
    assert_eq!(
        p.path.as_deref(),
        Some("actions[0].status[0].citations[0].source")
    );
}

#[test]
fn legacy_inline_sources_explain_the_new_format() {
    let p = expect(
        "[[actions.citations]]\nsource = \"communication\"\nfields = [\"title\", \"summary\", \"timing\", \"lead\"]\nlocator = \"Key actions\"\n",
        "[[actions.sources]]\ntitle = \"The Communication\"\nurl = \"https://example.org/protecteu\"\nsection = \"Key actions\"\n",
        0,
        Rule::LegacyFormat,
    );
    assert!(p.message.contains("data 0.3.0"), "{p}");
    assert!(
        p.message.contains("[[sources]]") && p.message.contains("citations"),
        "{p}"
    );
}
