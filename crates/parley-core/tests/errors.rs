//! Malformed records and metadata files ⇒ error kind, line and column.
//!
//! Each case edits the minimal valid fixture; positions were worked out by
//! hand from the fixture (see the line numbers in the comments).

use parley_core::{parse_bytes, ErrorKind, Metadata, ParseError};

const MINIMAL: &str = include_str!("fixtures/minimal.txt");
// Line 11: "MAO ZEDONG. Welcome to Beijing.[1]"           ("[" at column 32)
// Line 13: "N.S. KHRUSHCHEV says that he is glad [?] to come." ("[" at column 38)
// Line 23: "[1] The airport is in Beijing."  (last line; the file ends with a newline)

fn edit(from: &str, to: &str) -> Vec<u8> {
    edits(&[(from, to)])
}

/// The fixture with each `(from, to)` replacement made once, in order.
fn edits(pairs: &[(&str, &str)]) -> Vec<u8> {
    let mut text = MINIMAL.to_string();
    for (from, to) in pairs {
        assert!(text.contains(from), "fixture lacks {from:?}");
        text = text.replacen(from, to, 1);
    }
    text.into_bytes()
}

/// The first error reported, or `None` if the input parses.
fn first_error(input: &[u8], meta: &str) -> Option<ParseError> {
    let meta = match Metadata::parse("x.meta.toml", meta) {
        Ok(meta) => meta,
        Err(error) => return Some(error),
    };
    parse_bytes("x.txt", input, &meta)
        .err()
        .and_then(|errors| errors.0.first().cloned())
}

type Case = (
    &'static str,
    Vec<u8>,
    &'static str,
    fn(&ErrorKind) -> bool,
    u32,
    u32,
);

#[test]
fn minimal_fixture_parses() {
    let result = parse_bytes("x.txt", MINIMAL.as_bytes(), &Metadata::default());
    assert!(result.is_ok(), "{:?}", result.err());
}

