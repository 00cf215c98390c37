//! Stage 5b, entity resolution (first version): the mentions of all documents become entities,
//! one per real-world thing. A merge needs evidence:
//!
//! - the same name, folded (case, possessive, spacing), in any document;
//! - a surname alone ("Voss") resolved to the one full name ending in it in the same document, or,
//!   when no full name is there, to the only such full name in the whole run;
//! - an acronym tied to its expansion in the same document ("National Resistance Front (NRF)");
//! - a place with or without its designator ("Panjshir Valley", "Panjshir province", "Panjshir").
//!
//! Two full names that share a surname ("Ahmad Massoud", "Ahmad Shah Massoud") stay apart, and a
//! surname shared by two full names resolves to neither. Spelling variants and transliterations
//! are not merged yet.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Document, Entity, EntityMention, EntityType, Mention};

/// A name reduced to what identifies it: lower case, no possessive, single spaces.
fn fold(name: &str) -> String {
    let name = name
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .replace(['\u{2019}', '\u{2018}'], "'");
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Words that say what kind of place a name is ("Panjshir Valley", "Shutul district"): the place
/// is the same with or without them.
const PLACE_DESIGNATORS: &[&str] = &[
    "valley",
    "province",
    "district",
    "region",
    "county",
    "governorate",
    "oblast",
    "prefecture",
    "municipality",
    "city",
    "town",
    "village",
    "state",
];

/// The name without a trailing place designator, when something is left.
fn without_designator(folded: &str) -> &str {
    match folded.rsplit_once(' ') {
        Some((head, last)) if PLACE_DESIGNATORS.contains(&last) => head,
        _ => folded,
    }
}

/// A written name without its trailing designator, case kept.
fn strip_designator(name: &str) -> &str {
    match name.trim_end().rsplit_once(' ') {
        Some((head, last)) if PLACE_DESIGNATORS.contains(&last.to_lowercase().as_str()) => head,
        _ => name,
    }
}

fn last_word(folded: &str) -> &str {
    folded.rsplit(' ').next().unwrap_or(folded)
}

/// The initials of a name's capitalised words ("National Resistance Front" → "NRF").
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

fn is_acronym(text: &str) -> bool {
    (2..=6).contains(&text.chars().count()) && text.chars().all(|c| c.is_ascii_uppercase())
}

/// Within one document: the key each mention resolves to.
fn local_keys(mentions: &[Mention]) -> Vec<String> {
    let folded: Vec<String> = mentions
        .iter()
        .map(|m| without_designator(&fold(&m.text)).to_string())
        .collect();
    let full_people: Vec<&String> = mentions
        .iter()
        .zip(&folded)
        .filter(|(m, f)| m.kind == EntityType::Person && f.contains(' '))
        .map(|(_, f)| f)
        .collect();
    mentions
        .iter()
        .zip(&folded)
        .enumerate()
        .map(|(k, (m, f))| {
            if m.kind == EntityType::Person && !f.contains(' ') {
                let mut fulls: Vec<&&String> =
                    full_people.iter().filter(|p| last_word(p) == f).collect();
                fulls.sort();
                fulls.dedup();
                if let [only] = fulls.as_slice() {
                    return (**only).clone();
                }
            }
            if is_acronym(&m.text) {
                // the nearest earlier multi-word name whose initials spell it
                if let Some(expansion) = mentions[..k]
                    .iter()
                    .rev()
                    .find(|e| e.text.contains(' ') && initials(&e.text) == m.text)
                {
                    return fold(&expansion.text);
                }
            }
            f.clone()
        })
        .collect()
}

/// Resolves every document's mentions into entities.
pub fn resolve(docs: &[Document]) -> Vec<Entity> {
    // (doc index, mention index) per key
    let mut by_key: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (k, key) in local_keys(&doc.mentions).into_iter().enumerate() {
            by_key.entry(key).or_default().push((d, k));
        }
    }
    let redirect = surname_redirects(&by_key, docs);
    let mut merged: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (key, list) in by_key {
        let target = redirect.get(&key).cloned().unwrap_or(key);
        merged.entry(target).or_default().extend(list);
    }
    let mut entities: Vec<Entity> = merged
        .into_values()
        .map(|list| entity(docs, list))
        .collect();
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.name.cmp(&b.name))
    });
    for (k, e) in entities.iter_mut().enumerate() {
        e.id = format!("entity-{}", k + 1);
    }
    entities
}

/// A surname left alone in its document goes to the only full person name in the run ending in it.
fn surname_redirects(
    by_key: &BTreeMap<String, Vec<(usize, usize)>>,
    docs: &[Document],
) -> HashMap<String, String> {
    let is_person = |list: &[(usize, usize)]| {
        let people = list
            .iter()
            .filter(|&&(d, k)| docs[d].mentions[k].kind == EntityType::Person)
            .count();
        people * 2 > list.len()
    };
    let mut fulls_by_surname: HashMap<&str, Vec<&String>> = HashMap::new();
    for (key, list) in by_key {
        if key.contains(' ') && is_person(list) {
            fulls_by_surname
                .entry(last_word(key))
                .or_default()
                .push(key);
        }
    }
    by_key
        .iter()
        .filter(|(key, list)| !key.contains(' ') && is_person(list))
        .filter_map(
            |(key, _)| match fulls_by_surname.get(key.as_str())?.as_slice() {
                [only] => Some((key.clone(), (*only).clone())),
                _ => None,
            },
        )
        .collect()
}

