//! Stage 3, reuse: which documents copy text from which, and the passages they share.
//!
//! Each body becomes word hashes and a winnowed sample of its 5-word shingles (Schleimer et al.,
//! 2003): in every window of `WINNOW` consecutive shingles the smallest hash is kept, so any run of
//! `GUARANTEED_WORDS` words two texts share leaves both with the same fingerprint, at about 40% of
//! the shingles' memory. Candidates come from an inverted index of fingerprints (never all pairs);
//! fingerprints shared by very many documents are boilerplate and are not indexed. Each candidate
//! pair is aligned by extending shared fingerprints word by word into maximal passages, with
//! offsets in both bodies, and the pair is classed: `duplicate` (nearly all of both texts),
//! `shared-passages` (whole paragraphs outside quotes), or `same-report` (several shared pieces,
//! quotes and facts, in the same order: one wire report rewritten). Sharing a single quote is not
//! reuse: independent reports quote the same words.
//!
//! Why not MinHash-LSH: it estimates whole-text similarity, so it finds duplicates but misses a
//! paragraph lifted into a longer article; fingerprints find both, and give the passages.

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::hashing::mix64;

use crate::model::{Document, Passage, Reuse, ReuseKind};

/// Words per shingle.
const SHINGLE: usize = 5;
/// Shingles per winnowing window.
const WINNOW: usize = 4;
/// A shared run this long always yields a shared fingerprint.
const GUARANTEED_WORDS: usize = WINNOW + SHINGLE - 1;
/// A passage shorter than this (in words) is a common phrase, not reuse; it is also the shortest
/// run fingerprints are sure to find.
const MIN_PASSAGE_WORDS: usize = GUARANTEED_WORDS;
/// Whole-paragraph reuse: a passage of at least this many words outside quotation marks.
const PARAGRAPH_WORDS: usize = 20;
/// Both texts at least this much shared: a duplicate.
const DUPLICATE_COVERAGE: f64 = 0.7;
/// A rewritten report shares at least this many separate passages in the same order…
const SAME_REPORT_PASSAGES: usize = 3;
/// …adding up to at least this many words.
const SAME_REPORT_WORDS: usize = 30;
/// Fingerprints a candidate pair shares at least: every kind of reuse needs three passages or one
/// of `PARAGRAPH_WORDS`, and either leaves at least this many.
const MIN_SHARED_FINGERPRINTS: usize = 3;

/// What reuse keeps of a body: a hash per word (u32: a collision could only stretch a passage by a
/// word, at odds of one in four billion) and the winnowed fingerprints with the position of their
/// first word, sorted by hash.
struct Prints {
    words: Vec<u32>,
    fingerprints: Vec<(u32, u32)>,
}

/// Byte spans of the words of `body`: letters and digits, with inner apostrophes.
fn word_bounds(body: &str) -> WordBounds<'_> {
    WordBounds { body, at: 0 }
}

struct WordBounds<'a> {
    body: &'a str,
    at: usize,
}

impl Iterator for WordBounds<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.body.as_bytes();
        // to the next word's first letter or digit
        loop {
            let &byte = bytes.get(self.at)?;
            if byte.is_ascii_alphanumeric() {
                break;
            }
            if byte.is_ascii() {
                self.at += 1;
                continue;
            }
            let c = self.wide_char();
            if c.is_alphanumeric() {
                break;
            }
            self.at += c.len_utf8();
        }
        let start = self.at;
        let mut end = self.at;
        // through letters, digits and apostrophes; a trailing apostrophe is not part of the word
        while let Some(&byte) = bytes.get(self.at) {
            if byte.is_ascii_alphanumeric() {
                self.at += 1;
                end = self.at;
            } else if byte == b'\'' {
                self.at += 1;
            } else if byte.is_ascii() {
                break;
            } else {
                let c = self.wide_char();
                if !c.is_alphanumeric() {
                    break;
                }
                self.at += c.len_utf8();
                end = self.at;
            }
        }
        Some((start, end))
    }
}

impl WordBounds<'_> {
    /// The non-ASCII character at the current position.
    fn wide_char(&self) -> char {
        self.body[self.at..]
            .chars()
            .next()
            .expect("inside the text")
    }
}

/// FNV-1a over bytes, then a final mix: cheap for the short strings words are.
fn hash_bytes(bytes: impl Iterator<Item = u8>) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix64(h) as u32
}

