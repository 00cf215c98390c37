//! Named-entity tagging: a greedy left-to-right averaged perceptron (Collins 2002) over word,
//! shape, affix and context features, trained by our own code on CoNLL-2003 and shipped as a small
//! file (`models/ner.bin`; `parallax train-ner` rebuilds it byte for byte).
//!
//! Features are hashed to 32-bit ids, so the model holds no words, only weights.

use crate::hashing::mix64;
use crate::learn::{self, Example, Weights};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

pub use crate::model::EntityType;

impl EntityType {
    const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Other,
    ];

    /// The CoNLL-2003 names: PER, ORG, LOC, MISC.
    pub fn from_conll(name: &str) -> Option<Self> {
        match name {
            "PER" => Some(EntityType::Person),
            "ORG" => Some(EntityType::Organization),
            "LOC" => Some(EntityType::Location),
            "MISC" => Some(EntityType::Other),
            _ => None,
        }
    }
}

/// A token's tag, BIO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Outside,
    Begin(EntityType),
    Inside(EntityType),
}

/// Tags the model chooses among: O, then B- and I- of each type.
pub(crate) const TAGS: usize = 9;

impl Tag {
    fn index(self) -> usize {
        let kind = |k: EntityType| EntityType::ALL.iter().position(|&x| x == k).unwrap_or(0);
        match self {
            Tag::Outside => 0,
            Tag::Begin(k) => 1 + 2 * kind(k),
            Tag::Inside(k) => 2 + 2 * kind(k),
        }
    }

    fn from_index(i: usize) -> Tag {
        match i {
            0 => Tag::Outside,
            i if i % 2 == 1 => Tag::Begin(EntityType::ALL[(i - 1) / 2]),
            i => Tag::Inside(EntityType::ALL[(i - 2) / 2]),
        }
    }

    /// I-X only continues a B-X or I-X.
    fn may_follow(self, previous: Tag) -> bool {
        match self {
            Tag::Inside(k) => previous == Tag::Begin(k) || previous == Tag::Inside(k),
            _ => true,
        }
    }
}

/// Feature templates; the number seeds the hash, so equal strings of two templates differ.
#[derive(Clone, Copy)]
enum Template {
    Bias = 1,
    Word,
    Lower,
    PrevLower,
    NextLower,
    Prev2Lower,
    Next2Lower,
    Shape,
    PrevShape,
    NextShape,
    ShapeBigramLeft,
    ShapeBigramRight,
    Prefix,
    Suffix,
    BigramLeft,
    BigramRight,
    Flags,
    PrevTag,
    PrevTwoTags,
    PrevTagWord,
    PrevTagShape,
}

/// A feature id: the template's seed mixed with the hash of each part, no allocation.
fn feature(template: Template, parts: &[&str]) -> u32 {
    let mut h = mix64(template as u64);
    for part in parts {
        h = mix64(h ^ xxh3_64_with_seed(part.as_bytes(), h));
    }
    h as u32
}

/// A feature id from numbers already hashed (tags, word hashes).
fn feature_of(template: Template, parts: &[u64]) -> u32 {
    crate::hashing::feature_id(template as u64, parts)
}

/// The word's shape, runs collapsed: "McAllister" → "XxXx", "1996-08-22" → "d-d-d", "U.S." → "X.X.".
pub(super) fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

/// Stand-ins for the words and shapes before the first and after the last token.
const SENTENCE_START: u64 = 1;
const SENTENCE_END: u64 = 2;
const NO_SHAPE: u64 = 3;

