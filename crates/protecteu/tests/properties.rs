//! Property tests over random valid models:
//! - a generated model loads, equals what was generated, and round-trips through canonical
//!   JSON and through the TOML data-file format, byte for byte;
//! - `filter_actions` with random filters agrees with a naive linear scan written here.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The generator passes tuples of random parts from proptest to the builder.
#![allow(clippy::type_complexity)]

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use proptest::strategy::Strategy;
use protecteu::*;

// ---- random valid models ----------------------------------------------------------------

/// Non-blank text without control characters (newlines and tabs are allowed), with quotes,
/// backslashes and non-ASCII letters to exercise escaping and folding.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ][A-Za-z0-9À-ÿ \"'\\\\,.!?:;()/%&€ß漢字\n\t-]{0,24}"
}

fn date_between(lo: NaiveDate, hi: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = (hi - lo).num_days().max(0);
    (0..=span).prop_map(move |d| lo + Duration::days(d))
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> impl Strategy<Value = Vec<T>> {
    let n = items.len();
    proptest::sample::subsequence(items, 0..=n.min(3))
}

/// The source registry of every generated model: one source per publisher class.
fn registry() -> Vec<Source> {
    SourceClass::ALL
        .into_iter()
        .enumerate()
        .map(|(i, class)| Source {
            id: SourceId::new(format!("source-{i}")),
            title: format!("Source number {i}, \"quoted\""),
            url: Some(format!("https://example.org/source/{i}")),
            publisher: format!("Publisher {i}"),
            class,
            language: "en".into(),
            published: (i % 2 == 0).then(|| NaiveDate::from_ymd_opt(2025, 4, 1).unwrap()),
            readable: "whole page".into(),
            document: None,
            notes: (i == 3).then(|| "read twice, \"quoted\"".into()),
        })
        .collect()
}

/// A citation of a registry source naming some of `fields`, at a level its class allows
/// (the claimed level falls back to `secondary_source`, which every class may give).
fn citation(fields: &'static [&'static str]) -> impl Strategy<Value = Citation> {
    (
        0..SourceClass::ALL.len(),
        0..Verification::ALL.len(),
        proptest::option::of(text()),
        proptest::sample::subsequence(fields.to_vec(), 0..=fields.len()),
    )
        .prop_map(|(c, v, locator, fields)| {
            let level = Verification::ALL[v];
            Citation {
                source: SourceId::new(format!("source-{c}")),
                fields: fields.into_iter().map(str::to_owned).collect(),
                locator,
                verification: if level.allowed_for(SourceClass::ALL[c]) {
                    level
                } else {
                    Verification::SecondarySource
                },
            }
        })
}

/// The one citation of the entities whose citations are not generated.
fn fixed() -> Vec<Citation> {
    vec![Citation {
        source: SourceId::new("source-0"),
        fields: Vec::new(),
        locator: None,
        verification: Verification::OfficialText,
    }]
}

fn timing() -> impl Strategy<Value = Timing> {
    (
        0..TimingKind::ALL.len(),
        2000..=2100i32,
        1..=2u8,
        1..=4u8,
        text(),
    )
        .prop_map(|(k, year, half, quarter, text)| {
            let kind = TimingKind::ALL[k];
            Timing {
                kind,
                year: (!matches!(kind, TimingKind::Ongoing | TimingKind::NotStated))
                    .then_some(year),
                half: (kind == TimingKind::Half).then_some(half),
                quarter: (kind == TimingKind::Quarter).then_some(quarter),
                text,
            }
        })
}

