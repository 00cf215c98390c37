//! Stage 4, stories: documents clustered into stories, online — each document, in order of
//! publication, joins the best existing story or opens a new one.
//!
//! A document is a TF-IDF vector of stemmed content words plus the names it mentions (capitalised
//! words inside sentences count double: stories are about who and where). Candidate stories come
//! from an inverted index over the stories' strongest terms, so the cost per document stays flat
//! as the archive grows. Documents that reuse each other's text are always one story. Time matters:
//! a story that has gone quiet for weeks is a weaker match.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};

use crate::model::{Document, Story};

/// Tuning of the clustering. Defaults were set on ECB+ topics 1–20 only (see tests/stories.rs).
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Cosine similarity a document needs to join a story.
    pub join_threshold: f32,
    /// Terms kept per document vector.
    pub doc_terms: usize,
    /// Terms of a story's centroid that point to it in the index.
    pub index_terms: usize,
    /// Terms of a story's profile, the part of its centroid a document is compared with: a
    /// story's full centroid spreads thinner with every member, its profile does not.
    pub profile_terms: usize,
    /// Extra weight of a name (a capitalised word inside a sentence) over a plain word.
    pub name_weight: f32,
    /// IDF smoothing: idf = ln((N + k) / (df + k)) + 1. A small run (one story's coverage) has
    /// no statistics worth trusting, and k flattens its IDF; in a large archive k hardly matters.
    pub idf_smoothing: f32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            join_threshold: 0.25,
            doc_terms: 60,
            index_terms: 30,
            profile_terms: 100,
            name_weight: 2.0,
            idf_smoothing: 5.0,
        }
    }
}

/// Common English words that say nothing about what a story is about.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "according",
    "reported",
    "report",
    "week",
    "day",
    "days",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mr",
    "mrs",
    "ms",
    "people",
    "time",
    "first",
    "three",
    "four",
    "five",
    "back",
    "well",
    "around",
    "including",
];

thread_local! {
    /// One stemmer per thread: creating one is not free.
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
}

static STOPWORD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// The features of one document: weighted terms before IDF, and which word each stem was seen
/// as (so labels can show words, not stems).
/// Words as written → (weight, name weight, occurrences).
type Written<'a> = HashMap<&'a str, (f32, f32, u32)>;

fn add_words<'a>(text: &'a str, weight: f32, name_weight: f32, written: &mut Written<'a>) {
    let words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|raw| raw.trim_matches(|c| c == '\'' || c == '-'))
        .filter(|w| !w.is_empty());
    for (k, word) in words.enumerate() {
        if word.chars().count() < 3 || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let entry = written.entry(word).or_insert((0.0, 0.0, 0));
        entry.0 += weight;
        entry.2 += 1;
        // a capitalised word counts as a name too, except where it opens the text; words opening
        // later sentences are counted as names as well, and IDF absorbs most of that
        if k > 0 && word.chars().next().is_some_and(char::is_uppercase) {
            entry.1 += weight * name_weight;
        }
    }
}

fn term_counts(doc: &Document, name_weight: f32) -> (HashMap<String, f32>, Surfaces) {
    // words as written, with their weight, name weight and occurrences; each distinct word is
    // then stemmed once (stemming is the costly part)
    let mut written = Written::new();
    if let Some(title) = &doc.title {
        add_words(title, 2.0, name_weight, &mut written);
    }
    for heading in &doc.headings {
        add_words(heading, 1.0, name_weight, &mut written);
    }
    add_words(&doc.body, 1.0, name_weight, &mut written);

    let mut surfaces = Surfaces::new();
    let mut counts: HashMap<String, f32> = HashMap::new();
    for (word, (weight, name, occurrences)) in written {
        let lower = word.to_lowercase();
        if STOPWORD_SET.contains(lower.as_str()) {
            continue;
        }
        let stem = STEMMER.with(|stemmer| stemmer.stem(&lower).into_owned());
        *surfaces
            .entry(stem.clone())
            .or_default()
            .entry(word.to_string())
            .or_insert(0) += occurrences;
        *counts.entry(stem).or_insert(0.0) += weight;
        if name > 0.0 {
            *counts.entry(format!("@{lower}")).or_insert(0.0) += name;
        }
    }
    (counts, surfaces)
}

/// Stem → the words it stood for, with counts.
type Surfaces = HashMap<String, HashMap<String, u32>>;

/// The most frequent word a stem stood for.
fn surface<'a>(surfaces: &'a Surfaces, stem: &'a str) -> &'a str {
    surfaces
        .get(stem)
        .and_then(|forms| {
            forms
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(w, _)| w.as_str())
        })
        .unwrap_or(stem)
}

/// A sparse vector, L2-normalised, sorted by term id.
type Vector = Vec<(u32, f32)>;

fn cosine(a: &Vector, b: &HashMap<u32, f32>, b_norm: f32) -> f32 {
    if b_norm == 0.0 {
        return 0.0;
    }
    a.iter()
        .map(|(t, w)| w * b.get(t).copied().unwrap_or(0.0))
        .sum::<f32>()
        / b_norm
}

struct StoryState {
    centroid: HashMap<u32, f32>,
    /// The strongest `profile_terms` of the centroid, and their norm.
    profile: HashMap<u32, f32>,
    norm: f32,
    members: Vec<usize>,
    latest_day: Option<i64>,
}

impl StoryState {
    fn add(&mut self, v: &Vector, profile_terms: usize) {
        for (t, w) in v {
            *self.centroid.entry(*t).or_insert(0.0) += w;
        }
        self.profile = self
            .top_terms(profile_terms)
            .into_iter()
            .map(|t| (t, self.centroid[&t]))
            .collect();
        self.norm = self.profile.values().map(|w| w * w).sum::<f32>().sqrt();
    }

