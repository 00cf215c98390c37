//! Stage 2, text: sentence boundaries over the cleaned body.
//!
//! Paragraphs (separated by a blank line in `body`) are segmented one by one with sentencex's
//! rules (abbreviations, initials, ellipses, quotes), so a sentence never runs across paragraphs.

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
        let base = start;
        start += paragraph.len() + 2;
        for boundary in sentencex::get_sentence_boundaries(language, paragraph) {
            let s = &paragraph[boundary.start_byte..boundary.end_byte];
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
    spans
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
    fn paragraphs_bound_sentences_and_offsets_are_exact() {
        let body = "First paragraph without a stop\n\nSecond one. Third one.";
        let spans = sentence_spans(body, "en");
        assert_eq!(spans.len(), 3);
        assert_eq!(&body[spans[1].start..spans[1].end], "Second one.");
    }
}
