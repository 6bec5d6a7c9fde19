//! The loaded, validated and indexed model, with lookups and relations.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::error::{Error, Result};
use crate::model::thesaurus::Thesaurus;
use crate::model::*;

/// Positions of entities by id, for one kind.
pub(crate) type IdIndex = HashMap<String, usize>;

/// Indexes built once at load; every query reads them instead of scanning.
#[derive(Debug, Default)]
pub(crate) struct Indexes {
    pub objective: IdIndex,
    pub principle: IdIndex,
    pub section: IdIndex,
    pub theme: IdIndex,
    pub threat: IdIndex,
    pub action: IdIndex,
    pub actor: IdIndex,
    pub instrument: IdIndex,
    pub document: IdIndex,
    pub figure: IdIndex,
    pub source: IdIndex,
    /// Per section: the positions of the section and all its subsections, in document order.
    pub section_tree: Vec<Vec<usize>>,
    /// Per section: actions of the section and its subsections (sorted positions).
    pub actions_by_section_tree: Vec<Vec<usize>>,
    /// Per section: actions directly in it.
    pub actions_by_section: Vec<Vec<usize>>,
    pub actions_by_actor: Vec<Vec<usize>>,
    pub actions_by_lead: Vec<Vec<usize>>,
    pub actions_by_theme: Vec<Vec<usize>>,
    pub actions_by_threat: Vec<Vec<usize>>,
    pub actions_by_objective: Vec<Vec<usize>>,
    pub actions_by_instrument: Vec<Vec<usize>>,
    pub actions_by_kind: HashMap<ActionKind, Vec<usize>>,
    /// Actions by their status as of the data set's date.
    pub actions_by_status: HashMap<Status, Vec<usize>>,
    /// (deadline, action) sorted by deadline, then position.
    pub actions_by_deadline: Vec<(NaiveDate, usize)>,
    /// Per action: documents that deliver it or serve as evidence of its status.
    pub documents_by_action: Vec<Vec<usize>>,
    /// The full-text index, built on first use by `query::search` (which owns its type: the
    /// model knows nothing of search, hence the type-erased slot).
    pub search: super::derived::Derived,
    /// The search thesaurus: the embedded one, extended by overlays (set by `load`).
    pub thesaurus: std::sync::Arc<Thesaurus>,
    /// SHA-256 of the canonical JSON, computed on first use.
    pub fingerprint: once_cell::sync::OnceCell<String>,
}

/// The whole strategy: every entity, validated, with indexes for queries.
///
/// Get the embedded data set with [`crate::strategy()`], or load your own with
/// [`Strategy::from_path`] or [`str::parse`].
///
/// ```
/// let s = protecteu::strategy();
/// assert_eq!(s.info().document_number, "COM(2025) 148 final");
/// let europol = s.actor("europol").unwrap();
/// assert_eq!(europol.abbreviation.as_deref(), Some("Europol"));
/// ```
#[derive(Debug)]
pub struct Strategy {
    pub(crate) dataset: Dataset,
    pub(crate) info: StrategyInfo,
    pub(crate) objectives: Vec<Objective>,
    pub(crate) principles: Vec<Principle>,
    pub(crate) sections: Vec<Section>,
    pub(crate) themes: Vec<Theme>,
    pub(crate) threats: Vec<Threat>,
    pub(crate) actions: Vec<Action>,
    pub(crate) actors: Vec<Actor>,
    pub(crate) instruments: Vec<LegalInstrument>,
    pub(crate) documents: Vec<Document>,
    pub(crate) figures: Vec<KeyFigure>,
    pub(crate) sources: Vec<Source>,
    pub(crate) idx: Indexes,
}

