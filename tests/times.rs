//! Time expressions on the seeds gold: every gold date phrase found and resolved to its date,
//! three of the five documents undated (their range inferred from copies and story).
//! `cargo test --release --test times -- --nocapture` prints the figures.

mod common;

use common::{analyze_paths, fold, shared};

#[test]
fn seeds_dates_against_the_gold() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared().join("eval/seeds.gold.json")).unwrap(),
    )
    .unwrap();
    let (mut expected, mut found, mut right) = (0, 0, 0);
    for g in gold["dates"].as_array().unwrap() {
        let (doc, phrase) = (g["doc"].as_str().unwrap(), g["phrase"].as_str().unwrap());
        let want = g["resolves_to"].as_str().unwrap();
        expected += 1;
        let ours: Vec<_> = analysis
            .times
            .iter()
            .filter(|t| {
                t.doc == doc
                    && (fold(&t.text).contains(&fold(phrase))
                        || fold(phrase).contains(&fold(&t.text)))
            })
            .collect();
        if ours.is_empty() {
            eprintln!("missing in {doc}: {phrase:?}");
            continue;
        }
        found += 1;
        let exact = ours.iter().any(|t| {
            t.resolved
                .is_some_and(|r| r.start.to_string() == want && r.end.to_string() == want)
        });
        if exact {
            right += 1;
        } else {
            let got: Vec<_> = ours.iter().map(|t| (t.text.clone(), t.resolved)).collect();
            eprintln!("wrong in {doc}: {phrase:?} should be {want}, ours {got:?}");
        }
    }
    // undated documents: the inferred range holds the gold range's days
    let mut ranges_right = 0;
    let undated: Vec<_> = gold["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["published"].is_null())
        .collect();
    for g in &undated {
        let doc = analysis
            .documents
            .iter()
            .find(|d| d.id == g["doc"])
            .unwrap();
        let range = g["published_range"].as_array().unwrap();
        let (from, to) = (range[0].as_str().unwrap(), range[1].as_str().unwrap());
        let ours = (
            doc.published_earliest.as_deref(),
            doc.published_latest.as_deref(),
        );
        let overlaps = matches!(ours, (Some(a), Some(b)) if a <= to && from <= b);
        eprintln!("{}: published between {ours:?}, gold {from}..{to}", doc.id);
        ranges_right += usize::from(overlaps);
    }
    eprintln!(
        "seeds dates: {found}/{expected} found, {right}/{expected} resolved to the gold date; \
         {ranges_right}/{} undated documents placed in a range meeting the gold's",
        undated.len()
    );
    assert_eq!(right, expected);
    assert_eq!(ranges_right, undated.len());
}
