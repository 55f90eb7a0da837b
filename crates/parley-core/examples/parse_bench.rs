//! Benchmark of the core: parsing, and the work behind a topic toggle and a
//! search keystroke (decide every turn, count every topic chip and hit), on the real
//! record and on synthetic records made by repeating its dialogue 10×, 100× and
//! 140× (about 10 MB, to show parsing stays linear).
//!
//! `cargo run --release -p parley-core --example parse_bench`

use std::path::Path;
use std::time::{Duration, Instant};

use parley_core::corpus::metadata_path;
use parley_core::filter::Selection;
use parley_core::search::{Query, SearchIndex};
use parley_core::topics::suggest;
use parley_core::{parse, Document, Metadata};

const RECORD: &str = "transcripts/1958-08-02-third-conversation.txt";

/// What the viewer does on a change of selection: decide every turn, count
/// every chip and every hit, in one pass.
fn time_query(document: &Document, search: &SearchIndex, selection: &Selection) -> Duration {
    let started = Instant::now();
    std::hint::black_box(selection.evaluate(document, search));
    started.elapsed()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The record with its dialogue (between the "Present" lists and
/// "Conversation transcribed by") repeated `times` times.
fn scaled(text: &str, times: usize) -> String {
    let start = text.find("\nMAO ZEDONG speaks briefly").unwrap_or(0);
    let end = text
        .find("\nConversation transcribed by")
        .unwrap_or(text.len());
    let (head, body, tail) = (&text[..start], &text[start..end], &text[end..]);
    // Repeated note references are allowed; every note stays referenced.
    format!("{head}{}{tail}", body.repeat(times))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = root.join(RECORD);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{RECORD}: {e}"));
    let meta_text = std::fs::read_to_string(metadata_path(&path)).unwrap_or_default();
    let meta = Metadata::parse("meta", &meta_text).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "{:>6} {:>10} {:>8} {:>11} {:>8} {:>11} {:>13} {:>13} {:>13}",
        "scale",
        "bytes",
        "turns",
        "parse",
        "MB/s",
        "index",
        "topic toggle",
        "\"cucumber\"",
        "\"c\""
    );
    // 140× is about 10 MB.
    for times in [1, 10, 100, 140] {
        let source = scaled(&text, times);
        let runs = if times >= 100 { 7 } else { 51 };
        let mut document = None;
        let parse_time = median(
            (0..runs)
                .map(|_| {
                    let started = Instant::now();
                    let parsed = parse("bench.txt", &source, &meta);
                    let elapsed = started.elapsed();
                    document = Some(parsed.unwrap_or_else(|e| panic!("{e}")));
                    elapsed
                })
                .collect(),
        );
        let Some(mut document) = document else {
            continue;
        };
        document.topics = suggest(&document);
        let started = Instant::now();
        let search = SearchIndex::new(&document);
        let index_time = started.elapsed();
        // The median time of what the viewer computes for this selection.
        let query_time = |selection: Selection| {
            median(
                (0..runs)
                    .map(|_| time_query(&document, &search, &selection))
                    .collect(),
            )
        };
        let search_for = |text: &str| Selection {
            query: Query::parse(text),
            ..Selection::default()
        };
        let toggle_time = query_time(Selection {
            topics: 1,
            ..Selection::default()
        });
        let key_time = query_time(search_for("cucumber"));
        let letter_time = query_time(search_for("c"));
        let rate = source.len() as f64 / parse_time.as_secs_f64() / 1e6;
        println!(
            "{:>5}× {:>10} {:>8} {:>11.2?} {:>8.1} {:>11.2?} {:>13.2?} {:>13.2?} {:>13.2?}",
            times,
            source.len(),
            document.turns().count(),
            parse_time,
            rate,
            index_time,
            toggle_time,
            key_time,
            letter_time
        );
    }
}
