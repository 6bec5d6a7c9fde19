//! Text analysis for search: words with their places in the text, folded (case and
//! diacritics), British/American spelling variants made one, and stemmed with the Snowball
//! stemmer of the text's language.

use std::borrow::Cow;

use once_cell::sync::Lazy;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A language whose words search can stem. Only English today: the data set is in English.
/// Another EU language needs its Snowball algorithm here and, where it has them, its spelling
/// variants in [`Language::variant`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) enum Language {
    /// English (Snowball's "english", also known as Porter2), British spelling as the
    /// canonical form.
    #[default]
    English,
}

static ENGLISH: Lazy<Stemmer> = Lazy::new(|| Stemmer::create(Algorithm::English));

impl Language {
    fn stemmer(self) -> &'static Stemmer {
        match self {
            Language::English => &ENGLISH,
        }
    }

    /// One spelling for the variants of a folded word (see [`english_variant`]).
    fn variant(self, word: &str) -> Cow<'_, str> {
        match self {
            Language::English => english_variant(word),
        }
    }

    /// Whether `word` (folded) is a function word that a query may leave out.
    pub fn is_stop_word(self, word: &str) -> bool {
        match self {
            Language::English => ENGLISH_STOP_WORDS.binary_search(&word).is_ok(),
        }
    }

    /// The index term of a folded word: its canonical spelling, stemmed. Words holding a digit
    /// (`nis2`, `2025`, `32016r0794`) are kept as they are.
    pub fn term(self, folded: &str) -> String {
        if folded.bytes().any(|b| b.is_ascii_digit()) || folded.chars().count() < 3 {
            return folded.to_owned();
        }
        let spelled = self.variant(folded);
        self.stemmer().stem(&spelled).into_owned()
    }
}

/// English function words left out of queries that have other words (the most frequent words
/// of Snowball's English stop-word list; sorted for binary search).
const ENGLISH_STOP_WORDS: [&str; 51] = [
    "a", "about", "against", "all", "an", "and", "any", "are", "as", "at", "be", "by", "can", "do",
    "does", "for", "from", "has", "have", "how", "i", "in", "into", "is", "it", "its", "me", "my",
    "not", "of", "on", "or", "our", "so", "than", "that", "the", "their", "there", "these", "this",
    "to", "was", "we", "were", "what", "when", "which", "who", "with", "you",
];

/// Whole words spelt differently in British and American English, American first.
const WORD_VARIANTS: [(&str, &str); 24] = [
    ("aging", "ageing"),
    ("analog", "analogue"),
    ("catalog", "catalogue"),
    ("check", "cheque"),
    ("defense", "defence"),
    ("defenses", "defences"),
    ("dialog", "dialogue"),
    ("enroll", "enrol"),
    ("fulfill", "fulfil"),
    ("gray", "grey"),
    ("judgment", "judgement"),
    ("license", "licence"),
    ("licenses", "licences"),
    ("maneuver", "manoeuvre"),
    ("offense", "offence"),
    ("offenses", "offences"),
    ("paralyze", "paralyse"),
    ("pretense", "pretence"),
    ("program", "programme"),
    ("programs", "programmes"),
    ("skeptic", "sceptic"),
    ("skeptical", "sceptical"),
    ("tire", "tyre"),
    ("tires", "tyres"),
];

/// `-our` words whose `-or` form is not an American spelling (kept as they are).
const OUR_KEEP: [&str; 8] = [
    "contour",
    "detour",
    "devour",
    "flour",
    "glamour",
    "paramour",
    "troubadour",
    "velour",
];

/// `-lled`/`-lling` words whose single-`l` form is not a spelling variant.
const LL_KEEP: [&str; 16] = [
    "compell", "dispell", "dwell", "excell", "expell", "fulfill", "impell", "knell", "propell",
    "quell", "rebell", "repell", "shell", "smell", "spell", "swell",
];

/// `-alled`/`-alling` words with a single-`l` American spelling (other `-all` words, such as
/// `installed` or `called`, keep their double `l`).
const ALL_VARIANTS: [&str; 7] = [
    "diall", "equall", "initiall", "marshall", "pedall", "signall", "totall",
];

