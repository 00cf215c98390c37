//! Shared helpers of the fuzz targets: build a source, run the per-document pipeline, and
//! assert the offset invariants that users of `analysis.json` rely on.

use parallax::ingest::{ContentKind, Fields, Source};
use parallax::model::{Document, Format};

/// A source as the file reader would hand it over.
pub fn source(format: Format, kind: ContentKind, path: &str, content: String) -> Source {
    Source {
        id: "fuzz".to_string(),
        path: path.to_string(),
        format,
        kind,
        content,
        fields: Fields::default(),
    }
}

/// Offsets into the body: sentence spans, section starts and the body side of every map run.
pub fn check_body_offsets(doc: &Document) {
    let body = &doc.body;
    let n = body.len();
    for s in &doc.sentences {
        assert!(s.start <= s.end, "sentence {s:?}: start > end");
        assert!(s.end <= n, "sentence {s:?}: end past body ({n} bytes)");
        assert!(body.is_char_boundary(s.start), "sentence {s:?}: start not a char boundary");
        assert!(body.is_char_boundary(s.end), "sentence {s:?}: end not a char boundary");
    }
    for sec in &doc.sections {
        assert!(sec.start <= n, "section {:?} at {}: past body ({n} bytes)", sec.heading, sec.start);
        assert!(body.is_char_boundary(sec.start), "section {:?} at {}: not a char boundary", sec.heading, sec.start);
    }
    for m in &doc.mentions {
        assert!(m.start < m.end && m.end <= n, "mention {m:?}: bad range ({n} bytes)");
        assert!(body.is_char_boundary(m.start) && body.is_char_boundary(m.end), "mention {m:?}: not on char boundaries");
    }
    for r in &doc.roles {
        assert!(r.start < r.end && r.end <= n, "role {r:?}: bad range ({n} bytes)");
        assert!(body.is_char_boundary(r.start) && body.is_char_boundary(r.end), "role {r:?}: not on char boundaries");
        assert!(r.mention < doc.mentions.len(), "role {r:?}: no such mention");
    }
    let span_ok = |start: usize, end: usize| start <= end && end <= n && body.is_char_boundary(start) && body.is_char_boundary(end);
    for st in &doc.statements {
        assert!(span_ok(st.start, st.end), "statement {st:?}: bad range ({n} bytes)");
        assert!(span_ok(st.cue.start, st.cue.end), "statement {st:?}: bad cue");
        assert!(st.source.is_none_or(|s| span_ok(s.start, s.end)), "statement {st:?}: bad source");
        assert!(st.speaker.is_none_or(|k| k < doc.mentions.len()), "statement {st:?}: no such speaker");
        assert!(st.via.is_none_or(|k| k < doc.mentions.len()), "statement {st:?}: no such relay");
    }
    for t in &doc.times {
        assert!(span_ok(t.span.start, t.span.end), "time {t:?}: bad range ({n} bytes)");
    }
    for q in &doc.quantities {
        assert!(span_ok(q.span.start, q.span.end), "quantity {q:?}: bad range ({n} bytes)");
        assert!(q.claimant.is_none_or(|k| k < doc.mentions.len()), "quantity {q:?}: no such claimant");
    }
    for run in &doc.source_map {
        let end = run.body_start.checked_add(run.len);
        assert!(end.is_some_and(|e| e <= n), "map run {run:?}: body range past body ({n} bytes)");
    }
    // must never panic, whatever it returns
    for s in &doc.sentences {
        let _ = doc.original_offset(s.start);
        let _ = doc.original_offset(s.end);
    }
}

/// Offsets into the original text: every run's original range and the mapped sentence starts
/// lie within `content` (the decoded file: the HTML page, or the plain text / Markdown).
pub fn check_original_offsets(doc: &Document, content: &str) {
    let m = content.len();
    for run in &doc.source_map {
        let end = run.original_start.checked_add(run.len);
        assert!(end.is_some_and(|e| e <= m), "map run {run:?}: original range past content ({m} bytes)");
    }
    for s in &doc.sentences {
        let orig = doc.original_offset(s.start);
        assert!(orig.is_some(), "sentence {s:?}: original_offset(start) is None; map {:?}", doc.source_map);
        let orig = orig.unwrap();
        assert!(orig <= m, "sentence {s:?}: original_offset(start) = {orig} past content ({m} bytes)");
    }
}
