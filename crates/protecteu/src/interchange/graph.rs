//! Diagrams: a Graphviz DOT graph of the relations (actors, actions, legal instruments,
//! themes) and a Mermaid Gantt chart of the actions by due period.

use std::fmt::Write as _;

use crate::interchange::markdown::words;
use crate::model::strategy::Strategy;
use crate::model::*;
use crate::query::Progress;

/// A DOT double-quoted string (newlines become spaces; `\n` may be passed in `breaks`).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Wraps text into lines of about `width` characters, joined by DOT's `\n` escape.
fn wrapped(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    let inner: Vec<String> = lines
        .iter()
        .map(|l| {
            let q = quoted(l);
            q[1..q.len() - 1].to_owned()
        })
        .collect();
    format!("\"{}\"", inner.join("\\n"))
}

fn node_id(kind: EntityKind, id: &str) -> String {
    quoted(&format!("{}:{id}", kind.name()))
}

/// Text for a Mermaid Gantt task or title: no `:`, `;` or `#`, which Mermaid reads as syntax.
fn mermaid_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ':' | ';' | '#' | '\n' | '\r' => ' ',
            _ => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Strategy {
    /// A Graphviz DOT digraph of the relations: actors lead (solid) or are involved in
    /// (dashed) actions; actions build on legal instruments and belong to themes. Actions are
    /// coloured by progress as of the data set's date; instruments link to EUR-Lex.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let dot = s.to_dot();
    /// assert!(dot.starts_with("digraph protecteu {"));
    /// assert!(dot.contains("\"actor:europol\" -> \"action:europol-mandate-revision\""));
    /// ```
    pub fn to_dot(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "digraph protecteu {{");
        let _ = writeln!(
            out,
            "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label={}];",
            quoted(&format!(
                "{} ({}), data set {} as of {}",
                self.info.title,
                self.info.document_number,
                self.dataset.version,
                self.dataset.as_of
            ))
        );
        let _ = writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];");
        let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=8];");
        let _ = writeln!(out, "\n  // actors");
        for a in &self.actors {
            let _ = writeln!(
                out,
                "  {} [label={}, shape=box, style=\"rounded,filled\", fillcolor=\"#dbe9f6\", tooltip={}];",
                node_id(EntityKind::Actor, a.id.as_str()),
                wrapped(a.abbreviation.as_deref().unwrap_or(&a.name), 24),
                quoted(&a.name)
            );
        }
        let _ = writeln!(out, "\n  // actions, coloured by progress");
        for a in &self.actions {
            let colour = match self.progress_of(a, None) {
                Progress::Delivered => "#c7e9c0",
                Progress::Due => "#fff3bf",
                Progress::Overdue => "#ffc9c9",
                Progress::Open => "#f1f3f5",
                Progress::Withdrawn => "#dee2e6",
            };
            let due = a
                .timing
                .period()
                .map_or_else(|| words(a.timing.kind), |p| p.to_string());
            let _ = writeln!(
                out,
                "  {} [label={}, shape=ellipse, style=filled, fillcolor=\"{colour}\", tooltip={}];",
                node_id(EntityKind::Action, a.id.as_str()),
                wrapped(&format!("{} ({due})", a.title), 28),
                quoted(&format!("{}: {}", words(self.current_status(a)), a.summary))
            );
        }
        let _ = writeln!(out, "\n  // legal instruments");
        for x in &self.instruments {
            let url = x
                .eur_lex_url()
                .map(|u| format!(", URL={}", quoted(&u)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} [label={}, shape=note, style=filled, fillcolor=\"#e5dbff\"{url}];",
                node_id(EntityKind::Instrument, x.id.as_str()),
                wrapped(&format!("{} ({})", x.short_title, x.number), 26)
            );
        }
        let _ = writeln!(out, "\n  // themes");
        for t in &self.themes {
            let _ = writeln!(
                out,
                "  {} [label={}, shape=hexagon, style=filled, fillcolor=\"#ffe8cc\"];",
                node_id(EntityKind::Theme, t.id.as_str()),
                wrapped(&t.name, 22)
            );
        }
        let _ = writeln!(out, "\n  // relations");
        for a in &self.actions {
            let me = node_id(EntityKind::Action, a.id.as_str());
            for l in &a.lead {
                let _ = writeln!(
                    out,
                    "  {} -> {me} [label=\"leads\"];",
                    node_id(EntityKind::Actor, l.as_str())
                );
            }
            for l in &a.involved {
                let _ = writeln!(
                    out,
                    "  {} -> {me} [label=\"involved\", style=dashed];",
                    node_id(EntityKind::Actor, l.as_str())
                );
            }
            for x in &a.instruments {
                let _ = writeln!(
                    out,
                    "  {me} -> {} [label=\"builds on\", color=\"#7048e8\"];",
                    node_id(EntityKind::Instrument, x.as_str())
                );
            }
            for t in &a.themes {
                let _ = writeln!(
                    out,
                    "  {me} -> {} [style=dotted, arrowhead=none];",
                    node_id(EntityKind::Theme, t.as_str())
                );
            }
        }
        out.push_str("}\n");
        out
    }

    /// A Mermaid Gantt chart of the actions with a stated due period, one section per period
    /// (in timeline order), each action spanning its period: `done` when delivered, `crit`
    /// when overdue, `active` when due, as of the data set's date. Ongoing actions and those
    /// without a stated timing cannot be placed on a time axis and are counted in a comment.
    /// Put it in a ```` ```mermaid ```` block to have GitHub or Jupyter render it.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let g = s.to_mermaid();
    /// assert!(g.starts_with("gantt\n"));
    /// assert!(g.contains("dateFormat YYYY-MM-DD"));
    /// ```
    pub fn to_mermaid(&self) -> String {
        let mut out = String::new();
        let t = self.timeline(None);
        let _ = writeln!(out, "gantt");
        let _ = writeln!(
            out,
            "    title {} actions by due period, as of {}",
            mermaid_text(&self.info.title),
            self.dataset.as_of
        );
        let _ = writeln!(out, "    dateFormat YYYY-MM-DD");
        let _ = writeln!(out, "    axisFormat %Y-%m");
        let mut unplaced = 0;
        for g in &t.groups {
            let Some(p) = g.period else {
                unplaced += g.entries.len();
                continue;
            };
            let _ = writeln!(out, "    section {}", g.label);
            for e in &g.entries {
                let tag = match e.progress {
                    Progress::Delivered => "done, ",
                    Progress::Overdue => "crit, ",
                    Progress::Due => "active, ",
                    Progress::Open | Progress::Withdrawn => "",
                };
                let _ = writeln!(
                    out,
                    "    {} :{tag}{}, {}",
                    mermaid_text(&e.action.title),
                    p.start(),
                    p.end()
                );
            }
        }
        if unplaced > 0 {
            let _ = writeln!(
                out,
                "    %% {unplaced} ongoing or undated actions are not shown"
            );
        }
        out
    }
}
