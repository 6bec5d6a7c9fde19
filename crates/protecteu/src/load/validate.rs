//! The validation rules, run over everything read before a model is built.
//!
//! Every rule reports every violation it finds; nothing stops at the first problem.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::load::locate::Path;
use crate::load::{Bucket, Collected, Origin, RawProblem};
use crate::model::celex;
use crate::model::ids::is_valid_id;
use crate::model::problem::Rule;
use crate::model::timing::{Timing, TimingKind};
use crate::model::*;

const EARLIEST_YEAR: i32 = 1950;
const LATEST_YEAR: i32 = 2100;

/// Runs every rule; returns the problems found (unlocated).
pub(crate) fn validate(c: &Collected) -> Vec<RawProblem> {
    let mut v = Validator::new(c);
    v.singletons();
    v.ids();
    v.strategy_and_dataset();
    v.objectives_principles_themes_threats();
    v.sections();
    v.actions();
    v.actors();
    v.instruments();
    v.documents();
    v.figures();
    v.registry();
    v.problems
}

/// An entity's place, for reporting.
#[derive(Clone)]
struct At {
    kind: EntityKind,
    id: Option<String>,
    origin: Origin,
    path: Path,
}

struct Validator<'a> {
    c: &'a Collected,
    ids: HashMap<EntityKind, HashSet<&'a str>>,
    strategy_date: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
    /// The publisher class of every registered source, for the verification rule.
    source_class: HashMap<&'a str, SourceClass>,
    /// The kind of every document, for the status/evidence rule.
    document_kind: HashMap<&'a str, DocumentKind>,
    problems: Vec<RawProblem>,
}

fn at<T>(bucket: &Bucket<T>, i: usize, kind: EntityKind, id: Option<&str>) -> At {
    let origin = bucket.origins[i];
    let key = if kind == EntityKind::Strategy {
        "strategy"
    } else {
        kind.plural()
    };
    let path = if kind == EntityKind::Strategy {
        Path::default().key(key)
    } else {
        Path::default().key(key).index(origin.index)
    };
    At {
        kind,
        id: id.map(str::to_owned),
        origin,
        path,
    }
}

impl<'a> Validator<'a> {
    fn new(c: &'a Collected) -> Self {
        let mut ids: HashMap<EntityKind, HashSet<&'a str>> = HashMap::new();
        macro_rules! collect {
            ($kind:expr, $bucket:expr) => {
                ids.insert($kind, $bucket.items.iter().map(|e| e.id.as_str()).collect());
            };
        }
        collect!(EntityKind::Objective, c.objectives);
        collect!(EntityKind::Principle, c.principles);
        collect!(EntityKind::Section, c.sections);
        collect!(EntityKind::Theme, c.themes);
        collect!(EntityKind::Threat, c.threats);
        collect!(EntityKind::Action, c.actions);
        collect!(EntityKind::Actor, c.actors);
        collect!(EntityKind::Instrument, c.instruments);
        collect!(EntityKind::Document, c.documents);
        collect!(EntityKind::Figure, c.figures);
        collect!(EntityKind::Source, c.sources);
        for (kind, unreadable) in &c.unreadable {
            ids.entry(*kind)
                .or_default()
                .extend(unreadable.iter().map(String::as_str));
        }
        Validator {
            c,
            ids,
            strategy_date: c.strategy.items.first().map(|s| s.date),
            as_of: c.dataset.items.first().map(|d| d.as_of),
            source_class: c
                .sources
                .items
                .iter()
                .map(|s| (s.id.as_str(), s.class))
                .collect(),
            document_kind: c
                .documents
                .items
                .iter()
                .map(|d| (d.id.as_str(), d.kind))
                .collect(),
            problems: Vec::new(),
        }
    }

    fn report(&mut self, rule: Rule, at: &At, sub: &[&str], message: String) {
        let mut path = at.path.clone();
        for part in sub {
            path = path.extend_printed(part);
        }
        let who = match &at.id {
            Some(id) => format!("{} '{id}': ", at.kind.name()),
            None => String::new(),
        };
        self.problems.push(RawProblem {
            rule,
            message: format!("{who}{message}"),
            file: Some(at.origin.file),
            path: Some(path),
            line_col: None,
            kind: Some(at.kind),
            id: at.id.clone(),
        });
    }