/// Counts of each kind, then the entities, with every reference pointing at an existing id.
fn model() -> impl Strategy<Value = DataFile> {
    (
        (0..3usize, 0..3usize, 1..6usize, 0..4usize, 0..4usize),
        (0..10usize, 0..5usize, 0..4usize, 0..4usize, 0..3usize),
        date_between(
            NaiveDate::from_ymd_opt(2025, 4, 1).unwrap(),
            NaiveDate::from_ymd_opt(2031, 12, 31).unwrap(),
        ),
    )
        .prop_flat_map(
            |(
                (n_obj, n_pri, n_sec, n_thm, n_thr),
                (n_act, n_actor, n_ins, n_doc, n_fig),
                as_of,
            )| {
                let strategy_date = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
                let ids = |prefix: &str, n: usize| -> Vec<String> {
                    (0..n).map(|i| format!("{prefix}-{i}")).collect()
                };
                let objectives = ids("objective", n_obj);
                let themes = ids("theme", n_thm);
                let threats = ids("threat", n_thr);
                let actors = ids("actor", n_actor);
                let instruments = ids("instrument", n_ins);
                let actions = ids("action", n_act);
                let simple = |n: usize| {
                    proptest::collection::vec(
                        (
                            text(),
                            text(),
                            proptest::collection::vec(citation(&["summary"]), 1..3),
                        ),
                        n,
                    )
                };
                let sections = proptest::collection::vec(
                    (
                        proptest::option::of(any::<proptest::sample::Index>()),
                        text(),
                        proptest::option::of(text()),
                        any::<bool>(),
                        any::<bool>(),
                    ),
                    n_sec,
                );
                let action = (
                    (
                        text(),
                        text(),
                        any::<proptest::sample::Index>(),
                        0..ActionKind::ALL.len(),
                        timing(),
                    ),
                    (
                        pick(actors.clone()),
                        pick(actors.clone()),
                        pick(themes.clone()),
                        pick(threats.clone()),
                        pick(objectives.clone()),
                        pick(instruments.clone()),
                    ),
                    (
                        proptest::collection::vec(
                            (
                                date_between(strategy_date, as_of),
                                0..Status::ALL.len(),
                                proptest::option::of(any::<proptest::sample::Index>()),
                                proptest::option::of(text()),
                                proptest::collection::vec(citation(&[]), 1..3),
                            ),
                            0..3,
                        ),
                        proptest::collection::vec(
                            citation(EntityKind::Action.citable_fields()),
                            1..3,
                        ),
                        proptest::option::of(text()),
                    ),
                );
                let actors_s = proptest::collection::vec(
                    (
                        text(),
                        proptest::option::of("[A-Z]{2,6}"),
                        0..ActorKind::ALL.len(),
                        proptest::option::of(any::<proptest::sample::Index>()),
                        proptest::option::of(text()),
                    ),
                    n_actor,
                );
                let instruments_s = proptest::collection::vec(
                    (
                        1950..=2100i32,
                        1..=9999u32,
                        0..InstrumentType::ALL.len(),
                        text(),
                        0..InstrumentStatus::ALL.len(),
                    ),
                    n_ins,
                );
                let documents_s = proptest::collection::vec(
                    (
                        text(),
                        0..DocumentKind::ALL.len(),
                        proptest::option::of(date_between(
                            NaiveDate::from_ymd_opt(1950, 1, 1).unwrap(),
                            as_of,
                        )),
                        pick(actions.clone()),
                        proptest::option::of("[A-Z0-9()][A-Z0-9() ]{2,11}"),
                    ),
                    n_doc,
                );
                let figures_s = proptest::collection::vec(
                    (
                        text(),
                        text(),
                        proptest::option::of(-1.0e12..1.0e12f64),
                        proptest::option::of(text()),
                        proptest::option::of(1950..=2100i32),
                    ),
                    n_fig,
                );
                (
                    (
                        Just(as_of),
                        text(),
                        text(),
                        simple(n_obj),
                        simple(n_pri),
                        sections,
                    ),
                    (
                        simple(n_thm),
                        simple(n_thr),
                        proptest::collection::vec(action, n_act),
                    ),
                    (actors_s, instruments_s, documents_s, figures_s),
                )
                    .prop_map(
                        move |(
                            (as_of, title, summary, obj, pri, secs),
                            (thm, thr, acts),
                            (actrs, ins, docs, figs),
                        )| {
                            build(Parts {
                                as_of,
                                title,
                                summary,
                                obj,
                                pri,
                                secs,
                                thm,
                                thr,
                                acts,
                                actrs,
                                ins,
                                docs,
                                figs,
                            })
                        },
                    )
            },
        )
}

type Simple = Vec<(String, String, Vec<Citation>)>;
type SectionPart = (
    Option<proptest::sample::Index>,
    String,
    Option<String>,
    bool,
    bool,
);
type ActionPart = (
    (String, String, proptest::sample::Index, usize, Timing),
    (
        Vec<String>,
        Vec<String>,
        Vec<String>,
        Vec<String>,
        Vec<String>,
        Vec<String>,
    ),
    (
        Vec<(
            NaiveDate,
            usize,
            Option<proptest::sample::Index>,
            Option<String>,
            Vec<Citation>,
        )>,
        Vec<Citation>,
        Option<String>,
    ),
);

