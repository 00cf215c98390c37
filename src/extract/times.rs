//! When: time expressions of news English, read per document ("on Monday", "Thursday night",
//! "last month", "two weeks ago", "September 3", "Sept. 3, 2021", "in 2019", "in early August",
//! "over the weekend", "overnight", "in recent days", "the next day", "the day before,") and
//! resolved to a date range against an anchor: the document's publication date, or, for an
//! undated document, the range its copies and its story's dated reports put it in
//! (`infer_publication`); "the next day" and its kind count from the time told before them.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

use std::collections::HashMap;

use crate::lexicon::{MONTHS, WEEKDAYS};
use crate::model::{
    DateRange, Document, Lean, Reuse, Span, Story, Time, TimeExpression, TimeValue,
};

/// Month names and their usual abbreviations ("Sept.", "Aug"), 1-based.
fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w)))
        .map(|k| k as u32 + 1)
}

/// Whether a word names a month ("Sept.", "March"), so a number after it is a day.
pub fn is_month_word(word: &str) -> bool {
    word.len() >= 3 && month_number(word).is_some()
}

/// Small number words for "two weeks ago".
fn count_of(word: &str) -> Option<i64> {
    let words = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let w = word.to_lowercase();
    if let Ok(n) = w.parse::<i64>() {
        return Some(n);
    }
    match w.as_str() {
        "an" | "a" => Some(1),
        "a couple" | "couple" => Some(2),
        "several" | "few" => Some(3),
        _ => words.iter().position(|x| *x == w).map(|k| k.max(1) as i64),
    }
}

const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

/// The dash between the days of a span ("Oct. 5–7"): a hyphen or an en dash.
const DASH: &str = "(?:-|\u{2013})";

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let weekday = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    let part = r"(?:\s+(?:morning|afternoon|evening|night))?";
    let patterns = [
        // 2021-09-01
        r"(?P<iso>\b(?:18|19|20)\d\d-[01]\d-[0-3]\d\b)".to_string(),
        // September 3, 2021 / Sept. 3 / September 3rd
        format!(
            r"(?P<md>\b{MONTH}\s+(?P<md_day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:\s?{DASH}\s?(?P<md_to>[0-3]?\d)(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<md_year>(?:18|19|20)\d\d)\b)?)"
        ),
        // 3 September 2021 / 3rd of September / 18-24 November
        format!(
            r"(?P<dm>\b(?:(?P<dm_from>[0-3]?\d)\s?{DASH}\s?)?(?P<dm_day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:\s+(?P<dm_year>(?:18|19|20)\d\d))?\b)"
        ),
        // August 2021 / in August / October of 2006
        format!(
            r"(?P<my>\b(?:in\s+)?{MONTH}\s+(?:of\s+)?(?P<my_year>(?:18|19|20)\d\d)\b)"
        ),
        // May of this year, March of last year
        format!(
            r"(?P<moy>\b(?:in\s+)?(?P<moy_month>{MONTH})\s+of\s+(?P<moy_which>this|last|next)\s+year\b)"
        ),
        // in August, last May, early September, mid-June, since March 3: a month named
        // without its year, after a word that makes it a time
        format!(
            r"(?P<mo>\b(?P<mo_lead>(?i:in\s+early|in\s+late|in\s+mid|early\s+in|late\s+in|earlier\s+in|later\s+in|in|during|since|until|through|by|from|last|this|next|early|late|mid)\s+|(?i:mid)-)(?P<mo_month>{MONTH})(?:\s+(?P<mo_day>[0-3]?\d)(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<mo_year>(?:18|19|20)\d\d))?\b)"
        ),
        // this weekend, last weekend, over the weekend
        r"(?P<we>\b(?P<we_which>(?i:this|last|next|the|over\s+the))\s+weekend\b)".to_string(),
        // in recent days, over the past few weeks, in the past 24 hours
        r"(?P<recent>\b(?i:in|over|during)\s+(?:recent|(?:the\s+)?(?:past|last)\s+(?P<recent_n>few|several|couple\s+of|two|three|four|five|six|seven|eight|nine|ten|\d+))\s+(?P<recent_unit>hours|days|weeks|months)\b)"
            .to_string(),
        // the next day, two days later, earlier that day, that night: counted from the time
        // told before it
        r"(?P<prev>\b(?i:the\s+(?P<prev_dir>next|following|previous|preceding)\s+(?P<prev_unit>day|morning|night|evening|week)|(?P<prev_n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<prev_units>days?|weeks?)\s+(?P<prev_when>later|earlier)|(?:earlier|later)\s+that\s+(?:day|night|morning|afternoon|evening)|that\s+(?:night|morning|afternoon|evening)|the\s+same\s+day)\b)"
            .to_string(),
        // the next year, the previous month, later that year: counted in months or years from
        // the time told before it
        r"(?P<prevc>\b(?P<prevc_lead>(?i:the\s+(?:next|following|previous|preceding|same)|(?:earlier|later)\s+that|that))\s+(?P<prevc_unit>month|year)\b)"
            .to_string(),
        // the day after the attack, two days before the vote, hours after the blast: counted
        // from a happening the report tells of
        r"(?P<evt>\b(?i:(?:the\s+(?P<evt_unit>day|night|morning|evening|week)|(?P<evt_n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<evt_units>days?|weeks?)|(?:(?:a\s+)?few\s+|several\s+|just\s+|only\s+)?(?P<evt_hours>hours|minutes))\s+(?P<evt_side>before|after)\s+(?:the|this|that|its|his|her|their))\s+(?P<evt_word>[a-z]+)\b)"
            .to_string(),
        // "the day before," "the week after.": only where nothing follows to count from
        // ("the day after the vote" counts from the vote)
        r"(?P<around>\b(?i:the)\s+(?P<around_unit>day|night|week)\s+(?P<around_side>before|after)(?P<around_stop>\s*[,.;]))"
            .to_string(),
        // (on) Monday (night), Monday's
        format!(r"(?P<wd>\b(?:(?i:on|last|this|next|late|early)\s+)?(?P<wd_day>{weekday}){part})"),
        // yesterday, today, tonight, last night
        r"(?P<rel>\b(?:yesterday|today|tonight|tomorrow|overnight|last\s+night|this\s+(?:morning|afternoon|evening))\b)".to_string(),
        // last week / month / year, this week, next month
        r"(?P<span>\b(?P<span_which>last|this|next|past)\s+(?P<span_unit>week|month|year)\b)"
            .to_string(),
        // two weeks ago, 3 days ago, a month ago
        r"(?P<ago>\b(?P<ago_n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+(?P<ago_unit>day|week|month|year)s?\s+ago\b)"
            .to_string(),
        // in 2019
        r"(?P<year>\b(?:in|since|by|during)\s+(?P<year_n>(?:18|19|20)\d\d)\b)".to_string(),
    ];
    // ASCII word boundaries: the Unicode ones make the search several times slower, and
    // every word these patterns match is ASCII
    Regex::new(&format!("(?-u){}", patterns.join("|"))).expect("time pattern")
});

