//! Ranked full-text search over every kind, case- and diacritics-insensitive.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
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
        let words = tokens(query);
        if words.is_empty() {
            return Vec::new();
        }
        let mut total: HashMap<u32, (usize, f64)> = HashMap::new();
        for (n, word) in words.iter().enumerate() {
            let mut best: HashMap<u32, f64> = HashMap::new();
            for (term, postings) in self.terms.range(word.clone()..) {
                if !term.starts_with(word.as_str()) {
                    break;
                }
                let factor = if term == word { 1.0 } else { 0.5 };
                for &(doc, w) in postings {
                    let s = f64::from(w) * factor;
                    let e = best.entry(doc).or_insert(0.0);
                    if s > *e {
                        *e = s;
                    }
                }
            }
            for (doc, s) in best {
                let e = total.entry(doc).or_insert((0, 0.0));
                if e.0 == n {
                    e.0 += 1;
                    e.1 += s;
                }
            }
        }
        let whole = words.join("-");
        let mut hits: Vec<(&Doc, f64)> = total
            .into_iter()
            .filter(|(_, (matched, _))| *matched == words.len())
            .filter_map(|(doc, (_, s))| self.docs.get(doc as usize).map(|d| (d, s)))
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
            .filter(|(d, _)| only.is_none_or(|k| k == d.kind))
            .collect();
        hits.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(a.0.kind.cmp(&b.0.kind))
                .then(a.0.pos.cmp(&b.0.pos))
        });
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        let mut ix = SearchIndex::default();
        ix.add(
            EntityKind::Action,
            0,
            &["drug-plan"],
            &[
                (Weight::Title, "Drug trafficking plan"),
                (Weight::Body, "Ports and couriers"),
            ],
        );
        ix.add(
            EntityKind::Action,
            1,
            &["port-security"],
            &[
                (Weight::Title, "Port security"),
                (Weight::Body, "Sécurité des ports"),
            ],
        );
        ix.add(
            EntityKind::Actor,
            0,
            &["europol", "Europol"],
            &[
                (Weight::Title, "Agency for law enforcement"),
                (Weight::Id, "europol"),
            ],
        );
        ix
    }

    #[test]
    fn tokens_fold_case_and_diacritics() {
        assert_eq!(tokens("Sécurité, DES-ports!"), ["securite", "des", "ports"]);
        assert!(tokens("  --  ").is_empty());
    }

    #[test]
    fn every_word_must_match_and_exact_words_outrank_prefixes() {
        let ix = index();
        let hits = ix.query("port", None);
        // "port" is a whole title word of action 1 (3 + body "ports" prefix) and only a prefix
        // in action 0's body ("ports").
        assert_eq!(hits.iter().map(|(d, _)| d.pos).collect::<Vec<_>>(), [1, 0]);
        assert!(ix.query("port drug", None).iter().all(|(d, _)| d.pos == 0));
        assert!(ix.query("securite", None).iter().any(|(d, _)| d.pos == 1));
        assert!(ix.query("nothing", None).is_empty());
        assert!(ix.query("", None).is_empty());
    }

    #[test]
    fn exact_names_rank_first_and_kinds_filter() {
        let ix = index();
        let hits = ix.query("europol", None);
        assert_eq!(hits[0].0.kind, EntityKind::Actor);
        assert!(hits[0].1 > 10.0);
        assert!(ix.query("europol", Some(EntityKind::Action)).is_empty());
    }
}