/// Makes British and American spellings of a folded English word one form: `-ize` and
/// `-yze` families become `-ise`/`-yse`, `-our` becomes `-or`, `-tre`/`-bre` become
/// `-ter`/`-ber`, `-lled`/`-lling`/`-ller` become single `l`, and whole-word variants
/// (`defense`/`defence`, `program`/`programme`, ...) become the British form.
///
/// The form is an index form, never shown: `colour` and `color` both become `color`.
pub(crate) fn english_variant(word: &str) -> Cow<'_, str> {
    if let Some((_, british)) = WORD_VARIANTS.iter().find(|(am, _)| *am == word) {
        return Cow::Borrowed(british);
    }
    let w = word;
    // -ize, -ized, -izes, -izing, -izer(s), -ization(s), -izable: z -> s (at least three
    // letters before "iz", so that size, seize and prize stay).
    for suffix in [
        "ize", "ized", "izes", "izing", "izer", "izers", "ization", "izations", "izable",
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 3 {
                return Cow::Owned(format!("{stem}is{}", &suffix[2..]));
            }
        }
    }
    for suffix in ["yze", "yzed", "yzes", "yzing", "yzer", "yzers"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 2 {
                return Cow::Owned(format!("{stem}ys{}", &suffix[2..]));
            }
        }
    }
    // -our(s|ed|ing|ite|ites|able|hood|hoods|er|ers|ful|less) -> -or...
    for suffix in [
        "our", "ours", "oured", "ouring", "ourite", "ourites", "ourable", "ourhood", "ourhoods",
        "ourer", "ourers", "ourful", "ourless",
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let base = &w[..stem.len() + 3];
            if stem.len() >= 3 && !OUR_KEEP.contains(&base) {
                return Cow::Owned(format!("{stem}or{}", &suffix[3..]));
            }
        }
    }
    // centre, metre, fibre, theatre (+s): -tre/-bre -> -ter/-ber.
    for (suffix, to) in [
        ("tre", "ter"),
        ("tres", "ters"),
        ("bre", "ber"),
        ("bres", "bers"),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 2 && stem.ends_with(|c: char| "aceinr".contains(c)) {
                return Cow::Owned(format!("{stem}{to}"));
            }
        }
    }
    // travelled, labelling, modeller: -lled/-lling/-ller(s) -> single l.
    for suffix in ["lled", "lling", "ller", "llers"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let base = &w[..stem.len() + 2];
            let variant = if stem.ends_with('a') {
                ALL_VARIANTS.iter().any(|k| base.ends_with(k))
            } else {
                stem.ends_with('e') && !LL_KEEP.iter().any(|k| base.ends_with(k))
            };
            if stem.len() >= 3 && variant {
                return Cow::Owned(format!("{stem}{}", &suffix[1..]));
            }
        }
    }
    Cow::Borrowed(word)
}

/// Lower-cases `text` and strips diacritics (`Sécurité` becomes `securite`).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] appending to `out`.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    out.extend(
        text.nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase),
    );
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// A word as the splitter hands it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Word<'a> {
    /// A folded ASCII word of fewer than [`LANE`] bytes as its [`pack`]ed key: nearly every
    /// word, found without looking at its bytes one by one and with no copy.
    Packed(u128),
    /// Any other word (16 bytes or more, or with non-ASCII characters), folded through
    /// Unicode.
    Text(&'a str),
}

/// The bytes the splitter classifies at once, and the longest word [`pack`] takes.
pub(crate) const LANE: usize = 16;

/// `b` in every byte of a `u128`.
const fn splat(b: u8) -> u128 {
    u128::from_le_bytes([b; LANE])
}

/// The high bit of every byte.
const HIGH: u128 = splat(0x80);

/// The key of a word of 1 to [`LANE`] bytes: its bytes, zero-padded, read as one integer.
/// Words hold no zero byte, so every word of up to [`LANE`] bytes has a key of its own, whatever
/// its length; `None` for longer words.
pub(crate) fn pack(word: &[u8]) -> Option<u128> {
    let mut b = [0u8; LANE];
    b.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_le_bytes(b))
}

/// The bytes of a [`pack`]ed word and its length.
pub(crate) fn unpack(key: u128) -> ([u8; LANE], usize) {
    (key.to_le_bytes(), LANE - (key.leading_zeros() / 8) as usize)
}

/// The word of [`unpack`]ed bytes ("" if they are not UTF-8, which no key of a word is).
fn packed_str(bytes: &[u8; LANE], len: usize) -> &str {
    std::str::from_utf8(bytes.get(..len).unwrap_or(&[])).unwrap_or("")
}

/// Appends a word as the splitter hands it on to `text`.
pub(crate) fn push_word(text: &mut String, word: Word<'_>) {
    match word {
        Word::Packed(key) => {
            let (bytes, len) = unpack(key);
            // (Checking the bytes is faster than pushing them one character at a time.)
            text.push_str(packed_str(&bytes, len));
        }
        Word::Text(w) => text.push_str(w),
    }
}

