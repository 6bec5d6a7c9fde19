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

/// The SQL type of a column, from the JSON Schema type of its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum SqlType {
    /// Text (strings, dates, enumerations, ids).
    #[default]
    Text,
    /// Whole numbers.
    Integer,
    /// Other numbers.
    Real,
    /// `true`/`false` (stored as 1/0 in SQLite).
    Boolean,
}

/// What an export that knows types (SQLite, its Datasette metadata) needs of a column beyond
/// its name: its type, the kind it refers to, and the schema's description of its field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ColumnInfo {
    /// The SQL type.
    pub sql_type: SqlType,
    /// The kind whose `id` the column holds, for references.
    pub references: Option<EntityKind>,
    /// The field's description in the schema (empty when it has none).
    pub description: String,
}

impl ColumnInfo {
    fn of(schema: &Value, prop: &Value) -> ColumnInfo {
        let (resolved, name) = resolve(schema, prop);
        let has = |t: &str| match resolved.get("type") {
            Some(Value::String(s)) => s == t,
            Some(Value::Array(ts)) => ts.iter().any(|x| x == t),
            _ => false,
        };
        let sql_type = if has("integer") {
            SqlType::Integer
        } else if has("number") {
            SqlType::Real
        } else if has("boolean") {
            SqlType::Boolean
        } else {
            SqlType::Text
        };
        ColumnInfo {
            sql_type,
            references: name
                .and_then(|n| n.strip_suffix("Id"))
                .and_then(EntityKind::parse),
            description: describe(prop),
        }
    }

    fn text(description: &str) -> ColumnInfo {
        ColumnInfo {
            description: description.into(),
            ..ColumnInfo::default()
        }
    }

    fn key(kind: EntityKind, description: String) -> ColumnInfo {
        ColumnInfo {
            references: Some(kind),
            description,
            ..ColumnInfo::default()
        }
    }

    fn position() -> ColumnInfo {
        ColumnInfo {
            sql_type: SqlType::Integer,
            references: None,
            description: "Position in the list (1-based), as in the data file.".into(),
        }
    }
}

/// The first line of a schema description.
fn describe(v: &Value) -> String {
    v.get("description")
        .and_then(Value::as_str)
        .unwrap_or("")
        .split("\n\n")
        .next()
        .unwrap_or("")
        .replace('\n', " ")
}

/// What a table holds, for an export that declares keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableRole {
    /// The one-row `dataset` table.
    Dataset,
    /// One row per entity of a kind, keyed by `id`.
    Entity(EntityKind),
    /// A list of a kind's entities: keyed by the owner (first column) and `position`.
    List(EntityKind),
    /// Every citation: keyed by `kind`, `id`, `path` and `position`.
    Citations,
}

/// A [`Table`] with what a typed export needs: one [`ColumnInfo`] per column, the table's
/// role and a description.
#[derive(Debug, Clone)]
#[cfg_attr(not(feature = "sqlite"), allow(dead_code))]
pub(crate) struct TypedTable {
    /// The table, exactly as the CSV export writes it.
    pub table: Table,
    /// One entry per column of `table`.
    pub info: Vec<ColumnInfo>,
    /// What the table holds.
    pub role: TableRole,
    /// One line on what a row is.
    pub description: String,
}

/// How a property of an entity type goes into the tables.
#[derive(Debug, Clone)]
enum Column {
    /// A scalar: one cell.
    Scalar(String, ColumnInfo),
    /// An object of scalars (e.g. `timing`): one cell per sub-field, named `key_sub`.
    Nested(String, Vec<(String, ColumnInfo)>),
    /// A list of ids or strings: a link table.
    List {
        key: String,
        target: Option<EntityKind>,
        description: String,
    },
    /// A list of objects (`sources`, `status`): rows of a sub-table.
    Objects(String, Vec<Column>, String),
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
                    Column::Objects(key.clone(), columns_of(schema, item), describe(prop))
                } else {
                    let target = name
                        .and_then(|n| n.strip_suffix("Id"))
                        .and_then(EntityKind::parse);
                    Column::List {
                        key: key.clone(),
                        target,
                        description: describe(prop),
                    }
                }
            } else if let Some(sub) = resolved.get("properties").and_then(Value::as_object) {
                Column::Nested(
                    key.clone(),
                    sub.iter()
                        .map(|(k, p)| {
                            let mut info = ColumnInfo::of(schema, p);
                            info.description = format!("{key}: {}", info.description);
                            (k.clone(), info)
                        })
                        .collect(),
                )
            } else {
                Column::Scalar(key.clone(), ColumnInfo::of(schema, prop))
            }
        })
        .collect()
}

