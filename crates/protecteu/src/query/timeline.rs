//! Actions grouped by due period, with where each stands on a date.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::strategy::{status_at, Strategy};
use crate::model::timing::{Period, PeriodUnit};
use crate::model::{Action, Status};
use crate::query::{progress_at, Progress};

/// One action in a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry<'a> {
    /// The action.
    pub action: &'a Action,
    /// Its status on the timeline's date.
    pub status: Status,
    /// Where it stands on the timeline's date.
    pub progress: Progress,
}

/// The actions due in one period.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineGroup<'a> {
    /// `2026`, `2026-H1`, `2026-Q2`, `ongoing` or `not stated`.
    pub label: String,
    /// The period, for dated groups.
    #[serde(skip)]
    pub period: Option<Period>,
    /// The actions, in model order.
    pub entries: Vec<TimelineEntry<'a>>,
}

/// Actions grouped by due period on a date.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline<'a> {
    /// The date the statuses are read on.
    pub as_of: NaiveDate,
    /// Dated groups by period start (a quarter before the half before the year that start
    /// together), then `ongoing`, then `not stated`.
    pub groups: Vec<TimelineGroup<'a>>,
}

impl Timeline<'_> {
    /// Every entry with a given progress, in timeline order.
    pub fn with_progress(&self, progress: Progress) -> impl Iterator<Item = &TimelineEntry<'_>> {
        self.groups
            .iter()
            .flat_map(|g| g.entries.iter())
            .filter(move |e| e.progress == progress)
    }
}

fn unit_rank(u: PeriodUnit) -> u8 {
    match u {
        PeriodUnit::Quarter(_) => 0,
        PeriodUnit::Half(_) => 1,
        PeriodUnit::Year => 2,
    }
}

impl Strategy {
    /// The timeline on a date (default: the data set's as-of date).
    ///
    /// ```
    /// use protecteu::Progress;
    /// let s = protecteu::strategy();
    /// let t = s.timeline(Some("2026-01-01".parse().unwrap()));
    /// // On 1 January 2026 nothing due in 2026 can be overdue yet.
    /// assert!(t.with_progress(Progress::Overdue).all(|e| e.action.timing.deadline().unwrap().to_string() < "2026-01-01".to_string()));
    /// ```
    pub fn timeline(&self, as_of: Option<NaiveDate>) -> Timeline<'_> {
        let as_of = as_of.unwrap_or(self.dataset.as_of);
        let mut dated: Vec<TimelineGroup<'_>> = Vec::new();
        let mut ongoing = Vec::new();
        let mut not_stated = Vec::new();
        for a in &self.actions {
            let entry = TimelineEntry {
                action: a,
                status: status_at(a, as_of),
                progress: progress_at(a, as_of),
            };
            match (a.timing.period(), a.timing.kind) {
                (Some(p), _) => match dated.iter_mut().find(|g| g.period == Some(p)) {
                    Some(g) => g.entries.push(entry),
                    None => dated.push(TimelineGroup {
                        label: p.to_string(),
                        period: Some(p),
                        entries: vec![entry],
                    }),
                },
                (None, crate::model::timing::TimingKind::Ongoing) => ongoing.push(entry),
                (None, _) => not_stated.push(entry),
            }
        }
        dated.sort_by_key(|g| g.period.map(|p| (p.start(), unit_rank(p.unit()))));
        for (label, entries) in [("ongoing", ongoing), ("not stated", not_stated)] {
            if !entries.is_empty() {
                dated.push(TimelineGroup {
                    label: label.into(),
                    period: None,
                    entries,
                });
            }
        }
        Timeline {
            as_of,
            groups: dated,
        }
    }

    /// Actions not yet delivered whose deadline is on or after `as_of`, soonest first (ties in
    /// model order).
    pub fn due_next(&self, as_of: Option<NaiveDate>) -> Vec<&Action> {
        let as_of = as_of.unwrap_or(self.dataset.as_of);
        let from = self
            .idx
            .actions_by_deadline
            .partition_point(|(d, _)| *d < as_of);
        self.idx.actions_by_deadline[from..]
            .iter()
            .filter_map(|(_, i)| self.actions.get(*i))
            .filter(|a| progress_at(a, as_of) == Progress::Due)
            .collect()
    }
}