/// The [`LANE`] bytes of `b` from `at`, as one integer (zeros past the end of `b`). Near the
/// end, the text's last lane shifted: no copy through memory, which would stall the read.
fn lane(b: &[u8], at: usize) -> u128 {
    let read = |s: &[u8]| u128::from_le_bytes(s.try_into().unwrap_or([0; LANE]));
    if let Some(s) = b.get(at..at + LANE) {
        return read(s);
    }
    match b.len().checked_sub(LANE) {
        Some(last) => read(b.get(last..).unwrap_or(&[]))
            .checked_shr(8 * at.saturating_sub(last) as u32)
            .unwrap_or(0),
        // A text shorter than a lane.
        None => (b.get(at..).unwrap_or(&[]).iter().rev()).fold(0, |x, &c| x << 8 | u128::from(c)),
    }
}

/// For each byte of `v` (whose high bits are clear): its high bit set when the byte is in
/// `lo..=hi` (`lo <= 0x80`, `hi <= 0x7f`; no sum carries into the next byte).
const fn bytes_in(v: u128, lo: u8, hi: u8) -> u128 {
    v.wrapping_add(splat(0x80 - lo)) & !v.wrapping_add(splat(0x7f - hi)) & HIGH
}

/// For each byte of `x`: its high bit set when the byte is an ASCII letter or digit.
fn ascii_word_bytes(x: u128) -> u128 {
    let v = x & !HIGH;
    (bytes_in(v | splat(0x20), b'a', b'z') | bytes_in(v, b'0', b'9')) & !(x & HIGH)
}

/// Calls `f(start, end, folded)` for each word of `text`: a run of letters and digits, with
/// its byte range in `text` and its folded form.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    for_each_packed_word(text, |start, end, word| match word {
        Word::Packed(key) => {
            let (bytes, len) = unpack(key);
            f(start, end, packed_str(&bytes, len));
        }
        Word::Text(w) => f(start, end, w),
    });
}

/// [`for_each_word`] handing on each word as a [`Word`]: an ASCII word of fewer than
/// [`LANE`] bytes as its key. Sixteen bytes are classified at once, and every word that ends
/// in the lane is taken from it: a word's end is the first byte after it that is not an ASCII
/// letter or digit, and its folded key is the lane with the case bit set, cut to the word.
/// Words with other characters (and longer ones) are folded through Unicode.
pub(crate) fn for_each_packed_word(text: &str, mut f: impl FnMut(usize, usize, Word<'_>)) {
    let mut buf = String::new();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    'lanes: while i < n {
        let x = lane(bytes, i);
        let high = x & HIGH;
        let word = ascii_word_bytes(x);
        let lower = x | splat(0x20);
        // Where words may start (the high bit of each such byte), those before the last
        // word taken cleared; a byte's bit is isolated as the lowest set bit, so that no
        // shift by a variable amount is needed but the one that moves a key to byte 0.
        let mut begins = word | high;
        loop {
            if begins == 0 {
                // Only ASCII separators to the lane's end (or the text's).
                i += LANE;
                continue 'lanes;
            }
            let first = begins & begins.wrapping_neg();
            let start = (first.trailing_zeros() / 8) as usize;
            if high & first != 0 {
                i += start;
                break;
            }
            let stops = !word & HIGH & !(first - 1);
            if stops == 0 {
                // The word runs to the lane's end: read it from its start (at the start
                // already, it is 16 bytes or more: the Unicode path below).
                if start == 0 {
                    break;
                }
                i += start;
                continue 'lanes;
            }
            let stop = stops & stops.wrapping_neg();
            if high & stop != 0 {
                // The word goes on with other characters.
                i += start;
                break;
            }
            let end = (stop.trailing_zeros() / 8) as usize;
            // The word's bytes: from the start byte's bit 0 to the stop byte's.
            let bytes = ((stop >> 7) - 1) & !((first >> 7) - 1);
            f(
                i + start,
                i + end,
                Word::Packed((lower & bytes) >> (8 * start)),
            );
            begins &= !(stop - 1);
        }
        // At `i`: a word with non-ASCII characters or of 16 bytes or more, or a non-ASCII
        // separator.
        let Some(rest) = text.get(i..) else { break };
        let mut chars = rest.char_indices();
        let Some((_, c)) = chars.next() else { break };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let mut end = rest.len();
        for (j, c) in chars {
            if !is_word_char(c) {
                end = j;
                break;
            }
        }
        buf.clear();
        fold_into(rest.get(..end).unwrap_or(""), &mut buf);
        if !buf.is_empty() {
            f(i, i + end, Word::Text(&buf));
        }
        i += end;
    }
}