    fn singletons(&mut self) {
        for (name, count, origins) in [
            (
                "dataset",
                self.c.dataset.items.len(),
                &self.c.dataset.origins,
            ),
            (
                "strategy",
                self.c.strategy.items.len(),
                &self.c.strategy.origins,
            ),
        ] {
            if count == 0
                && !self.c.unreadable_file
                && !self.c.unreadable.contains_key(&EntityKind::Strategy)
            {
                self.problems.push(RawProblem {
                    rule: Rule::Singleton,
                    message: format!("no [{name}] table: the data set must give it once"),
                    // A one-file data set is missing it at that file's start.
                    file: (self.c.files.len() == 1).then_some(0),
                    path: (self.c.files.len() == 1).then(Path::default),
                    line_col: None,
                    kind: Some(EntityKind::Strategy),
                    id: None,
                });
            }
            for o in origins.iter().skip(1) {
                self.problems.push(RawProblem {
                    rule: Rule::Singleton,
                    message: format!("[{name}] is given more than once"),
                    file: Some(o.file),
                    path: Some(Path::default().key(name)),
                    line_col: None,
                    kind: Some(EntityKind::Strategy),
                    id: None,
                });
            }
        }
    }

    fn ids(&mut self) {
        macro_rules! check {
            ($kind:expr, $bucket:expr) => {{
                let mut seen: HashMap<&str, usize> = HashMap::new();
                for (i, e) in $bucket.items.iter().enumerate() {
                    let id = e.id.as_str();
                    let here = at(&$bucket, i, $kind, Some(id));
                    if !is_valid_id(id) {
                        self.report(
                            Rule::IdFormat,
                            &here,
                            &["id"],
                            "id must be lower-case kebab-case (a-z, 0-9, single hyphens)".into(),
                        );
                    }
                    if let Some(&first) = seen.get(id) {
                        let o = $bucket.origins[first];
                        let where_ = self
                            .c
                            .files
                            .get(o.file)
                            .map_or(String::new(), |f| f.name.clone());
                        self.report(
                            Rule::DuplicateId,
                            &here,
                            &["id"],
                            format!(
                                "duplicate id; first defined in {where_} at {}[{}]",
                                $kind.plural(),
                                o.index
                            ),
                        );
                    } else {
                        seen.insert(id, i);
                    }
                }
            }};
        }
        check!(EntityKind::Objective, self.c.objectives);
        check!(EntityKind::Principle, self.c.principles);
        check!(EntityKind::Section, self.c.sections);
        check!(EntityKind::Theme, self.c.themes);
        check!(EntityKind::Threat, self.c.threats);
        check!(EntityKind::Action, self.c.actions);
        check!(EntityKind::Actor, self.c.actors);
        check!(EntityKind::Instrument, self.c.instruments);
        check!(EntityKind::Document, self.c.documents);
        check!(EntityKind::Figure, self.c.figures);
        check!(EntityKind::Source, self.c.sources);
    }

    fn is_known(&self, target: EntityKind, id: &str) -> bool {
        self.ids.get(&target).is_some_and(|k| k.contains(id))
    }

    fn reference(&mut self, here: &At, field: &str, target: EntityKind, id: &str) {
        if self.is_known(target, id) {
            return;
        }
        // Suggestions cost a comparison with every id of the kind: bounded (the first 1,000
        // problems, kinds of up to 10,000 ids) so a hostile data set cannot make this quadratic.
        let known = self
            .ids
            .get(&target)
            .filter(|k| k.len() <= 10_000 && self.problems.len() < 1_000);
        let hint = known
            .and_then(|k| crate::model::suggest::closest(id, k.iter().copied()))
            .map(|s| format!("; did you mean '{s}'?"))
            .unwrap_or_default();
        self.report(
            Rule::UnknownReference,
            here,
            &[field],
            format!("unknown {} '{id}'{hint}", target.name()),
        );
    }

    fn references<I: AsRef<str>>(&mut self, here: &At, field: &str, target: EntityKind, ids: &[I]) {
        for (i, id) in ids.iter().enumerate() {
            if !self.is_known(target, id.as_ref()) {
                self.reference(here, &format!("{field}[{i}]"), target, id.as_ref());
            }
        }
    }

