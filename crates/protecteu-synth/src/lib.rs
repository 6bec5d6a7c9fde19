//! # protecteu-synth
//!
//! Deterministic synthetic data sets for benchmarks and tests: from a ProtectEU data set in
//! canonical JSON (normally the embedded one), it makes a data set with `scale` times its
//! entities, valid under the core's validation, as canonical JSON text.
//!
//! **Synthetic data, never facts.** Replica 0 is the input unchanged; replicas `1..scale` are
//! random recombinations of its words and references, marked as synthetic in the data set's
//! notes and in every source they cite (`https://example.invalid/protecteu-synth/...`). This
//! crate is not published and nothing it makes is shipped in the embedded data.
//!
//! How a replica `r` (ids suffixed `-r<r>`) is made from the input:
//! - every kind is copied entity by entity (sections keep their numbers and nesting, actions
//!   keep their section), so each kind has `scale` times as many entities;
//! - texts (titles, names, summaries, notes) keep the length of the original, with about 40% of
//!   their words replaced by words drawn from all the input's texts (so word frequencies stay
//!   those of the real texts);
//! - references (actors, themes, threats, objectives, instruments of an action) keep their
//!   number and their target entity; three in four point into the same replica, one in four
//!   into a replica drawn at random, so an entity is referenced about as often at every scale;
//! - action kinds follow the input's mix; timings are drawn across 2025-2030 (year, half,
//!   quarter, "by", ongoing, not stated); each action gets 0 to 3 status events, dated between
//!   the strategy's adoption and the data set's as-of date, oldest first, in a plausible order,
//!   with an evidence document of the same replica or a synthetic source.
//!
//! The same input, scale and seed always give the same bytes (with the locked `fastrand`).
//!
//! ```
//! let json = protecteu_synth::generate_from_embedded(3, protecteu_synth::DEFAULT_SEED);
//! let s: protecteu::Strategy = json.parse().unwrap();
//! assert_eq!(s.action_list().len(), 3 * protecteu::strategy().action_list().len());
//! ```

use chrono::NaiveDate;
use protecteu::{
    Action, ActionId, ActionKind, ActorId, Citation, DataFile, DocumentId, DocumentKind,
    InstrumentId, ObjectiveId, SectionId, Source, SourceClass, SourceId, Status, StatusEvent,
    ThemeId, ThreatId, Timing, TimingKind, Verification,
};

/// The seed used by the benchmarks when none is given.
pub const DEFAULT_SEED: u64 = 0x5EC_2025;

/// The base address of every synthetic source (a reserved, never-resolving domain).
pub const SYNTHETIC_URL: &str = "https://example.invalid/protecteu-synth";

/// The registry id of the one synthetic source that every replica cites.
pub const SYNTHETIC_SOURCE: &str = "protecteu-synth-records";

/// Limits large enough for synthetic data sets up to scale 2000 (the core's default input
/// limit is 64 MiB, which scale 1000 exceeds).
pub fn limits() -> protecteu::Limits {
    protecteu::Limits {
        max_bytes: 1 << 30,
        ..protecteu::Limits::default()
    }
}

/// A synthetic data set with `scale` times the entities of `base_json` (canonical JSON of a
/// ProtectEU data set), as canonical JSON; `scale` 0 counts as 1, and scale 1 gives the input
/// back in canonical form.
///
/// # Errors
/// When `base_json` is not a data file in the canonical JSON layout.
pub fn generate(base_json: &str, scale: usize, seed: u64) -> Result<String, serde_json::Error> {
    let base: DataFile = serde_json::from_str(base_json)?;
    let out = scale_data(base, scale.max(1), seed);
    let mut text = serde_json::to_string_pretty(&out)?;
    text.push('\n');
    Ok(text)
}

/// [`generate`] from the embedded data set (`protecteu::strategy()`).
pub fn generate_from_embedded(scale: usize, seed: u64) -> String {
    let base = protecteu::strategy().to_canonical_json();
    // The embedded model's canonical JSON is a valid data file, and serialising one to JSON
    // cannot fail; should it ever, the unscaled input is returned rather than a panic.
    generate(&base, scale, seed).unwrap_or(base)
}

/// The replica's id of a base id: the id itself in replica 0, `<id>-r<r>` in replica `r`.
fn rid(id: &str, r: usize) -> String {
    if r == 0 {
        id.to_owned()
    } else {
        format!("{id}-r{r}")
    }
}

struct Gen {
    rng: fastrand::Rng,
    vocab: Vec<String>,
    scale: usize,
    first_day: NaiveDate,
    span_days: u64,
    kinds: Vec<ActionKind>,
    notes: Vec<String>,
}

