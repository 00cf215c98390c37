//! The report as a reader sees it, before any format: headings, paragraphs, lists and tables
//! per story. Markdown and HTML are two renderings of this one layout.

use std::collections::HashMap;

use crate::model::{
    independence_groups, json_name, Analysis, Claim, ClaimStatement, ClaimStatus, Contradiction,
    ContradictionKind, Document, Entity, NumberBand, Reuse, Scope, Side, Stance, Story,
    SummarySentence, TimelineEntry,
};

/// A piece of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u8, String),
    Paragraph(String),
    List(Vec<String>),
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// Rows a claims table shows before it points to `claims.csv`.
const CLAIM_ROWS: usize = 30;

/// Independent sources a claims table gives a column each; a larger story lists documents per
/// claim.
const DOCUMENT_COLUMNS: usize = 12;

/// Entities an entity table shows at most.
const ENTITY_ROWS: usize = 40;

/// Stories a report shows at most.
const REPORT_STORIES: usize = 50;

/// One story's part of every layer, gathered in one pass over each layer.
#[derive(Default)]
struct StoryLayers<'a> {
    summary: Vec<&'a SummarySentence>,
    timeline: Vec<&'a TimelineEntry>,
    contradictions: Vec<&'a Contradiction>,
    claims: Vec<&'a Claim>,
    numbers: Vec<&'a NumberBand>,
    /// Entities named in the story, with how often.
    entities: HashMap<&'a str, (&'a Entity, usize)>,
    reuse: Vec<&'a Reuse>,
}

fn gather(analysis: &Analysis) -> HashMap<&str, StoryLayers<'_>> {
    let mut by_story: HashMap<&str, StoryLayers> = HashMap::new();
    let story_of = analysis.story_of_document();
    for x in &analysis.summary {
        by_story.entry(&x.story).or_default().summary.push(x);
    }
    for x in &analysis.timeline {
        by_story.entry(&x.story).or_default().timeline.push(x);
    }
    for x in &analysis.contradictions {
        by_story.entry(&x.story).or_default().contradictions.push(x);
    }
    for x in &analysis.claims {
        by_story.entry(&x.story).or_default().claims.push(x);
    }
    for x in &analysis.numbers {
        by_story.entry(&x.story).or_default().numbers.push(x);
    }
    for e in &analysis.entities {
        for m in &e.mentions {
            if let Some(&story) = story_of.get(m.doc.as_str()) {
                let layers = by_story.entry(story).or_default();
                layers.entities.entry(e.id.as_str()).or_insert((e, 0)).1 += 1;
            }
        }
    }
    for r in &analysis.reuse {
        if let Some(&story) = story_of.get(r.a.as_str()) {
            by_story.entry(story).or_default().reuse.push(r);
        }
    }
    by_story
}

/// The whole report.
pub fn report(analysis: &Analysis) -> Vec<Block> {
    let names: HashMap<&str, &Entity> = analysis
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let name = |id: &Option<String>| -> String {
        id.as_deref()
            .and_then(|id| names.get(id))
            .map_or("—".to_string(), |e| e.name.clone())
    };
    let documents: HashMap<&str, &Document> = analysis
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let partial = analysis.scope != Scope::Full;
    let mut out = vec![
        Block::Heading(1, "Parallax report".into()),
        Block::Paragraph(format!(
            "{}, {}, {}, {}. Every line below names the documents it comes from; offsets and \
             full evidence are in analysis.json.",
            count(analysis.documents.len(), "document"),
            count(analysis.stories.len(), "story"),
            count(analysis.claims.len(), "claim"),
            count(analysis.contradictions.len(), "contradiction")
        )),
    ];
    if partial {
        out[1] = Block::Paragraph(format!(
            "{}, {}. This run looked for copies and stories only: names, statements, numbers, \
             claims and contradictions were not computed.",
            count(analysis.documents.len(), "document"),
            count(analysis.stories.len(), "story")
        ));
    }
    let layers = gather(analysis);
    let empty = StoryLayers::default();
    let mut stories: Vec<&Story> = analysis.stories.iter().collect();
    // the best-sourced stories first; a large run shows only the first of them
    stories.sort_by_key(|s| std::cmp::Reverse((s.independent_sources, s.documents.len())));
    if stories.len() > REPORT_STORIES {
        out.push(Block::Paragraph(format!(
            "The {REPORT_STORIES} stories with the most independent sources are shown; \
             analysis.json and the CSV files hold all {}.",
            stories.len()
        )));
        stories.truncate(REPORT_STORIES);
    }
    for story in stories {
        let layers = layers.get(story.id.as_str()).unwrap_or(&empty);
        out.push(Block::Heading(
            2,
            format!(
                "{} — {} ({}, {})",
                story.id,
                story.label,
                count(story.documents.len(), "document"),
                count(story.independent_sources, "independent source")
            ),
        ));
        out.extend(sources(story, &documents));
        if !partial {
            out.extend(summary(layers, story));
            out.extend(timeline(layers, story));
            out.extend(contradictions(layers, story, &name));
            out.extend(claims(layers, story));
            out.extend(numbers(layers, story, &name));
            out.extend(entities(layers, &name));
        }
        out.extend(copies(layers, story));
    }
    out
}

