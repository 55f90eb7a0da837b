//! Compiles the interface text of one language into the core (`text.rs`).
//!
//! `PARLEY_LANG` (default `en`) picks `i18n/LANG.toml` at the top of the
//! workspace. The English table is the reference: a translation with a key
//! missing, an unknown key or other placeholders fails the build with
//! `FILE:LINE:COL: message` for each problem.

use std::path::Path;
use std::process::exit;

fn main() {
    println!("cargo::rerun-if-env-changed=PARLEY_LANG");
    let language = std::env::var("PARLEY_LANG").unwrap_or_else(|_| "en".to_string());
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n");
    let english = read(&folder, "en");
    let table = if language == "en" {
        english
    } else {
        let translation = read(&folder, &language);
        let problems = parley_i18n::check(&translation, &english);
        if !problems.is_empty() {
            fail(
                &problems,
                &format!("the {language} table does not match the English one"),
            );
        }
        translation
    };
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("text.rs");
    if let Err(error) = std::fs::write(&out, parley_i18n::generate(&table, &language)) {
        eprintln!("error: {}: cannot write: {error}", out.display());
        exit(1);
    }
}

/// The table `folder/LANGUAGE.toml`, or the build stops with its problems.
fn read(folder: &Path, language: &str) -> parley_i18n::Table {
    let path = folder.join(format!("{language}.toml"));
    println!("cargo::rerun-if-changed={}", path.display());
    let name = format!("i18n/{language}.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("error: {name}: cannot read ({error}); PARLEY_LANG names a file in i18n/");
        exit(1)
    });
    parley_i18n::parse(&name, &text).unwrap_or_else(|problems| fail(&problems, "malformed table"))
}

fn fail(problems: &[parley_i18n::Error], summary: &str) -> ! {
    for problem in problems {
        eprintln!("{problem}");
    }
    eprintln!("error: {summary}: fix the lines above");
    exit(1)
}
