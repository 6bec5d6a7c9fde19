//! Building a [`Strategy`] from files or text: read, check the limits, validate, index.

use std::path::Path as FsPath;
use std::str::FromStr;

use crate::load::limits::Limits;
use crate::load::locate::Format;
use crate::load::read::{Collected, InputFile};
use crate::model::error::{Error, Result};
use crate::model::problem::{Problem, Rule, ValidationReport};
use crate::model::strategy::{Indexes, Strategy};

impl FromStr for Strategy {
    type Err = Error;

    /// Parses one data file's text holding the whole data set: the canonical JSON, or TOML.
    fn from_str(text: &str) -> Result<Self> {
        Strategy::from_text(text, "<string>", &Limits::default())
    }
}

impl Strategy {
    /// Loads a data set from a directory of data files or from one file (canonical JSON, or
    /// TOML), validating it as a whole.
    ///
    /// # Errors
    /// [`Error::Io`] if it cannot be read; [`Error::Invalid`] with every problem found.
    ///
    /// ```
    /// let s = protecteu::Strategy::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data/protecteu-2025.json")).unwrap();
    /// assert_eq!(s.action_list().len(), protecteu::strategy().action_list().len());
    /// ```
    pub fn from_path(path: impl AsRef<FsPath>) -> Result<Self> {
        Strategy::from_path_with(path, &Limits::default())
    }

    /// [`Strategy::from_path`] with explicit input limits.
    ///
    /// # Errors
    /// As [`Strategy::from_path`]; a limit exceeded is reported under [`Rule::Limit`].
    pub fn from_path_with(path: impl AsRef<FsPath>, limits: &Limits) -> Result<Self> {
        let files = crate::load::read_path(path.as_ref(), limits)?;
        Strategy::from_files(files, limits)
    }

    /// Parses one file's text (JSON if it starts with `{`, TOML otherwise); `name` is used in
    /// problem locations.
    ///
    /// # Errors
    /// [`Error::Invalid`] with every problem found.
    pub fn from_text(text: &str, name: &str, limits: &Limits) -> Result<Self> {
        if text.len() > limits.max_bytes {
            return Err(Error::Invalid(ValidationReport {
                problems: vec![Problem {
                    rule: Rule::Limit,
                    message: format!(
                        "input is {} bytes, over the limit of {} bytes",
                        text.len(),
                        limits.max_bytes
                    ),
                    file: Some(name.to_owned()),
                    line: None,
                    column: None,
                    path: None,
                    kind: None,
                    id: None,
                }],
            }));
        }
        let format = if text.trim_start().starts_with('{') {
            Format::Json
        } else {
            Format::Toml
        };
        Strategy::from_files(
            vec![InputFile {
                name: name.to_owned(),
                text: text.to_owned(),
                format,
            }],
            limits,
        )
    }

    pub(crate) fn from_files(files: Vec<InputFile>, limits: &Limits) -> Result<Self> {
        // Nesting depth, on the raw text: before any parser spends stack or memory on it.
        for f in &files {
            if let Some(at) =
                crate::load::guard::depth_exceeded(&f.text, f.format, limits.max_depth)
            {
                let (line, column) = crate::load::locate::line_col(&f.text, at);
                return Err(Error::Invalid(ValidationReport {
                    problems: vec![Problem {
                        rule: Rule::Limit,
                        message: format!(
                            "nesting is deeper than the limit of {} levels",
                            limits.max_depth
                        ),
                        file: Some(f.name.clone()),
                        line: Some(line),
                        column: Some(column),
                        path: None,
                        kind: None,
                        id: None,
                    }],
                }));
            }
        }
        let mut c = Collected::default();
        for f in files {
            c.add_file(f);
        }
        let count = c.objectives.items.len()
            + c.principles.items.len()
            + c.sections.items.len()
            + c.themes.items.len()
            + c.threats.items.len()
            + c.actions.items.len()
            + c.actors.items.len()
            + c.instruments.items.len()
            + c.documents.items.len()
            + c.figures.items.len()
            + c.sources.items.len();
        if count > limits.max_entities {
            return Err(Error::Invalid(ValidationReport {
                problems: vec![Problem {
                    rule: Rule::Limit,
                    message: format!(
                        "the data set holds {count} entities, over the limit of {}",
                        limits.max_entities
                    ),
                    file: None,
                    line: None,
                    column: None,
                    path: None,
                    kind: None,
                    id: None,
                }],
            }));
        }
        let raw = crate::load::validate::validate(&c);
        let problems = c.located_problems(raw);
        if !problems.is_empty() {
            return Err(Error::Invalid(ValidationReport { problems }));
        }
        let (Some(dataset), Some(info)) = (c.dataset.items.pop(), c.strategy.items.pop()) else {
            return Err(Error::Invalid(ValidationReport {
                problems: Vec::new(),
            }));
        };
        let mut s = Strategy {
            dataset,
            info,
            objectives: c.objectives.items,
            principles: c.principles.items,
            sections: c.sections.items,
            themes: c.themes.items,
            threats: c.threats.items,
            actions: c.actions.items,
            actors: c.actors.items,
            instruments: c.instruments.items,
            documents: c.documents.items,
            figures: c.figures.items,
            sources: c.sources.items,
            idx: Indexes {
                thesaurus: crate::load::thesaurus::EMBEDDED.clone(),
                ..Indexes::default()
            },
        };
        s.build_indexes();
        Ok(s)
    }
}
