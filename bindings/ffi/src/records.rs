//! Plain records for every kind of entity: field-for-field copies of the core types, with ids
//! as strings, vocabulary values as the enums of [`crate::vocab`] and dates as
//! [`CalendarDate`]s.

use protecteu::Strategy as Core;

use crate::dates::{CalendarDate, Period};
use crate::vocab::{
    ActionKind, ActionProgress, ActorKind, DocumentKind, EntityKind, InstrumentStatus,
    InstrumentType, KeyActionsBox, SourceClass, Status, TimingKind, Verification,
};

fn strings<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

fn citations(items: &[protecteu::Citation]) -> Vec<Citation> {
    items.iter().map(Citation::from).collect()
}

/// A registry source: a publication cited by the data set's facts, registered once.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Source {
    /// Stable id, cited by [`Citation::source`].
    pub id: String,
    /// The page's own title.
    pub title: String,
    /// Web address, where there is one.
    pub url: Option<String>,
    /// Who publishes it.
    pub publisher: String,
    /// The publisher class (the data key `class`): decides the verification levels its
    /// citations may claim.
    pub publisher_class: SourceClass,
    /// Language of the text read (ISO 639-1).
    pub language: String,
    /// Publication date, when the source gives it.
    pub published: Option<CalendarDate>,
    /// What part of it was read (`whole page`, `opening only`, ...).
    pub readable: String,
    /// The id of the model document this source is, if it is one.
    pub document: Option<String>,
    /// Own-words notes.
    pub notes: Option<String>,
}

impl From<&protecteu::Source> for Source {
    fn from(s: &protecteu::Source) -> Self {
        Source {
            id: s.id.to_string(),
            title: s.title.clone(),
            url: s.url.clone(),
            publisher: s.publisher.clone(),
            publisher_class: s.class.into(),
            language: s.language.clone(),
            published: s.published,
            readable: s.readable.clone(),
            document: s.document.as_ref().map(ToString::to_string),
            notes: s.notes.clone(),
        }
    }
}

/// A citation of a registry source by an entity or a status event.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Citation {
    /// The registry id of the source.
    pub source: String,
    /// The fields of the entity the source supports (empty on a status event's citation).
    pub fields: Vec<String>,
    /// Where in the source: section, page, item or a short quote.
    pub locator: Option<String>,
    /// The level the citation claims.
    pub verification: Verification,
}

impl From<&protecteu::Citation> for Citation {
    fn from(c: &protecteu::Citation) -> Self {
        Citation {
            source: c.source.to_string(),
            fields: c.fields.clone(),
            locator: c.locator.clone(),
            verification: c.verification.into(),
        }
    }
}

/// One cited fact of an entity: the field it supports (`lead`, `timing`, `status[0]`, `*` for
/// a citation naming no field), the registry source, where in it, and the level.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FactCitation {
    /// The field supported.
    pub field: String,
    /// The registry id of the source.
    pub source: String,
    /// Where in the source.
    pub locator: Option<String>,
    /// The level the citation claims.
    pub verification: Verification,
}

impl From<&protecteu::FactCitation> for FactCitation {
    fn from(c: &protecteu::FactCitation) -> Self {
        FactCitation {
            field: c.field.clone(),
            source: c.source.clone(),
            locator: c.locator.clone(),
            verification: c.verification.into(),
        }
    }
}

/// How a registry source is used: the levels its citations claim (strongest first), how many
/// facts cite it, and the kinds of the entities citing it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SourceUsage {
    /// The source.
    pub source: Source,
    /// The levels, strongest first.
    pub levels: Vec<Verification>,
    /// How many facts cite it (one per field named, one per citation naming none).
    pub facts: u64,
    /// The kinds of the entities citing it.
    pub kinds: Vec<EntityKind>,
}

impl From<&protecteu::SourceUsage> for SourceUsage {
    fn from(u: &protecteu::SourceUsage) -> Self {
        SourceUsage {
            source: Source::from(&u.source),
            levels: u.levels.iter().map(|l| (*l).into()).collect(),
            facts: u.facts as u64,
            kinds: u.kinds.iter().map(|k| (*k).into()).collect(),
        }
    }
}

/// When an action is due: a machine form plus the source's own words.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Timing {
    /// The machine form.
    pub kind: TimingKind,
    /// The year, for `year`, `half`, `quarter` and `by`.
    pub year: Option<i32>,
    /// The half-year (1 or 2), for `half`.
    pub half: Option<u8>,
    /// The quarter (1 to 4), for `quarter`.
    pub quarter: Option<u8>,
    /// The source's own words about timing.
    pub text: String,
    /// The period the action is due in (`2026`, `2026-H1`, `2026-Q2`), if it has one.
    pub period: Option<Period>,
    /// The last day on which the action is on time, if it has one.
    pub deadline: Option<CalendarDate>,
}

