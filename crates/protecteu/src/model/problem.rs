//! Validation problems: what is wrong, where, and under which rule.

use std::fmt;

use serde::Serialize;

use crate::model::EntityKind;

/// A validation rule. Its [`code`](Rule::code) is stable and safe to match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// The file is not well-formed TOML or JSON.
    Syntax,
    /// A value has the wrong type, a required field is missing, a field is unknown or an enum
    /// value is not one of the allowed ones.
    Schema,
    /// A date is not a real ISO 8601 calendar date (`2025-02-30`).
    DateInvalid,
    /// A top-level key is not a kind of entity.
    UnknownKey,
    /// `dataset` or `strategy` is missing or given more than once.
    Singleton,
    /// An id is not lower-case kebab-case.
    IdFormat,
    /// Two entities of one kind share an id.
    DuplicateId,
    /// A reference names an entity that does not exist.
    UnknownReference,
    /// A required text is empty or blank.
    EmptyField,
    /// A text holds control characters.
    ControlCharacter,
    /// An action has no source.
    MissingSource,
    /// A source has neither a URL nor a document, or its URL is not http(s).
    SourceLocation,
    /// A section number is malformed or does not extend its parent's number.
    SectionNumber,
    /// Section nesting loops back on itself.
    SectionCycle,
    /// A date or year is implausible (outside 1950-2100) or after the data set's as-of date.
    DateRange,
    /// A timing lacks its year, half or quarter, has one it should not, or one out of range.
    Timing,
    /// Status events are not in date order.
    StatusOrder,
    /// A status event is dated before the strategy was adopted.
    StatusBeforeStrategy,
    /// A status event has no evidence document and no source.
    MissingEvidence,
    /// A CELEX number is malformed.
    CelexFormat,
    /// A CELEX number does not match the instrument's official number, type or year.
    CelexMismatch,
    /// A number is not finite.
    NumberRange,
    /// An input limit (size, nesting depth, entity count) was exceeded.
    Limit,
    /// A citation claims a verification level its source's publisher class cannot give
    /// (e.g. `official_text` for a forum post).
    VerificationOverclaim,
    /// A citation names a field the entity does not have.
    CitationField,
    /// Two sources of the registry share a URL (every source is registered once).
    DuplicateSource,
    /// The file uses a format of an earlier data version (e.g. data 0.3.0's inline `sources`).
    LegacyFormat,
    /// A status event's evidence document cannot show that status (e.g. `adopted` resting on a
    /// consultation page); see [`Status::accepts_evidence`](crate::Status::accepts_evidence).
    StatusEvidence,
}

impl Rule {
    /// The stable rule code, e.g. `duplicate-id`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::Syntax => "syntax",
            Rule::Schema => "schema",
            Rule::DateInvalid => "date-invalid",
            Rule::UnknownKey => "unknown-key",
            Rule::Singleton => "singleton",
            Rule::IdFormat => "id-format",
            Rule::DuplicateId => "duplicate-id",
            Rule::UnknownReference => "unknown-reference",
            Rule::EmptyField => "empty-field",
            Rule::ControlCharacter => "control-character",
            Rule::MissingSource => "missing-source",
            Rule::SourceLocation => "source-location",
            Rule::SectionNumber => "section-number",
            Rule::SectionCycle => "section-cycle",
            Rule::DateRange => "date-range",
            Rule::Timing => "timing",
            Rule::StatusOrder => "status-order",
            Rule::StatusBeforeStrategy => "status-before-strategy",
            Rule::MissingEvidence => "missing-evidence",
            Rule::CelexFormat => "celex-format",
            Rule::CelexMismatch => "celex-mismatch",
            Rule::NumberRange => "number-range",
            Rule::Limit => "limit",
            Rule::VerificationOverclaim => "verification-overclaim",
            Rule::CitationField => "citation-field",
            Rule::DuplicateSource => "duplicate-source",
            Rule::LegacyFormat => "legacy-format",
            Rule::StatusEvidence => "status-evidence",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One problem found in a data set, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The rule broken.
    pub rule: Rule,
    /// A plain-language message.
    pub message: String,
    /// The file, as given to the loader (or `<string>` for text).
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column (in characters).
    pub column: Option<usize>,
    /// Path of the offending value inside the file, e.g. `actions[3].lead[0]`.
    pub path: Option<String>,
    /// Kind of the entity concerned.
    pub kind: Option<EntityKind>,
    /// Id of the entity concerned.
    pub id: Option<String>,
}

impl Problem {
    /// The rule's stable code.
    pub fn code(&self) -> &'static str {
        self.rule.code()
    }
}

impl fmt::Display for Problem {
    /// `file:line:col: code: message` (parts that are unknown are left out).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = String::new();
        if let Some(file) = &self.file {
            place.push_str(file);
            if let Some(line) = self.line {
                place.push_str(&format!(":{line}"));
                if let Some(col) = self.column {
                    place.push_str(&format!(":{col}"));
                }
            }
        }
        if !place.is_empty() {
            write!(f, "{place}: ")?;
        }
        write!(f, "{}: {}", self.rule.code(), self.message)?;
        if let Some(path) = &self.path {
            write!(f, " (at {path})")?;
        }
        Ok(())
    }
}

/// Every problem found in one validation run, in file and position order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationReport {
    /// The problems.
    pub problems: Vec<Problem>,
}

impl ValidationReport {
    /// True when no problem was found.
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// The problems under one rule.
    pub fn with_rule(&self, rule: Rule) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(move |p| p.rule == rule)
    }
}

impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "the data set has {n} problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}
