//! The progress report: one self-contained HTML page of the whole strategy (feature `report`).
//!
//! The page is built from the same queries the API offers (current status, progress, the
//! timeline, relations, the search index's terms) into a plain view model, then rendered by
//! an [askama](https://docs.rs/askama) template (checked at compile time, every value
//! HTML-escaped unless the template says otherwise). Its style sheet and script are inlined;
//! it makes no request to any server (a Content-Security-Policy says so to the browser) and
//! its output depends only on the data and the as-of date, so every language produces the same
//! bytes.

use std::collections::BTreeSet;

use askama::Template;
use chrono::{Datelike, NaiveDate};

use crate::model::ids::ActorId;
use crate::model::strategy::{status_at, Strategy};
use crate::model::timing::Period;
use crate::model::vocab::Vocabulary;
use crate::model::*;
use crate::query::{progress_at, Progress};

const CSS: &str = include_str!("../../templates/report.css");
const JS: &str = include_str!("../../templates/report.js");

/// A link, or plain text when there is no web address (only `http(s)` addresses are linked).
struct Link {
    text: String,
    url: Option<String>,
}

impl Link {
    fn new(text: impl Into<String>, url: Option<&str>) -> Link {
        let url = url
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .map(str::to_owned);
        Link {
            text: text.into(),
            url,
        }
    }
}

/// A value of a closed vocabulary: its data name (for CSS classes and filters) and its words.
struct Term {
    key: String,
    label: String,
}

impl Term {
    fn of<T: Vocabulary>(v: T) -> Term {
        let key = v.name();
        Term {
            label: key.replace('_', " "),
            key,
        }
    }
}

struct SourceView {
    title: Link,
    section: Option<String>,
    verification: Term,
}

struct EventView {
    date: String,
    status: Term,
    /// False for an event after the as-of date (shown, marked as later).
    reached: bool,
    evidence: Option<Link>,
    note: Option<String>,
    sources: Vec<SourceView>,
}

struct CardView {
    id: String,
    title: String,
    summary: String,
    notes: Option<String>,
    section: String,
    kind: String,
    timing_text: String,
    period: Option<String>,
    deadline: Option<String>,
    status: Term,
    progress: Term,
    lead: Vec<Link>,
    involved: Vec<Link>,
    themes: Vec<String>,
    threats: Vec<String>,
    instruments: Vec<Link>,
    documents: Vec<Link>,
    history: Vec<EventView>,
    sources: Vec<SourceView>,
    /// Space-separated ids for the page's filters.
    f_sections: String,
    f_themes: String,
    f_threats: String,
    f_actors: String,
    /// The action's terms in the full-text index, for the text box.
    f_terms: String,
}

/// One piece of a chapter's progress bar: the actions with one status (and overdue or not).
struct Segment {
    status: Term,
    overdue: bool,
    count: usize,
    /// Start and width in per cent of the bar, two decimals.
    x: String,
    width: String,
}

struct ChapterView {
    id: String,
    number: String,
    title: String,
    summary: Option<String>,
    confirmed: bool,
    coverage: String,
    total: usize,
    overdue: usize,
    segments: Vec<Segment>,
    /// Counts per status, for the legend (statuses with actions only).
    legend: Vec<(Term, usize)>,
    cards: Vec<CardView>,
}

/// One choice of a filter: its value (an id) and its label.
struct Choice {
    value: String,
    label: String,
}

struct TimelineRow {
    label: String,
    x: String,
    width: String,
    total: usize,
    delivered: usize,
    due: usize,
    overdue: usize,
    withdrawn: usize,
    titles: Vec<(String, Term)>,
}

struct Headline {
    value: usize,
    label: &'static str,
    key: &'static str,
}

struct FigureView {
    value: String,
    statement: String,
    year: Option<i32>,
    sources: Vec<SourceView>,
}

