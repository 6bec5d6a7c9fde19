//! Interchange: JSON Lines, CSV tables, Markdown, DOT, Mermaid, RDF (parsed with real RDF
//! parsers), overlays and diffs.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use oxrdf::{Graph, Literal, NamedNode, Triple};
use protecteu::{Citation, EntityKind, Error, OverlayChange, Progress, Rule, Status, Strategy};

fn base() -> &'static Strategy {
    protecteu::try_strategy().expect("the embedded data loads")
}

fn problems(e: Error) -> Vec<protecteu::Problem> {
    match e {
        Error::Invalid(r) => r.problems,
        other => panic!("expected validation problems, got {other}"),
    }
}

/// Every citation list of the model, one per subject that cites (an entity or a status event).
fn citation_lists(s: &Strategy) -> Vec<&[Citation]> {
    let mut out: Vec<&[Citation]> = vec![&s.info().citations];
    out.extend(s.objectives().iter().map(|e| e.citations.as_slice()));
    out.extend(s.principles().iter().map(|e| e.citations.as_slice()));
    out.extend(s.sections().iter().map(|e| e.citations.as_slice()));
    out.extend(s.themes().iter().map(|e| e.citations.as_slice()));
    out.extend(s.threats().iter().map(|e| e.citations.as_slice()));
    for a in s.action_list() {
        out.push(&a.citations);
        out.extend(a.status.iter().map(|e| e.citations.as_slice()));
    }
    out.extend(s.actors().iter().map(|e| e.citations.as_slice()));
    out.extend(s.instruments().iter().map(|e| e.citations.as_slice()));
    out.extend(s.documents().iter().map(|e| e.citations.as_slice()));
    out.extend(s.figures().iter().map(|e| e.citations.as_slice()));
    out
}

/// Every citation of the model (one row of the `citations` table each).
fn total_citations(s: &Strategy) -> usize {
    citation_lists(s).iter().map(|l| l.len()).sum()
}

/// Distinct (subject, source) pairs: the `prov:wasDerivedFrom` triples of the graph.
fn derived_pairs(s: &Strategy) -> usize {
    citation_lists(s)
        .iter()
        .map(|l| {
            l.iter()
                .map(|c| c.source.as_str())
                .collect::<HashSet<_>>()
                .len()
        })
        .sum()
}

// ---- canonical JSON and JSON Lines ------------------------------------------------------

#[test]
fn canonical_json_round_trips_byte_for_byte() {
    let json = base().to_canonical_json();
    let again: Strategy = json.parse().unwrap();
    assert_eq!(again.to_canonical_json(), json);
}

#[test]
fn jsonl_has_one_line_per_entity_and_reads_back() {
    let s = base();
    let text = s.to_jsonl(None);
    let entities = 1
        + s.objectives().len()
        + s.principles().len()
        + s.sections().len()
        + s.themes().len()
        + s.threats().len()
        + s.action_list().len()
        + s.actors().len()
        + s.instruments().len()
        + s.documents().len()
        + s.figures().len()
        + s.sources().len();
    assert_eq!(
        text.lines().count(),
        entities + 1,
        "entities plus the dataset line"
    );
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first["kind"], "dataset");
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["data"].is_object());
    }
    let again = Strategy::from_jsonl(&text).unwrap();
    assert_eq!(again.to_canonical_json(), s.to_canonical_json());

    let actions = s.to_jsonl(Some(EntityKind::Action));
    assert_eq!(actions.lines().count(), s.action_list().len());
    let v: serde_json::Value = serde_json::from_str(actions.lines().next().unwrap()).unwrap();
    assert_eq!(v["kind"], "action");
    assert_eq!(v["id"], s.action_list()[0].id.as_str());
    // The action's own `kind` field is kept inside `data`.
    assert!(v["data"]["kind"].is_string());
}

