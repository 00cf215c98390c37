//! Blame: one side blames another for what went wrong, and the other side puts it back on them.
//!
//! News English says blame in a few regular ways: "X blamed Y for the failure", "X accused Y of
//! stalling", "X held Y responsible". The other side answers either the same way ("Y blamed X")
//! or, when the matter is a negotiation, by saying the first side would not deal ("they do not
//! agree to any terms in the talks", "they refused every proposal"). Talks, negotiations, a deal
//! or a ceasefire are one matter here: reports name the same process by any of them.

use std::collections::BTreeMap;

use super::said::{side, Said};
use super::Run;
use crate::model::{Contradiction, ContradictionKind, EntityType, Stance};

/// Word beginnings that put the blame on someone ("blamed", "accuses", "faulted").
const BLAME_STEMS: &[&str] = &["blam", "accus", "fault", "scapegoat"];

/// Nouns of a negotiation: one matter whichever a report uses.
const PROCESS_NOUNS: &[&str] = &[
    "talks",
    "negotiation",
    "negotiations",
    "dialogue",
    "deal",
    "agreement",
    "ceasefire",
    "cease-fire",
    "truce",
    "accord",
    "mediation",
];

/// Words of a process gone wrong, which point back to the process named before ("the failure").
const FAILURE_WORDS: &[&str] = &[
    "failure",
    "failed",
    "fail",
    "collapse",
    "collapsed",
    "breakdown",
    "stalemate",
    "impasse",
    "deadlock",
];

/// Word beginnings that say a side obstructs a negotiation ("refused", "sabotaging").
const OBSTRUCTION_STEMS: &[&str] = &["refus", "obstruct", "sabotag", "stall", "insincer"];

/// Verbs a side is said not to do when it will not deal ("do not agree", "never wanted").
const DEALING_STEMS: &[&str] = &[
    "agre",
    "accept",
    "want",
    "negotiat",
    "compromis",
    "cooperat",
    "engag",
    "respect",
];

/// Words that negate the verb after them.
const NEGATORS: &[&str] = &["not", "n't", "never", "no"];

/// Words after a blame verb before the blamed party ends: "blamed the leaders of X for".
const TARGET_WORDS: usize = 6;

/// Blame contradictions of a story: one per blaming side and answering side.
pub fn contradictions(run: &Run, story: &str, saids: &[Said]) -> Vec<Contradiction> {
    let blames: Vec<Blame> = saids
        .iter()
        .enumerate()
        .filter_map(|(k, s)| blame_in(run, s, k))
        .collect();
    // (blaming side, answering side) → (blaming statements, answers)
    let mut grouped: BTreeMap<(usize, usize), (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for blame in &blames {
        for (j, answer) in saids.iter().enumerate() {
            if answers(run, saids, blame, answer, &blames, j) {
                let entry = grouped
                    .entry((blame.party, answer.party.expect("answers have a side")))
                    .or_default();
                entry.0.push(blame.said);
                entry.1.push(j);
            }
        }
    }
    grouped
        .into_iter()
        .map(|((a, b), (mut blaming, mut answering))| {
            blaming.sort_unstable();
            blaming.dedup();
            answering.sort_unstable();
            answering.dedup();
            let first = blames
                .iter()
                .find(|x| x.said == blaming[0])
                .expect("grouped from blames");
            Contradiction {
                id: String::new(),
                story: story.to_string(),
                kind: ContradictionKind::Blame,
                about: first.about.clone(),
                sides: vec![
                    side(run, saids, Some(a), &blaming, Stance::Asserts),
                    side(run, saids, Some(b), &answering, Stance::Asserts),
                ],
            }
        })
        .collect()
}

/// A statement whose sentence puts the blame on someone.
#[derive(Debug, Clone)]
struct Blame {
    /// Index into the story's saids.
    said: usize,
    /// The blaming side.
    party: usize,
    /// The blamed side, when it is a person or organization of the run (not "the leaders of"
    /// a place, who speak under other names).
    target: Option<usize>,
    /// The blame is for a negotiation gone wrong.
    process: bool,
    /// "who is to blame for the failure of the talks".
    about: String,
}

/// Words of a text with their byte offsets, lowercased, edge punctuation trimmed.
fn words_at(text: &str, base: usize) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let trimmed = raw.trim_end();
        let lead = trimmed.len()
            - trimmed
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let word = trimmed.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-');
        if !word.is_empty() {
            let start = base + offset + lead;
            out.push((start, start + word.len(), word.to_lowercase()));
        }
        offset += raw.len();
    }
    out
}

fn is_blame_word(word: &str) -> bool {
    BLAME_STEMS.iter().any(|s| word.starts_with(s))
}

fn is_process_noun(word: &str) -> bool {
    PROCESS_NOUNS.contains(&word)
}

