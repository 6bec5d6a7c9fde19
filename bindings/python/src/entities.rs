//! Read-only Python classes for every kind of entity and for query results.
//!
//! Each class wraps an owned copy of the core's value. Properties convert on access; closed
//! vocabularies come back as their snake_case names (`legislative_proposal`), dates as
//! `datetime.date`. `to_dict()` holds every property, nested objects as dicts.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{ids, snake, ToDict};

pub(crate) fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// `'text'` as Python's `repr` of a str would show it (close enough for reprs).
pub(crate) fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The JSON text of a value, as an identity for value objects (equal values, equal text).
pub(crate) fn json_key<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Declares one Python class wrapping a core value: properties, `to_dict`, `__repr__`, and
/// equality and hashing by `key`.
macro_rules! pyclass_of {
    (
        $name:ident($core:ty) as $pyname:literal;
        key = |$k:ident| $key:expr;
        repr = |$r:ident| $repr:expr;
        { $( $(#[$fmeta:meta])* $field:ident : $ty:ty = |$v:ident| $get:expr ),* $(,)? }
        $( extra { $($extra:tt)* } )?
    ) => {
        #[pyclass(frozen, module = "protecteu._native", name = $pyname)]
        #[derive(Clone)]
        pub(crate) struct $name {
            pub(crate) inner: $core,
        }

        impl From<$core> for $name {
            fn from(inner: $core) -> Self {
                Self { inner }
            }
        }

        impl ToDict for $name {
            fn dict_value<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.to_dict(py)?.into_any())
            }
        }

        #[pymethods]
        impl $name {
            $(
                $(#[$fmeta])*
                #[getter]
                fn $field(&self) -> $ty {
                    let $v = &self.inner;
                    $get
                }
            )*

            /// Every property as a dict (nested objects as dicts, dates as `datetime.date`).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let d = PyDict::new(py);
                $( d.set_item(stringify!($field), ToDict::dict_value(self.$field(), py)?)?; )*
                Ok(d)
            }

            fn __repr__(&self) -> String {
                let $r = &self.inner;
                format!("{}({})", $pyname, $repr)
            }

            fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
                let $k = &self.inner;
                let mine = $key;
                let $k = &other.inner;
                mine == $key
            }

            fn __hash__(&self) -> u64 {
                let $k = &self.inner;
                hash_of(&$key)
            }

            $($($extra)*)?
        }
    };
}

pub(crate) use pyclass_of;

