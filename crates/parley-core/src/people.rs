//! Matching speaker labels, "Present" lists and the metadata file to people.

use crate::error::{ErrorKind, ParseError};
use crate::meta::{Metadata, PersonMeta};
use crate::model::{Person, PresentList};

/// A distinct speaker label met in the dialogue and the person it resolved to.
pub(crate) struct LabelUse {
    pub label: String,
    pub person: usize,
}

/// A name reduced for matching: initials dropped, upper case, single spaces.
/// `N.S. KHRUSHCHEV` and `Khrushchev` both give `KHRUSHCHEV`.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .filter(|word| !(word.contains('.') && word.chars().all(|c| c == '.' || c.is_uppercase())))
        .map(str::to_uppercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a speaker label names the person listed as `name` in a "Present" list:
/// the same name once initials are dropped, or the label's last word is the listed surname.
pub(crate) fn label_matches_name(label: &str, name: &str) -> bool {
    let label = name_key(label);
    let name = name_key(name);
    !name.is_empty() && (label == name || label.rsplit(' ').next() == Some(name.as_str()))
}

/// A lower-case identifier for URLs: `Mao Zedong` → `mao-zedong`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `MAO ZEDONG` → `Mao Zedong`; initials stay as written.
fn title_case(label: &str) -> String {
    label
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if !word.contains('.') => {
                    first.to_string() + &chars.as_str().to_lowercase()
                }
                _ => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn from_meta(meta: &PersonMeta, delegation: Option<usize>, present_as: Option<String>) -> Person {
    Person {
        id: meta.id.get_ref().clone(),
        name: meta.name.clone(),
        label: meta.label.clone(),
        delegation,
        role: meta.role.clone(),
        present_as,
    }
}

/// Builds the people of a record: first those in the "Present" lists in their
/// order, then metadata people the lists omit, then speakers known only by
/// their label. Sets `person` on each label use. Returns the people and each
/// delegation's id and name.
pub(crate) fn resolve_people(
    file: &str,
    meta: &Metadata,
    lists: &[PresentList],
    label_uses: &mut [LabelUse],
    errors: &mut Vec<ParseError>,
) -> (Vec<Person>, Vec<(String, String)>) {
    if !meta.delegations.is_empty() && meta.delegations.len() != lists.len() {
        errors.push(ParseError {
            file: file.to_string(),
            line: lists.first().map_or(1, |l| l.line),
            column: 1,
            kind: ErrorKind::DelegationCount {
                meta: meta.delegations.len(),
                record: lists.len(),
            },
        });
    }
    let delegations: Vec<(String, String)> = (0..lists.len())
        .map(|i| match meta.delegations.get(i) {
            Some(d) => (d.id.clone(), d.name.clone()),
            None => (
                format!("delegation-{}", i + 1),
                crate::text::record::delegation_numbered(i + 1),
            ),
        })
        .collect();

    let mut people: Vec<Person> = Vec::new();
    let mut used_meta = vec![false; meta.people.len()];
    for (index, list) in lists.iter().enumerate() {
        for name in &list.names {
            let found = meta.people.iter().enumerate().position(|(i, p)| {
                !used_meta[i]
                    && match &p.present_as {
                        Some(present_as) => present_as == name,
                        None => {
                            p.label
                                .as_deref()
                                .is_some_and(|label| label_matches_name(label, name))
                                || name_key(&p.name) == name_key(name)
                        }
                    }
            });
            let person = match found {
                Some(i) => {
                    used_meta[i] = true;
                    from_meta(&meta.people[i], Some(index), Some(name.clone()))
                }
                None => Person {
                    id: slug(name),
                    name: name.clone(),
                    label: None,
                    delegation: Some(index),
                    role: None,
                    present_as: Some(name.clone()),
                },
            };
            people.push(person);
        }
    }
    for (person, _) in meta
        .people
        .iter()
        .zip(&used_meta)
        .filter(|(_, used)| !**used)
    {
        let delegation = person.delegation.as_ref().and_then(|id| {
            let found = meta.delegations.iter().position(|d| d.id == *id.get_ref());
            if found.is_none() {
                errors.push(meta.error_at(
                    id.span(),
                    ErrorKind::UnknownDelegation(id.get_ref().clone()),
                ));
            }
            found
        });
        people.push(from_meta(person, delegation, None));
    }
    for person in &meta.people {
        let id = person.id.get_ref();
        if people.iter().filter(|p| p.id == *id).count() > 1 {
            errors.push(meta.error_at(person.id.span(), ErrorKind::DuplicatePersonId(id.clone())));
        }
    }

    for label_use in label_uses.iter_mut() {
        let label = label_use.label.as_str();
        let by_label = people
            .iter()
            .position(|p| p.label.as_deref() == Some(label));
        let by_name = || {
            people.iter().position(|p| {
                p.label.is_none()
                    && p.present_as
                        .as_deref()
                        .is_some_and(|name| label_matches_name(label, name))
            })
        };
        label_use.person = match by_label.or_else(by_name) {
            Some(i) => {
                people[i].label = Some(label.to_string());
                i
            }
            None => {
                let mut id = slug(&name_key(label));
                if people.iter().any(|p| p.id == id) {
                    id = format!("{id}-{}", people.len() + 1);
                }
                people.push(Person {
                    id,
                    name: title_case(label),
                    label: Some(label.to_string()),
                    delegation: None,
                    role: None,
                    present_as: None,
                });
                people.len() - 1
            }
        };
    }
    (people, delegations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_listed_names() {
        assert!(label_matches_name("N.S. KHRUSHCHEV", "Khrushchev"));
        assert!(label_matches_name("MAO ZEDONG", "Mao Zedong"));
        assert!(!label_matches_name("PENG DEHUAI", "Peng Zhen"));
        assert!(!label_matches_name("ZHU DE", "Zhou Enlai"));
    }

    #[test]
    fn slugs_and_names() {
        assert_eq!(slug("Mao Zedong"), "mao-zedong");
        assert_eq!(slug("Václav  Nosek!"), "václav-nosek");
        assert_eq!(title_case("N.S. KHRUSHCHEV"), "N.S. Khrushchev");
    }
}
