//! A tour of the embedded ProtectEU model: `cargo run -p protecteu-examples --bin quickstart`.

use protecteu::{ActionKind, Progress};

fn main() -> protecteu::Result<()> {
    let s = protecteu::try_strategy()?;
    let d = s.dataset();
    println!(
        "{} ({}), data set {} as of {}",
        s.info().title,
        s.info().document_number,
        d.version,
        d.as_of
    );

    println!("\nActions involving Europol, due by the end of 2026:");
    for a in s.actions().by_actor("europol").due_by(2026).run()? {
        println!("  {:<40} {}", a.id, a.title);
    }

    println!("\nLegislative revisions and where they stand:");
    for a in s.actions().kind(ActionKind::Revision).run()? {
        println!("  {:<40} {:?}", a.id, s.current_status(a));
    }

    println!("\nOverdue as of {}:", d.as_of);
    for e in s.timeline(None).with_progress(Progress::Overdue) {
        println!("  {} (due {})", e.action.id, e.action.timing.text);
    }

    println!("\nWhat the strategy says about encryption:");
    for hit in s.search("encryption", 5) {
        println!(
            "  {:>5.1}  {} {}: {}",
            hit.score, hit.kind, hit.id, hit.title
        );
    }

    println!("\nLaws the drug-trafficking actions build on:");
    let mut laws: Vec<&str> = s
        .actions()
        .theme("drug-trafficking")
        .run()?
        .iter()
        .flat_map(|a| a.instruments.iter().map(|i| i.as_str()))
        .collect();
    laws.sort_unstable();
    laws.dedup();
    for id in laws {
        let law = s.instrument(id)?;
        println!("  {} ({})", law.number, law.short_title);
    }

    // A typo gets a suggestion.
    if let Err(e) = s.actor("europl") {
        println!("\n{e}");
    }
    Ok(())
}
