//! Compiles every record in `transcripts/` into the viewer.
//!
//! `PARLEY_TRANSCRIPTS` names another folder (benchmarks build synthetic
//! records this way). Each `*.txt` (with its companion files) is parsed by parley-core and the
//! typed model is written in the bundle's binary form to `OUT_DIR/corpus.bin`,
//! which `src/lib.rs` embeds. A malformed record fails the build with
//! `FILE:LINE:COL: message` for each problem.

use std::path::Path;
use std::process::exit;

use parley_core::bundle;
use parley_core::corpus::{companion_path, load_file, metadata_path, record_paths, COMPANIONS};

fn main() {
    println!("cargo::rerun-if-env-changed=PARLEY_TRANSCRIPTS");
    let folder = std::env::var("PARLEY_TRANSCRIPTS").unwrap_or_else(|_| "transcripts".to_string());
    println!("cargo::rerun-if-changed={folder}");
    let paths = match record_paths(Path::new(&folder)) {
        Ok(paths) if !paths.is_empty() => paths,
        Ok(_) => fail(&format!(
            "{folder}/: no records (*.txt) to compile into the viewer"
        )),
        Err(error) => fail(&format!("{folder}/: cannot list records: {error}")),
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
