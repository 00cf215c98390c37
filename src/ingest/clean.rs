//! From lines or blocks of raw text to a clean body: page furniture out, metadata lines read and
//! taken out, title and section headings kept apart, quotes and spaces normalised, and every byte
//! of the body mapped back to the original.

use std::sync::LazyLock;

use regex::Regex;

use super::mapped_text::MappedText;
use super::meta::{self, Stamp};
use crate::model::{MapRun, Removed, Section};

/// What the markup (HTML, Markdown) already says a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    None,
    Heading,
    Title,
    ListItem,
    Caption,
}

/// One line or block of the input, mapped to the original text.
#[derive(Debug, Clone)]
pub struct RawLine {
    pub text: MappedText,
    pub hint: Hint,
}

/// What the cleaner read out of the text.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub title: Option<String>,
    pub body: String,
    pub source_map: Vec<MapRun>,
    pub sections: Vec<Section>,
    pub removed: Vec<Removed>,
    pub published: Option<Stamp>,
    pub updated: Option<Stamp>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub dateline_place: Option<String>,
    pub dateline_month_day: Option<(u32, u32)>,
}

/// Options the caller knows from markup or container fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct CleanOptions<'a> {
    /// A title already known (from HTML or a JSON field): a line repeating it is dropped.
    pub known_title: Option<&'a str>,
    /// Look for a headline in the first lines (plain text has no other place for it).
    pub find_title: bool,
    /// Drop a sentence-long line seen before: in flattened text that is a repeated caption or
    /// teaser. Markup already marks captions, and tables there repeat lines for good reason.
    pub drop_repeats: bool,
}

/// Splits plain text into lines mapped to their offsets.
pub fn lines_of(text: &str) -> Vec<RawLine> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let mut m = MappedText::new();
        m.push_verbatim(line.strip_suffix('\r').unwrap_or(line), offset);
        out.push(RawLine {
            text: m,
            hint: Hint::None,
        });
        offset += line.len() + 1;
    }
    out
}

