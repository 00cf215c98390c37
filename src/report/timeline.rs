//! A story's dated happenings in order: one entry per happening (same kind and date, and the
//! same place where both name one, across documents), with how precise its date is and whether
//! only an article's date gives it.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Analysis, DateRange, TimelineEntry};

/// Story, kind, date range, dated only by its article.
type Happening<'a> = (&'a str, &'a str, (NaiveDate, NaiveDate), bool);

pub fn build(analysis: &Analysis) -> Vec<TimelineEntry> {
    let story_of = analysis.story_of_document();
    let mut entries: Vec<TimelineEntry> = Vec::new();
    // one sentence telling of two happenings ("killed in a clash") is one entry; one happening
    // (kind, place, date) told by several documents is one entry with all of them
    let mut by_sentence: HashMap<(&str, &str), usize> = HashMap::new();
    // each happening's entries with their places: a place left unsaid matches any
    let mut by_happening: HashMap<Happening, Vec<(Option<&str>, usize)>> = HashMap::new();
    // a passage two documents share, dated by neither's text, is one happening told no later
    // than the first of them
    let mut by_shared_text: HashMap<(&str, String), usize> = HashMap::new();
    for event in &analysis.events {
        let (Some(date), Some(first)) = (event.date, event.evidence.first()) else {
            continue;
        };
        if event.kind == "statement" {
            continue;
        }
        let Some(&story) = story_of.get(first.doc.as_str()) else {
            continue;
        };
        let by_article = event.date_source.as_deref() == Some("article");
        let sentence = (first.doc.as_str(), event.summary.as_str());
        if let Some(&k) = by_sentence
            .get(&sentence)
            .filter(|&&k| entries[k].date == Some(date))
        {
            let entry = &mut entries[k];
            if !entry.kind.split(", ").any(|x| x == event.kind) {
                entry.kind = format!("{}, {}", entry.kind, event.kind);
            }
            continue;
        }
        // only passages dated by their article are matched by text
        let text = by_article.then(|| (story, normalised(&event.summary)));
        if let Some(&k) = text.as_ref().and_then(|t| by_shared_text.get(t)) {
            let entry = &mut entries[k];
            if !entry.sources.contains(&first.doc) {
                entry.sources.push(first.doc.clone());
            }
            if entry.date.is_some_and(|d| date.start < d.start) {
                entry.date = Some(date);
                entry.precision = precision(date).to_string();
            }
            by_sentence.insert(sentence, k);
            continue;
        }
        let happening = (
            story,
            event.kind.as_str(),
            (date.start, date.end),
            by_article,
        );
        let place = event.place.as_deref();
        let same = by_happening.get(&happening).and_then(|entries| {
            entries
                .iter()
                .find(|(p, _)| p.is_none() || place.is_none() || *p == place)
                .map(|&(_, k)| k)
        });
        let k = match same {
            Some(k) => {
                if !entries[k].sources.contains(&first.doc) {
                    entries[k].sources.push(first.doc.clone());
                }
                k
            }
            None => {
                entries.push(TimelineEntry {
                    story: story.to_string(),
                    event: event.id.clone(),
                    kind: event.kind.clone(),
                    date: Some(date),
                    precision: precision(date).to_string(),
                    dated_by_article: by_article,
                    summary: event.summary.clone(),
                    sources: vec![first.doc.clone()],
                });
                by_happening
                    .entry(happening)
                    .or_default()
                    .push((place, entries.len() - 1));
                entries.len() - 1
            }
        };
        by_sentence.insert(sentence, k);
        if let Some(text) = text {
            by_shared_text.entry(text).or_insert(k);
        }
    }
    let mut out = entries;
    // dates said in the text before those only the article gives, within a day
    out.sort_by(|a, b| {
        (
            a.story.as_str(),
            a.date.map(|d| d.start),
            a.dated_by_article,
        )
            .cmp(&(
                b.story.as_str(),
                b.date.map(|d| d.start),
                b.dated_by_article,
            ))
    });
    out
}

/// A sentence for comparing: its words in lower case, single-spaced.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How precise a date range is, by its length.
pub fn precision(date: DateRange) -> &'static str {
    match (date.end - date.start).num_days() {
        0 => "day",
        1..=6 => "days",
        7..=13 => "week",
        14..=31 => "month",
        _ => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn precision_follows_the_range() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2031, 3, d).unwrap();
        let range = |a, b| DateRange {
            start: day(a),
            end: day(b),
        };
        assert_eq!(precision(range(2, 2)), "day");
        assert_eq!(precision(range(2, 4)), "days");
        assert_eq!(precision(range(1, 8)), "week");
        assert_eq!(precision(range(1, 31)), "month");
    }
}
