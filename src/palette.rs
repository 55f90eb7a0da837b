//! CSS classes that colour people: a hue per delegation (`deleg-{id}`) and a
//! shade per speaker within it (`sp-{k}`), defined in static/parley.css.

use std::collections::HashMap;

use parley_core::model::{Document, Person};

/// Shades per delegation in the stylesheet; further speakers reuse them.
const SHADES: usize = 6;

/// `deleg-soviet`, or `deleg-none` for people of no known delegation.
pub fn delegation_class(doc: &Document, person: &Person) -> String {
    match person.delegation {
        Some(index) => format!("deleg-{}", doc.delegations[index].id),
        None => "deleg-none".to_string(),
    }
}

/// Every person's classes, `deleg-soviet sp-1`: the shade is the speaker's rank
/// among the speakers of their delegation, in the order of the record's people.
pub fn speaker_classes(doc: &Document) -> Vec<String> {
    let mut speaks = vec![false; doc.people.len()];
    for turn in doc.turns() {
        speaks[turn.speaker] = true;
    }
    let mut ranks: HashMap<Option<usize>, usize> = HashMap::new();
    doc.people
        .iter()
        .zip(&speaks)
        .map(|(person, &speaks)| {
            let rank = ranks.entry(person.delegation).or_insert(0);
            let shade = *rank % SHADES;
            if speaks {
                *rank += 1;
            }
            format!("{} sp-{shade}", delegation_class(doc, person))
        })
        .collect()
}
