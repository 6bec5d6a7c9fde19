//! The search thesaurus as data: acronyms the strategy and EU law use, and the plain words
//! people type for the strategy's terms, each entry with its source. A query holding one form
//! of an entry also finds the entities that use another form (`CSAM` finds "child sexual abuse
//! material", `undersea cables` finds "subsea cables").
//!
//! The curated thesaurus is `data/thesaurus.toml`, embedded in the library and read by
//! [`Thesaurus::embedded`]; a user's overlay extends it with `[[thesaurus]]` entries of the
//! same form (see [`Thesaurus::from_toml`] for the format).

use serde::Serialize;

/// What an entry relates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// An acronym (the first form) and what it stands for.
    Acronym,
    /// Words people use for the same thing.
    Synonym,
}

/// Where an entry comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermSource {
    /// Title of the act, glossary or vocabulary page.
    pub title: String,
    /// Its address.
    pub url: String,
}

/// One thesaurus entry: forms that mean the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThesaurusEntry {
    /// Unique, lower-case kebab-case id.
    pub id: String,
    /// Acronym or synonym.
    pub kind: TermKind,
    /// The forms, at least two; for an acronym, the acronym first.
    pub forms: Vec<String>,
    /// The EuroVoc concept URI, where EuroVoc has the concept.
    pub eurovoc: Option<String>,
    /// The source that defines or uses the forms in this sense.
    pub source: TermSource,
}

/// A validated set of thesaurus entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Thesaurus {
    pub(crate) entries: Vec<ThesaurusEntry>,
    /// The entries as search analyses them (its terms), worked out on first use by
    /// `query::search`, which owns the type; shared by every model using this thesaurus.
    #[serde(skip)]
    pub(crate) analysed: AnalysisSlot,
}

/// A type-erased slot for what search derives from the thesaurus. It is no part of the
/// thesaurus's value: clones start empty, and it never makes two thesauri unequal.
#[derive(Default)]
pub(crate) struct AnalysisSlot(pub once_cell::sync::OnceCell<Box<dyn std::any::Any + Send + Sync>>);

impl Clone for AnalysisSlot {
    fn clone(&self) -> Self {
        AnalysisSlot::default()
    }
}

impl PartialEq for AnalysisSlot {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for AnalysisSlot {}

impl std::fmt::Debug for AnalysisSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "AnalysisSlot(analysed)"
        } else {
            "AnalysisSlot(empty)"
        })
    }
}

impl Thesaurus {
    /// The entries, in file order.
    pub fn entries(&self) -> &[ThesaurusEntry] {
        &self.entries
    }

    /// This thesaurus with `more` entries after its own.
    pub(crate) fn extended(&self, more: &[ThesaurusEntry]) -> Thesaurus {
        let mut entries = self.entries.clone();
        entries.extend(more.iter().cloned());
        Thesaurus {
            entries,
            analysed: AnalysisSlot::default(),
        }
    }
}
