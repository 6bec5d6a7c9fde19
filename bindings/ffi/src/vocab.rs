//! The closed vocabularies of the model as enums of the FFI (`enum class` in Kotlin, `enum` in
//! Swift), each mirroring one core enum.
//!
//! One source of truth: every enum here is declared by [`mirror!`], which also writes the two
//! conversions with the core enum as exhaustive `match`es. A value added to a core enum and not
//! listed here (or listed here and gone from the core) is a compile error, and the test
//! `every_mirror_lists_the_core_values_in_order` compares the lists, order included. The
//! Kotlin and Swift suites compare their `entries` / `allCases` with [`vocabularies`], the
//! core's own lists.
//!
//! Values print (Kotlin `toString()`, Swift `description`) and parse (`parseStatus("proposed")`
//! and so on) with their names in the data files, by the core's rules.

use crate::error::Result;

/// A vocabulary's values as the core lists them: what the Kotlin and Swift suites compare
/// their enums with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VocabularyList {
    /// The enum's name in Kotlin and Swift (`Status`, `ActionKind`, ...).
    pub name: String,
    /// Every value's name in the data files (`announced`, `in_preparation`, ...), in the
    /// core's order.
    pub values: Vec<String>,
}

/// The data-file name of a core value (`in_preparation`), from its serde name.
fn core_name(value: serde_json::Value) -> String {
    value.as_str().map(str::to_owned).unwrap_or_default()
}

