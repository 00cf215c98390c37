//! CSV exports, streamed to any writer (a run's claims alone can be hundreds of MB): events in ACLED-like columns, quotes, and claims (one row per statement).

use std::collections::HashMap;
use std::io::Write;

use crate::model::{json_name, Analysis, Entity, Quantity};

use super::timeline::precision;

/// Words in a quantity's counted phrase that make it a death toll.
const FATALITY_WORDS: &[&str] = &["kill", "dead", "die", "death", "slain"];

fn names(analysis: &Analysis) -> HashMap<&str, &Entity> {
    analysis
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect()
}

fn name_of(names: &HashMap<&str, &Entity>, id: Option<&str>) -> String {
    id.and_then(|id| names.get(id))
        .map_or(String::new(), |e| e.name.clone())
}

/// event_date, time_precision, event_type, actor1, actor2, location, fatalities, source, notes.
/// Fatalities are the lowest death toll stated in the event's sentence (ACLED's practice).
pub fn events_csv(analysis: &Analysis, out: impl Write) -> Result<(), csv::Error> {
    let names = names(analysis);
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "event_date",
        "time_precision",
        "event_type",
        "actor1",
        "actor2",
        "location",
        "fatalities",
        "source",
        "notes",
        "date_source",
        "event_id",
        "story",
    ])?;
    let story_of = analysis.story_of_document();
    let mut quantities_of: HashMap<&str, Vec<&Quantity>> = HashMap::new();
    for q in &analysis.quantities {
        quantities_of.entry(q.doc.as_str()).or_default().push(q);
    }
    for e in &analysis.events {
        let doc = e.evidence.first().map_or("", |x| x.doc.as_str());
        let fatalities = quantities_of
            .get(doc)
            .into_iter()
            .flatten()
            .filter(|q| e.summary.contains(q.text.as_str()))
            .filter(|q| {
                let what = q.what.to_lowercase();
                FATALITY_WORDS.iter().any(|w| what.contains(w))
            })
            .map(|q| q.value)
            .fold(None, |low: Option<f64>, v| {
                Some(low.map_or(v, |l| l.min(v)))
            });
        let actor = |k: usize| {
            let id = if k == 0 { &e.actor } else { &e.target };
            name_of(&names, id.as_deref())
        };
        w.write_record([
            e.date.map_or(String::new(), |d| d.start.to_string()),
            e.date.map_or(String::new(), |d| precision(d).to_string()),
            e.kind.clone(),
            actor(0),
            actor(1),
            name_of(&names, e.place.as_deref()),
            fatalities.map_or(String::new(), |f| format!("{f:.0}")),
            doc.to_string(),
            e.summary.split_whitespace().collect::<Vec<_>>().join(" "),
            e.date_source.clone().unwrap_or_default(),
            e.id.clone(),
            story_of.get(doc).map_or(String::new(), |s| s.to_string()),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn quotes_csv(analysis: &Analysis, out: impl Write) -> Result<(), csv::Error> {
    let names = names(analysis);
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "quote_id",
        "doc",
        "speaker",
        "speaker_id",
        "speaker_text",
        "via",
        "kind",
        "cue",
        "text",
        "start",
        "end",
    ])?;
    for q in &analysis.quotes {
        w.write_record([
            q.id.clone(),
            q.doc.clone(),
            name_of(&names, q.speaker.as_deref()),
            q.speaker.clone().unwrap_or_default(),
            q.speaker_text.clone().unwrap_or_default(),
            q.via.clone().unwrap_or_default(),
            json_name(&q.kind),
            q.cue.clone(),
            q.text.clone(),
            q.start.to_string(),
            q.end.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// One row per statement of a claim.
pub fn claims_csv(analysis: &Analysis, out: impl Write) -> Result<(), csv::Error> {
    let names = names(analysis);
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "claim_id",
        "story",
        "about",
        "status",
        "independent_sources",
        "doc",
        "stance",
        "claimant",
        "text",
        "start",
        "end",
    ])?;
    for c in &analysis.claims {
        for s in &c.statements {
            w.write_record([
                c.id.clone(),
                c.story.clone(),
                c.about.clone(),
                json_name(&c.status),
                c.independent_sources.to_string(),
                s.doc.clone(),
                json_name(&s.stance),
                name_of(&names, s.claimant.as_deref()),
                s.text.clone(),
                s.start.to_string(),
                s.end.to_string(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
