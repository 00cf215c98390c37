//! Numbers: every figure of a story keyed by what it counts or measures, banded low / best /
//! high, and the figures that cannot all be right.
//!
//! Two casualty counts conflict only when both are said of the same period: seven dead on one
//! night and 350 over a week are not at odds. A count's period is the time its sentence gives,
//! else the day its article was published: a toll is "so far", as of the report, so 12 dead on
//! Tuesday and 23 on Friday are a toll that rose, while 12 and "dozens" on one day are at odds.
//! A distance to a named place does not change with time, so two distances conflict whenever
//! their ranges cannot meet.
//!
//! A vague amount keeps ACLED's conventional value ("dozens" 12) for bands, but what its words
//! allow is at least two of its unit: "dozens" does not confirm 12, and 12 does not meet it.

use std::collections::BTreeMap;

use super::Run;
use crate::model::{
    Approximation, ClaimStatement, Contradiction, ContradictionKind, DateRange, NumberBand,
    NumberClaim, Side, Stance,
};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// People or things counted.
    Count,
    /// A distance, in kilometres.
    Length,
}

/// One figure of a story, placed and keyed.
#[derive(Debug, Clone)]
pub struct Measured {
    /// Index into the run's quantities.
    pub quantity: usize,
    pub doc: usize,
    pub dimension: Dimension,
    /// Figures with the same key speak of the same thing.
    pub key: String,
    /// The key in words ("Lorn fighters killed", "distance north of Tarnby").
    pub about: String,
    /// The value in the dimension's unit, and the range the wording allows.
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub window: Option<DateRange>,
    /// The period the figure is said of: its sentence's time, else its article's day.
    pub as_of: Option<DateRange>,
    pub claimant: Option<usize>,
    pub party: Option<usize>,
    pub sentences: (usize, usize),
}

/// What happened to the counted, by the stem of the word that says it.
const OUTCOMES: &[(&str, &str)] = &[
    ("kill", "killed"),
    ("dead", "killed"),
    ("die", "killed"),
    ("death", "killed"),
    ("slain", "killed"),
    ("injur", "injured"),
    ("wound", "injured"),
    ("hurt", "injured"),
    ("captur", "captured"),
    ("seiz", "captured"),
    ("arrest", "arrested"),
    ("detain", "arrested"),
    ("displac", "displaced"),
    ("fled", "displaced"),
    ("flee", "displaced"),
    ("missing", "missing"),
    ("abduct", "abducted"),
    ("kidnap", "abducted"),
    ("bodies", "killed"),
];

/// Nouns for people in general, no side or trade named: a toll of them is a toll of people.
const PEOPLE_AT_LARGE: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "residents",
    "inhabitants",
    "neighbours",
    "neighbors",
    "villagers",
    "townspeople",
];

/// Words that end the counted phrase ("killed in a clash").
const PREPOSITIONS: &[&str] = &[
    "in", "by", "with", "at", "on", "from", "during", "after", "near", "across", "over", "for",
    "since", "to", "while", "and", "as",
];

/// Nouns (without a plural s) of spans of time and of measures that have no band of their own.
const SPANS_AND_MEASURES: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "centimetre",
    "centimeter",
    "millimetre",
    "millimeter",
    "inche", // "inches" less its s
    "feet",
    "foot",
    "degree",
    "percent",
    "per",
];

/// Compass words a distance is given along.
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Kilometres per unit of length.
const LENGTHS: &[(&str, f64)] = &[("kilometre", 1.0), ("mile", 1.609_344), ("metre", 0.001)];

/// The smallest figure without an outcome that still counts something worth a band (a force's
/// strength, a crowd): small counts without an outcome are "two sides", "three fronts".
const LEAST_BARE_COUNT: f64 = 10.0;