#[test]
fn jsonl_reports_bad_lines_with_their_number() {
    let mut text = base().to_jsonl(None);
    text.push_str("{\"kind\": \"spaceship\", \"data\": {}}\nnot json\n");
    let n = text.lines().count();
    let p = problems(Strategy::from_jsonl(&text).unwrap_err());
    let lines: Vec<usize> = p.iter().filter_map(|p| p.line).collect();
    assert_eq!(lines, vec![n - 1, n]);
    assert!(p.iter().all(|p| p.rule == Rule::Syntax));
}

// ---- CSV tables -------------------------------------------------------------------------

/// A small RFC 4180 reader, to check what `to_csv` writes.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn csv_tables_per_kind_with_link_tables() {
    let s = base();
    let tables = s.tables();
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    for expected in [
        "dataset",
        "strategy",
        "objectives",
        "actions",
        "actors",
        "instruments",
        "documents",
        "figures",
        "action_lead",
        "action_involved",
        "action_theme",
        "action_threat",
        "action_objective",
        "action_instrument",
        "action_previous_id",
        "document_delivers",
        "action_status",
        "citations",
        "sources",
    ] {
        assert!(
            names.contains(&expected),
            "missing table {expected}: {names:?}"
        );
    }
    let get = |n: &str| tables.iter().find(|t| t.name == n).unwrap();

    let actions = get("actions");
    assert_eq!(actions.rows.len(), s.action_list().len());
    for col in [
        "id",
        "title",
        "section",
        "kind",
        "timing_kind",
        "timing_year",
        "timing_text",
        "notes",
    ] {
        assert!(
            actions.columns.iter().any(|c| c == col),
            "actions lacks {col}"
        );
    }
    assert!(
        !actions
            .columns
            .iter()
            .any(|c| c == "lead" || c == "citations"),
        "lists go to link tables"
    );

    let lead = get("action_lead");
    assert_eq!(lead.columns, ["action", "actor", "position"]);
    assert_eq!(
        lead.rows.len(),
        s.action_list().iter().map(|a| a.lead.len()).sum::<usize>()
    );
    let delivers = get("document_delivers");
    assert_eq!(delivers.columns, ["document", "action", "position"]);
    assert_eq!(
        delivers.rows.len(),
        s.documents()
            .iter()
            .map(|d| d.delivers.len())
            .sum::<usize>()
    );
    let status = get("action_status");
    assert_eq!(
        status.rows.len(),
        s.action_list()
            .iter()
            .map(|a| a.status.len())
            .sum::<usize>()
    );
    assert_eq!(get("citations").rows.len(), total_citations(s));
    // The registry is a table of its own, one row per source, each cited by some row.
    let registry = get("sources");
    assert_eq!(registry.rows.len(), s.sources().len());
    let id_col = get("citations")
        .columns
        .iter()
        .position(|c| c == "source")
        .unwrap();
    let cited: HashSet<&str> = get("citations")
        .rows
        .iter()
        .map(|r| r[id_col].as_str())
        .collect();
    for r in &registry.rows {
        assert!(
            cited.contains(r[0].as_str()),
            "source {} is cited by no row",
            r[0]
        );
    }

    // Every reference in a link table names an existing entity.
    for r in &get("action_theme").rows {
        assert!(s.theme(&r[1]).is_ok(), "unknown theme {}", r[1]);
        assert!(s.action(&r[0]).is_ok());
    }

    // What to_csv writes reads back cell for cell.
    for t in &tables {
        let back = read_csv(&t.to_csv());
        assert_eq!(back[0], t.columns, "{}", t.name);
        assert_eq!(&back[1..], &t.rows[..], "{}", t.name);
    }
    let europol = get("instruments")
        .rows
        .iter()
        .find(|r| r[0] == "europol-regulation")
        .unwrap();
    assert!(europol.contains(&"32016R0794".to_string()));
}

// ---- Markdown, DOT, Mermaid -------------------------------------------------------------

