//! Provenance: which source supports which fact, how far, and the data's fingerprint.
//!
//! The data set registers every publication once ([`Source`], the registry) and every entity
//! cites registry ids through [`Citation`]s naming the fields they support. This module turns
//! them into answers a reader can check: the citations of one entity, field by field
//! ([`Strategy::citations_of`]), the use of every source ([`Strategy::source_usage`]), how
//! many facts are cited at each level ([`Strategy::provenance_stats`]) and the SHA-256
//! fingerprint of the canonical JSON ([`Strategy::fingerprint`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::error::{Error, Result};
use crate::model::strategy::Strategy;
use crate::model::*;

/// One citation of one fact, as shown to a reader: the field it supports (`lead`, `timing`,
/// `status[0]`, ...), the registry source, where in it, and at what level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactCitation {
    /// The field of the entity it supports; `status[i]` for the i-th status event, `*` for a
    /// citation that names no field (it supports the entity as a whole).
    pub field: String,
    /// The registry id of the source.
    pub source: String,
    /// Where in the source (section, page, item or a short quote).
    pub locator: Option<String>,
    /// The level the citation claims.
    pub verification: Verification,
}

/// How one registry source is used: at which levels facts cite it, and how many facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceUsage {
    /// The source.
    pub source: Source,
    /// The levels at which citations use it, strongest first.
    pub levels: Vec<Verification>,
    /// How many facts cite it (one per field named, one per status event).
    pub facts: usize,
    /// The kinds of the entities that cite it.
    pub kinds: Vec<EntityKind>,
}

/// Counts of cited facts, per level and per publisher class, and the coverage of the facts
/// readers check first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ProvenanceStats {
    /// Registered sources.
    pub sources: usize,
    /// Cited facts (a citation naming three fields counts three).
    pub facts: usize,
    /// Cited facts per verification level.
    pub facts_by_level: BTreeMap<String, usize>,
    /// Cited facts per publisher class of their source.
    pub facts_by_class: BTreeMap<String, usize>,
    /// Sources per publisher class.
    pub sources_by_class: BTreeMap<String, usize>,
    /// Actions with a non-empty lead.
    pub actions_with_lead: usize,
    /// Of those, the actions that cite a source for `lead`.
    pub actions_citing_lead: usize,
    /// Actions whose timing is stated (kind other than `not_stated`).
    pub actions_with_stated_timing: usize,
    /// Of those, the actions that cite a source for `timing`.
    pub actions_citing_timing: usize,
    /// Status events.
    pub status_events: usize,
    /// Status events that cite a source.
    pub status_events_cited: usize,
}

fn expand(out: &mut Vec<FactCitation>, citations: &[Citation], whole: &str) {
    for c in citations {
        let fields: Vec<&str> = if c.fields.is_empty() {
            vec![whole]
        } else {
            c.fields.iter().map(String::as_str).collect()
        };
        for f in fields {
            out.push(FactCitation {
                field: f.to_owned(),
                source: c.source.as_str().to_owned(),
                locator: c.locator.clone(),
                verification: c.verification,
            });
        }
    }
}

impl Strategy {
    /// The citations of an entity, one per field it supports (status events as `status[i]`),
    /// in data order.
    ///
    /// ```
    /// use protecteu::EntityKind;
    /// let s = protecteu::strategy();
    /// let cites = s.citations_of(EntityKind::Action, "lawful-access-roadmap").unwrap();
    /// assert!(cites.iter().any(|c| c.field == "lead"));
    /// assert!(cites.iter().any(|c| c.field == "status[0]"));
    /// ```
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown id of that kind.
    pub fn citations_of(&self, kind: EntityKind, id: &str) -> Result<Vec<FactCitation>> {
        let mut out = Vec::new();
        match kind {
            EntityKind::Strategy => {
                if self.info.id != id {
                    return Err(Error::NotFound {
                        kind,
                        id: id.to_owned(),
                        suggestion: Some(self.info.id.clone()),
                    });
                }
                expand(&mut out, &self.info.citations, "*");
            }
            EntityKind::Objective => expand(&mut out, &self.objective(id)?.citations, "*"),
            EntityKind::Principle => expand(&mut out, &self.principle(id)?.citations, "*"),
            EntityKind::Section => expand(&mut out, &self.section(id)?.citations, "*"),
            EntityKind::Theme => expand(&mut out, &self.theme(id)?.citations, "*"),
            EntityKind::Threat => expand(&mut out, &self.threat(id)?.citations, "*"),
            EntityKind::Action => {
                let a = self.action(id)?;
                expand(&mut out, &a.citations, "*");
                for (i, e) in a.status.iter().enumerate() {
                    expand(&mut out, &e.citations, &format!("status[{i}]"));
                }
            }
            EntityKind::Actor => expand(&mut out, &self.actor(id)?.citations, "*"),
            EntityKind::Instrument => expand(&mut out, &self.instrument(id)?.citations, "*"),
            EntityKind::Document => expand(&mut out, &self.document(id)?.citations, "*"),
            EntityKind::Figure => expand(&mut out, &self.figure(id)?.citations, "*"),
            EntityKind::Source => {
                self.source(id)?;
            }
        }
        Ok(out)
    }

