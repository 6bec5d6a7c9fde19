//! The index's vocabulary: every folded word of the texts with its id, in the order first seen.
//!
//! Building the index looks up every word of every text here. Words of up to 16 bytes (nearly
//! all of them) are looked up by their [`pack`]ed key, one integer that the word splitter
//! hands on without copying the word: hashing and comparing a key cost a few instructions
//! instead of a string hash and a `memcmp`. The table holds each key with its id (20 bytes a
//! slot, the key compared where it is found). Longer words go to a map of strings. The words
//! themselves live in one arena, not in an allocation each.

use std::hash::BuildHasher;

use hashbrown::hash_table::Entry;
use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::query::search::analyze::{pack, push_word, Word};

/// Folded words and their ids (0, 1, 2, ... in the order added).
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// The words of 1 to 16 bytes: (key bytes, id), hashed by the key (20 bytes a slot).
    short: HashTable<([u8; 16], u32)>,
    /// Longer words.
    long: FxHashMap<Box<str>, u32>,
    /// Every word, one after the other.
    text: String,
    /// Per word id: where it ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
}

fn hash(key: u128) -> u64 {
    FxBuildHasher.hash_one(key)
}

impl Vocabulary {
    /// A vocabulary with room for `words` words.
    pub fn with_capacity(words: usize) -> Self {
        Vocabulary {
            short: HashTable::with_capacity(words),
            long: FxHashMap::default(),
            text: String::with_capacity(words * 8),
            ends: Vec::with_capacity(words),
        }
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The id of `word`, if it is in the vocabulary.
    pub fn get(&self, word: &str) -> Option<u32> {
        match pack(word.as_bytes()) {
            Some(key) => self.get_packed(key),
            None => self.long.get(word).copied(),
        }
    }

    /// [`Vocabulary::get`] of a word as the splitter hands it on.
    pub fn get_word(&self, word: Word<'_>) -> Option<u32> {
        match word {
            Word::Packed(key) => self.get_packed(key),
            Word::Text(w) => self.get(w),
        }
    }

    /// [`Vocabulary::intern`] of a word as the splitter hands it on.
    pub fn intern_word(&mut self, word: Word<'_>) -> (u32, bool) {
        match word {
            Word::Packed(key) => self.intern_packed(key),
            Word::Text(w) => self.intern(w),
        }
    }

    /// [`Vocabulary::get`] of the word whose [`pack`]ed key is `key`.
    fn get_packed(&self, key: u128) -> Option<u32> {
        let bytes = key.to_le_bytes();
        (self.short).find(hash(key), |e| e.0 == bytes).map(|e| e.1)
    }

    /// The id of `word`, added when new; `true` with an id just added.
    pub fn intern(&mut self, word: &str) -> (u32, bool) {
        if let Some(key) = pack(word.as_bytes()) {
            return self.intern_packed(key);
        }
        let next = self.ends.len() as u32;
        if let Some(&id) = self.long.get(word) {
            return (id, false);
        }
        self.long.insert(word.into(), next);
        self.push(Word::Text(word));
        (next, true)
    }

    /// [`Vocabulary::intern`] of the word whose [`pack`]ed key is `key`.
    fn intern_packed(&mut self, key: u128) -> (u32, bool) {
        let bytes = key.to_le_bytes();
        let rehash = |e: &([u8; 16], u32)| hash(u128::from_le_bytes(e.0));
        let next = self.ends.len() as u32;
        // One probe finds the word or the slot for it.
        match (self.short).entry(hash(key), |e| e.0 == bytes, rehash) {
            Entry::Occupied(e) => return (e.get().1, false),
            Entry::Vacant(e) => e.insert((bytes, next)),
        };
        self.push(Word::Packed(key));
        (next, true)
    }

    fn push(&mut self, word: Word<'_>) {
        push_word(&mut self.text, word);
        self.ends.push(self.text.len() as u32);
    }

    /// The word with id `id` ("" for an id out of range).
    pub fn word(&self, id: u32) -> &str {
        let i = id as usize;
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        let start = match i.checked_sub(1) {
            Some(j) => self.ends.get(j).copied().unwrap_or(0) as usize,
            None => 0,
        };
        self.text.get(start..end).unwrap_or("")
    }

    /// Every word with its id, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &str)> + '_ {
        (0..self.len() as u32).map(|id| (id, self.word(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::search::analyze::{unpack, LANE};

    #[test]
    fn words_keep_their_ids() {
        let mut v = Vocabulary::default();
        let long = "counterterrorism-and-more";
        let words = [
            "drug",
            "a",
            "drugs",
            "fifteen-letters",
            "sixteen-letters!",
            long,
        ];
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.intern(w), (i as u32, true), "{w}");
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.intern(w), (i as u32, false), "{w}");
            assert_eq!(v.get(w), Some(i as u32), "{w}");
            assert_eq!(v.word(i as u32), *w);
        }
        assert_eq!(v.get("drug "), None);
        assert_eq!(v.get("dru"), None);
        assert_eq!(v.get(""), None);
        assert_eq!(v.word(99), "");
        assert_eq!(v.len(), words.len());
        assert_eq!(v.iter().map(|x| x.1).collect::<Vec<_>>(), words);
    }

    #[test]
    fn keys_tell_words_apart() {
        // Every byte of a word of 1 to 16 bytes is in its key: changing any changes the key,
        // and the key gives the word back.
        for n in 1..=LANE {
            let word: Vec<u8> = (0..n as u8).map(|i| b'a' + i).collect();
            for i in 0..n {
                let mut other = word.clone();
                other[i] = b'z';
                assert_ne!(pack(&word), pack(&other), "length {n}, byte {i}");
            }
            let (bytes, len) = unpack(pack(&word).unwrap());
            assert_eq!(&bytes[..len], &word[..]);
        }
        assert_eq!(pack(&[b'x'; LANE + 1]), None);
        let (bytes, len) = unpack(pack("sécurité".as_bytes()).unwrap());
        assert_eq!(&bytes[..len], "sécurité".as_bytes());
        let mut v = Vocabulary::default();
        let all: Vec<String> = (1..=20).map(|n| "x".repeat(n)).collect();
        for w in &all {
            v.intern(w);
        }
        for (i, w) in all.iter().enumerate() {
            assert_eq!(v.get(w), Some(i as u32));
        }
    }
}
