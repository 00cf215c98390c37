//! Events on the seeds gold: each happening the gold dates ("clash in which seven … were
//! killed", "heavy clashes erupted") is an event of its document with the gold's date.
//! `cargo test --release --test events -- --nocapture` prints the figures.

mod common;

use common::{analyze_paths, fold, shared};

#[test]
fn seeds_dated_happenings_are_events_with_their_dates() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared().join("eval/seeds.gold.json")).unwrap(),
    )
    .unwrap();
    let (mut expected, mut right) = (0, 0);
    for g in gold["dates"].as_array().unwrap() {
        let (doc, phrase) = (g["doc"].as_str().unwrap(), g["phrase"].as_str().unwrap());
        let want = g["resolves_to"].as_str().unwrap();
        expected += 1;
        // an event whose sentence holds the gold's date phrase, dated by that phrase
        let dated = analysis.events.iter().any(|e| {
            e.evidence.iter().any(|ev| ev.doc == doc)
                && fold(&e.summary).contains(&fold(phrase))
                && e.date_source.as_deref() == Some("expression")
                && e.date
                    .is_some_and(|d| d.start.to_string() == want && d.end.to_string() == want)
        });
        if dated {
            right += 1;
        } else {
            eprintln!(
                "no event dated {want} by {phrase:?} in {doc} ({})",
                g["what"]
            );
        }
    }
    let by_article = analysis
        .events
        .iter()
        .filter(|e| e.date_source.as_deref() == Some("article"))
        .count();
    eprintln!(
        "seeds events: {right}/{expected} gold happenings are events with the gold date; {} events \
         in all, {by_article} dated only by their article",
        analysis.events.len()
    );
    assert!(right * 4 >= expected * 3, "{right}/{expected}");
}

/// An event's place is a place: a name the tagger once read as a place but that the run knows as
/// a person ("Voss") or body is not where anything happened.
#[test]
fn seeds_events_take_place_only_in_places() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    for e in analysis.events.iter().filter(|e| e.place.is_some()) {
        let place = analysis
            .entities
            .iter()
            .find(|x| Some(&x.id) == e.place.as_ref())
            .expect("the place is an entity");
        assert_eq!(
            place.kind,
            parallax::model::EntityType::Location,
            "{e:#?} {place:#?}"
        );
    }
}
