//! Stage 1, ingest: one source (a file's text, or one item of a container) to one cleaned
//! [`Document`]. Pure: the readers at the edge do the I/O and hand over decoded text.

pub mod clean;
pub mod containers;
pub mod decode;
pub mod html;
pub mod html_tree;
pub mod mapped_text;
pub mod meta;

use clean::{CleanOptions, Hint, RawLine};
use mapped_text::MappedText;

use crate::model::{Document, Format};

/// How the content of a source is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    Text,
    Markdown,
    Html,
}

/// Metadata a container states for an item (JSON fields, feed entries, WARC headers).
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// When a crawler fetched the page: the article was published on or before this date.
    pub fetched: Option<String>,
}

/// One article as the readers hand it over.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub path: String,
    pub format: Format,
    pub kind: ContentKind,
    pub content: String,
    pub fields: Fields,
}

/// Builds the document of one source. Sentences are left to the text stage.
pub fn ingest(source: Source) -> Document {
    let Source {
        id,
        path,
        format,
        kind,
        content,
        fields,
    } = source;
    let mut page_meta = html::PageMeta::default();
    let (lines, find_title) = match kind {
        ContentKind::Text => (clean::unwrap_lines(clean::lines_of(&content)), true),
        ContentKind::Markdown => (markdown_lines(&content), true),
        ContentKind::Html => {
            let page = html::extract(&content);
            page_meta = page.meta;
            let lines = page.blocks.into_iter().map(|b| RawLine {
                hint: match b.kind {
                    html::BlockKind::Heading => Hint::Heading,
                    html::BlockKind::ListItem => Hint::ListItem,
                    html::BlockKind::Caption => Hint::Caption,
                    html::BlockKind::Paragraph => Hint::None,
                },
                text: b.text,
            });
            (lines.collect(), false)
        }
    };
    let known_title = fields.title.clone().or_else(|| page_meta.title.clone());
    let cleaned = clean::clean(
        lines,
        CleanOptions {
            known_title: known_title.as_deref(),
            find_title: find_title && known_title.is_none(),
            drop_repeats: kind != ContentKind::Html,
        },
    );

    let stated = fields
        .published
        .as_deref()
        .or(page_meta.published.as_deref())
        .and_then(meta::parse_machine_date)
        .or(cleaned.published.clone());
    let language = detect_language(&cleaned.body, page_meta.language.as_deref());
    let title = known_title
        .map(|t| tidy_title(&t, page_meta.outlet.as_deref()))
        .or(cleaned.title);
    let fetched = fields.fetched.as_deref().and_then(meta::parse_machine_date);
    let credited = meta::outlet_in_credit(
        cleaned
            .removed
            .iter()
            .filter(|r| r.reason == "caption")
            .map(|r| r.text.as_str()),
        &cleaned.body,
    );
    Document {
        id,
        path,
        format,
        url: fields.url.or(page_meta.url),
        title,
        published: stated.as_ref().map(|s| s.date_iso()),
        published_time: stated.as_ref().and_then(|s| s.time_iso()),
        published_earliest: None,
        published_latest: match (&stated, fetched) {
            (None, Some(f)) => Some(f.date_iso()),
            _ => None,
        },
        dateline_month_day: cleaned
            .dateline_month_day
            .map(|(m, d)| format!("--{m:02}-{d:02}")),
        dateline_place: cleaned.dateline_place,
        byline: fields
            .byline
            .map(|b| tidy_byline(&b))
            .or(cleaned.byline)
            .or(page_meta.byline),
        outlet: fields
            .outlet
            .or(cleaned.outlet)
            .or(page_meta.outlet)
            .or(credited),
        analysed: language == "en",
        language,
        headings: cleaned.sections.iter().map(|s| s.heading.clone()).collect(),
        sections: cleaned.sections,
        body: cleaned.body,
        sentences: Vec::new(),
        removed: cleaned.removed,
        source_map: cleaned.source_map,
        mentions: Vec::new(),
        roles: Vec::new(),
        statements: Vec::new(),
        times: Vec::new(),
        quantities: Vec::new(),
        events: Vec::new(),
    }
}

