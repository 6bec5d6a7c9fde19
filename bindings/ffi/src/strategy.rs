//! The `Strategy` object and the `ActionQuery` record.

use std::sync::Arc;

use protecteu::ActionFilter;

use crate::dates::{CalendarDate, Period};
use crate::error::Result;
use crate::records::*;
use crate::vocab::{ActionKind, ActionProgress, EntityKind, Status};

/// A filter over actions, mirroring the core `ActionFilter`. Every field is optional; the
/// fields given must all match. Ids are strings, vocabulary values enums, `asOf` a date and
/// `dueBy` / `dueIn` periods; an unknown id is `NotFound` (with a suggestion), a period that
/// does not exist `InvalidArgument`.
///
/// ```kotlin
/// s.actions(ActionQuery(status = Status.PROPOSED, dueBy = parsePeriod("2026")))
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ActionQuery {
    /// Section id: the section or any of its subsections.
    #[uniffi(default = None)]
    pub section: Option<String>,
    /// Theme id.
    #[uniffi(default = None)]
    pub theme: Option<String>,
    /// Threat id.
    #[uniffi(default = None)]
    pub threat: Option<String>,
    /// Actor id, lead or involved.
    #[uniffi(default = None)]
    pub actor: Option<String>,
    /// Actor id, lead only.
    #[uniffi(default = None)]
    pub lead: Option<String>,
    /// Objective id.
    #[uniffi(default = None)]
    pub objective: Option<String>,
    /// Kind of action.
    #[uniffi(default = None)]
    pub kind: Option<ActionKind>,
    /// Status on the `as_of` date.
    #[uniffi(default = None)]
    pub status: Option<Status>,
    /// Progress on the `as_of` date.
    #[uniffi(default = None)]
    pub progress: Option<ActionProgress>,
    /// The date for `status` and `progress`; default: the data set's as-of date.
    #[uniffi(default = None)]
    pub as_of: Option<CalendarDate>,
    /// Due by the end of this period.
    #[uniffi(default = None)]
    pub due_by: Option<Period>,
    /// Due inside this period.
    #[uniffi(default = None)]
    pub due_in: Option<Period>,
    /// Legal instrument id.
    #[uniffi(default = None)]
    pub instrument: Option<String>,
    /// Words that must all appear (as word prefixes), ignoring case and diacritics.
    #[uniffi(default = None)]
    pub text: Option<String>,
}

impl ActionQuery {
    /// The core filter; fails on a period that does not exist.
    fn to_filter(&self) -> Result<ActionFilter> {
        Ok(ActionFilter {
            section: self.section.clone(),
            theme: self.theme.clone(),
            threat: self.threat.clone(),
            actor: self.actor.clone(),
            lead: self.lead.clone(),
            objective: self.objective.clone(),
            kind: self.kind.map(Into::into),
            status: self.status.map(Into::into),
            progress: self.progress.map(Into::into),
            as_of: self.as_of,
            due_by: self.due_by.map(Period::to_core).transpose()?,
            due_in: self.due_in.map(Period::to_core).transpose()?,
            instrument: self.instrument.clone(),
            text: self.text.clone(),
        })
    }
}

/// Either the embedded model (shared, parsed once per process) or one loaded by the caller.
#[derive(Debug)]
enum Model {
    Embedded(&'static protecteu::Strategy),
    Loaded(Box<protecteu::Strategy>),
}

/// The whole ProtectEU strategy: every entity, validated and indexed for queries.
///
/// `Strategy()` (Kotlin, Swift) or `Strategy.embedded()` gives the embedded data set;
/// `fromPath` and `fromJson` load and validate a caller's data set.
#[derive(Debug, uniffi::Object)]
pub struct Strategy {
    model: Model,
    /// What the overlays that made this model did, in order (empty without overlays).
    pub(crate) overlay_changes: Vec<protecteu::OverlayChange>,
}

impl Strategy {
    pub(crate) fn core(&self) -> &protecteu::Strategy {
        match &self.model {
            Model::Embedded(s) => s,
            Model::Loaded(s) => s,
        }
    }

    pub(crate) fn loaded(
        s: protecteu::Strategy,
        overlay_changes: Vec<protecteu::OverlayChange>,
    ) -> Arc<Self> {
        Arc::new(Strategy {
            model: Model::Loaded(Box::new(s)),
            overlay_changes,
        })
    }
}

#[uniffi::export]
impl Strategy {
    /// The embedded data set (the same as `embedded()`).
    ///
    /// # Errors
    /// `Validation` if the embedded data does not validate (a build defect).
    #[uniffi::constructor]
    pub fn new() -> Result<Arc<Self>> {
        Strategy::embedded()
    }

