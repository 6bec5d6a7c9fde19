//! The entities of the model and their closed vocabularies.
//!
//! Every struct here is both the in-memory model and the data-file format: the same serde
//! derive reads the hand-edited TOML files in `data/` and the canonical JSON export, and the
//! JSON Schema in `data/schema/` is generated from these types.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::ids::*;
use crate::model::timing::Timing;

/// The name a vocabulary value has in the data files (`in_preparation`, `not_stated`, ...),
/// taken from its serde name so it cannot drift from the format.
pub(crate) fn serde_name<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A calendar date (ISO 8601, `YYYY-MM-DD` in the data files).
pub type Date = NaiveDate;

/// The kinds of entity in the model, in the order of the canonical JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// The strategy document itself.
    Strategy,
    /// An overarching objective.
    Objective,
    /// A guiding principle.
    Principle,
    /// A numbered section of the document.
    Section,
    /// A policy area of the seed page.
    Theme,
    /// A threat or crime area.
    Threat,
    /// A concrete commitment.
    Action,
    /// An institution, agency, body or group that acts.
    Actor,
    /// A legal act.
    Instrument,
    /// A related or follow-up document.
    Document,
    /// A key figure.
    Figure,
    /// A source of the registry: a publication the facts cite.
    Source,
}

impl EntityKind {
    /// Every kind, in canonical order.
    pub const ALL: [EntityKind; 12] = [
        EntityKind::Strategy,
        EntityKind::Objective,
        EntityKind::Principle,
        EntityKind::Section,
        EntityKind::Theme,
        EntityKind::Threat,
        EntityKind::Action,
        EntityKind::Actor,
        EntityKind::Instrument,
        EntityKind::Document,
        EntityKind::Figure,
        EntityKind::Source,
    ];

    /// Singular snake_case name (`action`, `instrument`, ...).
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Strategy => "strategy",
            EntityKind::Objective => "objective",
            EntityKind::Principle => "principle",
            EntityKind::Section => "section",
            EntityKind::Theme => "theme",
            EntityKind::Threat => "threat",
            EntityKind::Action => "action",
            EntityKind::Actor => "actor",
            EntityKind::Instrument => "instrument",
            EntityKind::Document => "document",
            EntityKind::Figure => "figure",
            EntityKind::Source => "source",
        }
    }

    /// The key of this kind in a data file and in the canonical JSON (`actions`, `figures`, ...).
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Strategy => "strategy",
            EntityKind::Objective => "objectives",
            EntityKind::Principle => "principles",
            EntityKind::Section => "sections",
            EntityKind::Theme => "themes",
            EntityKind::Threat => "threats",
            EntityKind::Action => "actions",
            EntityKind::Actor => "actors",
            EntityKind::Instrument => "instruments",
            EntityKind::Document => "documents",
            EntityKind::Figure => "figures",
            EntityKind::Source => "sources",
        }
    }

    /// Parses a singular or plural kind name.
    ///
    /// ```
    /// use protecteu::EntityKind;
    /// assert_eq!(EntityKind::parse("actors"), Some(EntityKind::Actor));
    /// assert_eq!(EntityKind::parse("figure"), Some(EntityKind::Figure));
    /// ```
    pub fn parse(text: &str) -> Option<EntityKind> {
        let text = text.trim().to_ascii_lowercase();
        EntityKind::ALL
            .into_iter()
            .find(|k| k.name() == text || k.plural() == text)
    }
}

impl std::str::FromStr for EntityKind {
    type Err = crate::model::error::Error;

    /// [`EntityKind::parse`], with an error naming every kind.
    ///
    /// ```
    /// use protecteu::EntityKind;
    /// assert_eq!("actions".parse::<EntityKind>().unwrap(), EntityKind::Action);
    /// let err = "act".parse::<EntityKind>().unwrap_err().to_string();
    /// assert!(err.contains("invalid kind 'act'") && err.contains("instruments"));
    /// ```
    fn from_str(text: &str) -> crate::model::error::Result<EntityKind> {
        EntityKind::parse(text).ok_or_else(|| {
            let all: Vec<&str> = EntityKind::ALL.iter().map(|k| k.plural()).collect();
            crate::model::error::Error::InvalidArgument {
                name: "kind".to_owned(),
                value: text.to_owned(),
                expected: format!("one of {}", all.join(", ")),
            }
        })
    }
}

