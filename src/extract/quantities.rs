//! How many: the numbers a document states, in digits or words ("6,000", "5k", "seven",
//! "two hundred", "two-decade"), with the approximation said before them ("at least", "over",
//! "about", "up to"), the unit after them (km, miles, percent…), the thing counted ("Talvin
//! fighters killed") and who claims it (the speaker of the statement the number is in). Vague
//! amounts ("dozens", "hundreds of") keep their words and take ACLED's conventional values as
//! their lower bound (dozens 12, hundreds 100), marked `vague`.
//!
//! Years, dates, clock times and ordinals are not quantities.

use crate::entities::EntityOfMention;
use crate::model::{Approximation, Document, Quantity, QuantityFound, Span};

use super::mentions::sentence_tokens;

/// Number words and their values.
const UNITS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// Words that multiply the number before them ("two hundred", "1.5 million").
const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1_000.0),
    ("million", 1_000_000.0),
    ("billion", 1_000_000_000.0),
];

/// Vague amounts and ACLED's conventional values for them.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 100.0),
    ("thousands", 1_000.0),
    ("millions", 1_000_000.0),
];

/// Units written after a number, and the name each is given.
const UNIT_NAMES: &[(&str, &str)] = &[
    ("km", "kilometre"),
    ("kms", "kilometre"),
    ("kilometre", "kilometre"),
    ("kilometres", "kilometre"),
    ("kilometer", "kilometre"),
    ("kilometers", "kilometre"),
    ("mile", "mile"),
    ("miles", "mile"),
    ("metre", "metre"),
    ("metres", "metre"),
    ("meter", "metre"),
    ("meters", "metre"),
    ("kg", "kilogram"),
    ("kilograms", "kilogram"),
    ("tonnes", "tonne"),
    ("tons", "tonne"),
    ("percent", "percent"),
    ("%", "percent"),
    ("dollars", "dollar"),
    ("euros", "euro"),
    ("pounds", "pound"),
    ("hectares", "hectare"),
    ("hours", "hour"),
    ("days", "day"),
    ("weeks", "week"),
    ("months", "month"),
    ("years", "year"),
    ("decade", "decade"),
    ("decades", "decade"),
];

/// Words before a number that say how exact it is, longest first.
const APPROXIMATIONS: &[(&[&str], Approximation)] = &[
    (&["at", "least"], Approximation::AtLeast),
    (&["no", "fewer", "than"], Approximation::AtLeast),
    (&["more", "than"], Approximation::Over),
    (&["upwards", "of"], Approximation::Over),
    (&["in", "excess", "of"], Approximation::Over),
    (&["over"], Approximation::Over),
    (&["up", "to"], Approximation::AtMost),
    (&["as", "many", "as"], Approximation::AtMost),
    (&["at", "most"], Approximation::AtMost),
    (&["fewer", "than"], Approximation::Under),
    (&["less", "than"], Approximation::Under),
    (&["nearly"], Approximation::Under),
    (&["almost"], Approximation::Under),
    (&["under"], Approximation::Under),
    (&["an", "estimated"], Approximation::About),
    (&["about"], Approximation::About),
    (&["around"], Approximation::About),
    (&["approximately"], Approximation::About),
    (&["roughly"], Approximation::About),
    (&["some"], Approximation::About),
    (&["close", "to"], Approximation::About),
];

/// Words a counted phrase does not run past.
const PHRASE_STOPS: &[&str] = &[
    "and", "but", "while", "whereas", "or", "who", "which", "that", "since", "because", "after",
    "before", "when", "as",
];

/// Words that open a phrase of place or direction after a noun.
const PLACE_WORDS: &[&str] = &[
    "off", "from", "in", "at", "into", "onto", "across", "through", "near", "along", "around",
    "there", "here", "inside", "outside",
];

/// Auxiliaries left out of the counted phrase ("fighters were killed" → "fighters killed").
const AUXILIARIES: &[&str] = &[
    "were", "was", "are", "is", "have", "has", "had", "been", "be", "being",
];