/// The figures of story `s` that count or measure something nameable.
pub fn measure(run: &Run, s: usize) -> Vec<Measured> {
    let mut out = Vec::new();
    for &q in &run.quantities_of[s] {
        let quantity = &run.analysis.quantities[q];
        let Some(d) = run.doc(&quantity.doc) else {
            continue;
        };
        let sentences = run.sentences_around(d, quantity.start, quantity.end);
        let claimant = quantity.claimant.as_deref().and_then(|id| run.entity(id));
        let named = named_in(run, d, quantity.end, sentences.1, &quantity.what);
        let keyed = match quantity.unit.as_deref() {
            None => count_key(run, &quantity.what, &named, quantity.value, quantity.vague),
            Some(unit) => length_key(run, unit, &quantity.what, &named),
        };
        let Some((dimension, key, about, scale)) = keyed else {
            continue;
        };
        let value = quantity.value * scale;
        let (low, high) = if quantity.vague {
            // "dozens": a plural of a unit is two of them or more
            (2.0 * value, f64::INFINITY)
        } else {
            range(
                dimension,
                quantity.approx,
                value,
                quantity.low.map(|v| v * scale),
                quantity.high.map(|v| v * scale),
            )
        };
        let window = run.time_near(d, sentences, (quantity.start, quantity.end));
        out.push(Measured {
            quantity: q,
            doc: d,
            dimension,
            key,
            about,
            value,
            low,
            high,
            window,
            as_of: window.or_else(|| run.published_days(d)),
            claimant,
            party: claimant.map(|k| run.party[k]),
            sentences,
        });
    }
    one_name_per_key(&mut out);
    out
}

/// Figures of one key may word what they count differently ("people confirmed killed", "people
/// killed"): all take the wording most of them use, the shorter on a tie.
fn one_name_per_key(measured: &mut [Measured]) {
    let mut chosen: BTreeMap<String, String> = BTreeMap::new();
    for members in by_key(measured).values() {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &k in members {
            *counts.entry(measured[k].about.as_str()).or_default() += 1;
        }
        let best = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.len().cmp(&a.0.len())))
            .map(|(about, _)| about.to_string());
        if let Some(best) = best {
            chosen.insert(measured[members[0]].key.clone(), best);
        }
    }
    for m in measured.iter_mut() {
        if let Some(about) = chosen.get(&m.key) {
            m.about.clone_from(about);
        }
    }
}

/// Entities named in the counted phrase: mentions after the number in its sentence whose text
/// the phrase holds.
fn named_in(run: &Run, d: usize, from: usize, to: usize, what: &str) -> Vec<usize> {
    let body = &run.analysis.documents[d].body;
    run.mentions[d]
        .iter()
        .filter(|&&(s, e, _)| s >= from && e <= to && what.contains(&body[s..e]))
        .map(|&(_, _, k)| k)
        .collect()
}

type Keyed = (Dimension, String, String, f64);

