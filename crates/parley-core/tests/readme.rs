//! The README states the same definitions as the viewer.

use parley_core::stats::DEFINITIONS;

#[test]
fn readme_defines_every_statistic_as_the_viewer_does() {
    let readme = include_str!("../../../README.md");
    for (term, definition) in DEFINITIONS {
        let line = format!("- **{term}**: {definition}");
        assert!(readme.contains(&line), "README.md lacks the line:\n{line}");
    }
}
