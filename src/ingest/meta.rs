//! Publication dates, times, bylines, outlets and datelines as news pages write them.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime};
use regex::Regex;

/// A publication moment as stated: the local date, and the time and zone when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// Offset from UTC in minutes, when a zone was stated.
    pub offset_minutes: Option<i32>,
}

impl Stamp {
    pub fn date_iso(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
    }

    /// `HH:MM+hh:mm`, or `HH:MM` when the zone is unknown.
    pub fn time_iso(&self) -> Option<String> {
        let time = self.time?.format("%H:%M").to_string();
        Some(match self.offset_minutes {
            Some(m) => {
                let sign = if m < 0 { '-' } else { '+' };
                format!("{time}{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
            }
            None => time,
        })
    }
}

const MONTHS: &str = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

pub fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// Time-zone abbreviations common in English-language news, with their UTC offsets in minutes.
/// IST is read as India Standard Time, by far its most frequent use in English news.
fn zone_offset(abbrev: &str) -> Option<i32> {
    let minutes = match abbrev.to_ascii_uppercase().as_str() {
        "UTC" | "GMT" | "Z" | "WET" => 0,
        "BST" | "CET" | "WAT" | "WEST" => 60,
        "CEST" | "EET" | "SAST" | "CAT" => 120,
        "EEST" | "MSK" | "EAT" | "AST" | "TRT" => 180,
        "GST" => 240,
        "AFT" => 270,
        "PKT" => 300,
        "IST" => 330,
        "NPT" => 345,
        "BDT" => 360,
        "ICT" | "WIB" => 420,
        "HKT" | "SGT" | "AWST" | "PHT" => 480,
        "JST" | "KST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        "NZST" => 720,
        "NZDT" => 780,
        "EDT" => -240,
        "EST" | "CDT" => -300,
        "CST" | "MDT" => -360,
        "MST" | "PDT" => -420,
        "PST" => -480,
        _ => return None,
    };
    Some(minutes)
}

static ISO_DATETIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?").expect("valid regex")
});

static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}}))\b"
    ))
    .expect("valid regex")
});

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:\(?\s*([A-Z]{1,5})\b\)?)?",
    )
    .expect("valid regex")
});

/// Reads the first date (with time and zone when stated) in `s`.
pub fn parse_stamp(s: &str) -> Option<Stamp> {
    if let Some(c) = ISO_DATETIME.captures(s) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?)?;
        let time = match (num(4), num(5)) {
            (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, 0),
            _ => None,
        };
        if is_a_placeholder(date, time) {
            return None;
        }
        let offset = c.get(6).and_then(|z| parse_numeric_offset(z.as_str()));
        let offset = if time.is_some() { offset } else { None };
        return Some(Stamp {
            date,
            time,
            offset_minutes: offset,
        });
    }
    let c = WRITTEN_DATE.captures(s)?;
    let (month, day, year) = if let Some(m) = c.get(1) {
        (m.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str())
    } else {
        (c.get(5)?.as_str(), c.get(4)?.as_str(), c.get(6)?.as_str())
    };
    let date =
        NaiveDate::from_ymd_opt(year.parse().ok()?, month_number(month)?, day.parse().ok()?)?;
    let after = &s[c.get(0)?.end()..];
    let (time, offset) = parse_clock(after).unwrap_or((None, None));
    Some(Stamp {
        date,
        time,
        offset_minutes: offset,
    })
}

fn parse_numeric_offset(z: &str) -> Option<i32> {
    if z.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = if z.starts_with('-') { -1 } else { 1 };
    let digits: String = z.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    Some(sign * (h * 60 + m))
}

/// A clock time near the start of `s`: "05:44 PM IST", "17:44 GMT", "9.30am".
fn parse_clock(s: &str) -> Option<(Option<NaiveTime>, Option<i32>)> {
    let trimmed = s.trim_start_matches(|c: char| c.is_whitespace() || ",|@-–".contains(c));
    let trimmed = trimmed.strip_prefix("at ").unwrap_or(trimmed);
    let c = CLOCK.captures(trimmed)?;
    if c.get(0)?.start() > 3 {
        return None;
    }
    let mut hour: u32 = c.get(1)?.as_str().parse().ok()?;
    let minute: u32 = c.get(2)?.as_str().parse().ok()?;
    if let Some(ampm) = c.get(3) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        hour = match (hour, pm) {
            (12, false) => 0,
            (h, true) if h < 12 => h + 12,
            (h, _) => h,
        };
    }
    let time = NaiveTime::from_hms_opt(hour, minute, 0)?;
    let offset = c.get(4).and_then(|z| zone_offset(z.as_str()));
    Some((Some(time), offset))
}

