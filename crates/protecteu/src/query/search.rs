//! Ranked full-text search across every kind, over the index the model builds on first use.

use serde::Serialize;

use crate::model::strategy::Strategy;
use crate::model::EntityKind;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Kind of the entity found.
    pub kind: EntityKind,
    /// Its id.
    pub id: String,
    /// Its title or name.
    pub title: String,
    /// Relevance: higher is better. Title words weigh 3, ids 2, other text 1; a word that only
    /// starts with the query word counts half.
    pub score: f64,
}

impl Strategy {
    /// Ranked full-text search across every kind: every word must match (as a word prefix),
    /// ignoring case and diacritics; best first, at most `limit` hits.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let hits = s.search("EUROPOL", 5);
    /// assert_eq!(hits[0].id, "europol");
    /// ```
    pub fn search(&self, text: &str, limit: usize) -> Vec<SearchHit> {
        self.search_index()
            .top(text, None, limit)
            .into_iter()
            .map(|(doc, score)| SearchHit {
                kind: doc.kind,
                id: self.id_at(doc.kind, doc.pos),
                title: self.title_at(doc.kind, doc.pos),
                score,
            })
            .collect()
    }
}