    /// Every citation list of the model with the kind of its entity (status events count as
    /// their action's).
    pub(crate) fn all_citations(&self) -> Vec<(EntityKind, &[Citation], bool)> {
        let mut out: Vec<(EntityKind, &[Citation], bool)> =
            vec![(EntityKind::Strategy, &self.info.citations, false)];
        out.extend(
            self.objectives
                .iter()
                .map(|e| (EntityKind::Objective, e.citations.as_slice(), false)),
        );
        out.extend(
            self.principles
                .iter()
                .map(|e| (EntityKind::Principle, e.citations.as_slice(), false)),
        );
        out.extend(
            self.sections
                .iter()
                .map(|e| (EntityKind::Section, e.citations.as_slice(), false)),
        );
        out.extend(
            self.themes
                .iter()
                .map(|e| (EntityKind::Theme, e.citations.as_slice(), false)),
        );
        out.extend(
            self.threats
                .iter()
                .map(|e| (EntityKind::Threat, e.citations.as_slice(), false)),
        );
        for a in &self.actions {
            out.push((EntityKind::Action, a.citations.as_slice(), false));
            out.extend(
                a.status
                    .iter()
                    .map(|e| (EntityKind::Action, e.citations.as_slice(), true)),
            );
        }
        out.extend(
            self.actors
                .iter()
                .map(|e| (EntityKind::Actor, e.citations.as_slice(), false)),
        );
        out.extend(
            self.instruments
                .iter()
                .map(|e| (EntityKind::Instrument, e.citations.as_slice(), false)),
        );
        out.extend(
            self.documents
                .iter()
                .map(|e| (EntityKind::Document, e.citations.as_slice(), false)),
        );
        out.extend(
            self.figures
                .iter()
                .map(|e| (EntityKind::Figure, e.citations.as_slice(), false)),
        );
        out
    }

    /// Every registry source with the levels at which facts cite it and how many facts, in
    /// registry order; `kind` keeps the sources cited by entities of that kind.
    ///
    /// ```
    /// use protecteu::{EntityKind, SourceClass, Verification};
    /// let s = protecteu::strategy();
    /// let all = s.source_usage(None);
    /// assert_eq!(all.len(), s.sources().len());
    /// // No forum post is ever cited at an official level.
    /// assert!(all.iter().filter(|u| u.source.class == SourceClass::ForumBlog).all(|u| u
    ///     .levels
    ///     .iter()
    ///     .all(|l| !matches!(l, Verification::OfficialText | Verification::OfficialSummary))));
    /// assert!(s.source_usage(Some(EntityKind::Figure)).len() < all.len());
    /// ```
    pub fn source_usage(&self, kind: Option<EntityKind>) -> Vec<SourceUsage> {
        type Use = (BTreeSet<Verification>, usize, BTreeSet<EntityKind>);
        let mut usage: HashMap<&str, Use> = HashMap::new();
        for (k, list, _) in self.all_citations() {
            for c in list {
                let u = usage.entry(c.source.as_str()).or_default();
                u.0.insert(c.verification);
                u.1 += c.fields.len().max(1);
                u.2.insert(k);
            }
        }
        self.sources
            .iter()
            .filter_map(|s| {
                let (levels, facts, kinds) = usage.remove(s.id.as_str()).unwrap_or_default();
                if kind.is_some_and(|k| !kinds.contains(&k)) {
                    return None;
                }
                Some(SourceUsage {
                    source: s.clone(),
                    levels: levels.into_iter().collect(),
                    facts,
                    kinds: kinds.into_iter().collect(),
                })
            })
            .collect()
    }

