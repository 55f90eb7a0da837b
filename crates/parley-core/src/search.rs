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

/// Text folded for matching, with the byte offset in the original of each
/// byte of the folded text (searched with the standard library's fast
/// substring search).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    offsets: Vec<usize>,
    /// The original text's length in bytes.
    len: usize,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut folded = String::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            let f = fold(c);
            folded.push(f);
            offsets.extend(std::iter::repeat_n(i, f.len_utf8()));
        }
        Folded {
            text: folded,
            offsets,
            len: text.len(),
        }
    }

    fn original(&self, index: usize) -> usize {
        self.offsets.get(index).copied().unwrap_or(self.len)
    }

    fn starts_word_at(&self, index: usize) -> bool {
        !self.text[..index]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    }

    /// Whether `needle` (already folded) occurs at the start of a word.
    pub fn starts_word(&self, needle: &str) -> bool {
        !needle.is_empty()
            && self
                .text
                .match_indices(needle)
                .any(|(i, _)| self.starts_word_at(i))
    }

    /// Every occurrence of `needle` (already folded) that starts a word, as byte ranges of the original.
    fn find_all(&self, needle: &str) -> Vec<(usize, usize)> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(needle)
            .filter(|(i, _)| self.starts_word_at(*i))
            .map(|(i, _)| (self.original(i), self.original(i + needle.len())))
            .collect()
    }
}

/// A parsed query: its terms and phrases, folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub parts: Vec<String>,
}

impl Query {
    /// Reads `terms and "quoted phrases"`; a quote left open runs to the end.
    pub fn parse(text: &str) -> Query {
        let mut parts = Vec::new();
        for (i, chunk) in text.split('"').enumerate() {
            if i % 2 == 1 {
                parts.push(
                    chunk
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .chars()
                        .map(fold)
                        .collect(),
                );
            } else {
                parts.extend(
                    chunk
                        .split_whitespace()
                        .map(|term| term.chars().map(fold).collect()),
                );
            }
        }
        parts.retain(|part: &String| !part.is_empty());
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

/// The folded plain text of every paragraph of every turn, and an index of
/// their words, built once per record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// Indexed by turn number − 1, then paragraph.
    turns: Vec<Vec<(String, Folded)>>,
    /// Every word (maximal run of letters and digits, folded), sorted, with
    /// the turns (number − 1) that use it and how often: a term that starts
    /// with a letter or digit can only match at the start of such a word.
    words: Vec<(String, Vec<(u32, u32)>)>,
}

/// The words of folded text: maximal runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl SearchIndex {
    pub fn new(document: &Document) -> SearchIndex {
        let turns: Vec<Vec<(String, Folded)>> = document
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
        let mut postings: std::collections::HashMap<&str, Vec<(u32, u32)>> =
            std::collections::HashMap::new();
        for (turn, paragraphs) in (0u32..).zip(&turns) {
            for (_, folded) in paragraphs {
                for word in words(&folded.text) {
                    let list = postings.entry(word).or_default();
                    match list.last_mut() {
                        Some((last, uses)) if *last == turn => *uses += 1,
                        _ => list.push((turn, 1)),
                    }
                }
            }
        }
        let mut words: Vec<(String, Vec<(u32, u32)>)> = postings
            .into_iter()
            .map(|(word, list)| (word.to_string(), list))
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        SearchIndex { turns, words }
    }

    /// For every turn (number − 1), how many hits `query` has there: 0 where
    /// some term or phrase is missing; `None` for an empty query. Counts
    /// agree with [`SearchIndex::hits`]; terms that start with a letter or
    /// digit are looked up in the word index, and only turns using such a
    /// word are searched for the rest of the term.
    pub fn hit_counts(&self, query: &Query) -> Option<Vec<u32>> {
        if query.is_empty() {
            return None;
        }
        let mut total = vec![0u32; self.turns.len()];
        let mut found = vec![0usize; self.turns.len()];
        for part in &query.parts {
            let counts = self.part_counts(part);
            for (turn, &count) in counts.iter().enumerate() {
                if count > 0 {
                    total[turn] += count;
                    found[turn] += 1;
                }
            }
        }
        for (count, &found) in total.iter_mut().zip(&found) {
            if found < query.parts.len() {
                *count = 0;
            }
        }
        Some(total)
    }

