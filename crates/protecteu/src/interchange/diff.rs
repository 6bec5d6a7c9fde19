//! What changed between two data sets: entities added, removed and changed per kind, with the
//! fields that changed, comparing each entity's canonical JSON. A new action that lists an old
//! id in `previous_ids` is the old action renamed, not a removal and an addition.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use crate::model::strategy::Strategy;
use crate::model::EntityKind;

/// One field whose value differs (as canonical JSON; `None` when absent on that side).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's name in the data format (`title`, `status`, `timing`, ...).
    pub field: String,
    /// The old value, if the field was there.
    pub old: Option<Value>,
    /// The new value, if the field is there.
    pub new: Option<Value>,
}

/// An entity that exists on both sides (possibly under a new id) and differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityChange {
    /// The id in the new data set.
    pub id: String,
    /// The old id, when the entity was renamed (the new one lists it in `previous_ids`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// The fields that differ, in the new entity's field order, then fields only the old had.
    pub fields: Vec<FieldChange>,
}

/// An entity added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityRef {
    /// Its id.
    pub id: String,
    /// Its title, name or statement.
    pub title: String,
}

/// The differences within one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindDiff {
    /// The kind.
    pub kind: EntityKind,
    /// Entities only in the new data set, in its order.
    pub added: Vec<EntityRef>,
    /// Entities only in the old data set, in its order.
    pub removed: Vec<EntityRef>,
    /// Entities in both that differ, in the new data set's order.
    pub changed: Vec<EntityChange>,
}

/// The differences between two data sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Version of the old data set.
    pub old_version: String,
    /// Version of the new data set.
    pub new_version: String,
    /// Fields of the `dataset` table that differ.
    pub dataset: Vec<FieldChange>,
    /// Kinds with differences, in canonical order.
    pub kinds: Vec<KindDiff>,
}

fn title_of(v: &Value) -> String {
    ["title", "name", "short_title", "statement"]
        .iter()
        .find_map(|k| v.get(k).and_then(Value::as_str))
        .unwrap_or_default()
        .to_owned()
}

fn id_of(v: &Value) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let o = old.as_object().unwrap_or(&empty);
    let n = new.as_object().unwrap_or(&empty);
    let mut out = Vec::new();
    for (k, nv) in n {
        if o.get(k) != Some(nv) {
            out.push(FieldChange {
                field: k.clone(),
                old: o.get(k).cloned(),
                new: Some(nv.clone()),
            });
        }
    }
    for (k, ov) in o {
        if !n.contains_key(k) {
            out.push(FieldChange {
                field: k.clone(),
                old: Some(ov.clone()),
                new: None,
            });
        }
    }
    out
}

fn kind_diff(kind: EntityKind, old: &[Value], new: &[Value]) -> KindDiff {
    let old_at: HashMap<String, usize> =
        old.iter().enumerate().map(|(i, v)| (id_of(v), i)).collect();
    let new_ids: HashMap<String, usize> =
        new.iter().enumerate().map(|(i, v)| (id_of(v), i)).collect();
    // new id -> old id, for renames.
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut rename_sources: HashMap<String, String> = HashMap::new();
    for v in new {
        let id = id_of(v);
        if old_at.contains_key(&id) {
            continue;
        }
        let previous = v
            .get("previous_ids")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str);
        for p in previous {
            if old_at.contains_key(p) && !new_ids.contains_key(p) && !rename_sources.contains_key(p)
            {
                renamed.insert(id.clone(), p.to_owned());
                rename_sources.insert(p.to_owned(), id.clone());
                break;
            }
        }
    }
    let mut d = KindDiff {
        kind,
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
    };
    for v in new {
        let id = id_of(v);
        let from = renamed.get(&id);
        let counterpart = from
            .or(Some(&id))
            .and_then(|k| old_at.get(k))
            .and_then(|&i| old.get(i));
        match counterpart {
            None => d.added.push(EntityRef {
                title: title_of(v),
                id,
            }),
            Some(o) => {
                let fields = field_changes(o, v);
                if !fields.is_empty() || from.is_some() {
                    d.changed.push(EntityChange {
                        id,
                        renamed_from: from.cloned(),
                        fields,
                    });
                }
            }
        }
    }
    for v in old {
        let id = id_of(v);
        if !new_ids.contains_key(&id) && !rename_sources.contains_key(&id) {
            d.removed.push(EntityRef {
                title: title_of(v),
                id,
            });
        }
    }
    d
}

