//! `protecteu-synth`: writes a synthetic data set (canonical JSON) at a scale factor.
//!
//! ```text
//! protecteu-synth --scale 100 [--seed 99362341] [--out FILE]
//! ```
//! Without `--out` the JSON goes to standard output. Exit code 2 on a usage error.

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: protecteu-synth --scale N [--seed S] [--out FILE]";

fn main() -> ExitCode {
    let mut scale: Option<usize> = None;
    let mut seed = protecteu_synth::DEFAULT_SEED;
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let ok = match (arg.as_str(), value) {
            ("--scale", Some(v)) => v.parse().map(|n| scale = Some(n)).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|n| seed = n).is_ok(),
            ("--out", Some(v)) => {
                out = Some(v);
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    }
    let Some(scale) = scale else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let json = protecteu_synth::generate_from_embedded(scale, seed);
    let written = match out {
        Some(path) => std::fs::write(&path, json.as_bytes()),
        None => std::io::stdout().lock().write_all(json.as_bytes()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("protecteu-synth: {e}");
            ExitCode::FAILURE
        }
    }
}