impl EntityKind {
    /// The fields of this kind a [`Citation`] may name: its data-file keys, less the id, the
    /// citations themselves, the status history (each event cites its own sources) and
    /// previous ids.
    ///
    /// ```
    /// use protecteu::EntityKind;
    /// assert!(EntityKind::Action.citable_fields().contains(&"lead"));
    /// assert!(!EntityKind::Action.citable_fields().contains(&"status"));
    /// ```
    pub fn citable_fields(self) -> &'static [&'static str] {
        match self {
            EntityKind::Strategy => &[
                "title",
                "full_title",
                "document_number",
                "celex",
                "celex_note",
                "date",
                "place",
                "url",
                "period",
                "summary",
            ],
            EntityKind::Objective | EntityKind::Principle => &["number", "title", "summary"],
            EntityKind::Section => &[
                "number",
                "number_confirmed",
                "title",
                "title_confirmed",
                "parent",
                "summary",
                "key_actions_box",
            ],
            EntityKind::Theme | EntityKind::Threat => &["name", "summary"],
            EntityKind::Action => &[
                "title",
                "summary",
                "section",
                "kind",
                "timing",
                "lead",
                "involved",
                "themes",
                "threats",
                "objectives",
                "instruments",
                "notes",
            ],
            EntityKind::Actor => &[
                "name",
                "abbreviation",
                "kind",
                "founding_act",
                "founding_act_text",
                "url",
            ],
            EntityKind::Instrument => &[
                "number",
                "short_title",
                "type",
                "year",
                "celex",
                "status",
                "notes",
            ],
            EntityKind::Document => &[
                "number",
                "title",
                "kind",
                "date",
                "url",
                "celex",
                "procedure",
                "stage",
                "other_numbers",
                "notes",
                "delivers",
            ],
            EntityKind::Figure => &["statement", "value", "number", "unit", "year"],
            EntityKind::Source => &[],
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How far a citation confirms a fact. The level a citation may claim follows from its
/// source's [`SourceClass`] ([`Verification::allowed_for`]); validation rejects an overclaim
/// (rule `verification-overclaim`).
///
/// Ordered from the strongest to the weakest: `OfficialText < ReproducedText < OfficialSummary
/// < SecondarySource` in `Ord`, so the *best* level of a set is its minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// The official text itself, on an EU site: EUR-Lex, or an EU institution's own
    /// reproduction of its text.
    OfficialText,
    /// The official wording, reproduced word for word by a page that is not its official
    /// publisher (a document mirror, a forum post copying a key-actions box, a speech on a
    /// third-party site). The words are official; the page is not.
    ReproducedText,
    /// An EU institution's (or a national government's) own summary: press release, Q&A,
    /// news item, policy page, Legislative Observatory, EPRS briefing, a government's
    /// assessment.
    OfficialSummary,
    /// Anything else: press, NGOs, journals, law firms, consultancies, blogs, aggregators.
    SecondarySource,
}

impl Verification {
    /// Every value, from the strongest to the weakest.
    pub const ALL: [Verification; 4] = [
        Verification::OfficialText,
        Verification::ReproducedText,
        Verification::OfficialSummary,
        Verification::SecondarySource,
    ];

    /// Whether a source of this class may be cited at this level.
    ///
    /// ```
    /// use protecteu::{SourceClass, Verification};
    /// assert!(Verification::OfficialText.allowed_for(SourceClass::EurLex));
    /// assert!(!Verification::OfficialText.allowed_for(SourceClass::ForumBlog));
    /// assert!(Verification::ReproducedText.allowed_for(SourceClass::ForumBlog));
    /// assert!(!Verification::OfficialSummary.allowed_for(SourceClass::LawFirmConsultancy));
    /// assert!(Verification::SecondarySource.allowed_for(SourceClass::EurLex));
    /// ```
    pub fn allowed_for(self, class: SourceClass) -> bool {
        use SourceClass::*;
        match self {
            Verification::OfficialText => matches!(class, EurLex | EuInstitution),
            Verification::ReproducedText => !matches!(class, EurLex | EuInstitution),
            Verification::OfficialSummary => matches!(class, EuInstitution | NationalGovernment),
            Verification::SecondarySource => true,
        }
    }

    /// The classes of source that may be cited at this level.
    pub fn allowed_classes(self) -> Vec<SourceClass> {
        SourceClass::ALL
            .into_iter()
            .filter(|c| self.allowed_for(*c))
            .collect()
    }
}

/// Who publishes a source: the closed vocabulary that decides which verification levels its
/// citations may claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceClass {
    /// EUR-Lex and the Publications Office: the official texts.
    EurLex,
    /// A site of an EU institution, agency or body (Commission, Council, Parliament incl. the
    /// Legislative Observatory and EPRS, Europol, the JRC, ...).
    EuInstitution,
    /// A national government, ministry or parliament.
    NationalGovernment,
    /// A site that reproduces official documents word for word without being their publisher
    /// (document mirrors, copied registers).
    VerbatimCopy,
    /// News media, news agencies, trade press.
    Press,
    /// NGOs, think tanks, foundations, advocacy groups.
    NgoThinkTank,
    /// Journals, universities, academic blogs.
    JournalAcademic,
    /// Law firms, consultancies, public-affairs firms, companies.
    LawFirmConsultancy,
    /// Forums, personal blogs, user posts.
    ForumBlog,
    /// News aggregators, content farms, automated digests.
    Aggregator,
}

