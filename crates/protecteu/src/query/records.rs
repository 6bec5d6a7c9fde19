//! Flat records of each kind: one map of scalar or list values per entity, with the same
//! columns in the same order for every entity, ready for tables, CSV and data frames.

use serde_json::{json, Map, Value};

use crate::model::strategy::Strategy;
use crate::model::*;

/// One flat record: column name to value (string, number, bool, null, or a list of strings).
pub type Record = Map<String, Value>;

fn ids<T: ToString>(items: &[T]) -> Value {
    Value::Array(items.iter().map(|i| Value::String(i.to_string())).collect())
}

fn snake<T: serde::Serialize>(v: T) -> Value {
    Value::String(crate::model::serde_name(v))
}

fn best_verification(citations: &[Citation]) -> Value {
    Strategy::best_level(citations).map_or(Value::Null, snake)
}

fn record(pairs: Value) -> Record {
    match pairs {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

impl Strategy {
    /// The flat record of an action (status as of the data set's date).
    pub fn action_record(&self, a: &Action) -> Record {
        let section = self.section(a.section.as_str()).ok();
        let last = a.status.iter().rev().find(|e| e.date <= self.dataset.as_of);
        record(json!({
            "id": a.id,
            "title": a.title,
            "section": a.section,
            "section_number": section.map(|s| s.number.clone()),
            "kind": snake(a.kind),
            "timing_kind": snake(a.timing.kind),
            "due_period": a.timing.period().map(|p| p.to_string()),
            "deadline": a.timing.deadline().map(|d| d.to_string()),
            "timing_text": a.timing.text,
            "lead": ids(&a.lead),
            "involved": ids(&a.involved),
            "themes": ids(&a.themes),
            "threats": ids(&a.threats),
            "objectives": ids(&a.objectives),
            "instruments": ids(&a.instruments),
            "status": snake(self.current_status(a)),
            "status_date": last.map(|e| e.date.to_string()),
            "progress": snake(self.progress_of(a, None)),
            "summary": a.summary,
            "sources": a.citations.len(),
            "source_url": self.first_source_url(&a.citations),
            "verification": best_verification(&a.citations),
        }))
    }

    /// Flat records of every entity of a kind, in model order.
    ///
    /// ```
    /// use protecteu::EntityKind;
    /// let s = protecteu::strategy();
    /// let rows = s.records(EntityKind::Actor);
    /// assert_eq!(rows.len(), s.actors().len());
    /// assert!(rows[0].contains_key("abbreviation"));
    /// ```
    pub fn records(&self, kind: EntityKind) -> Vec<Record> {
        match kind {
            EntityKind::Strategy => vec![record(json!({
                "id": self.info.id,
                "title": self.info.title,
                "document_number": self.info.document_number,
                "celex": self.info.celex,
                "date": self.info.date.to_string(),
                "url": self.info.url,
                "dataset_version": self.dataset.version,
                "as_of": self.dataset.as_of.to_string(),
            }))],
            EntityKind::Objective => self
                .objectives
                .iter()
                .map(|e| record(json!({"id": e.id, "number": e.number, "title": e.title, "summary": e.summary, "source_url": self.first_source_url(&e.citations)})))
                .collect(),
            EntityKind::Principle => self
                .principles
                .iter()
                .map(|e| record(json!({"id": e.id, "number": e.number, "title": e.title, "summary": e.summary, "source_url": self.first_source_url(&e.citations)})))
                .collect(),
            EntityKind::Section => self
                .sections
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    record(json!({
                        "id": e.id, "number": e.number, "number_confirmed": e.number_confirmed,
                        "title": e.title, "title_confirmed": e.title_confirmed, "parent": e.parent,
                        "actions": self.idx.actions_by_section_tree.get(i).map_or(0, Vec::len),
                    }))
                })
                .collect(),
            EntityKind::Theme => self
                .themes
                .iter()
                .enumerate()
                .map(|(i, e)| record(json!({"id": e.id, "name": e.name, "summary": e.summary, "actions": self.idx.actions_by_theme.get(i).map_or(0, Vec::len)})))
                .collect(),
            EntityKind::Threat => self
                .threats
                .iter()
                .enumerate()
                .map(|(i, e)| record(json!({"id": e.id, "name": e.name, "summary": e.summary, "actions": self.idx.actions_by_threat.get(i).map_or(0, Vec::len)})))
                .collect(),
            EntityKind::Action => self.actions.iter().map(|a| self.action_record(a)).collect(),
            EntityKind::Actor => self
                .actors
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    record(json!({
                        "id": e.id, "name": e.name, "abbreviation": e.abbreviation, "kind": snake(e.kind),
                        "founding_act": e.founding_act, "founding_act_text": e.founding_act_text,
                        "actions": self.idx.actions_by_actor.get(i).map_or(0, Vec::len),
                        "leads": self.idx.actions_by_lead.get(i).map_or(0, Vec::len),
                    }))
                })
                .collect(),
            EntityKind::Instrument => self
                .instruments
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    record(json!({
                        "id": e.id, "number": e.number, "short_title": e.short_title, "type": snake(e.instrument_type),
                        "year": e.year, "celex": e.celex, "eur_lex_url": e.eur_lex_url(), "status": snake(e.status),
                        "actions": self.idx.actions_by_instrument.get(i).map_or(0, Vec::len),
                    }))
                })
                .collect(),
            EntityKind::Document => self
                .documents
                .iter()
                .map(|e| {
                    record(json!({
                        "id": e.id, "number": e.number, "title": e.title, "kind": snake(e.kind),
                        "date": e.date.map(|d| d.to_string()), "url": e.url, "celex": e.celex,
                        "procedure": e.procedure, "stage": e.stage, "delivers": ids(&e.delivers),
                    }))
                })
                .collect(),
            EntityKind::Figure => self
                .figures
                .iter()
                .map(|e| {
                    record(json!({
                        "id": e.id, "statement": e.statement, "value": e.value, "number": e.number,
                        "unit": e.unit, "year": e.year, "source_url": self.first_source_url(&e.citations),
                        "verification": best_verification(&e.citations),
                    }))
                })
                .collect(),
            EntityKind::Source => self
                .source_usage(None)
                .into_iter()
                .map(|u| {
                    let levels: Vec<Value> = u.levels.into_iter().map(snake).collect();
                    let e = u.source;
                    record(json!({
                        "id": e.id, "title": e.title, "url": e.url, "publisher": e.publisher,
                        "class": snake(e.class), "language": e.language,
                        "published": e.published.map(|d| d.to_string()), "readable": e.readable,
                        "document": e.document, "levels": levels, "facts": u.facts,
                    }))
                })
                .collect(),
        }
    }
}
