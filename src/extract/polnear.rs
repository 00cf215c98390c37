//! PolNeAR (Newell, Margolin and Ruths 2018): news articles annotated in brat standoff with
//! attribution relations, each a Source (who), a Cue (the verb or phrase of saying, believing,
//! reporting) and a Content (what). The attribution tagger is trained on its train split and
//! measured on dev; this module reads the files' text (the caller reads the files) and scores
//! predicted spans against the gold.

/// The three parts of an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Source,
    Cue,
    Content,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Source, Part::Cue, Part::Content];

    fn from_label(label: &str) -> Option<Part> {
        match label {
            "Source" => Some(Part::Source),
            "Cue" => Some(Part::Cue),
            "Content" => Some(Part::Content),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Part::Source => "source",
            Part::Cue => "cue",
            Part::Content => "content",
        }
    }
}

/// A gold or predicted span of one part, as byte offsets into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartSpan {
    pub part: Part,
    pub start: usize,
    pub end: usize,
}

/// One attribution relation (an `E` line): its cue, and the source and content it links, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    pub source: Option<PartSpan>,
    pub cue: Option<PartSpan>,
    pub content: Option<PartSpan>,
}

/// The Source, Cue and Content spans that attribution relations (`E` lines) use. A span given in
/// pieces ("12 30;32 50") is taken whole, from its first character to its last. Offsets in the file
/// count characters; they come back as byte offsets into `text`.
pub fn parse(text: &str, ann: &str) -> Result<Vec<PartSpan>, String> {
    let (spans, links) = spans_and_links(text, ann)?;
    let mut out: Vec<PartSpan> = links
        .iter()
        .flatten()
        .filter_map(|t| spans.get(t).copied())
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

/// The attribution relations of a brat file, in file order, their spans as [`parse`] gives them
/// (a relation naming two spans of one part keeps the first).
pub fn relations(text: &str, ann: &str) -> Result<Vec<Relation>, String> {
    let (spans, links) = spans_and_links(text, ann)?;
    Ok(links
        .iter()
        .map(|targets| {
            let mut relation = Relation {
                source: None,
                cue: None,
                content: None,
            };
            for span in targets.iter().filter_map(|t| spans.get(t).copied()) {
                let slot = match span.part {
                    Part::Source => &mut relation.source,
                    Part::Cue => &mut relation.cue,
                    Part::Content => &mut relation.content,
                };
                slot.get_or_insert(span);
            }
            relation
        })
        .collect())
}

/// The part spans of a brat file by id, and the ids each relation links.
type SpansAndLinks = (
    std::collections::HashMap<String, PartSpan>,
    Vec<Vec<String>>,
);

fn spans_and_links(text: &str, ann: &str) -> Result<SpansAndLinks, String> {
    // character index → byte offset (one past the end allowed)
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let mut spans = std::collections::HashMap::new();
    let mut links: Vec<Vec<String>> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut fields = line.split('\t');
        let (Some(id), Some(annotation)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let (label, ranges) = annotation.split_once(' ').unwrap_or((annotation, ""));
            let Some(part) = Part::from_label(label) else {
                continue;
            };
            let numbers: Vec<usize> = ranges
                .split([' ', ';'])
                .map(|x| x.parse::<usize>())
                .collect::<Result<_, _>>()
                .map_err(|_| format!("line {}: bad offsets {ranges:?}", n + 1))?;
            let (Some(&first), Some(&last)) = (numbers.iter().min(), numbers.iter().max()) else {
                return Err(format!("line {}: no offsets", n + 1));
            };
            let byte = |c: usize| {
                bytes_at
                    .get(c)
                    .copied()
                    .ok_or(format!("line {}: offset {c} past the text", n + 1))
            };
            spans.insert(
                id.to_string(),
                PartSpan {
                    part,
                    start: byte(first)?,
                    end: byte(last)?,
                },
            );
        } else if id.starts_with('E') {
            links.push(
                annotation
                    .split(' ')
                    .skip(1)
                    .filter_map(|argument| argument.split_once(':').map(|(_, t)| t.to_string()))
                    .collect(),
            );
        }
    }
    Ok((spans, links))
}