/// The value of a number written in digits: "6,000", "1.5", "5k", "$20", "2bn".
fn digits_value(word: &str) -> Option<(f64, Option<&'static str>)> {
    let (body, currency) = match word.strip_prefix('$') {
        Some(rest) => (rest, Some("dollar")),
        None => (word, None),
    };
    let lower = body.to_lowercase();
    let (number, scale) = [("k", 1e3), ("m", 1e6), ("bn", 1e9), ("b", 1e9)]
        .iter()
        .find_map(|(suffix, scale)| {
            lower
                .strip_suffix(suffix)
                .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
                .map(|n| (n.to_string(), *scale))
        })
        .unwrap_or((lower.clone(), 1.0));
    if !is_plain_number(&number) {
        return None;
    }
    let plain = number.replace(',', "");
    plain.parse::<f64>().ok().map(|v| (v * scale, currency))
}

/// "6,000", "1.5", "12": digits, thousands grouped by commas or not, a decimal part.
fn is_plain_number(s: &str) -> bool {
    let all_digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    let mut groups = int.split(',');
    let head = groups.next().unwrap_or("");
    let grouped = groups.all(|g| g.len() == 3 && all_digits(g));
    all_digits(frac) && all_digits(head) && grouped && (head.len() <= 3 || !int.contains(','))
}

fn word_value(word: &str) -> Option<f64> {
    let lower = word.to_lowercase();
    // "twenty-five"
    if let Some((tens, ones)) = lower.split_once('-') {
        let tens = UNITS.iter().find(|(w, _)| *w == tens)?.1;
        let ones = UNITS.iter().find(|(w, _)| *w == ones)?.1;
        return (tens >= 20.0 && ones < 10.0).then_some(tens + ones);
    }
    UNITS.iter().find(|(w, _)| *w == lower).map(|(_, v)| *v)
}

/// The quantities of a document (mentions, statements and times found first).
pub fn find(doc: &Document) -> Vec<QuantityFound> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let (spans, words) = sentence_tokens(&doc.body, *sentence);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut k = 0;
        let mut earlier_what: Option<String> = None;
        while k < words.len() {
            match read_number(&words, &lower, k) {
                Some(number) if !is_not_a_quantity(doc, &spans, &lower, k, &number) => {
                    let (mut found, next) = describe(doc, &spans, &words, &lower, k, number);
                    if let Some(earlier) = earlier_what.as_deref() {
                        let head = head_of(earlier);
                        if !head.is_empty() && counts_an_elided_head(&lower, k, &found) {
                            found.what = format!("{head} {}", found.what);
                        }
                    }
                    earlier_what = Some(found.what.clone()).filter(|w| !w.is_empty());
                    k = next;
                    out.push(found);
                }
                Some(number) => k = number.end,
                None => k += 1,
            }
        }
    }
    out
}

/// A count after "and" or a comma with no noun of its own, only a place ("killed 135 in Lorn
/// and 45 in Tarnby"), counts what the count before it counted.
fn counts_an_elided_head(lower: &[String], k: usize, found: &QuantityFound) -> bool {
    let coordinated = k > 0 && matches!(lower[k - 1].as_str(), "and" | "," | "or");
    let opens_with_a_place = found
        .what
        .split(' ')
        .next()
        .is_some_and(|w| PLACE_WORDS.contains(&w.to_lowercase().as_str()));
    coordinated && opens_with_a_place && found.unit.is_none()
}