impl Gen {
    /// `base` with about 40% of its words replaced by words of the input's texts.
    fn text(&mut self, base: &str) -> String {
        let mut out = String::with_capacity(base.len() + 16);
        for (i, w) in base.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if self.rng.u8(..5) < 2 && !self.vocab.is_empty() {
                out.push_str(&self.vocab[self.rng.usize(..self.vocab.len())]);
            } else {
                out.push_str(w);
            }
        }
        if out.is_empty() {
            out.push_str("synthetic");
        }
        out
    }

    fn opt_text(&mut self, base: Option<&str>) -> Option<String> {
        base.map(|t| self.text(t))
    }

    /// The replica a reference of replica `r` points into.
    fn target(&mut self, r: usize) -> usize {
        if self.rng.u8(..4) == 0 {
            self.rng.usize(..self.scale)
        } else {
            r
        }
    }

    fn refs<T>(&mut self, ids: &[impl AsRef<str>], r: usize, wrap: impl Fn(String) -> T) -> Vec<T> {
        ids.iter()
            .map(|id| {
                let t = self.target(r);
                wrap(rid(id.as_ref(), t))
            })
            .collect()
    }

    /// A replica cites the one synthetic source (never a real one: its facts are not facts),
    /// for the same fields as its original; the locators are recombined.
    fn citations(&mut self, base: &[Citation]) -> Vec<Citation> {
        base.iter()
            .map(|c| Citation {
                source: SourceId::new(SYNTHETIC_SOURCE),
                fields: c.fields.clone(),
                locator: self.opt_text(c.locator.as_deref()),
                verification: Verification::SecondarySource,
            })
            .collect()
    }

    fn timing(&mut self) -> Timing {
        let year = 2025 + self.rng.i32(0..=5);
        let (kind, half, quarter, text) = match self.rng.u8(..20) {
            0..=5 => (TimingKind::NotStated, None, None, "not stated".to_owned()),
            6..=7 => (TimingKind::Ongoing, None, None, "ongoing".to_owned()),
            8..=11 => (TimingKind::Year, None, None, format!("in {year}")),
            12..=14 => {
                let h = self.rng.u8(1..=2);
                let which = if h == 1 { "first" } else { "second" };
                (
                    TimingKind::Half,
                    Some(h),
                    None,
                    format!("{which} half of {year}"),
                )
            }
            15..=17 => {
                let q = self.rng.u8(1..=4);
                (TimingKind::Quarter, None, Some(q), format!("Q{q} {year}"))
            }
            _ => (TimingKind::By, None, None, format!("by {year}")),
        };
        let has_year = !matches!(kind, TimingKind::NotStated | TimingKind::Ongoing);
        Timing {
            kind,
            year: has_year.then_some(year),
            half,
            quarter,
            text,
        }
    }

    fn status(
        &mut self,
        kind: ActionKind,
        r: usize,
        documents: &[(String, DocumentKind)],
    ) -> Vec<StatusEvent> {
        let steps: &[Status] = match kind {
            ActionKind::LegislativeProposal | ActionKind::Revision => &[
                Status::InPreparation,
                Status::Proposed,
                Status::Adopted,
                Status::Published,
            ],
            ActionKind::Operational | ActionKind::Network | ActionKind::Funding => {
                &[Status::InPreparation, Status::InProgress, Status::Delivered]
            }
            _ => &[Status::InPreparation, Status::Delivered],
        };
        let count = self.rng.usize(..=3).min(steps.len());
        let mut days: Vec<u64> = (0..count)
            .map(|_| self.rng.u64(..=self.span_days))
            .collect();
        days.sort_unstable();
        days.into_iter()
            .zip(steps.iter())
            .map(|(d, &status)| {
                let date = self
                    .first_day
                    .checked_add_days(chrono::Days::new(d))
                    .unwrap_or(self.first_day);
                // Only a document whose kind can show the status (rule status-evidence).
                let evidence = (!documents.is_empty() && self.rng.u8(..10) < 7)
                    .then(|| documents[self.rng.usize(..documents.len())].clone())
                    .filter(|(_, k)| status.accepts_evidence(*k))
                    .map(|(id, _)| id);
                let note = if self.notes.is_empty() || self.rng.bool() {
                    None
                } else {
                    let n = self.notes[self.rng.usize(..self.notes.len())].clone();
                    Some(self.text(&n))
                };
                let citations = vec![Citation {
                    source: SourceId::new(SYNTHETIC_SOURCE),
                    fields: Vec::new(),
                    locator: Some(format!("replica {r}, {date}")),
                    verification: Verification::SecondarySource,
                }];
                StatusEvent {
                    date,
                    status,
                    evidence: evidence.map(DocumentId::new),
                    note,
                    citations,
                }
            })
            .collect()
    }
}

