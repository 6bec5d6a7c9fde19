//! The canonical JSON export: one object with a key per kind, which loads back unchanged.

use serde::Serialize;

use crate::model::*;
use crate::strategy::Strategy;

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
        };
        // Serialising plain data structs to a String cannot fail.
        let mut out = serde_json::to_string_pretty(&c).unwrap_or_default();
        out.push('\n');
        out
    }
}