    fn top_terms(&self, n: usize) -> Vec<u32> {
        let mut terms: Vec<(u32, f32)> = self.centroid.iter().map(|(t, w)| (*t, *w)).collect();
        terms.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        terms.into_iter().take(n).map(|(t, _)| t).collect()
    }
}

fn day_number(doc: &Document) -> Option<i64> {
    let date = doc.published.as_deref()?;
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(d.num_days_from_ce() as i64)
}

use chrono::Datelike;

/// Clusters documents into stories. `groups[i]` is document i's independence group (from reuse);
/// documents of one group always share a story.
pub fn cluster(docs: &[Document], groups: &[usize], params: Params) -> Vec<Story> {
    // per document, so on all cores
    let featured: Vec<(HashMap<String, f32>, Surfaces)> = docs
        .par_iter()
        .map(|d| term_counts(d, params.name_weight))
        .collect();
    let mut surfaces = Surfaces::new();
    let mut counts = Vec::with_capacity(featured.len());
    for (c, local) in featured {
        for (stem, forms) in local {
            let merged = surfaces.entry(stem).or_default();
            for (form, n) in forms {
                *merged.entry(form).or_insert(0) += n;
            }
        }
        counts.push(c);
    }
    // vocabulary and document frequencies over the run
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    for c in &counts {
        for term in c.keys() {
            let id = *vocab.entry(term.clone()).or_insert_with(|| {
                df.push(0);
                (df.len() - 1) as u32
            });
            df[id as usize] += 1;
        }
    }
    let n = docs.len() as f32;
    let vectors: Vec<Vector> = counts
        .iter()
        .map(|c| {
            let mut v: Vector = c
                .iter()
                .map(|(term, tf)| {
                    let id = vocab[term];
                    let k = params.idf_smoothing;
                    let idf = ((n + k) / (df[id as usize] as f32 + k)).ln() + 1.0;
                    (id, (1.0 + tf.ln()) * idf)
                })
                .collect();
            v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            v.truncate(params.doc_terms);
            let norm = v
                .iter()
                .map(|(_, w)| w * w)
                .sum::<f32>()
                .sqrt()
                .max(f32::MIN_POSITIVE);
            v.iter_mut().for_each(|(_, w)| *w /= norm);
            v
        })
        .collect();

    // online: in order of publication (undated documents keep their input order, after dated ones
    // of the same position)
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| (day_number(&docs[i]).unwrap_or(i64::MAX), i));

    let mut stories: Vec<StoryState> = Vec::new();
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut story_of_group: HashMap<usize, usize> = HashMap::new();
    for &i in &order {
        let v = &vectors[i];
        let day = day_number(&docs[i]);
        let chosen = story_of_group.get(&groups[i]).copied().or_else(|| {
            let mut candidates: Vec<usize> = v
                .iter()
                .take(20)
                .flat_map(|(t, _)| index.get(t).into_iter().flatten().copied())
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates
                .into_iter()
                .map(|s| {
                    let story = &stories[s];
                    let mut sim = cosine(v, &story.profile, story.norm);
                    if let (Some(d), Some(last)) = (day, story.latest_day) {
                        let quiet = (d - last).abs() as f32;
                        if quiet > 7.0 {
                            sim *= (-(quiet - 7.0) / 60.0).exp();
                        }
                    }
                    (s, sim)
                })
                .filter(|&(_, sim)| sim >= params.join_threshold)
                .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
                .map(|(s, _)| s)
        });
        let s = chosen.unwrap_or_else(|| {
            stories.push(StoryState {
                centroid: HashMap::new(),
                profile: HashMap::new(),
                norm: 0.0,
                members: Vec::new(),
                latest_day: None,
            });
            stories.len() - 1
        });
        let story = &mut stories[s];
        let before: Vec<u32> = story.top_terms(params.index_terms);
        story.add(v, params.profile_terms);
        story.members.push(i);
        story.latest_day = story.latest_day.max(day);
        for t in story.top_terms(params.index_terms) {
            if !before.contains(&t) {
                index.entry(t).or_default().push(s);
            }
        }
        story_of_group.insert(groups[i], s);
    }

    let names: Vec<&String> = {
        let mut by_id: Vec<(&String, u32)> = vocab.iter().map(|(t, id)| (t, *id)).collect();
        by_id.sort_by_key(|(_, id)| *id);
        by_id.into_iter().map(|(t, _)| t).collect()
    };
    stories
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let mut members = s.members.clone();
            members.sort_unstable();
            let mut groups_seen: Vec<usize> = members.iter().map(|&i| groups[i]).collect();
            groups_seen.sort_unstable();
            groups_seen.dedup();
            Story {
                id: format!("story-{}", k + 1),
                label: label(s, &names, &surfaces),
                documents: members.iter().map(|&i| docs[i].id.clone()).collect(),
                independent_sources: groups_seen.len(),
            }
        })
        .collect()
}

/// Key names and terms of a story: its strongest names first, then other terms.
fn label(story: &StoryState, names: &[&String], surfaces: &Surfaces) -> String {
    let top = story.top_terms(12);
    let mut picked: Vec<String> = top
        .iter()
        .filter_map(|&t| names[t as usize].strip_prefix('@').map(capitalise))
        .take(3)
        .collect();
    for &t in &top {
        let term = names[t as usize];
        if picked.len() >= 5 {
            break;
        }
        if !term.starts_with('@')
            && !picked
                .iter()
                .any(|p| p.to_lowercase().starts_with(term.as_str()))
        {
            picked.push(surface(surfaces, term).to_string());
        }
    }
    picked.join(", ")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