impl SourceClass {
    /// Every value, in declaration order.
    pub const ALL: [SourceClass; 10] = [
        SourceClass::EurLex,
        SourceClass::EuInstitution,
        SourceClass::NationalGovernment,
        SourceClass::VerbatimCopy,
        SourceClass::Press,
        SourceClass::NgoThinkTank,
        SourceClass::JournalAcademic,
        SourceClass::LawFirmConsultancy,
        SourceClass::ForumBlog,
        SourceClass::Aggregator,
    ];

    /// The strongest level a citation of a source of this class may claim.
    ///
    /// ```
    /// use protecteu::{SourceClass, Verification};
    /// assert_eq!(SourceClass::Press.best_level(), Verification::ReproducedText);
    /// assert_eq!(SourceClass::NationalGovernment.best_level(), Verification::ReproducedText);
    /// assert_eq!(SourceClass::EurLex.best_level(), Verification::OfficialText);
    /// ```
    pub fn best_level(self) -> Verification {
        Verification::ALL
            .into_iter()
            .find(|v| v.allowed_for(self))
            .unwrap_or(Verification::SecondarySource)
    }
}

/// One publication in the data set's source registry (`sources.toml`): every source once,
/// with who publishes it and what of it was read. Facts cite it through [`Citation`]s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id.
    pub id: SourceId,
    /// The source's own title.
    pub title: String,
    /// Web address, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who publishes it.
    pub publisher: String,
    /// The publisher's class, which bounds the levels its citations may claim.
    pub class: SourceClass,
    /// Language of the text read (ISO 639-1, e.g. `en`).
    pub language: String,
    /// Publication date, when the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// What part of it was read (the whole page, its opening, an excerpt, ...).
    pub readable: String,
    /// The document of the model this source is, if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentId>,
    /// Own-words notes: what stays unclear about the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A citation: which registry [`Source`] supports which facts of an entity, where in it, and at
/// what level.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The registry id of the source.
    pub source: SourceId,
    /// The fields of the entity this source supports (its data-file keys: `title`, `lead`,
    /// `timing`, ...). Empty on a status event's citation, which supports the event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Where in the source: section, page, item, or a short quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// How far the source confirms the facts.
    pub verification: Verification,
}

/// Version and date of the data set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Data-set version (semantic versioning).
    pub version: String,
    /// The latest date the data set's sources reach.
    pub as_of: Date,
    /// Free-text note on coverage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The strategy document itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StrategyInfo {
    /// Stable id of the strategy.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Full title of the Communication.
    pub full_title: String,
    /// Document number, e.g. `COM(2025) 148 final`.
    pub document_number: String,
    /// CELEX number of the document on EUR-Lex, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub celex: Option<String>,
    /// What is uncertain about the CELEX number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub celex_note: Option<String>,
    /// Date of adoption.
    pub date: Date,
    /// Place of adoption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The period it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Own-words summary.
    pub summary: String,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// An overarching objective of the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Stable id.
    pub id: ObjectiveId,
    /// Position in the source's list (1-based).
    pub number: u32,
    /// Name of the objective.
    pub title: String,
    /// Own-words summary.
    pub summary: String,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// A guiding principle of the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Principle {
    /// Stable id.
    pub id: PrincipleId,
    /// Position in the source's list (1-based).
    pub number: u32,
    /// Name of the principle.
    pub title: String,
    /// Own-words summary.
    pub summary: String,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// Whether the "Key actions" box that closes a chapter of the Communication was read, and how
