//! The named-entity tagger: the shipped model against CoNLL-2003's development set (eng.testa),
//! and the shipped file against a fresh training run. `cargo test --release --test ner -- --nocapture`
//! prints the figures.

mod common;

use common::shared;
use parallax::extract::{self, conll, ner::EntityType, ner::Tagger};

const MODEL: &[u8] = include_bytes!("../models/ner.bin");

fn conll_file(name: &str) -> String {
    std::fs::read_to_string(shared().join("data/conll2003-en").join(name)).unwrap()
}

#[test]
fn shipped_model_scores_on_the_development_set() {
    let tagger = Tagger::from_bytes(MODEL).unwrap();
    let dev = conll::parse(&conll_file("eng.testa")).unwrap();
    use EntityType::*;
    let all = extract::evaluate_ner(&tagger, &dev, &[Person, Organization, Location]);
    for kind in [Person, Organization, Location, Other] {
        let s = extract::evaluate_ner(&tagger, &dev, &[kind]);
        eprintln!(
            "{kind:?}: P {:.3} R {:.3} F1 {:.3} ({} gold)",
            s.precision(),
            s.recall(),
            s.f1(),
            s.gold
        );
    }
    eprintln!(
        "PER+ORG+LOC on eng.testa: P {:.3} R {:.3} F1 {:.3} ({} gold mentions)",
        all.precision(),
        all.recall(),
        all.f1(),
        all.gold
    );
    assert!(all.f1() >= 0.80, "{all:?}");
}

#[test]
fn shipped_model_is_what_train_ner_produces() {
    let tagger = extract::train_ner(
        &conll_file("eng.train"),
        extract::NER_EPOCHS,
        extract::NER_SEED,
    )
    .unwrap();
    assert!(
        tagger.to_bytes() == MODEL,
        "models/ner.bin is stale: rebuild it with \
         `parallax train-ner ../shared/data/conll2003-en/eng.train --out models/ner.bin`"
    );
}
