//! Quotes on the seeds gold: every gold quote found in each document that carries it, with the
//! right speaker. `cargo test --release --test quotes -- --nocapture` prints the figures.

mod common;

use common::{analyze_paths, entity, fold, is_gold_entity, seeds_gold, shared};
use parallax::model::{Analysis, Quote};

/// Our quote that says the gold text in that document: ours holds it, or it holds ours and ours
/// is most of it (a quote may be cut at a sentence the gold runs across).
fn matching<'a>(analysis: &'a Analysis, doc: &str, text: &str) -> Vec<&'a Quote> {
    let gold = fold(text);
    analysis
        .quotes
        .iter()
        .filter(|q| q.doc == doc)
        .filter(|q| {
            let ours = fold(&q.text);
            ours.contains(&gold) || (gold.contains(&ours) && ours.len() * 2 >= gold.len())
        })
        .collect()
}

#[test]
fn seeds_quotes_against_the_gold() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let gold = seeds_gold();
    let (mut expected, mut found, mut right_speaker) = (0, 0, 0);
    for g in gold["quotes"].as_array().unwrap() {
        let text = g["text"].as_str().unwrap();
        let speaker = g["speaker"].as_str().unwrap();
        for doc in g["docs"].as_array().unwrap() {
            let doc = doc.as_str().unwrap();
            expected += 1;
            let ours = matching(&analysis, doc, text);
            if ours.is_empty() {
                eprintln!("missing in {doc}: {text:?} ({speaker})");
                continue;
            }
            found += 1;
            let named = ours.iter().any(|q| {
                entity(&analysis, &q.speaker).is_some_and(|e| is_gold_entity(e, speaker, &gold))
            });
            if named {
                right_speaker += 1;
            } else {
                let said: Vec<_> = ours
                    .iter()
                    .map(|q| {
                        (
                            q.speaker_text.clone(),
                            entity(&analysis, &q.speaker).map(|e| &e.name),
                        )
                    })
                    .collect();
                eprintln!("wrong speaker in {doc}: {text:?}: gold {speaker}, ours {said:?}");
            }
        }
    }
    eprintln!(
        "seeds quotes: {found}/{expected} found, {right_speaker}/{expected} with the right speaker; \
         {} quotes reported in all",
        analysis.quotes.len()
    );
    // what holds today (issue 5 is in progress)
    assert!(found * 4 >= expected * 3, "found {found}/{expected}");
    assert!(
        right_speaker * 2 >= expected,
        "right speaker {right_speaker}/{expected}"
    );
}
