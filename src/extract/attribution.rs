//! Who said what, as a learned model: four taggers, trained by our own code on PolNeAR and
//! shipped as `models/attribution.bin` (`parallax train-attribution` rebuilds it). Attribution
//! in news English is regular only in its simplest forms ("…," X said); what counts as a cue
//! ("insisted", "according to", "the report found"), where the source ends and how far the
//! content runs are learned.
//!
//! A paragraph is tagged three times, BIO each time: first the cues; then the sources, with
//! features that say where the nearest cue is and which word it is; then the contents, with the
//! cues and sources both known. Each token is tagged from the words, stems and word classes
//! (`pos`) around it, not from the tags chosen before it: with those, the tagger leaned on its
//! own earlier tags and missed cues its words gave away (held-out source F1 0.57 → 0.64).
//! In the sentences where no cue was found, a fourth tagger, trained on the sources alone, marks
//! who holds a view the cue tagger missed ("Critics of the plan have repeatedly pointed to …"),
//! when it is sure.
//! Attributions marked by punctuation ("VOSS: …", "“…” — Voss") come from `signatures`.

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::mentions::tokens;
use super::polnear::{Part, PartSpan};
use super::roles::ROLE_NOUNS;
use crate::learn::{self, Example, StackedWeights, Weights};
use crate::lexicon::{INVERTED_SAYING, MONTHS, SETTING_OPENERS, WEEKDAYS};

const OUTSIDE: usize = 0;
const BEGIN: usize = 1;
const INSIDE: usize = 2;
const TAGS: usize = 3;

/// I only continues a B or an I.
fn may_follow(tag: usize, previous: Option<usize>) -> bool {
    tag != INSIDE || matches!(previous, Some(BEGIN | INSIDE))
}

/// Feature templates; the number seeds the hash.
#[derive(Clone, Copy)]
enum Template {
    Bias = 1,
    Lower,
    PrevLower,
    NextLower,
    Prev2Lower,
    Next2Lower,
    Shape,
    Suffix,
    Position,
    QuoteLower,
    Stem,
    NextStem,
    PrevStem,
    StemNextLower,
    Class,
    ClassBigramLeft,
    ClassBigramRight,
    ClassLower,
    ClassTrigramLeft,
    ClassTrigramRight,
    BigramLeft,
    BigramRight,
    Prev3Lower,
    Next3Lower,
    CueSide,
    CueSideWord,
    CueSideLower,
    SourceSide,
    InsideCue,
    InsideSource,
    StemQuotes,
    StemAhead,
    StemClassLeft,
    StemClassRight,
    ClassQuotes,
    ClassAhead,
    VerbAhead,
    VerbAheadClass,
}

fn feature(template: Template, parts: &[u64]) -> u32 {
    crate::hashing::feature_id(template as u64, parts)
}

/// A paragraph ready for tagging: its tokens, their hashes, and what each token's position says.
struct Paragraph {
    /// byte spans of the tokens in the whole text
    spans: Vec<(usize, usize)>,
    lower: Vec<u64>,
    shape: Vec<u64>,
    suffix: Vec<u64>,
    /// the English stem of each token ("insisting", "insisted" → "insist")
    stem: Vec<u64>,
    /// the word class of each token (`pos::CLASSES`)
    class: Vec<u64>,
    /// bit 0: first token of a sentence; bit 1: inside quotation marks; bit 2: a quotation mark;
    /// bit 3: capitalised
    position: Vec<u64>,
    /// sentence number of each token within the paragraph
    sentence: Vec<usize>,
    /// whether each token has a letter: one without ("—", "$12", ",") is no cue's word
    has_letter: Vec<bool>,
    /// per token, whether a quotation mark stands before it in its sentence (bit 0) and after
    /// it (bit 1)
    marks_around: Vec<u8>,
    /// per token, what it opens (`opener_kind`), or 0
    opener: Vec<u8>,
}

/// Tokens with each two apostrophes typed together ("''", a quotation mark of some wires) made
/// one token. `offset` is where `body` starts in the text the spans point into.
fn with_double_apostrophes(
    body: &str,
    spans: impl Iterator<Item = (usize, usize)>,
    offset: usize,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        let apostrophe = |(s, e): (usize, usize)| &body[s - offset..e - offset] == "'";
        match out.last_mut() {
            Some(last) if last.1 == s && apostrophe(*last) && apostrophe((s, e)) => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    out
}

/// Most words the stem cache holds before it starts afresh.
const STEM_CACHE: usize = 100_000;

thread_local! {
    static STEMMER: rust_stemmers::Stemmer =
        rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    /// Hash of a lower-cased word → hash of its stem: news repeats its words, and stemming is
    /// the cost here.
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<u64, u64>> = Default::default();
}

/// The hash of the English stem of a lower-cased word whose own hash is `hash`.
fn stem_hash(lower: &str, hash: u64) -> u64 {
    STEMS.with_borrow_mut(|cache| {
        if cache.len() > STEM_CACHE {
            cache.clear();
        }
        *cache
            .entry(hash)
            .or_insert_with(|| STEMMER.with(|s| xxh3_64(s.stem(lower).as_bytes())))
    })
}

/// The word class of each token, tagged sentence by sentence. Quotation marks and apostrophes
/// are read as the treebank writes them.
fn word_classes(text: &str, spans: &[(usize, usize)], sentence: &[usize]) -> Vec<u64> {
    let tagger = super::shipped_pos();
    let mut out = Vec::with_capacity(spans.len());
    for range in sentence_ranges(sentence) {
        let words: Vec<String> = spans[range]
            .iter()
            .map(|&(s, e)| {
                let w = &text[s..e];
                if is_quote_mark(w) {
                    "\"".to_string()
                } else {
                    w.replace('\u{2019}', "'")
                }
            })
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        out.extend(tagger.tag(&words).into_iter().map(|c| c as u64));
    }
    out
}

/// The token range of each sentence, in order; `sentence` numbers each token's sentence.
fn sentence_ranges(sentence: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut start = 0;
    sentence
        .chunk_by(|a, b| a == b)
        .map(|chunk| {
            let range = start..start + chunk.len();
            start = range.end;
            range
        })
        .collect()
}

/// Which way a quotation mark at `s..e` goes by where it stands: one typed against the word
/// before it and followed by a space closes ("…,“ said Holt": the wrong glyph is a common typo);
/// one after a space and typed against the word after it opens; elsewhere its place says nothing.
fn mark_opens_by_place(text: &str, s: usize, e: usize) -> Option<bool> {
    let before = text[..s]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let after = text[e..].chars().next().is_none_or(char::is_whitespace);
    match (before, after) {
        (false, true) => Some(false),
        (true, false) => Some(true),
        _ => None,
    }
}

const QUOTE_MARKS: &[&str] = &["\"", "\u{201C}", "\u{201D}", "''", "``"];

fn is_quote_mark(word: &str) -> bool {
    QUOTE_MARKS.contains(&word)
}

impl Paragraph {
    fn new(text: &str, start: usize, end: usize) -> Paragraph {
        let body = &text[start..end];
        let sentence_starts: Vec<usize> = crate::text::sentence_spans(body, "en")
            .iter()
            .map(|s| s.start)
            .collect();
        let spans = with_double_apostrophes(
            body,
            tokens(body)
                .into_iter()
                .map(|(s, e)| (start + s, start + e)),
            start,
        );
        let mut p = Paragraph {
            lower: Vec::with_capacity(spans.len()),
            shape: Vec::with_capacity(spans.len()),
            suffix: Vec::with_capacity(spans.len()),
            stem: Vec::with_capacity(spans.len()),
            class: Vec::new(),
            has_letter: Vec::with_capacity(spans.len()),
            position: Vec::with_capacity(spans.len()),
            sentence: Vec::with_capacity(spans.len()),
            marks_around: Vec::new(),
            opener: Vec::new(),
            spans,
        };
        let mut in_quote = false;
        let mut sentence = 0;
        for &(s, e) in &p.spans {
            let word = &text[s..e];
            let starts_sentence = sentence_starts.contains(&(s - start));
            if starts_sentence && s > start {
                sentence += 1;
            }
            let mark = is_quote_mark(word);
            // where a mark is typed says which way it goes; where that says nothing, a curly
            // mark's glyph does, and a straight one flips, as does "''", which some wires use to
            // open a quotation as well as to close it
            match (word, mark_opens_by_place(text, s, e)) {
                (_, Some(opens)) if mark => in_quote = opens,
                ("\u{201C}" | "``", _) => in_quote = true,
                ("\u{201D}", _) => in_quote = false,
                ("\"" | "''", _) => in_quote = !in_quote,
                _ => {}
            }
            let lower = word.to_lowercase();
            let lower_hash = xxh3_64(lower.as_bytes());
            p.lower.push(lower_hash);
            p.stem.push(stem_hash(&lower, lower_hash));
            p.shape.push(xxh3_64(super::ner::shape(word).as_bytes()));
            let suffix_start = lower.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
            p.suffix.push(xxh3_64(&lower.as_bytes()[suffix_start..]));
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            p.position.push(
                u64::from(starts_sentence)
                    | u64::from(in_quote && !mark) << 1
                    | u64::from(mark) << 2
                    | u64::from(capitalised) << 3,
            );
            p.sentence.push(sentence);
            p.has_letter.push(word.chars().any(char::is_alphabetic));
        }
        p.class = word_classes(text, &p.spans, &p.sentence);
        p.marks_around = marks_around(&p.position, &p.sentence);
        p.opener = (0..p.len()).map(|k| opener_kind(&p, k)).collect();
        p
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn lower_at(&self, i: usize, offset: isize) -> u64 {
        let j = i as isize + offset;
        if j < 0 {
            1
        } else {
            self.lower.get(j as usize).copied().unwrap_or(2)
        }
    }

    fn class_at(&self, i: usize, offset: isize) -> u64 {
        let j = i as isize + offset;
        if j < 0 {
            98
        } else {
            self.class.get(j as usize).copied().unwrap_or(99)
        }
    }

    /// Features of token i from the words around it.
    fn word_features(&self, i: usize, out: &mut Vec<u32>) {
        out.extend([
            feature(Template::Bias, &[]),
            feature(Template::Lower, &[self.lower[i]]),
            feature(Template::PrevLower, &[self.lower_at(i, -1)]),
            feature(Template::NextLower, &[self.lower_at(i, 1)]),
            feature(Template::Prev2Lower, &[self.lower_at(i, -2)]),
            feature(Template::Next2Lower, &[self.lower_at(i, 2)]),
            feature(Template::Shape, &[self.shape[i]]),
            feature(Template::Suffix, &[self.suffix[i]]),
            feature(Template::Position, &[self.position[i]]),
            feature(Template::QuoteLower, &[self.position[i] & 2, self.lower[i]]),
            feature(Template::Stem, &[self.stem[i]]),
            feature(
                Template::NextStem,
                &[self.stem.get(i + 1).copied().unwrap_or(2)],
            ),
            feature(
                Template::PrevStem,
                &[if i > 0 { self.stem[i - 1] } else { 1 }],
            ),
            feature(
                Template::StemNextLower,
                &[self.stem[i], self.lower_at(i, 1)],
            ),
            feature(Template::Class, &[self.class[i]]),
            feature(
                Template::ClassBigramLeft,
                &[self.class_at(i, -1), self.class[i]],
            ),
            feature(
                Template::ClassBigramRight,
                &[self.class[i], self.class_at(i, 1)],
            ),
            feature(Template::ClassLower, &[self.class[i], self.lower[i]]),
            feature(
                Template::ClassTrigramLeft,
                &[self.class_at(i, -2), self.class_at(i, -1), self.class[i]],
            ),
            feature(Template::BigramLeft, &[self.lower_at(i, -1), self.lower[i]]),
            feature(Template::BigramRight, &[self.lower[i], self.lower_at(i, 1)]),
            feature(Template::Prev3Lower, &[self.lower_at(i, -3)]),
            feature(Template::Next3Lower, &[self.lower_at(i, 3)]),
            feature(
                Template::ClassTrigramRight,
                &[self.class[i], self.class_at(i, 1), self.class_at(i, 2)],
            ),
        ]);
    }
}

/// Distance buckets: 1, 2, 3, 4–5, 6–10, 11–20, more.
fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

/// Where the nearest token tagged (B or I) in `tags` lies from token i, on each side: its index,
/// or None.
fn nearest(tags: &[usize], i: usize) -> (Option<usize>, Option<usize>) {
    let left = (0..i).rev().find(|&k| tags[k] != OUTSIDE);
    let right = (i + 1..tags.len()).find(|&k| tags[k] != OUTSIDE);
    (left, right)
}

/// Features of token i relative to the cues (and, for contents, the sources) around it.
fn context_features(
    p: &Paragraph,
    i: usize,
    cues: &[usize],
    sources: Option<&[usize]>,
    out: &mut Vec<u32>,
) {
    let (left, right) = nearest(cues, i);
    for (side, at) in [(1u64, left), (2, right)] {
        match at {
            Some(k) => {
                let d = bucket(i.abs_diff(k));
                let same_sentence = u64::from(p.sentence[k] == p.sentence[i]);
                out.push(feature(Template::CueSide, &[side, d, same_sentence]));
                out.push(feature(
                    Template::CueSideWord,
                    &[side, p.lower[k], d.min(5)],
                ));
                out.push(feature(
                    Template::CueSideLower,
                    &[side, d.min(4), p.lower[i]],
                ));
            }
            None => out.push(feature(Template::CueSide, &[side, 99, 0])),
        }
    }
    out.push(feature(Template::InsideCue, &[cues[i] as u64]));
    if let Some(sources) = sources {
        let (left, right) = nearest(sources, i);
        for (side, at) in [(1u64, left), (2, right)] {
            let d = at.map_or(99, |k| bucket(i.abs_diff(k)));
            out.push(feature(Template::SourceSide, &[side, d]));
        }
        out.push(feature(Template::InsideSource, &[sources[i] as u64]));
    }
}

/// Words that open what a verb of saying says: a quotation mark (1), "that", "to", "if",
/// "whether" or a colon (2 to 6); 0 for any other.
fn opener_kind(p: &Paragraph, k: usize) -> u8 {
    if p.position[k] & 4 != 0 {
        return 1;
    }
    OPENERS.with(|openers| {
        openers
            .iter()
            .position(|&h| h == p.lower[k])
            .map_or(0, |n| n as u8 + 2)
    })
}

/// Per token, whether a quotation mark (position bit 2) stands before it in its sentence (bit 0)
/// and after it (bit 1): one pass each way.
fn marks_around(position: &[u64], sentence: &[usize]) -> Vec<u8> {
    let n = position.len();
    let mut out = vec![0u8; n];
    let mark = |k: usize| position[k] & 4 != 0;
    for k in 1..n {
        if sentence[k] == sentence[k - 1] && (mark(k - 1) || out[k - 1] & 1 != 0) {
            out[k] |= 1;
        }
    }
    for k in (0..n.saturating_sub(1)).rev() {
        if sentence[k] == sentence[k + 1] && (mark(k + 1) || out[k + 1] & 2 != 0) {
            out[k] |= 2;
        }
    }
    out
}

thread_local! {
    static OPENERS: [u64; 5] = ["that", "to", "if", "whether", ":"].map(|w| xxh3_64(w.as_bytes()));
}

/// Features of token i from the frame of its sentence, for the cue tagger: whether quotation
/// marks stand before and after it in the sentence, what opens the words ahead of it, and the
/// word classes beside its stem.
fn frame_features(p: &Paragraph, i: usize, out: &mut Vec<u32>) {
    let s = p.sentence[i];
    let same = |k: &usize| p.sentence[*k] == s;
    let before = p.marks_around[i] & 1 != 0;
    let after = p.marks_around[i] & 2 != 0;
    let stem = p.stem[i];
    out.push(feature(
        Template::StemQuotes,
        &[stem, u64::from(before), u64::from(after)],
    ));
    let ahead = (i + 1..(i + 7).min(p.len()))
        .take_while(same)
        .find(|&k| p.opener[k] != 0)
        .map(|k| (u64::from(p.opener[k]), bucket(k - i)));
    let (kind, d) = ahead.unwrap_or((0, 0));
    out.push(feature(Template::StemAhead, &[stem, kind, d]));
    let class = p.class[i];
    out.push(feature(
        Template::ClassQuotes,
        &[class, u64::from(before), u64::from(after)],
    ));
    out.push(feature(Template::ClassAhead, &[class, kind, d]));
    out.push(feature(Template::StemClassLeft, &[stem, p.class_at(i, -1)]));
    out.push(feature(Template::StemClassRight, &[stem, p.class_at(i, 1)]));
}

/// Which of the four taggers: they differ in what they see.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Cue = 0,
    Source = 1,
    Content = 2,
    /// sources found from their words alone, with no cue given
    Holder = 3,
}

const LAYERS: usize = 4;

impl Stage {
    const ALL: [Stage; LAYERS] = [Stage::Cue, Stage::Source, Stage::Content, Stage::Holder];

    /// Which gold part the stage learns to tag.
    fn part(self) -> usize {
        match self {
            Stage::Cue => 0,
            Stage::Source | Stage::Holder => 1,
            Stage::Content => 2,
        }
    }
}

/// Features of token i for the holder tagger: the cue tagger's frame, and the first verb ahead of
/// it in its sentence (who holds a view is the subject of the verb that states it).
fn holder_features(p: &Paragraph, i: usize, out: &mut Vec<u32>) {
    frame_features(p, i, out);
    let s = p.sentence[i];
    let verb = (i + 1..(i + 9).min(p.len()))
        .take_while(|&k| p.sentence[k] == s)
        .find(|&k| is_verbal_class(p.class[k]));
    let (stem, d) = verb.map_or((0, 0), |k| (p.stem[k], bucket(k - i)));
    out.push(feature(Template::VerbAhead, &[stem, d]));
    out.push(feature(Template::VerbAheadClass, &[stem, p.class[i]]));
}

/// What a tagger sees of token i beyond its words: the cues (and sources) tagged before it.
fn stage_context_features(
    stage: Stage,
    p: &Paragraph,
    i: usize,
    cues: &[usize],
    sources: &[usize],
    out: &mut Vec<u32>,
) {
    match stage {
        Stage::Cue => frame_features(p, i, out),
        Stage::Holder => holder_features(p, i, out),
        Stage::Source => context_features(p, i, cues, None, out),
        Stage::Content => context_features(p, i, cues, Some(sources), out),
    }
}

/// The shipped attribution model: one layer of weights per tagger, stacked (layer = `Stage`), so
/// that the word features the four taggers share are looked up once per token.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributionTagger {
    weights: StackedWeights<TAGS, LAYERS>,
}

/// Per token of a paragraph, the four taggers' scores from its word features, the cue tagger's
/// with its lean: worked out once, when a tagger first needs the token.
struct WordScores {
    scores: Vec<Option<[[f32; TAGS]; LAYERS]>>,
    buffer: Vec<u32>,
}

impl WordScores {
    fn new(p: &Paragraph) -> WordScores {
        WordScores {
            scores: vec![None; p.len()],
            buffer: Vec::new(),
        }
    }

    fn of(
        &mut self,
        weights: &StackedWeights<TAGS, LAYERS>,
        p: &Paragraph,
        i: usize,
        stage: Stage,
    ) -> [f32; TAGS] {
        let buffer = &mut self.buffer;
        let scores = self.scores[i].get_or_insert_with(|| {
            buffer.clear();
            p.word_features(i, buffer);
            let mut scores = [[0.0; TAGS]; LAYERS];
            scores[Stage::Cue as usize] = [0.0, CUE_LEAN, CUE_CONTINUED_LEAN];
            weights.add_scores(buffer, &mut scores);
            scores
        });
        scores[stage as usize]
    }
}

/// The paragraphs of a text: runs of lines between blank lines, as byte ranges.
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                out.push((s, offset));
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

