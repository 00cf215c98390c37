//! Claims: the propositions of a story with every statement of them, and how well each stands.
//!
//! Three sources of propositions: what a side said (the same words, or most of them, from the
//! same side), the figures for one counted thing, and the happenings the articles report (same
//! kind, same place, dates that meet).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::denials::Denied;
use super::numbers::{self, Measured};
use super::said::Said;
use super::Run;
use crate::model::{
    Claim, ClaimStatement, ClaimStatus, Contradiction, ContradictionKind, Event, Stance,
};

/// Share of content stems two statements of one side must have in common to be one claim.
const SAME_CLAIM: f64 = 0.5;

/// Fewest content stems a statement needs to be compared at all.
const LEAST_STEMS: usize = 3;

/// A stem shared by more statements than this is too common to find candidates by.
const POSTING_CAP: usize = 200;

pub fn build(
    run: &Run,
    s: usize,
    saids: &[Said],
    denied: &[Denied],
    measured: &[Measured],
    periods: &[Vec<usize>],
    number_conflicts: &[Contradiction],
) -> Vec<Claim> {
    let story = run.analysis.stories[s].id.as_str();
    let mut out = said_claims(run, story, saids, denied);
    out.extend(number_claims(
        run,
        story,
        measured,
        periods,
        number_conflicts,
    ));
    out.extend(event_claims(run, s, story));
    out
}

/// Statements of one side saying the same thing, with the denials aimed at them.
fn said_claims(run: &Run, story: &str, saids: &[Said], denied: &[Denied]) -> Vec<Claim> {
    let clusters = same_claim_clusters(saids);
    let mut denials_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for x in denied {
        for &t in &x.targets {
            denials_of.entry(t).or_default().push(x.denial);
        }
    }
    clusters
        .into_iter()
        .map(|members| {
            let mut statements: Vec<ClaimStatement> =
                members.iter().map(|&k| saids[k].statement(run)).collect();
            let mut denials: Vec<usize> = members
                .iter()
                .flat_map(|k| denials_of.get(k).into_iter().flatten().copied())
                .collect();
            denials.sort_unstable();
            denials.dedup();
            statements.extend(
                denials
                    .iter()
                    .map(|&k| saids[k].statement_with(run, Stance::Denies)),
            );
            let docs: Vec<usize> = members.iter().map(|&k| saids[k].doc).collect();
            let shortest = members
                .iter()
                .min_by_key(|&&k| saids[k].text(run).len())
                .map_or("", |&k| saids[k].text(run));
            let who = saids[members[0]]
                .party
                .map(|p| format!("{}: ", run.analysis.entities[p].name))
                .unwrap_or_default();
            claim(
                run,
                story,
                format!("{who}{}", short(shortest)),
                statements,
                &docs,
                !denials.is_empty(),
            )
        })
        .collect()
}

