//! The composable action filter.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::error::{Error, Result};
use crate::model::strategy::{status_at, Strategy};
use crate::model::timing::Period;
use crate::model::*;

/// Where an action stands on a date, compared with its timing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// Its deliverable exists (status proposed, adopted, published or delivered).
    Delivered,
    /// Not delivered; its deadline has not passed.
    Due,
    /// Not delivered; its deadline has passed.
    Overdue,
    /// Not delivered, with no deadline (ongoing, or timing not stated).
    Open,
    /// Withdrawn.
    Withdrawn,
}

impl Progress {
    /// Every progress value.
    pub const ALL: [Progress; 5] = [
        Progress::Delivered,
        Progress::Due,
        Progress::Overdue,
        Progress::Open,
        Progress::Withdrawn,
    ];
}

/// Where `action` stands on `on`.
pub(crate) fn progress_at(action: &Action, on: NaiveDate) -> Progress {
    let status = status_at(action, on);
    if status == Status::Withdrawn {
        return Progress::Withdrawn;
    }
    if status.is_delivered() {
        return Progress::Delivered;
    }
    match action.timing.deadline() {
        Some(d) if d < on => Progress::Overdue,
        Some(_) => Progress::Due,
        None => Progress::Open,
    }
}

/// A filter over actions. Every field is optional; the fields given must all match.
///
/// Ids name entities of the model; an unknown id is an error with a suggestion.
///
/// - `section`: the section or any of its subsections.
/// - `actor`: lead or involved; `lead`: lead only.
/// - `status` and `progress`: as of `as_of` (default: the data set's as-of date).
/// - `due_by`: the deadline (end of the timing's period) falls on or before the end of the
///   period; `due_in`: the deadline falls inside the period. Ongoing and not-stated timings
///   have no deadline and never match either.
/// - `text`: every word of the text appears (as a word prefix) in the action's title, id,
///   summary or notes, ignoring case and diacritics.
///
/// Results come in model order (data-file order, which is section by section).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionFilter {
    /// Section id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Theme id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Threat id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threat: Option<String>,
    /// Actor id (lead or involved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// Actor id (lead only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Objective id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// Kind of action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActionKind>,
    /// Status on the `as_of` date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Progress on the `as_of` date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// The date for `status` and `progress`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// Due by the end of this period.
    #[serde(
        default,
        deserialize_with = "period_opt",
        skip_serializing_if = "Option::is_none",
        serialize_with = "period_ser"
    )]
    pub due_by: Option<Period>,
    /// Due inside this period.
    #[serde(
        default,
        deserialize_with = "period_opt",
        skip_serializing_if = "Option::is_none",
        serialize_with = "period_ser"
    )]
    pub due_in: Option<Period>,
    /// Legal instrument id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    /// Words to look for: every word must match (see [`crate::query_terms`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

fn period_opt<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Period>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Year(i32),
        Text(String),
    }
    match Option::<Raw>::deserialize(d)? {
        None => Ok(None),
        Some(Raw::Year(y)) => Period::year(y)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("year {y} out of range"))),
        Some(Raw::Text(t)) => t.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

fn period_ser<S: serde::Serializer>(
    p: &Option<Period>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match p {
        Some(p) => s.serialize_str(&p.to_string()),
        None => s.serialize_none(),
    }
}

/// Intersection of two sorted position lists.
fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (mut i, mut j, mut out) = (0, 0, Vec::with_capacity(a.len().min(b.len())));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

impl Strategy {
    /// The actions matching a filter, in model order.
    ///
    /// ```
    /// use protecteu::{ActionFilter, ActionKind};
    /// let s = protecteu::strategy();
    /// let f = ActionFilter { actor: Some("europol".into()), kind: Some(ActionKind::Revision), ..Default::default() };
    /// let found = s.filter_actions(&f).unwrap();
    /// assert!(found.iter().any(|a| a.id == "europol-mandate-revision"));
    /// ```
    ///
    /// # Errors
    /// [`Error::NotFound`] when the filter names an unknown id.
    pub fn filter_actions(&self, f: &ActionFilter) -> Result<Vec<&Action>> {
        Ok(self
            .filter_action_positions(f)?
            .into_iter()
            .filter_map(|i| self.actions.get(i))
            .collect())
    }

