//! Stage 2, text: sentence boundaries over the cleaned body.
//!
//! Paragraphs (separated by a blank line in `body`) are segmented one by one with sentencex's
//! rules (abbreviations, initials, ellipses, quotes), so a sentence never runs across paragraphs;
//! nor across a line break, unless the paragraph is wrapped to a width.

use crate::model::{Document, Span};

/// Languages sentencex has rules for; the rest fall back to English rules.
const SEGMENTER_LANGUAGES: &[&str] = &[
    "am", "ar", "bg", "bn", "ca", "da", "de", "el", "en", "es", "fi", "fr", "gu", "hi", "hy", "it",
    "ja", "kk", "kn", "ml", "mr", "my", "nl", "pa", "pl", "pt", "ru", "sk", "ta", "te", "uk",
];

/// Fills `doc.sentences`.
pub fn segment(doc: &mut Document) {
    let language = if SEGMENTER_LANGUAGES.contains(&doc.language.as_str()) {
        doc.language.as_str()
    } else {
        "en"
    };
    doc.sentences = sentence_spans(&doc.body, language);
}

/// Sentence spans of a body, trimmed of white space, as byte offsets.
pub fn sentence_spans(body: &str, language: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for paragraph in body.split("\n\n") {
        let paragraph_start = start;
        start += paragraph.len() + 2;
        for (offset, piece) in line_pieces(paragraph) {
            let base = paragraph_start + offset;
            for boundary in sentencex::get_sentence_boundaries(language, piece) {
                let s = &piece[boundary.start_byte..boundary.end_byte];
                let lead = s.len() - s.trim_start().len();
                let trimmed = s.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let span_start = base + boundary.start_byte + lead;
                push_sentence(
                    &mut spans,
                    body,
                    Span {
                        start: span_start,
                        end: span_start + trimmed.len(),
                    },
                );
            }
        }
    }
    spans
}

/// Longest line of a paragraph wrapped to a fixed width (as e-mail and wire copy are, at 60 to
/// 80 columns); a line longer than this is a paragraph or a headline of its own.
const MAX_WRAPPED_LINE: usize = 80;

/// The pieces of a paragraph a line break separates, each with its byte offset. A line break
/// ends a sentence ("Holt keeps up his attack on rivals before the vote\nHolt, in Lorn,
/// said …": a summary or headline line with no stop) unless the paragraph is wrapped to a width,
/// where a break falls wherever a word did not fit, or the next line starts in lower case.
fn line_pieces(paragraph: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = paragraph.split_inclusive('\n').collect();
    let length = |line: &str| line.trim().chars().count();
    let longest = lines.iter().map(|l| length(l)).max().unwrap_or(0);
    // every line but the last fills most of the width
    let wrapped = lines.len() > 1
        && longest <= MAX_WRAPPED_LINE
        && lines[..lines.len() - 1]
            .iter()
            .all(|l| length(l) * 5 >= longest * 3);
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for line in lines {
        let continues = line.trim_start().starts_with(char::is_lowercase);
        match pieces.last_mut() {
            Some((start, piece)) if wrapped || continues => {
                *piece = &paragraph[*start..offset + line.len()];
            }
            _ => pieces.push((offset, line)),
        }
        offset += line.len();
    }
    pieces
}

/// Adds a sentence, first gluing back pieces the segmenter cut off wrongly: a lone closing quote
/// or a piece that starts in lower case continues the sentence before it.
fn push_sentence(spans: &mut Vec<Span>, body: &str, span: Span) {
    let text = &body[span.start..span.end];
    let continues = text.chars().all(|c| !c.is_alphanumeric())
        || text.chars().next().is_some_and(char::is_lowercase);
    if let Some(last) = spans.last_mut() {
        let same_paragraph = !body[last.end..span.start].contains("\n\n");
        let after_a_title = ends_with_a_title(&body[last.start..last.end]);
        if (continues || after_a_title) && same_paragraph {
            last.end = span.end;
            return;
        }
    }
    spans.push(span);
}

/// Titles that stand before a name and so never end a sentence; the segmenter's English rules
/// lack some ("Ms.", "Atty.").
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Atty.", "Amb.", "Sen.", "Sens.", "Rep.", "Reps.", "Gov.",
    "Gen.", "Gens.", "Lt.", "Col.", "Capt.", "Sgt.", "Adm.", "Prof.", "Rev.", "Msgr.",
];

