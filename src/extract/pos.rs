//! Word classes: a greedy averaged-perceptron part-of-speech tagger trained by our own code on the
//! Penn Treebank tags of CoNLL-2003 (`parallax train-pos` rebuilds `models/pos.bin`). The classes
//! are the treebank's, with the few that no later stage tells apart merged (all wh-words, all
//! adjectives, all adverbs and particles), so the model stays small.
//!
//! The attribution tagger reads them: whether "claims" or "support" is a verb or a noun, and
//! whether a verb's subject comes before it, decide whether it reports what someone said.

use xxhash_rust::xxh3::xxh3_64;

use crate::learn::{self, Example, Weights};

/// The word classes, as the treebank names them (merged classes under their first name).
pub const CLASSES: [&str; 23] = [
    "NN", "NNS", "NNP", "PRP", "PRP$", "POS", "DT", "IN", "TO", "CC", "CD", "JJ", "RB", "VB",
    "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "WDT", "PUNCT", "OTHER",
];
const N: usize = CLASSES.len();
const PUNCT: usize = 21;
const OTHER: usize = 22;

/// Whether a class is a noun or a personal pronoun (NN, NNS, NNP, PRP).
pub fn is_nominal(class: usize) -> bool {
    matches!(CLASSES[class.min(N - 1)], "NN" | "NNS" | "NNP" | "PRP")
}

/// Whether a class is a verb or a modal (VB … VBZ, MD).
pub fn is_verbal(class: usize) -> bool {
    CLASSES[class.min(N - 1)].starts_with("VB") || CLASSES[class.min(N - 1)] == "MD"
}

/// Whether a class is a verb that carries tense (VBD, VBP, VBZ) or a modal: a clause's verb.
pub fn is_finite_verb(class: usize) -> bool {
    matches!(CLASSES[class.min(N - 1)], "VBD" | "VBP" | "VBZ" | "MD")
}

/// The treebank name of a class ("NN", "VBD"…).
pub fn class_name(class: usize) -> &'static str {
    CLASSES[class.min(N - 1)]
}

/// The class of a treebank tag.
fn class_of(tag: &str) -> usize {
    let merged = match tag {
        "NNPS" => "NNP",
        "WP$" => "PRP$",
        "PDT" => "DT",
        "JJR" | "JJS" => "JJ",
        "RBR" | "RBS" | "RP" => "RB",
        "WP" | "WRB" => "WDT",
        _ => tag,
    };
    match CLASSES.iter().position(|&c| c == merged) {
        Some(k) => k,
        None if !tag.chars().any(char::is_alphabetic) || tag == "-LRB-" || tag == "-RRB-" => PUNCT,
        None => OTHER,
    }
}

#[derive(Clone, Copy)]
enum Template {
    Bias = 1,
    Lower,
    PrevLower,
    NextLower,
    Prev2Lower,
    Next2Lower,
    Shape,
    Suffix1,
    Suffix2,
    Suffix3,
    Prefix1,
    PrevTag,
    PrevTwoTags,
    PrevTagLower,
    NextSuffix3,
    PrevSuffix3,
}

fn feature(template: Template, parts: &[u64]) -> u32 {
    crate::hashing::feature_id(template as u64, parts)
}

/// The hashes one word contributes to its own and its neighbours' features.
struct Word {
    lower: u64,
    shape: u64,
    suffixes: [u64; 3],
    prefix: u64,
}

fn word_hashes(word: &str) -> Word {
    let lower = word.to_lowercase();
    let suffix = |n: usize| {
        let start = lower.char_indices().rev().nth(n - 1).map_or(0, |(k, _)| k);
        xxh3_64(&lower.as_bytes()[start..])
    };
    let prefix_end = word.char_indices().nth(1).map_or(word.len(), |(k, _)| k);
    Word {
        lower: xxh3_64(lower.as_bytes()),
        shape: xxh3_64(super::ner::shape(word).as_bytes()),
        suffixes: [suffix(1), suffix(2), suffix(3)],
        prefix: xxh3_64(&word.as_bytes()[..prefix_end]),
    }
}

const START: u64 = 1;
const END: u64 = 2;

