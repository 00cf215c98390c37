//! Stage 3, reuse: which documents copy text from which, and the passages they share.
//!
//! Candidates come from an inverted index of word shingles (never all pairs); shingles shared by
//! very many documents are boilerplate and are not indexed. Each candidate pair is aligned on its
//! shingles into passages with offsets in both bodies, and the pair is classed:
//! `duplicate` (nearly all of both texts), `shared-passages` (whole paragraphs outside quotes), or
//! `same-report` (several shared pieces, quotes and facts, in the same order: one wire report
//! rewritten). Sharing a single quote is not reuse: independent reports quote the same words.

use std::collections::HashMap;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use crate::model::{Document, Passage, Reuse, ReuseKind};

/// Words per shingle.
const SHINGLE: usize = 5;
/// A passage shorter than this (in words) is a common phrase, not reuse.
const MIN_PASSAGE_WORDS: usize = 7;
/// Whole-paragraph reuse: a passage of at least this many words outside quotation marks.
const PARAGRAPH_WORDS: usize = 20;
/// Both texts at least this much shared: a duplicate.
const DUPLICATE_COVERAGE: f64 = 0.7;
/// A rewritten report shares at least this many separate passages in the same order…
const SAME_REPORT_PASSAGES: usize = 3;
/// …adding up to at least this many words.
const SAME_REPORT_WORDS: usize = 30;

/// A word of a body: its normalised hash and byte span.
#[derive(Debug, Clone, Copy)]
struct Word {
    hash: u64,
    start: usize,
    end: usize,
}

