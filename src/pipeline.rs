//! The pipeline: sources in, [`Analysis`] out. Per-document stages run on all cores in batches,
//! so memory stays bounded by the batch, not the input.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::ingest::{self, Source};
use crate::model::{Analysis, Document, InputProblem};
use crate::text;

/// The per-document phase: ingest, then text.
pub fn process_document(source: Source) -> Document {
    let mut doc = ingest::ingest(source);
    text::segment(&mut doc);
    doc
}

/// Collects documents as they come, processing each full batch in parallel.
pub struct Collector {
    batch: Vec<Source>,
    batch_size: usize,
    analysis: Analysis,
    ids: HashMap<String, usize>,
}

impl Collector {
    pub fn new(batch_size: usize) -> Self {
        Self {
            batch: Vec::with_capacity(batch_size),
            batch_size: batch_size.max(1),
            analysis: Analysis::default(),
            ids: HashMap::new(),
        }
    }

    pub fn push(&mut self, item: Result<Source, InputProblem>) {
        match item {
            Ok(source) => {
                self.batch.push(source);
                if self.batch.len() >= self.batch_size {
                    self.flush();
                }
            }
            Err(problem) => self.analysis.problems.push(problem),
        }
    }

    pub fn documents_so_far(&self) -> usize {
        self.analysis.documents.len() + self.batch.len()
    }

    fn flush(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        let docs: Vec<Document> = batch.into_par_iter().map(process_document).collect();
        for mut doc in docs {
            self.unique_id(&mut doc);
            if doc.body.trim().is_empty() {
                self.analysis.problems.push(InputProblem {
                    path: doc.path.clone(),
                    message: "no article text found; kept with an empty body".into(),
                });
            }
            self.analysis.documents.push(doc);
        }
    }

    /// Two inputs with the same id keep both: the later one gets a `~2`, `~3`… suffix.
    fn unique_id(&mut self, doc: &mut Document) {
        let count = self.ids.entry(doc.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let renamed = format!("{}~{}", doc.id, count);
            self.analysis.problems.push(InputProblem {
                path: doc.path.clone(),
                message: format!("id `{}` already used; this one is `{renamed}`", doc.id),
            });
            doc.id = renamed;
        }
    }

    pub fn finish(mut self) -> Analysis {
        self.flush();
        self.analysis
    }
}

/// Runs the whole pipeline over sources already in memory (tests, the library API).
pub fn analyze(sources: impl IntoIterator<Item = Result<Source, InputProblem>>) -> Analysis {
    let mut collector = Collector::new(256);
    for item in sources {
        collector.push(item);
    }
    collector.finish()
}
