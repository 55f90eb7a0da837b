//! Reading records from files: `NAME.txt` with an optional `NAME.meta.toml` beside it.

use std::path::{Path, PathBuf};

use crate::dates::{extract, parse_reviewed};
use crate::error::{ErrorKind, ParseError, ParseErrors};
use crate::mentions::parse_index;
use crate::meta::Metadata;
use crate::model::Document;
use crate::parse::parse_bytes;
use crate::topics::{parse_topics, suggest};

/// The metadata file that belongs to a record: `x.txt` → `x.meta.toml`.
pub fn metadata_path(record: &Path) -> PathBuf {
    record.with_extension("meta.toml")
}

fn io_error(file: &str, error: &std::io::Error) -> ParseErrors {
    ParseErrors(vec![ParseError {
        file: file.to_string(),
        line: 1,
        column: 1,
        kind: ErrorKind::Unreadable(error.to_string()),
    }])
}

/// The file kept beside a record with this suffix: `x.txt` → `x.{suffix}.toml`.
pub fn companion_path(record: &Path, suffix: &str) -> PathBuf {
    record.with_extension(format!("{suffix}.toml"))
}

/// The companion files a record may have, besides its metadata.
pub const COMPANIONS: [&str; 3] = ["dates", "topics", "index"];

/// Reads a companion file: `Ok(None)` when there is none.
fn read_companion(path: &Path) -> Result<Option<(String, String)>, ParseErrors> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some((path.display().to_string(), text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error(&path.display().to_string(), &e)),
    }
}

/// Reads and parses one record with the files kept beside it, each if it
/// exists: metadata, reviewed dates (else dates extracted from the notes),
/// topics (else topics suggested by keyword rules) and the index of people
/// and places. Errors name the files as given in `path`.
pub fn load_file(path: &Path) -> Result<Document, ParseErrors> {
    let mut document = load_record(path)?;
    match read_companion(&companion_path(path, "dates"))? {
        Some((name, text)) => {
            let record_text = std::fs::read_to_string(path).unwrap_or_default();
            document.dated =
                parse_reviewed(&name, &text, &document, &record_text).map_err(ParseErrors)?;
            document.dated_reviewed = true;
        }
        None => document.dated = extract(&document),
    }
    document.topics = match read_companion(&companion_path(path, "topics"))? {
        Some((name, text)) => parse_topics(&name, &text, &document).map_err(ParseErrors)?,
        None => suggest(&document),
    };
    if let Some((name, text)) = read_companion(&companion_path(path, "index"))? {
        document.index = parse_index(&name, &text, &document).map_err(ParseErrors)?;
    }
    Ok(document)
}

fn load_record(path: &Path) -> Result<Document, ParseErrors> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| io_error(&name, &e))?;
    let meta_path = metadata_path(path);
    let meta = match std::fs::read_to_string(&meta_path) {
        Ok(text) => {
            let meta_name = meta_path.display().to_string();
            Metadata::parse(&meta_name, &text).map_err(|e| ParseErrors(vec![e]))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Metadata::default(),
        Err(e) => return Err(io_error(&meta_path.display().to_string(), &e)),
    };
    parse_bytes(&name, &bytes, &meta)
}

/// The records (`*.txt`) in a folder, sorted by file name.
pub fn record_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    Ok(paths)
}
