//! Reconcile and report on the seeds gold: the gold contradictions found with each side's
//! claimant, no contradiction between casualty counts of different periods, number bands with
//! their claimants, and reports a reader can open. `cargo test --release --test reconcile --
//! --nocapture` prints the figures.

mod common;

use common::{analyze_paths, entity, fold, is_gold_entity, seeds_gold, shared, text_source};
use parallax::model::{Analysis, ClaimStatus, ContradictionKind, Side, Stance};

/// Whether our side holds the gold side: a statement of the gold document that says the gold
/// text, and, when the gold names a claimant, that claimant.
fn holds(
    analysis: &Analysis,
    side: &Side,
    gold_side: &serde_json::Value,
    gold: &serde_json::Value,
) -> (bool, bool) {
    let doc = gold_side["doc"].as_str().unwrap();
    let text = fold(gold_side["text"].as_str().unwrap());
    let said = side
        .statements
        .iter()
        .any(|s| s.doc == doc && fold(&s.text).contains(&text));
    let claimant = match gold_side["claimant"].as_str() {
        None => true,
        Some(name) => {
            entity(analysis, &side.claimant).is_some_and(|e| is_gold_entity(e, name, gold))
        }
    };
    (said, claimant)
}

#[test]
fn seeds_contradictions_against_the_gold() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let gold = seeds_gold();
    let expected = gold["contradictions"].as_array().unwrap();
    let (mut found, mut with_claimants) = (0, 0);
    for g in expected {
        let about = g["about"].as_str().unwrap();
        let mut best = (false, false);
        for c in &analysis.contradictions {
            for (a, b) in [(0, 1), (1, 0)] {
                let (Some(x), Some(y)) = (c.sides.get(a), c.sides.get(b)) else {
                    continue;
                };
                let (said_a, who_a) = holds(&analysis, x, &g["side_a"], &gold);
                let (said_b, who_b) = holds(&analysis, y, &g["side_b"], &gold);
                if said_a && said_b {
                    best = (true, best.1 || (who_a && who_b));
                }
            }
        }
        match best {
            (true, true) => {
                found += 1;
                with_claimants += 1;
            }
            (true, false) => {
                found += 1;
                eprintln!("found with a wrong claimant: {about}");
            }
            _ => eprintln!("missing: {about}"),
        }
    }
    eprintln!(
        "seeds contradictions: {found}/{} found, {with_claimants}/{} with each side's claimant; \
         {} contradictions and {} claims reported in all",
        expected.len(),
        expected.len(),
        analysis.contradictions.len(),
        analysis.claims.len()
    );
    assert!(found >= 4, "found {found}/{}", expected.len());
    assert!(
        with_claimants >= 4,
        "with claimants {with_claimants}/{}",
        expected.len()
    );
    // few false alarms: no more contradictions than the gold's and one over
    assert!(
        analysis.contradictions.len() <= expected.len() + 1,
        "{:#?}",
        analysis
            .contradictions
            .iter()
            .map(|c| &c.about)
            .collect::<Vec<_>>()
    );
}

#[test]
fn casualty_counts_of_different_periods_are_not_contradictions() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    for c in &analysis.contradictions {
        assert!(
            c.kind != ContradictionKind::Numbers || !c.about.contains("killed"),
            "{c:#?}"
        );
    }
    // nor does one confirm the other: "at least seven" and 135 are no corroboration
    let counted = analysis
        .claims
        .iter()
        .find(|c| c.about.contains("killed") && c.about.contains("135"))
        .expect("a claim holds the 135 dead");
    assert_ne!(
        counted.status,
        parallax::model::ClaimStatus::Corroborated,
        "{counted:#?}"
    );
    // but the counts are banded, each figure with its claimant and side
    let band = analysis
        .numbers
        .iter()
        .find(|n| n.claims.iter().any(|c| c.value == 7.0))
        .expect("a band holds the seven dead");
    assert!(band.about.contains("killed"), "{band:#?}");
    assert!(band.claims.iter().any(|c| c.value == 135.0), "{band:#?}");
    assert_eq!(band.low, 7.0);
    assert_eq!(band.high, 135.0);
    let seven = band.claims.iter().find(|c| c.value == 7.0).unwrap();
    assert!(
        seven.partisan,
        "a side's own figure is marked partisan: {seven:#?}"
    );
    let side = entity(&analysis, &seven.side).expect("the side it is partisan for");
    assert!(
        is_gold_entity(side, "National Resistance Front", &seeds_gold()),
        "{side:#?}"
    );
    assert!(
        seven.window.is_some(),
        "the night it was said of: {seven:#?}"
    );
}

