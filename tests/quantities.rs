//! Quantities on the seeds gold: each gold number found in its document with its value,
//! approximation, unit, counted thing and claimant.
//! `cargo test --release --test quantities -- --nocapture` prints the figures.

mod common;

use common::{analyze_paths, fold, shared};
use parallax::model::Quantity;

/// The gold's approximation words, in the contract's terms.
fn approx_of(gold: &serde_json::Value) -> &str {
    match gold["approx"].as_str() {
        None => "exact",
        Some("around") => "about",
        Some(other) => other,
    }
}

/// Content words of a phrase.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 2 && !["the", "and", "of", "in", "were", "was"].contains(w))
        .map(String::from)
        .collect()
}

#[test]
fn seeds_quantities_against_the_gold() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared().join("eval/seeds.gold.json")).unwrap(),
    )
    .unwrap();
    let name_of = |id: &Option<String>| {
        analysis
            .entities
            .iter()
            .find(|e| Some(&e.id) == id.as_ref())
    };
    let (mut expected, mut found, mut approx_right, mut unit_right, mut what_right) =
        (0, 0, 0, 0, 0);
    let (mut claimed, mut claimant_right) = (0, 0);
    for g in gold["quantities"].as_array().unwrap() {
        let doc = g["doc"].as_str().unwrap();
        let value = g["value"].as_f64().unwrap();
        expected += 1;
        let ours: Vec<&Quantity> = analysis
            .quantities
            .iter()
            .filter(|q| q.doc == doc && q.value == value)
            .collect();
        let Some(q) = ours.first() else {
            eprintln!("missing in {doc}: {value} {}", g["what"]);
            continue;
        };
        found += 1;
        approx_right += usize::from(serde_json::to_value(q.approx).unwrap() == approx_of(g));
        unit_right += usize::from(q.unit.as_deref() == g["unit"].as_str());
        let gold_words = words(g["what"].as_str().unwrap());
        let ours_words = words(&q.what);
        let shared_words = gold_words.iter().filter(|w| ours_words.contains(w)).count();
        if shared_words * 2 >= gold_words.len() {
            what_right += 1;
        } else {
            eprintln!(
                "what in {doc} {value}: gold {:?}, ours {:?}",
                g["what"], q.what
            );
        }
        if let Some(claimant) = g["claimant"].as_str() {
            claimed += 1;
            let ours = name_of(&q.claimant);
            let right = ours.is_some_and(|e| {
                let names: Vec<String> = std::iter::once(&e.name)
                    .chain(&e.variants)
                    .map(|v| fold(v))
                    .collect();
                names.contains(&fold(claimant))
            });
            if right {
                claimant_right += 1;
            } else {
                eprintln!(
                    "claimant in {doc} {value}: gold {claimant}, ours {:?}",
                    ours.map(|e| &e.name)
                );
            }
        }
    }
    eprintln!(
        "seeds quantities: {found}/{expected} found; approximation {approx_right}, unit {unit_right}, \
         counted thing {what_right} of {expected}; claimant {claimant_right}/{claimed}; {} quantities reported in all",
        analysis.quantities.len()
    );
    assert_eq!(found, expected);
    assert_eq!(approx_right, expected);
    assert_eq!(unit_right, expected);
    assert_eq!(claimant_right, claimed);
    assert_eq!(what_right, expected, "counted thing");
}