/// The time expressions of a body, each with what it says (not yet anchored).
pub fn find(body: &str) -> Vec<TimeExpression> {
    let mut out = Vec::new();
    for c in PATTERN.captures_iter(body) {
        let whole = c.get(0).expect("match");
        let value = if c.name("iso").is_some() {
            NaiveDate::parse_from_str(whole.as_str(), "%Y-%m-%d")
                .ok()
                .map(|d| TimeValue::Date {
                    year: Some(d.year()),
                    month: d.month(),
                    day: Some(d.day()),
                    lean: Lean::Past,
                })
        } else if c.name("md").is_some() || c.name("dm").is_some() {
            let (day, year) = match c.name("md") {
                Some(_) => (c.name("md_day"), c.name("md_year")),
                None => (c.name("dm_day"), c.name("dm_year")),
            };
            let month = whole
                .as_str()
                .split(|ch: char| !ch.is_alphabetic() && ch != '.')
                .find_map(month_number);
            let number = |name: &str| c.name(name).and_then(|d| d.as_str().parse::<u32>().ok());
            let day = day.and_then(|d| d.as_str().parse::<u32>().ok());
            // "Oct. 5–7" runs from the first day to the last; "18-24 November" too
            let (day, last) = match (number("md_to"), number("dm_from")) {
                (Some(to), _) => (day, Some(to)),
                (_, Some(from)) => (Some(from), day),
                _ => (day, None),
            };
            match (month, day) {
                (Some(month), Some(day)) if (1..=31).contains(&day) => {
                    let date = TimeValue::Date {
                        year: year.and_then(|y| y.as_str().parse().ok()),
                        month,
                        day: Some(day),
                        lean: Lean::Past,
                    };
                    Some(match last {
                        Some(last) if last > day && last <= 31 => TimeValue::DaySpan {
                            first: Box::new(date),
                            more_days: i64::from(last - day),
                        },
                        _ => date,
                    })
                }
                _ => None,
            }
        } else if c.name("my").is_some() {
            let month = whole
                .as_str()
                .split(|ch: char| !ch.is_alphabetic() && ch != '.')
                .find_map(month_number);
            month.map(|month| TimeValue::Date {
                year: c.name("my_year").and_then(|y| y.as_str().parse().ok()),
                month,
                day: None,
                lean: Lean::Past,
            })
        } else if let Some(day) = c.name("wd_day") {
            if names_a_holiday(body, day.start()) {
                continue;
            }
            let lower = day.as_str().to_lowercase();
            WEEKDAYS
                .iter()
                .position(|w| *w == lower)
                .map(|k| TimeValue::Weekday {
                    weekday: k as u32,
                    next: whole.as_str().to_lowercase().starts_with("next"),
                    last: whole.as_str().to_lowercase().starts_with("last"),
                    lean: Lean::Past,
                })
        } else if c.name("prev").is_some() {
            told_before(&c)
        } else if let (Some(lead), Some(unit)) = (c.name("prevc_lead"), c.name("prevc_unit")) {
            counted_in_units(body, whole.start(), lead.as_str(), unit.as_str())
        } else if let (Some(month), Some(which)) = (c.name("moy_month"), c.name("moy_which")) {
            month_number(month.as_str()).map(|month| TimeValue::MonthOfYear {
                month,
                year_offset: match which.as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                },
            })
        } else if let Some(word) = c.name("evt_word") {
            // "the week after the brand took a stake": "after" opens a clause, not a happening
            if !names_a_countable_happening(&word.as_str().to_lowercase()) {
                continue;
            }
            from_an_event(&c, word.as_str())
        } else if let (Some(unit), Some(side)) = (c.name("around_unit"), c.name("around_side")) {
            let days = if unit.as_str().eq_ignore_ascii_case("week") {
                7
            } else {
                1
            };
            let sign = if side.as_str().eq_ignore_ascii_case("after") {
                1
            } else {
                -1
            };
            Some(TimeValue::FromPrevious { days: sign * days })
        } else if c.name("mo").is_some() {
            month_named(&c)
        } else if let Some(which) = c.name("we_which") {
            Some(TimeValue::Weekend {
                offset: match which.as_str().to_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                },
            })
        } else if let Some(unit) = c.name("recent_unit") {
            let n = c.name("recent_n").map_or(Some(3), |n| {
                count_of(n.as_str().split_whitespace().next().unwrap_or(""))
            });
            let days_per = match unit.as_str() {
                "hours" => 0,
                "days" => 1,
                "weeks" => 7,
                _ => 30,
            };
            // "the past 24 hours": the day before and the day itself
            n.map(|n| TimeValue::DaysAgo {
                from: (n * days_per).max(1),
                to: 0,
            })
        } else if c.name("rel").is_some() {
            let lower = whole.as_str().to_lowercase();
            // "overnight": the night before, so the day before or the day itself
            let (from, to) = match lower.as_str() {
                "yesterday" => (1, 1),
                "tomorrow" => (-1, -1),
                "overnight" => (1, 0),
                l if l.starts_with("last") => (1, 1),
                _ => (0, 0),
            };
            Some(TimeValue::DaysAgo { from, to })
        } else if let (Some(which), Some(unit)) = (c.name("span_which"), c.name("span_unit")) {
            let offset = match which.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            // "the past week", "in the last week": the seven days before, not the calendar
            // week; "the last week of June" is no time of its own
            let after_the = body
                .get(whole.start().saturating_sub(4)..whole.start())
                .is_some_and(|w| w.eq_ignore_ascii_case("the "));
            let which = match which.as_str() {
                "last" if after_the => "past",
                w => w,
            };
            if which == "past" && body[whole.end()..].starts_with(" of ") {
                continue;
            }
            match (which, unit.as_str()) {
                ("past", "week") => Some(TimeValue::DaysAgo { from: 7, to: 0 }),
                ("past", "month") => Some(TimeValue::DaysAgo { from: 30, to: 0 }),
                ("past", _) => Some(TimeValue::DaysAgo { from: 365, to: 0 }),
                (_, unit) => Some(TimeValue::Calendar {
                    unit: unit.to_string(),
                    offset,
                }),
            }
        } else if let (Some(n), Some(unit)) = (c.name("ago_n"), c.name("ago_unit")) {
            count_of(n.as_str()).map(|n| match unit.as_str() {
                "day" => TimeValue::DaysAgo { from: n, to: n },
                // "two weeks ago": that week, give or take half of it
                "week" => TimeValue::DaysAgo {
                    from: 7 * n + 3,
                    to: (7 * n - 3).max(0),
                },
                unit => TimeValue::Calendar {
                    unit: unit.to_string(),
                    offset: -n,
                },
            })
        } else if let Some(year) = c.name("year_n") {
            year.as_str()
                .parse()
                .ok()
                .map(|year| TimeValue::Year { year })
        } else {
            None
        };
        if let Some(value) = value {
            // the mark that ended "the day before," is no part of it
            let end = c
                .name("around_stop")
                .map_or(whole.end(), |stop| stop.start());
            let value = with_lean(value, super::tense::lean_of(body, whole.start(), end));
            // "since March": from March to the report; the span takes the word
            let (start, value) = match since_before(body, whole.start()) {
                Some(since) if can_run_since(&value) => (
                    since,
                    TimeValue::Since(Box::new(with_lean(value, Lean::Past))),
                ),
                _ => (whole.start(), value),
            };
            out.push(TimeExpression {
                span: Span { start, end },
                value,
            });
        }
    }
    out
}

/// Where "since" starts when it stands right before `start` or opens the match there ("since
/// 1993" is matched whole, "since early August" from "early").
fn since_before(body: &str, start: usize) -> Option<usize> {
    let rest = body.get(start..)?;
    if rest
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("since "))
    {
        return Some(start);
    }
    let head = body.get(..start)?;
    let word_start = start.checked_sub(6)?;
    let word = head.get(word_start..)?;
    let bounded = word_start == 0 || !head.as_bytes()[word_start - 1].is_ascii_alphanumeric();
    (bounded && word.eq_ignore_ascii_case("since ")).then_some(word_start)
}

