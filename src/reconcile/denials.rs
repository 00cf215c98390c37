//! Denials: a statement that rejects another's claim, and the statements it rejects.
//!
//! What is rejected is found the way a reader finds it: a possessive names whose claim it is
//! ("rejecting the Front's claim"), "the claim" points back to the last claim made by another
//! side, and "denied that P" meets whoever asserted P.

use std::collections::{BTreeMap, HashMap};

use super::said::{is_denial_word, side, Said};
use super::Run;
use crate::model::{Contradiction, ContradictionKind, Stance};
use crate::text::{content_stems, shared};

/// A denial (an index into the story's saids) and what it rejects.
#[derive(Debug, Clone)]
pub struct Denied {
    pub denial: usize,
    pub targets: Vec<usize>,
    /// Whose claim is rejected, when a possessive says it.
    pub target_party: Option<usize>,
    /// The targets were found by what they say (two content stems shared or more), not only by
    /// who said them or where.
    pub by_content: bool,
}

/// Words that point back to a claim just made ("the claim", "these reports").
const POINTERS: &[&str] = &["the", "this", "these", "that", "those", "such"];

/// How many sentences back "the claim" may point.
const POINTER_REACH: usize = 3;

/// Every denial of the story with its targets; denials whose target cannot be found are left out.
pub fn find(run: &Run, saids: &[Said]) -> Vec<Denied> {
    let mut out = Vec::new();
    for (k, d) in saids.iter().enumerate() {
        if !d.denial {
            continue;
        }
        // "X said P, a claim rejected by Y": the rejection's content is the claim itself
        let apposed = apposed_claim(run, saids, k);
        let (targets, target_party, by_content) = match possessive_party(run, d) {
            _ if !apposed.is_empty() => (apposed, None, true),
            Some(party) => {
                let (targets, by_content) = claims_of_party(run, saids, k, party);
                (targets, Some(party), by_content)
            }
            None if points_back(d.sentence_text(run)) => {
                let target = last_claim_before(run, saids, k);
                (target.into_iter().collect(), None, false)
            }
            None => (assertions_of_content(saids, k), None, true),
        };
        if !targets.is_empty() {
            out.push(Denied {
                denial: k,
                targets,
                target_party,
                by_content,
            });
        }
    }
    out.extend(flat_denials(saids, &out));
    // of several denials of one side's claims in a document, those matched by content speak
    // for the rest: a weak match only adds noise next to them
    let matched: Vec<_> = out
        .iter()
        .filter(|x| x.by_content)
        .map(|x| sides_of(saids, x))
        .collect();
    out.retain(|x| x.by_content || !matched.contains(&sides_of(saids, x)));
    out
}

/// The statements another party made in the same words the denial `k` rejects: a rejection
/// set in apposition after a claim holds the claim as its content.
fn apposed_claim(run: &Run, saids: &[Said], k: usize) -> Vec<usize> {
    let quote = |s: &Said| &run.analysis.quotes[s.quote];
    let d = &saids[k];
    saids
        .iter()
        .enumerate()
        .filter(|&(j, s)| {
            j != k
                && s.doc == d.doc
                && !s.denial
                && s.party != d.party
                && (quote(s).start, quote(s).end) == (quote(d).start, quote(d).end)
        })
        .map(|(j, _)| j)
        .collect()
}

/// (document, rejected side, rejecting side) of a denial.
fn sides_of(saids: &[Said], x: &Denied) -> (usize, Option<usize>, Option<usize>) {
    let d = &saids[x.denial];
    (
        d.doc,
        x.target_party.or_else(|| saids[x.targets[0]].party),
        d.party,
    )
}

/// "the Front's claim": the party of the name whose possessive governs a claim noun.
fn possessive_party(run: &Run, d: &Said) -> Option<usize> {
    let body = &run.analysis.documents[d.doc].body;
    run.mentions[d.doc]
        .iter()
        .filter(|&&(s, e, _)| s >= d.sentences.0 && e <= d.sentences.1)
        .find(|&&(_, e, _)| {
            let after = &body[e..d.sentences.1];
            let Some(rest) = after
                .strip_prefix("'s ")
                .or_else(|| after.strip_prefix("\u{2019}s "))
            else {
                return false;
            };
            rest.split_whitespace().take(3).any(|w| {
                crate::lexicon::CLAIM_NOUNS.contains(&trim_word(w).to_lowercase().as_str())
            })
        })
        .map(|&(_, _, k)| run.party[k])
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// "has denied the claim", "rejected these reports".
fn points_back(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| trim_word(w).to_lowercase())
        .collect();
    words.windows(2).any(|pair| {
        POINTERS.contains(&pair[0].as_str())
            && crate::lexicon::CLAIM_NOUNS.contains(&pair[1].as_str())
    })
}