impl Strategy {
    /// Builds every index from the entities; loaders call it once.
    pub(crate) fn build_indexes(&mut self) {
        fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> IdIndex {
            items
                .iter()
                .enumerate()
                .map(|(i, e)| (id(e).to_owned(), i))
                .collect()
        }
        let mut x = Indexes {
            objective: ids(&self.objectives, |e| e.id.as_str()),
            principle: ids(&self.principles, |e| e.id.as_str()),
            section: ids(&self.sections, |e| e.id.as_str()),
            theme: ids(&self.themes, |e| e.id.as_str()),
            threat: ids(&self.threats, |e| e.id.as_str()),
            action: ids(&self.actions, |e| e.id.as_str()),
            actor: ids(&self.actors, |e| e.id.as_str()),
            instrument: ids(&self.instruments, |e| e.id.as_str()),
            document: ids(&self.documents, |e| e.id.as_str()),
            figure: ids(&self.figures, |e| e.id.as_str()),
            source: ids(&self.sources, |e| e.id.as_str()),
            thesaurus: std::mem::take(&mut self.idx.thesaurus),
            ..Indexes::default()
        };
        let n_sections = self.sections.len();
        // Section trees: each section's subtree in document order.
        let parent: Vec<Option<usize>> = self
            .sections
            .iter()
            .map(|s| {
                s.parent
                    .as_ref()
                    .and_then(|p| x.section.get(p.as_str()).copied())
            })
            .collect();
        // Each section joins the tree of itself and of every ancestor: one walk up per section
        // (linear in sections times depth), in document order because sections are visited in
        // order. The step bound guards against a cycle (validation rejects those anyway).
        x.section_tree = vec![Vec::new(); n_sections];
        for s in 0..n_sections {
            let mut cur = Some(s);
            let mut steps = 0;
            while let Some(c) = cur {
                if let Some(tree) = x.section_tree.get_mut(c) {
                    if tree.last() != Some(&s) {
                        tree.push(s);
                    }
                }
                cur = parent.get(c).copied().flatten();
                steps += 1;
                if steps > n_sections {
                    break;
                }
            }
        }
        x.actions_by_section = vec![Vec::new(); n_sections];
        x.actions_by_actor = vec![Vec::new(); self.actors.len()];
        x.actions_by_lead = vec![Vec::new(); self.actors.len()];
        x.actions_by_theme = vec![Vec::new(); self.themes.len()];
        x.actions_by_threat = vec![Vec::new(); self.threats.len()];
        x.actions_by_objective = vec![Vec::new(); self.objectives.len()];
        x.actions_by_instrument = vec![Vec::new(); self.instruments.len()];
        x.documents_by_action = vec![Vec::new(); self.actions.len()];
        fn post(lists: &mut [Vec<usize>], index: &IdIndex, id: &str, pos: usize) {
            if let Some(&k) = index.get(id) {
                if lists[k].last() != Some(&pos) {
                    lists[k].push(pos);
                }
            }
        }
        let as_of = self.dataset.as_of;
        for (i, a) in self.actions.iter().enumerate() {
            post(&mut x.actions_by_section, &x.section, a.section.as_str(), i);
            for id in &a.lead {
                post(&mut x.actions_by_lead, &x.actor, id.as_str(), i);
                post(&mut x.actions_by_actor, &x.actor, id.as_str(), i);
            }
            for id in &a.involved {
                post(&mut x.actions_by_actor, &x.actor, id.as_str(), i);
            }
            for id in &a.themes {
                post(&mut x.actions_by_theme, &x.theme, id.as_str(), i);
            }
            for id in &a.threats {
                post(&mut x.actions_by_threat, &x.threat, id.as_str(), i);
            }
            for id in &a.objectives {
                post(&mut x.actions_by_objective, &x.objective, id.as_str(), i);
            }
            for id in &a.instruments {
                post(&mut x.actions_by_instrument, &x.instrument, id.as_str(), i);
            }
            x.actions_by_kind.entry(a.kind).or_default().push(i);
            x.actions_by_status
                .entry(status_at(a, as_of))
                .or_default()
                .push(i);
            if let Some(d) = a.timing.deadline() {
                x.actions_by_deadline.push((d, i));
            }
            for e in &a.status {
                if let Some(doc) = e.evidence.as_ref().and_then(|d| x.document.get(d.as_str())) {
                    x.documents_by_action[i].push(*doc);
                }
            }
        }
        for list in &mut x.actions_by_actor {
            list.sort_unstable();
            list.dedup();
        }
        x.actions_by_deadline.sort_unstable();
        x.actions_by_section_tree = x
            .section_tree
            .iter()
            .map(|tree| {
                let mut all: Vec<usize> = tree
                    .iter()
                    .flat_map(|&s| x.actions_by_section[s].iter().copied())
                    .collect();
                all.sort_unstable();
                all
            })
            .collect();
        for (d, doc) in self.documents.iter().enumerate() {
            for a in &doc.delivers {
                if let Some(&ai) = x.action.get(a.as_str()) {
                    x.documents_by_action[ai].push(d);
                }
            }
        }
        for list in &mut x.documents_by_action {
            list.sort_unstable();
            list.dedup();
        }
        self.idx = x;
    }

    // ---- whole collections --------------------------------------------------------------

    /// Version and as-of date of the data set.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The strategy document's metadata.
    pub fn info(&self) -> &StrategyInfo {
        &self.info
    }

