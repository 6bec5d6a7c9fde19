//! The inverted index and its ranking: BM25 over weighted fields, every query word optional
//! (entities matching more of the words first), word prefixes, spelling correction for words
//! that match nothing, thesaurus expansion, and exact-phrase and exact-id bonuses.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use once_cell::sync::OnceCell;
use rustc_hash::FxHashMap;

use super::analyze::{for_each_packed_word, for_each_word, push_word, Language, Word};
use super::vocabulary::Vocabulary;
use crate::model::thesaurus::Thesaurus;
use crate::model::EntityKind;

/// A field of an entity, as search weighs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Field {
    /// Title or name.
    Title,
    /// Id, abbreviation, official numbers.
    Id,
    /// Summary (or a figure's value).
    Summary,
    /// Notes.
    Notes,
    /// Titles of the documents and legal instruments the entity cites or delivers.
    Cited,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Title => 3.0,
            Field::Id => 2.0,
            Field::Summary => 1.0,
            Field::Notes => 0.6,
            Field::Cited => 0.5,
        }
    }

    /// The field's name in match information.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Id => "id",
            Field::Summary => "summary",
            Field::Notes => "notes",
            Field::Cited => "cited",
        }
    }
}

/// BM25 parameters: term-frequency saturation and length normalisation (low: fields are short).
const K1: f32 = 1.2;
const B: f32 = 0.5;
/// A word that a longer word starts with counts this much of an exact match. Ranked search
/// expands words of three letters or more to at most [`MAX_PREFIX_TERMS`] longer words; the
/// action filter expands every word to all of them.
const PREFIX_FACTOR: f32 = 0.5;
/// A corrected (misspelt) word counts this much.
const TYPO_FACTOR: f32 = 0.6;
/// A thesaurus form counts this much of the word it stands for.
const THESAURUS_FACTOR: f32 = 0.9;
/// At most this many longer words per query word prefix.
const MAX_PREFIX_TERMS: usize = 48;
/// Bonus for a query that is an entity's id, abbreviation or official number.
const EXACT_ID_BONUS: f32 = 10.0;
/// Bonus for the query's words, in order, in the title / elsewhere; for a title equal to them.
const PHRASE_TITLE_BONUS: f32 = 3.0;
const PHRASE_OTHER_BONUS: f32 = 1.5;
const TITLE_EQUALS_BONUS: f32 = 2.0;
/// The best this many entities (by words matched and BM25) get the phrase bonuses, whatever
/// the limit, so that a search's first `k` hits are the first `k` of a longer search.
const RERANK: usize = 40;
/// Query words beyond this many are ignored.
const MAX_CLAUSES: usize = 32;

/// An entity in the index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Doc {
    pub kind: EntityKind,
    pub pos: usize,
}

/// Thesaurus forms as term sequences by entry, and (entry, form) by a form's first term.
type Forms = (Vec<Vec<Vec<String>>>, HashMap<String, Vec<(usize, usize)>>);

/// The full-text index. Its vocabulary is the folded words of the texts; a word's term
/// (spelling variant made one, stemmed) is worked out when a query first needs it, so that
/// building the index stems nothing.
#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    language: Language,
    docs: Vec<Doc>,
    /// Folded words and their ids.
    vocab: Vocabulary,
    /// Word ids by the first byte of the word (in id order within a byte), for prefixes.
    by_first: Vec<u32>,
    /// Per byte value: where its words start in `by_first` (and one more entry for the end).
    first_at: Vec<u32>,
    /// Every word's (doc, impact) pairs, by doc, and the docs' names, in one segment per part
    /// the index was built from (docs of a part come before the next part's). Impact is
    /// BM25's saturated term frequency.
    segments: Vec<Segment>,
    /// Per word: its term, worked out on first use.
    terms: Vec<OnceCell<Box<str>>>,
    /// The thesaurus (its forms analysed on first use, kept with it).
    thesaurus: Arc<Thesaurus>,
}

/// The index of a run of entities, built by one [`IndexBuilder`]; [`SearchIndex::join`] (or
/// [`SearchIndex::from_parts`]) joins parts built on different threads into the index one
/// builder would have made.
#[derive(Debug, Default)]
pub(crate) struct IndexPart {
    docs: Vec<Doc>,
    /// The part's own words and ids.
    vocab: Vocabulary,
    /// Per doc: weighted length.
    lengths: Vec<f32>,
    /// (word, weighted frequency) of every doc, doc after doc.
    pairs: Vec<(u32, f32)>,
    /// Per doc: where its pairs end in `pairs`.
    doc_ends: Vec<u32>,
    /// The names of its docs.
    names: Names,
}

/// Folded abbreviations and numbers (words joined by `-`) of the docs of a part, for queries
/// that equal one (ids are looked up in the model's id indexes instead): (hash of the name,
/// doc in the part, start, end of the name in `text`), sorted when the part is finished; one
/// arena for every name instead of an allocation each.
#[derive(Debug, Default)]
struct Names {
    entries: Vec<(u64, u32, usize, usize)>,
    text: String,
}

impl Names {
    fn with_capacity(names: usize) -> Self {
        Names {
            entries: Vec::with_capacity(names),
            text: String::with_capacity(names * 24),
        }
    }

    /// Adds the name of `doc`: `name`'s folded words joined by `-`.
    fn add(&mut self, doc: u32, name: &str) {
        let text = &mut self.text;
        let start = text.len();
        for_each_packed_word(name, |_, _, w| {
            if text.len() > start {
                text.push('-');
            }
            push_word(text, w);
        });
        let end = text.len();
        if end > start {
            let h = name_hash(&text[start..end]);
            self.entries.push((h, doc, start, end));
        }
    }