/// Precision and recall counts of one part, exact and by overlap.
#[derive(Debug, Clone, Copy, Default)]
pub struct PartScore {
    pub gold: usize,
    pub predicted: usize,
    /// predicted spans equal to a gold span (after trimming spaces and punctuation at the ends)
    pub exact: usize,
    /// predicted spans that overlap some gold span, and gold spans that some prediction overlaps
    pub overlapping_predicted: usize,
    pub overlapped_gold: usize,
}

impl PartScore {
    pub fn exact_f1(&self) -> f64 {
        f1(
            ratio(self.exact, self.predicted),
            ratio(self.exact, self.gold),
        )
    }

    pub fn overlap_f1(&self) -> f64 {
        f1(self.overlap_precision(), self.overlap_recall())
    }

    /// The share of predicted spans that overlap a gold span.
    pub fn overlap_precision(&self) -> f64 {
        ratio(self.overlapping_predicted, self.predicted)
    }

    /// The share of gold spans that a predicted span overlaps.
    pub fn overlap_recall(&self) -> f64 {
        ratio(self.overlapped_gold, self.gold)
    }

    pub fn add(&mut self, other: &PartScore) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.exact += other.exact;
        self.overlapping_predicted += other.overlapping_predicted;
        self.overlapped_gold += other.overlapped_gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores predicted spans of one part against the gold spans of that part, in one text.
pub fn score(text: &str, gold: &[PartSpan], predicted: &[PartSpan], part: Part) -> PartScore {
    let trimmed = |s: &PartSpan| trim(text, s.start, s.end);
    let gold: Vec<(usize, usize)> = gold
        .iter()
        .filter(|s| s.part == part)
        .map(trimmed)
        .collect();
    let predicted: Vec<(usize, usize)> = predicted
        .iter()
        .filter(|s| s.part == part)
        .map(trimmed)
        .collect();
    let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
    let mut exact_gold: Vec<(usize, usize)> = gold.clone();
    let mut exact = 0;
    for p in &predicted {
        if let Some(k) = exact_gold.iter().position(|g| g == p) {
            exact_gold.swap_remove(k);
            exact += 1;
        }
    }
    PartScore {
        gold: gold.len(),
        predicted: predicted.len(),
        exact,
        overlapping_predicted: predicted
            .iter()
            .filter(|p| gold.iter().any(|g| overlaps(p, g)))
            .count(),
        overlapped_gold: gold
            .iter()
            .filter(|g| predicted.iter().any(|p| overlaps(p, g)))
            .count(),
    }
}

/// A span without spaces and punctuation at its ends: annotators differ on a closing quote mark
/// or full stop, and so may we.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(inner) = text.get(start..end) else {
        return (start, end);
    };
    let is_edge = |c: char| {
        c.is_whitespace()
            || (c.is_ascii_punctuation() && c != '$' && c != '%')
            || matches!(
                c,
                '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '\u{2014}'
            )
    };
    let left = inner.len() - inner.trim_start_matches(is_edge).len();
    let right = inner.trim_end_matches(is_edge).len();
    if left >= right {
        (start, end)
    } else {
        (start + left, start + right)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_linked_spans_as_byte_offsets_and_scores_them() {
        // "’" is three bytes: offsets after it move
        let text = "Voss’s aide said the pass was closed.";
        let ann = "T1\tSource 0 11\tVoss’s aide\nT2\tCue 12 16\tsaid\nT3\tContent 17 36\tthe pass was closed\n\
                   T4\tAttribution 12 16\tsaid\nT5\tDiscuss 0 4\tVoss\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let spans = parse(text, ann).unwrap();
        let of = |p: Part| spans.iter().find(|s| s.part == p).unwrap();
        assert_eq!(
            &text[of(Part::Source).start..of(Part::Source).end],
            "Voss’s aide"
        );
        assert_eq!(&text[of(Part::Cue).start..of(Part::Cue).end], "said");
        assert_eq!(spans.len(), 3);
        let predicted = [PartSpan {
            part: Part::Content,
            start: of(Part::Content).start,
            end: text.len(),
        }];
        let s = score(text, &spans, &predicted, Part::Content);
        assert_eq!(
            (s.exact, s.overlapping_predicted, s.overlapped_gold),
            (1, 1, 1)
        );
        assert!(parse(text, "T1\tSource 0 999\tx\n").is_err());
    }
}
