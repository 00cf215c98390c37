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
                        .map(|item| item.map(|source| process_document_to(source, scope)))
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
    analysis.entities = entities::resolve(&analysis.documents);
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
}
