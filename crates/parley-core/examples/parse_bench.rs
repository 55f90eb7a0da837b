//! Parse-time benchmark: the real record, and synthetic records made by
//! repeating its dialogue 10× and 100× (to show the parser scales linearly).
//!
//! `cargo run --release -p parley-core --example parse_bench`

use std::path::Path;
use std::time::{Duration, Instant};

use parley_core::corpus::metadata_path;
use parley_core::{parse, Metadata};

const RECORD: &str = "transcripts/1958-08-02-third-conversation.txt";

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
        "{:>6} {:>12} {:>12} {:>10}",
        "scale", "bytes", "median", "MB/s"
    );
    for times in [1, 10, 100] {
        let source = scaled(&text, times);
        let runs = if times == 100 { 7 } else { 51 };
        let samples: Vec<Duration> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                let parsed = parse("bench.txt", &source, &meta);
                let elapsed = started.elapsed();
                assert!(parsed.is_ok(), "{:?}", parsed.err());
                elapsed
            })
            .collect();
        let m = median(samples);
        let rate = source.len() as f64 / m.as_secs_f64() / 1e6;
        println!(
            "{:>5}× {:>12} {:>10.2?} {:>10.1}",
            times,
            source.len(),
            m,
            rate
        );
    }
}