/// "Lorn fighters killed in a clash" → killed | Lorn. A named victim is the key; else the
/// phrase's first noun ("members"). Counts with no outcome need a size to be worth a band.
fn count_key(run: &Run, what: &str, named: &[usize], value: f64, vague: bool) -> Option<Keyed> {
    let words: Vec<&str> = what
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let outcome_at = words.iter().position(|w| outcome_of(w).is_some());
    let outcome = outcome_at.and_then(|k| outcome_of(words[k])).unwrap_or("");
    if outcome.is_empty() && value < LEAST_BARE_COUNT && !vague {
        return None;
    }
    let phrase: Vec<&str> = match outcome_at {
        Some(k) if k > 0 => words[..k].to_vec(),
        Some(k) => words[k + 1..].to_vec(),
        None => words,
    };
    let phrase: Vec<&str> = phrase
        .into_iter()
        .take_while(|w| !PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .collect();
    let entities = &run.analysis.entities;
    let phrase_text = phrase.join(" ");
    let victim = named
        .iter()
        .find(|&&k| {
            let e = &entities[k];
            std::iter::once(&e.name)
                .chain(&e.variants)
                .any(|v| phrase_text.contains(v.as_str()))
        })
        .copied();
    // "up from 12 a day earlier": a count is followed by what it counts, not by an article
    let after_article = phrase
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"));
    if after_article && outcome.is_empty() {
        return None;
    }
    let (key, shown) = match victim {
        Some(k) => (entities[k].id.clone(), phrase_text.clone()),
        None => {
            // "people confirmed dead": a participle is what was said of the counted, not it
            let noun = phrase.iter().find(|w| {
                let lower = w.to_lowercase();
                !crate::lexicon::is_stopword(&lower) && !is_participle(&lower)
            });
            // "31 were missing", "19 killed": an outcome said of no noun is said of people
            let noun = match noun {
                Some(noun) => *noun,
                None if !outcome.is_empty() => "people",
                None => return None,
            };
            let lower = noun.to_lowercase();
            let mut stem = lower.strip_suffix('s').unwrap_or(&lower).to_string();
            // "dozens of our neighbours dead", "twelve residents killed": people at large
            if !outcome.is_empty() && PEOPLE_AT_LARGE.contains(&lower.as_str()) {
                stem = "people".to_string();
            }
            // "twelve minutes after", "twenty centimetres of water": a span of time or a
            // measure, not people or things counted
            if outcome.is_empty() && SPANS_AND_MEASURES.contains(&stem.as_str()) {
                return None;
            }
            // "people confirmed killed" reads "people killed"
            let words: Vec<&str> = phrase
                .iter()
                .copied()
                .filter(|w| outcome.is_empty() || !is_participle(&w.to_lowercase()))
                .collect();
            let shown = if words.is_empty() {
                noun.to_string()
            } else {
                words.join(" ")
            };
            (stem, shown)
        }
    };
    let about = if outcome.is_empty() {
        shown
    } else {
        format!("{shown} {outcome}")
    };
    Some((
        Dimension::Count,
        format!("count|{outcome}|{key}"),
        about,
        1.0,
    ))
}

/// A word shaped like a verb's participle ("confirmed", "including"); short words ("bed",
/// "king") are left as nouns.
fn is_participle(lower: &str) -> bool {
    lower.len() > 4 && (lower.ends_with("ed") || lower.ends_with("ing"))
}

fn outcome_of(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    OUTCOMES
        .iter()
        .find(|(stem, _)| lower.starts_with(stem))
        .map(|&(_, outcome)| outcome)
}

/// "90 miles north of Tarnby" → distance | north | Tarnby, in kilometres.
fn length_key(run: &Run, unit: &str, what: &str, named: &[usize]) -> Option<Keyed> {
    let scale = LENGTHS.iter().find(|(u, _)| *u == unit)?.1;
    let lower = what.to_lowercase();
    let direction = lower
        .split_whitespace()
        .find(|w| DIRECTIONS.contains(w))?
        .to_string();
    let place = *named.first()?;
    let entity = &run.analysis.entities[place];
    Some((
        Dimension::Length,
        format!("length|{direction}|{}", entity.id),
        format!("distance {direction} of {}", entity.name),
        scale,
    ))
}

/// The range a figure's wording allows. Stated distances are rounded: an exact one may be 5%
/// off, an "about" one 10%.
fn range(
    dimension: Dimension,
    approx: Approximation,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
) -> (f64, f64) {
    let rounding = match dimension {
        Dimension::Count => 0.0,
        Dimension::Length => 0.05,
    };
    match approx {
        Approximation::Exact => (
            low.unwrap_or(value * (1.0 - rounding)),
            high.unwrap_or(value * (1.0 + rounding)),
        ),
        Approximation::About => (value * 0.9, value * 1.1),
        Approximation::AtLeast | Approximation::Over => (value, f64::INFINITY),
        Approximation::AtMost | Approximation::Under => (0.0, value),
    }
}

/// Whether two figures' ranges meet: both can be right.
pub fn meet(a: &Measured, b: &Measured) -> bool {
    a.low <= b.high && b.low <= a.high
}

/// Whether two figures confirm each other: both can be right and they state about the same
/// value ("at least seven" and "135" can both be right, but neither confirms the other).
pub fn agree(a: &Measured, b: &Measured) -> bool {
    meet(a, b) && (a.value - b.value).abs() <= 0.1 * a.value.abs().max(b.value.abs())
}

pub fn same_period(a: &Measured, b: &Measured) -> bool {
    match (a.dimension, a.as_of, b.as_of) {
        (Dimension::Length, _, _) => true,
        (Dimension::Count, Some(x), Some(y)) => x.start <= y.end && y.start <= x.end,
        _ => false,
    }
}

/// A band per counted or measured thing.
pub fn bands(run: &Run, story: &str, measured: &[Measured]) -> Vec<NumberBand> {
    let s = run.story_of[measured.first().map_or(0, |m| m.doc)];
    let belligerents: &[usize] = s.map_or(&[], |s| &run.belligerents[s]);
    by_key(measured)
        .into_values()
        .map(|members| {
            let values: Vec<f64> = members.iter().map(|&k| measured[k].value).collect();
            let low = values.iter().copied().fold(f64::INFINITY, f64::min);
            let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let first = &measured[members[0]];
            NumberBand {
                id: String::new(),
                story: story.to_string(),
                about: first.about.clone(),
                unit: (first.dimension == Dimension::Length).then(|| "kilometre".to_string()),
                low,
                best: best_of(run, measured, &members, belligerents),
                high,
                lowest_reported: low,
                claims: members
                    .iter()
                    .map(|&k| number_claim(run, &measured[k], belligerents))
                    .collect(),
            }
        })
        .collect()
}

pub fn by_key(measured: &[Measured]) -> BTreeMap<&str, Vec<usize>> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, m) in measured.iter().enumerate() {
        groups.entry(m.key.as_str()).or_default().push(k);
    }
    groups
}

