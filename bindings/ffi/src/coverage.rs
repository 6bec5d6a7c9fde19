//! Coverage records: how far the data reaches, per section and in total, copied from the
//! core's `Coverage` (levels and the box as enums, dates as `CalendarDate`s).

use crate::dates::CalendarDate;
use crate::vocab::{KeyActionsBox, Verification};

/// The number of actions whose strongest citation reaches one verification level.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct LevelCount {
    /// The level.
    pub level: Verification,
    /// Actions.
    pub actions: u64,
}

fn levels(l: &protecteu::LevelCounts) -> Vec<LevelCount> {
    l.by_level
        .iter()
        .map(|(v, n)| LevelCount {
            level: (*v).into(),
            actions: *n as u64,
        })
        .collect()
}

/// How far the data reaches in one section (its subsections' actions included).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SectionCoverage {
    /// The section's id.
    pub section: String,
    /// Its dotted number.
    pub number: String,
    /// False when the number is inferred.
    pub number_confirmed: bool,
    /// Its title.
    pub title: String,
    /// False when the title is a working title.
    pub title_confirmed: bool,
    /// The enclosing section, for subsections.
    pub parent: Option<String>,
    /// Whether its key-actions box was read.
    pub key_actions_box: KeyActionsBox,
    /// The strongest level at which the box is cited, when it was read.
    pub key_actions_box_level: Option<Verification>,
    /// Actions in the section and its subsections.
    pub actions: u64,
    /// Those actions by the strongest level their citations reach, strongest first.
    pub best_level: Vec<LevelCount>,
    /// Of those actions, the ones citing nothing.
    pub uncited: u64,
    /// Actions with at least one dated status event.
    pub with_status_events: u64,
    /// Actions with at least one status event naming its evidence document.
    pub with_evidence_document: u64,
    /// Status events of those actions.
    pub status_events: u64,
    /// The newest status event's date.
    pub newest_event: Option<CalendarDate>,
}

/// Coverage counts over the whole data set.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CoverageTotals {
    /// The data set's as-of date.
    pub as_of: CalendarDate,
    /// Sections and subsections.
    pub sections: u64,
    /// Top-level sections (chapters).
    pub chapters: u64,
    /// Chapters whose key-actions box was read whole.
    pub chapters_box_seen_whole: u64,
    /// Chapters whose box was read in part.
    pub chapters_box_seen_in_part: u64,
    /// Chapters whose box was not read.
    pub chapters_box_not_seen: u64,
    /// Sections whose title is the document's own.
    pub titles_confirmed: u64,
    /// All actions.
    pub actions: u64,
    /// All actions by the strongest level their citations reach, strongest first.
    pub best_level: Vec<LevelCount>,
    /// Actions citing nothing.
    pub uncited: u64,
    /// Actions with at least one dated status event.
    pub with_status_events: u64,
    /// Actions with at least one status event naming its evidence document.
    pub with_evidence_document: u64,
    /// All status events.
    pub status_events: u64,
    /// The newest status event's date.
    pub newest_event: Option<CalendarDate>,
}

/// How far the data reaches, per section and in total.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Coverage {
    /// One row per section and subsection, in document order.
    pub sections: Vec<SectionCoverage>,
    /// The same counts for the whole data set.
    pub total: CoverageTotals,
    /// One line for people.
    pub summary_line: String,
}

impl From<&protecteu::Coverage> for Coverage {
    fn from(c: &protecteu::Coverage) -> Self {
        let t = &c.total;
        Coverage {
            sections: c
                .sections
                .iter()
                .map(|r| SectionCoverage {
                    section: r.section.clone(),
                    number: r.number.clone(),
                    number_confirmed: r.number_confirmed,
                    title: r.title.clone(),
                    title_confirmed: r.title_confirmed,
                    parent: r.parent.clone(),
                    key_actions_box: r.key_actions_box.into(),
                    key_actions_box_level: r.key_actions_box_level.map(Into::into),
                    actions: r.actions as u64,
                    best_level: levels(&r.best_level),
                    uncited: r.best_level.uncited as u64,
                    with_status_events: r.with_status_events as u64,
                    with_evidence_document: r.with_evidence_document as u64,
                    status_events: r.status_events as u64,
                    newest_event: r.newest_event,
                })
                .collect(),
            total: CoverageTotals {
                as_of: t.as_of,
                sections: t.sections as u64,
                chapters: t.chapters as u64,
                chapters_box_seen_whole: t.chapters_box_seen_whole as u64,
                chapters_box_seen_in_part: t.chapters_box_seen_in_part as u64,
                chapters_box_not_seen: t.chapters_box_not_seen as u64,
                titles_confirmed: t.titles_confirmed as u64,
                actions: t.actions as u64,
                best_level: levels(&t.best_level),
                uncited: t.best_level.uncited as u64,
                with_status_events: t.with_status_events as u64,
                with_evidence_document: t.with_evidence_document as u64,
                status_events: t.status_events as u64,
                newest_event: t.newest_event,
            },
            summary_line: c.summary_line(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn coverage_copies_the_core_row_for_row() {
        let s = crate::Strategy::embedded().unwrap();
        let c = s.coverage();
        let core = protecteu::strategy().coverage();
        assert_eq!(c.sections.len(), core.sections.len());
        assert_eq!(c.total.actions, core.total.actions as u64);
        for (r, k) in c.sections.iter().zip(&core.sections) {
            let sum: u64 = r.best_level.iter().map(|l| l.actions).sum::<u64>() + r.uncited;
            assert_eq!(sum, r.actions, "{}", r.section);
            assert_eq!(r.newest_event, k.newest_event);
            assert_eq!(r.key_actions_box, k.key_actions_box.into());
        }
        assert_eq!(c.summary_line, core.summary_line());
    }
}