    /// Cited facts per level and per publisher class, and the coverage of leads, timings and
    /// status events.
    ///
    /// ```
    /// let p = protecteu::strategy().provenance_stats();
    /// assert_eq!(p.status_events, p.status_events_cited);
    /// assert!(p.actions_citing_lead * 10 >= p.actions_with_lead * 9);
    /// ```
    pub fn provenance_stats(&self) -> ProvenanceStats {
        let class: HashMap<&str, SourceClass> = self
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.class))
            .collect();
        let mut p = ProvenanceStats {
            sources: self.sources.len(),
            ..ProvenanceStats::default()
        };
        for s in &self.sources {
            *p.sources_by_class.entry(serde_name(s.class)).or_default() += 1;
        }
        for (_, list, _) in self.all_citations() {
            for c in list {
                let n = c.fields.len().max(1);
                p.facts += n;
                *p.facts_by_level
                    .entry(serde_name(c.verification))
                    .or_default() += n;
                if let Some(k) = class.get(c.source.as_str()) {
                    *p.facts_by_class.entry(serde_name(*k)).or_default() += n;
                }
            }
        }
        let cites =
            |a: &Action, f: &str| a.citations.iter().any(|c| c.fields.iter().any(|x| x == f));
        for a in &self.actions {
            if !a.lead.is_empty() {
                p.actions_with_lead += 1;
                p.actions_citing_lead += usize::from(cites(a, "lead"));
            }
            if a.timing.kind != crate::model::timing::TimingKind::NotStated {
                p.actions_with_stated_timing += 1;
                p.actions_citing_timing += usize::from(cites(a, "timing"));
            }
            for e in &a.status {
                p.status_events += 1;
                p.status_events_cited += usize::from(!e.citations.is_empty());
            }
        }
        p
    }

    /// The best (strongest) level among citations, if any.
    pub(crate) fn best_level(citations: &[Citation]) -> Option<Verification> {
        citations.iter().map(|c| c.verification).min()
    }

    /// The URL of the first cited source that has one.
    pub(crate) fn first_source_url(&self, citations: &[Citation]) -> Option<String> {
        citations.iter().find_map(|c| {
            self.source(c.source.as_str())
                .ok()
                .and_then(|s| s.url.clone())
        })
    }

    /// The SHA-256 of the canonical JSON, in lower-case hex: one value names one exact data
    /// set. Computed once, on first use.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let f = s.fingerprint();
    /// assert_eq!(f.len(), 64);
    /// assert_eq!(f, protecteu::fingerprint_of(&s.to_canonical_json()));
    /// ```
    pub fn fingerprint(&self) -> &str {
        self.idx
            .fingerprint
            .get_or_init(|| fingerprint_of(&self.to_canonical_json()))
    }

    /// Fails unless the data's fingerprint is `expected` (case-insensitive hex), so a program
    /// can pin the exact data it was written against.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// assert!(s.expect_fingerprint(s.fingerprint()).is_ok());
    /// let err = s.expect_fingerprint("00").unwrap_err().to_string();
    /// assert!(err.contains("expected 00"));
    /// ```
    ///
    /// # Errors
    /// [`Error::FingerprintMismatch`] naming both values.
    pub fn expect_fingerprint(&self, expected: &str) -> Result<()> {
        let actual = self.fingerprint();
        if actual.eq_ignore_ascii_case(expected.trim()) {
            Ok(())
        } else {
            Err(Error::FingerprintMismatch {
                expected: expected.trim().to_owned(),
                actual: actual.to_owned(),
            })
        }
    }
}

/// The SHA-256 of a text, in lower-case hex (the fingerprint of a canonical JSON text).
pub fn fingerprint_of(canonical_json: &str) -> String {
    let digest = Sha256::digest(canonical_json.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
