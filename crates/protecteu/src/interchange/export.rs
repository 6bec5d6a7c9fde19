//! The canonical JSON export: one object with a key per kind, which loads back unchanged.

use serde::Serialize;

use crate::model::strategy::Strategy;
use crate::model::*;

#[derive(Serialize)]
struct Canonical<'a> {
    dataset: &'a Dataset,
    strategy: &'a StrategyInfo,
    objectives: &'a [Objective],
    principles: &'a [Principle],
    sections: &'a [Section],
    themes: &'a [Theme],
    threats: &'a [Threat],
    actions: &'a [Action],
    actors: &'a [Actor],
    instruments: &'a [LegalInstrument],
    documents: &'a [Document],
    figures: &'a [KeyFigure],
    #[serde(skip_serializing_if = "<[Source]>::is_empty")]
    sources: &'a [Source],
}

impl Strategy {
    /// The canonical JSON of the whole model: pretty-printed, keys in a fixed order, ending
    /// with a newline. Loading it gives the same model, and exporting that gives the same bytes.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let json = s.to_canonical_json();
    /// let again: protecteu::Strategy = json.parse().unwrap();
    /// assert_eq!(again.to_canonical_json(), json);
    /// ```
    pub fn to_canonical_json(&self) -> String {
        let c = Canonical {
            dataset: &self.dataset,
            strategy: &self.info,
            objectives: &self.objectives,
            principles: &self.principles,
            sections: &self.sections,
            themes: &self.themes,
            threats: &self.threats,
            actions: &self.actions,
            actors: &self.actors,
            instruments: &self.instruments,
            documents: &self.documents,
            figures: &self.figures,
            sources: &self.sources,
        };
        // Serialising plain data structs to a String cannot fail.
        let mut out = serde_json::to_string_pretty(&c).unwrap_or_default();
        out.push('\n');
        out
    }
}

/// The formats a [`Strategy`] exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Canonical JSON of the whole model (loads back byte for byte).
    Json,
    /// JSON Lines: one entity per line, `{"kind", "id", "data"}`.
    Jsonl,
    /// CSV: a table per kind, relations in link tables.
    Csv,
    /// A Markdown report of the whole strategy.
    Markdown,
    /// Graphviz DOT of actors, actions, instruments and themes.
    Dot,
    /// A Mermaid Gantt chart of the actions by due period.
    Mermaid,
    /// JSON-LD with ELI, SKOS, Dublin Core and PROV-O.
    Jsonld,
    /// Turtle: the same graph as JSON-LD.
    Turtle,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: [ExportFormat; 8] = [
        ExportFormat::Json,
        ExportFormat::Jsonl,
        ExportFormat::Csv,
        ExportFormat::Markdown,
        ExportFormat::Dot,
        ExportFormat::Mermaid,
        ExportFormat::Jsonld,
        ExportFormat::Turtle,
    ];

    /// The usual file extension (`json`, `ttl`, `mmd`, ...).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Dot => "dot",
            ExportFormat::Mermaid => "mmd",
            ExportFormat::Jsonld => "jsonld",
            ExportFormat::Turtle => "ttl",
        }
    }
}

/// One exported file: its usual name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// File name (`protecteu.ttl`, `actions.csv`, `action_lead.csv`, ...).
    pub name: String,
    /// The file's text.
    pub text: String,
}

impl Strategy {
    /// The model in `format`, as one text. `kind` limits JSON Lines to one kind and picks the
    /// table of a CSV export (which needs one); the other formats always cover the whole model.
    ///
    /// ```
    /// use protecteu::{EntityKind, ExportFormat};
    /// let s = protecteu::strategy();
    /// let csv = s.export(ExportFormat::Csv, Some(EntityKind::Actor)).unwrap();
    /// assert!(csv.starts_with("id,"));
    /// assert!(s.export(ExportFormat::Csv, None).is_err());
    /// assert_eq!(s.export(ExportFormat::Json, None).unwrap(), s.to_canonical_json());
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for CSV without a kind, or a
    /// kind given to a format that has no use for it.
    pub fn export(
        &self,
        format: ExportFormat,
        kind: Option<crate::model::EntityKind>,
    ) -> crate::model::error::Result<String> {
        if format == ExportFormat::Csv && kind.is_none() {
            return Err(crate::model::error::Error::InvalidArgument {
                name: "kind".into(),
                value: String::new(),
                expected: "a kind for one CSV table (e.g. actions); export_files gives every table"
                    .into(),
            });
        }
        let mut files = self.export_files(format, kind)?;
        Ok(files.pop().map(|f| f.text).unwrap_or_default())
    }

    /// The model in `format` as the files a folder export writes: one file for most formats,
    /// every table (entities, link tables, status events, sources) for CSV without a kind.
    ///
    /// ```
    /// use protecteu::ExportFormat;
    /// let files = protecteu::strategy().export_files(ExportFormat::Csv, None).unwrap();
    /// assert!(files.iter().any(|f| f.name == "actions.csv"));
    /// assert!(files.iter().any(|f| f.name == "action_lead.csv"));
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for a kind given to a format
    /// that has no use for it.
    pub fn export_files(
        &self,
        format: ExportFormat,
        kind: Option<crate::model::EntityKind>,
    ) -> crate::model::error::Result<Vec<ExportFile>> {
        let one = |stem: &str, text: String| {
            vec![ExportFile {
                name: format!("{stem}.{}", format.extension()),
                text,
            }]
        };
        let stem = kind.map_or("protecteu", crate::model::EntityKind::plural);
        Ok(match format {
            ExportFormat::Jsonl => one(stem, self.to_jsonl(kind)),
            ExportFormat::Csv => match kind {
                Some(k) => one(stem, self.table(k).to_csv()),
                None => self
                    .tables()
                    .into_iter()
                    .map(|t| ExportFile {
                        name: format!("{}.csv", t.name),
                        text: t.to_csv(),
                    })
                    .collect(),
            },
            _ if kind.is_some() => return Err(kind_not_applicable(format, kind)),
            ExportFormat::Json => one(stem, self.to_canonical_json()),
            ExportFormat::Markdown => one(stem, self.to_markdown()),
            ExportFormat::Dot => one(stem, self.to_dot()),
            ExportFormat::Mermaid => one(stem, self.to_mermaid()),
            ExportFormat::Jsonld => one(stem, self.to_jsonld()),
            ExportFormat::Turtle => one(stem, self.to_turtle()),
        })
    }
}

/// The error for a kind given to a format that always covers the whole model.
fn kind_not_applicable(
    format: ExportFormat,
    kind: Option<crate::model::EntityKind>,
) -> crate::model::error::Error {
    crate::model::error::Error::InvalidArgument {
        name: "kind".into(),
        value: kind
            .map(crate::model::EntityKind::plural)
            .unwrap_or_default()
            .into(),
        expected: format!(
            "no kind: a {} export covers the whole model (a kind applies to jsonl and csv)",
            crate::model::vocab::Vocabulary::name(format)
        ),
    }
}

crate::model::vocab::vocabulary! {
    ExportFormat => "format",
}

#[cfg(test)]
mod tests {
    #[test]
    fn format_round_trips_through_its_names() {
        crate::model::vocab::tests::round_trips::<super::ExportFormat>();
    }
}
