//! Stage 5, extract (in progress): what each document names and says. So far, the named-entity
//! tagger and the CoNLL-2003 data it is trained and measured on.

pub mod attribution;
pub mod conll;
pub mod events;
pub mod mentions;
pub mod ner;
pub mod polnear;
pub mod pos;
pub mod quantities;
pub mod quotes;
pub mod roles;
pub mod signatures;
mod tense;
pub mod times;

use attribution::AttributionTagger;
use conll::{MentionScore, Sentence};
use ner::{EntityType, Tagger};
use polnear::{Part, PartScore, PartSpan};

/// Training passes and shuffling seed of the shipped model (`parallax train-ner` defaults).
pub const NER_EPOCHS: usize = 8;
pub const NER_SEED: u64 = 2003;

/// Trains the tagger on CoNLL-2003 text (the contents of `eng.train`).
pub fn train_ner(conll_text: &str, epochs: usize, seed: u64) -> Result<Tagger, String> {
    let sentences = conll::parse(conll_text)?;
    let data: Vec<(Vec<&str>, Vec<ner::Tag>)> = sentences
        .iter()
        .map(|s| (s.words.iter().map(String::as_str).collect(), s.tags.clone()))
        .collect();
    Ok(Tagger::train(&data, epochs, seed))
}

/// Mention-level scores of the tagger on gold sentences, over the given types.
pub fn evaluate_ner(tagger: &Tagger, sentences: &[Sentence], types: &[EntityType]) -> MentionScore {
    let mut score = MentionScore::default();
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        score.add(&s.tags, &tagger.tag(&words), types);
    }
    score
}

/// The model file shipped in `models/ner.bin`, built into the binary.
const SHIPPED_NER: &[u8] = include_bytes!("../../models/ner.bin");

/// The shipped tagger, read once.
pub fn shipped_ner() -> &'static Tagger {
    static TAGGER: std::sync::LazyLock<Tagger> = std::sync::LazyLock::new(|| {
        Tagger::from_bytes(SHIPPED_NER).expect("models/ner.bin is checked by tests/ner.rs")
    });
    &TAGGER
}

/// Training passes and shuffling seed of the shipped word-class model (`parallax train-pos`).
pub const POS_EPOCHS: usize = 8;
pub const POS_SEED: u64 = 1993;

/// The model file shipped in `models/pos.bin`, built into the binary.
const SHIPPED_POS: &[u8] = include_bytes!("../../models/pos.bin");

/// The shipped word-class tagger, read once.
pub fn shipped_pos() -> &'static pos::PosTagger {
    static TAGGER: std::sync::LazyLock<pos::PosTagger> = std::sync::LazyLock::new(|| {
        pos::PosTagger::from_bytes(SHIPPED_POS).expect("models/pos.bin is checked by tests/pos.rs")
    });
    &TAGGER
}

/// Training passes, shuffling seed and member perceptrons (each tagger is their mean) of the
/// shipped attribution model.
pub const ATTRIBUTION_EPOCHS: usize = 6;
pub const ATTRIBUTION_SEED: u64 = 2018;
pub const ATTRIBUTION_MEMBERS: usize = 10;

/// PolNeAR articles, each (name, text, brat annotations), read into texts with their gold spans;
/// an article whose annotations do not parse is an error naming it.
pub fn polnear_articles(
    files: Vec<(String, String, String)>,
) -> Result<Vec<(String, Vec<PartSpan>)>, String> {
    files
        .into_iter()
        .map(|(name, text, ann)| {
            let spans = polnear::parse(&text, &ann).map_err(|e| format!("{name}: {e}"))?;
            Ok((text, spans))
        })
        .collect()
}

/// Trains the attribution tagger on PolNeAR articles.
pub fn train_attribution(
    articles: &[(String, Vec<PartSpan>)],
    epochs: usize,
    seed: u64,
    members: usize,
) -> AttributionTagger {
    let view: Vec<(&str, &[PartSpan])> = articles
        .iter()
        .map(|(t, s)| (t.as_str(), s.as_slice()))
        .collect();
    AttributionTagger::train(&view, epochs, seed, members)
}

/// Adds one text's source, cue and content scores (`Part::ALL` order) of `predicted` against
/// `gold`.
fn add_part_scores(
    scores: &mut [PartScore; 3],
    text: &str,
    gold: &[PartSpan],
    predicted: &[PartSpan],
) {
    for (k, part) in Part::ALL.into_iter().enumerate() {
        scores[k].add(&polnear::score(text, gold, predicted, part));
    }
}

/// How far two annotators of the same articles agree: the second's spans scored against the
/// first's as if they were predictions, in `Part::ALL` order. Each item is (text, first
/// annotator's spans, second annotator's spans).
pub fn annotator_agreement(articles: &[(String, Vec<PartSpan>, Vec<PartSpan>)]) -> [PartScore; 3] {
    let mut scores = [PartScore::default(); 3];
    for (text, first, second) in articles {
        add_part_scores(&mut scores, text, first, second);
    }
    scores
}

/// Source, cue and content scores of the tagger on gold articles, in `Part::ALL` order.
pub fn evaluate_attribution(
    tagger: &AttributionTagger,
    articles: &[(String, Vec<PartSpan>)],
) -> [PartScore; 3] {
    let mut scores = [PartScore::default(); 3];
    for (text, gold) in articles {
        add_part_scores(&mut scores, text, gold, &tagger.tag(text));
    }
    scores
}

/// Scores of the source and content spans when the gold cues are given: what is lost after a
/// cue is found, apart from what finding cues loses.
pub fn evaluate_attribution_given_cues(
    tagger: &AttributionTagger,
    articles: &[(String, Vec<PartSpan>)],
) -> [PartScore; 3] {
    let mut scores = [PartScore::default(); 3];
    for (text, gold) in articles {
        add_part_scores(&mut scores, text, gold, &tagger.tag_given_cues(text, gold));
    }
    scores
}

/// The model file shipped in `models/attribution.bin`, built into the binary.
const SHIPPED_ATTRIBUTION: &[u8] = include_bytes!("../../models/attribution.bin");

/// The shipped attribution tagger, read once.
pub fn shipped_attribution() -> &'static AttributionTagger {
    static TAGGER: std::sync::LazyLock<AttributionTagger> = std::sync::LazyLock::new(|| {
        AttributionTagger::from_bytes(SHIPPED_ATTRIBUTION)
            .expect("models/attribution.bin is checked by tests/attribution.rs")
    });
    &TAGGER
}