struct Parts {
    as_of: NaiveDate,
    title: String,
    summary: String,
    obj: Simple,
    pri: Simple,
    secs: Vec<SectionPart>,
    thm: Simple,
    thr: Simple,
    acts: Vec<ActionPart>,
    actrs: Vec<(
        String,
        Option<String>,
        usize,
        Option<proptest::sample::Index>,
        Option<String>,
    )>,
    ins: Vec<(i32, u32, usize, String, usize)>,
    docs: Vec<(
        String,
        usize,
        Option<NaiveDate>,
        Vec<String>,
        Option<String>,
    )>,
    figs: Vec<(String, String, Option<f64>, Option<String>, Option<i32>)>,
}

fn build(p: Parts) -> DataFile {
    let strategy_date = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
    // Sections: a forest; each child's number extends its parent's.
    let mut sections: Vec<Section> = Vec::new();
    let mut children = Vec::<u32>::new();
    let mut top = 0u32;
    for (i, (parent, title, summary, nc, tc)) in p.secs.into_iter().enumerate() {
        let parent = parent.filter(|_| i > 0).map(|ix| ix.index(i));
        let number = match parent {
            Some(j) if sections[j].number.split('.').count() < 4 => {
                children[j] += 1;
                format!("{}.{}", sections[j].number, children[j])
            }
            _ => {
                top += 1;
                top.to_string()
            }
        };
        let parent = parent.filter(|_| number.contains('.'));
        children.push(0);
        sections.push(Section {
            id: SectionId::new(format!("section-{i}")),
            number,
            number_confirmed: nc,
            title,
            title_confirmed: tc,
            parent: parent.map(|j| sections[j].id.clone()),
            summary,
            key_actions_box: KeyActionsBox::NotSeen,
            citations: fixed(),
        });
    }
    let n_docs = p.docs.len();
    // The kind of each generated document, so an event cites only evidence that can show its
    // status (rule status-evidence).
    let kinds_of_docs: Vec<DocumentKind> = p.docs.iter().map(|d| DocumentKind::ALL[d.1]).collect();
    let statuses = Status::ALL;
    let actions: Vec<Action> = p
        .acts
        .into_iter()
        .enumerate()
        .map(
            |(
                i,
                (
                    (title, summary, sec, kind, timing),
                    (lead, involved, themes, threats, objectives, instruments),
                    (events, sources, notes),
                ),
            )| {
                let mut events: Vec<StatusEvent> = events
                    .into_iter()
                    .map(|(date, s, evidence, note, sources)| {
                        let evidence = evidence
                            .filter(|_| n_docs > 0)
                            .map(|ix| ix.index(n_docs))
                            .filter(|&j| statuses[s].accepts_evidence(kinds_of_docs[j]))
                            .map(|j| DocumentId::new(format!("document-{j}")));
                        StatusEvent {
                            date,
                            status: statuses[s],
                            evidence,
                            note,
                            citations: sources,
                        }
                    })
                    .collect();
                events.sort_by_key(|e| e.date);
                Action {
                    id: ActionId::new(format!("action-{i}")),
                    title,
                    summary,
                    section: sections[sec.index(sections.len())].id.clone(),
                    kind: ActionKind::ALL[kind],
                    timing,
                    lead: lead.into_iter().map(ActorId::new).collect(),
                    involved: involved.into_iter().map(ActorId::new).collect(),
                    themes: themes.into_iter().map(ThemeId::new).collect(),
                    threats: threats.into_iter().map(ThreatId::new).collect(),
                    objectives: objectives.into_iter().map(ObjectiveId::new).collect(),
                    instruments: instruments.into_iter().map(InstrumentId::new).collect(),
                    status: events,
                    citations: sources,
                    notes,
                    previous_ids: if i % 3 == 0 {
                        vec![ActionId::new(format!("old-action-{i}"))]
                    } else {
                        Vec::new()
                    },
                }
            },
        )
        .collect();
    let n_ins = p.ins.len();
    let types = InstrumentType::ALL;
    let instruments: Vec<LegalInstrument> = p
        .ins
        .into_iter()
        .enumerate()
        .map(|(i, (year, n, t, short_title, status))| {
            let number = format!("Act (EU) {year}/{n}");
            let instrument_type = types[t];
            LegalInstrument {
                id: InstrumentId::new(format!("instrument-{i}")),
                celex: expected_celex(&number, instrument_type),
                number,
                short_title,
                instrument_type,
                year,
                notes: (i % 2 == 0).then(|| format!("note on instrument {i}, \"quoted\"")),
                status: InstrumentStatus::ALL[status],
                citations: fixed(),
            }
        })
        .collect();
    let actor_kinds = ActorKind::ALL;
    let actors = p
        .actrs
        .into_iter()
        .enumerate()
        .map(
            |(i, (name, abbreviation, k, founding, founding_text))| Actor {
                id: ActorId::new(format!("actor-{i}")),
                name,
                abbreviation,
                kind: actor_kinds[k],
                founding_act: founding
                    .filter(|_| n_ins > 0)
                    .map(|ix| InstrumentId::new(format!("instrument-{}", ix.index(n_ins)))),
                founding_act_text: founding_text,
                url: None,
                citations: fixed(),
            },
        )
        .collect();
    let doc_kinds = DocumentKind::ALL;
    let documents = p
        .docs
        .into_iter()
        .enumerate()
        .map(|(i, (title, k, date, delivers, number))| Document {
            id: DocumentId::new(format!("document-{i}")),
            number,
            title,
            kind: doc_kinds[k],
            date,
            url: Some(format!("https://example.org/doc/{i}")),
            celex: None,
            procedure: None,
            stage: None,
            other_numbers: (0..i % 3).map(|n| format!("SWD(2026) {n}")).collect(),
            notes: (i % 2 == 1).then(|| format!("note on document {i}")),
            delivers: delivers.into_iter().map(ActionId::new).collect(),
            citations: fixed(),
        })
        .collect();
    let figures = p
        .figs
        .into_iter()
        .enumerate()
        .map(|(i, (statement, value, number, unit, year))| KeyFigure {
            id: FigureId::new(format!("figure-{i}")),
            statement,
            value,
            number,
            unit,
            year,
            citations: fixed(),
        })
        .collect();
    macro_rules! simple {
        ($ty:ident, $id:ident, $prefix:literal, $parts:expr, $a:ident, $b:ident) => {
            $parts
                .into_iter()
                .enumerate()
                .map(|(i, (a, b, sources))| $ty {
                    id: $id::new(format!(concat!($prefix, "-{}"), i)),
                    $a: a,
                    $b: b,
                    citations: sources,
                })
                .collect()
        };
    }
    DataFile {
        dataset: Some(Dataset {
            version: "1.0.0".into(),
            as_of: p.as_of,
            notes: None,
        }),
        strategy: Some(StrategyInfo {
            id: "strategy".into(),
            title: p.title.clone(),
            full_title: p.title,
            document_number: "COM(2025) 148 final".into(),
            celex: None,
            celex_note: None,
            date: strategy_date,
            place: None,
            url: None,
            period: None,
            summary: p.summary,
            citations: fixed(),
        }),
        objectives: p
            .obj
            .into_iter()
            .enumerate()
            .map(|(i, (title, summary, sources))| Objective {
                id: ObjectiveId::new(format!("objective-{i}")),
                number: i as u32 + 1,
                title,
                summary,
                citations: sources,
            })
            .collect(),
        principles: p
            .pri
            .into_iter()
            .enumerate()
            .map(|(i, (title, summary, sources))| Principle {
                id: PrincipleId::new(format!("principle-{i}")),
                number: i as u32 + 1,
                title,
                summary,
                citations: sources,
            })
            .collect(),
        sections,
        themes: simple!(Theme, ThemeId, "theme", p.thm, name, summary),
        threats: simple!(Threat, ThreatId, "threat", p.thr, name, summary),
        actions,
        actors,
        instruments,
        documents,
        figures,
        sources: registry(),
    }
}

