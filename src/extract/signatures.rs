//! Attributions whose cue is a punctuation mark. Two forms of news English put the speaker's name
//! beside a colon or a dash instead of a verb, and a word-window tagger rarely sees enough of
//! either to learn them:
//!
//! - a line that opens with a name and a colon: headlines ("Holt: Pass Will Reopen by Friday"),
//!   transcripts ("VOSS: We never saw the report.") and interviews ("Q: …", "A: …");
//! - a quotation signed after a dash: “The pass is lost.” — Arlen Voss; and an embedded post,
//!   whose text ends "— Arlen Voss (@avoss) March 3, 2026".

use std::sync::LazyLock;

use regex::Regex;

use super::attribution::Attribution;

/// Most words a speaker's name before a line's colon may have ("Former Mayor Dane Holt").
const MAX_SPEAKER_WORDS: usize = 5;

/// Small words that may sit inside a speaker's name ("Friends of the Valley", "Holt at the
/// Council" is not meant: these join capitalised words only).
const NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "&", "at", "for", "de", "del", "da", "van", "von", "bin", "al",
];

/// Words that label a line of the page rather than name a speaker ("Update: the pass reopened").
const LINE_LABELS: &[&str] = &[
    "video",
    "watch",
    "look",
    "revealed",
    "contributing",
    "contributors",
    "photo",
    "photos",
    "picture",
    "image",
    "images",
    "caption",
    "credit",
    "update",
    "updated",
    "updates",
    "correction",
    "corrections",
    "clarification",
    "related",
    "read",
    "more",
    "see",
    "also",
    "listen",
    "note",
    "notes",
    "transcript",
    "source",
    "sources",
    "breaking",
    "exclusive",
    "warning",
    "tags",
    "topics",
    "share",
    "advertisement",
    "subscribe",
    "follow",
    "contact",
    "email",
    "phone",
    "fax",
    "website",
    "address",
    "date",
    "time",
    "where",
    "when",
    "what",
    "why",
    "how",
    "location",
    "venue",
    "tickets",
    "price",
    "author",
    "by",
    "published",
    "posted",
    "filed",
    "category",
    "editor",
    "editors",
    "live",
    "analysis",
    "opinion",
    "comment",
    "editorial",
    "review",
    "background",
    "timeline",
    "context",
    "summary",
    "graphic",
    "map",
    "audio",
    "podcast",
    "disclaimer",
    "disclosure",
    "sponsored",
    "ad",
    "ads",
    "promo",
    "menu",
    "home",
    "latest",
    "paid",
    "name",
    "age",
    "city",
    "job",
    "byline",
    // a headline's kicker or a filler ("BOOM: …", "So: …")
    "wow",
    "boom",
    "busted",
    "bombshell",
    "so",
];

/// A dash that may sign a quotation: horizontal bar, em and en dashes, a hyphen or two.
const SIGNING_DASH: &str = r"(?:\u{2015}|\u{2014}|\u{2013}|--|-)";

/// A capitalised word of a name: "Holt", "O'Neill", "Jean-Luc", "M.", "HOLT".
const NAME_WORD: &str = r"\p{Lu}[\p{L}\p{M}'’.\-]*";

/// "“…” — Arlen Voss": a closing quotation mark or the paragraph's start, the dash, then up to
/// five words of a name (capitalised, or connectors between capitalised words), and an optional
/// handle in brackets.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<dash>{SIGNING_DASH})[ \t\u{{a0}}]*(?P<name>{NAME_WORD}(?:[ \t\u{{a0}}]+(?:{NAME_WORD}|of|de|del|da|van|von|bin|al)){{0,4}})(?P<handle>[ \t]*\(@\w+\))?"
    ))
    .expect("a valid pattern")
});

/// "VOSS: …", "Dane Holt: …", "EXCLUSIVE – Dane Holt: …" (past a kicker in capitals), "Rep. Holt
/// (D-Lorn):“…”": the speaker's name from a line's start up to its colon.
static SPEAKER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[ \t]*(?:["“‘'\[(]|[-–—•*][ \t]*|\p{Lu}{2,}[ \t]*[-–—][ \t]*)?(?P<name>[^:\n]{1,60}?)(?P<colon>:)(?P<space>[ \t\u{a0}]*)(?P<rest>\S)"#)
        .expect("a valid pattern")
});

