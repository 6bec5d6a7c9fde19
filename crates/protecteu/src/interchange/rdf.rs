//! The model as RDF, in Turtle and JSON-LD, with established vocabularies where they fit:
//! ELI for legal instruments and documents (with CELEX numbers and EUR-Lex links), SKOS for
//! sections, themes and threats (concepts in concept schemes), Dublin Core terms for titles,
//! descriptions and dates, PROV-O for sources, FOAF for actors and web pages, and a small
//! vocabulary of the project's own (`pe:`) for what none of them covers (leads, timing,
//! status).
//!
//! Both serialisations are written from one list of triples, so they give the same graph.
//! Citations get their own IRIs (`<entity>#source-1`, `<entity>#status-1-source-1`), never
//! blank nodes, so the graph is the same whichever format it is read from.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use crate::model::strategy::Strategy;
use crate::model::*;

/// The base IRI of the entities when none is given: `<base>action/<id>`, `<base>actor/<id>`,
/// ...; the project's own terms are under `<base>vocab#`.
pub const DEFAULT_RDF_BASE: &str = "https://protecteu.github.io/protecteu/id/";

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";
const DCT: &str = "http://purl.org/dc/terms/";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const PROV: &str = "http://www.w3.org/ns/prov#";
const ELI: &str = "http://data.europa.eu/eli/ontology#";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const RTYPE: &str = "http://publications.europa.eu/resource/authority/resource-type/";

/// The object of a triple.
#[derive(Debug, Clone, PartialEq)]
enum Obj {
    Iri(String),
    /// A literal with a language tag (`en`), a datatype IRI, or neither.
    Lit {
        value: String,
        lang: Option<&'static str>,
        datatype: Option<String>,
    },
}

/// A subject with its predicates, each with its objects.
type Subject<'a> = (&'a str, Vec<(&'a str, Vec<&'a Obj>)>);

struct Graph {
    base: String,
    prefixes: Vec<(String, String)>,
    triples: Vec<(String, String, Obj)>,
}

fn text(v: &str) -> Obj {
    Obj::Lit {
        value: v.to_owned(),
        lang: Some("en"),
        datatype: None,
    }
}

fn plain(v: &str) -> Obj {
    Obj::Lit {
        value: v.to_owned(),
        lang: None,
        datatype: None,
    }
}

fn typed(v: impl ToString, datatype: &str) -> Obj {
    Obj::Lit {
        value: v.to_string(),
        lang: None,
        datatype: Some(format!("{XSD}{datatype}")),
    }
}

