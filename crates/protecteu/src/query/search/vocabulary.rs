//! The index's vocabulary: every folded word of the texts with its id, in the order first seen.
//!
//! Building the index looks up every word of every text here, so this is where the build
//! spends most of its time. Words of up to 16 bytes (nearly all of them) are looked up as one
//! `u128` read from the word's bytes, in a table per word length: hashing and comparing a key
//! then cost a few instructions instead of a string hash and a `memcmp`. Longer words go to a
//! map of strings. The words themselves live in one arena, not in an allocation each.

use rustc_hash::FxHashMap;

/// Folded words and their ids (0, 1, 2, ... in the order added).
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// Words of 1 to [`SHORT`] bytes: per length, by [`pack`]ed key.
    short: Vec<FxHashMap<u128, u32>>,
    /// Longer words.
    long: FxHashMap<Box<str>, u32>,
    /// Every word, one after the other.
    text: String,
    /// Per word id: where it ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
}

/// The longest word kept as a packed key.
const SHORT: usize = 16;

/// A key that tells apart every word of the same length (1 to [`SHORT`] bytes): its first and
/// its last bytes, read as two overlapping integers that cover the whole word.
fn pack(w: &[u8]) -> u128 {
    fn u64_at(w: &[u8], at: usize) -> u128 {
        let mut b = [0u8; 8];
        if let Some(s) = w.get(at..at + 8) {
            b.copy_from_slice(s);
        }
        u128::from(u64::from_le_bytes(b))
    }
    fn u32_at(w: &[u8], at: usize) -> u128 {
        let mut b = [0u8; 4];
        if let Some(s) = w.get(at..at + 4) {
            b.copy_from_slice(s);
        }
        u128::from(u32::from_le_bytes(b))
    }
    let n = w.len();
    match n {
        0 => 0,
        1..=3 => {
            let at = |i: usize| u128::from(w.get(i).copied().unwrap_or(0));
            at(0) | at(n / 2) << 8 | at(n - 1) << 16
        }
        4..=7 => u32_at(w, 0) | u32_at(w, n - 4) << 32,
        _ => u64_at(w, 0) | u64_at(w, n.saturating_sub(8)) << 64,
    }
}

impl Vocabulary {
    /// The number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The id of `word`, if it is in the vocabulary.
    pub fn get(&self, word: &str) -> Option<u32> {
        let b = word.as_bytes();
        if b.len() <= SHORT {
            self.short.get(b.len())?.get(&pack(b)).copied()
        } else {
            self.long.get(word).copied()
        }
    }

    /// The id of `word`, added when new; `true` with an id just added.
    pub fn intern(&mut self, word: &str) -> (u32, bool) {
        let next = self.ends.len() as u32;
        let b = word.as_bytes();
        if b.len() <= SHORT {
            if self.short.is_empty() {
                self.short = vec![FxHashMap::default(); SHORT + 1];
            }
            let Some(table) = self.short.get_mut(b.len()) else {
                return (next, false);
            };
            let id = *table.entry(pack(b)).or_insert(next);
            if id != next {
                return (id, false);
            }
        } else if let Some(&id) = self.long.get(word) {
            return (id, false);
        } else {
            self.long.insert(word.into(), next);
        }
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
        (next, true)
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
    fn keys_tell_words_of_a_length_apart() {
        // Every byte of a word of 1 to 16 bytes is in its key: changing any changes the key.
        for n in 1..=SHORT {
            let word: Vec<u8> = (0..n as u8).map(|i| b'a' + i).collect();
            for i in 0..n {
                let mut other = word.clone();
                other[i] = b'z';
                assert_ne!(pack(&word), pack(&other), "length {n}, byte {i}");
            }
        }
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