#[test]
fn markdown_report_covers_the_whole_strategy() {
    let s = base();
    let md = s.to_markdown();
    assert!(md.starts_with(&format!("# {}", s.info().title)));
    for h in [
        "## Objectives",
        "## Guiding principles",
        "## Sections and actions",
        "## Timeline",
        "## Legal instruments",
        "## Key figures",
    ] {
        assert!(md.contains(h), "missing {h}");
    }
    for a in s.action_list() {
        assert!(
            md.contains(&format!("(`{}`)", a.id)),
            "action {} missing",
            a.id
        );
    }
    // Delivered actions show their evidence; sources are links.
    let delivered = s
        .action_list()
        .iter()
        .find(|a| s.progress_of(a, None) == Progress::Delivered)
        .unwrap();
    let pos = md.find(&format!("(`{}`)", delivered.id)).unwrap();
    let section = &md[pos..];
    let section = &section[..section[1..].find("\n#").map_or(section.len(), |i| i + 1)];
    assert!(section.contains("Status history:"));
    assert!(section.contains("Sources:"));
    assert!(section.contains("](<https://"));
    // Every table row has as many cells as its header.
    let lines: Vec<&str> = md.lines().collect();
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    let mut cols = 0;
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with('|') || line.starts_with("|-") {
            continue;
        }
        if lines.get(i + 1).is_some_and(|n| n.starts_with("|-")) {
            cols = cells(line);
        } else {
            assert_eq!(cells(line), cols, "ragged table row: {line}");
        }
    }
}

#[test]
fn dot_graph_holds_every_relation() {
    let s = base();
    let dot = s.to_dot();
    assert!(dot.starts_with("digraph protecteu {") && dot.trim_end().ends_with('}'));
    let edges = dot.lines().filter(|l| l.contains(" -> ")).count();
    let expected: usize = s
        .action_list()
        .iter()
        .map(|a| a.lead.len() + a.involved.len() + a.instruments.len() + a.themes.len())
        .sum();
    assert_eq!(edges, expected);
    for a in s.action_list() {
        assert!(dot.contains(&format!("  \"action:{}\" [label=", a.id)));
    }
    for x in s.instruments() {
        if let Some(url) = x.eur_lex_url() {
            assert!(dot.contains(&format!("URL=\"{url}\"")));
        }
    }
    // Quotes are balanced on every line (labels are escaped).
    for line in dot.lines() {
        assert_eq!(
            line.replace("\\\"", "").matches('"').count() % 2,
            0,
            "{line}"
        );
    }
}

#[test]
fn mermaid_gantt_places_every_dated_action() {
    let s = base();
    let g = s.to_mermaid();
    let tasks: Vec<&str> = g
        .lines()
        .filter(|l| l.starts_with("    ") && l.contains(" :"))
        .collect();
    let dated = s
        .action_list()
        .iter()
        .filter(|a| a.timing.period().is_some())
        .count();
    assert_eq!(tasks.len(), dated);
    for t in &tasks {
        let (name, meta) = t.trim().split_once(" :").unwrap();
        assert!(
            !name.is_empty() && !name.contains(':') && !name.contains(';') && !name.contains('#')
        );
        let parts: Vec<&str> = meta.split(", ").collect();
        let dates = &parts[parts.len() - 2..];
        for d in dates {
            assert!(protecteu::parse_date(d).is_ok(), "bad date in {t}");
        }
        if parts.len() == 3 {
            assert!(["done", "crit", "active"].contains(&parts[0]), "{t}");
        }
    }
    let sections = g.lines().filter(|l| l.starts_with("    section ")).count();
    let periods: HashSet<String> = s
        .action_list()
        .iter()
        .filter_map(|a| a.timing.period().map(|p| p.to_string()))
        .collect();
    assert_eq!(sections, periods.len());
}

// ---- RDF ---------------------------------------------------------------------------------

fn turtle_graph(text: &str) -> Graph {
    let mut g = Graph::new();
    for t in oxttl::TurtleParser::new().for_slice(text) {
        g.insert(&t.unwrap());
    }
    g
}