#[test]
fn malformed_records() {
    let cases: Vec<Case> = vec![
        (
            "empty file",
            Vec::new(),
            "",
            |k| *k == ErrorKind::Empty,
            1,
            1,
        ),
        (
            "blank file",
            b"\n  \n\t\n".to_vec(),
            "",
            |k| *k == ErrorKind::Empty,
            1,
            1,
        ),
        (
            "control character",
            edit("Welcome", "Wel\u{7}come"),
            "",
            |k| *k == ErrorKind::ControlCharacter('\u{7}'),
            11,
            16,
        ),
        (
            "bad date",
            edit("July 31, 1958", "July 32, 1958"),
            "",
            |k| matches!(k, ErrorKind::BadDate(t) if t == "July 32, 1958"),
            1,
            1,
        ),
        (
            "no Present heading",
            edit("Present:", "Attending:"),
            "",
            |k| matches!(k, ErrorKind::Missing(_)),
            24,
            1,
        ),
        (
            "list without Cdes.",
            edit("Cdes. Khrushchev", "Comrades Khrushchev"),
            "",
            |k| *k == ErrorKind::BadPresentList,
            7,
            1,
        ),
        (
            "empty name in a Present list (found by the fuzzer)",
            edit(
                "Cdes. Khrushchev, Malinovsky;",
                "Cdes. Khrushchev, , Malinovsky;",
            ),
            "",
            |k| *k == ErrorKind::EmptyPresentName,
            7,
            17,
        ),
        (
            "comma before the closing mark of a Present list",
            edit(
                "Cdes. Mao Zedong, Zhou Enlai.",
                "Cdes. Mao Zedong, Zhou Enlai, .",
            ),
            "",
            |k| *k == ErrorKind::EmptyPresentName,
            9,
            29,
        ),
        (
            "extra header line",
            edit("Present:", "Beijing\n\nGuests\n\nPresent:"),
            "",
            |k| matches!(k, ErrorKind::Missing(_)),
            7,
            1,
        ),
        (
            "empty speaker label",
            edit("MAO ZEDONG. Welcome", ". Welcome"),
            "",
            |k| *k == ErrorKind::EmptySpeakerLabel,
            11,
            1,
        ),
        (
            "label not upper case",
            edit("MAO ZEDONG. Welcome", "Mao Zedong. Welcome"),
            "",
            |k| matches!(k, ErrorKind::LabelNotUpperCase { label, expected } if label == "Mao Zedong" && expected == "MAO ZEDONG"),
            11,
            1,
        ),
        (
            "label with no speech",
            edit("MAO ZEDONG. Welcome to Beijing.[1]", "MAO ZEDONG."),
            "",
            |k| matches!(k, ErrorKind::EmptySpeech { .. }),
            11,
            11,
        ),
        (
            "label alone",
            edit("MAO ZEDONG. Welcome to Beijing.[1]", "MAO ZEDONG"),
            "",
            |k| matches!(k, ErrorKind::EmptySpeech { .. }),
            11,
            11,
        ),
        (
            "paragraph before any turn",
            edit("MAO ZEDONG. Welcome", "Some text.\n\nMAO ZEDONG. Welcome"),
            "",
            |k| *k == ErrorKind::ParagraphWithoutSpeaker,
            11,
            1,
        ),
        (
            "unclosed bracket",
            edit("[?] to", "[? to"),
            "",
            |k| *k == ErrorKind::UnclosedBracket,
            13,
            38,
        ),
        (
            "stray closing bracket",
            edit("[?] to", "?] to"),
            "",
            |k| *k == ErrorKind::UnmatchedClosingBracket,
            13,
            39,
        ),
        (
            "nested bracket",
            edit("[?]", "[a [b] c]"),
            "",
            |k| *k == ErrorKind::NestedBracket,
            13,
            41,
        ),
        (
            "empty bracket",
            edit("[?]", "[ ]"),
            "",
            |k| *k == ErrorKind::EmptyBracket,
            13,
            38,
        ),
        (
            "note number zero",
            edit("[?]", "[0]"),
            "",
            |k| matches!(k, ErrorKind::BadNoteNumber(n) if n == "0"),
            13,
            39,
        ),
        (
            "reference with no note",
            edit("Beijing.[1]", "Beijing.[1][2]"),
            "",
            |k| *k == ErrorKind::NoteRefWithoutNote(2),
            11,
            35,
        ),
        (
            "duplicate note",
            format!("{MINIMAL}\n[1] Again.\n").into_bytes(),
            "",
            |k| {
                *k == ErrorKind::DuplicateNote {
                    number: 1,
                    first_line: 23,
                }
            },
            25,
            1,
        ),
        (
            "missing note number",
            edits(&[("[1] The", "[2] The"), ("Beijing.[1]", "Beijing.[2]")]),
            "",
            |k| {
                *k == ErrorKind::MissingNote {
                    expected: 1,
                    found: 2,
                }
            },
            23,
            1,
        ),
        (
            "note never referenced",
            edit("Beijing.[1]", "Beijing."),
            "",
            |k| *k == ErrorKind::NoteNeverReferenced(1),
            23,
            1,
        ),
        (
            "no 'transcribed by'",
            edit("Conversation transcribed by\n\n", ""),
            "",
            |k| matches!(k, ErrorKind::Missing(_)),
            21,
            1,
        ),
        (
            "no citation",
            edit("RGANI. Collection 52.\n\n", ""),
            "",
            |k| *k == ErrorKind::MissingCitation,
            17,
            1,
        ),
        (
            "related document cut short",
            format!("{MINIMAL}\nRelated Documents\n\nJuly 31, 1958\n\nA title\n").into_bytes(),
            "",
            |k| *k == ErrorKind::IncompleteRelatedDocument,
            27,
            1,
        ),
        (
            "related document without date",
            format!("{MINIMAL}\nRelated Documents\n\nSoon\n\nA title\n\nA summary.\n").into_bytes(),
            "",
            |k| matches!(k, ErrorKind::BadDate(t) if t == "Soon"),
            27,
            1,
        ),
    ];
    check_all(cases);
}