/// "1 story", "3 stories", "2 documents".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {noun}s")
    }
}

/// The story's documents as a reader knows them: outlet, date and title, under the short name
/// ("doc 3") the claims table uses.
fn sources(story: &Story, documents: &HashMap<&str, &Document>) -> Vec<Block> {
    let rows = story
        .documents
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let d = documents.get(id.as_str());
            let field = |f: fn(&Document) -> Option<&String>| {
                d.and_then(|d| f(d)).cloned().unwrap_or_default()
            };
            let title = match d {
                Some(d) if d.title.is_none() => untitled(d),
                _ => field(|d| d.title.as_ref()),
            };
            vec![
                format!("doc {}", k + 1),
                field(|d| d.outlet.as_ref()),
                field(|d| d.byline.as_ref()),
                d.map_or(String::new(), |d| published(d)),
                title,
                id.clone(),
            ]
        })
        .collect();
    section(
        "Sources",
        vec![table(
            &["doc", "outlet", "by", "published", "title", "file"],
            rows,
        )],
    )
}

/// A document with no headline is known by the first words of its text.
fn untitled(d: &Document) -> String {
    const WORDS: usize = 10;
    let words: Vec<&str> = d.body.split_whitespace().take(WORDS + 1).collect();
    if words.is_empty() {
        return "(no headline)".into();
    }
    let more = if words.len() > WORDS { " …" } else { "" };
    let shown = words[..words.len().min(WORDS)].join(" ");
    format!("(no headline) {shown}{more}")
}

/// A document as the report names it: "doc 3", its row in the story's Sources table.
fn doc_label(story: &Story, id: &str) -> String {
    story
        .documents
        .iter()
        .position(|d| d == id)
        .map_or(id.to_string(), |k| format!("doc {}", k + 1))
}

