//! A story's statements as the stage sees them: who said it, for which side, in which sentences,
//! and whether it denies.

use super::Run;
use crate::model::{ClaimStatement, Stance};
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
}

impl Said {
    /// The statement as evidence: its sentences, its speaker and its stance.
    pub fn statement(&self, run: &Run) -> ClaimStatement {
        let doc = &run.analysis.documents[self.doc];
        ClaimStatement {
            doc: doc.id.clone(),
            start: self.sentences.0,
            end: self.sentences.1,
            text: doc.body[self.sentences.0..self.sentences.1]
                .trim()
                .to_string(),
            claimant: self.speaker.map(|k| run.entity_id(k)),
            stance: if self.denial {
                Stance::Denies
            } else {
                Stance::Asserts
            },
        }
    }

    pub fn text<'a>(&self, run: &'a Run) -> &'a str {
        &run.analysis.quotes[self.quote].text
    }

    pub fn sentence_text<'a>(&self, run: &'a Run) -> &'a str {
        &run.analysis.documents[self.doc].body[self.sentences.0..self.sentences.1]
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
    for (q, quote) in run.analysis.quotes.iter().enumerate() {
        let Some(d) = run.doc(&quote.doc) else {
            continue;
        };
        if run.story_of[d] != Some(s) {
            continue;
        }
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
        let speaker = quote.speaker.as_deref().and_then(|id| run.entity(id));
        out.push(Said {
            quote: q,
            doc: d,
            sentences,
            speaker,
            party: speaker.map(|k| run.party[k]),
            denial,
            stems: content_stems(&quote.text),
        });
    }
    out
}