/// The best estimate is one of the reported figures, never an average of two claims (UCDP's
/// practice): the figures of those not party to the fighting when there are any; of each voice
/// (a claimant, else an independence group speaking for itself) the latest, as a toll raised
/// over the days replaces the earlier one; of those the lower median. A vague amount is a floor,
/// not an estimate, and counts only when no figure was given.
fn best_of(run: &Run, measured: &[Measured], members: &[usize], belligerents: &[usize]) -> f64 {
    let neutral: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&k| !measured[k].party.is_some_and(|p| belligerents.contains(&p)))
        .collect();
    let candidates = if neutral.is_empty() {
        members.to_vec()
    } else {
        neutral
    };
    // "dozens" stands at its conventional floor: no estimate while a figure was given
    let vague = |k: &usize| run.analysis.quantities[measured[*k].quantity].vague;
    let candidates: Vec<usize> = if candidates.iter().all(vague) {
        candidates
    } else {
        candidates.into_iter().filter(|k| !vague(k)).collect()
    };
    let published = |k: usize| run.analysis.documents[measured[k].doc].published.as_deref();
    let mut latest: BTreeMap<(Option<usize>, Option<usize>), usize> = BTreeMap::new();
    for &k in &candidates {
        let voice = match measured[k].claimant {
            Some(c) => (Some(run.speaking_for(c)), None),
            None => (None, Some(run.groups[measured[k].doc])),
        };
        let newer = latest
            .get(&voice)
            .is_none_or(|&j| published(k) > published(j));
        if newer {
            latest.insert(voice, k);
        }
    }
    let mut values: Vec<f64> = latest.values().map(|&k| measured[k].value).collect();
    values.sort_by(f64::total_cmp);
    values
        .get(values.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(0.0)
}

