//! The input edge: files and directories to [`Source`]s. All file-system I/O of the pipeline
//! happens here; a bad file becomes one [`InputProblem`] naming it, and reading goes on.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use crate::ingest::{containers, ContentKind, Fields, Source};
use crate::model::{Format, InputProblem};

/// Limits that keep memory bounded whatever the input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest single article (a file, a JSON line, a WARC record), in bytes.
    pub max_article_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_article_bytes: 16 * 1024 * 1024,
        }
    }
}

pub use crate::ingest::decode::{decode_html, decode_text, file_stem};
pub use crate::pipeline::Item;

/// A one-article file as read from disk, not yet decompressed or decoded. Turning it into a
/// [`Source`] ([`finish`]) is CPU work, so the pipeline does it on its workers, not the reader.
#[derive(Debug)]
pub struct RawFile {
    path: PathBuf,
    bytes: Vec<u8>,
    gz: bool,
    kind: Option<&'static str>,
}

/// What the reading thread hands over: an article ready to ingest, or a raw file to finish.
#[derive(Debug)]
pub enum Input {
    Ready(Source),
    Raw(RawFile),
}

/// A read input, or a problem with one.
pub type InputItem = Result<Input, InputProblem>;

/// Decompresses, checks and decodes a raw file into its article (or problems).
pub fn finish(raw: RawFile, limits: Limits) -> Vec<Item> {
    let mut items = Vec::new();
    finish_into(raw, limits, &mut |item| items.push(item));
    items
}

/// Finishes whatever the reader handed over.
pub fn finish_input(item: InputItem, limits: Limits) -> Vec<Item> {
    match item {
        Ok(Input::Ready(source)) => vec![Ok(source)],
        Ok(Input::Raw(raw)) => finish(raw, limits),
        Err(problem) => vec![Err(problem)],
    }
}

fn problem(path: &Path, message: impl Into<String>) -> InputProblem {
    InputProblem {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// Reads every path (directories recursively, in name order) and hands each input to `emit`.
/// Single-article files come raw: [`finish`] them (on any thread).
pub fn read_paths(paths: &[PathBuf], limits: Limits, emit: &mut dyn FnMut(InputItem)) {
    for path in paths {
        read_path(path, limits, emit);
    }
}

fn read_path(path: &Path, limits: Limits, emit: &mut dyn FnMut(InputItem)) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return emit(Err(problem(path, format!("cannot read ({e})")))),
    };
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return emit(Err(problem(path, format!("cannot list directory ({e})")))),
        };
        entries.sort();
        for entry in entries.iter().filter(|e| !is_hidden_or_project_file(e)) {
            read_path(entry, limits, emit);
        }
        return;
    }
    read_file(path, limits, emit);
}

/// Hidden files and a folder's own README, LICENSE or CHANGELOG are not articles. Named on the
/// command line they are read like any other file.
fn is_hidden_or_project_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_default();
    name.starts_with('.')
        || ["README", "LICENSE", "CHANGELOG", "COPYING"]
            .iter()
            .any(|p| name.starts_with(p))
}

/// The format a file's name says, with whether it is gzip-compressed.
fn format_of(path: &Path) -> (Option<&'static str>, bool) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let gz = name.ends_with(".gz");
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let kind = match ext {
        "txt" | "text" => Some("text"),
        "md" | "markdown" => Some("markdown"),
        "html" | "htm" | "xhtml" => Some("html"),
        "jsonl" | "ndjson" => Some("jsonl"),
        "xml" | "rss" | "atom" => Some("feed"),
        "warc" => Some("warc"),
        _ => None,
    };
    (kind, gz)
}