/// The schema of one entity of a top-level key of a data file (`actions` -> the `Action`
/// type; `strategy` -> the strategy's own type), references resolved.
fn entity_schema(key: &str) -> Option<&'static Value> {
    let schema: &'static Value = &SCHEMA;
    let prop = schema.get("properties").and_then(|p| p.get(key))?;
    let (resolved, _) = resolve(schema, prop);
    Some(if is_array(resolved) {
        resolve(schema, resolved.get("items").unwrap_or(&Value::Null)).0
    } else {
        resolved
    })
}

/// The description of a top-level key's entity type (`actions` -> the `Action` type's).
fn type_description(key: &str) -> String {
    entity_schema(key).map(describe).unwrap_or_default()
}

/// The columns of a top-level key of a data file (`actions`, `strategy`, `dataset`, ...).
fn columns_for(key: &str) -> Vec<Column> {
    entity_schema(key).map_or_else(Vec::new, |def| columns_of(&SCHEMA, def))
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
            Column::Scalar(k, _) => out.push(k.clone()),
            Column::Nested(k, subs) => out.extend(subs.iter().map(|(s, _)| format!("{k}_{s}"))),
            Column::List { .. } | Column::Objects(..) => {}
        }
    }
    out
}

/// The [`ColumnInfo`] of each column of [`header`].
fn infos(cols: &[Column]) -> Vec<ColumnInfo> {
    let mut out = Vec::new();
    for c in cols {
        match c {
            Column::Scalar(_, info) => out.push(info.clone()),
            Column::Nested(_, subs) => out.extend(subs.iter().map(|(_, i)| i.clone())),
            Column::List { .. } | Column::Objects(..) => {}
        }
    }
    out
}