fn jsonld_graph(text: &str) -> Graph {
    let mut g = Graph::new();
    for q in oxjsonld::JsonLdParser::new().for_slice(text) {
        let t: Triple = q.unwrap().into();
        g.insert(&t);
    }
    g
}

const BASE_IRI: &str = protecteu::DEFAULT_RDF_BASE;

fn node(s: &str) -> NamedNode {
    NamedNode::new(s).unwrap()
}

fn has(g: &Graph, s: &str, p: &str, o: impl Into<oxrdf::Term>) -> bool {
    g.contains(oxrdf::TripleRef::new(&node(s), &node(p), &o.into()))
}

#[test]
fn turtle_and_jsonld_parse_to_the_same_graph() {
    let s = base();
    let ttl = turtle_graph(&s.to_turtle());
    let jsonld = jsonld_graph(&s.to_jsonld());
    assert!(ttl.len() > 1000, "only {} triples", ttl.len());
    assert_eq!(ttl.len(), jsonld.len());
    for t in &ttl {
        assert!(jsonld.contains(t), "JSON-LD lacks {t}");
    }

    let eli = "http://data.europa.eu/eli/ontology#";
    let dct = "http://purl.org/dc/terms/";
    let skos = "http://www.w3.org/2004/02/skos/core#";
    let prov = "http://www.w3.org/ns/prov#";
    let rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    let europol = format!("{BASE_IRI}instrument/europol-regulation");
    assert!(has(
        &ttl,
        &europol,
        rdf_type,
        node(&format!("{eli}LegalResource"))
    ));
    assert!(has(
        &ttl,
        &europol,
        &format!("{eli}id_local"),
        Literal::new_simple_literal("32016R0794")
    ));
    assert!(has(
        &ttl,
        &europol,
        &format!("{eli}type_document"),
        node("http://publications.europa.eu/resource/authority/resource-type/REG")
    ));
    assert!(has(
        &ttl,
        &europol,
        "http://www.w3.org/2000/01/rdf-schema#seeAlso",
        node("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0794")
    ));
    assert!(has(
        &ttl,
        &europol,
        &format!("{dct}date"),
        Literal::new_typed_literal("2016", node("http://www.w3.org/2001/XMLSchema#gYear"))
    ));

    // Themes and threats are SKOS concepts in their schemes.
    for t in s.themes() {
        let iri = format!("{BASE_IRI}theme/{}", t.id);
        assert!(has(&ttl, &iri, rdf_type, node(&format!("{skos}Concept"))));
        assert!(has(
            &ttl,
            &iri,
            &format!("{skos}inScheme"),
            node(&format!("{BASE_IRI}scheme/themes"))
        ));
        assert!(has(
            &ttl,
            &iri,
            &format!("{skos}prefLabel"),
            Literal::new_language_tagged_literal(&t.name, "en").unwrap()
        ));
    }
    let in_scheme = ttl
        .triples_for_predicate(&node(&format!("{skos}inScheme")))
        .count();
    assert_eq!(
        in_scheme,
        s.sections().len() + s.themes().len() + s.threats().len()
    );

    // Every citation derives its subject from the registry source; official texts are
    // primary sources.
    let derived = ttl
        .triples_for_predicate(&node(&format!("{prov}wasDerivedFrom")))
        .count();
    assert_eq!(derived, derived_pairs(s));
    let a = s.action("europol-mandate-revision").unwrap();
    let iri = format!("{BASE_IRI}action/{}", a.id);
    assert!(has(
        &ttl,
        &iri,
        &format!("{dct}title"),
        Literal::new_language_tagged_literal(&a.title, "en").unwrap()
    ));
    assert!(!a.citations.is_empty());
    for c in &a.citations {
        let n = format!("{BASE_IRI}source/{}", c.source);
        assert!(has(&ttl, &iri, &format!("{prov}wasDerivedFrom"), node(&n)));
        let primary = has(&ttl, &iri, &format!("{prov}hadPrimarySource"), node(&n));
        let official = a.citations.iter().any(|o| {
            o.source == c.source && o.verification == protecteu::Verification::OfficialText
        });
        assert_eq!(primary, official, "{}", c.source);
    }
    // Every registry source is a PROV entity with its title.
    for src in s.sources() {
        let n = format!("{BASE_IRI}source/{}", src.id);
        assert!(has(
            &ttl,
            &n,
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            node(&format!("{prov}Entity"))
        ));
        assert!(has(
            &ttl,
            &n,
            &format!("{dct}title"),
            Literal::new_simple_literal(&src.title)
        ));
    }
    for l in &a.lead {
        assert!(has(
            &ttl,
            &iri,
            &format!("{BASE_IRI}vocab#lead"),
            node(&format!("{BASE_IRI}actor/{l}"))
        ));
    }
}

