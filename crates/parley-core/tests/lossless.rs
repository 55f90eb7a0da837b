//! The lossless property: every non-blank character of the source is in the
//! model, in order. [`Document::to_source_text`] writes the model back out and
//! the non-blank characters of both texts must be equal.

use std::path::Path;

use parley_core::corpus::load_file;
use parley_core::stats::counts;
use parley_core::{parse, Metadata};
use proptest::prelude::*;

fn non_blank(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

const RECORD: &str = include_str!("../../../transcripts/1958-08-02-third-conversation.txt");

#[test]
fn the_real_record_is_lossless() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../transcripts/1958-08-02-third-conversation.txt");
    let document = load_file(&path).map_err(|e| e.to_string());
    let written = document.map(|d| non_blank(&d.to_source_text()));
    assert_eq!(written, Ok(non_blank(RECORD)));
}

/// Marks where a note reference goes; numbered in order of appearance later.
const REF: &str = "\u{1}";

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec![
            "the", "peace", "Moscow", "it’s", "half-time", "“bacteria”", "–", "café", "4,700",
            "U.S.", "and", "war", "Zaporozhians,", "vis-à-vis", "(sic)", "no.", "“Two", "Chinas.”",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec!["[ustranenie]", "[?]", "[party]", "[this is a typo – trans.]"]).prop_map(str::to_string),
        1 => Just(REF.to_string()),
    ]
}

/// Words joined by a space, a non-breaking space or a line break (a wrapped paragraph).
/// A paragraph never opens with a note reference: `[n]` at the start of a paragraph opens the notes.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            word(),
            prop::sample::select(vec![" ", " ", " ", "\u{a0}", "\n", "  "]),
        ),
        1..12,
    )
    .prop_map(|words| {
        let mut out = String::from("so");
        for (word, gap) in &words {
            out.push_str(gap);
            out.push_str(word);
        }
        out
    })
}

/// One speaker turn: who, direct or reported, its text, continuations, and what precedes it.
#[derive(Debug, Clone)]
struct TurnSpec {
    speaker: usize,
    direct: bool,
    text: String,
    continuations: Vec<String>,
    lacuna_before: bool,
    stage_before: bool,
}

fn turn() -> impl Strategy<Value = TurnSpec> {
    (
        0..4usize,
        any::<bool>(),
        text(),
        prop::collection::vec(text(), 0..3),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(speaker, direct, text, continuations, lacuna_before, stage_before)| TurnSpec {
                speaker,
                direct,
                text,
                continuations,
                lacuna_before,
                stage_before,
            },
        )
}

const NAMES: [&str; 4] = ["Mao Zedong", "Khrushchev", "Zhou Enlai", "Chen Yi"];
const LABELS: [&str; 4] = ["MAO ZEDONG", "N.S. KHRUSHCHEV", "ZHOU ENLAI", "CHEN YI"];

/// A valid record built from the specs, with every reference numbered and given a note.
fn record(turns: &[TurnSpec], trailing_spaces: bool) -> (String, usize) {
    let pad = if trailing_spaces { "  " } else { "" };
    let mut out = format!("August 2, 1958\n\nA Conversation{REF}\n\nPresent:\n\nCdes. {}, {};{pad}\n\nCdes. {}, {}.\n\n", NAMES[1], NAMES[0], NAMES[2], NAMES[3]);
    for (i, turn) in turns.iter().enumerate() {
        if turn.stage_before {
            out.push_str("Following a break\n\n");
        } else if turn.lacuna_before && i > 0 {
            out.push('\n');
        }
        let sep = if turn.direct { ". " } else { " says that " };
        out.push_str(&format!(
            "{}{sep}{}{pad}\n\n",
            LABELS[turn.speaker], turn.text
        ));
        for continuation in &turn.continuations {
            out.push_str(&format!("{continuation}\n\n"));
        }
    }
    out.push_str("Conversation transcribed by\n\nN. Fedorenko\n\nRGANI. Collection 52.\n\n");
    let mut numbered = String::new();
    let mut notes = 0;
    for (i, piece) in out.split(REF).enumerate() {
        if i > 0 {
            notes += 1;
            numbered.push_str(&format!("[{notes}]"));
        }
        numbered.push_str(piece);
    }
    for n in 1..=notes {
        numbered.push_str(&format!("[{n}] Note {n}.\n\n"));
    }
    (numbered, notes)
}

/// Metadata declaring the stage direction when the record uses it (an unused one is an error).
fn stage_meta(turns: &[TurnSpec]) -> Metadata {
    if turns.iter().any(|t| t.stage_before) {
        Metadata::parse(
            "gen.meta.toml",
            "stage_directions = [\"Following a break\"]\n",
        )
        .unwrap_or_default()
    } else {
        Metadata::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_records_are_lossless(turns in prop::collection::vec(turn(), 1..25), trailing in any::<bool>(), crlf in any::<bool>()) {
        let (mut source, notes) = record(&turns, trailing);
        if crlf {
            source = source.replace('\n', "\r\n");
        }
        let document = parse("gen.txt", &source, &stage_meta(&turns));
        let document = match document {
            Ok(document) => document,
            Err(errors) => return Err(TestCaseError::fail(format!("{errors}\n---\n{source}"))),
        };
        prop_assert_eq!(non_blank(&document.to_source_text()), non_blank(&source));
        let c = counts(&document);
        prop_assert_eq!(c.turns, turns.len());
        prop_assert_eq!(c.footnotes, notes);
        prop_assert_eq!(c.stage_directions, turns.iter().filter(|t| t.stage_before).count());
        let lacunae = turns.iter().enumerate().filter(|(i, t)| *i > 0 && t.lacuna_before && !t.stage_before).count();
        prop_assert_eq!(c.lacunae, lacunae);
    }

    /// Damaged copies of the real record never panic; when one still parses, it is lossless.
    #[test]
    fn damaged_records_never_panic(start in 0..RECORD.len(), len in 0..400usize, insert in "[\\[\\]\\n .A-Z0-9a-z]{0,8}") {
        let mut bytes = RECORD.as_bytes().to_vec();
        let end = (start + len).min(bytes.len());
        bytes.splice(start..end, insert.bytes());
        let meta = Metadata::default();
        if let Ok(document) = parley_core::parse_bytes("damaged.txt", &bytes, &meta) {
            let source = String::from_utf8_lossy(&bytes);
            prop_assert_eq!(non_blank(&document.to_source_text()), non_blank(&source));
        }
    }
}