#[test]
fn the_distance_conflict_is_in_one_unit() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let band = analysis
        .numbers
        .iter()
        .find(|n| n.about.starts_with("distance"))
        .expect("a distance band");
    assert_eq!(band.unit.as_deref(), Some("kilometre"));
    assert_eq!(band.low, 80.0);
    assert!(
        (band.high - 144.84).abs() < 0.1,
        "90 miles in km: {band:#?}"
    );
}

#[test]
fn timeline_and_summary_cite_their_sources() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let ids: Vec<&str> = analysis.documents.iter().map(|d| d.id.as_str()).collect();
    assert!(!analysis.timeline.is_empty());
    let mut previous = None;
    for t in analysis.timeline.iter().filter(|t| !t.dated_by_article) {
        let start = t.date.unwrap().start;
        assert!(previous.is_none_or(|p| p <= start), "timeline out of order");
        previous = Some(start);
        assert!(t.sources.iter().all(|s| ids.contains(&s.as_str())));
    }
    // the gold's dated happening, "on Monday night", is on the timeline with its date
    assert!(analysis.timeline.iter().any(|t| !t.dated_by_article
        && t.date.is_some_and(|d| d.start.to_string() == "2021-08-30")
        && t.kind.contains("killing")));
    assert!(analysis.summary.len() >= 4);
    for s in &analysis.summary {
        assert!(!s.sources.is_empty(), "{s:#?}");
        assert!(s.sources.iter().all(|d| ids.contains(&d.as_str())));
    }
    assert!(
        analysis.summary.iter().any(|s| s.contested),
        "disputes are called out"
    );
}