    /// The overarching objectives, in the source's order.
    pub fn objectives(&self) -> &[Objective] {
        &self.objectives
    }

    /// The guiding principles, in the source's order.
    pub fn principles(&self) -> &[Principle] {
        &self.principles
    }

    /// All sections and subsections, in document order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The policy areas.
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    /// The threats.
    pub fn threats(&self) -> &[Threat] {
        &self.threats
    }

    /// Every action, in model order (the order of the data files: section by section).
    pub fn action_list(&self) -> &[Action] {
        &self.actions
    }

    /// The actors.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The legal instruments.
    pub fn instruments(&self) -> &[LegalInstrument] {
        &self.instruments
    }

    /// Related and follow-up documents.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// Key figures.
    pub fn figures(&self) -> &[KeyFigure] {
        &self.figures
    }

    /// The source registry: every publication the facts cite, once, in data-file order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    // ---- lookups ------------------------------------------------------------------------

    pub(crate) fn find<'a, T>(
        &self,
        kind: EntityKind,
        items: &'a [T],
        index: &IdIndex,
        id: &str,
    ) -> Result<&'a T> {
        index
            .get(id)
            .and_then(|&i| items.get(i))
            .ok_or_else(|| not_found(kind, index, id))
    }

    /// The objective with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn objective(&self, id: &str) -> Result<&Objective> {
        self.find(
            EntityKind::Objective,
            &self.objectives,
            &self.idx.objective,
            id,
        )
    }

    /// The principle with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn principle(&self, id: &str) -> Result<&Principle> {
        self.find(
            EntityKind::Principle,
            &self.principles,
            &self.idx.principle,
            id,
        )
    }

    /// The section with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn section(&self, id: &str) -> Result<&Section> {
        self.find(EntityKind::Section, &self.sections, &self.idx.section, id)
    }

    /// The theme with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn theme(&self, id: &str) -> Result<&Theme> {
        self.find(EntityKind::Theme, &self.themes, &self.idx.theme, id)
    }

    /// The threat with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn threat(&self, id: &str) -> Result<&Threat> {
        self.find(EntityKind::Threat, &self.threats, &self.idx.threat, id)
    }

    /// The action with this id.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let err = s.action("europol-mandate-revison").unwrap_err();
    /// assert_eq!(err.to_string(), "unknown action 'europol-mandate-revison'; did you mean 'europol-mandate-revision'?");
    /// ```
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn action(&self, id: &str) -> Result<&Action> {
        self.find(EntityKind::Action, &self.actions, &self.idx.action, id)
    }

    /// The position of the action with this id in [`Strategy::action_list`].
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let i = s.action_position("europol-mandate-revision").unwrap();
    /// assert_eq!(s.action_list()[i].id, "europol-mandate-revision");
    /// ```
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn action_position(&self, id: &str) -> Result<usize> {
        let index = &self.idx.action;
        index
            .get(id)
            .copied()
            .ok_or_else(|| not_found(EntityKind::Action, index, id))
    }

    /// The actor with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn actor(&self, id: &str) -> Result<&Actor> {
        self.find(EntityKind::Actor, &self.actors, &self.idx.actor, id)
    }

    /// The legal instrument with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn instrument(&self, id: &str) -> Result<&LegalInstrument> {
        self.find(
            EntityKind::Instrument,
            &self.instruments,
            &self.idx.instrument,
            id,
        )
    }

    /// The document with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn document(&self, id: &str) -> Result<&Document> {
        self.find(
            EntityKind::Document,
            &self.documents,
            &self.idx.document,
            id,
        )
    }

    /// The key figure with this id.
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn figure(&self, id: &str) -> Result<&KeyFigure> {
        self.find(EntityKind::Figure, &self.figures, &self.idx.figure, id)
    }

    /// A source of the registry by id.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let first = &s.sources()[0];
    /// assert_eq!(s.source(first.id.as_str()).unwrap().title, first.title);
    /// ```
    ///
    /// # Errors
    /// [`Error::NotFound`], with the closest id as a suggestion.
    pub fn source(&self, id: &str) -> Result<&Source> {
        self.find(EntityKind::Source, &self.sources, &self.idx.source, id)
    }

    /// The kinds that have an entity with this id (ids are unique within a kind only).
    pub fn kinds_of(&self, id: &str) -> Vec<EntityKind> {
        self.positions_of(id).into_iter().map(|p| p.0).collect()
    }

    /// The entities with this id, as (kind, position in its list), in kind order.
    pub(crate) fn positions_of(&self, id: &str) -> Vec<(EntityKind, usize)> {
        let x = &self.idx;
        let mut out = Vec::new();
        if self.info.id == id {
            out.push((EntityKind::Strategy, 0));
        }
        for (kind, index) in [
            (EntityKind::Objective, &x.objective),
            (EntityKind::Principle, &x.principle),
            (EntityKind::Section, &x.section),
            (EntityKind::Theme, &x.theme),
            (EntityKind::Threat, &x.threat),
            (EntityKind::Action, &x.action),
            (EntityKind::Actor, &x.actor),
            (EntityKind::Instrument, &x.instrument),
            (EntityKind::Document, &x.document),
            (EntityKind::Figure, &x.figure),
            (EntityKind::Source, &x.source),
        ] {
            if let Some(&pos) = index.get(id) {
                out.push((kind, pos));
            }
        }
        out
    }

    /// The closest id of any kind to `id`, for "did you mean" hints.
    pub fn suggest_any(&self, id: &str) -> Option<String> {
        let x = &self.idx;
        let all = [
            &x.objective,
            &x.principle,
            &x.section,
            &x.theme,
            &x.threat,
            &x.action,
            &x.actor,
            &x.instrument,
            &x.document,
            &x.figure,
        ];
        crate::model::suggest::closest(
            id,
            all.into_iter().flat_map(|m| m.keys().map(String::as_str)),
        )
        .map(str::to_owned)
    }

    // ---- relations ----------------------------------------------------------------------

    pub(crate) fn actions_at(&self, positions: &[usize]) -> Vec<&Action> {
        positions
            .iter()
            .filter_map(|&i| self.actions.get(i))
            .collect()
    }

    /// Subsections directly under a section, in document order.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown section.
    pub fn subsections(&self, section: &str) -> Result<Vec<&Section>> {
        let s = self.section(section)?;
        Ok(self
            .sections
            .iter()
            .filter(|x| x.parent.as_ref() == Some(&s.id))
            .collect())
    }

    /// Actions of a section, with those of its subsections when `with_subsections` is true.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown section.
    pub fn actions_in_section(
        &self,
        section: &str,
        with_subsections: bool,
    ) -> Result<Vec<&Action>> {
        self.section(section)?;
        let i = self.idx.section[section];
        Ok(self.actions_at(if with_subsections {
            &self.idx.actions_by_section_tree[i]
        } else {
            &self.idx.actions_by_section[i]
        }))
    }

    /// Actions an actor leads or is involved in.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown actor.
    pub fn actions_of_actor(&self, actor: &str) -> Result<Vec<&Action>> {
        self.actor(actor)?;
        Ok(self.actions_at(&self.idx.actions_by_actor[self.idx.actor[actor]]))
    }

    /// Actions that build on or revise a legal instrument.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown instrument.
    pub fn actions_on_instrument(&self, instrument: &str) -> Result<Vec<&Action>> {
        self.instrument(instrument)?;
        Ok(self.actions_at(&self.idx.actions_by_instrument[self.idx.instrument[instrument]]))
    }

    /// Actions that address a threat.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown threat.
    pub fn actions_against_threat(&self, threat: &str) -> Result<Vec<&Action>> {
        self.threat(threat)?;
        Ok(self.actions_at(&self.idx.actions_by_threat[self.idx.threat[threat]]))
    }

    /// Actions under a theme.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown theme.
    pub fn actions_in_theme(&self, theme: &str) -> Result<Vec<&Action>> {
        self.theme(theme)?;
        Ok(self.actions_at(&self.idx.actions_by_theme[self.idx.theme[theme]]))
    }

    /// Actions serving an objective.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown objective.
    pub fn actions_for_objective(&self, objective: &str) -> Result<Vec<&Action>> {
        self.objective(objective)?;
        Ok(self.actions_at(&self.idx.actions_by_objective[self.idx.objective[objective]]))
    }

    /// Actions a document delivers (its `delivers` list, plus actions citing it as evidence).
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown document.
    pub fn actions_delivered_by(&self, document: &str) -> Result<Vec<&Action>> {
        self.document(document)?;
        let d = self.idx.document[document];
        Ok(self
            .actions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.idx.documents_by_action[*i].contains(&d))
            .map(|(_, a)| a)
            .collect())
    }

    /// Documents that deliver an action or evidence its status, in model order.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown action.
    pub fn documents_of_action(&self, action: &str) -> Result<Vec<&Document>> {
        self.action(action)?;
        Ok(self.idx.documents_by_action[self.idx.action[action]]
            .iter()
            .filter_map(|&d| self.documents.get(d))
            .collect())
    }

    /// An action's status on a date: the latest status event on or before it, `Announced`
    /// if there is none.
    pub fn status_of(&self, action: &Action, on: NaiveDate) -> Status {
        status_at(action, on)
    }

    /// An action's status as of the data set's date.
    pub fn current_status(&self, action: &Action) -> Status {
        status_at(action, self.dataset.as_of)
    }
}

