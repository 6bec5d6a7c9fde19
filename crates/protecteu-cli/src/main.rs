//! `protecteu`: explore, validate and export the ProtectEU strategy model from a terminal.

mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use protecteu::{
    parse_date, parse_period, ActionFilter, ActionKind, EntityKind, Error, Progress, Status,
    Strategy,
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
    /// Export the model.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Kind to export (needed for csv).
        #[arg(long)]
        kind: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// Canonical JSON of the whole model.
    Json,
    /// One JSON record per line (needs --kind).
    Jsonl,
    /// Flat records of one kind (needs --kind).
    Csv,
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
    #[arg(long, value_parser = parse_enum::<ActionKind>)]
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

fn parse_enum<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.replace('-', "_")))
        .map_err(|_| format!("'{text}' is not a known value"))
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
            if let Ok(status) = parse_enum::<Status>(s) {
                f.status = Some(status);
            } else if let Ok(progress) = parse_enum::<Progress>(s) {
                f.progress = Some(progress);
            } else {
                return Err(Error::InvalidArgument {
                    name: "status".into(),
                    value: s.clone(),
                    expected: "a status (announced, in_preparation, in_progress, proposed, adopted, published, delivered, withdrawn) or a progress (delivered, due, overdue, open, withdrawn)".into(),
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
    let cli = Cli::parse();
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

fn kind_arg(text: &str) -> Result<EntityKind, Error> {
    EntityKind::parse(text).ok_or_else(|| Error::InvalidArgument {
        name: "kind".into(),
        value: text.into(),
        expected: "one of strategy, objectives, principles, sections, themes, threats, actions, actors, instruments, documents, figures".into(),
    })
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
    let owned;
    let s: &Strategy = match &cli.data {
        Some(p) => {
            owned = Strategy::from_path(p)?;
            &owned
        }
        None => protecteu::try_strategy()?,
    };
    match cli.command {
        Command::Overview => output::overview(s, out),
        Command::Actions { filter, format } => {
            let f = filter.to_filter()?;
            let found = s.filter_actions(&f)?;
            output::actions(s, &found, format, out);
        }
        Command::Show { id, kind, format } => {
            let kind = kind.as_deref().map(kind_arg).transpose()?;
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
        Command::Stats { format } => output::stats(&s.stats(), format, out),
        Command::Actors { format } => output::records(&s.records(EntityKind::Actor), format, out),
        Command::Instruments { format } => {
            output::records(&s.records(EntityKind::Instrument), format, out)
        }
        Command::Themes { format } => output::records(&s.records(EntityKind::Theme), format, out),
        Command::Threats { format } => output::records(&s.records(EntityKind::Threat), format, out),
        Command::Figures { format } => output::records(&s.records(EntityKind::Figure), format, out),
        Command::Completions { .. } => {}
        Command::List { kind, format } => {
            let kind = kind_arg(&kind)?;
            output::records(&s.records(kind), format, out);
        }
        Command::Validate { .. } => {}
        Command::Export { format, kind } => match format {
            ExportFormat::Json => out.text(&s.to_canonical_json()),
            ExportFormat::Jsonl | ExportFormat::Csv => {
                let Some(kind) = kind else {
                    return Err(Error::InvalidArgument {
                        name: "--kind".into(),
                        value: String::new(),
                        expected: "a kind for jsonl and csv exports (e.g. --kind actions)".into(),
                    });
                };
                let rows = s.records(kind_arg(&kind)?);
                let f = if matches!(format, ExportFormat::Csv) {
                    Format::Csv
                } else {
                    Format::Jsonl
                };
                output::records(&rows, f, out);
            }
        },
    }
    Ok(ExitCode::SUCCESS)
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