#[test]
fn rdf_base_can_be_chosen() {
    let ttl = base().to_turtle_with_base("https://example.org/pe/");
    let g = turtle_graph(&ttl);
    assert!(has(
        &g,
        "https://example.org/pe/theme/drug-trafficking",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        node("http://www.w3.org/2004/02/skos/core#Concept")
    ));
    let j = jsonld_graph(&base().to_jsonld_with_base("https://example.org/pe/"));
    assert_eq!(g.len(), j.len());
}

// ---- overlays -----------------------------------------------------------------------------

fn as_of() -> String {
    base().dataset().as_of.to_string()
}

fn new_action(id: &str) -> String {
    format!(
        r#"
[overlay]
name = "Test notes"

[[actions]]
id = "{id}"
title = "National contact point for the roadmap"
summary = "A national contact point coordinates the roadmap's national follow-up."
section = "{section}"
kind = "operational"
timing = {{ kind = "year", year = 2026, text = "in 2026" }}
lead = ["europol"]
themes = ["drug-trafficking"]

[[actions.citations]]
source = "ministry-note-2026"
fields = ["title", "summary", "timing", "lead"]
locator = "second paragraph"
verification = "official_summary"

[[sources]]
id = "ministry-note-2026"
title = "Ministry press note"
url = "https://example.org/note"
publisher = "A national ministry"
class = "national_government"
language = "en"
readable = "whole page"
"#,
        section = base().action_list()[0].section
    )
}

#[test]
fn overlay_adds_new_entities_queryable_with_the_rest() {
    let (merged, changes) = base()
        .apply_overlay(&protecteu::Overlay::from_text(
            &new_action("national-contact-point"),
            "notes.toml",
        ))
        .unwrap();
    assert_eq!(merged.action_list().len(), base().action_list().len() + 1);
    let found = merged.actions().by_actor("europol").run().unwrap();
    assert!(found.iter().any(|a| a.id == "national-contact-point"));
    let mut changes = changes;
    changes.sort_by_key(|c| match c {
        OverlayChange::Added { kind, .. } => kind.name(),
        OverlayChange::Amended { .. } => "",
    });
    assert_eq!(
        changes,
        vec![
            OverlayChange::Added {
                kind: EntityKind::Action,
                id: "national-contact-point".into(),
                file: "notes.toml".into()
            },
            OverlayChange::Added {
                kind: EntityKind::Source,
                id: "ministry-note-2026".into(),
                file: "notes.toml".into()
            }
        ]
    );
    // The new registry source is cited field by field.
    assert_eq!(
        merged.source("ministry-note-2026").unwrap().title,
        "Ministry press note"
    );
    let cites = merged
        .citations_of(EntityKind::Action, "national-contact-point")
        .unwrap();
    assert!(cites
        .iter()
        .any(|c| c.field == "lead" && c.source == "ministry-note-2026"));
    assert_ne!(
        merged.fingerprint(),
        base().fingerprint(),
        "an overlay changes the fingerprint"
    );
    // The merged set round-trips through the canonical JSON like any other.
    let json = merged.to_canonical_json();
    assert_eq!(json.parse::<Strategy>().unwrap().to_canonical_json(), json);
}

