//! Items inside container formats: JSON Lines records, RSS/Atom entries, WARC responses.

use super::{ContentKind, Fields, Source};
use crate::model::{Format, InputProblem};

fn problem(path: &str, message: impl Into<String>) -> InputProblem {
    InputProblem {
        path: path.to_string(),
        message: message.into(),
    }
}

fn string_field(
    obj: &serde_json::Map<String, serde_json::Value>,
    names: &[&str],
) -> Option<String> {
    names.iter().find_map(|n| match obj.get(*n)? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        serde_json::Value::Number(num) => Some(num.to_string()),
        _ => None,
    })
}

/// One JSON Lines record: `id`, `url`, `title`, `text` or `html`, `published`, `outlet`, `byline`.
pub fn jsonl_item(line: &str, path: &str, line_no: usize) -> Result<Source, InputProblem> {
    let at = format!("{path}:{line_no}");
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| problem(&at, format!("not valid JSON ({e}); line skipped")))?;
    let obj = value
        .as_object()
        .ok_or_else(|| problem(&at, "not a JSON object; line skipped"))?;
    let (kind, content) = match (
        string_field(obj, &["text", "body", "content"]),
        string_field(obj, &["html"]),
    ) {
        (Some(text), _) => (ContentKind::Text, text),
        (None, Some(html)) => (ContentKind::Html, html),
        (None, None) => return Err(problem(&at, "no `text` or `html` field; line skipped")),
    };
    let url = string_field(obj, &["url", "link"]);
    let id = string_field(obj, &["id"])
        .or_else(|| url.clone())
        .unwrap_or_else(|| format!("{}#{line_no}", super::decode::file_stem(path)));
    Ok(Source {
        id,
        path: at,
        format: Format::Jsonl,
        kind,
        content,
        fields: Fields {
            url,
            title: string_field(obj, &["title", "headline"]),
            published: string_field(obj, &["published", "date", "published_at", "pubdate"]),
            outlet: string_field(obj, &["outlet", "source", "site", "publisher"]),
            byline: string_field(obj, &["byline", "author"]),
            fetched: None,
        },
    })
}

/// The entries of an RSS or Atom feed, each with its content (or description when that is all).
pub fn feed_items(bytes: &[u8], path: &str) -> Result<Vec<Source>, InputProblem> {
    let feed = feed_rs::parser::parse(bytes)
        .map_err(|e| problem(path, format!("not a readable RSS/Atom feed ({e}); skipped")))?;
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string());
    let mut items = Vec::new();
    for (index, entry) in feed.entries.into_iter().enumerate() {
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
        let Some(content) = content else { continue };
        let url = entry.links.first().map(|l| l.href.clone());
        let id = if entry.id.trim().is_empty() {
            url.clone()
                .unwrap_or_else(|| format!("{}#{}", super::decode::file_stem(path), index + 1))
        } else {
            entry.id.clone()
        };
        let byline = (!entry.authors.is_empty()).then(|| {
            entry
                .authors
                .iter()
                .filter_map(|a| a.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        });
        items.push(Source {
            id,
            path: format!("{path}#{}", index + 1),
            format: Format::Feed,
            // feed bodies are HTML fragments more often than not; plain text passes through unharmed
            kind: ContentKind::Html,
            content,
            fields: Fields {
                url,
                title: entry.title.map(|t| t.content),
                published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
                outlet: outlet.clone(),
                byline,
                fetched: None,
            },
        });
    }
    Ok(items)
}

/// An HTML response record of a WARC file (CC-NEWS): HTTP headers, then the page.
pub fn warc_response(
    path: &str,
    target_uri: Option<String>,
    record_id: String,
    fetched: String,
    payload: &[u8],
) -> Option<Source> {
    let split = payload.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&payload[..split]).to_ascii_lowercase();
    let is_html = head
        .lines()
        .find(|l| l.starts_with("content-type:"))
        .is_none_or(|l| l.contains("html"));
    if !is_html {
        return None;
    }
    let body = &payload[split + 4..];
    let content = super::decode::decode_html(body.to_vec()).0;
    Some(Source {
        id: target_uri.clone().unwrap_or(record_id),
        path: path.to_string(),
        format: Format::Warc,
        kind: ContentKind::Html,
        content,
        fields: Fields {
            url: target_uri,
            fetched: Some(fetched),
            ..Fields::default()
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_record_with_text_and_fields() {
        let s = jsonl_item(r#"{"id":"a1","title":"T","text":"Body.","published":"2026-11-12","outlet":"The Daily"}"#, "f.jsonl", 1).unwrap();
        assert_eq!(s.id, "a1");
        assert_eq!(s.kind, ContentKind::Text);
        assert_eq!(s.fields.outlet.as_deref(), Some("The Daily"));
    }

    #[test]
    fn jsonl_problems_name_the_line() {
        let e = jsonl_item("{not json", "f.jsonl", 7).unwrap_err();
        assert!(e.to_string().starts_with("f.jsonl:7: not valid JSON"));
        let e = jsonl_item(r#"{"id":"x"}"#, "f.jsonl", 8).unwrap_err();
        assert!(e.message.contains("no `text` or `html`"));
    }

    #[test]
    fn atom_entries_become_sources_with_their_authors() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Desk</title>
            <entry><id>urn:x:1</id><title>Dam inspected</title><updated>2026-11-12T09:00:00Z</updated>
            <author><name>Jane Doe</name></author><content type="html">&lt;p&gt;Engineers inspected the dam.&lt;/p&gt;</content></entry></feed>"#;
        let items = feed_items(atom.as_bytes(), "desk.atom").unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].id, "urn:x:1");
        assert_eq!(items[0].fields.byline.as_deref(), Some("Jane Doe"));
        assert!(items[0].content.contains("Engineers inspected the dam."));
        assert!(feed_items(b"<rss><channel>", "broken.rss").is_err());
    }

    #[test]
    fn rss_items_become_sources() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
            <item><title>One</title><link>http://w.example/1</link><description>&lt;p&gt;First story.&lt;/p&gt;</description>
            <pubDate>Tue, 10 Nov 2026 08:15:00 +0000</pubDate></item></channel></rss>"#;
        let items = feed_items(rss.as_bytes(), "wire.rss").unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].fields.outlet.as_deref(), Some("Wire"));
        assert!(items[0].content.contains("First story."));
        assert!(items[0]
            .fields
            .published
            .as_deref()
            .unwrap()
            .starts_with("2026-11-10"));
    }
}