/// What a counted phrase counts and what happened to it, without its place or agent:
/// "fighters killed by the army in Lorn" gives "fighters killed".
fn head_of(what: &str) -> String {
    what.split(' ')
        .take_while(|w| {
            let lower = w.to_lowercase();
            !PLACE_WORDS.contains(&lower.as_str()) && lower != "by"
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words a counted phrase does not end on.
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "around",
    "about", "its", "their", "his", "her", "earlier", "later", "still", "now", "already", "also",
];

/// Most words of a counted phrase.
const MAX_WHAT_WORDS: usize = 8;

/// Whether the word at j reads as a verb: after an auxiliary, or a past or present participle.
fn is_verb_form(lower: &[String], j: usize) -> bool {
    let w = lower[j].as_str();
    let after_an_auxiliary = j > 0 && AUXILIARIES.contains(&lower[j - 1].as_str());
    let alphabetic = w.chars().all(char::is_alphabetic);
    alphabetic
        && (after_an_auxiliary
            || (w.ends_with("ed") && w.len() > 3)
            || (w.ends_with("ing") && w.len() > 5))
}

/// Where the predicate starts after an aside that opens at the comma at `comma` with a
/// participle, a relative pronoun or a word of proportion ("fighters, | consisting mainly of the
/// army, | have gathered", "fighters, | who had trained for weeks, | were killed"): an
/// auxiliary, or a participle after a comma. None when no such predicate follows or another
/// number comes first.
fn predicate_after_an_aside(words: &[&str], lower: &[String], comma: usize) -> Option<usize> {
    let opener = comma + 1;
    let opens_an_aside = lower.get(opener).is_some_and(|w| {
        matches!(w.as_str(), "who" | "which" | "many" | "most" | "some" | "mainly" | "mostly")
            || is_verb_form(lower, opener)
            // "drawn", "taken": an irregular participle
            || (w.len() > 4 && (w.ends_with("wn") || w.ends_with("en")))
    });
    if !opens_an_aside {
        return None;
    }
    let end = words.len().min(opener + MAX_ASIDE_WORDS);
    for j in opener + 1..end {
        if read_number(words, lower, j).is_some() || PHRASE_STOPS.contains(&lower[j].as_str()) {
            // "and" may join a list inside the aside, but a number or a clause opener ends it
            if lower[j] != "and" {
                return None;
            }
        }
        let auxiliary = AUXILIARIES.contains(&lower[j].as_str())
            && lower.get(j + 1).is_some()
            && is_verb_form(lower, j + 1);
        let participle_after_a_comma = words[j - 1] == "," && is_verb_form(lower, j);
        if auxiliary || participle_after_a_comma {
            return Some(j);
        }
    }
    None
}

/// Most words of an aside between a counted noun and its verb.
const MAX_ASIDE_WORDS: usize = 24;

/// A number read at token k: its value, where it ends, a unit glued to it, and whether it is vague.
struct Number {
    value: f64,
    end: usize,
    unit: Option<&'static str>,
    vague: bool,
}

fn read_number(words: &[&str], lower: &[String], k: usize) -> Option<Number> {
    let w = words[k];
    let (mut value, mut unit, vague) = if let Some((v, currency)) = digits_value(w) {
        (v, currency, false)
    } else if let Some(v) = word_value(w) {
        (v, None, false)
    } else if let Some((_, v)) = VAGUE.iter().find(|(x, _)| *x == lower[k]) {
        (*v, None, true)
    } else if let Some((number, glued)) = lower[k].split_once('-') {
        // "two-decade", "10-day"
        let v = word_value(number).or_else(|| digits_value(number).map(|d| d.0))?;
        let name = UNIT_NAMES
            .iter()
            .find(|(u, _)| *u == glued)
            .map(|(_, n)| *n);
        let name = name.or_else(|| {
            UNIT_NAMES
                .iter()
                .find(|(u, _)| u.trim_end_matches('s') == glued)
                .map(|(_, n)| *n)
        })?;
        return Some(Number {
            value: v,
            end: k + 1,
            unit: Some(name),
            vague: false,
        });
    } else {
        return None;
    };
    let mut end = k + 1;
    if !vague {
        while let Some((_, m)) = lower
            .get(end)
            .and_then(|w| MULTIPLIERS.iter().find(|(x, _)| x == w))
        {
            value *= m;
            end += 1;
        }
    }
    if let Some((_, name)) = lower
        .get(end)
        .and_then(|w| UNIT_NAMES.iter().find(|(x, _)| x == w))
    {
        unit = Some(name);
        end += 1;
    }
    Some(Number {
        value,
        end,
        unit,
        vague,
    })
}

/// Years, dates, clock times and ordinals: numbers that count nothing.
fn is_not_a_quantity(
    doc: &Document,
    spans: &[(usize, usize)],
    lower: &[String],
    k: usize,
    number: &Number,
) -> bool {
    let (start, end) = (spans[k].0, spans[number.end - 1].1);
    let in_time = doc
        .times
        .iter()
        .any(|t| t.span.start < end && start < t.span.end);
    let word = &lower[k];
    let year_like = word.len() == 4
        && (1800.0..=2100.0).contains(&number.value)
        && !word.contains(',')
        && number.unit.is_none();
    let after_month_or_day_word =
        k > 0 && (super::times::is_month_word(&lower[k - 1]) || lower[k - 1] == "#");
    let clock_or_ordinal = word.contains(':')
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| word.ends_with(s) && word.starts_with(|c: char| c.is_ascii_digit()));
    let range_of_years =
        word.contains('-') && word.chars().filter(|c| c.is_ascii_digit()).count() >= 8;
    in_time
        || year_like
        || after_month_or_day_word
        || clock_or_ordinal
        || range_of_years
        || numbers_a_name(
            spans,
            word_before(doc, spans, k),
            k,
            (word, lower.get(k + 1).map(String::as_str)),
            number,
        )
}

/// The word before the token at k, as written.
fn word_before<'a>(doc: &'a Document, spans: &[(usize, usize)], k: usize) -> Option<&'a str> {
    let (start, end) = *spans.get(k.checked_sub(1)?)?;
    doc.body.get(start..end)
}