fn words(body: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let mut lower = String::new();
    for (i, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || (c == '\'' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = body[s..i].trim_end_matches('\'');
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                out.push(Word {
                    hash: xxh3_64(lower.as_bytes()),
                    start: s,
                    end: s + word.len(),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Hashes of every window of `SHINGLE` words.
fn shingles(words: &[Word]) -> Vec<u64> {
    words
        .windows(SHINGLE)
        .map(|w| {
            let mut bytes = [0u8; 8 * SHINGLE];
            for (k, word) in w.iter().enumerate() {
                bytes[k * 8..k * 8 + 8].copy_from_slice(&word.hash.to_le_bytes());
            }
            xxh3_64(&bytes)
        })
        .collect()
}

/// Finds every reuse relation among `docs`.
pub fn detect(docs: &[Document]) -> Vec<Reuse> {
    // hashing and aligning are per document and per pair: on all cores
    let words: Vec<Vec<Word>> = docs.par_iter().map(|d| words(&d.body)).collect();
    let sorted: Vec<Vec<(u64, u32)>> = words
        .par_iter()
        .map(|w| sorted_positions(&shingles(w)))
        .collect();
    candidate_pairs(&sorted)
        .into_par_iter()
        .filter_map(|(a, b)| {
            let passages = align(&words[a], &sorted[a], &words[b], &sorted[b]);
            classify(&docs[a], &docs[b], &words[a], &words[b], passages)
        })
        .collect()
}

/// A document's shingles with their positions, sorted by hash: pairs align by merging two lists.
fn sorted_positions(shingles: &[u64]) -> Vec<(u64, u32)> {
    let mut v: Vec<(u64, u32)> = shingles
        .iter()
        .enumerate()
        .map(|(i, &h)| (h, i as u32))
        .collect();
    v.sort_unstable();
    v
}

/// Pairs (a < b) sharing at least three distinct shingles: the fewest a passage of
/// `MIN_PASSAGE_WORDS` words can have.
fn candidate_pairs(sorted: &[Vec<(u64, u32)>]) -> Vec<(usize, usize)> {
    // boilerplate guard: a shingle in more than this many documents is not evidence of copying
    let max_postings = 50.max(sorted.len() / 100);
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (doc, list) in sorted.iter().enumerate() {
        let mut last = None;
        for &(h, _) in list {
            if last != Some(h) {
                index.entry(h).or_default().push(doc as u32);
                last = Some(h);
            }
        }
    }
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for postings in index.values() {
        if postings.len() < 2 || postings.len() > max_postings {
            continue;
        }
        for (i, &a) in postings.iter().enumerate() {
            for &b in &postings[i + 1..] {
                *shared.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let min_shared = (MIN_PASSAGE_WORDS - SHINGLE + 1) as u32;
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= min_shared)
        .map(|((a, b), _)| (a as usize, b as usize))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// A run of shared words: word indices in a and b, and its length in words.
#[derive(Debug, Clone, Copy)]
struct Run {
    a: usize,
    b: usize,
    len: usize,
}

/// Aligns two texts on shared shingles into maximal runs of shared words, longest first and
/// not overlapping in either text.
fn align(
    words_a: &[Word],
    sorted_a: &[(u64, u32)],
    words_b: &[Word],
    sorted_b: &[(u64, u32)],
) -> Vec<Run> {
    // merge the two sorted shingle lists; a match is (diagonal i - j, i)
    let mut matches: Vec<(isize, usize)> = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < sorted_a.len() && y < sorted_b.len() {
        let (ha, hb) = (sorted_a[x].0, sorted_b[y].0);
        if ha < hb {
            x += 1;
        } else if hb < ha {
            y += 1;
        } else {
            let x_end = x + sorted_a[x..].iter().take_while(|e| e.0 == ha).count();
            let y_end = y + sorted_b[y..].iter().take_while(|e| e.0 == ha).count();
            for &(_, i) in &sorted_a[x..x_end] {
                for &(_, j) in &sorted_b[y..y_end] {
                    matches.push((i as isize - j as isize, i as usize));
                }
            }
            x = x_end;
            y = y_end;
        }
    }
    // consecutive shingles on a diagonal make a run
    matches.sort_unstable();
    let mut runs = Vec::new();
    let mut k = 0;
    while k < matches.len() {
        let (diag, start) = matches[k];
        let mut end = start;
        while k + 1 < matches.len() && matches[k + 1].0 == diag && matches[k + 1].1 == end + 1 {
            k += 1;
            end += 1;
        }
        let b = (start as isize - diag) as usize;
        runs.push(Run {
            a: start,
            b,
            len: end - start + SHINGLE,
        });
        k += 1;
    }
    runs.retain(|r| {
        r.len >= MIN_PASSAGE_WORDS && r.a + r.len <= words_a.len() && r.b + r.len <= words_b.len()
    });
    runs.sort_by(|x, y| y.len.cmp(&x.len).then(x.a.cmp(&y.a)));
    let mut used_a = vec![false; words_a.len()];
    let mut used_b = vec![false; words_b.len()];
    let mut kept = Vec::new();
    for r in runs {
        if used_a[r.a..r.a + r.len].iter().any(|&u| u)
            || used_b[r.b..r.b + r.len].iter().any(|&u| u)
        {
            continue;
        }
        used_a[r.a..r.a + r.len].iter_mut().for_each(|u| *u = true);
        used_b[r.b..r.b + r.len].iter_mut().for_each(|u| *u = true);
        kept.push(r);
    }
    kept.sort_by_key(|r| r.a);
    kept
}

/// True when the span sits inside quotation marks in its paragraph.
fn inside_quotes(body: &str, start: usize) -> bool {
    let paragraph_start = body[..start].rfind("\n\n").map_or(0, |i| i + 2);
    body[paragraph_start..start].matches('"').count() % 2 == 1
}

/// Share of consecutive passages whose order in b follows their order in a.
fn in_order(runs: &[Run]) -> f64 {
    if runs.len() < 2 {
        return 1.0;
    }
    let ordered = runs.windows(2).filter(|w| w[1].b > w[0].b).count();
    ordered as f64 / (runs.len() - 1) as f64
}

fn classify(a: &Document, b: &Document, wa: &[Word], wb: &[Word], runs: Vec<Run>) -> Option<Reuse> {
    if runs.is_empty() {
        return None;
    }
    let shared: usize = runs.iter().map(|r| r.len).sum();
    let cover_a = shared as f64 / wa.len().max(1) as f64;
    let cover_b = shared as f64 / wb.len().max(1) as f64;
    let paragraph_reuse = runs
        .iter()
        .any(|r| r.len >= PARAGRAPH_WORDS && !inside_quotes(&a.body, wa[r.a].start));
    let kind = if cover_a >= DUPLICATE_COVERAGE && cover_b >= DUPLICATE_COVERAGE {
        ReuseKind::Duplicate
    } else if paragraph_reuse {
        ReuseKind::SharedPassages
    } else if runs.len() >= SAME_REPORT_PASSAGES
        && shared >= SAME_REPORT_WORDS
        && in_order(&runs) >= 0.6
    {
        ReuseKind::SameReport
    } else {
        return None;
    };
    let passages = runs
        .iter()
        .map(|r| {
            let (a_start, a_end) = (wa[r.a].start, wa[r.a + r.len - 1].end);
            let (b_start, b_end) = (wb[r.b].start, wb[r.b + r.len - 1].end);
            Passage {
                a_start,
                a_end,
                b_start,
                b_end,
                text: a.body[a_start..a_end].to_string(),
            }
        })
        .collect();
    Some(Reuse {
        a: a.id.clone(),
        b: b.id.clone(),
        kind,
        score: (cover_a.max(cover_b) * 1000.0).round() / 1000.0,
        passages,
    })
}

/// Independence groups: documents linked by any reuse are one witness. Returns, for each
/// document (in order), the index of its group; groups are numbered by first member.
pub fn independence_groups(docs: &[Document], reuse: &[Reuse]) -> Vec<usize> {
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for r in reuse {
        if let (Some(&a), Some(&b)) = (index.get(r.a.as_str()), index.get(r.b.as_str())) {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut numbering: HashMap<usize, usize> = HashMap::new();
    (0..docs.len())
        .map(|i| {
            let r = root(&mut parent, i);
            let next = numbering.len();
            *numbering.entry(r).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn doc(id: &str, body: &str) -> Document {
        Document {
            id: id.into(),
            path: id.into(),
            format: Format::Text,
            url: None,
            title: None,
            published: None,
            published_time: None,
            published_earliest: None,
            published_latest: None,
            dateline_month_day: None,
            dateline_place: None,
            byline: None,
            outlet: None,
            language: "en".into(),
            analysed: true,
            body: body.into(),
            headings: vec![],
            sections: vec![],
            sentences: vec![],
            removed: vec![],
            source_map: vec![],
        }
    }

    const WIRE: &str = "The dam on the Talvin river gave way late on Monday, sending a wall of water through the lower town and the seven villages below it, the rescue agency said.\n\nRescue teams worked through the night to reach families trapped on rooftops, and by morning twelve people had been confirmed dead.";

    #[test]
    fn a_syndicated_copy_is_a_duplicate_with_its_passages() {
        let copy = WIRE.replace("twelve", "12");
        let docs = vec![
            doc("wire", WIRE),
            doc("copy", &copy),
            doc(
                "other",
                "A football match ended two goals to one after a late header in the rain.",
            ),
        ];
        let reuse = detect(&docs);
        assert_eq!(reuse.len(), 1);
        assert_eq!(reuse[0].kind, ReuseKind::Duplicate);
        let p = &reuse[0].passages[0];
        assert_eq!(&docs[0].body[p.a_start..p.a_end], p.text);
        assert_eq!(&docs[1].body[p.b_start..p.b_end], p.text);
        assert_eq!(independence_groups(&docs, &reuse), vec![0, 0, 1]);
    }

    #[test]
    fn one_shared_quote_is_not_reuse() {
        let quote = "\"We will rebuild every house that the water took from us, whatever it costs and however long it takes,\" the governor said.";
        let a = format!("Officials met in the capital on Tuesday to discuss the damage. {quote} The meeting lasted three hours.");
        let b = format!("{quote} Residents who lost their homes said they had heard such promises before and wanted to see money first.");
        let docs = vec![doc("a", &a), doc("b", &b)];
        assert!(detect(&docs).is_empty());
    }

    #[test]
    fn a_reused_paragraph_is_shared_passages() {
        let para = "Over six thousand volunteers, consisting mainly of farmers, students and retired soldiers, have gathered in the valley north of the capital to fill sandbags along the river.";
        let a = format!("The water kept rising on Wednesday across the region.\n\n{para}\n\nForecasters expect more rain this week.");
        let b = format!("Talks between the two councils failed again on Friday.\n\n{para}\n\nThe councils will meet again next month.");
        let reuse = detect(&[doc("a", &a), doc("b", &b)]);
        assert_eq!(reuse.len(), 1);
        assert_eq!(reuse[0].kind, ReuseKind::SharedPassages);
    }
}