/// Whether a time can open a stretch running to the report ("since Monday"): one placed from
/// the anchor or complete in itself, not one counted from another time.
fn can_run_since(value: &TimeValue) -> bool {
    !matches!(
        value,
        TimeValue::FromPrevious { .. }
            | TimeValue::FromEvent { .. }
            | TimeValue::CalendarFromPrevious { .. }
            | TimeValue::Since(_)
    )
}

/// "The next year", "the previous month", "later that year": months or years counted from the
/// time told before. "Over the next year" looks ahead from the report instead.
fn counted_in_units(body: &str, start: usize, lead: &str, unit: &str) -> Option<TimeValue> {
    let lead = lead.to_lowercase();
    let offset = if lead.ends_with("next") || lead.ends_with("following") {
        1
    } else if lead.ends_with("previous") || lead.ends_with("preceding") {
        -1
    } else {
        0
    };
    // the word before: a dozen characters are enough for "within"
    let head = body.get(..start).unwrap_or("");
    let from = head.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    let before = head[from..].trim_end().to_lowercase();
    let stretch_ahead = offset == 1
        && ["in", "over", "within", "during", "for"]
            .iter()
            .any(|w| before.ends_with(&format!(" {w}")) || before == *w);
    if stretch_ahead {
        let days = if unit == "year" { 365 } else { 30 };
        return Some(TimeValue::DaysAgo { from: 0, to: -days });
    }
    Some(TimeValue::CalendarFromPrevious {
        unit: unit.to_string(),
        offset,
    })
}

/// Words that make a weekday after them the name of a day of the year ("Black Friday", "Super
/// Tuesday", "Easter Sunday"), not a day of the week the report counts from.
const HOLIDAY_WORDS: [&str; 19] = [
    "Black",
    "Good",
    "Cyber",
    "Super",
    "Ash",
    "Maundy",
    "Holy",
    "Easter",
    "Palm",
    "Bloody",
    "Giving",
    "Shrove",
    "Fat",
    "Whit",
    "Low",
    "Mothering",
    "Blue",
    "Travel",
    "Business",
];

/// Whether the weekday at `start` is part of a named day ("Black Friday").
fn names_a_holiday(body: &str, start: usize) -> bool {
    let head = body.get(..start).unwrap_or("").trim_end_matches(' ');
    let word = head
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    head.len() < start && HOLIDAY_WORDS.contains(&word)
}

/// What a time says once its clause has told which occurrence it means. A clause that tells
/// nothing leaves a weekday or a month in the past, as news tells of it; only a date can be
/// a schedule's line.
fn with_lean(value: TimeValue, lean: Lean) -> TimeValue {
    let unmarked_is_past = match lean {
        Lean::Unmarked => Lean::Past,
        other => other,
    };
    match value {
        TimeValue::Weekday {
            weekday,
            next,
            last,
            ..
        } => TimeValue::Weekday {
            weekday,
            next,
            last,
            lean: unmarked_is_past,
        },
        TimeValue::Date {
            year: None,
            month,
            day,
            ..
        } => TimeValue::Date {
            year: None,
            month,
            day,
            lean,
        },
        TimeValue::Month {
            year: None,
            month,
            third,
            which,
            ..
        } => TimeValue::Month {
            year: None,
            month,
            third,
            which,
            lean: unmarked_is_past,
        },
        TimeValue::DaySpan { first, more_days } => TimeValue::DaySpan {
            first: Box::new(with_lean(*first, lean)),
            more_days,
        },
        other => other,
    }
}

/// "The day after the attack", "two weeks before the vote", "hours after the blast": days
/// counted from a happening.
fn from_an_event(c: &regex::Captures, word: &str) -> Option<TimeValue> {
    let days_in = |unit: &str| if unit.starts_with("week") { 7 } else { 1 };
    let count = if let Some(unit) = c.name("evt_unit") {
        days_in(unit.as_str())
    } else if let (Some(n), Some(units)) = (c.name("evt_n"), c.name("evt_units")) {
        count_of(n.as_str())? * days_in(units.as_str())
    } else {
        // hours or minutes: the same day
        0
    };
    let sign = if c.name("evt_side")?.as_str().eq_ignore_ascii_case("after") {
        1
    } else {
        -1
    };
    Some(TimeValue::FromEvent {
        days: sign * count,
        word: word.to_lowercase(),
    })
}

/// "The next day", "two weeks later", "earlier that day": days counted from the time told
/// before.
fn told_before(c: &regex::Captures) -> Option<TimeValue> {
    let days_in = |unit: &str| if unit.starts_with("week") { 7 } else { 1 };
    let days = if let (Some(dir), Some(unit)) = (c.name("prev_dir"), c.name("prev_unit")) {
        let sign = match dir.as_str().to_lowercase().as_str() {
            "next" | "following" => 1,
            _ => -1,
        };
        sign * days_in(unit.as_str())
    } else if let (Some(n), Some(unit), Some(when)) =
        (c.name("prev_n"), c.name("prev_units"), c.name("prev_when"))
    {
        let sign = if when.as_str().eq_ignore_ascii_case("later") {
            1
        } else {
            -1
        };
        sign * count_of(n.as_str())? * days_in(unit.as_str())
    } else {
        0
    };
    Some(TimeValue::FromPrevious { days })
}

/// A month named without a year, or with one after a lead word ("early August 2021"): which
/// third of it the lead picks, and whether it is the next such month rather than the last.
fn month_named(c: &regex::Captures) -> Option<TimeValue> {
    let month = month_number(c.name("mo_month")?.as_str())?;
    let lead = c.name("mo_lead")?.as_str().to_lowercase();
    let lead: Vec<&str> = lead
        .split(|ch: char| ch.is_whitespace() || ch == '-')
        .collect();
    let year = c.name("mo_year").and_then(|y| y.as_str().parse().ok());
    if let Some(day) = c
        .name("mo_day")
        .and_then(|d| d.as_str().parse::<u32>().ok())
    {
        return (1..=31).contains(&day).then_some(TimeValue::Date {
            year,
            month,
            day: Some(day),
            lean: Lean::Past,
        });
    }
    let third = if lead.contains(&"early") {
        Some(0)
    } else if lead.contains(&"mid") {
        Some(1)
    } else if lead.contains(&"late") {
        Some(2)
    } else {
        None
    };
    let which = if lead.contains(&"next") {
        1
    } else if lead.contains(&"last") {
        -1
    } else {
        0
    };
    Some(TimeValue::Month {
        year,
        month,
        third,
        which,
        lean: Lean::Past,
    })
}

