//! CoNLL-2003 data: the NER training and evaluation format, read from a string (the caller reads
//! the file), and the mention-level scoring the shared task uses.

use super::ner::{EntityType, Tag};

/// A sentence: its words and their gold tags (BIO).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Parses the four-column format ("word POS chunk NER", blank line between sentences,
/// `-DOCSTART-` lines between documents). Tags are IOB1 there (B- only between two adjacent
/// entities of one type); they come out as BIO. A malformed line is an error naming its number.
pub fn parse(text: &str) -> Result<Vec<Sentence>, String> {
    let mut sentences = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut raw: Vec<String> = Vec::new();
    let mut finish = |words: &mut Vec<String>, raw: &mut Vec<String>| -> Result<(), String> {
        if !words.is_empty() {
            sentences.push(Sentence {
                words: std::mem::take(words),
                tags: iob1_to_bio(raw)?,
            });
            raw.clear();
        }
        Ok(())
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            finish(&mut words, &mut raw)?;
            continue;
        }
        let columns: Vec<&str> = line.split(' ').collect();
        let (Some(word), Some(tag)) = (columns.first(), columns.last()) else {
            return Err(format!("line {}: expected `word ... tag`", n + 1));
        };
        if columns.len() < 2 {
            return Err(format!("line {}: expected `word ... tag`", n + 1));
        }
        words.push((*word).to_string());
        raw.push((*tag).to_string());
    }
    finish(&mut words, &mut raw)?;
    Ok(sentences)
}

fn iob1_to_bio(raw: &[String]) -> Result<Vec<Tag>, String> {
    let mut tags = Vec::with_capacity(raw.len());
    let mut previous: Option<EntityType> = None;
    for tag in raw {
        if tag == "O" {
            tags.push(Tag::Outside);
            previous = None;
            continue;
        }
        let (prefix, kind) = tag
            .split_once('-')
            .ok_or_else(|| format!("unknown tag `{tag}`"))?;
        let kind = EntityType::from_conll(kind).ok_or_else(|| format!("unknown tag `{tag}`"))?;
        // IOB1: I- continues an entity of its type; B- (or a change of type) starts one
        let begins = prefix == "B" || previous != Some(kind);
        tags.push(if begins {
            Tag::Begin(kind)
        } else {
            Tag::Inside(kind)
        });
        previous = Some(kind);
    }
    Ok(tags)
}

/// Mentions in a BIO sequence: (start, end exclusive, type). A stray I- opens a mention, as in
/// conlleval.
pub fn mentions(tags: &[Tag]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, tag) in tags.iter().enumerate() {
        match *tag {
            Tag::Inside(kind) if open.is_some_and(|(_, k)| k == kind) => {}
            _ => {
                if let Some((start, kind)) = open.take() {
                    out.push((start, i, kind));
                }
                if let Tag::Begin(kind) | Tag::Inside(kind) = *tag {
                    open = Some((i, kind));
                }
            }
        }
    }
    if let Some((start, kind)) = open {
        out.push((start, tags.len(), kind));
    }
    out
}

/// Precision, recall and F1 of exact-span, exact-type mentions, counted over `types`.
#[derive(Debug, Clone, Copy, Default)]
pub struct MentionScore {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl MentionScore {
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag], types: &[EntityType]) {
        let keep = |m: &(usize, usize, EntityType)| types.contains(&m.2);
        let g: Vec<_> = mentions(gold).into_iter().filter(keep).collect();
        let p: Vec<_> = mentions(predicted).into_iter().filter(keep).collect();
        self.correct += p.iter().filter(|m| g.contains(m)).count();
        self.gold += g.len();
        self.predicted += p.len();
    }

    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn iob1_becomes_bio_and_mentions_are_read_back() {
        let text = "-DOCSTART- -X- -X- O\n\nAnna NNP I-NP I-PER\nBell NNP I-NP I-PER\nmet VBD I-VP O\nBob NNP I-NP I-PER\nCarl NNP I-NP B-PER\nin IN I-PP O\nOslo NNP I-NP I-LOC\n\n";
        let sentences = parse(text).unwrap();
        assert_eq!(sentences.len(), 1);
        let s = &sentences[0];
        assert_eq!(
            s.tags,
            vec![
                Tag::Begin(Person),
                Tag::Inside(Person),
                Tag::Outside,
                Tag::Begin(Person),
                Tag::Begin(Person),
                Tag::Outside,
                Tag::Begin(Location)
            ]
        );
        assert_eq!(
            mentions(&s.tags),
            vec![
                (0, 2, Person),
                (3, 4, Person),
                (4, 5, Person),
                (6, 7, Location)
            ]
        );
        assert!(parse("word\n").is_err());
    }
}