/// much of it. Only what was read can confirm or rule out a commitment: `not_seen` says
/// nothing about the box's content (and nothing about whether the chapter has one).
///
/// ```
/// use protecteu::{KeyActionsBox, Vocabulary};
/// assert_eq!(KeyActionsBox::default(), KeyActionsBox::NotSeen);
/// assert_eq!(KeyActionsBox::SeenInPart.name(), "seen_in_part");
/// assert!(KeyActionsBox::SeenWhole.is_seen() && !KeyActionsBox::NotSeen.is_seen());
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KeyActionsBox {
    /// The whole box was read.
    SeenWhole,
    /// Part of the box was read (for example a copy cut off after some items).
    SeenInPart,
    /// The box was not read: the data cannot say which commitments it lists.
    #[default]
    NotSeen,
}

impl KeyActionsBox {
    /// Every value, from the most to the least seen.
    pub const ALL: [KeyActionsBox; 3] = [
        KeyActionsBox::SeenWhole,
        KeyActionsBox::SeenInPart,
        KeyActionsBox::NotSeen,
    ];

    /// True when at least part of the box was read.
    pub fn is_seen(self) -> bool {
        self != KeyActionsBox::NotSeen
    }
}

/// A numbered section (priority area) of the document; sections nest through `parent`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id.
    pub id: SectionId,
    /// Dotted number, e.g. `3` or `6.2`.
    pub number: String,
    /// False when the number is inferred from the order of the sections, not seen in a source.
    pub number_confirmed: bool,
    /// Title (the document's exact title where confirmed, a working title otherwise).
    pub title: String,
    /// False when the title is a working title, not the document's own.
    pub title_confirmed: bool,
    /// The enclosing section, for subsections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<SectionId>,
    /// Own-words summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Whether the section's "Key actions" box was read (`not_seen` when absent). A value
    /// other than `not_seen` must be cited (field `key_actions_box`).
    #[serde(default)]
    pub key_actions_box: KeyActionsBox,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// A policy area (theme) of the EU's internal-security page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable id.
    pub id: ThemeId,
    /// Name of the policy area.
    pub name: String,
    /// Own-words summary.
    pub summary: String,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// A threat or crime area named by the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Threat {
    /// Stable id.
    pub id: ThreatId,
    /// Name of the threat.
    pub name: String,
    /// Own-words summary.
    pub summary: String,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// What kind of commitment an action is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// A proposal for new legislation.
    LegislativeProposal,
    /// A revision of existing legislation.
    Revision,
    /// An action plan.
    ActionPlan,
    /// A strategy or agenda.
    Strategy,
    /// A roadmap.
    Roadmap,
    /// A network, platform, partnership or hub.
    Network,
    /// Funding.
    Funding,
    /// An operational measure or implementation work.
    Operational,
    /// International cooperation or agreements.
    International,
    /// An assessment, study, evaluation or report.
    Assessment,
    /// Governance arrangements inside the EU institutions.
    Governance,
    /// None of the above.
    Other,
}

impl ActionKind {
    /// Every action kind.
    pub const ALL: [ActionKind; 12] = [
        ActionKind::LegislativeProposal,
        ActionKind::Revision,
        ActionKind::ActionPlan,
        ActionKind::Strategy,
        ActionKind::Roadmap,
        ActionKind::Network,
        ActionKind::Funding,
        ActionKind::Operational,
        ActionKind::International,
        ActionKind::Assessment,
        ActionKind::Governance,
        ActionKind::Other,
    ];
}