    fn sort(&mut self) {
        self.entries.sort_unstable_by_key(|n| (n.0, n.1));
    }

    /// The docs named `whole` (folded words joined by `-`), in doc order (a doc once per name).
    fn docs<'a>(&'a self, whole: &'a str) -> impl Iterator<Item = u32> + 'a {
        let h = name_hash(whole);
        let from = self.entries.partition_point(|n| n.0 < h);
        (self.entries.get(from..).unwrap_or(&[]).iter())
            .take_while(move |n| n.0 == h)
            .filter(move |n| self.text.get(n.2..n.3) == Some(whole))
            .map(|n| n.1)
    }

    /// Every (hash, doc, name).
    #[cfg(test)]
    fn all(&self) -> impl Iterator<Item = (u64, u32, &str)> + '_ {
        (self.entries.iter()).map(|n| (n.0, n.1, self.text.get(n.2..n.3).unwrap_or("?")))
    }
}

/// Distinct words per entity that a builder makes room for: the embedded data set has 28 on
/// average, the synthetic ones about 33.
const PAIRS_PER_DOC: usize = 40;
/// Words of the vocabulary a builder makes room for, per entity (the embedded data set has
/// about 6.5) and at most: so that its table is not rebuilt while it grows.
const WORDS_PER_DOC: usize = 8;
const MAX_WORDS_RESERVED: usize = 8192;
/// Names (abbreviations, numbers) per entity that a builder makes room for: most entities
/// have none, instruments and documents two or three.
const NAMES_PER_DOC: usize = 1;

/// Builds an [`IndexPart`] one entity at a time.
pub(crate) struct IndexBuilder {
    part: IndexPart,
    /// Where the current doc's pairs start in the part's pairs.
    doc_start: u32,
    /// Per word: its last pair's place in the part's pairs + 1 (0 for none): in the current
    /// doc when greater than `doc_start`.
    slot: Vec<u32>,
    length: f32,
    /// Texts that many entities share (titles of cited instruments, documents and actions),
    /// by address and length: the range of their word ids in `shared_words`, so that each is
    /// split and folded once.
    shared: FxHashMap<(usize, usize), (u32, u32)>,
    shared_words: Vec<u32>,
}

impl IndexBuilder {
    /// A builder for `docs` entities: room for about [`PAIRS_PER_DOC`] distinct words each, so
    /// that the pairs do not move while they grow (memory not written is not resident).
    pub fn new(docs: usize) -> Self {
        IndexBuilder {
            part: IndexPart {
                pairs: Vec::with_capacity(docs.saturating_mul(PAIRS_PER_DOC)),
                doc_ends: Vec::with_capacity(docs),
                lengths: Vec::with_capacity(docs),
                docs: Vec::with_capacity(docs),
                vocab: Vocabulary::with_capacity((docs * WORDS_PER_DOC).min(MAX_WORDS_RESERVED)),
                names: Names::with_capacity(docs * NAMES_PER_DOC),
            },
            doc_start: 0,
            slot: Vec::with_capacity((docs * WORDS_PER_DOC).min(MAX_WORDS_RESERVED)),
            length: 0.0,
            shared: FxHashMap::default(),
            shared_words: Vec::new(),
        }
    }

    /// Starts an entity.
    pub fn doc(&mut self, kind: EntityKind, pos: usize) {
        self.finish_doc();
        self.part.docs.push(Doc { kind, pos });
    }

    /// A name that a query may equal exactly (abbreviation, number).
    pub fn name(&mut self, name: &str) {
        let doc = self.part.docs.len().saturating_sub(1) as u32;
        self.part.names.add(doc, name);
    }

    /// A text of the current entity.
    pub fn field(&mut self, field: Field, text: &str) {
        let w = field.weight();
        if field == Field::Cited {
            self.shared_field(w, text);
            return;
        }
        let vocab = &mut self.part.vocab;
        let mut doc = OpenDoc {
            pairs: &mut self.part.pairs,
            start: self.doc_start,
            slot: &mut self.slot,
        };
        let mut words = 0u32;
        for_each_packed_word(text, |_, _, word| {
            let t = word_id(vocab, word, doc.slot);
            doc.add(t, w);
            words += 1;
        });
        self.length += words as f32 * w;
    }

    /// A text that other entities hold too (it lives as long as the model): its word ids are
    /// worked out the first time and reused.
    fn shared_field(&mut self, w: f32, text: &str) {
        let key = (text.as_ptr() as usize, text.len());
        let (a, b) = match self.shared.get(&key) {
            Some(&r) => r,
            None => {
                let a = self.shared_words.len() as u32;
                let (vocab, slot, words) =
                    (&mut self.part.vocab, &mut self.slot, &mut self.shared_words);
                for_each_packed_word(text, |_, _, word| {
                    words.push(word_id(vocab, word, slot));
                });
                let r = (a, self.shared_words.len() as u32);
                self.shared.insert(key, r);
                r
            }
        };
        let mut doc = OpenDoc {
            pairs: &mut self.part.pairs,
            start: self.doc_start,
            slot: &mut self.slot,
        };
        let words = self.shared_words.get(a as usize..b as usize).unwrap_or(&[]);
        for &t in words {
            doc.add(t, w);
        }
        self.length += words.len() as f32 * w;
    }