fn entity(docs: &[Document], list: Vec<(usize, usize)>) -> Entity {
    let mentions: Vec<&Mention> = list.iter().map(|&(d, k)| &docs[d].mentions[k]).collect();
    // type: the majority of the mentions' types (ties to the first in EntityType order)
    let mut votes: BTreeMap<EntityType, usize> = BTreeMap::new();
    for m in &mentions {
        *votes.entry(m.kind).or_insert(0) += 1;
    }
    let kind = votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k)
        .unwrap_or(EntityType::Other);
    // name: the most complete frequent form (most words, then most often, then first seen); a
    // place is named without its designator ("Parwan", not "Parwan province")
    let mut forms: Vec<(&str, usize)> = Vec::new();
    for m in &mentions {
        let form = if kind == EntityType::Location {
            strip_designator(&m.text)
        } else {
            &m.text
        };
        match forms.iter_mut().find(|(f, _)| *f == form) {
            Some(entry) => entry.1 += 1,
            None => forms.push((form, 1)),
        }
    }
    let name = forms
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| {
            let words = |s: &str| s.split_whitespace().count();
            words(a.0)
                .cmp(&words(b.0))
                .then(a.1.cmp(&b.1))
                .then(j.cmp(i))
        })
        .map(|(_, f)| f.0.to_string())
        .unwrap_or_default();
    let mut variants: Vec<String> = Vec::new();
    for m in &mentions {
        let titled = m.title.as_ref().map(|t| format!("{t} {}", m.text));
        for v in [Some(m.text.clone()), titled].into_iter().flatten() {
            if !variants.contains(&v) {
                variants.push(v);
            }
        }
    }
    Entity {
        id: String::new(),
        name,
        kind,
        variants,
        roles: Vec::new(),
        affiliation: None,
        mentions: list
            .iter()
            .map(|&(d, k)| {
                let m = &docs[d].mentions[k];
                EntityMention {
                    doc: docs[d].id.clone(),
                    start: m.start,
                    end: m.end,
                    text: m.text.clone(),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_document;

    fn doc(id: &str, mentions: &[(&str, EntityType)]) -> Document {
        let mut d = test_document(id, "");
        d.mentions = mentions
            .iter()
            .map(|(text, kind)| Mention {
                start: 0,
                end: 0,
                text: (*text).into(),
                kind: *kind,
                title: None,
            })
            .collect();
        d
    }

    fn names_of(entities: &[Entity]) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = entities
            .iter()
            .map(|e| {
                let mut v = e.variants.clone();
                v.sort();
                (e.name.clone(), v)
            })
            .collect();
        out.sort();
        out
    }

    use EntityType::*;

    #[test]
    fn surnames_acronyms_and_repeats_join_their_full_names() {
        let docs = vec![
            doc(
                "a",
                &[
                    ("Arlen Voss", Person),
                    ("Northern Valley Front", Organization),
                    ("NVF", Organization),
                    ("Voss", Person),
                ],
            ),
            doc("b", &[("Voss", Person), ("Arlen Voss's", Person)]),
            doc("c", &[("Voss", Person)]),
        ];
        let entities = resolve(&docs);
        assert_eq!(
            names_of(&entities),
            vec![
                (
                    "Arlen Voss".to_string(),
                    vec![
                        "Arlen Voss".to_string(),
                        "Arlen Voss's".into(),
                        "Voss".into()
                    ]
                ),
                (
                    "Northern Valley Front".to_string(),
                    vec!["NVF".to_string(), "Northern Valley Front".into()]
                ),
            ]
        );
        assert_eq!(entities[0].mentions.len(), 5);
    }

    #[test]
    fn a_place_is_the_same_with_or_without_its_designator() {
        let docs = vec![
            doc("a", &[("Tarnby Valley", Location), ("Mereford", Location)]),
            doc("b", &[("Tarnby province", Location), ("Tarnby", Location)]),
        ];
        let entities = resolve(&docs);
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[0].mentions.len(), 3);
        assert_eq!(entities[0].name, "Tarnby");
    }

    #[test]
    fn two_full_names_sharing_a_surname_stay_apart() {
        let docs = vec![
            doc("a", &[("Dane Holt", Person), ("Dane Marek Holt", Person)]),
            doc("b", &[("Holt", Person)]),
        ];
        let entities = resolve(&docs);
        // the lone surname is ambiguous: it joins neither
        assert_eq!(entities.len(), 3);
    }
}
