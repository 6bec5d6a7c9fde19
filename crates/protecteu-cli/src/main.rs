//! `protecteu`: explore, validate and export the ProtectEU strategy model from a terminal.

mod output;
mod sqlite;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use protecteu::{
    parse_date, parse_period, ActionFilter, ActionKind, EntityKind, Error, ExportFormat, Progress,
    Status, Strategy, Vocabulary,
};

use crate::output::{Format, Out};

/// Explore ProtectEU, the European Internal Security Strategy (COM(2025) 148), from a terminal.
#[derive(Parser)]
#[command(name = "protecteu", version, about, long_about = None)]
struct Cli {
    /// Use the data set at PATH (a data directory or a canonical JSON file) instead of the
    /// embedded one.
    #[arg(long, global = true, value_name = "PATH")]
    data: Option<PathBuf>,

    /// Merge your own data files (a file or a directory) over the data set; repeatable,
    /// applied in order. New ids are added; an entry re-using an id must say `amends = true`.
    #[arg(long, global = true, value_name = "PATH")]
    overlay: Vec<PathBuf>,

    /// Fail (exit 1) unless the data's SHA-256 fingerprint is HEX (see `protecteu
    /// fingerprint`), so a script runs only on the exact data it was written against.
    #[arg(long, global = true, value_name = "HEX")]
    expect_fingerprint: Option<String>,

    #[command(subcommand)]
    command: Command,
}

