//! Roles of the people a document names, read from how news English attaches them to a name:
//! a role before it ("militia leader Arlen Voss", "former Vice-President Mara Lind")
//! and an apposition after it ("Dane Holt, the head of the Northern Front
//! delegation, said"). A role is kept only when it holds a role noun ("leader", "head",
//! "spokesman", "minister"…); honorifics and ranks alone ("Mr", "Mullah", "Gen.") are not roles.

use crate::lexicon::{MONTHS, WEEKDAYS};
use crate::model::{Document, EntityType, Role};

use super::mentions::{is_common_word, sentence_tokens, tokens};

/// Nouns that make a phrase a role.
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "leader",
    "head",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "minister",
    "president",
    "vice-president",
    "official",
    "founder",
    "co-founder",
    "director",
    "secretary",
    "governor",
    "envoy",
    "ambassador",
    "member",
    "adviser",
    "advisor",
    "negotiator",
    "representative",
    "chairman",
    "chairwoman",
    "chair",
    "mayor",
    "senator",
    "premier",
    "king",
    "queen",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "wife",
    "husband",
    "deputy",
    "officer",
    "analyst",
    "correspondent",
    "editor",
    "professor",
    "expert",
    "chancellor",
    "lawmaker",
    "politician",
    "activist",
    "commissioner",
    "general",
    "prosecutor",
    "judge",
    "critic",
    "lawyer",
    "attorney",
    "aide",
    "strategist",
    "economist",
    "partner",
    "candidate",
    "nominee",
    "researcher",
    "scientist",
    "consultant",
    "manager",
    "executive",
    "ceo",
    "administrator",
    "coach",
];

/// Words a role before a name does not reach across.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "said",
    "says",
    "told",
    "by",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "that",
    "as",
    "was",
    "is",
    "are",
    "were",
    "of",
    "his",
    "her",
    "their",
    "its",
    "whose",
    "when",
    "while",
    "after",
    "before",
    "according",
];

/// Words that begin a clause, where an apposition has ended.
const CLAUSE_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "announced",
    "warned",
    "claimed",
    "who",
    "which",
    "that",
    "whose",
    "has",
    "had",
    "have",
    "is",
    "was",
    "will",
    "would",
];

/// Longest role before a name, and after one, in tokens.
const BEFORE_MAX: usize = 5;
const AFTER_MAX: usize = 16;

pub(super) fn is_role_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    ROLE_NOUNS.contains(&lower) || ROLE_NOUNS.contains(&lower.trim_end_matches('s'))
}

/// The roles of the person mentions in `doc` (mentions must be found first).
pub fn find(doc: &Document) -> Vec<Role> {
    let mut roles = Vec::new();
    for sentence in &doc.sentences {
        // mentions are in reading order: those of this sentence are one run of them
        let from = doc.mentions.partition_point(|m| m.start < sentence.start);
        let to = doc.mentions.partition_point(|m| m.start < sentence.end);
        if !doc.mentions[from..to]
            .iter()
            .any(|m| m.kind == EntityType::Person)
        {
            continue;
        }
        let (spans, words) = sentence_tokens(&doc.body, *sentence);
        for (index, m) in doc.mentions.iter().enumerate().take(to).skip(from) {
            if m.kind != EntityType::Person || m.end > sentence.end {
                continue;
            }
            let Some(first) = spans.iter().position(|s| s.0 == m.start) else {
                continue;
            };
            let Some(last) = spans.iter().position(|s| s.1 == m.end) else {
                continue;
            };
            let title_len = m.title.as_deref().map_or(0, |t| tokens(t).len());
            if let Some((a, b)) = before(&words, first, title_len) {
                roles.push(role(index, spans[a].0, spans[b].1));
            }
            for (a, b) in after(&words, last) {
                roles.push(role(index, spans[a].0, spans[b].1));
            }
        }
    }
    roles
}

fn role(mention: usize, start: usize, end: usize) -> Role {
    Role {
        mention,
        start,
        end,
    }
}

/// Tokens (first, last inclusive) of a role said before the name whose first token is `first`
/// (`title_len` of the tokens just before it being its title). An honorific title ("Mullah",
/// "Mr") is not part of the role before it ("militia co-founder Mullah Arlen Voss").
fn before(words: &[&str], first: usize, title_len: usize) -> Option<(usize, usize)> {
    let title = first.checked_sub(title_len)?..first;
    let title_is_role = words[title.clone()].iter().any(|w| is_role_noun(w));
    let first = if title_is_role { first } else { title.start };
    let end = first.checked_sub(1)?;
    let mut start = first;
    while start > 0 && first - start < BEFORE_MAX + title_len {
        let w = words[start - 1];
        let word_like = w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.');
        let lower = w.to_lowercase();
        // "On Wednesday Governor Voss": a day or month before a title is when, not who
        let calendar = WEEKDAYS.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str());
        if !word_like || calendar || STOP.contains(&lower.as_str()) {
            break;
        }
        start -= 1;
    }
    // the role noun is the phrase's head, right before the name: "militia leader Voss", not
    // "leaders reportedly blamed Voss"
    (start <= end && is_role_noun(words[end])).then_some((start, end))
}

