//! The `documents` part of analysis.json on the five seed articles, checked against the gold.

mod common;

use common::{analyze_paths, fold, shared};
use parallax::model::{Analysis, Document};
use serde_json::Value;

fn gold() -> Value {
    let text = std::fs::read_to_string(shared().join("eval/seeds.gold.json")).expect("gold file");
    serde_json::from_str(&text).expect("gold is JSON")
}

fn seeds() -> Analysis {
    analyze_paths(&[shared().join("seeds")])
}

fn doc<'a>(analysis: &'a Analysis, id: &str) -> &'a Document {
    analysis
        .documents
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("document {id} missing"))
}

fn gold_docs() -> Vec<Value> {
    gold()["documents"].as_array().expect("documents").clone()
}

#[test]
fn every_seed_is_read_with_its_file_name_as_id() {
    let analysis = seeds();
    assert_eq!(analysis.documents.len(), 5);
    assert!(analysis.problems.is_empty(), "{:?}", analysis.problems);
    for g in gold_docs() {
        doc(&analysis, g["doc"].as_str().unwrap());
    }
}

#[test]
fn titles_match_the_gold_and_003_has_none() {
    let analysis = seeds();
    for g in gold_docs() {
        let d = doc(&analysis, g["doc"].as_str().unwrap());
        match g["title"].as_str() {
            Some(title) => assert_eq!(d.title.as_deref().map(fold), Some(fold(title)), "{}", d.id),
            None => assert_eq!(d.title, None, "{} starts straight into the story", d.id),
        }
        if let Some(title) = &d.title {
            assert!(
                !d.body.starts_with(title.as_str()),
                "{}: title left at the top of the body",
                d.id
            );
        }
    }
}

#[test]
fn dates_times_bylines_and_outlets_match_the_gold() {
    let analysis = seeds();
    for g in gold_docs() {
        let d = doc(&analysis, g["doc"].as_str().unwrap());
        assert_eq!(
            d.published.as_deref(),
            g["published"].as_str(),
            "{} published",
            d.id
        );
        assert_eq!(d.byline.as_deref(), g["byline"].as_str(), "{} byline", d.id);
        if let Some(time) = g["published_time"].as_str() {
            assert_eq!(d.published_time.as_deref(), Some(time), "{} time", d.id);
        }
        if let Some(outlet) = g["outlet"].as_str() {
            assert_eq!(d.outlet.as_deref(), Some(outlet), "{} outlet", d.id);
        }
        assert_eq!(d.language, "en");
    }
}

#[test]
fn section_headings_are_headings_not_body() {
    let analysis = seeds();
    for g in gold_docs() {
        let d = doc(&analysis, g["doc"].as_str().unwrap());
        let headings: Vec<String> = d.headings.iter().map(|h| fold(h)).collect();
        let body = fold(&d.body);
        for h in g["section_headings"].as_array().into_iter().flatten() {
            let h = fold(h.as_str().unwrap());
            assert!(
                headings.contains(&h),
                "{}: heading {h:?} not among {headings:?}",
                d.id
            );
            assert!(
                !body.contains(&h),
                "{}: heading {h:?} left in the body",
                d.id
            );
        }
        for s in &d.sections {
            assert!(d.body.is_char_boundary(s.start) && s.start <= d.body.len());
        }
    }
}

#[test]
fn no_furniture_left_in_any_body() {
    let analysis = seeds();
    for g in gold_docs() {
        let d = doc(&analysis, g["doc"].as_str().unwrap());
        let body = fold(&d.body);
        for item in g["boilerplate_not_in_body"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let item = fold(item.as_str().unwrap());
            assert!(
                !body.contains(&item),
                "{}: furniture {item:?} left in the body",
                d.id
            );
            // furniture that is taken out is kept aside, not lost
            assert!(
                d.removed.iter().any(|r| fold(&r.text).contains(&item)),
                "{}: {item:?} not among removed",
                d.id
            );
        }
    }
}

#[test]
fn sentences_tile_the_body_and_map_back_to_the_file() {
    let analysis = seeds();
    for d in &analysis.documents {
        assert!(
            d.sentences.len() >= 10,
            "{} has {} sentences",
            d.id,
            d.sentences.len()
        );
        let original = std::fs::read_to_string(&d.path).unwrap();
        for s in &d.sentences {
            let text = d.text(*s);
            assert!(
                !text.trim().is_empty() && text.trim() == text,
                "{}: {text:?}",
                d.id
            );
            // the first word of each sentence is found at the mapped offset of the original file
            let at = d.original_offset(s.start).expect("mapped");
            let word: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
            if !word.is_empty() {
                assert!(
                    original[at..].starts_with(&word),
                    "{}: {word:?} not at original offset {at}",
                    d.id
                );
            }
        }
    }
    // the split quote of 000 stays one sentence with its cue
    let d = doc(&analysis, "000_550b3637399715cc");
    assert!(d.sentences.iter().any(|s| {
        let t = d.text(*s);
        t.contains("talks and negotiations... but unfortunately all in vain")
            && t.starts_with("In an audio message")
    }));
}
