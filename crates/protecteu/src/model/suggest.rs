//! "Did you mean ...?" suggestions for unknown ids.

/// The candidate closest to `needle`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    needle: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // Ids are short: a long needle is no typo of one, and comparing it would cost its length
    // times every candidate's, for every candidate.
    if needle.len() > 200 {
        return None;
    }
    let needle = needle.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score =
            strsim::jaro_winkler(&needle, c).max(strsim::normalized_levenshtein(&needle, c));
        let boosted = if c.starts_with(&needle) || c.contains(&needle) {
            score.max(0.9)
        } else {
            score
        };
        if boosted >= 0.8 && best.is_none_or(|(s, id)| boosted > s || (boosted == s && c < id)) {
            best = Some((boosted, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_typos_only() {
        let ids = ["europol", "eurojust", "frontex"];
        assert_eq!(super::closest("europl", ids), Some("europol"));
        assert_eq!(super::closest("FRONTEX", ids), Some("frontex"));
        assert_eq!(super::closest("commission", ids), None);
    }
}