#[test]
fn overlay_reusing_an_id_without_the_marker_is_refused() {
    let id = base().action_list()[2].id.to_string();
    let err = base()
        .with_overlay_str(&new_action(&id), "notes.toml")
        .unwrap_err();
    let p = problems(err);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].rule, Rule::DuplicateId);
    assert_eq!(p[0].file.as_deref(), Some("notes.toml"));
    assert_eq!(p[0].line, Some(6), "points at the id line: {}", p[0]);
    assert!(p[0].message.contains("amends = true"));
}

#[test]
fn overlay_amend_of_an_unknown_id_is_refused() {
    let text = "[[themes]]\nid = \"no-such-theme\"\namends = true\nname = \"x\"\n";
    let p = problems(base().with_overlay_str(text, "o.toml").unwrap_err());
    assert_eq!(p[0].rule, Rule::UnknownReference);
    assert_eq!(p[0].line, Some(2));
}

#[test]
fn overlay_amend_replaces_fields_and_appends_sources() {
    let theme = &base().themes()[0];
    let text = format!(
        r#"
[[themes]]
id = "{}"
amends = true
summary = "A corrected summary."

[[themes.citations]]
source = "correction-note"
fields = ["summary"]
verification = "secondary_source"

[[sources]]
id = "correction-note"
title = "Correction note"
url = "https://example.org/correction"
publisher = "An editor"
class = "forum_blog"
language = "en"
readable = "whole page"
"#,
        theme.id
    );
    let (merged, changes) = base()
        .apply_overlay(&protecteu::Overlay::from_text(&text, "fix.toml"))
        .unwrap();
    let t = merged.theme(theme.id.as_str()).unwrap();
    assert_eq!(t.summary, "A corrected summary.");
    assert_eq!(t.name, theme.name, "fields not given are kept");
    assert_eq!(
        t.citations.len(),
        theme.citations.len() + 1,
        "base citations stay"
    );
    assert_eq!(t.citations.last().unwrap().source, "correction-note");
    assert_eq!(t.citations.last().unwrap().fields, ["summary"]);
    let amended = changes
        .iter()
        .find(|c| matches!(c, OverlayChange::Amended { .. }))
        .unwrap();
    match amended {
        OverlayChange::Amended {
            replaced,
            sources_added,
            ..
        } => {
            assert_eq!(replaced, &vec!["summary".to_string()]);
            assert_eq!(*sources_added, 1);
        }
        other => panic!("{other:?}"),
    }

    // Without a source the amendment is refused.
    let bare = text.split("[[themes.citations]]").next().unwrap();
    let p = problems(base().with_overlay_str(bare, "fix.toml").unwrap_err());
    assert_eq!(p[0].rule, Rule::MissingSource);
}

#[test]
fn overlay_status_events_append_and_change_the_status() {
    let a = base()
        .action_list()
        .iter()
        .find(|a| {
            !base().current_status(a).is_delivered()
                && a.status.iter().all(|e| e.date.to_string() <= as_of())
        })
        .unwrap();
    let text = format!(
        r#"
[[actions]]
id = "{}"
amends = true

[[actions.status]]
date = "{}"
status = "delivered"
note = "Delivered nationally."

[[actions.status.citations]]
source = "national-gazette"
locator = "No. 12"
verification = "official_summary"

[[sources]]
id = "national-gazette"
title = "National gazette"
url = "https://example.org/gazette"
publisher = "A national government"
class = "national_government"
language = "en"
readable = "whole page"
"#,
        a.id,
        as_of()
    );
    let merged = base().with_overlay_str(&text, "status.toml").unwrap();
    let m = merged.action(a.id.as_str()).unwrap();
    assert_eq!(m.status.len(), a.status.len() + 1);
    assert_eq!(m.status[..a.status.len()], a.status[..], "base events kept");
    assert_eq!(merged.current_status(m), Status::Delivered);
    assert_eq!(
        m.citations, a.citations,
        "a status-only amendment needs no entity source"
    );

    // An appended event after the data set's date is a problem located in the overlay file.
    let late = text.replace(&as_of(), "2099-01-01");
    let p = problems(base().with_overlay_str(&late, "status.toml").unwrap_err());
    assert!(
        p.iter().any(|p| p.rule == Rule::DateRange
            && p.file.as_deref() == Some("status.toml")
            && p.path.as_deref() == Some("actions[0].status[0].date")
            && p.line == Some(7)),
        "{p:?}"
    );
}