    /// [`Strategy::filter_actions`] as positions in [`Strategy::action_list`], for callers
    /// that keep their own per-action data (a binding's cache of wrapped objects).
    ///
    /// ```
    /// use protecteu::ActionFilter;
    /// let s = protecteu::strategy();
    /// let f = ActionFilter { actor: Some("europol".into()), ..Default::default() };
    /// let ids: Vec<_> = s.filter_action_positions(&f).unwrap().iter().map(|&i| &s.action_list()[i].id).collect();
    /// let direct: Vec<_> = s.filter_actions(&f).unwrap().iter().map(|a| &a.id).collect();
    /// assert_eq!(ids, direct);
    /// ```
    ///
    /// # Errors
    /// [`Error::NotFound`] when the filter names an unknown id.
    pub fn filter_action_positions(&self, f: &ActionFilter) -> Result<Vec<usize>> {
        let x = &self.idx;
        // Candidate lists from the indexes, each sorted by position.
        let mut lists: Vec<std::borrow::Cow<'_, [usize]>> = Vec::new();
        if let Some(id) = &f.section {
            self.section(id)?;
            lists.push(
                x.actions_by_section_tree[x.section[id.as_str()]]
                    .as_slice()
                    .into(),
            );
        }
        if let Some(id) = &f.theme {
            self.theme(id)?;
            lists.push(x.actions_by_theme[x.theme[id.as_str()]].as_slice().into());
        }
        if let Some(id) = &f.threat {
            self.threat(id)?;
            lists.push(x.actions_by_threat[x.threat[id.as_str()]].as_slice().into());
        }
        if let Some(id) = &f.actor {
            self.actor(id)?;
            lists.push(x.actions_by_actor[x.actor[id.as_str()]].as_slice().into());
        }
        if let Some(id) = &f.lead {
            self.actor(id)?;
            lists.push(x.actions_by_lead[x.actor[id.as_str()]].as_slice().into());
        }
        if let Some(id) = &f.objective {
            self.objective(id)?;
            lists.push(
                x.actions_by_objective[x.objective[id.as_str()]]
                    .as_slice()
                    .into(),
            );
        }
        if let Some(id) = &f.instrument {
            self.instrument(id)?;
            lists.push(
                x.actions_by_instrument[x.instrument[id.as_str()]]
                    .as_slice()
                    .into(),
            );
        }
        if let Some(kind) = f.kind {
            lists.push(
                x.actions_by_kind
                    .get(&kind)
                    .map_or(&[][..], Vec::as_slice)
                    .into(),
            );
        }
        let as_of = f.as_of.unwrap_or(self.dataset.as_of);
        let status_indexed = as_of == self.dataset.as_of;
        if let (Some(status), true) = (f.status, status_indexed) {
            lists.push(
                x.actions_by_status
                    .get(&status)
                    .map_or(&[][..], Vec::as_slice)
                    .into(),
            );
        }
        // Deadline windows tested on each candidate instead of listed: a wide window would
        // cost more to list and sort than the candidates other filters leave.
        let mut windows: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        for (period, by) in [(f.due_by, true), (f.due_in, false)] {
            let Some(p) = period else { continue };
            let lo = if by { NaiveDate::MIN } else { p.start() };
            let from = x.actions_by_deadline.partition_point(|(d, _)| *d < lo);
            let to = x
                .actions_by_deadline
                .partition_point(|(d, _)| *d <= p.end());
            if lists.iter().any(|l| l.len() < to - from) {
                windows.push((lo, p.end()));
                continue;
            }
            let mut hit: Vec<usize> = x.actions_by_deadline[from..to]
                .iter()
                .map(|(_, i)| *i)
                .collect();
            hit.sort_unstable();
            lists.push(hit.into());
        }
        if let Some(text) = &f.text {
            lists.push(self.text_matches(text, EntityKind::Action).into());
        }
        lists.sort_by_key(|l| l.len());
        let positions: Vec<usize> = match lists.split_first() {
            None => (0..self.actions.len()).collect(),
            Some((first, rest)) => rest
                .iter()
                .fold(first.to_vec(), |acc, l| intersect(&acc, l)),
        };
        Ok(positions
            .into_iter()
            .filter(|&i| {
                self.actions.get(i).is_some_and(|a| {
                    (status_indexed || f.status.is_none_or(|s| status_at(a, as_of) == s))
                        && f.progress.is_none_or(|p| progress_at(a, as_of) == p)
                        && windows.iter().all(|&(lo, hi)| {
                            a.timing.deadline().is_some_and(|d| lo <= d && d <= hi)
                        })
                })
            })
            .collect())
    }

    /// Starts a query over the actions; chain filters, then iterate.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// for a in s.actions().by_actor("europol").due_by(2026) {
    ///     assert!(a.timing.deadline().unwrap() <= "2026-12-31".parse().unwrap());
    /// }
    /// ```
    pub fn actions(&self) -> ActionQuery<'_> {
        ActionQuery {
            strategy: self,
            filter: ActionFilter::default(),
        }
    }

    /// Where an action stands on a date (default: the data set's as-of date).
    pub fn progress_of(&self, action: &Action, on: Option<NaiveDate>) -> Progress {
        progress_at(action, on.unwrap_or(self.dataset.as_of))
    }
}

/// A query over actions under construction: see [`Strategy::actions`] and [`ActionFilter`].
///
/// Iterating the query treats an unknown id as matching nothing; call [`ActionQuery::run`]
/// to get an error (with a suggestion) instead.
#[derive(Debug, Clone)]
pub struct ActionQuery<'a> {
    strategy: &'a Strategy,
    filter: ActionFilter,
}