/// Every whitespace-separated word of the data set's texts, with repetitions.
fn vocabulary(d: &DataFile) -> Vec<String> {
    let mut texts: Vec<&str> = Vec::new();
    for e in &d.objectives {
        texts.extend([e.title.as_str(), &e.summary]);
    }
    for e in &d.principles {
        texts.extend([e.title.as_str(), &e.summary]);
    }
    for e in &d.sections {
        texts.push(&e.title);
        texts.extend(e.summary.as_deref());
    }
    for e in &d.themes {
        texts.extend([e.name.as_str(), &e.summary]);
    }
    for e in &d.threats {
        texts.extend([e.name.as_str(), &e.summary]);
    }
    for e in &d.actions {
        texts.extend([e.title.as_str(), &e.summary]);
        texts.extend(e.notes.as_deref());
    }
    for e in &d.actors {
        texts.push(&e.name);
    }
    for e in &d.documents {
        texts.push(&e.title);
    }
    for e in &d.figures {
        texts.push(&e.statement);
    }
    texts
        .into_iter()
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect()
}

fn scale_data(mut base: DataFile, scale: usize, seed: u64) -> DataFile {
    if scale == 1 {
        return base;
    }
    let first_day = base
        .strategy
        .as_ref()
        .map_or(NaiveDate::MIN, |s| s.date)
        .max(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN));
    let as_of = base.dataset.as_ref().map_or(first_day, |d| d.as_of);
    let span_days = u64::try_from(as_of.signed_duration_since(first_day).num_days()).unwrap_or(0);
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed),
        vocab: vocabulary(&base),
        scale,
        first_day,
        span_days,
        kinds: base.actions.iter().map(|a| a.kind).collect(),
        notes: base
            .actions
            .iter()
            .flat_map(|a| a.status.iter().filter_map(|e| e.note.clone()))
            .collect(),
    };
    if let Some(d) = base.dataset.as_mut() {
        d.notes = Some(format!(
            "SYNTHETIC benchmark data made by protecteu-synth (scale {scale}, seed {seed}): \
             replica 0 is the real data set; every entity with an id ending in -r<N> is a random \
             recombination of its words and references, not a fact."
        ));
    }
    let mut out = DataFile {
        dataset: base.dataset.clone(),
        strategy: base.strategy.clone(),
        ..DataFile::default()
    };
    for r in 0..scale {
        if r == 0 {
            out.objectives.extend(base.objectives.iter().cloned());
            out.principles.extend(base.principles.iter().cloned());
            out.sections.extend(base.sections.iter().cloned());
            out.themes.extend(base.themes.iter().cloned());
            out.threats.extend(base.threats.iter().cloned());
            out.actions.extend(base.actions.iter().cloned());
            out.actors.extend(base.actors.iter().cloned());
            out.instruments.extend(base.instruments.iter().cloned());
            out.documents.extend(base.documents.iter().cloned());
            out.figures.extend(base.figures.iter().cloned());
            out.sources.extend(base.sources.iter().cloned());
            if scale > 1 {
                out.sources.push(Source {
                    id: SourceId::new(SYNTHETIC_SOURCE),
                    title: "Synthetic benchmark records (not a real source)".into(),
                    url: Some(SYNTHETIC_URL.to_owned()),
                    publisher: "protecteu-synth".into(),
                    class: SourceClass::Aggregator,
                    language: "en".into(),
                    published: None,
                    readable: "generated".into(),
                    document: None,
                    notes: None,
                });
            }
            continue;
        }
        replica(&mut g, &base, r, &mut out);
    }
    out
}