const OPENING_MARKS: &[char] = &['"', '\u{201C}', '\u{2018}', '\''];
const CLOSING_MARKS: &[char] = &['"', '\u{201D}', '\u{2019}', '\''];

/// The attributions marked by punctuation in the paragraphs of `text` (byte ranges, in order).
pub fn find(text: &str, paragraphs: &[(usize, usize)]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (k, &(start, end)) in paragraphs.iter().enumerate() {
        out.extend(speaker_line(text, start, end));
        out.extend(speakers_before_quotations(text, start, end));
        let previous = k.checked_sub(1).map(|j| paragraphs[j]);
        out.extend(signed_quotations(text, start, end, previous));
    }
    out
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Forms of "be": a headline's claim ("Fix Is In: …"), never part of a name.
const COPULAS: &[&str] = &["is", "are", "was", "were"];

/// Whether `name` reads as a speaker's name: one to five words, the first and last capitalised,
/// the others capitalised or connectors, none a form of "be", and not a label of the page.
fn is_speaker_name(name: &str) -> bool {
    if is_interview_label(name) {
        return false;
    }
    // "Rep. Dane Holt (D-Lorn)": a party and place in brackets close the name
    let name = match name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
        Some((before, tag)) if !tag.contains(['(', ' ']) => before,
        _ => name,
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let lower_last = last.trim_end_matches('.').to_lowercase();
    words.len() <= MAX_SPEAKER_WORDS
        && is_capitalised(first)
        && is_capitalised(last)
        && words.iter().all(|w| {
            (is_capitalised(w) && w.chars().all(|c| c.is_alphabetic() || "'’.-&".contains(c)))
                || NAME_CONNECTORS.contains(w)
        })
        && !words.iter().any(|w| {
            let lower = w.to_lowercase();
            LINE_LABELS.contains(&lower.as_str()) || COPULAS.contains(&lower.as_str())
        })
        && !LINE_LABELS.contains(&lower_last.as_str())
}

/// "Q: …", "A: …": a lone letter labels an interview's question or answer and names nobody.
fn is_interview_label(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() < 2
}

/// The attribution of a name before a colon, `start` being where the matched text begins: the
/// colon is the cue and the name the source, or, for "Said Holt: …" and "Added Voss: …", the verb
/// and the name after it; `content` is what was said (byte range).
fn speaker_attribution(
    start: usize,
    colon: regex::Match,
    name: regex::Match,
    content: (usize, usize),
) -> Attribution {
    let (name_start, name) = (start + name.start(), name.as_str());
    let mut cue = (start + colon.start(), start + colon.end());
    let mut source = (name_start, name_start + name.len());
    let first_word = name.split_whitespace().next().unwrap_or("");
    if crate::lexicon::INVERTED_SAYING.contains(&first_word) && name.trim_end() != first_word {
        let rest_of_name = name[first_word.len()..].trim_start();
        cue = (name_start, name_start + first_word.len());
        source.0 = source.1 - rest_of_name.len();
    }
    Attribution {
        cue,
        source: Some(source),
        content: Some(content),
        continued: None,
    }
}

/// "Holt: Pass Will Reopen", "VOSS: We never saw it": the name is the source, the colon the cue,
/// and the rest of the paragraph what was said.
fn speaker_line(text: &str, start: usize, end: usize) -> Option<Attribution> {
    let paragraph = &text[start..end];
    let found = SPEAKER_LINE.captures(paragraph)?;
    let name = found.name("name")?;
    let rest = found.name("rest")?;
    // only a quotation may follow the colon with no space between
    // a quotation is speech even when its words run in a list ("'Never, ever, ever …'")
    let quoted = rest.as_str().starts_with(OPENING_MARKS);
    let spaced = found.name("space").is_some_and(|m| !m.as_str().is_empty());
    let opens_what_is_said = quoted
        || (spaced
            && rest
                .as_str()
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    // "Holt: 1,769." is a row of a table, not a statement
    let words = paragraph[rest.start()..]
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    let label = is_interview_label(name.as_str());
    if !opens_what_is_said
        || words < 2
        || !(label || is_speaker_name(name.as_str()))
        || (!quoted && is_an_enumeration(&paragraph[rest.start()..]))
    {
        return None;
    }
    let content = (start + rest.start(), start + paragraph.trim_end().len());
    let attribution = speaker_attribution(start, found.name("colon")?, name, content);
    // a question or an answer is said, but the label does not say by whom
    Some(Attribution {
        source: attribution.source.filter(|_| !label),
        ..attribution
    })
}

/// Items a line after a name and a colon must list, each short, to be a list rather than speech;
/// the last, a record's disposition ("held in jail in lieu of $48,500 bond"), may run longer.
const MIN_LIST_ITEMS: usize = 3;
const MAX_LIST_ITEM_WORDS: usize = 6;
const MAX_LAST_ITEM_WORDS: usize = 10;

/// "Dane Holt: Theft, possession of a stolen vehicle, held on $5,000 bond", "Containers: 1 Green,
/// 1 Red, 1 Yellow": a run of short items set off by commas is a record's row or a recipe's
/// line, not what the person named said.
fn is_an_enumeration(line: &str) -> bool {
    // a comma inside a number ("$48,500") sets off no item
    let items: Vec<&str> = line
        .trim_end()
        .split(';')
        .flat_map(|part| part.split(", "))
        .collect();
    let last = items.len().saturating_sub(1);
    items.len() >= MIN_LIST_ITEMS
        && items.iter().enumerate().all(|(k, item)| {
            let n = item.split_whitespace().count();
            let most = if k == last {
                MAX_LAST_ITEM_WORDS
            } else {
                MAX_LIST_ITEM_WORDS
            };
            // "We came, we saw, we won": clauses with their subjects are speech
            let first = item.split_whitespace().next().unwrap_or("").to_lowercase();
            (1..=most).contains(&n)
                && !item.contains(['?', '!'])
                && !SUBJECT_PRONOUNS.contains(&first.as_str())
        })
}

const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "you", "he", "she", "they", "it"];

/// "… after the vote. Arlen Voss: “We never saw it.”", "… the count — Mara Lind: “…”", "… held
/// up - More from Lind: “…”": a name and a colon after a sentence's end or a dash, inside a
/// paragraph, before a quotation.
static SPEAKER_BEFORE_QUOTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?:[.!?]["”’]?[ \t]+|[ \t]{SIGNING_DASH}[ \t]*)(?:(?:More[ \t]+from|From)[ \t]+)?(?P<name>{NAME_WORD}(?:[ \t]+(?:{NAME_WORD}|of|and|de|van|von|al)){{0,4}})(?P<colon>:)[ \t]*(?P<open>["“])"#
    ))
    .expect("a valid pattern")
});