/// The latest status on or before `on`.
pub(crate) fn status_at(action: &Action, on: NaiveDate) -> Status {
    action
        .status
        .iter()
        .take_while(|e| e.date <= on)
        .last()
        .map_or(Status::Announced, |e| e.status)
}

/// The error for an unknown id, with the closest known id as a suggestion.
fn not_found(kind: EntityKind, index: &IdIndex, id: &str) -> Error {
    Error::NotFound {
        kind,
        id: id.to_owned(),
        suggestion: crate::model::suggest::closest(id, index.keys().map(String::as_str))
            .map(str::to_owned),
    }
}

impl Strategy {
    pub(crate) fn id_at(&self, kind: EntityKind, pos: usize) -> String {
        let id = match kind {
            EntityKind::Strategy => Some(self.info.id.as_str()),
            EntityKind::Objective => self.objectives.get(pos).map(|e| e.id.as_str()),
            EntityKind::Principle => self.principles.get(pos).map(|e| e.id.as_str()),
            EntityKind::Section => self.sections.get(pos).map(|e| e.id.as_str()),
            EntityKind::Theme => self.themes.get(pos).map(|e| e.id.as_str()),
            EntityKind::Threat => self.threats.get(pos).map(|e| e.id.as_str()),
            EntityKind::Action => self.actions.get(pos).map(|e| e.id.as_str()),
            EntityKind::Actor => self.actors.get(pos).map(|e| e.id.as_str()),
            EntityKind::Instrument => self.instruments.get(pos).map(|e| e.id.as_str()),
            EntityKind::Document => self.documents.get(pos).map(|e| e.id.as_str()),
            EntityKind::Figure => self.figures.get(pos).map(|e| e.id.as_str()),
            EntityKind::Source => self.sources.get(pos).map(|e| e.id.as_str()),
        };
        id.unwrap_or_default().to_owned()
    }