/// Joins hard-wrapped lines of plain text back into paragraphs: a line that does not end a sentence
/// followed by one that starts in lower case is the same paragraph.
pub fn unwrap_lines(lines: Vec<RawLine>) -> Vec<RawLine> {
    let mut out: Vec<RawLine> = Vec::with_capacity(lines.len());
    for line in lines {
        let starts_lower = line
            .text
            .text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if let Some(prev) = out.last_mut() {
            let prev_text = prev.text.text.trim_end();
            let open = !prev_text.is_empty()
                && !prev_text.ends_with(['.', '!', '?', ':', '"', '\'', '”', '’', ')'])
                && prev.hint == Hint::None
                && line.hint == Hint::None;
            if open && starts_lower && prev_text.len() > 40 {
                let at = line.text.original_offset(0);
                prev.text.push_replacement(" ", at);
                let len = line.text.len();
                prev.text.push_slice(&line.text, 0..len);
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// Normalises one line: curly quotes to straight, odd spaces to one space, zero-width marks out.
fn normalise(line: &MappedText) -> MappedText {
    let mut out = MappedText::new();
    let text = &line.text;
    let mut pending_space: Option<usize> = None;
    let mut run_start: Option<usize> = None;
    let flush = |out: &mut MappedText, run_start: &mut Option<usize>, end: usize| {
        if let Some(s) = run_start.take() {
            out.push_slice(line, s..end);
        }
    };
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '`' => Some("'"),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' | '«' | '»' => Some("\""),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => Some(""),
            _ => None,
        };
        if c.is_whitespace() {
            flush(&mut out, &mut run_start, i);
            pending_space.get_or_insert(i);
            continue;
        }
        if let Some(space_at) = pending_space.take() {
            if !out.is_empty() {
                if i == space_at + 1 && text.as_bytes()[space_at] == b' ' {
                    out.push_slice(line, space_at..i);
                } else {
                    out.push_replacement(" ", line.original_offset(space_at));
                }
            }
        }
        match replacement {
            Some(r) => {
                flush(&mut out, &mut run_start, i);
                out.push_replacement(r, line.original_offset(i));
            }
            None => {
                run_start.get_or_insert(i);
            }
        }
    }
    flush(&mut out, &mut run_start, text.len());
    out
}

/// Words of site navigation and section labels: a short line made only of these is a menu.
const NAV_WORDS: &[&str] = &[
    "news",
    "home",
    "menu",
    "search",
    "english",
    "hindi",
    "urdu",
    "world",
    "india",
    "national",
    "politics",
    "business",
    "sport",
    "sports",
    "entertainment",
    "latest",
    "trending",
    "video",
    "videos",
    "photos",
    "gallery",
    "live",
    "opinion",
    "lifestyle",
    "tech",
    "technology",
    "science",
    "health",
    "education",
    "local",
    "international",
    "breaking",
    "top",
    "stories",
    "more",
    "e-paper",
    "epaper",
    "podcasts",
    "login",
    "sign",
    "in",
    "up",
    "subscribe",
    "newsletter",
    "edition",
    "us",
    "uk",
    "asia",
    "europe",
    "africa",
    "middle",
    "east",
    "americas",
    "region",
    "city",
    "cities",
    "markets",
    "economy",
    "weather",
    "&",
    "and",
    "|",
    "-",
    "•",
];

/// Share and follow buttons as they appear once a page is flattened to text.
const SHARE_WORDS: &[&str] = &[
    "youtube",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "telegram",
    "instagram",
    "reddit",
    "pinterest",
    "email",
    "e-mail",
    "print",
    "share",
    "tweet",
    "copy",
    "link",
    "koo",
    "threads",
    "tiktok",
    "messenger",
    "flipboard",
    "comments",
    "comment",
    "save",
    "mail",
    "sms",
    "on",
    "via",
    "&",
    "|",
    "-",
    "•",
];

static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:also\s+read|read\s+also|read\s+more|more\s+to\s+read|related(?:\s+(?:news|stories|articles|coverage|reading))?|see\s+also|also\s+see|must\s+read|don'?t\s+miss|recommended|trending|more\s+from|more\s+on\s+this|watch|listen|also\s+watch|read\s+next|up\s+next|next\s+story|read\s+the\s+latest|in\s+pics|in\s+photos)\s*[:|\-–—>]").expect("valid regex")
});

static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:follow\s+(?:the\s+latest|our|us|all\s+the|live)|share\s+(?:this|the)\s+(?:story|article|page|post)\b|more\s+[^.!?]{0,40}\b(?:headlines|stories)\s+(?:on|at|from)\b|subscribe\b|sign\s+up\b|download\s+(?:the|our)\b|click\s+here|join\s+(?:our|us)|get\s+the\s+latest|catch\s+(?:all\s+the|the\s+latest)|for\s+(?:more|the\s+latest)\s+news|to\s+read\s+(?:more|the\s+full)|never\s+miss|stay\s+updated|get\s+(?:breaking|our)|story\s+continues\s+below|continue\s+reading|scroll\s+(?:down\s+)?to\s+continue|skip\s+advertisement|advertisement\s*$|sponsored\s*$|ad\s*$|this\s+story\s+(?:has\s+been|is)\s+(?:published|auto)|first\s+published\s+in|unlock\s+|already\s+a\s+subscriber)").expect("valid regex")
});

static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|add\s+a\s+comment|\d+\s+comments?\s*$|comments?\s*\(\d+\)|your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|log\s*in\s+to\s+(?:comment|reply)|be\s+the\s+first\s+to\s+comment|share\s+your\s+(?:thoughts|views)|view\s+comments|show\s+comments|comments\s+are\s+closed)").expect("valid regex")
});

static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcookies?\b.*\b(?:accept|consent|policy|settings|preferences|agree)\b|\b(?:accept|agree)\b.*\bcookies?\b").expect("valid regex")
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*\(?\s*(?:with\s+inputs?\s+from\b[^)]{0,60}|reporting\s+by\b.*|editing\s+by\b.*|\(?\s*this\s+story\s+has\s+not\s+been\s+edited\b.*|copyright\s*©?.*|©.*|all\s+rights\s+reserved.*)\)?\s*$").expect("valid regex")
});