impl From<&protecteu::Timing> for Timing {
    fn from(t: &protecteu::Timing) -> Self {
        Timing {
            kind: t.kind.into(),
            year: t.year,
            half: t.half,
            quarter: t.quarter,
            text: t.text.clone(),
            period: t.period().map(Period::from),
            deadline: t.deadline(),
        }
    }
}

/// A dated step in an action's implementation, with its evidence.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StatusEvent {
    /// When it happened.
    pub date: CalendarDate,
    /// The status reached.
    pub status: Status,
    /// The id of the document that shows it.
    pub evidence: Option<String>,
    /// Own-words note.
    pub note: Option<String>,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::StatusEvent> for StatusEvent {
    fn from(e: &protecteu::StatusEvent) -> Self {
        StatusEvent {
            date: e.date,
            status: e.status.into(),
            evidence: e.evidence.as_ref().map(ToString::to_string),
            note: e.note.clone(),
            citations: citations(&e.citations),
        }
    }
}

/// A concrete commitment of the strategy.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Action {
    /// Stable id.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Own-words summary.
    pub summary: String,
    /// The id of the section it comes from.
    pub section: String,
    /// What kind of commitment it is.
    pub kind: ActionKind,
    /// When it is due.
    pub timing: Timing,
    /// Lead actor ids.
    pub lead: Vec<String>,
    /// Ids of other actors involved.
    pub involved: Vec<String>,
    /// Theme ids.
    pub themes: Vec<String>,
    /// Threat ids.
    pub threats: Vec<String>,
    /// Objective ids.
    pub objectives: Vec<String>,
    /// Legal instrument ids.
    pub instruments: Vec<String>,
    /// Implementation steps, oldest first.
    pub status_history: Vec<StatusEvent>,
    /// Status as of the data set's date.
    pub status: Status,
    /// Progress as of the data set's date.
    pub progress: ActionProgress,
    /// Citations.
    pub citations: Vec<Citation>,
    /// Own-words note on uncertainties.
    pub notes: Option<String>,
}

pub(crate) fn action(s: &Core, a: &protecteu::Action) -> Action {
    Action {
        id: a.id.to_string(),
        title: a.title.clone(),
        summary: a.summary.clone(),
        section: a.section.to_string(),
        kind: a.kind.into(),
        timing: Timing::from(&a.timing),
        lead: strings(&a.lead),
        involved: strings(&a.involved),
        themes: strings(&a.themes),
        threats: strings(&a.threats),
        objectives: strings(&a.objectives),
        instruments: strings(&a.instruments),
        status_history: a.status.iter().map(StatusEvent::from).collect(),
        status: s.current_status(a).into(),
        progress: s.progress_of(a, None).into(),
        citations: citations(&a.citations),
        notes: a.notes.clone(),
    }
}

/// An institution, agency, body or group that acts in the strategy.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Actor {
    /// Stable id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Abbreviation, where one is used.
    pub abbreviation: Option<String>,
    /// What kind of body it is.
    pub kind: ActorKind,
    /// The id of the legal instrument that founds or governs it, if it is in the model.
    pub founding_act: Option<String>,
    /// The founding act in words, when it is not a legal instrument of the model.
    pub founding_act_text: Option<String>,
    /// Web site.
    pub url: Option<String>,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::Actor> for Actor {
    fn from(e: &protecteu::Actor) -> Self {
        Actor {
            id: e.id.to_string(),
            name: e.name.clone(),
            abbreviation: e.abbreviation.clone(),
            kind: e.kind.into(),
            founding_act: e.founding_act.as_ref().map(ToString::to_string),
            founding_act_text: e.founding_act_text.clone(),
            url: e.url.clone(),
            citations: citations(&e.citations),
        }
    }
}

/// A numbered section of the document; sections nest through `parent`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// Dotted number, e.g. `3` or `6.2`.
    pub number: String,
    /// False when the number is inferred, not seen in a source.
    pub number_confirmed: bool,
    /// Title.
    pub title: String,
    /// False when the title is a working title.
    pub title_confirmed: bool,
    /// The id of the enclosing section, for subsections.
    pub parent: Option<String>,
    /// Own-words summary.
    pub summary: Option<String>,
    /// Whether the chapter's key-actions box was read.
    pub key_actions_box: KeyActionsBox,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::Section> for Section {
    fn from(e: &protecteu::Section) -> Self {
        Section {
            id: e.id.to_string(),
            number: e.number.clone(),
            number_confirmed: e.number_confirmed,
            title: e.title.clone(),
            title_confirmed: e.title_confirmed,
            parent: e.parent.as_ref().map(ToString::to_string),
            summary: e.summary.clone(),
            key_actions_box: e.key_actions_box.into(),
            citations: citations(&e.citations),
        }
    }
}

