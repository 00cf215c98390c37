//! The pipeline: sources in, [`Analysis`] out. A reader thread feeds a bounded channel while the
//! per-document stages run on all cores, so reading overlaps with work and memory holds at most
//! the channel's worth of unprocessed sources.

use std::collections::HashMap;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::ingest::{self, Source};
use crate::model::{Analysis, Document, InputProblem, Scope};
use crate::{entities, extract, reconcile, report, reuse, stories, text};

/// What a reader hands over: an article or a problem with an input.
pub type Item = Result<Source, InputProblem>;

/// Sources waiting for a worker at most.
const IN_FLIGHT: usize = 256;

/// The per-document phase: ingest, text, then local extraction (English documents).
pub fn process_document(source: Source) -> Document {
    process_document_to(source, Scope::Full)
}

/// The per-document phase as far as `scope` needs it.
pub fn process_document_to(source: Source, scope: Scope) -> Document {
    let mut doc = ingest::ingest(source);
    text::segment(&mut doc);
    if doc.analysed && scope != Scope::Stories {
        doc.mentions = extract::mentions::find(&doc, extract::shipped_ner());
        doc.roles = extract::roles::find(&doc);
        doc.statements = extract::quotes::find(&doc, extract::shipped_attribution());
        doc.times = extract::times::find(&doc.body);
        doc.quantities = extract::quantities::find(&doc);
        doc.events = extract::events::find(&doc);
    }
    doc.shrink_to_fit();
    doc
}

thread_local! {
    /// Whether this thread is inside `guarded`, where a failure becomes a problem line.
    static IN_GUARD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Where the last failure inside `guarded` happened, for its problem line.
    static LAST_PANIC_AT: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// Makes a failure inside the per-document net print nothing of its own: its problem line,
/// which names the file, says it all. Failures anywhere else print as before. For the CLI.
pub fn quiet_guarded_failures() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if IN_GUARD.get() {
            LAST_PANIC_AT.set(
                info.location()
                    .map(|l| format!("{}:{}", l.file(), l.line())),
            );
        } else {
            previous(info);
        }
    }));
}

/// The per-document phase with a net under it.
fn process_document_guarded(source: Source, scope: Scope) -> Vec<Result<Document, InputProblem>> {
    guarded(source, scope, &process_document_to)
}

/// Runs `process` on a source; should a stage fail on some text we did not foresee, the
/// document is kept with its text and sentences alone (`Scope::Stories`), and a problem names
/// it, so one article never takes the run, or its own text, down with it.
fn guarded(
    source: Source,
    scope: Scope,
    process: &(dyn Fn(Source, Scope) -> Document + std::panic::RefUnwindSafe),
) -> Vec<Result<Document, InputProblem>> {
    let kept = source.clone();
    IN_GUARD.set(true);
    let outcome = std::panic::catch_unwind(|| process(source, scope));
    IN_GUARD.set(false);
    let cause = match outcome {
        Ok(doc) => return vec![Ok(doc)],
        Err(cause) => cause,
    };
    let cause = cause
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| cause.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let cause = match LAST_PANIC_AT.take() {
        Some(at) => format!("{cause} at {at}"),
        None => cause,
    };
    let problem = InputProblem {
        path: kept.path.clone(),
        message: format!(
            "analysis failed ({cause}); its text is kept without names, quotes or figures"
        ),
    };
    IN_GUARD.set(true);
    let plain = std::panic::catch_unwind(|| process(kept, Scope::Stories));
    IN_GUARD.set(false);
    LAST_PANIC_AT.take();
    let mut out = vec![Err(problem)];
    out.extend(plain.ok().map(Ok));
    out
}

