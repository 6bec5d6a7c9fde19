//! Why a hit matched: the field with the most matched words and an excerpt of it with those
//! words marked.

use std::collections::HashSet;

use super::analyze::for_each_packed_word;
use super::index::{Doc, Field, SearchIndex};
use crate::model::strategy::Strategy;

/// Excerpts of longer fields hold about this many characters.
const EXCERPT_CHARS: usize = 160;
/// Characters kept before the first marked word.
const LEAD_CHARS: usize = 50;

/// The best field, its excerpt and the marks (code-point offsets in the excerpt).
pub(crate) struct Info {
    pub field: &'static str,
    pub excerpt: String,
    pub marks: Vec<(usize, usize)>,
}

/// Match information of one hit: the field with the most distinct matched terms (the
/// earlier field on a tie: title, id, summary, notes, cited), cut around its first match.
pub(crate) fn match_info(s: &Strategy, ix: &SearchIndex, doc: Doc, matched: &HashSet<u32>) -> Info {
    // (distinct terms, field, text, byte ranges)
    type Best = (usize, Field, String, Vec<(usize, usize)>);
    let mut best: Option<Best> = None;
    s.search_fields(doc.kind, doc.pos, &mut |f, text| {
        let Some(f) = f else { return };
        if text.is_empty() {
            return;
        }
        let mut ranges = Vec::new();
        let mut terms = HashSet::new();
        for_each_packed_word(text, |a, b, w| {
            if let Some(t) = ix.id_of(w).filter(|t| matched.contains(t)) {
                ranges.push((a, b));
                terms.insert(t);
            }
        });
        let n = terms.len();
        let better = match &best {
            None => true,
            Some((m, g, _, _)) => n > *m || (n == *m && f < *g && n > 0),
        };
        if better && (n > 0 || best.is_none()) {
            best = Some((n, f, text.to_owned(), ranges));
        }
    });
    let Some((_, field, text, ranges)) = best else {
        return Info {
            field: Field::Title.name(),
            excerpt: String::new(),
            marks: Vec::new(),
        };
    };
    let (excerpt, marks) = cut(&text, &ranges);
    Info {
        field: field.name(),
        excerpt,
        marks,
    }
}

/// The excerpt of `text` around the first range, and the ranges inside it as code-point
/// offsets in the excerpt.
fn cut(text: &str, ranges: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    let chars = text.chars().count();
    let (from, to) = if chars <= EXCERPT_CHARS {
        (0, text.len())
    } else {
        let first = ranges.first().map_or(0, |r| r.0);
        // Start at a word boundary about LEAD_CHARS before the first match.
        let mut start = text[..first]
            .char_indices()
            .rev()
            .nth(LEAD_CHARS)
            .map_or(0, |(i, _)| i);
        if start > 0 {
            start = text[start..]
                .find(char::is_whitespace)
                .map_or(start, |j| start + j + 1)
                .min(first);
        }
        let mut end = text[start..]
            .char_indices()
            .nth(EXCERPT_CHARS)
            .map_or(text.len(), |(i, _)| start + i);
        if end < text.len() {
            end = text[..end]
                .rfind(char::is_whitespace)
                .filter(|&e| e > first)
                .unwrap_or(end);
        }
        (start, end)
    };
    let mut excerpt = String::new();
    let lead = if from > 0 { "…" } else { "" };
    excerpt.push_str(lead);
    excerpt.push_str(text[from..to].trim_end_matches([',', ';', ':', ' ']));
    let body_end = from + excerpt.len() - lead.len();
    if to < text.len() {
        excerpt.push('…');
    }
    let offset = lead.chars().count();
    let cp = |b: usize| offset + text[from..b].chars().count();
    let marks = ranges
        .iter()
        .filter(|r| r.0 >= from && r.1 <= body_end)
        .map(|r| (cp(r.0), cp(r.1)))
        .collect();
    (excerpt, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_whole() {
        let (e, m) = cut("Protection of subsea cables", &[(14, 20)]);
        assert_eq!(e, "Protection of subsea cables");
        assert_eq!(m, vec![(14, 20)]);
    }

    #[test]
    fn long_text_is_cut_at_words() {
        let text = "word ".repeat(60) + "target " + &"more ".repeat(60);
        let at = text.find("target").unwrap_or(0);
        let (e, m) = cut(&text, &[(at, at + 6)]);
        assert!(e.starts_with('…') && e.ends_with('…'), "{e}");
        assert!(e.chars().count() <= EXCERPT_CHARS + 2, "{e}");
        let (s, t) = m[0];
        let got: String = e.chars().skip(s).take(t - s).collect();
        assert_eq!(got, "target");
    }

    #[test]
    fn marks_count_code_points() {
        let (e, m) = cut("Sécurité économique", &[(11, 22)]);
        let got: String = e.chars().skip(m[0].0).take(m[0].1 - m[0].0).collect();
        assert_eq!(got, "économique");
    }
}