/// A value in one line, cut to about `max` characters.
fn short(v: &Option<Value>, max: usize) -> String {
    let Some(v) = v else {
        return "(absent)".into();
    };
    let text = v.to_string();
    if text.chars().count() <= max {
        text
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// A changed field in one line: appended list items are shown on their own.
fn describe(f: &FieldChange) -> String {
    if let (Some(Value::Array(o)), Some(Value::Array(n))) = (&f.old, &f.new) {
        if n.len() > o.len() && n.starts_with(o) {
            let added = Some(Value::Array(n[o.len()..].to_vec()));
            return format!(
                "{} item(s) appended: {}",
                n.len() - o.len(),
                short(&added, 120)
            );
        }
        if o.len() > n.len() && o.starts_with(n) {
            let gone = Some(Value::Array(o[n.len()..].to_vec()));
            return format!(
                "{} item(s) removed from the end: {}",
                o.len() - n.len(),
                short(&gone, 120)
            );
        }
    }
    format!("{} -> {}", short(&f.old, 80), short(&f.new, 80))
}

impl Diff {
    /// True when the two data sets hold the same entities with the same fields.
    pub fn is_empty(&self) -> bool {
        self.dataset.is_empty() && self.kinds.is_empty()
    }

    /// The diff as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The diff for people: a summary line per kind, `+` added, `-` removed, `~` changed with
    /// one line per changed field (values as JSON, long ones cut).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "data set {} -> {}", self.old_version, self.new_version);
        if self.is_empty() {
            out.push_str("no differences\n");
            return out;
        }
        if !self.dataset.is_empty() {
            let _ = writeln!(out, "\ndataset:");
            for f in &self.dataset {
                let _ = writeln!(out, "    {}: {}", f.field, describe(f));
            }
        }
        for k in &self.kinds {
            let _ = writeln!(
                out,
                "\n{}: {} added, {} removed, {} changed",
                k.kind.plural(),
                k.added.len(),
                k.removed.len(),
                k.changed.len()
            );
            for a in &k.added {
                let _ = writeln!(out, "  + {}  {}", a.id, a.title);
            }
            for r in &k.removed {
                let _ = writeln!(out, "  - {}  {}", r.id, r.title);
            }
            for c in &k.changed {
                match &c.renamed_from {
                    Some(old) => {
                        let _ = writeln!(out, "  ~ {} (renamed from {old})", c.id);
                    }
                    None => {
                        let _ = writeln!(out, "  ~ {}", c.id);
                    }
                }
                for f in &c.fields {
                    let _ = writeln!(out, "      {}: {}", f.field, describe(f));
                }
            }
        }
        out
    }
}

impl Strategy {
    /// What changed from this data set (the old one) to `newer`: per kind, the entities
    /// added, removed and changed (with their changed fields), following renames recorded in
    /// `previous_ids`.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// assert!(s.diff(s).is_empty());
    /// ```
    pub fn diff(&self, newer: &Strategy) -> Diff {
        let dataset = field_changes(
            &serde_json::to_value(&self.dataset).unwrap_or(Value::Null),
            &serde_json::to_value(&newer.dataset).unwrap_or(Value::Null),
        );
        let kinds = EntityKind::ALL
            .iter()
            .map(|&k| kind_diff(k, &self.entity_values(k), &newer.entity_values(k)))
            .filter(|d| !d.added.is_empty() || !d.removed.is_empty() || !d.changed.is_empty())
            .collect();
        Diff {
            old_version: self.dataset.version.clone(),
            new_version: newer.dataset.version.clone(),
            dataset,
            kinds,
        }
    }
}
