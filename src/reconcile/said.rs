//! A story's statements as the stage sees them: who said it, for which side, in which sentences,
//! and whether it denies.

use super::Run;
use crate::model::{ClaimStatement, Side, Stance};
use crate::text::content_stems;

/// One quote of a story, placed.
#[derive(Debug, Clone)]
pub struct Said {
    /// Index into the run's quotes.
    pub quote: usize,
    /// Index into the run's documents.
    pub doc: usize,
    /// The whole sentences holding the cue and what was said.
    pub sentences: (usize, usize),
    pub speaker: Option<usize>,
    /// The organization the speaker speaks for, else the speaker.
    pub party: Option<usize>,
    /// It rejects something ("denied", "rejecting the Front's claim, … said").
    pub denial: bool,
    /// Content stems of what was said.
    pub stems: Vec<String>,
    /// Stems of what it says is absent or did not happen ("no siren", "no one has entered").
    pub negated: Vec<String>,
    /// Stems of what it says happened or exists: not negated, not only intended ("ready to
    /// fight", "may attack").
    pub asserted: Vec<String>,
}

impl Said {
    /// The statement as evidence: its sentences, its speaker and its stance.
    pub fn statement(&self, run: &Run) -> ClaimStatement {
        let stance = if self.denial {
            Stance::Denies
        } else {
            Stance::Asserts
        };
        self.statement_with(run, stance)
    }

    /// The statement as evidence with the stance it takes in a dispute.
    pub fn statement_with(&self, run: &Run, stance: Stance) -> ClaimStatement {
        let doc = &run.analysis.documents[self.doc];
        ClaimStatement {
            doc: doc.id.clone(),
            start: self.sentences.0,
            end: self.sentences.1,
            text: doc.body[self.sentences.0..self.sentences.1]
                .trim()
                .to_string(),
            claimant: self.speaker.map(|k| run.entity_id(k)),
            claimant_text: match self.speaker {
                Some(_) => None,
                None => run.analysis.quotes[self.quote].speaker_text.clone(),
            },
            stance,
        }
    }

    pub fn text<'a>(&self, run: &'a Run) -> &'a str {
        &run.analysis.quotes[self.quote].text
    }

    pub fn sentence_text<'a>(&self, run: &'a Run) -> &'a str {
        &run.analysis.documents[self.doc].body[self.sentences.0..self.sentences.1]
    }
}

/// One side of a dispute: the statements `list` (indices into `saids`) with the stance they take,
/// and the side's party as claimant.
pub fn side(
    run: &Run,
    saids: &[Said],
    party: Option<usize>,
    list: &[usize],
    stance: Stance,
) -> Side {
    let mut statements: Vec<_> = list
        .iter()
        .map(|&j| saids[j].statement_with(run, stance))
        .collect();
    // two quotes of one sentence are one piece of evidence
    statements.dedup_by(|a, b| a.doc == b.doc && a.start == b.start && a.end == b.end);
    Side {
        claimant: party.map(|p| run.entity_id(p)),
        statements,
    }
}

/// Verb stems that reject what another said.
const DENIAL_STEMS: &[&str] = &[
    "deni",
    "deny",
    "reject",
    "refut",
    "dismiss",
    "rebut",
    "rebuff",
    "disput",
    "contradict",
];

/// Whether a word rejects what another said ("denied", "Rejecting", "refutes").
pub fn is_denial_word(word: &str) -> bool {
    let word = word.to_lowercase();
    DENIAL_STEMS.iter().any(|stem| word.starts_with(stem))
}

/// The quotes of story `s`, in document then text order.
pub fn of_story(run: &Run, s: usize) -> Vec<Said> {
    let mut out = Vec::new();
    for &q in &run.quotes_of[s] {
        let quote = &run.analysis.quotes[q];
        let Some(d) = run.doc(&quote.doc) else {
            continue;
        };
        let body = &run.analysis.documents[d].body;
        let first = quote.start.min(quote.cue_start);
        let last = quote.end.max(quote.cue_end);
        let sentences = run.sentences_around(d, first, last);
        // "Rejecting the Front's claim, Voss said…": a rejection before the cue in its sentence
        // (what was said, when it comes first, is not part of the lead)
        let lead_start = if quote.end <= quote.cue_start {
            quote.end
        } else {
            sentences.0
        };
        let lead = body.get(lead_start..quote.cue_start).unwrap_or("");
        let denial = quote.cue.split_whitespace().any(is_denial_word)
            || lead.split_whitespace().any(is_denial_word);
        // a name of no clear type ("Afghan" in "former Afghan security forces") is a nationality
        // or a thing, never a side
        let speaker = quote
            .speaker
            .as_deref()
            .and_then(|id| run.entity(id))
            .filter(|&k| run.analysis.entities[k].kind != crate::model::EntityType::Other);
        let (negated, asserted) = polarity(&quote.text);
        out.push(Said {
            quote: q,
            doc: d,
            sentences,
            speaker,
            party: speaker.map(|k| run.party[k]),
            denial,
            stems: content_stems(&quote.text),
            negated,
            asserted,
        });
    }
    out
}