/// Declares FFI enums mirroring core enums: the enum (with its docs), `ALL`, both conversions
/// as exhaustive matches, `Display` with the data-file name (exported to Kotlin and Swift), a
/// parse function using the core's parser, and the lists compared by the tests. Attributes
/// are taken as token trees so that uniffi reads the doc comments as plain literals.
macro_rules! mirror {
    ($(
        $(#$attr:tt)*
        $name:ident = $core:ident, $parse_fn:ident($parse:expr), #[doc = $parse_doc:literal] {
            $($(#$vattr:tt)* $variant:ident,)+
        }
    )+) => {
        $(
            $(#$attr)*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
            #[uniffi::export(Display)]
            pub enum $name {
                $($(#$vattr)* $variant,)+
            }

            impl $name {
                /// Every value, in the core's order.
                pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            }

            impl From<protecteu::$core> for $name {
                fn from(value: protecteu::$core) -> Self {
                    match value {
                        $(protecteu::$core::$variant => $name::$variant,)+
                    }
                }
            }

            impl From<$name> for protecteu::$core {
                fn from(value: $name) -> Self {
                    match value {
                        $($name::$variant => protecteu::$core::$variant,)+
                    }
                }
            }

            impl std::fmt::Display for $name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    let core = protecteu::$core::from(*self);
                    f.write_str(&core_name(serde_json::to_value(core).unwrap_or_default()))
                }
            }

            #[doc = $parse_doc]
            ///
            /// # Errors
            /// `InvalidArgument` naming every accepted value.
            #[uniffi::export]
            pub fn $parse_fn(text: String) -> Result<$name> {
                let parse: fn(&str) -> protecteu::Result<protecteu::$core> = $parse;
                Ok($name::from(parse(&text)?))
            }
        )+

        /// Every vocabulary with its values as the core lists them (`Status` with `announced`,
        /// `in_preparation`, ...): the reference the Kotlin and Swift suites compare their
        /// enums' `entries` / `allCases` with.
        #[uniffi::export]
        pub fn vocabularies() -> Vec<VocabularyList> {
            vec![$(VocabularyList {
                name: stringify!($name).to_owned(),
                values: protecteu::$core::ALL
                    .iter()
                    .map(|v| core_name(serde_json::to_value(v).unwrap_or_default()))
                    .collect(),
            },)+]
        }

        /// The core enums mirrored here.
        #[cfg(test)]
        fn mirrored_core_types() -> Vec<&'static str> {
            vec![$(stringify!($core),)+]
        }

        /// The same lists made from this crate's enums (through the conversions).
        #[cfg(test)]
        fn mirrored() -> Vec<VocabularyList> {
            vec![$(VocabularyList {
                name: stringify!($name).to_owned(),
                values: $name::ALL.iter().map(ToString::to_string).collect(),
            },)+]
        }
    };
}

use protecteu::Vocabulary;

mirror! {
    /// Implementation status of an action (the data files' `status`).
    Status = Status, parse_status(<protecteu::Status as Vocabulary>::parse_name),
    #[doc = "Parses a status from its data-file name (`proposed`, `in-preparation`; case and blanks ignored)."]
    {
        /// Committed to in the strategy; no later step found. Every action starts here.
        Announced,
        /// The Commission took a formal preparatory step: a call for evidence, a public
        /// consultation, an inception impact assessment or a study.
        InPreparation,
        /// Work on a continuous or operational action is under way, shown by an official
        /// document about that very action.
        InProgress,
        /// The Commission adopted a legislative proposal and sent it to the co-legislators.
        Proposed,
        /// The European Parliament and the Council reached a provisional agreement in trilogue.
        ProvisionalAgreement,
        /// The legislators (or the Council alone, for a Council act) formally adopted the act.
        Adopted,
        /// The adopted act was published in the Official Journal.
        Published,
        /// The Commission published the non-legislative deliverable it committed to.
        Delivered,
        /// The Council or the European Council endorsed a non-legislative deliverable (not an
        /// adoption of a legal act).
        Endorsed,
        /// The Commission withdrew the proposal or abandoned the commitment.
        Withdrawn,
    }

    /// Where an action stands on a date, compared with its timing (`Progress` in the core and
    /// in Python; here `ActionProgress`, which in Swift does not clash with Foundation's
    /// `Progress` class).
    ActionProgress = Progress, parse_progress(<protecteu::Progress as Vocabulary>::parse_name),
    #[doc = "Parses a progress value from its name (`delivered`, `due`, `overdue`, `open`, `withdrawn`)."]
    {
        /// Its deliverable exists (proposed, adopted, published, delivered or endorsed).
        Delivered,
        /// Not delivered; its deadline has not passed.
        Due,
        /// Not delivered; its deadline has passed.
        Overdue,
        /// Not delivered, with no deadline (ongoing, or timing not stated).
        Open,
        /// Withdrawn.
        Withdrawn,
    }

    /// What kind of commitment an action is.
    ActionKind = ActionKind, parse_action_kind(<protecteu::ActionKind as Vocabulary>::parse_name),
    #[doc = "Parses an action kind from its data-file name (`legislative_proposal`, `revision`, ...)."]
    {
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

    /// The machine form of an action's timing.
    TimingKind = TimingKind, parse_timing_kind(<protecteu::TimingKind as Vocabulary>::parse_name),
    #[doc = "Parses a timing kind from its data-file name (`year`, `half`, `quarter`, `by`, `ongoing`, `not_stated`)."]
    {
        /// Due in a calendar year.
        Year,
        /// Due in a half-year.
        Half,
        /// Due in a quarter.
        Quarter,
        /// Due by the end of a year at the latest.
        By,
        /// A continuous commitment with no deadline.
        Ongoing,
        /// No source states when.
        NotStated,
    }

    /// What kind of body an actor is.
    ActorKind = ActorKind, parse_actor_kind(<protecteu::ActorKind as Vocabulary>::parse_name),
    #[doc = "Parses an actor kind from its data-file name (`eu_agency`, `member_states`, ...)."]
    {
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

    /// How strongly a citation supports a fact, from the strongest to the weakest.
    Verification = Verification, parse_verification(<protecteu::Verification as Vocabulary>::parse_name),
    #[doc = "Parses a verification level from its data-file name (`official_text`, ...)."]
    {
        /// The official text itself, on an EU site (EUR-Lex, or an EU institution's own
        /// reproduction of its text).
        OfficialText,
        /// The official wording, reproduced word for word by a page that is not its official
        /// publisher.
        ReproducedText,
        /// An EU institution's (or a national government's) own summary: press release, Q&A,
        /// policy page, briefing.
        OfficialSummary,
        /// Anything else: press, NGOs, journals, law firms, blogs, aggregators.
        SecondarySource,
    }

    /// Who publishes a registry source: decides which verification levels its citations may
    /// claim.
    SourceClass = SourceClass, parse_source_class(<protecteu::SourceClass as Vocabulary>::parse_name),
    #[doc = "Parses a source class from its data-file name (`eur_lex`, `press`, ...)."]
    {
        /// EUR-Lex and the Publications Office: the official texts.
        EurLex,
        /// A site of an EU institution, agency or body.
        EuInstitution,
        /// A national government, ministry or parliament.
        NationalGovernment,
        /// A site that reproduces official documents word for word without being their
        /// publisher.
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

    /// Type of a legal act.
    InstrumentType = InstrumentType, parse_instrument_type(<protecteu::InstrumentType as Vocabulary>::parse_name),
    #[doc = "Parses an instrument type from its data-file name (`regulation`, `framework_decision`, ...)."]
    {
        /// A regulation.
        Regulation,
        /// A directive.
        Directive,
        /// A decision.
        Decision,
        /// A framework decision of the former third pillar.
        FrameworkDecision,
        /// Anything else.
        Other,
    }

    /// Legal status of an instrument as of the data set's date.
    InstrumentStatus = InstrumentStatus, parse_instrument_status(<protecteu::InstrumentStatus as Vocabulary>::parse_name),
    #[doc = "Parses an instrument status from its data-file name (`in_force`, `repealed`, ...)."]
    {
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

    /// What kind of document a `Document` is.
    DocumentKind = DocumentKind, parse_document_kind(<protecteu::DocumentKind as Vocabulary>::parse_name),
    #[doc = "Parses a document kind from its data-file name (`communication`, `press_release`, ...)."]
    {
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

    /// Whether a chapter's key-actions box (its list of commitments) was read.
    KeyActionsBox = KeyActionsBox, parse_key_actions_box(<protecteu::KeyActionsBox as Vocabulary>::parse_name),
    #[doc = "Parses a key-actions-box value from its data-file name (`seen_whole`, `seen_in_part`, `not_seen`)."]
    {
        /// The whole box was read.
        SeenWhole,
        /// Part of the box was read (for example a copy cut off after some items).
        SeenInPart,
        /// The box was not read: the data cannot say which commitments it lists.
        NotSeen,
    }

    /// The kinds of entity in the model, in the order of the canonical JSON. They print with
    /// their singular names (`action`); the parser also takes the plural (`actions`).
    EntityKind = EntityKind, parse_entity_kind(str::parse::<protecteu::EntityKind>),
    #[doc = "Parses an entity kind from its singular or plural name (`action`, `figures`, ...)."]
    {
        /// The strategy document itself.
        Strategy,
        /// An overarching objective.
        Objective,
        /// A guiding principle.
        Principle,
        /// A numbered section of the document.
        Section,
        /// A policy area.
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

    /// The formats a `Strategy` exports to.
    ExportFormat = ExportFormat, parse_export_format(<protecteu::ExportFormat as Vocabulary>::parse_name),
    #[doc = "Parses an export format from its name (`json`, `jsonl`, `csv`, `markdown`, `dot`, `mermaid`, `jsonld`, `turtle`)."]
    {
        /// Canonical JSON of the whole model (loads back byte for byte).
        Json,
        /// JSON Lines: one entity per line, `{"kind", "id", "data"}`.
        Jsonl,
        /// CSV: a table per kind, relations in link tables.
        Csv,
        /// A Markdown report of the whole strategy.
        Markdown,
        /// Graphviz DOT of actors, actions, instruments and themes.
        Dot,
        /// A Mermaid Gantt chart of the actions by due period.
        Mermaid,
        /// JSON-LD with ELI, SKOS, Dublin Core and PROV-O.
        Jsonld,
        /// Turtle: the same graph as JSON-LD.
        Turtle,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ProtectEuError;

    #[test]
    fn every_mirror_lists_the_core_values_in_order() {
        let core = vocabularies();
        assert_eq!(core, mirrored());
        assert_eq!(core.len(), 13);
        assert!(core.iter().all(|v| !v.values.is_empty()));
        let status = core.iter().find(|v| v.name == "Status").map(|v| &v.values);
        assert_eq!(status, Some(&protecteu::Status::names()));
    }

    /// The types the core registers as vocabularies: the `Type => "name"` lines of every
    /// `vocabulary! { ... }` in the core's sources.
    fn core_vocabulary_types() -> std::collections::BTreeSet<String> {
        fn walk(dir: &std::path::Path, out: &mut std::collections::BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for block in text.split("vocabulary! {").skip(1) {
                        let body = block.split('}').next().unwrap_or_default();
                        for line in body.lines().filter(|l| l.contains("=>")) {
                            out.insert(line.split("=>").next().unwrap().trim().to_owned());
                        }
                    }
                }
            }
        }
        let mut out = std::collections::BTreeSet::new();
        let src =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../crates/protecteu/src");
        walk(&src, &mut out);
        out
    }

    /// A vocabulary added to the core (a new `vocabulary!` entry) fails here until this crate
    /// mirrors it; a value added to a mirrored one fails the build (exhaustive matches).
    #[test]
    fn every_core_vocabulary_is_mirrored() {
        let core = core_vocabulary_types();
        assert!(core.len() >= 12 && core.contains("Status"), "{core:?}");
        let mirrored: std::collections::BTreeSet<String> = mirrored_core_types()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let missing: Vec<&String> = core.difference(&mirrored).collect();
        assert!(
            missing.is_empty(),
            "core vocabularies without an FFI enum: {missing:?}"
        );
    }

    #[test]
    fn values_print_and_parse_with_their_data_file_names() {
        assert_eq!(
            Status::ProvisionalAgreement.to_string(),
            "provisional_agreement"
        );
        assert_eq!(
            parse_status(" In-Preparation ".into()).ok(),
            Some(Status::InPreparation)
        );
        assert_eq!(
            parse_entity_kind("figures".into()).ok(),
            Some(EntityKind::Figure)
        );
        assert_eq!(
            parse_source_class("forum_blog".into()).ok(),
            Some(SourceClass::ForumBlog)
        );
        match parse_export_format("pdf".into()) {
            Err(ProtectEuError::InvalidArgument { details }) => {
                assert!(
                    details.contains("'pdf'") && details.contains("turtle"),
                    "{details}"
                )
            }
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
        for s in Status::ALL {
            assert_eq!(parse_status(s.to_string()).ok(), Some(*s));
        }
    }
}
