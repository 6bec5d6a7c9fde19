//! How far the data reaches: per section, whether its "Key actions" box was read, how well
//! its actions are sourced, and how many have dated status evidence. Coverage says where the
//! data is thin, so that "not found" is never read as "not done".

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use crate::model::serde_name;
use crate::model::strategy::Strategy;
use crate::model::{Action, Date, KeyActionsBox, Verification};
use crate::query::records::Record;

/// Actions counted by the strongest verification level any of their citations reaches,
/// in the order of [`Verification::ALL`], plus the actions that cite nothing.
///
/// Serialises as a JSON object in that order: `{"official_text": 3, ..., "uncited": 0}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelCounts {
    /// One count per level, in the order of [`Verification::ALL`].
    pub by_level: Vec<(Verification, usize)>,
    /// Actions without any citation (validation normally rejects them).
    pub uncited: usize,
}

impl Default for LevelCounts {
    /// Every level at zero.
    fn default() -> Self {
        LevelCounts {
            by_level: Verification::ALL.iter().map(|v| (*v, 0)).collect(),
            uncited: 0,
        }
    }
}

impl LevelCounts {
    fn add(&mut self, best: Option<Verification>) {
        match best.and_then(|b| self.by_level.iter_mut().find(|(v, _)| *v == b)) {
            Some((_, n)) => *n += 1,
            None => self.uncited += 1,
        }
    }

    /// The count for one level.
    pub fn get(&self, level: Verification) -> usize {
        self.by_level
            .iter()
            .find(|(v, _)| *v == level)
            .map_or(0, |(_, n)| *n)
    }

    /// Every action counted once: the sum over the levels and `uncited`.
    pub fn total(&self) -> usize {
        self.by_level.iter().map(|(_, n)| n).sum::<usize>() + self.uncited
    }
}

impl Serialize for LevelCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.by_level.len() + 1))?;
        for (level, n) in &self.by_level {
            map.serialize_entry(&serde_name(*level), n)?;
        }
        map.serialize_entry("uncited", &self.uncited)?;
        map.end()
    }
}

/// The coverage of one section (its subsections' actions included, as in
/// [`Stats::by_section`](crate::Stats)).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SectionCoverage {
    /// The section's id.
    pub section: String,
    /// Its dotted number.
    pub number: String,
    /// False when the number is inferred, not seen in a source.
    pub number_confirmed: bool,
    /// Its title.
    pub title: String,
    /// False when the title is a working title, not the document's own.
    pub title_confirmed: bool,
    /// The enclosing section, for subsections.
    pub parent: Option<String>,
    /// Whether the section's "Key actions" box was read.
    pub key_actions_box: KeyActionsBox,
    /// The strongest level at which the box is cited, when it was read.
    pub key_actions_box_level: Option<Verification>,
    /// Actions in the section and its subsections.
    pub actions: usize,
    /// Those actions by the strongest level any of their citations reaches.
    pub best_level: LevelCounts,
    /// Actions with at least one dated status event (each event carries an evidence document
    /// or a citation). The others have no status event in the data: not found, not "not done".
    pub with_status_events: usize,
    /// Actions with at least one status event that names its evidence document.
    pub with_evidence_document: usize,
    /// Status events of those actions.
    pub status_events: usize,
    /// The date of the newest status event of those actions.
    pub newest_event: Option<Date>,
}

/// Coverage totals over the whole data set.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CoverageTotals {
    /// The data set's as-of date.
    pub as_of: Date,
    /// Sections and subsections.
    pub sections: usize,
    /// Top-level sections (chapters): the key-actions boxes close chapters.
    pub chapters: usize,
    /// Chapters whose box was read whole.
    pub chapters_box_seen_whole: usize,
    /// Chapters whose box was read in part.
    pub chapters_box_seen_in_part: usize,
    /// Chapters whose box was not read.
    pub chapters_box_not_seen: usize,
    /// Sections whose title is the document's own.
    pub titles_confirmed: usize,
    /// All actions.
    pub actions: usize,
    /// All actions by the strongest level any of their citations reaches.
    pub best_level: LevelCounts,
    /// Actions with at least one dated status event.
    pub with_status_events: usize,
    /// Actions with at least one status event that names its evidence document.
    pub with_evidence_document: usize,
    /// All status events.
    pub status_events: usize,
    /// The date of the newest status event.
    pub newest_event: Option<Date>,
}