/// Groups of non-denying statements by one side (or none) sharing most of their content.
fn same_claim_clusters(saids: &[Said]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..saids.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut postings: HashMap<(Option<usize>, &str), Vec<usize>> = HashMap::new();
    for (k, s) in saids.iter().enumerate() {
        if s.denial || s.stems.len() < LEAST_STEMS {
            continue;
        }
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for stem in &s.stems {
            let list = postings.entry((s.party, stem.as_str())).or_default();
            if list.len() < POSTING_CAP {
                for &j in list.iter() {
                    *counts.entry(j).or_insert(0) += 1;
                }
                list.push(k);
            }
        }
        for (j, n) in counts {
            let union = s.stems.len() + saids[j].stems.len() - n;
            if n as f64 >= SAME_CLAIM * union as f64 {
                let (a, b) = (root(&mut parent, j), root(&mut parent, k));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, said) in saids.iter().enumerate() {
        if !said.denial {
            clusters.entry(root(&mut parent, k)).or_default().push(k);
        }
    }
    clusters.into_values().collect()
}

/// The figures for one counted thing said of one period: a toll given on Tuesday and the toll
/// given on Friday are two claims, each confirmed or disputed on its own day.
fn number_claims(
    run: &Run,
    story: &str,
    measured: &[Measured],
    periods: &[Vec<usize>],
    conflicts: &[Contradiction],
) -> Vec<Claim> {
    periods
        .iter()
        .map(|members| {
            let about = numbers::about_in_period(&measured[members[0]]);
            let statements: Vec<ClaimStatement> = members
                .iter()
                .map(|&k| numbers::statement(run, &measured[k]))
                .collect();
            let docs: Vec<usize> = members.iter().map(|&k| measured[k].doc).collect();
            let contested = conflicts
                .iter()
                .any(|c| c.kind == ContradictionKind::Numbers && c.about == about);
            let figures: Vec<String> = members
                .iter()
                .map(|&k| run.analysis.quantities[measured[k].quantity].text.clone())
                .collect();
            let mut found = claim(
                run,
                story,
                format!("{about}: {}", figures.join(" / ")),
                statements,
                &docs,
                contested,
            );
            // figures corroborate one another only when they agree: 19 dead and later 23 are
            // two sources, not two that confirm one figure; nor do "at least seven" and 135
            let agreeing: BTreeSet<usize> = members
                .iter()
                .filter(|&&a| {
                    members.iter().any(|&b| {
                        run.groups[measured[a].doc] != run.groups[measured[b].doc]
                            && numbers::agree(&measured[a], &measured[b])
                    })
                })
                .map(|&a| run.groups[measured[a].doc])
                .collect();
            if found.status == ClaimStatus::Corroborated && agreeing.len() < 2 {
                found.status = ClaimStatus::SingleSource;
            }
            found
        })
        .collect()
}

/// The story's happenings: same kind and place, dates that meet. Statements are covered by
/// quotes already and are left out.
fn event_claims(run: &Run, s: usize, story: &str) -> Vec<Claim> {
    let events: Vec<(&Event, usize)> = run.events_of[s]
        .iter()
        .map(|&k| &run.analysis.events[k])
        .filter(|e| e.kind != "statement")
        .filter_map(|e| Some((e, run.doc(&e.evidence.first()?.doc)?)))
        .collect();
    // candidates by kind and place; within them, dates must meet the group's first
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_kind_place: HashMap<(&str, Option<&str>), Vec<usize>> = HashMap::new();
    for (k, (e, _)) in events.iter().enumerate() {
        let candidates = by_kind_place
            .entry((e.kind.as_str(), e.place.as_deref()))
            .or_default();
        let joins = |g: &usize| {
            let (other, _) = events[groups[*g][0]];
            match (other.date, e.date) {
                (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
                (None, None) => true,
                _ => false,
            }
        };
        match candidates.iter().find(|g| joins(g)) {
            Some(&g) => groups[g].push(k),
            None => {
                candidates.push(groups.len());
                groups.push(vec![k]);
            }
        }
    }
    groups
        .into_iter()
        .map(|members| {
            let statements: Vec<ClaimStatement> = members
                .iter()
                .map(|&k| event_statement(run, events[k].0, events[k].1))
                .collect();
            let docs: Vec<usize> = members.iter().map(|&k| events[k].1).collect();
            claim(
                run,
                story,
                event_about(run, events[members[0]].0),
                statements,
                &docs,
                false,
            )
        })
        .collect()
}

fn event_statement(run: &Run, e: &Event, d: usize) -> ClaimStatement {
    let trigger = &e.evidence[0];
    let (start, end) = run.sentences_around(d, trigger.start, trigger.end);
    let doc = &run.analysis.documents[d];
    ClaimStatement {
        doc: doc.id.clone(),
        start,
        end,
        text: doc.body[start..end].trim().to_string(),
        claimant: e.claimant.clone(),
        claimant_text: None,
        stance: Stance::Asserts,
    }
}

/// "attack — Tarnby, 2031-03-02".
fn event_about(run: &Run, e: &Event) -> String {
    let place = e
        .place
        .as_deref()
        .and_then(|id| run.entity(id))
        .map(|k| format!(" in {}", run.analysis.entities[k].name))
        .unwrap_or_default();
    let date = e
        .date
        .map(|d| {
            if d.start == d.end {
                format!(", {}", d.start)
            } else {
                format!(", {}..{}", d.start, d.end)
            }
        })
        .unwrap_or_default();
    format!("{}{place}{date}", e.kind)
}

fn claim(
    run: &Run,
    story: &str,
    about: String,
    statements: Vec<ClaimStatement>,
    docs: &[usize],
    contested: bool,
) -> Claim {
    let groups: BTreeSet<usize> = docs.iter().map(|&d| run.groups[d]).collect();
    let status = if contested {
        ClaimStatus::Contested
    } else if groups.len() >= 2 && voices(run, &statements) >= 2 {
        ClaimStatus::Corroborated
    } else {
        ClaimStatus::SingleSource
    };
    Claim {
        id: String::new(),
        story: story.to_string(),
        about,
        statements,
        status,
        independent_sources: groups.len(),
    }
}

/// How many independent voices assert a claim: each side that claims it, and each independence
/// group that states it in its own words. One side's claim carried by many outlets is still one
/// voice: the outlets confirm that it was said, not that it is so.
fn voices(run: &Run, statements: &[ClaimStatement]) -> usize {
    let voices: BTreeSet<(Option<String>, Option<usize>)> = statements
        .iter()
        .filter(|s| s.stance == Stance::Asserts)
        .map(|s| match (&s.claimant, &s.claimant_text) {
            (Some(side), _) => {
                let voice = run.entity(side).map(|k| run.speaking_for(k));
                (
                    Some(voice.map_or_else(|| side.clone(), |k| run.entity_id(k))),
                    None,
                )
            }
            (None, Some(words)) => (Some(words.to_lowercase()), None),
            (None, None) => (None, run.doc(&s.doc).map(|d| run.groups[d])),
        })
        .collect();
    voices.len()
}

/// At most fifteen words of a statement.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words[..words.len().min(15)].join(" ");
    if words.len() > 15 {
        out.push('…');
    }
    out
}
