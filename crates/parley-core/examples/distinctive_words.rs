//! Prints each speaker's most distinctive words in a record.
//!
//! `cargo run --release -p parley-core --example distinctive_words -- transcripts/FILE.txt`

use std::path::Path;

use parley_core::corpus::load_file;
use parley_core::distinctive::distinctive_words;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: distinctive_words FILE");
        std::process::exit(2);
    };
    let document = load_file(Path::new(&path)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    for (person, words) in document
        .people
        .iter()
        .zip(distinctive_words(&document, |_| true, 12))
    {
        if !words.is_empty() {
            let list: Vec<String> = words
                .iter()
                .map(|w| format!("{} {} ({:.1})", w.word, w.count, w.z))
                .collect();
            println!("{}: {}", person.name, list.join(", "));
        }
    }
}