/// Coverage per section and in total; see [`Strategy::coverage`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    /// One row per section and subsection, in document order.
    pub sections: Vec<SectionCoverage>,
    /// The same counts for the whole data set.
    pub total: CoverageTotals,
}

impl Coverage {
    /// Flat records for tables, CSV and data frames: one per section, in document order, then
    /// one whose `section` is `total`. The level counts become columns named after the levels.
    ///
    /// ```
    /// let c = protecteu::strategy().coverage();
    /// let rows = c.records();
    /// assert_eq!(rows.len(), c.sections.len() + 1);
    /// assert_eq!(rows.last().unwrap()["section"], "total");
    /// assert_eq!(rows[0]["official_text"], c.sections[0].best_level.get(protecteu::Verification::OfficialText));
    /// ```
    pub fn records(&self) -> Vec<Record> {
        let level_columns = |r: &mut Record, l: &LevelCounts| {
            for (v, n) in &l.by_level {
                r.insert(serde_name(*v), Value::from(*n));
            }
            r.insert("uncited".into(), Value::from(l.uncited));
        };
        let date = |d: Option<Date>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
        let mut rows: Vec<Record> = self
            .sections
            .iter()
            .map(|s| {
                let mut r = Record::new();
                r.insert("section".into(), Value::String(s.section.clone()));
                r.insert("number".into(), Value::String(s.number.clone()));
                r.insert("title".into(), Value::String(s.title.clone()));
                r.insert("title_confirmed".into(), Value::Bool(s.title_confirmed));
                r.insert(
                    "parent".into(),
                    s.parent.clone().map_or(Value::Null, Value::String),
                );
                r.insert(
                    "key_actions_box".into(),
                    Value::String(serde_name(s.key_actions_box)),
                );
                r.insert(
                    "key_actions_box_level".into(),
                    s.key_actions_box_level
                        .map_or(Value::Null, |v| Value::String(serde_name(v))),
                );
                r.insert("actions".into(), Value::from(s.actions));
                level_columns(&mut r, &s.best_level);
                r.insert(
                    "with_status_events".into(),
                    Value::from(s.with_status_events),
                );
                r.insert(
                    "with_evidence_document".into(),
                    Value::from(s.with_evidence_document),
                );
                r.insert("status_events".into(), Value::from(s.status_events));
                r.insert("newest_event".into(), date(s.newest_event));
                r
            })
            .collect();
        let t = &self.total;
        let mut r = Record::new();
        r.insert("section".into(), Value::String("total".into()));
        r.insert("number".into(), Value::Null);
        r.insert(
            "title".into(),
            Value::String(format!(
                "All {} sections ({} chapters; key-actions box read for {} in part, {} whole)",
                t.sections, t.chapters, t.chapters_box_seen_in_part, t.chapters_box_seen_whole
            )),
        );
        r.insert(
            "title_confirmed".into(),
            Value::Bool(t.titles_confirmed == t.sections),
        );
        r.insert("parent".into(), Value::Null);
        r.insert("key_actions_box".into(), Value::Null);
        r.insert("key_actions_box_level".into(), Value::Null);
        r.insert("actions".into(), Value::from(t.actions));
        level_columns(&mut r, &t.best_level);
        r.insert(
            "with_status_events".into(),
            Value::from(t.with_status_events),
        );
        r.insert(
            "with_evidence_document".into(),
            Value::from(t.with_evidence_document),
        );
        r.insert("status_events".into(), Value::from(t.status_events));
        r.insert("newest_event".into(), date(t.newest_event));
        rows.push(r);
        rows
    }