    /// The embedded data set, parsed and validated once per process.
    ///
    /// # Errors
    /// `Validation` if the embedded data does not validate (a build defect).
    #[uniffi::constructor]
    pub fn embedded() -> Result<Arc<Self>> {
        Ok(Arc::new(Strategy {
            model: Model::Embedded(protecteu::try_strategy()?),
            overlay_changes: Vec::new(),
        }))
    }

    /// Loads a data set from a directory of data files or from one file (canonical JSON or
    /// TOML), validating it as a whole.
    ///
    /// # Errors
    /// `Io` if it cannot be read; `Validation` with every problem found.
    #[uniffi::constructor]
    pub fn from_path(path: String) -> Result<Arc<Self>> {
        Ok(Strategy::loaded(
            protecteu::Strategy::from_path(path)?,
            Vec::new(),
        ))
    }

    /// Parses a whole data set from text: the canonical JSON (TOML is accepted too).
    ///
    /// # Errors
    /// `Validation` with every problem found (located in `<string>`).
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Self>> {
        Ok(Strategy::loaded(text.parse()?, Vec::new()))
    }

    /// Version of the data set (semantic versioning).
    pub fn dataset_version(&self) -> String {
        self.core().dataset().version.clone()
    }

    /// The latest date the data set's sources reach.
    pub fn as_of(&self) -> CalendarDate {
        self.core().dataset().as_of
    }

    /// The SHA-256 of the canonical JSON, lower-case hex: one value names one exact data set
    /// (an overlay changes it).
    pub fn fingerprint(&self) -> String {
        self.core().fingerprint().to_owned()
    }

    /// Fails unless the data's fingerprint is `expected` (case-insensitive hex), so an app
    /// can pin the exact data it was written against.
    ///
    /// # Errors
    /// `FingerprintMismatch` naming both values.
    pub fn expect_fingerprint(&self, expected: String) -> Result<()> {
        Ok(self.core().expect_fingerprint(&expected)?)
    }

    /// Every registry source, in registry order.
    pub fn sources(&self) -> Vec<Source> {
        self.core().sources().iter().map(Source::from).collect()
    }

    /// The registry source with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn source(&self, id: String) -> Result<Source> {
        Ok(Source::from(self.core().source(&id)?))
    }

    /// Every registry source with the levels its citations claim and how many facts cite it;
    /// `kind` keeps the sources cited by that kind's entities.
    #[uniffi::method(default(kind = None))]
    pub fn source_usage(&self, kind: Option<EntityKind>) -> Vec<SourceUsage> {
        self.core()
            .source_usage(kind.map(Into::into))
            .iter()
            .map(SourceUsage::from)
            .collect()
    }

    /// The citations of an entity field by field (`status[i]` for its status events).
    ///
    /// # Errors
    /// `NotFound` for an unknown id.
    pub fn citations(&self, kind: EntityKind, id: String) -> Result<Vec<FactCitation>> {
        Ok(self
            .core()
            .citations_of(kind.into(), &id)?
            .iter()
            .map(FactCitation::from)
            .collect())
    }

    /// The strategy document's metadata.
    pub fn info(&self) -> StrategyInfo {
        StrategyInfo::from(self.core().info())
    }

    /// The actions matching a query, in model order (all actions for an empty query).
    ///
    /// # Errors
    /// `NotFound` for an unknown id; `InvalidArgument` for a malformed value.
    #[uniffi::method(default(query))]
    pub fn actions(&self, query: ActionQuery) -> Result<Vec<Action>> {
        let s = self.core();
        Ok(s.filter_actions(&query.to_filter()?)?
            .into_iter()
            .map(|a| action(s, a))
            .collect())
    }

    /// Every action, in model order.
    pub fn action_list(&self) -> Vec<Action> {
        let s = self.core();
        s.action_list().iter().map(|a| action(s, a)).collect()
    }

    /// The actors.
    pub fn actors(&self) -> Vec<Actor> {
        self.core().actors().iter().map(Actor::from).collect()
    }

    /// All sections and subsections, in document order.
    pub fn sections(&self) -> Vec<Section> {
        self.core().sections().iter().map(Section::from).collect()
    }

    /// The overarching objectives.
    pub fn objectives(&self) -> Vec<Objective> {
        self.core()
            .objectives()
            .iter()
            .map(Objective::from)
            .collect()
    }

    /// The guiding principles.
    pub fn principles(&self) -> Vec<Principle> {
        self.core()
            .principles()
            .iter()
            .map(Principle::from)
            .collect()
    }

    /// The policy areas.
    pub fn themes(&self) -> Vec<Theme> {
        self.core().themes().iter().map(Theme::from).collect()
    }

    /// The threats.
    pub fn threats(&self) -> Vec<Threat> {
        self.core().threats().iter().map(Threat::from).collect()
    }