/// The hash of every word of `body`, lower-cased.
fn word_hashes(body: &str) -> Vec<u32> {
    let mut lower = String::new();
    word_bounds(body)
        .map(|(start, end)| {
            let word = &body[start..end];
            if word.is_ascii() {
                hash_bytes(word.bytes().map(|b| b.to_ascii_lowercase()))
            } else {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                hash_bytes(lower.bytes())
            }
        })
        .collect()
}

/// The hash of each run of `SHINGLE` words.
fn shingle_hashes(words: &[u32]) -> Vec<u32> {
    words
        .windows(SHINGLE)
        .map(|w| {
            let h = w.iter().fold(0u64, |h, &word| {
                (h.rotate_left(23) ^ u64::from(word)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            });
            mix64(h) as u32
        })
        .collect()
}

fn prints(body: &str) -> Prints {
    let mut words = word_hashes(body);
    let mut fingerprints = winnow(&shingle_hashes(&words));
    fingerprints.sort_unstable();
    fingerprints.shrink_to_fit();
    words.shrink_to_fit();
    Prints {
        words,
        fingerprints,
    }
}

/// Robust winnowing: the minimum of each window (the rightmost on ties), recorded once per
/// position. A text shorter than one window keeps its minimum.
fn winnow(shingles: &[u32]) -> Vec<(u32, u32)> {
    let mut picked: Vec<(u32, u32)> = Vec::new();
    let window = WINNOW.min(shingles.len());
    if window == 0 {
        return picked;
    }
    for start in 0..=shingles.len() - window {
        let mut pos = start;
        for k in start + 1..start + window {
            if shingles[k] <= shingles[pos] {
                pos = k;
            }
        }
        if picked.last().is_none_or(|&(_, p)| p != pos as u32) {
            picked.push((shingles[pos], pos as u32));
        }
    }
    picked
}

/// Finds every reuse relation among `docs`.
pub fn detect(docs: &[Document]) -> Vec<Reuse> {
    // hashing and aligning are per document and per pair: on all cores
    let prints: Vec<Prints> = docs.par_iter().map(|d| prints(&d.body)).collect();
    let index = FingerprintIndex::build(&prints, 50.max(docs.len() / 100));
    let pairs: Vec<(u32, u32)> = (0..prints.len() as u32)
        .into_par_iter()
        .flat_map_iter(|a| index.partners(a, &prints[a as usize]))
        .collect();
    drop(index);
    let aligned: Vec<Aligned> = pairs
        .into_par_iter()
        .filter_map(|(a, b)| Aligned::new(a as usize, b as usize, &prints))
        .collect();
    drop(prints);
    let spans = PassageEnds::of(docs, &aligned);
    aligned
        .into_par_iter()
        .filter_map(|pair| classify(docs, &spans, pair))
        .collect()
}

/// A candidate pair after alignment, when its passages could make it reuse.
struct Aligned {
    a: usize,
    b: usize,
    runs: Vec<Run>,
    cover_a: f64,
    cover_b: f64,
}

impl Aligned {
    fn new(a: usize, b: usize, prints: &[Prints]) -> Option<Self> {
        let runs = align(&prints[a], &prints[b]);
        let shared: usize = runs.iter().map(|r| r.len).sum();
        let pair = Aligned {
            a,
            b,
            cover_a: shared as f64 / prints[a].words.len().max(1) as f64,
            cover_b: shared as f64 / prints[b].words.len().max(1) as f64,
            runs,
        };
        (pair.duplicate() || pair.same_report() || pair.long_run().is_some()).then_some(pair)
    }

    fn duplicate(&self) -> bool {
        self.cover_a >= DUPLICATE_COVERAGE && self.cover_b >= DUPLICATE_COVERAGE
    }

    fn same_report(&self) -> bool {
        let shared: usize = self.runs.iter().map(|r| r.len).sum();
        self.runs.len() >= SAME_REPORT_PASSAGES
            && shared >= SAME_REPORT_WORDS
            && in_order(&self.runs) >= 0.6
    }

    fn long_run(&self) -> Option<&Run> {
        self.runs.iter().find(|r| r.len >= PARAGRAPH_WORDS)
    }
}

/// Per document, the byte spans of the words passages start and end at: each body is read once,
/// however many pairs it is in.
struct PassageEnds {
    /// Per document: (word index, start, end), sorted by word index.
    spans: Vec<Vec<(u32, u32, u32)>>,
}

impl PassageEnds {
    fn of(docs: &[Document], aligned: &[Aligned]) -> Self {
        let mut wanted: Vec<Vec<u32>> = vec![Vec::new(); docs.len()];
        for pair in aligned {
            for r in &pair.runs {
                wanted[pair.a].extend([r.a as u32, (r.a + r.len - 1) as u32]);
                wanted[pair.b].extend([r.b as u32, (r.b + r.len - 1) as u32]);
            }
        }
        let spans = wanted
            .into_par_iter()
            .zip(docs.par_iter())
            .map(|(mut words, doc)| {
                if words.is_empty() {
                    return Vec::new();
                }
                words.sort_unstable();
                words.dedup();
                let last = *words.last().expect("not empty") as usize;
                word_bounds(&doc.body)
                    .take(last + 1)
                    .enumerate()
                    .filter(|(k, _)| words.binary_search(&(*k as u32)).is_ok())
                    .map(|(k, (start, end))| (k as u32, start as u32, end as u32))
                    .collect()
            })
            .collect();
        PassageEnds { spans }
    }

    /// Byte span of word `word` of document `doc`.
    fn span(&self, doc: usize, word: usize) -> (usize, usize) {
        let list = &self.spans[doc];
        let k = list
            .binary_search_by_key(&(word as u32), |e| e.0)
            .expect("every passage end was looked up");
        (list[k].1 as usize, list[k].2 as usize)
    }
}

/// Fingerprint → the documents that have it, for fingerprints in 2..=max documents: one in fewer
/// cannot pair, one in more is boilerplate (a standard sign-off, a much-quoted line).
struct FingerprintIndex {
    /// Fingerprint → its documents' range in `docs`.
    ranges: FxHashMap<u32, (u32, u32)>,
    docs: Vec<u32>,
}

impl FingerprintIndex {
    fn build(prints: &[Prints], max_docs: usize) -> Self {
        let mut entries: Vec<(u32, u32)> = prints
            .par_iter()
            .enumerate()
            .flat_map_iter(|(doc, p)| {
                let mut hashes: Vec<u32> = p.fingerprints.iter().map(|f| f.0).collect();
                hashes.dedup();
                hashes.into_iter().map(move |h| (h, doc as u32))
            })
            .collect();
        entries.par_sort_unstable();
        let mut index = FingerprintIndex {
            ranges: FxHashMap::default(),
            docs: Vec::new(),
        };
        for group in entries.chunk_by(|x, y| x.0 == y.0) {
            if (2..=max_docs).contains(&group.len()) {
                let start = index.docs.len() as u32;
                index.docs.extend(group.iter().map(|e| e.1));
                index
                    .ranges
                    .insert(group[0].0, (start, index.docs.len() as u32));
            }
        }
        index
    }

    fn documents(&self, hash: u32) -> &[u32] {
        match self.ranges.get(&hash) {
            Some(&(start, end)) => &self.docs[start as usize..end as usize],
            None => &[],
        }
    }

    /// Pairs (a, b > a) sharing at least `MIN_SHARED_FINGERPRINTS` distinct fingerprints.
    fn partners(&self, a: u32, prints: &Prints) -> Vec<(u32, u32)> {
        let mut others: Vec<u32> = Vec::new();
        let mut last = None;
        for &(hash, _) in &prints.fingerprints {
            if last == Some(hash) {
                continue;
            }
            last = Some(hash);
            let docs = self.documents(hash);
            // documents are in order: those after a start past a's own entry
            let after = docs.partition_point(|&d| d <= a);
            others.extend_from_slice(&docs[after..]);
        }
        others.sort_unstable();
        others
            .chunk_by(|x, y| x == y)
            .filter(|run| run.len() >= MIN_SHARED_FINGERPRINTS)
            .map(|run| (a, run[0]))
            .collect()
    }
}

/// A run of shared words: word indices in a and b, and its length in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    a: usize,
    b: usize,
    len: usize,
}