/// A content system's empty date: year 1 ("0001-01-01T00:00:00Z", a zero time value) or the
/// first second of the Unix epoch. No news report is from either.
fn is_a_placeholder(date: NaiveDate, time: Option<NaiveTime>) -> bool {
    let midnight = time.is_none_or(|t| t == NaiveTime::MIN);
    date.year() < 1900 || (date == NaiveDate::from_ymd_opt(1970, 1, 1).expect("date") && midnight)
}

/// Reads a machine date ("2026-11-12T09:30:00+01:00", RFC 2822 from feeds).
pub fn parse_machine_date(s: &str) -> Option<Stamp> {
    if let Ok(dt) = DateTime::parse_from_rfc2822(s.trim()) {
        return Some(Stamp {
            date: dt.date_naive(),
            time: Some(dt.time()),
            offset_minutes: Some(dt.offset().local_minus_utc() / 60),
        });
    }
    parse_stamp(s)
}

/// A line that only states when the piece was published or updated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub stamp: Stamp,
    pub updated: bool,
}

static DATE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(first\s+published|published|last\s+updated|updated|posted|date(?:d)?|modified|released)\b\s*(?:on|at)?\s*:?\s*)?(.*)$").expect("valid regex")
});

/// Recognises a whole line that is a date marker ("PUBLISHED ON SEP 03, 2021 05:44 PM IST",
/// "Updated: 12 November 2026", "2026-11-12 09:30"). Returns None for prose that mentions a date.
pub fn date_line(line: &str) -> Option<DateLine> {
    if line.split_whitespace().count() > 14 {
        return None;
    }
    let c = DATE_MARKER.captures(line.trim())?;
    let marker = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
    let rest = c.get(2)?.as_str();
    let stamp = parse_stamp(rest)?;
    // what is left once the date, clock and zone are taken out must be nearly nothing
    let leftover = WRITTEN_DATE.replace(rest, "");
    let leftover = ISO_DATETIME.replace(&leftover, "");
    let leftover = CLOCK.replace_all(&leftover, "");
    let words = leftover
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.to_ascii_lowercase().as_str(),
                    "at" | "on" | "updated" | "ist" | "utc" | "gmt"
                )
        })
        .count();
    if words > 1 {
        return None;
    }
    let updated = marker.is_some_and(|m| m.contains("updated") || m.contains("modified"));
    Some(DateLine { stamp, updated })
}

static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:date|dated|published|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})\b\s*")
        .expect("valid regex")
});

/// A date marker at the start of a line that goes on with the story (" date 2021-09-01 The …").
/// Returns the stamp and the byte length of the prefix.
pub fn date_prefix(line: &str) -> Option<(Stamp, usize)> {
    let c = DATE_PREFIX.captures(line)?;
    let stamp = parse_stamp(c.get(1)?.as_str())?;
    Some((stamp, c.get(0)?.end()))
}

/// A byline line: "By Jane Doe", "Written by Jane Doe", "By example.com | Written by Jane Doe".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BylineLine {
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub stamp: Option<Stamp>,
}

static PICTURE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?:photo|image|picture|pic)s?(?:\s+credit)?\s*:\s*([^()]+)\)")
        .expect("valid regex")
});

/// The outlet a picture credit names, when the article calls itself by it: a caption credited
/// "(Photo: Valley Ledger/Ines Garrow)" in an article that says "seen by the Ledger" is the
/// Valley Ledger's own. Credits put the organisation on either side of the slash; the side whose
/// last word the text uses as "the <word>" is the one.
pub fn outlet_in_credit<'a>(captions: impl Iterator<Item = &'a str>, body: &str) -> Option<String> {
    captions
        .filter_map(|caption| PICTURE_CREDIT.captures(caption))
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .flat_map(|credit| {
            credit
                .split('/')
                .map(|side| side.trim().to_string())
                .collect::<Vec<_>>()
        })
        .find(|side| {
            let words: Vec<&str> = side.split_whitespace().collect();
            let named = !words.is_empty()
                && words.len() <= 5
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            named
                && words
                    .last()
                    .is_some_and(|last| crate::text::says_the(body, last))
        })
}

