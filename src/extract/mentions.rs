//! Entity mentions in a document: each sentence is split into CoNLL-style tokens, tagged by the
//! shipped tagger, and the tagged spans are tidied by rules of news English: titles and honorifics
//! are kept apart from the name, calendar words and sentence adverbs are never entities, and
//! hashtags and @handles are read as names.

use crate::lexicon::{
    designator_names_a_place, FEATURE_WORDS, MONTHS, ORGANIZATION_WORDS, PLACE_DESIGNATORS,
    POLITY_HEADS, WEEKDAYS,
};
use std::collections::HashSet;

use crate::model::{Document, EntityType, Mention, Span};

use super::ner::{Tag, Tagger};

/// Titles and honorifics said before a name ("Gen.", "Mullah", "President"): kept apart from it.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice-president",
    "vice",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "governor",
    "gov",
    "senator",
    "sen",
    "rep",
    "representative",
    "mayor",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "gen",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "major",
    "maj",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "commander",
    "cmdr",
    "marshal",
    "brig",
    "brigadier",
    "field",
    "mullah",
    "maulvi",
    "maulana",
    "sheikh",
    "sheik",
    "imam",
    "ayatollah",
    "rev",
    "reverend",
    "father",
    "bishop",
    "archbishop",
    "rabbi",
    "emir",
    "sultan",
    "acting",
    "former",
    "late",
    "deputy",
    "chief",
];

/// Words that are never entities on their own, however they are capitalised: besides weekday and
/// month names, days relative to today, sentence adverbs and connectives, and furniture labels.
const NOT_NAMES: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "meanwhile",
    "notably",
    "earlier",
    "later",
    "however",
    "also",
    "moreover",
    "furthermore",
    "nevertheless",
    "still",
    "instead",
    "indeed",
    "warning",
    "read",
    "update",
    "updated",
    "breaking",
    "exclusive",
    "watch",
    "photo",
    "video",
    "advertisement",
    "subscribe",
    "share",
];

/// Capitalised at a sentence's start, these open no name: conjunctions, subordinators,
/// demonstratives and interjections.
const NEVER_OPEN_A_NAME: &[&str] = &[
    "yet", "but", "and", "or", "so", "those", "these", "this", "that", "hey", "oh", "although",
    "though", "because", "while", "if", "since", "unless", "until", "whereas", "whether",
];

/// Byte spans of a sentence's tokens, split the way CoNLL-2003 is: punctuation apart from words,
/// possessive 's apart, abbreviations ("Gen.", "U.S.") and hyphenated words whole.
pub fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let pieces: Vec<(usize, &str)> = split_whitespace_indices(text).collect();
    let last = pieces.len().saturating_sub(1);
    for (k, (start, piece)) in pieces.into_iter().enumerate() {
        split_piece(piece, start, k == last, &mut out);
    }
    out
}

/// Whitespace-separated pieces with their offsets; a comma typed without a space between two
/// words ("Front,Talvin") also separates them, while "1,000" stays whole.
fn split_whitespace_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().flat_map(move |piece| {
        let base = piece.as_ptr() as usize - text.as_ptr() as usize;
        let bytes = piece.as_bytes();
        let mut cuts: Vec<usize> = (1..bytes.len().saturating_sub(1))
            .filter(|&i| {
                bytes[i] == b','
                    && bytes[i - 1].is_ascii_alphabetic()
                    && bytes[i + 1].is_ascii_alphabetic()
            })
            .map(|i| i + 1)
            .collect();
        cuts.insert(0, 0);
        cuts.push(piece.len());
        cuts.windows(2)
            .map(|w| (base + w[0], &piece[w[0]..w[1]]))
            .collect::<Vec<_>>()
    })
}

/// Punctuation peeled off a piece's front and back.
/// A double mark of the wrong hand still opens or closes by where it is typed ("…,“ said Holt").
const OPENERS: &[char] = &['"', '\'', '(', '[', '{', '\u{201C}', '\u{2018}', '\u{201D}'];
const CLOSERS: &[char] = &[
    '"', '\'', ')', ']', '}', ',', ';', ':', '!', '?', '.', '\u{201D}', '\u{2019}', '\u{201C}',
];