/// The party's statements in the denial's document that share the most with the denial's
/// sentence (two content stems or more; else the one that shares most; else the nearest), and
/// whether they were found by content.
fn claims_of_party(run: &Run, saids: &[Said], k: usize, party: usize) -> (Vec<usize>, bool) {
    let d = &saids[k];
    let name = content_stems(&run.analysis.entities[party].name);
    let mut about: Vec<String> = content_stems(d.sentence_text(run))
        .into_iter()
        .filter(|s| !name.contains(s) && !is_denial_word(s) && !s.starts_with("claim"))
        .collect();
    about.sort_unstable();
    let candidates: Vec<(usize, usize)> = saids
        .iter()
        .enumerate()
        .filter(|(j, s)| *j != k && !s.denial && s.doc == d.doc && s.party == Some(party))
        .map(|(j, s)| (j, shared(&about, &s.stems)))
        .collect();
    let strong: Vec<usize> = candidates
        .iter()
        .filter(|&&(_, n)| n >= 2)
        .map(|&(j, _)| j)
        .collect();
    if !strong.is_empty() {
        return (strong, true);
    }
    let best = candidates
        .iter()
        .filter(|&&(_, n)| n >= 1)
        .max_by_key(|&&(j, n)| (n, std::cmp::Reverse(j)))
        .map(|&(j, _)| j);
    let nearest = || {
        candidates
            .iter()
            .map(|&(j, _)| j)
            .min_by_key(|&j| saids[j].sentences.0.abs_diff(d.sentences.0))
    };
    (best.or_else(nearest).into_iter().collect(), false)
}

/// "The Front has denied the claim": the last statement before it, a few sentences back at
/// most, made by another side.
fn last_claim_before(run: &Run, saids: &[Said], k: usize) -> Option<usize> {
    let d = &saids[k];
    let sentences = &run.analysis.documents[d.doc].sentences;
    let index_of = |offset: usize| sentences.partition_point(|s| s.end <= offset);
    let here = index_of(d.sentences.0);
    saids
        .iter()
        .enumerate()
        .filter(|(j, s)| {
            *j != k
                && !s.denial
                && s.doc == d.doc
                && s.sentences.1 <= d.sentences.0
                && here - index_of(s.sentences.0) <= POINTER_REACH
                && (s.party.is_none() || s.party != d.party)
        })
        .max_by_key(|(_, s)| s.sentences.0)
        .map(|(j, _)| j)
}

/// "denied that the pass had fallen": statements by others in the story asserting most of what
/// the denial's content says.
fn assertions_of_content(saids: &[Said], k: usize) -> Vec<usize> {
    let d = &saids[k];
    if d.stems.len() < 2 {
        return Vec::new();
    }
    let needed = 2.max(d.stems.len().div_ceil(2));
    saids
        .iter()
        .enumerate()
        .filter(|(j, s)| {
            *j != k
                && !s.denial
                && (s.party.is_none() || s.party != d.party)
                && shared(&d.stems, &s.stems) >= needed
        })
        .map(|(j, _)| j)
        .collect()
}

/// "There was no siren" against "the sirens were switched on": a statement by one side saying
/// something is absent or did not happen, against statements by another side saying it
/// happened. Both sides must be known: an unattributed line opposes no one.
fn flat_denials(saids: &[Said], found: &[Denied]) -> Vec<Denied> {
    let mut asserting: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, a) in saids.iter().enumerate() {
        if a.party.is_some() && !a.denial {
            for stem in &a.asserted {
                asserting.entry(stem.as_str()).or_default().push(j);
            }
        }
    }
    let mut out = Vec::new();
    for (k, b) in saids.iter().enumerate() {
        let Some(b_party) = b.party else {
            continue;
        };
        for stem in &b.negated {
            let Some(candidates) = asserting.get(stem.as_str()) else {
                continue;
            };
            let targets: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&j| {
                    j != k && saids[j].party != Some(b_party) && !already_opposed(found, k, j)
                })
                .collect();
            let mut parties: Vec<Option<usize>> = targets.iter().map(|&j| saids[j].party).collect();
            parties.sort_unstable();
            parties.dedup();
            // one denial per side opposed
            for party in parties {
                out.push(Denied {
                    denial: k,
                    targets: targets
                        .iter()
                        .copied()
                        .filter(|&j| saids[j].party == party)
                        .collect(),
                    target_party: party,
                    by_content: true,
                });
            }
        }
    }
    out
}

