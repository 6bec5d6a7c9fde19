//! Ranked full-text search over every kind: words folded (case, diacritics), British and
//! American spellings made one, stemmed (Snowball), ranked with BM25 over weighted fields,
//! every word optional, misspelt words corrected, acronyms and synonyms expanded through the
//! thesaurus, and each hit with the field and excerpt that made it match.
//!
//! The engine lives in `search/`: `analyze` (words and terms), `vocabulary` (words and their
//! ids), `index` (the inverted index, thesaurus expansion and ranking), `fields` (what of each
//! entity is searched, and the build on two threads for large data sets) and `excerpt` (match
//! information). The thesaurus itself is data of the model
//! ([`crate::model::thesaurus`]), read and validated by `load`.

pub(crate) mod analyze;
mod excerpt;
mod fields;
mod index;
mod vocabulary;

use serde::Serialize;

use crate::model::EntityKind;

/// Lower-cases `text` and strips diacritics (`Sécurité` becomes `securite`).
///
/// ```
/// assert_eq!(protecteu::fold("Sécurité ÉCONOMIQUE"), "securite economique");
/// ```
pub fn fold(text: &str) -> String {
    analyze::fold(text)
}

/// The index terms of `text` as search analyses it: each word folded, its British/American
/// spelling variants made one, and stemmed (Snowball English).
///
/// ```
/// assert_eq!(protecteu::search_terms("Organized crimes"), ["organis", "crime"]);
/// assert_eq!(protecteu::search_terms("organised crime"), ["organis", "crime"]);
/// ```
pub fn search_terms(text: &str) -> Vec<String> {
    let lang = analyze::Language::English;
    analyze::words(text).iter().map(|w| lang.term(w)).collect()
}

/// The terms that the action filter's `text` requires: [`search_terms`] with English stop
/// words (`the`, `of`, ...) left out unless the text has only stop words. An action matches
/// when each of these words is matched by a word of its title, id, summary, notes, or the
/// titles of its legal instruments and of the documents delivering it or evidencing its
/// status: a word with the same term (`policy` and `policies`), a word that starts with the
/// query word as typed and folded (`cyber` and `cybercrime`, `dcy` and `dcy2`), or a
/// thesaurus form.
///
/// ```
/// assert_eq!(protecteu::query_terms("the fight against drugs"), ["fight", "drug"]);
/// ```
pub fn query_terms(text: &str) -> Vec<String> {
    index::query_terms(analyze::Language::English, text)
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Kind of the entity found.
    pub kind: EntityKind,
    /// Its id.
    pub id: String,
    /// Its title or name.
    pub title: String,
    /// Relevance: higher is better (BM25 over weighted fields, plus bonuses for the query's
    /// words in order and for a query equal to the id). Hits matching more of the query's
    /// words come first whatever their score.
    pub score: f64,
    /// The field that matched best: `title`, `id` (id, abbreviation, official numbers),
    /// `summary`, `notes` or `cited` (titles of the documents and legal instruments the entity
    /// cites or delivers).
    pub field: String,
    /// A short excerpt of that field (the whole field when it is short; cut at words with `…`
    /// otherwise).
    pub excerpt: String,
    /// The matched words in `excerpt`: `[start, end)` offsets counted in Unicode code points
    /// (Python `str` indexes; see [`SearchHit::marked`]).
    pub marks: Vec<(usize, usize)>,
}

impl SearchHit {
    /// The marked words of the excerpt.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let hit = &s.search("drones", 5)[0];
    /// assert!(hit.marked().iter().any(|w| w.to_lowercase().starts_with("drone")));
    /// ```
    pub fn marked(&self) -> Vec<&str> {
        self.marks
            .iter()
            .filter_map(|&(s, e)| {
                let start = self.excerpt.char_indices().nth(s).map(|x| x.0)?;
                let end = self
                    .excerpt
                    .char_indices()
                    .nth(e)
                    .map_or(self.excerpt.len(), |x| x.0);
                self.excerpt.get(start..end)
            })
            .collect()
    }
}

/// The hits of a search, and the query as corrected when some words matched nothing and
/// were taken for misspellings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Best first.
    pub hits: Vec<SearchHit>,
    /// The query with its misspelt words replaced (`Europool` -> `Europol`), when any was.
    pub corrected: Option<String>,
}