/// Implementation status of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Committed to in the strategy; no later step found. Every action starts here. Evidence:
    /// the strategy itself.
    Announced,
    /// The Commission took a formal preparatory step: a call for evidence, a public
    /// consultation, an inception impact assessment or a study. Evidence: that step's page or
    /// document (dated when it opened).
    InPreparation,
    /// Work on a continuous or operational action is under way, shown by an official document
    /// about that very action (not one that merely mentions or builds on it).
    InProgress,
    /// The Commission adopted a legislative proposal (or a proposal for a Council act) and sent
    /// it to the co-legislators. Evidence: the proposal (COM number) or the Commission's own
    /// announcement of it; never a consultation page.
    Proposed,
    /// The European Parliament and the Council reached a provisional agreement in trilogue.
    /// Evidence: an institution's announcement of the agreement.
    ProvisionalAgreement,
    /// The legislators (or the Council alone, for a Council act) formally adopted the legal act.
    /// Evidence: the adopted act or an institution's record of the adoption; never a
    /// consultation page or an impact assessment.
    Adopted,
    /// The adopted act was published in the Official Journal. Evidence: the OJ/EUR-Lex act.
    Published,
    /// The Commission published the non-legislative deliverable it committed to (strategy,
    /// roadmap, action plan, report, network or facility launched). Evidence: the deliverable
    /// or the Commission's announcement of it; never a consultation page.
    Delivered,
    /// The Council or the European Council endorsed, welcomed or approved a non-legislative
    /// deliverable (an action plan, a strategy). An endorsement is not an adoption of a legal
    /// act. Evidence: Council conclusions or the Council's announcement.
    Endorsed,
    /// The Commission withdrew the proposal or abandoned the commitment. Evidence: the
    /// withdrawal (e.g. in a Commission work programme annex).
    Withdrawn,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 10] = [
        Status::Announced,
        Status::InPreparation,
        Status::InProgress,
        Status::Proposed,
        Status::ProvisionalAgreement,
        Status::Adopted,
        Status::Published,
        Status::Delivered,
        Status::Endorsed,
        Status::Withdrawn,
    ];

    /// The definition of this status: what it means, who acts and what evidence it needs (the
    /// same words as `data/README.md`).
    ///
    /// ```
    /// use protecteu::Status;
    /// assert!(Status::Endorsed.definition().contains("not an adoption"));
    /// ```
    pub fn definition(self) -> &'static str {
        match self {
            Status::Announced => "committed to in the strategy; no later step found (not found is not 'not done')",
            Status::InPreparation => "the Commission took a formal preparatory step: call for evidence, public consultation, inception impact assessment or study",
            Status::InProgress => "work on a continuous or operational action is under way, shown by an official document about that very action",
            Status::Proposed => "the Commission adopted a legislative proposal and sent it to the co-legislators; evidence: the proposal or the Commission's announcement, never a consultation page",
            Status::ProvisionalAgreement => "the European Parliament and the Council reached a provisional agreement in trilogue",
            Status::Adopted => "the legislators (or the Council, for a Council act) formally adopted the legal act; evidence: the act or the record of its adoption",
            Status::Published => "the adopted act was published in the Official Journal",
            Status::Delivered => "the Commission published the non-legislative deliverable it committed to (strategy, roadmap, action plan, report, facility)",
            Status::Endorsed => "the Council or the European Council endorsed or approved a non-legislative deliverable; an endorsement is not an adoption of a legal act",
            Status::Withdrawn => "the Commission withdrew the proposal or abandoned the commitment",
        }
    }

    /// Whether a document of this kind can be the evidence of an event with this status
    /// (rule `status-evidence`): a consultation page cannot show a proposal, an adoption or a
    /// delivery; an endorsement needs a Council document or announcement.
    ///
    /// ```
    /// use protecteu::{DocumentKind, Status};
    /// assert!(!Status::Adopted.accepts_evidence(DocumentKind::Consultation));
    /// assert!(Status::InPreparation.accepts_evidence(DocumentKind::CallForEvidence));
    /// assert!(!Status::Endorsed.accepts_evidence(DocumentKind::LegislativeProposal));
    /// ```
    pub fn accepts_evidence(self, kind: DocumentKind) -> bool {
        use DocumentKind::*;
        let consultation = matches!(kind, CallForEvidence | Consultation);
        match self {
            Status::Announced | Status::InPreparation | Status::InProgress | Status::Withdrawn => {
                true
            }
            Status::Proposed | Status::Delivered => !consultation,
            Status::ProvisionalAgreement | Status::Adopted | Status::Published => {
                !consultation && kind != StaffWorkingDocument
            }
            Status::Endorsed => matches!(
                kind,
                CouncilConclusions | PressRelease | Report | Speech | Other
            ),
        }
    }

    /// True when the commitment's deliverable exists: proposed, provisionally agreed,
    /// adopted, published or delivered.
    pub fn is_delivered(self) -> bool {
        matches!(
            self,
            Status::Proposed
                | Status::ProvisionalAgreement
                | Status::Adopted
                | Status::Published
                | Status::Delivered
                | Status::Endorsed
        )
    }
}

