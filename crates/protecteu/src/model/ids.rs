//! Typed identifiers, one per kind of entity.
//!
//! Every entity has a stable, human-readable id: lower-case kebab-case, unique within its kind.
//! The wrappers keep an actor id from being used where an action id is expected; they serialise
//! as plain strings.

use std::borrow::Borrow;
use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps an id string (no check: validation reports malformed ids).
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

typed_id!(
    /// Id of an [`Objective`](crate::Objective).
    ObjectiveId
);
typed_id!(
    /// Id of a [`Principle`](crate::Principle).
    PrincipleId
);
typed_id!(
    /// Id of a [`Section`](crate::Section).
    SectionId
);
typed_id!(
    /// Id of a [`Theme`](crate::Theme).
    ThemeId
);
typed_id!(
    /// Id of a [`Threat`](crate::Threat).
    ThreatId
);
typed_id!(
    /// Id of an [`Action`](crate::Action).
    ActionId
);
typed_id!(
    /// Id of an [`Actor`](crate::Actor).
    ActorId
);
typed_id!(
    /// Id of a [`LegalInstrument`](crate::LegalInstrument).
    InstrumentId
);
typed_id!(
    /// Id of a [`Document`](crate::Document).
    DocumentId
);
typed_id!(
    /// Id of a [`KeyFigure`](crate::KeyFigure).
    FigureId
);
typed_id!(
    /// Id of a [`Source`](crate::Source) of the registry.
    SourceId
);

/// True when `id` is lower-case kebab-case: `a-z`, `0-9` and single hyphens, starting with a
/// letter or digit and not ending with a hyphen.
///
/// ```
/// assert!(protecteu::is_valid_id("europol-mandate-revision"));
/// assert!(!protecteu::is_valid_id("Europol"));
/// assert!(!protecteu::is_valid_id("a--b"));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