/// The dates an expression stands for, seen from an anchor range (the publication date, or the
/// range an undated document was inferred to fall in). None when the anchor cannot place it.
pub fn resolve(value: &TimeValue, anchor: Option<(NaiveDate, NaiveDate)>) -> Option<DateRange> {
    let range = |a: NaiveDate, b: NaiveDate| Some(DateRange { start: a, end: b });
    match *value {
        TimeValue::Date {
            year: Some(year),
            month,
            day,
            ..
        } => month_range(year, month, day),
        TimeValue::Date {
            year: None,
            month,
            day,
            lean,
        } => {
            let (first, last) = anchor?;
            // a month and day without a year: the latest such date not after the anchor's end
            let past = {
                let this_year = month_range(last.year(), month, day)?;
                if this_year.start <= last {
                    this_year
                } else {
                    month_range(last.year() - 1, month, day)?
                }
            };
            // or, told of as to come, the first such date not over by the anchor's start
            let ahead = {
                let this_year = month_range(first.year(), month, day)?;
                if this_year.end >= first {
                    this_year
                } else {
                    month_range(first.year() + 1, month, day)?
                }
            };
            Some(leaning(lean, past, ahead, (first, last)))
        }
        TimeValue::Year { year } => range(
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        ),
        TimeValue::Weekday {
            weekday,
            next,
            last: last_week,
            lean,
        } => {
            let (first, last) = anchor?;
            // news tells of the past: the latest such day not after the anchor ("on Monday");
            // "next Monday" is the first one after it, and a day told of as to come ("will
            // resume on Friday") the first from the anchor on
            let on_or_before = |d: NaiveDate| {
                let back = (d.weekday().num_days_from_monday() + 7 - weekday) % 7;
                d - Duration::days(back as i64)
            };
            let days_to =
                |d: NaiveDate| i64::from((weekday + 7 - d.weekday().num_days_from_monday()) % 7);
            let after = |d: NaiveDate| {
                let days = days_to(d);
                d + Duration::days(if days == 0 { 7 } else { days })
            };
            let on_or_after = |d: NaiveDate| d + Duration::days(days_to(d));
            let two_days = Duration::days(2);
            if next {
                range(after(first), after(last))
            } else if last_week {
                range(
                    on_or_before(first - two_days),
                    on_or_before(last - two_days),
                )
            } else {
                let past = DateRange {
                    start: on_or_before(first),
                    end: on_or_before(last),
                };
                let ahead = DateRange {
                    start: on_or_after(first),
                    end: on_or_after(last),
                };
                Some(leaning(lean, past, ahead, (first, last)))
            }
        }
        TimeValue::Month {
            year,
            month,
            third,
            which,
            lean,
        } => {
            let whole = match year {
                Some(year) => month_range(year, month, None)?,
                None if which == 0 => {
                    let (first, last) = anchor?;
                    let past = month_around(month, 0, first, last)?;
                    let ahead = month_around(month, 2, first, last)?;
                    leaning(lean, past, ahead, (first, last))
                }
                None => {
                    let (first, last) = anchor?;
                    month_around(month, which, first, last)?
                }
            };
            Some(match third {
                // early: the 1st to the 10th; mid: the 11th to the 20th; late: the 21st on
                Some(third) => DateRange {
                    start: whole.start + Duration::days(10 * i64::from(third)),
                    end: if third == 2 {
                        whole.end
                    } else {
                        whole.start + Duration::days(10 * i64::from(third) + 9)
                    },
                },
                None => whole,
            })
        }
        TimeValue::Weekend { offset } => {
            let (first, last) = anchor?;
            let saturday_on_or_before = |d: NaiveDate| {
                let back = (d.weekday().num_days_from_monday() + 7 - 5) % 7;
                d - Duration::days(i64::from(back))
            };
            // "last weekend" said on a weekend is the one before it
            let on_a_weekend = |d: NaiveDate| d.weekday().num_days_from_monday() >= 5;
            let shift = |d: NaiveDate| match offset {
                1 => saturday_on_or_before(d) + Duration::days(7),
                -1 if on_a_weekend(d) => saturday_on_or_before(d) - Duration::days(7),
                _ => saturday_on_or_before(d),
            };
            range(shift(first), shift(last) + Duration::days(1))
        }
        // counted from another expression: `resolve_document` places it
        TimeValue::FromPrevious { .. }
        | TimeValue::FromEvent { .. }
        | TimeValue::CalendarFromPrevious { .. } => None,
        TimeValue::MonthOfYear { month, year_offset } => {
            let (first, last) = anchor?;
            let a = month_range(first.year() + year_offset, month, None)?;
            let b = month_range(last.year() + year_offset, month, None)?;
            range(a.start, b.end)
        }
        TimeValue::DaySpan {
            ref first,
            more_days,
        } => {
            // a span under way at the anchor is the one meant: its first day may lie up to
            // `more_days` before the anchor and still count as not over
            let days = Duration::days(more_days);
            let first = resolve(first, anchor.map(|(start, end)| (start - days, end)))?;
            range(first.start, first.end + days)
        }
        TimeValue::Since(ref from) => {
            let from = resolve(from, anchor)?;
            match anchor {
                Some((_, last)) => range(from.start, last.max(from.end)),
                None => Some(from),
            }
        }
        TimeValue::DaysAgo { from, to } => {
            let (first, last) = anchor?;
            range(first - Duration::days(from), last - Duration::days(to))
        }
        TimeValue::Calendar { ref unit, offset } => {
            let (first, last) = anchor?;
            let a = calendar_unit(first, unit, offset)?;
            let b = calendar_unit(last, unit, offset)?;
            range(a.start, b.end)
        }
    }
}

/// How near a date told with no tense must be ahead to be the one meant rather than last
/// year's: a schedule's line published the day before ("Oct. 5–7, in Gladstone").
const UNMARKED_DAYS_AHEAD: i64 = 14;

/// The occurrence a lean picks of the last one up to the anchor and the first from it on: with
/// `Nearest`, the one fewer days away (the past one on a tie).
fn leaning(
    lean: Lean,
    past: DateRange,
    ahead: DateRange,
    (first, last): (NaiveDate, NaiveDate),
) -> DateRange {
    match lean {
        Lean::Past => past,
        Lean::Ahead => ahead,
        Lean::Unmarked if (ahead.start - last).num_days() <= UNMARKED_DAYS_AHEAD => ahead,
        Lean::Unmarked => past,
        Lean::Nearest => {
            let back = (first - past.end).num_days().max(0);
            let forward = (ahead.start - last).num_days().max(0);
            if forward < back {
                ahead
            } else {
                past
            }
        }
    }
}

/// The month of that name nearest the anchor: the latest one that has begun by the anchor's end
/// ("in August"), the one before that when it is still under way at the anchor's start ("last
/// August" said in August), the first that begins after the anchor ("next August"), or (2) the
/// first not over by the anchor's start ("due in August").
fn month_around(month: u32, which: i8, first: NaiveDate, last: NaiveDate) -> Option<DateRange> {
    let this_year = month_range(last.year(), month, None)?;
    let begun = if this_year.start <= last {
        this_year
    } else {
        month_range(last.year() - 1, month, None)?
    };
    match which {
        1 => month_range(begun.start.year() + 1, month, None),
        // to come: the one under way at the anchor's start, or the next to begin
        2 if begun.end < first => month_range(begun.start.year() + 1, month, None),
        -1 if begun.end >= first => month_range(begun.start.year() - 1, month, None),
        _ => Some(begun),
    }
}

fn month_range(year: i32, month: u32, day: Option<u32>) -> Option<DateRange> {
    let start = NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
    let end = match day {
        Some(_) => start,
        None => {
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            next - Duration::days(1)
        }
    };
    Some(DateRange { start, end })
}

/// The week (Monday to Sunday), month or year `offset` units from the one holding `day`.
fn calendar_unit(day: NaiveDate, unit: &str, offset: i64) -> Option<DateRange> {
    match unit {
        "week" => {
            let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64)
                + Duration::weeks(offset);
            Some(DateRange {
                start: monday,
                end: monday + Duration::days(6),
            })
        }
        "month" => {
            let index = day.year() as i64 * 12 + day.month0() as i64 + offset;
            month_range(
                index.div_euclid(12) as i32,
                index.rem_euclid(12) as u32 + 1,
                None,
            )
        }
        "year" => {
            let year = day.year() + offset as i32;
            Some(DateRange {
                start: NaiveDate::from_ymd_opt(year, 1, 1)?,
                end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            })
        }
        _ => None,
    }
}