/// Features of token `i` that do not depend on the tags before it. Words and shapes enter as
/// hashes computed once per token.
fn static_features(words: &[&str], p: &Prepared, i: usize, out: &mut Vec<u32>) {
    let at = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            SENTENCE_START
        } else if j as usize >= words.len() {
            SENTENCE_END
        } else {
            p.lower_hashes[j as usize]
        }
    };
    let shape_at = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            NO_SHAPE
        } else {
            p.shape_hashes[j as usize]
        }
    };
    let word = words[i];
    out.extend([
        feature_of(Template::Bias, &[]),
        feature_of(Template::Word, &[xxh3_64(word.as_bytes())]),
        feature_of(Template::Lower, &[at(0)]),
        feature_of(Template::PrevLower, &[at(-1)]),
        feature_of(Template::NextLower, &[at(1)]),
        feature_of(Template::Prev2Lower, &[at(-2)]),
        feature_of(Template::Next2Lower, &[at(2)]),
        feature_of(Template::Shape, &[shape_at(0)]),
        feature_of(Template::PrevShape, &[shape_at(-1)]),
        feature_of(Template::NextShape, &[shape_at(1)]),
        feature_of(Template::ShapeBigramLeft, &[shape_at(-1), shape_at(0)]),
        feature_of(Template::ShapeBigramRight, &[shape_at(0), shape_at(1)]),
        feature_of(Template::BigramLeft, &[at(-1), at(0)]),
        feature_of(Template::BigramRight, &[at(0), at(1)]),
    ]);
    let mut ends = word
        .char_indices()
        .map(|(k, _)| k)
        .skip(1)
        .chain([word.len()]);
    for _ in 0..4 {
        match ends.next() {
            Some(end) => out.push(feature(Template::Prefix, &[&word[..end]])),
            None => break,
        }
    }
    let mut starts = word.char_indices().rev().map(|(k, _)| k);
    for _ in 0..4 {
        match starts.next() {
            Some(start) => out.push(feature(Template::Suffix, &[&word[start..]])),
            None => break,
        }
    }
    let flags = [
        i == 0,
        p.all_caps,
        word.contains('-'),
        word.chars().any(|c| c.is_ascii_digit()),
    ];
    let flags: u64 = flags
        .iter()
        .enumerate()
        .map(|(k, &b)| u64::from(b) << k)
        .sum();
    out.push(feature_of(Template::Flags, &[flags, p.shape_hashes[i]]));
}

/// Features that depend on the tags chosen before token `i`.
fn history_features(p: &Prepared, i: usize, prev: Tag, prev2: Tag) -> [u32; 4] {
    let (t1, t2) = (prev.index() as u64, prev2.index() as u64);
    [
        feature_of(Template::PrevTag, &[t1]),
        feature_of(Template::PrevTwoTags, &[t2, t1]),
        feature_of(Template::PrevTagWord, &[t1, p.lower_hashes[i]]),
        feature_of(Template::PrevTagShape, &[t1, p.shape_hashes[i]]),
    ]
}

/// A sentence prepared for tagging: hashes of its lower-cased words and of their shapes, and
/// every token's static features (one flat list; `starts[i]..starts[i + 1]` are token i's).
struct Prepared {
    lower_hashes: Vec<u64>,
    shape_hashes: Vec<u64>,
    /// Headlines in capitals read differently: "RUSSIA SAYS …".
    all_caps: bool,
    features: Vec<u32>,
    starts: Vec<usize>,
}

impl Prepared {
    fn features(&self, i: usize) -> &[u32] {
        &self.features[self.starts[i]..self.starts[i + 1]]
    }
}

fn prepare(words: &[&str]) -> Prepared {
    let mut buffer = String::new();
    let mut lower_hash = |w: &str| {
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return xxh3_64(w.as_bytes());
        }
        buffer.clear();
        buffer.extend(w.chars().flat_map(char::to_lowercase));
        xxh3_64(buffer.as_bytes())
    };
    let lower_hashes = words.iter().map(|w| lower_hash(w)).collect();
    let mut p = Prepared {
        lower_hashes,
        shape_hashes: words.iter().map(|w| xxh3_64(shape(w).as_bytes())).collect(),
        all_caps: words.iter().all(|w| !w.chars().any(char::is_lowercase)),
        features: Vec::with_capacity(words.len() * 24),
        starts: vec![0],
    };
    let mut features = std::mem::take(&mut p.features);
    for i in 0..words.len() {
        static_features(words, &p, i, &mut features);
        p.starts.push(features.len());
    }
    p.features = features;
    p
}

/// A trained tagger: per feature id, a weight for each tag.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tagger {
    weights: Weights<TAGS>,
}