static BY_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:written|reported|edited|compiled|story|text|words)\s+)?by\s*:?\s+(.+)$")
        .expect("valid regex")
});

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|in|co\.uk|co|uk|news|info|tv|io|de|fr|pk|af|ru|cn|au|ca|ie|ng|za)$").expect("valid regex")
});

pub fn byline_line(line: &str) -> Option<BylineLine> {
    if line.split_whitespace().count() > 16 {
        return None;
    }
    let mut out = BylineLine::default();
    let mut saw_by = false;
    for part in line
        .split(['|', '•', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(c) = BY_PART.captures(part) {
            saw_by = true;
            let who = c.get(1)?.as_str().trim().trim_end_matches([',', '.']);
            if DOMAIN.is_match(who) {
                out.outlet = Some(who.to_string());
            } else if looks_like_names(who) {
                let written = part.to_ascii_lowercase().starts_with("written");
                if out.byline.is_none() || written {
                    out.byline = Some(who.to_string());
                }
            } else {
                return None;
            }
        } else if DOMAIN.is_match(part) {
            out.outlet = Some(part.to_string());
        } else if let Some(d) = date_line(part) {
            out.stamp = Some(d.stamp);
        } else if saw_by
            && out.outlet.is_none()
            && part.split_whitespace().count() <= 5
            && looks_like_names(part)
        {
            // "By Jane Doe · The Daily · 13 November 2026": a named part after the author is the outlet
            out.outlet = Some(part.to_string());
        } else {
            return None;
        }
    }
    saw_by.then_some(out)
}

/// "Jane Doe", "Jane Doe and John Roe", "Jane Doe, Reuters": capitalised words, a few joiners.
fn looks_like_names(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| c == ',' || c == '.');
        w.is_empty()
            || matches!(
                w,
                "and" | "&" | "in" | "de" | "van" | "von" | "bin" | "al" | "el" | "la" | "da"
            )
            || w.chars().next().is_some_and(|c| c.is_uppercase())
    })
}

/// A dateline at the start of a wire story: "CAIRO, September 5. /TASS/." or "LONDON (Reuters) -".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub place: String,
    pub month_day: Option<(u32, u32)>,
    pub year: Option<i32>,
    pub outlet: Option<String>,
    /// Bytes of the line the dateline takes up.
    pub len: usize,
}

static SLASH_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*([A-Z][A-Z .'-]{{1,40}}[A-Z]),\s+((?i:{MONTHS}))\.?\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\s*\.?\s*/\s*([A-Za-z][A-Za-z .-]{{1,30}}?)\s*/\s*[.\-–—]*\s*"
    ))
    .expect("valid regex")
});

static PAREN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*([A-Z][A-Z .'-]{{1,40}}[A-Z])(?:,\s+((?i:{MONTHS}))\.?\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?)?\s*\(([A-Za-z][A-Za-z .&-]{{1,30}})\)\s*[-–—]+\s*"
    ))
    .expect("valid regex")
});

