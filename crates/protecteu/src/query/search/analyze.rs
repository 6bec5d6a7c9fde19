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

/// What an ASCII byte is to the word splitter (bytes from 128 up are not ASCII).
const SEPARATOR: u8 = 0;
const FOLDED: u8 = 1;
const UPPER: u8 = 2;
const NOT_ASCII: u8 = 3;

/// [`SEPARATOR`], [`FOLDED`] (lower-case letter or digit), [`UPPER`] or [`NOT_ASCII`] per byte:
/// one look-up per byte in the word splitter's fast path.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            FOLDED
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};

fn class(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

/// Calls `f(start, end, folded)` for each word of `text`: a run of letters and digits, with
/// its byte range in `text` and its folded form.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    let mut buf = String::new();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        // Fast path for ASCII: a byte loop with one table look-up per byte.
        let c = class(bytes[i]);
        if c == SEPARATOR {
            i += 1;
            continue;
        }
        if c != NOT_ASCII {
            let start = i;
            let mut upper = false;
            let mut next = c;
            while next == FOLDED || next == UPPER {
                upper |= next == UPPER;
                i += 1;
                next = if i < n { class(bytes[i]) } else { SEPARATOR };
            }
            if next != NOT_ASCII {
                let word = text.get(start..i).unwrap_or("");
                if upper {
                    buf.clear();
                    buf.push_str(word);
                    buf.make_ascii_lowercase();
                    f(start, i, &buf);
                } else {
                    // Already folded: no copy.
                    f(start, i, word);
                }
                continue;
            }
            // The word goes on with non-ASCII letters: take the slow path below.
            i = start;
        }
        // A word with non-ASCII characters (or a non-ASCII separator).
        let rest = &text[i..];
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
        fold_into(&rest[..end], &mut buf);
        if !buf.is_empty() {
            f(i, i + end, &buf);
        }
        i += end;
    }
}

/// Whether `text` is already one or more folded ASCII words joined by single `-` (most ids):
/// then the words of `text` joined by `-` are `text` itself.
pub(crate) fn is_folded_kebab(text: &str) -> bool {
    let b = text.as_bytes();
    !b.is_empty()
        && b.first() != Some(&b'-')
        && b.last() != Some(&b'-')
        && b.iter().all(|&c| c == b'-' || class(c) == FOLDED)
        && !b.windows(2).any(|w| w == b"--")
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

    #[test]
    fn kebab_ids_are_their_own_words() {
        for id in ["europol", "eu-drugs-strategy-2026", "a-b", "nis2"] {
            assert!(is_folded_kebab(id), "{id}");
            assert_eq!(words(id).join("-"), id);
        }
        for id in ["", "-a", "a-", "a--b", "Europol", "a b", "sécurité", "a_b"] {
            assert!(!is_folded_kebab(id), "{id}");
        }
    }

    #[test]
    fn stop_words_sorted() {
        assert!(ENGLISH_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(Language::English.is_stop_word("the"));
        assert!(!Language::English.is_stop_word("drug"));
    }
}