#[test]
fn reports_are_written_self_contained() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let dir = std::env::temp_dir().join(format!("parallax-reports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let written = parallax::output::write_reports(&analysis, &dir).unwrap();
    assert_eq!(written.len(), 5);
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for fetch in ["<script", "<link", "<img", "src=", "url(", "@import"] {
        assert!(!html.contains(fetch), "the page fetches nothing: {fetch}");
    }
    assert!(html.contains("Contradictions") && html.contains("Number bands"));
    let md = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(md.contains("### Timeline") && md.contains("### Claims"));
    let events = std::fs::read_to_string(dir.join("events.csv")).unwrap();
    assert!(events.starts_with(
        "event_date,time_precision,event_type,actor1,actor2,location,fatalities,source,notes"
    ));
    // the seven dead of Monday night are the fatalities of their event
    assert!(events
        .lines()
        .any(|l| l.starts_with("2021-08-30,day,killing") && l.contains(",7,")));
    let claims = std::fs::read_to_string(dir.join("claims.csv")).unwrap();
    assert!(claims
        .lines()
        .any(|l| l.contains(",contested,") && l.contains(",denies,")));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_figure_is_dated_by_its_own_time_not_by_the_time_of_the_figure_it_is_compared_with() {
    // "raised its toll to 19 on Wednesday, up from 12 a day earlier, and said 26 people were
    // still missing": the 26 are Wednesday's, "a day earlier" is the 12's
    let analysis =
        analyze_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")]);
    let time = analysis
        .times
        .iter()
        .find(|t| t.doc == "meridian-2026-11-11-1740" && t.text == "a day earlier")
        .expect("the relative date is read");
    assert_eq!(
        time.resolved.map(|r| r.start.to_string()),
        Some("2026-11-10".into()),
        "{time:?}"
    );
    let missing = analysis
        .numbers
        .iter()
        .flat_map(|n| &n.claims)
        .find(|c| c.doc == "meridian-2026-11-11-1740" && c.value == 26.0)
        .expect("the 26 missing are a figure");
    assert_eq!(
        missing.window.map(|w| w.start.to_string()),
        Some("2026-11-11".into()),
        "{missing:?}"
    );
    assert!(
        !analysis
            .contradictions
            .iter()
            .any(|c| c.about.contains("missing")),
        "Tuesday's 31 missing and Wednesday's 26 are no contradiction"
    );
}

#[test]
fn demo_corpus_flat_denials_are_found() {
    let analysis =
        analyze_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")]);
    let opposed = |word: &str| {
        analysis.contradictions.iter().any(|c| {
            c.sides.len() == 2
                && c.sides.iter().all(|s| {
                    s.statements
                        .iter()
                        .any(|x| x.text.to_lowercase().contains(word))
                })
        })
    };
    assert!(opposed("sabotag"), "the sabotage claim and its denial");
    // the governor's own claim, which the wire reports as "a claim rejected outright by the
    // main residents' group", stands on the asserting side, not only his later silence on it
    let sabotage = analysis
        .contradictions
        .iter()
        .find(|c| c.about.contains("sabotag"))
        .expect("the sabotage dispute");
    assert!(
        sabotage.sides.iter().any(|s| s
            .statements
            .iter()
            .any(|x| x.stance == Stance::Asserts && x.text.contains("deliberately damaged"))),
        "{sabotage:#?}"
    );
    assert!(
        !analysis
            .contradictions
            .iter()
            .any(|c| c.about.contains("warned the operator")),
        "the residents' warnings are not disputed"
    );
    assert!(
        opposed("siren"),
        "the sirens said switched on and the sirens no one heard"
    );
    // successive official tolls (12, 19, 23) and counts of different nights (37, 212) are not
    // contradictions: every numbers dispute sets one claimant against another on one day
    let numbers: Vec<_> = analysis
        .contradictions
        .iter()
        .filter(|c| c.kind == ContradictionKind::Numbers)
        .collect();
    for c in &numbers {
        let claimants: Vec<_> = c.sides.iter().map(|s| &s.claimant).collect();
        assert!(
            claimants
                .iter()
                .enumerate()
                .all(|(k, a)| a.is_some() && !claimants[k + 1..].contains(a)),
            "{c:#?}"
        );
        let texts: Vec<&str> = c
            .sides
            .iter()
            .flat_map(|s| &s.statements)
            .map(|x| x.text.as_str())
            .collect();
        assert!(
            !texts.iter().any(|t| t.contains("37") || t.contains("212")),
            "{c:#?}"
        );
    }
    // the residents' "dozens" against the official twelve on the day both were given
    assert!(
        numbers.iter().any(|c| c.about.ends_with("2026-11-10")
            && c.sides.iter().any(|s| s
                .statements
                .iter()
                .any(|x| x.text.to_lowercase().contains("dozens")))),
        "{numbers:#?}"
    );
}

/// Two outlets on failed talks (our own words): the Harbour Council blames the dockers' union, the
/// union says the council refused every proposal. Each side blames the other; a third report
/// where only one side speaks of the talks sets no one against anyone.
#[test]
fn each_side_blaming_the_other_for_failed_talks_is_a_blame_contradiction() {
    let analysis = parallax::pipeline::analyze(vec![
        text_source(
            "coast",
            "Port talks collapse in Tarnby\n\nThe negotiations between the Harbour Council and \
             the Tarnby Dockers Union over night shifts at the port of Tarnby broke down on \
             Friday. Senior Harbour Council officials blamed the union for the failure, saying \
             that it had never wanted an agreement on the port.\n\nThe strike at the port of \
             Tarnby entered its third week, with ships waiting offshore.",
        ),
        text_source(
            "ledger",
            "Tarnby dockers walk out of port talks\n\nThe Tarnby Dockers Union said on Friday \
             that the Harbour Council had refused every proposal made in the talks on night \
             shifts at the port of Tarnby. \u{201c}They do not agree to any terms,\u{201d} said \
             Mara Lind, the union's spokeswoman.\n\nThe strike at the port of Tarnby entered \
             its third week, with ships waiting offshore.",
        ),
    ]);
    let blames: Vec<_> = analysis
        .contradictions
        .iter()
        .filter(|c| c.kind == ContradictionKind::Blame)
        .collect();
    assert_eq!(blames.len(), 1, "{:#?}", analysis.contradictions);
    let name = |side: &Side| entity(&analysis, &side.claimant).map(|e| e.name.clone());
    let sides: Vec<_> = blames[0].sides.iter().map(name).collect();
    assert_eq!(
        sides,
        [
            Some("Harbour Council".to_string()),
            Some("Tarnby Dockers Union".to_string())
        ],
        "{:#?}",
        blames[0]
    );
    assert!(blames[0]
        .about
        .starts_with("who is to blame for the failure"));
    assert!(blames[0].sides[0].statements[0]
        .text
        .contains("blamed the union"));
    // one side's blame with no answer from the other is no contradiction
    let one_side = parallax::pipeline::analyze(vec![text_source(
        "coast",
        "Port talks collapse in Tarnby\n\nThe negotiations between the Harbour Council and the \
         Tarnby Dockers Union broke down on Friday. Senior Harbour Council officials blamed the \
         union for the failure, saying that it had never wanted an agreement on the port.",
    )]);
    assert!(
        one_side.contradictions.is_empty(),
        "{:#?}",
        one_side.contradictions
    );
}

/// Two outlets (our own words) carry the governor's claim that the levee was damaged on purpose,
/// and the residents' denial. Many outlets repeating one side make it no better established:
/// the claim stays single-source, with both outlets counted. The dispute, reported twice, is one
/// contradiction holding both outlets' evidence.
#[test]
fn one_sides_claim_carried_by_two_outlets_is_one_voice_and_one_dispute() {
    let analysis = parallax::pipeline::analyze(vec![
        text_source(
            "courier",
            "Tarnby levee breach blamed on sabotage\n\nGovernor Dane Holt said on Monday that \
             the Tarnby levee had been deliberately damaged before the flood. The Tarnby \
             Residents' Council denied that the levee had been deliberately damaged, blaming \
             years of neglect.\n\nWater from the breach covered the lower town of Tarnby for \
             two days, and about 400 families left their homes.",
        ),
        text_source(
            "ledger",
            "Governor says Tarnby flood was no accident\n\nThe levee at Tarnby had been \
             deliberately damaged, Governor Dane Holt told reporters on Monday, giving no \
             evidence. The Tarnby Residents' Council denied that the levee had been deliberately \
             damaged.\n\nMore than 400 families fled the lower town of Tarnby as the water \
             rose, and most were still in shelters on Tuesday.",
        ),
    ]);
    let levee: Vec<_> = analysis
        .claims
        .iter()
        .filter(|c| c.about.contains("levee"))
        .collect();
    assert!(!levee.is_empty(), "{:#?}", analysis.claims);
    for c in &levee {
        assert_ne!(c.status, ClaimStatus::Corroborated, "{c:#?}");
    }
    let disputes: Vec<_> = analysis
        .contradictions
        .iter()
        .filter(|c| c.about.contains("levee"))
        .collect();
    assert_eq!(disputes.len(), 1, "{:#?}", analysis.contradictions);
    let docs: std::collections::BTreeSet<&str> = disputes[0]
        .sides
        .iter()
        .flat_map(|s| s.statements.iter().map(|x| x.doc.as_str()))
        .collect();
    assert_eq!(docs.len(), 2, "{:#?}", disputes[0]);
}

/// What a reader of the demo report needs to follow it: each story's sources by outlet and
/// date, each dispute once, best estimates that someone actually reported, and tables that say
/// when they leave rows out.
#[test]
fn the_report_names_its_sources_and_shows_each_dispute_once() {
    let analysis =
        analyze_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")]);
    let blocks = parallax::report::layout::report(&analysis);
    let md = parallax::report::render::markdown(&blocks);
    assert!(md.contains("### Sources"), "{md}");
    assert!(
        md.lines()
            .any(|l| l.starts_with("| doc ") && l.contains("| Coastline Post |")),
        "sources are shown by outlet"
    );
    assert!(!md.contains("1 stories") && !md.contains("(1 documents"));
    // a dispatch with no headline is known by its first words
    assert!(
        md.contains("| (no headline) Heavy rain on Thursday night"),
        "{md}"
    );
    assert_eq!(
        md.lines()
            .filter(
                |l| l.starts_with("| doc ") && l.contains("| Valley Ledger | Halvard Penmarrow |")
            )
            .count(),
        2,
        "the Ledger's pieces are known by their picture credit and their author: {md}"
    );
    // the lines name documents by their row in the Sources table, not by file
    assert!(
        !md.contains("ledger_day1,") && !md.contains("[aggregator_undated"),
        "{md}"
    );
    // a contradiction's row names who spoke, and for which party when the sides are parties;
    // the sides of a numbers dispute are figures, and no voice speaks "for" another's figure
    assert!(
        md.contains(
            "| B | Kasimir Oyelaran-Drost (for Lorn Valley Residents' Committee) | denies |"
        ),
        "{md}"
    );
    assert!(!md.contains("(for Lorn Ferry General Hospital)"), "{md}");
    // each dispute once, in the summary and among the contradictions
    let disputed: Vec<&str> = md.lines().filter(|l| l.contains("Disputed")).collect();
    let mut unique = disputed.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(disputed.len(), unique.len(), "{disputed:#?}");
    // a numbers dispute names each voice with its own figures: the hospital's doctors gave
    // "over 40", the residents "dozens", not one claimant for both
    let toll = disputed
        .iter()
        .find(|l| l.contains("people killed, 2026-11-13"))
        .expect("the toll dispute of 13 November");
    assert!(
        toll.contains("over 40 — Lorn Ferry General Hospital")
            && toll.contains("dozens — Lorn Valley Residents' Committee"),
        "{toll}"
    );
    let mut abouts: Vec<&str> = analysis
        .contradictions
        .iter()
        .map(|c| c.about.as_str())
        .collect();
    abouts.sort();
    let all = abouts.len();
    abouts.dedup();
    assert_eq!(abouts.len(), all, "{abouts:#?}");
    // a best estimate is a reported figure: never the midpoint of two claims
    for band in &analysis.numbers {
        assert!(
            band.claims.iter().any(|c| c.value == band.best),
            "{band:#?}"
        );
    }
    // the rising toll's best estimate is the latest the rescue agency gave
    let toll = analysis
        .numbers
        .iter()
        .find(|n| n.claims.iter().any(|c| c.value == 23.0))
        .expect("the toll of 23");
    assert_eq!(toll.best, 23.0, "{toll:#?}");
}

/// The demo's timeline as a reader needs it: the breach on the day it happened, told by every
/// outlet that dates it, and a passage two articles share listed once.
#[test]
fn the_demo_timeline_dates_the_breach_once_and_lists_a_shared_passage_once() {
    let analysis =
        analyze_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")]);
    let breach: Vec<_> = analysis
        .timeline
        .iter()
        .filter(|t| t.kind.contains("disaster") && !t.dated_by_article)
        .collect();
    assert!(!breach.is_empty(), "{:#?}", analysis.timeline);
    for t in &breach {
        assert_eq!(
            t.date.map(|d| d.start.to_string()).as_deref(),
            Some("2026-11-09"),
            "the dam gave way on Monday 9 November: {t:#?}"
        );
    }
    assert!(breach[0].sources.len() >= 3, "{breach:#?}");
    // no sentence twice
    let mut summaries: Vec<&str> = analysis
        .timeline
        .iter()
        .map(|t| t.summary.as_str())
        .collect();
    summaries.sort();
    let all = summaries.len();
    summaries.dedup();
    assert_eq!(summaries.len(), all, "{:#?}", analysis.timeline);
}

/// The demo's number bands are counts a reader follows: the missing, though "31 were missing"
/// names no noun, and never a span of time ("twelve minutes after") or "12 a day earlier".
#[test]
fn the_demo_bands_count_the_missing_and_not_minutes() {
    let analysis =
        analyze_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")]);
    let abouts: Vec<&str> = analysis.numbers.iter().map(|b| b.about.as_str()).collect();
    let missing = analysis
        .numbers
        .iter()
        .find(|b| b.about.contains("missing"))
        .unwrap_or_else(|| panic!("no band of the missing: {abouts:?}"));
    let values: Vec<f64> = missing.claims.iter().map(|c| c.value).collect();
    assert!(
        values.contains(&31.0) && values.contains(&14.0),
        "{values:?}"
    );
    for about in &abouts {
        assert!(
            !about.contains("minute") && !about.starts_with("a ") && !about.contains("centimetre"),
            "{abouts:?}"
        );
    }
}

/// A toll is claimed as of a day: the missing on Tuesday and on Friday are two claims, the
/// official twelve and the residents' "dozens" on one day one contested claim, and a
/// spokeswoman's figure is her agency's voice, not a second source confirming it.
#[test]
fn the_demo_claims_a_toll_per_day() {
    let analysis =
        analyze_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")]);
    let counted: Vec<_> = analysis
        .claims
        .iter()
        .filter(|c| c.about.starts_with("people missing") || c.about.starts_with("people killed"))
        .collect();
    let abouts: Vec<&str> = counted.iter().map(|c| c.about.as_str()).collect();
    let missing_tuesday = counted
        .iter()
        .find(|c| c.about.starts_with("people missing, 2026-11-10"))
        .unwrap_or_else(|| panic!("{abouts:?}"));
    let figures = missing_tuesday.about.split(": ").nth(1).unwrap_or_default();
    assert!(figures.split(" / ").all(|f| f == "31"), "{abouts:?}");
    assert_eq!(
        missing_tuesday.status,
        ClaimStatus::SingleSource,
        "{missing_tuesday:#?}"
    );
    assert!(
        abouts
            .iter()
            .any(|a| a.starts_with("people missing, 2026-11-13")),
        "{abouts:?}"
    );
    let killed_tuesday = counted
        .iter()
        .find(|c| c.about.starts_with("people killed, 2026-11-10"))
        .unwrap_or_else(|| panic!("{abouts:?}"));
    assert_eq!(killed_tuesday.status, ClaimStatus::Contested, "{abouts:?}");
    // the band's best estimate is the agency's latest toll, not the residents' floor
    let killed = analysis
        .numbers
        .iter()
        .find(|b| b.about == "people killed")
        .expect("a band of the dead");
    assert_eq!(killed.best, 23.0, "{killed:#?}");
}