#[derive(Template)]
#[template(path = "report.html", escape = "html")]
struct Page<'a> {
    css: &'a str,
    js: &'a str,
    title: String,
    full_title: String,
    document: Link,
    date: String,
    summary: String,
    as_of: String,
    dataset_version: String,
    dataset_as_of: String,
    fingerprint: Option<String>,
    generator: String,
    objectives: Vec<(u32, String, String)>,
    principles: Vec<(u32, String, String)>,
    headlines: Vec<Headline>,
    chapters: Vec<ChapterView>,
    legend: Vec<Term>,
    sections: Vec<Choice>,
    themes: Vec<Choice>,
    threats: Vec<Choice>,
    actors: Vec<Choice>,
    statuses: Vec<Choice>,
    progresses: Vec<Choice>,
    timeline: Vec<TimelineRow>,
    undated: Vec<(String, usize)>,
    ticks: Vec<(String, String)>,
    as_of_x: String,
    figures: Vec<FigureView>,
    action_count: usize,
}

/// The data set's fingerprint for the footer.
///
/// The data's fingerprint (SHA-256 of the canonical JSON), for the footer.
fn fingerprint(s: &Strategy) -> Option<String> {
    Some(s.fingerprint().to_owned())
}

/// How far a chapter's content has been checked against the Communication.
///
/// HOOK (coverage): the model does not record yet whether the chapter's "Key actions" box was
/// seen; until it does, the page says what the section's `number_confirmed` and
/// `title_confirmed` flags say, and no more.
fn coverage(sec: &Section) -> String {
    match (sec.number_confirmed, sec.title_confirmed) {
        (true, true) => "number and title seen in the Communication".into(),
        (false, true) => "title seen in the Communication; number inferred".into(),
        (true, false) => "number seen in the Communication; working title".into(),
        (false, false) => "working number and title, not yet checked against the text".into(),
    }
}

/// Statuses in the order the bars show them: furthest along first.
const BAR_ORDER: [Status; 10] = [
    Status::Endorsed,
    Status::Delivered,
    Status::Published,
    Status::Adopted,
    Status::ProvisionalAgreement,
    Status::Proposed,
    Status::InProgress,
    Status::InPreparation,
    Status::Announced,
    Status::Withdrawn,
];

fn pct(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0".into();
    }
    // Integer arithmetic, so every platform prints the same digits.
    let hundredths = (part * 10_000 + whole / 2) / whole;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Days from `lo` to `date`, kept inside `0..=span`.
fn days(date: NaiveDate, lo: NaiveDate, span: usize) -> usize {
    usize::try_from((date - lo).num_days())
        .unwrap_or(0)
        .min(span)
}

impl Strategy {
    fn report_actor(&self, id: &ActorId) -> Link {
        match self.actor(id.as_str()) {
            Ok(a) => {
                let text = match &a.abbreviation {
                    Some(ab) if ab != &a.name => format!("{} ({ab})", a.name),
                    _ => a.name.clone(),
                };
                Link::new(text, a.url.as_deref())
            }
            Err(_) => Link::new(id.as_str(), None),
        }
    }

    fn report_document(&self, id: &str) -> Link {
        match self.document(id) {
            Ok(d) => {
                let text = match &d.number {
                    Some(n) => format!("{n}: {}", d.title),
                    None => d.title.clone(),
                };
                Link::new(text, d.url.as_deref())
            }
            Err(_) => Link::new(id, None),
        }
    }

    fn report_sources(&self, citations: &[Citation]) -> Vec<SourceView> {
        citations
            .iter()
            .map(|c| {
                let title = match self.source(c.source.as_str()) {
                    Ok(s) => Link::new(s.title.clone(), s.url.as_deref()),
                    Err(_) => Link::new(c.source.as_str(), None),
                };
                let section = match (&c.locator, c.fields.is_empty()) {
                    (Some(l), true) => Some(l.clone()),
                    (Some(l), false) => Some(format!("{l} (for {})", c.fields.join(", "))),
                    (None, false) => Some(format!("for {}", c.fields.join(", "))),
                    (None, true) => None,
                };
                SourceView {
                    title,
                    section,
                    verification: Term::of(c.verification),
                }
            })
            .collect()
    }

    /// The section and every section above it, innermost first.
    fn section_chain(&self, id: &str) -> Vec<&Section> {
        let mut chain = Vec::new();
        let mut next = Some(id.to_owned());
        while let Some(id) = next.take() {
            let Ok(sec) = self.section(&id) else { break };
            if chain.iter().any(|s: &&Section| s.id == sec.id) {
                break;
            }
            chain.push(sec);
            next = sec.parent.as_ref().map(|p| p.as_str().to_owned());
        }
        chain
    }

