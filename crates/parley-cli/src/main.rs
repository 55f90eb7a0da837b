//! `parley`: check records and print their statistics.
//!
//! ```text
//! parley check FILE…        exit 0 if every file parses, else print FILE:LINE:COL: message, exit 1
//! parley stats FILE [--json] counts of turns, words, notes and per speaker
//! parley dates FILE          the dates the notes refer to, as extracted, in the
//!                            reviewed-file format (a start for NAME.dates.toml)
//! parley html FILE           the record as one static HTML page (the viewer's
//!                            fallback: it links to `./` and `record.css`)
//! parley bundle FILE…        the records in the binary form compiled into the viewer,
//!                            on standard output (the build step weighs it)
//! parley text                the interface text compiled in (i18n/, PARLEY_LANG), as
//!                            JSON {"language": "en", "texts": {"section.key": "…"}}
//!                            for the build step that fills the loader and index.html
//! ```
//! A record's metadata file (`NAME.meta.toml` beside `NAME.txt`) is read when present.

use std::path::Path;
use std::process::ExitCode;

use parley_core::corpus::load_file;
use parley_core::stats::counts;
use parley_core::Document;
use serde::Serialize;

const USAGE: &str = "usage: parley check FILE…\n       parley stats FILE [--json]\n       parley dates FILE\n       parley html FILE\n       parley bundle FILE…\n       parley text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check(&args[1..]),
        Some("stats") => match &args[1..] {
            [file] => stats(file, false),
            [file, flag] | [flag, file] if flag == "--json" => stats(file, true),
            _ => usage(),
        },
        Some("dates") if args.len() == 2 => dates(&args[1]),
        Some("html") if args.len() == 2 => html(&args[1]),
        Some("text") if args.len() == 1 => text(),
        Some("bundle") if args.len() > 1 => bundle(&args[1..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}

/// Prints the record as the static page that `dist/record.html` holds.
fn html(file: &str) -> ExitCode {
    match load_file(Path::new(file)) {
        Ok(document) => {
            print!(
                "{}",
                parley_core::html::record_page(&document, "./", "record.css")
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in errors.0 {
                eprintln!("{error}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Writes the records as `build.rs` encodes them into the viewer, so that
/// `scripts/postbuild.mjs` can tell the data's share of the WebAssembly.
fn bundle(files: &[String]) -> ExitCode {
    let mut documents = Vec::new();
    for file in files {
        match load_file(Path::new(file)) {
            Ok(document) => documents.push(document),
            Err(errors) => {
                for error in errors.0 {
                    eprintln!("{error}");
                }
                return ExitCode::FAILURE;
            }
        }
    }
    let bytes = parley_core::bundle::encode(&documents);
    match std::io::Write::write_all(&mut std::io::stdout().lock(), &bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parley bundle: cannot write: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Prints the interface text for `scripts/postbuild.mjs`.
fn text() -> ExitCode {
    let texts: serde_json::Map<String, serde_json::Value> = parley_core::text::TEXTS
        .iter()
        .map(|&(key, text)| (key.to_string(), text.into()))
        .collect();
    let table = serde_json::json!({ "language": parley_core::text::LANGUAGE, "texts": texts });
    println!("{table}");
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn check(files: &[String]) -> ExitCode {
    let mut ok = true;
    for file in files {
        if let Err(errors) = load_file(Path::new(file)) {
            ok = false;
            for error in errors.0 {
                println!("{error}");
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The JSON shape of `parley stats --json`.
#[derive(Serialize)]
struct StatsJson<'a> {
    file: &'a str,
    title: String,
    date: String,
    turns: usize,
    words: usize,
    footnotes: usize,
    stage_directions: usize,
    lacunae: usize,
    speakers: Vec<SpeakerJson<'a>>,
    present_silent: Vec<&'a str>,
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    id: &'a str,
    label: &'a str,
    name: &'a str,
    delegation: Option<&'a str>,
    present: bool,
    direct_turns: usize,
    reported_turns: usize,
    words: usize,
    share: f64,
}

fn stats_json(document: &Document) -> StatsJson<'_> {
    let counts = counts(document);
    let speakers = counts
        .speakers()
        .map(|c| {
            let person = &document.people[c.person];
            SpeakerJson {
                id: &person.id,
                label: person.label.as_deref().unwrap_or_default(),
                name: &person.name,
                delegation: person
                    .delegation
                    .map(|d| document.delegations[d].name.as_str()),
                present: person.is_present(),
                direct_turns: c.tally.direct_turns,
                reported_turns: c.tally.reported_turns,
                words: c.tally.words,
                share: (c.tally.share * 10_000.0).round() / 10_000.0,
            }
        })
        .collect();
    let present_silent = document
        .people
        .iter()
        .enumerate()
        .filter(|(i, p)| p.is_present() && !document.speaks(*i))
        .map(|(_, p)| p.name.as_str())
        .collect();
    StatsJson {
        file: &document.source_name,
        title: parley_core::model::plain_text(&document.title.inlines),
        date: document.date.iso(),
        turns: counts.turns,
        words: counts.words,
        footnotes: counts.footnotes,
        stage_directions: counts.stage_directions,
        lacunae: counts.lacunae,
        speakers,
        present_silent,
    }
}

fn stats(file: &str, json: bool) -> ExitCode {
    let document = match load_file(Path::new(file)) {
        Ok(document) => document,
        Err(errors) => {
            println!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let report = stats_json(&document);
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("parley: cannot write JSON: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        println!("{} ({})", report.title, report.date);
        println!(
            "{} turns, {} words, {} notes, {} stage directions, {} lacunae",
            report.turns, report.words, report.footnotes, report.stage_directions, report.lacunae
        );
        println!(
            "{:<24} {:>7} {:>9} {:>7} {:>7}",
            "speaker", "direct", "reported", "words", "share"
        );
        for s in &report.speakers {
            let flag = if s.present { "" } else { " (not in Present)" };
            println!(
                "{:<24} {:>7} {:>9} {:>7} {:>6.1}%{flag}",
                s.name,
                s.direct_turns,
                s.reported_turns,
                s.words,
                s.share * 100.0
            );
        }
        if !report.present_silent.is_empty() {
            println!("present, silent: {}", report.present_silent.join(", "));
        }
    }
    ExitCode::SUCCESS
}

/// Prints the dates extracted from the notes as `[[event]]` tables of a reviewed dates file.
fn dates(file: &str) -> ExitCode {
    let document = match load_file(Path::new(file)) {
        Ok(document) => document,
        Err(errors) => {
            println!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let quote = |text: &str| serde_json::to_string(text).unwrap_or_default();
    println!("# Dates extracted from the notes of {file}; review each before keeping it.");
    for reference in parley_core::dates::extract(&document) {
        println!("\n[[event]]");
        println!("label = {}", quote(&reference.label));
        println!("start = \"{}\"", reference.start);
        if let Some(end) = reference.end {
            println!("end = \"{end}\"");
        }
        println!("source = \"{}\"", reference.source);
        println!("quote = {}", quote(&reference.quote));
        if let Some(turn) = reference.turn {
            println!("turn = {turn}");
        }
    }
    ExitCode::SUCCESS
}