/// A dated step in an action's implementation, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusEvent {
    /// When it happened.
    pub date: Date,
    /// The status reached.
    pub status: Status,
    /// The document that shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<DocumentId>,
    /// Own-words note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// A concrete commitment of the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable id.
    pub id: ActionId,
    /// Short title.
    pub title: String,
    /// Own-words summary.
    pub summary: String,
    /// The section of the document it comes from.
    pub section: SectionId,
    /// What kind of commitment it is.
    pub kind: ActionKind,
    /// When it is due, in machine form and in the source's words.
    pub timing: Timing,
    /// Lead actors; empty when no source states a lead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead: Vec<ActorId>,
    /// Other actors involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub involved: Vec<ActorId>,
    /// Policy areas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<ThemeId>,
    /// Threats addressed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub threats: Vec<ThreatId>,
    /// Overarching objectives served.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<ObjectiveId>,
    /// Legal instruments it builds on or revises.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<InstrumentId>,
    /// Implementation steps, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<StatusEvent>,
    /// Citations (at least one): which registry source supports which of the fields above.
    #[serde(default)]
    pub citations: Vec<Citation>,
    /// Own-words note on uncertainties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Ids this action had in earlier versions of the data set (ids are never reused), so a
    /// diff between versions follows a rename instead of reporting a removal and an addition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_ids: Vec<ActionId>,
}

/// What kind of body an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// An EU institution (Commission, Council, Parliament, ...).
    EuInstitution,
    /// An EU agency with legal personality.
    EuAgency,
    /// An EU body, office or service without agency status.
    EuBody,
    /// A Commission department or internal group.
    CommissionService,
    /// The Member States or their authorities.
    MemberStates,
    /// Private companies and operators.
    PrivateSector,
    /// Civil society, research and academia.
    CivilSociety,
    /// Countries and organisations outside the EU.
    InternationalPartner,
    /// A network, platform or cooperation framework.
    Network,
    /// None of the above.
    Other,
}

impl ActorKind {
    /// Every value, in declaration order.
    pub const ALL: [ActorKind; 10] = [
        ActorKind::EuInstitution,
        ActorKind::EuAgency,
        ActorKind::EuBody,
        ActorKind::CommissionService,
        ActorKind::MemberStates,
        ActorKind::PrivateSector,
        ActorKind::CivilSociety,
        ActorKind::InternationalPartner,
        ActorKind::Network,
        ActorKind::Other,
    ];
}

/// An institution, agency, body or group that acts in the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id.
    pub id: ActorId,
    /// Full name.
    pub name: String,
    /// Abbreviation, where one is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    /// What kind of body it is.
    pub kind: ActorKind,
    /// The legal act that founds or governs it, if it is in the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founding_act: Option<InstrumentId>,
    /// The founding act in words, when it is not a legal instrument of the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founding_act_text: Option<String>,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// Type of a legal act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InstrumentType {
    /// A regulation (CELEX type letter `R`).
    Regulation,
    /// A directive (`L`).
    Directive,
    /// A decision (`D`).
    Decision,
    /// A framework decision of the former third pillar (`F`).
    FrameworkDecision,
    /// Anything else.
    Other,
}

impl InstrumentType {
    /// Every value, in declaration order.
    pub const ALL: [InstrumentType; 5] = [
        InstrumentType::Regulation,
        InstrumentType::Directive,
        InstrumentType::Decision,
        InstrumentType::FrameworkDecision,
        InstrumentType::Other,
    ];