    fn finish_doc(&mut self) {
        if self.part.docs.is_empty() {
            return;
        }
        let part = &mut self.part;
        self.doc_start = part.pairs.len() as u32;
        part.doc_ends.push(self.doc_start);
        part.lengths.push(self.length);
        self.length = 0.0;
    }

    /// The part built.
    pub fn finish(mut self) -> IndexPart {
        self.finish_doc();
        self.part.names.sort();
        self.part
    }
}

/// The id of a folded word in a part's vocabulary, added when new (with its slot).
fn word_id(vocab: &mut Vocabulary, word: Word<'_>, slot: &mut Vec<u32>) -> u32 {
    let (t, added) = vocab.intern_word(word);
    if added {
        slot.push(0);
    }
    t
}

/// The hash of a name (folded words joined by `-`) in the names table.
fn name_hash(name: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(name)
}

/// The current doc of an [`IndexBuilder`]: its (word, weighted frequency) pairs are written
/// straight into the part's, from `start`.
struct OpenDoc<'a> {
    pairs: &'a mut Vec<(u32, f32)>,
    start: u32,
    slot: &'a mut Vec<u32>,
}

impl OpenDoc<'_> {
    /// Counts word `t` with weight `w` (the doc's length is counted by the caller).
    fn add(&mut self, t: u32, w: f32) {
        let Some(s) = self.slot.get_mut(t as usize) else {
            return;
        };
        if *s > self.start {
            if let Some(p) = self.pairs.get_mut(*s as usize - 1) {
                p.1 += w;
            }
        } else {
            self.pairs.push((t, w));
            *s = self.pairs.len() as u32;
        }
    }
}

/// A part's postings: its pairs sorted by its own word ids, term frequencies turned into BM25
/// impacts, docs numbered in the whole index.
#[derive(Debug, Default)]
pub(crate) struct PartPostings {
    /// (doc, impact), word after word.
    flat: Vec<(u32, f32)>,
    /// Per word of the part: where its pairs start in `flat` (and one more entry for the end).
    offsets: Vec<u32>,
}

/// The postings of one part in the joined index: kept as the part made them (joining them
/// into one list would copy every pair).
#[derive(Debug, Default)]
struct Segment {
    postings: PartPostings,
    /// The names of the part's docs, and the number of its first doc in the index.
    names: Names,
    first_doc: u32,
    /// Per word of the index: the part's id of the word (`u32::MAX` when the part lacks it);
    /// empty when they are the same ids (the first part).
    local: Vec<u32>,
}

impl Segment {
    /// The (doc, impact) pairs of index word `w` in this segment.
    fn of(&self, w: u32) -> &[(u32, f32)] {
        let t = if self.local.is_empty() {
            w
        } else {
            match self.local.get(w as usize) {
                Some(&t) => t,
                None => return &[],
            }
        };
        let offsets = &self.postings.offsets;
        let (Some(&a), Some(&b)) = (offsets.get(t as usize), offsets.get(t as usize + 1)) else {
            return &[];
        };
        self.postings
            .flat
            .get(a as usize..b as usize)
            .unwrap_or(&[])
    }
}

/// For a counting sort: where each of `buckets` buckets starts once `keys` are placed in
/// bucket order, and one more entry for the end (keys out of range are not counted).
fn bucket_starts(buckets: usize, keys: impl Iterator<Item = usize>) -> Vec<u32> {
    let mut starts = vec![0u32; buckets + 1];
    for k in keys {
        if let Some(s) = starts.get_mut(k + 1) {
            *s += 1;
        }
    }
    for i in 0..buckets {
        starts[i + 1] += starts[i];
    }
    starts
}

/// The mean weighted length of the docs of every part (BM25's length normalisation).
pub(crate) fn average_length(parts: &[&IndexPart]) -> f32 {
    let docs: usize = parts.iter().map(|p| p.lengths.len()).sum();
    if docs == 0 {
        return 1.0;
    }
    let total: f32 = parts.iter().flat_map(|p| p.lengths.iter()).sum();
    (total / docs as f32).max(1.0)
}

impl IndexPart {
    /// The number of docs in the part.
    pub fn docs(&self) -> usize {
        self.docs.len()
    }

    /// The part's postings, given the mean doc length of the whole index and the number of
    /// the part's first doc in it: a counting sort of its pairs by word (docs come in order,
    /// so each word's stay so).
    pub fn postings(&self, average_length: f32, first_doc: u32) -> PartPostings {
        let offsets = bucket_starts(self.vocab.len(), self.pairs.iter().map(|p| p.0 as usize));
        let mut next = offsets.clone();
        let mut flat = vec![(0u32, 0f32); self.pairs.len()];
        let mut start = 0usize;
        for (doc, (&end, &length)) in self.doc_ends.iter().zip(&self.lengths).enumerate() {
            let norm = 1.0 - B + B * length / average_length;
            let end = end as usize;
            for &(t, f) in self.pairs.get(start..end).unwrap_or(&[]) {
                let Some(at) = next.get_mut(t as usize) else {
                    continue;
                };
                // BM25's tf (K1 + 1) / (tf + K1) with tf = f / norm, one division.
                if let Some(slot) = flat.get_mut(*at as usize) {
                    *slot = (first_doc + doc as u32, f * (K1 + 1.0) / (f + K1 * norm));
                }
                *at += 1;
            }
            start = end;
        }
        PartPostings { flat, offsets }
    }
}

