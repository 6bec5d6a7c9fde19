//! What of each entity search reads, field by field, and the [`Strategy`] search methods.

use super::analyze::Language;
use super::excerpt::match_info;
use super::index::{
    average_length, contains_run, Field, IndexBuilder, IndexPart, Mode, Ranked, SearchIndex,
};
use super::{SearchHit, SearchResults};
use crate::model::strategy::Strategy;
use crate::model::EntityKind;

/// Entities from which the search index is built on two threads (below, starting a thread
/// costs more than it saves).
pub(crate) const PARALLEL_MIN_DOCS: usize = 1000;

/// Runs `a` here and `b` on a second thread, or both here when no thread can start (or `b`'s
/// thread panicked: then `b` runs again here).
fn on_two_threads<A, B>(a: impl FnOnce() -> A, b: impl Fn() -> B + Sync) -> (A, B)
where
    B: Send,
{
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("protecteu-search-index".into())
            .spawn_scoped(scope, &b);
        let x = a();
        let y = match spawned.map(|h| h.join()) {
            Ok(Ok(y)) => y,
            _ => b(),
        };
        (x, y)
    })
}

impl Strategy {
    /// Calls `out(Some(field), text)` with every searchable text of an entity, and
    /// `out(None, name)` with the strings other than its id that a query may equal exactly
    /// (abbreviation, official numbers; a query naming an id is looked up in the model's id
    /// indexes).
    pub(crate) fn search_fields(
        &self,
        kind: EntityKind,
        pos: usize,
        out: &mut dyn FnMut(Option<Field>, &str),
    ) {
        use Field::*;
        fn opt(s: &Option<String>) -> &str {
            s.as_deref().unwrap_or("")
        }
        match kind {
            EntityKind::Strategy => {
                let e = &self.info;
                out(None, &e.document_number);
                out(Some(Title), &e.title);
                out(Some(Title), &e.full_title);
                out(Some(Id), &e.id);
                out(Some(Id), &e.document_number);
                out(Some(Summary), &e.summary);
            }
            EntityKind::Objective => {
                if let Some(e) = self.objectives.get(pos) {
                    out(Some(Title), &e.title);
                    out(Some(Id), e.id.as_str());
                    out(Some(Summary), &e.summary);
                }
            }
            EntityKind::Principle => {
                if let Some(e) = self.principles.get(pos) {
                    out(Some(Title), &e.title);
                    out(Some(Id), e.id.as_str());
                    out(Some(Summary), &e.summary);
                }
            }
            EntityKind::Section => {
                if let Some(e) = self.sections.get(pos) {
                    out(Some(Title), &e.title);
                    out(Some(Id), e.id.as_str());
                    out(Some(Summary), opt(&e.summary));
                }
            }
            EntityKind::Theme => {
                if let Some(e) = self.themes.get(pos) {
                    out(Some(Title), &e.name);
                    out(Some(Id), e.id.as_str());
                    out(Some(Summary), &e.summary);
                }
            }
            EntityKind::Threat => {
                if let Some(e) = self.threats.get(pos) {
                    out(Some(Title), &e.name);
                    out(Some(Id), e.id.as_str());
                    out(Some(Summary), &e.summary);
                }
            }
            EntityKind::Action => {
                if let Some(e) = self.actions.get(pos) {
                    out(Some(Title), &e.title);
                    out(Some(Id), e.id.as_str());
                    out(Some(Summary), &e.summary);
                    out(Some(Notes), opt(&e.notes));
                    for i in &e.instruments {
                        if let Some(x) = self
                            .idx
                            .instrument
                            .get(i.as_str())
                            .and_then(|&p| self.instruments.get(p))
                        {
                            out(Some(Cited), &x.short_title);
                        }
                    }
                    for &d in self.idx.documents_by_action.get(pos).into_iter().flatten() {
                        if let Some(x) = self.documents.get(d) {
                            out(Some(Cited), &x.title);
                        }
                    }
                }
            }
            EntityKind::Actor => {
                if let Some(e) = self.actors.get(pos) {
                    out(None, opt(&e.abbreviation));
                    out(Some(Title), &e.name);
                    out(Some(Id), opt(&e.abbreviation));
                    out(Some(Id), e.id.as_str());
                    if let Some(x) = e
                        .founding_act
                        .as_ref()
                        .and_then(|i| self.idx.instrument.get(i.as_str()))
                        .and_then(|&p| self.instruments.get(p))
                    {
                        out(Some(Cited), &x.short_title);
                    }
                }
            }
            EntityKind::Instrument => {
                if let Some(e) = self.instruments.get(pos) {
                    out(None, &e.number);
                    out(None, opt(&e.celex));
                    out(Some(Title), &e.short_title);
                    out(Some(Id), &e.number);
                    out(Some(Id), e.id.as_str());
                    out(Some(Id), opt(&e.celex));
                    out(Some(Notes), opt(&e.notes));
                }
            }
            EntityKind::Document => {
                if let Some(e) = self.documents.get(pos) {
                    out(None, opt(&e.number));
                    out(None, opt(&e.celex));
                    out(Some(Title), &e.title);
                    out(Some(Id), opt(&e.number));
                    out(Some(Id), e.id.as_str());
                    out(Some(Id), opt(&e.procedure));
                    for n in &e.other_numbers {
                        out(None, n);
                        out(Some(Id), n);
                    }
                    out(Some(Notes), opt(&e.notes));
                    for a in &e.delivers {
                        if let Some(x) = self
                            .idx
                            .action
                            .get(a.as_str())
                            .and_then(|&p| self.actions.get(p))
                        {
                            out(Some(Cited), &x.title);
                        }
                    }
                }
            }
            EntityKind::Figure => {
                if let Some(e) = self.figures.get(pos) {
                    out(Some(Title), &e.statement);
                    out(Some(Id), e.id.as_str());
                    out(Some(Summary), &e.value);
                }
            }
            // The source registry is provenance, not content: it is not searched.
            EntityKind::Source => {}
        }
    }