    fn report_card(&self, a: &Action, as_of: NaiveDate) -> CardView {
        let theme_ids: Vec<String> = a.themes.iter().map(|x| x.to_string()).collect();
        let threat_ids: Vec<String> = a.threats.iter().map(|x| x.to_string()).collect();
        let chain = self.section_chain(a.section.as_str());
        let section = chain
            .first()
            .map(|s| format!("{} {}", s.number, s.title))
            .unwrap_or_else(|| a.section.to_string());
        let mut actors: Vec<&str> = a
            .lead
            .iter()
            .chain(&a.involved)
            .map(|x| x.as_str())
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let mut terms = BTreeSet::new();
        // The texts the full-text index reads for the action (one list, so the two cannot
        // drift apart), as folded words.
        if let Some(&pos) = self.idx.action.get(a.id.as_str()) {
            self.search_fields(EntityKind::Action, pos, &mut |field, text| {
                if field.is_some() {
                    crate::query::search::analyze::for_each_word(text, |_, _, t| {
                        terms.insert(t.to_owned());
                    });
                }
            });
        }
        let documents = self
            .documents_of_action(a.id.as_str())
            .unwrap_or_default()
            .into_iter()
            .map(|d| self.report_document(d.id.as_str()))
            .collect();
        CardView {
            id: a.id.to_string(),
            title: a.title.clone(),
            summary: a.summary.clone(),
            notes: a.notes.clone(),
            section,
            kind: Term::of(a.kind).label,
            timing_text: a.timing.text.clone(),
            period: a.timing.period().map(|p| p.to_string()),
            deadline: a.timing.deadline().map(|d| d.to_string()),
            status: Term::of(status_at(a, as_of)),
            progress: Term::of(progress_at(a, as_of)),
            lead: a.lead.iter().map(|x| self.report_actor(x)).collect(),
            involved: a.involved.iter().map(|x| self.report_actor(x)).collect(),
            themes: theme_ids
                .iter()
                .map(|id| {
                    self.theme(id)
                        .map_or_else(|_| id.clone(), |t| t.name.clone())
                })
                .collect(),
            threats: threat_ids
                .iter()
                .map(|id| {
                    self.threat(id)
                        .map_or_else(|_| id.clone(), |t| t.name.clone())
                })
                .collect(),
            instruments: a
                .instruments
                .iter()
                .map(|x| match self.instrument(x.as_str()) {
                    Ok(i) => Link::new(
                        format!("{} ({})", i.short_title, i.number),
                        i.eur_lex_url().as_deref(),
                    ),
                    Err(_) => Link::new(x.as_str(), None),
                })
                .collect(),
            documents,
            history: a
                .status
                .iter()
                .map(|e| EventView {
                    date: e.date.to_string(),
                    status: Term::of(e.status),
                    reached: e.date <= as_of,
                    evidence: e
                        .evidence
                        .as_ref()
                        .map(|d| self.report_document(d.as_str())),
                    note: e.note.clone(),
                    sources: self.report_sources(&e.citations),
                })
                .collect(),
            sources: self.report_sources(&a.citations),
            f_sections: chain
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            f_themes: theme_ids.join(" "),
            f_threats: threat_ids.join(" "),
            f_actors: actors.join(" "),
            f_terms: terms.into_iter().collect::<Vec<_>>().join(" "),
        }
    }