impl SearchIndex {
    /// The index of the parts' entities, in the parts' order, from the parts and their
    /// postings ([`IndexPart::postings`] with [`average_length`] of all the parts): the same
    /// index as one builder given every entity would make (words numbered in the order first
    /// seen).
    pub fn join(
        language: Language,
        thesaurus: Arc<Thesaurus>,
        parts: Vec<(IndexPart, PartPostings)>,
    ) -> SearchIndex {
        let mut ix = SearchIndex {
            language,
            thesaurus,
            ..SearchIndex::default()
        };
        // One vocabulary: the first part's, then each later part's new words in its order;
        // per part, its word ids in the joined vocabulary.
        let mut parts = parts;
        let mut vocab = parts
            .first_mut()
            .map(|p| std::mem::take(&mut p.0.vocab))
            .unwrap_or_default();
        // (The first part's words keep their ids: its map is left empty.)
        let mut maps: Vec<Vec<u32>> = Vec::with_capacity(parts.len());
        for (k, (part, _)) in parts.iter().enumerate() {
            maps.push(if k == 0 {
                Vec::new()
            } else {
                part.vocab.iter().map(|(_, w)| vocab.intern(w).0).collect()
            });
            ix.docs.extend_from_slice(&part.docs);
        }
        ix.vocab = vocab;
        let words = ix.vocab.len();
        // Words by first byte: a counting sort.
        let first_byte = |w: &str| usize::from(w.as_bytes().first().copied().unwrap_or(0));
        let first_at = bucket_starts(256, ix.vocab.iter().map(|(_, w)| first_byte(w)));
        let mut at = first_at.clone();
        let mut by_first = vec![0u32; words];
        for (t, w) in ix.vocab.iter() {
            if let Some(slot) = at.get_mut(first_byte(w)) {
                if let Some(b) = by_first.get_mut(*slot as usize) {
                    *b = t;
                }
                *slot += 1;
            }
        }
        ix.by_first = by_first;
        ix.first_at = first_at;
        ix.terms = (0..words).map(|_| OnceCell::new()).collect();
        // Per part, its word id for each index word (the first part's are the same ids).
        let mut first_doc = 0u32;
        ix.segments = parts
            .into_iter()
            .zip(maps)
            .enumerate()
            .map(|(k, ((part, postings), map))| {
                let mut local = Vec::new();
                if k > 0 {
                    local = vec![u32::MAX; words];
                    for (t, &g) in map.iter().enumerate() {
                        if let Some(l) = local.get_mut(g as usize) {
                            *l = t as u32;
                        }
                    }
                }
                let segment = Segment {
                    postings,
                    local,
                    names: part.names,
                    first_doc,
                };
                first_doc += part.docs.len() as u32;
                segment
            })
            .collect();
        ix
    }

    /// [`SearchIndex::join`] of parts whose postings are worked out here, one after another.
    pub fn from_parts(
        language: Language,
        thesaurus: Arc<Thesaurus>,
        parts: Vec<IndexPart>,
    ) -> SearchIndex {
        let avg = average_length(&parts.iter().collect::<Vec<_>>());
        let mut first = 0u32;
        let with_postings = parts
            .into_iter()
            .map(|p| {
                let post = p.postings(avg, first);
                first += p.docs() as u32;
                (p, post)
            })
            .collect();
        SearchIndex::join(language, thesaurus, with_postings)
    }
}

/// Tells whether a doc holds a term sequence in order in its title (`Some(true)`), in another
/// field (`Some(false)`) or not at all (`None`), and whether its title is exactly the sequence.
pub(crate) type PhraseCheck<'a> = dyn Fn(u32, &[String]) -> (Option<bool>, bool) + 'a;

/// How query words combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Ranked: every word optional, entities matching more words first.
    Ranked,
    /// Every word must match (the action filter's `text`).
    All,
}

/// One query word and the index words that stand for it.
#[derive(Debug, Clone)]
struct Clause {
    /// (word, weight): words with the query word's term, longer words it starts,
    /// corrections; the weight is the idf times the kind of match's factor.
    specs: Vec<(u32, f32)>,
    /// Thesaurus alternatives covering this word (indexes into `Plan::alts`).
    alts: Vec<usize>,
}

/// A thesaurus alternative: terms that must all be present, each as one of its words.
#[derive(Debug, Clone)]
struct Alt {
    groups: Vec<Vec<u32>>,
    /// Query words it stands for.
    span: usize,
}

/// A word the query got corrected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Correction {
    /// Byte range of the word in the query.
    pub start: usize,
    pub end: usize,
    /// The word shown instead.
    pub to: String,
}

/// An analysed query.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    clauses: Vec<Clause>,
    alts: Vec<Alt>,
    /// The query's terms in order, stop words included (for the phrase bonus).
    pub sequence: Vec<String>,
    /// The query's folded words joined by `-` (as corrected), for the exact-id bonus.
    whole: String,
    /// The docs whose id, abbreviation or number is `whole`, in doc order: they get the bonus.
    named: Vec<u32>,
    pub corrections: Vec<Correction>,
    /// Every index word that counts as a match, for match information.
    pub matched: HashSet<u32>,
}

/// A ranked result.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub doc: Doc,
    pub score: f64,
}