/// Documents as the report names them, in the Sources table's order.
fn doc_labels(story: &Story, ids: &[String]) -> String {
    let mut known: Vec<usize> = ids
        .iter()
        .filter_map(|id| story.documents.iter().position(|d| d == id))
        .collect();
    known.sort_unstable();
    known.dedup();
    let unknown = ids
        .iter()
        .filter(|id| !story.documents.contains(id))
        .cloned();
    known
        .into_iter()
        .map(|k| format!("doc {}", k + 1))
        .chain(unknown)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A sentence that names the story's documents by id, with their report names instead; an id
/// counts only as a whole word ("ledger_day1" is not in "ledger_day10").
fn with_doc_labels(story: &Story, text: &str) -> String {
    let mut ids: Vec<(usize, &String)> = story.documents.iter().enumerate().collect();
    ids.sort_by_key(|(_, id)| std::cmp::Reverse(id.len()));
    let mut out = text.to_string();
    for (k, id) in ids {
        let is_name_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-');
        let mut from = 0;
        while let Some(at) = out[from..].find(id.as_str()).map(|a| a + from) {
            let end = at + id.len();
            let after = out[end..].trim_start_matches('.');
            let whole = !out[..at].chars().next_back().is_some_and(is_name_char)
                && !after.starts_with(is_name_char);
            if whole {
                let label = format!("doc {}", k + 1);
                out.replace_range(at..end, &label);
                from = at + label.len();
            } else {
                from = end;
            }
        }
    }
    out
}

/// The publication date, or the range inferred from the document's twins, said to be inferred.
fn published(d: &Document) -> String {
    match (&d.published, &d.published_earliest, &d.published_latest) {
        (Some(date), _, _) => date.clone(),
        (None, Some(a), Some(b)) if a == b => format!("{a} (inferred)"),
        (None, Some(a), Some(b)) => format!("{a} – {b} (inferred)"),
        _ => String::new(),
    }
}

fn summary(layers: &StoryLayers, story: &Story) -> Vec<Block> {
    let items: Vec<String> = layers
        .summary
        .iter()
        .map(|s| {
            // a dispute line says so itself
            let mark = if s.contested && !s.text.starts_with("Disputed") {
                " (contested)"
            } else {
                ""
            };
            format!(
                "{}{mark} [{}]",
                with_doc_labels(story, &s.text),
                doc_labels(story, &s.sources)
            )
        })
        .collect();
    section("Summary", vec![Block::List(items)])
}

/// Happenings the text dates, in order; then those only their article's date places.
fn timeline(layers: &StoryLayers, story: &Story) -> Vec<Block> {
    let rows = |by_article: bool| -> Vec<Vec<String>> {
        layers
            .timeline
            .iter()
            .filter(|t| t.dated_by_article == by_article)
            .map(|t| timeline_row(t, story))
            .collect()
    };
    let headers = ["date", "precision", "type", "what happened", "sources"];
    let mut blocks = section("Timeline", vec![table(&headers, rows(false))]);
    let undated = rows(true);
    if !undated.is_empty() {
        blocks.push(Block::Paragraph(
            "Also reported, with no date in the text: placed by their article's date only.".into(),
        ));
        blocks.push(table(&headers, undated));
    }
    blocks
}

fn timeline_row(t: &TimelineEntry, story: &Story) -> Vec<String> {
    let date = t.date.map_or("—".into(), |d| {
        if d.start == d.end {
            d.start.to_string()
        } else {
            format!("{} – {}", d.start, d.end)
        }
    });
    vec![
        date,
        t.precision.clone(),
        t.kind.clone(),
        t.summary.clone(),
        doc_labels(story, &t.sources),
    ]
}

fn contradictions(
    layers: &StoryLayers,
    story: &Story,
    name: &dyn Fn(&Option<String>) -> String,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    for c in &layers.contradictions {
        let kind = match c.kind {
            ContradictionKind::Denial => "one side denies what the other claims",
            ContradictionKind::Numbers => "figures that cannot all be right",
            ContradictionKind::Blame => "each side blames the other",
        };
        blocks.push(Block::Paragraph(format!("{}: {kind}.", c.about)));
        let rows = c
            .sides
            .iter()
            .enumerate()
            .flat_map(|(k, side)| {
                side.statements.iter().map(move |s| {
                    vec![
                        side_label(k),
                        who_said(side, s, c.kind != ContradictionKind::Numbers, name),
                        json_name(&s.stance),
                        s.text.clone(),
                        doc_label(story, &s.doc),
                    ]
                })
            })
            .collect();
        blocks.push(table(
            &["side", "who", "stance", "what they said", "document"],
            rows,
        ));
    }
    section("Contradictions", blocks)
}

/// Who said a statement of a side: its own voice, with the party it speaks for when the sides
/// are parties and that is another ("Dane Holt (for Harbour Council)"); words the run knows no
/// entity for as written. Sides of a numbers dispute are figures, not parties.
fn who_said(
    side: &Side,
    s: &ClaimStatement,
    sides_are_parties: bool,
    name: &dyn Fn(&Option<String>) -> String,
) -> String {
    match (&s.claimant, &side.claimant, &s.claimant_text) {
        (Some(voice), Some(party), _) if sides_are_parties && voice != party => {
            format!("{} (for {})", name(&s.claimant), name(&side.claimant))
        }
        (Some(_), _, _) => name(&s.claimant),
        (None, None, Some(words)) => words.clone(),
        (None, party, _) => name(party).replace('—', "(not attributed)"),
    }
}

/// Claims × documents: who asserts and who denies each claim.
fn claims(layers: &StoryLayers, story: &Story) -> Vec<Block> {
    let mut list: Vec<&Claim> = layers.claims.clone();
    let rank = |s: ClaimStatus| match s {
        ClaimStatus::Contested => 0,
        ClaimStatus::Corroborated => 1,
        ClaimStatus::SingleSource => 2,
    };
    list.sort_by_key(|c| (rank(c.status), std::cmp::Reverse(c.independent_sources)));
    let shown = list.len().min(CLAIM_ROWS);
    // one article may carry both sides of a claim
    let takes = |c: &Claim, d: &str, stance: Stance| {
        c.statements
            .iter()
            .any(|s| s.doc == d && s.stance == stance)
    };
    let mut headers = vec!["claim".to_string(), "status".to_string()];
    let mut blocks = Vec::new();
    let groups = independent_sources(layers, story);
    if groups.len() <= DOCUMENT_COLUMNS {
        // sources × claims: one column per independent source, naming its documents
        headers.extend(groups.iter().map(|g| {
            let docs: Vec<String> = g.iter().map(|k| (k + 1).to_string()).collect();
            format!("doc {}", docs.join(" + "))
        }));
        let rows = list[..shown]
            .iter()
            .map(|c| {
                let mut row = vec![c.about.clone(), json_name(&c.status)];
                row.extend(groups.iter().map(|g| {
                    let any = |stance| g.iter().any(|&k| takes(c, &story.documents[k], stance));
                    match (any(Stance::Asserts), any(Stance::Denies)) {
                        (true, true) => "asserts, denies".into(),
                        (false, true) => "denies".into(),
                        (true, false) => "asserts".into(),
                        (false, false) => String::new(),
                    }
                }));
                row
            })
            .collect();
        blocks.push(Block::Table { headers, rows });
        blocks.push(Block::Paragraph(
            "One column per independent source: documents that copy one another (doc 1 + 4) \
             share a column. Numbers as in Sources above."
                .into(),
        ));
    } else {
        // too many documents for columns: who asserts and who denies, listed
        headers.extend(["asserted in".to_string(), "denied in".to_string()]);
        let rows = list[..shown]
            .iter()
            .map(|c| {
                let docs = |stance: Stance| {
                    let mut ids: Vec<&str> = story
                        .documents
                        .iter()
                        .filter(|d| takes(c, d, stance))
                        .map(String::as_str)
                        .collect();
                    ids.dedup();
                    ids.join(", ")
                };
                vec![
                    c.about.clone(),
                    json_name(&c.status),
                    docs(Stance::Asserts),
                    docs(Stance::Denies),
                ]
            })
            .collect();
        blocks.push(Block::Table { headers, rows });
    }
    if list.len() > shown {
        blocks.push(Block::Paragraph(format!(
            "… and {} more single-source claims (claims.csv has them all).",
            list.len() - shown
        )));
    }
    section("Claims", blocks)
}

/// The story's documents (by position) grouped into independent sources: documents linked by
/// any reuse are one source. Groups and their documents in the order of the story's list.
fn independent_sources(layers: &StoryLayers, story: &Story) -> Vec<Vec<usize>> {
    let ids: Vec<&str> = story.documents.iter().map(String::as_str).collect();
    let mut out: Vec<Vec<usize>> = Vec::new();
    let groups = independence_groups(&ids, layers.reuse.iter().copied());
    for (k, g) in groups.into_iter().enumerate() {
        match out.get_mut(g) {
            Some(group) => group.push(k),
            None => out.push(vec![k]),
        }
    }
    out
}

/// "A", "B", … then "side 27" onwards.
fn side_label(k: usize) -> String {
    match u8::try_from(k) {
        Ok(k) if k < 26 => char::from(b'A' + k).to_string(),
        _ => format!("side {}", k + 1),
    }
}

fn numbers(
    layers: &StoryLayers,
    story: &Story,
    name: &dyn Fn(&Option<String>) -> String,
) -> Vec<Block> {
    let rows: Vec<Vec<String>> = layers
        .numbers
        .iter()
        .map(|n| {
            let unit = n
                .unit
                .as_deref()
                .map_or(String::new(), |u| format!(" {}", unit_symbol(u)));
            let figures: Vec<String> = n
                .claims
                .iter()
                .map(|c| {
                    let side = match (&c.side, c.partisan) {
                        (Some(_), true) => format!(", {}'s own figure", name(&c.side)),
                        _ => String::new(),
                    };
                    format!(
                        "{} ({}{side}; {})",
                        c.text,
                        name(&c.claimant),
                        doc_label(story, &c.doc)
                    )
                })
                .collect();
            vec![
                n.about.clone(),
                format!("{}{unit}", figure(n.low)),
                format!("{}{unit}", figure(n.best)),
                format!("{}{unit}", figure(n.high)),
                figures.join("; "),
            ]
        })
        .collect();
    let headers = ["counted", "low", "best", "high", "figures"];
    let mut blocks = vec![table(&headers, rows)];
    if !layers.numbers.is_empty() {
        blocks.push(Block::Paragraph(
            "low is the lowest reported figure (ACLED's choice for fatalities); best is one of \
             the reported figures, those of sides not party to the fighting first and the latest \
             of each source, never an average; a side's own figure is marked as such."
                .into(),
        ));
    }
    section("Number bands", blocks)
}

/// "kilometre" → "km": units as a table shows them.
fn unit_symbol(unit: &str) -> &str {
    match unit {
        "kilometre" => "km",
        "metre" => "m",
        "mile" => "mi",
        other => other,
    }
}

/// A figure without needless decimals.
fn figure(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn entities(layers: &StoryLayers, name: &dyn Fn(&Option<String>) -> String) -> Vec<Block> {
    let mut seen: Vec<(&Entity, usize)> = layers.entities.values().copied().collect();
    seen.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e.name.clone()));
    let rows: Vec<Vec<String>> = seen
        .iter()
        .take(ENTITY_ROWS)
        .map(|&(e, n)| {
            vec![
                e.name.clone(),
                json_name(&e.kind),
                e.variants.join(" · "),
                e.roles.join("; "),
                name(&e.affiliation),
                n.to_string(),
            ]
        })
        .collect();
    let headers = [
        "entity",
        "type",
        "variants",
        "roles",
        "affiliation",
        "mentions",
    ];
    let mut blocks = vec![table(&headers, rows)];
    if seen.len() > ENTITY_ROWS {
        blocks.push(Block::Paragraph(format!(
            "… and {} more, less often named (analysis.json has them all).",
            seen.len() - ENTITY_ROWS
        )));
    }
    section("Entities", blocks)
}

