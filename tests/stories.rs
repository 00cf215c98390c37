//! Story clustering and reuse measured on the seeds gold, ECB+ and WikiRef220.
//! Run with `cargo test --release --test stories -- --nocapture` to see the figures.

mod common;

use std::collections::HashMap;

use common::{analyze_paths, ecbplus_files, ecbplus_text, shared};
use parallax::ingest::{ContentKind, Fields, Source};
use parallax::model::{Analysis, Format};
use parallax::{pipeline, reuse, stories};
use regex::Regex;

/// Pairwise and BCubed precision/recall/F1 of a clustering against gold labels.
#[derive(Debug)]
struct Scores {
    pairwise: (f64, f64, f64),
    bcubed: (f64, f64, f64),
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn score(gold: &[String], predicted: &[usize]) -> Scores {
    let n = gold.len();
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    let (mut bp, mut br) = (0.0, 0.0);
    for i in 0..n {
        let (mut same_both, mut same_pred, mut same_gold) = (0.0, 0.0, 0.0);
        for j in 0..n {
            let g = gold[i] == gold[j];
            let p = predicted[i] == predicted[j];
            same_both += f64::from(u8::from(g && p));
            same_pred += f64::from(u8::from(p));
            same_gold += f64::from(u8::from(g));
            if j > i {
                match (g, p) {
                    (true, true) => tp += 1,
                    (false, true) => fp += 1,
                    (true, false) => fn_ += 1,
                    _ => {}
                }
            }
        }
        bp += same_both / same_pred;
        br += same_both / same_gold;
    }
    let pp = tp as f64 / (tp + fp).max(1) as f64;
    let pr = tp as f64 / (tp + fn_).max(1) as f64;
    let (bp, br) = (bp / n as f64, br / n as f64);
    Scores {
        pairwise: (pp, pr, f1(pp, pr)),
        bcubed: (bp, br, f1(bp, br)),
    }
}

fn text_source(id: String, text: String) -> Result<Source, parallax::model::InputProblem> {
    Ok(Source {
        path: id.clone(),
        id,
        format: Format::Text,
        kind: ContentKind::Text,
        content: text,
        fields: Fields::default(),
    })
}

/// ECB+ documents as plain text (first sentence as headline line), with gold story labels
/// (topic + "ecb"/"ecbplus"). `topics` limits which topics are read.
fn ecbplus(
    topics: impl Fn(u32) -> bool,
) -> (
    Vec<Result<Source, parallax::model::InputProblem>>,
    Vec<String>,
) {
    let (mut sources, mut labels) = (Vec::new(), Vec::new());
    for path in ecbplus_files() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let topic: u32 = name.split('_').next().unwrap().parse().unwrap();
        if !topics(topic) {
            continue;
        }
        let xml = std::fs::read_to_string(&path).unwrap();
        let text = ecbplus_text(&xml).text;
        let suffix = if name.ends_with("ecbplus") {
            "ecbplus"
        } else {
            "ecb"
        };
        labels.push(format!("{topic}_{suffix}"));
        sources.push(text_source(name, text));
    }
    (sources, labels)
}

/// WikiRef220 articles with their topic labels (from the file names).
fn wikiref() -> (
    Vec<Result<Source, parallax::model::InputProblem>>,
    Vec<String>,
) {
    let root = shared().join("data/wikiref220/WikiRef220");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    files.sort();
    let number = Regex::new(r"(?: \(\d+\)|\.\d+)$").unwrap();
    let (mut sources, mut labels) = (Vec::new(), Vec::new());
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        labels.push(number.replace(&stem, "").into_owned());
        let bytes = std::fs::read(&path).unwrap();
        sources.push(text_source(
            stem,
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
    }
    (sources, labels)
}

fn predicted_labels(analysis: &Analysis) -> Vec<usize> {
    let story_of: HashMap<&str, usize> = analysis
        .stories
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.documents.iter().map(move |d| (d.as_str(), k)))
        .collect();
    analysis
        .documents
        .iter()
        .map(|d| story_of[d.id.as_str()])
        .collect()
}