/// Currency codes written before an amount ("Rs 299"): a capitalised word that does not make
/// the number part of a name.
const CURRENCY_CODES: &[&str] = &["rs", "rs.", "inr", "usd", "eur", "gbp", "aud", "cad", "chf"];

/// Whether digits right after a capitalised word inside a sentence number a name, not a count:
/// "iPhone 11", "Wi-Fi 6", "Order 66", "Boeing 737". The sentence's first word is left out, as
/// it is capitalised anyway ("Some 200 people").
fn numbers_a_name(
    spans: &[(usize, usize)],
    previous: Option<&str>,
    k: usize,
    (word, next): (&str, Option<&str>),
    number: &Number,
) -> bool {
    let Some(previous) = previous else {
        return false;
    };
    let adjacent = spans[k - 1].1 + 1 == spans[k].0;
    let capitalised = previous.chars().any(char::is_uppercase)
        && previous.chars().all(|c| c.is_alphanumeric() || c == '-');
    let digits_only =
        number.end == k + 1 && number.unit.is_none() && word.chars().all(|c| c.is_ascii_digit());
    // "Holt 18 points": a name, then what it counts in the plural
    let counts_a_plural = next.is_some_and(|n| {
        n.len() > 3
            && n.chars().all(|c| c.is_ascii_lowercase())
            && n.ends_with('s')
            && !matches!(n, "does" | "goes" | "says" | "this" | "thus")
            && !n.ends_with("ss")
            && !n.ends_with("us")
    }) && number.value != 1.0;
    k >= 2
        && adjacent
        && capitalised
        && digits_only
        && !counts_a_plural
        && !CURRENCY_CODES.contains(&previous.to_lowercase().as_str())
}

