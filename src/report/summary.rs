//! A story's extractive summary: the sentences most of its independent sources speak of, none
//! repeating another, none cut from its attribution; each with every document that says it,
//! then the story's disputes called out.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use crate::model::{
    Analysis, ClaimStatement, Contradiction, ContradictionKind, NumberBand, Quote, Side, Span,
    SummarySentence,
};
use crate::text::{content_stems, shared};

/// Sentences a summary holds at most, before its disputes.
const SENTENCES: usize = 6;

/// Shortest and longest sentence worth a summary line, in words.
const WORDS: (usize, usize) = (8, 60);

/// Share of stems above which two sentences say the same.
const SAME_SENTENCE: f64 = 0.6;

/// Share of stems above which a chosen sentence repeats one already chosen.
const REPEATS: f64 = 0.4;

struct Candidate {
    doc: usize,
    span: Span,
    stems: Vec<String>,
    score: f64,
}

pub fn build(analysis: &Analysis, groups: &[usize]) -> Vec<SummarySentence> {
    let doc_index = analysis.document_index();
    let mut quotes_of: HashMap<&str, Vec<&Quote>> = HashMap::new();
    for q in &analysis.quotes {
        quotes_of.entry(q.doc.as_str()).or_default().push(q);
    }
    let mut disputes_of: HashMap<&str, Vec<&Contradiction>> = HashMap::new();
    for c in &analysis.contradictions {
        disputes_of.entry(c.story.as_str()).or_default().push(c);
    }
    let names: HashMap<&str, &str> = analysis
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let per_story: Vec<Vec<SummarySentence>> = analysis
        .stories
        .par_iter()
        .map(|story| {
            let mut out = Vec::new();
            let disputes_here: &[&Contradiction] =
                disputes_of.get(story.id.as_str()).map_or(&[], |v| v);
            let docs: Vec<usize> = story
                .documents
                .iter()
                .filter_map(|id| doc_index.get(id.as_str()).copied())
                .collect();
            let candidates = candidates(analysis, &docs, groups, &quotes_of);
            let mut chosen_in_order = choose(&candidates);
            // told in the order the reports came out, each report's sentences in its own order
            chosen_in_order.sort_by_key(|&k| {
                let doc = &analysis.documents[candidates[k].doc];
                let date = doc.published.clone().or(doc.published_earliest.clone());
                (
                    date.is_none(),
                    date,
                    candidates[k].doc,
                    candidates[k].span.start,
                )
            });
            for chosen in chosen_in_order {
                let c = &candidates[chosen];
                let doc = &analysis.documents[c.doc];
                let sources: BTreeSet<&str> = candidates
                    .iter()
                    .filter(|o| jaccard(&o.stems, &c.stems) >= SAME_SENTENCE)
                    .map(|o| analysis.documents[o.doc].id.as_str())
                    .collect();
                out.push(SummarySentence {
                    story: story.id.clone(),
                    text: doc.text(c.span).to_string(),
                    sources: sources.into_iter().map(String::from).collect(),
                    contested: disputed(disputes_here, &doc.id, c.span),
                });
            }
            out.extend(disputes(
                &names,
                &story.id,
                disputes_here,
                &analysis.numbers,
            ));
            out
        })
        .collect();
    per_story.into_iter().flatten().collect()
}

/// Sentences of the story's documents worth a line, scored by how many independent sources
/// share their words.
fn candidates(
    analysis: &Analysis,
    docs: &[usize],
    groups: &[usize],
    quotes_of: &HashMap<&str, Vec<&Quote>>,
) -> Vec<Candidate> {
    let mut found = Vec::new();
    for &d in docs {
        let doc = &analysis.documents[d];
        for &span in &doc.sentences {
            let text = doc.text(span);
            let words = text.split_whitespace().count();
            let quotes = quotes_of.get(doc.id.as_str()).map_or(&[][..], |v| v);
            if words < WORDS.0 || words > WORDS.1 || loses_attribution(quotes, span) {
                continue;
            }
            found.push(Candidate {
                doc: d,
                span,
                stems: content_stems(text),
                score: 0.0,
            });
        }
    }
    // how many independence groups use each stem
    let mut group_stems: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for c in &found {
        for stem in &c.stems {
            group_stems
                .entry(stem.as_str())
                .or_default()
                .insert(groups[c.doc]);
        }
    }
    let reach: HashMap<String, f64> = group_stems
        .into_iter()
        .map(|(stem, g)| (stem.to_string(), g.len() as f64))
        .collect();
    for c in &mut found {
        let total: f64 = c.stems.iter().map(|s| reach[s]).sum();
        c.score = total / (c.stems.len().max(1) as f64).sqrt();
    }
    found
}

/// A sentence that holds quoted words whose cue lies outside it would lose who said them.
fn loses_attribution(quotes: &[&Quote], span: Span) -> bool {
    quotes.iter().any(|q| {
        q.start < span.end
            && span.start < q.end
            && !(q.cue_start >= span.start && q.cue_end <= span.end)
    })
}