/// Whether a denial already found sets statement `b` against statement `a`.
fn already_opposed(found: &[Denied], b: usize, a: usize) -> bool {
    found
        .iter()
        .any(|x| x.denial == b && x.targets.contains(&a))
}

/// One contradiction per document, rejected side and rejecting side.
pub fn contradictions(
    run: &Run,
    story: &str,
    saids: &[Said],
    denied: &[Denied],
) -> Vec<Contradiction> {
    // (document, rejected side, rejecting side) → (targets, denials)
    type Sides = (Vec<usize>, Vec<usize>);
    let mut grouped: BTreeMap<(usize, Option<usize>, Option<usize>), Sides> = BTreeMap::new();
    for x in denied {
        let entry = grouped.entry(sides_of(saids, x)).or_default();
        entry.0.extend(&x.targets);
        entry.1.push(x.denial);
    }
    grouped
        .into_iter()
        .map(|((_, target_party, denier), (mut targets, mut denials))| {
            targets.sort_unstable();
            targets.dedup();
            denials.sort_unstable();
            denials.dedup();
            Contradiction {
                id: String::new(),
                story: story.to_string(),
                kind: ContradictionKind::Denial,
                about: about_of(run, &saids[targets[0]]),
                sides: vec![
                    side(run, saids, target_party, &targets, Stance::Asserts),
                    side(run, saids, denier, &denials, Stance::Denies),
                ],
            }
        })
        .collect()
}

/// Words that open a circumstance before "that" ("in a statement on Thursday that …").
const CIRCUMSTANCE: &[&str] = &[
    "in", "on", "at", "during", "after", "late", "earlier", "last",
];

/// Where a statement's content goes on to something else: ", telling …", ", but …".
const CLAUSE_BREAKS: &[&str] = &[
    ", telling ",
    ", saying ",
    ", adding ",
    ", while ",
    ", but ",
    "; ",
];

/// The proposition a statement's content holds: without the circumstance of its saying ("on
/// Thursday that P" → P) and without what the sentence goes on to ("P, telling evacuees …" → P).
fn proposition(text: &str) -> &str {
    let mut text = text.trim_start();
    let opens_with_circumstance = text
        .split_whitespace()
        .next()
        .is_some_and(|w| CIRCUMSTANCE.contains(&w.to_lowercase().as_str()));
    if let Some(at) = text
        .find(" that ")
        .filter(|&at| opens_with_circumstance && text[..at].split_whitespace().count() <= 8)
    {
        text = &text[at + " that ".len()..];
    }
    let text = text.strip_prefix("that ").unwrap_or(text);
    let cut = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| text.find(b))
        .filter(|&at| text[..at].split_whitespace().count() >= 4)
        .min();
    cut.map_or(text, |at| &text[..at])
}

/// Words a dispute's label keeps of its proposition.
const ABOUT_WORDS: usize = 14;

/// What a claim says, in a few words: "whether they hold the pass".
fn about_of(run: &Run, s: &Said) -> String {
    let text = proposition(s.text(run));
    let text = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    // quotation marks cut short would be left open
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}'))
        .collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut kept = &words[..words.len().min(ABOUT_WORDS)];
    // a cut proposition ends on a word that carries meaning, not "on…" or "the…"
    if words.len() > ABOUT_WORDS {
        // at the clause's last comma, if it leaves enough to read
        if let Some(comma) = kept
            .iter()
            .rposition(|w| w.ends_with(','))
            .filter(|&k| k >= 5)
        {
            kept = &kept[..=comma];
        }
        while let [rest @ .., last] = kept {
            if rest.is_empty() || !crate::lexicon::is_stopword(&last.to_lowercase()) {
                break;
            }
            kept = rest;
        }
    }
    let mut about = kept.join(" ").trim_end_matches(',').to_string();
    if words.len() > ABOUT_WORDS {
        about.push('…');
    }
    format!("whether {about}")
}

#[cfg(test)]
mod tests {
    use super::proposition;

    #[test]
    fn a_proposition_leaves_out_when_it_was_said_and_what_follows_it() {
        assert_eq!(
            proposition("in a statement on Thursday that the sirens were switched on"),
            "the sirens were switched on"
        );
        assert_eq!(
            proposition("that the dam had been sabotaged, telling evacuees only to wait"),
            "the dam had been sabotaged"
        );
        // a "that" inside the proposition itself stays
        assert_eq!(
            proposition("the board knew that the wall leaked"),
            "the board knew that the wall leaked"
        );
    }
}