/// Percent-encodes the characters an IRI may not hold (spaces, `<>"{}|^\`` and backslash).
fn iri_safe(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\' => {
                let _ = write!(out, "%{:02X}", c as u32);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

impl Graph {
    fn new(base: &str) -> Graph {
        let mut prefixes: Vec<(String, String)> = [
            ("rdf", RDF),
            ("rdfs", RDFS),
            ("xsd", XSD),
            ("owl", OWL),
            ("dcterms", DCT),
            ("skos", SKOS),
            ("prov", PROV),
            ("eli", ELI),
            ("foaf", FOAF),
            ("rtype", RTYPE),
        ]
        .iter()
        .map(|(p, n)| ((*p).to_owned(), (*n).to_owned()))
        .collect();
        prefixes.push(("pe".into(), format!("{base}vocab#")));
        for k in EntityKind::ALL {
            prefixes.push((k.name().into(), format!("{base}{}/", k.name())));
        }
        prefixes.push(("scheme".into(), format!("{base}scheme/")));
        Graph {
            base: base.to_owned(),
            prefixes,
            triples: Vec::new(),
        }
    }

    fn entity(&self, kind: EntityKind, id: &str) -> String {
        format!("{}{}/{id}", self.base, kind.name())
    }

    fn pe(&self, term: &str) -> String {
        format!("{}vocab#{term}", self.base)
    }

    fn add(&mut self, s: &str, p: impl Into<String>, o: Obj) {
        self.triples.push((s.to_owned(), p.into(), o));
    }

    fn iri(&mut self, s: &str, p: impl Into<String>, o: impl Into<String>) {
        self.add(s, p, Obj::Iri(o.into()));
    }

    fn a(&mut self, s: &str, class: impl Into<String>) {
        self.iri(s, format!("{RDF}type"), class);
    }

    fn opt_text(&mut self, s: &str, p: impl Into<String>, v: Option<&str>) {
        if let Some(v) = v {
            self.add(s, p, text(v));
        }
    }

    /// A registry source as a PROV entity (`<base>source/<id>`).
    fn source_node(&mut self, src: &Source) {
        let node = self.entity(EntityKind::Source, src.id.as_str());
        self.a(&node, format!("{PROV}Entity"));
        self.add(&node, format!("{DCT}title"), plain(&src.title));
        self.add(&node, format!("{DCT}publisher"), plain(&src.publisher));
        self.add(&node, format!("{DCT}language"), plain(&src.language));
        if let Some(u) = &src.url {
            self.iri(&node, format!("{RDFS}seeAlso"), iri_safe(u));
        }
        if let Some(d) = src.published {
            self.add(&node, format!("{DCT}issued"), typed(d, "date"));
        }
        if let Some(d) = &src.document {
            let doc = self.entity(EntityKind::Document, d.as_str());
            self.iri(&node, format!("{DCT}source"), doc);
        }
        let class = crate::model::serde_name(src.class);
        let p = self.pe("publisherClass");
        self.add(&node, p, plain(&class));
        let p = self.pe("readable");
        self.add(&node, p, plain(&src.readable));
    }

    /// Citations: `prov:wasDerivedFrom` the source (`prov:hadPrimarySource` for the official
    /// text), and a citation node with the fields, the locator and the level.
    fn citations(&mut self, s: &str, citations: &[Citation], prefix: &str) {
        for (i, c) in citations.iter().enumerate() {
            let node = if s.contains('#') {
                format!("{s}-citation-{}", i + 1)
            } else {
                format!("{s}#{prefix}citation-{}", i + 1)
            };
            let src = self.entity(EntityKind::Source, c.source.as_str());
            self.iri(s, format!("{PROV}wasDerivedFrom"), src.clone());
            if c.verification == Verification::OfficialText {
                self.iri(s, format!("{PROV}hadPrimarySource"), src.clone());
            }
            let p = self.pe("citation");
            self.iri(s, p, node.clone());
            let t = self.pe("Citation");
            self.a(&node, t);
            self.iri(&node, format!("{DCT}source"), src);
            if let Some(sec) = &c.locator {
                self.add(&node, format!("{DCT}bibliographicCitation"), plain(sec));
            }
            for f in &c.fields {
                let p = self.pe("field");
                self.add(&node, p, plain(f));
            }
            let v = crate::model::serde_name(c.verification);
            let p = self.pe("verification");
            self.add(&node, p, plain(&v));
        }
    }

    /// The shortest prefixed name for an IRI, if its local part is safe in both Turtle and
    /// JSON-LD (letters, digits, `-` and `_`, not starting with `-`).
    fn compact(&self, iri: &str) -> Option<String> {
        self.prefixes
            .iter()
            .filter_map(|(p, ns)| {
                let local = iri.strip_prefix(ns.as_str())?;
                let safe = !local.is_empty()
                    && !local.starts_with('-')
                    && local
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                safe.then(|| format!("{p}:{local}"))
            })
            .min_by_key(String::len)
    }

    fn turtle_iri(&self, iri: &str) -> String {
        if iri == format!("{RDF}type") {
            return "a".into();
        }
        self.compact(iri).unwrap_or_else(|| format!("<{iri}>"))
    }

    fn turtle_obj(&self, o: &Obj) -> String {
        match o {
            Obj::Iri(i) => self.turtle_iri(i),
            Obj::Lit {
                value,
                lang,
                datatype,
            } => {
                let mut s = String::with_capacity(value.len() + 2);
                s.push('"');
                for c in value.chars() {
                    match c {
                        '"' => s.push_str("\\\""),
                        '\\' => s.push_str("\\\\"),
                        '\n' => s.push_str("\\n"),
                        '\r' => s.push_str("\\r"),
                        '\t' => s.push_str("\\t"),
                        _ => s.push(c),
                    }
                }
                s.push('"');
                if let Some(l) = lang {
                    let _ = write!(s, "@{l}");
                } else if let Some(d) = datatype {
                    let _ = write!(s, "^^{}", self.turtle_iri(d));
                }
                s
            }
        }
    }

    /// Subjects in first-appearance order, each with its predicates in first-appearance order.
    fn grouped(&self) -> Vec<Subject<'_>> {
        let mut out: Vec<Subject<'_>> = Vec::new();
        let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (s, p, o) in &self.triples {
            let i = *at.entry(s.as_str()).or_insert_with(|| {
                out.push((s.as_str(), Vec::new()));
                out.len() - 1
            });
            let preds = &mut out[i].1;
            match preds.iter_mut().find(|(q, _)| *q == p.as_str()) {
                Some((_, objs)) => objs.push(o),
                None => preds.push((p.as_str(), vec![o])),
            }
        }
        out
    }

    fn to_turtle(&self) -> String {
        let mut out = String::new();
        for (p, ns) in &self.prefixes {
            let _ = writeln!(out, "@prefix {p}: <{ns}> .");
        }
        for (s, preds) in self.grouped() {
            let _ = write!(out, "\n{}", self.turtle_iri(s));
            for (k, (p, objs)) in preds.iter().enumerate() {
                let sep = if k == 0 { " " } else { " ;\n    " };
                let objs: Vec<String> = objs.iter().map(|o| self.turtle_obj(o)).collect();
                let _ = write!(out, "{sep}{} {}", self.turtle_iri(p), objs.join(" , "));
            }
            out.push_str(" .\n");
        }
        out
    }

    fn jsonld_iri(&self, iri: &str) -> String {
        self.compact(iri).unwrap_or_else(|| iri.to_owned())
    }

    fn to_jsonld(&self) -> String {
        let mut context = Map::new();
        for (p, ns) in &self.prefixes {
            context.insert(p.clone(), Value::from(ns.as_str()));
        }
        let rdf_type = format!("{RDF}type");
        let graph: Vec<Value> = self
            .grouped()
            .into_iter()
            .map(|(s, preds)| {
                let mut node = Map::new();
                node.insert("@id".into(), Value::from(self.jsonld_iri(s)));
                for (p, objs) in preds {
                    if p == rdf_type {
                        let types: Vec<Value> = objs
                            .iter()
                            .filter_map(|o| match o {
                                Obj::Iri(i) => Some(Value::from(self.jsonld_iri(i))),
                                Obj::Lit { .. } => None,
                            })
                            .collect();
                        node.insert("@type".into(), Value::Array(types));
                        continue;
                    }
                    let values: Vec<Value> = objs
                        .iter()
                        .map(|o| match o {
                            Obj::Iri(i) => json!({"@id": self.jsonld_iri(i)}),
                            Obj::Lit {
                                value,
                                lang: Some(l),
                                ..
                            } => json!({"@value": value, "@language": l}),
                            Obj::Lit {
                                value,
                                datatype: Some(d),
                                ..
                            } => json!({"@value": value, "@type": self.jsonld_iri(d)}),
                            Obj::Lit { value, .. } => json!({"@value": value}),
                        })
                        .collect();
                    node.insert(self.jsonld_iri(p), Value::Array(values));
                }
                Value::Object(node)
            })
            .collect();
        let doc = json!({"@context": context, "@graph": graph});
        let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
        out.push('\n');
        out
    }
}