pub fn dateline(line: &str) -> Option<Dateline> {
    let c = SLASH_DATELINE
        .captures(line)
        .or_else(|| PAREN_DATELINE.captures(line))?;
    let month_day = match (c.get(2), c.get(3)) {
        (Some(m), Some(d)) => Some((month_number(m.as_str())?, d.as_str().parse().ok()?)),
        _ => None,
    };
    Some(Dateline {
        place: c.get(1)?.as_str().trim().to_string(),
        month_day,
        year: c.get(4).and_then(|y| y.as_str().parse().ok()),
        outlet: c.get(5).map(|o| o.as_str().trim().to_string()),
        len: c.get(0)?.end(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_marker_with_twelve_hour_clock_and_zone() {
        let d = date_line("PUBLISHED ON SEP 03, 2021 05:44 PM IST").unwrap();
        assert_eq!(d.stamp.date_iso(), "2021-09-03");
        assert_eq!(d.stamp.time_iso().as_deref(), Some("17:44+05:30"));
        assert!(!d.updated);
    }

    #[test]
    fn empty_dates_of_content_systems_are_no_dates() {
        assert!(parse_machine_date("0001-01-01T00:00:00Z").is_none());
        assert!(parse_machine_date("1970-01-01T00:00:00Z").is_none());
        assert_eq!(
            parse_machine_date("1970-01-01T14:05:00Z").map(|s| s.date_iso()),
            Some("1970-01-01".to_string())
        );
        assert_eq!(
            parse_machine_date("2019-11-18T08:00:00Z").map(|s| s.date_iso()),
            Some("2019-11-18".to_string())
        );
    }

    #[test]
    fn other_date_markers() {
        assert_eq!(
            date_line("Updated: 12 November 2026")
                .unwrap()
                .stamp
                .date_iso(),
            "2026-11-12"
        );
        assert!(date_line("Updated: 12 November 2026").unwrap().updated);
        assert_eq!(
            date_line("2026-11-12T09:30:00+01:00")
                .unwrap()
                .stamp
                .time_iso()
                .as_deref(),
            Some("09:30+01:00")
        );
        assert_eq!(
            date_line("Friday, Sept. 3, 2021").unwrap().stamp.date_iso(),
            "2021-09-03"
        );
        assert!(date_line(
            "The talks began on September 3, 2021 in the capital after weeks of delay."
        )
        .is_none());
    }

    #[test]
    fn date_prefix_before_the_story() {
        let (stamp, len) = date_prefix(" date 2021-09-01 The negotiations failed").unwrap();
        assert_eq!(stamp.date_iso(), "2021-09-01");
        assert_eq!(
            &" date 2021-09-01 The negotiations failed"[len..],
            "The negotiations failed"
        );
    }

    #[test]
    fn a_picture_credit_names_the_outlet_when_the_text_calls_itself_by_it() {
        let body = "The water rose, according to a notice seen by the Herald.";
        let own = ["A boat in Tarnby. (Photo: Marrow Herald/Arlen Voss)"];
        assert_eq!(
            outlet_in_credit(own.into_iter(), body).as_deref(),
            Some("Marrow Herald")
        );
        let reversed = ["A boat in Tarnby. (Photo: Arlen Voss/Marrow Herald)"];
        assert_eq!(
            outlet_in_credit(reversed.into_iter(), body).as_deref(),
            Some("Marrow Herald")
        );
        // an agency's picture in a text that never calls itself by the agency's name
        let agency = ["A boat in Tarnby. (Photo: Arlen Voss/Lorn Press)"];
        assert_eq!(outlet_in_credit(agency.into_iter(), body), None);
        // "the Heralds" is not "the Herald"
        let body = "The Heralds of the guild marched.";
        assert_eq!(outlet_in_credit(own.into_iter(), body), None);
    }

    #[test]
    fn bylines_with_outlet_domain() {
        let b = byline_line("By hindustantimes.com | Written by Poulomi Ghosh").unwrap();
        assert_eq!(b.byline.as_deref(), Some("Poulomi Ghosh"));
        assert_eq!(b.outlet.as_deref(), Some("hindustantimes.com"));
        assert_eq!(
            byline_line("By Jane Doe and John Roe")
                .unwrap()
                .byline
                .as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert!(byline_line("By the grace of God, luck wasn't on their side").is_none());
    }

    #[test]
    fn wire_datelines() {
        let line = "TARNBY, November 10 /Meridian Wire/ – The dam gave way.";
        let d = dateline(line).unwrap();
        assert_eq!(&line[d.len..], "The dam gave way.");
        let d = dateline("CAIRO, September 5. /TASS/. The talks resumed.").unwrap();
        assert_eq!(d.place, "CAIRO");
        assert_eq!(d.month_day, Some((9, 5)));
        assert_eq!(d.outlet.as_deref(), Some("TASS"));
        let d = dateline("LONDON (Reuters) - Prices rose.").unwrap();
        assert_eq!(d.outlet.as_deref(), Some("Reuters"));
        assert!(dateline("Meanwhile, the talks resumed.").is_none());
    }
}
