//! CELEX numbers: format checks, consistency with official numbers, EUR-Lex links.

use crate::model::InstrumentType;

/// The EUR-Lex address of a CELEX number.
///
/// ```
/// assert_eq!(
///     protecteu::eur_lex_url("32016R0794"),
///     "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0794"
/// );
/// ```
pub fn eur_lex_url(celex: &str) -> String {
    format!("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}")
}

/// The parts of a well-formed CELEX number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Celex {
    /// Sector (`3` legislation, `5` preparatory acts, ...).
    pub sector: char,
    /// Year.
    pub year: i32,
    /// Descriptor letters (`R`, `L`, `D`, `F`, `PC`, `DC`, `SC`, ...).
    pub descriptor: String,
    /// Number within the year.
    pub number: u32,
}

/// Parses a CELEX number such as `32016R0794` or `52025PC0148`; `None` if malformed.
///
/// ```
/// let c = protecteu::parse_celex("32019R1896").unwrap();
/// assert_eq!((c.year, c.descriptor.as_str(), c.number), (2019, "R", 1896));
/// assert!(protecteu::parse_celex("3201R1896").is_none());
/// ```
pub fn parse_celex(text: &str) -> Option<Celex> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || !text.is_ascii() {
        return None;
    }
    let sector = char::from(bytes[0]);
    if !(sector.is_ascii_digit() || sector == 'C' || sector == 'E') {
        return None;
    }
    let year_text = &text[1..5];
    if !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    let rest = &text[5..];
    let letters: String = rest
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    if letters.is_empty() || letters.len() > 2 {
        return None;
    }
    let digits = &rest[letters.len()..];
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    Some(Celex {
        sector,
        year,
        descriptor: letters,
        number,
    })
}

/// Year and number read from an official number such as `Regulation (EU) 2016/794`,
/// `Directive 2011/36/EU` (year first) or `Regulation (EC) No 273/2004` (number first).
pub fn year_and_number(official: &str) -> Option<(i32, u32)> {
    let number_first = official.contains("No ");
    let start = official.find(|c: char| c.is_ascii_digit())?;
    let tail = &official[start..];
    let first: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after = tail[first.len()..].strip_prefix('/')?;
    let second: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
    if second.is_empty() {
        return None;
    }
    let (a, b): (u32, u32) = (first.parse().ok()?, second.parse().ok()?);
    let (year, number) = if number_first { (b, a) } else { (a, b) };
    let year = i32::try_from(year).ok()?;
    if !(1950..=2100).contains(&year) {
        return None;
    }
    Some((year, number))
}

/// The CELEX number (sector 3) that an instrument's official number and type imply, if they
/// imply one.
///
/// ```
/// use protecteu::{expected_celex, InstrumentType};
/// assert_eq!(expected_celex("Regulation (EU) 2016/794", InstrumentType::Regulation).as_deref(), Some("32016R0794"));
/// assert_eq!(expected_celex("Regulation (EC) No 273/2004", InstrumentType::Regulation).as_deref(), Some("32004R0273"));
/// assert_eq!(expected_celex("Council Framework Decision 2008/841/JHA", InstrumentType::FrameworkDecision).as_deref(), Some("32008F0841"));
/// ```
pub fn expected_celex(official: &str, kind: InstrumentType) -> Option<String> {
    let letter = kind.celex_letter()?;
    let (year, number) = year_and_number(official)?;
    if number > 9999 {
        return None;
    }
    Some(format!("3{year}{letter}{number:04}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn celex_shapes() {
        assert!(parse_celex("52025PC0148").is_some());
        assert!(parse_celex("32024L1260").is_some());
        for bad in [
            "",
            "32016R794",
            "32016r0794",
            "X2016R0794",
            "32016RRR0794",
            "320a6R0794",
            "32016R07944",
        ] {
            assert!(parse_celex(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn official_numbers() {
        assert_eq!(
            year_and_number("Directive (EU) 2022/2555"),
            Some((2022, 2555))
        );
        assert_eq!(year_and_number("Directive 2011/36/EU"), Some((2011, 36)));
        assert_eq!(
            year_and_number("Council Regulation (EC) No 111/2005"),
            Some((2005, 111))
        );
        assert_eq!(
            year_and_number("Regulation (EU, Euratom) 2024/2509"),
            Some((2024, 2509))
        );
        assert_eq!(year_and_number("no number here"), None);
        assert_eq!(
            expected_celex("Directive 2011/36/EU", InstrumentType::Directive).as_deref(),
            Some("32011L0036")
        );
    }
}