macro_rules! entity {
    (
        $name:ident($core:ty) as $pyname:literal, title = $title:ident;
        { $( $(#[$fmeta:meta])* $field:ident : $ty:ty = |$v:ident| $get:expr ),* $(,)? }
    ) => {
        pyclass_of! {
            $name($core) as $pyname;
            key = |e| e.id.as_str();
            repr = |e| format!("id={}, {}={}", quoted(e.id.as_str()), stringify!($title), quoted(&e.$title));
            { $( $(#[$fmeta])* $field: $ty = |$v| $get ),* }
        }
    };
}

entity! {
    Source(protecteu::Source) as "Source", title = title;
    {
        id: String = |s| s.id.to_string(),
        title: String = |s| s.title.clone(),
        url: Option<String> = |s| s.url.clone(),
        publisher: String = |s| s.publisher.clone(),
        /// The publisher class (`eur_lex`, `eu_institution`, `press`, `forum_blog`, ...): the
        /// data key `class`, a Python keyword.
        class_: String = |s| snake(&s.class),
        language: String = |s| s.language.clone(),
        published: Option<NaiveDate> = |s| s.published,
        readable: String = |s| s.readable.clone(),
        document: Option<String> = |s| s.document.as_ref().map(ToString::to_string),
        notes: Option<String> = |s| s.notes.clone(),
    }
}

pyclass_of! {
    Citation(protecteu::Citation) as "Citation";
    key = |c| json_key(c);
    repr = |c| format!("source={}, fields={:?}, verification={}", quoted(c.source.as_str()), c.fields, quoted(&snake(&c.verification)));
    {
        source: String = |c| c.source.to_string(),
        fields: Vec<String> = |c| c.fields.clone(),
        locator: Option<String> = |c| c.locator.clone(),
        verification: String = |c| snake(&c.verification),
    }
}

pyclass_of! {
    FactCitation(protecteu::FactCitation) as "FactCitation";
    key = |c| json_key(c);
    repr = |c| format!("field={}, source={}, verification={}", quoted(&c.field), quoted(&c.source), quoted(&snake(&c.verification)));
    {
        field: String = |c| c.field.clone(),
        source: String = |c| c.source.clone(),
        locator: Option<String> = |c| c.locator.clone(),
        verification: String = |c| snake(&c.verification),
    }
}

pyclass_of! {
    SourceUsage(protecteu::SourceUsage) as "SourceUsage";
    key = |u| json_key(u);
    repr = |u| format!("source={}, levels={:?}, facts={}", quoted(u.source.id.as_str()), u.levels.iter().map(snake).collect::<Vec<_>>(), u.facts);
    {
        source: Source = |u| Source::from(u.source.clone()),
        levels: Vec<String> = |u| u.levels.iter().map(snake).collect(),
        facts: usize = |u| u.facts,
        kinds: Vec<String> = |u| u.kinds.iter().map(|k| k.name().to_owned()).collect(),
    }
}

pyclass_of! {
    Timing(protecteu::Timing) as "Timing";
    key = |t| json_key(t);
    repr = |t| format!("kind={}, text={}", quoted(&snake(&t.kind)), quoted(&t.text));
    {
        kind: String = |t| snake(&t.kind),
        year: Option<i32> = |t| t.year,
        half: Option<u8> = |t| t.half,
        quarter: Option<u8> = |t| t.quarter,
        text: String = |t| t.text.clone(),
        period: Option<String> = |t| t.period().map(|p| p.to_string()),
        deadline: Option<NaiveDate> = |t| t.deadline(),
    }
}

pyclass_of! {
    StatusEvent(protecteu::StatusEvent) as "StatusEvent";
    key = |e| json_key(e);
    repr = |e| format!("date={}, status={}", quoted(&e.date.to_string()), quoted(&snake(&e.status)));
    {
        date: NaiveDate = |e| e.date,
        status: String = |e| snake(&e.status),
        evidence: Option<String> = |e| e.evidence.as_ref().map(ToString::to_string),
        note: Option<String> = |e| e.note.clone(),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

fn citations(list: &[protecteu::Citation]) -> Vec<Citation> {
    list.iter().cloned().map(Citation::from).collect()
}

entity! {
    Objective(protecteu::Objective) as "Objective", title = title;
    {
        id: String = |e| e.id.to_string(),
        number: u32 = |e| e.number,
        title: String = |e| e.title.clone(),
        summary: String = |e| e.summary.clone(),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

entity! {
    Principle(protecteu::Principle) as "Principle", title = title;
    {
        id: String = |e| e.id.to_string(),
        number: u32 = |e| e.number,
        title: String = |e| e.title.clone(),
        summary: String = |e| e.summary.clone(),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

entity! {
    Section(protecteu::Section) as "Section", title = title;
    {
        id: String = |e| e.id.to_string(),
        number: String = |e| e.number.clone(),
        number_confirmed: bool = |e| e.number_confirmed,
        title: String = |e| e.title.clone(),
        title_confirmed: bool = |e| e.title_confirmed,
        parent: Option<String> = |e| e.parent.as_ref().map(ToString::to_string),
        summary: Option<String> = |e| e.summary.clone(),
        /// Whether the chapter's key-actions box was read: `seen_whole`, `seen_in_part`, `not_seen`.
        key_actions_box: String = |e| snake(&e.key_actions_box),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

entity! {
    Theme(protecteu::Theme) as "Theme", title = name;
    {
        id: String = |e| e.id.to_string(),
        name: String = |e| e.name.clone(),
        summary: String = |e| e.summary.clone(),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

entity! {
    Threat(protecteu::Threat) as "Threat", title = name;
    {
        id: String = |e| e.id.to_string(),
        name: String = |e| e.name.clone(),
        summary: String = |e| e.summary.clone(),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

entity! {
    Action(protecteu::Action) as "Action", title = title;
    {
        id: String = |e| e.id.to_string(),
        title: String = |e| e.title.clone(),
        summary: String = |e| e.summary.clone(),
        section: String = |e| e.section.to_string(),
        kind: String = |e| snake(&e.kind),
        timing: Timing = |e| Timing::from(e.timing.clone()),
        lead: Vec<String> = |e| ids(&e.lead),
        involved: Vec<String> = |e| ids(&e.involved),
        themes: Vec<String> = |e| ids(&e.themes),
        threats: Vec<String> = |e| ids(&e.threats),
        objectives: Vec<String> = |e| ids(&e.objectives),
        instruments: Vec<String> = |e| ids(&e.instruments),
        status: Vec<StatusEvent> = |e| e.status.iter().cloned().map(StatusEvent::from).collect(),
        citations: Vec<Citation> = |e| citations(&e.citations),
        notes: Option<String> = |e| e.notes.clone(),
    }
}

entity! {
    Actor(protecteu::Actor) as "Actor", title = name;
    {
        id: String = |e| e.id.to_string(),
        name: String = |e| e.name.clone(),
        abbreviation: Option<String> = |e| e.abbreviation.clone(),
        kind: String = |e| snake(&e.kind),
        founding_act: Option<String> = |e| e.founding_act.as_ref().map(ToString::to_string),
        founding_act_text: Option<String> = |e| e.founding_act_text.clone(),
        url: Option<String> = |e| e.url.clone(),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

entity! {
    LegalInstrument(protecteu::LegalInstrument) as "LegalInstrument", title = short_title;
    {
        id: String = |e| e.id.to_string(),
        number: String = |e| e.number.clone(),
        short_title: String = |e| e.short_title.clone(),
        instrument_type: String = |e| snake(&e.instrument_type),
        year: i32 = |e| e.year,
        celex: Option<String> = |e| e.celex.clone(),
        eur_lex_url: Option<String> = |e| e.eur_lex_url(),
        status: String = |e| snake(&e.status),
        notes: Option<String> = |e| e.notes.clone(),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

entity! {
    Document(protecteu::Document) as "Document", title = title;
    {
        id: String = |e| e.id.to_string(),
        number: Option<String> = |e| e.number.clone(),
        title: String = |e| e.title.clone(),
        kind: String = |e| snake(&e.kind),
        date: Option<NaiveDate> = |e| e.date,
        url: Option<String> = |e| e.url.clone(),
        celex: Option<String> = |e| e.celex.clone(),
        procedure: Option<String> = |e| e.procedure.clone(),
        stage: Option<String> = |e| e.stage.clone(),
        other_numbers: Vec<String> = |e| e.other_numbers.clone(),
        notes: Option<String> = |e| e.notes.clone(),
        delivers: Vec<String> = |e| ids(&e.delivers),
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

entity! {
    KeyFigure(protecteu::KeyFigure) as "KeyFigure", title = statement;
    {
        id: String = |e| e.id.to_string(),
        statement: String = |e| e.statement.clone(),
        value: String = |e| e.value.clone(),
        number: Option<f64> = |e| e.number,
        unit: Option<String> = |e| e.unit.clone(),
        year: Option<i32> = |e| e.year,
        citations: Vec<Citation> = |e| citations(&e.citations),
    }
}

pyclass_of! {
    SearchHit(protecteu::SearchHit) as "SearchHit";
    key = |h| (h.kind.name(), h.id.as_str());
    repr = |h| format!("kind={}, id={}, title={}, score={}", quoted(h.kind.name()), quoted(&h.id), quoted(&h.title), h.score);
    {
        kind: String = |h| h.kind.name().to_owned(),
        id: String = |h| h.id.clone(),
        title: String = |h| h.title.clone(),
        score: f64 = |h| h.score,
    }
}

pyclass_of! {
    Count(protecteu::Count) as "Count";
    key = |c| (c.key.as_str(), c.count);
    repr = |c| format!("key={}, label={}, count={}", quoted(&c.key), quoted(&c.label), c.count);
    {
        key: String = |c| c.key.clone(),
        label: String = |c| c.label.clone(),
        count: usize = |c| c.count,
    }
}

fn counts(list: &[protecteu::Count]) -> Vec<Count> {
    list.iter().cloned().map(Count::from).collect()
}

pyclass_of! {
    Stats(protecteu::Stats) as "Stats";
    key = |s| json_key(s);
    repr = |s| format!("actions={}", s.actions);
    {
        actions: usize = |s| s.actions,
        by_section: Vec<Count> = |s| counts(&s.by_section),
        by_actor: Vec<Count> = |s| counts(&s.by_actor),
        by_kind: Vec<Count> = |s| counts(&s.by_kind),
        by_status: Vec<Count> = |s| counts(&s.by_status),
    }
}

pyclass_of! {
    Problem(protecteu::Problem) as "Problem";
    key = |p| p.to_string();
    repr = |p| format!("code={}, message={}, file={}, line={}, column={}",
        quoted(p.code()), quoted(&p.message),
        p.file.as_deref().map_or("None".into(), quoted),
        p.line.map_or("None".into(), |l| l.to_string()),
        p.column.map_or("None".into(), |c| c.to_string()));
    {
        code: String = |p| p.code().to_owned(),
        message: String = |p| p.message.clone(),
        file: Option<String> = |p| p.file.clone(),
        line: Option<usize> = |p| p.line,
        column: Option<usize> = |p| p.column,
        path: Option<String> = |p| p.path.clone(),
        kind: Option<String> = |p| p.kind.map(|k| k.name().to_owned()),
        id: Option<String> = |p| p.id.clone(),
    }
    extra {
        /// `file:line:col: code: message`, as the core prints it.
        fn __str__(&self) -> String {
            self.inner.to_string()
        }
    }
}

/// One action of a timeline, owned.
#[derive(Clone)]
pub(crate) struct EntryData {
    pub(crate) action: protecteu::Action,
    pub(crate) status: protecteu::Status,
    pub(crate) progress: protecteu::Progress,
}

impl From<&protecteu::TimelineEntry<'_>> for EntryData {
    fn from(e: &protecteu::TimelineEntry<'_>) -> Self {
        EntryData {
            action: e.action.clone(),
            status: e.status,
            progress: e.progress,
        }
    }
}

pyclass_of! {
    TimelineEntry(EntryData) as "TimelineEntry";
    key = |e| (e.action.id.as_str(), snake(&e.status), snake(&e.progress));
    repr = |e| format!("action={}, status={}, progress={}", quoted(e.action.id.as_str()), quoted(&snake(&e.status)), quoted(&snake(&e.progress)));
    {
        action: Action = |e| Action::from(e.action.clone()),
        status: String = |e| snake(&e.status),
        progress: String = |e| snake(&e.progress),
    }
}

/// One period of a timeline, owned.
#[derive(Clone)]
pub(crate) struct GroupData {
    pub(crate) label: String,
    pub(crate) start: Option<NaiveDate>,
    pub(crate) end: Option<NaiveDate>,
    pub(crate) entries: Vec<EntryData>,
}

impl From<&protecteu::TimelineGroup<'_>> for GroupData {
    fn from(g: &protecteu::TimelineGroup<'_>) -> Self {
        GroupData {
            label: g.label.clone(),
            start: g.period.map(|p| p.start()),
            end: g.period.map(|p| p.end()),
            entries: g.entries.iter().map(EntryData::from).collect(),
        }
    }
}

pyclass_of! {
    TimelineGroup(GroupData) as "TimelineGroup";
    key = |g| (g.label.clone(), g.entries.iter().map(|e| e.action.id.to_string()).collect::<Vec<_>>());
    repr = |g| format!("label={}, entries={}", quoted(&g.label), g.entries.len());
    {
        label: String = |g| g.label.clone(),
        start: Option<NaiveDate> = |g| g.start,
        end: Option<NaiveDate> = |g| g.end,
        entries: Vec<TimelineEntry> = |g| g.entries.iter().cloned().map(TimelineEntry::from).collect(),
    }
}