/// `last`: the sentence's last piece, whose final period ends the sentence ("… said Holt."),
/// unless the word has periods inside ("U.S.").
fn split_piece(piece: &str, base: usize, last: bool, out: &mut Vec<(usize, usize)>) {
    let mut start = 0;
    let mut end = piece.len();
    // leading punctuation, one token each
    while let Some(c) = piece[start..end].chars().next() {
        if OPENERS.contains(&c) && end - start > c.len_utf8() {
            out.push((base + start, base + start + c.len_utf8()));
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // trailing punctuation, kept in order
    let mut trailing = Vec::new();
    while let Some(c) = piece[start..end].chars().next_back() {
        if !CLOSERS.contains(&c) || end - start <= c.len_utf8() {
            break;
        }
        let word = &piece[start..end];
        let ends_sentence = last && !word.trim_end_matches('.').contains('.');
        if c == '.' && is_abbreviation(word) && !ends_sentence {
            break;
        }
        end -= c.len_utf8();
        trailing.push((base + end, base + end + c.len_utf8()));
    }
    let word = &piece[start..end];
    // possessive: "Corrabel's" → "Corrabel", "'s"
    let possessive = ["'s", "\u{2019}s"]
        .iter()
        .find(|p| word.len() > p.len() && word.ends_with(*p));
    match possessive {
        Some(p) => {
            out.push((base + start, base + end - p.len()));
            out.push((base + end - p.len(), base + end));
        }
        None if !word.is_empty() => out.push((base + start, base + end)),
        None => {}
    }
    out.extend(trailing.into_iter().rev());
}

/// "Gen.", "U.S.", "Jan.": a short capitalised word or one with inner periods keeps its period.
fn is_abbreviation(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    if bare.is_empty() {
        return false;
    }
    bare.contains('.')
        || (bare.chars().count() <= 4
            && bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(char::is_alphabetic))
}

/// A sentence's tokens: their byte spans in `body`, and their text.
pub(super) fn sentence_tokens(body: &str, sentence: Span) -> (Vec<(usize, usize)>, Vec<&str>) {
    let spans: Vec<(usize, usize)> = tokens(&body[sentence.start..sentence.end])
        .into_iter()
        .map(|(s, e)| (sentence.start + s, sentence.start + e))
        .collect();
    let words = spans.iter().map(|&(s, e)| &body[s..e]).collect();
    (spans, words)
}

/// The mentions of a document's body.
pub fn find(doc: &Document, tagger: &Tagger) -> Vec<Mention> {
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let (spans, words) = sentence_tokens(&doc.body, *sentence);
        let tags = tagger.tag(&words);
        let spans_of_names = repaired(&words, &tags, super::conll::mentions(&tags));
        for (first, last, kind) in spans_of_names {
            for (first, last, kind) in titled_person_of(&words, first, last, kind) {
                if let Some(m) = tidy(&doc.body, &spans, &words, first, last, kind) {
                    found.push(m);
                }
            }
        }
        found.extend(handles(&spans, &words, &tags));
    }
    let found = without_lone_roles(&doc.body, found);
    with_surnames_of_people_named(&doc.body, found)
}

/// "Kurt Velker testified … Velker disputed the notion …": once a person is named in full, their
/// surname names them wherever the tagger passed it over (at a sentence's start it often does).
/// A surname also written in lower case in the document ("Rice", "rice") may be a common word and
/// is left to the tagger.
fn with_surnames_of_people_named(body: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    let surnames: HashSet<&str> = found
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .filter_map(|m| m.text(body).rsplit_once(' ').map(|(_, last)| last))
        .filter(|w| w.chars().count() >= 3 && is_surname_shaped(w))
        .filter(|w| !body.contains(w.to_lowercase().as_str()))
        .collect();
    let is_word_char = |c: char| c.is_alphanumeric() || c == '-';
    let mut added = Vec::new();
    for surname in surnames {
        for (at, _) in body.match_indices(surname) {
            let end = at + surname.len();
            let whole = !body[..at].chars().next_back().is_some_and(is_word_char)
                && !body[end..].chars().next().is_some_and(is_word_char);
            let taken = found.iter().any(|m| m.start < end && at < m.end);
            if whole && !taken {
                added.push(Mention {
                    start: at,
                    end,
                    kind: EntityType::Person,
                    title: None,
                });
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.start);
    }
    found
}

/// "CEO", "Head", "Founder" tagged alone name no one: a lone role or title word is dropped,
/// unless the document gives it as a person's surname ("Stephen King … King said").
fn without_lone_roles(body: &str, found: Vec<Mention>) -> Vec<Mention> {
    let surnames: HashSet<String> = found
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .filter_map(|m| Some(m.text(body).rsplit_once(' ')?.1.to_lowercase()))
        .collect();
    found
        .into_iter()
        .filter(|m| {
            let lower = m.text(body).trim_end_matches('.').to_lowercase();
            let role = super::roles::ROLE_NOUNS.contains(&lower.as_str()) || is_title(&lower);
            !role || surnames.contains(&lower)
        })
        .collect()
}

/// Two repairs to the tagger's spans where English spelling is regular and the tagger, trained
/// on 1990s wire copy, is not: a person's name runs on through a capitalised surname it left out
/// or gave a name of its own ("Kasimir Oyelaran-Drost"), and a name holding a plural possessive
/// is one name ("Lorn Valley Residents' Committee", "Workers' Party").
fn repaired(
    words: &[&str],
    tags: &[Tag],
    found: Vec<(usize, usize, EntityType)>,
) -> Vec<(usize, usize, EntityType)> {
    let mut out: Vec<(usize, usize, EntityType)> = Vec::with_capacity(found.len());
    for (mut first, mut last, mut kind) in found {
        // "Quay | Lane", "Halloran Street": a name that ends in a street's or a feature's word
        // is a place, with the capitalised words the tagger left out before it
        // ("lane" is also a surname, so it only heads a place the tagger did not see whole)
        let head = words[last - 1].to_lowercase();
        let feature_head = FEATURE_WORDS.contains(&head.as_str()) || head == "lane";
        if feature_head && kind != EntityType::Organization {
            let tagged_first = first;
            // (never back to the sentence's first word, capitalised whatever it is)
            while first > 1
                && out.last().is_none_or(|p| p.1 < first)
                && matches!(tags[first - 1], Tag::Outside)
                && words[first - 1]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && words[first - 1].chars().all(char::is_alphabetic)
            {
                first -= 1;
            }
            // "Nathan Lane", tagged whole as a person, stays one
            if last - first >= 2 && (first < tagged_first || kind != EntityType::Person) {
                kind = EntityType::Location;
            }
        }
        // "Christopher | L. Tays", "Sonya | A. Zoghlin": a middle initial opens no name, the
        // given name before it is the person's, however the tagger read it
        if kind == EntityType::Person && is_initial(words[first]) {
            let given_name = |(p_first, p_last): (usize, usize)| {
                p_last == first && words[p_first..p_last].iter().all(|w| is_surname_shaped(w))
            };
            if let Some(previous) = out.last_mut().filter(|p| given_name((p.0, p.1))) {
                *previous = (previous.0, last, EntityType::Person);
                continue;
            }
            let untagged_before = first > 0
                && matches!(tags[first - 1], Tag::Outside)
                && is_surname_shaped(words[first - 1])
                && out.last().is_none_or(|p| p.1 < first);
            if untagged_before {
                first -= 1;
            }
        }
        // "Ra'Shawn | Velkerin", "Ja'Varis | Holt": a given name with an apostrophe between two
        // capitalised parts is one the tagger does not know; it opens the name after it
        let one_name_after = kind == EntityType::Person || last - first == 1;
        if one_name_after && first > 0 && is_apostrophe_given_name(words[first - 1]) {
            let given_name = |p: &(usize, usize, EntityType)| p.1 == first && p.1 - p.0 == 1;
            if let Some(previous) = out.last_mut().filter(|p| given_name(p)) {
                *previous = (previous.0, last, EntityType::Person);
                continue;
            }
            if matches!(tags[first - 1], Tag::Outside) && out.last().is_none_or(|p| p.1 < first) {
                first -= 1;
                kind = EntityType::Person;
            }
        }
        // "Gov. | Dana | Velker": an untagged name-shaped word between a title and a person's
        // name is the given name; a title the tagger ran into the name before it ("Lorn GOP
        // Gov.") is no part of that name
        let given_name_after_title = kind == EntityType::Person
            && first >= 2
            && matches!(tags[first - 1], Tag::Outside)
            && is_surname_shaped(words[first - 1])
            && is_title(words[first - 2]);
        if given_name_after_title && out.last().is_none_or(|p| p.1 < first) {
            if let Some(previous) = out.last_mut().filter(|p| p.1 == first - 1) {
                previous.1 -= 1;
            }
            out.retain(|p| p.1 > p.0);
            first -= 1;
        }
        // "Kasimir | Oyelaran-Drost": a name the tagger split in two after a given name
        if let Some(previous) = out
            .last_mut()
            .filter(|p| p.1 == first && p.2 == EntityType::Person)
        {
            while first < last && is_surname_shaped(words[first]) {
                first += 1;
            }
            previous.1 = first;
            if words[first..last]
                .iter()
                .all(|w| !w.chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
        }
        if kind == EntityType::Person {
            while last < words.len()
                && matches!(tags[last], Tag::Outside)
                && is_surname_shaped(words[last])
            {
                last += 1;
            }
        }
        // "Lorn Valley Residents' Committee" with "Committee" left out: the capitalised words
        // after a body's plural possessive are its head
        if kind != EntityType::Person
            && last + 1 < words.len()
            && matches!(words[last], "'" | "\u{2019}")
            && words[last - 1].ends_with('s')
        {
            let head = words[last + 1..]
                .iter()
                .zip(&tags[last + 1..])
                .take_while(|(w, t)| {
                    matches!(t, Tag::Outside) && w.chars().next().is_some_and(char::is_uppercase)
                })
                .count();
            if head > 0 {
                last += 1 + head;
            }
        }
        if let Some(previous) = out.last_mut() {
            let (p_first, p_last, p_kind) = *previous;
            // "Lorn | Ferry General | Hospital": capitalised words the tagger left out between a
            // name and one whose last word heads a body's or a feature's name make one name
            if let Some(joined) =
                bridged_name(words, tags, (p_first, p_last, p_kind), (first, last))
            {
                *previous = (p_first, last, joined);
                continue;
            }
            let joined_by_plural_possessive = p_last + 1 == first
                && matches!(words[p_last], "'" | "\u{2019}")
                && words[p_last - 1].ends_with('s')
                && p_kind != EntityType::Person;
            if joined_by_plural_possessive {
                *previous = (p_first, last, p_kind);
                continue;
            }
            // "KL | Varrow": two bodies' names side by side, with nothing between, are one
            let ends_in_a_word = words[p_last - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if p_last == first
                && ends_in_a_word
                && p_kind == EntityType::Organization
                && kind == p_kind
            {
                *previous = (p_first, last, p_kind);
                continue;
            }
            if kind != EntityType::Person && body_of_a_place(words, *previous, first) {
                let joined = if p_kind == EntityType::Location {
                    EntityType::Location
                } else {
                    EntityType::Organization
                };
                *previous = (p_first, last, joined);
                continue;
            }
        }
        out.push((first, last, kind));
    }
    out
}

/// The type of one name made of a name, the capitalised words the tagger left untagged after it
/// and a second name that ends in the word for a body or a feature ("Lorn Ferry General
/// Hospital", "Talvin Upper Dam"); None when they are two names. Titles may sit between ("General
/// Hospital"): a person is never the second name, so "Pakistan General Pervez" stays apart.
fn bridged_name(
    words: &[&str],
    tags: &[Tag],
    (_, p_last, p_kind): (usize, usize, EntityType),
    (first, last): (usize, usize),
) -> Option<EntityType> {
    if p_kind == EntityType::Person || p_last > first || last <= first {
        return None;
    }
    let gap_is_name_words = (p_last..first).all(|k| {
        let lower = words[k].to_lowercase();
        matches!(tags[k], Tag::Outside)
            && words[k].chars().next().is_some_and(char::is_uppercase)
            && words[k].chars().all(char::is_alphabetic)
            && !WEEKDAYS.contains(&lower.as_str())
            && !MONTHS.contains(&lower.as_str())
    });
    let head = words[last - 1].to_lowercase();
    if !gap_is_name_words
        || !words[last - 1]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return None;
    }
    if ORGANIZATION_WORDS.contains(&head.as_str()) {
        Some(EntityType::Organization)
    } else if FEATURE_WORDS.contains(&head.as_str()) {
        Some(EntityType::Location)
    } else {
        None
    }
}

/// Whether a name whose last word heads the names of bodies or states ("Islamic Emirate",
/// "Central Bank", "Supreme Court") runs on through "of" (or "of the") into the name that starts
/// at `next`: "Islamic Emirate of Lornia" is one name, as "Bank of England" is.
fn body_of_a_place(words: &[&str], previous: (usize, usize, EntityType), next: usize) -> bool {
    let (p_first, p_last, p_kind) = previous;
    if p_kind == EntityType::Person || p_last <= p_first || words.get(p_last) != Some(&"of") {
        return false;
    }
    let joined_at = if words.get(p_last + 1) == Some(&"the") {
        p_last + 2
    } else {
        p_last + 1
    };
    let head = words[p_last - 1].to_lowercase();
    joined_at == next
        && (POLITY_HEADS.contains(&head.as_str()) || ORGANIZATION_WORDS.contains(&head.as_str()))
}

/// A middle initial: one capital letter and a period ("L.").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_uppercase()) && chars.as_str() == "."
}

/// A capitalised word of letters (and inner hyphens or apostrophes) that is no title, calendar
/// word or other word that is never a name.
/// "Ra'Shawn", "Ja'Varis": two capitalised parts joined by an apostrophe, the first of two
/// letters or more ("O'Hare", "D'Souza" are surnames and places).
fn is_apostrophe_given_name(word: &str) -> bool {
    let Some((before, after)) = word.split_once(['\'', '\u{2019}']) else {
        return false;
    };
    let capitalised = |part: &str| {
        part.chars().count() >= 2
            && part.chars().next().is_some_and(char::is_uppercase)
            && part.chars().all(char::is_alphabetic)
    };
    capitalised(before) && capitalised(after)
}

fn is_surname_shaped(word: &str) -> bool {
    let mut chars = word.chars();
    let lower = word.to_lowercase();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() > 1
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
        && !word.ends_with(['-', '\'', '\u{2019}'])
        && !is_title(word)
        && !WEEKDAYS.contains(&lower.as_str())
        && !MONTHS.contains(&lower.as_str())
        && !NOT_NAMES.contains(&lower.as_str())
}

/// "Major Arlen Voss of the Northern Front" read as one name: a title, a name, then "of" and
/// another name are a person and the body they belong to. The second part's type is left to
/// the other mentions of that name.
fn titled_person_of(
    words: &[&str],
    first: usize,
    last: usize,
    kind: EntityType,
) -> Vec<(usize, usize, EntityType)> {
    if let Some(parts) = body_title_then_person(words, first, last, kind) {
        return parts;
    }
    let titled = is_title(words[first]);
    let name_then_of =
        (first + 2..last.saturating_sub(1)).find(|&k| words[k] == "of" && !is_title(words[k - 1]));
    match name_then_of {
        Some(of) if titled => {
            let rest = if words[of + 1] == "the" {
                of + 2
            } else {
                of + 1
            };
            let mut parts = vec![(first, of, EntityType::Person)];
            if rest < last {
                parts.push((rest, last, EntityType::Other));
            }
            parts
        }
        _ => vec![(first, last, kind)],
    }
}

/// "NASA Administrator Jim Holt", "CEO Dane Voss" read as one name: a title or role word
/// followed by two or more words of a person's name ends a body's name (if one is left before
/// it) and opens the person's, whose title it is.
fn body_title_then_person(
    words: &[&str],
    first: usize,
    last: usize,
    kind: EntityType,
) -> Option<Vec<(usize, usize, EntityType)>> {
    let is_role = |w: &str| is_title(w) || super::roles::is_role_noun(w);
    let name_shaped = |w: &&str| is_surname_shaped(w) || is_initial(w);
    let title = (first..last.saturating_sub(2))
        .rev()
        .find(|&k| is_role(words[k]) && words[k + 1..last].iter().all(name_shaped))?;
    let mut body_end = title;
    while body_end > first && is_role(words[body_end - 1]) {
        body_end -= 1;
    }
    // the words before the title name a body when they are one word or end in a body's word
    // ("NASA", "the Lorn Teachers Association"); "US Trade | Representative" or "White House
    // Press | Secretary" hold part of the title and name nothing
    let mut parts = Vec::new();
    let body = &words[first..body_end];
    if kind != EntityType::Person && (body.len() == 1 || (body.len() > 1 && names_a_body(body))) {
        parts.push((first, body_end, kind));
    }
    parts.push((title + 1, last, EntityType::Person));
    Some(parts)
}

/// A word in lower case only: not part of a name.
pub(super) fn is_common_word(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase())
}

fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Whether a name has a word in it (or in one of its hyphenated parts) that only bodies' names have.
fn names_a_body(tokens: &[&str]) -> bool {
    tokens.len() > 1
        && tokens.iter().flat_map(|t| t.split('-')).any(|part| {
            ORGANIZATION_WORDS.contains(&part.trim_end_matches('.').to_lowercase().as_str())
        })
}

/// Whether a name ends in the capitalised word for a river, a dam, a street or the like.
fn names_a_feature(tokens: &[&str]) -> bool {
    tokens.last().is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && FEATURE_WORDS.contains(&w.to_lowercase().as_str())
    })
}