/// The quantity record for the number at token k, and the token after it.
fn describe(
    doc: &Document,
    spans: &[(usize, usize)],
    words: &[&str],
    lower: &[String],
    k: usize,
    number: Number,
) -> (QuantityFound, usize) {
    // approximation words right before ("at least seven")
    let mut first = k;
    let mut approx = Approximation::Exact;
    for (phrase, kind) in APPROXIMATIONS {
        let n = phrase.len();
        if k >= n
            && lower[k - n..k]
                .iter()
                .zip(phrase.iter())
                .all(|(a, b)| a == b)
        {
            approx = *kind;
            first = k - n;
            break;
        }
    }
    // the counted phrase after it, up to a clause boundary; "hundreds of" reads past its "of"
    let mut after = number.end;
    if number.vague && lower.get(after).is_some_and(|w| w == "of") {
        after += 1;
    }
    // the verb before a count says what happened to it ("killed at least 350 members",
    // "killing at least twelve people"); a measure ("gathered 90 miles north") has none
    let verb_before = first
        .checked_sub(1)
        .filter(|_| number.unit.is_none())
        .map(|v| lower[v].as_str())
        .filter(|v| {
            (v.ends_with("ed") || (v.ends_with("ing") && v.len() > 5))
                && v.chars().all(char::is_alphabetic)
        });
    let mut what: Vec<&str> = Vec::new();
    // a verb after the counted noun ("fighters | gathered in the valley") says what happened to
    // them, and its one phrase of place says where
    let mut verb_after = false;
    let mut in_place = false;
    let mut place_start = 0;
    let mut j = after;
    while j < words.len() && what.len() < MAX_WHAT_WORDS {
        let w = words[j];
        let is_punctuation = !w.chars().any(char::is_alphanumeric);
        // "6,000 fighters, consisting mainly of …, have gathered": the subject's aside is skipped
        if w == "," && !what.is_empty() && !verb_after && verb_before.is_none() {
            if let Some(predicate) = predicate_after_an_aside(words, lower, j) {
                j = predicate;
                continue;
            }
        }
        // "in Lorn | /24 hr": a slash opens a note of its own
        if (is_punctuation && !w.starts_with('#'))
            || w.starts_with('/')
            || PHRASE_STOPS.contains(&lower[j].as_str())
        {
            break;
        }
        // "37 people | off rooftops there": a place or a direction after the counted noun is
        // not part of it, unless a verb said what happened to them there
        if !what.is_empty() && PLACE_WORDS.contains(&lower[j].as_str()) {
            if !verb_after || in_place {
                break;
            }
            in_place = true;
            place_start = what.len();
        }
        let in_time = doc
            .times
            .iter()
            .any(|t| t.span.start < spans[j].1 && spans[j].0 < t.span.end);
        if in_time || (read_number(words, lower, j).is_some() && j > after) {
            break;
        }
        let a_verb = !what.is_empty() && is_verb_form(lower, j);
        // "in Lorn | armed with rifles" ends the place; "in a | borrowed boat" does not
        let after_a_determiner = matches!(
            lower[j - 1].as_str(),
            "a" | "an" | "the" | "its" | "their" | "his" | "her"
        );
        if in_place && a_verb && !after_a_determiner {
            break;
        }
        verb_after |= a_verb;
        if !AUXILIARIES.contains(&lower[j].as_str()) {
            what.push(w.trim_start_matches('#'));
        }
        j += 1;
    }
    // a place the word limit cut short goes whole ("in the Lorn suburb of"), and a phrase
    // ends on a word of its own, not on "of" or "the"
    if in_place && what.len() >= MAX_WHAT_WORDS {
        what.truncate(place_start);
    }
    while what
        .last()
        .is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str()))
    {
        what.pop();
    }
    if let Some(verb) = verb_before {
        if what.is_empty() || what.len() <= 1 {
            what.insert(0, verb);
        } else {
            what.push(verb);
        }
    }
    let (start, end) = (spans[first].0, spans[number.end - 1].1);
    let value = number.value;
    let (low, high) = match approx {
        Approximation::Exact | Approximation::About => (Some(value), Some(value)),
        Approximation::AtLeast | Approximation::Over => (Some(value), None),
        Approximation::AtMost | Approximation::Under => (None, Some(value)),
    };
    let claimant = doc
        .statements
        .iter()
        .find(|s| s.start <= start && end <= s.end)
        .and_then(|s| s.speaker);
    (
        QuantityFound {
            span: Span { start, end },
            value,
            low,
            high,
            approx,
            unit: number.unit.map(String::from),
            what: what.join(" "),
            vague: number.vague,
            claimant,
        },
        number.end,
    )
}

