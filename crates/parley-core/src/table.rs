//! The statistics as tables: what the viewer shows under each chart and offers as CSV.

use crate::dates::{DateSource, DatedReference};
use crate::model::Document;
use crate::stats::{Counts, Tally, TurnTaking};
use crate::text;

/// A table of formatted cells; `keys` identify the rows (person or delegation ids).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<String>,
    pub keys: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The column whose cells name a turn (the longest), and each row's turn there.
    pub turn_column: Option<usize>,
    pub turns: Vec<Option<u32>>,
}

impl Table {
    /// The table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.columns).chain(&self.rows) {
            let fields: Vec<String> = row.iter().map(|field| csv_field(field)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A share as a percentage with one decimal: `49.5 %`.
pub fn percent(share: f64) -> String {
    text::tables::percent(fixed(share * 100.0, 1))
}

/// A mean or median, or an SVG coordinate, with at most one decimal: `48.5`, `26`.
pub fn decimal(value: f64) -> String {
    let text = fixed(value, 1);
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// `value` rounded half away from zero to `decimals` places (at most 6),
/// written with integer arithmetic. Table figures and the charts' SVG
/// coordinates use it, so that `x="412.3"` is drawn, not `x="412.28571428571433"`.
pub fn fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10_i64.pow(decimals);
    // `as` saturates, and a NaN becomes 0.
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = decimals as usize)
    }
}

/// Where "Longest turn" stands among [`TALLY_COLUMNS`].
const LONGEST_COLUMN: usize = 6;

const TALLY_COLUMNS: [&str; 9] = [
    text::tables::DIRECT_TURNS,
    text::tables::REPORTED_TURNS,
    text::tables::WORDS,
    text::tables::SHARE,
    text::tables::MEAN,
    text::tables::MEDIAN,
    text::tables::LONGEST,
    text::tables::QUESTIONS,
    text::tables::NOTE_REFS,
];

fn tally_cells(tally: &Tally) -> Vec<String> {
    vec![
        tally.direct_turns.to_string(),
        tally.reported_turns.to_string(),
        tally.words.to_string(),
        percent(tally.share),
        decimal(tally.mean_words),
        decimal(tally.median_words),
        tally
            .longest
            .map_or_else(String::new, |l| text::tables::longest_cell(l.turn, l.words)),
        tally.questions.to_string(),
        tally.note_refs.to_string(),
    ]
}

/// A table whose rows are `(key, leading cells, tally)`: the leading columns,
/// then [`TALLY_COLUMNS`], the longest turn linked.
fn tally_table<'a>(
    leading: &[&str],
    rows: impl Iterator<Item = (String, Vec<String>, &'a Tally)>,
) -> Table {
    let mut table = Table {
        columns: leading
            .iter()
            .copied()
            .chain(TALLY_COLUMNS)
            .map(String::from)
            .collect(),
        turn_column: Some(LONGEST_COLUMN + leading.len()),
        ..Table::default()
    };
    for (key, mut cells, tally) in rows {
        cells.extend(tally_cells(tally));
        table.keys.push(key);
        table.turns.push(tally.longest.map(|l| l.turn));
        table.rows.push(cells);
    }
    table
}

/// One row per person (the silent with zeros): name, delegation, then the tallies.
pub fn speaker_table(document: &Document, counts: &Counts) -> Table {
    let rows = counts.people.iter().map(|c| {
        let person = &document.people[c.person];
        let delegation = person
            .delegation
            .map_or_else(String::new, |d| document.delegations[d].name.clone());
        (
            person.id.clone(),
            vec![person.name.clone(), delegation],
            &c.tally,
        )
    });
    tally_table(&[text::tables::SPEAKER, text::tables::DELEGATION], rows)
}

