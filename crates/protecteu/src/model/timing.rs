//! When an action is due: [`Timing`] as the data states it, and [`Period`] for queries.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::error::Error;

/// The machine form of an action's timing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimingKind {
    /// Due in a calendar year (`year`).
    Year,
    /// Due in a half-year (`year`, `half` 1-2).
    Half,
    /// Due in a quarter (`year`, `quarter` 1-4).
    Quarter,
    /// Due by the end of a year at the latest (`year`).
    By,
    /// A continuous commitment with no deadline.
    Ongoing,
    /// No source states when.
    NotStated,
}

impl TimingKind {
    /// Every value, in declaration order.
    pub const ALL: [TimingKind; 6] = [
        TimingKind::Year,
        TimingKind::Half,
        TimingKind::Quarter,
        TimingKind::By,
        TimingKind::Ongoing,
        TimingKind::NotStated,
    ];
}

/// When an action is due: a machine form plus the source's own words.
///
/// ```
/// use protecteu::{Timing, TimingKind};
/// let t = Timing { kind: TimingKind::Quarter, year: Some(2026), half: None, quarter: Some(2),
///                  text: "second quarter of 2026".into() };
/// assert_eq!(t.period().unwrap().to_string(), "2026-Q2");
/// assert_eq!(t.deadline().unwrap().to_string(), "2026-06-30");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Timing {
    /// The machine form.
    pub kind: TimingKind,
    /// The year, for `year`, `half`, `quarter` and `by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The half-year (1 or 2), for `half`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub half: Option<u8>,
    /// The quarter (1 to 4), for `quarter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    /// The source's own words about timing (or `not stated`).
    pub text: String,
}

impl Timing {
    /// The period in which the action is due, or `None` for ongoing and not-stated timings (and
    /// for malformed ones, which validation reports). A `by` timing gives its year.
    pub fn period(&self) -> Option<Period> {
        let year = self.year?;
        match self.kind {
            TimingKind::Year | TimingKind::By => Period::new(year, PeriodUnit::Year),
            TimingKind::Half => Period::new(year, PeriodUnit::Half(self.half?)),
            TimingKind::Quarter => Period::new(year, PeriodUnit::Quarter(self.quarter?)),
            TimingKind::Ongoing | TimingKind::NotStated => None,
        }
    }

    /// The last day on which the action is still on time.
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.period().map(|p| p.end())
    }
}

/// The unit of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodUnit {
    /// A whole year.
    Year,
    /// A half-year, 1 or 2.
    Half(u8),
    /// A quarter, 1 to 4.
    Quarter(u8),
}

/// A calendar period used in queries: a year (`2026`), a half (`2026-H1`) or a quarter
/// (`2026-Q2`).
///
/// ```
/// use protecteu::Period;
/// let q: Period = "2026-Q2".parse().unwrap();
/// assert_eq!(q.start().to_string(), "2026-04-01");
/// assert_eq!(q.end().to_string(), "2026-06-30");
/// assert!("2026-Q5".parse::<Period>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    start: NaiveDate,
    end: NaiveDate,
    year: i32,
    unit: PeriodUnit,
}

impl Period {
    /// A period of `unit` in `year`; `None` if the half, quarter or year is out of range.
    pub fn new(year: i32, unit: PeriodUnit) -> Option<Period> {
        if !(1000..=9999).contains(&year) {
            return None;
        }
        let (first_month, months) = match unit {
            PeriodUnit::Year => (1, 12),
            PeriodUnit::Half(h @ 1..=2) => (u32::from(h - 1) * 6 + 1, 6),
            PeriodUnit::Quarter(q @ 1..=4) => (u32::from(q - 1) * 3 + 1, 3),
            _ => return None,
        };
        let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
        let next = if first_month + months > 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, first_month + months, 1)?
        };
        let end = next.pred_opt()?;
        Some(Period {
            start,
            end,
            year,
            unit,
        })
    }

    /// The whole calendar year.
    pub fn year(year: i32) -> Option<Period> {
        Period::new(year, PeriodUnit::Year)
    }

    /// The period's first day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The period's last day.
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// The period's unit.
    pub fn unit(&self) -> PeriodUnit {
        self.unit
    }

    /// True when `date` falls inside the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The period's year.
    pub fn year_number(&self) -> i32 {
        self.start.year()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            PeriodUnit::Year => write!(f, "{}", self.year),
            PeriodUnit::Half(h) => write!(f, "{}-H{}", self.year, h),
            PeriodUnit::Quarter(q) => write!(f, "{}-Q{}", self.year, q),
        }
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || Error::InvalidArgument {
            name: "period".into(),
            value: text.into(),
            expected: "a year (2026), a half (2026-H1) or a quarter (2026-Q2)".into(),
        };
        let t = text.trim();
        let (year_text, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year_text.parse().map_err(|_| bad())?;
        let unit = match rest {
            None => PeriodUnit::Year,
            Some(r) => {
                let upper = r.to_ascii_uppercase();
                // Split after the first character, not the first byte: the text may hold
                // multi-byte characters (found by fuzzing: "2026-Ӿ1" panicked).
                let first = upper.chars().next().map_or(0, char::len_utf8);
                let (letter, digits) = upper.split_at(first);
                let n: u8 = if digits.len() == 1 {
                    digits.parse().map_err(|_| bad())?
                } else {
                    return Err(bad());
                };
                match letter {
                    "H" => PeriodUnit::Half(n),
                    "Q" => PeriodUnit::Quarter(n),
                    _ => return Err(bad()),
                }
            }
        };
        Period::new(year, unit).ok_or_else(bad)
    }
}

impl From<i32> for Period {
    /// A year as a period; years outside 1000-9999 are clamped to that range.
    fn from(year: i32) -> Self {
        let year = year.clamp(1000, 9999);
        Period::year(year).unwrap_or(Period {
            start: NaiveDate::MIN,
            end: NaiveDate::MAX,
            year,
            unit: PeriodUnit::Year,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_years_halves_and_quarters() {
        let y: Period = "2026".parse().unwrap();
        assert_eq!(
            (y.start().to_string(), y.end().to_string()),
            ("2026-01-01".into(), "2026-12-31".into())
        );
        let h: Period = "2025-h2".parse().unwrap();
        assert_eq!(h.start().to_string(), "2025-07-01");
        let q: Period = "2024-Q1".parse().unwrap();
        assert_eq!(q.end().to_string(), "2024-03-31");
        for bad in [
            "", "26", "2026-Q0", "2026-Q5", "2026-H3", "2026-X1", "2026-Q12", "abcd",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn timing_kinds_give_periods() {
        let t = |kind, year, half, quarter| Timing {
            kind,
            year,
            half,
            quarter,
            text: String::new(),
        };
        assert_eq!(
            t(TimingKind::By, Some(2027), None, None)
                .deadline()
                .unwrap()
                .to_string(),
            "2027-12-31"
        );
        assert_eq!(
            t(TimingKind::Half, Some(2026), Some(1), None)
                .deadline()
                .unwrap()
                .to_string(),
            "2026-06-30"
        );
        assert_eq!(t(TimingKind::Ongoing, None, None, None).period(), None);
        assert_eq!(
            t(TimingKind::Quarter, Some(2026), None, Some(9)).period(),
            None
        );
    }
}