fn row(cols: &[Column], v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for c in cols {
        match c {
            Column::Scalar(k, _) => out.push(cell(v.get(k))),
            Column::Nested(k, subs) => {
                let inner = v.get(k);
                out.extend(subs.iter().map(|(s, _)| cell(inner.and_then(|x| x.get(s)))));
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
        self.typed_table(kind).table
    }

    fn typed_table(&self, kind: EntityKind) -> TypedTable {
        let cols = columns_for(kind.plural());
        TypedTable {
            table: Table {
                name: kind.plural().into(),
                columns: header(&cols),
                rows: self
                    .entity_values(kind)
                    .iter()
                    .map(|v| row(&cols, v))
                    .collect(),
            },
            info: infos(&cols),
            role: TableRole::Entity(kind),
            description: type_description(kind.plural()),
        }
    }

    /// Every table: `dataset`, one per kind (as [`Strategy::table`]), then one link table per
    /// list of references (`action_lead`, `action_involved`, `action_theme`, `action_threat`,
    /// `action_objective`, `action_instrument`, `action_previous_id`, `document_delivers`),
    /// `action_status` (status events) and `citations` (every citation, with the entity and
    /// the path of the fact it supports: empty for the entity, `status[i]` for an event).
    pub fn tables(&self) -> Vec<Table> {
        self.typed_tables().into_iter().map(|t| t.table).collect()
    }

    /// [`Strategy::tables`] with the column types, references and descriptions a typed
    /// export (SQLite) needs: the same tables, columns and rows.
    pub(crate) fn typed_tables(&self) -> Vec<TypedTable> {
        let dataset_cols = columns_for("dataset");
        let dataset = serde_json::to_value(&self.dataset).unwrap_or(Value::Null);
        let mut out = vec![TypedTable {
            table: Table {
                name: "dataset".into(),
                columns: header(&dataset_cols),
                rows: vec![row(&dataset_cols, &dataset)],
            },
            info: infos(&dataset_cols),
            role: TableRole::Dataset,
            description: type_description("dataset"),
        }];
        out.extend(EntityKind::ALL.iter().map(|&k| self.typed_table(k)));
        let mut links: Vec<TypedTable> = Vec::new();
        let mut subs: Vec<TypedTable> = Vec::new();
        let source_cols = columns_for("actions")
            .into_iter()
            .find_map(|c| match c {
                Column::Objects(k, cols, _) if k == "citations" => Some(cols),
                _ => None,
            })
            .unwrap_or_default();
        let mut sources = TypedTable {
            table: Table {
                name: "citations".into(),
                columns: SOURCE_COLUMNS.iter().map(|s| s.to_string()).collect(),
                rows: Vec::new(),
            },
            info: vec![
                ColumnInfo::text("The kind of the entity that cites."),
                ColumnInfo::text("The id of the entity that cites."),
                ColumnInfo::text(
                    "The fact cited: empty for the entity itself, `status[i]` for its (i+1)th status event.",
                ),
                ColumnInfo::position(),
            ],
            role: TableRole::Citations,
            description: "Every citation: which registry source supports which entity or status event.".into(),
        };
        sources.table.columns.extend(header(&source_cols));
        sources.info.extend(infos(&source_cols));
        let mut add_sources = |kind: &str, id: &str, path: &str, list: Option<&Value>| {
            for (i, s) in list
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                let mut r = vec![kind.into(), id.into(), path.into(), (i + 1).to_string()];
                r.extend(row(&source_cols, s));
                sources.table.rows.push(r);
            }
        };
        for kind in EntityKind::ALL {
            let cols = columns_for(kind.plural());
            let values = self.entity_values(kind);
            let owner = || ColumnInfo::key(kind, format!("The {}'s id.", kind.name()));
            for c in &cols {
                match c {
                    Column::List {
                        key,
                        target,
                        description,
                    } => {
                        let other = match target {
                            Some(t) if *t != kind => t.name().to_owned(),
                            _ => singular(key).to_owned(),
                        };
                        let mut t = TypedTable {
                            table: Table {
                                name: format!("{}_{}", kind.name(), singular(key)),
                                columns: vec![kind.name().into(), other, "position".into()],
                                rows: Vec::new(),
                            },
                            info: vec![
                                owner(),
                                ColumnInfo {
                                    references: *target,
                                    ..ColumnInfo::text(description)
                                },
                                ColumnInfo::position(),
                            ],
                            role: TableRole::List(kind),
                            description: format!("{} `{key}`: {description}", kind.name()),
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
                                t.table.rows.push(vec![
                                    id.clone(),
                                    cell(Some(x)),
                                    (i + 1).to_string(),
                                ]);
                            }
                        }
                        links.push(t);
                    }
                    Column::Objects(key, _, _) if key == "citations" => {
                        for v in &values {
                            add_sources(kind.name(), &cell(v.get("id")), "", v.get(key));
                        }
                    }
                    Column::Objects(key, sub_cols, description) => {
                        let mut columns = vec![kind.name().to_owned(), "position".into()];
                        columns.extend(header(sub_cols));
                        let mut info = vec![owner(), ColumnInfo::position()];
                        info.extend(infos(sub_cols));
                        let mut t = TypedTable {
                            table: Table {
                                name: format!("{}_{key}", kind.name()),
                                columns,
                                rows: Vec::new(),
                            },
                            info,
                            role: TableRole::List(kind),
                            description: format!("{} `{key}`: {description}", kind.name()),
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
                                t.table.rows.push(r);
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
                    Column::Scalar(..) | Column::Nested(..) => {}
                }
            }
        }
        out.extend(links);
        out.extend(subs);
        out.push(sources);
        out
    }
}