/// The roles of an apposition after the name whose last token is `last`: ", [the] ROLE,"; two
/// roles joined by "and" ("acting mayor of Tarnby and leader of the Front") are two.
fn after(words: &[&str], last: usize) -> Vec<(usize, usize)> {
    let Some((start, end)) = apposition(words, last) else {
        return Vec::new();
    };
    let mut roles = Vec::new();
    let mut from = start;
    for k in start + 1..end {
        let next_is_role = words[k + 1..=end.min(k + 3)]
            .iter()
            .any(|w| is_role_noun(w));
        // "and" right after the last cut ("head and and") leaves no role before it
        if words[k] == "and" && next_is_role && k > from {
            roles.push((from, k - 1));
            from = k + 1;
        }
    }
    if from <= end {
        roles.push((from, end));
    }
    roles
}

/// A body's name may list its remits with commas ("Commission for Culture, Guidance, Sport,
/// said"; "Ministry of Energy, Mines and Water, said"): from a comma `stop` after a capitalised
/// word, capitalised words of up to three tokens followed by another comma, "and" or "&" carry the
/// name on. Returns where the phrase really stops.
fn past_listed_name_parts(words: &[&str], mut stop: usize) -> usize {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut end = stop;
    while end > 0 && words[end] == "," && capitalised(words[end - 1]) {
        let item = end + 1;
        let len = (0..3)
            .take_while(|&k| words.get(item + k).is_some_and(|w| capitalised(w)))
            .count();
        if len == 0 {
            break;
        }
        match words.get(item + len).copied() {
            Some(",") => end = item + len,
            Some("and" | "&") if words.get(item + len + 1).is_some_and(|w| capitalised(w)) => {
                let first = item + len + 1;
                let len = (0..3)
                    .take_while(|&k| words.get(first + k).is_some_and(|w| capitalised(w)))
                    .count();
                match words.get(first + len).copied() {
                    Some(",") => end = first + len,
                    _ => break,
                }
            }
            _ => break,
        }
        stop = end;
    }
    stop
}