/// The attributions of names and colons before quotations inside a paragraph: the name is the
/// source, the colon the cue, and the quotation, to its closing mark, what was said.
fn speakers_before_quotations(text: &str, start: usize, end: usize) -> Vec<Attribution> {
    let paragraph = &text[start..end];
    SPEAKER_BEFORE_QUOTATION
        .captures_iter(paragraph)
        .filter_map(|found| {
            let name = found.name("name")?;
            let colon = found.name("colon")?;
            let open = found.name("open")?;
            if !is_speaker_name(name.as_str()) {
                return None;
            }
            let closing = if open.as_str() == "\u{201C}" {
                '\u{201D}'
            } else {
                '"'
            };
            let after = &paragraph[open.end()..];
            let content_end = after.find(closing).map_or(paragraph.trim_end().len(), |k| {
                open.end() + k + closing.len_utf8()
            });
            let content = (start + open.start(), start + content_end);
            Some(speaker_attribution(start, colon, name, content))
        })
        .collect()
}

/// Quotations signed after a dash: "“…” — Arlen Voss", also when the signature opens the next
/// paragraph, and an embedded post's text before "— Arlen Voss (@avoss)".
fn signed_quotations(
    text: &str,
    start: usize,
    end: usize,
    previous: Option<(usize, usize)>,
) -> Vec<Attribution> {
    let paragraph = &text[start..end];
    let mut out = Vec::new();
    for found in SIGNATURE.captures_iter(paragraph) {
        let (Some(dash), Some(name)) = (found.name("dash"), found.name("name")) else {
            continue;
        };
        let before = paragraph[..dash.start()].trim_end();
        // a dash inside a word ("Seitz-Wald") signs nothing
        let set_apart = paragraph[..dash.start()]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || CLOSING_MARKS.contains(&c));
        let name_end = name.start() + without_full_stop(name.as_str()).len();
        let after = paragraph[name_end..].trim_start();
        // the name ends the signature: the paragraph, a sentence, a clause, a quotation or a
        // post ends right after it
        let ends_signature = after.is_empty()
            || matches!(
                after.chars().next(),
                Some('.' | ',' | ';' | '"' | '\u{201C}' | '(' | '<')
            )
            || after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !set_apart || !ends_signature || !is_speaker_name(name.as_str()) {
            continue;
        }
        let content = if found.name("handle").is_some() {
            embedded_post(paragraph, before).map(|(a, b)| (start + a, start + b))
        } else if before.is_empty() {
            // the signature opens its paragraph: the quotation is the paragraph before
            previous.and_then(|(ps, pe)| {
                quotation_ending_at(&text[ps..pe], text[ps..pe].trim_end().len())
                    .map(|(a, b)| (ps + a, ps + b))
            })
        } else {
            quotation_ending_at(paragraph, before.len()).map(|(a, b)| (start + a, start + b))
        };
        let Some(content) = content else {
            continue;
        };
        out.push(Attribution {
            cue: (start + dash.start(), start + dash.end()),
            source: Some((start + name.start(), start + name_end)),
            content: Some(content),
            continued: None,
        });
    }
    out
}

