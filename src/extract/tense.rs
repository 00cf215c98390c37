//! Whether the clause a time expression stands in tells of something still to come. News tells
//! of the past, so a bare "on Friday" or "Dec. 15" is the last such day; but "talks will resume
//! on Friday", "a vote scheduled for Dec. 15" and "due to start in mid-December" look ahead, and
//! English marks that with a few words: a modal, "due to", "set to", "scheduled", a progressive
//! present ("is holding an event on December 2").

use crate::model::Lean;

/// Words that put their clause in the future wherever they stand before the time.
const MODAL_WORDS: [&str; 5] = ["will", "shall", "won't", "upcoming", "forthcoming"];

/// Modals of what should or may come ("rain should ease by Thursday"), unless a perfect follows
/// ("may have met on Friday"). "May" the month is told apart by what stands around it.
const LIKELY_MODALS: [&str; 4] = ["should", "might", "must", "may"];

/// Verbs of a schedule in the present ("the show opens on Friday", "tickets go on sale Dec. 6",
/// "the Gophers play Saturday"): news tells of the past in the past tense, so these in the
/// present (or bare, after "to") look ahead.
const SCHEDULE_VERBS: &[&str] = &[
    "opens",
    "open",
    "begins",
    "begin",
    "starts",
    "start",
    "ends",
    "closes",
    "resumes",
    "resume",
    "goes",
    "go",
    "airs",
    "air",
    "kicks",
    "expires",
    "expire",
    "meets",
    "meet",
    "plays",
    "play",
    "faces",
    "face",
    "hosts",
    "host",
    "travels",
    "returns",
    "arrives",
    "arrive",
    "launches",
    "debuts",
    "premieres",
    "reopens",
    "reopen",
    "convenes",
    "convene",
    "runs",
    "lasts",
    "continues",
    "continue",
    "concludes",
    "conclude",
    "wraps",
    "holds",
    "hold",
    "takes",
    "heads",
    "visits",
    "hits",
    "lands",
    "unveils",
    "comes",
];

/// Participles of planning ("scheduled for", "due to", "expected on"): in a clause told in the
/// present they look ahead; in one told in the past ("was due to be freed in September", "an
/// increase planned for Oct. 15 was dropped") the plan may fall either side of the report.
const PLAN_WORDS: [&str; 6] = [
    "scheduled",
    "rescheduled",
    "slated",
    "due",
    "expected",
    "planned",
];

/// Words after a plan word that tie it to a time ("scheduled for", "due to", "expected in").
const PLAN_TIES: [&str; 8] = ["for", "to", "on", "in", "at", "by", "until", "around"];

/// Words after which "to" looks ahead ("set to open", "plans to vote", "going to").
const AHEAD_BEFORE_TO: [&str; 6] = ["set", "plans", "plan", "planning", "going", "poised"];

/// Past forms that end no "-ed": a clause told in the past has no future marker before them.
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "won",
    "lost",
    "made",
    "came",
    "went",
    "began",
    "took",
    "gave",
    "held",
    "left",
    "saw",
    "got",
    "became",
    "fell",
    "rose",
    "kept",
    "sent",
    "spent",
    "paid",
    "ran",
    "sold",
    "brought",
    "thought",
    "found",
    "led",
    "struck",
    "fought",
    "broke",
    "would",
    "could",
    "bought",
    "caught",
    "taught",
    "wrote",
    "spoke",
    "chose",
    "drove",
    "flew",
    "grew",
    "knew",
    "threw",
    "wore",
    "stood",
    "sought",
    "swore",
    "tore",
    "woke",
    "shot",
    "fled",
    "fed",
    "hung",
    "rode",
    "rang",
    "sang",
    "sank",
    "forgot",
    "hid",
    "stole",
    "froze",
    "shook",
    "withdrew",
    "drew",
    "meant",
    "felt",
    "heard",
    "built",
    "lent",
    "dealt",
    "slept",
    "swept",
    "sat",
    "stuck",
    "dug",
    "spun",
    "ate",
    "forbade",
    "overtook",
    "undertook",
    "arose",
    "awoke",
    "bore",
    "beat",
    "bit",
    "blew",
    "bled",
    "bred",
    "clung",
    "crept",
    "fled",
    "flung",
    "fought",
    "laid",
    "lay",
    "leapt",
    "slid",
    "smote",
    "stung",
    "strove",
    "swung",
];

/// Words that open a clause of their own: a marker before them belongs to another clause.
const CLAUSE_OPENERS: [&str; 12] = [
    "that", "who", "which", "when", "after", "before", "because", "while", "where", "if", "as",
    "but",
];

