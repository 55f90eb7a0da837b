//! The index of people, places and organisations mentioned in the dialogue,
//! kept with the record as a reviewed file (`NAME.index.toml`): each entry's
//! aliases are matched as whole words, case-sensitively, in every turn.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::companion::TomlFile;
use crate::error::ParseError;
use crate::model::{plain_text, Document};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    Person,
    Place,
    Organisation,
}

/// Someone or something the dialogue mentions, and the turns that do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub name: String,
    pub kind: EntryKind,
    pub description: String,
    pub aliases: Vec<String>,
    /// Numbers of the turns that mention it, ascending.
    pub turns: Vec<u32>,
}

/// Whether `alias` occurs in `text` as whole words.
fn mentions(text: &str, alias: &str) -> bool {
    text.match_indices(alias).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + alias.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexFile {
    entry: Vec<EntryFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    id: Spanned<String>,
    name: String,
    kind: EntryKind,
    #[serde(default)]
    description: String,
    aliases: Vec<Spanned<String>>,
}

/// Reads an index file and finds each entry's mentions; an alias that never
/// occurs in the dialogue, or a repeated id, is an error with its position.
pub fn parse_index(
    file: &str,
    text: &str,
    document: &Document,
) -> Result<Vec<IndexEntry>, Vec<ParseError>> {
    let toml_file = TomlFile { file, text };
    let error_at = |span: std::ops::Range<usize>, message: String| toml_file.error(span, message);
    let parsed: IndexFile = toml_file.parse()?;
    let turns: Vec<(u32, String)> = document
        .turns()
        .map(|t| {
            (
                t.number,
                t.paragraphs
                    .iter()
                    .map(|p| plain_text(&p.inlines))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })
        .collect();
    let mut errors = Vec::new();
    let mut entries: Vec<IndexEntry> = Vec::new();
    for entry in parsed.entry {
        if entries.iter().any(|e| e.id == *entry.id.get_ref()) {
            errors.push(error_at(
                entry.id.span(),
                format!("entry \"{}\" is defined twice", entry.id.get_ref()),
            ));
            continue;
        }
        let mut found: Vec<u32> = Vec::new();
        for alias in &entry.aliases {
            let hits: Vec<u32> = turns
                .iter()
                .filter(|(_, text)| mentions(text, alias.get_ref()))
                .map(|(n, _)| *n)
                .collect();
            if hits.is_empty() {
                errors.push(error_at(
                    alias.span(),
                    format!("alias \"{}\" never occurs in the dialogue", alias.get_ref()),
                ));
            }
            found.extend(hits);
        }
        found.sort_unstable();
        found.dedup();
        entries.push(IndexEntry {
            id: entry.id.into_inner(),
            name: entry.name,
            kind: entry.kind,
            description: entry.description,
            aliases: entry.aliases.into_iter().map(Spanned::into_inner).collect(),
            turns: found,
        });
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn aliases_match_whole_words_only() {
        assert!(mentions("Now when they cut off Faisal’s head", "Faisal"));
        assert!(mentions("the Shah of Iran.", "the Shah of Iran"));
        assert!(!mentions("Iranians fear us", "Iran"));
        assert!(!mentions("UNESCO", "UN"));
    }
}
