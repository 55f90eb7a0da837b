//! What each speaker talks about: the words that set a speaker apart from the others.
//!
//! Method: weighted log-odds ratios with an informative Dirichlet prior
//! (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). For speaker *i* against
//! everyone else *j*, with counts `y`, totals `n`, and the whole record's counts
//! as the prior (`α_w` = count of *w* in the record, `α₀` = its total):
//!
//! ```text
//! δ_w = ln((y_iw + α_w) / (n_i + α₀ − y_iw − α_w)) − ln((y_jw + α_w) / (n_j + α₀ − y_jw − α_w))
//! σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)          z_w = δ_w / σ_w
//! ```
//!
//! The words ranked are the turn words of [`crate::stats`], lower-cased, with
//! `’` read as `'`, excluding the [`STOP_WORDS`], any word containing a digit,
//! and words the speaker uses fewer than [`MIN_COUNT`] times. Words are listed
//! by descending `z`, only where `z` > [`MIN_Z`] (about the 95th percentile of
//! a standard normal, one-sided).

use std::collections::HashMap;

use crate::model::{Document, Inline, Turn};
use crate::words::words;

/// The prior is the record's own word counts times this (a prior as strong as
/// the data would shrink every estimate of a short record towards nothing).
pub const PRIOR_SCALE: f64 = 0.1;
/// Fewer uses than this and a word is not listed for a speaker.
pub const MIN_COUNT: u32 = 2;
/// A listed word's z-score exceeds this.
pub const MIN_Z: f64 = 1.645;

/// English function words, ordinals and a few empty verbs and pronouns left out
/// of the ranking (lower case, `'` apostrophes, sorted).
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "another",
    "any",
    "anything",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "even",
    "everyone",
    "everything",
    "few",
    "fifth",
    "first",
    "for",
    "fourth",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he's",
    "her",
    "here",
    "here's",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "how's",
    "i",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "let's",
    "like",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "second",
    "she",
    "should",
    "shouldn't",
    "so",
    "some",
    "someone",
    "something",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "they've",
    "thing",
    "things",
    "third",
    "this",
    "those",
    "through",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "wasn't",
    "we",
    "we'll",
    "we're",
    "we've",
    "well",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won't",
    "would",
    "wouldn't",
    "yes",
    "yet",
    "you",
    "you're",
    "your",
    "yours",
    "yourself",
];

/// A word that sets a speaker apart, with how often they use it.
#[derive(Clone, Debug, PartialEq)]
pub struct Distinctive {
    pub word: String,
    pub count: u32,
    pub z: f64,
}

/// The word as ranked: lower case, `’` as `'`.
pub fn normalise(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

fn ranked_words(turn: &Turn) -> impl Iterator<Item = String> + '_ {
    turn.paragraphs
        .iter()
        .flat_map(|p| &p.inlines)
        .filter_map(|inline| match inline {
            Inline::Text(text) => Some(text),
            _ => None,
        })
        .flat_map(|text| words(text))
        .filter(|word| !word.chars().any(|c| c.is_ascii_digit()))
        .map(normalise)
        .filter(|word| STOP_WORDS.binary_search(&word.as_str()).is_err())
}

/// The z-score of a word used `y_i` times by a speaker of `n_i` ranked words
/// and `y_w` times in the record of `n` ranked words, with the record's counts
/// times `prior_scale` as the prior (see the module documentation).
pub fn log_odds_z(y_i: f64, n_i: f64, y_w: f64, n: f64, prior_scale: f64) -> f64 {
    let (alpha_w, alpha_0) = (y_w * prior_scale, n * prior_scale);
    let (y_j, n_j) = (y_w - y_i, n - n_i);
    let delta = ((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)).ln()
        - ((y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)).ln();
    delta / (1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)).sqrt()
}

/// The `limit` most distinctive words of every person (indexed like
/// [`Document::people`]; empty for the silent and for speakers with too few words).
pub fn distinctive_words(
    document: &Document,
    include: impl Fn(&Turn) -> bool,
    limit: usize,
) -> Vec<Vec<Distinctive>> {
    let mut per_person: Vec<HashMap<String, u32>> = vec![HashMap::new(); document.people.len()];
    let mut all: HashMap<String, u32> = HashMap::new();
    for turn in document.turns().filter(|t| include(t)) {
        for word in ranked_words(turn) {
            *all.entry(word.clone()).or_default() += 1;
            *per_person[turn.speaker].entry(word).or_default() += 1;
        }
    }
    let n: f64 = all.values().map(|&c| f64::from(c)).sum();
    per_person
        .iter()
        .map(|counts| {
            let n_i: f64 = counts.values().map(|&c| f64::from(c)).sum();
            let mut ranked: Vec<Distinctive> = counts
                .iter()
                .filter(|(_, &count)| count >= MIN_COUNT)
                .filter_map(|(word, &count)| {
                    let z = log_odds_z(
                        f64::from(count),
                        n_i,
                        f64::from(*all.get(word)?),
                        n,
                        PRIOR_SCALE,
                    );
                    (z > MIN_Z).then(|| Distinctive {
                        word: word.clone(),
                        count,
                        z,
                    })
                })
                .collect();
            ranked.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.word.cmp(&b.word)));
            ranked.truncate(limit);
            ranked
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "keep STOP_WORDS sorted and unique"
        );
    }

    #[test]
    fn log_odds_by_hand() {
        // y_i = 5 of n_i = 10; the word 6 times in 17, prior at full weight: δ = ln(11/16) − ln(7/17) = 0.51261,
        // σ² = 1/11 + 1/7 = 0.233766, z = 0.51261 / 0.483494 = 1.06022.
        assert!((log_odds_z(5.0, 10.0, 6.0, 17.0, 1.0) - 1.06022).abs() < 1e-4);
        // A word only this speaker uses, as often as the others' whole vocabulary is long.
        assert!(log_odds_z(20.0, 40.0, 20.0, 80.0, PRIOR_SCALE) > MIN_Z);
    }

    #[test]
    fn normalises_case_and_apostrophes() {
        assert_eq!(normalise("Don’t"), "don't");
    }
}
