//! Counts of actions by section, actor, kind and status.

use serde::Serialize;

use crate::model::strategy::Strategy;
use crate::model::{serde_name, ActionKind, Status};

/// One row of a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The id or value counted by.
    pub key: String,
    /// A readable label.
    pub label: String,
    /// Number of actions.
    pub count: usize,
}

/// Counts of actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Total number of actions.
    pub actions: usize,
    /// Per section (including its subsections' actions), in document order.
    pub by_section: Vec<Count>,
    /// Per actor (lead or involved), most actions first, then by id; actors without actions
    /// are left out.
    pub by_actor: Vec<Count>,
    /// Per kind, in the order of [`ActionKind::ALL`]; kinds without actions are left out.
    pub by_kind: Vec<Count>,
    /// Per status as of the data set's date, in the order of [`Status::ALL`]; statuses
    /// without actions are left out.
    pub by_status: Vec<Count>,
}

impl Strategy {
    /// Counts of actions by section, actor, kind and status.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let st = s.stats();
    /// assert_eq!(st.by_kind.iter().map(|c| c.count).sum::<usize>(), st.actions);
    /// ```
    pub fn stats(&self) -> Stats {
        let x = &self.idx;
        let by_section = self
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| Count {
                key: s.id.to_string(),
                label: format!("{} {}", s.number, s.title),
                count: x.actions_by_section_tree[i].len(),
            })
            .collect();
        let mut by_actor: Vec<Count> = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| Count {
                key: a.id.to_string(),
                label: a.abbreviation.clone().unwrap_or_else(|| a.name.clone()),
                count: x.actions_by_actor[i].len(),
            })
            .filter(|c| c.count > 0)
            .collect();
        by_actor.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
        let by_kind = ActionKind::ALL
            .into_iter()
            .filter_map(|k| {
                let n = x.actions_by_kind.get(&k).map_or(0, Vec::len);
                (n > 0).then(|| Count {
                    key: serde_name(k),
                    label: serde_name(k).replace('_', " "),
                    count: n,
                })
            })
            .collect();
        let by_status = Status::ALL
            .into_iter()
            .filter_map(|k| {
                let n = x.actions_by_status.get(&k).map_or(0, Vec::len);
                (n > 0).then(|| Count {
                    key: serde_name(k),
                    label: serde_name(k).replace('_', " "),
                    count: n,
                })
            })
            .collect();
        Stats {
            actions: self.actions.len(),
            by_section,
            by_actor,
            by_kind,
            by_status,
        }
    }
}