/// The folded words of `text`.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |_, _, w| out.push(w.to_owned()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(w: &str) -> String {
        Language::English.term(w)
    }

    #[test]
    fn spellings_meet() {
        for (a, b) in [
            ("organization", "organisation"),
            ("organized", "organised"),
            ("radicalization", "radicalisation"),
            ("color", "colour"),
            ("neighborhood", "neighbourhood"),
            ("center", "centre"),
            ("defense", "defence"),
            ("traveling", "travelling"),
            ("analyze", "analyse"),
            ("program", "programme"),
            ("labor", "labour"),
        ] {
            assert_eq!(term(a), term(b), "{a} / {b}");
        }
        for (a, b) in [("size", "sise"), ("hour", "hor")] {
            assert_ne!(term(a), term(b), "{a} / {b}");
        }
    }

    #[test]
    fn stems_meet() {
        for (a, b) in [
            ("drones", "drone"),
            ("encrypted", "encryption"),
            ("cables", "cable"),
            ("attacks", "attack"),
            ("trafficking", "traffickers"),
        ] {
            assert_eq!(term(a), term(b), "{a} / {b}");
        }
        assert_eq!(term("nis2"), "nis2");
    }

    #[test]
    fn words_have_places() {
        let text = "Sécurité, NIS2-Directive; e\u{301}te\u{301} x";
        let mut seen = Vec::new();
        for_each_word(text, |s, e, w| seen.push((&text[s..e], w.to_owned())));
        assert_eq!(
            seen,
            vec![
                ("Sécurité", "securite".to_owned()),
                ("NIS2", "nis2".to_owned()),
                ("Directive", "directive".to_owned()),
                ("e\u{301}te\u{301}", "ete".to_owned()),
                ("x", "x".to_owned()),
            ]
        );
    }

    /// Words as the splitter is specified: runs of word characters, folded, empty folds left
    /// out; one character at a time.
    fn reference_words(text: &str) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (is_word_char(c) && i < text.len(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let w = fold(&text[s..i]);
                    if !w.is_empty() {
                        out.push((s, i, w));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    fn split(text: &str) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        for_each_word(text, |s, e, w| out.push((s, e, w.to_owned())));
        out
    }

    #[test]
    fn lanes_split_as_one_character_at_a_time() {
        // Words of every length around the lane's, at every offset from the text's start and
        // end, next to ASCII and non-ASCII separators and letters.
        let mut texts: Vec<String> = Vec::new();
        for n in [1, 2, 7, 8, 14, 15, 16, 17, 31, 32, 33] {
            let w: String = (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            let up = w.to_uppercase();
            for pad in 0..18 {
                let p = " ".repeat(pad);
                for (a, b) in [("", ""), ("é", ""), ("", "é"), ("–", "’"), ("x", "9")] {
                    texts.push(format!("{p}{a}{w}{b}{p}"));
                    texts.push(format!("{p}{up}{b} {w}{a}"));
                    texts.push(format!("{w}{p}{b}{up}"));
                }
            }
        }
        // Pseudo-random texts over an alphabet of every class of character.
        let alphabet: Vec<char> = "aZ9 -.,é\u{301}ßΣ–’\u{a0}xY0\t".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 48) as usize;
            let text: String = (0..len)
                .map(|k| alphabet[((seed >> (k % 50)) as usize + k * 7) % alphabet.len()])
                .collect();
            texts.push(text);
        }
        // The data set's own text, whole and cut at many places.
        let data = include_str!("../../../data/protecteu-2025.json");
        texts.push(data.to_owned());
        let cuts: Vec<usize> = (0..data.len())
            .step_by(997)
            .filter(|&i| data.is_char_boundary(i))
            .collect();
        for w in cuts.windows(2) {
            texts.push(data[w[0]..w[1]].to_owned());
        }
        for t in &texts {
            assert_eq!(split(t), reference_words(t), "{t:?}");
        }
        // Packed words are the folded words' keys.
        for t in texts.iter().take(2000) {
            for_each_packed_word(t, |s, e, w| {
                let folded = fold(&t[s..e]);
                match w {
                    Word::Packed(key) => assert_eq!(Some(key), pack(folded.as_bytes()), "{t:?}"),
                    Word::Text(x) => assert_eq!(x, folded, "{t:?}"),
                }
            });
        }
    }

    #[test]
    fn stop_words_sorted() {
        assert!(ENGLISH_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(Language::English.is_stop_word("the"));
        assert!(!Language::English.is_stop_word("drug"));
    }
}
