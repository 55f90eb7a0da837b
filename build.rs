//! Compiles every record in `transcripts/` into the viewer.
//!
//! Each `*.txt` (with its `*.meta.toml`) is parsed by parley-core and the
//! typed model is written in the bundle's binary form to `OUT_DIR/corpus.bin`,
//! which `src/lib.rs` embeds. A malformed record fails the build with
//! `FILE:LINE:COL: message` for each problem.

use std::path::Path;
use std::process::exit;

use parley_core::bundle;
use parley_core::corpus::{companion_path, load_file, metadata_path, record_paths, COMPANIONS};

const TRANSCRIPTS: &str = "transcripts";

fn main() {
    println!("cargo::rerun-if-changed={TRANSCRIPTS}");
    let paths = match record_paths(Path::new(TRANSCRIPTS)) {
        Ok(paths) if !paths.is_empty() => paths,
        Ok(_) => fail(&format!(
            "{TRANSCRIPTS}/: no records (*.txt) to compile into the viewer"
        )),
        Err(error) => fail(&format!("{TRANSCRIPTS}/: cannot list records: {error}")),
    };
    let mut documents = Vec::new();
    let mut failed = false;
    for path in &paths {
        println!("cargo::rerun-if-changed={}", path.display());
        println!("cargo::rerun-if-changed={}", metadata_path(path).display());
        for suffix in COMPANIONS {
            println!(
                "cargo::rerun-if-changed={}",
                companion_path(path, suffix).display()
            );
        }
        match load_file(path) {
            Ok(document) => documents.push(document),
            Err(errors) => {
                failed = true;
                eprintln!("{errors}");
            }
        }
    }
    if failed {
        fail("malformed transcript: fix the lines above");
    }
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let out = Path::new(&out_dir).join("corpus.bin");
    if let Err(error) = std::fs::write(&out, bundle::encode(&documents)) {
        fail(&format!("{}: cannot write: {error}", out.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    exit(1)
}