/// Runs the pipeline over whatever `read` emits. Each input is first turned into sources by
/// `prepare` on a worker (the input edge's decoding, kept out of this module), then processed.
/// `tick` is called once per input done.
pub fn analyze_stream<R, I>(
    read: R,
    prepare: &(dyn Fn(I) -> Vec<Item> + Sync),
    tick: &(dyn Fn() + Sync),
) -> Analysis
where
    R: FnOnce(&mut dyn FnMut(I)) + Send,
    I: Send,
{
    let mut analysis = documents_from_stream(read, prepare, tick, Scope::Full);
    across_documents(&mut analysis, Scope::Full);
    analysis
}

/// The per-document phase alone (as far as `scope` needs it): documents and problems, in input
/// order.
pub fn documents_from_stream<R, I>(
    read: R,
    prepare: &(dyn Fn(I) -> Vec<Item> + Sync),
    tick: &(dyn Fn() + Sync),
    scope: Scope,
) -> Analysis
where
    R: FnOnce(&mut dyn FnMut(I)) + Send,
    I: Send,
{
    let (sender, receiver) = sync_channel::<(usize, I)>(IN_FLIGHT);
    let mut results: Vec<(usize, Vec<Result<Document, InputProblem>>)> =
        std::thread::scope(|threads| {
            threads.spawn(move || {
                let mut index = 0;
                read(&mut |item| {
                    // the receiver only goes away if the workers panicked; nothing left to do then
                    let _ = sender.send((index, item));
                    index += 1;
                });
            });
            receiver
                .into_iter()
                .par_bridge()
                .map(|(index, input)| {
                    let done = prepare(input)
                        .into_iter()
                        .flat_map(|item| match item {
                            Ok(source) => process_document_guarded(source, scope),
                            Err(problem) => vec![Err(problem)],
                        })
                        .collect();
                    tick();
                    (index, done)
                })
                .collect()
        });
    results.sort_unstable_by_key(|(index, _)| *index);
    let mut analysis = assemble(results.into_iter().flat_map(|(_, r)| r));
    analysis.scope = scope;
    analysis
}

/// Wall-clock time of each cross-document stage, for the summary and the scale benchmark.
#[derive(Debug, Default, Clone, Copy)]
pub struct StageTimes {
    pub reuse: Duration,
    pub stories: Duration,
    pub entities: Duration,
    /// Reconcile and report.
    pub reconcile: Duration,
}

/// The cross-document phase: reuse, independence groups, stories and topics, then (for
/// `Scope::Full`) entities, reconcile and report. `Scope::Documents` does nothing here.
pub fn across_documents(analysis: &mut Analysis, scope: Scope) -> StageTimes {
    analysis.scope = scope;
    if scope == Scope::Documents {
        return StageTimes::default();
    }
    let started = Instant::now();
    reuse::infer_outlets(&mut analysis.documents);
    analysis.reuse = reuse::detect(&analysis.documents);
    let groups = reuse::independence_groups(&analysis.documents, &analysis.reuse);
    let reuse = started.elapsed();
    let started = Instant::now();
    let clustering = stories::cluster(&analysis.documents, &groups, stories::Params::default());
    analysis.stories = clustering.stories;
    analysis.topics = clustering.topics;
    extract::times::infer_publication(&mut analysis.documents, &analysis.reuse, &analysis.stories);
    analysis.times = extract::times::resolve_all(&analysis.documents);
    let stories = started.elapsed();
    if scope == Scope::Stories {
        return StageTimes {
            reuse,
            stories,
            ..StageTimes::default()
        };
    }
    let started = Instant::now();
    analysis.entities = entities::resolve_in_stories(&analysis.documents, &analysis.stories);
    let entity_at = entities::entity_of_mention(&analysis.entities);
    analysis.quotes = extract::quotes::link(&analysis.documents, &entity_at);
    analysis.quantities = extract::quantities::link(&analysis.documents, &entity_at);
    let places = analysis
        .entities
        .iter()
        .filter(|e| e.kind == crate::model::EntityType::Location)
        .map(|e| e.id.as_str())
        .collect();
    analysis.events = extract::events::link(&analysis.documents, &entity_at, &places);
    drop(places);
    drop(entity_at);
    // the documents' own statements, quantities, times and events are in the run's lists now: free them
    // before reconcile, the stage that needs the most memory of its own
    for doc in &mut analysis.documents {
        doc.statements = Vec::new();
        doc.quantities = Vec::new();
        doc.times = Vec::new();
        doc.events = Vec::new();
    }
    let entities = started.elapsed();
    let started = Instant::now();
    let reconciled = reconcile::reconcile(analysis, &groups);
    analysis.claims = reconciled.claims;
    analysis.contradictions = reconciled.contradictions;
    analysis.numbers = reconciled.numbers;
    report::build(analysis, &groups);
    StageTimes {
        reuse,
        stories,
        entities,
        reconcile: started.elapsed(),
    }
}