fn open(path: &Path, gz: bool) -> std::io::Result<Box<dyn BufRead>> {
    let file = File::open(path)?;
    Ok(if gz {
        Box::new(BufReader::new(MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    })
}

/// Reads at most `limit` bytes into `bytes` (sized ahead to spare regrowing copies);
/// Ok(None) when the content is larger.
fn read_limited(
    reader: impl Read,
    limit: u64,
    mut bytes: Vec<u8>,
) -> std::io::Result<Option<Vec<u8>>> {
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

fn read_file(path: &Path, limits: Limits, emit: &mut dyn FnMut(InputItem)) {
    let (kind, gz) = format_of(path);
    let mut ready = |item: Item| emit(item.map(Input::Ready));
    match kind {
        Some("jsonl") => return read_jsonl(path, gz, limits, &mut ready),
        Some("warc") => return read_warc(path, gz, limits, &mut ready),
        _ => {}
    }
    // a compressed file may not grow past the limit either; that is checked when it is finished
    let sized = |f: File| {
        let len = f
            .metadata()
            .map_or(0, |m| m.len())
            .min(limits.max_article_bytes) as usize;
        read_limited(f, limits.max_article_bytes, Vec::with_capacity(len + 1))
    };
    let bytes = match File::open(path).and_then(sized) {
        Ok(Some(b)) => b,
        Ok(None) => return ready(Err(too_big(path, limits))),
        Err(e) => return ready(Err(problem(path, format!("cannot read ({e})")))),
    };
    emit(Ok(Input::Raw(RawFile {
        path: path.to_path_buf(),
        bytes,
        gz,
        kind,
    })));
}

fn too_big(path: &Path, limits: Limits) -> InputProblem {
    let mb = limits.max_article_bytes / (1024 * 1024);
    problem(path, format!("larger than {mb} MB, too big for one article; skipped (raise --max-article-mb to read it)"))
}

fn finish_into(raw: RawFile, limits: Limits, emit: &mut dyn FnMut(Item)) {
    let RawFile {
        path,
        bytes,
        gz,
        kind,
    } = raw;
    let path = path.as_path();
    let bytes = if gz {
        // news HTML inflates about fivefold: size the buffer for that
        let guess = (bytes.len() * 5).min(limits.max_article_bytes as usize);
        let inflate = MultiGzDecoder::new(bytes.as_slice());
        match read_limited(inflate, limits.max_article_bytes, Vec::with_capacity(guess)) {
            Ok(Some(b)) => b,
            Ok(None) => return emit(Err(too_big(path, limits))),
            Err(e) => {
                return emit(Err(problem(
                    path,
                    format!("not readable gzip ({e}); skipped"),
                )))
            }
        }
    } else {
        bytes
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return emit(Err(problem(path, "empty file; skipped")));
    }
    if looks_binary(&bytes) {
        return emit(Err(problem(path, "binary data, not text; skipped")));
    }
    let sniffed = kind.unwrap_or_else(|| sniff(&bytes));
    let display = path.display().to_string();
    match sniffed {
        "feed" => match containers::feed_items(&bytes, &display) {
            Ok(items) if items.is_empty() => {
                emit(Err(problem(path, "feed has no items with text; skipped")))
            }
            Ok(items) => items.into_iter().for_each(|s| emit(Ok(s))),
            Err(e) => emit(Err(e)),
        },
        "jsonl" => read_jsonl_bytes(path, &bytes, limits, emit),
        "warc" => read_warc_from(path, Box::new(std::io::Cursor::new(bytes)), limits, emit),
        other => {
            let (content_kind, format) = match other {
                "html" => (ContentKind::Html, Format::Html),
                "markdown" => (ContentKind::Markdown, Format::Markdown),
                _ => (ContentKind::Text, Format::Text),
            };
            let (content, replaced) = if content_kind == ContentKind::Html {
                decode_html(bytes)
            } else {
                decode_text(bytes)
            };
            if replaced > 0 {
                emit(Err(problem(path, format!("not valid UTF-8: {replaced} bad byte sequences replaced with U+FFFD; read the rest"))));
            }
            emit(Ok(Source {
                id: file_stem(&display),
                path: display,
                format,
                kind: content_kind,
                content,
                fields: Fields::default(),
            }));
        }
    }
}

/// The format of a file with no telling extension, from its first bytes.
fn sniff(bytes: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
        .trim_start()
        .to_ascii_lowercase();
    if head.starts_with("warc/") {
        "warc"
    } else if head.starts_with("<?xml")
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf"))
        || head.starts_with("<rss")
        || head.starts_with("<feed")
    {
        "feed"
    } else if head.starts_with('<') {
        "html"
    } else if head.starts_with('{') {
        "jsonl"
    } else {
        "text"
    }
}

/// NUL bytes or many control characters in the first 8 KB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

fn read_jsonl(path: &Path, gz: bool, limits: Limits, emit: &mut dyn FnMut(Item)) {
    let reader = match open(path, gz) {
        Ok(r) => r,
        Err(e) => return emit(Err(problem(path, format!("cannot read ({e})")))),
    };
    read_jsonl_lines(path, reader, limits, emit);
}

fn read_jsonl_bytes(path: &Path, bytes: &[u8], limits: Limits, emit: &mut dyn FnMut(Item)) {
    read_jsonl_lines(path, Box::new(std::io::Cursor::new(bytes)), limits, emit);
}

/// Streams JSON Lines so a large file never sits in memory whole.
fn read_jsonl_lines(
    path: &Path,
    mut reader: Box<dyn BufRead + '_>,
    limits: Limits,
    emit: &mut dyn FnMut(Item),
) {
    let display = path.display().to_string();
    let mut line_no = 0;
    let mut buf = Vec::new();
    let mut any = false;
    loop {
        buf.clear();
        line_no += 1;
        let read = (&mut reader)
            .take(limits.max_article_bytes + 1)
            .read_until(b'\n', &mut buf);
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                return emit(Err(problem(
                    path,
                    format!("read error at line {line_no} ({e}); rest of file skipped"),
                )))
            }
        }
        if buf.len() as u64 > limits.max_article_bytes {
            emit(Err(problem(
                path,
                format!("line {line_no} is longer than the article limit; skipped"),
            )));
            // skip to the end of this overlong line
            let mut sink = Vec::new();
            while !buf.ends_with(b"\n") {
                sink.clear();
                match (&mut reader).take(1 << 20).read_until(b'\n', &mut sink) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {
                        if sink.ends_with(b"\n") {
                            break;
                        }
                    }
                }
            }
            continue;
        }
        let (line, _) = decode_text(std::mem::take(&mut buf));
        if line.trim().is_empty() {
            continue;
        }
        any = true;
        emit(containers::jsonl_item(line.trim(), &display, line_no));
    }
    if !any {
        emit(Err(problem(path, "no JSON records; skipped")));
    }
}

