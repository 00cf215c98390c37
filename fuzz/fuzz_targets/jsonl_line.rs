#![no_main]
//! Arbitrary bytes as one JSON Lines record, then the per-document pipeline. The text may come
//! from a JSON string, so the map is not checked against the line, only against the body.

use libfuzzer_sys::fuzz_target;
use parallax_fuzz::check_body_offsets;

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    if let Ok(source) = parallax::ingest::containers::jsonl_item(&line, "fuzz.jsonl", 1) {
        let doc = parallax::pipeline::process_document(source);
        check_body_offsets(&doc);
    }
});