impl Tagger {
    /// BIO tags for the words of one sentence.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let prepared = prepare(words);
        let mut tags: Vec<Tag> = Vec::with_capacity(words.len());
        for i in 0..words.len() {
            let (prev, prev2) = previous_two(&tags);
            let history = history_features(&prepared, i, prev, prev2);
            let best = self.weights.best(&[prepared.features(i), &history], |t| {
                Tag::from_index(t).may_follow(prev)
            });
            tags.push(Tag::from_index(best));
        }
        tags
    }

    /// Trains on tagged sentences for `epochs` passes, in an order shuffled by `seed`: the same
    /// data and seed give the same model, bit for bit.
    pub fn train(sentences: &[(Vec<&str>, Vec<Tag>)], epochs: usize, seed: u64) -> Tagger {
        let prepared: Vec<Prepared> = sentences.iter().map(|(w, _)| prepare(w)).collect();
        let gold: Vec<Vec<usize>> = sentences
            .iter()
            .map(|(_, tags)| tags.iter().map(|t| t.index()).collect())
            .collect();
        let examples: Vec<Example> = gold.iter().map(|g| Example { gold: g }).collect();
        let weights = learn::train(
            &examples,
            epochs,
            seed,
            PRUNE_BELOW,
            |s, i, before, out| {
                let tag_at = |back: usize| {
                    before
                        .len()
                        .checked_sub(back)
                        .map_or(Tag::Outside, |k| Tag::from_index(before[k]))
                };
                let (prev, prev2) = (tag_at(1), tag_at(2));
                out.extend_from_slice(prepared[s].features(i));
                out.extend(history_features(&prepared[s], i, prev, prev2));
            },
            |t, prev| Tag::from_index(t).may_follow(prev.map_or(Tag::Outside, Tag::from_index)),
        );
        Tagger { weights }
    }

    /// The model file (see `learn::Weights::to_bytes`).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes(MAGIC)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        Ok(Tagger {
            weights: Weights::from_bytes(bytes, MAGIC)?,
        })
    }
}

/// The last two tags chosen (Outside before the sentence).
fn previous_two(tags: &[Tag]) -> (Tag, Tag) {
    let prev = tags.last().copied().unwrap_or(Tag::Outside);
    let prev2 = tags.len().checked_sub(2).map_or(Tag::Outside, |k| tags[k]);
    (prev, prev2)
}

const MAGIC: &[u8] = b"PARALLAX-NER-1\n";

/// Averaged weights smaller than this in every tag are left out of the model.
const PRUNE_BELOW: f32 = 0.05;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("McAllister"), "XxXx");
        assert_eq!(shape("1996-08-22"), "d-d-d");
        assert_eq!(shape("U.S."), "X.X.");
    }

    #[test]
    fn tags_round_trip_through_their_index() {
        for i in 0..TAGS {
            assert_eq!(Tag::from_index(i).index(), i);
        }
        assert!(!Tag::Inside(EntityType::Person).may_follow(Tag::Outside));
        assert!(Tag::Inside(EntityType::Person).may_follow(Tag::Begin(EntityType::Person)));
    }

    #[test]
    fn a_tiny_model_learns_names_after_titles_and_survives_its_file() {
        use EntityType::*;
        let data: Vec<(Vec<&str>, Vec<Tag>)> = vec![
            (
                vec!["Mr", "Arlen", "Voss", "visited", "Tarnby", "."],
                vec![
                    Tag::Outside,
                    Tag::Begin(Person),
                    Tag::Inside(Person),
                    Tag::Outside,
                    Tag::Begin(Location),
                    Tag::Outside,
                ],
            ),
            (
                vec!["Mr", "Dane", "Holt", "left", "Mereford", "."],
                vec![
                    Tag::Outside,
                    Tag::Begin(Person),
                    Tag::Inside(Person),
                    Tag::Outside,
                    Tag::Begin(Location),
                    Tag::Outside,
                ],
            ),
        ];
        let tagger = Tagger::train(&data, 10, 7);
        let tags = tagger.tag(&["Mr", "Arlen", "Holt", "visited", "Mereford", "."]);
        assert_eq!(tags[1..3], [Tag::Begin(Person), Tag::Inside(Person)]);
        assert_eq!(tags[4], Tag::Begin(Location));
        let bytes = tagger.to_bytes();
        assert_eq!(Tagger::from_bytes(&bytes).unwrap(), tagger);
        assert!(Tagger::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Tagger::from_bytes(b"nonsense").is_err());
    }
}