fn blame_in(run: &Run, said: &Said, k: usize) -> Option<Blame> {
    let party = said.party?;
    let doc = &run.analysis.documents[said.doc];
    let (start, end) = said.sentences;
    let words = words_at(&doc.body[start..end], start);
    let cue = words.iter().position(|w| is_blame_word(&w.2))?;
    // the blamed: the words after the cue up to "for" ("blamed the leaders of X for"), else up
    // to "of" ("accused X of stalling"), else to the clause's end
    let reach = words.len().min(cue + 1 + TARGET_WORDS);
    let word_at = |word: &str| (cue + 1..reach).find(|&j| words[j].2 == word);
    let stop = word_at("for")
        .or_else(|| word_at("over"))
        .or_else(|| word_at("of"))
        .unwrap_or(reach);
    let target = (cue + 1 < stop)
        .then(|| blamed_party(run, said.doc, words[cue + 1].0, words[stop - 1].1))
        .flatten();
    if target == Some(party) {
        return None;
    }
    // what it is blamed for: the words after "for" to the clause's end
    let mut matter: Vec<&str> = Vec::new();
    for w in words.iter().skip(stop + 1).take(8) {
        matter.push(&w.2);
        if doc.body[w.1..].starts_with([',', ';', '.']) {
            break;
        }
    }
    let in_matter = matter.iter().find(|w| is_process_noun(w)).copied();
    let pointed = matter.iter().any(|w| FAILURE_WORDS.contains(w));
    let process_noun = in_matter.or_else(|| {
        pointed
            .then(|| process_noun_before(run, said.doc, start))
            .flatten()
    });
    let mut about = format!("who is to blame for {}", matter.join(" "));
    if matter.is_empty() {
        about = "who is to blame".to_string();
    } else if in_matter.is_none() {
        if let Some(noun) = process_noun {
            about.push_str(&format!(" of the {noun}"));
        }
    }
    Some(Blame {
        said: k,
        party,
        target,
        process: process_noun.is_some(),
        about,
    })
}

/// The side of the first person or organization named in `start..end` of document `d`.
fn blamed_party(run: &Run, d: usize, start: usize, end: usize) -> Option<usize> {
    run.mentions[d]
        .iter()
        .filter(|&&(s, e, _)| s >= start && e <= end)
        .map(|&(_, _, k)| k)
        .find(|&k| run.analysis.entities[k].kind != EntityType::Location)
        .map(|k| run.party[k])
}

/// The process noun of the sentence before `at` in document `d` ("The negotiations … have
/// failed. … blamed them for the failure").
fn process_noun_before(run: &Run, d: usize, at: usize) -> Option<&'static str> {
    let doc = &run.analysis.documents[d];
    let k = doc.sentences.partition_point(|s| s.end <= at);
    let previous = doc.sentences.get(k.checked_sub(1)?)?;
    let words = words_at(&doc.body[previous.start..previous.end], previous.start);
    words
        .iter()
        .find_map(|w| PROCESS_NOUNS.iter().find(|n| **n == w.2).copied())
}

/// Whether statement `answer` (index `j`) puts the blame back on the blaming side: it is said by
/// the blamed side (or, when the blamed are not named as a side, by any other side), and either
/// blames the blaming side in turn or, for a negotiation, says the other side would not deal.
fn answers(
    run: &Run,
    saids: &[Said],
    blame: &Blame,
    answer: &Said,
    blames: &[Blame],
    j: usize,
) -> bool {
    let Some(b) = answer.party else {
        return false;
    };
    let blaming = &saids[blame.said];
    if b == blame.party || j == blame.said || blame.target.is_some_and(|t| t != b) {
        return false;
    }
    if answer.doc == blaming.doc && answer.sentences == blaming.sentences {
        return false;
    }
    if blames
        .iter()
        .any(|x| x.said == j && x.target == Some(blame.party))
    {
        return true;
    }
    blame.process && obstructs_negotiation(answer.text(run))
}

/// "They do not agree to any terms in the Doha talks", "they refused every proposal made in
/// the negotiations": a negotiation named, and a side said to refuse or not to deal.
fn obstructs_negotiation(text: &str) -> bool {
    let words: Vec<String> = words_at(text, 0)
        .into_iter()
        .flat_map(|w| {
            // "don't" → "do", "n't"
            match w.2.strip_suffix("n't") {
                Some(stem) => vec![stem.to_string(), "n't".to_string()],
                None => vec![w.2],
            }
        })
        .collect();
    if !words.iter().any(|w| is_process_noun(w)) {
        return false;
    }
    let obstructs = words
        .iter()
        .any(|w| OBSTRUCTION_STEMS.iter().any(|s| w.starts_with(s)));
    let will_not_deal = words.windows(2).any(|pair| {
        NEGATORS.contains(&pair[0].as_str()) && DEALING_STEMS.iter().any(|s| pair[1].starts_with(s))
    });
    obstructs || will_not_deal
}

#[cfg(test)]
mod tests {
    use super::obstructs_negotiation;

    #[test]
    fn a_side_that_will_not_deal_in_the_talks_obstructs_them() {
        assert!(obstructs_negotiation(
            "They do not agree to any terms in the talks at the lakeside hotel."
        ));
        assert!(obstructs_negotiation(
            "The board refused every proposal made during the negotiations."
        ));
        assert!(obstructs_negotiation("They never wanted a ceasefire."));
        // a negotiation named without refusing it, or a refusal of something else
        assert!(!obstructs_negotiation("The talks will resume on Monday."));
        assert!(!obstructs_negotiation(
            "They don't agree with the forecast."
        ));
    }
}
