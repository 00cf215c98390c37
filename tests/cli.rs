//! The `parallax` command end to end: bad input gets one line naming the file and the run goes on;
//! the demo corpus reads in every format.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn parallax() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn analysis(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("analysis.json")).unwrap()).unwrap()
}

#[test]
fn bad_inputs_are_named_once_each_and_the_run_goes_on() {
    let dir = temp_dir("bad");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::write(
        inputs.join("good.txt"),
        "Flood in the valley\nThe river rose overnight and the town flooded, officials said.\n",
    )
    .unwrap();
    std::fs::write(
        inputs.join("latin1.txt"),
        b"Caf\xe9 owners count the cost\nThe caf\xe9 owners said the flood ruined their stock.\n",
    )
    .unwrap();
    std::fs::write(inputs.join("empty.txt"), b"").unwrap();
    std::fs::write(
        inputs.join("image.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    std::fs::write(
        inputs.join("broken.html"),
        "<html><body><div><p>Unclosed <b>tags <p>everywhere<table><tr><td>cell</div></span></html>",
    )
    .unwrap();
    std::fs::write(
        inputs.join("bad.jsonl"),
        "{\"id\":\"ok\",\"text\":\"A line that parses, officials said.\"}\n{broken\n",
    )
    .unwrap();
    let mut big = std::fs::File::create(inputs.join("huge.txt")).unwrap();
    let chunk = "word ".repeat(200_000);
    for _ in 0..50 {
        big.write_all(chunk.as_bytes()).unwrap();
    }
    drop(big);
    let missing = dir.join("no-such-file.txt");
    let out = dir.join("out");

    let result = parallax()
        .arg("analyze")
        .arg(&inputs)
        .arg(&missing)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        result.status.success(),
        "exit {:?}: {stderr}",
        result.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (name, says) in [
        ("empty.txt", "empty"),
        ("image.html", "binary"),
        ("huge.txt", "larger than"),
        ("bad.jsonl:2", "not valid JSON"),
        ("no-such-file.txt", "cannot read"),
        ("latin1.txt", "not valid UTF-8"),
    ] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(
            lines.len(),
            1,
            "{name}: expected one line, got {lines:?}\n{stderr}"
        );
        assert!(
            lines[0].contains(says),
            "{name}: {:?} does not say {says}",
            lines[0]
        );
    }
    let a = analysis(&out);
    let ids: Vec<&str> = a["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    for id in ["good", "latin1", "broken", "ok"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let broken = a["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "broken")
        .unwrap();
    assert!(broken["body"].as_str().unwrap().contains("everywhere"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn no_paths_is_a_usage_error_and_unwritable_output_is_fatal() {
    let result = parallax().arg("analyze").output().unwrap();
    assert!(!result.status.success());
    let dir = temp_dir("unwritable");
    let blocker = dir.join("file");
    std::fs::write(&blocker, "x").unwrap();
    let result = parallax()
        .arg("analyze")
        .arg(&dir)
        .arg("--out")
        .arg(blocker.join("sub"))
        .output()
        .unwrap();
    assert!(!result.status.success());
    assert!(String::from_utf8_lossy(&result.stderr).contains("cannot create output directory"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_demo_corpus_reads_in_every_format() {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let out = temp_dir("examples");
    let result = parallax()
        .arg("analyze")
        .arg(&examples)
        .arg("--out")
        .arg(&out)
        .arg("--jobs")
        .arg("2")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(stdout.contains("documents"), "{stdout}");
    let a = analysis(&out);
    let docs = a["documents"].as_array().unwrap();
    let formats: std::collections::BTreeSet<&str> =
        docs.iter().map(|d| d["format"].as_str().unwrap()).collect();
    for format in ["text", "markdown", "html", "jsonl", "feed"] {
        assert!(
            formats.contains(format),
            "no {format} document among {formats:?}"
        );
    }
    for d in docs {
        let body = d["body"].as_str().unwrap();
        assert!(body.len() > 300, "{}: body too short: {body:?}", d["id"]);
        for furniture in [
            "Also Read",
            "Follow the latest updates",
            "Accept cookies",
            "Share on",
        ] {
            assert!(
                !body.contains(furniture),
                "{}: {furniture} left in body",
                d["id"]
            );
        }
        assert_eq!(d["language"], "en");
    }
    let by_id = |id: &str| {
        docs.iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let observer = by_id("observer_analysis");
    assert_eq!(observer["byline"], "Sunniva Ektorp");
    assert_eq!(observer["outlet"], "Northgate Observer");
    assert_eq!(observer["published"], "2026-11-13");
    assert_eq!(by_id("ledger_day1")["byline"], "Halvard Penmarrow");
    assert_eq!(by_id("ledger_day1")["published_time"], "18:45+00:00");
    assert_eq!(
        by_id("coastline-2026-11-13-toll")["byline"],
        "Leontyne Hask"
    );
    // the aggregator's copy states no date: none is invented
    assert!(by_id("aggregator_undated")["published"].is_null());
    // the article without a headline has none, and still has its date
    let dispatch = docs
        .iter()
        .find(|d| d["id"] == "no_headline_dispatch")
        .expect("dispatch");
    assert!(dispatch["title"].is_null());
    assert!(dispatch["published"].is_string());
    let _ = std::fs::remove_dir_all(&out);
}

/// The triage run on the demo: the same copies and stories as the full run, nothing it skipped
/// pretends to be empty findings, and analysis.json is compact unless asked otherwise.
#[test]
fn stories_only_finds_the_same_copies_and_stories_as_the_full_run() {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let run = |name: &str, flags: &[&str]| {
        let out = temp_dir(name);
        let result = parallax()
            .arg("analyze")
            .arg(&examples)
            .arg("--out")
            .arg(&out)
            .arg("-q")
            .args(flags)
            .output()
            .unwrap();
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        out
    };
    let full = run("full", &["--pretty"]);
    let triage = run("triage", &["--stories-only"]);
    let (a, b) = (analysis(&full), analysis(&triage));
    assert_eq!(a["stories"], b["stories"]);
    assert_eq!(a["reuse"], b["reuse"]);
    assert!(!a["entities"].as_array().unwrap().is_empty());
    assert!(b["entities"].as_array().unwrap().is_empty());
    assert!(b["documents"][0]["mentions"].as_array().unwrap().is_empty());
    assert_eq!(
        (a["scope"].as_str(), b["scope"].as_str()),
        (Some("full"), Some("stories"))
    );
    let text = |dir: &Path, name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert!(text(&full, "analysis.json").contains("\n  \"documents\""));
    assert_eq!(text(&triage, "analysis.json").lines().count(), 1);
    // the report does not show what was not looked for as "none found"
    let report = text(&triage, "report.md");
    assert!(report.contains("were not computed"), "{report}");
    assert!(!report.contains("### Claims"), "{report}");
    // the CSV tables are streamed to their files: a header and a row per quote
    let quotes = text(&full, "quotes.csv");
    assert!(quotes.starts_with("quote_id,doc,speaker"), "{quotes}");
    assert_eq!(
        quotes.lines().count(),
        a["quotes"].as_array().unwrap().len() + 1
    );
    for dir in [full, triage] {
        let _ = std::fs::remove_dir_all(dir);
    }
}
