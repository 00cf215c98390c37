//! The per-document phase on hostile text: thousands of generated articles made of the pieces our
//! rules look at (quotation marks of every kind, "according to", commas before names, relative
//! pronouns, role nouns, figures, dates, stray brackets and dashes) in random order. Whatever the
//! input, no stage may panic and every offset it reports must cut the body on a character
//! boundary. The generator is seeded, so a failure names an input that can be replayed.

use parallax::ingest::{ContentKind, Fields, Source};
use parallax::model::Format;

/// Pieces of news English and of broken text, chosen for the rules they exercise.
const PIECES: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "to",
    "According",
    "added",
    "insists",
    "denied",
    "claimed",
    ",",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "\"",
    "\"",
    "''",
    "'",
    "``",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "(",
    ")",
    "[",
    "]",
    "\u{2014}",
    "-",
    "who",
    "which",
    "that",
    "whose",
    "the",
    "a",
    "an",
    "chair",
    "spokeswoman",
    "officials",
    "police",
    "Dane",
    "Holt",
    "Arlen",
    "Voss",
    "Tarnby",
    "Harbour",
    "Council",
    "Mr.",
    "Gen.",
    "U.S.",
    "he",
    "she",
    "they",
    "it",
    "and",
    "but",
    "or",
    "then",
    "on",
    "in",
    "at",
    "Monday",
    "Friday",
    "last",
    "week",
    "ago",
    "two",
    "19",
    "1,200",
    "$5",
    "5k",
    "dozens",
    "of",
    "at least",
    "about",
    "nearly",
    "people",
    "were",
    "killed",
    "missing",
    "had",
    "has",
    "been",
    "not",
    "sharply",
    "criticized",
    "attack",
    "captured",
    "talks",
    "\n",
    "\n\n",
    "\n\n",
    " ",
    "\u{00A0}",
    "é",
    "Ünal",
    "日本",
    "🙂",
    "\u{200B}",
    "\t",
    "—",
    "…",
    "%",
    "/",
    "&",
    "#",
];

/// xorshift64: a fixed sequence for a seed, without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn article(rng: &mut Rng) -> String {
    let words = 1 + rng.below(160);
    let mut text = String::new();
    for _ in 0..words {
        let piece = PIECES[rng.below(PIECES.len())];
        // glue punctuation to words now and then, as typed text does
        if rng.below(3) != 0 && !text.is_empty() {
            text.push(' ');
        }
        text.push_str(piece);
    }
    text
}

fn source(id: &str, content: String) -> Source {
    Source {
        id: id.to_string(),
        path: format!("{id}.txt"),
        format: Format::Text,
        kind: ContentKind::Text,
        content,
        fields: Fields::default(),
    }
}

#[test]
fn no_stage_panics_or_cuts_a_character_on_generated_articles() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // FUZZ_ARTICLES=100000 searches longer
    let articles: usize = std::env::var("FUZZ_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let (mut analysed, mut with_statements) = (0, 0);
    for n in 0..articles {
        let text = article(&mut rng);
        let id = format!("fuzz{n}");
        let doc = std::panic::catch_unwind(|| {
            parallax::pipeline::process_document(source(&id, text.clone()))
        })
        .unwrap_or_else(|_| panic!("{id} panicked on {text:?}"));
        analysed += usize::from(doc.analysed);
        with_statements += usize::from(!doc.statements.is_empty());
        let body = &doc.body;
        let cuts = |start: usize, end: usize, what: &str| {
            assert!(
                start <= end && body.get(start..end).is_some(),
                "{id}: {what} {start}..{end} does not cut the body on characters: {text:?}"
            );
        };
        for s in &doc.statements {
            cuts(s.start, s.end, "statement");
            cuts(s.cue.start, s.cue.end, "cue");
            if let Some(source) = s.source {
                cuts(source.start, source.end, "source");
            }
        }
        for m in &doc.mentions {
            cuts(m.start, m.end, "mention");
        }
        for q in &doc.quantities {
            cuts(q.span.start, q.span.end, "quantity");
        }
        for t in &doc.times {
            cuts(t.span.start, t.span.end, "time");
        }
        for e in &doc.events {
            cuts(e.trigger.start, e.trigger.end, "event");
        }
    }
    // the generated text must reach the stages it is meant to try
    eprintln!("{analysed} of {articles} analysed, {with_statements} with statements");
    assert!(
        analysed > articles / 2 && with_statements > articles / 6,
        "{analysed} {with_statements}"
    );
}