/// An overarching objective of the strategy.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Objective {
    /// Stable id.
    pub id: String,
    /// Position in the source's list (1-based).
    pub number: u32,
    /// Name of the objective.
    pub title: String,
    /// Own-words summary.
    pub summary: String,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::Objective> for Objective {
    fn from(e: &protecteu::Objective) -> Self {
        Objective {
            id: e.id.to_string(),
            number: e.number,
            title: e.title.clone(),
            summary: e.summary.clone(),
            citations: citations(&e.citations),
        }
    }
}

/// A guiding principle of the strategy.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Principle {
    /// Stable id.
    pub id: String,
    /// Position in the source's list (1-based).
    pub number: u32,
    /// Name of the principle.
    pub title: String,
    /// Own-words summary.
    pub summary: String,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::Principle> for Principle {
    fn from(e: &protecteu::Principle) -> Self {
        Principle {
            id: e.id.to_string(),
            number: e.number,
            title: e.title.clone(),
            summary: e.summary.clone(),
            citations: citations(&e.citations),
        }
    }
}

/// A policy area.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Theme {
    /// Stable id.
    pub id: String,
    /// Name of the policy area.
    pub name: String,
    /// Own-words summary.
    pub summary: String,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::Theme> for Theme {
    fn from(e: &protecteu::Theme) -> Self {
        Theme {
            id: e.id.to_string(),
            name: e.name.clone(),
            summary: e.summary.clone(),
            citations: citations(&e.citations),
        }
    }
}

/// A threat or crime area.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Threat {
    /// Stable id.
    pub id: String,
    /// Name of the threat.
    pub name: String,
    /// Own-words summary.
    pub summary: String,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::Threat> for Threat {
    fn from(e: &protecteu::Threat) -> Self {
        Threat {
            id: e.id.to_string(),
            name: e.name.clone(),
            summary: e.summary.clone(),
            citations: citations(&e.citations),
        }
    }
}

/// A legal act the strategy builds on or revises.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct LegalInstrument {
    /// Stable id.
    pub id: String,
    /// Official number, e.g. `Regulation (EU) 2016/794`.
    pub number: String,
    /// Short title, e.g. `Europol Regulation`.
    pub short_title: String,
    /// Type of act.
    pub instrument_type: InstrumentType,
    /// Year of adoption.
    pub year: i32,
    /// CELEX number, e.g. `32016R0794`.
    pub celex: Option<String>,
    /// The EUR-Lex address derived from the CELEX number.
    pub eur_lex_url: Option<String>,
    /// Legal status as of the data set's date.
    pub status: InstrumentStatus,
    /// Own-words notes: what the sources say beyond the fields (a recast, a pending revision).
    pub notes: Option<String>,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::LegalInstrument> for LegalInstrument {
    fn from(e: &protecteu::LegalInstrument) -> Self {
        LegalInstrument {
            id: e.id.to_string(),
            number: e.number.clone(),
            short_title: e.short_title.clone(),
            instrument_type: e.instrument_type.into(),
            year: e.year,
            celex: e.celex.clone(),
            eur_lex_url: e.eur_lex_url(),
            status: e.status.into(),
            notes: e.notes.clone(),
            citations: citations(&e.citations),
        }
    }
}

/// A related or follow-up document.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Document {
    /// Stable id.
    pub id: String,
    /// Official number, where known.
    pub number: Option<String>,
    /// Title.
    pub title: String,
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// Date of the document, where known.
    pub date: Option<CalendarDate>,
    /// Where to read it.
    pub url: Option<String>,
    /// CELEX number, where known.
    pub celex: Option<String>,
    /// Interinstitutional procedure number.
    pub procedure: Option<String>,
    /// Stage of the procedure as of the data set's date.
    pub stage: Option<String>,
    /// Other official numbers of the same package (e.g. the `SWD` number of the impact
    /// assessment published with a proposal).
    pub other_numbers: Vec<String>,
    /// Own-words notes: what the sources say beyond the fields, and what stays unclear.
    pub notes: Option<String>,
    /// Ids of the actions this document delivers.
    pub delivers: Vec<String>,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::Document> for Document {
    fn from(e: &protecteu::Document) -> Self {
        Document {
            id: e.id.to_string(),
            number: e.number.clone(),
            title: e.title.clone(),
            kind: e.kind.into(),
            date: e.date,
            url: e.url.clone(),
            celex: e.celex.clone(),
            procedure: e.procedure.clone(),
            stage: e.stage.clone(),
            other_numbers: e.other_numbers.clone(),
            notes: e.notes.clone(),
            delivers: strings(&e.delivers),
            citations: citations(&e.citations),
        }
    }
}