/// Words that say what follows them is absent or never happened ("no siren", "never
/// sounded"). "Not" is left out: it negates far more than facts ("not twelve hundred", "do not
/// want"), and a flat denial is made with "no".
const NEGATIONS: &[&str] = &["no", "never", "nobody", "nothing"];

/// Pronouns that negate the verb after them ("no one has entered", "nobody saw").
const NEGATIVE_SUBJECTS: &[&str] = &["nobody", "nothing", "none", "one"];

/// Words between a negation and what it negates.
const SKIPPED: &[&str] = &[
    "a", "an", "the", "any", "has", "have", "had", "was", "were", "is", "are", "been", "be",
    "being", "single", "such",
];

/// Words after which a verb is only intended or possible, not said to have happened.
const INTENT: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "if",
];

/// Negated phrases that are idioms or states of mind, not facts denied.
const IDIOMS: &[&str] = &[
    "comment", "doubt", "longer", "onli", "matter", "less", "more", "way", "want", "believ",
    "think", "know", "hope", "wish", "plan", "expect", "need",
];

/// The stems a statement says are absent or did not happen, and those it says happened or
/// exist.
fn polarity(text: &str) -> (Vec<String>, Vec<String>) {
    // clause marks become words of their own, so an intention's reach can stop at them
    let spaced: String = text
        .chars()
        .flat_map(|c| match c {
            ',' | '.' | ';' | ':' | '!' | '?' => vec![' ', '|', ' '],
            c => vec![c],
        })
        .collect();
    let words: Vec<String> = spaced
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '|')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace("n't", " n't"))
        .flat_map(|w| w.split(' ').map(String::from).collect::<Vec<_>>())
        .collect();
    let mut under_negation = vec![false; words.len()];
    let mut intended = vec![false; words.len()];
    for (k, w) in words.iter().enumerate() {
        if NEGATIONS.contains(&w.as_str()) {
            let mut j = k + 1;
            while j < words.len()
                && (SKIPPED.contains(&words[j].as_str())
                    || NEGATIVE_SUBJECTS.contains(&words[j].as_str()))
            {
                j += 1;
            }
            if j < words.len() {
                under_negation[j] = true;
            }
        }
        // an intention or a possibility reaches to the end of its clause
        if INTENT.contains(&w.as_str()) {
            let end = (k + 1..words.len())
                .find(|&j| words[j] == "|")
                .unwrap_or(words.len());
            for flag in &mut intended[k + 1..end] {
                *flag = true;
            }
        }
    }
    let (mut negated, mut asserted) = (Vec::new(), Vec::new());
    for (k, w) in words.iter().enumerate() {
        if w.len() <= 3 || crate::lexicon::is_stopword(w) {
            continue;
        }
        let into = if under_negation[k] {
            &mut negated
        } else if intended[k] {
            continue;
        } else {
            &mut asserted
        };
        into.extend(
            content_stems(w)
                .into_iter()
                .filter(|s| !IDIOMS.contains(&s.as_str())),
        );
    }
    for list in [&mut negated, &mut asserted] {
        list.sort_unstable();
        list.dedup();
    }
    (negated, asserted)
}

#[cfg(test)]
mod tests {
    use super::polarity;

    #[test]
    fn what_a_statement_negates_and_what_it_asserts() {
        assert_eq!(polarity("There was no siren, nothing.").0, ["siren"]);
        assert_eq!(polarity("no one has entered the province").0, ["enter"]);
        assert_eq!(polarity("the sirens never sounded").0, ["sound"]);
        assert!(polarity("we planned for four hundred, not twelve hundred")
            .0
            .is_empty());
        assert!(polarity("we had no comment").0.is_empty());
        let asserted = polarity("they were ready to fight the town, and the sirens sounded").1;
        assert!(asserted.contains(&"siren".to_string()), "{asserted:?}");
        assert!(!asserted.contains(&"fight".to_string()), "{asserted:?}");
        assert!(!polarity("There was no siren")
            .1
            .contains(&"siren".to_string()));
    }
}
