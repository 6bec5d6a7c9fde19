//! A Markdown report of the whole strategy: objectives, principles, sections with their
//! actions (timing, actors, status history and sources), a Mermaid timeline, and the themes,
//! threats, actors, legal instruments, documents and key figures.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::strategy::Strategy;
use crate::model::*;
use crate::query::Progress;

/// Escapes text for Markdown (inline and table cells); newlines become spaces.
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A link, or the escaped text alone when there is no address.
fn link(text: &str, url: Option<&str>) -> String {
    match url {
        Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
            format!("[{}](<{}>)", md(text), u.replace(['<', '>', ' '], ""))
        }
        _ => md(text),
    }
}

/// A closed-vocabulary value in words: `in_preparation` -> `in preparation`.
pub(crate) fn words<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

impl Strategy {
    fn actor_label(&self, id: &str) -> String {
        match self.actor(id) {
            Ok(a) => md(a.abbreviation.as_deref().unwrap_or(&a.name)),
            Err(_) => md(id),
        }
    }

    fn document_label(&self, id: &str) -> String {
        match self.document(id) {
            Ok(d) => link(d.number.as_deref().unwrap_or(&d.title), d.url.as_deref()),
            Err(_) => md(id),
        }
    }

    fn citations_md(&self, out: &mut String, citations: &[Citation], indent: &str) {
        for (i, c) in citations.iter().enumerate() {
            let mut line = match self.source(c.source.as_str()) {
                Ok(s) => format!("{indent}{}. {}", i + 1, link(&s.title, s.url.as_deref())),
                Err(_) => format!("{indent}{}. {}", i + 1, md(c.source.as_str())),
            };
            if let Some(sec) = &c.locator {
                let _ = write!(line, ", {}", md(sec));
            }
            if !c.fields.is_empty() {
                let _ = write!(line, "; for {}", c.fields.join(", "));
            }
            let _ = write!(line, " ({})", words(c.verification));
            let _ = writeln!(out, "{line}");
        }
    }

    fn action_md(&self, out: &mut String, a: &Action, level: &str) {
        let _ = writeln!(out, "{level} {} (`{}`)\n", md(&a.title), a.id);
        let due = match a.timing.period() {
            Some(p) => format!("{p} (\u{201c}{}\u{201d})", md(&a.timing.text)),
            None => md(&a.timing.text),
        };
        let status = self.current_status(a);
        let progress = self.progress_of(a, None);
        let _ = writeln!(
            out,
            "- **Kind:** {} · **Due:** {due} · **Status:** {} ({})",
            words(a.kind),
            words(status),
            words(progress)
        );
        let list = |ids: Vec<String>| ids.join(", ");
        if !a.lead.is_empty() {
            let _ = writeln!(
                out,
                "- **Lead:** {}",
                list(
                    a.lead
                        .iter()
                        .map(|x| self.actor_label(x.as_str()))
                        .collect()
                )
            );
        }
        if !a.involved.is_empty() {
            let _ = writeln!(
                out,
                "- **Involved:** {}",
                list(
                    a.involved
                        .iter()
                        .map(|x| self.actor_label(x.as_str()))
                        .collect()
                )
            );
        }
        let named = |kind: EntityKind, id: &str| -> String {
            let name = match kind {
                EntityKind::Theme => self.theme(id).map(|t| t.name.clone()).ok(),
                EntityKind::Threat => self.threat(id).map(|t| t.name.clone()).ok(),
                EntityKind::Objective => self.objective(id).map(|t| t.title.clone()).ok(),
                _ => None,
            };
            md(name.as_deref().unwrap_or(id))
        };
        for (label, kind, ids) in [
            (
                "Themes",
                EntityKind::Theme,
                &a.themes.iter().map(|x| x.as_str()).collect::<Vec<_>>(),
            ),
            (
                "Threats",
                EntityKind::Threat,
                &a.threats.iter().map(|x| x.as_str()).collect(),
            ),
            (
                "Objectives",
                EntityKind::Objective,
                &a.objectives.iter().map(|x| x.as_str()).collect(),
            ),
        ] {
            if !ids.is_empty() {
                let _ = writeln!(
                    out,
                    "- **{label}:** {}",
                    list(ids.iter().map(|id| named(kind, id)).collect())
                );
            }
        }
        if !a.instruments.is_empty() {
            let names: Vec<String> = a
                .instruments
                .iter()
                .map(|x| match self.instrument(x.as_str()) {
                    Ok(i) => link(
                        &format!("{} ({})", i.short_title, i.number),
                        i.eur_lex_url().as_deref(),
                    ),
                    Err(_) => md(x.as_str()),
                })
                .collect();
            let _ = writeln!(out, "- **Builds on:** {}", list(names));
        }
        if let Ok(docs) = self.documents_of_action(a.id.as_str()) {
            if !docs.is_empty() {
                let names: Vec<String> = docs
                    .iter()
                    .map(|d| self.document_label(d.id.as_str()))
                    .collect();
                let _ = writeln!(out, "- **Documents:** {}", list(names));
            }
        }
        if !a.previous_ids.is_empty() {
            let ids: Vec<String> = a.previous_ids.iter().map(|x| format!("`{x}`")).collect();
            let _ = writeln!(out, "- **Formerly:** {}", list(ids));
        }
        let _ = writeln!(out, "\n{}\n", md(&a.summary));
        if !a.status.is_empty() {
            let _ = writeln!(out, "Status history:\n");
            for e in &a.status {
                let mut line = format!("- {}: {}", e.date, words(e.status));
                if let Some(d) = &e.evidence {
                    let _ = write!(line, ", {}", self.document_label(d.as_str()));
                }
                if let Some(n) = &e.note {
                    let _ = write!(line, " — {}", md(n));
                }
                let _ = writeln!(out, "{line}");
                self.citations_md(out, &e.citations, "   ");
            }
            out.push('\n');
        }
        if let Some(n) = &a.notes {
            let _ = writeln!(out, "*Note:* {}\n", md(n));
        }
        if !a.citations.is_empty() {
            let _ = writeln!(out, "Sources:\n");
            self.citations_md(out, &a.citations, "");
            out.push('\n');
        }
    }