/// Whether a piece of text ends with a title ("… according to Ms.").
fn ends_with_a_title(piece: &str) -> bool {
    piece
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .next()
        .is_some_and(|last| TITLES.contains(&last))
}

/// Lower-cased English stems of the content words of `text`.
pub fn content_stems(text: &str) -> Vec<String> {
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        /// Lower-cased word → its stem, or None for a stopword: news repeats its words, and
        /// stemming and the stopword test are the cost here.
        static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Option<Box<str>>>> =
            Default::default();
    }
    let mut stems: Vec<String> = Vec::new();
    STEMMER.with(|stemmer| {
        STEMS.with_borrow_mut(|cache| {
            if cache.len() > STEM_CACHE {
                cache.clear();
            }
            let mut lower = String::new();
            for word in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
            {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                if let Some(known) = cache.get(lower.as_str()) {
                    stems.extend(known.as_deref().map(String::from));
                    continue;
                }
                let stem = (!crate::lexicon::is_stopword(&lower))
                    .then(|| Box::from(stemmer.stem(&lower).as_ref()));
                stems.extend(stem.as_deref().map(String::from));
                cache.insert(Box::from(lower.as_str()), stem);
            }
        })
    });
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Words a thread remembers the stems of before it starts afresh (a bound on memory).
const STEM_CACHE: usize = 200_000;

/// Stems both sorted lists share.
pub fn shared(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|s| b.binary_search(s).is_ok()).count()
}

/// Whether the text says "the <name>" with the name as a whole word: how an article calls
/// itself ("told the Ledger") or a body it named before.
pub fn says_the(body: &str, name: &str) -> bool {
    if name.chars().count() < 3 {
        return false;
    }
    ["the ", "The "].iter().any(|article| {
        let needle = format!("{article}{name}");
        body.match_indices(&needle).any(|(at, _)| {
            let before = body[..at].chars().next_back();
            let after = body[at + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(body: &str) -> Vec<&str> {
        sentence_spans(body, "en")
            .into_iter()
            .map(|s| &body[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let s = sentences("Mr. Smith met Gen. J. R. Allen in the U.S. capital on Sept. 3. They spoke for an hour.");
        assert_eq!(
            s,
            vec![
                "Mr. Smith met Gen. J. R. Allen in the U.S. capital on Sept. 3.",
                "They spoke for an hour."
            ]
        );
    }

    #[test]
    fn a_title_before_a_name_never_ends_a_sentence() {
        let s = sentences(
            "The cuts are at risk, according to Ms. Lind, and Atty. Holt agrees. Votes follow.",
        );
        assert_eq!(
            s,
            vec![
                "The cuts are at risk, according to Ms. Lind, and Atty. Holt agrees.",
                "Votes follow."
            ]
        );
    }

    #[test]
    fn ellipses_and_quotes_stay_inside_their_sentence() {
        let s = sentences(
            "\"We tried our best... but all in vain,\" he said. \"Now it is up to you.\" She left.",
        );
        assert_eq!(s[0], "\"We tried our best... but all in vain,\" he said.");
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn a_line_with_no_stop_ends_its_sentence_unless_the_paragraph_is_wrapped() {
        let body = "Mara Lind keeps up her attack on her rivals in the hours before the first \
                    council vote of the year\nLind, in Tarnby, said on Tuesday that the levy was fair.";
        let s = sentences(body);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[1].starts_with("Lind, in Tarnby"), "{s:?}");
        // wrapped to a width, a break falls inside a sentence, even before a name
        let wrapped = "The council met on Tuesday and voted to raise the levy, said Mara\n\
                       Lind, who chairs it. Arlen Voss, the mayor of Tarnby, spoke against\n\
                       the plan.";
        let s = sentences(wrapped);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].ends_with("who chairs it."), "{s:?}");
        // a lower-case line goes on with the sentence before it
        let s = sentences("Holt said the dam was unsafe in a long statement issued by the Tarnby Flood Trust on its website\nand by e-mail.");
        assert_eq!(s.len(), 1, "{s:?}");
    }

    #[test]
    fn paragraphs_bound_sentences_and_offsets_are_exact() {
        let body = "First paragraph without a stop\n\nSecond one. Third one.";
        let spans = sentence_spans(body, "en");
        assert_eq!(spans.len(), 3);
        assert_eq!(&body[spans[1].start..spans[1].end], "Second one.");
    }
}
