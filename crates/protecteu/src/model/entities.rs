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
}

impl EntityKind {
    /// Every kind, in canonical order.
    pub const ALL: [EntityKind; 11] = [
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

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How far a source confirms a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Seen in the official text (EUR-Lex, the Communication, an official act).
    OfficialText,
    /// Seen in an official summary (press release, Q&A, factsheet, policy page).
    OfficialSummary,
    /// Seen only in a secondary source (news, briefings by third parties, blogs).
    SecondarySource,
}

impl Verification {
    /// Every value, in declaration order.
    pub const ALL: [Verification; 3] = [
        Verification::OfficialText,
        Verification::OfficialSummary,
        Verification::SecondarySource,
    ];
}

/// A citation: where a fact comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title or short description of the source.
    pub title: String,
    /// Web address of the source, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Section, page or paragraph of the source that holds the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The document of the model this source is, if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentId>,
    /// How far this source confirms the fact.
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Announced in the strategy; no later step seen. Every action starts here.
    Announced,
    /// Preparatory steps seen: call for evidence, consultation, study.
    InPreparation,
    /// Implementation under way (for continuous, operational actions).
    InProgress,
    /// The Commission tabled a legislative proposal.
    Proposed,
    /// The European Parliament and the Council reached a provisional agreement on the proposal.
    ProvisionalAgreement,
    /// The legislator adopted the act, or the Council endorsed the deliverable.
    Adopted,
    /// The adopted act was published in the Official Journal.
    Published,
    /// A non-legislative deliverable (communication, strategy, plan, report) was presented.
    Delivered,
    /// The commitment was withdrawn or abandoned.
    Withdrawn,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 9] = [
        Status::Announced,
        Status::InPreparation,
        Status::InProgress,
        Status::Proposed,
        Status::ProvisionalAgreement,
        Status::Adopted,
        Status::Published,
        Status::Delivered,
        Status::Withdrawn,
    ];

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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations (at least one).
    #[serde(default)]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
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
    /// Citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}
