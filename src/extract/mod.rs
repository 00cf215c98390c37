//! Stage 5, extract (in progress): what each document names and says. So far, the named-entity
//! tagger and the CoNLL-2003 data it is trained and measured on.

pub mod conll;
pub mod mentions;
pub mod ner;
pub mod roles;

use conll::{MentionScore, Sentence};
use ner::{EntityType, Tagger};

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
