//! Dates and periods as typed values: [`CalendarDate`] (a uniffi custom type: `LocalDate` in
//! Kotlin, `DateComponents` in Swift, configured in `uniffi.toml`) and the [`Period`] record
//! with its parser [`parse_period`].

use std::cmp::Ordering;
use std::fmt;

use crate::error::{ProtectEuError, Result};

/// A calendar date in the Rust API: the core's date type. It crosses the FFI as ISO text
/// (`2026-06-30`), which the bindings turn into their own date type.
pub type CalendarDate = chrono::NaiveDate;

/// The ISO text of a date, always `YYYY-MM-DD` (the form the Kotlin and Swift converters read).
fn iso(date: CalendarDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads the ISO text sent by Kotlin or Swift; a date that does not exist (`2026-02-30`, or
/// Swift `DateComponents` missing a field) is `InvalidArgument`.
fn from_iso(text: String) -> uniffi::Result<CalendarDate> {
    chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        ProtectEuError::InvalidArgument {
            details: format!("invalid date '{text}': expected a calendar date that exists, with year, month and day"),
        }
        .into()
    })
}

uniffi::custom_type!(
    /// A calendar date: a day with no time of day and no time zone (`java.time.LocalDate` in
    /// Kotlin; `DateComponents` with `year`, `month` and `day` set in Swift).
    CalendarDate, String, {
    remote,
    lower: |date| iso(date),
    try_lift: |text| from_iso(text),
});

/// A calendar period: a year (`2026`), a half-year (`2026-H1`) or a quarter (`2026-Q2`).
/// Prints as that text (Kotlin `toString()`, Swift `description`), orders by its first and
/// then its last day, and is made from text with `parsePeriod`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
#[uniffi::export(Display, Ord)]
pub struct Period {
    /// The calendar year.
    pub year: i32,
    /// The half-year (1 or 2), for a half.
    #[uniffi(default = None)]
    pub half: Option<u8>,
    /// The quarter (1 to 4), for a quarter.
    #[uniffi(default = None)]
    pub quarter: Option<u8>,
}

impl From<protecteu::Period> for Period {
    fn from(p: protecteu::Period) -> Self {
        let (half, quarter) = match p.unit() {
            protecteu::PeriodUnit::Year => (None, None),
            protecteu::PeriodUnit::Half(h) => (Some(h), None),
            protecteu::PeriodUnit::Quarter(q) => (None, Some(q)),
        };
        Period {
            year: p.year_number(),
            half,
            quarter,
        }
    }
}

impl Period {
    /// The core period; fails for a half and a quarter at once, or one out of range.
    pub(crate) fn to_core(self) -> Result<protecteu::Period> {
        let unit = match (self.half, self.quarter) {
            (None, None) => Some(protecteu::PeriodUnit::Year),
            (Some(h), None) => Some(protecteu::PeriodUnit::Half(h)),
            (None, Some(q)) => Some(protecteu::PeriodUnit::Quarter(q)),
            (Some(_), Some(_)) => None,
        };
        unit.and_then(|u| protecteu::Period::new(self.year, u))
            .ok_or_else(|| ProtectEuError::InvalidArgument {
                details: format!(
                    "invalid period (year {}, half {:?}, quarter {:?}): expected a year from 1000 to 9999 with at most one of a half (1-2) or a quarter (1-4)",
                    self.year, self.half, self.quarter
                ),
            })
    }

    /// The dates the order compares; an invalid period sorts by its year alone, first.
    fn bounds(&self) -> (i32, Option<(CalendarDate, CalendarDate)>) {
        (self.year, self.to_core().ok().map(|p| (p.start(), p.end())))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.half, self.quarter) {
            (Some(h), _) => write!(f, "{}-H{h}", self.year),
            (None, Some(q)) => write!(f, "{}-Q{q}", self.year),
            (None, None) => write!(f, "{}", self.year),
        }
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.bounds(), other.bounds());
        a.1.cmp(&b.1)
            .then(a.0.cmp(&b.0))
            .then(self.half.cmp(&other.half))
            .then(self.quarter.cmp(&other.quarter))
    }
}

#[uniffi::export]
impl Period {
    /// The period's first day.
    ///
    /// # Errors
    /// `InvalidArgument` for a period that does not exist (both a half and a quarter, or
    /// one out of range).
    pub fn start(&self) -> Result<CalendarDate> {
        Ok(self.to_core()?.start())
    }

    /// The period's last day: an action due in the period is on time until the end of it.
    ///
    /// # Errors
    /// `InvalidArgument` for a period that does not exist.
    pub fn end(&self) -> Result<CalendarDate> {
        Ok(self.to_core()?.end())
    }

    /// True when `date` falls inside the period.
    ///
    /// # Errors
    /// `InvalidArgument` for a period or a date that does not exist.
    pub fn contains(&self, date: CalendarDate) -> Result<bool> {
        Ok(self.to_core()?.contains(date))
    }
}

/// Parses a period: a year (`2026`), a half-year (`2026-H1`) or a quarter (`2026-Q2`).
///
/// # Errors
/// `InvalidArgument` for anything else (`2026-Q5`, `soon`).
#[uniffi::export]
pub fn parse_period(text: String) -> Result<Period> {
    Ok(Period::from(protecteu::parse_period(&text)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        from_iso(text.into()).unwrap()
    }

    #[test]
    fn periods_parse_print_and_bound() {
        let h2 = parse_period("2026-H2".into()).unwrap();
        assert_eq!(
            h2,
            Period {
                year: 2026,
                half: Some(2),
                quarter: None
            }
        );
        assert_eq!(h2.to_string(), "2026-H2");
        assert_eq!(h2.start().unwrap(), date("2026-07-01"));
        assert_eq!(h2.end().unwrap(), date("2026-12-31"));
        assert!(h2.contains(date("2026-07-01")).unwrap());
        assert!(!h2.contains(date("2026-06-30")).unwrap());
        for text in ["2026", "2026-H1", "2026-Q4"] {
            assert_eq!(parse_period(text.into()).unwrap().to_string(), text);
        }
        assert!(matches!(
            parse_period("2026-Q5".into()),
            Err(ProtectEuError::InvalidArgument { .. })
        ));
        let both = Period {
            year: 2026,
            half: Some(1),
            quarter: Some(1),
        };
        assert!(both.start().is_err() && both.contains(date("2026-01-01")).is_err());
    }

    #[test]
    fn periods_order_by_their_days() {
        let mut ps: Vec<Period> = ["2027", "2026-H2", "2026", "2026-Q1", "2026-H1"]
            .iter()
            .map(|t| parse_period((*t).into()).unwrap())
            .collect();
        ps.sort();
        let texts: Vec<String> = ps.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["2026-Q1", "2026-H1", "2026", "2026-H2", "2027"]);
    }

    #[test]
    fn dates_cross_as_iso_text_and_bad_ones_are_invalid_arguments() {
        assert_eq!(iso(date("2026-06-30")), "2026-06-30");
        assert_eq!(iso(date("0999-01-02")), "0999-01-02");
        let err = from_iso("2026-02-30".into()).unwrap_err();
        assert!(matches!(
            err.downcast::<ProtectEuError>(),
            Ok(ProtectEuError::InvalidArgument { .. })
        ));
        assert!(from_iso("0000-00-00".into()).is_err());
    }
}