/// Aligns two texts into maximal runs of shared words, longest first and not overlapping in
/// either text. Every shared fingerprint is an anchor, extended both ways word by word.
/// Times a document may repeat one fingerprint for it still to anchor an alignment.
const MAX_REPEATS: usize = 8;

fn align(pa: &Prints, pb: &Prints) -> Vec<Run> {
    let (wa, wb) = (&pa.words, &pb.words);
    let mut runs: Vec<Run> = Vec::new();
    let (fa, fb) = (&pa.fingerprints, &pb.fingerprints);
    let mut on_diagonal: HashMap<isize, Vec<usize>> = HashMap::new();
    let (mut x, mut y) = (0, 0);
    while x < fa.len() && y < fb.len() {
        let (ha, hb) = (fa[x].0, fb[y].0);
        if ha < hb {
            x += 1;
            continue;
        }
        if hb < ha {
            y += 1;
            continue;
        }
        let x_end = x + fa[x..].iter().take_while(|e| e.0 == ha).count();
        let y_end = y + fb[y..].iter().take_while(|e| e.0 == ha).count();
        // a shingle a document repeats many times (a table, a refrain) says nothing about reuse
        // and would make the anchors quadratic
        if x_end - x > MAX_REPEATS || y_end - y > MAX_REPEATS {
            x = x_end;
            y = y_end;
            continue;
        }
        for &(_, i) in &fa[x..x_end] {
            for &(_, j) in &fb[y..y_end] {
                let (i, j) = (i as usize, j as usize);
                // an anchor inside a run already found on its diagonal adds nothing
                let diagonal = i as isize - j as isize;
                let known = on_diagonal.get(&diagonal).is_some_and(|list: &Vec<usize>| {
                    list.iter()
                        .any(|&r| (runs[r].a..runs[r].a + runs[r].len).contains(&i))
                });
                if !known {
                    if let Some(run) = extend(wa, wb, i, j) {
                        on_diagonal.entry(diagonal).or_default().push(runs.len());
                        runs.push(run);
                    }
                }
            }
        }
        x = x_end;
        y = y_end;
    }
    runs.retain(|r| r.len >= MIN_PASSAGE_WORDS);
    runs.sort_by(|x, y| y.len.cmp(&x.len).then(x.a.cmp(&y.a)));
    let mut kept: Vec<Run> = Vec::new();
    for r in runs {
        let overlaps = kept.iter().any(|k| {
            r.a < k.a + k.len && k.a < r.a + r.len || r.b < k.b + k.len && k.b < r.b + r.len
        });
        if !overlaps {
            kept.push(r);
        }
    }
    kept.sort_by_key(|r| r.a);
    kept
}