    /// The whole strategy as a Markdown report (GitHub-flavoured: tables, and a Mermaid
    /// timeline that GitHub renders). Statuses are read on the data set's as-of date.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let md = s.to_markdown();
    /// assert!(md.starts_with("# ProtectEU"));
    /// assert!(md.contains("## Objectives"));
    /// assert!(md.contains("```mermaid"));
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let i = &self.info;
        let _ = writeln!(out, "# {}\n", md(&i.title));
        let mut head = format!(
            "{} · {}",
            link(&i.document_number, i.url.as_deref()),
            i.date
        );
        if let Some(p) = &i.place {
            let _ = write!(head, ", {}", md(p));
        }
        if let Some(c) = &i.celex {
            let _ = write!(
                head,
                " · CELEX {}",
                link(c, Some(&crate::model::celex::eur_lex_url(c)))
            );
        }
        let _ = writeln!(out, "*{}*\n\n{head}\n", md(&i.full_title));
        let _ = writeln!(
            out,
            "> Data set {}, as of {}. Every status below is as of that date; no status event means none was found, not that nothing happened.\n",
            md(&self.dataset.version),
            self.dataset.as_of
        );
        let _ = writeln!(out, "{}\n", md(&i.summary));

        let _ = writeln!(out, "## At a glance\n");
        let count = |p: Progress| {
            self.actions
                .iter()
                .filter(|a| self.progress_of(a, None) == p)
                .count()
        };
        let _ = writeln!(out, "| actions | delivered | due | overdue | open (no deadline) | withdrawn |\n|---:|---:|---:|---:|---:|---:|");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |\n",
            self.actions.len(),
            count(Progress::Delivered),
            count(Progress::Due),
            count(Progress::Overdue),
            count(Progress::Open),
            count(Progress::Withdrawn)
        );

        let _ = writeln!(out, "## Objectives\n");
        for o in &self.objectives {
            let _ = writeln!(
                out,
                "{}. **{}**: {}",
                o.number,
                md(&o.title),
                md(&o.summary)
            );
        }
        let _ = writeln!(out, "\n## Guiding principles\n");
        for p in &self.principles {
            let _ = writeln!(
                out,
                "{}. **{}**: {}",
                p.number,
                md(&p.title),
                md(&p.summary)
            );
        }

        let _ = writeln!(out, "\n## Sections and actions\n");
        for (si, sec) in self.sections.iter().enumerate() {
            let (level, action_level) = if sec.parent.is_some() {
                ("####", "#####")
            } else {
                ("###", "####")
            };
            let mut title = format!("{} {}", sec.number, md(&sec.title));
            if !sec.number_confirmed || !sec.title_confirmed {
                title.push_str(" *(working number or title)*");
            }
            let _ = writeln!(out, "{level} {title}\n");
            if let Some(s) = &sec.summary {
                let _ = writeln!(out, "{}\n", md(s));
            }
            let direct = self
                .idx
                .actions_by_section
                .get(si)
                .cloned()
                .unwrap_or_default();
            for a in self.actions_at(&direct) {
                self.action_md(&mut out, a, action_level);
            }
        }

        let _ = writeln!(out, "## Timeline\n\nActions with a stated due period; done = delivered, crit = overdue, active = due.\n\n```mermaid\n{}```\n", self.to_mermaid());

        let _ = writeln!(out, "## Themes\n\n| theme | actions |\n|---|---:|");
        for (k, t) in self.themes.iter().enumerate() {
            let n = self.idx.actions_by_theme.get(k).map_or(0, Vec::len);
            let _ = writeln!(out, "| {} | {n} |", md(&t.name));
        }
        let _ = writeln!(out, "\n## Threats\n\n| threat | actions |\n|---|---:|");
        for (k, t) in self.threats.iter().enumerate() {
            let n = self.idx.actions_by_threat.get(k).map_or(0, Vec::len);
            let _ = writeln!(out, "| {} | {n} |", md(&t.name));
        }
        let _ = writeln!(
            out,
            "\n## Actors\n\n| actor | kind | leads | involved in |\n|---|---|---:|---:|"
        );
        for (k, a) in self.actors.iter().enumerate() {
            let leads = self.idx.actions_by_lead.get(k).map_or(0, Vec::len);
            let all = self.idx.actions_by_actor.get(k).map_or(0, Vec::len);
            let name = match &a.abbreviation {
                Some(ab) if ab != &a.name => format!("{} ({})", a.name, ab),
                _ => a.name.clone(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {leads} | {all} |",
                link(&name, a.url.as_deref()),
                words(a.kind)
            );
        }
        let _ = writeln!(out, "\n## Legal instruments\n\n| instrument | short title | CELEX | status | actions |\n|---|---|---|---|---:|");
        for (k, x) in self.instruments.iter().enumerate() {
            let n = self.idx.actions_by_instrument.get(k).map_or(0, Vec::len);
            let celex = x
                .celex
                .as_deref()
                .map(|c| link(c, x.eur_lex_url().as_deref()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {celex} | {} | {n} |",
                md(&x.number),
                md(&x.short_title),
                words(x.status)
            );
        }
        let _ = writeln!(
            out,
            "\n## Documents\n\n| date | document | kind | delivers |\n|---|---|---|---|"
        );
        for d in &self.documents {
            let title = match &d.number {
                Some(n) => format!("{n}: {}", d.title),
                None => d.title.clone(),
            };
            let delivers: Vec<String> = d.delivers.iter().map(|x| format!("`{x}`")).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                d.date.map(|x| x.to_string()).unwrap_or_default(),
                link(&title, d.url.as_deref()),
                words(d.kind),
                delivers.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "\n## Key figures\n\n| figure | value | year | source |\n|---|---|---|---|"
        );
        for f in &self.figures {
            let src = f
                .citations
                .first()
                .and_then(|c| self.source(c.source.as_str()).ok())
                .map(|s| link(&s.title, s.url.as_deref()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {src} |",
                md(&f.statement),
                md(&f.value),
                f.year.map(|y| y.to_string()).unwrap_or_default()
            );
        }
        out
    }
}
