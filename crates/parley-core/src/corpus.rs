//! Reading records from files: `NAME.txt` with an optional `NAME.meta.toml` beside it.

use std::path::{Path, PathBuf};

use crate::dates::{extract, parse_reviewed};
use crate::error::{ErrorKind, ParseError, ParseErrors};
use crate::meta::Metadata;
use crate::model::Document;
use crate::parse::parse_bytes;

/// The metadata file that belongs to a record: `x.txt` → `x.meta.toml`.
pub fn metadata_path(record: &Path) -> PathBuf {
    record.with_extension("meta.toml")
}

/// The reviewed dates file that belongs to a record: `x.txt` → `x.dates.toml`.
pub fn dates_path(record: &Path) -> PathBuf {
    record.with_extension("dates.toml")
}

fn io_error(file: &str, error: &std::io::Error) -> ParseErrors {
    ParseErrors(vec![ParseError {
        file: file.to_string(),
        line: 1,
        column: 1,
        kind: ErrorKind::Unreadable(error.to_string()),
    }])
}

/// Reads and parses one record with its metadata file and reviewed dates file
/// (each if there is one; without reviewed dates, the dates are extracted from
/// the notes). Errors name the files as given in `path`.
pub fn load_file(path: &Path) -> Result<Document, ParseErrors> {
    let mut document = load_record(path)?;
    let dates = dates_path(path);
    match std::fs::read_to_string(&dates) {
        Ok(text) => {
            let record_text = std::fs::read_to_string(path).unwrap_or_default();
            let name = dates.display().to_string();
            document.dated =
                parse_reviewed(&name, &text, &document, &record_text).map_err(ParseErrors)?;
            document.dated_reviewed = true;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => document.dated = extract(&document),
        Err(e) => return Err(io_error(&dates.display().to_string(), &e)),
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