/// The maximal run of equal words through an anchor shingle at word `i` of a and `j` of b, or
/// None when the shingle's words differ (two fingerprints that collide).
fn extend(wa: &[u32], wb: &[u32], i: usize, j: usize) -> Option<Run> {
    if i + SHINGLE > wa.len() || j + SHINGLE > wb.len() || wa[i..i + SHINGLE] != wb[j..j + SHINGLE]
    {
        return None;
    }
    let back = (1..=i.min(j))
        .take_while(|&k| wa[i - k] == wb[j - k])
        .count();
    let forward = (SHINGLE..)
        .take_while(|&k| i + k < wa.len() && j + k < wb.len() && wa[i + k] == wb[j + k])
        .count();
    Some(Run {
        a: i - back,
        b: j - back,
        len: back + SHINGLE + forward,
    })
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

fn classify(docs: &[Document], ends: &PassageEnds, pair: Aligned) -> Option<Reuse> {
    let (a, b) = (&docs[pair.a], &docs[pair.b]);
    let paragraph_reuse = pair
        .runs
        .iter()
        .any(|r| r.len >= PARAGRAPH_WORDS && !inside_quotes(&a.body, ends.span(pair.a, r.a).0));
    let kind = if pair.duplicate() {
        ReuseKind::Duplicate
    } else if paragraph_reuse {
        ReuseKind::SharedPassages
    } else if pair.same_report() {
        ReuseKind::SameReport
    } else {
        return None;
    };
    let passages = pair
        .runs
        .iter()
        .map(|r| {
            let (a_start, a_end) = (
                ends.span(pair.a, r.a).0,
                ends.span(pair.a, r.a + r.len - 1).1,
            );
            let (b_start, b_end) = (
                ends.span(pair.b, r.b).0,
                ends.span(pair.b, r.b + r.len - 1).1,
            );
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
        score: (pair.cover_a.max(pair.cover_b) * 1000.0).round() / 1000.0,
        passages,
    })
}

/// Independence groups: documents linked by any reuse are one witness. Returns, for each
/// document (in order), the index of its group; groups are numbered by first member.
/// Outlets a document's siblings reveal: a document with no outlet, by the same author as one
/// with outlet X, whose text calls itself by X's last word ("the Ledger watched …"), is X's.
/// Two signals, since an author may write for several outlets.
pub fn infer_outlets(docs: &mut [Document]) {
    let known: Vec<(String, String)> = docs
        .iter()
        .filter_map(|d| Some((d.byline.clone()?, d.outlet.clone()?)))
        .collect();
    for doc in docs.iter_mut().filter(|d| d.outlet.is_none()) {
        let Some(byline) = doc.byline.as_deref() else {
            continue;
        };
        let sibling = known.iter().find(|(by, outlet)| {
            by == byline
                && outlet
                    .split_whitespace()
                    .last()
                    .is_some_and(|name| crate::text::says_the(&doc.body, name))
        });
        if let Some((_, outlet)) = sibling {
            doc.outlet = Some(outlet.clone());
        }
    }
}

pub fn independence_groups(docs: &[Document], reuse: &[Reuse]) -> Vec<usize> {
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    crate::model::independence_groups(&ids, reuse)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, body: &str) -> Document {
        crate::model::test_document(id, body)
    }

    #[test]
    fn an_authors_other_piece_that_calls_itself_by_the_outlets_name_is_the_outlets() {
        let with = |id: &str, body: &str, by: &str, outlet: Option<&str>| {
            let mut d = doc(id, body);
            d.byline = Some(by.into());
            d.outlet = outlet.map(str::to_string);
            d
        };
        let mut docs = vec![
            with("a", "The river rose.", "Dane Holt", Some("Marrow Herald")),
            with(
                "b",
                "Crews told the Herald they were tired.",
                "Dane Holt",
                None,
            ),
            // another author, or no self-reference: nothing to go on
            with(
                "c",
                "Crews told the Herald they were tired.",
                "Arlen Voss",
                None,
            ),
            with("d", "Crews were tired.", "Dane Holt", None),
        ];
        infer_outlets(&mut docs);
        let outlets: Vec<Option<&str>> = docs.iter().map(|d| d.outlet.as_deref()).collect();
        assert_eq!(
            outlets,
            vec![Some("Marrow Herald"), Some("Marrow Herald"), None, None]
        );
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
    fn a_refrain_both_documents_repeat_does_not_hide_their_shared_paragraph() {
        let refrain = "1. Tarnby Rovers 3 2 1 0 7 ".repeat(400);
        let para = "Over six thousand volunteers, consisting mainly of farmers, students and retired soldiers, have gathered in the valley north of the capital to fill sandbags along the river.";
        let a = format!("{refrain}\n\n{para}\n\nForecasters expect more rain this week.");
        let b = format!("{refrain}\n\n{para}\n\nThe councils will meet again next month.");
        let reuse = detect(&[doc("a", &a), doc("b", &b)]);
        assert_eq!(reuse.len(), 1);
        assert!(
            reuse[0]
                .passages
                .iter()
                .any(|p| p.text.contains("six thousand volunteers")),
            "{:?}",
            reuse[0].passages
        );
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

    #[test]
    fn words_keep_inner_apostrophes_and_non_ascii_letters() {
        let body = "Don't   São Paulo's 3,000 ‘quoted’ rock'n'roll dogs' end";
        let words: Vec<&str> = word_bounds(body).map(|(s, e)| &body[s..e]).collect();
        assert_eq!(
            words,
            [
                "Don't",
                "São",
                "Paulo's",
                "3",
                "000",
                "quoted",
                "rock'n'roll",
                "dogs",
                "end"
            ]
        );
        // case does not matter to the hash
        assert_eq!(
            word_hashes("Flood FLOOD flood"),
            vec![word_hashes("flood")[0]; 3]
        );
    }

    #[test]
    fn any_shared_run_of_the_guaranteed_length_is_found() {
        // eight shared words between unrelated texts, wherever they sit: winnowing guarantees a
        // shared fingerprint, so the alignment must find the run every time
        let shared = "the convoy crossed the northern bridge before dawn";
        assert_eq!(shared.split(' ').count(), GUARANTEED_WORDS);
        let filler: Vec<String> = (0..60).map(|k| format!("word{k}")).collect();
        for cut in 0..20 {
            let a = format!(
                "{} {shared} {}",
                filler[..cut].join(" "),
                filler[40..].join(" ")
            );
            let b = format!(
                "{} {shared} {}",
                filler[20..20 + cut % 7].join(" "),
                filler[30..40].join(" ")
            );
            let runs = align(&prints(&a), &prints(&b));
            assert_eq!(runs.len(), 1, "cut {cut}");
            assert_eq!(runs[0].len, GUARANTEED_WORDS);
            assert_eq!((runs[0].a, runs[0].b), (cut, cut % 7));
        }
    }
}