    fn report_chapters(&self, as_of: NaiveDate) -> Vec<ChapterView> {
        let mut chapters: Vec<ChapterView> = self
            .sections
            .iter()
            .filter(|s| s.parent.is_none())
            .map(|s| ChapterView {
                id: s.id.to_string(),
                number: s.number.clone(),
                title: s.title.clone(),
                summary: s.summary.clone(),
                confirmed: s.number_confirmed && s.title_confirmed,
                coverage: coverage(s),
                total: 0,
                overdue: 0,
                segments: Vec::new(),
                legend: Vec::new(),
                cards: Vec::new(),
            })
            .collect();
        let mut tallies: Vec<Vec<(Status, bool)>> = vec![Vec::new(); chapters.len()];
        for a in &self.actions {
            let chain = self.section_chain(a.section.as_str());
            let Some(top) = chain.last() else { continue };
            let Some(i) = chapters.iter().position(|c| c.id == top.id.as_str()) else {
                continue;
            };
            let status = status_at(a, as_of);
            let overdue = progress_at(a, as_of) == Progress::Overdue;
            tallies[i].push((status, overdue));
            chapters[i].cards.push(self.report_card(a, as_of));
        }
        for (c, tally) in chapters.iter_mut().zip(tallies) {
            c.total = tally.len();
            c.overdue = tally.iter().filter(|t| t.1).count();
            let mut x = 0;
            for status in BAR_ORDER {
                let n = tally.iter().filter(|t| t.0 == status).count();
                if n > 0 {
                    c.legend.push((Term::of(status), n));
                }
                for overdue in [false, true] {
                    let k = tally.iter().filter(|t| **t == (status, overdue)).count();
                    if k > 0 {
                        c.segments.push(Segment {
                            status: Term::of(status),
                            overdue,
                            count: k,
                            x: pct(x, c.total),
                            width: pct(k, c.total),
                        });
                        x += k;
                    }
                }
            }
        }
        chapters
    }