#[derive(Default)]
struct Scratch {
    acc: Vec<f32>,
    mask: Vec<u32>,
    cur: Vec<f32>,
    touched: Vec<u32>,
    ctouched: Vec<u32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl SearchIndex {
    /// Everything the index holds, in a fixed order (for tests comparing two builds).
    #[cfg(test)]
    pub fn dump(&self) -> String {
        let words: Vec<&str> = self.vocab.iter().map(|w| w.1).collect();
        let docs: Vec<(EntityKind, usize)> = self.docs.iter().map(|d| (d.kind, d.pos)).collect();
        let mut names: Vec<(u64, u32, &str)> = (self.segments.iter())
            .flat_map(|s| s.names.all().map(|(h, d, n)| (h, d + s.first_doc, n)))
            .collect();
        names.sort_unstable();
        // The postings as one list, word after word, and where each word's start.
        let (mut flat, mut offsets): (Vec<(u32, f32)>, Vec<usize>) = (Vec::new(), Vec::new());
        for w in 0..self.vocab.len() as u32 {
            offsets.push(flat.len());
            flat.extend(self.postings(w));
        }
        offsets.push(flat.len());
        format!(
            "{words:?}\n{docs:?}\n{flat:?}\n{offsets:?}\n{names:?}\n{:?}\n{:?}",
            self.by_first, self.first_at
        )
    }

    /// The number of words.
    #[cfg(test)]
    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    /// The word id of a word as the splitter hands it on, if the index has it.
    pub fn id_of(&self, word: Word<'_>) -> Option<u32> {
        self.vocab.get_word(word)
    }

    /// The term of an index word (worked out once).
    fn term(&self, w: u32) -> &str {
        match self.terms.get(w as usize) {
            Some(cell) => cell.get_or_init(|| self.language.term(self.vocab.word(w)).into()),
            None => "",
        }
    }

    /// The document at an index position.
    pub fn doc(&self, i: u32) -> Option<Doc> {
        self.docs.get(i as usize).copied()
    }

    /// The docs with a name (abbreviation, number; not their id, which the index does not
    /// hold) equal to `whole` (folded words joined by `-`), each once, in doc order.
    pub(crate) fn docs_named(&self, whole: &str) -> Vec<u32> {
        if whole.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<u32> = (self.segments.iter())
            .flat_map(|s| s.names.docs(whole).map(|d| d + s.first_doc))
            .collect();
        out.dedup();
        out
    }

    /// Inverse document frequency of a word set found in `df` documents.
    fn idf(&self, df: usize) -> f32 {
        let n = self.docs.len() as f32;
        let df = (df as f32).min(n);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The (doc, impact) pairs of a word, by doc.
    fn postings(&self, w: u32) -> impl Iterator<Item = &(u32, f32)> + '_ {
        self.segments.iter().flat_map(move |s| s.of(w))
    }

    /// The number of docs holding a word.
    pub(crate) fn df(&self, w: u32) -> usize {
        self.segments.iter().map(|s| s.of(w).len()).sum()
    }

    /// Index words starting with `prefix`, in the order first seen.
    fn starting<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let bucket = prefix.as_bytes().first().and_then(|&b| {
            let b = usize::from(b);
            let (from, to) = (*self.first_at.get(b)?, *self.first_at.get(b + 1)?);
            self.by_first.get(from as usize..to as usize)
        });
        bucket
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&w| self.vocab.word(w).starts_with(prefix))
    }

    /// The index words whose term is `term` (the term of the folded word `word`): they start
    /// with the term or the word less their last two letters (stems and spelling variants
    /// differ at the end), and are checked one by one.
    fn words_of(&self, word: &str, term: &str) -> Vec<u32> {
        let cut = |s: &str| -> String {
            let n = s.chars().count();
            s.chars().take(n.saturating_sub(2).max(3).min(n)).collect()
        };
        if term.chars().count() < 3 || term.bytes().any(|b| b.is_ascii_digit()) {
            return self.vocab.get(word).into_iter().collect();
        }
        let (p1, p2) = (cut(term), cut(word));
        let mut out: Vec<u32> = self.starting(&p1).collect();
        if !p2.starts_with(&p1) {
            out.extend(self.starting(&p2));
        }
        out.retain(|&w| self.term(w) == term);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The thesaurus's forms as terms, worked out once per thesaurus (the embedded one is
    /// shared by every model loaded in the process).
    fn forms(&self) -> &Forms {
        static EMPTY: once_cell::sync::Lazy<Forms> = once_cell::sync::Lazy::new(Forms::default);
        self.thesaurus
            .analysed
            .get_or_init(|| analyse_forms(self.language, &self.thesaurus))
            .unwrap_or(&EMPTY)
    }

    /// Analyses a query: words, their terms, prefixes, corrections, thesaurus alternatives,
    /// the docs it names. `ids` gives the docs whose id is a text (folded words joined by `-`):
    /// the index holds other names only.
    pub fn plan(&self, query: &str, mode: Mode, ids: &dyn Fn(&str) -> Vec<u32>) -> Plan {
        let correct = mode == Mode::Ranked;
        let (prefix_min, prefix_max) = match mode {
            Mode::Ranked => (3, MAX_PREFIX_TERMS),
            Mode::All => (1, usize::MAX),
        };
        let mut words: Vec<(usize, usize, String)> = Vec::new();
        for_each_word(query, |s, e, w| words.push((s, e, w.to_owned())));
        words.truncate(MAX_CLAUSES * 2);
        let terms: Vec<String> = words
            .iter()
            .map(|(_, _, w)| self.language.term(w))
            .collect();
        let mut plan = Plan {
            whole: words
                .iter()
                .map(|w| w.2.as_str())
                .collect::<Vec<_>>()
                .join("-"),
            sequence: terms.clone(),
            ..Plan::default()
        };
        let all_stop = all_stop_words(self.language, words.iter().map(|w| w.2.as_str()));
        // Query position -> clause index.
        let mut clause_of: Vec<Option<usize>> = vec![None; words.len()];
        for (i, (_, _, w)) in words.iter().enumerate() {
            if (all_stop || !self.language.is_stop_word(w)) && plan.clauses.len() < MAX_CLAUSES {
                clause_of[i] = Some(plan.clauses.len());
                plan.clauses.push(Clause {
                    specs: Vec::new(),
                    alts: Vec::new(),
                });
            }
        }
        // Thesaurus: the longest form starting at each position.
        let (forms, first) = self.forms();
        let mut i = 0;
        while i < terms.len() {
            let mut best: Option<(usize, usize, usize)> = None; // (len, entry, form)
            for &(e, f) in first.get(&terms[i]).into_iter().flatten() {
                let form = &forms[e][f];
                let n = form.len();
                if i + n <= terms.len()
                    && terms[i..i + n] == form[..]
                    && best.is_none_or(|b| n > b.0)
                {
                    best = Some((n, e, f));
                }
            }
            let Some((n, e, f)) = best else {
                i += 1;
                continue;
            };
            let span: Vec<usize> = (i..i + n).filter_map(|p| clause_of[p]).collect();
            for (g, form) in forms[e].iter().enumerate() {
                if g == f || span.is_empty() {
                    continue;
                }
                let groups: Vec<Vec<u32>> = form
                    .iter()
                    .filter(|t| !self.language.is_stop_word(t))
                    .map(|t| self.words_of(t, t))
                    .collect();
                if groups.is_empty() || groups.iter().any(Vec::is_empty) {
                    continue;
                }
                let a = plan.alts.len();
                plan.matched.extend(groups.iter().flatten().copied());
                plan.alts.push(Alt {
                    groups,
                    span: span.len(),
                });
                for &c in &span {
                    plan.clauses[c].alts.push(a);
                }
            }
            i += n;
        }
        for (i, term) in terms.iter().enumerate() {
            let Some(c) = clause_of[i] else { continue };
            let word = &words[i].2;
            let own = self.words_of(word, term);
            let mut specs: Vec<(u32, f32)> = Vec::new();
            if !own.is_empty() {
                let df: usize = own.iter().map(|&w| self.df(w)).sum();
                let idf = self.idf(df);
                specs.extend(own.iter().map(|&w| (w, idf)));
            }
            if word.chars().count() >= prefix_min {
                let longer: Vec<u32> = self
                    .starting(word)
                    .filter(|w| !own.contains(w))
                    .take(prefix_max)
                    .collect();
                for w in longer {
                    let idf = self.idf(self.df(w));
                    specs.push((w, idf * PREFIX_FACTOR));
                }
            }
            if specs.is_empty()
                && plan.clauses[c].alts.is_empty()
                && correct
                && word.chars().count() >= 5
                && word.chars().all(char::is_alphabetic)
            {
                let found = self.corrections(word);
                if let Some(&w) = found.first() {
                    plan.corrections.push(Correction {
                        start: words[i].0,
                        end: words[i].1,
                        to: self.vocab.word(w).to_owned(),
                    });
                }
                for w in found {
                    let idf = self.idf(self.df(w));
                    specs.push((w, idf * TYPO_FACTOR));
                }
            }
            plan.matched.extend(specs.iter().map(|s| s.0));
            plan.clauses[c].specs = specs;
        }
        if !plan.corrections.is_empty() {
            // The exact-id bonus goes to the corrected query.
            let mut joined: Vec<&str> = words.iter().map(|w| w.2.as_str()).collect();
            for c in &plan.corrections {
                if let Some(i) = words.iter().position(|w| w.0 == c.start) {
                    joined[i] = &c.to;
                }
            }
            plan.whole = joined.join("-");
        }
        plan.named = self.docs_named(&plan.whole);
        plan.named.extend(ids(&plan.whole));
        plan.named.sort_unstable();
        plan.named.dedup();
        plan
    }

    /// Index words within a small edit distance of `word` (1 up to 7 letters, 2 from 8): those
    /// at the smallest distance, the most frequent first.
    fn corrections(&self, word: &str) -> Vec<u32> {
        let len = word.chars().count();
        let max = if len >= 8 { 2 } else { 1 };
        let mut found: Vec<(usize, usize, u32)> = Vec::new(); // (distance, -df, word)
        for (t, w) in self.vocab.iter() {
            let wl = w.chars().count();
            if wl.abs_diff(len) > max || wl < 4 {
                continue;
            }
            let d = strsim::osa_distance(word, w);
            if d <= max {
                let df = self.df(t);
                found.push((d, usize::MAX - df, t));
            }
        }
        found.sort_unstable();
        let best = found.first().map(|f| f.0);
        found
            .into_iter()
            .filter(|f| Some(f.0) == best)
            .map(|f| f.2)
            .collect()
    }

    /// Ranks the entities for a plan: the best `limit` (all in [`Mode::All`]), of one kind or
    /// all. `phrase` tells whether a doc holds the query's words in order in its title
    /// (`Some(true)`), elsewhere (`Some(false)`) or not (`None`), and whether its title is
    /// exactly the query.
    pub fn rank(
        &self,
        plan: &Plan,
        only: Option<EntityKind>,
        limit: usize,
        mode: Mode,
        phrase: &PhraseCheck<'_>,
    ) -> Vec<Ranked> {
        if plan.clauses.is_empty() || limit == 0 {
            return Vec::new();
        }
        let n = self.docs.len();
        SCRATCH.with(|cell| {
            let Ok(mut scratch) = cell.try_borrow_mut() else {
                return Vec::new();
            };
            let sc = &mut *scratch;
            if sc.acc.len() < n {
                sc.acc.resize(n, 0.0);
                sc.mask.resize(n, 0);
                sc.cur.resize(n, 0.0);
            }
            let out = self.rank_with(sc, plan, only, limit, mode, phrase);
            for &d in &sc.touched {
                sc.acc[d as usize] = 0.0;
                sc.mask[d as usize] = 0;
            }
            sc.touched.clear();
            out
        })
    }

    fn rank_with(
        &self,
        sc: &mut Scratch,
        plan: &Plan,
        only: Option<EntityKind>,
        limit: usize,
        mode: Mode,
        phrase: &PhraseCheck<'_>,
    ) -> Vec<Ranked> {
        // Thesaurus alternatives: the docs holding all of their terms.
        let alt_hits: Vec<Vec<(u32, f32)>> = plan
            .alts
            .iter()
            .map(|a| self.all_of(&a.groups, THESAURUS_FACTOR / a.span as f32))
            .collect();
        for (c, clause) in plan.clauses.iter().enumerate() {
            let bit = 1u32 << c;
            if clause.specs.len() == 1 && clause.alts.is_empty() {
                let (t, w) = clause.specs[0];
                for &(d, imp) in self.postings(t) {
                    let di = d as usize;
                    if sc.mask[di] == 0 {
                        sc.touched.push(d);
                    }
                    sc.acc[di] += w * imp;
                    sc.mask[di] |= bit;
                }
                continue;
            }
            // A doc's best match among the clause's words: in `cur`, then added to the sums;
            // for the first clause (no sum yet) straight in the sums.
            let first = c == 0;
            let best = |d: u32, v: f32, sc: &mut Scratch| {
                let di = d as usize;
                if first {
                    if sc.mask[di] == 0 {
                        sc.touched.push(d);
                        sc.mask[di] = bit;
                    }
                    if v > sc.acc[di] {
                        sc.acc[di] = v;
                    }
                    return;
                }
                if sc.cur[di] == 0.0 {
                    sc.ctouched.push(d);
                }
                if v > sc.cur[di] {
                    sc.cur[di] = v;
                }
            };
            for &(t, w) in &clause.specs {
                for &(d, imp) in self.postings(t) {
                    best(d, (w * imp).max(f32::MIN_POSITIVE), sc);
                }
            }
            for &a in &clause.alts {
                for &(d, v) in &alt_hits[a] {
                    best(d, v.max(f32::MIN_POSITIVE), sc);
                }
            }
            if first {
                continue;
            }
            let ctouched = std::mem::take(&mut sc.ctouched);
            for &d in &ctouched {
                let di = d as usize;
                if sc.mask[di] == 0 {
                    sc.touched.push(d);
                }
                sc.acc[di] += sc.cur[di];
                sc.mask[di] |= bit;
                sc.cur[di] = 0.0;
            }
            sc.ctouched = ctouched;
            sc.ctouched.clear();
        }
        let full = if plan.clauses.len() >= 32 {
            u32::MAX
        } else {
            (1u32 << plan.clauses.len()) - 1
        };
        let keep =
            |d: u32| only.is_none_or(|k| self.docs.get(d as usize).is_some_and(|x| x.kind == k));
        let order = |a: &(u32, f32, u32), b: &(u32, f32, u32)| {
            b.0.cmp(&a.0)
                .then(b.1.total_cmp(&a.1))
                .then(self.kind_pos(a.2).cmp(&self.kind_pos(b.2)))
        };
        if mode == Mode::All {
            let mut cands: Vec<(u32, f32, u32)> = sc
                .touched
                .iter()
                .filter(|&&d| keep(d) && sc.mask[d as usize] == full)
                .map(|&d| (sc.mask[d as usize].count_ones(), sc.acc[d as usize], d))
                .collect();
            cands.sort_by(order);
            return cands
                .into_iter()
                .filter_map(|(_, s, d)| {
                    Some(Ranked {
                        doc: self.doc(d)?,
                        score: f64::from(s),
                    })
                })
                .collect();
        }
        let pool = limit.max(RERANK);
        // Only the best coverage levels can hold the top `pool`: count docs per level first.
        let mut per_level = [0usize; 33];
        for &d in &sc.touched {
            per_level[sc.mask[d as usize].count_ones() as usize] += 1;
        }
        let mut floor = 0u32;
        let mut above = 0usize;
        for level in (0..33u32).rev() {
            above += per_level[level as usize];
            if above >= pool {
                floor = level;
                break;
            }
        }
        // (coverage, score, doc): a buffer cut back to the best `pool` whenever it fills, so
        // that docs under the pool's worst are skipped without sorting them.
        let buffer = pool.saturating_mul(4).min(sc.touched.len().max(1));
        let mut cands: Vec<(u32, f32, u32)> = Vec::with_capacity(buffer);
        let mut worst: Option<(u32, f32)> = None;
        for &d in &sc.touched {
            let c = sc.mask[d as usize].count_ones();
            let v = sc.acc[d as usize];
            if c < floor || worst.is_some_and(|(wc, wv)| c < wc || (c == wc && v < wv)) {
                continue;
            }
            if !keep(d) {
                continue;
            }
            cands.push((c, v, d));
            if cands.len() >= pool.saturating_mul(4) {
                cands.select_nth_unstable_by(pool - 1, order);
                cands.truncate(pool);
                worst = cands
                    .iter()
                    .map(|x| (x.0, x.1))
                    .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            }
        }
        if cands.len() > pool {
            cands.select_nth_unstable_by(pool - 1, order);
            cands.truncate(pool);
        }
        cands.sort_by(order);
        // The head (the best RERANK, and an entity whose id is the query) gets the bonuses and
        // is re-sorted; the rest keeps its order (bonuses only raise scores, so the head stays
        // ahead of it).
        let mut tail = cands.split_off(cands.len().min(RERANK));
        let mut head = cands;
        for &d in &plan.named {
            if !keep(d) {
                continue;
            }
            if let Some(i) = tail.iter().position(|c| c.2 == d) {
                head.push(tail.remove(i));
            } else if !head.iter().any(|c| c.2 == d) {
                head.push((sc.mask[d as usize].count_ones(), sc.acc[d as usize], d));
            }
            if let Some(c) = head.iter_mut().find(|c| c.2 == d) {
                c.1 += EXACT_ID_BONUS;
            }
        }
        if plan.sequence.len() >= 2 || !plan.alts.is_empty() {
            for c in &mut head {
                let (in_order, equals) = phrase(c.2, &plan.sequence);
                c.1 += match in_order {
                    Some(true) => PHRASE_TITLE_BONUS,
                    Some(false) => PHRASE_OTHER_BONUS,
                    None => 0.0,
                };
                if equals {
                    c.1 += TITLE_EQUALS_BONUS;
                }
            }
        }
        head.sort_by(order);
        head.append(&mut tail);
        head.truncate(limit);
        head.into_iter()
            .filter_map(|(_, s, d)| {
                Some(Ranked {
                    doc: self.doc(d)?,
                    score: f64::from(s),
                })
            })
            .collect()
    }

    fn kind_pos(&self, d: u32) -> (EntityKind, usize) {
        self.docs
            .get(d as usize)
            .map_or((EntityKind::Strategy, usize::MAX), |x| (x.kind, x.pos))
    }

    /// Docs holding every group (one of its words), with the groups' impacts summed, times
    /// the rarest group's idf and `factor`.
    fn all_of(&self, groups: &[Vec<u32>], factor: f32) -> Vec<(u32, f32)> {
        // Each group: its docs by doc, with the best impact.
        let mut lists: Vec<Vec<(u32, f32)>> = groups
            .iter()
            .map(|g| {
                let mut l: Vec<(u32, f32)> =
                    g.iter().flat_map(|&w| self.postings(w)).copied().collect();
                l.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                l.dedup_by_key(|p| p.0);
                l
            })
            .collect();
        if lists.is_empty() {
            return Vec::new();
        }
        lists.sort_by_key(Vec::len);
        let idf = lists
            .iter()
            .map(|l| self.idf(l.len()))
            .fold(0.0f32, f32::max);
        let mut out: Vec<(u32, f32)> = Vec::new();
        'doc: for &(d, _) in &lists[0] {
            let mut s = 0.0;
            for l in &lists {
                match l.binary_search_by_key(&d, |p| p.0) {
                    Ok(i) => s += l[i].1,
                    Err(_) => continue 'doc,
                }
            }
            out.push((d, s * idf * factor));
        }
        out
    }

    /// The term sequence of a text (stop words included), for phrases.
    pub fn sequence_of(&self, text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_packed_word(text, |_, _, w| {
            out.push(self.id_of(w).map_or("", |t| self.term(t)));
        });
        out
    }
}