/// Each document's topic: the topic of its story.
fn predicted_topics(analysis: &Analysis) -> Vec<usize> {
    let topic_index: HashMap<&str, usize> = analysis
        .topics
        .iter()
        .enumerate()
        .map(|(k, t)| (t.id.as_str(), k))
        .collect();
    predicted_labels(analysis)
        .into_iter()
        .map(|s| topic_index[analysis.stories[s].topic.as_str()])
        .collect()
}

/// ECB+ gold at topic level: the topic number, both of its seminal events together.
fn topic_gold(story_gold: &[String]) -> Vec<String> {
    story_gold
        .iter()
        .map(|g| g.split('_').next().unwrap().to_string())
        .collect()
}

fn report(name: &str, analysis: &Analysis, gold: &[String]) -> Scores {
    report_level(
        name,
        "stories",
        analysis.stories.len(),
        &predicted_labels(analysis),
        gold,
    )
}

fn report_topics(name: &str, analysis: &Analysis, gold: &[String]) -> Scores {
    report_level(
        name,
        "topics",
        analysis.topics.len(),
        &predicted_topics(analysis),
        gold,
    )
}

/// Scores one level of clustering (stories or topics, `clusters` of them) and prints the figures.
fn report_level(
    name: &str,
    level: &str,
    clusters: usize,
    predicted: &[usize],
    gold: &[String],
) -> Scores {
    let s = score(gold, predicted);
    eprintln!(
        "{name}: {} docs, {clusters} {level} (gold {}); pairwise P {:.3} R {:.3} F1 {:.3}; BCubed P {:.3} R {:.3} F1 {:.3}",
        gold.len(),
        gold.iter().collect::<std::collections::HashSet<_>>().len(),
        s.pairwise.0,
        s.pairwise.1,
        s.pairwise.2,
        s.bcubed.0,
        s.bcubed.1,
        s.bcubed.2
    );
    s
}

#[test]
fn seeds_form_one_story_with_exactly_the_gold_reuse_pairs() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    assert_eq!(analysis.stories.len(), 1, "{:?}", analysis.stories);
    assert_eq!(analysis.stories[0].documents.len(), 5);
    // 000, 001 and 003 are one witness through reuse; 002 and 004 are independent
    assert_eq!(analysis.stories[0].independent_sources, 3);
    let mut pairs: Vec<(String, String, String)> = analysis
        .reuse
        .iter()
        .map(|r| {
            (
                r.a[..3].to_string(),
                r.b[..3].to_string(),
                format!("{:?}", r.kind),
            )
        })
        .collect();
    pairs.sort();
    assert_eq!(
        pairs,
        vec![
            ("000".into(), "001".into(), "SharedPassages".into()),
            ("000".into(), "003".into(), "SameReport".into())
        ]
    );
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared().join("eval/seeds.gold.json")).unwrap(),
    )
    .unwrap();
    for pair in gold["reuse"]["pairs"].as_array().unwrap() {
        let found = analysis
            .reuse
            .iter()
            .find(|r| r.a == pair["a"] && r.b == pair["b"])
            .unwrap();
        let shared_text: String = found
            .passages
            .iter()
            .map(|p| p.text.to_lowercase())
            .collect::<Vec<_>>()
            .join(" | ");
        for key in ["shared_quotes", "shared_passages"] {
            for s in pair[key].as_array().into_iter().flatten() {
                let s = s.as_str().unwrap().to_lowercase();
                let probe: String = s.chars().take(30).collect();
                assert!(
                    shared_text.contains(&probe),
                    "{}-{}: {s:?} not among shared passages",
                    pair["a"],
                    pair["b"]
                );
            }
        }
    }
}

#[test]
fn ecbplus_stories() {
    let (sources, gold) = ecbplus(|_| true);
    let analysis = pipeline::analyze(sources);
    let s = report("ECB+ (all 43 topics)", &analysis, &gold);
    // measured 0.927 (target 0.90); parameters were set on topics 1-20 only
    assert!(s.pairwise.2 >= 0.90, "{s:?}");
    let t = report_topics("ECB+ topic level", &analysis, &topic_gold(&gold));
    assert!(t.pairwise.2 >= 0.85, "{t:?}");
}

