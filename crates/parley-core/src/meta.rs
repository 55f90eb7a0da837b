//! The metadata file kept beside a record (`NAME.meta.toml` next to `NAME.txt`).
//!
//! It names the delegations in the order of the record's "Present" lists,
//! maps speaker labels to people, and lists the paragraphs of the dialogue
//! that are stage directions. Every key is optional; without the file,
//! delegations are numbered, speakers are matched to the "Present" lists by
//! name, and no paragraph is a stage direction.
//!
//! ```toml
//! stage_directions = ["Following a break"]
//! section_breaks = ["Following a break"]  # stage directions that open a new section
//!
//! [[delegations]]
//! id = "soviet"
//! name = "Soviet delegation"
//!
//! [[people]]
//! id = "khrushchev"
//! name = "Nikita S. Khrushchev"
//! label = "N.S. KHRUSHCHEV"     # the speaker label as written
//! present_as = "Khrushchev"     # the name as written in a "Present" list
//! delegation = "soviet"         # used when the "Present" lists omit the person
//! role = "First Secretary of the CPSU Central Committee"
//!
//! [publication]                 # the translation, as citations name it
//! translators = ["A.P.", "N.P."]
//! publisher = "Wilson Center Digital Archive"
//! url = "https://digitalarchive.wilsoncenter.org/document/…"
//! language = "en"              # the language of the record's text (BCP 47)
//! ```

use serde::Deserialize;
use toml::Spanned;

use crate::error::{ErrorKind, ParseError};
use crate::model::Publication;
use crate::position::line_col;

/// A parsed metadata file.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    /// The file it was read from (for error messages); empty when there was none.
    pub file: String,
    /// The file's text, kept to turn byte spans into lines and columns.
    text: String,
    pub stage_directions: Vec<Spanned<String>>,
    /// Stage directions that open a new section of the conversation (`section=` in URLs).
    pub section_breaks: Vec<Spanned<String>>,
    pub delegations: Vec<DelegationMeta>,
    pub people: Vec<PersonMeta>,
    pub publication: Publication,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DelegationMeta {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonMeta {
    pub id: Spanned<String>,
    pub name: String,
    pub label: Option<String>,
    pub present_as: Option<String>,
    pub delegation: Option<Spanned<String>>,
    pub role: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetadataFile {
    #[serde(default)]
    stage_directions: Vec<Spanned<String>>,
    #[serde(default)]
    section_breaks: Vec<Spanned<String>>,
    #[serde(default)]
    delegations: Vec<DelegationMeta>,
    #[serde(default)]
    people: Vec<PersonMeta>,
    #[serde(default)]
    publication: PublicationMeta,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PublicationMeta {
    #[serde(default)]
    translators: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
    language: Option<Spanned<String>>,
}

impl Metadata {
    /// Reads a metadata file's text; errors carry the file name, line and column.
    pub fn parse(file: &str, text: &str) -> Result<Metadata, ParseError> {
        let parsed: MetadataFile = toml::from_str(text).map_err(|error| {
            let (line, column) = error
                .span()
                .map(|span| line_col(text, span.start))
                .unwrap_or((1, 1));
            ParseError {
                file: file.to_string(),
                line,
                column,
                kind: ErrorKind::Metadata(error.message().trim().to_string()),
            }
        })?;
        let language = parsed.publication.language.map(|tag| {
            let span = tag.span();
            (span, tag.into_inner())
        });
        if let Some((span, tag)) = &language {
            if !is_language_tag(tag) {
                let (line, column) = line_col(text, span.start);
                return Err(ParseError {
                    file: file.to_string(),
                    line,
                    column,
                    kind: ErrorKind::BadLanguageTag(tag.clone()),
                });
            }
        }
        Ok(Metadata {
            file: file.to_string(),
            text: text.to_string(),
            stage_directions: parsed.stage_directions,
            section_breaks: parsed.section_breaks,
            delegations: parsed.delegations,
            people: parsed.people,
            publication: Publication {
                translators: parsed.publication.translators,
                publisher: parsed.publication.publisher,
                url: parsed.publication.url,
                language: language.map(|(_, tag)| tag),
            },
        })
    }

    /// An error located at a span of this metadata file.
    pub fn error_at(&self, span: std::ops::Range<usize>, kind: ErrorKind) -> ParseError {
        let (line, column) = line_col(&self.text, span.start);
        ParseError {
            file: self.file.clone(),
            line,
            column,
            kind,
        }
    }
}

/// A BCP 47 tag in the common form: a language of two or three letters, then
/// subtags of letters and digits (`en`, `pt-BR`, `zh-Hant`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn language_tags() {
        for good in ["en", "fr", "pt-BR", "zh-Hant", "rus", "sr-Latn-RS"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "e",
            "English",
            "en_US",
            "en-",
            "en--GB",
            "fr-123456789",
            "中文",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