/// Applies the title and non-entity rules to a tagged span of tokens.
fn tidy(
    body: &str,
    spans: &[(usize, usize)],
    words: &[&str],
    mut first: usize,
    mut last: usize,
    mut kind: EntityType,
) -> Option<Mention> {
    // "Talvin province", "Essen district": a place's designator written in lower case belongs
    // to the name, and says the name is a place whatever the tagger thought
    if let Some(designator) = words
        .get(last)
        .filter(|w| kind != EntityType::Person && PLACE_DESIGNATORS.contains(w))
    {
        if kind == EntityType::Location || designator_names_a_place(designator) {
            kind = EntityType::Location;
            last += 1;
        }
    }
    // "Voice of America's": the possessive is not part of the name; nor is a plain lower-case
    // word the tagger ran on into ("Talvin commander"), though "al-Qadiri" is
    // ("Talvin valley" keeps its designator; "Observer the town" does not)
    let designator_of_a_name = |k: usize| {
        PLACE_DESIGNATORS.contains(&words[k])
            && k > first
            && words[k - 1].chars().next().is_some_and(char::is_uppercase)
    };
    while last > first + 1
        && (matches!(words[last - 1], "'s" | "\u{2019}s" | "'" | "\u{2019}")
            || is_common_word(words[last - 1]))
        && !designator_of_a_name(last - 1)
    {
        last -= 1;
    }
    // "Agence France-Presse" names a body, whatever the tagger thought
    if kind == EntityType::Person && names_a_body(&words[first..last]) {
        kind = EntityType::Organization;
    }
    // titles inside the span move out of it; one just before it is recorded too
    let mut title_start = None;
    while kind == EntityType::Person && first + 1 < last && is_title(words[first]) {
        title_start.get_or_insert(first);
        first += 1;
    }
    if title_start.is_none() && first > 0 && is_title(words[first - 1]) {
        let mut k = first - 1;
        while k > 0 && is_title(words[k - 1]) {
            k -= 1;
        }
        if kind == EntityType::Person || words[k].chars().next().is_some_and(char::is_uppercase) {
            title_start = Some(k);
        }
    }
    // "Yet Holt", "Those Corrabel": a conjunction, demonstrative or interjection the tagger took
    // in at a sentence's start opens no name
    while first + 1 < last && NEVER_OPEN_A_NAME.contains(&words[first].to_lowercase().as_str()) {
        first += 1;
    }
    // a quotation mark or dash the tagger took into a name is not part of it
    let is_mark = |w: &str| !w.chars().any(char::is_alphanumeric) && !w.starts_with(['#', '@']);
    while first + 1 < last && is_mark(words[first]) {
        first += 1;
    }
    while last > first + 1 && is_mark(words[last - 1]) {
        last -= 1;
    }
    let tokens = &words[first..last];
    // "Talvin River", "Corrabel Dam": the word for the feature says the name is a place
    if tokens.len() > 1 && names_a_feature(tokens) {
        kind = EntityType::Location;
    }
    // "#Lorn", "@handle": the sign is not part of the name
    let sign = usize::from(tokens[0].starts_with(['#', '@']) && tokens[0].len() > 1);
    let lone = tokens[0].to_lowercase();
    let calendar = WEEKDAYS.contains(&lone.as_str()) || MONTHS.contains(&lone.as_str());
    if tokens.len() == 1 && (calendar || NOT_NAMES.contains(&lone.as_str())) {
        return None;
    }
    if tokens.iter().all(|w| !w.chars().any(char::is_alphabetic)) {
        return None;
    }
    // "Sen. Dane Holt, R-Calif.": a party and state tag set off after a name says whom the
    // person stands for, it names no one ("D-Day" is not set off)
    let set_off = first > 0 && matches!(words[first - 1], "," | "(");
    if tokens.len() == 1 && set_off && crate::lexicon::is_party_tag(tokens[0]) {
        return None;
    }
    let (start, end) = (spans[first].0 + sign, spans[last - 1].1);
    let title = title_start.map(|k| body[spans[k].0..spans[first - 1].1].to_string());
    Some(Mention {
        start,
        end,
        kind,
        title,
    })
}

