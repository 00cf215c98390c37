//! Entities on the seeds gold: which gold entities are found, with all their variants in one
//! entity and the right type; wrong merges; non-entities reported as entities.
//! `cargo test --release --test entities -- --nocapture` prints the figures.

mod common;

use common::{analyze_paths, fold, shared};
use parallax::model::Entity;

fn gold() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(shared().join("eval/seeds.gold.json")).unwrap())
        .unwrap()
}

/// The entity that has this form as its name or among its variants.
fn holding<'a>(entities: &'a [Entity], form: &str) -> Option<&'a Entity> {
    let form = fold(form);
    entities
        .iter()
        .find(|e| fold(&e.name) == form || e.variants.iter().any(|v| fold(v) == form))
}

#[test]
fn seeds_entities_against_the_gold() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let entities = &analysis.entities;
    let gold = gold();
    let gold_entities = gold["entities"].as_array().unwrap();
    let (mut found, mut complete, mut typed) = (0, 0, 0);
    for g in gold_entities {
        let name = g["name"].as_str().unwrap();
        let variants: Vec<&str> = g["variants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        // the gold's canonical name may be a form no article uses ("Amir Khan Muttaqi"): the
        // entity is the one that holds most of the gold's forms
        let holders: Vec<&Entity> = std::iter::once(name)
            .chain(variants.iter().copied())
            .filter_map(|v| holding(entities, v))
            .collect();
        let Some(e) = holders
            .iter()
            .max_by_key(|h| holders.iter().filter(|x| x.id == h.id).count())
            .copied()
        else {
            eprintln!("missing: {name}");
            continue;
        };
        found += 1;
        let apart: Vec<&&str> = variants
            .iter()
            .filter(|v| holding(entities, v).map(|h| &h.id) != Some(&e.id))
            .collect();
        if apart.is_empty() {
            complete += 1;
        } else {
            eprintln!("{name}: variants elsewhere or missing: {apart:?}");
        }
        let kind = serde_json::to_value(e.kind).unwrap();
        if kind == g["type"] {
            typed += 1;
        } else {
            eprintln!("{name}: type {kind}, gold {}", g["type"]);
        }
    }
    // roles and affiliations of the gold entities we found
    let (mut gold_roles, mut roles_found, mut gold_affiliations, mut affiliations_right) =
        (0, 0, 0, 0);
    for g in gold_entities {
        let name = g["name"].as_str().unwrap();
        let Some(e) = g["variants"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(|v| holding(entities, v.as_str().unwrap()))
        else {
            continue;
        };
        for role in g["roles"].as_array().into_iter().flatten() {
            gold_roles += 1;
            let role = fold(role.as_str().unwrap());
            if e.roles.iter().any(|r| fold(r) == role) {
                roles_found += 1;
            } else {
                eprintln!("{name}: role not found: {role:?} (ours: {:?})", e.roles);
            }
        }
        if let Some(affiliation) = g["affiliation"].as_str() {
            gold_affiliations += 1;
            let ours = e
                .affiliation
                .as_ref()
                .and_then(|id| entities.iter().find(|x| &x.id == id));
            if ours.is_some_and(|o| holding(entities, affiliation).is_some_and(|h| h.id == o.id)) {
                affiliations_right += 1;
            } else {
                eprintln!(
                    "{name}: affiliation {affiliation:?}, ours {:?}",
                    ours.map(|o| &o.name)
                );
            }
        }
    }
    eprintln!(
        "seeds roles: {roles_found}/{gold_roles} gold roles found word for word; \
         affiliations right: {affiliations_right}/{gold_affiliations}"
    );
    let mut wrong_merges = 0;
    for pair in gold["must_not_merge"].as_array().unwrap() {
        let (a, b) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        if let (Some(x), Some(y)) = (holding(entities, a), holding(entities, b)) {
            if x.id == y.id {
                wrong_merges += 1;
                eprintln!("wrong merge: {a} + {b}");
            }
        }
    }
    let not_entities: Vec<&str> = gold["not_entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .filter(|n| holding(entities, n).is_some())
        .collect();
    eprintln!(
        "seeds entities: {found}/{n} found, {complete}/{n} with all variants in one entity, \
         {typed}/{found} typed right; {wrong_merges} wrong merges; non-entities reported: {not_entities:?}",
        n = gold_entities.len()
    );
    // what holds today (issue 4 is in progress): no wrong merge, most entities found
    assert_eq!(wrong_merges, 0);
    assert!(found * 10 >= gold_entities.len() * 8, "found {found}");
}