    /// One line for people: what was read, how well the actions are sourced, how far the
    /// status reaches.
    ///
    /// ```
    /// let line = protecteu::strategy().coverage().summary_line();
    /// assert!(line.starts_with("Coverage: key-actions box read for "));
    /// ```
    pub fn summary_line(&self) -> String {
        let t = &self.total;
        let read = t.chapters_box_seen_whole + t.chapters_box_seen_in_part;
        let box_part = if read == 0 {
            format!("none of {} chapters", t.chapters)
        } else if t.chapters_box_seen_in_part == 0 {
            format!("{read} of {} chapters", t.chapters)
        } else {
            format!(
                "{read} of {} chapters ({} in part)",
                t.chapters, t.chapters_box_seen_in_part
            )
        };
        let levels: Vec<String> = t
            .best_level
            .by_level
            .iter()
            .map(|(v, n)| format!("{n} {}", serde_name(*v).replace('_', " ")))
            .collect();
        let newest = t
            .newest_event
            .map_or_else(|| "none".to_owned(), |d| d.to_string());
        format!(
            "Coverage: key-actions box read for {box_part}; {} of {} section titles confirmed; actions by best source: {}; {} of {} actions have dated status events (newest {newest}), the rest have none found",
            t.titles_confirmed,
            t.sections,
            levels.join(", "),
            t.with_status_events,
            t.actions,
        )
    }
}

#[derive(Default)]
struct Tally {
    actions: usize,
    best_level: LevelCounts,
    with_status_events: usize,
    with_evidence_document: usize,
    status_events: usize,
    newest_event: Option<Date>,
}

impl Tally {
    fn add(&mut self, a: &Action) {
        self.actions += 1;
        self.best_level.add(Strategy::best_level(&a.citations));
        self.with_status_events += usize::from(!a.status.is_empty());
        self.with_evidence_document += usize::from(a.status.iter().any(|e| e.evidence.is_some()));
        self.status_events += a.status.len();
        if let Some(d) = a.status.iter().map(|e| e.date).max() {
            self.newest_event = self.newest_event.max(Some(d));
        }
    }

    fn levels(&mut self) -> LevelCounts {
        std::mem::take(&mut self.best_level)
    }
}

impl Strategy {
    /// How far the data reaches, per section and in total: whether each section's "Key
    /// actions" box was read, its actions by the strongest verification level their citations
    /// reach, how many have dated status events, and the newest event's date.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let c = s.coverage();
    /// assert_eq!(c.sections.len(), s.sections().len());
    /// assert_eq!(c.total.actions, s.stats().actions);
    /// assert_eq!(c.total.best_level.total(), c.total.actions);
    /// ```
    pub fn coverage(&self) -> Coverage {
        let sections = self
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut t = Tally::default();
                for &a in &self.idx.actions_by_section_tree[i] {
                    t.add(&self.actions[a]);
                }
                let box_citations: Vec<_> = s
                    .citations
                    .iter()
                    .filter(|c| c.fields.iter().any(|f| f == "key_actions_box"))
                    .cloned()
                    .collect();
                SectionCoverage {
                    section: s.id.to_string(),
                    number: s.number.clone(),
                    number_confirmed: s.number_confirmed,
                    title: s.title.clone(),
                    title_confirmed: s.title_confirmed,
                    parent: s.parent.as_ref().map(ToString::to_string),
                    key_actions_box: s.key_actions_box,
                    key_actions_box_level: Strategy::best_level(&box_citations),
                    actions: t.actions,
                    best_level: t.levels(),
                    with_status_events: t.with_status_events,
                    with_evidence_document: t.with_evidence_document,
                    status_events: t.status_events,
                    newest_event: t.newest_event,
                }
            })
            .collect();
        let mut t = Tally::default();
        for a in &self.actions {
            t.add(a);
        }
        let chapters: Vec<KeyActionsBox> = self
            .sections
            .iter()
            .filter(|s| s.parent.is_none())
            .map(|s| s.key_actions_box)
            .collect();
        let count = |b: KeyActionsBox| chapters.iter().filter(|x| **x == b).count();
        let total = CoverageTotals {
            as_of: self.dataset().as_of,
            sections: self.sections.len(),
            chapters: chapters.len(),
            chapters_box_seen_whole: count(KeyActionsBox::SeenWhole),
            chapters_box_seen_in_part: count(KeyActionsBox::SeenInPart),
            chapters_box_not_seen: count(KeyActionsBox::NotSeen),
            titles_confirmed: self.sections.iter().filter(|s| s.title_confirmed).count(),
            actions: t.actions,
            best_level: t.levels(),
            with_status_events: t.with_status_events,
            with_evidence_document: t.with_evidence_document,
            status_events: t.status_events,
            newest_event: t.newest_event,
        };
        Coverage { sections, total }
    }
}