    /// The title (or name, or statement) of an entity, for listings.
    pub(crate) fn title_at(&self, kind: EntityKind, pos: usize) -> String {
        let t = match kind {
            EntityKind::Strategy => Some(self.info.title.as_str()),
            EntityKind::Objective => self.objectives.get(pos).map(|e| e.title.as_str()),
            EntityKind::Principle => self.principles.get(pos).map(|e| e.title.as_str()),
            EntityKind::Section => self.sections.get(pos).map(|e| e.title.as_str()),
            EntityKind::Theme => self.themes.get(pos).map(|e| e.name.as_str()),
            EntityKind::Threat => self.threats.get(pos).map(|e| e.name.as_str()),
            EntityKind::Action => self.actions.get(pos).map(|e| e.title.as_str()),
            EntityKind::Actor => self.actors.get(pos).map(|e| e.name.as_str()),
            EntityKind::Instrument => self.instruments.get(pos).map(|e| e.short_title.as_str()),
            EntityKind::Document => self.documents.get(pos).map(|e| e.title.as_str()),
            EntityKind::Figure => self.figures.get(pos).map(|e| e.statement.as_str()),
            EntityKind::Source => self.sources.get(pos).map(|e| e.title.as_str()),
        };
        t.unwrap_or_default().to_owned()
    }

    /// A model without entities, returned when the embedded data cannot be loaded.
    pub(crate) fn empty() -> Strategy {
        Strategy {
            dataset: Dataset {
                version: "0.0.0".into(),
                as_of: chrono::NaiveDate::MIN,
                notes: Some("empty model: the embedded data could not be loaded".into()),
            },
            info: StrategyInfo {
                id: String::new(),
                title: String::new(),
                full_title: String::new(),
                document_number: String::new(),
                celex: None,
                celex_note: None,
                date: chrono::NaiveDate::MIN,
                place: None,
                url: None,
                period: None,
                summary: String::new(),
                citations: Vec::new(),
            },
            objectives: Vec::new(),
            principles: Vec::new(),
            sections: Vec::new(),
            themes: Vec::new(),
            threats: Vec::new(),
            actions: Vec::new(),
            actors: Vec::new(),
            instruments: Vec::new(),
            documents: Vec::new(),
            figures: Vec::new(),
            sources: Vec::new(),
            idx: Default::default(),
        }
    }
}