/// Hashtags and @handles the tagger left untagged: names written for social media.
fn handles(spans: &[(usize, usize)], words: &[&str], tags: &[Tag]) -> Vec<Mention> {
    words
        .iter()
        .enumerate()
        .filter(|(k, w)| {
            tags[*k] == Tag::Outside
                && (w.starts_with('#') || w.starts_with('@'))
                && w.chars().nth(1).is_some_and(char::is_alphabetic)
        })
        .map(|(k, _)| {
            let (start, end) = (spans[k].0 + 1, spans[k].1);
            Mention {
                start,
                end,
                kind: EntityType::Other,
                title: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_document;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn tokens_split_like_conll() {
        assert_eq!(
            words("Gen. Arlen Voss's men (NVF) reached \"Tarnby,\" the U.S. said."),
            [
                "Gen.", "Arlen", "Voss", "'s", "men", "(", "NVF", ")", "reached", "\"", "Tarnby",
                ",", "\"", "the", "U.S.", "said", "."
            ]
        );
    }

    #[test]
    fn a_double_mark_of_the_wrong_hand_is_its_own_token() {
        assert_eq!(
            words("\u{201C}We held,\u{201C} said Holt, \u{201D}and we hold.\u{201D}"),
            [
                "\u{201C}", "We", "held", ",", "\u{201C}", "said", "Holt", ",", "\u{201D}", "and",
                "we", "hold", ".", "\u{201D}"
            ]
        );
    }

    fn mentions_of(body: &str) -> Vec<(String, EntityType, Option<String>)> {
        let mut doc = test_document("d", body);
        crate::text::segment(&mut doc);
        find(&doc, super::super::shipped_ner())
            .into_iter()
            .map(|m| (m.text(body).to_string(), m.kind, m.title))
            .collect()
    }

    #[test]
    fn a_conjunction_or_demonstrative_opening_a_sentence_opens_no_name() {
        let found = mentions_of(
            "Dane Sondervik met the board on Monday. Yet Sondervik has already amended his \
             testimony once. Hey Corrabel, the drivers wrote. Since Easter, despite the ban, fares \
             have doubled.",
        );
        let names: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("Yet") || n.starts_with("Hey") || n.starts_with("Since")),
            "{found:?}"
        );
    }

    #[test]
    fn a_given_name_written_with_an_apostrophe_opens_the_name_after_it() {
        let found = mentions_of(
            "When the geologist Ra'Shawn Velkerin at the Tarnby Institute looked inside, he \
             found it. Receiver Ja'Varis Holt caught two passes. Flights left O'Hare Airport \
             late.",
        );
        let names: Vec<(&str, EntityType)> =
            found.iter().map(|(t, k, _)| (t.as_str(), *k)).collect();
        assert!(
            names.contains(&("Ra'Shawn Velkerin", EntityType::Person)),
            "{found:?}"
        );
        assert!(
            names.contains(&("Ja'Varis Holt", EntityType::Person)),
            "{found:?}"
        );
        assert!(
            !names.iter().any(|(t, _)| t.starts_with("Airport")),
            "{found:?}"
        );
    }

    #[test]
    fn a_given_name_after_a_title_joins_the_surname_and_two_bodies_side_by_side_are_one() {
        use EntityType::{Organization, Person};
        let words = ["Lorn", "GOP", "Gov.", "Dana", "Velker", "said"];
        let org = |first| {
            if first {
                Tag::Begin(Organization)
            } else {
                Tag::Inside(Organization)
            }
        };
        let tags = [
            org(true),
            org(false),
            org(false),
            Tag::Outside,
            Tag::Begin(Person),
            Tag::Outside,
        ];
        let found = vec![(0, 3, Organization), (4, 5, Person)];
        assert_eq!(
            repaired(&words, &tags, found),
            vec![(0, 2, Organization), (3, 5, Person)]
        );
        let words = ["KL", "Varrow", "fell", "and", "Tarnby", ",", "Lorn", "rose"];
        let tags = [
            org(true),
            org(true),
            Tag::Outside,
            Tag::Outside,
            org(true),
            org(false),
            org(true),
            Tag::Outside,
        ];
        let found = vec![
            (0, 1, Organization),
            (1, 2, Organization),
            (4, 6, Organization),
            (6, 7, Organization),
        ];
        assert_eq!(
            repaired(&words, &tags, found),
            vec![
                (0, 2, Organization),
                (4, 6, Organization),
                (6, 7, Organization)
            ]
        );
    }

    #[test]
    fn a_surname_of_a_person_named_in_full_names_them_wherever_the_tagger_passed_it_over() {
        let body = "Kurt Velker testified on Tuesday. Velker disputed the notion. The Rice \
                    family grew rice. Dana Rice spoke.";
        let at = |w: &str, n: usize| body.match_indices(w).nth(n).unwrap().0;
        let mention = |start: usize, len: usize| Mention {
            start,
            end: start + len,
            kind: EntityType::Person,
            title: None,
        };
        let tagged = vec![mention(0, 11), mention(at("Dana Rice", 0), 9)];
        let texts: Vec<&str> = with_surnames_of_people_named(body, tagged)
            .iter()
            .map(|m| m.text(body))
            .collect();
        // the second "Velker" joins, in reading order; "Rice", a word the text also writes in
        // lower case, does not
        assert_eq!(texts, vec!["Kurt Velker", "Velker", "Dana Rice"]);
    }

    #[test]
    fn a_middle_initial_keeps_the_given_name_before_it() {
        let found = mentions_of(
            "Officers arrested Christopher L. Sondervik, 32, of Tarnby. Sonya A. Marrowby, his \
             attorney, said so.",
        );
        let names: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(names.contains(&"Christopher L. Sondervik"), "{found:?}");
        assert!(names.contains(&"Sonya A. Marrowby"), "{found:?}");
    }

    #[test]
    fn a_title_between_a_body_and_a_person_splits_them() {
        let found = mentions_of(
            "Harbour Authority Administrator Dane Sondervik spoke first. Then Corrabel CEO Mara \
             Lindqvist said the plant would close.",
        );
        let names: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(names.contains(&"Dane Sondervik"), "{found:?}");
        assert!(names.contains(&"Mara Lindqvist"), "{found:?}");
        let kind_of = |name: &str| found.iter().find(|(t, _, _)| t == name).map(|f| f.1);
        assert_eq!(
            kind_of("Mara Lindqvist"),
            Some(EntityType::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_lone_role_word_names_no_one_unless_it_is_a_surname() {
        let found = mentions_of(
            "Dane Sondervik, Head of Research at Corrabel Securities, spoke first. The Founder \
             wrote later. Mara Judge chaired the panel, and Judge said it went well.",
        );
        let names: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(!names.contains(&"Head"), "{found:?}");
        assert!(!names.contains(&"Founder"), "{found:?}");
        // a surname that is also a role word stays a name
        assert!(names.contains(&"Judge"), "{found:?}");
    }

    #[test]
    fn a_party_and_state_tag_after_a_name_names_no_one() {
        let found = mentions_of(
            "Sen. Dane Holt, R-Neb., and Rep. Mara Lind (D-Ore.) wrote to Gov. Arlen Voss, \
             R-TX, on Monday.",
        );
        let names: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
        for tag in ["R-Neb", "D-Ore", "R-TX"] {
            assert!(!names.iter().any(|n| n.contains(tag)), "{found:?}");
        }
        for person in ["Dane Holt", "Mara Lind", "Arlen Voss"] {
            assert!(names.contains(&person), "{found:?}");
        }
    }

    #[test]
    fn hyphenated_surnames_and_plural_possessives_stay_inside_their_names() {
        let found = mentions_of(
            "Kasimir Oyelaran-Drost, chair of the Lorn Valley Residents' Committee, told the Meridian Wire on Monday that the committee had written.",
        );
        let names: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(names.contains(&"Kasimir Oyelaran-Drost"), "{found:?}");
        assert!(
            names.contains(&"Lorn Valley Residents' Committee"),
            "{found:?}"
        );
        assert!(!names.iter().any(|n| n.contains("Monday")), "{found:?}");
        // where the tagger gives the surname a name of its own
        let found =
            mentions_of("Its chair, Kasimir Oyelaran-Drost, has demanded to see the records.");
        assert_eq!(found[0].0, "Kasimir Oyelaran-Drost", "{found:?}");
        assert_eq!(
            (found.len(), found[0].1),
            (1, EntityType::Person),
            "{found:?}"
        );
    }

    #[test]
    fn titles_stay_apart_and_calendar_words_are_not_names() {
        let found = mentions_of(
            "Meanwhile, Gen. Arlen Voss told reporters in Tarnby on Monday that the army would stay.",
        );
        assert!(found.contains(&("Arlen Voss".into(), EntityType::Person, Some("Gen.".into()))));
        assert!(found
            .iter()
            .any(|m| m.0 == "Tarnby" && m.1 == EntityType::Location));
        assert!(!found.iter().any(|m| m.0 == "Monday" || m.0 == "Meanwhile"));
    }

    #[test]
    fn a_comma_without_a_space_separates_words_but_not_digits() {
        assert_eq!(
            words("held by NVF,Talvin lost 1,000 men"),
            ["held", "by", "NVF", ",", "Talvin", "lost", "1,000", "men"]
        );
    }

    #[test]
    fn a_designator_makes_a_place_and_a_titled_name_of_a_body_is_two_names() {
        let found = mentions_of("Fighters held the Essel district of Talvin for a week.");
        assert!(
            found.contains(&("Essel district".into(), EntityType::Location, None)),
            "{found:?}"
        );
        let found = mentions_of(
            "One commando, Major Arlen Marek Voss of the Northern Valley Front, shared a photo.",
        );
        assert!(
            found.contains(&(
                "Arlen Marek Voss".into(),
                EntityType::Person,
                Some("Major".into())
            )),
            "{found:?}"
        );
        assert!(
            found.iter().any(|m| m.0 == "Northern Valley Front"),
            "{found:?}"
        );
    }

    #[test]
    fn a_state_or_body_runs_on_through_of_into_its_place() {
        let found = mentions_of(
            "\"The fighters of the Islamic Emirate of Lornia advanced from every side,\" he said.",
        );
        assert!(
            found.contains(&(
                "Islamic Emirate of Lornia".into(),
                EntityType::Organization,
                None
            )),
            "{found:?}"
        );
        // a place's own "of" is left alone: a district is no body
        let found = mentions_of("Fighters held the Essel district of Talvin for a week.");
        assert!(!found.iter().any(|m| m.0.contains(" of ")), "{found:?}");
    }

    #[test]
    fn words_the_tagger_left_out_before_a_bodys_head_stay_in_its_name() {
        let found = mentions_of(
            "Two doctors at Tarnby Ferry General Hospital told the Herald the town needed answers.",
        );
        let names: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(
            names.contains(&"Tarnby Ferry General Hospital"),
            "{found:?}"
        );
        assert!(!names.iter().any(|n| n.ends_with("town")), "{found:?}");
        // a title between a place and a person's name joins nothing
        let found = mentions_of("Lornian General Arlen Voss met the press in Tarnby.");
        assert!(
            found
                .iter()
                .any(|(t, kind, _)| t == "Arlen Voss" && *kind == EntityType::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_ending_in_a_streets_word_is_a_place() {
        let found = mentions_of(
            "Volunteers lifted a family out of an attic on Quay Lane, where the water had risen.",
        );
        assert!(
            found
                .iter()
                .any(|(t, kind, _)| t == "Quay Lane" && *kind == EntityType::Location),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(_, kind, _)| *kind == EntityType::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_word_only_bodies_have_makes_a_name_a_body() {
        assert!(names_a_body(&["Agence", "Talvin-Presse"]));
        assert!(names_a_body(&["Lorn", "Broadcasting", "Corporation"]));
        // armed and police bodies
        assert!(names_a_body(&["Lorn", "State", "Police"]));
        assert!(names_a_body(&["Eastern", "Naval", "Command"]));
        assert!(names_a_body(&["Royal", "Tarnby", "Navy"]));
        assert!(!names_a_body(&["Arlen", "Voss"]));
        // a word that is also a surname does not decide it
        assert!(!names_a_body(&["Dane", "Post"]));
        assert!(!names_a_body(&["Presse"]));
    }

    #[test]
    fn a_river_a_dam_or_a_street_is_a_place_and_a_club_is_a_body() {
        let found = mentions_of(
            "Water from the Marrow River poured over the Tarnby Dam and down Holt Street. \
             Lorn Wanderers beat Tarnby Athletic on Saturday.",
        );
        let kind = |name: &str| {
            found
                .iter()
                .find(|(text, _, _)| text == name)
                .unwrap_or_else(|| panic!("{name}: {found:?}"))
                .1
        };
        assert_eq!(kind("Marrow River"), EntityType::Location);
        assert_eq!(kind("Tarnby Dam"), EntityType::Location);
        assert_eq!(kind("Holt Street"), EntityType::Location);
        assert_eq!(kind("Lorn Wanderers"), EntityType::Organization);
        // a surname that is also a word for a place does not decide it
        assert!(!names_a_feature(&["Dane", "Lane"]));
        assert!(!names_a_feature(&["Holt", "river"]));
    }

    #[test]
    fn hashtags_and_handles_are_names() {
        let found =
            mentions_of("Supporters shared the video with #FreeTarnby and tagged @arlenvoss.");
        assert!(found.iter().any(|m| m.0 == "FreeTarnby"));
        assert!(found.iter().any(|m| m.0 == "arlenvoss"));
    }
}