fn read_warc(path: &Path, gz: bool, limits: Limits, emit: &mut dyn FnMut(Item)) {
    match open(path, gz) {
        Ok(reader) => read_warc_from(path, reader, limits, emit),
        Err(e) => emit(Err(problem(path, format!("cannot read ({e})")))),
    }
}

/// Streams WARC records; keeps HTML `response` records, one article each.
fn read_warc_from(
    path: &Path,
    reader: Box<dyn BufRead + '_>,
    limits: Limits,
    emit: &mut dyn FnMut(Item),
) {
    let display = path.display().to_string();
    let mut warc = warc::WarcReader::new(reader);
    let mut stream = warc.stream_records();
    let mut index = 0;
    while let Some(next) = stream.next_item() {
        index += 1;
        let mut record = match next {
            Ok(r) => r,
            Err(e) => {
                emit(Err(problem(
                    path,
                    format!("record {index}: malformed WARC ({e}); rest of file skipped"),
                )));
                return;
            }
        };
        if record.warc_type().to_string() != "response" {
            continue;
        }
        if record.content_length() > limits.max_article_bytes {
            emit(Err(problem(
                path,
                format!("record {index} is larger than the article limit; skipped"),
            )));
            continue;
        }
        let target = record
            .header(warc::WarcHeader::TargetURI)
            .map(|s| s.into_owned());
        let id = record.warc_id().to_string();
        let fetched = record.date().to_rfc3339();
        let mut payload = Vec::new();
        if let Err(e) = record.read_to_end(&mut payload) {
            emit(Err(problem(
                path,
                format!("record {index}: read error ({e}); rest of file skipped"),
            )));
            return;
        }
        if let Some(source) =
            containers::warc_response(&format!("{display}#{index}"), target, id, fetched, &payload)
        {
            emit(Ok(source));
        }
    }
}

