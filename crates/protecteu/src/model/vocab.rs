//! Closed vocabularies as text: every value has one name, its name in the data files
//! (`in_preparation`, `legislative_proposal`, ...), and parses back from it.
//!
//! The names come from the serde derive of each type, so the data format, the CLI, the
//! bindings and the exports cannot spell a value differently.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::model::error::{Error, Result};
use crate::model::timing::TimingKind;
use crate::model::*;

/// A closed vocabulary: a small enum whose values have data-file names.
///
/// ```
/// use protecteu::{Status, Vocabulary};
/// assert_eq!(Status::InPreparation.name(), "in_preparation");
/// assert_eq!("provisional_agreement".parse::<Status>().unwrap(), Status::ProvisionalAgreement);
/// assert_eq!(Status::names()[0], "announced");
/// let err = "adoptd".parse::<Status>().unwrap_err().to_string();
/// assert!(err.contains("invalid status 'adoptd'") && err.contains("adopted"));
/// ```
pub trait Vocabulary: Copy + Serialize + DeserializeOwned + 'static {
    /// What a value of this vocabulary is called in messages (`status`, `kind`, ...).
    const ARGUMENT: &'static str;

    /// Every value, in the model's order.
    fn all() -> &'static [Self];

    /// The value's name in the data files.
    fn name(self) -> String {
        crate::model::serde_name(self)
    }

    /// Every value's name, in the model's order.
    fn names() -> Vec<String> {
        Self::all().iter().map(|v| v.name()).collect()
    }

    /// Parses a value from its name (surrounding blanks and case ignored; `-` taken as `_`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming every accepted value.
    fn parse_name(text: &str) -> Result<Self> {
        let wanted = text.trim().to_ascii_lowercase().replace('-', "_");
        Self::all()
            .iter()
            .copied()
            .find(|v| v.name() == wanted)
            .ok_or_else(|| Error::InvalidArgument {
                name: Self::ARGUMENT.to_owned(),
                value: text.to_owned(),
                expected: format!("one of {}", Self::names().join(", ")),
            })
    }
}

/// Implements [`Vocabulary`] and [`FromStr`](std::str::FromStr) for closed enums with an `ALL` list; used here for
/// the model's vocabularies and next to the types of the higher groups (`Progress`,
/// `ExportFormat`), so this module never imports from them.
macro_rules! vocabulary {
    ($($ty:ty => $argument:literal),* $(,)?) => {$(
        impl $crate::model::vocab::Vocabulary for $ty {
            const ARGUMENT: &'static str = $argument;
            fn all() -> &'static [Self] {
                &<$ty>::ALL
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::model::error::Error;
            fn from_str(text: &str) -> $crate::model::error::Result<Self> {
                <$ty as $crate::model::vocab::Vocabulary>::parse_name(text)
            }
        }
    )*};
}
pub(crate) use vocabulary;

vocabulary! {
    Status => "status",
    ActionKind => "kind",
    Verification => "verification",
    ActorKind => "actor kind",
    InstrumentType => "instrument type",
    InstrumentStatus => "instrument status",
    DocumentKind => "document kind",
    TimingKind => "timing kind",
    SourceClass => "source class",
    KeyActionsBox => "key actions box",
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every value of `T` parses back from its name; nonsense does not parse.
    pub(crate) fn round_trips<T: Vocabulary + PartialEq + std::fmt::Debug>() {
        for v in T::all() {
            assert_eq!(T::parse_name(&v.name()).ok(), Some(*v), "{v:?}");
            assert!(!v.name().is_empty());
        }
        assert!(T::parse_name("no such value").is_err());
    }

    #[test]
    fn every_vocabulary_round_trips_through_its_names() {
        round_trips::<Status>();
        round_trips::<ActionKind>();
        round_trips::<Verification>();
        round_trips::<ActorKind>();
        round_trips::<InstrumentType>();
        round_trips::<InstrumentStatus>();
        round_trips::<DocumentKind>();
        round_trips::<TimingKind>();
        round_trips::<SourceClass>();
        round_trips::<KeyActionsBox>();
    }

    #[test]
    fn parsing_forgives_case_blanks_and_dashes_only() {
        assert_eq!(
            " In-Preparation ".parse::<Status>().ok(),
            Some(Status::InPreparation)
        );
        assert!("inpreparation".parse::<Status>().is_err());
    }
}
