//! The `reconcile` stage: across each story's documents, what is claimed by whom, what is denied,
//! which numbers disagree, and the band of every counted thing.
//!
//! It reads the run's layers (quotes, quantities, events, times, entities, stories) and the
//! independence groups; it never goes back to the text stages. Every statement it emits keeps its
//! document and byte offsets (whole sentences: the evidence a reader checks).

mod blame;
mod claims;
mod denials;
mod numbers;
mod said;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{Analysis, Claim, Contradiction, DateRange, EntityType, NumberBand};

pub use said::Said;

/// What the stage adds to the analysis.
#[derive(Debug, Default)]
pub struct Reconciled {
    pub claims: Vec<Claim>,
    pub contradictions: Vec<Contradiction>,
    pub numbers: Vec<NumberBand>,
}

/// Reconciles every story, stories on all cores. `groups[d]` is the independence group of
/// document `d`.
pub fn reconcile(analysis: &Analysis, groups: &[usize]) -> Reconciled {
    let run = Run::new(analysis, groups);
    let per_story: Vec<Reconciled> = (0..analysis.stories.len())
        .into_par_iter()
        .map(|s| reconcile_story(&run, s))
        .collect();
    let mut out = Reconciled::default();
    for part in per_story {
        out.claims.extend(part.claims);
        out.contradictions.extend(part.contradictions);
        out.numbers.extend(part.numbers);
    }
    number_ids(&mut out);
    out
}

fn reconcile_story(run: &Run, s: usize) -> Reconciled {
    let story = &run.analysis.stories[s].id;
    let saids = said::of_story(run, s);
    let denied = denials::find(run, &saids);
    let measured = numbers::measure(run, s);
    let numbers = numbers::bands(run, story, &measured);
    let periods = numbers::by_thing_and_period(&measured);
    let number_conflicts = numbers::conflicts(run, story, &measured, &periods);
    let claims = claims::build(
        run,
        s,
        &saids,
        &denied,
        &measured,
        &periods,
        &number_conflicts,
    );
    let mut contradictions = denials::contradictions(run, story, &saids, &denied);
    contradictions.extend(blame::contradictions(run, story, &saids));
    contradictions.extend(number_conflicts);
    Reconciled {
        claims,
        contradictions: merge_same_disputes(contradictions),
        numbers,
    }
}

/// One dispute reported by several outlets is one contradiction: those of one kind about the
/// same proposition become one, each side's statements gathered (a side is a claimant with a
/// stance), each piece of evidence once.
fn merge_same_disputes(found: Vec<Contradiction>) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    for c in found {
        let Some(into) = out
            .iter_mut()
            .find(|o| o.kind == c.kind && o.about == c.about)
        else {
            out.push(c);
            continue;
        };
        for side in c.sides {
            let stance = side.statements.first().map(|s| s.stance);
            let same = into.sides.iter_mut().find(|o| {
                o.claimant == side.claimant && o.statements.first().map(|s| s.stance) == stance
            });
            match same {
                Some(o) => {
                    for st in side.statements {
                        let known = o
                            .statements
                            .iter()
                            .any(|x| x.doc == st.doc && x.start == st.start && x.end == st.end);
                        if !known {
                            o.statements.push(st);
                        }
                    }
                }
                None => into.sides.push(side),
            }
        }
    }
    out
}

fn number_ids(out: &mut Reconciled) {
    for (k, c) in out.claims.iter_mut().enumerate() {
        c.id = format!("claim-{}", k + 1);
    }
    for (k, c) in out.contradictions.iter_mut().enumerate() {
        c.id = format!("contradiction-{}", k + 1);
    }
    for (k, n) in out.numbers.iter_mut().enumerate() {
        n.id = format!("number-{}", k + 1);
    }
}