    /// The full-text index, built on first use.
    pub(crate) fn search_index(&self) -> &SearchIndex {
        static EMPTY: once_cell::sync::Lazy<SearchIndex> =
            once_cell::sync::Lazy::new(SearchIndex::default);
        self.idx
            .search
            .get_or_init(|| self.build_search())
            .unwrap_or(&EMPTY)
    }

    /// Builds the full-text index of every entity: with [`PARALLEL_MIN_DOCS`] entities or
    /// more, each half of the entities is read, and then sorted into postings, on a thread of
    /// its own where a second thread can start (the joined index is the one a single pass
    /// makes).
    pub(crate) fn build_search(&self) -> SearchIndex {
        let docs = self.all_docs();
        let parallel = docs.len() >= PARALLEL_MIN_DOCS
            && std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
        self.build_search_with(&docs, parallel)
    }

    /// [`Strategy::build_search`] of `docs`, in two halves on two threads or in one pass.
    fn build_search_with(&self, docs: &[(EntityKind, usize)], parallel: bool) -> SearchIndex {
        let thesaurus = self.idx.thesaurus.clone();
        if !parallel {
            let parts = vec![self.index_part(docs)];
            return SearchIndex::from_parts(Language::English, thesaurus, parts);
        }
        let (first, second) = docs.split_at(docs.len() / 2);
        let parts = on_two_threads(|| self.index_part(first), || self.index_part(second));
        let avg = average_length(&[&parts.0, &parts.1]);
        let (a, b) = parts;
        let (pa, pb) = on_two_threads(|| a.postings(avg, 0), || b.postings(avg, a.docs() as u32));
        SearchIndex::join(Language::English, thesaurus, vec![(a, pa), (b, pb)])
    }

    /// Every entity search reads, in index order.
    fn all_docs(&self) -> Vec<(EntityKind, usize)> {
        (self.doc_counts().iter())
            .flat_map(|&(kind, n)| (0..n).map(move |pos| (kind, pos)))
            .collect()
    }

    /// The number of the entity at `pos` of `kind` in the index (see [`Strategy::all_docs`]).
    fn doc_number(&self, kind: EntityKind, pos: usize) -> Option<u32> {
        let mut before = 0;
        for &(k, n) in &self.doc_counts() {
            if k == kind {
                return (pos < n).then(|| (before + pos) as u32);
            }
            before += n;
        }
        None
    }

    /// The docs of the index whose id is `id`, in doc order.
    fn docs_with_id(&self, id: &str) -> Vec<u32> {
        let ids = self.positions_of(id).into_iter();
        ids.filter_map(|(kind, pos)| self.doc_number(kind, pos))
            .collect()
    }