/// Runs the whole pipeline over sources already in memory (tests, the library API).
pub fn analyze(sources: impl IntoIterator<Item = Item> + Send) -> Analysis {
    analyze_stream(
        |emit| {
            for item in sources {
                emit(item);
            }
        },
        &|item| vec![item],
        &|| {},
    )
}

/// Puts documents and problems in input order and makes document ids unique.
fn assemble(results: impl Iterator<Item = Result<Document, InputProblem>>) -> Analysis {
    let mut analysis = Analysis::default();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for result in results {
        let mut doc = match result {
            Ok(doc) => doc,
            Err(problem) => {
                analysis.problems.push(problem);
                continue;
            }
        };
        // two inputs with the same id keep both: the later one gets a `~2`, `~3`… suffix
        let count = ids.entry(doc.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let renamed = format!("{}~{}", doc.id, count);
            analysis.problems.push(InputProblem {
                path: doc.path.clone(),
                message: format!("id `{}` already used; this one is `{renamed}`", doc.id),
            });
            doc.id = renamed;
        }
        if doc.body.trim().is_empty() {
            analysis.problems.push(InputProblem {
                path: doc.path.clone(),
                message: "no article text found; kept with an empty body".into(),
            });
        }
        analysis.documents.push(doc);
    }
    analysis
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ContentKind, Fields};
    use crate::model::Format;

    fn text_source(id: &str, text: &str) -> Item {
        Ok(Source {
            id: id.into(),
            path: format!("{id}.txt"),
            format: Format::Text,
            kind: ContentKind::Text,
            content: text.into(),
            fields: Fields::default(),
        })
    }

    #[test]
    fn order_is_kept_ids_made_unique_and_problems_passed_on() {
        let items = vec![
            text_source(
                "a",
                "Headline one\nThe first story is here, officials said.",
            ),
            Err(InputProblem {
                path: "bad.txt".into(),
                message: "empty file; skipped".into(),
            }),
            text_source(
                "a",
                "Headline two\nThe second story is here, officials said.",
            ),
        ];
        let analysis = analyze(items);
        let ids: Vec<&str> = analysis.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "a~2"]);
        assert_eq!(analysis.problems.len(), 2);
        assert!(analysis.documents[1].sentences.len() == 1);
    }

    #[test]
    fn a_stage_that_fails_on_one_article_costs_its_analysis_not_its_text() {
        let Ok(source) = text_source("odd", "Flood in Tarnby\nThe river rose, officials said.")
        else {
            unreachable!("a text source")
        };
        // a stand-in for a stage that trips on this article's text
        let tripping = |source: Source, scope: Scope| {
            assert!(scope == Scope::Stories, "a rule failed on {}", source.id);
            process_document_to(source, scope)
        };
        let out = guarded(source, Scope::Full, &tripping);
        assert_eq!(out.len(), 2, "{out:?}");
        let problem = out[0].as_ref().expect_err("the failure is reported");
        assert_eq!(problem.path, "odd.txt");
        assert!(
            problem.message.contains("a rule failed on odd"),
            "{problem}"
        );
        let doc = out[1].as_ref().expect("the document is kept");
        assert!(doc.body.contains("The river rose"));
        assert!(doc.statements.is_empty());
    }
}