#[test]
fn bytes_that_are_not_utf8() {
    let mut bytes = MINIMAL.as_bytes().to_vec();
    let at = MINIMAL.find("Airport").map_or(0, |i| i + 3);
    bytes.insert(at, 0xFF);
    let error = first_error(&bytes, "").map(|e| (e.kind, e.line, e.column));
    assert_eq!(error, Some((ErrorKind::NotUtf8, 3, 24)));
}

#[test]
fn malformed_metadata() {
    let record = MINIMAL.as_bytes().to_vec();
    let cases: Vec<Case> = vec![
        ("TOML syntax", record.clone(), "stage_directions = [\n", |k| matches!(k, ErrorKind::Metadata(_)), 1, 21),
        ("unknown key", record.clone(), "colour = 1\n", |k| matches!(k, ErrorKind::Metadata(m) if m.contains("colour")), 1, 1),
        ("stage direction not in the text", record.clone(), "stage_directions = [\"Nothing like this\"]\n", |k| matches!(k, ErrorKind::StageDirectionNotFound(_)), 1, 21),
        (
            "unknown delegation",
            record.clone(),
            "[[delegations]]\nid = \"a\"\nname = \"A\"\n[[delegations]]\nid = \"b\"\nname = \"B\"\n[[people]]\nid = \"x\"\nname = \"X\"\ndelegation = \"nowhere\"\n",
            |k| matches!(k, ErrorKind::UnknownDelegation(d) if d == "nowhere"),
            10,
            14,
        ),
        ("language that is no tag", record.clone(), "[publication]\nlanguage = \"English\"\n", |k| matches!(k, ErrorKind::BadLanguageTag(t) if t == "English"), 2, 12),
        ("section break that is no stage direction", record.clone(), "section_breaks = [\"Intermission\"]\n", |k| matches!(k, ErrorKind::Metadata(m) if m.contains("Intermission")), 1, 19),
        ("delegation count", record.clone(), "[[delegations]]\nid = \"a\"\nname = \"A\"\n", |k| *k == ErrorKind::DelegationCount { meta: 1, record: 2 }, 7, 1),
        ("duplicate person id", record, "[[people]]\nid = \"x\"\nname = \"X\"\n[[people]]\nid = \"x\"\nname = \"Y\"\n", |k| matches!(k, ErrorKind::DuplicatePersonId(_)), 2, 6),
    ];
    check_all(cases);
}

fn check_all(cases: Vec<Case>) {
    let mut failures = Vec::new();
    for (name, input, meta, kind_fits, line, column) in cases {
        let Some(error) = first_error(&input, meta) else {
            failures.push(format!("{name}: parsed without error"));
            continue;
        };
        if !kind_fits(&error.kind) || (error.line, error.column) != (line, column) {
            failures.push(format!("{name}: expected {line}:{column}, got {error}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn messages_name_file_line_and_column() {
    let error = first_error(&edit("[?] to", "[? to"), "").map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("x.txt:13:38: unclosed bracket; expected \"]\" in the same paragraph")
    );
}

#[test]
fn every_problem_is_reported_in_order() {
    let input = edit("[?] to", "[? to");
    let input = String::from_utf8(input)
        .unwrap_or_default()
        .replace("Beijing.[1]", "Beijing.[1][7]");
    let meta = Metadata::default();
    let errors = parse_bytes("x.txt", input.as_bytes(), &meta)
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    let positions: Vec<(u32, u32)> = errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(positions, [(11, 35), (13, 38)]);
}

#[test]
fn windows_line_endings_parse_the_same() {
    let meta = Metadata::default();
    let unix = parse_bytes("x.txt", MINIMAL.as_bytes(), &meta);
    let windows = parse_bytes("x.txt", MINIMAL.replace('\n', "\r\n").as_bytes(), &meta);
    assert_eq!(unix, windows);
}