fn features(words: &[Word], i: usize, before: &[usize], out: &mut Vec<u32>) {
    let lower_at = |k: isize| {
        let j = i as isize + k;
        match usize::try_from(j) {
            Err(_) => START,
            Ok(j) => words.get(j).map_or(END, |w| w.lower),
        }
    };
    let w = &words[i];
    let tag_at = |back: usize| before.len().checked_sub(back).map_or(99, |k| before[k]) as u64;
    out.extend([
        feature(Template::Bias, &[]),
        feature(Template::Lower, &[w.lower]),
        feature(Template::PrevLower, &[lower_at(-1)]),
        feature(Template::NextLower, &[lower_at(1)]),
        feature(Template::Prev2Lower, &[lower_at(-2)]),
        feature(Template::Next2Lower, &[lower_at(2)]),
        feature(Template::Shape, &[w.shape]),
        feature(Template::Suffix1, &[w.suffixes[0]]),
        feature(Template::Suffix2, &[w.suffixes[1]]),
        feature(Template::Suffix3, &[w.suffixes[2]]),
        feature(Template::Prefix1, &[w.prefix]),
        feature(Template::PrevTag, &[tag_at(1)]),
        feature(Template::PrevTwoTags, &[tag_at(2), tag_at(1)]),
        feature(Template::PrevTagLower, &[tag_at(1), w.lower]),
        feature(
            Template::NextSuffix3,
            &[words.get(i + 1).map_or(END, |n| n.suffixes[2])],
        ),
        feature(
            Template::PrevSuffix3,
            &[i.checked_sub(1).map_or(START, |k| words[k].suffixes[2])],
        ),
    ]);
}

/// The shipped word-class model.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PosTagger {
    weights: Weights<N>,
}

const MAGIC: &[u8] = b"PARALLAX-POS-1\n";

/// Averaged weights smaller than this in every class are left out of the model.
const PRUNE_BELOW: f32 = 2.0;

impl PosTagger {
    /// The class of each word of a sentence (indices into `CLASSES`).
    pub fn tag(&self, words: &[&str]) -> Vec<usize> {
        let hashed: Vec<Word> = words.iter().map(|w| word_hashes(w)).collect();
        let mut tags = Vec::with_capacity(words.len());
        let mut buffer = Vec::new();
        for i in 0..words.len() {
            buffer.clear();
            features(&hashed, i, &tags, &mut buffer);
            tags.push(self.weights.best(&[&buffer], |_| true));
        }
        tags
    }

    /// Trains on sentences of (word, treebank tag); the same data, epochs and seed give the same
    /// model, bit for bit.
    pub fn train(sentences: &[Vec<(String, String)>], epochs: usize, seed: u64) -> PosTagger {
        let hashed: Vec<Vec<Word>> = sentences
            .iter()
            .map(|s| s.iter().map(|(w, _)| word_hashes(w)).collect())
            .collect();
        let gold: Vec<Vec<usize>> = sentences
            .iter()
            .map(|s| s.iter().map(|(_, t)| class_of(t)).collect())
            .collect();
        let examples: Vec<Example> = gold.iter().map(|g| Example { gold: g }).collect();
        let weights = learn::train(
            &examples,
            epochs,
            seed,
            PRUNE_BELOW,
            |s, i, before, out| features(&hashed[s], i, before, out),
            |_, _| true,
        );
        PosTagger { weights }
    }

    /// Share of words tagged with their gold class.
    pub fn accuracy(&self, sentences: &[Vec<(String, String)>]) -> f64 {
        let (mut right, mut all) = (0usize, 0usize);
        for s in sentences {
            let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
            for (guess, (_, gold)) in self.tag(&words).into_iter().zip(s) {
                right += usize::from(guess == class_of(gold));
                all += 1;
            }
        }
        right as f64 / all.max(1) as f64
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes(MAGIC)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<PosTagger, String> {
        Ok(PosTagger {
            weights: Weights::from_bytes(bytes, MAGIC)?,
        })
    }
}

/// The (word, treebank tag) sentences of a CoNLL-2003 file: its first two columns. A line without
/// them is an error naming its number.
pub fn parse_conll(text: &str) -> Result<Vec<Vec<(String, String)>>, String> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        let mut columns = line.split(' ');
        match (columns.next(), columns.next()) {
            (Some(word), Some(tag)) if !word.is_empty() && !tag.is_empty() => {
                current.push((word.to_string(), tag.to_string()));
            }
            _ => return Err(format!("line {}: expected `word POS …`", n + 1)),
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn treebank_tags_fall_into_their_classes() {
        assert_eq!(CLASSES[class_of("NNPS")], "NNP");
        assert_eq!(CLASSES[class_of("VBZ")], "VBZ");
        assert_eq!(CLASSES[class_of("WRB")], "WDT");
        assert_eq!(class_of(","), PUNCT);
        assert_eq!(class_of("''"), PUNCT);
        assert_eq!(class_of("FW"), OTHER);
        assert!(is_verbal(class_of("VBD")) && is_verbal(class_of("MD")));
        assert!(!is_verbal(class_of("NNS")) && is_nominal(class_of("PRP")));
        assert!(!is_nominal(class_of("JJ")));
        assert!(parse_conll("Holt NNP I-NP I-PER\nsaid\n").is_err());
    }
}