fn replica(g: &mut Gen, base: &DataFile, r: usize, out: &mut DataFile) {
    // Each entity starts as a clone of its original, so fields the model gains later are
    // carried over; then its id, texts, references and dates are replaced.
    for e in &base.objectives {
        let id = rid(e.id.as_str(), r);
        let mut x = e.clone();
        x.title = g.text(&e.title);
        x.summary = g.text(&e.summary);
        x.citations = g.citations(&e.citations);
        x.id = ObjectiveId::new(id);
        out.objectives.push(x);
    }
    for e in &base.principles {
        let id = rid(e.id.as_str(), r);
        let mut x = e.clone();
        x.title = g.text(&e.title);
        x.summary = g.text(&e.summary);
        x.citations = g.citations(&e.citations);
        x.id = protecteu::PrincipleId::new(id);
        out.principles.push(x);
    }
    for e in &base.sections {
        let id = rid(e.id.as_str(), r);
        let mut x = e.clone();
        x.number_confirmed = false;
        x.title = g.text(&e.title);
        x.title_confirmed = false;
        x.parent = e
            .parent
            .as_ref()
            .map(|p| SectionId::new(rid(p.as_str(), r)));
        x.summary = g.opt_text(e.summary.as_deref());
        x.citations = g.citations(&e.citations);
        x.id = SectionId::new(id);
        out.sections.push(x);
    }
    for e in &base.themes {
        let id = rid(e.id.as_str(), r);
        let mut x = e.clone();
        x.name = g.text(&e.name);
        x.summary = g.text(&e.summary);
        x.citations = g.citations(&e.citations);
        x.id = ThemeId::new(id);
        out.themes.push(x);
    }
    for e in &base.threats {
        let id = rid(e.id.as_str(), r);
        let mut x = e.clone();
        x.name = g.text(&e.name);
        x.summary = g.text(&e.summary);
        x.citations = g.citations(&e.citations);
        x.id = ThreatId::new(id);
        out.threats.push(x);
    }
    let documents: Vec<(String, DocumentKind)> = base
        .documents
        .iter()
        .map(|d| (rid(d.id.as_str(), r), d.kind))
        .collect();
    for e in &base.actions {
        let id = rid(e.id.as_str(), r);
        let mut x: Action = e.clone();
        x.kind = if g.kinds.is_empty() {
            e.kind
        } else {
            g.kinds[g.rng.usize(..g.kinds.len())]
        };
        x.title = g.text(&e.title);
        x.summary = g.text(&e.summary);
        x.section = SectionId::new(rid(e.section.as_str(), r));
        x.timing = g.timing();
        x.lead = g.refs(&e.lead, r, ActorId::new);
        x.involved = g.refs(&e.involved, r, ActorId::new);
        x.themes = g.refs(&e.themes, r, ThemeId::new);
        x.threats = g.refs(&e.threats, r, ThreatId::new);
        x.objectives = g.refs(&e.objectives, r, ObjectiveId::new);
        x.instruments = g.refs(&e.instruments, r, InstrumentId::new);
        x.status = g.status(x.kind, r, &documents);
        x.citations = g.citations(&e.citations);
        x.notes = g.opt_text(e.notes.as_deref());
        x.id = ActionId::new(id);
        out.actions.push(x);
    }
    for e in &base.actors {
        let id = rid(e.id.as_str(), r);
        let mut x = e.clone();
        x.name = g.text(&e.name);
        x.abbreviation = e.abbreviation.as_ref().map(|a| format!("{a}-{r}"));
        x.founding_act = e
            .founding_act
            .as_ref()
            .map(|f| InstrumentId::new(rid(f.as_str(), r)));
        x.founding_act_text = g.opt_text(e.founding_act_text.as_deref());
        x.url = e
            .url
            .as_ref()
            .map(|_| format!("{SYNTHETIC_URL}/actor/{id}"));
        x.citations = g.citations(&e.citations);
        x.id = ActorId::new(id);
        out.actors.push(x);
    }
    for e in &base.instruments {
        let id = rid(e.id.as_str(), r);
        // Number, type, year and CELEX stay those of the real act: they must agree with each
        // other, and inventing act numbers would look like facts.
        let mut x = e.clone();
        x.short_title = g.text(&e.short_title);
        x.citations = g.citations(&e.citations);
        x.id = InstrumentId::new(id);
        out.instruments.push(x);
    }
    for e in &base.documents {
        let id = rid(e.id.as_str(), r);
        let mut x = e.clone();
        x.title = g.text(&e.title);
        x.url = e
            .url
            .as_ref()
            .map(|_| format!("{SYNTHETIC_URL}/document/{id}"));
        x.stage = g.opt_text(e.stage.as_deref());
        x.delivers = e
            .delivers
            .iter()
            .map(|a| ActionId::new(rid(a.as_str(), r)))
            .collect();
        x.citations = g.citations(&e.citations);
        x.id = DocumentId::new(id);
        out.documents.push(x);
    }
    for e in &base.figures {
        let id = rid(e.id.as_str(), r);
        let mut x = e.clone();
        x.statement = g.text(&e.statement);
        x.citations = g.citations(&e.citations);
        x.id = protecteu::FigureId::new(id);
        out.figures.push(x);
    }
}