/// A document's own publication date.
pub fn published(doc: &Document) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(doc.published.as_deref()?, "%Y-%m-%d").ok()
}

/// Publication ranges for undated documents, from the run: a copy (any reuse link) is published
/// within a day of what it copies; failing that, a report falls within the dates of its story's
/// dated reports (within a day of the only one). Copies of copies follow, a few links deep.
/// Sets `published_earliest` and `published_latest`.
pub fn infer_publication(docs: &mut [Document], reuse: &[Reuse], stories: &[Story]) {
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.as_str(), k))
        .collect();
    let mut known: Vec<Option<(NaiveDate, NaiveDate)>> =
        docs.iter().map(|d| published(d).map(|p| (p, p))).collect();
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for r in reuse {
        if let (Some(&a), Some(&b)) = (index.get(r.a.as_str()), index.get(r.b.as_str())) {
            partners[a].push(b);
            partners[b].push(a);
        }
    }
    let day = Duration::days(1);
    // nearest links first: a document placed in one round keeps that range
    for _ in 0..3 {
        let placed: Vec<Option<(NaiveDate, NaiveDate)>> = (0..docs.len())
            .map(|k| {
                known[k].or_else(|| {
                    partners[k]
                        .iter()
                        .filter_map(|&p| known[p])
                        .map(|(start, end)| (start - day, end + day))
                        .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)))
                })
            })
            .collect();
        known = placed;
    }
    for story in stories {
        let members: Vec<usize> = story
            .documents
            .iter()
            .filter_map(|id| index.get(id.as_str()).copied())
            .collect();
        let dated: Vec<NaiveDate> = members
            .iter()
            .filter_map(|&k| published(&docs[k]))
            .collect();
        let (Some(&first), Some(&last)) = (dated.iter().min(), dated.iter().max()) else {
            continue;
        };
        let span = if first == last {
            (first - day, last + day)
        } else {
            (first, last)
        };
        for &k in &members {
            known[k].get_or_insert(span);
        }
    }
    for (doc, range) in docs.iter_mut().zip(known) {
        if doc.published.is_none() {
            if let Some((start, end)) = range {
                doc.published_earliest = Some(start.to_string());
                doc.published_latest = Some(end.to_string());
            }
        }
    }
}

/// What a document's relative expressions are resolved against: its publication date
/// ("published"), or the range inferred for it ("inferred").
pub fn anchor(doc: &Document) -> Option<((NaiveDate, NaiveDate), &'static str)> {
    if let Some(p) = published(doc) {
        return Some(((p, p), "published"));
    }
    let parse = |s: &Option<String>| NaiveDate::parse_from_str(s.as_deref()?, "%Y-%m-%d").ok();
    Some((
        (
            parse(&doc.published_earliest)?,
            parse(&doc.published_latest)?,
        ),
        "inferred",
    ))
}

/// What placed a resolved time: a date complete in itself, the document's date (published or
/// inferred), or the time expression told before it (its index among the document's times).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placed {
    Explicit,
    Document(&'static str),
    After(usize),
}

/// Each of a document's time expressions, in order, resolved: against the document's date, or,
/// for "the next day" and its kind, against the last expression before it that was resolved.
pub fn resolve_document(doc: &Document) -> Vec<Option<(DateRange, Placed)>> {
    let (anchor, anchor_name) = match anchor(doc) {
        Some((range, name)) => (Some(range), name),
        None => (None, "published"),
    };
    let mut out: Vec<Option<(DateRange, Placed)>> = Vec::with_capacity(doc.times.len());
    let mut last_resolved: Option<(usize, DateRange)> = None;
    // the last time placed at all: "in 2018 … the previous year" counts from a whole year
    let mut last_placed: Option<(usize, DateRange)> = None;
    for (k, t) in doc.times.iter().enumerate() {
        // "18 years ago – on the same day" counts from the long time in its own sentence, so
        // from nothing a reader can use
        let blocked = k > 0 && {
            let before = &doc.times[k - 1];
            let between = doc.body.get(before.span.end..t.span.start).unwrap_or(".");
            last_resolved.is_none_or(|(j, _)| j != k - 1)
                && !between.contains(['.', '!', '?', '\n'])
        };
        let weekday_before = weekday_just_before(doc, k);
        let on_its_weekday = match (&t.value, weekday_before) {
            (
                TimeValue::Date {
                    year: None,
                    month,
                    day: Some(day),
                    ..
                },
                Some(weekday),
            ) => date_on_weekday(*month, *day, weekday, anchor),
            _ => None,
        };
        let resolved = match t.value {
            _ if on_its_weekday.is_some() => {
                on_its_weekday.map(|range| (range, Placed::Document(anchor_name)))
            }
            TimeValue::FromPrevious { .. } if blocked => None,
            TimeValue::FromPrevious { days } => {
                last_resolved.map(|placed| counted_from(placed, days))
            }
            TimeValue::FromEvent { days, ref word } => {
                dated_happening(doc, k, word, &out).map(|placed| counted_from(placed, days))
            }
            TimeValue::CalendarFromPrevious { ref unit, offset } => match last_placed {
                Some((j, range)) => {
                    calendar_unit(range.start, unit, offset).map(|range| (range, Placed::After(j)))
                }
                // "later that month" with nothing told before says nothing; "the previous
                // year" is the report's
                None if offset == 0 => None,
                None => resolve(
                    &TimeValue::Calendar {
                        unit: unit.clone(),
                        offset,
                    },
                    anchor,
                )
                .map(|range| (range, Placed::Document(anchor_name))),
            },
            ref value => resolve(value, anchor).map(|range| {
                let placed = if is_explicit(value) && (anchor.is_none() || !is_since(value)) {
                    Placed::Explicit
                } else {
                    Placed::Document(anchor_name)
                };
                (range, placed)
            }),
        };
        // "in 2014 … two days later" says nothing a reader can use: only a day or a few
        // days are counted from
        if let Some((range, _)) = resolved.filter(|(r, _)| (r.end - r.start).num_days() < 7) {
            last_resolved = Some((k, range));
        }
        // a stretch to the report ("since 1993") is no time to count from
        if let Some((range, _)) = resolved.filter(|_| !is_since(&t.value)) {
            last_placed = Some((k, range));
        }
        // "on Saturday, May 18": the weekday is that date
        if let (Some(_), Some(placed)) = (weekday_before, resolved.as_ref()) {
            out[k - 1] = Some(*placed);
        }
        out.push(resolved);
    }
    out
}

/// Whether a time is complete in itself: a date, month or year with its year ("since 1993"
/// too, but its end is the report's).
fn is_explicit(value: &TimeValue) -> bool {
    match value {
        TimeValue::Since(from) | TimeValue::DaySpan { first: from, .. } => is_explicit(from),
        TimeValue::Date { year, .. } | TimeValue::Month { year, .. } => year.is_some(),
        TimeValue::Year { .. } => true,
        _ => false,
    }
}

fn is_since(value: &TimeValue) -> bool {
    matches!(value, TimeValue::Since(_))
}

