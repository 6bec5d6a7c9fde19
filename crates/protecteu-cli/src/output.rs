//! Rendering: tables for people, JSON / JSON Lines / CSV for programs.

use std::io::{IsTerminal, Write};

use clap::ValueEnum;
use comfy_table::{
    Attribute, Cell, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
};

/// Header rule only: quiet enough for long listings, clear enough to read.
const STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' '));
use protecteu::{
    Action, Coverage, EntityKind, Error, FactCitation, KeyActionsBox, ProvenanceStats, Record,
    SearchHit, SearchResults, Stats, Strategy, Timeline, Verification,
};
use serde::Serialize;
use serde_json::Value;

/// Output format of listing commands.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table, wrapped to the terminal width.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row (lists joined with "; ").
    Csv,
}

/// Buffered standard output that remembers whether it is a terminal.
pub struct Out {
    inner: std::io::BufWriter<std::io::Stdout>,
    colour: bool,
}

impl Out {
    pub fn stdout() -> Out {
        let stdout = std::io::stdout();
        let colour =
            stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Out {
            inner: std::io::BufWriter::new(stdout),
            colour,
        }
    }

    pub fn text(&mut self, text: &str) {
        let _ = self.inner.write_all(text.as_bytes());
    }

    pub fn line(&mut self, text: &str) {
        let _ = writeln!(self.inner, "{text}");
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }

    fn json<T: Serialize + ?Sized>(&mut self, value: &T) {
        let text = serde_json::to_string_pretty(value).unwrap_or_default();
        self.line(&text);
    }

    fn heading(&mut self, text: &str) {
        if self.colour {
            self.line(&format!("\x1b[1m{text}\x1b[0m"));
        } else {
            self.line(text);
        }
    }

    fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>) {
        let mut t = Table::new();
        t.load_style(STYLE)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if !self.colour {
            t.force_no_tty();
        }
        t.set_header(header.iter().map(|h| {
            let c = Cell::new(h);
            if self.colour {
                c.add_attribute(Attribute::Bold)
            } else {
                c
            }
        }));
        for r in rows {
            t.add_row(r);
        }
        // Ids are typed back into `show` and the filters: never wrapped inside a word; the
        // other columns wrap around them.
        for (i, h) in header.iter().enumerate() {
            if *h == "id" {
                if let Some(c) = t.column_mut(i) {
                    c.set_constraint(ColumnConstraint::ContentWidth);
                }
            }
        }
        self.line(&t.to_string());
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

/// Writes flat records in any format.
pub fn records(rows: &[Record], format: Format, out: &mut Out) {
    match format {
        Format::Json => out.json(rows),
        Format::Jsonl => {
            for r in rows {
                out.line(&serde_json::to_string(r).unwrap_or_default());
            }
        }
        Format::Csv => csv(rows, out),
        Format::Table => {
            let header: Vec<&str> = rows
                .first()
                .map(|r| {
                    r.keys()
                        .map(String::as_str)
                        .filter(|k| !is_long(k))
                        .collect()
                })
                .unwrap_or_default();
            let body = rows
                .iter()
                .map(|r| {
                    header
                        .iter()
                        .map(|k| scalar(r.get(*k).unwrap_or(&Value::Null)))
                        .collect()
                })
                .collect();
            out.table(&header, body);
        }
    }
}

/// Long text columns left out of tables (they stay in JSON and CSV).
fn is_long(key: &str) -> bool {
    matches!(
        key,
        "summary" | "source_url" | "eur_lex_url" | "timing_text" | "url" | "founding_act_text"
    )
}

fn csv(rows: &[Record], out: &mut Out) {
    let mut w = csv::Writer::from_writer(Vec::new());
    if let Some(first) = rows.first() {
        let _ = w.write_record(first.keys());
    }
    for r in rows {
        let _ = w.write_record(r.values().map(scalar));
    }
    let bytes = w.into_inner().unwrap_or_default();
    out.text(&String::from_utf8_lossy(&bytes));
}

pub fn actions(s: &Strategy, found: &[&Action], format: Format, out: &mut Out) {
    match format {
        Format::Json => out.json(found),
        Format::Jsonl => {
            for a in found {
                out.line(&serde_json::to_string(a).unwrap_or_default());
            }
        }
        Format::Csv => csv(
            &found.iter().map(|a| s.action_record(a)).collect::<Vec<_>>(),
            out,
        ),
        Format::Table => {
            let rows = found
                .iter()
                .map(|a| {
                    vec![
                        a.id.to_string(),
                        a.title.clone(),
                        a.timing
                            .period()
                            .map_or_else(|| a.timing.text.clone(), |p| p.to_string()),
                        a.lead
                            .iter()
                            .map(|l| l.to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                        scalar(&serde_json::to_value(s.current_status(a)).unwrap_or(Value::Null)),
                    ]
                })
                .collect();
            out.table(&["id", "title", "due", "lead", "status"], rows);
            out.line(&format!("{} action(s)", found.len()));
        }
    }
}

/// The excerpt with its marked words in bold yellow (on a terminal) or as they are.
fn highlighted(h: &SearchHit, colour: bool) -> String {
    if !colour {
        return h.excerpt.clone();
    }
    let mut out = String::new();
    let mut at = 0;
    let chars: Vec<char> = h.excerpt.chars().collect();
    for &(s, e) in &h.marks {
        if s < at || e > chars.len() {
            continue;
        }
        out.extend(&chars[at..s]);
        out.push_str("\x1b[1;33m");
        out.extend(&chars[s..e]);
        out.push_str("\x1b[0m");
        at = e;
    }
    out.extend(&chars[at.min(chars.len())..]);
    out
}

pub fn search(results: &SearchResults, format: Format, out: &mut Out) {
    let hits = &results.hits;
    if let Some(c) = &results.corrected {
        // A note for people: on stdout above a table, on stderr beside machine formats.
        if format == Format::Table {
            out.line(&format!("showing results for \"{c}\""));
        } else {
            eprintln!("protecteu: showing results for \"{c}\"");
        }
    }
    match format {
        Format::Table => {
            let rows = hits
                .iter()
                .map(|h| {
                    // A title match is marked in the title column itself.
                    let (title, matched) = if h.field == "title" && h.excerpt == h.title {
                        (highlighted(h, out.colour), h.field.clone())
                    } else {
                        (
                            h.title.clone(),
                            format!("{}: {}", h.field, highlighted(h, out.colour)),
                        )
                    };
                    vec![h.kind.name().to_owned(), h.id.clone(), title, matched]
                })
                .collect();
            out.table(&["kind", "id", "title", "match"], rows);
            if hits.is_empty() {
                out.line("no match");
            }
        }
        Format::Json => out.json(hits),
        Format::Jsonl => {
            for h in hits {
                out.line(&serde_json::to_string(h).unwrap_or_default());
            }
        }
        Format::Csv => {
            let rows: Vec<Record> = hits
                .iter()
                .map(|h| match serde_json::to_value(h) {
                    Ok(Value::Object(m)) => m,
                    _ => Record::new(),
                })
                .collect();
            records(&rows, format, out);
        }
    }
}

pub fn timeline(t: &Timeline<'_>, format: Format, out: &mut Out) {
    let rows: Vec<Record> = t
        .groups
        .iter()
        .flat_map(|g| {
            g.entries.iter().map(move |e| {
                let mut r = Record::new();
                r.insert("period".into(), Value::String(g.label.clone()));
                r.insert("id".into(), Value::String(e.action.id.to_string()));
                r.insert("title".into(), Value::String(e.action.title.clone()));
                r.insert(
                    "status".into(),
                    serde_json::to_value(e.status).unwrap_or(Value::Null),
                );
                r.insert(
                    "progress".into(),
                    serde_json::to_value(e.progress).unwrap_or(Value::Null),
                );
                r
            })
        })
        .collect();
    match format {
        Format::Table => {
            out.heading(&format!("Timeline as of {}", t.as_of));
            records(&rows, format, out);
        }
        Format::Json => out.json(t),
        _ => records(&rows, format, out),
    }
}

pub fn stats(st: &Stats, p: &ProvenanceStats, format: Format, out: &mut Out) {
    if format == Format::Json {
        let mut v = serde_json::to_value(st).unwrap_or_default();
        if let Value::Object(m) = &mut v {
            m.insert(
                "provenance".into(),
                serde_json::to_value(p).unwrap_or_default(),
            );
        }
        out.json(&v);
        return;
    }
    let mut rows = Vec::new();
    for (dim, counts) in [
        ("section", &st.by_section),
        ("actor", &st.by_actor),
        ("kind", &st.by_kind),
        ("status", &st.by_status),
    ] {
        for c in counts {
            let mut r = Record::new();
            r.insert("by".into(), Value::String(dim.into()));
            r.insert("key".into(), Value::String(c.key.clone()));
            r.insert("label".into(), Value::String(c.label.clone()));
            r.insert("count".into(), Value::from(c.count));
            rows.push(r);
        }
    }
    if format == Format::Table {
        out.heading(&format!("{} actions", st.actions));
    }
    records(&rows, format, out);
    if format == Format::Table {
        out.line("");
        provenance(p, out);
    }
}

pub fn coverage(c: &Coverage, format: Format, out: &mut Out) {
    match format {
        Format::Json => out.json(c),
        Format::Jsonl | Format::Csv => records(&c.records(), format, out),
        Format::Table => {
            let level = |l: &protecteu::LevelCounts, v| l.get(v).to_string();
            let date = |d: Option<protecteu::Date>| d.map_or_else(|| "-".into(), |d| d.to_string());
            let boxed = |b: KeyActionsBox| match b {
                KeyActionsBox::SeenWhole => "read whole",
                KeyActionsBox::SeenInPart => "read in part",
                KeyActionsBox::NotSeen => "not seen",
            };
            let label = |r: &protecteu::SectionCoverage| {
                let indent = if r.parent.is_some() { "  " } else { "" };
                let mark = if r.title_confirmed { "" } else { "*" };
                (
                    format!("{indent}{}", r.number),
                    format!("{indent}{}{mark}", r.title),
                )
            };
            let t = &c.total;
            out.heading(&format!(
                "What was read, and how far the status reaches (data as of {})",
                t.as_of
            ));
            let mut rows: Vec<Vec<String>> = c
                .sections
                .iter()
                .map(|r| {
                    let (no, title) = label(r);
                    vec![
                        no,
                        title,
                        // Boxes close chapters: a subsection shows one only when it was read.
                        if r.parent.is_some() && !r.key_actions_box.is_seen() {
                            String::new()
                        } else {
                            boxed(r.key_actions_box).into()
                        },
                        r.actions.to_string(),
                        r.with_status_events.to_string(),
                        date(r.newest_event),
                    ]
                })
                .collect();
            rows.push(vec![
                String::new(),
                "All sections".into(),
                format!(
                    "{} of {} read",
                    t.chapters_box_seen_whole + t.chapters_box_seen_in_part,
                    t.chapters
                ),
                t.actions.to_string(),
                t.with_status_events.to_string(),
                date(t.newest_event),
            ]);
            out.table(
                &[
                    "no.",
                    "section",
                    "key actions\nbox",
                    "actions",
                    "with status\nevents",
                    "newest\nevent",
                ],
                rows,
            );
            out.line("  * working title, not the document's own");
            out.line("  key actions box: the list that closes a chapter of the Communication");
            out.line("  with status events: actions with at least one dated, cited status event;");
            out.line("    for the others none was found, which does not mean nothing happened");
            out.line("");
            out.heading("Actions by the best source they cite");
            let mut rows: Vec<Vec<String>> = c
                .sections
                .iter()
                .map(|r| {
                    let (no, title) = label(r);
                    let mut row = vec![no, title];
                    row.extend(Verification::ALL.iter().map(|v| level(&r.best_level, *v)));
                    row
                })
                .collect();
            let mut total = vec![String::new(), "All sections".into()];
            total.extend(Verification::ALL.iter().map(|v| level(&t.best_level, *v)));
            rows.push(total);
            out.table(
                &[
                    "no.",
                    "section",
                    "official\ntext",
                    "copied\ntext",
                    "official\nsummary",
                    "secondary\nonly",
                ],
                rows,
            );
            out.line("  copied text: the official wording as reproduced by another site");
            out.line("");
            out.line(&c.summary_line());
        }
    }
}

pub fn overview(s: &Strategy, out: &mut Out) {
    let info = s.info();
    let d = s.dataset();
    out.heading(&format!(
        "{} — {} ({})",
        info.title, info.document_number, info.date
    ));
    out.line(&format!(
        "Data set {} as of {}: {} actions, {} actors, {} legal instruments, {} documents",
        d.version,
        d.as_of,
        s.action_list().len(),
        s.actors().len(),
        s.instruments().len(),
        s.documents().len()
    ));
    out.line("");
    out.heading("Overarching objectives");
    for o in s.objectives() {
        out.line(&format!("  {}. {}", o.number, o.title));
    }
    out.line("");
    out.heading("Guiding principles");
    for p in s.principles() {
        out.line(&format!("  {}. {}", p.number, p.title));
    }
    out.line("");
    out.heading("Sections");
    let st = s.stats();
    let rows = s
        .sections()
        .iter()
        .zip(&st.by_section)
        .map(|(sec, c)| {
            let indent = if sec.parent.is_some() { "  " } else { "" };
            let mark = if sec.number_confirmed { "" } else { "*" };
            vec![
                format!("{indent}{}{mark}", sec.number),
                format!("{indent}{}", sec.title),
                c.count.to_string(),
            ]
        })
        .collect();
    out.table(&["no.", "section", "actions"], rows);
    out.line("  * numbering not confirmed by a source");
    out.line("");
    out.heading(&format!("Due next (not yet delivered, as of {})", d.as_of));
    let next: Vec<&Action> = s.due_next(None).into_iter().take(10).collect();
    if next.is_empty() {
        out.line("  nothing dated is pending");
    } else {
        actions(s, &next, Format::Table, out);
    }
    let overdue = s.timeline(None);
    let n = overdue.with_progress(protecteu::Progress::Overdue).count();
    out.line(&format!(
        "Overdue as of {}: {n} action(s) — see `protecteu actions --status overdue`",
        d.as_of
    ));
    let p = s.provenance_stats();
    out.line(&format!(
        "Provenance: {} sources, {} cited facts ({} official text, {} reproduced text, {} official summary, {} secondary) — see `protecteu sources`",
        p.sources,
        p.facts,
        p.facts_by_level.get("official_text").copied().unwrap_or(0),
        p.facts_by_level.get("reproduced_text").copied().unwrap_or(0),
        p.facts_by_level.get("official_summary").copied().unwrap_or(0),
        p.facts_by_level.get("secondary_source").copied().unwrap_or(0),
    ));
    out.line(&format!("Data fingerprint (SHA-256): {}", s.fingerprint()));
    out.line(&format!(
        "{} — see `protecteu coverage`",
        s.coverage().summary_line()
    ));
}

/// Shows one entity; returns false (after telling stderr) when no entity has the id.
pub fn show(
    s: &Strategy,
    id: &str,
    kind: Option<EntityKind>,
    format: Format,
    out: &mut Out,
) -> Result<bool, Error> {
    let kinds = s.kinds_of(id);
    let kind = match kind {
        Some(k) => k,
        None => match kinds.first() {
            Some(k) => *k,
            None => {
                let hint = s
                    .suggest_any(id)
                    .map(|x| format!("; did you mean '{x}'?"))
                    .unwrap_or_default();
                eprintln!("error: unknown id '{id}'{hint}");
                return Ok(false);
            }
        },
    };
    let mut value: Value = match kind {
        EntityKind::Strategy => serde_json::to_value(s.info()),
        EntityKind::Objective => serde_json::to_value(s.objective(id)?),
        EntityKind::Principle => serde_json::to_value(s.principle(id)?),
        EntityKind::Section => serde_json::to_value(s.section(id)?),
        EntityKind::Theme => serde_json::to_value(s.theme(id)?),
        EntityKind::Threat => serde_json::to_value(s.threat(id)?),
        EntityKind::Action => serde_json::to_value(s.action(id)?),
        EntityKind::Actor => serde_json::to_value(s.actor(id)?),
        EntityKind::Instrument => serde_json::to_value(s.instrument(id)?),
        EntityKind::Document => serde_json::to_value(s.document(id)?),
        EntityKind::Figure => serde_json::to_value(s.figure(id)?),
        EntityKind::Source => serde_json::to_value(s.source(id)?),
    }
    .unwrap_or(Value::Null);
    let cites = s.citations_of(kind, id)?;
    if format != Format::Table {
        if let Value::Object(m) = &mut value {
            if kind == EntityKind::Source {
                let usage = s.source_usage(None);
                if let Some(u) = usage.iter().find(|u| u.source.id.as_str() == id) {
                    m.insert(
                        "levels".into(),
                        serde_json::to_value(&u.levels).unwrap_or_default(),
                    );
                    m.insert("facts".into(), Value::from(u.facts));
                }
            } else {
                // The entity, with its citations field by field: `{field, source, locator,
                // verification}` (status events as `status[i]`).
                m.insert(
                    "citations".into(),
                    serde_json::to_value(&cites).unwrap_or_default(),
                );
            }
        }
        out.json(&value);
        return Ok(true);
    }
    // The table view shows each field's citations under the field.
    if let Value::Object(m) = &mut value {
        m.remove("citations");
        if let Some(Value::Array(events)) = m.get_mut("status") {
            for e in events.iter_mut() {
                if let Value::Object(e) = e {
                    e.remove("citations");
                }
            }
        }
    }
    out.heading(&format!("{kind} {id}"));
    if kinds.len() > 1 {
        out.line(&format!(
            "(this id also names: {}; use --kind)",
            kinds
                .iter()
                .filter(|k| **k != kind)
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    print_fields(s, kind, &value, &cites, out);
    match kind {
        EntityKind::Action => {
            if let Ok(a) = s.action(id) {
                let status = s.current_status(a);
                out.line(&format!(
                    "  current status: {} ({})",
                    scalar(&serde_json::to_value(status).unwrap_or(Value::Null)),
                    scalar(&serde_json::to_value(s.progress_of(a, None)).unwrap_or(Value::Null))
                ));
                out.line(&format!("      means: {}", status.definition()));
                let docs = s.documents_of_action(id)?;
                if !docs.is_empty() {
                    out.line("  documents:");
                    for d in docs {
                        out.line(&format!(
                            "    {} {}",
                            d.id,
                            d.number.as_deref().unwrap_or(&d.title)
                        ));
                    }
                }
            }
        }
        EntityKind::Actor => related(&s.actions_of_actor(id)?, "actions (lead or involved)", out),
        EntityKind::Instrument => {
            related(&s.actions_on_instrument(id)?, "actions building on it", out)
        }
        EntityKind::Theme => related(&s.actions_in_theme(id)?, "actions", out),
        EntityKind::Threat => related(&s.actions_against_threat(id)?, "actions", out),
        EntityKind::Section => related(
            &s.actions_in_section(id, true)?,
            "actions (with subsections)",
            out,
        ),
        EntityKind::Document => related(&s.actions_delivered_by(id)?, "actions it delivers", out),
        EntityKind::Objective => related(&s.actions_for_objective(id)?, "actions", out),
        EntityKind::Source => {
            if let Some(u) = s
                .source_usage(None)
                .iter()
                .find(|u| u.source.id.as_str() == id)
            {
                let levels: Vec<String> = u.levels.iter().map(|l| words(*l)).collect();
                out.line(&format!(
                    "  cited by {} fact(s), at: {}",
                    u.facts,
                    if levels.is_empty() {
                        "(not cited)".to_owned()
                    } else {
                        levels.join(", ")
                    }
                ));
            }
        }
        _ => {}
    }
    Ok(true)
}

fn words<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

/// One line per citation: `source id (level), locator`.
fn citation_line(s: &Strategy, c: &FactCitation) -> String {
    let title = s
        .source(&c.source)
        .map(|x| x.publisher.clone())
        .unwrap_or_default();
    let mut line = format!("↳ {} [{}] ({})", c.source, words(c.verification), title);
    if let Some(l) = &c.locator {
        line.push_str(&format!(": {l}"));
    }
    line
}

/// The entity's fields, each followed by the citations that support it; a non-empty field no
/// source supports says so, rather than borrowing another field's sources.
fn print_fields(
    s: &Strategy,
    kind: EntityKind,
    value: &Value,
    cites: &[FactCitation],
    out: &mut Out,
) {
    let Value::Object(m) = value else {
        print_value(value, 1, out);
        return;
    };
    let citable = kind.citable_fields();
    for (k, x) in m {
        let one = serde_json::Map::from_iter([(k.clone(), x.clone())]);
        print_value(&Value::Object(one), 1, out);
        if k == "status" {
            if let Value::Array(events) = x {
                for i in 0..events.len() {
                    let field = format!("status[{i}]");
                    let lines: Vec<String> = cites
                        .iter()
                        .filter(|c| c.field == field)
                        .map(|c| citation_line(s, c))
                        .collect();
                    if lines.is_empty() {
                        out.line(&format!("      [{}] no source cited", i + 1));
                    }
                    for l in lines {
                        out.line(&format!("      [{}] {l}", i + 1));
                    }
                }
            }
            continue;
        }
        if !citable.contains(&k.as_str()) {
            continue;
        }
        let lines: Vec<String> = cites
            .iter()
            .filter(|c| c.field == *k)
            .map(|c| citation_line(s, c))
            .collect();
        let empty = matches!(x, Value::Null) || x.as_array().is_some_and(Vec::is_empty);
        let editorial =
            kind == EntityKind::Action && matches!(k.as_str(), "themes" | "threats" | "objectives");
        if lines.is_empty() && !empty && editorial {
            out.line("      (the data set's editors' classification; no source assigns it)");
        } else if lines.is_empty() && !empty {
            out.line("      (no source cited for this field)");
        }
        for l in lines {
            out.line(&format!("      {l}"));
        }
    }
    let whole: Vec<&FactCitation> = cites.iter().filter(|c| c.field == "*").collect();
    if !whole.is_empty() {
        out.line("  sources of the whole entry:");
        for c in whole {
            out.line(&format!("      {}", citation_line(s, c)));
        }
    }
}

/// The source registry with how each source is used.
pub fn sources(s: &Strategy, kind: Option<EntityKind>, format: Format, out: &mut Out) {
    let rows: Vec<Record> = s
        .source_usage(kind)
        .into_iter()
        .map(|u| {
            let mut r = Record::new();
            r.insert("id".into(), Value::String(u.source.id.to_string()));
            r.insert("title".into(), Value::String(u.source.title.clone()));
            r.insert(
                "url".into(),
                u.source.url.clone().map_or(Value::Null, Value::String),
            );
            r.insert(
                "publisher".into(),
                Value::String(u.source.publisher.clone()),
            );
            r.insert(
                "class".into(),
                serde_json::to_value(u.source.class).unwrap_or_default(),
            );
            r.insert(
                "levels".into(),
                serde_json::to_value(&u.levels).unwrap_or_default(),
            );
            r.insert("facts".into(), Value::from(u.facts));
            r
        })
        .collect();
    if format == Format::Table {
        out.heading(&format!("{} source(s)", rows.len()));
        // Titles and addresses are long: the table keeps what fits a terminal; json and csv
        // give every column, and `protecteu show ID` one source whole.
        let narrow: Vec<Record> = rows
            .into_iter()
            .map(|mut r| {
                r.remove("title");
                r.remove("url");
                r
            })
            .collect();
        records(&narrow, format, out);
        return;
    }
    records(&rows, format, out);
}

/// Cited facts per level and per publisher class, and the coverage of leads and timings.
pub fn provenance(p: &ProvenanceStats, out: &mut Out) {
    out.heading(&format!("{} cited facts, {} sources", p.facts, p.sources));
    let mut rows = Vec::new();
    for (k, n) in &p.facts_by_level {
        rows.push(vec!["level".to_owned(), k.clone(), n.to_string()]);
    }
    for (k, n) in &p.facts_by_class {
        rows.push(vec!["publisher class".to_owned(), k.clone(), n.to_string()]);
    }
    out.table(&["facts by", "key", "count"], rows);
    out.line(&format!(
        "lead cited: {}/{} actions; timing cited: {}/{} actions with a stated timing; status events cited: {}/{}",
        p.actions_citing_lead,
        p.actions_with_lead,
        p.actions_citing_timing,
        p.actions_with_stated_timing,
        p.status_events_cited,
        p.status_events
    ));
}

fn related(list: &[&Action], what: &str, out: &mut Out) {
    out.line(&format!("  {what}: {}", list.len()));
    for a in list {
        out.line(&format!("    {} — {}", a.id, a.title));
    }
}

fn print_value(v: &Value, depth: usize, out: &mut Out) {
    let pad = "  ".repeat(depth);
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x {
                    Value::Object(_) => {
                        out.line(&format!("{pad}{k}:"));
                        print_value(x, depth + 1, out);
                    }
                    Value::Array(items) if items.iter().any(Value::is_object) => {
                        out.line(&format!("{pad}{k}:"));
                        for (i, item) in items.iter().enumerate() {
                            out.line(&format!("{pad}  [{}]", i + 1));
                            print_value(item, depth + 2, out);
                        }
                    }
                    _ => out.line(&format!("{pad}{k}: {}", scalar(x))),
                }
            }
        }
        other => out.line(&format!("{pad}{}", scalar(other))),
    }
}
