#![no_main]
//! Arbitrary bytes as a plain-text (first byte even) or Markdown (first byte odd) file.
//! The whole input is decoded; the first byte only picks the kind.

use libfuzzer_sys::fuzz_target;
use parallax::ingest::ContentKind;
use parallax::model::Format;
use parallax_fuzz::{check_body_offsets, check_original_offsets, source};

fuzz_target!(|data: &[u8]| {
    let Some(&first) = data.first() else { return };
    let (format, kind, path) = if first % 2 == 0 {
        (Format::Text, ContentKind::Text, "fuzz.txt")
    } else {
        (Format::Markdown, ContentKind::Markdown, "fuzz.md")
    };
    let (content, _replaced) = parallax::readers::decode_text(data.to_vec());
    let doc = parallax::pipeline::process_document(source(format, kind, path, content.clone()));
    check_body_offsets(&doc);
    check_original_offsets(&doc, &content);
});