/// A key figure: a number (or a quantity in words) with its statement and source.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct KeyFigure {
    /// Stable id.
    pub id: String,
    /// What the figure says.
    pub statement: String,
    /// The value as the source gives it, e.g. `85%`.
    pub value: String,
    /// The value as a number, where the source gives one.
    pub number: Option<f64>,
    /// Unit of `number`.
    pub unit: Option<String>,
    /// Year the figure refers to.
    pub year: Option<i32>,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::KeyFigure> for KeyFigure {
    fn from(e: &protecteu::KeyFigure) -> Self {
        KeyFigure {
            id: e.id.to_string(),
            statement: e.statement.clone(),
            value: e.value.clone(),
            number: e.number,
            unit: e.unit.clone(),
            year: e.year,
            citations: citations(&e.citations),
        }
    }
}

/// The strategy document itself.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StrategyInfo {
    /// Stable id.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Full title of the Communication.
    pub full_title: String,
    /// Document number, e.g. `COM(2025) 148 final`.
    pub document_number: String,
    /// CELEX number, where known.
    pub celex: Option<String>,
    /// Date of adoption.
    pub date: CalendarDate,
    /// Where to read it.
    pub url: Option<String>,
    /// Own-words summary.
    pub summary: String,
    /// Citations.
    pub citations: Vec<Citation>,
}

impl From<&protecteu::StrategyInfo> for StrategyInfo {
    fn from(e: &protecteu::StrategyInfo) -> Self {
        StrategyInfo {
            id: e.id.clone(),
            title: e.title.clone(),
            full_title: e.full_title.clone(),
            document_number: e.document_number.clone(),
            celex: e.celex.clone(),
            date: e.date,
            url: e.url.clone(),
            summary: e.summary.clone(),
            citations: citations(&e.citations),
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SearchHit {
    /// Kind of the entity found.
    pub kind: EntityKind,
    /// Its id.
    pub id: String,
    /// Its title or name.
    pub title: String,
    /// Relevance: higher is better.
    pub score: f64,
}

impl From<protecteu::SearchHit> for SearchHit {
    fn from(h: protecteu::SearchHit) -> Self {
        SearchHit {
            kind: h.kind.into(),
            id: h.id,
            title: h.title,
            score: h.score,
        }
    }
}

/// One action in a timeline, with where it stands on the timeline's date.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TimelineEntry {
    /// The action.
    pub action: Action,
    /// Its status on the timeline's date.
    pub status: Status,
    /// Its progress on the timeline's date.
    pub progress: ActionProgress,
}

/// The actions due in one period.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TimelineGroup {
    /// `2026`, `2026-H1`, `2026-Q2`, `ongoing` or `not stated`.
    pub label: String,
    /// The period, for dated groups (`None` for `ongoing` and `not stated`).
    pub period: Option<Period>,
    /// The actions, in model order.
    pub entries: Vec<TimelineEntry>,
}

/// Actions grouped by due period on a date.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Timeline {
    /// The date the statuses are read on.
    pub as_of: CalendarDate,
    /// Dated groups by period start, then `ongoing`, then `not stated`.
    pub groups: Vec<TimelineGroup>,
}

pub(crate) fn timeline(s: &Core, t: &protecteu::Timeline<'_>) -> Timeline {
    Timeline {
        as_of: t.as_of,
        groups: t
            .groups
            .iter()
            .map(|g| TimelineGroup {
                label: g.label.clone(),
                period: g.period.map(Period::from),
                entries: g
                    .entries
                    .iter()
                    .map(|e| TimelineEntry {
                        action: action(s, e.action),
                        status: e.status.into(),
                        progress: e.progress.into(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// One row of a count.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Count {
    /// The id or value counted by.
    pub key: String,
    /// A readable label.
    pub label: String,
    /// Number of actions.
    pub count: u64,
}

/// Counts of actions.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Stats {
    /// Total number of actions.
    pub actions: u64,
    /// Per section (with its subsections), in document order.
    pub by_section: Vec<Count>,
    /// Per actor (lead or involved), most actions first.
    pub by_actor: Vec<Count>,
    /// Per kind; kinds without actions are left out.
    pub by_kind: Vec<Count>,
    /// Per status as of the data set's date; statuses without actions are left out.
    pub by_status: Vec<Count>,
}

fn counts(items: &[protecteu::Count]) -> Vec<Count> {
    items
        .iter()
        .map(|c| Count {
            key: c.key.clone(),
            label: c.label.clone(),
            count: c.count as u64,
        })
        .collect()
}

impl From<&protecteu::Stats> for Stats {
    fn from(s: &protecteu::Stats) -> Self {
        Stats {
            actions: s.actions as u64,
            by_section: counts(&s.by_section),
            by_actor: counts(&s.by_actor),
            by_kind: counts(&s.by_kind),
            by_status: counts(&s.by_status),
        }
    }
}