/// One row per delegation (and one for speakers of no delegation, if any).
pub fn delegation_table(document: &Document, counts: &Counts) -> Table {
    let rows = counts.delegations.iter().map(|c| {
        let (id, name) = match c.delegation {
            Some(d) => (
                document.delegations[d].id.clone(),
                document.delegations[d].name.clone(),
            ),
            None => ("none".to_string(), text::tables::NO_DELEGATION.to_string()),
        };
        (id, vec![name], &c.tally)
    });
    tally_table(&[text::tables::DELEGATION], rows)
}

/// The turn-taking matrix between `people` (indices into [`Document::people`]):
/// row = the earlier turn's speaker, column = the speaker who follows.
pub fn turn_taking_table(document: &Document, taking: &TurnTaking, people: &[usize]) -> Table {
    let mut columns = vec![text::tables::TAKING_CORNER.to_string()];
    columns.extend(people.iter().map(|&p| document.people[p].name.clone()));
    columns.push(text::tables::TOTAL.to_string());
    Table {
        columns,
        turn_column: None,
        turns: Vec::new(),
        keys: people
            .iter()
            .map(|&p| document.people[p].id.clone())
            .collect(),
        rows: people
            .iter()
            .map(|&a| {
                let mut row = vec![document.people[a].name.clone()];
                row.extend(people.iter().map(|&b| taking.follows[a][b].to_string()));
                row.push(
                    people
                        .iter()
                        .map(|&b| taking.follows[a][b])
                        .sum::<u32>()
                        .to_string(),
                );
                row
            })
            .collect(),
    }
}

/// A date or period as written in tables: `1955-05-15`, `1944 – 1956`.
pub fn date_range(reference: &DatedReference) -> String {
    match reference.end {
        Some(end) => format!("{} – {end}", reference.start),
        None => reference.start.to_string(),
    }
}

/// The dated references in date order: date, event, where it is written, the turn it belongs to.
pub fn dates_table(document: &Document) -> Table {
    let mut references: Vec<&DatedReference> = document.dated.iter().collect();
    references.sort_by_key(|r| (r.start, r.end));
    Table {
        columns: [
            text::tables::DATE,
            text::tables::EVENT,
            text::tables::SOURCE,
            text::tables::TURN,
            text::tables::QUOTE,
        ]
        .map(String::from)
        .to_vec(),
        keys: references
            .iter()
            .map(|r| format!("{} {}", r.start, r.source))
            .collect(),
        turn_column: Some(3),
        turns: references.iter().map(|r| r.turn).collect(),
        rows: references
            .iter()
            .map(|r| {
                vec![
                    date_range(r),
                    r.label.clone(),
                    match r.source {
                        DateSource::Note(n) => text::tables::source_note(n),
                        DateSource::Turn(n) => text::tables::source_turn(n),
                    },
                    r.turn.map_or_else(String::new, text::tables::turn_cell),
                    r.quote.clone(),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_numbers() {
        let cases: [(f64, u32, &str); 9] = [
            (0.0, 1, "0.0"),
            (48.46, 1, "48.5"),
            (-0.04, 1, "0.0"),
            (-2.25, 1, "-2.3"),
            (0.12345, 3, "0.123"),
            (1234.5, 0, "1235"),
            (0.05, 2, "0.05"),
            (f64::NAN, 1, "0.0"),
            (1e30, 1, "922337203685477580.7"),
        ];
        for (value, decimals, written) in cases {
            assert_eq!(fixed(value, decimals), written, "{value}");
        }
        assert_eq!(decimal(26.0), "26");
        assert_eq!(decimal(-3.0), "-3");
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let table = Table {
            columns: vec!["Name".into(), "Note".into()],
            keys: vec!["a".into()],
            rows: vec![vec!["Mao, Zedong".into(), "He said \"no\"".into()]],
            ..Table::default()
        };
        assert_eq!(
            table.to_csv(),
            "Name,Note\r\n\"Mao, Zedong\",\"He said \"\"no\"\"\"\r\n"
        );
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(
            (percent(0.49487), decimal(48.5), decimal(26.0)),
            ("49.5 %".into(), "48.5".into(), "26".into())
        );
    }
}