/// A byline field as feeds and JSON give it: "By Jane Doe" and "Written by Jane Doe" give "Jane Doe".
fn tidy_byline(byline: &str) -> String {
    meta::byline_line(byline)
        .and_then(|b| b.byline)
        .unwrap_or_else(|| byline.trim().to_string())
}

/// Page titles often carry the site name: "Flood hits town | The Daily" loses " | The Daily".
fn tidy_title(title: &str, outlet: Option<&str>) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = title
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"");
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(i) = title.rfind(sep) {
            let tail = &title[i + sep.len()..];
            let is_site = outlet.is_some_and(|o| tail.eq_ignore_ascii_case(o))
                || (sep == " | " && tail.split_whitespace().count() <= 4);
            if is_site && i > 10 {
                return title[..i].to_string();
            }
        }
    }
    title
}

/// Markdown lines with their markup read: `#` headings, list bullets, emphasis, links.
fn markdown_lines(content: &str) -> Vec<RawLine> {
    let mut out = Vec::new();
    let mut seen_title = false;
    for line in clean::lines_of(content) {
        let text = &line.text.text;
        let trimmed = text.trim_start();
        let lead = text.len() - trimmed.len();
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        let (hint, skip) = if hashes > 0 && trimmed[hashes..].starts_with(' ') {
            let hint = if hashes == 1 && !seen_title {
                seen_title = true;
                Hint::Title
            } else {
                Hint::Heading
            };
            (hint, lead + hashes + 1)
        } else if trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed.starts_with("+ ")
        {
            (Hint::ListItem, lead + 2)
        } else if trimmed.starts_with("> ") {
            (Hint::None, lead + 2)
        } else {
            (Hint::None, 0)
        };
        out.push(RawLine {
            text: strip_inline_markdown(&line.text, skip),
            hint,
        });
    }
    clean::unwrap_lines(out)
}

/// Drops emphasis marks and link targets, keeping the mapping of what remains.
fn strip_inline_markdown(line: &MappedText, from: usize) -> MappedText {
    let text = &line.text;
    let mut out = MappedText::new();
    let mut i = from;
    let bytes = text.as_bytes();
    let mut keep_from = i;
    while i < bytes.len() {
        match bytes[i] {
            // emphasis marks sit at a word edge; an underscore inside a word is a character
            b'*' | b'_'
                if i == 0
                    || !bytes[i - 1].is_ascii_alphanumeric()
                    || bytes.get(i + 1).is_none_or(|b| !b.is_ascii_alphanumeric()) =>
            {
                out.push_slice(line, keep_from..i);
                let run = bytes[i..].iter().take_while(|&&b| b == bytes[i]).count();
                i += run;
                keep_from = i;
            }
            b']' if text[i..].starts_with("](") => {
                out.push_slice(line, keep_from..i);
                let close = text[i..].find(')').map_or(bytes.len(), |c| i + c + 1);
                i = close;
                keep_from = i;
            }
            b'[' => {
                out.push_slice(line, keep_from..i);
                i += 1;
                keep_from = i;
            }
            _ => i += 1,
        }
    }
    out.push_slice(line, keep_from..bytes.len());
    out
}

/// English function words: in running English they make up a third or more of the words, in
/// other languages almost none. A cheap, sure first test before the trigram detector.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as",
    "by", "at", "he", "she", "they", "be", "this", "from", "have", "has", "had", "are", "were",
    "said", "an", "not", "but", "or", "his", "her", "their", "its", "who", "which", "will",
    "would",
];

fn looks_english(sample: &str) -> bool {
    let (mut words, mut function_words) = (0usize, 0usize);
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= 5
            && ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(word))
        {
            function_words += 1;
        }
    }
    words >= 40 && function_words * 4 >= words
}

