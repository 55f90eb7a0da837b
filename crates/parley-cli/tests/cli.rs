//! The `parley` command run as a process.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn record() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../transcripts/1958-08-02-third-conversation.txt")
}

fn parley(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .output();
    output.unwrap_or_else(|e| panic!("cannot run parley: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_accepts_the_record() {
    let path = record();
    let output = parley(&["check", &path.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn check_names_file_line_and_column_of_a_broken_copy() {
    let text = std::fs::read_to_string(record()).unwrap_or_default();
    // Line 471 holds "in two years [?] For these purposes" with "[" at column 430;
    // note [3]'s only reference is "Beijing.[3]" on line 36 and the note is on line 648.
    let broken =
        text.replacen("years [?] For", "years [? For", 1)
            .replacen("Beijing.[3]", "Beijing.", 1);
    let dir = std::env::temp_dir().join(format!("parley-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let file = dir.join("broken.txt");
    std::fs::write(&file, broken).unwrap_or_default();
    let name = file.to_string_lossy().into_owned();
    let output = parley(&["check", &name]);
    std::fs::remove_dir_all(&dir).unwrap_or_default();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output).lines().collect::<Vec<_>>(),
        [
            format!("{name}:471:430: unclosed bracket; expected \"]\" in the same paragraph"),
            format!(
                "{name}:648:1: note [3] is never referenced; expected a reference [3] in the text"
            ),
        ]
    );
}

#[test]
fn stats_json_counts_the_record() {
    let path = record();
    let output = parley(&["stats", &path.to_string_lossy(), "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    assert_eq!(json["turns"], 263);
    assert_eq!(json["words"], 11_559);
    assert_eq!(json["footnotes"], 39);
    assert_eq!(json["stage_directions"], 2);
    assert_eq!(json["lacunae"], 5);
    let speakers = json["speakers"].as_array().cloned().unwrap_or_default();
    assert_eq!(speakers.len(), 9);
    let khrushchev = &speakers[0];
    assert_eq!(khrushchev["label"], "N.S. KHRUSHCHEV");
    assert_eq!(khrushchev["name"], "Nikita S. Khrushchev");
    assert_eq!(khrushchev["delegation"], "Soviet delegation");
    assert_eq!(khrushchev["direct_turns"], 115);
    assert_eq!(khrushchev["reported_turns"], 3);
    assert_eq!(khrushchev["words"], 5_720);
    assert_eq!(khrushchev["share"], 0.4949);
    let fedorenko = speakers.iter().find(|s| s["label"] == "FEDORENKO");
    assert_eq!(
        fedorenko.map(|s| s["present"].clone()),
        Some(serde_json::Value::Bool(false))
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(parley(&[]).status.code(), Some(2));
    assert_eq!(parley(&["stats"]).status.code(), Some(2));
    assert_eq!(parley(&["frobnicate", "x"]).status.code(), Some(2));
}

#[test]
fn a_missing_file_is_reported_not_a_panic() {
    let output = parley(&["check", "no/such/record.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("no/such/record.txt:1:1: cannot read the file"));
}

#[test]
fn dates_prints_extracted_candidates_as_reviewed_file_tables() {
    let path = record();
    let output = parley(&["dates", &path.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("[[event]]\nlabel = \"Reference is to the Austrian State Treaty signed on May 15, 1955\"\nstart = \"1955-05-15\"\nsource = \"note 8\"\nquote = \"May 15, 1955\"\nturn = 15\n"), "{text}");
}
