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

/// PolNeAR dev's direct quotations: the gold attributions whose content holds a quotation mark
/// and names a source. Each is found when a statement of the quotes stage overlaps its content,
/// and has the right speaker when that statement's source overlaps the gold source. This is the
/// quotes stage as the product runs it (tagger, rules and all), on dev's 84 articles. Some rules
/// were written from dev's misses; SPLIT=train scores train's 840 articles, whose misses no one
/// read, to check them. `cargo test --release --test quotes -- --nocapture` prints the figures;
/// SHOW_MISSES=1 adds each quotation missed or given another speaker, and SHOW_OURS=1 each of
/// ours whose source is not the gold one.
#[test]
fn polnear_dev_direct_quotations_have_the_right_speaker() {
    // SPLIT=train scores the 840 train articles instead (the tagger learned from them; the
    // quotes stage's rules were not written from them)
    let split = std::env::var("SPLIT").unwrap_or_else(|_| "dev".into());
    let files =
        parallax::readers::polnear_split(&shared().join("data/polnear").join(&split)).unwrap();
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let is_quotation = |s: &str| s.contains(['"', '\u{201C}', '\u{201D}']) || s.contains("''");
    let (mut gold, mut found, mut right) = (0, 0, 0);
    let (mut ours_quoted, mut ours_on_gold, mut ours_right) = (0, 0, 0);
    for (name, text, ann) in files {
        let relations = parallax::extract::polnear::relations(&text, &ann).unwrap();
        let doc = parallax::pipeline::process_document(
            common::text_source(&name, &text).expect("a text source"),
        );
        // statements point into the body; the gold into the file
        let in_file = |start: usize, end: usize| {
            let at = |o: usize| parallax::model::map_offset(&doc.source_map, o).unwrap_or(0);
            (at(start), at(end))
        };
        // precision: our quotations (direct or partial) that lie on some gold attribution's
        // content, and of those with a source, the ones whose source is that attribution's
        for st in doc
            .statements
            .iter()
            .filter(|s| s.kind != parallax::model::QuoteKind::Indirect)
        {
            ours_quoted += 1;
            let at = in_file(st.start, st.end);
            let on_gold: Vec<_> = relations
                .iter()
                .filter(|r| r.content.is_some_and(|c| overlaps(at, (c.start, c.end))))
                .collect();
            if on_gold.is_empty() {
                continue;
            }
            ours_on_gold += 1;
            let right_source = st.source.is_some_and(|x| {
                let x = in_file(x.start, x.end);
                on_gold
                    .iter()
                    .any(|r| r.source.is_some_and(|g| overlaps(x, (g.start, g.end))))
            });
            ours_right += usize::from(right_source);
            if !right_source && std::env::var("SHOW_OURS").is_ok() {
                let gold: Vec<_> = on_gold
                    .iter()
                    .map(|r| r.source.map(|g| &text[g.start..g.end]))
                    .collect();
                eprintln!(
                    "OURS {:?} gold {gold:?}: {}",
                    st.source.map(|x| &doc.body[x.start..x.end]),
                    doc.body[st.start..st.end]
                        .chars()
                        .take(70)
                        .collect::<String>()
                );
            }
        }
        for r in relations {
            let (Some(content), Some(source)) = (r.content, r.source) else {
                continue;
            };
            if !is_quotation(&text[content.start..content.end]) {
                continue;
            }
            gold += 1;
            let ours: Vec<_> = doc
                .statements
                .iter()
                .filter(|s| overlaps(in_file(s.start, s.end), (content.start, content.end)))
                .collect();
            if ours.is_empty() {
                if std::env::var("SHOW_MISSES").is_ok() {
                    let mut a = content.start.saturating_sub(80);
                    while !text.is_char_boundary(a) {
                        a -= 1;
                    }
                    eprintln!(
                        "NOTFOUND {:?} [[{}]]",
                        &text[a..content.start],
                        text[content.start..content.end]
                            .chars()
                            .take(60)
                            .collect::<String>()
                    );
                }
                continue;
            }
            found += 1;
            let speaker_right = ours.iter().any(|s| {
                s.source
                    .is_some_and(|x| overlaps(in_file(x.start, x.end), (source.start, source.end)))
            });
            if speaker_right {
                right += 1;
            } else if std::env::var("SHOW_MISSES").is_ok() {
                let said: Vec<_> = ours
                    .iter()
                    .map(|s| s.source.map(|x| &doc.body[x.start..x.end]))
                    .collect();
                eprintln!(
                    "{name}: gold {:?}, ours {said:?}: {:?}",
                    &text[source.start..source.end],
                    text[content.start..content.end]
                        .chars()
                        .take(80)
                        .collect::<String>()
                );
            }
        }
    }
    let share = |n: usize| n as f64 / gold.max(1) as f64;
    eprintln!(
        "PolNeAR {split} direct quotations: {gold}; found {found} ({:.3}); right speaker {right} ({:.3})",
        share(found),
        share(right)
    );
    let of_ours = |n: usize| n as f64 / ours_quoted.max(1) as f64;
    eprintln!(
        "our quotations (direct or partial): {ours_quoted}; on a gold attribution {ours_on_gold} \
         ({:.3}); with its source {ours_right} ({:.3})",
        of_ours(ours_on_gold),
        of_ours(ours_right)
    );
    assert!(gold > 300, "{gold} direct quotations in dev");
    assert!(share(found) >= 0.93, "found {:.3}", share(found));
    assert!(share(right) >= 0.85, "right speaker {:.3}", share(right));
    assert!(
        of_ours(ours_right) >= 0.85,
        "ours with the source {:.3}",
        of_ours(ours_right)
    );
}

/// Every PolNeAR article, train and dev (924 real news pages), through the per-document phase:
/// no stage fails, and every statement's spans lie inside the body on character boundaries.
#[test]
fn every_polnear_article_goes_through_the_per_document_phase() {
    for split in ["train", "dev"] {
        let files =
            parallax::readers::polnear_split(&shared().join("data/polnear").join(split)).unwrap();
        for (name, text, _) in files {
            let doc = parallax::pipeline::process_document(
                common::text_source(&name, &text).expect("a text source"),
            );
            for s in &doc.statements {
                let spans = [(s.start, s.end), (s.cue.start, s.cue.end)]
                    .into_iter()
                    .chain(s.source.map(|x| (x.start, x.end)));
                for (start, end) in spans {
                    assert!(
                        doc.body.get(start..end).is_some(),
                        "{name}: a statement span {start}..{end} is not text of the body"
                    );
                }
            }
        }
    }
}