/// ISO 639-1 code of the body's language (ISO 639-3 where there is no two-letter code).
fn detect_language(body: &str, declared: Option<&str>) -> String {
    let mut end = body.len().min(500);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &body[..end];
    if looks_english(sample) {
        return "en".to_string();
    }
    if let Some(info) = whatlang::detect(sample) {
        if info.is_reliable() || sample.len() > 200 {
            return iso_639_1(info.lang().code()).to_string();
        }
    }
    declared
        .and_then(|d| d.split(['-', '_']).next())
        .filter(|d| d.len() == 2)
        .map(|d| d.to_ascii_lowercase())
        .unwrap_or_else(|| "und".to_string())
}

fn iso_639_1(code3: &str) -> &str {
    match code3 {
        "eng" => "en",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "nld" => "nl",
        "tur" => "tr",
        "ara" => "ar",
        "pes" => "fa",
        "urd" => "ur",
        "hin" => "hi",
        "ben" => "bn",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ell" => "el",
        "heb" => "he",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "no",
        "fin" => "fi",
        "ces" => "cs",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "srp" => "sr",
        "hrv" => "hr",
        "ind" => "id",
        "vie" => "vi",
        "tha" => "th",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(kind: ContentKind, content: &str) -> Source {
        Source {
            id: "x".into(),
            path: "x".into(),
            format: Format::Text,
            kind,
            content: content.into(),
            fields: Fields::default(),
        }
    }

    #[test]
    fn markdown_title_headings_and_links() {
        let doc = ingest(source(
            ContentKind::Markdown,
            "# Dam gives way in the night\n\nThe **river** rose, [the agency](http://x.example) said on Monday in a short statement to reporters.\n\n## What next\n\nEngineers will inspect the dam, the agency said in its statement.\n",
        ));
        assert_eq!(doc.title.as_deref(), Some("Dam gives way in the night"));
        assert_eq!(doc.headings, vec!["What next"]);
        assert!(
            doc.body
                .starts_with("The river rose, the agency said on Monday"),
            "{}",
            doc.body
        );
        let doc = ingest(source(ContentKind::Markdown, "# Title of the piece\n\n*By Jane Doe · The Daily · 13 November 2026*\n\nThe river rose overnight, officials said in a statement on Friday.\n"));
        assert_eq!(doc.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(doc.outlet.as_deref(), Some("The Daily"));
        assert_eq!(doc.published.as_deref(), Some("2026-11-13"));
        assert_eq!(doc.language, "en");
    }

    #[test]
    fn english_is_told_from_other_languages() {
        let english = "The river rose overnight and the town was flooded, officials said on Monday, as rescue teams worked through the night to reach the families who had been cut off by the water in the lower part of the valley.";
        let french = "La rivière a débordé pendant la nuit et la ville a été inondée, ont déclaré lundi les autorités, tandis que les équipes de secours travaillaient toute la nuit pour atteindre les familles coupées du monde par les eaux.";
        let german = "Der Fluss ist über Nacht über die Ufer getreten und die Stadt wurde überflutet, teilten die Behörden am Montag mit, während Rettungskräfte die ganze Nacht arbeiteten, um die Familien zu erreichen.";
        assert_eq!(detect_language(english, None), "en");
        assert_eq!(detect_language(french, None), "fr");
        assert_eq!(detect_language(german, None), "de");
        assert!(!looks_english(french) && !looks_english(german));
    }

    #[test]
    fn byline_fields_lose_their_by() {
        assert_eq!(tidy_byline("Written by Jane Doe"), "Jane Doe");
        assert_eq!(tidy_byline("By Jane Doe"), "Jane Doe");
        assert_eq!(tidy_byline("Jane Doe"), "Jane Doe");
    }

    #[test]
    fn page_title_loses_its_site_name() {
        assert_eq!(
            tidy_title("Flood hits the town | The Daily", Some("The Daily")),
            "Flood hits the town"
        );
        assert_eq!(tidy_title("Talks fail - again", None), "Talks fail - again");
    }
}
