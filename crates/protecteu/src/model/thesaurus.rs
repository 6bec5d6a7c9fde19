//! The search thesaurus as data: acronyms the strategy and EU law use, and the plain words
//! people type for the strategy's terms, each entry with its source. A query holding one form
//! of an entry also finds the entities that use another form (`CSAM` finds "child sexual abuse
//! material", `undersea cables` finds "subsea cables").
//!
//! The curated thesaurus is `data/thesaurus.toml`, embedded in the library and read by
//! [`Thesaurus::embedded`]; a user's overlay extends it with `[[thesaurus]]` entries of the
//! same form (see [`Thesaurus::from_toml`] for the format).

use serde::Serialize;

use super::derived::Derived;

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
    pub(crate) analysed: Derived,
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
            analysed: Derived::default(),
        }
    }
}