#[test]
fn wikiref220_stories() {
    let (sources, gold) = wikiref();
    let analysis = pipeline::analyze(sources);
    let s = report("WikiRef220 stories", &analysis, &gold);
    // measured BCubed 0.586 (P 0.937): the gold is topic-level ("Premier League"), our stories
    // event-level, so recall is low by design; precision says stories do not mix topics
    assert!(s.bcubed.2 >= 0.55 && s.bcubed.0 >= 0.92, "{s:?}");
    // so the gold's level is our topics (their threshold was set on ECB+, not here)
    let t = report_topics("WikiRef220 topics", &analysis, &gold);
    assert!(t.pairwise.2 >= 0.45, "{t:?}");
}

/// Parameter sweep on ECB+ topics 1–20 (the tuning half); ignored by default.
#[test]
#[ignore]
fn sweep_on_ecbplus_tuning_topics() {
    let (sources, gold) = ecbplus(|t| t <= 20);
    let analysis = pipeline::analyze(sources);
    let groups = reuse::independence_groups(&analysis.documents, &analysis.reuse);
    let (wiki_sources, wiki_gold) = wikiref();
    let wiki = pipeline::analyze(wiki_sources);
    let wiki_groups = reuse::independence_groups(&wiki.documents, &wiki.reuse);
    for neighbours in [3, 4, 5, 6, 8] {
        for link_threshold in [0.1, 0.15, 0.2] {
            for resolution in [0.3, 0.4, 0.5, 0.6, 0.8] {
                let params = stories::Params {
                    neighbours,
                    link_threshold,
                    resolution,
                    ..Default::default()
                };
                let mut a = analysis.clone();
                a.stories = stories::cluster(&a.documents, &groups, params).stories;
                let name = format!("k {neighbours} link {link_threshold} resolution {resolution}");
                report(&format!("tuning: {name}"), &a, &gold);
                let mut w = wiki.clone();
                w.stories = stories::cluster(&w.documents, &wiki_groups, params).stories;
                report(
                    &format!("  (wikiref, not tuned on): {name}"),
                    &w,
                    &wiki_gold,
                );
            }
        }
    }
}

/// Topic threshold sweep on ECB+ topics 1–20 at topic level (WikiRef220 shown, not tuned on).
#[test]
#[ignore]
fn sweep_topic_threshold_on_ecbplus_tuning_topics() {
    let (sources, gold) = ecbplus(|t| t <= 20);
    let analysis = pipeline::analyze(sources);
    let groups = reuse::independence_groups(&analysis.documents, &analysis.reuse);
    let (wiki_sources, wiki_gold) = wikiref();
    let wiki = pipeline::analyze(wiki_sources);
    let wiki_groups = reuse::independence_groups(&wiki.documents, &wiki.reuse);
    for threshold in [0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3] {
        let params = stories::Params {
            topic_threshold: threshold,
            ..Default::default()
        };
        for (name, base, g, gold) in [
            ("ECB+ 1-20", &analysis, &groups, topic_gold(&gold)),
            (
                "  (wikiref, not tuned on)",
                &wiki,
                &wiki_groups,
                wiki_gold.clone(),
            ),
        ] {
            let mut a = base.clone();
            let clustering = stories::cluster(&a.documents, g, params);
            a.stories = clustering.stories;
            a.topics = clustering.topics;
            report_topics(&format!("{name}: topic threshold {threshold}"), &a, &gold);
        }
    }
}

#[test]
fn demo_dam_reports_form_one_story_apart_from_the_football_report() {
    let analysis =
        analyze_paths(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")]);
    let story_of = |id: &str| {
        analysis
            .stories
            .iter()
            .position(|s| s.documents.iter().any(|d| d == id))
            .unwrap_or_else(|| panic!("{id} is in no story"))
    };
    let football = story_of("kestwick-star-2026-11-12-rovers");
    let dam = story_of("courier_dam_breach");
    assert_ne!(football, dam);
    // the local paper's two reports took their own angle on the flood, in the same days
    for doc in &analysis.documents {
        if doc.id != "kestwick-star-2026-11-12-rovers" {
            assert_eq!(story_of(&doc.id), dam, "{} left the dam story", doc.id);
        }
    }
    // the label names the dam every report names, not a city only some of them visit
    let label = &analysis.stories[dam].label;
    assert!(label.contains("Corrabel Dam"), "{label}");
}
