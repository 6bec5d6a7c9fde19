//! JSON Lines of entities and CSV tables: one table per kind with the entities' own scalar
//! fields, plus link tables for their relations (`action_lead`, `action_theme`,
//! `document_delivers`, ...), a table of status events and a table of every citation.
//!
//! The columns come from the JSON Schema of the model types, so a field added to a type shows
//! up in the tables without a change here.

use once_cell::sync::Lazy;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::load::Limits;
use crate::model::error::{Error, Result};
use crate::model::problem::{Problem, Rule, ValidationReport};
use crate::model::strategy::Strategy;
use crate::model::EntityKind;

/// A table of text cells with a name and a header, ready for CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Table name, used as the CSV file name (`actions`, `action_lead`, `sources`, ...).
    pub name: String,
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each with one cell per column (empty for absent values).
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as CSV (RFC 4180 quoting, `\n` line ends, a header row first).
    ///
    /// ```
    /// let t = protecteu::Table {
    ///     name: "t".into(),
    ///     columns: vec!["id".into(), "title".into()],
    ///     rows: vec![vec!["a".into(), "x, \"y\"".into()]],
    /// };
    /// assert_eq!(t.to_csv(), "id,title\na,\"x, \"\"y\"\"\"\n");
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut line = |cells: &[String]| {
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if c.contains([',', '"', '\n', '\r']) || c.starts_with(' ') || c.ends_with(' ') {
                    out.push('"');
                    out.push_str(&c.replace('"', "\"\""));
                    out.push('"');
                } else {
                    out.push_str(c);
                }
            }
            out.push('\n');
        };
        line(&self.columns);
        for r in &self.rows {
            line(r);
        }
        out
    }
}

/// How a property of an entity type goes into the tables.
#[derive(Debug, Clone)]
enum Column {
    /// A scalar: one cell.
    Scalar(String),
    /// An object of scalars (e.g. `timing`): one cell per sub-field, named `key_sub`.
    Nested(String, Vec<String>),
    /// A list of ids or strings: a link table.
    List {
        key: String,
        target: Option<EntityKind>,
    },
    /// A list of objects (`sources`, `status`): rows of a sub-table.
    Objects(String, Vec<Column>),
}

/// Read from the committed schema text, so the tables are the same with or without the
/// `schema` feature (a test keeps the text equal to the generated schema).
static SCHEMA: Lazy<Value> = Lazy::new(|| {
    crate::load::embedded::schema_json()
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
});

fn resolve<'a>(schema: &'a Value, prop: &'a Value) -> (&'a Value, Option<&'a str>) {
    let mut p = prop;
    if let Some(any) = p.get("anyOf").and_then(Value::as_array) {
        if let Some(first) = any
            .iter()
            .find(|x| x.get("type") != Some(&Value::from("null")))
        {
            p = first;
        }
    }
    match p.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.rsplit('/').next().unwrap_or("");
            (
                schema
                    .get("$defs")
                    .and_then(|d| d.get(name))
                    .unwrap_or(&Value::Null),
                Some(name),
            )
        }
        None => (p, None),
    }
}

fn is_array(v: &Value) -> bool {
    match v.get("type") {
        Some(Value::String(t)) => t == "array",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "array"),
        _ => false,
    }
}

fn columns_of(schema: &Value, def: &Value) -> Vec<Column> {
    let Some(props) = def.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    props
        .iter()
        .map(|(key, prop)| {
            let (resolved, _) = resolve(schema, prop);
            if is_array(resolved) {
                let items = resolved.get("items").unwrap_or(&Value::Null);
                let (item, name) = resolve(schema, items);
                if item.get("properties").is_some() {
                    Column::Objects(key.clone(), columns_of(schema, item))
                } else {
                    let target = name
                        .and_then(|n| n.strip_suffix("Id"))
                        .and_then(EntityKind::parse);
                    Column::List {
                        key: key.clone(),
                        target,
                    }
                }
            } else if let Some(sub) = resolved.get("properties").and_then(Value::as_object) {
                Column::Nested(key.clone(), sub.keys().cloned().collect())
            } else {
                Column::Scalar(key.clone())
            }
        })
        .collect()
}