fn copies(layers: &StoryLayers, story: &Story) -> Vec<Block> {
    let position = |id: &str| story.documents.iter().position(|d| d == id);
    let label = |id: &str| doc_label(story, id);
    // each relation once, the earlier-listed document first
    let mut pairs: Vec<(usize, usize, &str)> = layers
        .reuse
        .iter()
        .filter_map(|r| {
            let (a, b) = (position(&r.a)?, position(&r.b)?);
            Some((a.min(b), a.max(b), r.kind.phrase()))
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    let mut items: Vec<String> = pairs
        .iter()
        .map(|&(a, b, kind)| {
            format!(
                "{} {kind} {}",
                label(&story.documents[b]),
                label(&story.documents[a])
            )
        })
        .collect();
    let related: Vec<usize> = pairs.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    let alone: Vec<String> = (0..story.documents.len())
        .filter(|k| !related.contains(k))
        .map(|k| format!("doc {}", k + 1))
        .collect();
    if !alone.is_empty() {
        items.push(format!("copies of no other: {}", alone.join(", ")));
    }
    section(
        "Copies and independent sources",
        vec![
            Block::Paragraph(format!(
                "{}, {}: documents linked by any reuse (a copy, the same report, or shared \
                 passages) count as one source.",
                count(story.documents.len(), "document"),
                count(story.independent_sources, "independent source")
            )),
            Block::List(items),
        ],
    )
}

/// A heading and its blocks; a section with nothing in it says so.
fn section(title: &str, blocks: Vec<Block>) -> Vec<Block> {
    let empty = blocks.iter().all(|b| match b {
        Block::List(items) => items.is_empty(),
        Block::Table { rows, .. } => rows.is_empty(),
        _ => false,
    });
    let mut out = vec![Block::Heading(3, title.to_string())];
    if empty {
        out.push(Block::Paragraph("None found.".into()));
    } else {
        out.extend(blocks);
    }
    out
}

fn table(headers: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(documents: &[&str]) -> Story {
        Story {
            id: "story-1".into(),
            label: String::new(),
            documents: documents.iter().map(|d| d.to_string()).collect(),
            independent_sources: documents.len(),
            topic: "topic-1".into(),
        }
    }

    #[test]
    fn documents_are_named_by_their_row_in_the_sources_table() {
        let s = story(&["ledger_day1", "ledger_day10", "wire.rss#3"]);
        assert_eq!(
            with_doc_labels(
                &s,
                "12 — HCRD in ledger_day10, ledger_day1; 9 in wire.rss#3."
            ),
            "12 — HCRD in doc 2, doc 1; 9 in doc 3."
        );
        // citations come in table order, once each
        let ids: Vec<String> = ["wire.rss#3", "ledger_day1", "wire.rss#3", "elsewhere"]
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(doc_labels(&s, &ids), "doc 1, doc 3, elsewhere");
    }
}