/// The dates `days` days from those of the time at index `before`, placed after it.
fn counted_from((before, range): (usize, DateRange), days: i64) -> (DateRange, Placed) {
    let shift = Duration::days(days);
    let range = DateRange {
        start: range.start + shift,
        end: range.end + shift,
    };
    (range, Placed::After(before))
}

/// The weekday (Monday = 0) of a weekday expression right before the time at `k` ("Friday,
/// Dec. 6"), when only a comma or a space parts them.
fn weekday_just_before(doc: &Document, k: usize) -> Option<u32> {
    let before = doc.times.get(k.checked_sub(1)?)?;
    let between = doc.body.get(before.span.end..doc.times[k].span.start)?;
    let adjacent = matches!(between, "," | ", " | " ");
    match (&before.value, &doc.times[k].value) {
        (
            TimeValue::Weekday {
                weekday,
                next: false,
                ..
            },
            TimeValue::Date { day: Some(_), .. },
        ) if adjacent => Some(*weekday),
        _ => None,
    }
}

/// The date of that month and day, in the year next to the anchor's (before, same or after)
/// where it falls on the weekday given, nearest the anchor: "Friday, Dec. 6" said in November
/// 2019 is 6 December 2019, a Friday.
fn date_on_weekday(
    month: u32,
    day: u32,
    weekday: u32,
    anchor: Option<(NaiveDate, NaiveDate)>,
) -> Option<DateRange> {
    let (first, last) = anchor?;
    (last.year() - 1..=last.year() + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .filter(|d| d.weekday().num_days_from_monday() == weekday)
        .min_by_key(|d| {
            if *d < first {
                (first - *d).num_days()
            } else {
                (*d - last).num_days().max(0)
            }
        })
        .map(|d| DateRange { start: d, end: d })
}

/// The happening told before the time at `k` that `word` names ("the attack" names an
/// "attacked" before it), when a time already placed dates it to a few days: that time's index
/// and dates. The happening's trigger must not be the time's own word.
fn dated_happening(
    doc: &Document,
    k: usize,
    word: &str,
    placed: &[Option<(DateRange, Placed)>],
) -> Option<(usize, DateRange)> {
    let span = doc.times[k].span;
    let names = |trigger: &str| {
        let trigger = trigger.to_lowercase();
        let shared = trigger
            .chars()
            .zip(word.chars())
            .take_while(|(a, b)| a == b)
            .count();
        shared >= 5.min(word.len()).min(trigger.len()) && shared >= 4
    };
    doc.events
        .iter()
        .rev()
        .filter(|e| e.trigger.end <= span.start)
        .filter(|e| {
            doc.body
                .get(e.trigger.start..e.trigger.end)
                .is_some_and(names)
        })
        .filter_map(|e| e.time.filter(|&j| j < k))
        .find_map(|j| placed_within_days(placed, j))
        .or_else(|| named_in_a_dated_sentence(doc, k, word, placed))
}

/// The time at `j` with its dates when it was placed within a few days: one a reader can count
/// days from.
fn placed_within_days(
    placed: &[Option<(DateRange, Placed)>],
    j: usize,
) -> Option<(usize, DateRange)> {
    let (range, _) = placed.get(j)?.as_ref()?;
    ((range.end - range.start).num_days() < 7).then_some((j, *range))
}

/// Nouns of happenings a report counts days from that the events stage does not read: "the
/// day after the election", "two days before the hearing".
const HAPPENING_NOUNS: &[&str] = &[
    "election",
    "vote",
    "referendum",
    "primary",
    "caucuses",
    "summit",
    "meeting",
    "hearing",
    "debate",
    "trial",
    "verdict",
    "ruling",
    "game",
    "match",
    "race",
    "storm",
    "hurricane",
    "flood",
    "fire",
    "crash",
    "shooting",
    "stabbing",
    "strike",
    "outbreak",
    "funeral",
    "inauguration",
    "ceremony",
    "conference",
    "speech",
    "rally",
    "visit",
    "launch",
];

/// Whether a time can be counted from a happening of that name.
fn names_a_countable_happening(word: &str) -> bool {
    HAPPENING_NOUNS.contains(&word) || super::events::names_a_happening(word)
}

/// The last earlier sentence naming the happening ("the election" in "Voters chose a new council
/// in the election on Sunday"), when one of its times already placed dates it to a few days:
/// that time, the nearest to the word.
fn named_in_a_dated_sentence(
    doc: &Document,
    k: usize,
    word: &str,
    placed: &[Option<(DateRange, Placed)>],
) -> Option<(usize, DateRange)> {
    let span = doc.times[k].span;
    let bytes = doc.body.as_bytes();
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric();
    let at = (0..span.start.saturating_sub(word.len()) + 1)
        .rev()
        .find(|&i| {
            bytes[i..i + word.len()].eq_ignore_ascii_case(word.as_bytes())
                && (i == 0 || !is_word_byte(bytes[i - 1]))
                && bytes.get(i + word.len()).is_none_or(|&b| !is_word_byte(b))
                && !doc
                    .times
                    .iter()
                    .any(|t| t.span.start <= i && i < t.span.end)
        })?;
    let sentence = doc.sentences.iter().find(|s| s.start <= at && at < s.end)?;
    (0..k)
        .filter(|&j| {
            let t = doc.times[j].span;
            sentence.start <= t.start && t.end <= sentence.end
        })
        .filter_map(|j| placed_within_days(placed, j))
        .min_by_key(|(j, _)| doc.times[*j].span.start.abs_diff(at))
}

/// Every document's time expressions, resolved against its publication date or inferred range,
/// or against the time told before them; `anchor` names what placed each ("explicit",
/// "published", "inferred", or the id of the earlier time).
pub fn resolve_all(docs: &[Document]) -> Vec<Time> {
    let mut out = Vec::new();
    for doc in docs {
        let first_id = out.len() + 1;
        for (t, resolved) in doc.times.iter().zip(resolve_document(doc)) {
            out.push(Time {
                id: format!("time-{}", out.len() + 1),
                doc: doc.id.clone(),
                text: doc.text(t.span).to_string(),
                start: t.span.start,
                end: t.span.end,
                resolved: resolved.map(|(range, _)| range),
                anchor: resolved.map(|(_, placed)| match placed {
                    Placed::Explicit => "explicit".to_string(),
                    Placed::Document(name) => name.to_string(),
                    Placed::After(k) => format!("time-{}", first_id + k),
                }),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn resolved(text: &str, anchor: (&str, &str)) -> Vec<(String, Option<(String, String)>)> {
        find(text)
            .into_iter()
            .map(|t| {
                let r = resolve(&t.value, Some((day(anchor.0), day(anchor.1))));
                (
                    text[t.span.start..t.span.end].to_string(),
                    r.map(|r| (r.start.to_string(), r.end.to_string())),
                )
            })
            .collect()
    }

    #[test]
    fn weekdays_resolve_to_the_latest_such_day_not_after_the_anchor() {
        // 2030-05-10 is a Friday
        let found = resolved(
            "Fighting began on Monday and peaked Thursday night; talks resume on Friday.",
            ("2030-05-10", "2030-05-10"),
        );
        assert_eq!(
            found,
            vec![
                (
                    "on Monday".into(),
                    Some(("2030-05-06".into(), "2030-05-06".into()))
                ),
                (
                    "Thursday night".into(),
                    Some(("2030-05-09".into(), "2030-05-09".into()))
                ),
                (
                    "on Friday".into(),
                    Some(("2030-05-10".into(), "2030-05-10".into()))
                ),
            ]
        );
        // an anchor range of three days still places a Monday two days before it
        let found = resolved("on Monday", ("2030-05-08", "2030-05-10"));
        assert_eq!(found[0].1, Some(("2030-05-06".into(), "2030-05-06".into())));
        // "last Thursday" said on a Friday is the week before's ("on Thursday" is the day
        // before), and said on a Tuesday it is five days before
        let found = resolved("last Thursday", ("2030-05-10", "2030-05-10"));
        assert_eq!(found[0].1, Some(("2030-05-02".into(), "2030-05-02".into())));
        let found = resolved("last Thursday", ("2030-05-07", "2030-05-07"));
        assert_eq!(found[0].1, Some(("2030-05-02".into(), "2030-05-02".into())));
        let found = resolved("last Friday", ("2030-05-10", "2030-05-10"));
        assert_eq!(found[0].1, Some(("2030-05-03".into(), "2030-05-03".into())));
    }

    /// First and last day of a resolved time, and what placed it.
    type DaysPlaced = (String, String, Placed);

    #[test]
    fn the_next_day_counts_from_the_time_told_before_it() {
        let mut doc = crate::model::test_document(
            "d",
            "The dam cracked on Monday. The next day crews arrived, and two days later the \
             valley flooded; earlier that day the mayor had left. The day before, the river rose. \
             Talks begin next week, the day after the vote.",
        );
        doc.published = Some("2030-05-10".into());
        doc.times = find(&doc.body);
        let placed: Vec<(String, Option<DaysPlaced>)> = doc
            .times
            .iter()
            .zip(resolve_document(&doc))
            .map(|(t, r)| {
                (
                    doc.body[t.span.start..t.span.end].to_string(),
                    r.map(|(r, p)| (r.start.to_string(), r.end.to_string(), p)),
                )
            })
            .collect();
        let at = |text: &str| {
            placed
                .iter()
                .find(|p| p.0 == text)
                .unwrap_or_else(|| panic!("{text} in {placed:?}"))
                .1
                .clone()
        };
        let day = |d: &str, placed: Placed| Some((d.to_string(), d.to_string(), placed));
        assert_eq!(
            at("on Monday"),
            day("2030-05-06", Placed::Document("published"))
        );
        assert_eq!(at("The next day"), day("2030-05-07", Placed::After(0)));
        assert_eq!(at("two days later"), day("2030-05-09", Placed::After(1)));
        assert_eq!(at("earlier that day"), day("2030-05-09", Placed::After(2)));
        assert_eq!(at("The day before"), day("2030-05-08", Placed::After(3)));
        // "the day after the vote" counts from the vote, which no time told before dates
        assert_eq!(at("the day after the vote"), None);
        // "next week" is counted from the publication date, not from the story's days
        assert_eq!(
            at("next week"),
            Some((
                "2030-05-13".into(),
                "2030-05-19".into(),
                Placed::Document("published")
            ))
        );
        // "the previous year", "the next year" count from the time told before
        let mut doc = crate::model::test_document(
            "d",
            "Exports fell to $9 billion in 2028, from $19 billion the previous year. Holt \
             left Lorn in August 2024. The next year she returned, and later that year she won. \
             Over the next year the dam will be rebuilt.",
        );
        doc.published = Some("2030-05-10".into());
        doc.times = find(&doc.body);
        let placed: Vec<(String, Option<(String, String)>)> = doc
            .times
            .iter()
            .zip(resolve_document(&doc))
            .map(|(t, r)| {
                (
                    doc.body[t.span.start..t.span.end].to_string(),
                    r.map(|(r, _)| (r.start.to_string(), r.end.to_string())),
                )
            })
            .collect();
        let years = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(placed[1].0, "the previous year");
        assert_eq!(placed[1].1, years("2027-01-01", "2027-12-31"));
        assert_eq!(placed[3].0, "The next year");
        assert_eq!(placed[3].1, years("2025-01-01", "2025-12-31"));
        assert_eq!(placed[4].0, "later that year");
        assert_eq!(placed[4].1, years("2025-01-01", "2025-12-31"));
        // a stretch from the report on, not the year after the last one told
        assert_eq!(placed[5].0, "the next year");
        assert_eq!(placed[5].1, years("2030-05-10", "2031-05-10"));
        // with nothing told before them, "the next day" and "later that month" stay unplaced
        let mut doc = crate::model::test_document(
            "d",
            "The next day crews arrived. Later that month the river fell.",
        );
        doc.published = Some("2030-05-10".into());
        doc.times = find(&doc.body);
        assert_eq!(resolve_document(&doc), vec![None, None]);
    }

    #[test]
    fn times_told_as_to_come_resolve_ahead_and_named_days_are_no_weekdays() {
        // 2030-11-20 is a Wednesday
        let anchor = ("2030-11-20", "2030-11-20");
        let days = |text: &str| -> Vec<Option<(String, String)>> {
            resolved(text, anchor).into_iter().map(|(_, r)| r).collect()
        };
        let one = |d: &str| Some((d.to_string(), d.to_string()));
        assert_eq!(
            days("Talks will resume on Friday."),
            vec![one("2030-11-22")]
        );
        assert_eq!(days("Talks resumed on Friday."), vec![one("2030-11-15")]);
        assert_eq!(
            days("Sentencing is scheduled for Feb. 14."),
            vec![one("2031-02-14")]
        );
        assert_eq!(
            days("The levy is due to start in mid-December."),
            vec![Some(("2030-12-11".into(), "2030-12-20".into()))]
        );
        // a plan told in the past: the nearer of the two
        assert_eq!(
            days("The board dropped a rise planned for Oct. 15."),
            vec![one("2030-10-15")]
        );
        assert_eq!(
            days("The board dropped a rise planned for Dec. 1."),
            vec![one("2030-12-01")]
        );
        assert!(days("Queues formed for Black Friday and Cyber Monday deals.").is_empty());
    }

    /// Each time of a document with the first day it was placed on, if any.
    fn first_days(doc: &Document) -> Vec<(String, Option<String>)> {
        doc.times
            .iter()
            .zip(resolve_document(doc))
            .map(|(t, p)| {
                (
                    doc.body[t.span.start..t.span.end].to_string(),
                    p.map(|(range, _)| range.start.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn a_weekday_before_its_date_is_that_date_and_picks_its_year() {
        let mut doc = crate::model::test_document(
            "d",
            "Tickets go on sale Friday, Dec. 6. The girl was seized on Saturday, May 18. A \
             photo from Monday, Nov. 13, 2017.",
        );
        // 2019-11-19 is a Tuesday; 2019-12-06 a Friday, 2019-05-18 a Saturday
        doc.published = Some("2019-11-19".into());
        doc.times = find(&doc.body);
        let days: Vec<Option<String>> = first_days(&doc).into_iter().map(|(_, d)| d).collect();
        let day = |d: &str| Some(d.to_string());
        assert_eq!(
            days,
            [
                day("2019-12-06"),
                day("2019-12-06"),
                day("2019-05-18"),
                day("2019-05-18"),
                day("2017-11-13"),
                day("2017-11-13")
            ]
        );
    }

    #[test]
    fn a_time_counted_from_a_happening_named_in_a_dated_sentence() {
        let mut doc = crate::model::test_document(
            "d",
            "Voters chose a new council in the election on Sunday. The day after the election, \
             the mayor resigned. The week after the brand took a stake, shares rose.",
        );
        doc.published = Some("2030-05-10".into());
        crate::text::segment(&mut doc);
        doc.times = find(&doc.body);
        let found = first_days(&doc);
        // "the week after the brand took": "after" opens a clause, no happening is named
        assert_eq!(
            found,
            [
                ("on Sunday".to_string(), Some("2030-05-05".to_string())),
                (
                    "The day after the election".to_string(),
                    Some("2030-05-06".to_string())
                ),
            ]
        );
    }

    #[test]
    fn a_long_time_in_the_same_sentence_leaves_the_same_day_unplaced() {
        let mut doc = crate::model::test_document(
            "d",
            "Crews met on Monday. Holt first came to Tarnby 18 years ago, on the same day the dam \
             opened.",
        );
        doc.published = Some("2030-05-10".into());
        doc.times = find(&doc.body);
        let placed = resolve_document(&doc);
        assert_eq!(placed.len(), 3);
        assert!(placed[2].is_none(), "{:?}", placed[2]);
    }

    #[test]
    fn months_without_a_year_weekends_and_recent_days() {
        // published on Saturday 2030-05-11
        let found = resolved(
            "In early April the dam cracked; in May crews came, and by mid-March it had been \
             patched. Last August was dry. Since June 3 the river rose, overnight it \
             flooded, and over the weekend it fell. In recent days, and over the past two weeks, \
             tomorrow and next weekend, talks go on.",
            ("2030-05-11", "2030-05-11"),
        );
        let got = |text: &str| {
            found
                .iter()
                .find(|f| f.0 == text)
                .unwrap_or_else(|| panic!("{text} in {found:?}"))
                .1
                .clone()
        };
        let days = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(got("In early April"), days("2030-04-01", "2030-04-10"));
        assert_eq!(got("in May"), days("2030-05-01", "2030-05-31"));
        assert_eq!(got("mid-March"), days("2030-03-11", "2030-03-20"));
        // a month not yet begun is last year's
        assert_eq!(got("Last August"), days("2029-08-01", "2029-08-31"));
        // "since" runs from the day named to the report
        assert_eq!(got("Since June 3"), days("2029-06-03", "2030-05-11"));
        assert_eq!(got("overnight"), days("2030-05-10", "2030-05-11"));
        assert_eq!(got("over the weekend"), days("2030-05-11", "2030-05-12"));
        assert_eq!(got("In recent days"), days("2030-05-08", "2030-05-11"));
        assert_eq!(
            got("over the past two weeks"),
            days("2030-04-27", "2030-05-11")
        );
        assert_eq!(got("tomorrow"), days("2030-05-12", "2030-05-12"));
        assert_eq!(got("next weekend"), days("2030-05-18", "2030-05-19"));
        // said in May, "last May" is the year before
        let found = resolved("Last May it flooded too.", ("2030-05-11", "2030-05-11"));
        assert_eq!(found[0].1, days("2029-05-01", "2029-05-31"));
        // a month with its year, after a lead word, is that month
        let found = resolved(
            "In late August 2028 it rained.",
            ("2030-05-11", "2030-05-11"),
        );
        assert_eq!(found[0].1, days("2028-08-21", "2028-08-31"));
        // "may" the verb is no month
        assert!(resolved("Crews may return in a week.", ("2030-05-11", "2030-05-11")).is_empty());
    }

    #[test]
    fn since_runs_to_the_report_and_months_take_a_year_after_of() {
        // published on Saturday 2030-05-11
        let found = resolved(
            "The pass has been shut since early March, the first closure since 2011. Holt drafted \
             her will in October of 2006 and revised it in May of this year. Visits rose in the \
             last week; the last week of June is busiest.",
            ("2030-05-11", "2030-05-11"),
        );
        let days = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        let texts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "since early March",
                "since 2011",
                "in October of 2006",
                "in May of this year",
                "last week"
            ]
        );
        assert_eq!(found[0].1, days("2030-03-01", "2030-05-11"));
        assert_eq!(found[1].1, days("2011-01-01", "2030-05-11"));
        assert_eq!(found[2].1, days("2006-10-01", "2006-10-31"));
        assert_eq!(found[3].1, days("2030-05-01", "2030-05-31"));
        // "in the last week": the seven days before, not the calendar week before this one
        assert_eq!(found[4].1, days("2030-05-04", "2030-05-11"));
        // a time right before a curly mark ("May 3’") reads safely
        assert_eq!(
            resolved(
                "Holt left on May 3\u{2019}s eve.",
                ("2030-05-11", "2030-05-11")
            )
            .len(),
            1
        );
        // the days of a span, either way round
        let found = resolved(
            "The finals ran 18-24 November 2029 and on Jan. 3-5, 2030.",
            ("2030-05-11", "2030-05-11"),
        );
        assert_eq!(found[0].1, days("2029-11-18", "2029-11-24"));
        assert_eq!(found[1].1, days("2030-01-03", "2030-01-05"));
        // a span under way when the report is written is this one, not next year's
        let found = resolved(
            "The final round takes place 9-15 May in Lorn.",
            ("2030-05-11", "2030-05-11"),
        );
        assert_eq!(found[0].1, days("2030-05-09", "2030-05-15"));
    }

    #[test]
    fn a_date_told_without_a_verb_is_the_next_one_when_it_is_days_away() {
        // published Thursday 2030-10-03: a schedule's lines, and a past told in the past
        let found = resolved(
            "Autumn Trials, Oct. 5–7, in Lorn. Spring Fair, Sept. 20, in Tarnby. The fair \
             opened Oct. 4, and the river rose. Rain should ease by Friday morning.",
            ("2030-10-03", "2030-10-03"),
        );
        let days = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(found[0].0, "Oct. 5–7");
        assert_eq!(found[0].1, days("2030-10-05", "2030-10-07"));
        assert_eq!(found[1].1, days("2030-09-20", "2030-09-20"));
        assert_eq!(found[2].1, days("2029-10-04", "2029-10-04"));
        // a modal of what should come looks ahead
        assert_eq!(found[3].0, "Friday morning");
        assert_eq!(found[3].1, days("2030-10-04", "2030-10-04"));
    }

    #[test]
    fn dates_months_years_and_relative_spans() {
        let found = resolved(
            "On Sept. 3, 2029 and 14 March the council met; last month it voted, two weeks ago it \
             split, yesterday it fell, and in 2019 it was formed. August 2028 was calm.",
            ("2030-05-10", "2030-05-10"),
        );
        let got = |text: &str| found.iter().find(|f| f.0 == text).and_then(|f| f.1.clone());
        assert_eq!(
            got("Sept. 3, 2029"),
            Some(("2029-09-03".into(), "2029-09-03".into()))
        );
        assert_eq!(
            got("14 March"),
            Some(("2030-03-14".into(), "2030-03-14".into()))
        );
        assert_eq!(
            got("last month"),
            Some(("2030-04-01".into(), "2030-04-30".into()))
        );
        assert_eq!(
            got("two weeks ago"),
            Some(("2030-04-23".into(), "2030-04-29".into()))
        );
        assert_eq!(
            got("yesterday"),
            Some(("2030-05-09".into(), "2030-05-09".into()))
        );
        assert_eq!(
            got("in 2019"),
            Some(("2019-01-01".into(), "2019-12-31".into()))
        );
        assert_eq!(
            got("August 2028"),
            Some(("2028-08-01".into(), "2028-08-31".into()))
        );
        // with no anchor a weekday stays unresolved, a full date does not
        assert!(resolve(&find("on Monday")[0].value, None).is_none());
        assert!(resolve(&find("Sept. 3, 2029")[0].value, None).is_some());
    }
}