fn number_claim(run: &Run, m: &Measured, belligerents: &[usize]) -> NumberClaim {
    let q = &run.analysis.quantities[m.quantity];
    NumberClaim {
        quantity: q.id.clone(),
        doc: q.doc.clone(),
        text: q.text.clone(),
        value: q.value,
        approx: q.approx,
        claimant: m.claimant.map(|k| run.entity_id(k)),
        partisan: m.party.is_some_and(|p| belligerents.contains(&p)),
        side: m
            .party
            .filter(|p| belligerents.contains(p))
            .map(|p| run.entity_id(p)),
        window: m.window,
    }
}

/// The figures of one counted thing split by the period they are said of: figures whose
/// periods meet, directly or through others, are one period, in the order first seen; figures
/// of no known period are one more.
fn periods(measured: &[Measured], members: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &k in members {
        let meeting: Vec<usize> = (0..out.len())
            .filter(|&p| {
                out[p].iter().any(|&j| {
                    let (a, b) = (&measured[j], &measured[k]);
                    same_period(a, b) || (a.as_of.is_none() && b.as_of.is_none())
                })
            })
            .collect();
        match meeting.split_first() {
            None => out.push(vec![k]),
            Some((&into, rest)) => {
                // periods this figure bridges become one
                for &p in rest.iter().rev() {
                    let moved = out.remove(p);
                    out[into].extend(moved);
                }
                out[into].push(k);
            }
        }
    }
    out
}

/// The figures of each counted or measured thing, split by the period they are said of.
pub fn by_thing_and_period(measured: &[Measured]) -> Vec<Vec<usize>> {
    by_key(measured)
        .into_values()
        .flat_map(|members| periods(measured, &members))
        .collect()
}

/// What a figure counts, with the period it is said of for a count: "people killed, 2026-11-10".
pub fn about_in_period(m: &Measured) -> String {
    match (m.dimension, m.as_of) {
        (Dimension::Count, Some(d)) if d.start == d.end => format!("{}, {}", m.about, d.start),
        (Dimension::Count, Some(d)) => format!("{}, {}..{}", m.about, d.start, d.end),
        _ => m.about.clone(),
    }
}

/// Figures for the same thing and period whose ranges cannot meet, as sides that each hold
/// figures that agree among themselves.
pub fn conflicts(
    run: &Run,
    story: &str,
    measured: &[Measured],
    each_period: &[Vec<usize>],
) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for members in each_period {
        let members = members.as_slice();
        let at_odds = |a: usize, b: usize| {
            let (x, y) = (&measured[a], &measured[b]);
            (x.doc != y.doc || x.claimant != y.claimant) && same_period(x, y) && !meet(x, y)
        };
        let involved: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&a| members.iter().any(|&b| at_odds(a, b)))
            .collect();
        if involved.is_empty() {
            continue;
        }
        let mut sides: Vec<Vec<usize>> = Vec::new();
        for &k in &involved {
            match sides
                .iter_mut()
                .find(|side| side.iter().all(|&j| !at_odds(j, k)))
            {
                Some(side) => side.push(k),
                None => sides.push(vec![k]),
            }
        }
        out.push(Contradiction {
            id: String::new(),
            story: story.to_string(),
            kind: ContradictionKind::Numbers,
            about: about_in_period(&measured[involved[0]]),
            sides: sides
                .iter()
                .map(|side| Side {
                    claimant: side
                        .iter()
                        .find_map(|&k| measured[k].party)
                        .map(|p| run.entity_id(p)),
                    statements: side.iter().map(|&k| statement(run, &measured[k])).collect(),
                })
                .collect(),
        });
    }
    out
}

/// A figure's sentences as evidence.
pub fn statement(run: &Run, m: &Measured) -> ClaimStatement {
    let doc = &run.analysis.documents[m.doc];
    ClaimStatement {
        doc: doc.id.clone(),
        start: m.sentences.0,
        end: m.sentences.1,
        text: doc.body[m.sentences.0..m.sentences.1].trim().to_string(),
        claimant: m.claimant.map(|k| run.entity_id(k)),
        claimant_text: None,
        stance: Stance::Asserts,
    }
}