    /// The kinds search reads, in index order, with their number of entities.
    fn doc_counts(&self) -> [(EntityKind, usize); 11] {
        [
            (EntityKind::Strategy, 1),
            (EntityKind::Objective, self.objectives.len()),
            (EntityKind::Principle, self.principles.len()),
            (EntityKind::Section, self.sections.len()),
            (EntityKind::Theme, self.themes.len()),
            (EntityKind::Threat, self.threats.len()),
            (EntityKind::Action, self.actions.len()),
            (EntityKind::Actor, self.actors.len()),
            (EntityKind::Instrument, self.instruments.len()),
            (EntityKind::Document, self.documents.len()),
            (EntityKind::Figure, self.figures.len()),
        ]
    }

    /// The index of a run of entities.
    pub(crate) fn index_part(&self, docs: &[(EntityKind, usize)]) -> IndexPart {
        let mut b = IndexBuilder::new(docs.len());
        for &(kind, pos) in docs {
            b.doc(kind, pos);
            self.search_fields(kind, pos, &mut |f, t| match f {
                Some(f) => b.field(f, t),
                None => b.name(t),
            });
        }
        b.finish()
    }

    fn ranked(
        &self,
        text: &str,
        only: Option<EntityKind>,
        limit: usize,
        mode: Mode,
    ) -> (Vec<Ranked>, super::index::Plan) {
        let ix = self.search_index();
        let plan = ix.plan(text, mode, &|id| self.docs_with_id(id));
        let phrase = |d: u32, seq: &[String]| -> (Option<bool>, bool) {
            let Some(doc) = ix.doc(d) else {
                return (None, false);
            };
            let mut found: Option<bool> = None;
            let mut equals = false;
            self.search_fields(doc.kind, doc.pos, &mut |f, t| {
                let Some(f) = f else { return };
                {
                    if found == Some(true) || t.is_empty() {
                        return;
                    }
                    let hay = ix.sequence_of(t);
                    if f == Field::Title
                        && hay.len() == seq.len()
                        && hay.iter().zip(seq).all(|(a, b)| *a == b.as_str())
                    {
                        equals = true;
                    }
                    if contains_run(&hay, seq) {
                        found = Some(f == Field::Title || found == Some(true));
                    }
                }
            });
            (found, equals)
        };
        let hits = ix.rank(&plan, only, limit, mode, &phrase);
        (hits, plan)
    }

    /// Positions of the entities of one kind matching every word of `text` (stemmed, with
    /// prefixes and thesaurus forms; no spelling correction), in model order.
    pub(crate) fn text_matches(&self, text: &str, kind: EntityKind) -> Vec<usize> {
        let (hits, _) = self.ranked(text, Some(kind), usize::MAX, Mode::All);
        let mut out: Vec<usize> = hits.into_iter().map(|r| r.doc.pos).collect();
        out.sort_unstable();
        out
    }

    /// Ranked full-text search across every kind, best first, at most `limit` hits, with the
    /// query as corrected when a word was taken for a misspelling.
    ///
    /// Every word is optional (hits with more of the words come first); words match whatever
    /// their case, diacritics, British or American spelling and inflection (`drones` finds
    /// "drone", `organized` finds "organised"); a word also matches the longer words it starts
    /// (`cyber` finds "cybercrime"); acronyms and plain words match the strategy's terms
    /// through the [`Thesaurus`]; a word of five letters or more that matches nothing is
    /// corrected to the closest known words.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let r = s.search_results("Europool", 5);
    /// assert_eq!(r.corrected.as_deref(), Some("europol"));
    /// assert_eq!(r.hits[0].id, "europol");
    /// ```
    pub fn search_results(&self, text: &str, limit: usize) -> SearchResults {
        let (ranked, plan) = self.ranked(text, None, limit, Mode::Ranked);
        let ix = self.search_index();
        let hits = ranked
            .into_iter()
            .map(|r| {
                let info = match_info(self, ix, r.doc, &plan.matched);
                SearchHit {
                    kind: r.doc.kind,
                    id: self.id_at(r.doc.kind, r.doc.pos),
                    title: self.title_at(r.doc.kind, r.doc.pos),
                    score: (r.score * 1000.0).round() / 1000.0,
                    field: info.field.to_owned(),
                    excerpt: info.excerpt,
                    marks: info.marks,
                }
            })
            .collect();
        let corrected = (!plan.corrections.is_empty()).then(|| {
            let mut out = String::new();
            let mut at = 0;
            for c in &plan.corrections {
                out.push_str(text.get(at..c.start).unwrap_or(""));
                out.push_str(&c.to);
                at = c.end;
            }
            out.push_str(text.get(at..).unwrap_or(""));
            out
        });
        SearchResults { hits, corrected }
    }

