//! Pure helpers the readers and the container formats share: a document id from a file name,
//! and bytes to text.

const EXTENSIONS: &[&str] = &[
    "gz", "txt", "text", "md", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson", "json",
    "xml", "rss", "atom", "warc",
];

/// A file's name without its extensions: `000_ab.txt` → `000_ab`, `page.html.gz` → `page`.
pub fn file_stem(path: &str) -> String {
    let name = std::path::Path::new(
        path.split('#')
            .next()
            .unwrap_or(path)
            .split(':')
            .next()
            .unwrap_or(path),
    )
    .file_name()
    .map(|n| n.to_string_lossy().into_owned())
    .unwrap_or_else(|| path.to_string());
    let mut stem = name.as_str();
    while let Some((head, ext)) = stem.rsplit_once('.') {
        if head.is_empty() || !EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            break;
        }
        stem = head;
    }
    stem.to_string()
}

/// UTF-8 (with or without BOM); invalid sequences replaced and counted. Takes the bytes so valid
/// UTF-8, the usual case, becomes a String without a copy.
pub fn decode_text(mut bytes: Vec<u8>) -> (String, usize) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, 0),
        Err(e) => {
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let replaced = text.matches('\u{FFFD}').count();
            (text, replaced)
        }
    }
}

/// HTML in the charset its BOM or `<meta charset>` declares (UTF-8 when it declares none).
pub fn decode_html(bytes: Vec<u8>) -> (String, usize) {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|i| {
        let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    match declared {
        Some(enc) if enc != encoding_rs::UTF_8 => {
            let (text, _, had_errors) = enc.decode(&bytes);
            let replaced = if had_errors {
                text.matches('\u{FFFD}').count()
            } else {
                0
            };
            (text.into_owned(), replaced)
        }
        _ => decode_text(bytes),
    }
}