    fn text(&mut self, here: &At, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(
                Rule::EmptyField,
                here,
                &[field],
                format!("'{field}' is empty"),
            );
        }
        self.control(here, field, value);
    }

    fn optional_text(&mut self, here: &At, field: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.text(here, field, v);
        }
    }

    fn control(&mut self, here: &At, field: &str, value: &str) {
        if value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            self.report(
                Rule::ControlCharacter,
                here,
                &[field],
                format!("'{field}' holds control characters"),
            );
        }
    }

    fn date(&mut self, here: &At, field: &str, date: NaiveDate) {
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
            self.report(
                Rule::DateRange,
                here,
                &[field],
                format!("date {date} is implausible (outside {EARLIEST_YEAR}-{LATEST_YEAR})"),
            );
        } else if let Some(as_of) = self.as_of {
            if date > as_of && here.kind != EntityKind::Strategy {
                self.report(
                    Rule::DateRange,
                    here,
                    &[field],
                    format!("date {date} is after the data set's as-of date {as_of}"),
                );
            }
        }
    }

    /// Checks the citations of an entity (`kind` given) or of a status event (`kind` None:
    /// the citation supports the event, so it names no fields).
    fn citations(
        &mut self,
        here: &At,
        prefix: &str,
        citations: &[Citation],
        kind: Option<EntityKind>,
    ) {
        if let (Some(kind), true) = (kind, citations.is_empty()) {
            self.report(
                Rule::MissingSource,
                here,
                &[],
                format!(
                    "{} cites no source: every fact needs a citation",
                    kind.name()
                ),
            );
        }
        for (i, c) in citations.iter().enumerate() {
            let base = format!("{prefix}citations[{i}]");
            let id = c.source.as_str();
            match self.source_class.get(id).copied() {
                Some(class) if !c.verification.allowed_for(class) => {
                    let allowed: Vec<String> = Verification::ALL
                        .into_iter()
                        .filter(|v| v.allowed_for(class))
                        .map(serde_name)
                        .collect();
                    self.report(
                        Rule::VerificationOverclaim,
                        here,
                        &[&format!("{base}.verification")],
                        format!(
                            "source '{id}' is published by a {} ({}): it cannot be cited as {}; use {}",
                            serde_name(class).replace('_', " "),
                            serde_name(class),
                            serde_name(c.verification),
                            allowed.join(" or ")
                        ),
                    );
                }
                Some(_) => {}
                None => self.reference(here, &format!("{base}.source"), EntityKind::Source, id),
            }
            match kind {
                Some(kind) => {
                    let known = kind.citable_fields();
                    for (j, f) in c.fields.iter().enumerate() {
                        if !known.contains(&f.as_str()) {
                            let hint = crate::model::suggest::closest(f, known.iter().copied())
                                .map(|s| format!("; did you mean '{s}'?"))
                                .unwrap_or_default();
                            self.report(
                                Rule::CitationField,
                                here,
                                &[&format!("{base}.fields[{j}]")],
                                format!(
                                    "{} {} has no field '{f}' to cite{hint}",
                                    if kind.name().starts_with(['a', 'e', 'i', 'o', 'u']) {
                                        "an"
                                    } else {
                                        "a"
                                    },
                                    kind.name()
                                ),
                            );
                        }
                    }
                }
                None if !c.fields.is_empty() => self.report(
                    Rule::CitationField,
                    here,
                    &[&format!("{base}.fields")],
                    "a status event's citation supports the whole event: leave out 'fields'".into(),
                ),
                None => {}
            }
            self.optional_text(here, &format!("{base}.locator"), c.locator.as_deref());
        }
    }

    /// The source registry: well-formed entries, each URL registered once.
    fn registry(&mut self) {
        let mut urls: HashMap<&str, &str> = HashMap::new();
        for (i, s) in self.c.sources.items.iter().enumerate() {
            let here = at(&self.c.sources, i, EntityKind::Source, Some(s.id.as_str()));
            self.text(&here, "title", &s.title);
            self.text(&here, "publisher", &s.publisher);
            self.text(&here, "readable", &s.readable);
            self.optional_text(&here, "notes", s.notes.as_deref());
            let lang_ok = (2..=3).contains(&s.language.len())
                && s.language.bytes().all(|b| b.is_ascii_lowercase());
            if !lang_ok {
                self.report(
                    Rule::Schema,
                    &here,
                    &["language"],
                    format!(
                        "language '{}' is not an ISO 639 code (two lower-case letters, e.g. 'en')",
                        s.language
                    ),
                );
            }
            if let Some(d) = s.published {
                self.date(&here, "published", d);
            }
            if let Some(d) = &s.document {
                self.reference(&here, "document", EntityKind::Document, d.as_str());
            }
            match &s.url {
                Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
                    self.report(
                        Rule::SourceLocation,
                        &here,
                        &["url"],
                        format!("source URL '{url}' is not an http(s) address"),
                    );
                }
                Some(url) => {
                    self.control(&here, "url", url);
                    if let Some(first) = urls.get(url.as_str()) {
                        self.report(
                            Rule::DuplicateSource,
                            &here,
                            &["url"],
                            format!("source '{first}' has the same URL: register each source once and cite it from every fact"),
                        );
                    } else {
                        urls.insert(url, s.id.as_str());
                    }
                }
                None if s.document.is_none() => self.report(
                    Rule::SourceLocation,
                    &here,
                    &[],
                    "source has neither a url nor a document".into(),
                ),
                None => {}
            }
        }
    }

    fn strategy_and_dataset(&mut self) {
        for (i, d) in self.c.dataset.items.iter().enumerate() {
            let mut here = at(&self.c.dataset, i, EntityKind::Strategy, None);
            here.path = Path::default().key("dataset");
            self.text(&here, "version", &d.version);
            self.optional_text(&here, "notes", d.notes.as_deref());
            if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&d.as_of.year()) {
                self.report(
                    Rule::DateRange,
                    &here,
                    &["as_of"],
                    format!("as-of date {} is implausible", d.as_of),
                );
            }
        }
        for (i, s) in self.c.strategy.items.iter().enumerate() {
            let here = at(&self.c.strategy, i, EntityKind::Strategy, Some(&s.id));
            self.text(&here, "title", &s.title);
            self.text(&here, "full_title", &s.full_title);
            self.text(&here, "document_number", &s.document_number);
            self.text(&here, "summary", &s.summary);
            self.date(&here, "date", s.date);
            if let Some(c) = &s.celex {
                if celex::parse_celex(c).is_none() {
                    self.report(
                        Rule::CelexFormat,
                        &here,
                        &["celex"],
                        format!("'{c}' is not a well-formed CELEX number"),
                    );
                }
            }
            self.citations(&here, "", &s.citations, Some(EntityKind::Strategy));
        }
    }

    fn objectives_principles_themes_threats(&mut self) {
        macro_rules! simple {
            ($kind:expr, $bucket:expr, $name:ident, $text:ident) => {
                for (i, e) in $bucket.items.iter().enumerate() {
                    let here = at(&$bucket, i, $kind, Some(e.id.as_str()));
                    self.text(&here, stringify!($name), &e.$name);
                    self.text(&here, stringify!($text), &e.$text);
                    self.citations(&here, "", &e.citations, Some($kind));
                }
            };
        }
        simple!(EntityKind::Objective, self.c.objectives, title, summary);
        simple!(EntityKind::Principle, self.c.principles, title, summary);
        simple!(EntityKind::Theme, self.c.themes, name, summary);
        simple!(EntityKind::Threat, self.c.threats, name, summary);
    }

    fn sections(&mut self) {
        let by_id: HashMap<&str, &Section> = self
            .c
            .sections
            .items
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        for (i, s) in self.c.sections.items.iter().enumerate() {
            let here = at(
                &self.c.sections,
                i,
                EntityKind::Section,
                Some(s.id.as_str()),
            );
            self.text(&here, "title", &s.title);
            self.optional_text(&here, "summary", s.summary.as_deref());
            self.citations(&here, "", &s.citations, Some(EntityKind::Section));
            let box_cited = s
                .citations
                .iter()
                .any(|c| c.fields.iter().any(|f| f == "key_actions_box"));
            if s.key_actions_box.is_seen() && !box_cited {
                self.report(
                    Rule::MissingSource,
                    &here,
                    &["key_actions_box"],
                    format!(
                        "section says its key-actions box was {} but no citation names the field 'key_actions_box': say where it was read",
                        serde_name(s.key_actions_box).replace('_', " ")
                    ),
                );
            }
            let well_formed = !s.number.is_empty()
                && s.number.split('.').all(|p| {
                    !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit())
                });
            if !well_formed {
                self.report(
                    Rule::SectionNumber,
                    &here,
                    &["number"],
                    format!(
                        "section number '{}' is not a dotted number like 3 or 6.2",
                        s.number
                    ),
                );
            }
            if let Some(parent) = &s.parent {
                self.reference(&here, "parent", EntityKind::Section, parent.as_str());
                if let Some(p) = by_id.get(parent.as_str()) {
                    let ok = s
                        .number
                        .strip_prefix(&format!("{}.", p.number))
                        .is_some_and(|rest| !rest.is_empty() && !rest.contains('.'));
                    if well_formed && !ok {
                        self.report(
                            Rule::SectionNumber,
                            &here,
                            &["number"],
                            format!(
                                "section number '{}' does not extend its parent's number '{}'",
                                s.number, p.number
                            ),
                        );
                    }
                }
            } else if well_formed && s.number.contains('.') {
                self.report(
                    Rule::SectionNumber,
                    &here,
                    &["number"],
                    format!(
                        "section '{}' is numbered as a subsection but has no parent",
                        s.number
                    ),
                );
            }
            // Cycle: walk up the parents; a walk longer than the number of sections loops.
            let mut cur = s.parent.as_ref();
            let mut steps = 0;
            while let Some(p) = cur {
                if p == &s.id || steps > by_id.len() {
                    self.report(
                        Rule::SectionCycle,
                        &here,
                        &["parent"],
                        "section nesting loops back to this section".into(),
                    );
                    break;
                }
                cur = by_id.get(p.as_str()).and_then(|x| x.parent.as_ref());
                steps += 1;
            }
        }
    }

    fn timing(&mut self, here: &At, t: &Timing) {
        self.text(here, "timing.text", &t.text);
        let needs_year = !matches!(t.kind, TimingKind::Ongoing | TimingKind::NotStated);
        match (needs_year, t.year) {
            (true, None) => self.report(
                Rule::Timing,
                here,
                &["timing"],
                format!("a '{}' timing needs a year", serde_name(t.kind)),
            ),
            (false, Some(_)) => self.report(
                Rule::Timing,
                here,
                &["timing.year"],
                format!("a '{}' timing takes no year", serde_name(t.kind)),
            ),
            (true, Some(y)) if !(2000..=LATEST_YEAR).contains(&y) => self.report(
                Rule::DateRange,
                here,
                &["timing.year"],
                format!("year {y} is implausible"),
            ),
            _ => {}
        }
        match (t.kind, t.half) {
            (TimingKind::Half, None) => self.report(
                Rule::Timing,
                here,
                &["timing"],
                "a 'half' timing needs half = 1 or 2".into(),
            ),
            (TimingKind::Half, Some(h)) if !(1..=2).contains(&h) => self.report(
                Rule::Timing,
                here,
                &["timing.half"],
                format!("half {h} is not 1 or 2"),
            ),
            (TimingKind::Half, Some(_)) | (_, None) => {}
            (_, Some(_)) => self.report(
                Rule::Timing,
                here,
                &["timing.half"],
                "only a 'half' timing takes a half".into(),
            ),
        }
        match (t.kind, t.quarter) {
            (TimingKind::Quarter, None) => self.report(
                Rule::Timing,
                here,
                &["timing"],
                "a 'quarter' timing needs quarter = 1 to 4".into(),
            ),
            (TimingKind::Quarter, Some(q)) if !(1..=4).contains(&q) => self.report(
                Rule::Timing,
                here,
                &["timing.quarter"],
                format!("quarter {q} is not 1 to 4"),
            ),
            (TimingKind::Quarter, Some(_)) | (_, None) => {}
            (_, Some(_)) => self.report(
                Rule::Timing,
                here,
                &["timing.quarter"],
                "only a 'quarter' timing takes a quarter".into(),
            ),
        }
    }

    fn actions(&mut self) {
        for (i, a) in self.c.actions.items.iter().enumerate() {
            let here = at(&self.c.actions, i, EntityKind::Action, Some(a.id.as_str()));
            self.text(&here, "title", &a.title);
            self.text(&here, "summary", &a.summary);
            self.optional_text(&here, "notes", a.notes.as_deref());
            self.reference(&here, "section", EntityKind::Section, a.section.as_str());
            self.references(&here, "lead", EntityKind::Actor, &a.lead);
            self.references(&here, "involved", EntityKind::Actor, &a.involved);
            self.references(&here, "themes", EntityKind::Theme, &a.themes);
            self.references(&here, "threats", EntityKind::Threat, &a.threats);
            self.references(&here, "objectives", EntityKind::Objective, &a.objectives);
            self.references(&here, "instruments", EntityKind::Instrument, &a.instruments);
            self.timing(&here, &a.timing);
            for (j, p) in a.previous_ids.iter().enumerate() {
                let field = format!("previous_ids[{j}]");
                if !is_valid_id(p.as_str()) {
                    self.report(
                        Rule::IdFormat,
                        &here,
                        &[&field],
                        "a previous id must be lower-case kebab-case".into(),
                    );
                } else if self.is_known(EntityKind::Action, p.as_str()) {
                    self.report(
                        Rule::DuplicateId,
                        &here,
                        &[&field],
                        format!("previous id '{p}' is the id of an action of this data set: ids are never reused"),
                    );
                }
            }
            self.citations(&here, "", &a.citations, Some(EntityKind::Action));
            let mut previous: Option<NaiveDate> = None;
            for (j, e) in a.status.iter().enumerate() {
                let field = format!("status[{j}]");
                if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&e.date.year())
                    || self.as_of.is_some_and(|d| e.date > d)
                {
                    self.date(&here, &format!("{field}.date"), e.date);
                }
                if let Some(start) = self.strategy_date {
                    if e.date < start {
                        self.report(
                            Rule::StatusBeforeStrategy,
                            &here,
                            &[&format!("{field}.date")],
                            format!("status event dated {} is before the strategy's adoption on {start}", e.date),
                        );
                    }
                }
                if let Some(p) = previous {
                    if e.date < p {
                        self.report(
                            Rule::StatusOrder,
                            &here,
                            &[&format!("{field}.date")],
                            format!("status event dated {} comes after one dated {p}: events must be oldest first", e.date),
                        );
                    }
                }
                previous = Some(e.date);
                match &e.evidence {
                    Some(d) => {
                        self.reference(
                            &here,
                            &format!("{field}.evidence"),
                            EntityKind::Document,
                            d.as_str(),
                        );
                        if let Some(kind) = self.document_kind.get(d.as_str()).copied() {
                            if !e.status.accepts_evidence(kind) {
                                self.report(
                                    Rule::StatusEvidence,
                                    &here,
                                    &[&format!("{field}.evidence")],
                                    format!(
                                        "a {} ('{d}') cannot show the status '{}' ({})",
                                        serde_name(kind).replace('_', " "),
                                        serde_name(e.status),
                                        e.status.definition()
                                    ),
                                );
                            }
                        }
                    }
                    None if e.citations.is_empty() => self.report(
                        Rule::MissingEvidence,
                        &here,
                        &[&field],
                        format!(
                            "status event '{}' of {} has no evidence document and no source",
                            serde_name(e.status),
                            e.date
                        ),
                    ),
                    None => {}
                }
                self.optional_text(&here, &format!("{field}.note"), e.note.as_deref());
                if e.citations.is_empty() {
                    self.report(
                        Rule::MissingSource,
                        &here,
                        &[&field],
                        format!(
                            "status event '{}' of {} cites no source",
                            serde_name(e.status),
                            e.date
                        ),
                    );
                }
                self.citations(&here, &format!("{field}."), &e.citations, None);
            }
        }
    }

    fn actors(&mut self) {
        for (i, a) in self.c.actors.items.iter().enumerate() {
            let here = at(&self.c.actors, i, EntityKind::Actor, Some(a.id.as_str()));
            self.text(&here, "name", &a.name);
            self.optional_text(&here, "abbreviation", a.abbreviation.as_deref());
            self.optional_text(&here, "founding_act_text", a.founding_act_text.as_deref());
            if let Some(f) = &a.founding_act {
                self.reference(&here, "founding_act", EntityKind::Instrument, f.as_str());
            }
            self.citations(&here, "", &a.citations, Some(EntityKind::Actor));
        }
    }

    fn instruments(&mut self) {
        for (i, x) in self.c.instruments.items.iter().enumerate() {
            let here = at(
                &self.c.instruments,
                i,
                EntityKind::Instrument,
                Some(x.id.as_str()),
            );
            self.text(&here, "number", &x.number);
            self.text(&here, "short_title", &x.short_title);
            self.citations(&here, "", &x.citations, Some(EntityKind::Instrument));
            if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&x.year) {
                self.report(
                    Rule::DateRange,
                    &here,
                    &["year"],
                    format!("year {} is implausible", x.year),
                );
            }
            let Some(c) = &x.celex else { continue };
            let Some(parsed) = celex::parse_celex(c) else {
                self.report(
                    Rule::CelexFormat,
                    &here,
                    &["celex"],
                    format!("'{c}' is not a well-formed CELEX number (e.g. 32016R0794)"),
                );
                continue;
            };
            if let Some(expected) = celex::expected_celex(&x.number, x.instrument_type) {
                if expected != *c {
                    self.report(
                        Rule::CelexMismatch,
                        &here,
                        &["celex"],
                        format!(
                            "CELEX '{c}' does not match '{}' (expected '{expected}')",
                            x.number
                        ),
                    );
                }
            } else if parsed.year != x.year {
                self.report(
                    Rule::CelexMismatch,
                    &here,
                    &["celex"],
                    format!(
                        "CELEX '{c}' gives year {} but the instrument's year is {}",
                        parsed.year, x.year
                    ),
                );
            }
            if celex::year_and_number(&x.number).is_some_and(|(y, _)| y != x.year) {
                self.report(
                    Rule::CelexMismatch,
                    &here,
                    &["year"],
                    format!(
                        "year {} does not match the official number '{}'",
                        x.year, x.number
                    ),
                );
            }
        }
    }

    fn documents(&mut self) {
        for (i, d) in self.c.documents.items.iter().enumerate() {
            let here = at(
                &self.c.documents,
                i,
                EntityKind::Document,
                Some(d.id.as_str()),
            );
            self.text(&here, "title", &d.title);
            self.optional_text(&here, "number", d.number.as_deref());
            self.optional_text(&here, "procedure", d.procedure.as_deref());
            self.optional_text(&here, "stage", d.stage.as_deref());
            if let Some(date) = d.date {
                self.date(&here, "date", date);
            }
            if let Some(c) = &d.celex {
                if celex::parse_celex(c).is_none() {
                    self.report(
                        Rule::CelexFormat,
                        &here,
                        &["celex"],
                        format!("'{c}' is not a well-formed CELEX number"),
                    );
                }
            }
            if let Some(url) = &d.url {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    self.report(
                        Rule::SourceLocation,
                        &here,
                        &["url"],
                        format!("URL '{url}' is not an http(s) address"),
                    );
                }
            }
            self.references(&here, "delivers", EntityKind::Action, &d.delivers);
            self.citations(&here, "", &d.citations, Some(EntityKind::Document));
        }
    }

    fn figures(&mut self) {
        for (i, f) in self.c.figures.items.iter().enumerate() {
            let here = at(&self.c.figures, i, EntityKind::Figure, Some(f.id.as_str()));
            self.text(&here, "statement", &f.statement);
            self.text(&here, "value", &f.value);
            self.optional_text(&here, "unit", f.unit.as_deref());
            if f.number.is_some_and(|n| !n.is_finite()) {
                self.report(
                    Rule::NumberRange,
                    &here,
                    &["number"],
                    "number is not finite".into(),
                );
            }
            if let Some(y) = f.year {
                if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&y) {
                    self.report(
                        Rule::DateRange,
                        &here,
                        &["year"],
                        format!("year {y} is implausible"),
                    );
                }
            }
            self.citations(&here, "", &f.citations, Some(EntityKind::Figure));
        }
    }
}