/// A picture caption: a credit in parentheses at the end ("… valley. (AFP)", "(Photo: Reuters)"),
/// or a line that starts as a credit ("Photo: …", "File photo").
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)
        \(\s*(?:(?i:photo|image|picture|pic|file|video|screengrab|representational|representative|credit)s?\b[^()]{0,60}
              |(?:AFP|AP|Reuters|PTI|ANI|EPA|Getty\s*Images?|Getty|IANS|UNI|Xinhua|Bloomberg|Shutterstock|AFP\s*via\s*Getty\s*Images|HT\s*Photo|File)\b[^()]{0,30}
        )\)\s*$
        |(?i:^\W*(?:photo|image|picture|file\s+photo|photo\s+credit|image\s+credit|representative\s+image|representational\s+image)\s*[:|/-])
        ").expect("valid regex")
});

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '•' || c == '|' || c == '·')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn all_in(s: &str, lexicon: &[&str], max_words: usize) -> bool {
    let words = words_of(s);
    !words.is_empty()
        && words.len() <= max_words
        && words.iter().all(|w| lexicon.contains(&w.as_str()))
}

/// Why a line is page furniture, or None when it is not.
pub fn furniture_reason(line: &str, at_top: bool) -> Option<&'static str> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let words = t.split_whitespace().count();
    if words <= 12
        && all_in(t, SHARE_WORDS, 12)
        && words_of(t).iter().any(|w| {
            !matches!(
                w.as_str(),
                "on" | "via" | "&" | "|" | "-" | "•" | "link" | "copy"
            )
        })
    {
        return Some("share-buttons");
    }
    if at_top && words <= 5 && all_in(t, NAV_WORDS, 5) {
        return Some("navigation");
    }
    if t.chars().all(|c| !c.is_alphanumeric()) {
        return Some("decoration");
    }
    if RELATED.is_match(t) {
        return Some("related-link");
    }
    if COMMENTS.is_match(t) {
        return Some("comment-form");
    }
    if PROMO.is_match(t) {
        return Some("promo");
    }
    if words <= 60 && t.to_ascii_lowercase().contains("cookie") && COOKIE.is_match(t) {
        return Some("cookie-notice");
    }
    if words <= 40 && t.len() < 400 && CREDIT.is_match(t) {
        return Some("credit");
    }
    if words <= 60 && (t.ends_with(')') || t.contains(':')) && CAPTION.is_match(t) {
        return Some("caption");
    }
    None
}

/// A headline: short, not a run of several sentences, not ending like a clause.
fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let t = line.trim_end_matches(['"', '\'']);
    (2..=25).contains(&words)
        && line.len() <= 220
        && !t.ends_with([',', ';', ':'])
        && !(t.ends_with('.') && words > 18)
}