    /// The legal instruments.
    pub fn instruments(&self) -> Vec<LegalInstrument> {
        self.core()
            .instruments()
            .iter()
            .map(LegalInstrument::from)
            .collect()
    }

    /// Related and follow-up documents.
    pub fn documents(&self) -> Vec<Document> {
        self.core().documents().iter().map(Document::from).collect()
    }

    /// Key figures.
    pub fn figures(&self) -> Vec<KeyFigure> {
        self.core().figures().iter().map(KeyFigure::from).collect()
    }

    /// The action with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn action(&self, id: String) -> Result<Action> {
        let s = self.core();
        Ok(action(s, s.action(&id)?))
    }

    /// The actor with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn actor(&self, id: String) -> Result<Actor> {
        Ok(Actor::from(self.core().actor(&id)?))
    }

    /// The section with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn section(&self, id: String) -> Result<Section> {
        Ok(Section::from(self.core().section(&id)?))
    }

    /// The objective with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn objective(&self, id: String) -> Result<Objective> {
        Ok(Objective::from(self.core().objective(&id)?))
    }

    /// The principle with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn principle(&self, id: String) -> Result<Principle> {
        Ok(Principle::from(self.core().principle(&id)?))
    }

    /// The theme with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn theme(&self, id: String) -> Result<Theme> {
        Ok(Theme::from(self.core().theme(&id)?))
    }

    /// The threat with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn threat(&self, id: String) -> Result<Threat> {
        Ok(Threat::from(self.core().threat(&id)?))
    }

    /// The legal instrument with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn instrument(&self, id: String) -> Result<LegalInstrument> {
        Ok(LegalInstrument::from(self.core().instrument(&id)?))
    }

    /// The document with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn document(&self, id: String) -> Result<Document> {
        Ok(Document::from(self.core().document(&id)?))
    }

    /// The key figure with this id.
    ///
    /// # Errors
    /// `NotFound`, with the closest id as a suggestion.
    pub fn figure(&self, id: String) -> Result<KeyFigure> {
        Ok(KeyFigure::from(self.core().figure(&id)?))
    }

    /// Ranked full-text search across every kind, best first, at most `limit` hits: every
    /// word is optional (hits matching more of the words come first); words match whatever
    /// their case, diacritics, spelling and inflection, as the start of longer words, through
    /// the thesaurus, or corrected when misspelt (see `search_results`).
    #[uniffi::method(default(limit = 10))]
    pub fn search(&self, text: String, limit: u32) -> Vec<SearchHit> {
        self.core()
            .search(&text, limit as usize)
            .into_iter()
            .map(SearchHit::from)
            .collect()
    }

    /// The query as search corrected it when some of its words matched nothing and were
    /// taken for misspellings (`Europool` -> `europol`); null when nothing was corrected.
    pub fn search_correction(&self, text: String) -> Option<String> {
        self.core().search_results(&text, 0).corrected
    }

    /// Actions grouped by due period, read on `as_of` (default: the data set's as-of date).
    ///
    /// # Errors
    /// `InvalidArgument` for a date that does not exist (a Swift `DateComponents` naming no
    /// real day, or missing one of year, month and day).
    #[uniffi::method(default(as_of = None))]
    pub fn timeline(&self, as_of: Option<CalendarDate>) -> Result<Timeline> {
        let s = self.core();
        Ok(timeline(s, &s.timeline(as_of)))
    }

    /// Counts of actions by section, actor, kind and status.
    pub fn stats(&self) -> Stats {
        Stats::from(&self.core().stats())
    }

    /// How far the data reaches, per section and in total: whether each chapter's
    /// key-actions box was read, actions by the best level their sources reach, actions with
    /// dated status events, the newest event.
    pub fn coverage(&self) -> crate::Coverage {
        crate::Coverage::from(&self.core().coverage())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ProtectEuError;

    #[test]
    fn query_values_become_the_core_values() {
        let q = ActionQuery {
            kind: Some(ActionKind::LegislativeProposal),
            status: Some(Status::ProvisionalAgreement),
            progress: Some(ActionProgress::Delivered),
            as_of: protecteu::parse_date("2026-06-30").ok(),
            due_in: Some(Period {
                year: 2026,
                half: Some(2),
                quarter: None,
            }),
            ..Default::default()
        };
        let f = q.to_filter().unwrap();
        assert_eq!(f.kind, Some(protecteu::ActionKind::LegislativeProposal));
        assert_eq!(f.status, Some(protecteu::Status::ProvisionalAgreement));
        assert_eq!(f.progress, Some(protecteu::Progress::Delivered));
        assert_eq!(f.as_of, protecteu::parse_date("2026-06-30").ok());
        assert_eq!(f.due_in.map(|p| p.to_string()).as_deref(), Some("2026-H2"));
        assert!(Strategy::embedded().unwrap().actions(q).is_ok());
    }

    #[test]
    fn a_period_that_does_not_exist_is_an_invalid_argument() {
        let q = ActionQuery {
            due_by: Some(Period {
                year: 2026,
                half: None,
                quarter: Some(5),
            }),
            ..Default::default()
        };
        match Strategy::embedded().unwrap().actions(q) {
            Err(ProtectEuError::InvalidArgument { details }) => {
                assert!(details.starts_with("invalid period"), "{details}");
            }
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
    }

    /// Notes on an instrument and a document, another number, and a provisional agreement.
    const NEW_FIELDS: &str = r#"
[[actions]]
id = "europol-mandate-revision"
amends = true

[[actions.status]]
date = "2026-06-29"
status = "provisional_agreement"
note = "An example: a provisional agreement reached in trilogue."

[[actions.status.citations]]
source = "dg-home-internal-security-page"
locator = "an example"
verification = "official_summary"

[[instruments]]
id = "europol-regulation"
amends = true
notes = "An example note on the instrument."

[[instruments.citations]]
source = "dg-home-internal-security-page"
fields = ["notes"]
verification = "official_summary"

[[documents]]
id = "com-2025-148"
amends = true
other_numbers = ["SWD(2025) 999 final"]
notes = "An example note on the document."

[[documents.citations]]
source = "dg-home-internal-security-page"
fields = ["notes", "other_numbers"]
verification = "official_summary"
"#;

    #[test]
    fn records_carry_the_new_fields_and_status() {
        let s = Strategy::embedded()
            .unwrap()
            .with_overlay_text(NEW_FIELDS.into(), "fields.toml".into())
            .unwrap();
        let i = s.instrument("europol-regulation".into()).unwrap();
        assert_eq!(
            i.notes.as_deref(),
            Some("An example note on the instrument.")
        );
        let d = s.document("com-2025-148".into()).unwrap();
        assert_eq!(d.other_numbers, ["SWD(2025) 999 final"]);
        assert_eq!(d.notes.as_deref(), Some("An example note on the document."));
        let a = s.action("europol-mandate-revision".into()).unwrap();
        assert_eq!(a.status, Status::ProvisionalAgreement);
        assert_eq!(a.progress, ActionProgress::Delivered);
        let q = ActionQuery {
            status: Some(Status::ProvisionalAgreement),
            ..Default::default()
        };
        let ids: Vec<String> = s.actions(q).unwrap().into_iter().map(|a| a.id).collect();
        assert!(
            ids.contains(&"europol-mandate-revision".to_owned()),
            "{ids:?}"
        );
        let changes = s.overlay_changes();
        let of = |kind: EntityKind| changes.iter().find(|c| c.kind == Some(kind)).unwrap();
        assert_eq!(changes.len(), 3);
        assert_eq!(of(EntityKind::Action).status_events_added, 1);
        assert_eq!(of(EntityKind::Instrument).replaced, ["notes"]);
    }

    #[test]
    fn provenance_is_exposed_and_the_fingerprint_can_be_pinned() {
        let s = Strategy::embedded().unwrap();
        let f = s.fingerprint();
        assert_eq!(
            f,
            protecteu::fingerprint_of(&protecteu::strategy().to_canonical_json())
        );
        assert!(s.expect_fingerprint(f.to_uppercase()).is_ok());
        match s.expect_fingerprint("00".into()) {
            Err(ProtectEuError::FingerprintMismatch {
                expected,
                actual,
                details,
            }) => {
                assert_eq!((expected.as_str(), actual.as_str()), ("00", f.as_str()));
                assert!(details.contains("00") && details.contains(&f), "{details}");
            }
            other => panic!("expected FingerprintMismatch, got {other:?}"),
        }
        let rows = s.source_usage(None);
        assert_eq!(rows.len(), s.sources().len());
        assert!(rows.iter().all(|u| u.facts > 0
            && u.levels.iter().all(|l| {
                protecteu::Verification::from(*l).allowed_for(u.source.publisher_class.into())
            })));
        let figures = s.source_usage(Some(EntityKind::Figure));
        assert!(!figures.is_empty() && figures.len() < rows.len());
        let first = &rows[0].source;
        assert_eq!(&s.source(first.id.clone()).unwrap(), first);
        let cites = s
            .citations(EntityKind::Action, "lawful-access-roadmap".into())
            .unwrap();
        for field in ["lead", "timing", "status[0]"] {
            assert!(cites.iter().any(|c| c.field == field), "{field}");
        }
        assert!(matches!(
            s.citations(EntityKind::Action, "no-such-action".into()),
            Err(ProtectEuError::NotFound { .. })
        ));
        let a = s.action("lawful-access-roadmap".into()).unwrap();
        assert!(a
            .citations
            .iter()
            .all(|c| s.source(c.source.clone()).is_ok()));
    }
}