/// The run's layers indexed for the stage: documents, entities and their parties, stories.
pub struct Run<'a> {
    pub analysis: &'a Analysis,
    pub groups: &'a [usize],
    pub doc_index: HashMap<&'a str, usize>,
    pub entity_index: HashMap<&'a str, usize>,
    /// Per entity: the organization it speaks for (its affiliation), else itself.
    pub party: Vec<usize>,
    /// Per document: its story (an index into `stories`).
    pub story_of: Vec<Option<usize>>,
    /// Per document: entity mentions (start, end, entity), in order.
    pub mentions: Vec<Vec<(usize, usize, usize)>>,
    /// Per document: resolved time expressions (start, end, range).
    pub times: Vec<Vec<(usize, usize, DateRange)>>,
    /// Per story: organizations acting in two events or more, the parties to what happened.
    pub belligerents: Vec<Vec<usize>>,
    /// Per story: its quotes, quantities and events (indices into the run's lists).
    pub quotes_of: Vec<Vec<usize>>,
    pub quantities_of: Vec<Vec<usize>>,
    pub events_of: Vec<Vec<usize>>,
}

impl<'a> Run<'a> {
    pub fn new(analysis: &'a Analysis, groups: &'a [usize]) -> Run<'a> {
        let doc_index = analysis.document_index();
        let entity_index: HashMap<&str, usize> = analysis
            .entities
            .iter()
            .enumerate()
            .map(|(k, e)| (e.id.as_str(), k))
            .collect();
        let party = analysis
            .entities
            .iter()
            .enumerate()
            .map(|(k, e)| {
                e.affiliation
                    .as_deref()
                    .filter(|_| e.kind == EntityType::Person)
                    .and_then(|a| entity_index.get(a).copied())
                    .unwrap_or(k)
            })
            .collect();
        let mut story_of = vec![None; analysis.documents.len()];
        for (s, story) in analysis.stories.iter().enumerate() {
            for id in &story.documents {
                if let Some(&d) = doc_index.get(id.as_str()) {
                    story_of[d] = Some(s);
                }
            }
        }
        let mut mentions = vec![Vec::new(); analysis.documents.len()];
        for (k, e) in analysis.entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(&d) = doc_index.get(m.doc.as_str()) {
                    mentions[d].push((m.start, m.end, k));
                }
            }
        }
        for list in &mut mentions {
            list.sort_unstable();
        }
        let mut times = vec![Vec::new(); analysis.documents.len()];
        for t in &analysis.times {
            if let (Some(&d), Some(range)) = (doc_index.get(t.doc.as_str()), t.resolved) {
                times[d].push((t.start, t.end, range));
            }
        }
        let stories = analysis.stories.len();
        let bucket = |docs: &mut dyn Iterator<Item = &str>| {
            let mut of = vec![Vec::new(); stories];
            for (k, doc) in docs.enumerate() {
                if let Some(s) = doc_index.get(doc).and_then(|&d| story_of[d]) {
                    of[s].push(k);
                }
            }
            of
        };
        let quotes_of = bucket(&mut analysis.quotes.iter().map(|q| q.doc.as_str()));
        let quantities_of = bucket(&mut analysis.quantities.iter().map(|q| q.doc.as_str()));
        let events_of = bucket(
            &mut analysis
                .events
                .iter()
                .map(|e| e.evidence.first().map_or("", |x| x.doc.as_str())),
        );
        let mut run = Run {
            analysis,
            groups,
            doc_index,
            entity_index,
            party,
            story_of,
            mentions,
            times,
            belligerents: Vec::new(),
            quotes_of,
            quantities_of,
            events_of,
        };
        run.belligerents = run.find_belligerents();
        run
    }

    fn find_belligerents(&self) -> Vec<Vec<usize>> {
        let mut counts: Vec<HashMap<usize, usize>> =
            vec![HashMap::new(); self.analysis.stories.len()];
        for event in &self.analysis.events {
            let Some(s) = event
                .evidence
                .first()
                .and_then(|e| self.doc(&e.doc))
                .and_then(|d| self.story_of[d])
            else {
                continue;
            };
            for actor in &event.actors {
                if let Some(k) = self.entity(actor) {
                    let p = self.party[k];
                    if self.analysis.entities[p].kind == EntityType::Organization {
                        *counts[s].entry(p).or_insert(0) += 1;
                    }
                }
            }
        }
        counts
            .into_iter()
            .map(|c| {
                let mut parties: Vec<usize> = c
                    .into_iter()
                    .filter(|&(_, n)| n >= 2)
                    .map(|(p, _)| p)
                    .collect();
                parties.sort_unstable();
                parties
            })
            .collect()
    }

    pub fn doc(&self, id: &str) -> Option<usize> {
        self.doc_index.get(id).copied()
    }

    pub fn entity(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }

    pub fn entity_id(&self, k: usize) -> String {
        self.analysis.entities[k].id.clone()
    }

    /// The body entity `k` speaks for, else itself: a spokeswoman's figure is her agency's.
    pub fn speaking_for(&self, k: usize) -> usize {
        self.analysis.entities[k]
            .affiliation
            .as_deref()
            .and_then(|id| self.entity(id))
            .unwrap_or(k)
    }

    /// The whole sentences of document `d` that `start..end` touches.
    pub fn sentences_around(&self, d: usize, start: usize, end: usize) -> (usize, usize) {
        let doc = &self.analysis.documents[d];
        let touching = doc
            .sentences
            .iter()
            .filter(|s| s.start < end.max(start + 1) && start < s.end);
        let first = touching.clone().map(|s| s.start).min().unwrap_or(start);
        let last = touching.map(|s| s.end).max().unwrap_or(end);
        (first.min(start), last.max(end))
    }

    /// The entity named at `start..end` (a mention inside it), if any.
    pub fn entities_in(&self, d: usize, start: usize, end: usize) -> Vec<usize> {
        self.mentions[d]
            .iter()
            .filter(|&&(s, e, _)| s >= start && e <= end)
            .map(|&(_, _, k)| k)
            .collect()
    }

    /// The days document `d` was published on: its date, else the range inferred for it.
    pub fn published_days(&self, d: usize) -> Option<DateRange> {
        let doc = &self.analysis.documents[d];
        let day = |s: &Option<String>| {
            s.as_deref()
                .and_then(|s| chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
        };
        match (
            day(&doc.published),
            day(&doc.published_earliest),
            day(&doc.published_latest),
        ) {
            (Some(d), _, _) => Some(DateRange { start: d, end: d }),
            (None, Some(start), Some(end)) => Some(DateRange { start, end }),
            _ => None,
        }
    }

    /// The date of the resolved time expression inside `start..end` nearest to `at..at_end`
    /// ("Rain returned on Thursday night, and by Friday afternoon 14 were missing": Friday).
    pub fn time_near(
        &self,
        d: usize,
        (start, end): (usize, usize),
        (at, at_end): (usize, usize),
    ) -> Option<DateRange> {
        let body = &self.analysis.documents[d].body;
        // "19 on Wednesday, up from 12 a day earlier": the time of an earlier figure a count
        // is compared with ("from 12 a day earlier") dates that figure only
        let dates_another_figure = |s: usize| {
            let before = body.get(..s).unwrap_or("").trim_end();
            let mut words = before.rsplit(char::is_whitespace);
            let figure = words.next().unwrap_or("");
            let a_number = figure.chars().any(|c| c.is_ascii_digit())
                && figure
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'));
            let compared = words.next().is_some_and(|w| w.eq_ignore_ascii_case("from"));
            let ours = (at..=at_end).contains(&before.len());
            a_number && compared && !ours
        };
        self.times[d]
            .iter()
            .filter(|&&(s, e, _)| s >= start && e <= end && !dates_another_figure(s))
            .min_by_key(|&&(s, e, _)| {
                if e <= at {
                    at - e
                } else {
                    s.saturating_sub(at_end)
                }
            })
            .map(|&(_, _, range)| range)
    }
}