// Parsed once per run: the size difference between variants costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Objectives, sections with their action counts, and what is due next.
    Overview,
    /// List actions, filtered (every filter given must match).
    Actions {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show one entity of any kind by id.
    Show {
        /// The id (ids are unique within a kind; use --kind when one id names several).
        id: String,
        /// Kind of entity (action, actor, instrument, ...).
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Ranked full-text search across every kind.
    Search {
        /// Words to look for.
        text: String,
        /// Most hits to show.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Actions grouped by due period, with delivered, due and overdue as of a date.
    Timeline {
        /// The date (YYYY-MM-DD or `today`; default: the data set's as-of date).
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Counts of actions by section, actor, kind and status.
    Stats {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The actors, with how many actions each leads or is involved in.
    Actors {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The legal instruments, with CELEX numbers and EUR-Lex links.
    Instruments {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The policy areas (themes), with their action counts.
    Themes {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The threats, with their action counts.
    Threats {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The key figures, with their sources.
    Figures {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The source registry: every source once, with its publisher class, the levels at which
    /// facts cite it and how many facts.
    Sources {
        /// Only sources cited by entities of this kind (actions, actors, ...).
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The SHA-256 fingerprint of the data (of its canonical JSON).
    Fingerprint,
    /// How far the data reaches, per section: whether its key-actions box was read, its
    /// actions by best source level, how many have dated status events, the newest event.
    Coverage {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// List the entities of one kind.
    List {
        /// objectives, principles, sections, themes, threats, actors, instruments, documents,
        /// figures or actions.
        kind: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Validate data sets; prints every problem as `file:line:col: CODE: message`.
    Validate {
        /// Data directories or files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export the model (formats: docs/INTERCHANGE.md).
    Export {
        /// json, jsonl, csv, markdown, dot, mermaid, jsonld, turtle or sqlite.
        #[arg(long, default_value = "json", value_parser = sqlite::target_parser())]
        format: sqlite::Target,
        /// Kind to export (jsonl and csv; csv needs it unless --out is given).
        #[arg(long)]
        kind: Option<String>,
        /// Write into this directory instead of standard output (csv: every table); for
        /// sqlite, the database file to write.
        #[arg(long, value_name = "DIR|FILE")]
        out: Option<PathBuf>,
        /// sqlite: also write Datasette metadata (titles, descriptions, licence, source) to
        /// FILE, for `datasette DB -m FILE`.
        #[arg(long, value_name = "FILE")]
        datasette_metadata: Option<PathBuf>,
    },
    /// Write the progress report: one self-contained HTML page (works offline, no server).
    Report {
        /// Write the page to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Read statuses on this date (YYYY-MM-DD or `today`; default: the data set's as-of
        /// date).
        #[arg(long)]
        as_of: Option<String>,
    },
    /// What changed between two data sets (paths, or `embedded`); --overlay applies to NEW.
    Diff {
        /// The old data set: a data directory, a canonical JSON file, or `embedded`.
        old: String,
        /// The new data set: a data directory, a canonical JSON file, or `embedded`.
        new: String,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    /// Lines for people: + added, - removed, ~ changed with its fields.
    Text,
    /// One JSON document.
    Json,
}

#[derive(clap::Args)]
struct FilterArgs {
    /// Section id (includes its subsections).
    #[arg(long)]
    section: Option<String>,
    /// Theme id.
    #[arg(long)]
    theme: Option<String>,
    /// Threat id.
    #[arg(long)]
    threat: Option<String>,
    /// Actor id, lead or involved.
    #[arg(long)]
    actor: Option<String>,
    /// Actor id, lead only.
    #[arg(long)]
    lead: Option<String>,
    /// Objective id.
    #[arg(long)]
    objective: Option<String>,
    /// Kind of action.
    #[arg(long, value_parser = vocab_parser::<ActionKind>())]
    kind: Option<ActionKind>,
    /// Status (announced, in_preparation, proposed, ...) or progress (delivered, due,
    /// overdue, open, withdrawn), as of --as-of.
    #[arg(long)]
    status: Option<String>,
    /// Date for --status (YYYY-MM-DD or `today`; default: the data set's as-of date).
    #[arg(long)]
    as_of: Option<String>,
    /// Due by the end of a period: 2026, 2026-H1 or 2026-Q2.
    #[arg(long)]
    due_by: Option<String>,
    /// Due inside a period: 2026, 2026-H1 or 2026-Q2.
    #[arg(long)]
    due_in: Option<String>,
    /// Legal instrument id.
    #[arg(long)]
    instrument: Option<String>,
    /// Words that must appear in the title, summary or notes.
    #[arg(long)]
    text: Option<String>,
}

/// A clap parser for a closed vocabulary of the core: its names are the possible values.
fn vocab_parser<T: Vocabulary + Send + Sync>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(T::names()).try_map(|text| T::parse_name(&text))
}

impl FilterArgs {
    fn to_filter(&self) -> Result<ActionFilter, Error> {
        let mut f = ActionFilter {
            section: self.section.clone(),
            theme: self.theme.clone(),
            threat: self.threat.clone(),
            actor: self.actor.clone(),
            lead: self.lead.clone(),
            objective: self.objective.clone(),
            kind: self.kind,
            instrument: self.instrument.clone(),
            text: self.text.clone(),
            ..ActionFilter::default()
        };
        if let Some(s) = &self.status {
            if let Ok(status) = Status::parse_name(s) {
                f.status = Some(status);
            } else if let Ok(progress) = Progress::parse_name(s) {
                f.progress = Some(progress);
            } else {
                return Err(Error::InvalidArgument {
                    name: "status".into(),
                    value: s.clone(),
                    expected: format!(
                        "a status ({}) or a progress ({})",
                        Status::names().join(", "),
                        Progress::names().join(", ")
                    ),
                });
            }
        }
        f.as_of = self.as_of.as_deref().map(parse_date).transpose()?;
        f.due_by = self.due_by.as_deref().map(parse_period).transpose()?;
        f.due_in = self.due_in.as_deref().map(parse_period).transpose()?;
        Ok(f)
    }
}

fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    // The version names the embedded data and its fingerprint, so a report can say exactly
    // which data it came from.
    let version = match protecteu::try_strategy() {
        Ok(s) => format!(
            "{} (data {} as of {}, fingerprint {})",
            env!("CARGO_PKG_VERSION"),
            s.dataset().version,
            s.dataset().as_of,
            s.fingerprint()
        ),
        Err(_) => env!("CARGO_PKG_VERSION").to_owned(),
    };
    let matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let mut out = Out::stdout();
    let code = match run(cli, &mut out) {
        Ok(code) => code,
        Err(e) => report(&e),
    };
    let _ = out.flush();
    code
}

/// Prints an error on stderr, one line per problem; returns the exit code.
fn report(e: &Error) -> ExitCode {
    match e {
        Error::Invalid(report) => {
            for p in &report.problems {
                eprintln!("{p}");
            }
            eprintln!("error: {} problem(s) found", report.problems.len());
            ExitCode::from(1)
        }
        Error::InvalidArgument { .. } => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        _ => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli, out: &mut Out) -> Result<ExitCode, Error> {
    if let Command::Validate { paths } = &cli.command {
        return Ok(validate(paths, out));
    }
    if let Command::Completions { shell } = &cli.command {
        let mut buf = Vec::new();
        clap_complete::generate(
            *shell,
            &mut <Cli as clap::CommandFactory>::command(),
            "protecteu",
            &mut buf,
        );
        out.text(&String::from_utf8_lossy(&buf));
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Diff { old, new, format } = &cli.command {
        let (old, new) = (load_named(old, &[])?, load_named(new, &cli.overlay)?);
        let d = old.diff(&new);
        out.text(&match format {
            DiffFormat::Text => d.to_text(),
            DiffFormat::Json => d.to_json(),
        });
        return Ok(ExitCode::SUCCESS);
    }
    let owned;
    let s: &Strategy = match &cli.data {
        Some(p) => {
            owned = Strategy::from_path(p)?;
            &owned
        }
        None => protecteu::try_strategy()?,
    };
    let merged;
    let s: &Strategy = match with_overlays(s, &cli.overlay)? {
        Some(m) => {
            merged = m;
            &merged
        }
        None => s,
    };
    if let Some(hex) = &cli.expect_fingerprint {
        s.expect_fingerprint(hex)?;
    }
    match cli.command {
        Command::Overview => output::overview(s, out),
        Command::Actions { filter, format } => {
            let f = filter.to_filter()?;
            let found = s.filter_actions(&f)?;
            output::actions(s, &found, format, out);
        }
        Command::Show { id, kind, format } => {
            let kind = kind.as_deref().map(str::parse::<EntityKind>).transpose()?;
            if !output::show(s, &id, kind, format, out)? {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Search {
            text,
            limit,
            format,
        } => output::search(&s.search(&text, limit), format, out),
        Command::Timeline { as_of, format } => {
            let as_of = as_of.as_deref().map(parse_date).transpose()?;
            output::timeline(&s.timeline(as_of), format, out);
        }
        Command::Stats { format } => output::stats(&s.stats(), &s.provenance_stats(), format, out),
        Command::Sources { kind, format } => {
            let kind = kind.as_deref().map(str::parse::<EntityKind>).transpose()?;
            output::sources(s, kind, format, out);
        }
        Command::Fingerprint => out.line(s.fingerprint()),
        Command::Coverage { format } => output::coverage(&s.coverage(), format, out),
        Command::Actors { format } => output::records(&s.records(EntityKind::Actor), format, out),
        Command::Instruments { format } => {
            output::records(&s.records(EntityKind::Instrument), format, out)
        }
        Command::Themes { format } => output::records(&s.records(EntityKind::Theme), format, out),
        Command::Threats { format } => output::records(&s.records(EntityKind::Threat), format, out),
        Command::Figures { format } => output::records(&s.records(EntityKind::Figure), format, out),
        Command::Completions { .. } => {}
        Command::List { kind, format } => {
            let kind = kind.parse::<EntityKind>()?;
            output::records(&s.records(kind), format, out);
        }
        Command::Validate { .. } => {}
        Command::Export {
            format,
            kind,
            out: dir,
            datasette_metadata,
        } => match format {
            sqlite::Target::Sqlite => sqlite::export(
                s,
                kind.as_deref(),
                dir.as_deref(),
                datasette_metadata.as_ref(),
                out,
            )?,
            sqlite::Target::Text(_) if datasette_metadata.is_some() => {
                return Err(Error::InvalidArgument {
                    name: "--datasette-metadata".into(),
                    value: String::new(),
                    expected: "--format sqlite (the metadata describes the database)".into(),
                })
            }
            sqlite::Target::Text(format) => {
                export(s, format, kind.as_deref(), dir.as_deref(), out)?
            }
        },
        Command::Diff { .. } => {}
        Command::Report { out: file, as_of } => {
            let as_of = as_of.as_deref().map(parse_date).transpose()?;
            let html = s.report_html(as_of);
            match file {
                Some(path) => std::fs::write(&path, html).map_err(|source| Error::Io {
                    path: path.display().to_string(),
                    source,
                })?,
                None => out.text(&html),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A data set by path, or the embedded one for `embedded`, with overlays merged over it.
fn load_named(name: &str, overlays: &[PathBuf]) -> Result<Strategy, Error> {
    let base = if name == "embedded" {
        protecteu::EMBEDDED_JSON.parse::<Strategy>()?
    } else {
        Strategy::from_path(name)?
    };
    Ok(with_overlays(&base, overlays)?.unwrap_or(base))
}

/// The data set with every overlay merged over it in order; `None` when there is none.
fn with_overlays(s: &Strategy, overlays: &[PathBuf]) -> Result<Option<Strategy>, Error> {
    let mut merged: Option<Strategy> = None;
    for p in overlays {
        merged = Some(merged.as_ref().unwrap_or(s).with_overlay(p)?);
    }
    Ok(merged)
}

fn export(
    s: &Strategy,
    format: ExportFormat,
    kind: Option<&str>,
    dir: Option<&std::path::Path>,
    out: &mut Out,
) -> Result<(), Error> {
    let kind = kind.map(str::parse::<EntityKind>).transpose()?;
    if format == ExportFormat::Csv && kind.is_none() && dir.is_none() {
        return Err(Error::InvalidArgument {
            name: "--kind".into(),
            value: String::new(),
            expected: "a kind for a csv export to standard output (e.g. --kind actions), or --out DIR for every table".into(),
        });
    }
    let files = s.export_files(format, kind)?;
    let Some(dir) = dir else {
        for f in files {
            out.text(&f.text);
        }
        return Ok(());
    };
    let io = |source| Error::Io {
        path: dir.display().to_string(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    for f in files {
        let path = dir.join(&f.name);
        std::fs::write(&path, f.text).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        out.line(&path.display().to_string());
    }
    Ok(())
}

fn validate(paths: &[PathBuf], out: &mut Out) -> ExitCode {
    let mut failed = false;
    for p in paths {
        match Strategy::from_path(p) {
            Ok(s) => out.line(&format!(
                "{}: valid ({} actions, {} actors, {} instruments, {} documents)",
                p.display(),
                s.action_list().len(),
                s.actors().len(),
                s.instruments().len(),
                s.documents().len()
            )),
            Err(e) => {
                failed = true;
                let _ = report(&e);
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