/// A PolNeAR split (a folder with `text/` and `attributions/`): each article's name, text and the
/// first (by name) of its annotation files; several annotators may have annotated one article.
pub fn polnear_split(split: &Path) -> Result<Vec<(String, String, String)>, String> {
    polnear_annotations(split, |rank| rank == 0)
}

/// The further annotations of a PolNeAR split's articles that several people marked, each (name,
/// text, one more annotator's brat file): against the first annotator's, they show how far people
/// agree.
pub fn polnear_further_annotations(split: &Path) -> Result<Vec<(String, String, String)>, String> {
    polnear_annotations(split, |rank| rank > 0)
}

/// Each text of a split with those of its annotation files (sorted by name) whose rank `keep`
/// accepts.
fn polnear_annotations(
    split: &Path,
    keep: impl Fn(usize) -> bool,
) -> Result<Vec<(String, String, String)>, String> {
    let listing = |dir: PathBuf| -> Result<Vec<PathBuf>, String> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: cannot read ({e})", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        Ok(paths)
    };
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read ({e})", p.display()))
    };
    let annotations = listing(split.join("attributions"))?;
    let mut files = Vec::new();
    for text_path in listing(split.join("text"))? {
        let Some(stem) = text_path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let prefix = format!("{stem}_");
        let of_this_text = annotations.iter().filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".ann"))
        });
        let kept: Vec<&PathBuf> = of_this_text
            .enumerate()
            .filter(|(rank, _)| keep(*rank))
            .map(|(_, p)| p)
            .collect();
        if kept.is_empty() {
            continue;
        }
        let text = read(&text_path)?;
        for annotation in kept {
            files.push((stem.to_string(), text.clone(), read(annotation)?));
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_known_extensions_only() {
        assert_eq!(file_stem("a/b/000_550b.txt"), "000_550b");
        assert_eq!(file_stem("page.html.gz"), "page");
        assert_eq!(file_stem("v1.2 report.md"), "v1.2 report");
    }

    #[test]
    fn binary_and_text_are_told_apart() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary("Plain news text.\n".as_bytes()));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let (text, replaced) = decode_text(b"caf\xe9 ok".to_vec());
        assert_eq!(replaced, 1);
        assert!(text.ends_with(" ok"));
    }

    fn warc_record(kind: &str, uri: &str, payload: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2026-11-12T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{payload}\r\n\r\n",
            payload.len()
        )
    }

    #[test]
    fn warc_html_responses_become_articles_plain_and_gzipped() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>The river rose overnight and flooded the lower town, officials said.</p></article></body></html>";
        let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
        let warc = [
            warc_record("warcinfo", "info", "software: test"),
            warc_record("response", "http://news.example/a", page),
            warc_record("response", "http://news.example/logo.png", image),
        ]
        .concat();
        let dir = std::env::temp_dir().join(format!("parallax-warc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("crawl.warc"), &warc).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, warc.as_bytes()).unwrap();
        std::fs::write(dir.join("crawl2.warc.gz"), gz.finish().unwrap()).unwrap();

        let mut items = Vec::new();
        read_paths(std::slice::from_ref(&dir), Limits::default(), &mut |item| {
            items.extend(finish_input(item, Limits::default()))
        });
        std::fs::remove_dir_all(&dir).unwrap();
        let sources: Vec<Source> = items.into_iter().map(|i| i.expect("no problems")).collect();
        assert_eq!(
            sources.len(),
            2,
            "one HTML response per file; the image is not an article"
        );
        for s in &sources {
            assert_eq!(s.id, "http://news.example/a");
            assert_eq!(s.format, Format::Warc);
            assert!(s.content.contains("The river rose overnight"));
            assert!(s
                .fields
                .fetched
                .as_deref()
                .unwrap()
                .starts_with("2026-11-12"));
        }
    }

    #[test]
    fn declared_charset_is_honoured() {
        let (text, replaced) =
            decode_html(b"<meta charset=\"windows-1252\"><p>caf\xe9</p>".to_vec());
        assert_eq!(replaced, 0);
        assert!(text.contains("café"));
    }
}