#[test]
fn overlay_merged_set_is_validated_as_a_whole() {
    let text =
        new_action("national-contact-point").replace("lead = [\"europol\"]", "lead = [\"europl\"]");
    let p = problems(base().with_overlay_str(&text, "notes.toml").unwrap_err());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].rule, Rule::UnknownReference);
    assert_eq!(p[0].file.as_deref(), Some("notes.toml"));
    assert_eq!(p[0].path.as_deref(), Some("actions[0].lead[0]"));
    assert_eq!(p[0].line, Some(12));
    assert!(p[0].message.contains("did you mean 'europol'"));
}

#[test]
fn overlay_directory_json_and_dataset_amendment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("1-add.toml"),
        new_action("national-contact-point"),
    )
    .unwrap();
    // A later file amends what an earlier one added, in JSON.
    let amend = serde_json::json!({
        "dataset": {"amends": true, "version": "0.1.0+de.1"},
        "actions": [{
            "id": "national-contact-point", "amends": true,
            "involved": ["europol"],
            "citations": [{"source": "ministry-note-2026", "fields": ["involved"], "verification": "official_summary"}]
        }]
    });
    std::fs::write(dir.path().join("2-amend.json"), amend.to_string()).unwrap();
    let merged = base().with_overlay(dir.path()).unwrap();
    assert_eq!(merged.dataset().version, "0.1.0+de.1");
    let a = merged.action("national-contact-point").unwrap();
    assert_eq!(a.involved.len(), 1);
    assert_eq!(a.citations.len(), 2);
    assert_eq!(a.citations[1].fields, ["involved"]);

    // A dataset table without the marker is refused.
    let p = problems(
        base()
            .with_overlay_str("[dataset]\nversion = \"9\"\n", "d.toml")
            .unwrap_err(),
    );
    assert_eq!(p[0].rule, Rule::Singleton);
}

#[test]
fn overlay_unknown_keys_and_bad_markers_are_reported() {
    let p = problems(
        base()
            .with_overlay_str("[[spaceships]]\nid = \"x\"\n", "o.toml")
            .unwrap_err(),
    );
    assert_eq!(p[0].rule, Rule::UnknownKey);
    let p = problems(
        base()
            .with_overlay_str("[[themes]]\nid = \"x\"\namends = \"yes\"\n", "o.toml")
            .unwrap_err(),
    );
    assert_eq!(p[0].rule, Rule::Schema);
    assert_eq!(p[0].line, Some(3));
    let p = problems(
        base()
            .with_overlay_str("[[themes]\n", "o.toml")
            .unwrap_err(),
    );
    assert_eq!(p[0].rule, Rule::Syntax);
}

// ---- diff ---------------------------------------------------------------------------------

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> Strategy {
    let mut v: serde_json::Value = serde_json::from_str(&base().to_canonical_json()).unwrap();
    f(&mut v);
    serde_json::to_string(&v).unwrap().parse().unwrap()
}

#[test]
fn diff_of_identical_sets_is_empty() {
    let d = base().diff(base());
    assert!(d.is_empty());
    assert!(d.to_text().contains("no differences"));
}

