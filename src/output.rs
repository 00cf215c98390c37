//! The output edge: `analysis.json` and the short summary printed after a run.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::model::{json_name, Analysis};
use crate::report;

/// Writes `DIR/analysis.json` (creating DIR), atomically: a crash never leaves half a file.
/// Compact unless `pretty`: indenting makes a large run's file about 1.6 times bigger.
pub fn write_analysis(
    analysis: &Analysis,
    dir: &Path,
    pretty: bool,
) -> anyhow::Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("{}: cannot create output directory ({e})", dir.display()))?;
    write_atomically(dir, "analysis.json", |w| {
        if pretty {
            serde_json::to_writer_pretty(&mut *w, analysis)?;
        } else {
            serde_json::to_writer(&mut *w, analysis)?;
        }
        w.write_all(b"\n")?;
        Ok(())
    })
}

/// Writes the reports beside `analysis.json`: `report.md`, a self-contained `report.html`, and
/// `events.csv` (ACLED-like columns), `quotes.csv`, `claims.csv`. Returns the paths written.
pub fn write_reports(analysis: &Analysis, dir: &Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let layout = report::layout::report(analysis);
    let mut written = Vec::new();
    for (name, text) in [
        ("report.md", report::render::markdown(&layout)),
        ("report.html", report::render::html(&layout)),
    ] {
        written.push(write_atomically(dir, name, |w| {
            Ok(w.write_all(text.as_bytes())?)
        })?);
    }
    drop(layout);
    type Table = fn(&Analysis, &mut BufWriter<File>) -> Result<(), csv::Error>;
    let tables: [(&str, Table); 3] = [
        ("events.csv", |a, w| report::tables::events_csv(a, w)),
        ("quotes.csv", |a, w| report::tables::quotes_csv(a, w)),
        ("claims.csv", |a, w| report::tables::claims_csv(a, w)),
    ];
    for (name, table) in tables {
        written.push(write_atomically(dir, name, |w| Ok(table(analysis, w)?))?);
    }
    Ok(written)
}

/// Writes `dir/name` through a temporary file renamed into place: a crash never leaves half a
/// file.
fn write_atomically(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut BufWriter<File>) -> anyhow::Result<()>,
) -> anyhow::Result<std::path::PathBuf> {
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.partial"));
    let cannot = |at: &Path, e: &dyn std::fmt::Display| {
        anyhow::anyhow!("{}: cannot write ({e})", at.display())
    };
    let file = File::create(&tmp).map_err(|e| cannot(&tmp, &e))?;
    let mut w = BufWriter::new(file);
    write(&mut w).map_err(|e| cannot(&tmp, &e))?;
    w.flush().map_err(|e| cannot(&tmp, &e))?;
    drop(w);
    std::fs::rename(&tmp, &path).map_err(|e| cannot(&path, &e))?;
    Ok(path)
}

/// Every entity with its type, variants, and the documents it was seen in (with mention counts).
pub fn entity_table(analysis: &Analysis) -> String {
    let mut out = format!("{} entities\n", analysis.entities.len());
    for e in &analysis.entities {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for m in &e.mentions {
            match seen.iter_mut().find(|(d, _)| *d == m.doc) {
                Some(entry) => entry.1 += 1,
                None => seen.push((&m.doc, 1)),
            }
        }
        let kind = json_name(&e.kind);
        out.push_str(&format!(
            "  {:<32} {:<12} {}\n      seen in: {}\n",
            e.name,
            kind,
            e.variants.join(" | "),
            seen.iter()
                .map(|(d, n)| format!("{d} ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

/// A few lines a person reads after a run.
pub fn summary(analysis: &Analysis) -> String {
    let docs = &analysis.documents;
    let mut out = String::new();
    let dated = docs.iter().filter(|d| d.published.is_some()).count();
    let titled = docs.iter().filter(|d| d.title.is_some()).count();
    let english = docs.iter().filter(|d| d.analysed).count();
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    out.push_str(&format!(
        "{} documents ({} English, {} with a title, {} dated), {} sentences; {} input problems\n",
        docs.len(),
        english,
        titled,
        dated,
        sentences,
        analysis.problems.len()
    ));
    if !analysis.entities.is_empty() {
        let undated_placed = docs
            .iter()
            .filter(|d| d.published.is_none() && d.published_earliest.is_some())
            .count();
        out.push_str(&format!(
            "{} entities, {} quotes, {} quantities, {} time expressions ({} resolved), {} events; \
             {} undated documents placed by their copies and stories\n",
            analysis.entities.len(),
            analysis.quotes.len(),
            analysis.quantities.len(),
            analysis.times.len(),
            analysis
                .times
                .iter()
                .filter(|t| t.resolved.is_some())
                .count(),
            analysis.events.len(),
            undated_placed
        ));
    }
    if !analysis.stories.is_empty() {
        out.push_str(&format!(
            "{} stories in {} topics, {} reuse links\n",
            analysis.stories.len(),
            analysis.topics.len(),
            analysis.reuse.len()
        ));
        for story in analysis.stories.iter().take(30) {
            out.push_str(&format!(
                "  {} — {} ({} documents, {} independent sources; {})\n",
                story.id,
                story.label,
                story.documents.len(),
                story.independent_sources,
                story.topic
            ));
            for id in story.documents.iter().take(20) {
                let copies: Vec<String> = analysis
                    .reuse
                    .iter()
                    .filter_map(|r| {
                        let other = if r.a == *id {
                            &r.b
                        } else if r.b == *id {
                            &r.a
                        } else {
                            return None;
                        };
                        Some(format!("{} {}", r.kind.phrase(), other))
                    })
                    .collect();
                let copies = if copies.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", copies.join("; "))
                };
                out.push_str(&format!("      {id}{copies}\n"));
            }
        }
    }
    for d in docs.iter().take(50) {
        out.push_str(&format!(
            "  {:<28} {:<10} {:<3} {}\n",
            truncate(&d.id, 28),
            d.published.as_deref().unwrap_or("-"),
            d.language,
            truncate(d.title.as_deref().unwrap_or("(no title)"), 70)
        ));
    }
    if docs.len() > 50 {
        out.push_str(&format!("  … and {} more\n", docs.len() - 50));
    }
    out
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