fn load(text: &str, name: &str) -> protecteu::Strategy {
    match protecteu::Strategy::from_text(text, name, &Limits::default()) {
        Ok(s) => s,
        Err(e) => panic!("a generated valid model does not load from {name}: {e}\n{text}"),
    }
}

/// The loaded model, as a data file, to compare with what was generated.
fn as_data_file(s: &protecteu::Strategy) -> DataFile {
    DataFile {
        dataset: Some(s.dataset().clone()),
        strategy: Some(s.info().clone()),
        objectives: s.objectives().to_vec(),
        principles: s.principles().to_vec(),
        sections: s.sections().to_vec(),
        themes: s.themes().to_vec(),
        threats: s.threats().to_vec(),
        actions: s.action_list().to_vec(),
        actors: s.actors().to_vec(),
        instruments: s.instruments().to_vec(),
        documents: s.documents().to_vec(),
        figures: s.figures().to_vec(),
        sources: s.sources().to_vec(),
    }
}

/// The first place where two data files differ, as a JSON path with both values.
fn difference(a: &DataFile, b: &DataFile) -> Option<String> {
    fn walk(a: &serde_json::Value, b: &serde_json::Value, at: String) -> Option<String> {
        use serde_json::Value::{Array, Object};
        match (a, b) {
            (Object(x), Object(y)) => x.keys().chain(y.keys()).find_map(|k| {
                walk(
                    x.get(k).unwrap_or(&serde_json::Value::Null),
                    y.get(k).unwrap_or(&serde_json::Value::Null),
                    format!("{at}.{k}"),
                )
            }),
            (Array(x), Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (p, q))| walk(p, q, format!("{at}[{i}]"))),
            _ if a == b => None,
            _ => Some(format!("{at}: {a} != {b}")),
        }
    }
    walk(
        &serde_json::to_value(a).unwrap(),
        &serde_json::to_value(b).unwrap(),
        String::new(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn valid_models_round_trip_through_canonical_json_and_toml(m in model()) {
        // Canonical JSON: loads, equals the generated model, and re-exports the same bytes.
        let json = serde_json::to_string_pretty(&m).unwrap();
        let s = load(&json, "generated.json");
        let diff = difference(&as_data_file(&s), &m);
        prop_assert!(diff.is_none(), "loaded model differs from the generated one: {:?}", diff);
        let canonical = s.to_canonical_json();
        let again = load(&canonical, "canonical.json");
        prop_assert_eq!(again.to_canonical_json(), canonical.clone());
        // The TOML data-file format: the same model, the same canonical bytes.
        let toml_text = toml::to_string(&m).unwrap();
        let from_toml = load(&toml_text, "generated.toml");
        prop_assert_eq!(from_toml.to_canonical_json(), canonical);
    }
}

// ---- queries against a naive reference ---------------------------------------------------

fn status_on(a: &Action, on: NaiveDate) -> Status {
    let mut s = Status::Announced;
    for e in &a.status {
        if e.date <= on {
            s = e.status;
        }
    }
    s
}

fn last_day(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.unwrap().pred_opt().unwrap()
}

fn deadline(t: &Timing) -> Option<NaiveDate> {
    let y = t.year?;
    match t.kind {
        TimingKind::Year | TimingKind::By => Some(last_day(y, 12)),
        TimingKind::Half => Some(last_day(y, u32::from(t.half?) * 6)),
        TimingKind::Quarter => Some(last_day(y, u32::from(t.quarter?) * 3)),
        TimingKind::Ongoing | TimingKind::NotStated => None,
    }
}

fn progress_on(a: &Action, on: NaiveDate) -> Progress {
    match status_on(a, on) {
        Status::Withdrawn => Progress::Withdrawn,
        Status::Proposed
        | Status::ProvisionalAgreement
        | Status::Adopted
        | Status::Published
        | Status::Delivered
        | Status::Endorsed => Progress::Delivered,
        _ => match deadline(&a.timing) {
            Some(d) if d < on => Progress::Overdue,
            Some(_) => Progress::Due,
            None => Progress::Open,
        },
    }
}

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The words of `text`, folded, each with its term from `terms` (which must hold a term for
/// every word: the filter texts generated here have no stop word beside other words).
fn pairs(text: &str, terms: Vec<String>) -> Vec<(String, String)> {
    let folded = words(text);
    assert_eq!(folded.len(), terms.len(), "words and terms of {text:?}");
    folded.into_iter().zip(terms).collect()
}

fn naive(m: &DataFile, f: &ActionFilter) -> Option<Vec<String>> {
    // Unknown ids are errors.
    let known =
        |ids: Vec<&str>, id: &Option<String>| id.as_ref().is_none_or(|x| ids.contains(&x.as_str()));
    let ok = known(
        m.sections.iter().map(|x| x.id.as_str()).collect(),
        &f.section,
    ) && known(m.themes.iter().map(|x| x.id.as_str()).collect(), &f.theme)
        && known(m.threats.iter().map(|x| x.id.as_str()).collect(), &f.threat)
        && known(m.actors.iter().map(|x| x.id.as_str()).collect(), &f.actor)
        && known(m.actors.iter().map(|x| x.id.as_str()).collect(), &f.lead)
        && known(
            m.objectives.iter().map(|x| x.id.as_str()).collect(),
            &f.objective,
        )
        && known(
            m.instruments.iter().map(|x| x.id.as_str()).collect(),
            &f.instrument,
        );
    if !ok {
        return None;
    }
    let as_of = f.as_of.unwrap_or(m.dataset.as_ref().unwrap().as_of);
    let in_section = |a: &Action, root: &str| {
        let mut cur = Some(a.section.as_str());
        while let Some(c) = cur {
            if c == root {
                return true;
            }
            cur = m
                .sections
                .iter()
                .find(|s| s.id == *c)
                .and_then(|s| s.parent.as_ref().map(|p| p.as_str()));
        }
        false
    };
    let has = |list: &[String], id: &Option<String>| id.as_ref().is_none_or(|x| list.contains(x));
    let strs = |v: &[ActorId]| v.iter().map(|x| x.as_str().to_owned()).collect::<Vec<_>>();
    Some(
        m.actions
            .iter()
            .filter(|a| f.section.as_ref().is_none_or(|s| in_section(a, s)))
            .filter(|a| {
                has(
                    &a.themes
                        .iter()
                        .map(|x| x.as_str().to_owned())
                        .collect::<Vec<_>>(),
                    &f.theme,
                )
            })
            .filter(|a| {
                has(
                    &a.threats
                        .iter()
                        .map(|x| x.as_str().to_owned())
                        .collect::<Vec<_>>(),
                    &f.threat,
                )
            })
            .filter(|a| has(&[strs(&a.lead), strs(&a.involved)].concat(), &f.actor))
            .filter(|a| has(&strs(&a.lead), &f.lead))
            .filter(|a| {
                has(
                    &a.objectives
                        .iter()
                        .map(|x| x.as_str().to_owned())
                        .collect::<Vec<_>>(),
                    &f.objective,
                )
            })
            .filter(|a| {
                has(
                    &a.instruments
                        .iter()
                        .map(|x| x.as_str().to_owned())
                        .collect::<Vec<_>>(),
                    &f.instrument,
                )
            })
            .filter(|a| f.kind.is_none_or(|k| a.kind == k))
            .filter(|a| f.status.is_none_or(|s| status_on(a, as_of) == s))
            .filter(|a| f.progress.is_none_or(|p| progress_on(a, as_of) == p))
            .filter(|a| {
                f.due_by
                    .is_none_or(|p| deadline(&a.timing).is_some_and(|d| d <= p.end()))
            })
            .filter(|a| {
                f.due_in.is_none_or(|p| {
                    deadline(&a.timing).is_some_and(|d| p.start() <= d && d <= p.end())
                })
            })
            .filter(|a| {
                f.text.as_ref().is_none_or(|t| {
                    // As documented on `query_terms`: every query word matches a word of the
                    // action's texts or of the titles of what it cites, with the same term or
                    // starting with the query word as folded.
                    let query: Vec<(String, String)> = pairs(t, protecteu::query_terms(t));
                    let mut texts: Vec<&str> = vec![
                        a.title.as_str(),
                        a.id.as_str(),
                        a.summary.as_str(),
                        a.notes.as_deref().unwrap_or(""),
                    ];
                    for i in &a.instruments {
                        if let Some(x) = m.instruments.iter().find(|x| &x.id == i) {
                            texts.push(&x.short_title);
                        }
                    }
                    for d in &m.documents {
                        let evidence = a.status.iter().any(|e| e.evidence.as_ref() == Some(&d.id));
                        if d.delivers.contains(&a.id) || evidence {
                            texts.push(&d.title);
                        }
                    }
                    let own: Vec<(String, String)> = texts
                        .iter()
                        .flat_map(|x| pairs(x, protecteu::search_terms(x)))
                        .collect();
                    !query.is_empty()
                        && query.iter().all(|(qw, qt)| {
                            own.iter()
                                .any(|(w, t)| t == qt || w.starts_with(qw.as_str()))
                        })
                })
            })
            .map(|a| a.id.to_string())
            .collect(),
    )
}

fn maybe_id(prefix: &'static str, n: usize) -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        12 => Just(None),
        3 => (0..n.max(1)).prop_map(move |i| Some(format!("{prefix}-{i}"))),
        1 => Just(Some(format!("{prefix}-missing"))),
    ]
}

fn filter_for(m: &DataFile) -> impl Strategy<Value = ActionFilter> {
    let words: Vec<String> = m
        .actions
        .iter()
        .flat_map(|a| words(&a.title))
        .map(|w| w.chars().take(3).collect())
        .chain(["zzzz".to_owned(), "action".to_owned()])
        .collect();
    let period = prop_oneof![
        6 => Just(None),
        1 => (2024..=2032i32).prop_map(|y| Some(format!("{y}"))),
        1 => (2024..=2032i32, 1..=2u8).prop_map(|(y, h)| Some(format!("{y}-H{h}"))),
        1 => (2024..=2032i32, 1..=4u8).prop_map(|(y, q)| Some(format!("{y}-Q{q}"))),
    ];
    (
        (
            maybe_id("section", m.sections.len()),
            maybe_id("theme", m.themes.len()),
            maybe_id("threat", m.threats.len()),
            maybe_id("actor", m.actors.len()),
            maybe_id("actor", m.actors.len()),
            maybe_id("objective", m.objectives.len()),
            maybe_id("instrument", m.instruments.len()),
        ),
        (
            proptest::option::weighted(0.15, 0..ActionKind::ALL.len()),
            proptest::option::weighted(0.15, 0..Status::ALL.len()),
            proptest::option::weighted(0.15, 0..Progress::ALL.len()),
            proptest::option::weighted(
                0.4,
                date_between(
                    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                    NaiveDate::from_ymd_opt(2032, 12, 31).unwrap(),
                ),
            ),
            period.clone(),
            period,
            proptest::option::weighted(0.15, proptest::sample::select(words)),
        ),
    )
        .prop_map(
            |(
                (section, theme, threat, actor, lead, objective, instrument),
                (kind, status, progress, as_of, due_by, due_in, text),
            )| ActionFilter {
                section,
                theme,
                threat,
                actor,
                lead,
                objective,
                kind: kind.map(|k| ActionKind::ALL[k]),
                status: status.map(|s| Status::ALL[s]),
                progress: progress.map(|p| Progress::ALL[p]),
                as_of,
                due_by: due_by.map(|p| parse_period(&p).unwrap()),
                due_in: due_in.map(|p| parse_period(&p).unwrap()),
                instrument,
                text,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn filters_agree_with_a_naive_scan(
        (m, filters) in model().prop_flat_map(|m| {
            let f = proptest::collection::vec(filter_for(&m), 16);
            (Just(m), f)
        })
    ) {
        let s = load(&serde_json::to_string(&m).unwrap(), "generated.json");
        for f in &filters {
            let fast = s.filter_actions(f).ok().map(|v| v.iter().map(|a| a.id.to_string()).collect::<Vec<_>>());
            let slow = naive(&m, f);
            prop_assert_eq!(&fast, &slow, "filter {:?}", f);
        }
        // A filter with nothing set gives every action, in model order.
        let all: Vec<String> = s.filter_actions(&ActionFilter::default()).unwrap().iter().map(|a| a.id.to_string()).collect();
        prop_assert_eq!(all, m.actions.iter().map(|a| a.id.to_string()).collect::<Vec<_>>());
        // Years used in the deadline index are the ones generated.
        for a in s.action_list() {
            prop_assert_eq!(a.timing.deadline(), deadline(&a.timing));
            if let Some(d) = a.timing.deadline() {
                prop_assert!(d.year() >= 2000);
            }
        }
    }
}

#[test]
fn the_random_filters_are_not_trivial() {
    // Over many random models and filters, some filters match actions, some match none, and
    // some name unknown ids: the comparison above exercises all three.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut some, mut none, mut errors) = (0, 0, 0);
    for _ in 0..40 {
        let m = model().new_tree(&mut runner).unwrap().current();
        let s = load(&serde_json::to_string(&m).unwrap(), "generated.json");
        for _ in 0..20 {
            let f = filter_for(&m).new_tree(&mut runner).unwrap().current();
            match s.filter_actions(&f) {
                Ok(v) if !v.is_empty() && v.len() < m.actions.len() => some += 1,
                Ok(_) => none += 1,
                Err(_) => errors += 1,
            }
        }
    }
    assert!(
        some >= 50 && none >= 50 && errors >= 50,
        "{some} {none} {errors}"
    );
}
