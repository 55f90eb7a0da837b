//! Words, as Parley counts them.
//!
//! A word is a maximal run of letters or digits, where an apostrophe
//! (`'` or `’`) or a hyphen (`-`) joining two such runs keeps them one word:
//! "it’s", "half-time" and "20-50" are one word each; "4,700" is two.
//! Note markers such as `[12]` are not text and never counted.

/// Whether `c` may join two runs of letters or digits into one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

/// The words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(char::is_alphanumeric)?;
        let candidate = &rest[start..];
        let mut end = 0;
        let mut chars = candidate.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                end = i + c.len_utf8();
            } else if is_joiner(c) && chars.peek().is_some_and(|(_, next)| next.is_alphanumeric()) {
                continue;
            } else {
                break;
            }
        }
        let word = &candidate[..end];
        rest = &candidate[end..];
        Some(word)
    })
}

/// The number of words in `text`.
pub fn count_words(text: &str) -> usize {
    words(text).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_of_word_counts() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("It’s half-time.", &["It’s", "half-time"]),
            ("4,700 thousand", &["4", "700", "thousand"]),
            ("20-50 percent", &["20-50", "percent"]),
            ("end- of 'quoted' -x", &["end", "of", "quoted", "x"]),
            ("U.S.A.", &["U", "S", "A"]),
            ("vis-à-vis – Václav", &["vis-à-vis", "Václav"]),
            ("don’t’", &["don’t"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text).collect::<Vec<_>>(), *expected, "{text:?}");
        }
    }
}