    /// The CELEX descriptor letter of this type in sector 3, if it has one.
    pub fn celex_letter(self) -> Option<char> {
        match self {
            InstrumentType::Regulation => Some('R'),
            InstrumentType::Directive => Some('L'),
            InstrumentType::Decision => Some('D'),
            InstrumentType::FrameworkDecision => Some('F'),
            InstrumentType::Other => None,
        }
    }
}

/// Legal status of an instrument as of the data set's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InstrumentStatus {
    /// In force.
    InForce,
    /// In force, with a proposal to replace or amend it pending.
    InForceRevisionProposed,
    /// Repealed.
    Repealed,
    /// Annulled or declared invalid by the Court of Justice.
    Annulled,
    /// No source seen states it.
    NotStated,
}

impl InstrumentStatus {
    /// Every value, in declaration order.
    pub const ALL: [InstrumentStatus; 5] = [
        InstrumentStatus::InForce,
        InstrumentStatus::InForceRevisionProposed,
        InstrumentStatus::Repealed,
        InstrumentStatus::Annulled,
        InstrumentStatus::NotStated,
    ];
}

/// A legal act the strategy builds on or revises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalInstrument {
    /// Stable id.
    pub id: InstrumentId,
    /// Official number, e.g. `Regulation (EU) 2016/794`.
    pub number: String,
    /// Short title, e.g. `Europol Regulation`.
    pub short_title: String,
    /// Type of act.
    #[serde(rename = "type")]
    pub instrument_type: InstrumentType,
    /// Year of adoption.
    pub year: i32,
    /// CELEX number, e.g. `32016R0794`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub celex: Option<String>,
    /// Legal status.
    pub status: InstrumentStatus,
    /// Own-words notes: what the sources say beyond the fields (a recast, a pending revision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl LegalInstrument {
    /// The EUR-Lex address derived from the CELEX number.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let europol = s.instrument("europol-regulation").unwrap();
    /// assert_eq!(
    ///     europol.eur_lex_url().as_deref(),
    ///     Some("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0794")
    /// );
    /// ```
    pub fn eur_lex_url(&self) -> Option<String> {
        self.celex.as_deref().map(crate::model::celex::eur_lex_url)
    }
}

/// What kind of document a [`Document`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A Commission communication (strategy, roadmap, action plan, agenda).
    Communication,
    /// A proposal for a legal act.
    LegislativeProposal,
    /// A staff working document or impact assessment.
    StaffWorkingDocument,
    /// A call for evidence.
    CallForEvidence,
    /// A public consultation.
    Consultation,
    /// A press release, Q&A or factsheet.
    PressRelease,
    /// Council conclusions or decisions.
    CouncilConclusions,
    /// A report.
    Report,
    /// A speech.
    Speech,
    /// Anything else.
    Other,
}

impl DocumentKind {
    /// Every value, in declaration order.
    pub const ALL: [DocumentKind; 10] = [
        DocumentKind::Communication,
        DocumentKind::LegislativeProposal,
        DocumentKind::StaffWorkingDocument,
        DocumentKind::CallForEvidence,
        DocumentKind::Consultation,
        DocumentKind::PressRelease,
        DocumentKind::CouncilConclusions,
        DocumentKind::Report,
        DocumentKind::Speech,
        DocumentKind::Other,
    ];
}

/// A related or follow-up document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id.
    pub id: DocumentId,
    /// Official number, e.g. `COM(2025) 349 final`, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Title.
    pub title: String,
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// Date of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// CELEX number, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub celex: Option<String>,
    /// Interinstitutional procedure number, e.g. `2026/0011(COD)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// Stage of the procedure as of the data set's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// Other official numbers of the same package (e.g. the `SWD` number of the impact assessment
    /// published with a proposal).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_numbers: Vec<String>,
    /// Own-words notes: what the sources say beyond the fields, and what stays unclear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Actions this document delivers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delivers: Vec<ActionId>,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

/// A key figure: a number (or a quantity in words) with its statement and source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    /// Stable id.
    pub id: FigureId,
    /// What the figure says, in own words.
    pub statement: String,
    /// The value as the source gives it, e.g. `one out of four` or `85%`.
    pub value: String,
    /// The value as a number, where the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<f64>,
    /// Unit of `number` (e.g. `share`, `EUR million`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Year the figure refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Citations: which registry source supports which of the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}