    /// Ranked full-text search across every kind: best first, at most `limit` hits. See
    /// [`Strategy::search_results`] for how words match.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let hits = s.search("EUROPOL", 5);
    /// assert_eq!(hits[0].id, "europol");
    /// let hits = s.search("undersea cables", 5);
    /// assert_eq!(hits[0].id, "subsea-cable-protection");
    /// ```
    pub fn search(&self, text: &str, limit: usize) -> Vec<SearchHit> {
        self.search_results(text, limit).hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::strategy::Indexes;

    /// The embedded data set, read with serde alone (this group may not use `load`).
    fn embedded() -> Strategy {
        let v: serde_json::Value =
            serde_json::from_str(include_str!("../../../data/protecteu-2025.json")).unwrap();
        fn part<T: serde::de::DeserializeOwned>(v: &serde_json::Value, key: &str) -> T {
            serde_json::from_value(v[key].clone()).unwrap()
        }
        let mut s = Strategy {
            dataset: part(&v, "dataset"),
            info: part(&v, "strategy"),
            objectives: part(&v, "objectives"),
            principles: part(&v, "principles"),
            sections: part(&v, "sections"),
            themes: part(&v, "themes"),
            threats: part(&v, "threats"),
            actions: part(&v, "actions"),
            actors: part(&v, "actors"),
            instruments: part(&v, "instruments"),
            documents: part(&v, "documents"),
            figures: part(&v, "figures"),
            sources: part(&v, "sources"),
            idx: Indexes::default(),
        };
        s.build_indexes();
        s
    }

    /// Names of entities at the start, middle and end of the index.
    const NAMES: [&str; 5] = [
        "europol",
        "regulation-eu-2016-794",
        "com-2025-148-final",
        "dg-home",
        "neighbourhood-security-cooperation",
    ];

    #[test]
    fn an_index_built_in_parts_is_the_one_pass_index() {
        let s = embedded();
        let docs: Vec<(EntityKind, usize)> = s.all_docs();
        assert!(docs.len() > 100);
        let one = SearchIndex::from_parts(
            Language::English,
            s.idx.thesaurus.clone(),
            vec![s.index_part(&docs)],
        );
        let whole = one.dump();
        let n = docs.len();
        for cuts in [
            vec![1],
            vec![n / 2],
            vec![n - 1],
            vec![n / 3, 2 * n / 3],
            vec![0, n],
        ] {
            let mut parts = Vec::new();
            let mut from = 0;
            for &c in cuts.iter().chain([n].iter()) {
                parts.push(s.index_part(&docs[from..c]));
                from = c;
            }
            let joined = SearchIndex::from_parts(Language::English, s.idx.thesaurus.clone(), parts);
            assert!(joined.dump() == whole, "parts cut at {cuts:?} differ");
            // Names and postings are read across the parts: the same answers.
            for name in NAMES {
                assert_eq!(
                    joined.docs_named(name),
                    one.docs_named(name),
                    "{name} {cuts:?}"
                );
            }
            for w in 0..one.vocab_len() as u32 {
                assert_eq!(joined.df(w), one.df(w), "{cuts:?}");
            }
        }
        // (Ids of an actor and of the last action, an instrument number, a document number
        // and an abbreviation: each names an entity, the ids through the model's id indexes,
        // the others through the index's names table.)
        for name in NAMES {
            let (ids, others) = (s.docs_with_id(name), one.docs_named(name));
            assert!(!ids.is_empty() || !others.is_empty(), "{name}");
            for d in ids {
                let doc = one.doc(d).unwrap();
                assert_eq!(s.id_at(doc.kind, doc.pos), name);
            }
        }
        // And the indexes search builds: in one pass, and in two halves on two threads.
        assert!(s.build_search().dump() == whole);
        assert!(s.build_search_with(&docs, false).dump() == whole);
        assert!(s.build_search_with(&docs, true).dump() == whole);
    }
}
