//! Full-text search over a record's turns.
//!
//! Matching is case- and diacritic-insensitive ([`fold`]): `Gaulle` finds
//! "de Gaulle", `nosek` finds "Nosek", `vaclav` finds "Václav"; curly and
//! straight quotes and apostrophes are the same. A query is a list of terms
//! separated by spaces, and `"quoted phrases"`; a turn matches when every term
//! and phrase occurs in it, each starting at the beginning of a word (so
//! `cucumber` finds "cucumbers" but `war` does not find "toward").

use crate::model::{plain_text, Document, Turn};

/// Latin Extended-A (U+0100–U+017F) without diacritics, one letter each.
const LATIN_EXTENDED_A: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
/// Latin-1 Supplement letters (U+00C0–U+00FF) without diacritics ('*' = keep as is).
const LATIN_1: &str = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo*ouuuuyty";

/// The character as search compares it: lower case, without diacritics,
/// typographic quotes and dashes made plain.
pub fn fold(c: char) -> char {
    let base = match c {
        '’' | '‘' | '`' => '\'',
        '“' | '”' => '"',
        '–' | '—' | '‐' => '-',
        '\u{a0}' => ' ',
        '\u{c0}'..='\u{ff}' => LATIN_1
            .chars()
            .nth(c as usize - 0xC0)
            .filter(|&b| b != '*')
            .unwrap_or(c),
        '\u{100}'..='\u{17f}' => LATIN_EXTENDED_A
            .chars()
            .nth(c as usize - 0x100)
            .unwrap_or(c),
        _ => c,
    };
    base.to_lowercase().next().unwrap_or(base)
}

/// Text folded for matching, with the byte offset in the original of each folded character.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub chars: Vec<char>,
    pub offsets: Vec<usize>,
    /// The original text's length in bytes (the end of the last character).
    pub len: usize,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let (offsets, chars) = text.char_indices().map(|(i, c)| (i, fold(c))).unzip();
        Folded {
            chars,
            offsets,
            len: text.len(),
        }
    }

    fn original(&self, index: usize) -> usize {
        self.offsets.get(index).copied().unwrap_or(self.len)
    }

    /// Whether `needle` (already folded) occurs at the start of a word.
    pub fn starts_word(&self, needle: &[char]) -> bool {
        !self.find_all(needle).is_empty()
    }

    /// Every occurrence of `needle` (already folded) that starts a word, as byte ranges of the original.
    fn find_all(&self, needle: &[char]) -> Vec<(usize, usize)> {
        if needle.is_empty() || needle.len() > self.chars.len() {
            return Vec::new();
        }
        (0..=self.chars.len() - needle.len())
            .filter(|&i| i == 0 || !self.chars[i - 1].is_alphanumeric())
            .filter(|&i| self.chars[i..i + needle.len()] == *needle)
            .map(|i| (self.original(i), self.original(i + needle.len())))
            .collect()
    }
}

/// A parsed query: its terms and phrases, folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub parts: Vec<Vec<char>>,
}

impl Query {
    /// Reads `terms and "quoted phrases"`; a quote left open runs to the end.
    pub fn parse(text: &str) -> Query {
        let mut parts = Vec::new();
        for (i, chunk) in text.split('"').enumerate() {
            if i % 2 == 1 {
                let phrase: Vec<char> = chunk
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .map(fold)
                    .collect();
                parts.push(phrase);
            } else {
                parts.extend(
                    chunk
                        .split_whitespace()
                        .map(|term| term.chars().map(fold).collect()),
                );
            }
        }
        parts.retain(|part: &Vec<char>| !part.is_empty());
        Query { parts }
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

/// Where a query matches a turn: paragraph index and byte range in its plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// The folded plain text of every paragraph of every turn, built once per record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// Indexed by turn number − 1, then paragraph.
    turns: Vec<Vec<(String, Folded)>>,
}

impl SearchIndex {
    pub fn new(document: &Document) -> SearchIndex {
        let turns = document
            .turns()
            .map(|turn| {
                turn.paragraphs
                    .iter()
                    .map(|p| {
                        let text = plain_text(&p.inlines);
                        let folded = Folded::new(&text);
                        (text, folded)
                    })
                    .collect()
            })
            .collect();
        SearchIndex { turns }
    }

    /// The hits of `query` in `turn`, in text order, or `None` when some term or phrase is missing.
    pub fn hits(&self, turn: &Turn, query: &Query) -> Option<Vec<Hit>> {
        let paragraphs = self.turns.get(turn.number as usize - 1)?;
        let mut hits = Vec::new();
        for part in &query.parts {
            let before = hits.len();
            for (paragraph, (_, folded)) in paragraphs.iter().enumerate() {
                hits.extend(folded.find_all(part).into_iter().map(|(start, end)| Hit {
                    paragraph,
                    start,
                    end,
                }));
            }
            if hits.len() == before {
                return None;
            }
        }
        hits.sort_by_key(|h| (h.paragraph, h.start));
        Some(hits)
    }

    /// The plain text of a paragraph of a turn (what hit offsets refer to).
    pub fn paragraph_text(&self, turn: u32, paragraph: usize) -> &str {
        self.turns
            .get(turn as usize - 1)
            .and_then(|p| p.get(paragraph))
            .map_or("", |(text, _)| text.as_str())
    }

    /// A keyword-in-context line: up to `context` characters either side of the hit.
    pub fn kwic(&self, turn: u32, hit: Hit, context: usize) -> (String, String, String) {
        let text = self.paragraph_text(turn, hit.paragraph);
        let left: String = text[..hit.start]
            .chars()
            .rev()
            .take(context)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let right: String = text[hit.end..].chars().take(context).collect();
        (left, text[hit.start..hit.end].to_string(), right)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_and_typography() {
        let folded: String = "Václav Koča Popović’s “Ñ” – Œ".chars().map(fold).collect();
        assert_eq!(folded, "vaclav koca popovic's \"n\" - o");
    }

    #[test]
    fn terms_start_words_and_phrases_stay_together() {
        let text = Folded::new("They grow cucumbers toward the war’s end.");
        assert_eq!(
            text.find_all(&"cucumber".chars().collect::<Vec<_>>()),
            [(10, 18)]
        );
        assert_eq!(text.find_all(&"war".chars().collect::<Vec<_>>()).len(), 1);
        let query = Query::parse("  \"the  WAR's\" grow \"unclosed ");
        let parts: Vec<String> = query.parts.iter().map(|p| p.iter().collect()).collect();
        assert_eq!(parts, ["the war's", "grow", "unclosed"]);
        assert!(Query::parse(" \"\" ").is_empty());
    }
}