/// A section heading inside plain text: a short line that does not end a sentence.
fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if !(1..=14).contains(&words) || line.len() > 120 {
        return false;
    }
    let t = line.trim_end_matches(['"', '\'']);
    if t.ends_with(['.', ',', ';', ':', '!', '-', '–', '—']) || t.ends_with("...") {
        return false;
    }
    if t.ends_with('?') && words > 12 {
        return false;
    }
    let first = line.trim_start_matches(['"', '\'', '#']).chars().next();
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Cleans lines into a body with sections, removed furniture and the metadata the lines stated.
pub fn clean(lines: Vec<RawLine>, options: CleanOptions) -> Cleaned {
    let mut out = Cleaned::default();
    let mut body = MappedText::new();
    let mut seen_body = false;
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let known_title = options.known_title.map(|t| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    });
    let lines: Vec<RawLine> = lines
        .into_iter()
        .map(|l| RawLine {
            text: normalise(&l.text),
            hint: l.hint,
        })
        .filter(|l| !l.text.is_empty())
        .collect();
    // text_after[i]: some line after i has more than three words (a heading needs text to head)
    let mut text_after = vec![false; lines.len()];
    for i in (0..lines.len().saturating_sub(1)).rev() {
        text_after[i] =
            text_after[i + 1] || lines[i + 1].text.text.split_whitespace().nth(3).is_some();
    }

    for (index, line) in lines.into_iter().enumerate() {
        let hint = line.hint;
        let mut text = line.text;
        let remove = |out: &mut Cleaned, t: &MappedText, reason: &str| {
            out.removed.push(Removed {
                text: t.text.clone(),
                reason: reason.to_string(),
                original_start: t.original_offset(0),
            });
        };
        // metadata lines
        if !seen_body || index < 12 {
            if let Some(d) = meta::date_line(&text.text) {
                if d.updated {
                    out.updated.get_or_insert(d.stamp);
                } else {
                    out.published.get_or_insert(d.stamp);
                }
                remove(&mut out, &text, "date-line");
                continue;
            }
            if let Some(b) = meta::byline_line(&text.text) {
                if let Some(name) = b.byline {
                    out.byline.get_or_insert(name);
                }
                if let Some(outlet) = b.outlet {
                    out.outlet.get_or_insert(outlet);
                }
                if let Some(stamp) = b.stamp {
                    out.published.get_or_insert(stamp);
                }
                remove(&mut out, &text, "byline");
                continue;
            }
            if let Some((stamp, len)) = meta::date_prefix(&text.text) {
                out.published.get_or_insert(stamp);
                let mut prefix = MappedText::new();
                prefix.push_slice(&text, 0..len);
                remove(&mut out, &prefix, "date-line");
                text = slice_from(&text, len);
            }
            if !seen_body {
                if let Some(d) = meta::dateline(&text.text) {
                    out.dateline_place = Some(d.place);
                    out.dateline_month_day = d.month_day;
                    if let (Some(year), Some((m, day))) = (d.year, d.month_day) {
                        if let Some(date) = chrono::NaiveDate::from_ymd_opt(year, m, day) {
                            out.published.get_or_insert(Stamp {
                                date,
                                time: None,
                                offset_minutes: None,
                            });
                        }
                    }
                    if let Some(o) = d.outlet {
                        out.outlet.get_or_insert(o);
                    }
                    let mut prefix = MappedText::new();
                    prefix.push_slice(&text, 0..d.len);
                    remove(&mut out, &prefix, "dateline");
                    text = slice_from(&text, d.len);
                }
            }
            if text.is_empty() {
                continue;
            }
        }
        let t = text.text.as_str();
        let folded = t.to_lowercase();
        if known_title.as_deref() == Some(folded.as_str()) || hint == Hint::Title {
            if out.title.is_none() {
                out.title = Some(t.to_string());
            }
            remove(&mut out, &text, "title");
            continue;
        }
        if let Some(reason) = furniture_reason(t, !seen_body && out.title.is_none()) {
            remove(&mut out, &text, reason);
            continue;
        }
        if hint == Hint::Caption {
            remove(&mut out, &text, "caption");
            continue;
        }
        // the same caption or teaser repeated further down the page
        if options.drop_repeats
            && (8..=40).contains(&t.split_whitespace().count())
            && !seen.insert(folded.clone())
        {
            remove(&mut out, &text, "repeated");
            continue;
        }
        let next_is_text = text_after[index];
        if options.find_title
            && out.title.is_none()
            && known_title.is_none()
            && !seen_body
            && looks_like_title(t)
            && next_is_text
        {
            out.title = Some(t.to_string());
            remove(&mut out, &text, "title");
            continue;
        }
        let heading = match hint {
            Hint::Heading => true,
            Hint::None => looks_like_heading(t) && next_is_text,
            _ => false,
        };
        if heading {
            let start = if body.is_empty() { 0 } else { body.len() + 2 };
            out.sections.push(Section {
                heading: t.to_string(),
                start,
            });
            continue;
        }
        if !body.is_empty() {
            body.push_replacement("\n\n", text.original_offset(0));
        }
        let len = text.len();
        body.push_slice(&text, 0..len);
        seen_body = true;
    }
    // a heading with nothing after it is furniture, not a section
    let body_len = body.len();
    out.sections.retain(|s| s.start < body_len);
    out.body = body.text;
    out.source_map = body.runs;
    out
}