/// Tokens of an apposition after a name: its role phrase, first and last inclusive.
fn apposition(words: &[&str], last: usize) -> Option<(usize, usize)> {
    if words.get(last + 1) != Some(&",") {
        return None;
    }
    let mut start = last + 2;
    let article = words
        .get(start)
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"));
    if article {
        start += 1;
    }
    // the apposition ends at punctuation, or where a clause begins ("… said that …")
    // a participle after the head noun begins a clause too ("… Front comprising militias")
    // a plural possessive is inside the phrase: "chair of the Valley Residents' Committee"
    let possessive = |k: usize| {
        k > start
            && words[k - 1].ends_with('s')
            && words
                .get(k + 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic))
    };
    let stop = (start..words.len().min(start + AFTER_MAX)).find(|&k| {
        (matches!(words[k], "," | "." | ";" | ":" | ")" | "\"")
            || words[k] == "'" && !possessive(k))
            || CLAUSE_WORDS.contains(&words[k].to_lowercase().as_str())
            || (k > start + 1 && words[k].ends_with("ing") && is_common_word(words[k]))
    })?;
    if stop == start {
        return None;
    }
    let stop = past_listed_name_parts(words, stop);
    let phrase = &words[start..stop];
    // the role noun comes early: "the head of…", "a senior militia leader"; a clause ("who said…")
    // is not a role
    let starts_like_role = phrase.iter().take(4).any(|w| is_role_noun(w));
    // a role is a noun phrase in lower case ("the head of…") or one its article opens ("a
    // Talvin militia commander"); otherwise a capital here starts a new clause
    let lower_start = phrase[0].chars().next().is_some_and(char::is_lowercase);
    (starts_like_role && (lower_start || article)).then_some((start, stop - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{test_document, Mention};

    fn roles_of(body: &str, names: &[(&str, Option<&str>)]) -> Vec<String> {
        let mut doc = test_document("d", body);
        crate::text::segment(&mut doc);
        doc.mentions = names
            .iter()
            .map(|(name, title)| {
                let start = body.find(name).unwrap();
                Mention {
                    start,
                    end: start + name.len(),
                    kind: EntityType::Person,
                    title: title.map(String::from),
                }
            })
            .collect();
        find(&doc)
            .into_iter()
            .map(|r| body[r.start..r.end].to_string())
            .collect()
    }

    #[test]
    fn roles_before_and_after_a_name() {
        assert_eq!(
            roles_of(
                "The valley's militia leader Arlen Voss spoke first.",
                &[("Arlen Voss", None)]
            ),
            ["militia leader"]
        );
        assert_eq!(
            roles_of(
                "Dane Holt, the head of the Northern Front delegation, said talks failed.",
                &[("Dane Holt", None)]
            ),
            ["head of the Northern Front delegation"]
        );
        assert_eq!(
            roles_of(
                "Dane Holt, chair of the Tarnby Residents' Committee, said talks failed.",
                &[("Dane Holt", None)]
            ),
            ["chair of the Tarnby Residents' Committee"]
        );
        assert_eq!(
            roles_of(
                "Talks stalled, former Vice-President Mara Lind said.",
                &[("Mara Lind", Some("former Vice-President"))]
            ),
            ["former Vice-President"]
        );
    }

    #[test]
    fn a_day_before_a_title_is_no_part_of_the_role() {
        assert_eq!(
            roles_of(
                "On Wednesday Governor Arlen Voss said the dam had been damaged.",
                &[("Arlen Voss", Some("Governor"))]
            ),
            ["Governor"]
        );
    }

    #[test]
    fn an_apposition_with_an_article_may_start_with_a_name_and_splits_at_and() {
        assert_eq!(
            roles_of(
                "Arlen Voss, a Talvin militia commander, marched north.",
                &[("Arlen Voss", None)]
            ),
            ["Talvin militia commander"]
        );
        assert_eq!(
            roles_of(
                "Mara Lind, acting mayor of Tarnby and leader of the Front, spoke.",
                &[("Mara Lind", None)]
            ),
            ["acting mayor of Tarnby", "leader of the Front"]
        );
        assert_eq!(
            roles_of(
                "Dane Holt, an official of the Front comprising three militias, spoke.",
                &[("Dane Holt", None)]
            ),
            ["official of the Front"]
        );
        // no article and a capital: a new clause, not a role
        assert!(roles_of(
            "Arlen Voss, Talvin leaders said, left.",
            &[("Arlen Voss", None)]
        )
        .is_empty());
        // "and" twice, or closing the apposition, leaves no empty role
        for body in [
            "Mara Lind, mayor and and leader of the Front, spoke.",
            "Mara Lind, mayor of Tarnby and, spoke.",
        ] {
            for role in roles_of(body, &[("Mara Lind", None)]) {
                assert!(!role.is_empty(), "{body}");
            }
        }
    }

    #[test]
    fn a_body_that_lists_its_remits_keeps_them_in_the_role() {
        let roles = roles_of(
            "Arlen Voss, head of the Lorn Commission for Culture, Guidance, Sport, said talks were over.",
            &[("Arlen Voss", None)],
        );
        assert_eq!(
            roles,
            vec!["head of the Lorn Commission for Culture, Guidance, Sport"]
        );
        let roles = roles_of(
            "Dane Holt, minister of Energy, Mines and Water, said the dam held.",
            &[("Dane Holt", None)],
        );
        assert_eq!(roles, vec!["minister of Energy, Mines and Water"]);
        // a name after the comma that speaks is not part of the role
        let roles = roles_of(
            "Arlen Voss, head of the Lorn Commission, Dane Holt said.",
            &[("Arlen Voss", None)],
        );
        assert_eq!(roles, vec!["head of the Lorn Commission"]);
    }

    #[test]
    fn an_honorific_title_is_not_part_of_the_role_before_it() {
        assert_eq!(
            roles_of(
                "Talks began after northern militia co-founder Mullah Arlen Voss arrived.",
                &[("Arlen Voss", Some("Mullah"))]
            ),
            ["northern militia co-founder"]
        );
    }

    #[test]
    fn honorifics_and_clauses_are_not_roles() {
        assert!(roles_of("Mr Arlen Voss arrived.", &[("Arlen Voss", Some("Mr"))]).is_empty());
        assert!(roles_of(
            "Arlen Voss, who arrived late, sat down.",
            &[("Arlen Voss", None)]
        )
        .is_empty());
        // the apposition stops where the clause begins
        assert_eq!(
            roles_of(
                "Dane Holt, an official of the front said the talks failed.",
                &[("Dane Holt", None)]
            ),
            ["official of the front"]
        );
    }
}