    /// Per turn, the occurrences of one term or phrase (folded) at word starts.
    fn part_counts(&self, part: &str) -> Vec<u32> {
        let lead = part
            .find(|c: char| !c.is_alphanumeric())
            .map_or(part, |end| &part[..end]);
        if lead.is_empty() {
            return (0..self.turns.len())
                .map(|turn| self.count_in(turn, part))
                .collect();
        }
        let first = self.words.partition_point(|(word, _)| word.as_str() < lead);
        let using_lead = self.words[first..]
            .iter()
            .take_while(|(word, _)| word.starts_with(lead))
            .flat_map(|(_, list)| list);
        let mut counts = vec![0u32; self.turns.len()];
        if lead.len() == part.len() {
            // The term is one word's beginning: every use of such a word is a hit.
            for &(turn, uses) in using_lead {
                counts[turn as usize] += uses;
            }
        } else {
            // Only turns using a word that starts like the term can hold it.
            let mut candidate = vec![false; self.turns.len()];
            for &(turn, _) in using_lead {
                candidate[turn as usize] = true;
            }
            for (turn, count) in counts.iter_mut().enumerate() {
                if candidate[turn] {
                    *count = self.count_in(turn, part);
                }
            }
        }
        counts
    }

    /// Occurrences of `part` (folded) at word starts in a turn (index number − 1).
    fn count_in(&self, turn: usize, part: &str) -> u32 {
        self.turns.get(turn).map_or(0, |paragraphs| {
            paragraphs
                .iter()
                .map(|(_, folded)| folded.find_all(part).len() as u32)
                .sum()
        })
    }

    /// Whether every term and phrase of `query` occurs in `turn` (stops at the first found).
    pub fn matches(&self, turn: &Turn, query: &Query) -> bool {
        let Some(paragraphs) = self.turns.get(turn.number as usize - 1) else {
            return false;
        };
        query.parts.iter().all(|part| {
            paragraphs
                .iter()
                .any(|(_, folded)| folded.starts_word(part))
        })
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

    /// A keyword-in-context line: about `context` characters either side of
    /// the hit, cut at word boundaries, with "…" where the paragraph goes on.
    pub fn kwic(&self, turn: u32, hit: Hit, context: usize) -> (String, String, String) {
        let text = self.paragraph_text(turn, hit.paragraph);
        let before = &text[..hit.start];
        let after = &text[hit.end..];
        let left_start = before
            .char_indices()
            .rev()
            .nth(context)
            .map_or(0, |(i, _)| i);
        let left = if left_start == 0 {
            before.to_string()
        } else if before[..left_start].ends_with(char::is_whitespace) {
            format!("…{}", &before[left_start..])
        } else {
            format!(
                "…{}",
                before[left_start..]
                    .split_once(' ')
                    .map_or("", |(_, rest)| rest)
            )
        };
        let right_end = after
            .char_indices()
            .nth(context)
            .map_or(after.len(), |(i, _)| i);
        let right = if right_end == after.len() {
            after.to_string()
        } else if after[right_end..].starts_with(char::is_whitespace) {
            format!("{}…", &after[..right_end])
        } else {
            format!(
                "{}…",
                after[..right_end]
                    .rsplit_once(' ')
                    .map_or("", |(kept, _)| kept)
            )
        };
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
        let text = Folded::new("Václav grows cucumbers toward the war’s end.");
        assert_eq!(text.find_all("cucumber"), [(14, 22)]);
        assert_eq!(text.find_all("war").len(), 1);
        // Offsets are the original's: "á" is 2 bytes, "’" is 3.
        assert_eq!(text.find_all("the war's"), [(31, 42)]);
        assert_eq!(text.find_all("vaclav"), [(0, 7)]);
        let query = Query::parse("  \"the  WAR's\" grow \"unclosed ");
        assert_eq!(query.parts, ["the war's", "grow", "unclosed"]);
        assert!(Query::parse(" \"\" ").is_empty());
    }
}
