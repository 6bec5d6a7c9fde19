//! `protecteu export --format sqlite`: the database file and its Datasette metadata.

use std::path::{Path, PathBuf};

use protecteu::{Error, ExportFormat, Strategy, Vocabulary};

use crate::output::Out;

/// What `export --format` names: a text format of the core, or the SQLite database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// One of the core's text formats.
    Text(ExportFormat),
    /// A SQLite database file.
    Sqlite,
}

/// The `--format` parser: every text format of the core, then `sqlite`.
pub(crate) fn target_parser() -> impl clap::builder::TypedValueParser<Value = Target> {
    use clap::builder::TypedValueParser;
    let mut names = ExportFormat::names();
    names.push("sqlite".into());
    clap::builder::PossibleValuesParser::new(names).try_map(|text| {
        if text == "sqlite" {
            Ok(Target::Sqlite)
        } else {
            ExportFormat::parse_name(&text).map(Target::Text)
        }
    })
}

fn usage(name: &str, value: &str, expected: &str) -> Error {
    Error::InvalidArgument {
        name: name.into(),
        value: value.into(),
        expected: expected.into(),
    }
}

/// Writes the database to `file` and, when asked, the Datasette metadata to `metadata`.
pub(crate) fn export(
    s: &Strategy,
    kind: Option<&str>,
    file: Option<&Path>,
    metadata: Option<&PathBuf>,
    out: &mut Out,
) -> Result<(), Error> {
    if let Some(k) = kind {
        return Err(usage(
            "--kind",
            k,
            "no kind: a sqlite export holds every table",
        ));
    }
    let Some(file) = file else {
        return Err(usage(
            "--out",
            "",
            "a file for the database, e.g. --out protecteu.sqlite",
        ));
    };
    s.export_sqlite(file)?;
    out.line(&file.display().to_string());
    if let Some(m) = metadata {
        // Datasette names a database after its file, without the extension.
        let name = file
            .file_stem()
            .map_or_else(|| "protecteu".into(), |n| n.to_string_lossy());
        std::fs::write(m, s.datasette_metadata(&name)).map_err(|e| Error::Write {
            path: m.display().to_string(),
            details: e.to_string(),
        })?;
        out.line(&m.display().to_string());
    }
    Ok(())
}