/// The columns of a top-level key of a data file (`actions`, `strategy`, `dataset`, ...).
fn columns_for(key: &str) -> Vec<Column> {
    let schema = &*SCHEMA;
    let Some(prop) = schema.get("properties").and_then(|p| p.get(key)) else {
        return Vec::new();
    };
    let (resolved, _) = resolve(schema, prop);
    let def = if is_array(resolved) {
        resolve(schema, resolved.get("items").unwrap_or(&Value::Null)).0
    } else {
        resolved
    };
    columns_of(schema, def)
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn header(cols: &[Column]) -> Vec<String> {
    let mut out = Vec::new();
    for c in cols {
        match c {
            Column::Scalar(k) => out.push(k.clone()),
            Column::Nested(k, subs) => out.extend(subs.iter().map(|s| format!("{k}_{s}"))),
            Column::List { .. } | Column::Objects(..) => {}
        }
    }
    out
}

fn row(cols: &[Column], v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for c in cols {
        match c {
            Column::Scalar(k) => out.push(cell(v.get(k))),
            Column::Nested(k, subs) => {
                let inner = v.get(k);
                out.extend(subs.iter().map(|s| cell(inner.and_then(|x| x.get(s)))));
            }
            Column::List { .. } | Column::Objects(..) => {}
        }
    }
    out
}

/// `themes` -> `theme`, `previous_ids` -> `previous_id`; `delivers` and `involved` stay.
fn singular(key: &str) -> &str {
    match key {
        "delivers" => key,
        _ => key.strip_suffix('s').unwrap_or(key),
    }
}

const SOURCE_COLUMNS: [&str; 4] = ["kind", "id", "path", "position"];

impl Strategy {
    /// The canonical JSON value of every entity of a kind, in model order (the strategy kind
    /// gives the strategy document).
    pub(crate) fn entity_values(&self, kind: EntityKind) -> Vec<Value> {
        fn all<T: Serialize>(items: &[T]) -> Vec<Value> {
            items
                .iter()
                .map(|e| serde_json::to_value(e).unwrap_or(Value::Null))
                .collect()
        }
        match kind {
            EntityKind::Strategy => all(std::slice::from_ref(&self.info)),
            EntityKind::Objective => all(&self.objectives),
            EntityKind::Principle => all(&self.principles),
            EntityKind::Section => all(&self.sections),
            EntityKind::Theme => all(&self.themes),
            EntityKind::Threat => all(&self.threats),
            EntityKind::Action => all(&self.actions),
            EntityKind::Actor => all(&self.actors),
            EntityKind::Instrument => all(&self.instruments),
            EntityKind::Document => all(&self.documents),
            EntityKind::Figure => all(&self.figures),
            EntityKind::Source => all(&self.sources),
        }
    }

    /// JSON Lines: one line per entity, `{"kind": "action", "id": "...", "data": {...}}`, where
    /// `data` is the entity exactly as in the canonical JSON. With no kind, every entity is
    /// written, starting with a `dataset` line, then the strategy and every kind in canonical
    /// order; [`Strategy::from_jsonl`] reads that back.
    ///
    /// ```
    /// use protecteu::EntityKind;
    /// let s = protecteu::strategy();
    /// let lines = s.to_jsonl(Some(EntityKind::Theme));
    /// assert_eq!(lines.lines().count(), s.themes().len());
    /// assert!(lines.starts_with("{\"kind\":\"theme\",\"id\":"));
    /// ```
    pub fn to_jsonl(&self, kind: Option<EntityKind>) -> String {
        let mut out = String::new();
        let mut push = |kind: &str, data: Value| {
            let mut m = Map::new();
            m.insert("kind".into(), Value::from(kind));
            if let Some(id) = data.get("id") {
                m.insert("id".into(), id.clone());
            }
            m.insert("data".into(), data);
            out.push_str(&Value::Object(m).to_string());
            out.push('\n');
        };
        let kinds: Vec<EntityKind> = match kind {
            Some(k) => vec![k],
            None => {
                push(
                    "dataset",
                    serde_json::to_value(&self.dataset).unwrap_or(Value::Null),
                );
                EntityKind::ALL.to_vec()
            }
        };
        for k in kinds {
            for v in self.entity_values(k) {
                push(k.name(), v);
            }
        }
        out
    }

    /// Reads the JSON Lines written by [`Strategy::to_jsonl`] (every kind) back into a model,
    /// validated as a whole.
    ///
    /// # Errors
    /// [`Error::Invalid`]: a line that is not a JSON object with a known `kind` and a `data`
    /// object is reported with its line number, and the data set is validated as usual.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let again = protecteu::Strategy::from_jsonl(&s.to_jsonl(None)).unwrap();
    /// assert_eq!(again.to_canonical_json(), s.to_canonical_json());
    /// ```
    pub fn from_jsonl(text: &str) -> Result<Strategy> {
        let mut top = Map::new();
        for k in EntityKind::ALL.iter().skip(1) {
            top.insert(k.plural().into(), Value::Array(Vec::new()));
        }
        let mut problems = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let parsed: Option<(String, Value)> = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| match v {
                    Value::Object(mut m) => Some((
                        m.get("kind")?.as_str()?.to_owned(),
                        m.remove("data").filter(Value::is_object)?,
                    )),
                    _ => None,
                });
            let placed = parsed.and_then(|(kind, data)| match kind.as_str() {
                "dataset" => top
                    .insert("dataset".into(), data)
                    .map_or(Some(()), |_| None),
                "strategy" => top
                    .insert("strategy".into(), data)
                    .map_or(Some(()), |_| None),
                other => {
                    let k = EntityKind::parse(other).filter(|k| k.name() == other)?;
                    top.get_mut(k.plural())?.as_array_mut()?.push(data);
                    Some(())
                }
            });
            if placed.is_none() {
                problems.push(Problem {
                    rule: Rule::Syntax,
                    message: "not a JSON Lines entity: expected {\"kind\": ..., \"data\": {...}} with a known kind (dataset and strategy once)".into(),
                    file: Some("<jsonl>".into()),
                    line: Some(n + 1),
                    column: Some(1),
                    path: None,
                    kind: None,
                    id: None,
                });
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(ValidationReport { problems }));
        }
        let json = serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default();
        Strategy::from_text(&json, "<jsonl>", &Limits::default())
    }

    /// The table of one kind: the entities' scalar fields (nested objects such as `timing`
    /// flattened to `timing_kind`, `timing_year`, ...); lists are left to [`Strategy::tables`].
    ///
    /// ```
    /// use protecteu::EntityKind;
    /// let s = protecteu::strategy();
    /// let t = s.table(EntityKind::Action);
    /// assert_eq!(t.name, "actions");
    /// assert_eq!(t.rows.len(), s.action_list().len());
    /// assert!(t.columns.contains(&"timing_year".to_string()));
    /// ```
    pub fn table(&self, kind: EntityKind) -> Table {
        let cols = columns_for(kind.plural());
        Table {
            name: kind.plural().into(),
            columns: header(&cols),
            rows: self
                .entity_values(kind)
                .iter()
                .map(|v| row(&cols, v))
                .collect(),
        }
    }

    /// Every table: `dataset`, one per kind (as [`Strategy::table`]), then one link table per
    /// list of references (`action_lead`, `action_involved`, `action_theme`, `action_threat`,
    /// `action_objective`, `action_instrument`, `action_previous_id`, `document_delivers`),
    /// `action_status` (status events) and `citations` (every citation, with the entity and
    /// the path of the fact it supports: empty for the entity, `status[i]` for an event).
    pub fn tables(&self) -> Vec<Table> {
        let dataset_cols = columns_for("dataset");
        let dataset = serde_json::to_value(&self.dataset).unwrap_or(Value::Null);
        let mut out = vec![Table {
            name: "dataset".into(),
            columns: header(&dataset_cols),
            rows: vec![row(&dataset_cols, &dataset)],
        }];
        out.extend(EntityKind::ALL.iter().map(|&k| self.table(k)));
        let mut links: Vec<Table> = Vec::new();
        let mut subs: Vec<Table> = Vec::new();
        let mut sources = Table {
            name: "citations".into(),
            columns: SOURCE_COLUMNS.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        };
        let source_cols = columns_for("actions")
            .into_iter()
            .find_map(|c| match c {
                Column::Objects(k, cols) if k == "citations" => Some(cols),
                _ => None,
            })
            .unwrap_or_default();
        sources.columns.extend(header(&source_cols));
        let mut add_sources = |kind: &str, id: &str, path: &str, list: Option<&Value>| {
            for (i, s) in list
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                let mut r = vec![kind.into(), id.into(), path.into(), (i + 1).to_string()];
                r.extend(row(&source_cols, s));
                sources.rows.push(r);
            }
        };
        for kind in EntityKind::ALL {
            let cols = columns_for(kind.plural());
            let values = self.entity_values(kind);
            for c in &cols {
                match c {
                    Column::List { key, target } => {
                        let other = match target {
                            Some(t) if *t != kind => t.name().to_owned(),
                            _ => singular(key).to_owned(),
                        };
                        let mut t = Table {
                            name: format!("{}_{}", kind.name(), singular(key)),
                            columns: vec![kind.name().into(), other, "position".into()],
                            rows: Vec::new(),
                        };
                        for v in &values {
                            let id = cell(v.get("id"));
                            for (i, x) in v
                                .get(key)
                                .and_then(Value::as_array)
                                .into_iter()
                                .flatten()
                                .enumerate()
                            {
                                t.rows
                                    .push(vec![id.clone(), cell(Some(x)), (i + 1).to_string()]);
                            }
                        }
                        links.push(t);
                    }
                    Column::Objects(key, _) if key == "citations" => {
                        for v in &values {
                            add_sources(kind.name(), &cell(v.get("id")), "", v.get(key));
                        }
                    }
                    Column::Objects(key, sub_cols) => {
                        let mut columns = vec![kind.name().to_owned(), "position".into()];
                        columns.extend(header(sub_cols));
                        let mut t = Table {
                            name: format!("{}_{key}", kind.name()),
                            columns,
                            rows: Vec::new(),
                        };
                        for v in &values {
                            let id = cell(v.get("id"));
                            for (i, x) in v
                                .get(key)
                                .and_then(Value::as_array)
                                .into_iter()
                                .flatten()
                                .enumerate()
                            {
                                let mut r = vec![id.clone(), (i + 1).to_string()];
                                r.extend(row(sub_cols, x));
                                t.rows.push(r);
                                add_sources(
                                    kind.name(),
                                    &id,
                                    &format!("{key}[{i}]"),
                                    x.get("citations"),
                                );
                            }
                        }
                        subs.push(t);
                    }
                    Column::Scalar(_) | Column::Nested(..) => {}
                }
            }
        }
        out.extend(links);
        out.extend(subs);
        out.push(sources);
        out
    }
}