/// Words that may stand before a time that opens its clause ("On Friday, …").
const TIME_LEADS: [&str; 8] = ["on", "by", "from", "until", "early", "late", "this", "next"];

/// Which occurrence the time at `start..end` of `body` means, by what its clause tells.
pub fn lean_of(body: &str, start: usize, end: usize) -> Lean {
    // "Holt's July 25 call": a time inside a noun phrase tells when that thing was, not the verb
    let head = body.get(..start).unwrap_or("").trim_end();
    if head.ends_with("'s") || head.ends_with("\u{2019}s") {
        return Lean::Past;
    }
    let before = words(clause_before(body, start));
    if let Some(lean) = first_marker(&before, (0..before.len()).rev()) {
        return lean;
    }
    // "On Friday, the board will vote": a time that opens its clause takes the clause after it
    let opens_its_clause = before.iter().all(|w| TIME_LEADS.contains(&w.as_str()));
    let rest = body.get(end..).unwrap_or("");
    match rest.strip_prefix(',') {
        Some(after) if opens_its_clause => {
            let after = words(clause_after(after));
            first_marker(&after, 0..after.len()).unwrap_or_else(|| past_or_unmarked(&[&after]))
        }
        _ => past_or_unmarked(&[&before, &words(clause_after(rest))]),
    }
}

/// Past when a past form stands around the time; with none, a line of a schedule or a caption.
fn past_or_unmarked(around: &[&[String]]) -> Lean {
    let past = around
        .iter()
        .any(|words| (0..words.len()).any(|k| is_past(words, k)));
    if past {
        Lean::Past
    } else {
        Lean::Unmarked
    }
}

/// The text from the last clause boundary before `start` up to it.
fn clause_before(body: &str, start: usize) -> &str {
    let head = body.get(..start).unwrap_or("");
    let from = head.rfind(is_clause_boundary).map_or(0, |k| {
        k + head[k..].chars().next().map_or(1, char::len_utf8)
    });
    &head[from..]
}

/// The text from the start of `rest` up to the next clause boundary.
fn clause_after(rest: &str) -> &str {
    &rest[..rest.find(is_clause_boundary).unwrap_or(rest.len())]
}

fn is_clause_boundary(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | ';'
            | ':'
            | ','
            | '\n'
            | '"'
            | '('
            | ')'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2014}'
            | '\u{2013}'
    )
}

/// The words of a stretch of text, lowercased, curly apostrophes made straight.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .replace('\u{2019}', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// What the first future marker says, reading the words in `order` (away from the time), with
/// no past verb or clause opener before it.
fn first_marker(words: &[String], order: impl Iterator<Item = usize>) -> Option<Lean> {
    for k in order {
        if let Some(lean) = marker_at(words, k) {
            return Some(lean);
        }
        if ends_the_search(words, k) {
            return None;
        }
    }
    None
}

/// What the word at `k` says of its clause's time, if anything: a modal, a progressive present
/// ("is holding") or "set to" look ahead; a plan word does too, unless the clause before it is
/// told in the past.
fn marker_at(words: &[String], k: usize) -> Option<Lean> {
    let word = words[k].as_str();
    let next = words.get(k + 1).map(String::as_str);
    let previous = k.checked_sub(1).map(|j| words[j].as_str());
    let progressive = word.len() > 5
        && word.ends_with("ing")
        && matches!(
            previous,
            Some("is" | "are" | "am" | "it's" | "they're" | "we're")
        );
    // a schedule verb after a past word ("did meet") or after "to" of one ("decided to reopen")
    let after_a_past_word = match previous {
        Some("to") => k >= 2 && is_past(words, k - 2),
        Some(w) => IRREGULAR_PAST.contains(&w),
        None => false,
    };
    if MODAL_WORDS.contains(&word)
        || is_a_likely_modal(words, k)
        || (SCHEDULE_VERBS.contains(&word) && !after_a_past_word)
        || word.ends_with("'ll")
        || (AHEAD_BEFORE_TO.contains(&word) && next == Some("to"))
        || progressive
    {
        return Some(Lean::Ahead);
    }
    // a plan word stands before its time ("a scheduled Dec. 15 vote") or a word tying it to one
    let tied = next.is_none_or(|n| PLAN_TIES.contains(&n));
    if !PLAN_WORDS.contains(&word) || !tied {
        return None;
    }
    let told_in_the_past = (0..k).any(|j| is_past(words, j));
    Some(if told_in_the_past {
        Lean::Nearest
    } else {
        Lean::Ahead
    })
}

