//! Ranked full-text search over every kind, case- and diacritics-insensitive.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::model::EntityKind;

/// Lower-cases `text` and strips diacritics (`Sécurité` becomes `securite`).
///
/// ```
/// assert_eq!(protecteu::fold("Sécurité ÉCONOMIQUE"), "securite economique");
/// ```
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Calls `f` with each search token of `text`: folded runs of letters and digits.
pub(crate) fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let folded = fold(text);
    for t in folded.split(|c: char| !c.is_alphanumeric()) {
        if !t.is_empty() {
            f(t);
        }
    }
}

/// The search tokens of `text`.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t.to_owned()));
    out
}

/// Weight of a field in the ranking.
#[derive(Clone, Copy)]
pub(crate) enum Weight {
    Title = 3,
    Id = 2,
    Body = 1,
}

/// An entry of the index: one entity.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub kind: EntityKind,
    pub pos: usize,
    /// The entity's id and abbreviation, folded: a query equal to one of them ranks first.
    pub names: Vec<String>,
}

/// Bonus for a query that is exactly an entity's id or abbreviation.
const EXACT_NAME_BONUS: f64 = 10.0;

/// Inverted index from folded words to the entities holding them.
#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    docs: Vec<Doc>,
    terms: BTreeMap<String, Vec<(u32, u32)>>,
}

impl SearchIndex {
    /// Adds one entity with its weighted texts.
    pub fn add(&mut self, kind: EntityKind, pos: usize, names: &[&str], fields: &[(Weight, &str)]) {
        let doc = u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
        let names = names
            .iter()
            .filter(|n| !n.is_empty())
            .map(|n| tokens(n).join("-"))
            .collect();
        self.docs.push(Doc { kind, pos, names });
        let folded: Vec<(u32, String)> = fields
            .iter()
            .map(|(w, text)| (*w as u32, fold(text)))
            .collect();
        let mut weights: HashMap<&str, u32> = HashMap::new();
        for (w, text) in &folded {
            for t in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| !t.is_empty())
            {
                *weights.entry(t).or_default() += w;
            }
        }
        for (t, w) in weights {
            match self.terms.get_mut(t) {
                Some(list) => list.push((doc, w)),
                None => {
                    self.terms.insert(t.to_owned(), vec![(doc, w)]);
                }
            }
        }
    }

    /// Entities matching every word of `query`, with their scores, best first; ties keep
    /// kind order, then model order.
    pub fn query(&self, query: &str, only: Option<EntityKind>) -> Vec<(&Doc, f64)> {
        self.top(query, only, usize::MAX)
    }

    /// The first `limit` entities of [`SearchIndex::query`], found without sorting the rest.
    ///
    /// Posting lists are in document order (documents are added in order, each once per
    /// term), so the words are combined by merging sorted lists, not through hash maps.
    pub fn top(&self, query: &str, only: Option<EntityKind>, limit: usize) -> Vec<(&Doc, f64)> {
        let words = tokens(query);
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        // (doc, score so far), sorted by doc: the documents matching every word seen so far.
        let mut total: Vec<(u32, f64)> = Vec::new();
        for (n, word) in words.iter().enumerate() {
            // The word's best score in each document: an exact term counts fully, a longer
            // term it starts counts half.
            let mut hits: Vec<(u32, f64)> = Vec::new();
            let mut terms = 0;
            let from = (Bound::Included(word.as_str()), Bound::Unbounded);
            for (term, postings) in self.terms.range::<str, _>(from) {
                if !term.starts_with(word.as_str()) {
                    break;
                }
                let factor = if term == word { 1.0 } else { 0.5 };
                hits.extend(
                    postings
                        .iter()
                        .map(|&(doc, w)| (doc, f64::from(w) * factor)),
                );
                terms += 1;
            }
            if terms > 1 {
                hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                hits.dedup_by_key(|h| h.0);
            }
            total = if n == 0 {
                hits
            } else {
                intersect_add(&total, &hits)
            };
            if total.is_empty() {
                return Vec::new();
            }
        }
        let whole = words.join("-");
        let mut hits: Vec<(&Doc, f64)> = total
            .into_iter()
            .filter_map(|(doc, s)| self.docs.get(doc as usize).map(|d| (d, s)))
            .filter(|(d, _)| only.is_none_or(|k| k == d.kind))
            .map(|(d, s)| {
                (
                    d,
                    if d.names.contains(&whole) {
                        s + EXACT_NAME_BONUS
                    } else {
                        s
                    },
                )
            })
            .collect();
        let order = |a: &(&Doc, f64), b: &(&Doc, f64)| {
            b.1.total_cmp(&a.1)
                .then(a.0.kind.cmp(&b.0.kind))
                .then(a.0.pos.cmp(&b.0.pos))
        };
        if limit < hits.len() {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_by(order);
        hits
    }
}

/// The documents in both sorted lists, with their scores added.
fn intersect_add(a: &[(u32, f64)], b: &[(u32, f64)]) -> Vec<(u32, f64)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}