/// Across the run: each document's quantities, claimants as entity ids.
pub fn link(docs: &[Document], entity_at: &EntityOfMention) -> Vec<Quantity> {
    let mut out = Vec::new();
    for doc in docs {
        for q in &doc.quantities {
            let claimant = q.claimant.and_then(|k| {
                entity_at
                    .get(&(doc.id.as_str(), doc.mentions[k].start))
                    .map(|id| id.to_string())
            });
            out.push(Quantity {
                id: format!("quantity-{}", out.len() + 1),
                doc: doc.id.clone(),
                text: doc.text(q.span).to_string(),
                value: q.value,
                low: q.low,
                high: q.high,
                approx: q.approx,
                unit: q.unit.clone(),
                what: q.what.clone(),
                vague: q.vague,
                claimant,
                start: q.span.start,
                end: q.span.end,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_document;

    fn quantities_of(
        body: &str,
    ) -> Vec<(String, f64, Approximation, Option<String>, String, bool)> {
        let mut doc = test_document("d", body);
        crate::text::segment(&mut doc);
        doc.times = super::super::times::find(&doc.body);
        find(&doc)
            .into_iter()
            .map(|q| {
                (
                    doc.body[q.span.start..q.span.end].to_string(),
                    q.value,
                    q.approx,
                    q.unit,
                    q.what,
                    q.vague,
                )
            })
            .collect()
    }

    #[test]
    fn digits_after_a_capitalised_word_number_a_name() {
        let found: Vec<String> = quantities_of(
            "Holt bought a Velo 6 phone and flew a Boeing 737 with 180 people aboard. \
             Some 200 guests paid Rs 299 each. Top scorers: Lind 18 points, Holt 1 goal.",
        )
        .into_iter()
        .map(|q| q.0)
        .collect();
        assert_eq!(found, ["180", "Some 200", "299", "18"]);
    }

    #[test]
    fn numbers_in_digits_and_words_with_approximation_unit_and_what() {
        let found = quantities_of(
            "At least seven Lorn fighters were killed on Monday. Over 6,000 fighters gathered \
             90 miles north of Tarnby, and 5k commandos waited. Dozens of houses burned in 2019.",
        );
        let at = |text: &str| {
            found
                .iter()
                .find(|f| f.0 == text)
                .unwrap_or_else(|| panic!("{text}: {found:?}"))
        };
        assert_eq!(at("At least seven").1, 7.0);
        assert_eq!(at("At least seven").2, Approximation::AtLeast);
        assert_eq!(at("At least seven").4, "Lorn fighters killed");
        assert_eq!(at("Over 6,000").1, 6000.0);
        assert_eq!(at("Over 6,000").2, Approximation::Over);
        assert_eq!(at("90 miles").3.as_deref(), Some("mile"));
        assert_eq!(at("90 miles").4, "north of Tarnby");
        assert_eq!(at("5k").1, 5000.0);
        assert!(at("Dozens").5);
        assert_eq!(at("Dozens").1, 12.0);
        assert!(at("Dozens").4.starts_with("houses burned"));
        // the year and the weekday are not quantities
        assert!(!found.iter().any(|f| f.0.contains("2019")));
        assert_eq!(found.len(), 5, "{found:?}");
        // where the counted were is not what they are
        let found = quantities_of("Crews evacuated 212 residents from the lower town there.");
        assert_eq!(found[0].4, "evacuated residents", "{found:?}");
    }

    #[test]
    fn what_happened_to_the_counted_and_where() {
        let what = |body: &str| quantities_of(body).remove(0).4;
        // the subject's aside is skipped to reach its verb, and the verb keeps its place
        assert_eq!(
            what(
                "About 400 volunteers, drawn mostly from the Lorn Guard, Tarnby and the hill \
                 villages, have gathered in the old quarry, officials said."
            ),
            "volunteers gathered in the old quarry"
        );
        // a count with a place and no noun counts what the count before it counted
        let found = quantities_of("Raiders killed 12 guards in Lorn and 4 in Tarnby.");
        assert_eq!(found[0].4, "killed guards");
        assert_eq!(found[1].4, "killed guards in Tarnby");
        let found =
            quantities_of("At least 30 soldiers died in the north and 9 in the coastal towns.");
        assert_eq!(found[1].4, "soldiers died in the coastal towns");
        // the place ends before the next participle, not inside its own noun phrase
        assert_eq!(
            what("Some 200 rescuers waited in Lorn armed with shovels."),
            "rescuers waited in Lorn"
        );
        assert_eq!(
            what("The 3 guards waited in a borrowed tent."),
            "guards waited in a borrowed tent"
        );
    }

    #[test]
    fn hyphenated_counts_and_multipliers() {
        let found =
            quantities_of("The two-decade war cost 1.5 million lives and two hundred tanks.");
        let values: Vec<(f64, Option<String>)> = found.iter().map(|f| (f.1, f.3.clone())).collect();
        assert_eq!(
            values,
            vec![
                (2.0, Some("decade".into())),
                (1_500_000.0, None),
                (200.0, None)
            ]
        );
    }
}