fn slice_from(text: &MappedText, from: usize) -> MappedText {
    let mut rest = MappedText::new();
    let start = text.text[from..]
        .find(|c: char| !c.is_whitespace())
        .map_or(text.len(), |i| from + i);
    rest.push_slice(text, start..text.len());
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean_text(s: &str) -> Cleaned {
        clean(
            lines_of(s),
            CleanOptions {
                known_title: None,
                find_title: true,
                drop_repeats: true,
            },
        )
    }

    #[test]
    fn headline_byline_date_and_caption_come_out_of_the_body() {
        let c = clean_text(
            "River bursts its banks in Vessa\n\nBy example.com | Written by Jane Doe\nPUBLISHED ON NOV 12, 2026 09:30 AM UTC\nA boat on the river. (AFP)\n\nThe river rose overnight, officials said.\nWhat comes next\nEngineers will inspect the dam on Monday, the agency said.\nAlso Read: Another story about floods\n",
        );
        assert_eq!(c.title.as_deref(), Some("River bursts its banks in Vessa"));
        assert_eq!(c.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(c.outlet.as_deref(), Some("example.com"));
        assert_eq!(c.published.as_ref().unwrap().date_iso(), "2026-11-12");
        assert_eq!(c.body, "The river rose overnight, officials said.\n\nEngineers will inspect the dam on Monday, the agency said.");
        assert_eq!(c.sections.len(), 1);
        assert_eq!(c.sections[0].heading, "What comes next");
        assert_eq!(
            &c.body[c.sections[0].start..c.sections[0].start + 9],
            "Engineers"
        );
        let reasons: Vec<&str> = c.removed.iter().map(|r| r.reason.as_str()).collect();
        assert!(
            reasons.contains(&"caption") && reasons.contains(&"related-link"),
            "{reasons:?}"
        );
    }

    #[test]
    fn a_caption_credited_to_a_named_photographer_is_not_body() {
        let c = clean_text("Flood waters rise in Tarnby\nBy Dane Holt\nA boat in the square of Tarnby. (Photo: Marrow Herald/Arlen Voss)\n\nThe river rose overnight, officials said.\n");
        assert_eq!(c.body, "The river rose overnight, officials said.");
        assert!(c.removed.iter().any(|r| r.reason == "caption"));
    }

    #[test]
    fn text_that_starts_straight_into_the_story_has_no_title() {
        let c = clean_text(" date 2026-11-12 The river rose overnight and flooded the lower town, leaving hundreds of families without power as rescue teams worked through the night to reach them, officials said on Thursday.\n\nMore rain is expected.");
        assert_eq!(c.title, None);
        assert_eq!(c.published.unwrap().date_iso(), "2026-11-12");
        assert!(c.body.starts_with("The river rose"));
    }

    #[test]
    fn curly_quotes_and_spaces_are_normalised_and_map_back() {
        let original = "Head line here\nShe said “no”  to   the  plan, he said.";
        let c = clean_text(original);
        assert_eq!(c.body, "She said \"no\" to the plan, he said.");
        let doc_offset = c.body.find("plan").unwrap();
        let i = c.source_map.partition_point(|r| r.body_start <= doc_offset) - 1;
        let run = c.source_map[i];
        let orig = run.original_start + doc_offset - run.body_start;
        assert!(original[orig..].starts_with("plan"));
    }

    #[test]
    fn navigation_and_share_lines_are_furniture() {
        assert_eq!(furniture_reason("English News", true), Some("navigation"));
        assert_eq!(
            furniture_reason("  • youtube", false),
            Some("share-buttons")
        );
        assert_eq!(
            furniture_reason("Follow the latest updates on our live page", false),
            Some("promo")
        );
        assert_eq!(furniture_reason("The news broke on Monday.", true), None);
    }
}
