//! Byte offsets to 1-based lines and columns.

/// The 1-based line and column (in characters) of byte offset `offset` in `text`.
/// An offset past the end, or inside a character, is clamped to the nearest boundary before it.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (to_u32(line), to_u32(column))
}

/// Saturating conversion for positions (a record has far fewer than 2³² lines).
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn counts_lines_and_characters_from_one() {
        let text = "ab\nç€d\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 3 + "ç€".len()), (2, 3));
        assert_eq!(line_col(text, 999), (3, 1));
    }
}