impl Strategy {
    fn graph(&self, base: &str) -> Graph {
        let mut g = Graph::new(base);
        let dct = |t: &str| format!("{DCT}{t}");
        let skos = |t: &str| format!("{SKOS}{t}");
        let foaf = |t: &str| format!("{FOAF}{t}");
        let eli = |t: &str| format!("{ELI}{t}");
        let i = &self.info;
        let strategy = g.entity(EntityKind::Strategy, &i.id);

        // The data set and the strategy document.
        let dataset = format!("{base}dataset");
        g.a(&dataset, format!("{PROV}Entity"));
        g.add(
            &dataset,
            format!("{OWL}versionInfo"),
            plain(&self.dataset.version),
        );
        g.add(&dataset, dct("modified"), typed(self.dataset.as_of, "date"));
        g.opt_text(&dataset, dct("description"), self.dataset.notes.as_deref());
        g.iri(&dataset, foaf("primaryTopic"), strategy.clone());

        g.a(&strategy, g.pe("Strategy"));
        g.a(&strategy, foaf("Document"));
        g.add(&strategy, dct("title"), text(&i.title));
        g.add(&strategy, dct("alternative"), text(&i.full_title));
        g.add(&strategy, dct("identifier"), plain(&i.document_number));
        g.add(&strategy, dct("issued"), typed(i.date, "date"));
        g.opt_text(&strategy, dct("spatial"), i.place.as_deref());
        if let Some(p) = &i.period {
            g.add(&strategy, dct("temporal"), plain(p));
        }
        if let Some(u) = &i.url {
            g.iri(&strategy, foaf("page"), iri_safe(u));
        }
        if let Some(c) = &i.celex {
            g.a(&strategy, eli("LegalResource"));
            g.add(&strategy, eli("id_local"), plain(c));
            g.iri(
                &strategy,
                format!("{RDFS}seeAlso"),
                crate::model::celex::eur_lex_url(c),
            );
        }
        g.add(&strategy, dct("abstract"), text(&i.summary));
        g.citations(&strategy, &i.citations, "");

        // Objectives and principles.
        for (kind, class, items) in [
            (
                EntityKind::Objective,
                "Objective",
                self.objectives
                    .iter()
                    .map(|o| (o.id.as_str(), o.number, &o.title, &o.summary, &o.citations))
                    .collect::<Vec<_>>(),
            ),
            (
                EntityKind::Principle,
                "Principle",
                self.principles
                    .iter()
                    .map(|o| (o.id.as_str(), o.number, &o.title, &o.summary, &o.citations))
                    .collect(),
            ),
        ] {
            for (id, number, title, summary, sources) in items {
                let s = g.entity(kind, id);
                g.a(&s, g.pe(class));
                g.add(&s, dct("title"), text(title));
                g.add(&s, dct("description"), text(summary));
                g.add(&s, g.pe("number"), typed(number, "integer"));
                g.iri(&s, dct("isPartOf"), strategy.clone());
                g.citations(&s, sources, "");
            }
        }

        // Concept schemes: sections, themes, threats.
        for (name, label) in [
            ("sections", "Sections of ProtectEU"),
            ("themes", "Policy areas (themes) of ProtectEU"),
            ("threats", "Threats and crime areas named by ProtectEU"),
        ] {
            let scheme = format!("{base}scheme/{name}");
            g.a(&scheme, skos("ConceptScheme"));
            g.add(&scheme, skos("prefLabel"), text(label));
            g.iri(&scheme, dct("source"), strategy.clone());
        }
        for sec in &self.sections {
            let s = g.entity(EntityKind::Section, sec.id.as_str());
            g.a(&s, skos("Concept"));
            g.a(&s, g.pe("Section"));
            g.iri(&s, skos("inScheme"), format!("{base}scheme/sections"));
            match &sec.parent {
                Some(p) => {
                    let parent = g.entity(EntityKind::Section, p.as_str());
                    g.iri(&s, skos("broader"), parent);
                }
                None => g.iri(&s, skos("topConceptOf"), format!("{base}scheme/sections")),
            }
            g.add(&s, skos("notation"), plain(&sec.number));
            g.add(&s, skos("prefLabel"), text(&sec.title));
            g.opt_text(&s, skos("definition"), sec.summary.as_deref());
            g.add(
                &s,
                g.pe("numberConfirmed"),
                typed(sec.number_confirmed, "boolean"),
            );
            g.add(
                &s,
                g.pe("titleConfirmed"),
                typed(sec.title_confirmed, "boolean"),
            );
            g.citations(&s, &sec.citations, "");
        }
        for (kind, scheme, items) in [
            (
                EntityKind::Theme,
                "themes",
                self.themes
                    .iter()
                    .map(|t| (t.id.as_str(), &t.name, &t.summary, &t.citations))
                    .collect::<Vec<_>>(),
            ),
            (
                EntityKind::Threat,
                "threats",
                self.threats
                    .iter()
                    .map(|t| (t.id.as_str(), &t.name, &t.summary, &t.citations))
                    .collect(),
            ),
        ] {
            for (id, name, summary, sources) in items {
                let s = g.entity(kind, id);
                g.a(&s, skos("Concept"));
                g.iri(&s, skos("inScheme"), format!("{base}scheme/{scheme}"));
                g.iri(&s, skos("topConceptOf"), format!("{base}scheme/{scheme}"));
                g.add(&s, skos("prefLabel"), text(name));
                g.add(&s, skos("definition"), text(summary));
                g.citations(&s, sources, "");
            }
        }

        // Actions.
        for a in &self.actions {
            let s = g.entity(EntityKind::Action, a.id.as_str());
            g.a(&s, g.pe("Action"));
            g.add(&s, dct("title"), text(&a.title));
            g.add(&s, dct("description"), text(&a.summary));
            g.iri(&s, dct("isPartOf"), strategy.clone());
            let sec = g.entity(EntityKind::Section, a.section.as_str());
            g.iri(&s, g.pe("section"), sec);
            g.add(&s, g.pe("kind"), plain(&crate::model::serde_name(a.kind)));
            g.add(
                &s,
                g.pe("timingKind"),
                plain(&crate::model::serde_name(a.timing.kind)),
            );
            g.add(&s, g.pe("timingText"), text(&a.timing.text));
            if let Some(p) = a.timing.period() {
                g.add(&s, g.pe("duePeriod"), plain(&p.to_string()));
                g.add(&s, g.pe("dueStart"), typed(p.start(), "date"));
                g.add(&s, g.pe("dueEnd"), typed(p.end(), "date"));
            }
            for (prop, kind, ids) in [
                (
                    "lead",
                    EntityKind::Actor,
                    a.lead.iter().map(|x| x.as_str()).collect::<Vec<_>>(),
                ),
                (
                    "involved",
                    EntityKind::Actor,
                    a.involved.iter().map(|x| x.as_str()).collect(),
                ),
                (
                    "objective",
                    EntityKind::Objective,
                    a.objectives.iter().map(|x| x.as_str()).collect(),
                ),
                (
                    "buildsOn",
                    EntityKind::Instrument,
                    a.instruments.iter().map(|x| x.as_str()).collect(),
                ),
            ] {
                for id in ids {
                    let o = g.entity(kind, id);
                    g.iri(&s, g.pe(prop), o);
                }
            }
            for t in &a.themes {
                let o = g.entity(EntityKind::Theme, t.as_str());
                g.iri(&s, dct("subject"), o);
            }
            for t in &a.threats {
                let o = g.entity(EntityKind::Threat, t.as_str());
                g.iri(&s, dct("subject"), o.clone());
                g.iri(&s, g.pe("threat"), o);
            }
            for p in &a.previous_ids {
                let o = g.entity(EntityKind::Action, p.as_str());
                g.iri(&s, dct("replaces"), o);
            }
            g.add(
                &s,
                g.pe("status"),
                plain(&crate::model::serde_name(self.current_status(a))),
            );
            g.add(
                &s,
                g.pe("progress"),
                plain(&crate::model::serde_name(self.progress_of(a, None))),
            );
            for (k, e) in a.status.iter().enumerate() {
                let ev = format!("{s}#status-{}", k + 1);
                g.iri(&s, g.pe("statusEvent"), ev.clone());
                g.a(&ev, g.pe("StatusEvent"));
                g.add(&ev, dct("date"), typed(e.date, "date"));
                g.add(
                    &ev,
                    g.pe("status"),
                    plain(&crate::model::serde_name(e.status)),
                );
                if let Some(d) = &e.evidence {
                    let doc = g.entity(EntityKind::Document, d.as_str());
                    g.iri(&ev, g.pe("evidence"), doc);
                }
                g.opt_text(&ev, format!("{RDFS}comment"), e.note.as_deref());
                g.citations(&ev, &e.citations, "");
            }
            g.opt_text(&s, format!("{SKOS}editorialNote"), a.notes.as_deref());
            g.citations(&s, &a.citations, "");
        }

        // Actors.
        for a in &self.actors {
            let s = g.entity(EntityKind::Actor, a.id.as_str());
            g.a(&s, foaf("Organization"));
            g.add(&s, foaf("name"), text(&a.name));
            if let Some(ab) = &a.abbreviation {
                g.add(&s, skos("altLabel"), plain(ab));
            }
            g.add(
                &s,
                g.pe("actorKind"),
                plain(&crate::model::serde_name(a.kind)),
            );
            if let Some(f) = &a.founding_act {
                let o = g.entity(EntityKind::Instrument, f.as_str());
                g.iri(&s, g.pe("foundingAct"), o);
            }
            g.opt_text(&s, g.pe("foundingActText"), a.founding_act_text.as_deref());
            if let Some(u) = &a.url {
                g.iri(&s, foaf("homepage"), iri_safe(u));
            }
            g.citations(&s, &a.citations, "");
        }

        // Legal instruments (ELI).
        for x in &self.instruments {
            let s = g.entity(EntityKind::Instrument, x.id.as_str());
            g.a(&s, eli("LegalResource"));
            g.add(&s, dct("title"), text(&x.short_title));
            g.add(&s, dct("identifier"), plain(&x.number));
            g.add(&s, dct("date"), typed(x.year, "gYear"));
            let rtype = match x.instrument_type {
                InstrumentType::Regulation => Some("REG"),
                InstrumentType::Directive => Some("DIR"),
                InstrumentType::Decision => Some("DEC"),
                InstrumentType::FrameworkDecision => Some("DEC_FRAMW"),
                InstrumentType::Other => None,
            };
            if let Some(t) = rtype {
                g.iri(&s, eli("type_document"), format!("{RTYPE}{t}"));
            }
            let in_force = match x.status {
                InstrumentStatus::InForce | InstrumentStatus::InForceRevisionProposed => {
                    Some("InForce-inForce")
                }
                InstrumentStatus::Repealed | InstrumentStatus::Annulled => {
                    Some("InForce-notInForce")
                }
                InstrumentStatus::NotStated => None,
            };
            if let Some(f) = in_force {
                g.iri(&s, eli("in_force"), format!("{ELI}{f}"));
            }
            g.add(
                &s,
                g.pe("legalStatus"),
                plain(&crate::model::serde_name(x.status)),
            );
            if let Some(c) = &x.celex {
                g.add(&s, eli("id_local"), plain(c));
                g.iri(
                    &s,
                    format!("{RDFS}seeAlso"),
                    crate::model::celex::eur_lex_url(c),
                );
            }
            g.citations(&s, &x.citations, "");
        }

        // Documents.
        for d in &self.documents {
            let s = g.entity(EntityKind::Document, d.id.as_str());
            g.a(&s, foaf("Document"));
            g.add(&s, dct("title"), text(&d.title));
            if let Some(n) = &d.number {
                g.add(&s, dct("identifier"), plain(n));
            }
            g.add(
                &s,
                g.pe("documentKind"),
                plain(&crate::model::serde_name(d.kind)),
            );
            if let Some(date) = d.date {
                g.add(&s, dct("date"), typed(date, "date"));
            }
            if let Some(u) = &d.url {
                g.iri(&s, foaf("page"), iri_safe(u));
            }
            if let Some(c) = &d.celex {
                g.a(&s, eli("LegalResource"));
                g.add(&s, eli("id_local"), plain(c));
                g.iri(
                    &s,
                    format!("{RDFS}seeAlso"),
                    crate::model::celex::eur_lex_url(c),
                );
            }
            if let Some(p) = &d.procedure {
                g.add(&s, g.pe("procedure"), plain(p));
            }
            g.opt_text(&s, g.pe("stage"), d.stage.as_deref());
            for a in &d.delivers {
                let o = g.entity(EntityKind::Action, a.as_str());
                g.iri(&s, g.pe("delivers"), o);
            }
            g.citations(&s, &d.citations, "");
        }

        // Key figures.
        for f in &self.figures {
            let s = g.entity(EntityKind::Figure, f.id.as_str());
            g.a(&s, g.pe("KeyFigure"));
            g.add(&s, dct("description"), text(&f.statement));
            g.add(&s, format!("{RDF}value"), plain(&f.value));
            if let Some(n) = f.number.filter(|n| n.is_finite()) {
                g.add(&s, g.pe("number"), typed(n, "double"));
            }
            if let Some(u) = &f.unit {
                g.add(&s, g.pe("unit"), plain(u));
            }
            if let Some(y) = f.year {
                g.add(&s, dct("date"), typed(y, "gYear"));
            }
            g.iri(&s, dct("isPartOf"), strategy.clone());
            g.citations(&s, &f.citations, "");
        }

        // The source registry.
        for src in &self.sources {
            g.source_node(src);
        }
        g
    }