/// The forms of every thesaurus entry as term sequences, and where each form's first term
/// leads.
fn analyse_forms(language: Language, thesaurus: &Thesaurus) -> Forms {
    let mut forms = Vec::new();
    let mut first: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (e, entry) in thesaurus.entries().iter().enumerate() {
        let f: Vec<Vec<String>> = entry
            .forms
            .iter()
            .map(|f| {
                super::analyze::words(f)
                    .iter()
                    .map(|w| language.term(w))
                    .collect()
            })
            .collect();
        for (i, form) in f.iter().enumerate() {
            if let Some(t) = form.first() {
                first.entry(t.clone()).or_default().push((e, i));
            }
        }
        forms.push(f);
    }
    (forms, first)
}

/// Whether every word is a stop word (then none is left out of the query).
fn all_stop_words<'a>(language: Language, mut words: impl Iterator<Item = &'a str>) -> bool {
    words.all(|w| language.is_stop_word(w))
}

/// The terms a query's words must match: every word's term, stop words left out unless the
/// query has only stop words.
pub(crate) fn query_terms(language: Language, text: &str) -> Vec<String> {
    let words = super::analyze::words(text);
    let all_stop = all_stop_words(language, words.iter().map(String::as_str));
    words
        .iter()
        .filter(|w| all_stop || !language.is_stop_word(w))
        .map(|w| language.term(w))
        .collect()
}

/// Whether `needle` occurs in `hay` as a contiguous run.
pub(crate) fn contains_run(hay: &[&str], needle: &[String]) -> bool {
    if needle.is_empty() || needle.len() > hay.len() {
        return false;
    }
    hay.windows(needle.len())
        .any(|w| w.iter().zip(needle).all(|(a, b)| *a == b.as_str()))
}