    /// The whole strategy as one self-contained HTML page: objectives and principles, headline
    /// counts, a progress bar per chapter, a timeline of deadlines, a card per action (with
    /// status history, evidence and sources) that can be filtered by section, theme, threat,
    /// actor, status and text (the filters live in the URL fragment, e.g.
    /// `report.html#actor=europol&status=proposed`), and the key figures.
    ///
    /// Statuses are read on `as_of` (default: the data set's as-of date). The output depends
    /// only on the data and that date: the same inputs give the same bytes, in every language.
    /// The page needs no server and requests nothing (links to sources stay links).
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let html = s.report_html(None);
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert_eq!(html.matches("data-action-id=").count(), s.action_list().len());
    /// assert_eq!(html, s.report_html(Some(s.dataset().as_of)));
    /// ```
    pub fn report_html(&self, as_of: Option<NaiveDate>) -> String {
        let as_of = as_of.unwrap_or(self.dataset.as_of);
        let info = &self.info;
        let chapters = self.report_chapters(as_of);

        let count = |p: Progress| {
            self.actions
                .iter()
                .filter(|a| progress_at(a, as_of) == p)
                .count()
        };
        let headlines = vec![
            Headline {
                value: self.actions.len(),
                label: "actions",
                key: "all",
            },
            Headline {
                value: count(Progress::Delivered),
                label: "delivered or proposed",
                key: "delivered",
            },
            Headline {
                value: count(Progress::Due),
                label: "due, on time",
                key: "due",
            },
            Headline {
                value: count(Progress::Overdue),
                label: "overdue",
                key: "overdue",
            },
            Headline {
                value: count(Progress::Open),
                label: "open, no deadline",
                key: "open",
            },
            Headline {
                value: count(Progress::Withdrawn),
                label: "withdrawn",
                key: "withdrawn",
            },
        ];

        let sections = self
            .sections
            .iter()
            .map(|s| {
                let depth = self.section_chain(s.id.as_str()).len().saturating_sub(1);
                Choice {
                    value: s.id.to_string(),
                    label: format!("{}{} {}", "\u{a0}\u{a0}".repeat(depth), s.number, s.title),
                }
            })
            .collect();
        let opts = |items: Vec<(String, String)>| -> Vec<Choice> {
            items
                .into_iter()
                .map(|(value, label)| Choice { value, label })
                .collect()
        };
        let themes = opts(
            self.themes
                .iter()
                .map(|t| (t.id.to_string(), t.name.clone()))
                .collect(),
        );
        let threats = opts(
            self.threats
                .iter()
                .map(|t| (t.id.to_string(), t.name.clone()))
                .collect(),
        );
        let mut actor_list: Vec<(String, String)> = self
            .actors
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                self.idx
                    .actions_by_actor
                    .get(*i)
                    .is_some_and(|l| !l.is_empty())
            })
            .map(|(_, a)| (a.id.to_string(), self.report_actor(&a.id).text))
            .collect();
        actor_list.sort_by(|a, b| {
            a.1.to_lowercase()
                .cmp(&b.1.to_lowercase())
                .then(a.0.cmp(&b.0))
        });
        let actors = opts(actor_list);
        let statuses = opts(
            Status::ALL
                .iter()
                .map(|s| (s.name(), Term::of(*s).label))
                .collect(),
        );
        let progresses = opts(
            Progress::ALL
                .iter()
                .map(|p| (p.name(), Term::of(*p).label))
                .collect(),
        );

        // The timeline: a row per due period, on an axis from the strategy's date to the
        // last deadline (and the as-of date, if later).
        let tl = self.timeline(Some(as_of));
        let dated: Vec<(&Period, _)> = tl
            .groups
            .iter()
            .filter_map(|g| g.period.as_ref().map(|p| (p, g)))
            .collect();
        let lo = dated
            .iter()
            .map(|(p, _)| p.start())
            .chain([info.date, as_of])
            .min()
            .unwrap_or(info.date);
        let lo = NaiveDate::from_ymd_opt(lo.year(), 1, 1).unwrap_or(lo);
        let hi = dated
            .iter()
            .map(|(p, _)| p.end())
            .chain([as_of])
            .max()
            .unwrap_or(as_of);
        let hi = NaiveDate::from_ymd_opt(hi.year(), 12, 31).unwrap_or(hi);
        let rows = |g: &crate::query::timeline::TimelineGroup<'_>| {
            let n = |p: Progress| g.entries.iter().filter(|e| e.progress == p).count();
            (
                n(Progress::Delivered),
                n(Progress::Due),
                n(Progress::Overdue),
                n(Progress::Withdrawn),
            )
        };
        let span = usize::try_from((hi - lo).num_days()).unwrap_or(1).max(1);
        let timeline = dated
            .iter()
            .map(|(p, g)| {
                let (delivered, due, overdue, withdrawn) = rows(g);
                let start = days(p.start(), lo, span);
                let end = days(p.end() + chrono::Days::new(1), lo, span);
                TimelineRow {
                    label: g.label.clone(),
                    x: pct(start, span),
                    width: pct(end.saturating_sub(start), span),
                    total: g.entries.len(),
                    delivered,
                    due,
                    overdue,
                    withdrawn,
                    titles: g
                        .entries
                        .iter()
                        .map(|e| (e.action.title.clone(), Term::of(e.progress)))
                        .collect(),
                }
            })
            .collect();
        let undated = tl
            .groups
            .iter()
            .filter(|g| g.period.is_none())
            .map(|g| (g.label.clone(), g.entries.len()))
            .collect();
        let ticks = (lo.year()..=hi.year())
            .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .map(|d| (d.year().to_string(), pct(days(d, lo, span), span)))
            .collect();

        let figures = self
            .figures
            .iter()
            .map(|f| FigureView {
                value: f.value.clone(),
                statement: f.statement.clone(),
                year: f.year,
                sources: self.report_sources(&f.citations),
            })
            .collect();

        let page = Page {
            css: CSS,
            js: JS,
            title: info.title.clone(),
            full_title: info.full_title.clone(),
            document: Link::new(info.document_number.clone(), info.url.as_deref()),
            date: info.date.to_string(),
            summary: info.summary.clone(),
            as_of: as_of.to_string(),
            dataset_version: self.dataset.version.clone(),
            dataset_as_of: self.dataset.as_of.to_string(),
            fingerprint: fingerprint(self),
            generator: format!("protecteu {}", env!("CARGO_PKG_VERSION")),
            objectives: self
                .objectives
                .iter()
                .map(|o| (o.number, o.title.clone(), o.summary.clone()))
                .collect(),
            principles: self
                .principles
                .iter()
                .map(|o| (o.number, o.title.clone(), o.summary.clone()))
                .collect(),
            headlines,
            chapters,
            legend: BAR_ORDER.iter().map(|s| Term::of(*s)).collect(),
            sections,
            themes,
            threats,
            actors,
            statuses,
            progresses,
            timeline,
            undated,
            ticks,
            as_of_x: pct(days(as_of, lo, span), span),
            figures,
            action_count: self.actions.len(),
        };
        // Rendering writes into a String and only fails if a value's Display fails, which
        // none of these (strings and integers) does.
        page.render().unwrap_or_default()
    }
}
