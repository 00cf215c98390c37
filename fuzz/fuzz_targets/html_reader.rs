#![no_main]
//! Arbitrary bytes as an HTML file: charset decoding, extraction, cleaning, sentences.

use libfuzzer_sys::fuzz_target;
use parallax::ingest::ContentKind;
use parallax::model::Format;
use parallax_fuzz::{check_body_offsets, check_original_offsets, source};

fuzz_target!(|data: &[u8]| {
    let (content, _replaced) = parallax::readers::decode_html(data.to_vec());
    let doc = parallax::pipeline::process_document(source(Format::Html, ContentKind::Html, "fuzz.html", content.clone()));
    check_body_offsets(&doc);
    check_original_offsets(&doc, &content);
});