impl AttributionTagger {
    /// The Source, Cue and Content spans of a text (byte offsets).
    pub fn tag(&self, text: &str) -> Vec<PartSpan> {
        let mut out: Vec<PartSpan> = self
            .attributions(text)
            .iter()
            .flat_map(part_spans)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The attributions of a text: each cue with its source and content, in text order.
    pub fn attributions(&self, text: &str) -> Vec<Attribution> {
        let paragraphs = paragraphs(text);
        let mut out = super::signatures::find(text, &paragraphs);
        for &(start, end) in &paragraphs {
            let p = Paragraph::new(text, start, end);
            let mut scores = WordScores::new(&p);
            let tagged = self.run(Stage::Cue, &p, &[], &[], &mut scores);
            let cues = with_according_to(&p, text, without_false_cues(&p, text, tagged));
            let cues = with_polls_cited(&p, text, cues);
            let cues = with_verbs_of_saying(&p, text, cues);
            let cues = without_signed(&p, cues, &out);
            let sources = self.run(Stage::Source, &p, &cues, &[], &mut scores);
            let contents = self.run(Stage::Content, &p, &cues, &sources, &mut scores);
            let found = attributions_of(&p, text, &cues, &sources, &contents);
            // the holder tagger reads the sentences with no cue found, or only cues without a
            // source
            let sourced_cues = without_sourceless_cues(&p, &cues, &found);
            let held = self.held_views(&p, &sourced_cues, &mut scores);
            out.extend(with_held_views(found, held));
        }
        out.sort_by_key(|a| a.cue);
        out
    }

    /// The spans found when the cues are given (the gold ones, in an evaluation): what the
    /// source and content taggers and rules make of a cue, apart from finding it.
    pub fn tag_given_cues(&self, text: &str, gold: &[PartSpan]) -> Vec<PartSpan> {
        let mut out: Vec<PartSpan> = self
            .attributions_given_cues(text, gold)
            .iter()
            .flat_map(part_spans)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The attributions found when the cues are given (the gold ones, in an evaluation), in
    /// text order.
    pub fn attributions_given_cues(&self, text: &str, gold: &[PartSpan]) -> Vec<Attribution> {
        let mut out = Vec::new();
        for (start, end) in paragraphs(text) {
            let p = Paragraph::new(text, start, end);
            let cues = bio(&p, gold, Part::Cue);
            let mut scores = WordScores::new(&p);
            let sources = self.run(Stage::Source, &p, &cues, &[], &mut scores);
            let contents = self.run(Stage::Content, &p, &cues, &sources, &mut scores);
            out.extend(attributions_of(&p, text, &cues, &sources, &contents));
        }
        out
    }

    fn run(
        &self,
        stage: Stage,
        p: &Paragraph,
        cues: &[usize],
        sources: &[usize],
        word_scores: &mut WordScores,
    ) -> Vec<usize> {
        self.run_with_margins(stage, p, cues, sources, word_scores)
            .0
    }

    /// The tags of a stage, with each token's margin of B over O (negative infinity where the
    /// stage does not look).
    fn run_with_margins(
        &self,
        stage: Stage,
        p: &Paragraph,
        cues: &[usize],
        sources: &[usize],
        word_scores: &mut WordScores,
    ) -> (Vec<usize>, Vec<f32>) {
        // a cue has letters, and sources and contents lie in a cue's sentence or next to it: other
        // tokens are left outside, untagged (tagging is the costly part)
        let cue_sentences: Vec<usize> = (0..p.len())
            .filter(|&k| cues.get(k).is_some_and(|&t| t != OUTSIDE))
            .map(|k| p.sentence[k])
            .collect();
        let near_a_cue = |i: usize| match stage {
            Stage::Cue => p.has_letter[i],
            // the holder tagger speaks only where no cue with a source was found
            Stage::Holder => p.has_letter[i] && !cue_sentences.contains(&p.sentence[i]),
            _ => cue_sentences
                .iter()
                .any(|&s| p.sentence[i].abs_diff(s) <= 1),
        };
        let mut tags = Vec::with_capacity(p.len());
        let mut buffer = Vec::new();
        let mut margins = Vec::with_capacity(p.len());
        for i in 0..p.len() {
            if !near_a_cue(i) {
                tags.push(OUTSIDE);
                margins.push(f32::NEG_INFINITY);
                continue;
            }
            let mut scores = word_scores.of(&self.weights, p, i, stage);
            buffer.clear();
            stage_context_features(stage, p, i, cues, sources, &mut buffer);
            self.weights
                .add_layer_scores(stage as usize, &buffer, &mut scores);
            margins.push(scores[BEGIN] - scores[OUTSIDE]);
            let previous = tags.last().copied();
            tags.push(learn::best_tag(&scores, |t| may_follow(t, previous)));
        }
        if let Stage::Cue = stage {
            with_a_cue_by_each_quotation(p, &mut tags, &margins);
        }
        (tags, margins)
    }

    /// Attributions of holders in the sentences where `cues` (the cues found with a source) has
    /// none: a run the holder tagger marks surely enough holds the view its verb states.
    fn held_views(
        &self,
        p: &Paragraph,
        cues: &[usize],
        word_scores: &mut WordScores,
    ) -> Vec<Attribution> {
        let (tags, margins) = self.run_with_margins(Stage::Holder, p, cues, &[], word_scores);
        runs(&tags)
            .into_iter()
            .filter(|&(first, last)| (first..=last).any(|k| margins[k] >= HOLDER_MARGIN))
            .filter_map(|run| view_of_holder(p, run))
            .collect()
    }

    /// Trains the four taggers on (text, gold spans) pairs; the same data, epochs, seed and
    /// members give the same model, bit for bit. Sources and contents learn from the gold cues
    /// (and sources); the holder tagger learns the gold sources from the words alone. Each
    /// tagger is the mean of `members` perceptrons that saw the paragraphs in different orders
    /// (seeds `seed`, `seed + 1`, …): one perceptron's weights depend on its order, and the mean
    /// of ten finds about 1 more dev source in 200 than one of them on average.
    pub fn train(
        articles: &[(&str, &[PartSpan])],
        epochs: usize,
        seed: u64,
        members: usize,
    ) -> AttributionTagger {
        // every paragraph with its gold tags per part
        let mut paragraphs_: Vec<Paragraph> = Vec::new();
        let mut gold: [Vec<Vec<usize>>; 3] = Default::default();
        for (text, spans) in articles {
            for (start, end) in paragraphs(text) {
                let p = Paragraph::new(text, start, end);
                for (k, part) in [Part::Cue, Part::Source, Part::Content]
                    .into_iter()
                    .enumerate()
                {
                    gold[k].push(bio(&p, spans, part));
                }
                paragraphs_.push(p);
            }
        }
        let train_member = |stage: Stage, seed: u64| -> Weights<TAGS> {
            let examples: Vec<Example> = gold[stage.part()]
                .iter()
                .map(|g| Example { gold: g })
                .collect();
            learn::train(
                &examples,
                epochs,
                seed,
                PRUNE_BELOW,
                |s, i, _, out| {
                    // the words, then what the stage sees beyond them
                    let p = &paragraphs_[s];
                    p.word_features(i, out);
                    stage_context_features(stage, p, i, &gold[0][s], &gold[1][s], out)
                },
                may_follow,
            )
        };
        let train_stage = |stage: Stage| -> Weights<TAGS> {
            let trained: Vec<Weights<TAGS>> = (0..members.max(1) as u64)
                .into_par_iter()
                .map(|k| train_member(stage, seed.wrapping_add(k)))
                .collect();
            Weights::mean(&trained, MEAN_PRUNE_BELOW)
        };
        let layers = Stage::ALL.map(train_stage);
        AttributionTagger {
            weights: StackedWeights::stack(std::array::from_fn(|k| &layers[k])),
        }
    }

    /// The model file: the four taggers' files one after another, each with its length.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for stage in Stage::ALL {
            let bytes = self.weights.layer(stage as usize).to_bytes(PART_MAGIC);
            out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            out.extend_from_slice(&bytes);
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<AttributionTagger, String> {
        let mut rest = bytes
            .strip_prefix(MAGIC)
            .ok_or("not a parallax attribution model (bad header)")?;
        let mut parts = Vec::new();
        for _ in 0..LAYERS {
            let (len, tail) = rest.split_at_checked(8).ok_or("truncated model")?;
            let len = u64::from_le_bytes(len.try_into().expect("8 bytes")) as usize;
            let (part, tail) = tail.split_at_checked(len).ok_or("truncated model")?;
            parts.push(Weights::from_bytes(part, PART_MAGIC)?);
            rest = tail;
        }
        if !rest.is_empty() {
            return Err("trailing bytes after the model".into());
        }
        Ok(AttributionTagger {
            weights: StackedWeights::stack(std::array::from_fn(|k| &parts[k])),
        })
    }
}

const MAGIC: &[u8] = b"PARALLAX-ATTRIBUTION-2\n";
const PART_MAGIC: &[u8] = b"TAGGER\n";

/// Least margin of B over O at which the holder tagger's run stands as a source with no cue
/// found: chosen on the held-out tenths of PolNeAR train (bench/README, session 32), where about
/// half of the runs above it are sources and fewer below.
const HOLDER_MARGIN: f32 = 30.0;

/// The cue tags without the cues found with no source.
fn without_sourceless_cues(p: &Paragraph, cues: &[usize], found: &[Attribution]) -> Vec<usize> {
    let mut out = cues.to_vec();
    for a in found.iter().filter(|a| a.source.is_none()) {
        for (k, tag) in out.iter_mut().enumerate() {
            if p.spans[k].0 >= a.cue.0 && p.spans[k].1 <= a.cue.1 {
                *tag = OUTSIDE;
            }
        }
    }
    out
}

/// The attributions found, with the holders' views: a view whose verb is a cue found without a
/// source gives that cue its holder; any other stands on its own.
fn with_held_views(mut found: Vec<Attribution>, held: Vec<Attribution>) -> Vec<Attribution> {
    for view in held {
        let (start, end) = view.cue;
        match found
            .iter_mut()
            .find(|a| a.source.is_none() && a.cue.0 < end && start < a.cue.1)
        {
            Some(sourceless) => sourceless.source = view.source,
            None => found.push(view),
        }
    }
    found
}

/// The attribution of a holder's run (first to last token): its cue is the verb after it in
/// its sentence, with the verbs of its group ("has been", "have repeatedly pointed"), and its
/// content the rest of the sentence. None when no verb follows.
fn view_of_holder(p: &Paragraph, (first, last): TokenRange) -> Option<Attribution> {
    let s = p.sentence[first];
    let end = (last..p.len()).take_while(|&k| p.sentence[k] == s).last()?;
    let verb = (last + 1..=end).find(|&k| is_verbal_class(p.class[k]))?;
    // the verb group: verbs with the adverbs between them ("have repeatedly pointed")
    let verb_end = (verb..=end)
        .take_while(|&k| is_verbal_class(p.class[k]) || class_at(p, k) == "RB")
        .filter(|&k| is_verbal_class(p.class[k]))
        .last()
        .unwrap_or(verb);
    Some(Attribution {
        cue: (p.spans[verb].0, p.spans[verb_end].1),
        source: Some((p.spans[first].0, p.spans[last].1)),
        content: (verb_end < end).then(|| (p.spans[verb_end + 1].0, p.spans[end].1)),
        continued: None,
    })
}

/// The Source, Cue and Content spans of an attribution. A content in two pieces is one span
/// from its first word to its last, as the corpus marks it.
fn part_spans(a: &Attribution) -> Vec<PartSpan> {
    let span = |part, (start, end)| PartSpan { part, start, end };
    let whole = a
        .content
        .map(|c| a.continued.map_or(c, |rest| (c.0, rest.1)));
    let mut out = vec![span(Part::Cue, a.cue)];
    out.extend(a.source.map(|s| span(Part::Source, s)));
    out.extend(whole.map(|c| span(Part::Content, c)));
    out
}

/// How far below the cue tagger's bar the likeliest word of a sentence holding a quotation may
/// score and still be taken as its cue. On held-out tenths of PolNeAR train (both seeds) 20 found
/// fewer sources, 30 and 40 as many as each other; 40 also took "Voters shrug and think, “…”",
/// a rhetorical device, for a statement.
const QUOTATION_CUE_LEAN: f32 = 30.0;

/// Tokens inside quotation marks that make a quotation rather than a quoted term or title ("late",
/// "War & Peace"); five and eight did as well as each other on held-out tenths, three worse.
const MIN_QUOTATION_WORDS: usize = 8;

/// Word classes the quotation's cue is not taken from: names, articles, prepositions, pronouns,
/// conjunctions and numbers ("Osama bin Laden", "the one that").
const WORDS_OF_NO_CUE: &[&str] = &[
    "NNP", "DT", "IN", "WDT", "PRP", "PRP$", "CC", "TO", "CD", "POS",
];

/// A sentence that holds a quotation says who said it: where the cue tagger found no cue in such
/// a sentence, the word outside the quotation it rated likeliest is one, unless far below its bar.
/// `margins` are the tagger's B-over-O scores per token (−∞ where untagged).
fn with_a_cue_by_each_quotation(p: &Paragraph, tags: &mut [usize], margins: &[f32]) {
    for sentence in sentence_ranges(&p.sentence) {
        let quoted = sentence.clone().filter(|&k| p.position[k] & 2 != 0).count();
        if quoted >= MIN_QUOTATION_WORDS && sentence.clone().all(|k| tags[k] == OUTSIDE) {
            // outside the quotation, not a quotation mark, and a word that may be a cue
            let likeliest = sentence
                .filter(|&k| p.position[k] & 6 == 0 && p.has_letter[k])
                .filter(|&k| {
                    !WORDS_OF_NO_CUE.contains(&super::pos::class_name(p.class[k] as usize))
                })
                .max_by(|&a, &b| margins[a].total_cmp(&margins[b]));
            if let Some(k) = likeliest.filter(|&k| margins[k] > -QUOTATION_CUE_LEAN) {
                tags[k] = BEGIN;
            }
        }
    }
}

/// What the cue tagger adds to the score of B against O: each token is tagged on its own,
/// and a cue it misses loses the attribution whole, while one too many costs a little precision.
/// Chosen on held-out tenths of the training split (`eval-attribution --tenth`); 7 since sources
/// of passive cues are left out (held out, 6 → 7 added 0.0004 overlap F1 with one seed's models,
/// 0.0001 with another's).
const CUE_LEAN: f32 = 7.0;

/// What it adds to I against O: less than to B, since a cue run on too far eats the first words
/// of what was said ("said | overwhelming demand …"); held out, it finds the same cues with a few
/// more whole.
const CUE_CONTINUED_LEAN: f32 = 2.0;

/// Averaged weights smaller than this in every tag are left out of each member perceptron.
const PRUNE_BELOW: f32 = 1.5;

/// Mean weights smaller than this in every tag are left out of the model: lower than a member's
/// pruning, since a weight most members agree on loses little in their mean (7,205,344 bytes for
/// one member, 6,790,016 for the mean of ten).
const MEAN_PRUNE_BELOW: f32 = 1.0;

/// Gold BIO tags of one part over a paragraph's tokens: a token inside a span is tagged, the
/// first one of each span B. Nested spans of one part mark their own beginnings.
fn bio(p: &Paragraph, spans: &[PartSpan], part: Part) -> Vec<usize> {
    let mut tags = vec![OUTSIDE; p.len()];
    for s in spans.iter().filter(|s| s.part == part) {
        let inside: Vec<usize> = (0..p.len())
            .filter(|&i| p.spans[i].0 >= s.start && p.spans[i].1 <= s.end)
            .collect();
        for (n, &i) in inside.iter().enumerate() {
            if n == 0 {
                tags[i] = BEGIN;
            } else if tags[i] == OUTSIDE {
                tags[i] = INSIDE;
            }
        }
    }
    tags
}

/// Token runs (first, last inclusive) of the B/I tags.
fn runs(tags: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        match t {
            BEGIN => out.push((i, i)),
            INSIDE => {
                if let Some(last) = out.last_mut() {
                    last.1 = i;
                }
            }
            _ => {}
        }
    }
    out
}

/// The content of each cue. Its boundaries follow the sentence, which the tagger's token-by-token
/// content tags keep breaking; the tags choose only the side. After the cue (and a source that
/// follows it: "according to X, …"), the content runs to the end of the sentence; before it,
/// from the start of the sentence to the source or cue. A quotation opened on that side runs on
/// to where it closes, across sentences.
fn attributions_of(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    sources: &[usize],
    contents: &[usize],
) -> Vec<Attribution> {
    // a source never runs into a cue: a run that does ends before it
    let mut sources_off_cues = sources.to_vec();
    for k in 0..sources.len() {
        let cut = cues[k] != OUTSIDE
            || (sources[k] == INSIDE && k > 0 && sources_off_cues[k - 1] == OUTSIDE);
        if cut {
            sources_off_cues[k] = OUTSIDE;
        }
    }
    let source_runs: Vec<(usize, usize)> = runs(&sources_off_cues)
        .into_iter()
        .map(|run| whole_name(p, text, run))
        // "Lindsey Holt | Says": a headline's capitalised verb is no part of the name
        .map(|(first, last)| {
            let cue = (first + 1..=last).find(|&k| cues[k] != OUTSIDE);
            cue.map_or((first, last), |k| (first, k - 1))
        })
        .filter_map(|run| without_clause_verb(p, text, cues, run))
        .map(|run| noun_phrase(p, text, cues, run))
        // "Voss, | who flew over the valley at dawn, | said": a relative clause is no source
        .filter(|&(first, _)| {
            !RELATIVE_PRONOUNS.contains(&word(p, text, first).to_lowercase().as_str())
        })
        .collect();
    let bytes = |(first, last): (usize, usize)| (p.spans[first].0, p.spans[last].1);
    // (cue, source) of the attributions so far, in tokens
    let mut earlier: Vec<(TokenRange, Option<TokenRange>)> = Vec::new();
    runs(cues)
        .into_iter()
        .map(|cue| whole_verb(p, text, cue))
        .map(|cue| {
            // "according to X, …": X is the source, whatever the tagger made of it; so is the
            // poll cited in "in a Lorn Herald poll, …"
            let cited = (cue.0 == cue.1)
                .then(|| poll_cited_after(p, text, cue.0))
                .flatten();
            let named = named_after_according_to(p, text, cue).or(cited).map(|x| {
                let mut runs: Vec<TokenRange> = source_runs
                    .iter()
                    .copied()
                    .filter(|r| r.1 < x.0 || r.0 > x.1)
                    .collect();
                runs.push(x);
                runs
            });
            let source_runs = named.as_deref().unwrap_or(&source_runs);
            let (after, before) = content_sides(p, text, cues, source_runs, cue);
            // the side the content tagger marks more; with no marks, a clause after the cue,
            // else one before it
            let votes = |side: Option<(usize, usize)>| {
                side.map_or(0, |(a, b)| {
                    (a..=b).filter(|&k| contents[k] != OUTSIDE).count()
                })
            };
            let long = |side: Option<(usize, usize)>| side.filter(|(a, b)| b - a >= 2);
            // "The Committee, whose chair | Dane Holt | insists …": a name right before the cue
            // is its subject, nearer than any run the tagger marked before it
            let named = name_beside(p, text, cue);
            let beside = named.filter(|b| b.1 < cue.0);
            let agent = passive_agent(p, text, cue);
            // "The ruling | angered | farmers": who feels it holds the view
            let felt_by = who_feels_it(p, text, cue);
            let subject_holds_it = agent.is_some() || !speaks_for_no_subject(p, text, cue);
            let source = felt_by
                .or(agent)
                .filter(|_| subject_holds_it)
                .or_else(|| participle_subject(p, text, cue, &earlier))
                .or_else(|| fronted_participle_subject(p, text, source_runs, cue))
                .or_else(|| pronoun_subject(p, text, cue.0))
                .or_else(|| subject_after_a_relative(p, text, cue.0))
                .or_else(|| relative_subject(p, text, cue))
                .or_else(|| {
                    let tagged = source_of(p, text, source_runs, cue.0, cue.1);
                    // "reports | suggest | the rebels attacked": with a subject right before
                    // the verb, a run after it is what was said
                    let plural = plural_noun_subject(p, text, cue);
                    let tagged = match (tagged, plural) {
                        (Some(t), Some(_)) if t.0 > cue.1 => plural,
                        (None, _) => plural,
                        _ => tagged,
                    };
                    // a run that ends with the name but holds a verb before it is a clause
                    // ("Leaders bargained for the amnesty that | the Taliban | have declared")
                    let holds_a_verb = |t: TokenRange, b: TokenRange| {
                        (t.0..b.0).any(|k| is_verbal_class(p.class[k]))
                    };
                    // "Holt, | at a later briefing, | said": a phrase of setting is no source;
                    // the subject before it is
                    // "Holt, through | a spokeswoman |, declined": the run after a preposition
                    // set off by a comma is such a phrase too
                    let setting = |t: TokenRange| {
                        let opens = |k: usize| {
                            PREPOSITIONS.contains(&word(p, text, k).to_lowercase().as_str())
                        };
                        // "Lind, also campaigning in Tarnby, said": so is a participle's phrase
                        // "Lind, if elected, says": a participle after a subordinator, set off
                        // by a comma, is such a phrase as well
                        let participle = |k: usize| {
                            let after_comma = k >= 1
                                && (word(p, text, k - 1) == ","
                                    || (k >= 2
                                        && class_at(p, k - 1) == "RB"
                                        && word(p, text, k - 2) == ","));
                            let subordinated = k >= 2
                                && SUBORDINATORS
                                    .contains(&word(p, text, k - 1).to_lowercase().as_str())
                                && word(p, text, k - 2) == ",";
                            match class_at(p, k) {
                                "VBG" => after_comma || subordinated,
                                "VBN" | "VBD" => subordinated,
                                _ => false,
                            }
                        };
                        opens(t.0)
                            || participle(t.0)
                            || is_the_state_of_a_setting(p, text, t.0)
                            || (t.0 >= 2 && opens(t.0 - 1) && word(p, text, t.0 - 2) == ",")
                    };
                    // "Holt on Tuesday said", "a poll released in late August found": a time
                    // is never who spoke; the phrase before it is
                    let only_a_time = |t: TokenRange| names_only_a_time(p, text, t);
                    // "Holt, who says | the council | should pay, insisted": a run inside a
                    // relative clause set off before the cue is the clause's; the phrase the
                    // clause describes spoke
                    let tagged = tagged
                        .map(|t| head_before_a_relative_clause(p, text, cues, t, cue).unwrap_or(t));
                    // "Vian, the paper's editor, said | Holt's remarks | were …": after a phrase set
                    // off by commas, a run after the cue is what was said or to whom; the
                    // sentence's subject spoke
                    // "…, says | she | will stay": a run followed by its own verb is the subject
                    // of what was said, not an inverted source
                    let opens_a_clause_after = |t: TokenRange| {
                        t.1 + 1 < p.len() && super::pos::is_finite_verb(p.class[t.1 + 1] as usize)
                    };
                    let after_an_aside = |t: TokenRange| {
                        t.0 > cue.1
                            && cue.0 > 0
                            && word(p, text, cue.0 - 1) == ","
                            && !is_according_to(p, text, cue)
                            && (!is_inverted_saying(word(p, text, cue.0))
                                || opens_a_clause_after(t))
                    };
                    // "Vian, the editor of the paper, | L'Osservatore |, said": a run set off
                    // by commas right before the cue; "A spokesperson for | the Foreign Office |
                    // reiterated": a preposition's object right before it. Either may be part of
                    // the subject that opens the sentence.
                    let inside_the_subject = |t: TokenRange| {
                        let set_off = t.0 >= 2
                            && word(p, text, t.0 - 1) == ","
                            && t.1 + 2 == cue.0
                            && word(p, text, cue.0 - 1) == ",";
                        let object = t.0 >= 1
                            && t.1 < cue.0
                            && PREPOSITIONS
                                .contains(&word(p, text, t.0 - 1).to_lowercase().as_str())
                            && (t.1 + 1..cue.0).all(|k| is_leaning(p, text, k));
                        set_off || object
                    };
                    let tagged = match tagged {
                        Some(t) if after_an_aside(t) => opening_subject(p, text, cue).or(tagged),
                        Some(t) if only_a_time(t) && t.1 < cue.0 => {
                            subject_before_setting(p, text, cues, t.0)
                                .or_else(|| opening_subject(p, text, cue))
                        }
                        Some(t) if only_a_time(t) => None,
                        Some(t)
                            if (setting(t) || inside_an_aside(p, text, t, cue)) && t.1 < cue.0 =>
                        {
                            opening_subject(p, text, cue).or(tagged)
                        }
                        // when the opening subject takes the run in, the whole subject spoke
                        Some(t) if inside_the_subject(t) => opening_subject(p, text, cue)
                            .filter(|&(first, last)| first < t.0 && last >= t.1)
                            .or(tagged),
                        _ => tagged,
                    };
                    match (tagged, beside) {
                        (Some(t), Some(b)) if t.1 < b.0 => Some(b),
                        (Some(t), Some(b)) if t.1 == b.1 && holds_a_verb(t, b) => Some(b),
                        _ => tagged,
                    }
                })
                .or(named)
                // "The lawmaker, who represents Lorn, said | Holt's remarks …": a subject before
                // the comma comes first; a clause before it ("The levee will hold, said | Holt")
                // is what was said
                .or_else(|| opening_subject(p, text, cue))
                .or_else(|| inverted_phrase(p, text, cue))
                .or_else(|| subordinate_subject(p, text, cues, cue))
                .or_else(|| head_of_a_relative_aside(p, text, cue.0))
                .map(|source| with_trailing_apposition(p, text, cues, cue, source))
                .map(|source| without_a_dateline(p, text, source))
                .map(|source| with_conjuncts(p, text, cues, cue, source))
                .map(|(first, last)| (with_its_proportion(p, text, first), last))
                .map(|source| without_trailers(p, text, source))
                .filter(|_| subject_holds_it);
            // "Holt later told | the Courier |: …": whom one told never spoke ("warned" may
            // stand before its speaker, "told" never does)
            let told = matches!(
                word(p, text, cue.1).to_lowercase().as_str(),
                "told" | "tell" | "tells" | "telling"
            );
            // "Holt later Tuesday told | Lorn News": the subject before the cue told it
            // "Holt has taken a swipe at | Lind's | stance": after a cue that ends in a
            // preposition of its object, the phrase is that object (PolNeAR train: 1,340 such
            // cues have their source before them, 47 after)
            let objects_follow = cue.1 > cue.0
                && matches!(
                    word(p, text, cue.1).to_lowercase().as_str(),
                    "about" | "against" | "at" | "for" | "on" | "over" | "with" | "of"
                );
            let source = match source {
                Some((first, _)) if (told || objects_follow) && first == cue.1 + 1 => {
                    opening_subject(p, text, cue).filter(|&(_, last)| last < cue.0)
                }
                source => source,
            };
            // "Voss | acknowledged | the setback", "The Committee, whose chair …, | accuses | the
            // board": after its subject, a verb's content follows it
            let subject_first = source.is_some_and(|(_, last)| {
                let between = last + 1..cue.0;
                let set_off = last + 1 < cue.0
                    && word(p, text, last + 1) == ","
                    && word(p, text, cue.0 - 1) == ",";
                last < cue.0 && (between.clone().all(|k| is_leaning(p, text, k)) || set_off)
            });
            let after_is_a_clause = after.is_some_and(|(a, _)| {
                let first = word(p, text, a).to_lowercase();
                !SETTING_OPENERS.contains(&first.as_str())
                    && !PREPOSITIONS.contains(&first.as_str())
                    && !WEEKDAYS.contains(&first.as_str())
                    && !COORDINATORS.contains(&first.as_str())
                    && first != "as"
            });
            let fixed_side = regular_side(p, text, cue, before);
            // "The talks have failed, | reported | news agency Relay": a source right after a cue
            // that follows a comma inverts the frame, and what was said came before it
            let holds_a_clause = |(a, b): TokenRange| {
                (a..=b).any(|k| super::pos::is_finite_verb(p.class[k] as usize))
            };
            let inverted = source.is_some_and(|(first, _)| first == cue.1 + 1)
                && cue.0 > 0
                && word(p, text, cue.0 - 1) == ",";
            let chosen = match (votes(after), votes(before)) {
                _ if fixed_side == Some(Side::Before) => before,
                _ if inverted && before.is_some_and(holds_a_clause) => before,
                _ if after.is_some() && fixed_side == Some(Side::After) => after,
                _ if subject_first && after_is_a_clause => after,
                (0, 0) => long(after).or(long(before)),
                (a, b) if a >= b => after,
                _ => before,
            };
            let chosen = chosen.map(|content| without_its_source(p, text, content, source));
            earlier.push((cue, source));
            // “First half,” she said, “second half.”: one content in two pieces
            let split = split_quotation(p, text, cues, cue, source);
            let (content, continued) = match split {
                Some((first, second)) => (Some(first), Some(second)),
                None => (chosen, None),
            };
            Attribution {
                cue: bytes(cue),
                source: source.map(|source| without_a_clitic(text, bytes(source))),
                content: content.map(bytes),
                continued: continued.map(bytes),
            }
        })
        .collect()
}

/// "Holt himself", "Carter however", "Sanders during": no source ends in such a word, nor in a
/// preposition.
fn without_trailers(p: &Paragraph, text: &str, (first, mut last): TokenRange) -> TokenRange {
    let trails = |k: usize| {
        let w = word(p, text, k).to_lowercase();
        TRAILERS.contains(&w.as_str()) || PREPOSITIONS.contains(&w.as_str())
    };
    while last > first && trails(last) {
        last -= 1;
    }
    (first, last)
}

/// A source ends before a verb's clitic glued to it: "they've | offered" is said by "they".
fn without_a_clitic(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let piece = text[start..end].to_lowercase();
    let clitic = [
        "'ve",
        "'re",
        "'ll",
        "'d",
        "\u{2019}ve",
        "\u{2019}re",
        "\u{2019}ll",
        "\u{2019}d",
    ]
    .iter()
    .find(|c| piece.len() > c.len() && piece.ends_with(*c));
    match clitic {
        Some(c) => (start, end - c.len()),
        None => (start, end),
    }
}

/// What was said holds no part of who said it. "Said Holt: “…”": a content that opens with its
/// source and a colon or comma starts after them. "‘…,’ Voss, director of the centre, said": a
/// quotation closed right before its source ends there.
fn without_its_source(
    p: &Paragraph,
    text: &str,
    (a, b): TokenRange,
    source: Option<TokenRange>,
) -> TokenRange {
    match source {
        Some((s, e)) if a == s && e < b && matches!(word(p, text, e + 1), ":" | ",") => {
            let mut start = e + 1;
            while start < b && matches!(word(p, text, start), "," | ":") {
                start += 1;
            }
            (start, b)
        }
        Some((s, _)) if a < s && s <= b => {
            let mut end = s - 1;
            while end > a && word(p, text, end) == "," {
                end -= 1;
            }
            let closes_a_quotation = is_quote_mark(word(p, text, end))
                || (end > a && is_quote_mark(word(p, text, end - 1)));
            if closes_a_quotation {
                (a, end)
            } else {
                (a, b)
            }
        }
        _ => (a, b),
    }
}

/// How many words past its cue and source a split quotation's frame may run ("said Rep. Holt
/// (D-Ore.), head of the caucus, in a phone interview").
const MAX_FRAME_TAIL: usize = 25;

/// Words that may open an apposition after a name: "said Holt, | the chair of the board",
/// "said Holt, | now a consultant", "said Holt, | who runs the shelter".
const APPOSITION_OPENERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "who", "now", "then", "another", "one",
];

/// An inverted source ("…,” said Holt, the chair of the board.") runs on through the apposition
/// after it to the end of its sentence: who the speaker is belongs to the source.
fn with_trailing_apposition(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    cue: TokenRange,
    (first, last): TokenRange,
) -> TokenRange {
    // "according to X, | …" and "known as X, | …": what follows the comma is the clause, when
    // there is one
    let cue_ends_in_a_preposition = PREPOSITIONS
        .contains(&word(p, text, cue.1).to_lowercase().as_str())
        || word(p, text, cue.1).eq_ignore_ascii_case("as");
    if first != cue.1 + 1 || last + 2 >= p.len() || word(p, text, last + 1) != "," {
        return (first, last);
    }
    let sentence = p.sentence[last];
    // "…, according to the Lorn Trust, an advocacy group.": unless a clause follows, the phrase
    // after the comma is still who is cited
    let a_clause_follows = (last + 2..p.len())
        .take_while(|&k| p.sentence[k] == sentence)
        .any(|k| super::pos::is_finite_verb(p.class[k] as usize));
    if cue_ends_in_a_preposition && a_clause_follows {
        return (first, last);
    }
    let opener_word = word(p, text, last + 2);
    let opener = opener_word.to_lowercase();
    // or a bare role: "said Holt, | chair of the board"
    let a_role = opener_word.chars().all(|c| c.is_lowercase())
        && !opener.ends_with("ing")
        && !PREPOSITIONS.contains(&opener.as_str())
        && !CLAUSE_OPENERS.contains(&opener.as_str())
        && !LEANING_WORDS.contains(&opener.as_str())
        && opener != "according";
    // "said the Rev. Ann Holt, | of the Lorn chapel": where the speaker is from
    let origin = if last + 3 < p.len() && word(p, text, last + 3).eq_ignore_ascii_case("the") {
        last + 4
    } else {
        last + 3
    };
    let an_origin = opener == "of" && origin < p.len() && capitalised_at(p, text, origin);
    // "according to three polls, | including one from …"
    let an_example = cue_ends_in_a_preposition && opener == "including";
    if !APPOSITION_OPENERS.contains(&opener.as_str()) && !a_role && !an_origin && !an_example {
        return (first, last);
    }
    // "said Holt, the chair, | in a statement": a phrase of setting after a comma ends it
    let rest: Vec<usize> = (last + 2..p.len())
        .take_while(|&k| p.sentence[k] == sentence)
        .take_while(|&k| {
            !(word(p, text, k - 1) == ","
                && SETTING_OPENERS.contains(&word(p, text, k).to_lowercase().as_str()))
        })
        .collect();
    let plain = rest
        .iter()
        .all(|&k| cues[k] == OUTSIDE && !is_quote_mark(word(p, text, k)));
    let end = rest
        .iter()
        .rev()
        .find(|&&k| !is_bare_punctuation(p, text, k))
        .copied();
    match end {
        Some(end) if plain && end - last <= MAX_FRAME_TAIL => (first, end),
        _ => (first, last),
    }
}

/// A source that opens with a dateline or a label starts after it: "DECATUR, Ill. — | Sen. Holt",
/// "The Latest: | Mourners". A dateline's first word is in capitals, and none of its words opens
/// in lowercase; a label is a few words before a colon. A live page's time stamp before a name
/// goes too ("2016 8:38PM | Rubio").
fn without_a_dateline(p: &Paragraph, text: &str, (first, last): TokenRange) -> TokenRange {
    let is_dash = |k: usize| matches!(word(p, text, k), "-" | "--" | "\u{2014}" | "\u{2013}");
    // an earlier step may have cut the dateline at its comma ("TARNBY, | Lorn — Sen. Voss"), so
    // the dateline opens the sentence
    let mut opening = first;
    while opening > 0 && p.sentence[opening - 1] == p.sentence[first] {
        opening -= 1;
    }
    let in_capitals = |k: usize| {
        let w = word(p, text, k);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let no_lowercase_word = |a: usize, b: usize| {
        (a..b).all(|k| !word(p, text, k).starts_with(|c: char| c.is_lowercase()))
    };
    let end = last.min(opening + MAX_DATELINE_WORDS);
    let dateline = (first + 1..end)
        .find(|&k| is_dash(k))
        .filter(|&k| in_capitals(opening) && no_lowercase_word(opening, k));
    let label = (first + 1..end).find(|&k| word(p, text, k) == ":");
    let first = match dateline.or(label) {
        Some(k) if k < last => k + 1,
        _ => first,
    };
    // "February 6, 2016 8:38PM | Rubio": a live page's time stamp before the name
    let stamp = |k: usize| {
        let w = word(p, text, k);
        let year = w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        let clock = w.contains(':')
            && w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == ':');
        year || clock
    };
    let mut start = first;
    while start < last && stamp(start) {
        start += 1;
    }
    if start > first && capitalised_at(p, text, start) {
        (start, last)
    } else {
        (first, last)
    }
}

/// Most words of a dateline or a label before a source ("RANGOON, Burma -").
const MAX_DATELINE_WORDS: usize = 8;

/// A source that is one of several names joined by "and" takes the others in: "Rubio, Cruz and
/// | Kasich | are counting on", "by | Holt | and other board members". Names before it join
/// when they open the clause (the sentence starts, or a comma, a dash or a clause opener comes
/// before them), so that an object of an earlier verb stays out; after a source that follows its
/// cue, a noun phrase joined by "and" runs to the end of the clause.
fn with_conjuncts(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    cue: TokenRange,
    (first, last): TokenRange,
) -> TokenRange {
    let sentence = p.sentence[first];
    let plain = |k: usize| {
        p.sentence[k] == sentence
            && cues[k] == OUTSIDE
            && !is_quote_mark(word(p, text, k))
            && k != cue.0
    };
    let joins = |k: usize| matches!(word(p, text, k), "and" | "or" | "&");
    let name_word = |k: usize| plain(k) && capitalised_at(p, text, k);
    // "Holt, Voss, | and Lind", "Holt, | Voss and Lind": the list goes on before the source
    let holds_a_list = (first..=last).any(joins);
    let list_before = if first >= 2 && joins(first - 1) && name_word(first - 2) {
        Some(first - 2)
    } else if first >= 3
        && joins(first - 1)
        && word(p, text, first - 2) == ","
        && name_word(first - 3)
    {
        Some(first - 3)
    } else if first >= 2 && holds_a_list && word(p, text, first - 1) == "," && name_word(first - 2)
    {
        Some(first - 2)
    } else {
        None
    };
    let mut start = first;
    if let Some(mut k) = list_before {
        loop {
            while k > 0 && name_word(k - 1) && p.position[k] & 1 == 0 {
                k -= 1;
            }
            // "Rubio, | Cruz": a list of names goes on before a comma
            if k >= 2 && word(p, text, k - 1) == "," && name_word(k - 2) && p.position[k] & 1 == 0 {
                k -= 2;
            } else {
                break;
            }
        }
        let lower = |k: usize| word(p, text, k).to_lowercase();
        let opens_the_clause = k == 0
            || p.position[k] & 1 != 0
            || p.sentence[k - 1] != sentence
            || sets_off(word(p, text, k - 1))
            || matches!(word(p, text, k - 1), ":" | "(")
            || CLAUSE_OPENERS.contains(&lower(k - 1).as_str())
            || (lower(k - 1) == "by" && first > cue.1);
        let opener = p.position[k] & 1 != 0 && CLAUSE_OPENERS.contains(&lower(k).as_str());
        // "In Lorn, | Holt and Voss": a setting before the list is no name in it
        let a_setting = PREPOSITIONS.contains(&lower(k).as_str())
            || WEEKDAYS.contains(&lower(k).as_str())
            || MONTHS.contains(&lower(k).as_str());
        if opens_the_clause && !opener && !a_setting {
            start = k;
        }
    }
    let mut end = last;
    if first > cue.1 && last + 2 < p.len() && joins(last + 1) && plain(last + 2) {
        let rest: Vec<usize> = (last + 2..(last + 2 + MAX_CONJUNCT_WORDS).min(p.len()))
            .take_while(|&k| plain(k) && !is_bare_punctuation(p, text, k))
            .collect();
        let nominal = |k: usize| {
            is_nominal_class(p.class[k])
                || capitalised_at(p, text, k)
                || matches!(
                    super::pos::class_name(p.class[k] as usize),
                    "DT" | "JJ" | "PRP$" | "CD"
                )
        };
        if let Some(&tail) = rest.last() {
            if rest.iter().all(|&k| nominal(k)) && ends_a_clause(p, text, tail) {
                end = tail;
            }
        }
    }
    (start, end)
}

/// A source that starts at the state of "Mara Lind of Tarnby, | Lorn" starts at the name the
/// place belongs to.
fn in_a_city_and_state(p: &Paragraph, text: &str, first: usize) -> usize {
    if first < 4 || word(p, text, first - 1) != "," || !capitalised_at(p, text, first) {
        return first;
    }
    let sentence = p.sentence[first];
    let name_word = |k: usize| p.sentence[k] == sentence && capitalised_at(p, text, k);
    let mut city = first - 2;
    if !name_word(city) {
        return first;
    }
    while city > 0 && name_word(city - 1) && p.position[city] & 1 == 0 {
        city -= 1;
    }
    if city < 2 || !word(p, text, city - 1).eq_ignore_ascii_case("of") || !name_word(city - 2) {
        return first;
    }
    let mut name = city - 2;
    while name > 0 && name_word(name - 1) && p.position[name] & 1 == 0 {
        name -= 1;
    }
    name
}

/// A source that opens with a count after "in" or "out of" starts with the proportion: "Nine in
/// | 10 voters", "two out of | three donors".
fn with_its_proportion(p: &Paragraph, text: &str, first: usize) -> usize {
    let is_count = |k: usize| {
        let w = word(p, text, k).to_lowercase();
        w.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w.as_str())
    };
    if !is_count(first) {
        return first;
    }
    let same_sentence = |k: usize| p.sentence[k] == p.sentence[first];
    let lower = |k: usize| word(p, text, k).to_lowercase();
    if first >= 2 && lower(first - 1) == "in" && is_count(first - 2) && same_sentence(first - 2) {
        first - 2
    } else if first >= 3
        && lower(first - 1) == "of"
        && lower(first - 2) == "out"
        && is_count(first - 3)
        && same_sentence(first - 3)
    {
        first - 3
    } else {
        first
    }
}

/// Number words that open a proportion ("nine in 10").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Most words of a noun phrase joined after a source ("and other Republican hopefuls").
const MAX_CONJUNCT_WORDS: usize = 6;

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Before,
    After,
}

/// The side of its cue a content is on when news English fixes it, whatever the tagger marks:
/// a quotation closed by a comma right before the frame ("“…,” Voss said, adding …") and what
/// precedes ", according to X" are before it, and so is the subject of a passive cue; what
/// follows a participle after a comma ("…, | adding that …") is after it.
fn regular_side(
    p: &Paragraph,
    text: &str,
    (cs, ce): TokenRange,
    before: Option<TokenRange>,
) -> Option<Side> {
    let quotation_before = before.is_some_and(|(_, be)| {
        be > 0
            && is_quote_mark(word(p, text, be))
            && matches!(word(p, text, be - 1), "," | "?" | "!")
    });
    let after_a_comma = cs > 0 && word(p, text, cs - 1) == ",";
    let according_to = is_according_to(p, text, (cs, ce));
    let participle = cs == ce && word(p, text, cs).ends_with("ing");
    // "The plan | is supported by | the unions": a passive cue's subject is what it is about
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let passive = lower(ce) == "by"
        || (cs..ce).any(|k| {
            matches!(
                lower(k).as_str(),
                "is" | "are" | "was" | "were" | "been" | "be"
            ) && lower(k + 1).ends_with("ed")
        });
    if quotation_before || (according_to && after_a_comma) || (passive && before.is_some()) {
        Some(Side::Before)
    } else if participle && after_a_comma {
        Some(Side::After)
    } else {
        None
    }
}

/// Most words a sentence's opening subject may have.
const MAX_SUBJECT_WORDS: usize = 12;

/// Word classes (`pos::CLASSES`) of nouns and pronouns, and of verbs and modals.
fn is_nominal_class(class: u64) -> bool {
    super::pos::is_nominal(class as usize)
}

fn is_verbal_class(class: u64) -> bool {
    super::pos::is_verbal(class as usize)
}

/// Fewest words of a quotation closed with a comma before its speaker ("“We will rebuild,” Holt
/// said"); fewer are a title or a nickname inside the subject.
const MIN_QUOTED_SPEECH_WORDS: usize = 4;

