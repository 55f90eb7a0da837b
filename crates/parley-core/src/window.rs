//! Which rows of a long list to draw: the ones within a band of the page,
//! from each row's height (measured once drawn, estimated before). The rows
//! not drawn are stood in for by empty space of their height, so the page
//! keeps its length and the scroll bar its meaning.

/// The rows to draw, `start..end`, and the space the rows before and after take.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub before: f64,
    pub after: f64,
}

/// Rows drawn before a row that must be drawn (see [`window`]), for context.
const CONTEXT_BEFORE: usize = 2;

/// The rows that overlap the band `top..bottom` (in the list's coordinates:
/// 0 is its top). `keep`, a row that must be drawn (one being brought into
/// view), moves the window to it when it lies outside the band: the window
/// then starts a little before it and is as tall as the band.
pub fn window(heights: &[f64], top: f64, bottom: f64, keep: Option<usize>) -> Window {
    let total: f64 = heights.iter().sum();
    let mut at = 0.0;
    let mut start = heights.len();
    let mut end = heights.len();
    let mut before = total;
    for (row, &height) in heights.iter().enumerate() {
        if start == heights.len() && at + height > top {
            start = row;
            before = at;
        }
        if at >= bottom {
            end = row;
            break;
        }
        at += height;
    }
    let end = end.max(start);
    if let Some(keep) = keep.filter(|&k| k < heights.len() && !(start..end).contains(&k)) {
        let start = keep.saturating_sub(CONTEXT_BEFORE);
        let before: f64 = heights[..start].iter().sum();
        let mut span = 0.0;
        let end = (start..heights.len())
            .find(|&row| {
                span += heights[row];
                row > keep && span >= bottom - top
            })
            .map_or(heights.len(), |row| row + 1);
        let drawn: f64 = heights[start..end].iter().sum();
        return Window {
            start,
            end,
            before,
            after: total - before - drawn,
        };
    }
    let drawn: f64 = heights[start..end].iter().sum();
    Window {
        start,
        end,
        before,
        after: (total - before - drawn).max(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_overlapping_the_band_are_drawn() {
        let heights = [100.0; 10];
        // Rows 2 (200–300) to 4 (400–500) overlap 250..450.
        assert_eq!(
            window(&heights, 250.0, 450.0, None),
            Window {
                start: 2,
                end: 5,
                before: 200.0,
                after: 500.0
            }
        );
        // A band above the list starts at the first row; one below draws nothing.
        assert_eq!(window(&heights, -500.0, 150.0, None).start, 0);
        assert_eq!(window(&heights, -500.0, 150.0, None).end, 2);
        let below = window(&heights, 2000.0, 2500.0, None);
        assert_eq!(
            (below.start, below.end, below.before, below.after),
            (10, 10, 1000.0, 0.0)
        );
        assert_eq!(window(&[], 0.0, 100.0, None), Window::default());
    }

    #[test]
    fn a_row_to_bring_into_view_moves_the_window() {
        let heights = [100.0; 50];
        // Inside the band: nothing changes.
        assert_eq!(
            window(&heights, 0.0, 300.0, Some(1)),
            window(&heights, 0.0, 300.0, None)
        );
        // Far below: two rows of context, then a band's height after row 40.
        let moved = window(&heights, 0.0, 300.0, Some(40));
        assert_eq!((moved.start, moved.end), (38, 42));
        assert_eq!(moved.before + moved.after + 400.0, 5000.0);
        // Near the end, the window stops at the last row.
        assert_eq!(window(&heights, 0.0, 300.0, Some(49)).end, 50);
    }
}