/// "Should", "might", "must" or "may" before a verb, and no perfect ("should have"): not the
/// month ("in May", "May 3").
fn is_a_likely_modal(words: &[String], k: usize) -> bool {
    let word = words[k].as_str();
    let next = words.get(k + 1).map(String::as_str);
    let previous = k.checked_sub(1).map(|j| words[j].as_str());
    let before_a_verb =
        next.is_some_and(|n| n.chars().all(char::is_alphabetic) && !matches!(n, "have" | "of"));
    let the_month = word == "may"
        && previous.is_some_and(|p| {
            matches!(
                p,
                "in" | "on"
                    | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "this"
                    | "next"
                    | "from"
                    | "through"
                    | "during"
            )
        });
    LIKELY_MODALS.contains(&word) && before_a_verb && !the_month
}

/// Whether the word at `k` closes the clause the time is in: a past verb or a word opening a
/// clause of its own.
fn ends_the_search(words: &[String], k: usize) -> bool {
    is_past(words, k) || CLAUSE_OPENERS.contains(&words[k].as_str())
}

/// A past verb: "-ed" (not a participle after "be": "will be announced") or an irregular past.
fn is_past(words: &[String], k: usize) -> bool {
    let word = words[k].as_str();
    let after_be = k > 0 && matches!(words[k - 1].as_str(), "be" | "been" | "being");
    let past = (word.len() > 4 && word.ends_with("ed")) || IRREGULAR_PAST.contains(&word);
    past && !after_be
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lean(text: &str, time: &str) -> Lean {
        let start = text.find(time).expect("time in text");
        lean_of(text, start, start + time.len())
    }

    fn ahead(text: &str, time: &str) -> bool {
        lean(text, time) == Lean::Ahead
    }

    #[test]
    fn modals_and_schedules_look_ahead() {
        assert!(ahead("Talks will resume on Friday.", "on Friday"));
        assert!(ahead(
            "The next round of levies is due to start in mid-May.",
            "in mid-May"
        ));
        assert!(ahead(
            "It will drop a scheduled Dec. 15 rise in fees.",
            "Dec. 15"
        ));
        assert!(ahead(
            "The sedan is set to go on sale in late January.",
            "in late January"
        ));
        assert!(ahead(
            "Cuts will be announced at a meeting on Friday.",
            "on Friday"
        ));
        assert!(ahead(
            "The council is holding a hearing on June 2.",
            "June 2"
        ));
        assert!(ahead("On Friday, the board will vote.", "On Friday"));
    }

    #[test]
    fn a_schedule_told_in_the_present_looks_ahead() {
        assert!(ahead(
            "The show opens to the public on Friday.",
            "on Friday"
        ));
        assert!(ahead("Tickets go on sale Friday, Dec. 6.", "Friday"));
        assert!(ahead(
            "The Lorn side plays Saturday against Tarnby.",
            "Saturday"
        ));
        assert!(!ahead(
            "The show opened to the public on Friday.",
            "on Friday"
        ));
        assert!(!ahead("Holt did meet Voss on Friday.", "on Friday"));
        assert!(ahead("The exhibit runs through Friday.", "Friday"));
        assert!(ahead(
            "The tour concludes October 10th in Lorn.",
            "October 10th"
        ));
        assert!(!ahead("The exhibit ran through Friday.", "Friday"));
        assert!(!ahead(
            "Judges decided to reopen the case in May.",
            "in May"
        ));
        assert!(!ahead(
            "Lind will face questions about Holt's July 25 call.",
            "July 25"
        ));
    }

    #[test]
    fn the_past_and_other_clauses_do_not() {
        assert!(!ahead(
            "Holt said on Friday that he would resign.",
            "on Friday"
        ));
        assert!(!ahead(
            "Holt, who will retire, said on Friday he was tired.",
            "on Friday"
        ));
        assert!(!ahead(
            "The dam, which engineers expected to hold, broke on Monday.",
            "on Monday"
        ));
        assert!(!ahead("The vote was held on Dec. 15.", "Dec. 15"));
        assert!(!ahead("On Friday, the board voted.", "On Friday"));
        assert!(!ahead(
            "Crews will stay after the flood on Monday.",
            "on Monday"
        ));
        assert!(!ahead(
            "Utilities ran planned outages in October.",
            "in October"
        ));
    }

    #[test]
    fn plans_told_in_the_past_take_the_nearest() {
        assert_eq!(
            lean("Holt was due to be freed in September.", "in September"),
            Lean::Nearest
        );
        assert_eq!(
            lean(
                "The board dropped an increase planned for Oct. 15.",
                "Oct. 15"
            ),
            Lean::Nearest
        );
        assert_eq!(
            lean("Sentencing is scheduled for Feb. 14.", "Feb. 14"),
            Lean::Ahead
        );
    }
}
