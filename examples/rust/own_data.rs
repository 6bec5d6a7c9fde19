//! Load and validate a data set of your own:
//! `cargo run -p protecteu-examples --bin own-data -- data/protecteu-2025`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: own-data PATH (a data directory or a canonical JSON file)");
        return ExitCode::from(2);
    };
    match protecteu::Strategy::from_path(&path) {
        Ok(s) => {
            println!(
                "{path}: {} actions, {} actors; as of {}",
                s.action_list().len(),
                s.actors().len(),
                s.dataset().as_of
            );
            ExitCode::SUCCESS
        }
        Err(protecteu::Error::Invalid(report)) => {
            for p in &report.problems {
                eprintln!("{p}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