#[test]
fn diff_reports_added_removed_and_changed_fields() {
    let last = base().figures().len() - 1;
    let removed_id = base().figures()[last].id.to_string();
    let new = edited(|v| {
        v["dataset"]["version"] = "9.9.9-test".into();
        v["themes"][0]["summary"] = "Changed.".into();
        let figs = v["figures"].as_array_mut().unwrap();
        figs.pop();
        let source = v["sources"][0]["id"].clone();
        v["threats"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "id": "new-threat", "name": "A new threat", "summary": "Something new.",
                "citations": [{"source": source, "verification": "secondary_source"}]
            }));
    });
    let d = base().diff(&new);
    assert_eq!(d.new_version, "9.9.9-test");
    assert_eq!(d.dataset.len(), 1);
    let kinds: Vec<EntityKind> = d.kinds.iter().map(|k| k.kind).collect();
    assert_eq!(
        kinds,
        vec![EntityKind::Theme, EntityKind::Threat, EntityKind::Figure]
    );
    let themes = &d.kinds[0];
    assert_eq!(themes.changed.len(), 1);
    assert_eq!(themes.changed[0].fields.len(), 1);
    assert_eq!(themes.changed[0].fields[0].field, "summary");
    assert_eq!(themes.changed[0].fields[0].new, Some("Changed.".into()));
    assert_eq!(d.kinds[1].added[0].id, "new-threat");
    assert_eq!(d.kinds[2].removed[0].id, removed_id);

    let text = d.to_text();
    assert!(text.contains("  + new-threat  A new threat"));
    assert!(text.contains(&format!("  - {removed_id}")));
    assert!(text.contains("      summary: "));
    let json: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
    assert_eq!(
        json["kinds"][0]["changed"][0]["fields"][0]["new"],
        "Changed."
    );

    // The reverse diff swaps additions and removals.
    let back = new.diff(base());
    assert_eq!(back.kinds[1].removed[0].id, "new-threat");
    assert_eq!(back.kinds[2].added[0].id, removed_id);
}

#[test]
fn diff_follows_renamed_ids() {
    let old_id = base().action_list()[0].id.to_string();
    let new = edited(|v| {
        let a = &mut v["actions"][0];
        a["id"] = "renamed-action".into();
        a["previous_ids"] = serde_json::json!([old_id]);
        a["title"] = "Renamed".into();
        // References to the action follow the new id.
        for d in v["documents"].as_array_mut().unwrap() {
            if let Some(list) = d.get_mut("delivers").and_then(|x| x.as_array_mut()) {
                for x in list.iter_mut() {
                    if x == &serde_json::Value::from(old_id.clone()) {
                        *x = "renamed-action".into();
                    }
                }
            }
        }
    });
    let d = base().diff(&new);
    let actions = d
        .kinds
        .iter()
        .find(|k| k.kind == EntityKind::Action)
        .unwrap();
    assert!(
        actions.added.is_empty() && actions.removed.is_empty(),
        "{actions:?}"
    );
    assert_eq!(actions.changed[0].id, "renamed-action");
    assert_eq!(
        actions.changed[0].renamed_from.as_deref(),
        Some(old_id.as_str())
    );
    let fields: Vec<&str> = actions.changed[0]
        .fields
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fields, ["id", "title", "previous_ids"]);
    assert!(d
        .to_text()
        .contains(&format!("~ renamed-action (renamed from {old_id})")));
}

#[test]
fn previous_ids_may_not_name_a_live_action() {
    let other = base().action_list()[1].id.to_string();
    let mut v: serde_json::Value = serde_json::from_str(&base().to_canonical_json()).unwrap();
    v["actions"][0]["previous_ids"] = serde_json::json!([other, "Bad Id"]);
    let p = problems(
        serde_json::to_string_pretty(&v)
            .unwrap()
            .parse::<Strategy>()
            .unwrap_err(),
    );
    let rules: Vec<(Rule, Option<&str>)> = p.iter().map(|p| (p.rule, p.path.as_deref())).collect();
    assert_eq!(
        rules,
        vec![
            (Rule::DuplicateId, Some("actions[0].previous_ids[0]")),
            (Rule::IdFormat, Some("actions[0].previous_ids[1]"))
        ]
    );
}