/// The best sentences, each repeating none chosen before it.
fn choose(candidates: &[Candidate]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| candidates[b].score.total_cmp(&candidates[a].score));
    let mut chosen: Vec<usize> = Vec::new();
    for k in order {
        if chosen.len() == SENTENCES {
            break;
        }
        if chosen
            .iter()
            .all(|&j| jaccard(&candidates[j].stems, &candidates[k].stems) < REPEATS)
        {
            chosen.push(k);
        }
    }
    chosen
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let both = shared(a, b);
    let either = a.len() + b.len() - both;
    if either == 0 {
        0.0
    } else {
        both as f64 / either as f64
    }
}

/// Whether a sentence is evidence on a side of one of the story's disputes.
fn disputed(disputes: &[&Contradiction], doc: &str, span: Span) -> bool {
    disputes
        .iter()
        .flat_map(|c| c.sides.iter().flat_map(|s| &s.statements))
        .any(|s| s.doc == doc && s.start < span.end && span.start < s.end)
}

/// The figures one side of a numbers dispute gives ("90 miles", "dozens"), each once: those of
/// the dispute's band that its statements hold. A dispute's subject may add the period to the
/// band's ("people killed, 2026-11-10").
/// Figures as they read mid-sentence: a vague amount that opened its sentence ("Dozens of our
/// neighbours") loses its capital.
fn as_in_a_sentence(figures: &[&str]) -> String {
    figures
        .iter()
        .map(|f| {
            let mut chars = f.chars();
            match chars.next() {
                Some(c) if c.is_uppercase() && !f.chars().any(|c| c.is_ascii_digit()) => {
                    c.to_lowercase().chain(chars).collect()
                }
                _ => f.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A side's statements by claimant (a statement's own, else the side's), in order of first
/// appearance.
fn voices(side: &Side) -> Vec<(Option<String>, Vec<&ClaimStatement>)> {
    let mut out: Vec<(Option<String>, Vec<&ClaimStatement>)> = Vec::new();
    for x in &side.statements {
        let who = x.claimant.clone().or_else(|| side.claimant.clone());
        match out.iter_mut().find(|(w, _)| *w == who) {
            Some((_, statements)) => statements.push(x),
            None => out.push((who, vec![x])),
        }
    }
    out
}

fn side_figures<'a>(
    story: &str,
    about: &str,
    statements: &[&ClaimStatement],
    bands: &'a [NumberBand],
) -> Vec<&'a str> {
    let mut figures: Vec<&str> = Vec::new();
    let of_the_band = |b: &&NumberBand| {
        b.story == story
            && (about == b.about
                || about
                    .strip_prefix(b.about.as_str())
                    .is_some_and(|rest| rest.starts_with(", ")))
    };
    for b in bands.iter().filter(of_the_band) {
        for f in &b.claims {
            let stated = statements
                .iter()
                .any(|x| x.doc == f.doc && x.text.contains(f.text.as_str()));
            if stated && !figures.iter().any(|g| g.eq_ignore_ascii_case(&f.text)) {
                figures.push(f.text.as_str());
            }
        }
    }
    figures
}

/// One line per dispute of the story: what it is about and who holds each side.
fn disputes(
    names: &HashMap<&str, &str>,
    story: &str,
    disputes: &[&Contradiction],
    bands: &[NumberBand],
) -> Vec<SummarySentence> {
    let name = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| names.get(id))
            .map_or("the outlet".to_string(), |name| name.to_string())
    };
    disputes
        .iter()
        .filter(|c| c.sides.len() >= 2)
        .map(|c| {
            let sides: Vec<String> = c.sides.iter().map(|s| name(&s.claimant)).collect();
            let text = match c.kind {
                ContradictionKind::Denial => format!(
                    "Disputed — {}: {} says so; {} denies it.",
                    c.about, sides[0], sides[1]
                ),
                ContradictionKind::Numbers => format!(
                    "Disputed — {}: the sources give figures that cannot all be right ({}).",
                    c.about,
                    c.sides
                        .iter()
                        .map(|s| {
                            // each voice of the side with the figures its own statements give
                            voices(s)
                                .into_iter()
                                .map(|(claimant, statements)| {
                                    let mut docs: Vec<&str> =
                                        statements.iter().map(|x| x.doc.as_str()).collect();
                                    docs.dedup();
                                    let figures = side_figures(story, &c.about, &statements, bands);
                                    let said = if figures.is_empty() {
                                        String::new()
                                    } else {
                                        format!("{} — ", as_in_a_sentence(&figures))
                                    };
                                    format!("{said}{} in {}", name(&claimant), docs.join(", "))
                                })
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                        .collect::<Vec<_>>()
                        .join("; against ")
                ),
                ContradictionKind::Blame => format!(
                    "Disputed — {}: {} and {} each blame the other.",
                    c.about, sides[0], sides[1]
                ),
            };
            let sources: BTreeSet<String> = c
                .sides
                .iter()
                .flat_map(|s| s.statements.iter().map(|x| x.doc.clone()))
                .collect();
            SummarySentence {
                story: story.to_string(),
                text,
                sources: sources.into_iter().collect(),
                contested: true,
            }
        })
        .collect()
}