/// A name without the full stop that ends its sentence ("Dane Holt."), but with an initial's
/// ("Dane H.").
fn without_full_stop(name: &str) -> &str {
    match name.strip_suffix('.') {
        Some(rest)
            if rest
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().count() > 1) =>
        {
            rest
        }
        _ => name,
    }
}

/// The quotation that closes at byte `end` of `s` (its closing mark is the last character
/// before `end`): from its opening mark to its closing one.
fn quotation_ending_at(s: &str, end: usize) -> Option<(usize, usize)> {
    let inside = &s[..end];
    let closing = inside.chars().next_back()?;
    if !CLOSING_MARKS.contains(&closing) {
        return None;
    }
    let body = &inside[..end - closing.len_utf8()];
    // a quotation may open with the closing mark, a slip of some pages: ”…”
    let opening = match closing {
        '\u{201D}' => body.rfind(['\u{201C}', '\u{201D}'])?,
        '\u{2019}' => body.rfind(['\u{2018}', '\u{2019}'])?,
        other => body.rfind(other)?,
    };
    (body.len() > opening + 1).then_some((opening, end))
}

/// The text of a post embedded in the page, before its signature: from the paragraph's start,
/// past a markup tag the page left there, to the signature's dash.
fn embedded_post(paragraph: &str, before: &str) -> Option<(usize, usize)> {
    let first = match before.trim_start().strip_prefix('<') {
        Some(_) => before.find('>')? + 1,
        None => before.len() - before.trim_start().len(),
    };
    (before.len() > first)
        .then_some((first, before.len()))
        .filter(|_| !paragraph[first..before.len()].trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, String)> {
        let paragraphs = super::super::attribution::paragraphs(text);
        find(text, &paragraphs)
            .into_iter()
            .map(|a| {
                let span = |r: Option<(usize, usize)>| {
                    r.map_or(String::new(), |(s, e)| text[s..e].to_string())
                };
                (
                    text[a.cue.0..a.cue.1].to_string(),
                    span(a.source),
                    span(a.content),
                )
            })
            .collect()
    }

    #[test]
    fn a_line_that_opens_with_a_name_and_a_colon_is_that_persons_statement() {
        let text = "Holt: Pass Will Reopen by Friday\n\n\"VOSS: We never saw the report.\n\nQ: Did you see it?\n\nA: No, I did not.\n\nBUSTED: Council Skips The Vote\n\n\
                    Update: the pass reopened at noon.\n\nVeto Power Impedes Peace Efforts Across The Region: More talks\n\n\
                    The board said this: it will pay.\n\nDane Holt: Theft, possession of a stolen car, held on $5,000 bond.\n\n\
                    Mara Lind: Trespass, theft, held in jail in lieu of $72,500 bond.\n\n\
                    Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.\n\nLIND: We came, we saw, we won.\n\nHolt: 'Never, never, never again.'\n\n\
                    LOOK: Crowds Fill The Square In Tarnby\n\nTHE FIX IS IN: Council Skips The Vote\n\n\
                    Contributing: Mara Lind and Dane Holt.\n\nEXCLUSIVE \u{2013} Dane Holt: Do Not Trust The Count\n\n\
                    Rep. Mara Lind (D-Lorn):\u{201C}We never saw it.\u{201D}\n\nNote:the hall opens at noon.";
        assert_eq!(
            found(text),
            vec![
                (
                    ":".into(),
                    "Holt".into(),
                    "Pass Will Reopen by Friday".into()
                ),
                (":".into(), "VOSS".into(), "We never saw the report.".into()),
                (":".into(), "".into(), "Did you see it?".into()),
                (":".into(), "".into(), "No, I did not.".into()),
                (":".into(), "LIND".into(), "We came, we saw, we won.".into()),
                (
                    ":".into(),
                    "Holt".into(),
                    "'Never, never, never again.'".into()
                ),
                (
                    ":".into(),
                    "Dane Holt".into(),
                    "Do Not Trust The Count".into()
                ),
                (
                    ":".into(),
                    "Rep. Mara Lind (D-Lorn)".into(),
                    "\u{201C}We never saw it.\u{201D}".into()
                ),
            ]
        );
    }

    #[test]
    fn a_name_and_a_colon_before_a_quotation_inside_a_paragraph_sign_it() {
        let text = "Turnout fell in Lorn - Mara Lind: \u{201C}The count was early.\u{201D} \
                    More from the report: \u{201C}Samples vary.\u{201D} The vote held. Dane Holt: \
                    \"We never saw the report.\" The board met at noon: \"late\" was the word. \
                    The count held up -More from Vian: \u{201C}It was close.\u{201D}";
        assert_eq!(
            found(text),
            vec![
                (
                    ":".into(),
                    "Mara Lind".into(),
                    "\u{201C}The count was early.\u{201D}".into()
                ),
                (
                    ":".into(),
                    "Dane Holt".into(),
                    "\"We never saw the report.\"".into()
                ),
                (
                    ":".into(),
                    "Vian".into(),
                    "\u{201C}It was close.\u{201D}".into()
                ),
            ]
        );
        // a verb of saying before the name is the cue
        assert_eq!(
            found("The vote held. Said Lind: \u{201C}We won.\u{201D}"),
            vec![(
                "Said".into(),
                "Lind".into(),
                "\u{201C}We won.\u{201D}".into()
            )]
        );
    }

    #[test]
    fn a_line_that_opens_with_a_verb_of_saying_and_a_name_is_inverted() {
        assert_eq!(
            found("Said Dane Holt: \u{201C}We never saw the report.\u{201D}"),
            vec![(
                "Said".into(),
                "Dane Holt".into(),
                "\u{201C}We never saw the report.\u{201D}".into()
            )]
        );
    }

    #[test]
    fn a_quotation_signed_after_a_dash_is_the_signers() {
        let text = "“The pass is lost.” ― Arlen Voss “We will rebuild it.”― Dane Holt.\n\n\
                    \"The ferry runs at dawn.\"\n\n- Mira Tarn, Lorn.\n\n\
                    <post id=\"1\">Rain again in Lorn tonight — Arlen Voss (@avoss) March 3, 2026</post>\n\n\
                    The pass closed — Holt said it would — and reopened.";
        assert_eq!(
            found(text),
            vec![
                (
                    "―".into(),
                    "Arlen Voss".into(),
                    "“The pass is lost.”".into()
                ),
                (
                    "―".into(),
                    "Dane Holt".into(),
                    "“We will rebuild it.”".into()
                ),
                (
                    "-".into(),
                    "Mira Tarn".into(),
                    "\"The ferry runs at dawn.\"".into()
                ),
                (
                    "—".into(),
                    "Arlen Voss".into(),
                    "Rain again in Lorn tonight".into()
                ),
            ]
        );
    }
}