    /// The model as Turtle (see the module documentation for the vocabularies), with entity
    /// IRIs under [`DEFAULT_RDF_BASE`].
    ///
    /// ```
    /// let ttl = protecteu::strategy().to_turtle();
    /// assert!(ttl.contains("@prefix eli: <http://data.europa.eu/eli/ontology#> ."));
    /// assert!(ttl.contains("eli:id_local \"32016R0794\""));
    /// ```
    pub fn to_turtle(&self) -> String {
        self.to_turtle_with_base(DEFAULT_RDF_BASE)
    }

    /// [`Strategy::to_turtle`] with entity IRIs under `base` (which should end with `/`).
    pub fn to_turtle_with_base(&self, base: &str) -> String {
        self.graph(base).to_turtle()
    }

    /// The model as JSON-LD: a `@context` of prefixes and a `@graph` of nodes, the same graph
    /// as [`Strategy::to_turtle`].
    ///
    /// ```
    /// let doc: serde_json::Value = serde_json::from_str(&protecteu::strategy().to_jsonld()).unwrap();
    /// assert_eq!(doc["@context"]["skos"], "http://www.w3.org/2004/02/skos/core#");
    /// ```
    pub fn to_jsonld(&self) -> String {
        self.to_jsonld_with_base(DEFAULT_RDF_BASE)
    }

    /// [`Strategy::to_jsonld`] with entity IRIs under `base` (which should end with `/`).
    pub fn to_jsonld_with_base(&self, base: &str) -> String {
        self.graph(base).to_jsonld()
    }
}