impl<'a> ActionQuery<'a> {
    /// In a section or its subsections.
    pub fn section(mut self, id: &str) -> Self {
        self.filter.section = Some(id.to_owned());
        self
    }

    /// Under a theme.
    pub fn theme(mut self, id: &str) -> Self {
        self.filter.theme = Some(id.to_owned());
        self
    }

    /// Against a threat.
    pub fn threat(mut self, id: &str) -> Self {
        self.filter.threat = Some(id.to_owned());
        self
    }

    /// Led by or involving an actor.
    pub fn by_actor(mut self, id: &str) -> Self {
        self.filter.actor = Some(id.to_owned());
        self
    }

    /// Led by an actor.
    pub fn lead(mut self, id: &str) -> Self {
        self.filter.lead = Some(id.to_owned());
        self
    }

    /// Serving an objective.
    pub fn objective(mut self, id: &str) -> Self {
        self.filter.objective = Some(id.to_owned());
        self
    }

    /// Of a kind.
    pub fn kind(mut self, kind: ActionKind) -> Self {
        self.filter.kind = Some(kind);
        self
    }

    /// With a status (as of the date set by [`ActionQuery::as_of`]).
    pub fn status(mut self, status: Status) -> Self {
        self.filter.status = Some(status);
        self
    }

    /// With a progress (as of the date set by [`ActionQuery::as_of`]).
    pub fn progress(mut self, progress: Progress) -> Self {
        self.filter.progress = Some(progress);
        self
    }

    /// The date for status and progress.
    pub fn as_of(mut self, date: NaiveDate) -> Self {
        self.filter.as_of = Some(date);
        self
    }

    /// Due by the end of a period (a year: `due_by(2026)`).
    pub fn due_by(mut self, period: impl Into<Period>) -> Self {
        self.filter.due_by = Some(period.into());
        self
    }

    /// Due inside a period.
    pub fn due_in(mut self, period: impl Into<Period>) -> Self {
        self.filter.due_in = Some(period.into());
        self
    }

    /// Building on a legal instrument.
    pub fn instrument(mut self, id: &str) -> Self {
        self.filter.instrument = Some(id.to_owned());
        self
    }

    /// Mentioning every word of `text`.
    pub fn text(mut self, text: &str) -> Self {
        self.filter.text = Some(text.to_owned());
        self
    }

    /// The filter built so far.
    pub fn filter(&self) -> &ActionFilter {
        &self.filter
    }

    /// Runs the query.
    ///
    /// # Errors
    /// [`Error::NotFound`] when the query names an unknown id.
    pub fn run(&self) -> Result<Vec<&'a Action>> {
        self.strategy.filter_actions(&self.filter)
    }
}

impl<'a> IntoIterator for ActionQuery<'a> {
    type Item = &'a Action;
    type IntoIter = std::vec::IntoIter<&'a Action>;

    fn into_iter(self) -> Self::IntoIter {
        self.run().unwrap_or_default().into_iter()
    }
}

/// Parses a period argument (`2026`, `2026-H1`, `2026-Q2`).
///
/// # Errors
/// [`Error::InvalidArgument`] when the text is not a period.
pub fn parse_period(text: &str) -> Result<Period> {
    text.parse()
}

/// Parses a date argument (`2026-06-30`, or `today`).
///
/// # Errors
/// [`Error::InvalidArgument`] when the text is not a date.
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    if text.trim().eq_ignore_ascii_case("today") {
        return Ok(chrono::Utc::now().date_naive());
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Error::InvalidArgument {
        name: "date".into(),
        value: text.into(),
        expected: "an ISO date like 2026-06-30, or 'today'".into(),
    })
}

crate::model::vocab::vocabulary! {
    Progress => "progress",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intersection_of_sorted_lists() {
        assert_eq!(intersect(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), [3, 7]);
        assert!(intersect(&[], &[1]).is_empty());
    }

    #[test]
    fn filters_deserialise_from_plain_json() {
        let f: ActionFilter = serde_json::from_str(
            r#"{"actor": "europol", "due_by": 2026, "due_in": "2026-H2", "progress": "overdue"}"#,
        )
        .unwrap();
        assert_eq!(f.due_by.unwrap().to_string(), "2026");
        assert_eq!(f.due_in.unwrap().to_string(), "2026-H2");
        assert_eq!(f.progress, Some(Progress::Overdue));
        assert!(serde_json::from_str::<ActionFilter>(r#"{"due_in": "2026-Q9"}"#).is_err());
        assert!(serde_json::from_str::<ActionFilter>(r#"{"colour": "red"}"#).is_err());
    }

    #[test]
    fn dates_parse_or_explain() {
        assert_eq!(parse_date("2026-06-30").unwrap().to_string(), "2026-06-30");
        assert!(parse_date("today").is_ok());
        let e = parse_date("30/06/2026").unwrap_err();
        assert!(e.to_string().contains("expected an ISO date"));
    }

    #[test]
    fn progress_round_trips_through_its_names() {
        crate::model::vocab::tests::round_trips::<Progress>();
    }
}