/// "Two doctors at the hospital, speaking on condition of anonymity, told …": with no source
/// marked, a verb's subject is the noun phrase that opens its sentence. The words before the
/// verb fall into pieces at commas; the subject is the first piece that is no opener ("When the
/// water rose, | residents | …") and holds a noun and no verb. Pieces after it without a verb
/// are its apposition ("Dane Holt, | 58, | of Lorn, | said"); a relative clause or a phrase with a
/// verb ends it, and must run on to the comma before the verb.
fn opening_subject(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> Option<TokenRange> {
    // "Clinton, after the scandal broke, | initially said": the verb may follow adverbs
    let verb = (cs..=ce)
        .find(|&k| is_verbal_class(p.class[k]))
        .unwrap_or(cs);
    if cs == 0 || !(is_verbal_class(p.class[verb]) || is_a_verb_read_as_a_noun(p, text, (cs, ce))) {
        return None;
    }
    let mut start = cs;
    while start > 0 && p.sentence[start - 1] == p.sentence[cs] {
        start -= 1;
    }
    while start < cs && is_quote_mark(word(p, text, start)) {
        start += 1;
    }
    // "“…,” Mara Lind, a writer for the Courier, said": a quotation that closes with a comma
    // is what was said; the subject follows it
    // a title or nickname in quotation marks ("the hacker known as “Guccifer,” said") is part
    // of the subject: speech quoted before its speaker runs longer
    let quoted_words = |k: usize| {
        (start..k - 1)
            .rev()
            .take_while(|&j| !is_quote_mark(word(p, text, j)))
            .filter(|&j| p.has_letter[j])
            .count()
    };
    let closes_a_quotation = |k: usize| {
        k > start
            && is_quote_mark(word(p, text, k))
            && matches!(word(p, text, k - 1), "," | "?" | "!")
            && quoted_words(k) >= MIN_QUOTED_SPEECH_WORDS
    };
    if let Some(k) = (start..cs).rev().find(|&k| closes_a_quotation(k)) {
        start = k + 1;
    }
    // "Holt — who is listed as an attorney — told": dashes set off a piece as commas do
    let separates = |k: usize| sets_off(word(p, text, k));
    let end = if separates(cs - 1) { cs - 1 } else { cs };
    let lower = |k: usize| word(p, text, k).to_lowercase();
    // the pieces between commas, as (first, one past the last); "Yet | some voters …": a
    // coordinator that opens a piece is no part of it
    let mut pieces = Vec::new();
    let mut piece_start = start;
    for k in start..=end {
        if k == end || separates(k) {
            if piece_start + 1 < k && COORDINATING_ADVERBS.contains(&lower(piece_start).as_str()) {
                piece_start += 1;
            }
            if piece_start < k {
                pieces.push((piece_start, k));
            }
            piece_start = k + 1;
        }
    }
    // "some voters | who have listened to him": the verbs of a relative clause after the head
    // are the subject's own
    let has_verb = |(a, b): (usize, usize)| {
        let head_end = (a + 1..b)
            .find(|&j| {
                (RELATIVE_PRONOUNS.contains(&lower(j).as_str()) && !is_verbal_class(p.class[j - 1]))
                    || (matches!(super::pos::class_name(p.class[j] as usize), "VBG" | "VBN")
                        && (is_nominal_class(p.class[j - 1])
                            || (j >= a + 2
                                && class_at(p, j - 1) == "RB"
                                && is_nominal_class(p.class[j - 2]))))
                    || (lower(j) == "to" && is_nominal_class(p.class[j - 1]))
            })
            .unwrap_or(b);
        // "retired | Gen. John Allen": a participle opening the piece before a noun modifies it
        let modifier = |j: usize| {
            let before_a_noun = j + 1 < b && is_nominal_class(p.class[j + 1]);
            let opening = j == a
                && before_a_noun
                && matches!(super::pos::class_name(p.class[j] as usize), "VBN" | "VBD");
            // "both | lobbying | firms", "the | ruling | party": so does one after a determiner
            let determined = j > a
                && before_a_noun
                && matches!(super::pos::class_name(p.class[j] as usize), "VBG" | "VBN")
                && matches!(class_at(p, j - 1), "DT" | "JJ" | "PRP$" | "CD" | "POS");
            opening || determined
        };
        (a..head_end).any(|j| is_verbal_class(p.class[j]) && !modifier(j))
    };
    let opens_a_clause = |k: usize| {
        let w = lower(k);
        CLAUSE_OPENERS.contains(&w.as_str()) || RELATIVE_PRONOUNS.contains(&w.as_str())
    };
    // "Rejecting the claim, | Holt said": a participle's phrase before the subject sets it up
    // "About | 9 percent | said": a preposition that rounds a number opens an amount, not a
    // setting
    let rounds_a_number = |a: usize| {
        matches!(
            lower(a).as_str(),
            "about" | "around" | "over" | "under" | "above" | "below"
        ) && a + 1 < cs
            && class_at(p, a + 1) == "CD"
    };
    let first = pieces.iter().enumerate().position(|(n, &(a, b))| {
        !opens_a_clause(a)
            && (!PREPOSITIONS.contains(&lower(a).as_str()) || rounds_a_number(a))
            && !is_a_fronted_participle(p, text, a)
            // "Minutes after the vote began, | the chair | announced", "Last May, | a judge …"
            && (n + 1 == pieces.len()
                || !(has_verb((a, b))
                    || names_only_a_time(p, text, (a, b - 1))
                    || !(a..b).any(|j| is_nominal_at(p, text, j))))
    })?;
    let subject = pieces[first];
    // a relative clause may make it long ("some voters who have listened to his speeches over
    // the decades")
    // "The levee held for a week | before | the engineer warned": a subordinator inside it
    // opens another clause, so the piece is no subject
    let holds_a_subordinator =
        |(a, b): (usize, usize)| (a + 1..b).any(|j| SUBORDINATORS.contains(&lower(j).as_str()));
    let a_subject = subject.1 - subject.0 <= MAX_FRAME_TAIL
        && (subject.0..subject.1).any(|j| is_nominal_at(p, text, j))
        && !has_verb(subject)
        && !holds_a_subordinator(subject);
    // an apposition names ("58", "chair of the board", "of Lorn"); a phrase of setting ("on the
    // other hand", "in a statement") or a clause ends the subject
    let apposition = |piece: (usize, usize)| {
        let w = lower(piece.0);
        !opens_a_clause(piece.0)
            && !has_verb(piece)
            && (w == "of" || !PREPOSITIONS.contains(&w.as_str()))
    };
    let mut last = first;
    while last + 1 < pieces.len() && apposition(pieces[last + 1]) {
        last += 1;
    }
    // past the subject and its apposition, the rest up to the verb is set off by commas
    // "Holt, who chairs the board, | on Tuesday | said": a time after the pieces set off by
    // commas stands between them and the verb
    let final_piece = pieces[pieces.len() - 1];
    let time_before_the_verb =
        last + 1 < pieces.len() && names_only_a_time(p, text, (final_piece.0, final_piece.1 - 1));
    let set_off = last + 1 == pieces.len() || separates(cs - 1) || time_before_the_verb;
    (a_subject && set_off).then(|| trimmed_phrase(p, text, (subject.0, pieces[last].1 - 1)))
}

/// "Holt, in a statement released by | the campaign |, said", "The poll, released by | the
/// institute |, showed": a run inside a phrase set off by commas right before the cue, opening
/// with a preposition or a participle, belongs to that phrase; the subject came before it.
fn inside_an_aside(
    p: &Paragraph,
    text: &str,
    (first, last): TokenRange,
    (cs, _): TokenRange,
) -> bool {
    let sentence = p.sentence[cs];
    let Some(opening) = (0..first)
        .rev()
        .take_while(|&k| p.sentence[k] == sentence)
        .find(|&k| sets_off(word(p, text, k)))
    else {
        return false;
    };
    let a = opening + 1;
    let closes_before_the_cue = cs >= 1
        && sets_off(word(p, text, cs - 1))
        && (last + 1..cs - 1).all(|k| !sets_off(word(p, text, k)));
    let opens_an_aside = PREPOSITIONS.contains(&word(p, text, a).to_lowercase().as_str())
        || matches!(class_at(p, a), "VBN" | "VBG");
    a <= first && opening > 0 && closes_before_the_cue && opens_an_aside
}

/// Whether token k is a noun, or a name the word-class tagger misread ("O'Malley" as an adverb,
/// "Limbaugh" as a preposition): a capitalised word that is no function word and runs on into
/// the next word.
fn is_nominal_at(p: &Paragraph, text: &str, k: usize) -> bool {
    is_nominal_class(p.class[k])
        || (capitalised_at(p, text, k)
            && matches!(
                class_at(p, k),
                "RB" | "IN" | "JJ" | "VBN" | "VBD" | "VB" | "OTHER"
            )
            && !crate::lexicon::is_stopword(&word(p, text, k).to_lowercase())
            // "Indeed, | residents": an adverb set off by a comma opens the sentence
            && k + 1 < p.len()
            && p.has_letter[k + 1])
}

/// "Holt, the chair of the board, | thinks", "a body of work | suggests that": a one-word cue the
/// word-class tagger read as a plural noun is a verb after a subject (a comma closing its
/// apposition, a noun, a coordinator), unless a verb or preposition follows it as one follows a
/// noun ("her | claims | were denied", "the group's | demands | for").
fn is_a_verb_read_as_a_noun(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> bool {
    let w = word(p, text, cs);
    if cs != ce
        || cs == 0
        || class_at(p, cs) != "NNS"
        || !w.starts_with(|c: char| c.is_ascii_lowercase())
    {
        return false;
    }
    let before = word(p, text, cs - 1);
    let after_a_subject =
        before == "," || matches!(before, "and" | "but") || is_nominal_class(p.class[cs - 1]);
    let like_a_noun = cs + 1 < p.len()
        && p.sentence[cs + 1] == p.sentence[cs]
        && (is_verbal_class(p.class[cs + 1])
            || (class_at(p, cs + 1) == "IN"
                && !word(p, text, cs + 1).eq_ignore_ascii_case("that")));
    after_a_subject && !like_a_noun
}

/// Words that name a time ("Tuesday", "August", "week") and words that place a time ("on",
/// "early", "last"): a phrase of only these says when, not who.
fn is_time_word(w: &str) -> bool {
    WEEKDAYS.contains(&w)
        || MONTHS.contains(&w)
        || matches!(
            w,
            "week"
                | "weeks"
                | "weekend"
                | "month"
                | "months"
                | "year"
                | "years"
                | "day"
                | "days"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "today"
                | "yesterday"
                | "tonight"
                | "earlier"
                | "later"
        )
}

fn places_a_time(w: &str) -> bool {
    matches!(
        w,
        "on" | "in" | "at" | "early" | "late" | "last" | "this" | "next" | "that" | "the" | "a"
    )
}

/// Whether the words of a run only say when ("Tuesday", "on Friday", "late August", "last
/// week"); a month name counts only capitalised ("may" is a verb).
fn names_only_a_time(p: &Paragraph, text: &str, (first, last): TokenRange) -> bool {
    names_a_time(p, text, last) && (first..last).all(|k| is_part_of_a_time(p, text, k))
}

/// Whether token k names a time.
fn names_a_time(p: &Paragraph, text: &str, k: usize) -> bool {
    let w = word(p, text, k).to_lowercase();
    let a_month_or_day = MONTHS.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str());
    is_time_word(&w) && (!a_month_or_day || capitalised_at(p, text, k))
}

/// Whether token k names or places a time.
fn is_part_of_a_time(p: &Paragraph, text: &str, k: usize) -> bool {
    names_a_time(p, text, k) || places_a_time(&word(p, text, k).to_lowercase())
}

/// The noun phrase right before a time set between a subject and its verb ("Holt | on
/// Tuesday | said"), passing over a participle that carries the time ("a poll | released | in
/// late August | found"). Stops at a comma, a verb, a clause opener or a cue.
fn subject_before_setting(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    time_start: usize,
) -> Option<TokenRange> {
    let sentence = p.sentence[time_start];
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let mut end = time_start;
    while end > 0 && p.sentence[end - 1] == sentence && places_a_time(&lower(end - 1)) {
        end -= 1;
    }
    if end > 0 && super::pos::class_name(p.class[end - 1] as usize) == "VBN" {
        end -= 1;
    }
    let start = phrase_start_before(
        p,
        text,
        cues,
        (sentence, end),
        &[CLAUSE_OPENERS, RELATIVE_PRONOUNS],
    );
    let a_noun = (start..end).any(|k| is_nominal_class(p.class[k]));
    (start < end && a_noun).then(|| trimmed_phrase(p, text, (start, end - 1)))
}

/// The first token of the words before token `end` in `sentence` that may make up a subject:
/// back over tokens that are no cue, punctuation, quotation mark or verb, nor a word of the
/// `stops` lists, at most `MAX_SUBJECT_WORDS` of them.
fn phrase_start_before(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    (sentence, end): (usize, usize),
    stops: &[&[&str]],
) -> usize {
    let belongs = |k: usize| {
        let lower = word(p, text, k).to_lowercase();
        p.sentence[k] == sentence
            && cues[k] == OUTSIDE
            && !is_bare_punctuation(p, text, k)
            && !is_quote_mark(word(p, text, k))
            && !is_verbal_class(p.class[k])
            && !stops.iter().any(|list| list.contains(&lower.as_str()))
    };
    let mut start = end;
    while start > 0 && end - start < MAX_SUBJECT_WORDS && belongs(start - 1) {
        start -= 1;
    }
    start
}

/// Most adverbs between a clause's subject and its verb ("the judge | also recently | ruled").
const MAX_ADVERBS_BEFORE_VERB: usize = 2;

/// "… before | a federal judge | ordered", "while | the donor | didn't disclose", "a trip that |
/// investigators | concluded …": the noun phrase between a word that opens a clause and the
/// cue's verb, when it carries tense, is that clause's subject.
fn subordinate_subject(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    (cs, _): TokenRange,
) -> Option<TokenRange> {
    if cs == 0 || !super::pos::is_finite_verb(p.class[cs] as usize) {
        return None;
    }
    let sentence = p.sentence[cs];
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let mut end = cs;
    while end > 0
        && cs - end < MAX_ADVERBS_BEFORE_VERB
        && p.sentence[end - 1] == sentence
        && class_at(p, end - 1) == "RB"
    {
        end -= 1;
    }
    let start = phrase_start_before(
        p,
        text,
        cues,
        (sentence, end),
        &[
            CLAUSE_OPENERS,
            SUBORDINATORS,
            RELATIVE_PRONOUNS,
            PREPOSITIONS,
        ],
    );
    if start == end || start == 0 || p.sentence[start - 1] != sentence {
        return None;
    }
    let opener = lower(start - 1);
    let opens = SUBORDINATORS.contains(&opener.as_str())
        || matches!(opener.as_str(), "that" | "and" | "but");
    let a_noun = (start..end).any(|k| is_nominal_class(p.class[k]));
    (opens && a_noun).then(|| trimmed_phrase(p, text, (start, end - 1)))
}

/// "Holt | is expected to endorse | Voss", "Low prices, | seen as | a boon", "a fund | once known
/// for": a passive of hearsay ("expected", "known", "said") that governs what follows it says
/// that unnamed people hold the view about its subject, whatever verb the cue ends with.
fn governed_by_hearsay(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> bool {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    (cs..=ce).any(|k| {
        if !HEARSAY_PARTICIPLES.contains(&lower(k).as_str()) || class_at(p, k) == "VBG" {
            return false;
        }
        // "known | locally | as": an adverb may stand between
        let governing = |j: usize| j < p.len() && matches!(lower(j).as_str(), "to" | "as" | "for");
        let adverb = |j: usize| {
            j < p.len()
                && (matches!(class_at(p, j), "RB" | "RBR" | "RBS") || is_an_ly_adverb(p, text, j))
        };
        let governs = governing(k + 1) || (adverb(k + 1) && governing(k + 2));
        // "is | best | known for"
        let mut before = k;
        while before > 0
            && (is_leaning(p, text, before - 1)
                || adverb(before - 1)
                || matches!(lower(before - 1).as_str(), "best" | "better" | "well"))
            && !BE_FORMS.contains(&lower(before - 1).as_str())
        {
            before -= 1;
        }
        let after_be = before > 0 && BE_FORMS.contains(&lower(before - 1).as_str());
        let reduced = before > 0
            && class_at(p, k) == "VBN"
            && (word(p, text, before - 1) == "," || is_nominal_class(p.class[before - 1]))
            && !matches!(class_at(p, before - 1), "PRP");
        governs && (after_be || reduced)
    })
}

/// Adverbs that say unnamed people report what the verb tells.
const HEARSAY_ADVERBS: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "reputedly",
];

/// Participles that report what unnamed people expect, know or say of a passive's subject.
const HEARSAY_PARTICIPLES: &[&str] = &[
    "expected",
    "known",
    "seen",
    "said",
    "rumored",
    "rumoured",
    "reputed",
    "regarded",
    "viewed",
    "considered",
    "believed",
    "thought",
    "supposed",
    "deemed",
    "reported",
];

/// The forms of "be" that make a passive ("is expected", "was asked"); "'s" may be "has".
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Verbs whose subject is what a view is about, not who holds it ("Holt seemed to waver").
const RAISING_VERBS: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// Participles of feeling and conviction: in the passive their subject is who feels or holds the
/// view ("voters | are worried about | …", "Holt | is convinced | that …").
const FEELING_PARTICIPLES: &[&str] = &[
    "worried",
    "concerned",
    "convinced",
    "pleased",
    "upset",
    "reassured",
    "satisfied",
    "disappointed",
    "frustrated",
    "angered",
    "alarmed",
    "shocked",
    "mystified",
    "surprised",
    "terrified",
    "impressed",
    "divided",
    "split",
    "inclined",
    "troubled",
    "encouraged",
    "heartened",
    "dismayed",
    "outraged",
    "offended",
    "annoyed",
    "puzzled",
    "confused",
    "amazed",
    "stunned",
    "thrilled",
    "delighted",
    "excited",
    "relieved",
    "persuaded",
    "determined",
    "committed",
    "focused",
    "resigned",
    "opposed",
    "prepared",
    "assured",
    "gripped",
    "miffed",
    "bothered",
    "torn",
    "scared",
    "frightened",
    "angry",
    "disturbed",
    "embarrassed",
    "insulted",
];

/// "Holt | is expected | to resign", "the plan | was announced", "Holt | seemed | to waver": the
/// subject of a passive with no agent, or of "seem" and "appear", is what the view is about, and
/// whoever holds it goes unnamed. The cue's last verb decides, unless a passive of hearsay
/// governs it ("Holt | is expected to endorse | Voss"): "was quoted as saying" reports its
/// subject's words, and one who "is worried" holds the worry.
fn speaks_for_no_subject(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> bool {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let Some(verb) = (cs..=ce).rev().find(|&k| is_verbal_class(p.class[k])) else {
        return false;
    };
    let verb_word = lower(verb);
    // "Holt | seemed to imply | that …": "seem" and "appear" anywhere in the cue
    if (cs..=ce).any(|k| RAISING_VERBS.contains(&lower(k).as_str())) {
        return true;
    }
    if governed_by_hearsay(p, text, (cs, ce)) {
        return true;
    }
    // "Holt | reportedly consulted | Lind": an adverb of hearsay says unnamed people report it
    if (cs..=ce).any(|k| HEARSAY_ADVERBS.contains(&lower(k).as_str())) {
        return true;
    }
    let mut k = verb;
    while k > cs && is_leaning(p, text, k - 1) && !BE_FORMS.contains(&lower(k - 1).as_str()) {
        k -= 1;
    }
    // after "was", "said" is a participle even when read as a past tense
    let class = super::pos::class_name(p.class[verb] as usize);
    let after_be = k > cs && BE_FORMS.contains(&lower(k - 1).as_str());
    (class == "VBN" || class == "VBD")
        && after_be
        && !FEELING_PARTICIPLES.contains(&verb_word.as_str())
}

/// Verbs whose object feels what the verb names ("the ruling | angered | farmers").
const OBJECT_FEELING_VERBS: &[&str] = &[
    "anger",
    "worry",
    "concern",
    "please",
    "upset",
    "disappoint",
    "frustrate",
    "alarm",
    "shock",
    "mystify",
    "surprise",
    "terrify",
    "impress",
    "trouble",
    "hearten",
    "dismay",
    "outrage",
    "offend",
    "annoy",
    "puzzle",
    "confuse",
    "amaze",
    "stun",
    "thrill",
    "delight",
    "excite",
    "bother",
    "scare",
    "frighten",
    "disturb",
    "embarrass",
    "rattle",
    "infuriate",
    "irritate",
    "baffle",
    "unnerve",
    "spook",
    "irk",
    "enrage",
    "unsettle",
    "horrify",
    "appall",
];

thread_local! {
    /// The stems of `OBJECT_FEELING_VERBS`, hashed as `Paragraph::stem` is.
    static FEELING_VERB_STEMS: Vec<u64> = OBJECT_FEELING_VERBS
        .iter()
        .map(|v| stem_hash(v, xxh3_64(v.as_bytes())))
        .collect();
}

/// Most words of the noun phrase that feels what a verb of feeling names.
const MAX_FEELER_WORDS: usize = 6;

/// "The ruling | angered | farmers in Tarnby", "doesn't | surprise | the pollster": an active verb
/// of feeling with a noun phrase after it (and no verb of that phrase's own, as in "worries
/// Holt would lose") is felt by that phrase, which holds the view.
fn who_feels_it(p: &Paragraph, text: &str, (_, ce): TokenRange) -> Option<TokenRange> {
    // the cue ends in the verb, not read as a gerund
    let verb = ce;
    let class = super::pos::class_name(p.class[verb] as usize);
    let feeling = FEELING_VERB_STEMS.with(|stems| stems.contains(&p.stem[verb]));
    let before_be = verb > 0 && BE_FORMS.contains(&word(p, text, verb - 1).to_lowercase().as_str());
    if !feeling || before_be || !matches!(class, "VBD" | "VBZ" | "VBP" | "VB" | "VBN") {
        return None;
    }
    let nominal = |k: usize| {
        matches!(
            super::pos::class_name(p.class[k] as usize),
            "DT" | "JJ" | "NN" | "NNS" | "NNP" | "PRP" | "PRP$" | "CD" | "POS"
        )
    };
    let first = ce + 1;
    let mut last = first;
    if first >= p.len() || p.sentence[first] != p.sentence[ce] || !nominal(first) {
        return None;
    }
    while last + 1 < p.len()
        && p.sentence[last + 1] == p.sentence[ce]
        && last + 1 - first < MAX_FEELER_WORDS
        && nominal(last + 1)
    {
        last += 1;
    }
    let a_noun = (first..=last).any(|k| is_nominal_class(p.class[k]));
    let own_verb = last + 1 < p.len() && is_verbal_class(p.class[last + 1]);
    (a_noun && !own_verb).then(|| trimmed_phrase(p, text, (first, last)))
}

/// Most words a passive cue's agent may have ("by the Lorn Valley Residents' Committee").
const MAX_AGENT_WORDS: usize = 8;

/// "a claim rejected outright | by the Harbour Council", "was confirmed | by police": a passive
/// cue's agent is its source. The agent runs to the end of its clause, a preposition other than
/// "of", a relative pronoun or a coordinator.
fn passive_agent(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> Option<TokenRange> {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let by = if lower(ce) == "by" {
        ce
    } else {
        far_by(p, text, (cs, ce)).unwrap_or(ce + 1)
    };
    let first = by + 1;
    if first >= p.len() || lower(by) != "by" || p.sentence[first] != p.sentence[cs] {
        return None;
    }
    // "responded | by using the example": "by" and a gerund say how, not who ("by Beijing"
    // and "by King" name an agent)
    let gerund = lower(first).ends_with("ing")
        && word(p, text, first)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    if gerund {
        return None;
    }
    // "says | by a wide margin", "said | by telephone": an active verb's "by" and a means of
    // speaking say how, not who
    if !is_passive_before(p, text, cs, by) || MEANS_OF_SPEAKING.contains(&lower(first).as_str()) {
        return None;
    }
    let mut last = first;
    while last + 1 < p.len() && last + 1 - first < MAX_AGENT_WORDS && !ends_a_clause(p, text, last)
    {
        let next = lower(last + 1);
        let next = next.as_str();
        if (PREPOSITIONS.contains(&next) && next != "of")
            || RELATIVE_PRONOUNS.contains(&next)
            || COORDINATORS.contains(&next)
        {
            break;
        }
        last += 1;
    }
    let (first, last) = trimmed_phrase(p, text, (first, last));
    is_a_word(word(p, text, last)).then_some((first, last))
}

/// Most words between a passive cue and its "by" ("was endorsed | the day before | by").
const MAX_WORDS_BEFORE_BY: usize = 6;

/// "was endorsed the day before | by", "was recommended to Holt | by": the "by" of a passive cue
/// (a form of "be" and a participle) a few words on, past a time or a phrase with no verb, comma
/// or clause of its own.
fn far_by(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> Option<usize> {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let participle = super::pos::class_name(p.class[ce] as usize) == "VBN";
    let be = (cs..ce).any(|k| BE_FORMS.contains(&lower(k).as_str()));
    if !(participle && be) {
        return None;
    }
    (ce + 1..(ce + 2 + MAX_WORDS_BEFORE_BY).min(p.len()))
        .take_while(|&k| {
            p.sentence[k] == p.sentence[cs]
                && !is_bare_punctuation(p, text, k)
                && !is_quote_mark(word(p, text, k))
                && !is_verbal_class(p.class[k])
                && !RELATIVE_PRONOUNS.contains(&lower(k).as_str())
        })
        .find(|&k| lower(k) == "by")
}

/// Means by which words reach a reporter: "said | by telephone" says how, not who.
const MEANS_OF_SPEAKING: &[&str] = &[
    "telephone",
    "phone",
    "email",
    "e-mail",
    "mail",
    "text",
    "fax",
    "letter",
    "video",
    "videolink",
    "satellite",
    "radio",
    "skype",
    "teleconference",
    "internet",
];

/// Whether the cue words before "by" make a passive: a form of "be" or "get" reached before any
/// other verb ("was booed and shouted down | by", "appears to be understated | by"), a participle
/// ("a claim rejected outright | by") or a noun with no verb of its own ("suggestions | by"). A
/// verb in the present tense makes the cue active, "by" then saying how or by how much ("says |
/// by a wide margin", "sticking | by"); so does a past tense before the noun or participle the
/// "by" hangs on ("took aim at comments | by", "said in a statement released | by"): the
/// phrase after "by" is that noun's or participle's.
fn is_passive_before(p: &Paragraph, text: &str, cs: usize, by: usize) -> bool {
    if by <= cs {
        return true;
    }
    let class = |k: usize| super::pos::class_name(p.class[k] as usize);
    let lower = |k: usize| word(p, text, k).to_lowercase();
    if matches!(class(by - 1), "VBG" | "VBZ" | "VBP") {
        return false;
    }
    for k in (cs..by).rev() {
        let w = lower(k);
        if BE_FORMS.contains(&w.as_str()) || matches!(w.as_str(), "get" | "gets" | "got" | "gotten")
        {
            return true;
        }
    }
    let auxiliary = |k: usize| matches!(lower(k).as_str(), "has" | "have" | "had");
    if (cs..by).any(|k| matches!(class(k), "VBZ" | "VBP") && !auxiliary(k)) {
        return false;
    }
    let Some(past) = (cs..by - 1).find(|&k| class(k) == "VBD") else {
        return true;
    };
    let hangs_on_a_noun = class(by - 1).starts_with("NN");
    // "said in a statement | released": a participle after a noun of the verb's own phrase
    let hangs_on_a_participle = (past + 2..by).any(|k| {
        matches!(class(k), "VBN" | "VBD") && (past + 1..k).any(|j| class(j).starts_with("NN"))
    });
    !(hangs_on_a_noun || hangs_on_a_participle)
}

/// A quotation split around its cue (and source): “First half,” she said, “second half.” The
/// first piece closes right before the frame of cue and source; the second opens right after it,
/// in the same sentence or as the next sentence, and no cue of its own follows it. Both pieces
/// as token ranges, quotation marks included.
fn split_quotation(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    cue: TokenRange,
    source: Option<TokenRange>,
) -> Option<(TokenRange, TokenRange)> {
    let beside = source.filter(|s| s.1 + 1 == cue.0 || cue.1 + 1 == s.0);
    let frame = beside.map_or(cue, |s| (s.0.min(cue.0), s.1.max(cue.1)));
    // the first piece: a closing mark, after a comma, right before the frame
    let mut k = frame.0.checked_sub(1)?;
    if word(p, text, k) == "," {
        k = k.checked_sub(1)?;
    }
    let closes = is_quote_mark(word(p, text, k)) && k > 0 && p.position[k - 1] & 2 != 0;
    if !closes || !matches!(word(p, text, k - 1), "," | "?" | "!") {
        return None;
    }
    let first_open = opening_quote(p, text, k - 1)?;
    // the second piece: the next opening mark, in the frame's sentence (past what sets the time
    // or names the source: "said Monday", "said Rep. Holt, head of …") or opening the next one
    let open = (frame.1 + 1..p.len())
        .take_while(|&j| j <= frame.1 + MAX_FRAME_TAIL && cues[j] == OUTSIDE)
        .take_while(|&j| {
            p.sentence[j] == p.sentence[frame.1]
                || (p.sentence[j] == p.sentence[frame.1] + 1 && p.sentence[j - 1] != p.sentence[j])
        })
        .find(|&j| is_quote_mark(word(p, text, j)))?;
    let opens = open + 1 < p.len() && p.position[open + 1] & 2 != 0;
    if !opens {
        return None;
    }
    let close = closing_quote(p, text, open).unwrap_or(p.len() - 1);
    // "… ,” Voss said. “…,” Holt said.": a quotation with its own cue is Holt's
    let sentence_end = (close..p.len())
        .take_while(|&j| p.sentence[j] == p.sentence[close])
        .last()
        .unwrap_or(close);
    if (close + 1..=sentence_end).any(|j| cues[j] != OUTSIDE) {
        return None;
    }
    Some(((first_open, frame.0 - 1), (open, close)))
}

/// "X blamed Y for the failure, | saying …", "X did it sideways, … but | warning …", "X began the
/// day after | questioning …": a participle after a comma, a coordinator or a preposition speaks
/// with the subject of the clause it hangs on, the source of the sentence's cue before it.
fn participle_subject(
    p: &Paragraph,
    text: &str,
    (cs, ce): TokenRange,
    earlier: &[(TokenRange, Option<TokenRange>)],
) -> Option<TokenRange> {
    let participle = cs > 0
        && word(p, text, cs).ends_with("ing")
        && !word(p, text, cs).eq_ignore_ascii_case("according")
        && (matches!(word(p, text, cs - 1), "," | "and" | "but")
            || PARTICIPLE_PREPOSITIONS.contains(&word(p, text, cs - 1).to_lowercase().as_str()));
    let hangs = participle || is_a_joined_verb(p, text, (cs, ce));
    if !hangs {
        return None;
    }
    // the main clause, past a clause or phrase that opens the sentence ("When the vote came, | he
    // voted no, saying …")
    let start = (0..cs)
        .find(|&k| p.sentence[k] == p.sentence[cs])
        .unwrap_or(cs);
    let opener = word(p, text, start).to_lowercase();
    let set_up =
        SUBORDINATORS.contains(&opener.as_str()) || PREPOSITIONS.contains(&opener.as_str());
    let main_clause = if set_up {
        (start..cs)
            .find(|&k| word(p, text, k) == ",")
            .map(|k| k + 1)
    } else {
        Some(start)
    };
    // "the candidate who launched his campaign by | declaring …": after a preposition, the
    // participle hangs on the nearest verb, and a relative pronoun before that verb is its subject
    if participle && word(p, text, cs - 1) != "," {
        let verb = (0..cs)
            .rev()
            .take_while(|&k| p.sentence[k] == p.sentence[cs] && word(p, text, k) != ",")
            .find(|&k| super::pos::is_finite_verb(p.class[k] as usize));
        if let Some(verb) = verb.filter(|&v| v > 0) {
            let k = past_leaning_words(p, text, verb - 1);
            if is_relative_at(p, text, k) {
                return Some((k, k));
            }
        }
    }
    // the source of the sentence's cue before it
    let of_the_sentence_cue = earlier
        .iter()
        .rev()
        .find(|(cue, _)| p.sentence[cue.0] == p.sentence[cs])
        .and_then(|(_, source)| *source);
    // with no cue before it, the clause's subject: the noun phrase before the main clause's first
    // verb ("Officials | blamed the board …, saying …")
    of_the_sentence_cue.or_else(|| {
        let main_clause = main_clause?;
        let first_verb = (main_clause..cs)
            .filter(|&k| p.position[k] & 2 == 0)
            .find(|&k| is_verbal_class(p.class[k]))?;
        opening_subject(p, text, (first_verb, first_verb))
    })
}

/// "Rejecting the claim, | Holt said …": a participle that opens its sentence speaks with the
/// subject of the clause after its comma. The comma's token, if the cue is such a participle.
fn fronted_participle_comma(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> Option<usize> {
    if !is_a_fronted_participle(p, text, cs) {
        return None;
    }
    (ce + 1..(ce + 1 + MAX_SUBJECT_WORDS).min(p.len()))
        .take_while(|&k| p.sentence[k] == p.sentence[cs] && !is_quote_mark(word(p, text, k)))
        .find(|&k| word(p, text, k) == ",")
}

/// A capitalised participle that opens its sentence ("Rejecting the claim, …").
fn is_a_fronted_participle(p: &Paragraph, text: &str, k: usize) -> bool {
    p.position[k] & 1 != 0
        && capitalised_at(p, text, k)
        && word(p, text, k).ends_with("ing")
        && !word(p, text, k).eq_ignore_ascii_case("according")
}

/// The subject after a fronted participle's comma: the run the tagger marked there, else the
/// subject of the clause's verb ("Rejecting the claim, | Holt, the board's chair, | said").
fn fronted_participle_subject(
    p: &Paragraph,
    text: &str,
    source_runs: &[TokenRange],
    cue: TokenRange,
) -> Option<TokenRange> {
    let comma = fronted_participle_comma(p, text, cue)?;
    if let Some(&run) = source_runs.iter().find(|r| r.0 == comma + 1) {
        return Some(run);
    }
    let verb = (comma + 1..(comma + 1 + MAX_FRAME_TAIL).min(p.len()))
        .take_while(|&k| p.sentence[k] == p.sentence[cue.0])
        .find(|&k| is_verbal_class(p.class[k]))?;
    opening_subject(p, text, (verb, verb))
}

/// Pronouns that stand as a clause's subject.
/// Words that open a relative clause.
const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whom", "whose", "that"];

const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you", "it", "who", "which"];

/// "… , who said", "she told": a subject pronoun right before the cue is its source.
fn pronoun_subject(p: &Paragraph, text: &str, cs: usize) -> Option<TokenRange> {
    let mut k = cs.checked_sub(1)?;
    // "she has also said", "which together vowed": auxiliaries and adverbs stand between
    for _ in 0..2 {
        let w = word(p, text, k).to_lowercase();
        let leans = LEANING_WORDS.contains(&w.as_str())
            || is_an_ly_adverb(p, text, k)
            || super::pos::class_name(p.class[k] as usize) == "RB";
        if !leans || k == 0 {
            break;
        }
        k -= 1;
    }
    let w = word(p, text, k).to_lowercase();
    (p.sentence[k] == p.sentence[cs] && SUBJECT_PRONOUNS.contains(&w.as_str())).then_some((k, k))
}

/// "…, who on Tuesday criticized", "…, which owns the dam and says": the relative pronoun whose
/// clause the cue belongs to is its subject, as PolNeAR marks it (the quotes stage reads the name
/// it stands for). The pronoun may stand right before the cue (past auxiliaries and adverbs),
/// before an aside set off by commas or a short phrase of time or place, or before a first verb
/// the cue is joined to by "and". A relative "that" is left to the tagger: PolNeAR marks it the
/// source of some verbs ("reports that question his account") and its noun the source of others
/// ("polls that show"). A passive cue's source is its agent, not the pronoun.
fn relative_subject(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> Option<TokenRange> {
    let passive = (cs..=ce).any(|k| class_at(p, k) == "VBN")
        && (cs.saturating_sub(4)..ce).any(|k| {
            matches!(
                word(p, text, k).to_lowercase().as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        });
    if passive {
        return None;
    }
    let k = past_leaning_words(p, text, cs.checked_sub(1)?);
    if p.sentence[k] != p.sentence[cs] {
        return None;
    }
    let pronoun = if is_relative_at(p, text, k) {
        Some(k)
    } else if word(p, text, k) == "," {
        relative_before_an_aside(p, text, k)
    } else {
        relative_before_a_setting(p, text, k).or_else(|| relative_of_a_joined_verb(p, text, k))
    };
    pronoun.map(|r| (r, r)).or_else(|| whose_phrase(p, text, k))
}

/// Most words between "whose" and the noun it owns ("whose | new | book").
const MAX_WHOSE_WORDS: usize = 3;

/// "…, whose new book | boasts of …": "whose" and the noun it owns, ending at token k, are the
/// subject of a relative clause.
fn whose_phrase(p: &Paragraph, text: &str, k: usize) -> Option<TokenRange> {
    if !is_nominal_class(p.class[k]) {
        return None;
    }
    (k.saturating_sub(MAX_WHOSE_WORDS + 1)..k)
        .rev()
        .take_while(|&j| {
            p.sentence[j] == p.sentence[k]
                && !is_bare_punctuation(p, text, j)
                && !is_verbal_class(p.class[j])
        })
        .find(|&j| word(p, text, j).eq_ignore_ascii_case("whose"))
        .map(|j| (j, k))
}

fn class_at(p: &Paragraph, k: usize) -> &'static str {
    super::pos::class_name(p.class[k] as usize)
}

fn is_relative_at(p: &Paragraph, text: &str, k: usize) -> bool {
    matches!(word(p, text, k).to_lowercase().as_str(), "who" | "which")
}

/// Token k, or the first token before it past auxiliaries and adverbs in its sentence.
fn past_leaning_words(p: &Paragraph, text: &str, mut k: usize) -> usize {
    while k > 0
        && (is_leaning(p, text, k) || class_at(p, k) == "RB")
        && p.sentence[k - 1] == p.sentence[k]
    {
        k -= 1;
    }
    k
}

/// No clause between tokens a and b: no verb that carries tense, no quotation mark.
fn holds_no_clause(p: &Paragraph, text: &str, a: usize, b: usize) -> bool {
    (a..=b).all(|j| {
        !super::pos::is_finite_verb(p.class[j] as usize) && !is_quote_mark(word(p, text, j))
    })
}

/// "who, | on a press call Friday, | criticized": the pronoun before an aside that closes with
/// the comma at `comma`.
fn relative_before_an_aside(p: &Paragraph, text: &str, comma: usize) -> Option<usize> {
    let open = (comma.saturating_sub(14)..comma)
        .rev()
        .find(|&j| p.sentence[j] == p.sentence[comma] && word(p, text, j) == ",")?;
    let pronoun = open
        .checked_sub(1)
        .filter(|&r| is_relative_at(p, text, r))?;
    (open + 1 < comma && holds_no_clause(p, text, open + 1, comma - 1)).then_some(pronoun)
}

/// "who | last year | threatened", "who | through his office | declined": the pronoun before a
/// short phrase of time or place that ends at token k.
fn relative_before_a_setting(p: &Paragraph, text: &str, k: usize) -> Option<usize> {
    let pronoun = (k.saturating_sub(4)..k)
        .rev()
        .find(|&j| p.sentence[j] == p.sentence[k] && is_relative_at(p, text, j))?;
    let opener = word(p, text, pronoun + 1).to_lowercase();
    let sets_the_scene = PREPOSITIONS.contains(&opener.as_str())
        || TIME_OPENERS.contains(&opener.as_str())
        || is_time_word(&opener);
    let no_verb = (pronoun + 1..=k).all(|j| !is_verbal_class(p.class[j]));
    (sets_the_scene && no_verb && holds_no_clause(p, text, pronoun + 1, k)).then_some(pronoun)
}

/// "The drug, which | officials | said was safe", "Holt, whom | one insider | described as …": a
/// noun phrase between a relative pronoun and the cue is the cue's subject, not the phrase the
/// clause describes.
fn subject_after_a_relative(p: &Paragraph, text: &str, cs: usize) -> Option<TokenRange> {
    let last = cs
        .checked_sub(1)
        .filter(|&k| p.sentence[k] == p.sentence[cs])?;
    let first = noun_phrase_start(p, text, last)?;
    let pronoun = first.checked_sub(1)?;
    let relative = matches!(
        word(p, text, pronoun).to_lowercase().as_str(),
        "who" | "whom" | "which"
    );
    // "who | last year | warned": a time is no subject
    let headed = is_nominal_class(p.class[last]) && !names_only_a_time(p, text, (first, last));
    (relative && headed).then_some((first, last))
}

/// "… two days after | the Courier |, which first backed Holt, said", "It was then that | Lind |,
/// who is thinking of running, said": the noun phrase before a relative clause set off by commas
/// right before the cue is its subject, wherever the sentence began.
fn head_of_a_relative_aside(p: &Paragraph, text: &str, cs: usize) -> Option<TokenRange> {
    let closing = cs.checked_sub(1).filter(|&k| word(p, text, k) == ",")?;
    let sentence = p.sentence[cs];
    let opening = (0..closing)
        .rev()
        .take_while(|&k| p.sentence[k] == sentence && !is_quote_mark(word(p, text, k)))
        .take(MAX_RELATIVE_CLAUSE)
        .find(|&k| sets_off(word(p, text, k)))?;
    let relative = word(p, text, opening + 1).to_lowercase();
    if !matches!(relative.as_str(), "who" | "which" | "whose") {
        return None;
    }
    let last = opening
        .checked_sub(1)
        .filter(|&k| p.sentence[k] == sentence && is_nominal_class(p.class[k]))?;
    let first = noun_phrase_start(p, text, last)?;
    (!names_only_a_time(p, text, (first, last))).then_some((first, last))
}

/// The first token of the noun phrase that ends at token `last` (nouns, adjectives, numbers,
/// possessives and determiners, within its sentence), if `last` is in one.
fn noun_phrase_start(p: &Paragraph, text: &str, last: usize) -> Option<usize> {
    // "that | Lind": a "that" opening a clause is no determiner
    let in_a_noun_phrase = |k: usize| {
        is_nominal_class(p.class[k])
            || matches!(class_at(p, k), "JJ" | "CD" | "PRP$" | "POS")
            || (class_at(p, k) == "DT" && !word(p, text, k).eq_ignore_ascii_case("that"))
    };
    (last.saturating_sub(MAX_SUBJECT_WORDS)..=last)
        .rev()
        .take_while(|&k| p.sentence[k] == p.sentence[last] && in_a_noun_phrase(k))
        .last()
}

/// Most tokens a relative clause set off before its cue may hold.
const MAX_RELATIVE_CLAUSE: usize = 30;

/// "Holt, who says | the council | should pay, | insisted": a run inside a relative clause that
/// closes with a comma right before the cue belongs to the clause; the phrase the clause
/// describes is who spoke.
fn head_before_a_relative_clause(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    (first, last): TokenRange,
    (cs, _): TokenRange,
) -> Option<TokenRange> {
    if cs < 4 || last >= cs || word(p, text, cs - 1) != "," {
        return None;
    }
    let sentence = p.sentence[cs];
    let pronoun = (cs.saturating_sub(MAX_RELATIVE_CLAUSE)..first)
        .rev()
        .take_while(|&j| p.sentence[j] == sentence && !is_quote_mark(word(p, text, j)))
        .find(|&j| {
            j >= 2
                && word(p, text, j - 1) == ","
                && matches!(
                    word(p, text, j).to_lowercase().as_str(),
                    "who" | "which" | "whose"
                )
        })?;
    let head = pronoun - 2;
    (p.sentence[head] == sentence && is_nominal_class(p.class[head])).then(|| {
        let (first, last) = noun_phrase(p, text, cues, whole_name(p, text, (head, head)));
        (first, last.min(head))
    })
}

/// Personal pronouns that are a clause's own subject.
const PERSONAL_SUBJECTS: &[&str] = &["he", "she", "they", "i", "we", "you", "it"];

/// "which owns the dam | and | says": the pronoun of the relative clause whose first verb the
/// cue is joined to by the coordinator at token k. Not across a comma, a dash or a colon, nor
/// past a subject of its own ("… Holt claimed victory and argued").
fn relative_of_a_joined_verb(p: &Paragraph, text: &str, k: usize) -> Option<usize> {
    if !matches!(
        word(p, text, k).to_lowercase().as_str(),
        "and" | "or" | "but"
    ) {
        return None;
    }
    for j in (k.saturating_sub(25)..k).rev() {
        let w = word(p, text, j).to_lowercase();
        let own_subject =
            is_nominal_class(p.class[j]) && super::pos::is_finite_verb(p.class[j + 1] as usize);
        let a_break = matches!(
            w.as_str(),
            ";" | ":" | "," | "--" | "\u{2014}" | "\u{2013}" | "\u{2015}"
        );
        if p.sentence[j] != p.sentence[k]
            || is_quote_mark(&w)
            || a_break
            || PERSONAL_SUBJECTS.contains(&w.as_str())
            || own_subject
        {
            return None;
        }
        if is_relative_at(p, text, j) && j + 1 < k {
            let mut verb = j + 1;
            while verb < k && (is_leaning(p, text, verb) || class_at(p, verb) == "RB") {
                verb += 1;
            }
            return is_verbal_class(p.class[verb]).then_some(j);
        }
    }
    None
}

/// A cue the source tagger gave no source: a name right before it ("Voss | has | insisted"),
/// past its auxiliaries, or an inverted one right after it that ends the clause ("…," said |
/// Voss.).
fn name_beside(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> Option<TokenRange> {
    let is_name_word = |k: usize| capitalised_at(p, text, k) && p.sentence[k] == p.sentence[cs];
    let mut last = cs.checked_sub(1)?;
    while last > 0 && is_leaning(p, text, last) {
        last -= 1;
    }
    if is_name_word(last) {
        let mut first = last;
        while first > 0 && is_name_word(first - 1) {
            first -= 1;
        }
        // a sentence's first word alone is as likely an opener as a name
        let only_the_opener = first == last && p.position[first] & 1 != 0;
        let opener = CLAUSE_OPENERS.contains(&word(p, text, first).to_lowercase().as_str());
        // "Holt on | Tuesday | said": a day or a month is when, not who
        let a_time = names_only_a_time(p, text, (first, last));
        if !only_the_opener && !opener && !a_time {
            let (first, last) = whole_name(p, text, (first, last));
            return Some((with_role_words_before(p, text, first), last));
        }
    }
    let first = ce + 1;
    // "…, reported | news agency Relay | on Wednesday.": after what was said, role words may come
    // before the name, and a phrase of setting after it
    let after_what_was_said = follows_what_was_said(p, text, cs);
    // "said | the Rev. | Ann Holt", "said | 9/11 widow | Mara Lind": an article, a role and a date
    // that names one may come first
    let a_role_word = |k: usize| {
        let w = word(p, text, k);
        let lower_word = w.chars().all(char::is_lowercase);
        match super::pos::class_name(p.class[k] as usize) {
            "NN" | "NNS" | "JJ" => lower_word,
            "DT" => matches!(w, "the" | "a" | "an"),
            "CD" => w.contains('/') || w.chars().all(|c| c.is_ascii_digit()),
            _ => false,
        }
    };
    let mut name_start = first;
    while after_what_was_said
        && name_start < (first + MAX_ROLE_WORDS).min(p.len())
        && p.sentence[name_start] == p.sentence[cs]
        && a_role_word(name_start)
    {
        name_start += 1;
    }
    if name_start < p.len() && is_name_word(name_start) && p.sentence[name_start] == p.sentence[ce]
    {
        // "NBC’s Dante Chinni": a possessive joins two names
        let possessive = |k: usize| matches!(word(p, text, k), "’s" | "'s");
        let mut last = name_start;
        while last + 1 < p.len()
            && (is_name_word(last + 1)
                || (possessive(last + 1) && last + 2 < p.len() && is_name_word(last + 2)))
        {
            last += 1;
        }
        let setting_after = after_what_was_said
            && last + 1 < p.len()
            && SETTING_OPENERS.contains(&word(p, text, last + 1).to_lowercase().as_str());
        if ends_a_clause(p, text, last) || setting_after {
            return Some((first, last));
        }
    }
    // "“…,” said | the ruling.": after what was said, a plain noun phrase that ends the clause
    let a_verb_of_saying = cs == ce && is_inverted_saying(word(p, text, cs));
    // ", say | officials.", ", said | health experts.": with no article too, when its last word
    // names people rather than an amount ("…, said | nothing.")
    let opens_a_phrase = first < p.len()
        && (is_an_article(word(p, text, first))
            || matches!(
                super::pos::class_name(p.class[first] as usize),
                "NN" | "NNS" | "JJ"
            ));
    let plain_phrase = after_what_was_said
        && a_verb_of_saying
        && first < name_start
        && opens_a_phrase
        && ends_a_clause(p, text, name_start - 1)
        && is_nominal_class(p.class[name_start - 1])
        && !(first..name_start).any(|k| names_an_amount(p, text, k));
    plain_phrase.then_some((first, name_start - 1))
}

/// "…, said | the company's chief executive, John Ferriola.", "“…?” asked | the boy, who wore a
/// cap.": after what was said, the source of an inverted verb of saying runs to the end of its
/// sentence, appositions and all, as PolNeAR marks it. A setting ("in a statement", "on
/// Tuesday") or a participle after a comma (", adding …") ends it; a verb before any comma makes
/// it a clause ("…, said | he would"), no source.
fn inverted_phrase(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> Option<TokenRange> {
    let first = ce + 1;
    if cs != ce
        || !is_inverted_saying(word(p, text, cs))
        || !follows_what_was_said(p, text, cs)
        || first >= p.len()
    {
        return None;
    }
    let same_sentence = |k: usize| k < p.len() && p.sentence[k] == p.sentence[cs];
    let opens_a_phrase = is_an_article(word(p, text, first))
        || matches!(
            super::pos::class_name(p.class[first] as usize),
            "NN" | "NNS" | "JJ" | "CD" | "NNP" | "NNPS"
        );
    if !same_sentence(first) || !opens_a_phrase {
        return None;
    }
    let mut last = first;
    let mut past_a_comma = false;
    while same_sentence(last + 1) {
        let next = word(p, text, last + 1);
        let lower = next.to_lowercase();
        let after_comma = word(p, text, last) == ",";
        if is_quote_mark(next) || matches!(next, "." | "?" | "!" | ";" | ":" | "(") {
            break;
        }
        if (SETTING_OPENERS.contains(&lower.as_str()) || names_a_time(p, text, last + 1))
            && !after_comma
        {
            break;
        }
        if after_comma && lower.ends_with("ing") {
            break;
        }
        if !past_a_comma && super::pos::is_finite_verb(p.class[last + 1] as usize) {
            return None;
        }
        past_a_comma |= next == ",";
        last += 1;
    }
    while last > first && !word(p, text, last).chars().any(char::is_alphanumeric) {
        last -= 1;
    }
    // "…, at first, said | nothing": an amount is no one
    (!(first..=last).any(|k| names_an_amount(p, text, k))).then_some((first, last))
}

/// A cue right after a comma or a quotation mark: what was said came before it.
fn follows_what_was_said(p: &Paragraph, text: &str, cs: usize) -> bool {
    cs > 0 && (word(p, text, cs - 1) == "," || is_quote_mark(word(p, text, cs - 1)))
}

/// "say" or a verb of saying that may stand before its subject ("said", "added", "asked").
fn is_inverted_saying(verb: &str) -> bool {
    verb == "say"
        || INVERTED_SAYING.iter().any(|v| v.eq_ignore_ascii_case(verb))
        || INVERTED_AFTER_WHAT_WAS_SAID.contains(&verb.to_lowercase().as_str())
}

/// Verbs of saying that stand before their subject after what was said ("“…,” comments
/// Holt."), though seldom at the head of a sentence as "Said Holt:" does.
const INVERTED_AFTER_WHAT_WAS_SAID: &[&str] = &[
    "comments",
    "commented",
    "notes",
    "noted",
    "explains",
    "explained",
    "recalls",
    "recalled",
    "continues",
    "continued",
    "asks",
    "asked",
    "responds",
    "responded",
    "observes",
    "observed",
    "insists",
    "insisted",
    "admits",
    "admitted",
    "warns",
    "warned",
    "quips",
    "quipped",
    "jokes",
    "joked",
    "declares",
    "declared",
    "remarks",
    "remarked",
    "argues",
    "argued",
    "counters",
    "countered",
    "concedes",
    "conceded",
    "recounts",
    "recounted",
];

/// "the", "a" or "an", in any case ("…, said The Company's chair").
fn is_an_article(w: &str) -> bool {
    ["the", "a", "an"].iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// "nothing", "little": a word that says how much, not who.
fn names_an_amount(p: &Paragraph, text: &str, k: usize) -> bool {
    AMOUNT_PRONOUNS.contains(&word(p, text, k).to_lowercase().as_str())
}

/// Words that say how much, not who: "…, he said | nothing".
const AMOUNT_PRONOUNS: &[&str] = &[
    "nothing",
    "something",
    "anything",
    "everything",
    "little",
    "much",
    "more",
    "less",
    "so",
];

/// Most role words between an inverted cue and the name after it ("reported | news agency |
/// Relay").
const MAX_ROLE_WORDS: usize = 3;

/// "Residents interviewed | by the Courier": a run that opens with "by" after a participle is
/// the agent of the people before it, who are the source. Returns the source's first token.
fn with_people_before_by(p: &Paragraph, text: &str, first: usize) -> usize {
    let opens_with_by = word(p, text, first).eq_ignore_ascii_case("by");
    let after_a_participle = first >= 2 && {
        let w = word(p, text, first - 1);
        w.ends_with("ed") && w.chars().all(|c| c.is_lowercase())
    };
    let people = first.saturating_sub(2);
    let plain = |k: usize| p.sentence[k] == p.sentence[first] && !is_bare_punctuation(p, text, k);
    if opens_with_by && after_a_participle && plain(people) && plain(first - 1) {
        people
    } else {
        first
    }
}

/// A name's first token, widened over the role and the words naming it before the name
/// ("Republican | nominee | Donald Trump", "the | party's | candidate …").
fn with_role_words_before(p: &Paragraph, text: &str, mut first: usize) -> usize {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let sentence = p.sentence[first];
    let same_sentence = |k: usize| p.sentence[k] == sentence;
    let is_role = |k: usize| ROLE_NOUNS.contains(&lower(k).as_str());
    // "retired | neurosurgeon Ben Carson": the run may start at the role itself
    let starts_at_the_role =
        is_role(first) && first + 1 < p.len() && capitalised_at(p, text, first + 1);
    if !starts_at_the_role {
        if first == 0 || !same_sentence(first - 1) || !is_role(first - 1) {
            return first;
        }
        first -= 1;
    }
    // "veteran analyst", "U.S. Democratic presidential candidate": the words that qualify a role
    let qualifies = |k: usize| {
        let w = lower(k);
        matches!(
            super::pos::class_name(p.class[k] as usize),
            "JJ" | "VBN" | "NN"
        ) && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_IN_A_NOUN_PHRASE.contains(&w.as_str())
            && !PREPOSITIONS.contains(&w.as_str())
    };
    // a sentence's first word is capitalised for being first: "As | Professor Holt put it"
    let a_name_word = |k: usize| {
        let first_in_sentence = p.position[k] & 1 != 0;
        capitalised_at(p, text, k)
            && (!first_in_sentence
                || ![
                    CLAUSE_OPENERS,
                    PREPOSITIONS,
                    DETERMINERS,
                    SUBJECT_PRONOUNS,
                    TIME_OPENERS,
                ]
                .iter()
                .any(|list| list.contains(&lower(k).as_str())))
    };
    while first > 0
        && same_sentence(first - 1)
        && p.position[first] & 1 == 0
        && (a_name_word(first - 1) || is_role(first - 1) || qualifies(first - 1))
    {
        first -= 1;
    }
    // "Tarnby's | veteran analyst Mara Lind": a possessive takes its owner along
    if first > 1 && same_sentence(first - 1) && matches!(word(p, text, first - 1), "’s" | "'s") {
        return with_words_before(p, text, first - 1);
    }
    if first > 0 && same_sentence(first - 1) && is_an_article(word(p, text, first - 1)) {
        first -= 1;
    }
    first
}

/// The phrase after an "according to" cue, up to the punctuation or the sentence end that
/// closes it.
fn named_after_according_to(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> Option<TokenRange> {
    if !is_according_to(p, text, (cs, ce)) {
        return None;
    }
    let last = (ce + 1..p.len())
        .take_while(|&k| {
            p.sentence[k] == p.sentence[ce] && word(p, text, k).chars().any(char::is_alphanumeric)
        })
        .last()?;
    Some((ce + 1, last))
}

/// The cue tags without the runs news English says are none, before the other taggers see
/// them:
/// - a capitalised word inside a sentence that is not in title case is a name ("Agence
///   France-Presse reported"), not a verb of saying;
/// - a figure or a time is no verb;
/// - a cue in a comparison ("not as strong as many believe", "higher than analysts expected")
///   measures against a belief and introduces nothing.
fn without_false_cues(p: &Paragraph, text: &str, mut cues: Vec<usize>) -> Vec<usize> {
    for (first, last) in runs(&cues) {
        // a cue needs a word that can say something: not only a figure, a time or "on"
        let says_something = |k: usize| {
            let w = word(p, text, k);
            let lower = w.to_lowercase();
            is_a_word(w)
                && !PREPOSITIONS.contains(&lower.as_str())
                && !DETERMINERS.contains(&lower.as_str())
        };
        // the tagger may start "according | to" at its preposition
        let after_according = first > 0 && is_according_to(p, text, (first - 1, first));
        let false_cue = (first..=last).all(|k| is_a_name_inside_a_sentence(p, text, k))
            || !((first..=last).any(says_something) || after_according)
            || in_a_comparison(p, text, first)
            || in_a_discourse_phrase(p, text, (first, last))
            || adds_an_amount(p, text, last)
            || names_a_thing(p, text, (first, last));
        if false_cue {
            cues[first..=last].fill(OUTSIDE);
            continue;
        }
        // "a member of the | family suggested |": nouns the tagger ran into a verb with tense
        // (or a participle) are that verb's subject, not its cue
        let verb = (first + 1..=last)
            .find(|&k| super::pos::is_finite_verb(p.class[k] as usize) || class_at(p, k) == "VBN");
        if let Some(verb) = verb {
            let nouns = |k: usize| matches!(class_at(p, k), "NN" | "NNS" | "NNP");
            if (first..verb).all(nouns) {
                cues[first..verb].fill(OUTSIDE);
                cues[verb] = BEGIN;
            }
        }
    }
    cues
}

/// "Spot gold added 0.1% to $1,472", "the index adds 12 points": "add" before a figure is a
/// change in amount, not a remark.
fn adds_an_amount(p: &Paragraph, text: &str, last: usize) -> bool {
    let verb = word(p, text, last).to_lowercase();
    let lower = |k: usize| (k < p.len()).then(|| word(p, text, k).to_lowercase());
    // "added a goal and an assist", "adds another layer": a thing added, unless it is words
    // ("added a caveat", "adds a note that") or the frame is inverted ("“…,” added a Lorn
    // voter": the phrase is who spoke)
    let inverted = last > 0 && !word(p, text, last - 1).chars().any(char::is_alphanumeric);
    let a_thing = !inverted
        && lower(last + 1).is_some_and(|w| COUNTING_DETERMINERS.contains(&w.as_str()))
        && !(last + 2..last + 4)
            .filter_map(lower)
            .any(|w| SPEECH_NOUNS.contains(&w.as_str()));
    matches!(verb.as_str(), "add" | "adds" | "added" | "adding")
        && last + 1 < p.len()
        && (a_thing
            || word(p, text, last + 1).starts_with(|c: char| {
                c.is_ascii_digit() || matches!(c, '$' | '\u{a3}' | '\u{20ac}')
            }))
}

/// Words that open a counted object: "added | a goal", "adds | two more seats".
const COUNTING_DETERMINERS: &[&str] = &[
    "a", "an", "another", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Nouns of words: what is added by saying it ("added a caveat", "added a note of caution").
const SPEECH_NOUNS: &[&str] = &[
    "caveat",
    "note",
    "warning",
    "word",
    "words",
    "comment",
    "comments",
    "statement",
    "remark",
    "remarks",
    "line",
    "quote",
    "plea",
    "thought",
    "thoughts",
    "footnote",
    "disclaimer",
    "question",
    "questions",
    "request",
    "message",
    "reminder",
    "dig",
    "jab",
    "twist",
    "plug",
    "reason",
    "explanation",
    "detail",
    "details",
];

/// "That said, …", "having said that", "needless to say", "to say the least", "so to speak",
/// "suffice it to say", "all told", "truth be told":
/// set phrases that link or hedge what the writer says, and report no one.
fn in_a_discourse_phrase(p: &Paragraph, text: &str, (first, last): TokenRange) -> bool {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let at = |k: Option<usize>, w: &str| k.is_some_and(|k| k < p.len() && lower(k) == w);
    let before = |n: usize| first.checked_sub(n);
    let after = |n: usize| Some(last + n);
    let cue = lower(first);
    let opens_a_clause =
        |k: usize| k == 0 || p.position[k] & 1 != 0 || is_bare_punctuation(p, text, k - 1);
    match cue.as_str() {
        "said" if first == last => {
            (at(before(1), "that") && opens_a_clause(first - 1) && at(after(1), ","))
                || (at(before(1), "having") && at(after(1), "that"))
        }
        // "All told, …", "truth be told"
        "told" if first == last => {
            (at(before(1), "all") && at(after(1), ","))
                || (at(before(2), "truth") && at(before(1), "be"))
        }
        "say" | "speak" if first == last => {
            (at(before(2), "needless") && at(before(1), "to"))
                || (at(before(1), "to") && at(after(1), "the") && at(after(2), "least"))
                || (at(before(2), "so") && at(before(1), "to"))
                || (at(before(3), "suffice") && at(before(2), "it") && at(before(1), "to"))
        }
        _ => false,
    }
}

/// Verbs that report speech whenever they are verbs.
const VERBS_OF_SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "insisted",
    "insists",
    "stated",
    "noted",
    "wrote",
    "argued",
    "argues",
    "asserted",
    "alleged",
    "declared",
    "acknowledged",
    "explained",
    "stressed",
    "denied",
    "announced",
    "claimed",
    "maintained",
    "reiterated",
    "replied",
    "recalled",
    "conceded",
    "cautioned",
];

/// Base forms of the verbs of saying, cues after a verb and "to" ("continues to say", "declined to
/// comment" is not one: commenting is not said).
const BASE_VERBS_OF_SAYING: &[&str] = &[
    "say",
    "tell",
    "warn",
    "insist",
    "state",
    "note",
    "write",
    "argue",
    "assert",
    "allege",
    "declare",
    "acknowledge",
    "explain",
    "stress",
    "deny",
    "announce",
    "claim",
    "maintain",
    "reiterate",
    "reply",
    "recall",
    "concede",
    "caution",
    "add",
];

/// A lower-case word that reads as a plural noun before a bare verb ("reports", "officials").
fn is_plural_noun(p: &Paragraph, text: &str, k: usize) -> bool {
    let w = word(p, text, k);
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !is_leaning(p, text, k)
}

fn is_bare_verb_of_saying(p: &Paragraph, text: &str, k: usize) -> bool {
    let w = word(p, text, k).to_lowercase();
    BASE_VERBS_OF_SAYING.contains(&w.as_str()) || SUGGESTING.contains(&w.as_str())
}

/// "However, local reports | suggest", "officials | say": a plural noun right before a bare verb
/// of saying is its subject, with the adjective or determiner before it.
fn plural_noun_subject(p: &Paragraph, text: &str, (cs, _): TokenRange) -> Option<TokenRange> {
    let last = cs.checked_sub(1)?;
    if p.sentence[last] != p.sentence[cs]
        || !is_plural_noun(p, text, last)
        || !is_bare_verb_of_saying(p, text, cs)
    {
        return None;
    }
    let modifier = |k: usize| {
        p.sentence[k] == p.sentence[cs]
            && matches!(
                super::pos::class_name(p.class[k] as usize),
                "JJ" | "DT" | "PRP$"
            )
            && word(p, text, k).chars().all(char::is_alphabetic)
    };
    let first = if last > 0 && modifier(last - 1) {
        last - 1
    } else {
        last
    };
    Some(trimmed_phrase(p, text, (first, last)))
}

/// Bare verbs with which evidence speaks ("reports suggest", "polls show").
const SUGGESTING: &[&str] = &["suggest", "show", "indicate"];

/// Participles of the verbs of saying, cues before "that" or a quotation ("an email | saying |
/// that …", "footage of Holt | saying | “…”").
const PARTICIPLES_OF_SAYING: &[&str] = &[
    "saying",
    "telling",
    "warning",
    "insisting",
    "claiming",
    "arguing",
    "adding",
    "noting",
    "stating",
    "declaring",
    "acknowledging",
    "explaining",
    "stressing",
    "denying",
    "announcing",
    "asserting",
    "alleging",
];

/// A verb of saying the tagger left out, outside a quotation, neither a noun after an article or
/// a possessive ("his claims") nor a passive ("was declared"), is a cue all the same; so is a
/// verb's "to" and the base form of one ("The Committee | continues to say | that …").
fn with_verbs_of_saying(p: &Paragraph, text: &str, mut cues: Vec<usize>) -> Vec<usize> {
    for k in 0..p.len() {
        let w = word(p, text, k);
        let saying = VERBS_OF_SAYING.contains(&w.to_lowercase().as_str())
            && w.chars().next().is_some_and(char::is_lowercase)
            && !in_a_discourse_phrase(p, text, (k, k))
            && !adds_an_amount(p, text, k);
        let quoted = p.position[k] & 2 != 0;
        // "his claims" is a noun; "should be declared a safe zone" is no one's speech
        let noun_or_passive = k > 0
            && matches!(
                word(p, text, k - 1).to_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "my"
                    | "your"
                    | "be"
                    | "been"
                    | "being"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
            );
        if saying && !quoted && !noun_or_passive && cues[k] == OUTSIDE {
            let continues = k > 0 && cues[k - 1] != OUTSIDE;
            cues[k] = if continues { INSIDE } else { BEGIN };
        }
        let opens_what_is_said = k + 1 < p.len() && {
            let next = word(p, text, k + 1);
            next.eq_ignore_ascii_case("that") || is_quote_mark(next) || next == ":"
        };
        let participle = PARTICIPLES_OF_SAYING.contains(&w) && opens_what_is_said;
        if participle && !quoted && !noun_or_passive && cues[k] == OUTSIDE {
            let continues = k > 0 && cues[k - 1] != OUTSIDE;
            cues[k] = if continues { INSIDE } else { BEGIN };
        }
        let after_a_verb_and_to = k >= 2
            && word(p, text, k - 1).eq_ignore_ascii_case("to")
            && is_verbal_class(p.class[k - 2]);
        let base = BASE_VERBS_OF_SAYING.contains(&w) && after_a_verb_and_to && !quoted;
        if base && cues[k - 2..=k].iter().all(|&t| t == OUTSIDE) {
            let continues = k > 2 && cues[k - 3] != OUTSIDE;
            cues[k - 2] = if continues { INSIDE } else { BEGIN };
            cues[k - 1] = INSIDE;
            cues[k] = INSIDE;
        }
    }
    cues
}

/// Whether tokens cs..=ce are "according to".
/// The cues without tokens of a cue or a source the punctuation already marks ("VOSS: …", "“…”
/// — Voss", "Said Holt: …").
fn without_signed(p: &Paragraph, mut cues: Vec<usize>, signed: &[Attribution]) -> Vec<usize> {
    let overlaps = |(s, e): (usize, usize), (a, b): (usize, usize)| s < b && a < e;
    for (k, &span) in p.spans.iter().enumerate() {
        if signed
            .iter()
            .any(|a| overlaps(span, a.cue) || a.source.is_some_and(|x| overlaps(span, x)))
        {
            cues[k] = OUTSIDE;
            if cues.get(k + 1) == Some(&INSIDE) {
                cues[k + 1] = BEGIN;
            }
        }
    }
    cues
}

fn is_according_to(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> bool {
    ce == cs + 1
        && word(p, text, cs).eq_ignore_ascii_case("according")
        && word(p, text, ce).eq_ignore_ascii_case("to")
}

/// "According to X" always attributes: the tagger, shy of a paragraph's first word, sometimes
/// leaves it out.
fn with_according_to(p: &Paragraph, text: &str, mut cues: Vec<usize>) -> Vec<usize> {
    for k in 0..p.len().saturating_sub(1) {
        let pair = is_according_to(p, text, (k, k + 1)) && p.sentence[k] == p.sentence[k + 1];
        if pair && cues[k] == OUTSIDE && cues[k + 1] == OUTSIDE {
            cues[k] = BEGIN;
            cues[k + 1] = INSIDE;
        }
    }
    cues
}

/// Most words between "in" and the poll it cites ("in | a new Fox News | poll").
const MAX_POLL_MODIFIERS: usize = 6;

/// "in a new Lorn Herald poll": the poll a sentence's figures come from, as (first, last) of the
/// phrase after "in", when "in" is at `k`. The poll is one ("poll", "survey"), introduced by "a",
/// or by "the" with a name or a word of recency ("the Lorn Herald poll", "the latest survey"):
/// "in the polls" and "in the poll" refer back to standings, not to a source.
fn poll_cited_after(p: &Paragraph, text: &str, k: usize) -> Option<TokenRange> {
    // every token is asked: answer the common "no" without a lowercase copy
    if k + 2 >= p.len() || !word(p, text, k).eq_ignore_ascii_case("in") {
        return None;
    }
    let lower = |j: usize| word(p, text, j).to_lowercase();
    let article = lower(k + 1);
    if !matches!(article.as_str(), "a" | "an" | "the") {
        return None;
    }
    let head = (k + 2..(k + 3 + MAX_POLL_MODIFIERS).min(p.len()))
        .take_while(|&j| p.sentence[j] == p.sentence[k] && !is_verbal_class(p.class[j]))
        .take_while(|&j| p.has_letter[j] || word(p, text, j) == "/")
        .find(|&j| matches!(lower(j).as_str(), "poll" | "survey"))?;
    let named = (k + 2..head).any(|j| {
        capitalised_at(p, text, j) || matches!(lower(j).as_str(), "new" | "latest" | "recent")
    });
    (article != "the" || named).then_some((k + 1, head))
}

/// "In a new Lorn Herald poll, 40 percent …": a poll cited with "in" is where the figures come
/// from; the tagger, reading "in" as a preposition like any other, mostly leaves it.
fn with_polls_cited(p: &Paragraph, text: &str, mut cues: Vec<usize>) -> Vec<usize> {
    for k in 0..p.len() {
        let quoted = p.position[k] & 2 != 0;
        if !quoted && cues[k] == OUTSIDE && poll_cited_after(p, text, k).is_some() {
            cues[k] = BEGIN;
            if cues.get(k + 1) == Some(&INSIDE) {
                cues[k + 1] = BEGIN;
            }
        }
    }
    cues
}

/// Participles that give a thing its name ("a group called …", "a memo titled …").
const NAMING_PARTICIPLES: &[&str] = &[
    "called",
    "named",
    "dubbed",
    "titled",
    "entitled",
    "nicknamed",
];

/// Most words of the noun phrase before a naming participle ("a new anti-levee group | called").
const MAX_NAMED_PHRASE_WORDS: usize = 6;

/// "a group called Lorn First", "a memo titled “The Facts”", "the so-called levee tax": a
/// participle that names what the noun phrase before it stands for says nothing. The phrase opens
/// with "a" or "an" (a subject with "the" may well call someone something), and a name or a
/// quotation follows.
fn names_a_thing(p: &Paragraph, text: &str, (first, last): TokenRange) -> bool {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    if first != last || !NAMING_PARTICIPLES.contains(&lower(first).as_str()) || first == 0 {
        return false;
    }
    if lower(first - 1) == "so" {
        return true;
    }
    let next_names = first + 1 < p.len()
        && p.sentence[first + 1] == p.sentence[first]
        && (capitalised_at(p, text, first + 1) || is_quote_mark(word(p, text, first + 1)));
    let phrase = (first.saturating_sub(MAX_NAMED_PHRASE_WORDS)..first)
        .rev()
        .take_while(|&k| p.sentence[k] == p.sentence[first] && !is_verbal_class(p.class[k]))
        .find(|&k| matches!(lower(k).as_str(), "a" | "an"));
    next_names && is_nominal_class(p.class[first - 1]) && phrase.is_some()
}

/// A word of letters ("said", "pooh-poohed", "didn't"); a figure or a time ("$12", "9/11",
/// "a.m.") says nothing, nor a colon the tagger marked (the colons that do are found by
/// `signatures`).
fn is_a_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

fn is_a_name_inside_a_sentence(p: &Paragraph, text: &str, k: usize) -> bool {
    if !capitalised_at(p, text, k) || p.position[k] & 1 != 0 {
        return false;
    }
    // a headline capitalises its verbs too
    let sentence: Vec<usize> = (0..p.len())
        .filter(|&j| p.sentence[j] == p.sentence[k])
        .filter(|&j| word(p, text, j).chars().all(char::is_alphabetic))
        .collect();
    let capitalised = sentence
        .iter()
        .filter(|&&j| capitalised_at(p, text, j))
        .count();
    capitalised * 3 < sentence.len() * 2
}

/// Whether the cue starting at `cs` ends a comparison: "than" a few lowercase words before it,
/// or "as" after "as" and one or two words ("as strong as many believe").
fn in_a_comparison(p: &Paragraph, text: &str, cs: usize) -> bool {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let plain = |k: usize| {
        p.sentence[k] == p.sentence[cs]
            && word(p, text, k)
                .chars()
                .all(|c| c.is_lowercase() || c == '-')
    };
    (1..=4)
        .take_while(|&back| cs >= back && (back == 1 || plain(cs - back + 1)))
        .map(|back| cs - back)
        .filter(|&k| p.sentence[k] == p.sentence[cs])
        .any(|k| {
            let w = lower(k);
            w == "than" || (w == "as" && (2..=3).any(|d| k >= d && lower(k - d) == "as"))
        })
}

/// Verbs of saying that take no particle.
const PLAIN_SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "announced",
    "reported",
    "noted",
];

/// Auxiliaries and adverbs that lean on the verb after them: a cue never ends in one.
const LEANING_WORDS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may",
    "might", "should", "must", "did", "does", "do", "also", "not", "never", "then", "now", "been",
    "be", "first", "once", "still", "even",
];

/// An auxiliary, negation or adverb that leans on the verb after it.
fn is_leaning(p: &Paragraph, text: &str, k: usize) -> bool {
    let w = word(p, text, k).to_lowercase();
    LEANING_WORDS.contains(&w.as_str()) || is_an_ly_adverb(p, text, k) || w.ends_with("n't")
}

/// An adverb by its "-ly" ending ("repeatedly", "Earlier"), unless the word-class tagger read
/// the word as a noun ("family", "rally", "Italy", "July").
fn is_an_ly_adverb(p: &Paragraph, text: &str, k: usize) -> bool {
    let w = word(p, text, k);
    w.len() > 4
        && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ly")
        && w.chars().all(char::is_alphabetic)
        && !matches!(class_at(p, k), "NN" | "NNS" | "NNP")
}

/// A cue run that stops at an auxiliary or adverb ("has | pooh-poohed", "also | mentions",
/// "frequently | mocked") runs on to the verb they lean on.
fn whole_verb(p: &Paragraph, text: &str, (first, mut last): TokenRange) -> TokenRange {
    let leans = |k: usize| is_leaning(p, text, k);
    let lowercase_word = |k: usize| {
        let w = word(p, text, k);
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    // "said | on | Tuesday": a plain verb of saying takes no preposition; what follows it sets
    // the time or place
    while last > first
        && SETTING_OPENERS.contains(&word(p, text, last).to_lowercase().as_str())
        && PLAIN_SAYING.contains(&word(p, text, last - 1).to_lowercase().as_str())
    {
        last -= 1;
    }
    // "told | the | Observer": an article belongs to the addressee after the cue
    while last > first && is_an_article(word(p, text, last)) {
        last -= 1;
    }
    // "say | years of warnings about", "say | they're prepared", "said | overwhelming demand":
    // "say" takes no object, so a noun phrase or a gerund after it opens what was said; "reported | news agency X": after "reported"
    // it names the source
    if let Some(k) = (first..last).find(|&k| {
        // "say they | are", "say they're": a pronoun that opens a clause
        let next = word(p, text, k + 1).to_lowercase().replace('\u{2019}', "'");
        let pronoun_subject = SUBJECT_PRONOUNS
            .iter()
            .any(|pronoun| next.starts_with(&format!("{pronoun}'")))
            || (SUBJECT_PRONOUNS.contains(&next.as_str())
                && k + 2 < p.len()
                && word(p, text, k + 2).chars().any(char::is_alphanumeric));
        matches!(
            word(p, text, k).to_lowercase().as_str(),
            "say" | "says" | "said" | "reported"
        ) && (pronoun_subject
            || matches!(
                super::pos::class_name(p.class[k + 1] as usize),
                "NN" | "NNS" | "JJ" | "CD" | "DT" | "PRP$" | "VBG"
            ))
    }) {
        last = k;
    }
    // "Said | Holt: …", "“…,” comments | Holt": an inverted verb of saying that opens its
    // sentence or follows what was said, and the name after it is its source
    if first < last
        && ((p.position[first] & 1 != 0
            && crate::lexicon::INVERTED_SAYING.contains(&word(p, text, first)))
            || (follows_what_was_said(p, text, first) && is_inverted_saying(word(p, text, first))))
        && capitalised_at(p, text, first + 1)
    {
        last = first;
    }
    // "reports | suggest", "officials | say": a plural noun the tagger ran into the bare verb
    // after it is the verb's subject, not part of the cue
    let mut first = first;
    if first < last && is_plural_noun(p, text, first) && is_bare_verb_of_saying(p, text, first + 1)
    {
        first += 1;
    }
    // "According | to": the tagger sometimes starts the cue at its preposition
    if first > 0 && is_according_to(p, text, (first - 1, first)) {
        first -= 1;
    }
    let mut steps = 0;
    while steps < 3
        && last + 1 < p.len()
        && p.sentence[last + 1] == p.sentence[last]
        && leans(last)
        && lowercase_word(last + 1)
    {
        last += 1;
        steps += 1;
    }
    last = with_a_noun_of_content(p, text, last);
    // "repeatedly | says", "could not | resist": the auxiliaries and adverbs a verb leans on
    // belong to its cue
    let mut steps = 0;
    while steps < 3
        && first > 0
        && p.sentence[first - 1] == p.sentence[first]
        && leans(first - 1)
        && lowercase_word(first - 1)
        && lowercase_word(first)
    {
        first -= 1;
        steps += 1;
    }
    (first, last)
}

/// "did not repeat | his claim that …", "denied | claims that …": a noun whose that-clause
/// says what it holds, right after the cue's verb (with its determiner), belongs to the cue;
/// the clause is what was said. Returns the cue's new last token.
fn with_a_noun_of_content(p: &Paragraph, text: &str, last: usize) -> usize {
    if !is_verbal_class(p.class[last]) {
        return last;
    }
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let same_sentence = |k: usize| k < p.len() && p.sentence[k] == p.sentence[last];
    let determiner =
        same_sentence(last + 1) && NOUN_DETERMINERS.contains(&lower(last + 1).as_str());
    let noun = last + 1 + usize::from(determiner);
    let holds_a_clause = same_sentence(noun + 1)
        && (CONTENT_NOUNS.contains(&lower(noun).as_str())
            || crate::lexicon::CLAIM_NOUNS.contains(&lower(noun).as_str()))
        && lower(noun + 1) == "that";
    if holds_a_clause {
        noun
    } else {
        last
    }
}

/// Determiners before a noun of content ("his claim", "the assurance").
const NOUN_DETERMINERS: &[&str] = &[
    "his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "this", "that",
];

/// Nouns whose that-clause says what they hold, besides the claims (`lexicon::CLAIM_NOUNS`): what
/// someone argued, warned or promised.
const CONTENT_NOUNS: &[&str] = &[
    "argument",
    "warning",
    "warnings",
    "assurance",
    "assurances",
    "promise",
    "pledge",
    "insistence",
    "contention",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "suggestion",
    "announcement",
    "admission",
    "denial",
];

/// Verbs a name never ends in: a run ending in one is the subject of a clause.
const CLAUSE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might",
];

/// A source run the tagger ran on into its verb ("Officials have | said"): the verb is not part
/// of it. After a cue such a run is no source at all but what was said ("said | 31 people were
/// | still missing").
fn without_clause_verb(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    (first, mut last): (usize, usize),
) -> Option<(usize, usize)> {
    let mut cut = false;
    // "the Taliban are | all | set to announce": a quantifier floated after the verb goes with it
    let floated = |k: usize| {
        k > first
            && matches!(word(p, text, k), "all" | "both" | "each")
            && CLAUSE_VERBS.contains(&word(p, text, k - 1))
    };
    while last > first && (CLAUSE_VERBS.contains(&word(p, text, last)) || floated(last)) {
        last -= 1;
        cut = true;
    }
    let after_a_cue = first > 0 && cues[first - 1] != OUTSIDE;
    (!(cut && after_a_cue)).then_some((first, last))
}

/// Verbs whose object is the one told, before what they were told ("told the Observer that").
const TELLING_VERBS: &[&str] = &[
    "told",
    "tell",
    "tells",
    "telling",
    "assured",
    "assure",
    "assures",
    "informed",
    "inform",
    "informs",
    "reminded",
    "remind",
    "reminds",
    "warned",
    "warn",
    "warns",
    "promised",
    "briefed",
    "convinced",
    "persuaded",
];

/// Words that name whom a statement was told to ("told reporters the bridge would hold").
const ADDRESSEES: &[&str] = &[
    "reporters",
    "journalists",
    "lawmakers",
    "supporters",
    "residents",
    "listeners",
    "viewers",
    "me",
    "us",
    "him",
    "her",
    "them",
    "parliament",
];

/// The token after the addressee that starts at `k` (an article and a name, or a word for
/// listeners), or `k` when none does.
fn after_addressee(p: &Paragraph, text: &str, k: usize, sentence_end: usize) -> usize {
    let mut at = k;
    if at <= sentence_end && matches!(word(p, text, at).to_lowercase().as_str(), "the" | "a") {
        at += 1;
    }
    let name_start = at;
    while at <= sentence_end && capitalised_at(p, text, at) {
        at += 1;
    }
    if at == name_start
        && at <= sentence_end
        && ADDRESSEES.contains(&word(p, text, at).to_lowercase().as_str())
    {
        at += 1;
    }
    if at == name_start || at > sentence_end {
        k
    } else {
        at
    }
}

/// Words that join one verb phrase to the next ("raised its toll and said …").
const COORDINATORS: &[&str] = &["and", "but", "or", "then"];

/// Tokens first..=last of a paragraph.
type TokenRange = (usize, usize);

/// The two places a cue's content may be, as token ranges (first, last inclusive): after the cue
/// (and a source right after it) to the end of the sentence or of the quotation opened there;
/// and before it, from the start of the sentence (or of the quotation it is in) to the source
/// right before the cue, or the cue.
fn content_sides(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    source_runs: &[(usize, usize)],
    (cs, ce): (usize, usize),
) -> (Option<TokenRange>, Option<TokenRange>) {
    let sentence = p.sentence[cs];
    let ss = (0..cs)
        .rev()
        .take_while(|&k| p.sentence[k] == sentence)
        .last()
        .unwrap_or(cs);
    let se = (ce..p.len())
        .take_while(|&k| p.sentence[k] == sentence)
        .last()
        .unwrap_or(ce);
    let is_bare_punctuation = |k: usize| is_bare_punctuation(p, text, k);
    let source_after = source_runs
        .iter()
        .find(|r| r.0 == ce + 1 && ends_a_clause(p, text, r.1));
    let mut a_start = source_after.map_or(ce + 1, |r| r.1 + 1);
    while a_start <= se && is_bare_punctuation(a_start) {
        a_start += 1;
    }
    // "told the Observer that …": the addressee of a telling verb is not what was told
    if TELLING_VERBS.contains(&word(p, text, ce).to_lowercase().as_str()) {
        let that = (a_start..(a_start + 7).min(se + 1))
            .take_while(|&k| !is_bare_punctuation(k) && !is_quote_mark(word(p, text, k)))
            .find(|&k| word(p, text, k).eq_ignore_ascii_case("that"));
        match that {
            Some(that) => a_start = that,
            None => a_start = after_addressee(p, text, a_start, se),
        }
    } else if let Some(that) = that_after_a_setting(p, text, a_start, se) {
        a_start = that;
    }
    // "told reporters in Essendrath, “and …”": a short phrase that ends in a comma before a
    // quotation only says where or how; what was said is the quotation
    let quote_after_a_comma = (a_start + 1..(a_start + 7).min(se + 1))
        .find(|&k| is_quote_mark(word(p, text, k)))
        .filter(|&k| {
            word(p, text, k - 1) == "," && !(a_start..k).any(|j| is_quote_mark(word(p, text, j)))
        });
    if let Some(k) = quote_after_a_comma {
        a_start = k;
    }
    let mut a_end = se;
    // "Rejecting the claim, | Holt said …": the participle's object ends at its comma
    if let Some(comma) = fronted_participle_comma(p, text, (cs, ce)) {
        a_end = comma - 1;
    }
    if a_start <= se && is_quote_mark(word(p, text, a_start)) {
        a_end = closing_quote(p, text, a_start).unwrap_or(se).max(se);
    } else if let Some(k) = (a_start + 1..se).find(|&k| {
        let coordinator = COORDINATORS.contains(&word(p, text, k).to_lowercase().as_str());
        // "…, saying": a participle after a comma hangs on the clause, not on the content
        let joins =
            coordinator || (word(p, text, k) == "," && word(p, text, k + 1).ends_with("ing"));
        // "has promised to publish its records | but has not": what has no subject of its own
        // lends none to a verb after it
        let subjectless = word(p, text, a_start).eq_ignore_ascii_case("to")
            && coordinator
            && super::pos::is_finite_verb(p.class[k + 1] as usize);
        (cues[k + 1] != OUTSIDE || subjectless) && p.position[k] & 2 == 0 && joins
    }) {
        // "raised its toll to 19 and | said …": what the first verb says ends where the next
        // verb of the same subject begins. After a clause with a verb of its own ("said its
        // engineers had inspected it and found …") the second verb belongs to that clause.
        let inner_clause =
            (a_start..k).any(|j| CLAUSE_VERBS.contains(&word(p, text, j).to_lowercase().as_str()));
        // "said no one had died, but warned …": a comma or "but" before the second verb sets it
        // back beside the first
        let set_back = word(p, text, k - 1) == ","
            || word(p, text, k).eq_ignore_ascii_case("but")
            || is_quote_mark(word(p, text, k - 1));
        if !inner_clause || set_back {
            a_end = k - 1;
            if a_end > a_start && word(p, text, a_end) == "," {
                a_end -= 1;
            }
        }
    }
    if let Some(verb) = verb_after_a_subject_cue(p, text, (cs, ce), ss, (a_start, a_end)) {
        a_end = verb - 1;
    }
    let after = (a_start <= a_end)
        .then_some((a_start, a_end))
        .filter(|&side| !only_a_setting(p, text, side));
    let source_before = source_runs.iter().find(|r| r.1 + 1 == cs);
    let b_end = source_before
        .map_or(cs, |r| r.0)
        .checked_sub(1)
        // "raised its toll and | said": a verb joined to the one before says nothing of it
        .filter(|&e| !COORDINATORS.contains(&word(p, text, e).to_lowercase().as_str()));
    let b_start = opening_quote(p, text, ss).unwrap_or(ss);
    let before = b_end
        .filter(|&e| cs > ss && b_start <= e)
        .map(|e| (b_start, e));
    (after, before)
}

/// "…, the ministry said | in a statement.": a phrase that opens with a preposition and holds no
/// verb says where or how something was said, never what.
fn only_a_setting(p: &Paragraph, text: &str, (first, last): TokenRange) -> bool {
    let opener = word(p, text, first).to_lowercase();
    SETTING_OPENERS.contains(&opener.as_str())
        && !(first..=last).any(|k| is_verbal_class(p.class[k]))
}

/// "Claims by the governor that the dam was sabotaged | have drawn anger": a plural noun cue
/// that opens its sentence is its subject, and what it says ends where the sentence's own verb
/// begins: a plural verb after the that-clause's own verb, with no joining word before it.
fn verb_after_a_subject_cue(
    p: &Paragraph,
    text: &str,
    (cs, ce): TokenRange,
    sentence_start: usize,
    (a_start, a_end): TokenRange,
) -> Option<usize> {
    if a_start > a_end || a_end >= p.len() {
        return None;
    }
    let class = |k: usize| super::pos::class_name(p.class[k] as usize);
    let opens_the_sentence = (sentence_start..cs).all(|k| class(k) == "DT");
    // a sentence's first word is capitalised, and so often taken for a name ("Claims")
    let plural_noun = class(cs) == "NNS"
        || (cs == sentence_start && class(cs) == "NNP" && word(p, text, cs).ends_with('s'));
    if cs != ce
        || !plural_noun
        || !opens_the_sentence
        || !word(p, text, a_start).eq_ignore_ascii_case("that")
    {
        return None;
    }
    let mut finite =
        (a_start + 1..=a_end).filter(|&k| super::pos::is_finite_verb(p.class[k] as usize));
    finite.next()?;
    let second = finite.next()?;
    let plural = class(second) == "VBP" || word(p, text, second).eq_ignore_ascii_case("were");
    let before = word(p, text, second - 1).to_lowercase();
    let joined = is_bare_punctuation(p, text, second - 1)
        || COORDINATORS.contains(&before.as_str())
        || RELATIVE_PRONOUNS.contains(&before.as_str())
        || CLAUSE_OPENERS.contains(&before.as_str())
        || is_nominal_class(p.class[second - 1]);
    (plural && !joined).then_some(second)
}

fn is_bare_punctuation(p: &Paragraph, text: &str, k: usize) -> bool {
    let w = word(p, text, k);
    w.chars().all(|c| !c.is_alphanumeric()) && !is_quote_mark(w)
}

/// Whether token k ends its clause: the sentence or the paragraph ends after it, or punctuation
/// follows.
fn ends_a_clause(p: &Paragraph, text: &str, k: usize) -> bool {
    k + 1 >= p.len() || p.sentence[k + 1] != p.sentence[k] || is_bare_punctuation(p, text, k + 1)
}

/// "said on its website that …", "said Friday that …": the "that" a few words after the cue
/// opens what was said when the words before it set the time or the place.
fn that_after_a_setting(p: &Paragraph, text: &str, a_start: usize, se: usize) -> Option<usize> {
    let that = (a_start + 1..(a_start + 8).min(se + 1))
        .take_while(|&k| !is_bare_punctuation(p, text, k) && !is_quote_mark(word(p, text, k)))
        .find(|&k| word(p, text, k).eq_ignore_ascii_case("that"))
        // "in that statement": right after a preposition, "that" points at a thing
        .filter(|&k| !PREPOSITIONS.contains(&word(p, text, k - 1).to_lowercase().as_str()))?;
    let first = word(p, text, a_start).to_lowercase();
    let sets_the_scene = PREPOSITIONS.contains(&first.as_str())
        || TIME_OPENERS.contains(&first.as_str())
        || WEEKDAYS.contains(&first.as_str())
        || (a_start + 1 == that && capitalised_at(p, text, a_start));
    sets_the_scene.then_some(that)
}

/// The source of the cue at tokens cs..=ce: an inverted source right after it that ends the
/// clause ("said Voss."), else the nearest run before it in its sentence (the subject; a name
/// after the cue that the clause runs on past is its object: "boasted | Clinton had …"), else
/// the nearest one after it.
/// How far after its cue a source may start ("said on Tuesday | the mayor").
const MAX_SOURCE_GAP: usize = 4;

fn source_of(
    p: &Paragraph,
    text: &str,
    runs: &[(usize, usize)],
    cs: usize,
    ce: usize,
) -> Option<(usize, usize)> {
    let sentence = p.sentence[cs];
    // "“…,” said Holt", "The wall held, said Holt": an inverted source follows a cue that what
    // was said, or the sentence's start, comes right before; after a subject it is an object
    let after_what_was_said = cs == 0
        || p.sentence[cs - 1] != p.sentence[cs]
        || word(p, text, cs - 1).chars().all(|c| !c.is_alphanumeric());
    let inverted = runs
        .iter()
        .find(|r| r.0 == ce + 1 && ends_a_clause(p, text, r.1))
        .filter(|_| after_what_was_said);
    // "Holt proposed a fund, while | Lind | said": a run before a clause the sentence goes on
    // to, with a subject of its own, is that clause's neighbour, not the cue's subject ("Holt,
    // when asked, said" has none)
    let opens_another_clause = |r: &&(usize, usize)| {
        (r.1 + 2..cs).any(|k| {
            word(p, text, k - 1) == ","
                && SUBORDINATORS.contains(&word(p, text, k).to_lowercase().as_str())
                && (k + 1..=cs)
                    .take_while(|&j| !is_verbal_class(p.class[j]))
                    .any(|j| is_nominal_class(p.class[j]))
        })
    };
    let before = runs
        .iter()
        .filter(|r| r.1 < cs && (p.sentence[r.1] == sentence || r.1 + 1 == cs))
        .filter(|r| !opens_another_clause(r))
        .max_by_key(|r| r.1);
    // a name far on in the clause after the cue is some other phrase's ("residents reported
    // seepage …, according to a notice seen by | the Ledger")
    let after = runs
        .iter()
        .filter(|r| r.0 > ce && r.0 <= ce + MAX_SOURCE_GAP)
        .filter(|r| p.sentence[r.0] == sentence || r.0 == ce + 1)
        .min_by_key(|r| r.0);
    inverted.or(before).or(after).copied()
}

/// One attribution: its cue, and its source and content when found (byte ranges of the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    pub cue: (usize, usize),
    pub source: Option<(usize, usize)>,
    pub content: Option<(usize, usize)>,
    /// the second piece of a quotation split around its cue and source (“First half,” she
    /// said, “second half.”): the content is `content`, then this
    pub continued: Option<(usize, usize)>,
}

/// Lowercase words inside a person's name ("Bill de Blasio", "Ursula von der Leyen").
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "al"
            | "la"
            | "le"
            | "dos"
            | "du"
    )
}

/// A source run widened to the whole name it cuts ("New York Post" → "The New York Post"):
/// capitalised words on either side in the same sentence join it, and an article before them.
fn whole_name(p: &Paragraph, text: &str, (mut first, mut last): (usize, usize)) -> (usize, usize) {
    let capitalised = |k: usize| capitalised_at(p, text, k);
    let same_sentence = |a: usize, b: usize| p.sentence[a] == p.sentence[b];
    let possessive_before =
        |k: usize| k > 1 && matches!(word(p, text, k - 1), "'" | "\u{2019}") && capitalised(k - 2);
    if capitalised(first) {
        loop {
            let inside = first > 0 && same_sentence(first - 1, first) && p.position[first] & 1 == 0;
            if inside && capitalised(first - 1) {
                first -= 1;
            } else if inside
                && first > 1
                && is_name_particle(word(p, text, first - 1))
                && capitalised(first - 2)
                && same_sentence(first - 2, first)
            {
                // "Bill | de | Blasio"
                first -= 2;
            } else if inside && possessive_before(first) && same_sentence(first - 2, first) {
                // "the Residents | ’ | Committee"
                first -= 2;
            } else {
                break;
            }
        }
        if first > 0
            && same_sentence(first - 1, first)
            && matches!(word(p, text, first - 1), "the" | "The")
        {
            first -= 1;
        }
    }
    // "Dane Holt | Under Pressure To Resign": in a headline written in capitals, a capitalised
    // preposition starts the rest of the line, not more of the name
    let title_case_preposition = |k: usize| {
        let lower = word(p, text, k).to_lowercase();
        lower != "of" && PREPOSITIONS.contains(&lower.as_str())
    };
    loop {
        if last + 1 < p.len()
            && same_sentence(last, last + 1)
            && capitalised(last)
            && capitalised(last + 1)
            && !title_case_preposition(last + 1)
        {
            last += 1;
        } else if last + 2 < p.len()
            && same_sentence(last, last + 2)
            && capitalised(last)
            && matches!(word(p, text, last + 1), "'" | "\u{2019}")
            && capitalised(last + 2)
        {
            // "the Lorn Valley Residents | ’ | Committee": a plural possessive inside the name
            last += 2;
        } else {
            break;
        }
    }
    (first, last)
}

/// Words that open a clause or link it to the last, never a source's noun phrase ("But | the
/// mayor said", "Meanwhile | Voss said").
const CLAUSE_OPENERS: &[&str] = &[
    "but",
    "and",
    "or",
    "with",
    "meanwhile",
    "when",
    "while",
    "as",
    "so",
    "yet",
    "then",
    "because",
    "if",
    "though",
    "although",
    "since",
    "what",
    "also",
    "still",
    "now",
    "instead",
    "however",
    "besides",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
];

/// Members of a party, as an apposition names them ("Holt, Democrat of Oregon, said").
const PARTY_MEMBERS: &[&str] = &[
    "democrat",
    "republican",
    "independent",
    "conservative",
    "liberal",
    "socialist",
    "libertarian",
];

/// Words that begin a noun phrase before its head: a run that starts right after one lost it
/// ("a | spokeswoman", "another | source").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "another", "several", "some", "many", "most", "other", "two", "three",
    "four", "few",
];

/// Prepositions that open a phrase set before a clause's subject ("At the scene, | officials |
/// said").
/// Words that join a sentence to the one before it ("Yet some voters said …").
const COORDINATING_ADVERBS: &[&str] = &[
    "but",
    "and",
    "yet",
    "so",
    "still",
    "also",
    "now",
    "then",
    "instead",
    "meanwhile",
    "or",
];

/// "she has given to many, but | plans …", "… and | on Monday | announced", "… and | formally
/// endorsed |": a verb joined by "and" or "but" to the one before shares its subject; a time may
/// stand between, an adverb before the verb. In a relative clause ("which owns the dam and | says
/// …") the relative pronoun is the subject, found elsewhere.
fn is_a_joined_verb(p: &Paragraph, text: &str, (cs, ce): TokenRange) -> bool {
    let mut before = cs;
    while before > 0
        && cs - before < 3
        && p.sentence[before - 1] == p.sentence[cs]
        && (is_part_of_a_time(p, text, before - 1)
            || matches!(
                word(p, text, before - 1).to_lowercase().as_str(),
                "on" | "later" | "then" | "also"
            ))
    {
        before -= 1;
    }
    if before == 0 || !matches!(word(p, text, before - 1), "and" | "but") {
        return false;
    }
    let verb = (cs..=ce)
        .find(|&k| is_verbal_class(p.class[k]))
        .unwrap_or(cs);
    let verb_like = super::pos::is_finite_verb(p.class[verb] as usize)
        || super::pos::class_name(p.class[verb] as usize) == "VBN"
        || is_a_verb_read_as_a_noun(p, text, (cs, ce));
    verb_like
        && !(0..cs)
            .rev()
            .take_while(|&k| p.sentence[k] == p.sentence[cs])
            .any(|k| is_relative_at(p, text, k))
}

/// Words before a participle that make it an adverbial of its clause ("… after | questioning |
/// …", "by | touting | …", "while | saying | …").
const PARTICIPLE_PREPOSITIONS: &[&str] = &[
    "after", "before", "by", "while", "when", "in", "without", "since", "despite", "upon", "on",
];

/// Words that open a clause set before the main one ("When the vote came, …").
const SUBORDINATORS: &[&str] = &[
    "when", "while", "as", "because", "if", "though", "although", "since", "after", "before",
    "until", "once", "unless", "whereas",
];
const PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "for", "after", "before", "during", "from", "with", "by", "of", "to",
    "about", "over", "under", "like", "among", "since", "until", "despite", "through", "via",
];

/// Adverbs that stand before a subject without being part of it ("Even | China", "Perhaps |
/// the moderators").
const FOCUS_ADVERBS: &[&str] = &["even", "perhaps"];

/// Words a source never ends in: a relative pronoun or adverb the run took from the clause after
/// it ("Mr. Kamin, | who", "Voss | often").
const TRAILERS: &[&str] = &[
    "who",
    "which",
    "that",
    "often",
    "also",
    "then",
    "again",
    "now",
    "and",
    "or",
    "however",
    "himself",
    "herself",
    "themselves",
    "itself",
];

/// Lowercase words that may stand between a noun phrase's words and its verb without belonging
/// to the phrase.
const NOT_IN_A_NOUN_PHRASE: &[&str] = &[
    "also",
    "again",
    "then",
    "later",
    "often",
    "never",
    "once",
    "still",
    "who",
    "which",
    "that",
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "not",
    "first",
    "last",
    "yesterday",
    "today",
    "tonight",
    "now",
    "on",
    "in",
    "at",
    "to",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
];

/// A source run made a whole noun phrase, as news English writes one: a clause opener before it
/// is not part of it, nor a relative pronoun or adverb after it; a possessive run takes back its
/// owner, a parenthesis its name; capitalised words and an article just before it join it;
/// lowercase words left between it and the cue it precedes are the rest of its head ("the
/// democratic presidential | nominee | said"); and an apposition between commas right before its
/// cue belongs to it ("Dane Holt, the club's chair, said").
fn noun_phrase(p: &Paragraph, text: &str, cues: &[usize], run: TokenRange) -> TokenRange {
    let run = after_a_comma_before_the_cue(p, text, cues, run);
    let (first, last) = trimmed_phrase(p, text, run);
    let (first, last) = with_parenthesis(p, text, (first, last));
    let first = with_people_before_by(p, text, first);
    let first = with_words_before(p, text, first);
    let first = if capitalised_at(p, text, first)
        || ROLE_NOUNS.contains(&word(p, text, first).to_lowercase().as_str())
    {
        with_role_words_before(p, text, first)
    } else {
        first
    };
    let modified = with_modifiers_before(p, text, cues, first);
    let first = if modified < first {
        with_words_before(p, text, modified)
    } else {
        first
    };
    // "Dane Holt of Tarnby, | Lorn": a state after its city is part of the place
    let first = in_a_city_and_state(p, text, first);
    let first = with_head_before(p, text, cues, first);
    let last = with_head_before_cue(p, text, cues, last);
    with_apposition(p, text, cues, (first, last))
}

/// A run that starts inside a noun phrase after its head: "the city | of | Phoenix", "an
/// analysis | by | the Tax Center", "Berlin, Paris | and | Rome". The head and its article (or
/// the names listed before) join the run. Returns its first token.
fn with_head_before(p: &Paragraph, text: &str, cues: &[usize], first: usize) -> usize {
    if first < 2 {
        return first;
    }
    let link = word(p, text, first - 1).to_lowercase();
    let sentence = p.sentence[first];
    let plain = |k: usize| {
        p.sentence[k] == sentence
            && cues[k] == OUTSIDE
            && !is_bare_punctuation(p, text, k)
            && !is_quote_mark(word(p, text, k))
    };
    match link.as_str() {
        "of" | "by" => {
            // back over lowercase words to the article that opens the phrase
            let head = first - 2;
            if !plain(head) || !is_nominal_class(p.class[head]) || capitalised_at(p, text, head) {
                return first;
            }
            let article = (head.saturating_sub(3)..=head)
                .rev()
                .take_while(|&k| plain(k) && !is_verbal_class(p.class[k]))
                .find(|&k| DETERMINERS.contains(&word(p, text, k).to_lowercase().as_str()));
            article.unwrap_or(first)
        }
        "and" | "or" if capitalised_at(p, text, first) => {
            // "Berlin, Paris and | Rome": names listed before, joined by commas
            let mut start = first - 1;
            while start > 0 && plain(start - 1) && capitalised_at(p, text, start - 1) {
                start -= 1;
                while start > 1
                    && word(p, text, start - 1) == ","
                    && plain(start - 2)
                    && capitalised_at(p, text, start - 2)
                {
                    start -= 2;
                }
            }
            if start < first - 1 {
                start
            } else {
                first
            }
        }
        _ => first,
    }
}

/// A run that touches its cue and holds a comma: what precedes the comma is another phrase of
/// the sentence ("… 90 miles north of the capital, | reports said"), since an apposition before
/// a cue closes with a comma of its own. A list of names ("A, B and C said") stays whole.
fn after_a_comma_before_the_cue(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    (first, last): TokenRange,
) -> TokenRange {
    let touches_cue = last + 1 < p.len() && cues[last + 1] != OUTSIDE;
    let Some(comma) = (first + 1..last).rev().find(|&k| word(p, text, k) == ",") else {
        return (first, last);
    };
    let a_list = (comma + 1..=last).any(|k| matches!(word(p, text, k), "and" | "or"));
    // "Dane Holt, chair of the board, | which owns the dam, | said": the relative clause goes,
    // the name and its apposition stay
    let relative = RELATIVE_PRONOUNS.contains(&word(p, text, comma + 1).to_lowercase().as_str());
    if touches_cue && relative {
        (first, comma - 1)
    } else if touches_cue && !a_list {
        (comma + 1, last)
    } else {
        (first, last)
    }
}

/// A run without clause openers and punctuation before it, and without a relative pronoun or
/// adverb after it.
fn trimmed_phrase(p: &Paragraph, text: &str, (mut first, mut last): TokenRange) -> TokenRange {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let is_punctuation = |k: usize| word(p, text, k).chars().all(|c| !c.is_alphanumeric());
    let opens_a_name =
        |k: usize| word(p, text, k) == "(" && (k..=last).any(|j| word(p, text, j) == ")");
    // "WASHINGTON -- President Obama": a dateline before the phrase
    let dateline = (first..last.min(first + 4)).find(|&k| {
        matches!(word(p, text, k), "--" | "\u{2014}" | "\u{2013}")
            && k > first
            && (first..k).all(|j| {
                let w = word(p, text, j);
                w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
            })
    });
    if let Some(k) = dateline {
        first = k + 1;
    }
    // "Tuesday | she", "After | Hewitt": a time or a subordinator before a name or a pronoun
    // opens the clause the source is subject of
    let opens_a_clause = |k: usize| {
        let w = lower(k);
        let before_a_subject = k < last
            && (capitalised_at(p, text, k + 1)
                || SUBJECT_PRONOUNS.contains(&lower(k + 1).as_str()));
        let a_day_or_month = (WEEKDAYS.contains(&w.as_str()) || MONTHS.contains(&w.as_str()))
            && capitalised_at(p, text, k);
        // "Friday, | Texas asked": a day set off by a comma
        let set_off_before_a_name =
            k + 2 <= last && word(p, text, k + 1) == "," && capitalised_at(p, text, k + 2);
        (a_day_or_month && set_off_before_a_name)
            || (before_a_subject
                && (a_day_or_month || matches!(w.as_str(), "after" | "before" | "until" | "once")))
    };
    while first < last
        && (CLAUSE_OPENERS.contains(&lower(first).as_str())
            || FOCUS_ADVERBS.contains(&lower(first).as_str())
            || opens_a_clause(first)
            || (is_punctuation(first) && !opens_a_name(first)))
    {
        first += 1;
    }
    // "At Ground Zero, | sources": the phrase before the comma only sets the scene
    let is_preposition = |k: usize| PREPOSITIONS.contains(&lower(k).as_str());
    let mut opener = first;
    if opener > 0 && DETERMINERS.contains(&lower(opener - 1).as_str()) {
        opener -= 1;
    }
    let in_a_prepositional_phrase = is_preposition(first)
        || (opener > 0
            && is_preposition(opener - 1)
            && p.sentence[opener - 1] == p.sentence[first]);
    if in_a_prepositional_phrase {
        if let Some(comma) = (first..last).find(|&k| word(p, text, k) == ",") {
            first = comma + 1;
        }
    }
    while last > first
        && (TRAILERS.contains(&lower(last).as_str())
            || (is_punctuation(last) && !matches!(word(p, text, last), ")" | "’s" | "'s")))
    {
        last -= 1;
    }
    // "Donald Trump | last week", "Trump | this week": a time after the name is the clause's.
    // After a participle it is the phrase's own ("a poll released in late August").
    if names_a_time(p, text, last) {
        let mut k = last;
        while k > first && is_part_of_a_time(p, text, k - 1) {
            k -= 1;
        }
        if k > first && !is_verbal_class(p.class[k - 1]) {
            last = k - 1;
        }
    }
    (first, last)
}

/// A run inside or across a parenthesis takes the whole of it and the name it follows
/// ("(D-Wis.)" → "Rep. Gwen Moore (D-Wis.)").
fn with_parenthesis(p: &Paragraph, text: &str, (mut first, mut last): TokenRange) -> TokenRange {
    let is = |k: usize, w: &str| word(p, text, k) == w;
    let has = |w: &str, a: usize, b: usize| (a..=b).any(|k| is(k, w));
    let inside = first > 1 && is(first - 1, "(") && capitalised_at(p, text, first - 2);
    let closing = |last: usize| (last + 1..(last + 6).min(p.len())).find(|&k| is(k, ")"));
    if !(inside || has(")", first, last) && !has("(", first, last)) {
        if has("(", first, last) && !has(")", first, last) {
            last = closing(last).unwrap_or(last);
        }
        return (first, last);
    }
    if let Some(open) = (first.saturating_sub(6)..first).rev().find(|&k| is(k, "(")) {
        first = open;
        while first > 0
            && p.sentence[first - 1] == p.sentence[first]
            && capitalised_at(p, text, first - 1)
        {
            first -= 1;
        }
    }
    if !has(")", first, last) {
        last = closing(last).unwrap_or(last);
    }
    (first, last)
}

fn capitalised_at(p: &Paragraph, text: &str, k: usize) -> bool {
    p.position[k] & 8 != 0 && !is_quote_mark(word(p, text, k))
}

/// "Florida elections | officials", "a famous | TV journalist": lowercase nouns and adjectives
/// right before a run that opens with a lowercase noun modify it, and join it. A time ("last
/// year | officials") or a cue does not, nor a noun before a name ("the moment | Holt said").
fn with_modifiers_before(p: &Paragraph, text: &str, cues: &[usize], mut first: usize) -> usize {
    let common_noun = matches!(
        super::pos::class_name(p.class[first] as usize),
        "NN" | "NNS"
    );
    if !common_noun || capitalised_at(p, text, first) {
        return first;
    }
    let sentence = p.sentence[first];
    let modifies = |k: usize| {
        let w = word(p, text, k).to_lowercase();
        p.sentence[k] == sentence
            && cues[k] == OUTSIDE
            && !capitalised_at(p, text, k)
            && matches!(
                super::pos::class_name(p.class[k] as usize),
                "NN" | "NNS" | "JJ"
            )
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_time_word(&w)
            && !TIME_OPENERS.contains(&w.as_str())
    };
    while first > 0 && modifies(first - 1) {
        first -= 1;
    }
    first
}

/// The words a run's start left behind: the owner of a possessive ("the ad | ’s narrator"),
/// capitalised words before a lowercase head ("the New York | businessman") and an article.
fn with_words_before(p: &Paragraph, text: &str, mut first: usize) -> usize {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let joins = |k: usize| k > 0 && p.sentence[k - 1] == p.sentence[k];
    let possessive = matches!(word(p, text, first), "’s" | "'s" | "’" | "'");
    if possessive && joins(first) && word(p, text, first - 1).chars().any(char::is_alphanumeric) {
        first -= 1;
    }
    let lowercase_head = !capitalised_at(p, text, first);
    if possessive || lowercase_head {
        while joins(first) && capitalised_at(p, text, first - 1) && p.position[first - 1] & 1 == 0 {
            first -= 1;
        }
    }
    // "Senior | Taliban leaders": the sentence's first word, capitalised only for being
    // first, modifies the name after it unless it opens the clause or sets the time
    if joins(first) && p.position[first - 1] & 1 != 0 && capitalised_at(p, text, first) {
        let w = lower(first - 1);
        let modifies = w.chars().all(char::is_alphabetic)
            && !is_an_ly_adverb(p, text, first - 1)
            && ![
                CLAUSE_OPENERS,
                PREPOSITIONS,
                DETERMINERS,
                TIME_OPENERS,
                FOCUS_ADVERBS,
                &WEEKDAYS,
            ]
            .iter()
            .any(|list| list.contains(&w.as_str()));
        if modifies {
            first -= 1;
        }
    }
    if joins(first)
        && DETERMINERS.contains(&lower(first - 1).as_str())
        && !DETERMINERS.contains(&lower(first).as_str())
    {
        first -= 1;
    }
    first
}

/// Words that open a sentence by setting its time ("Yesterday | officials said"); weekdays too.
const TIME_OPENERS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "later",
    "earlier",
    "last",
    "this",
    "next",
    "here",
    "there",
    "thus",
    "however",
    "indeed",
    "again",
    "once",
    "finally",
    "separately",
];

/// Lowercase words between a run and the cue right after it finish the run's head.
fn with_head_before_cue(p: &Paragraph, text: &str, cues: &[usize], mut last: usize) -> usize {
    let lower = |k: usize| word(p, text, k).to_lowercase();
    if let Some(cue) = (last + 1..(last + 4).min(p.len())).find(|&k| cues[k] != OUTSIDE) {
        let gap_is_head = (last + 1..cue).all(|k| {
            let w = lower(k);
            p.sentence[k] == p.sentence[last]
                && w.chars().all(char::is_alphabetic)
                && !capitalised_at(p, text, k)
                && !is_an_ly_adverb(p, text, k)
                && !NOT_IN_A_NOUN_PHRASE.contains(&w.as_str())
        });
        if gap_is_head {
            last = cue - 1;
        }
    }
    last
}

/// An apposition set off by commas between a name and its cue joins the source, and a name
/// before an apposition the run started with joins it too.
fn with_apposition(
    p: &Paragraph,
    text: &str,
    cues: &[usize],
    (mut first, mut last): TokenRange,
) -> TokenRange {
    let sentence = p.sentence[first];
    let plain = |k: usize| {
        p.sentence[k] == sentence && !is_quote_mark(word(p, text, k)) && cues[k] == OUTSIDE
    };
    if last + 2 < p.len() && sets_off(word(p, text, last + 1)) {
        let closing = (last + 2..(last + 30).min(p.len()))
            .take_while(|&k| plain(k))
            .find(|&k| sets_off(word(p, text, k)) && k + 1 < p.len() && cues[k + 1] != OUTSIDE);
        if let Some(comma) = closing {
            // "Mulgrew, president of the union, | which represents teachers, |": the clause
            // that tells of the union is no part of who spoke
            let relative = (last + 2..comma).find(|&k| {
                sets_off(word(p, text, k))
                    && k + 1 < p.len()
                    && RELATIVE_PRONOUNS.contains(&word(p, text, k + 1).to_lowercase().as_str())
            });
            // "Some farmers, | however, | say": an adverb set off by commas is no apposition
            let an_adverb = super::pos::class_name(p.class[last + 2] as usize) == "RB"
                || TIME_OPENERS.contains(&word(p, text, last + 2).to_lowercase().as_str());
            let setting = opens_a_setting(&word(p, text, last + 2).to_lowercase());
            last = match relative {
                Some(k) if k > last + 2 => k - 1,
                Some(_) => last,
                None if an_adverb || setting => last,
                None => comma,
            };
        }
    }
    // "Dane Holt, | the club's chair, | said": the run is the apposition, the name before it.
    // "Arlen Voss, the attorney general of Tarnby, | one of the provinces suing the board, |
    // said": the name may stand before a chain of them
    // ("Holt, R-Calif | . | , said": an abbreviation's period may stand before the mark)
    let abbreviation_ends_at_cue = last + 3 < p.len()
        && word(p, text, last + 1) == "."
        && sets_off(word(p, text, last + 2))
        && cues[last + 3] != OUTSIDE;
    let apposition_ends_at_cue = last + 1 < p.len()
        && ((sets_off(word(p, text, last + 1)) && last + 2 < p.len() && cues[last + 2] != OUTSIDE)
            || (sets_off(word(p, text, last)) && cues[last + 1] != OUTSIDE)
            || abbreviation_ends_at_cue);
    if apposition_ends_at_cue {
        let mut segment = first;
        // the mark that closes the apposition right after the name, once the chain is longer
        let mut first_mark: Option<usize> = None;
        // "Mr. Holt, | in a brief interview, | said": a phrase of setting set off like an
        // apposition says how or where, not who; the source ends before it
        let mut before_a_setting: Option<usize> = None;
        for _ in 0..MAX_APPOSITIONS {
            // "Holt, 45, of Lorn, | Wis., | said": a state continues the apposition of its city
            if let Some(of) = city_before_a_state(p, text, segment) {
                segment = of;
            }
            let setting =
                segment < p.len() && opens_a_setting(&word(p, text, segment).to_lowercase());
            if segment < 2
                || !sets_off(word(p, text, segment - 1))
                || !(starts_an_apposition(p, text, segment) || setting)
            {
                break;
            }
            let mark = segment - 1;
            if setting {
                before_a_setting = Some(mark - 1);
            }
            if let Some(name) = name_before_apposition(p, text, mark, &plain) {
                // "Council chair | Dane Holt, …": with the role words before the name
                first = with_role_words_before(p, text, name);
                if let Some(end) = before_a_setting {
                    last = last.min(end);
                }
                // "Arlen Voss, the attorney general of Tarnby, | one of the provinces suing the
                // board": a second apposition tells of the place the first ends with, not of the
                // speaker; an age is the speaker's ("Holt, 62, a retired engineer")
                let an_age = word(p, text, segment).chars().all(|c| c.is_ascii_digit());
                // between dashes, the whole aside is the speaker's ("Voss -- co-author of a
                // book, a bestseller -- said")
                let dashed = !word(p, text, mark).eq(",");
                if let Some(m) = first_mark.filter(|_| !an_age && !dashed) {
                    last = last.min(m - 1);
                }
                break;
            }
            // the apposition before this one, back to the mark that opens it
            let opening = (mark.saturating_sub(MAX_APPOSITION_WORDS)..mark)
                .rev()
                .take_while(|&k| plain(k))
                .find(|&k| sets_off(word(p, text, k)));
            let Some(opening) = opening else {
                break;
            };
            first_mark = Some(mark);
            segment = opening + 1;
        }
    }
    first = with_role_before(p, text, cues, (first, last));
    (first, last)
}

/// "Holt, of | Lorn, | Wis.": the "of" (or "from") that opens an apposition naming the city
/// before a state that starts at `state`.
fn city_before_a_state(p: &Paragraph, text: &str, state: usize) -> Option<usize> {
    if state < 4 || word(p, text, state - 1) != "," || !capitalised_at(p, text, state) {
        return None;
    }
    let sentence = p.sentence[state];
    let name_word = |k: usize| p.sentence[k] == sentence && capitalised_at(p, text, k);
    let mut city = state - 2;
    if !name_word(city) {
        return None;
    }
    while city > 0 && name_word(city - 1) && p.position[city] & 1 == 0 {
        city -= 1;
    }
    let of = city.checked_sub(1)?;
    let opens = matches!(word(p, text, of).to_lowercase().as_str(), "of" | "from");
    (opens && of > 0 && sets_off(word(p, text, of - 1))).then_some(of)
}

/// "speaking at a rally in Lorn, | Wis.": a state after the city of a phrase of setting is part
/// of that setting, not who spoke.
fn is_the_state_of_a_setting(p: &Paragraph, text: &str, state: usize) -> bool {
    if state < 3 || word(p, text, state - 1) != "," || !capitalised_at(p, text, state) {
        return false;
    }
    let sentence = p.sentence[state];
    let name_word = |k: usize| p.sentence[k] == sentence && capitalised_at(p, text, k);
    let mut city = state - 2;
    if !name_word(city) {
        return false;
    }
    while city > 1 && name_word(city - 1) && p.position[city] & 1 == 0 {
        city -= 1;
    }
    // the setting goes on past the state ("in Lorn, Wis., | did not"); a name that ends at its
    // verb is the subject after a setting ("Back in Lorn, | Arlen Voss | said")
    let mut end = state;
    while end + 1 < p.len() && name_word(end + 1) {
        end += 1;
    }
    let goes_on = (end + 1..(end + 3).min(p.len()))
        .take_while(|&k| matches!(word(p, text, k), "." | ","))
        .any(|k| word(p, text, k) == ",");
    let before = word(p, text, city - 1).to_lowercase();
    goes_on && before != "of" && opens_a_setting(&before)
}

/// Whether a phrase set off by commas opens with a preposition of setting ("in an interview",
/// "for example", "through a spokeswoman"): "of" (an origin) and "as" (a role) open none.
fn opens_a_setting(w: &str) -> bool {
    (PREPOSITIONS.contains(&w) && w != "of" && w != "like") || matches!(w, "without" | "amid")
}

/// Appositions a speaker's name may carry before its cue, and the words of each.
const MAX_APPOSITIONS: usize = 3;
const MAX_APPOSITION_WORDS: usize = 14;

/// Marks that set an apposition off: commas, and dashes ("Voss -- co-author of … -- said").
fn sets_off(w: &str) -> bool {
    matches!(w, "," | "--" | "\u{2014}" | "\u{2013}" | "\u{2015}")
}

/// Whether the words from `k` open an apposition rather than a name: an article, an age, a role
/// ("Holt, | 82, |", "Holt, | Democrat of Vermont, |") or a lowercase word ("Garner, | gasping
/// on the sidewalk, |", "Voss -- | co-author of …").
fn starts_an_apposition(p: &Paragraph, text: &str, k: usize) -> bool {
    let w = word(p, text, k).to_lowercase();
    // "Nordstrom, | State Department regional security director, |": a phrase whose last word
    // is a role
    let ends_in_a_role = (k..(k + MAX_APPOSITION_WORDS).min(p.len()))
        .take_while(|&j| !sets_off(word(p, text, j)) && !is_quote_mark(word(p, text, j)))
        .last()
        .is_some_and(|j| j > k && ROLE_NOUNS.contains(&word(p, text, j)));
    let an_age =
        w.chars().all(|c| c.is_ascii_digit()) && k + 1 < p.len() && sets_off(word(p, text, k + 1));
    matches!(w.as_str(), "a" | "an" | "the")
        || ends_in_a_role
        || an_age
        || ROLE_NOUNS.contains(&w.as_str())
        || PARTY_MEMBERS.contains(&w.as_str())
        || crate::lexicon::is_party_tag(word(p, text, k))
        || (!capitalised_at(p, text, k)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && w.starts_with(char::is_alphabetic)
            && !NOT_IN_A_NOUN_PHRASE.contains(&w.as_str()))
}

/// The first word of a name that ends right before the mark opening an apposition, when the name
/// is a subject: not the object of a preposition ("the attorney general of | Tarnby, | one of
/// …"). A clause opener before the name is no part of it ("But | Holt, the chair, said").
fn name_before_apposition(
    p: &Paragraph,
    text: &str,
    mark: usize,
    plain: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    // "Rep. Holt (R-Ore.), | an oversight panel member, |": the name may end with its bracket
    let name_end = match mark.checked_sub(1)? {
        k if word(p, text, k) == ")" => (0..k)
            .rev()
            .take(8)
            .find(|&j| word(p, text, j) == "(")
            .and_then(|j| j.checked_sub(1))?,
        k => k,
    };
    if !capitalised_at(p, text, name_end) || !plain(name_end) {
        return None;
    }
    let mut name = name_end;
    while name > 0
        && p.position[name] & 1 == 0
        && plain(name - 1)
        && capitalised_at(p, text, name - 1)
    {
        name -= 1;
    }
    let lower = |k: usize| word(p, text, k).to_lowercase();
    let only_a_preposition = |w: &str| PREPOSITIONS.contains(&w) && !CLAUSE_OPENERS.contains(&w);
    if only_a_preposition(&lower(name)) {
        return None;
    }
    // "As | Arlen Voss, a former engineer, put it": the name starts after the opener
    let after_an_opener = CLAUSE_OPENERS.contains(&lower(name).as_str());
    if after_an_opener {
        name += 1;
    }
    // "Rep. Tom Cole | of | Oklahoma, an ally of …": a place after "of" belongs to the name
    // before it
    while name > 1
        && lower(name - 1) == "of"
        && plain(name - 2)
        && capitalised_at(p, text, name - 2)
    {
        name -= 2;
        while name > 0
            && p.position[name] & 1 == 0
            && plain(name - 1)
            && capitalised_at(p, text, name - 1)
        {
            name -= 1;
        }
    }
    let after_a_preposition = name > 0 && only_a_preposition(&lower(name - 1));
    let name_starts_here = after_an_opener
        || p.position[name] & 1 != 0
        || (name > 0 && !capitalised_at(p, text, name - 1));
    (name <= name_end && name_starts_here && !after_a_preposition).then_some(name)
}

/// "Another critic, | Laurence Tribe, | said": a name set off by a comma after the noun phrase
/// that opens its sentence is that phrase's apposition, and the phrase is part of the source.
/// Returns the source's first token.
fn with_role_before(p: &Paragraph, text: &str, cues: &[usize], (first, last): TokenRange) -> usize {
    let next_is_cue = |k: usize| k + 1 < p.len() && cues[k + 1] != OUTSIDE;
    let at_cue = next_is_cue(last)
        || (last + 1 < p.len() && word(p, text, last + 1) == "," && next_is_cue(last + 1));
    if !at_cue || first < 2 || word(p, text, first - 1) != "," || !capitalised_at(p, text, first) {
        return first;
    }
    let comma = first - 1;
    let start = (0..comma)
        .rev()
        .take_while(|&k| p.sentence[k] == p.sentence[first])
        .last()
        .unwrap_or(comma);
    let opener = word(p, text, start).to_lowercase();
    let sets_the_scene = PREPOSITIONS.contains(&opener.as_str())
        || TIME_OPENERS.contains(&opener.as_str())
        || WEEKDAYS.contains(&opener.as_str())
        || CLAUSE_OPENERS.contains(&opener.as_str())
        || is_an_ly_adverb(p, text, start);
    let a_phrase = (start..comma).all(|k| {
        let w = word(p, text, k);
        cues[k] == OUTSIDE
            && !is_quote_mark(w)
            && !is_bare_punctuation(p, text, k)
            && !CLAUSE_VERBS.contains(&w.to_lowercase().as_str())
    });
    // the phrase names a role: its head, before any prepositional phrase, is a role noun
    let head_end = (start..comma)
        .find(|&k| PREPOSITIONS.contains(&word(p, text, k).to_lowercase().as_str()))
        .unwrap_or(comma);
    let names_a_role = head_end > start && {
        let head = word(p, text, head_end - 1).to_lowercase();
        let singular = head.strip_suffix('s').unwrap_or(&head);
        ROLE_NOUNS.contains(&head.as_str()) || ROLE_NOUNS.contains(&singular)
    };
    if a_phrase && names_a_role && !sets_the_scene && comma - start <= 8 {
        start
    } else {
        first
    }
}

fn word<'a>(p: &Paragraph, text: &'a str, k: usize) -> &'a str {
    &text[p.spans[k].0..p.spans[k].1]
}

/// The token that closes the quotation opened at `open`, within the paragraph.
fn closing_quote(p: &Paragraph, text: &str, open: usize) -> Option<usize> {
    (open + 1..p.len()).find(|&k| is_quote_mark(word(p, text, k)))
}

/// When token `at` lies inside a quotation, the token that opened it.
fn opening_quote(p: &Paragraph, text: &str, at: usize) -> Option<usize> {
    if at < p.len() && p.position[at] & 2 != 0 {
        (0..at).rev().find(|&k| is_quote_mark(word(p, text, k)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source a run of the tagger becomes once shaped, with the cue at `cue`.
    fn shaped(text: &str, run: &str, cue: &str) -> String {
        let p = Paragraph::new(text, 0, text.len());
        let at = |needle: &str| -> (usize, usize) {
            let start = text.find(needle).expect("in the text");
            let end = start + needle.len();
            let first = (0..p.len()).find(|&k| p.spans[k].0 >= start).unwrap();
            let last = (0..p.len()).rev().find(|&k| p.spans[k].1 <= end).unwrap();
            (first, last)
        };
        let mut cues = vec![OUTSIDE; p.len()];
        let (cs, ce) = at(cue);
        cues[cs] = BEGIN;
        cues[cs + 1..=ce].fill(INSIDE);
        let (first, last) = noun_phrase(&p, text, &cues, at(run));
        text[p.spans[first].0..p.spans[last].1].to_string()
    }

    /// The frame features of the first token `word` in `text`.
    fn frame_of(text: &str, word: &str) -> Vec<u32> {
        let p = Paragraph::new(text, 0, text.len());
        let i = (0..p.len())
            .find(|&k| &text[p.spans[k].0..p.spans[k].1] == word)
            .expect("in the text");
        let mut out = Vec::new();
        frame_features(&p, i, &mut out);
        out
    }

    #[test]
    fn a_holder_found_without_a_cue_holds_the_view_its_verb_group_states() {
        let text = "Critics of the levee plan have repeatedly pointed to its cost. The Tarnby \
                    council met.";
        let p = Paragraph::new(text, 0, text.len());
        let word = |w: &str| (0..p.len()).find(|&k| &text[p.spans[k].0..p.spans[k].1] == w);
        let piece = |(s, e): (usize, usize)| &text[s..e];
        let critics = word("Critics").unwrap();
        let view = view_of_holder(&p, (critics, word("plan").unwrap())).unwrap();
        assert_eq!(piece(view.source.unwrap()), "Critics of the levee plan");
        assert_eq!(piece(view.cue), "have repeatedly pointed");
        assert_eq!(piece(view.content.unwrap()), "to its cost.");
        // the verb that states the view is in the holder's sentence, not the next one
        let cost = word("cost").unwrap();
        assert!(view_of_holder(&p, (cost, cost)).is_none());
        // the holder tagger looks only where the cue tagger found nothing
        let mut cues = vec![OUTSIDE; p.len()];
        cues[word("met").unwrap()] = BEGIN;
        let tagger = crate::extract::shipped_attribution();
        let mut scores = WordScores::new(&p);
        let (_, margins) = tagger.run_with_margins(Stage::Holder, &p, &cues, &[], &mut scores);
        assert!(margins[critics].is_finite());
        assert!(margins[word("council").unwrap()] == f32::NEG_INFINITY);
        // … or found only cues without a source
        let met = p.spans[word("met").unwrap()];
        let sourceless = Attribution {
            cue: met,
            source: None,
            content: None,
            continued: None,
        };
        let cleared = without_sourceless_cues(&p, &cues, &[sourceless]);
        assert!(cleared.iter().all(|&t| t == OUTSIDE));
        let sourced = Attribution {
            source: Some(p.spans[word("council").unwrap()]),
            ..sourceless
        };
        assert_eq!(without_sourceless_cues(&p, &cues, &[sourced]), cues);
    }

    #[test]
    fn a_holder_gives_a_cue_found_without_a_source_its_source() {
        // "Critics of the plan long opposed it. The council agreed." with "opposed" found
        // as a cue with no source, and both verbs' holders found
        let view = |cue, source| Attribution {
            cue,
            source,
            content: None,
            continued: None,
        };
        let found = vec![view((25, 32), None)];
        let held = vec![
            view((25, 32), Some((0, 19))),
            view((49, 55), Some((37, 48))),
        ];
        let all = with_held_views(found, held);
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0].source, Some((0, 19)));
        assert_eq!(all[1].cue, (49, 55));
    }

    #[test]
    fn a_quotation_mark_closes_where_it_is_typed_against_the_word_before_it() {
        let inside = |text: &str, word: &str| {
            let p = Paragraph::new(text, 0, text.len());
            let k = p.spans.iter().position(|&(s, e)| &text[s..e] == word);
            p.position[k.unwrap()] & 2 != 0
        };
        // the wrong hand's mark still closes the quotation before "said"
        let wrong_hand =
            "\u{201C}We will rebuild the bridge,\u{201C} said Dane Holt. \u{201C}Soon.\u{201D}";
        assert!(inside(wrong_hand, "rebuild"));
        assert!(!inside(wrong_hand, "said") && !inside(wrong_hand, "Dane"));
        assert!(inside(wrong_hand, "Soon"));
        // a straight mark after a number (inches) opens nothing
        let inches = "The 6\" pipe burst. \"It was old,\" said Holt.";
        assert!(inside(inches, "old"));
        assert!(!inside(inches, "pipe") && !inside(inches, "said"));
    }

    #[test]
    fn the_cue_tagger_sees_what_opens_the_words_after_a_verb_and_quotation_marks_around_it() {
        // "that" a few words on (past an addressee) opens what was said; a plain object does not
        let told = frame_of("Mara Lind told the council that the bridge held.", "told");
        let object = frame_of(
            "Mara Lind told the council a story about the bridge.",
            "told",
        );
        assert_ne!(told, object);
        // the same frame with another verb of the same class shares the class-level features,
        // which is how an unseen verb learns from the seen ones
        let warned = frame_of(
            "Mara Lind warned the council that the bridge held.",
            "warned",
        );
        assert!(told.iter().filter(|f| warned.contains(f)).count() >= 2);
        // a quotation mark earlier in the sentence is seen, and one in another sentence is not
        let signed = frame_of("\u{201C}It held,\u{201D} Lind observed.", "observed");
        let apart = frame_of("\u{201C}It held.\u{201D} Lind observed.", "observed");
        let plain = frame_of("Lind observed.", "observed");
        assert_ne!(signed, plain);
        assert_eq!(apart, plain);
    }

    #[test]
    fn a_source_is_the_whole_noun_phrase_before_its_cue() {
        // a scene-setting phrase and a clause opener are not the speaker
        let text = "At the harbour, officials said the road was shut.";
        assert_eq!(shaped(text, "harbour, officials", " said"), "officials");
        let text = "But the harbour master said the road was shut.";
        assert_eq!(
            shaped(text, "But the harbour", " said"),
            "the harbour master"
        );
        // an apposition between commas belongs to the name before it
        let text = "Dane Holt, the club's chair, said the pitch was flooded.";
        assert_eq!(
            shaped(text, "the club's chair", " said"),
            "Dane Holt, the club's chair"
        );
        // so does an age, a party member's label, and an apposition after a bracketed tag
        let text = "Dane Holt, 82, said the pitch was flooded.";
        assert_eq!(shaped(text, "82", " said"), "Dane Holt, 82");
        let text = "Senator Dane Holt, Democrat of Tarnby, said the pitch was flooded.";
        assert_eq!(
            shaped(text, "Democrat of Tarnby", " said"),
            "Senator Dane Holt, Democrat of Tarnby"
        );
        let text = "Rep. Dane Holt (D-Tarn.), a panel member, said the bill would fail.";
        assert_eq!(
            shaped(text, "a panel member", " said"),
            "Rep. Dane Holt (D-Tarn.), a panel member"
        );
        // a party tag in brackets keeps its name
        let text = "Rep. Dane Holt (D-Tarn.) said the bill would fail.";
        assert_eq!(shaped(text, "D-Tarn.", " said"), "Rep. Dane Holt (D-Tarn.)");
        // a possessive takes back its owner and article
        let text = "The ad's narrator says the plan failed.";
        assert_eq!(shaped(text, "'s narrator", " says"), "The ad's narrator");
        // the sentence's first word modifies the name after it, unless it sets the time
        let text = "Senior Tarnby officials said the road was shut.";
        assert_eq!(
            shaped(text, "Tarnby officials", " said"),
            "Senior Tarnby officials"
        );
        let text = "Yesterday Tarnby officials said the road was shut.";
        assert_eq!(
            shaped(text, "Tarnby officials", " said"),
            "Tarnby officials"
        );
        // a phrase before a comma inside the run is another part of the sentence
        let text = "The fighters gathered 90 miles north of Lorn, reports said.";
        assert_eq!(
            shaped(text, "90 miles north of Lorn, reports", " said"),
            "reports"
        );
        // a weekday at the start of the sentence is no name in apposition
        let text = "On Monday, the mayor said the bridge would reopen.";
        assert_eq!(shaped(text, "the mayor", " said"), "the mayor");
    }

    /// Tags that mark each of `phrases` (B then I) in a paragraph of `text`.
    fn marked(p: &Paragraph, text: &str, phrases: &[&str]) -> Vec<usize> {
        let mut tags = vec![OUTSIDE; p.len()];
        for phrase in phrases {
            let start = text.find(phrase).expect("in the text");
            let end = start + phrase.len();
            let inside: Vec<usize> = (0..p.len())
                .filter(|&k| p.spans[k].0 >= start && p.spans[k].1 <= end)
                .collect();
            tags[inside[0]] = BEGIN;
            for &k in &inside[1..] {
                tags[k] = INSIDE;
            }
        }
        tags
    }

    /// (cue, source, content) as text, from cue and source tags the tagger might have given.
    fn attributed(text: &str, cues: &[&str], sources: &[&str]) -> Vec<(String, String, String)> {
        let p = Paragraph::new(text, 0, text.len());
        let cues = without_false_cues(&p, text, marked(&p, text, cues));
        let sources = marked(&p, text, sources);
        let none = vec![OUTSIDE; p.len()];
        let part = |r: Option<(usize, usize)>| r.map_or(String::new(), |(a, b)| text[a..b].into());
        attributions_of(&p, text, &cues, &sources, &none)
            .into_iter()
            .map(|a| {
                (
                    text[a.cue.0..a.cue.1].into(),
                    part(a.source),
                    part(a.content),
                )
            })
            .collect()
    }

    /// (content, its continuation) of the attribution at `cue`, as text.
    fn pieces(text: &str, cues: &[&str], sources: &[&str], cue: &str) -> (String, String) {
        let p = Paragraph::new(text, 0, text.len());
        let cue_tags = marked(&p, text, cues);
        let source_tags = marked(&p, text, sources);
        let none = vec![OUTSIDE; p.len()];
        let part = |r: Option<(usize, usize)>| r.map_or(String::new(), |(a, b)| text[a..b].into());
        let a = attributions_of(&p, text, &cue_tags, &source_tags, &none)
            .into_iter()
            .find(|a| &text[a.cue.0..a.cue.1] == cue)
            .expect("the cue is found");
        (part(a.content), part(a.continued))
    }

    /// The one attribution found when the tagger marks `cues` and `sources`: (cue, source,
    /// content).
    fn the_attribution(text: &str, cues: &[&str], sources: &[&str]) -> (String, String, String) {
        let mut found = attributed(text, cues, sources);
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    /// The source found when the tagger marks `cue` and the source run `run`.
    fn source_given(text: &str, cue: &str, run: &str) -> String {
        the_attribution(text, &[cue], &[run]).1
    }

    fn owned((cue, source, content): (&str, &str, &str)) -> (String, String, String) {
        (cue.into(), source.into(), content.into())
    }

    #[test]
    fn a_sentence_holding_a_quotation_gets_the_likeliest_cue_it_has() {
        let cue_of = |text: &str, likeliest: &str, margin: f32| {
            let p = Paragraph::new(text, 0, text.len());
            let margins: Vec<f32> = p
                .spans
                .iter()
                .map(|&(s, e)| {
                    if &text[s..e] == likeliest {
                        margin
                    } else {
                        -90.0
                    }
                })
                .collect();
            let mut tags = vec![OUTSIDE; p.len()];
            with_a_cue_by_each_quotation(&p, &mut tags, &margins);
            let found: Vec<&str> = (0..p.len())
                .filter(|&k| tags[k] == BEGIN)
                .map(|k| &text[p.spans[k].0..p.spans[k].1])
                .collect();
            found.join(" ")
        };
        let quotation = "\u{201C}The bridge will hold for years and years,\u{201D} Holt countered.";
        assert_eq!(cue_of(quotation, "countered", -12.0), "countered");
        // far below the bar, or no more than a quoted term, or a word inside the quotation: none
        assert_eq!(cue_of(quotation, "countered", -60.0), "");
        assert_eq!(
            cue_of("Holt called it \"late\" and left.", "called", -12.0),
            ""
        );
        assert_eq!(cue_of(quotation, "bridge", -12.0), "");
        // a name is no cue, however likely the tagger rates it
        assert_eq!(cue_of(quotation, "Holt", -5.0), "");
    }

    #[test]
    fn dashes_set_off_a_clause_between_the_subject_and_its_verb() {
        let text =
            "Reached by phone, Holt \u{2014} who is listed as an attorney in Tarnby \u{2014} \
                    told the Lorn Herald he will not appeal.";
        assert_eq!(the_attribution(text, &["told"], &[]).1, "Holt");
    }

    #[test]
    fn a_run_inside_an_aside_before_the_cue_is_no_source() {
        // a phrase set off by commas that opens with a preposition or a participle
        let text =
            "Dane Holt, in a statement released by the Trust on Thursday, said he would stay.";
        assert_eq!(source_given(text, "said", "the Trust"), "Dane Holt");
        let text = "The poll, released on Wednesday by the Tarnby Institute, showed Lind ahead.";
        assert_eq!(
            source_given(
                text,
                "showed",
                "released on Wednesday by the Tarnby Institute"
            ),
            "The poll"
        );
        // an apposition is no such phrase
        let text = "Mara Lind, the chair of the Trust, said the levy was fair.";
        assert_eq!(
            source_given(text, "said", "the Trust"),
            "Mara Lind, the chair of the Trust"
        );
    }

    #[test]
    fn the_phrase_before_a_relative_clause_set_off_before_the_cue_is_its_subject() {
        // wherever the sentence began: a cleft, a clause after "after"
        let found = attributed(
            "It was two years ago that Mara Lind, who is thinking of running, said she could not win.",
            &["said"],
            &[],
        );
        assert_eq!(found[0].1, "Mara Lind");
        let found = attributed(
            "The silence comes a day after the Lorn Courier, which backs Holt, said it would cover the race.",
            &["said"],
            &[],
        );
        assert_eq!(found[0].1, "the Lorn Courier");
    }

    #[test]
    fn an_apposition_the_tagger_marked_before_the_cue_gives_way_to_the_phrase_it_describes() {
        let text =
            "Arlen Voss, the editor in chief of the weekly paper, Tarnby Ledger, said a lot.";
        assert_eq!(
            source_given(text, "said", "Tarnby Ledger"),
            "Arlen Voss, the editor in chief of the weekly paper, Tarnby Ledger"
        );
    }

    #[test]
    fn the_phrase_after_a_cue_ending_in_a_preposition_is_its_object() {
        let text = "Mara Lind has taken a swipe at Holt's stance on the levy.";
        assert_eq!(
            source_given(text, "has taken a swipe at", "Holt"),
            "Mara Lind"
        );
        // "from" and "by" bring in who spoke
        let text = "The levy sparked criticism from farmers.";
        assert_eq!(
            source_given(text, "sparked criticism from", "farmers"),
            "farmers"
        );
    }

    #[test]
    fn the_object_of_a_preposition_inside_the_subject_gives_way_to_the_subject() {
        let cue_of = |text: &str| match text {
            t if t.contains("reiterated") => "reiterated",
            t if t.contains("rejected") => "later rejected",
            _ => "have not forgiven",
        };
        for (text, run, subject) in [
            (
                "A spokesperson for the Tarnby Trust reiterated the board's position.",
                "the Tarnby Trust",
                "A spokesperson for the Tarnby Trust",
            ),
            (
                "The lawyer for the two farmers later rejected the offer.",
                "the two farmers",
                "The lawyer for the two farmers",
            ),
            (
                "Most of the residents have not forgiven the board.",
                "the residents",
                "Most of the residents",
            ),
        ] {
            assert_eq!(source_given(text, cue_of(text), run), subject, "{text}");
        }
    }

    #[test]
    fn whom_one_told_is_never_who_spoke() {
        // the subject before the cue did, even when the tagger marked whom it told
        let text = "Holt later told Lorn News: \u{201C}We will meet next week.\u{201D}";
        assert_eq!(source_given(text, "told", "Lorn News"), "Holt");
        let text = "The heads of both trusts told Lorn News they saw no need to register.";
        assert_eq!(
            source_given(text, "told", "Lorn News"),
            "The heads of both trusts"
        );
        let warned = "\u{201C}The bridge will not hold,\u{201D} warned Mara Lind.";
        assert_eq!(source_given(warned, "warned", "Mara Lind"), "Mara Lind");
    }

    #[test]
    fn a_noun_phrase_or_a_pronoun_after_say_opens_what_was_said() {
        // a cue the tagger runs on past "say" gives the words back to the content
        let cases = [
            (
                "Residents say years of warnings about the dam were ignored.",
                "say years of warnings about",
                "Residents",
                "years of warnings about the dam were ignored.",
            ),
            (
                "Farmers in Kelm say they're prepared to join the crews.",
                "say they're prepared",
                "Farmers in Kelm",
                "they're prepared to join the crews.",
            ),
        ];
        for (text, cue_run, source, content) in cases {
            assert_eq!(
                the_attribution(text, &[cue_run], &[source]),
                owned(("say", source, content))
            );
        }
    }

    #[test]
    fn an_inverted_source_may_carry_role_words_and_a_setting() {
        // no source marked: the name after the cue, with its role words, is the source, and
        // what was said comes before the cue
        let text = "The talks have failed, reported news agency Relay on Wednesday.";
        assert_eq!(
            the_attribution(text, &["reported"], &[]),
            owned(("reported", "news agency Relay", "The talks have failed,"))
        );
    }

    #[test]
    fn a_plural_noun_before_a_bare_verb_of_saying_is_its_subject() {
        // the cue run swallowed the subject, and the source run is the subject of what was said
        let text = "However, local reports suggest the rebels attacked the valley at dawn.";
        assert_eq!(
            the_attribution(text, &["reports suggest"], &["the rebels"]),
            owned((
                "suggest",
                "local reports",
                "the rebels attacked the valley at dawn."
            ))
        );
    }

    #[test]
    fn a_quotation_split_around_its_cue_is_one_content_in_two_pieces() {
        // the second piece may open the next sentence, past a source with an apposition
        let text =
            "\u{201C}The water came in an hour,\u{201D} said Dane Holt, who chairs the board. \
                    \u{201C}We had no warning at all.\u{201D}";
        assert_eq!(
            pieces(text, &["said"], &["Dane Holt"], "said"),
            (
                "\u{201C}The water came in an hour,\u{201D}".to_string(),
                "\u{201C}We had no warning at all.\u{201D}".to_string()
            )
        );
        // two apostrophes typed together are a quotation mark too
        let text = "''The pumps failed,'' Holt said. ''We will rebuild.''";
        assert_eq!(
            pieces(text, &["said"], &["Holt"], "said").1,
            "''We will rebuild.''"
        );
        // a quotation with a cue of its own is another speaker's
        let text = "\"The pumps failed,\" Holt said. \"We will rebuild,\" Arlen Voss said.";
        assert_eq!(
            pieces(
                text,
                &["Holt said", "Voss said"],
                &["Holt", "Arlen"],
                "Holt said"
            )
            .1,
            ""
        );
        // a cue before its only quotation splits nothing
        let text = "Holt said: \"We will rebuild the pumps.\"";
        assert_eq!(
            pieces(text, &["said"], &["Holt"], "said"),
            ("\"We will rebuild the pumps.\"".to_string(), String::new())
        );
    }

    #[test]
    fn a_name_carries_a_chain_of_appositions_to_its_cue() {
        // the tagger marked the last apposition only; the name stands two commas back, the
        // place inside the first apposition is no name of the speaker, and the second
        // apposition tells of that place
        assert_eq!(
            source_given(
                "\"It is an overreach,\" Arlen Voss, the attorney general of Tarnby, one of the provinces suing the board, said.",
                "said",
                "one of the provinces suing the board",
            ),
            "Arlen Voss, the attorney general of Tarnby"
        );
        // a place after "of" belongs to the name; a capitalised phrase ending in a role is an
        // apposition too
        assert_eq!(
            source_given(
                "Rep. Dane Holt of Tarnby, an ally of the board, said the vote would pass.",
                "said",
                "an ally of the board",
            ),
            "Rep. Dane Holt of Tarnby, an ally of the board"
        );
        assert_eq!(
            source_given(
                "Eric Lind, State Department regional security director, said the embassy was safe.",
                "said",
                "State Department regional security director",
            ),
            "Eric Lind, State Department regional security director"
        );
        // a state after the city of an apposition is part of that apposition, not a name
        for (text, run) in [
            (
                "Cory Lind, 22, of Tarnby, Mich., said he had hope.",
                "Mich.",
            ),
            ("Cory Lind, of Tarnby, Lorn, said he had hope.", "Lorn"),
        ] {
            assert!(source_given(text, "said", run).starts_with("Cory Lind"));
        }
        // nor is the state of a setting's city
        assert_eq!(
            source_given(
                "Holt, speaking later at a rally in Tarnby, Wisconsin, did not mention Lind.",
                "did not mention",
                "Wisconsin"
            ),
            "Holt"
        );
        // a phrase of setting set off like an apposition is no part of who spoke
        for run in ["Mr. Dane Holt", "in a brief interview on Saturday"] {
            assert_eq!(
                source_given(
                    "Mr. Dane Holt, in a brief interview on Saturday, said the dam held.",
                    "said",
                    run
                ),
                "Mr. Dane Holt"
            );
        }
        // an age is the speaker's own
        assert_eq!(
            source_given(
                "Dane Holt, 62, a retired engineer, said the wall had cracked.",
                "said",
                "a retired engineer",
            ),
            "Dane Holt, 62, a retired engineer"
        );
        // a relative clause after the apposition tells of what the apposition names
        assert_eq!(
            source_given(
                "Mara Lind, president of the teachers' union, which represents 4,000 staff, said the plan was cruel.",
                "said",
                "Mara Lind",
            ),
            "Mara Lind, president of the teachers' union"
        );
        // dashes set an apposition off as commas do
        assert_eq!(
            source_given(
                "Voss -- co-author of a book on the dam, a bestseller -- said the chair made promises.",
                "said",
                "a bestseller",
            ),
            "Voss -- co-author of a book on the dam, a bestseller"
        );
        // a subordinator before the name opens its clause; the name is still the subject
        assert_eq!(
            source_given(
                "The crowd chanted the words, as Dane Holt, clinging to a rock, said before he was rescued.",
                "said",
                "clinging to a rock",
            ),
            "Dane Holt, clinging to a rock"
        );
    }

    #[test]
    fn a_time_is_never_who_spoke() {
        assert_eq!(
            source_given(
                "Later, Dane Holt on Wednesday called on the board to resign.",
                "called on",
                "Wednesday"
            ),
            "Dane Holt"
        );
        // a participle that carries the time belongs to it, not to the subject
        assert_eq!(
            source_given(
                "A Tarnby University poll released in late August found that most voters agreed.",
                "found",
                "August"
            ),
            "A Tarnby University poll"
        );
        // a time after a participle is the phrase's own, as PolNeAR marks it
        assert_eq!(
            source_given(
                "A board report released last year found that the wall leaked.",
                "found",
                "A board report released last year"
            ),
            "A board report released last year"
        );
        // a time after the name is the clause's
        assert_eq!(
            source_given(
                "Board chair Dane Holt last week said the dam would hold.",
                "said",
                "Board chair Dane Holt last week"
            ),
            "Board chair Dane Holt"
        );
        // with no run marked, a day right before the cue is no name beside it
        assert_eq!(
            the_attribution(
                "Mara Lind on Friday said the dam would hold.",
                &["said"],
                &[]
            )
            .1,
            "Mara Lind"
        );
    }

    #[test]
    fn an_inverted_source_may_open_with_an_article_a_date_or_a_possessive() {
        let source = |text: &str| the_attribution(text, &["said"], &[]).1;
        assert_eq!(
            source("\"The city will change,\" said the Rev. Ann Holt."),
            "the Rev. Ann Holt"
        );
        assert_eq!(
            source("\"They are wrong,\" said 9/11 widow Mara Lind."),
            "9/11 widow Mara Lind"
        );
        assert_eq!(
            source("\"Debates move few votes,\" said Lorn's Dane Holt."),
            "Lorn's Dane Holt"
        );
        // a plain noun phrase after a verb of saying, when it ends the clause
        assert_eq!(
            source("\"A state cannot do that,\" said the ruling."),
            "the ruling"
        );
    }

    #[test]
    fn the_opening_subject_of_a_frame_follows_the_quotation_before_it() {
        let found = the_attribution(
            "\"Farmers did their part,\" Mara Lind, a writer for the Lorn Courier, said on Twitter.",
            &["said"],
            &[],
        );
        assert_eq!(found.1, "Mara Lind, a writer for the Lorn Courier");
    }

    #[test]
    fn what_a_cue_says_ends_where_the_sentence_goes_on_without_it() {
        // (text, cues, sources, what the first cue says)
        let cases: [(&str, &[&str], &[&str], &str); 4] = [
            // a verb set back beside the first by a comma or "but" is the subject's
            (
                "The board said no new deaths had been reported overnight, but warned that the wall was still moving.",
                &["said", "warned"],
                &["The board"],
                "no new deaths had been reported overnight",
            ),
            // a plural noun cue opening its sentence is the subject of the verb after its clause
            (
                "Claims by Governor Dane Holt that the dam was sabotaged have drawn anger in Lorn, where residents disagree.",
                &["Claims"],
                &["Governor Dane Holt"],
                "that the dam was sabotaged",
            ),
            // what has no subject of its own lends none to the verb after it
            (
                "The board has promised to publish its inspection records but has not yet done so.",
                &["has promised"],
                &["The board"],
                "to publish its inspection records",
            ),
            // a quotation closed before "and" ends what was said; the next verb is the subject's
            (
                "The committee wrote that \u{201C}no one here has a home tonight\u{201D} and repeated its claim that dozens had died.",
                &["wrote", "repeated its claim"],
                &["The committee"],
                "that \u{201C}no one here has a home tonight\u{201D}",
            ),
        ];
        for (text, cues, sources, content) in cases {
            assert_eq!(attributed(text, cues, sources)[0].2, content, "{text}");
        }
    }

    #[test]
    fn a_source_leaves_out_a_dateline_a_focus_adverb_and_a_trailing_however() {
        assert_eq!(
            source_given(
                "LORN -- President Dane Holt said the dam held.",
                "said",
                "LORN -- President Dane Holt"
            ),
            "President Dane Holt"
        );
        // (an apposition keeps the comma that closes it, as PolNeAR's annotators mark it)
        assert_eq!(
            source_given(
                "Even Tarnby, the board's only ally, condemned the vote.",
                "condemned",
                "Even Tarnby"
            ),
            "Tarnby, the board's only ally,"
        );
        assert_eq!(
            source_given(
                "Some farmers, however, say the water is clean.",
                "say",
                "Some farmers, however"
            ),
            "Some farmers"
        );
        // an inverted source keeps where the speaker is from
        assert_eq!(
            the_attribution(
                "\"The town will change,\" said the Rev. Ann Holt, of the Lorn Chapel.",
                &["said"],
                &[]
            )
            .1,
            "the Rev. Ann Holt, of the Lorn Chapel"
        );
    }

    #[test]
    fn a_source_drops_a_dateline_with_its_state_and_a_label() {
        assert_eq!(
            source_given(
                "TARNBY, Lorn \u{2014} Sen. Arlen Voss said the dam held.",
                "said",
                "TARNBY, Lorn \u{2014} Sen. Arlen Voss"
            ),
            "Sen. Arlen Voss"
        );
        assert_eq!(
            source_given(
                "The Latest: Farmers say the water is clean.",
                "say",
                "The Latest: Farmers"
            ),
            "Farmers"
        );
    }

    #[test]
    fn a_source_keeps_its_party_tag_and_proportion_and_leaves_a_reflexive_a_preposition_and_a_clitic(
    ) {
        assert_eq!(
            source_given(
                "Rep. Dane Holt, R-NY, says the bill is dead.",
                "says",
                "R-NY"
            ),
            "Rep. Dane Holt, R-NY"
        );
        assert_eq!(
            source_given(
                "Majority Leader Dane Holt, R-Calif., revealed the bill is dead.",
                "revealed",
                "R-Calif"
            ),
            "Majority Leader Dane Holt, R-Calif"
        );
        assert_eq!(
            source_given(
                "Nine in 10 Lorn voters say the bill is dead.",
                "say",
                "10 Lorn voters"
            ),
            "Nine in 10 Lorn voters"
        );
        assert_eq!(
            source_given(
                "Holt himself said the bill is dead.",
                "said",
                "Holt himself"
            ),
            "Holt"
        );
        assert_eq!(
            source_given(
                "Holt during a Sunday rally thanked the crews.",
                "thanked",
                "Holt during"
            ),
            "Holt"
        );
        assert_eq!(
            source_given("Yet they've offered no plan.", "offered", "they've"),
            "they"
        );
    }

    #[test]
    fn a_source_after_according_to_keeps_its_apposition_at_the_end_of_the_sentence() {
        let source = |text: &str| the_attribution(text, &["according to"], &[]).1;
        assert_eq!(
            source("Tarnby passed the bill, according to the Lorn Trust, an advocacy group."),
            "the Lorn Trust, an advocacy group"
        );
        assert_eq!(
            source("Holt leads, according to three polls, including one from Lorn College."),
            "three polls, including one from Lorn College"
        );
        // before a clause, the comma ends the source
        assert_eq!(
            the_attribution(
                "According to the Lorn Trust, the bill passed.",
                &["According to"],
                &[]
            )
            .1,
            "the Lorn Trust"
        );
    }

    #[test]
    fn a_headline_name_ends_at_a_capitalised_preposition_and_a_day_before_a_comma_is_no_name() {
        assert_eq!(
            source_given(
                "Dane Holt Under Pressure To Quit Over Dam",
                "Quit",
                "Dane Holt"
            ),
            "Dane Holt"
        );
        assert_eq!(
            source_given(
                "Friday, Tarnby, leading a group of 13 towns, asked a judge to stop the dam.",
                "asked",
                "Friday, Tarnby, leading a group of 13 towns"
            ),
            "Tarnby, leading a group of 13 towns"
        );
    }

    #[test]
    fn a_place_with_its_state_and_a_live_pages_time_stamp() {
        assert_eq!(
            source_given(
                "Mara Lind of Tarnby, Lorn says she will vote.",
                "says",
                "Lorn"
            ),
            "Mara Lind of Tarnby, Lorn"
        );
        assert_eq!(
            source_given(
                "February 6, 2030 8:38PM Holt Says The Dam Held",
                "Says",
                "2030 8:38PM Holt"
            ),
            "Holt"
        );
    }

    #[test]
    fn a_role_takes_the_words_that_qualify_it() {
        assert_eq!(
            source_given(
                "Last week, former analyst Dane Holt told supporters he would run.",
                "told",
                "analyst Dane Holt"
            ),
            "former analyst Dane Holt"
        );
        assert_eq!(
            source_given(
                "Tarnby's veteran analyst Mara Lind wrote that the bill would fail.",
                "wrote",
                "analyst Mara Lind"
            ),
            "Tarnby's veteran analyst Mara Lind"
        );
        // a clause opener before the role is no part of it
        assert_eq!(
            source_given(
                "As Professor Mara Lind put it, the dam was never safe.",
                "put it",
                "Professor Mara Lind"
            ),
            "Professor Mara Lind"
        );
    }

    #[test]
    fn names_joined_by_and_speak_together_when_they_open_the_clause() {
        let source = |text: &str, run: &str| source_given(text, "said", run);
        assert_eq!(
            source("Voss, Holt and Lind said the vote was rigged.", "Lind"),
            "Voss, Holt and Lind"
        );
        assert_eq!(
            source(
                "Dane Holt and Mara Lind said the vote was rigged.",
                "Mara Lind"
            ),
            "Dane Holt and Mara Lind"
        );
        // a name in an earlier clause stays out
        assert_eq!(
            source("Holt met Voss, and Lind said the vote was rigged.", "Lind"),
            "Lind"
        );
        assert_eq!(
            source(
                "Holt met Voss and Lind, who said the vote was rigged.",
                "who"
            ),
            "who"
        );
        // the list may open before a comma, with or without one before "and"
        assert_eq!(
            source("Voss, Holt, and Lind said the vote was rigged.", "Lind"),
            "Voss, Holt, and Lind"
        );
        assert_eq!(
            source(
                "Farmers Dane Holt, Arlen Voss, Mara Lind and Ann Holt said it was rigged.",
                "Mara Lind and Ann Holt"
            ),
            "Farmers Dane Holt, Arlen Voss, Mara Lind and Ann Holt"
        );
        assert_eq!(
            source(
                "In Tarnby, Holt and Voss said the vote was rigged.",
                "Holt and Voss"
            ),
            "Holt and Voss"
        );
        // after the cue, a noun phrase joined by "and" runs to the end of the clause
        assert_eq!(
            the_attribution(
                "The vote was rigged, said Holt and other board members.",
                &["said"],
                &["Holt"]
            )
            .1,
            "Holt and other board members"
        );
    }

    #[test]
    fn a_name_keeps_its_particles_and_leaves_a_headlines_verb_and_a_leading_time() {
        // the tagger marked the headline's verb as the cue and the name around it
        assert_eq!(
            source_given("Dane Holt Says Dam Will Hold", "Says", "Dane Holt Says Dam"),
            "Dane Holt"
        );
        assert_eq!(
            source_given("Mayor Ann de Vries said the levee held.", "said", "Vries"),
            "Mayor Ann de Vries"
        );
        assert_eq!(
            source_given(
                "The board met, and Tuesday she said the vote was void.",
                "said",
                "Tuesday she"
            ),
            "she"
        );
        assert_eq!(
            source_given(
                "After Holt asked, the board chair said no.",
                "asked",
                "After Holt"
            ),
            "Holt"
        );
    }

    #[test]
    fn a_run_that_starts_after_its_head_takes_the_head() {
        assert_eq!(
            source_given("The city of Lorn said the water was safe.", "said", "Lorn"),
            "The city of Lorn"
        );
        assert_eq!(
            source_given(
                "An analysis by the Tarnby Budget Center found that taxes would rise.",
                "found",
                "the Tarnby Budget Center"
            ),
            "An analysis by the Tarnby Budget Center"
        );
        assert_eq!(
            source_given(
                "Tarnby, Lorn and Brisca said they would share the cost.",
                "said",
                "Brisca"
            ),
            "Tarnby, Lorn and Brisca"
        );
    }

    #[test]
    fn an_adverb_stands_between_a_relative_pronoun_and_its_cue() {
        let found = the_attribution(
            "The two owners, which together vowed to lower the water, met on Monday.",
            &["vowed"],
            &["together"],
        );
        assert_eq!(found.1, "which");
    }

    #[test]
    fn a_source_keeps_the_apposition_that_says_who_the_speaker_is() {
        let source_of = |text: &str, cue: &str, source: &str| -> String {
            attributed(text, &[cue], &[source])
                .into_iter()
                .find(|a| a.0 == cue)
                .expect("the cue")
                .1
        };
        // after an inverted source, to the end of the sentence
        assert_eq!(
            source_of(
                "\"The pumps held,\" said Dane Holt, the chair of the Tarnby board.",
                "said",
                "Dane Holt"
            ),
            "Dane Holt, the chair of the Tarnby board"
        );
        // but not into a phrase of setting
        assert_eq!(
            source_of(
                "\"The pumps held,\" said Dane Holt, the chair, in a statement.",
                "said",
                "Dane Holt"
            ),
            "Dane Holt, the chair"
        );
        // after "according to X," comes the clause, not an apposition
        assert_eq!(
            source_of(
                "According to Dane Holt, the pumps held all night.",
                "According to",
                "Dane Holt"
            ),
            "Dane Holt"
        );
        // a role that opens the sentence before the name
        assert_eq!(
            source_of(
                "The board's former chair, Arlen Voss, said the pumps held.",
                "said",
                "Arlen Voss"
            ),
            "The board's former chair, Arlen Voss"
        );
        // a role and the names that qualify it before the name
        assert_eq!(
            source_of(
                "Harbour Council chair Arlen Voss has sharply criticized the plan.",
                "has sharply criticized",
                "Arlen Voss"
            ),
            "Harbour Council chair Arlen Voss"
        );
        // a phrase that only sets the scene stays out
        assert_eq!(
            source_of(
                "Back in Tarnby, Arlen Voss said the pumps held.",
                "said",
                "Arlen Voss"
            ),
            "Arlen Voss"
        );
    }

    #[test]
    fn according_to_opens_an_attribution_even_as_a_paragraphs_first_words() {
        let text =
            "Rain fell all night.\n\nAccording to the Tarnby Ledger, the pumps failed at dawn.";
        let found = crate::extract::shipped_attribution().attributions(text);
        let part = |r: Option<(usize, usize)>| r.map_or("", |(a, b)| &text[a..b]);
        assert!(
            found.iter().any(|a| part(Some(a.cue)) == "According to"
                && part(a.source) == "the Tarnby Ledger"
                && part(a.content).starts_with("the pumps failed")),
            "{found:?}"
        );
    }

    #[test]
    fn the_side_of_a_content_follows_the_frame_of_its_cue() {
        let content_of = |text: &str, cues: &[&str], sources: &[&str], cue: &str| -> String {
            attributed(text, cues, sources)
                .into_iter()
                .find(|a| a.0 == cue)
                .expect("the cue")
                .2
        };
        // a quotation closed right before its speaker and verb is what they said, not the
        // participle's clause after them
        let text = "\"The pumps failed,\" Holt said, adding that the board had been warned.";
        assert_eq!(
            content_of(text, &["said", "adding"], &["Holt"], "said"),
            "\"The pumps failed,\""
        );
        assert_eq!(
            content_of(text, &["said", "adding"], &["Holt"], "adding"),
            "that the board had been warned."
        );
        // what precedes ", according to X" is what X says
        let text = "The pumps failed at dawn, according to the Tarnby Ledger.";
        assert_eq!(
            content_of(
                text,
                &["according to"],
                &["the Tarnby Ledger"],
                "according to"
            ),
            "The pumps failed at dawn,"
        );
        // after its subject, a verb's content follows it, past a phrase setting the scene
        let text = "In an essay last week, Arlen Voss acknowledged the setback at the dam.";
        assert_eq!(
            content_of(text, &["acknowledged"], &["Arlen Voss"], "acknowledged"),
            "the setback at the dam."
        );
        // but the day after the verb is no content: the clause before is
        let text = "The pumps failed, Arlen Voss said Friday.";
        assert_eq!(
            content_of(text, &["said"], &["Arlen Voss"], "said"),
            "The pumps failed,"
        );
        // a passive cue is about its subject
        let text = "The new levy is supported by the harbour unions.";
        assert_eq!(
            content_of(
                text,
                &["is supported by"],
                &["the harbour unions"],
                "is supported by"
            ),
            "The new levy"
        );
    }

    #[test]
    fn regular_cues_are_found_and_far_or_partial_sources_are_not_taken() {
        // a verb of saying the tagger left out is a cue, unless a noun, a passive or quoted
        let text = "Holt warned of floods, but his claims, he said, should be declared \
                    \"what everyone said\".";
        let p = Paragraph::new(text, 0, text.len());
        let cues = with_verbs_of_saying(&p, text, vec![OUTSIDE; p.len()]);
        let found: Vec<&str> = runs(&cues)
            .into_iter()
            .map(|(a, b)| &text[p.spans[a].0..p.spans[b].1])
            .collect();
        assert_eq!(found, ["warned", "said"]);
        // a figure and its preposition say nothing
        let text = "The sirens sounded at 23:52 on Monday.";
        let p = Paragraph::new(text, 0, text.len());
        assert!(runs(&without_false_cues(
            &p,
            text,
            marked(&p, text, &["23:52 on"])
        ))
        .is_empty());
        // people met by an outlet are the source, not the outlet
        assert_eq!(
            shaped(
                "Residents interviewed by the Courier said they heard no siren.",
                "by the Courier",
                "said"
            ),
            "Residents interviewed by the Courier"
        );
        // a name far on in the clause after a cue is not its source; the subject of the cue's
        // own clause is
        let found = attributed(
            "Engineers came after residents reported seepage at the dam, according to a notice \
             seen by the Ledger.",
            &["reported", "according to"],
            &["the Ledger", "a notice seen by the Ledger"],
        );
        let reported = found.iter().find(|a| a.0 == "reported").expect("the cue");
        assert_eq!(reported.1, "residents", "{found:?}");
    }

    #[test]
    fn a_name_right_before_its_cue_is_its_subject_inside_a_relative_clause() {
        let found = attributed(
            "The Lorn Valley Residents\u{2019} Committee, whose chair Dane Holt insists \
             \u{201C}there was no sabotage\u{201D}, accuses the board of ignoring warnings.",
            &["insists", "accuses"],
            &["The Lorn Valley Residents"],
        );
        let of = |cue: &str| found.iter().find(|a| a.0 == cue).expect("the cue").clone();
        assert!(of("insists").1.ends_with("Dane Holt"), "{found:?}");
        // the body's whole name, past its plural possessive, accuses; what follows is its content
        assert_eq!(
            of("accuses").1,
            "The Lorn Valley Residents\u{2019} Committee"
        );
        assert_eq!(of("accuses").2, "the board of ignoring warnings.");
    }

    #[test]
    fn a_name_after_a_clause_opener_keeps_its_apposition() {
        let (_, source, _) = the_attribution(
            "As Arlen Voss, a former engineer, put it: \"The dam was never safe.\"",
            &["put it"],
            &["a former engineer"],
        );
        assert_eq!(source, "Arlen Voss, a former engineer");
    }

    #[test]
    fn set_phrases_of_saying_report_no_one() {
        for text in [
            "That said, the board promised repairs and has not delivered them.",
            "Needless to say, the board promised repairs and has not delivered them.",
            "The repairs were, to say the least, slow.",
            "Having said that, the board promised repairs.",
            "All told, the board spent more than it raised.",
            "Truth be told, the board spent more than it raised.",
        ] {
            let p = Paragraph::new(text, 0, text.len());
            let cues = with_verbs_of_saying(&p, text, vec![OUTSIDE; p.len()]);
            let said = (0..p.len()).any(|k| {
                cues[k] != OUTSIDE && matches!(word(&p, text, k), "said" | "say" | "told")
            });
            assert!(!said, "{text}");
        }
        // the same verbs elsewhere still report
        let text = "That day, Holt said the board promised repairs.";
        let p = Paragraph::new(text, 0, text.len());
        let cues = with_verbs_of_saying(&p, text, vec![OUTSIDE; p.len()]);
        assert!((0..p.len()).any(|k| cues[k] != OUTSIDE && word(&p, text, k) == "said"));
    }

    #[test]
    fn a_poll_cited_with_in_is_the_source_of_the_figures() {
        let polled = |text: &str| {
            let p = Paragraph::new(text, 0, text.len());
            let cues = with_polls_cited(&p, text, vec![OUTSIDE; p.len()]);
            let none = vec![OUTSIDE; p.len()];
            attributions_of(&p, text, &cues, &none, &none)
                .into_iter()
                .map(|a| {
                    let source = a.source.map_or("", |(s, e)| &text[s..e]);
                    (text[a.cue.0..a.cue.1].to_string(), source.to_string())
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            polled("In a Lorn Herald poll released Sunday, 40 percent of voters backed the levee."),
            vec![("In".to_string(), "a Lorn Herald poll".to_string())]
        );
        assert_eq!(
            polled("Holt led Lind by 12 points in the latest Tarnby Courier survey."),
            vec![(
                "in".to_string(),
                "the latest Tarnby Courier survey".to_string()
            )]
        );
        // standings "in the polls", and "the poll" referring back, cite no one
        assert!(polled("Holt has a wide lead in the polls.").is_empty());
        assert!(polled("Forty percent of voters in the poll backed the levee.").is_empty());
    }

    #[test]
    fn a_participle_that_names_a_thing_is_no_cue() {
        for (text, cue) in [
            (
                "A new group called Lorn First bought ads against the levee.",
                "called",
            ),
            (
                "Holt's office released a memo titled \"The Facts on the Levee\" on Monday.",
                "titled",
            ),
            ("The so called levee tax was repealed.", "called"),
        ] {
            let found = attributed(text, &[cue], &[]);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // calling someone something is a view
        for (text, cue) in [
            ("Holt called Lind a liar.", "called"),
            ("The mayor called the levee \"a disgrace.\"", "called"),
        ] {
            assert_eq!(attributed(text, &[cue], &[]).len(), 1, "{text}");
        }
    }

    #[test]
    fn adding_a_figure_is_no_remark() {
        let text = "Spot gold added 0.1% to $1,472 and the index added $3, while Holt added that \
                    trading was thin.";
        let p = Paragraph::new(text, 0, text.len());
        let cues = with_verbs_of_saying(&p, text, vec![OUTSIDE; p.len()]);
        let added: Vec<usize> = (0..p.len())
            .filter(|&k| cues[k] != OUTSIDE && word(&p, text, k) == "added")
            .collect();
        assert_eq!(added.len(), 1, "{added:?}");
        assert_eq!(word(&p, text, added[0] + 1), "that");
        let found = attributed("Copper added 0.9% on Friday.", &["added"], &[]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_plain_plural_after_an_inverted_cue_is_its_source() {
        let (cue, source, content) = the_attribution(
            "The spillway held through the night, say officials.",
            &["say"],
            &[],
        );
        assert_eq!(cue, "say");
        assert_eq!(source, "officials");
        assert!(content.starts_with("The spillway held"), "{content}");
        // an amount is no one
        let found = attributed(
            "He left the room and, at first, said nothing.",
            &["said"],
            &[],
        );
        assert!(found.iter().all(|a| a.1 != "nothing"), "{found:?}");
    }

    #[test]
    fn lowercase_modifiers_before_a_source_noun_belong_to_it() {
        let source = |text: &str, run: &str| the_attribution(text, &["said"], &[run]).1;
        assert_eq!(
            source(
                "On Monday, Tarnby flood officials said the spillway held.",
                "officials"
            ),
            "Tarnby flood officials"
        );
        assert_eq!(
            source("A veteran dam engineer said the spillway held.", "engineer"),
            "A veteran dam engineer"
        );
        // a time before the noun, or a noun before a name, is no modifier
        assert_eq!(
            source(
                "By last week officials said the spillway held.",
                "officials"
            ),
            "officials"
        );
        assert_eq!(
            source("It was the moment Holt said the spillway held.", "Holt"),
            "Holt"
        );
    }

    #[test]
    fn a_relative_pronoun_is_the_source_of_the_verbs_of_its_clause() {
        // past an aside set off by commas, past a phrase of time, and for a verb joined to the
        // clause's first by "and"
        for (text, cue) in [
            (
                "The board hired Dane Holt, who, at a hearing on Tuesday, criticized the plan.",
                "criticized",
            ),
            (
                "The board hired Dane Holt, who last year warned that the dam would fail.",
                "warned",
            ),
            (
                "The board faces the Lorn Group, which owns the dam and says it is unsafe.",
                "says",
            ),
        ] {
            let found = attributed(text, &[cue], &[]);
            assert_eq!(found.len(), 1, "{found:?}");
            assert!(["who", "which"].contains(&found[0].1.as_str()), "{found:?}");
        }
        // a clause closed by its comma leaves the main verb to the subject before it
        let found = attributed(
            "Dane Holt, who leads the Lorn Group, said the dam was unsafe.",
            &["said"],
            &[],
        );
        assert_eq!(found[0].1, "Dane Holt", "{found:?}");
        // a name with a verb of its own between the clause and the cue is that verb's subject
        let found = attributed(
            "In Tarnby -- which votes on Friday -- Holt claimed victory and warned of a recount.",
            &["warned"],
            &[],
        );
        assert!(found.iter().all(|a| a.1 != "which"), "{found:?}");
        // a passive cue's source is its agent, not the pronoun
        let found = attributed(
            "Holt, who was accused by the board of lying, left.",
            &["was accused"],
            &[],
        );
        assert!(found.iter().all(|a| a.1 != "who"), "{found:?}");
    }

    #[test]
    fn each_verb_of_a_sentence_keeps_its_own_content_and_subject() {
        // two verbs joined by "and": each says its own thing
        let found = attributed(
            "The directorate raised its toll to 19 on Wednesday and said 26 people were missing.",
            &["raised", "said"],
            &["The directorate"],
        );
        assert_eq!(found[0].2, "its toll to 19 on Wednesday");
        assert_eq!(found[1].2, "26 people were missing.");
        // a participle after a comma hangs on the clause, not on the first verb's object
        let found = attributed(
            "Voss criticised the new pumps at Lorn, saying they had failed.",
            &["criticised", "saying"],
            &["Voss"],
        );
        assert_eq!(found[0].2, "the new pumps at Lorn");
        // what was said starts at "that" when the words before it set the time or place
        let found = attributed(
            "Voss said on Friday that the dam held.",
            &["said"],
            &["Voss"],
        );
        assert_eq!(found[0].2, "that the dam held.");
        let found = attributed(
            "Voss said the money that was raised is gone.",
            &["said"],
            &["Voss"],
        );
        assert_eq!(found[0].2, "the money that was raised is gone.");
        // unless the first one's content is a clause with a verb of its own
        let found = attributed(
            "The board said its engineers had inspected the wall and found no leak.",
            &["said", "found"],
            &["The board"],
        );
        assert_eq!(
            found[0].2,
            "its engineers had inspected the wall and found no leak."
        );
        // a participle after a comma speaks with the subject, not the object, of its clause
        let found = attributed(
            "Tarnby leaders blamed Lorn officials for the failure, saying that talks were over.",
            &["blamed", "saying"],
            &["Tarnby leaders", "Lorn officials"],
        );
        assert_eq!(found[1].1, "Tarnby leaders");
        assert_eq!(found[1].2, "that talks were over.");
        // "according to X": X is the source and what follows the comma the content
        let found = attributed(
            "According to Arlen Voss, the offer was a trick.",
            &["to"],
            &[],
        );
        assert_eq!(
            found,
            vec![(
                "According to".to_string(),
                "Arlen Voss".to_string(),
                "the offer was a trick.".to_string()
            )]
        );
    }

    #[test]
    fn names_and_comparisons_are_no_cues_but_a_headlines_verbs_are() {
        let found = attributed(
            "The Tarnby agency Lorn Press reported the dam held.",
            &["Lorn", "reported"],
            &[],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "reported");
        let found = attributed(
            "Voss said the rebels are not as strong as many believe.",
            &["said", "believe"],
            &["Voss"],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "the rebels are not as strong as many believe.");
        let found = attributed(
            "The water rose higher than engineers expected.",
            &["expected"],
            &[],
        );
        assert!(found.is_empty(), "{found:?}");
        let found = attributed("Voss Says Dam Held Despite Warnings", &["Says"], &["Voss"]);
        assert_eq!(found.len(), 1, "{found:?}");
        // a figure or a time is no verb
        let found = attributed(
            "The repairs cost $12 million by 9 a.m.",
            &["$12", "a.m."],
            &[],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_subject_before_a_cue_is_its_source_and_the_object_after_it_is_not() {
        // a pronoun right before the cue, past its auxiliaries, is the source
        let found = attributed(
            "Arlen Voss met Dane Holt, who has repeatedly denied the claim.",
            &["denied"],
            &["Arlen Voss"],
        );
        assert_eq!(found[0].1, "who");
        // an object that ends its clause after a subject's verb is no inverted source
        let found = attributed(
            "Senior officials blamed Tarnby leaders for the failure, and left.",
            &["blamed"],
            &["Senior officials", "Tarnby leaders for the failure"],
        );
        assert_eq!(found[0].1, "Senior officials");
        // a run into its verb ends before it, and before a quantifier floated after the verb
        let found = attributed(
            "The Front are all set to announce a new council.",
            &["set to announce"],
            &["The Front are all"],
        );
        assert_eq!(found[0].1, "The Front");
        // "accused Holt of …": the one accused is the object, not the speaker
        let found = attributed(
            "Voss accused Holt of lying about the dam.",
            &["accused"],
            &["Voss", "Holt"],
        );
        assert_eq!(found[0].1, "Voss");
        // with no source from the tagger, a name right before the cue or an inverted one after it
        let found = attributed(
            "The wall was cracked. Arlen Voss has insisted it held.",
            &["insisted"],
            &[],
        );
        assert_eq!(found[0].1, "Arlen Voss");
        let found = attributed("\"The wall held,\" said Voss.", &["said"], &[]);
        assert_eq!(found[0].1, "Voss");
        let found = attributed("Meanwhile said nothing.", &["said"], &[]);
        assert_eq!(found[0].1, "");
        // an inverted source that ends its clause still speaks
        let found = attributed(
            "The wall held, said Dane Holt.",
            &["said"],
            &["The wall", "Dane Holt"],
        );
        assert_eq!(found[0].1, "Dane Holt");
    }

    #[test]
    fn an_opening_subject_may_hold_participles_and_precede_a_verb_read_as_a_noun() {
        let subject = |text: &str, cue: &str| the_attribution(text, &[cue], &[]).1;
        // a participle between a determiner and its noun modifies the noun
        assert_eq!(
            subject(
                "The heads of both lobbying firms told reporters they broke no rule.",
                "told"
            ),
            "The heads of both lobbying firms"
        );
        // a participle after an adverb after the noun opens a reduced relative clause
        assert_eq!(
            subject(
                "A report just published by the Lorn council explains the rise in rents.",
                "explains"
            ),
            "A report just published by the Lorn council"
        );
        // after a comma closing an apposition, a cue read as a plural noun is the verb
        assert_eq!(
            subject(
                "Mara Lind, the head of the Lorn Farmers Union, thinks Mr. Holt will win.",
                "thinks"
            ),
            "Mara Lind, the head of the Lorn Farmers Union"
        );
        // so is one right after its subject's noun, or joined to the verb before it
        assert_eq!(
            subject(
                "A large body of research suggests that rents will rise.",
                "suggests"
            ),
            "A large body of research"
        );
        let found = attributed(
            "She is a Holt supporter but concedes that most of her friends back Lind.",
            &["concedes"],
            &[],
        );
        assert_eq!(found[0].1, "She");
        // a name the word-class tagger read as an adverb is a noun all the same
        assert_eq!(
            subject(
                "Vianly accused the council of hiding the figures.",
                "accused"
            ),
            "Vianly"
        );
        let found = attributed(
            "O’Lindley spoke at the forum on Sunday, and criticized Holt after the event.",
            &["criticized"],
            &[],
        );
        assert_eq!(found[0].1, "O’Lindley");
        // a number a preposition rounds opens the subject
        assert_eq!(
            subject("About 9 percent said they had no preference.", "said"),
            "About 9 percent"
        );
    }

    #[test]
    fn a_noun_phrase_after_a_relative_pronoun_is_the_subject_of_the_cue_after_it() {
        // not the phrase the clause describes, even when the tagger marked that one
        assert_eq!(
            source_given(
                "Dane Holt, who the paper said had resigned, was in Lorn.",
                "said",
                "Dane Holt"
            ),
            "the paper"
        );
        let found = attributed(
            "The levy, which Tarnby officials said was fair, passed on Tuesday.",
            &["said"],
            &[],
        );
        assert_eq!(found[0].1, "Tarnby officials");
    }

    #[test]
    fn with_no_source_marked_the_passive_agent_or_the_opening_subject_speaks() {
        // the agent of a passive cue
        let found = attributed(
            "Voss said the bridge was cut, a claim rejected outright by the Harbour Council.",
            &["said", "rejected outright"],
            &["Voss", "a claim"],
        );
        assert_eq!(found[1].1, "the Harbour Council");
        // a passive's "by" may come a few words on
        assert_eq!(
            source_given(
                "Holt was endorsed the day before by the Lorn Herald.",
                "was endorsed",
                "Holt"
            ),
            "the Lorn Herald"
        );
        assert_eq!(
            source_given(
                "Lind was recommended to the board by the Harbour Council.",
                "was recommended",
                "Lind"
            ),
            "the Harbour Council"
        );
        // not past a comma: with no agent, a passive names no source
        assert_eq!(
            source_given(
                "Holt was endorsed, and by Friday the council had agreed.",
                "was endorsed",
                "Holt"
            ),
            ""
        );
        // an active verb's "by" says how or by how much; so does a noun or participle's "by"
        // after a past tense, and a means of speaking
        let by_phrase = |text: &str, cue: &str, run: &str| source_given(text, cue, run);
        assert_eq!(
            by_phrase(
                "Lorn voters back the levee, the poll says by a wide margin.",
                "says",
                "the poll"
            ),
            "the poll"
        );
        assert_eq!(
            by_phrase(
                "Dane Holt took aim at comments by the Harbour Council.",
                "took aim at comments",
                "Dane Holt"
            ),
            "Dane Holt"
        );
        assert_eq!(
            by_phrase(
                "Mara Lind said in a statement released by her office that she would stay.",
                "said in a statement released",
                "Mara Lind"
            ),
            "Mara Lind"
        );
        assert_eq!(
            by_phrase(
                "\"We will rebuild,\" Mara Lind said by telephone.",
                "said",
                "Mara Lind"
            ),
            "Mara Lind"
        );
        // a passive keeps its agent, past a raising verb, and so does a noun with no verb
        assert_eq!(
            by_phrase(
                "The toll appears to be understated by the Harbour Council.",
                "appears to be understated",
                "The toll"
            ),
            "the Harbour Council"
        );
        assert_eq!(
            by_phrase(
                "The board rejected suggestions by residents that the wall failed.",
                "suggestions",
                "The board"
            ),
            "residents"
        );
        // the sentence's opening noun phrase, past a phrase set off by commas, with its
        // apposition, not past a verb of its own
        let opening = |text: &str, cue: &str| attributed(text, &[cue], &[])[0].1.clone();
        assert_eq!(
            opening(
                "Two doctors at the Lorn hospital, speaking on condition of anonymity, told the Ledger that the morgue was full.",
                "told"
            ),
            "Two doctors at the Lorn hospital"
        );
        assert_eq!(
            opening(
                "Mira Tarn, 58, of Lorn, who watched the water rise, said the wall moved.",
                "said"
            ),
            "Mira Tarn, 58, of Lorn"
        );
        assert_eq!(
            opening(
                "When the water rose, residents of the valley warned the board.",
                "warned"
            ),
            "residents of the valley"
        );
        // a participle before a title modifies it; a time may stand between the subject and
        // its verb
        assert_eq!(
            opening(
                "And retired Gen. Dane Holt, who led the relief effort in Lorn, said the levee failed.",
                "said"
            ),
            "retired Gen. Dane Holt"
        );
        assert_eq!(
            opening(
                "Mayor Mara Lind, the council's longest-serving member, on Tuesday called the report false.",
                "called"
            ),
            "Mayor Mara Lind, the council's longest-serving member"
        );
        assert_eq!(
            opening(
                "Mara Lind, who has chaired the council since 2019, on Friday declared the levee safe.",
                "declared"
            ),
            "Mara Lind"
        );
        // a subject set off by a relative clause before a verb of saying, not the phrase after it
        assert_eq!(
            opening(
                "The lawmaker, who represents a district in Lorn, said Holt's remarks \"were wrong\" on Friday.",
                "said"
            ),
            "The lawmaker"
        );
        // a verb joined by "and" shares the subject of the one before
        assert_eq!(
            opening("The board met the residents and warned them.", "warned"),
            "The board"
        );
        // an inverted verb of saying: the phrase after it to the end of the sentence, with its
        // apposition, but not a setting after it, and no clause
        assert_eq!(
            opening(
                "The plant is under pressure from imports, said the company's chief executive, Dane Holt.",
                "said"
            ),
            "the company's chief executive, Dane Holt"
        );
        assert_eq!(
            opening(
                "The plant will close, said the 46-year-old in a statement.",
                "said"
            ),
            "the 46-year-old"
        );
        assert_eq!(
            opening("The plant will close, said the mayor would resign.", "said"),
            ""
        );
        // the cue may open with an adverb before its verb
        assert_eq!(
            opening(
                "Holt, after the report on the wall came out in March, initially said that it held.",
                "initially said"
            ),
            "Holt"
        );
        // a participle after a comma speaks with its clause's subject, cue or no cue before it
        let found = attributed(
            "Officials at the Harbour Council blamed the board for the failure, saying that the wall was weak.",
            &["saying"],
            &[],
        );
        assert_eq!(found[0].1, "Officials at the Harbour Council");
        // a phrase of setting after the subject is no apposition
        assert_eq!(
            opening(
                "The Front, on the other hand, said it had taken the pass.",
                "said"
            ),
            "The Front"
        );
        // a run that ends with the name before the cue but holds a verb is a clause
        let found = attributed(
            "Elders bargained for the amnesty that the Front had declared for all.",
            &["had declared"],
            &["Elders bargained for the amnesty that the Front"],
        );
        assert_eq!(found[0].1, "the Front");
    }

    /// The cues `with_verbs_of_saying` adds to a text no tagger marked, as text.
    fn saying_cues(text: &str) -> Vec<&str> {
        let p = Paragraph::new(text, 0, text.len());
        let cues = with_verbs_of_saying(&p, text, vec![OUTSIDE; p.len()]);
        runs(&cues)
            .into_iter()
            .map(|(a, b)| &text[p.spans[a].0..p.spans[b].1])
            .collect()
    }

    #[test]
    fn a_verb_of_saying_after_a_verb_and_to_is_a_cue() {
        assert_eq!(
            saying_cues("The Residents' Committee continues to say that dozens have died."),
            ["continues to say"]
        );
        // a participle of saying before "that" or a quotation
        assert_eq!(
            saying_cues(
                "The board sent an email saying that the wall held, then a note saying little."
            ),
            ["saying"]
        );
        // not inside a quotation, and not a noun ("the right to say")
        assert_eq!(
            saying_cues("\"People want to say no,\" Holt said. They have the right to say so."),
            ["said"]
        );
    }

    #[test]
    fn a_cue_runs_on_to_the_verb_its_auxiliaries_lean_on() {
        // the cue `whole_verb` makes of tokens first..=last of `text`
        let whole = |text: &str, cue: TokenRange| -> String {
            let p = Paragraph::new(text, 0, text.len());
            let (first, last) = whole_verb(&p, text, cue);
            text[p.spans[first].0..p.spans[last].1].to_string()
        };
        let text = "Voss has repeatedly denied the claim, and Holt said nothing.";
        // "has repeatedly" is tokens 1..=2; "said" is token 9
        assert_eq!(whole(text, (1, 2)), "has repeatedly denied");
        assert_eq!(whole(text, (9, 9)), "said");
        // and back from the verb to them: "denied" alone is token 3
        assert_eq!(whole(text, (3, 3)), "has repeatedly denied");
        // a verb of saying ends before the time or place that follows it
        assert_eq!(
            whole("Voss said on Tuesday that the dam held.", (1, 2)),
            "said"
        );
        // after what was said, the name after an inverted verb is its source
        let text = "\"The road is shut,\" comments Voss in a statement.";
        assert_eq!(whole(text, (7, 8)), "comments");
        // a noun whose that-clause says what it holds goes with the verb before it
        let text = "Voss repeated his claim that the dam held.";
        assert_eq!(whole(text, (1, 1)), "repeated his claim");
        assert_eq!(
            whole("Voss repeated his story about the dam.", (1, 1)),
            "repeated"
        );
        // a gerund after "said" opens what was said
        let text = "Voss said rising water had closed the road.";
        assert_eq!(whole(text, (1, 3)), "said");
    }

    #[test]
    fn an_inverted_source_opens_with_a_capital_article_or_follows_any_verb_of_saying() {
        let text = "Job cuts will come this week, said The Harbour Company's new chair Mara Lind \
                    in an email.";
        let (_, source, _) = the_attribution(text, &["said"], &[]);
        assert_eq!(source, "The Harbour Company's new chair Mara Lind");
        let text = "\"We moved the pumps,\" comments Dane Holt of the board.";
        let (_, source, _) = the_attribution(text, &["comments"], &[]);
        assert_eq!(source, "Dane Holt of the board");
    }

    #[test]
    fn a_participle_that_opens_its_sentence_speaks_with_the_subject_after_its_comma() {
        let text = "Rejecting the board's account, Mara Lind, the head of the Tarnby delegation, \
                    maintained that the bridge held.";
        let found = attributed(text, &["Rejecting", "maintained"], &[]);
        let lind = "Mara Lind, the head of the Tarnby delegation";
        assert_eq!(
            found,
            [
                (
                    "Rejecting".into(),
                    lind.into(),
                    "the board's account".into()
                ),
                (
                    "maintained".into(),
                    lind.into(),
                    "that the bridge held.".into()
                ),
            ]
        );
    }

    #[test]
    fn the_subject_of_a_clause_opened_inside_the_sentence_holds_its_view() {
        // the tagger marks the cue and no source
        let cases = [
            (
                "The levee held for a week before the county engineer warned that it could fail.",
                "warned",
                "the county engineer",
            ),
            (
                "Crews left the site while the mill owners insisted that the dam was safe.",
                "insisted",
                "the mill owners",
            ),
            (
                "Crews left the site because the Tarnby auditors warned that the loans were lost.",
                "warned",
                "the Tarnby auditors",
            ),
        ];
        for (text, cue, source) in cases {
            assert_eq!(the_attribution(text, &[cue], &[]).1, source, "{text}");
        }
    }

    #[test]
    fn who_speaks_through_a_spokeswoman_is_the_source() {
        assert_eq!(
            source_given(
                "Holt, through a spokeswoman, declined to comment.",
                "declined",
                "a spokeswoman"
            ),
            "Holt"
        );
        // a participle's phrase set off by commas is no source either
        assert_eq!(
            source_given(
                "Mayor Mara Lind, also campaigning in Tarnby, said the levee would hold.",
                "said",
                "campaigning in Tarnby"
            ),
            "Mayor Mara Lind"
        );
        // so is a participle after a subordinator
        for (text, cue, run) in [
            (
                "Dane Holt, if elected, says he will cut the levy.",
                "says",
                "elected",
            ),
            (
                "The council, when asked about the levee, said it would hold.",
                "said",
                "asked about the levee",
            ),
            (
                "Mara Vian, while touring Tarnby, said the port would reopen.",
                "said",
                "touring Tarnby",
            ),
        ] {
            let subject = text.split(',').next().unwrap();
            assert_eq!(source_given(text, cue, run), subject, "{text}");
        }
    }

    #[test]
    fn a_name_ending_in_ing_after_by_is_the_agent() {
        assert_eq!(
            the_attribution(
                "The levy was criticized by Beijing on Monday.",
                &["was criticized"],
                &[]
            )
            .1,
            "Beijing"
        );
        // a gerund says how
        assert_eq!(
            source_given("Holt responded by citing the levy.", "responded", "Holt"),
            "Holt"
        );
    }

    #[test]
    fn nouns_run_into_a_verb_are_its_subject_not_its_cue() {
        let text = "Holt was at the port when a member of the family suggested a vote.";
        let (cue, _, _) = the_attribution(text, &["family suggested"], &[]);
        assert_eq!(cue, "suggested");
        // nor is a noun ending in "-ly" an adverb the verb leans on
        let text = "The rally cheered when the family insisted on a recount.";
        let (cue, _, _) = the_attribution(text, &["insisted on"], &[]);
        assert_eq!(cue, "insisted on");
        // and a noun ending in "-ly" is a source's head
        assert_eq!(
            source_given("The Holt family said the levee failed.", "said", "Holt"),
            "The Holt family"
        );
        // a noun after the verb stays in the cue
        let text = "Holt suggested changes to the plan.";
        let (cue, _, _) = the_attribution(text, &["suggested changes"], &["Holt"]);
        assert_eq!(cue, "suggested changes");
    }

    #[test]
    fn who_feels_what_a_verb_of_feeling_names_holds_the_view() {
        assert_eq!(
            source_given(
                "The ruling angered farmers in Tarnby.",
                "angered",
                "The ruling"
            ),
            "farmers"
        );
        assert_eq!(
            source_given(
                "The levy plan rattled investors.",
                "rattled",
                "The levy plan"
            ),
            "investors"
        );
        // a clause after the verb is what is felt, and its subject is not who feels it
        assert_eq!(
            source_given(
                "Mara Lind worries Holt would lose the seat.",
                "worries",
                "Mara Lind"
            ),
            "Mara Lind"
        );
        // a verb of saying keeps its subject
        assert_eq!(
            source_given(
                "The mayor told farmers the levee would hold.",
                "told",
                "The mayor"
            ),
            "The mayor"
        );
    }

    #[test]
    fn a_run_before_a_clause_the_sentence_goes_on_to_is_not_its_subject() {
        let found = attributed(
            "Holt proposed a levee fund, while the mayor's office said the money was gone.",
            &["proposed", "said"],
            &["Holt"],
        );
        assert_eq!(found[0].1, "Holt");
        assert_eq!(found[1].1, "the mayor's office");
        // a clause with no subject of its own leaves the run the subject
        let found = attributed(
            "Holt ducked the question and, when questioned after the hearing, insisted the levee was safe.",
            &["questioned", "insisted"],
            &["Holt"],
        );
        assert_eq!(found[1].1, "Holt");
    }

    #[test]
    fn after_a_phrase_set_off_by_commas_the_sentences_subject_speaks() {
        assert_eq!(
            source_given(
                "The lawsuit, which the council filed on Friday, blamed Lorn County for the flood.",
                "blamed",
                "Lorn County"
            ),
            "The lawsuit"
        );
        assert_eq!(
            source_given(
                "Mara Lind, the mayor's chief of staff, told the Tarnby Courier the levee would hold.",
                "told",
                "the Tarnby Courier"
            ),
            "Mara Lind, the mayor's chief of staff"
        );
        // so does a verb of saying whose run after it has a verb of its own
        assert_eq!(
            source_given(
                "Mara Lind, who has run the food bank since 2019, says she will stay.",
                "says",
                "she"
            ),
            "Mara Lind"
        );
        // an inverted verb of saying and "according to" keep the phrase after them
        assert_eq!(
            source_given(
                "The levee will hold, said Dane Holt of the Harbour Council.",
                "said",
                "Dane Holt of the Harbour Council"
            ),
            "Dane Holt of the Harbour Council"
        );
        assert_eq!(
            source_given(
                "The pass reopened on Friday, according to the Lorn police.",
                "according to",
                "the Lorn police"
            ),
            "the Lorn police"
        );
    }

    #[test]
    fn a_participle_after_a_preposition_speaks_with_the_relative_clause_it_hangs_on() {
        let found = attributed(
            "Holt backed the engineer who opened the hearing by declaring the levee safe.",
            &["backed", "declaring"],
            &["Holt"],
        );
        assert_eq!(found[1].0, "declaring");
        assert_eq!(found[1].1, "who");
        // with no relative clause, the main clause's subject
        let found = attributed(
            "Holt opened the hearing by declaring the levee safe.",
            &["declaring"],
            &["Holt"],
        );
        assert_eq!(found[0].1, "Holt");
    }

    #[test]
    fn a_quoted_title_inside_the_subject_is_no_quotation_before_it() {
        let text = "Mara Lind, a contestant on the show \u{201C}Lorn Nights,\u{201D} said the vote was fixed.";
        assert_eq!(
            the_attribution(text, &["said"], &[]).1,
            "Mara Lind, a contestant on the show \u{201C}Lorn Nights"
        );
    }

    #[test]
    fn whose_and_the_noun_it_owns_are_the_subject_of_their_clause() {
        let text = "The Tarnby club, whose new chairman strongly backs the plan, met on Monday.";
        assert_eq!(
            the_attribution(text, &["backs"], &[]).1,
            "whose new chairman"
        );
    }

    #[test]
    fn a_sentence_adverb_before_the_subject_is_no_part_of_the_source() {
        let cases = [
            (
                "However, five past and current workers at the mill said the pay was late.",
                "However, five past and current workers at the mill",
                "five past and current workers at the mill",
            ),
            (
                "Nevertheless, Dane Holt said the vote would go ahead.",
                "Nevertheless, Dane Holt",
                "Dane Holt",
            ),
        ];
        for (text, run, source) in cases {
            assert_eq!(source_given(text, "said", run), source, "{text}");
        }
    }

    #[test]
    fn a_run_inside_a_relative_clause_before_the_cue_gives_way_to_the_phrase_it_describes() {
        let cases = [
            (
                "Dane Holt, who says the council should pay for the dam, insisted that the vote go ahead.",
                "the council",
                "Dane Holt",
            ),
            (
                "The Tarnby Rowing Club, whose chair, Mara Lind, backs the plan, said it would help.",
                "Mara Lind",
                "The Tarnby Rowing Club",
            ),
        ];
        for (text, run, source) in cases {
            let cue = if text.contains("insisted") {
                "insisted"
            } else {
                "said"
            };
            assert_eq!(source_given(text, cue, run), source, "{text}");
        }
    }

    #[test]
    fn a_passive_or_seem_names_what_a_view_is_about_not_who_holds_it() {
        let text = "Mara Lind is expected to resign on Friday.";
        assert_eq!(source_given(text, "is expected", "Mara Lind"), "");
        let text = "Dane Holt seemed to waver on the bridge vote.";
        assert_eq!(source_given(text, "seemed", "Dane Holt"), "");
        // also when the cue runs on past it (PolNeAR train: 37 of 196 cues opening with "seem"
        // or "appear" have a source)
        let text = "Dane Holt seemed to imply that the bridge would close.";
        assert_eq!(source_given(text, "seemed to imply that", "Dane Holt"), "");
        // an agent, a later verb of the subject's own, or a feeling keeps the subject
        let text = "The closure was announced by the harbour board.";
        assert_eq!(
            source_given(text, "was announced", "The closure"),
            "the harbour board"
        );
        // a passive of hearsay governs the verb after it, as it does set off after its noun
        // (PolNeAR train: 2 of 62 such "expected" cues have a source)
        let text = "Mara Lind is expected to endorse the plan.";
        assert_eq!(
            source_given(text, "is expected to endorse", "Mara Lind"),
            ""
        );
        let text = "Low water prices, widely seen as a boon for farmers, are ending.";
        assert_eq!(source_given(text, "widely seen as", "Low water prices"), "");
        let text = "Mara Lind, once known for her thrift, backs the plan.";
        assert_eq!(source_given(text, "known for", "Mara Lind"), "");
        // past an adverb on either side
        let text = "The Tarnby Trust is best known for its dams.";
        assert_eq!(
            source_given(text, "is best known for", "The Tarnby Trust"),
            ""
        );
        let text = "Arlen Voss, 44, known locally as a critic of the board, was fined.";
        assert_eq!(source_given(text, "known locally as", "Arlen Voss, 44"), "");
        // so does an adverb of hearsay (PolNeAR train: 4 of 19 "reportedly" cues have a source)
        let text = "Mara Lind has reportedly consulted the harbour board.";
        assert_eq!(
            source_given(text, "has reportedly consulted", "Mara Lind"),
            ""
        );
        // a verb of the subject's own after the passive keeps it
        let text = "Mara Lind was elected to lead the council and backs the plan.";
        assert_eq!(source_given(text, "backs", "Mara Lind"), "Mara Lind");
        let text = "Tarnby residents are worried about the dam.";
        assert_eq!(
            source_given(text, "are worried about", "Tarnby residents"),
            "Tarnby residents"
        );
        let text = "Dane Holt was quoted as saying the dam would hold.";
        assert_eq!(
            source_given(text, "was quoted as saying", "Dane Holt"),
            "Dane Holt"
        );
    }

    #[test]
    fn a_joined_verb_or_participle_speaks_with_the_subject_of_its_clause() {
        // past a clause that opens the sentence, after "but" as after a comma
        let text = "When the vote came, Mara Lind backed the plan, but warning that the dam \
                    was old.";
        let found = attributed(text, &["warning"], &[]);
        assert_eq!(found[0].1, "Mara Lind");
        let text = "Mara Lind began the day at the dam after questioning the board's figures.";
        let found = attributed(text, &["questioning"], &[]);
        assert_eq!(found[0].1, "Mara Lind");
        let text = "Dane Holt has given to many clubs but says he will back only one.";
        let found = attributed(text, &["says"], &[]);
        assert_eq!(found[0].1, "Dane Holt");
        // an adverb may stand before the joined verb, and a time between it and "and"
        let text = "Mara Lind met the board and formally endorsed Dane Holt.";
        let found = attributed(text, &["formally endorsed"], &[]);
        assert_eq!(found[0].1, "Mara Lind");
        let text = "Dane Holt has closed the road and on Monday announced a new route.";
        let found = attributed(text, &["announced"], &[]);
        assert_eq!(found[0].1, "Dane Holt");
    }

    #[test]
    fn a_subject_may_carry_a_relative_clause_and_follow_a_coordinator() {
        let text = "Yet some voters who have followed the Tarnby council's work, at town \
                    meetings, said the dam was safe.";
        let (_, source, _) = the_attribution(text, &["said"], &[]);
        assert_eq!(
            source,
            "some voters who have followed the Tarnby council's work"
        );
        // a participle after the head belongs to the subject too, and a clause set off before it
        // is passed over
        let text = "Last May, a judge hearing the Tarnby case ordered the board to pay.";
        let (_, source, _) = the_attribution(text, &["ordered"], &[]);
        assert_eq!(source, "a judge hearing the Tarnby case");
        let text = "Minutes after the vote began, the harbour master announced the result.";
        let (_, source, _) = the_attribution(text, &["announced"], &[]);
        assert_eq!(source, "the harbour master");
        // as is an adverb set off before it, and an infinitive after the head is the subject's
        let text = "Indeed, residents of the lower valley say the dam leaks.";
        let (_, source, _) = the_attribution(text, &["say"], &[]);
        assert_eq!(source, "residents of the lower valley");
        let text = "The first mayor to visit the dam says it is safe.";
        let (_, source, _) = the_attribution(text, &["says"], &[]);
        assert_eq!(source, "The first mayor to visit the dam");
    }

    #[test]
    fn a_phrase_that_only_sets_the_scene_after_a_cue_is_not_what_was_said() {
        // "that" right after a preposition points at a thing and opens nothing
        let text = "The pumps held, Dane Holt said in that statement.";
        let p = Paragraph::new(text, 0, text.len());
        let cues = marked(&p, text, &["said"]);
        let cue = (0..p.len()).find(|&k| cues[k] == BEGIN).unwrap();
        let holt = (cue - 2, cue - 1);
        let (after, before) = content_sides(&p, text, &cues, &[holt], (cue, cue));
        assert_eq!(after, None);
        assert!(before.is_some());
        let text = "The pumps failed at dawn, the harbour board said in a statement.";
        let (_, _, content) = the_attribution(text, &["said"], &["the harbour board"]);
        assert_eq!(content, "The pumps failed at dawn,");
        // with a verb of its own, what follows the setting is the content
        let text = "The board said in a statement the pumps had failed.";
        let (_, _, content) = the_attribution(text, &["said"], &["The board"]);
        assert_eq!(content, "in a statement the pumps had failed.");
    }
}
