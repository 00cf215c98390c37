//! Stage 4, stories: documents clustered into stories, online — each document, in order of
//! publication, joins the best existing story or opens a new one.
//!
//! A document is a TF-IDF vector of stemmed content words plus the names it mentions (capitalised
//! words inside sentences count double: stories are about who and where). Candidate stories come
//! from an inverted index over the stories' strongest terms, so the cost per document stays flat
//! as the archive grows. Documents that reuse each other's text are always one story. Time matters:
//! a story that has gone quiet for weeks is a weaker match.

use std::cell::RefCell;
use std::collections::HashMap;

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::model::{Document, Story, Topic};

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
    /// Cosine similarity a story needs to join a topic (set on ECB+ topics 1–20, whose gold
    /// topics each hold two stories).
    pub topic_threshold: f32,
    /// Cosine similarity of a whole story with an earlier one for the two to become one.
    pub merge_threshold: f32,
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
            topic_threshold: 0.125,
            merge_threshold: 0.4,
        }
    }
}

thread_local! {
    /// One stemmer per thread: creating one is not free.
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    /// Term ids of words already seen on this thread: news repeats its words, and the stemmer is
    /// slow.
    static TERM_IDS: RefCell<TermIdCache> = RefCell::new(TermIdCache::default());
}

/// Lower-cased word → (stem's term id, name's term id), or None for a stopword.
type TermIdCache = FxHashMap<Box<str>, Option<(u32, u32)>>;

/// Words a thread remembers the term ids of before it starts afresh (a bound on memory).
const TERM_ID_CACHE: usize = 200_000;

/// A term is a stem or a name ("@" + the lower-cased word); its id is a hash, so documents are
/// featurised on all cores with no shared vocabulary. Two of a few hundred thousand terms may
/// share an id; that merges two rare words and moves no story. None for a stopword.
fn term_ids(word: &str, lower: &mut String) -> Option<(u32, u32)> {
    let lower: &str = if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        word
    } else {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        lower
    };
    TERM_IDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(&ids) = cache.get(lower) {
            return ids;
        }
        let ids = (!crate::lexicon::is_stopword(lower)).then(|| {
            let stem = STEMMER.with(|stemmer| xxh3_64(stemmer.stem(lower).as_bytes()) as u32);
            (stem, xxh3_64_with_seed(lower.as_bytes(), NAME_SEED) as u32)
        });
        if cache.len() >= TERM_ID_CACHE {
            cache.clear();
        }
        cache.insert(lower.into(), ids);
        ids
    })
}

/// Keeps name ids apart from stem ids.
const NAME_SEED: u64 = 0x6e61_6d65;

/// The words of a text that can be terms (three letters or more; numbers only as years), each
/// with its position among all the text's words.
fn term_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|raw| raw.trim_matches(|c| c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .enumerate()
        .filter(|(_, w)| {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                is_year(w)
            } else {
                w.len() >= 3 && (w.is_ascii() || w.chars().count() >= 3)
            }
        })
}

/// A year says which occurrence of a recurring kind of event a report is about (the 2011 floods,
/// not the 2019 ones); other numbers are too common to tell stories apart.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// A capitalised word inside a text counts as a name too; the text's first word does not. Words
/// opening later sentences are counted as names as well, and IDF absorbs most of that.
fn is_name_position(position: usize, word: &str) -> bool {
    position > 0 && word.chars().next().is_some_and(char::is_uppercase)
}

/// A document's texts with their weights: the title counts double.
fn weighted_texts(doc: &Document) -> impl Iterator<Item = (&str, f32)> {
    doc.title
        .iter()
        .map(|t| (t.as_str(), 2.0))
        .chain(doc.headings.iter().map(|h| (h.as_str(), 1.0)))
        .chain(std::iter::once((doc.body.as_str(), 1.0)))
}

/// A document's term weights before IDF, by term id.
fn term_counts(doc: &Document, name_weight: f32) -> Vec<(u32, f32)> {
    let mut weights: FxHashMap<u32, f32> = FxHashMap::default();
    let mut lower = String::new();
    for (text, weight) in weighted_texts(doc) {
        for (position, word) in term_words(text) {
            let Some((stem, name)) = term_ids(word, &mut lower) else {
                continue;
            };
            *weights.entry(stem).or_insert(0.0) += weight;
            if is_name_position(position, word) {
                *weights.entry(name).or_insert(0.0) += weight * name_weight;
            }
        }
    }
    let mut weights: Vec<(u32, f32)> = weights.into_iter().collect();
    weights.shrink_to_fit();
    weights
}

/// Per term id, in how many documents it occurs.
fn document_frequencies(weights: &[Vec<(u32, f32)>]) -> FxHashMap<u32, u32> {
    weights
        .par_iter()
        .fold(FxHashMap::default, |mut df: FxHashMap<u32, u32>, w| {
            for (t, _) in w {
                *df.entry(*t).or_insert(0) += 1;
            }
            df
        })
        .reduce(FxHashMap::default, |a, b| {
            // the smaller map goes into the larger
            let (mut into, from) = if a.len() < b.len() { (b, a) } else { (a, b) };
            for (t, n) in from {
                *into.entry(t).or_insert(0) += n;
            }
            into
        })
}

/// For the given term ids, the word most often written for each in `docs` (names keep their
/// capitals: "McAllister", not "Mcallister").
fn surface_forms(docs: &[&Document], wanted: &[u32]) -> FxHashMap<u32, String> {
    let mut counts: FxHashMap<u32, FxHashMap<&str, u32>> = FxHashMap::default();
    let mut lower = String::new();
    for doc in docs {
        for (text, _) in weighted_texts(doc) {
            for (_, word) in term_words(text) {
                let Some((stem, name)) = term_ids(word, &mut lower) else {
                    continue;
                };
                for id in [stem, name] {
                    if wanted.contains(&id) {
                        *counts.entry(id).or_default().entry(word).or_insert(0) += 1;
                    }
                }
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(id, forms)| {
            let best = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
            Some((id, best.0.to_string()))
        })
        .collect()
}

/// Whether a term id is a name's (the same word's name id is what `term_ids` gives).
fn is_name(id: u32, word: &str) -> bool {
    term_ids(word, &mut String::new()).is_some_and(|(_, name)| name == id)
}

/// A sparse vector, L2-normalised.
type Vector = Vec<(u32, f32)>;

fn cosine(a: &Vector, b: &FxHashMap<u32, f32>, b_norm: f32) -> f32 {
    if b_norm == 0.0 {
        return 0.0;
    }
    a.iter()
        .map(|(t, w)| w * b.get(t).copied().unwrap_or(0.0))
        .sum::<f32>()
        / b_norm
}

/// A story's centroid keeps at most this many times `profile_terms` terms; past that its weakest
/// terms go. That bounds a long-running story's memory and the cost of adding to it.
const CENTROID_CAP: usize = 4;

#[derive(Default)]
struct StoryState {
    centroid: FxHashMap<u32, f32>,
    /// The strongest `profile_terms` of the centroid, and their norm.
    profile: FxHashMap<u32, f32>,
    norm: f32,
    /// The terms under which the story is in the candidate index.
    indexed: Vec<u32>,
    members: Vec<usize>,
    earliest_day: Option<i64>,
    latest_day: Option<i64>,
}

impl StoryState {
    fn add(&mut self, v: &Vector, params: &Params) {
        for (t, w) in v {
            *self.centroid.entry(*t).or_insert(0.0) += w;
        }
        if self.centroid.len() > CENTROID_CAP * params.profile_terms {
            let keep: FxHashMap<u32, f32> = self
                .top_terms(CENTROID_CAP / 2 * params.profile_terms)
                .into_iter()
                .map(|t| (t, self.centroid[&t]))
                .collect();
            self.centroid = keep;
        }
        self.profile = self
            .top_terms(params.profile_terms)
            .into_iter()
            .map(|t| (t, self.centroid[&t]))
            .collect();
        self.norm = self.profile.values().map(|w| w * w).sum::<f32>().sqrt();
    }

    /// Widens the span of publication days to take in `first`..`last`.
    fn extend_span(&mut self, first: Option<i64>, last: Option<i64>) {
        self.earliest_day = match (self.earliest_day, first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.latest_day = self.latest_day.max(last);
    }

    /// Takes in another story's documents and terms.
    fn absorb(&mut self, other: StoryState, params: &Params) {
        let terms: Vector = other.centroid.into_iter().collect();
        self.add(&terms, params);
        self.members.extend(other.members);
        self.extend_span(other.earliest_day, other.latest_day);
    }

    /// The `n` strongest terms, strongest first (ties by id, so runs are repeatable).
    fn top_terms(&self, n: usize) -> Vec<u32> {
        let mut terms: Vec<(u32, f32)> = self.centroid.iter().map(|(t, w)| (*t, *w)).collect();
        let order = |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        if terms.len() > n && n > 0 {
            terms.select_nth_unstable_by(n - 1, order);
            terms.truncate(n);
        }
        terms.sort_by(order);
        terms.into_iter().take(n).map(|(t, _)| t).collect()
    }
}

/// Days a story may stay quiet before matches with it weaken, and how fast they then weaken.
const QUIET_DAYS: f32 = 7.0;
const DECAY_DAYS: f32 = 60.0;

fn decayed(sim: f32, quiet_days: f32) -> f32 {
    if quiet_days > QUIET_DAYS {
        sim * (-(quiet_days - QUIET_DAYS) / DECAY_DAYS).exp()
    } else {
        sim
    }
}

fn day_number(doc: &Document) -> Option<i64> {
    let date = doc.published.as_deref()?;
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(d.num_days_from_ce() as i64)
}

use chrono::Datelike;

/// TF-IDF vectors of each document's strongest `doc_terms` terms, L2-normalised.
fn vectors(docs: &[Document], params: &Params) -> Vec<Vector> {
    let weights: Vec<Vec<(u32, f32)>> = docs
        .par_iter()
        .map(|d| term_counts(d, params.name_weight))
        .collect();
    let df = document_frequencies(&weights);
    let n = docs.len() as f32;
    let k = params.idf_smoothing;
    weights
        .into_par_iter()
        .map(|w| {
            let mut v: Vector = w
                .into_iter()
                .map(|(id, tf)| {
                    let idf = ((n + k) / (df[&id] as f32 + k)).ln() + 1.0;
                    (id, (1.0 + tf.ln()) * idf)
                })
                .collect();
            v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            v.truncate(params.doc_terms);
            v.shrink_to_fit();
            normalise(&mut v);
            v
        })
        .collect()
}

/// Term → stories indexed under it. Stories quiet for so long that no document can join them any
/// more move from the live index to the archive, which only undated documents search: so the
/// cost per document follows the number of live stories, not the size of the archive.
#[derive(Default)]
struct StoryIndex {
    live: FxHashMap<u32, Vec<usize>>,
    archived: FxHashMap<u32, Vec<usize>>,
}

impl StoryIndex {
    /// Indexes story `s` under those of its strongest terms it is not yet indexed under.
    fn insert(&mut self, s: usize, story: &mut StoryState, params: &Params) {
        for t in story.top_terms(params.index_terms) {
            if !story.indexed.contains(&t) {
                story.indexed.push(t);
                self.live.entry(t).or_default().push(s);
            }
        }
    }

    /// Candidate stories for a vector's strongest terms. With a day, dead stories met on the way
    /// are archived.
    fn candidates(
        &mut self,
        v: &Vector,
        day: Option<i64>,
        stories: &[StoryState],
        dead_after: f32,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        for (t, _) in v.iter().take(20) {
            if let Some(postings) = self.live.get_mut(t) {
                if let Some(day) = day {
                    let archived = &mut self.archived;
                    postings.retain(|&s| {
                        let dead = stories[s]
                            .latest_day
                            .is_some_and(|last| (day - last) as f32 > dead_after);
                        if dead {
                            archived.entry(*t).or_default().push(s);
                        }
                        !dead
                    });
                }
                found.extend_from_slice(postings);
            }
            if day.is_none() {
                found.extend(self.archived.get(t).into_iter().flatten());
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Clusters documents into stories. `groups[i]` is document i's independence group (from reuse);
/// documents of one group always share a story.
pub fn cluster(docs: &[Document], groups: &[usize], params: Params) -> Clustering {
    let vectors = vectors(docs, &params);
    let days: Vec<Option<i64>> = docs.iter().map(day_number).collect();
    // a match decays below the threshold after this many quiet days, whatever its similarity
    let dead_after = QUIET_DAYS + DECAY_DAYS * (1.0 / params.join_threshold).ln();

    // online: in order of publication (undated documents keep their input order, after dated ones)
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| (days[i].unwrap_or(i64::MAX), i));

    let mut stories: Vec<StoryState> = Vec::new();
    let mut index = StoryIndex::default();
    let mut story_of_group: HashMap<usize, usize> = HashMap::new();
    for &i in &order {
        let v = &vectors[i];
        let day = days[i];
        let chosen = story_of_group.get(&groups[i]).copied().or_else(|| {
            index
                .candidates(v, day, &stories, dead_after)
                .into_iter()
                .map(|s| {
                    let story = &stories[s];
                    let mut sim = cosine(v, &story.profile, story.norm);
                    if let (Some(d), Some(last)) = (day, story.latest_day) {
                        sim = decayed(sim, (d - last).abs() as f32);
                    }
                    (s, sim)
                })
                .filter(|&(_, sim)| sim >= params.join_threshold)
                .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
                .map(|(s, _)| s)
        });
        let s = chosen.unwrap_or_else(|| {
            stories.push(StoryState::default());
            stories.len() - 1
        });
        let story = &mut stories[s];
        story.add(v, &params);
        story.members.push(i);
        story.extend_span(day, day);
        index.insert(s, story, &params);
        story_of_group.insert(groups[i], s);
    }

    let stories = merge_fragments(stories, &params);
    let topics = group_topics(&stories, &params);
    let mut topic_of = vec![0; stories.len()];
    for (t, topic) in topics.iter().enumerate() {
        for &s in &topic.members {
            topic_of[s] = t;
        }
    }
    let sources = |members: &mut dyn Iterator<Item = usize>| {
        let mut seen: Vec<usize> = members.map(|i| groups[i]).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    let story_list: Vec<Story> = stories
        .par_iter()
        .enumerate()
        .map(|(k, s)| {
            let mut members = s.members.clone();
            members.sort_unstable();
            Story {
                id: story_id(k),
                label: label(&s.top_terms(12), sample(s.members.iter().copied(), docs)),
                documents: members.iter().map(|&i| docs[i].id.clone()).collect(),
                independent_sources: sources(&mut members.iter().copied()),
                topic: topic_id(topic_of[k]),
            }
        })
        .collect();
    let topic_list: Vec<Topic> = topics
        .par_iter()
        .enumerate()
        .map(|(k, t)| {
            let documents = || {
                t.members
                    .iter()
                    .flat_map(|&s| stories[s].members.iter().copied())
            };
            Topic {
                id: topic_id(k),
                label: label(&t.top_terms(12), sample(documents(), docs)),
                stories: t.members.iter().map(|&s| story_id(s)).collect(),
                documents: documents().count(),
                independent_sources: sources(&mut documents()),
            }
        })
        .collect();
    Clustering {
        stories: story_list,
        topics: topic_list,
    }
}

/// Online clustering decides on a story's first reports, when its profile is thinnest; a local
/// paper's angle on an event can then open a story of its own. Once every document is placed,
/// each story joins an earlier one that ran in the same days and whose whole profile it matches.
/// Without dates there is no such evidence: undated stories alike in words are as often two
/// occurrences of one kind of event (two quakes on one island), and are left apart.
fn merge_fragments(mut stories: Vec<StoryState>, params: &Params) -> Vec<StoryState> {
    // stories were opened in order of publication, so each one's candidates are the stories
    // still running when it began; the index archives the others as it goes
    let mut index = StoryIndex::default();
    for story in &mut stories {
        story.indexed.clear();
    }
    for k in 0..stories.len() {
        let Some(first_day) = stories[k].earliest_day else {
            continue;
        };
        let v = story_vector(&stories[k], params.doc_terms);
        let best = index
            .candidates(&v, Some(first_day), &stories, QUIET_DAYS)
            .into_iter()
            .map(|t| (t, cosine(&v, &stories[t].profile, stories[t].norm)))
            .filter(|&(_, sim)| sim >= params.merge_threshold)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        let target = match best {
            Some((t, _)) => {
                let fragment = std::mem::take(&mut stories[k]);
                stories[t].absorb(fragment, params);
                t
            }
            None => k,
        };
        index.insert(target, &mut stories[target], params);
    }
    stories.retain(|s| !s.members.is_empty());
    stories
}

/// Stories and the topics they are grouped into.
#[derive(Debug, Clone, Default)]
pub struct Clustering {
    pub stories: Vec<Story>,
    pub topics: Vec<Topic>,
}

fn story_id(k: usize) -> String {
    format!("story-{}", k + 1)
}

fn topic_id(k: usize) -> String {
    format!("topic-{}", k + 1)
}

/// Stories grouped into topics: stories whose profiles are alike, whenever they happened (a
/// league's season, a public figure's years in the news). Each story in turn joins the most
/// similar topic or opens one; a topic is built like a story, its members being stories.
fn group_topics(stories: &[StoryState], params: &Params) -> Vec<StoryState> {
    let mut topics: Vec<StoryState> = Vec::new();
    let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (s, story) in stories.iter().enumerate() {
        let v = story_vector(story, params.doc_terms);
        let mut candidates: Vec<usize> = v
            .iter()
            .take(20)
            .flat_map(|(term, _)| index.get(term).into_iter().flatten().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let chosen = candidates
            .into_iter()
            .map(|t| (t, cosine(&v, &topics[t].profile, topics[t].norm)))
            .filter(|&(_, sim)| sim >= params.topic_threshold)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
            .map(|(t, _)| t);
        let t = chosen.unwrap_or_else(|| {
            topics.push(StoryState::default());
            topics.len() - 1
        });
        let topic = &mut topics[t];
        topic.add(&v, params);
        topic.members.push(s);
        for term in topic.top_terms(params.index_terms) {
            if !topic.indexed.contains(&term) {
                topic.indexed.push(term);
                index.entry(term).or_default().push(t);
            }
        }
    }
    topics
}

/// A story's strongest `n` terms as a normalised vector.
fn story_vector(story: &StoryState, n: usize) -> Vector {
    let mut v: Vector = story
        .top_terms(n)
        .into_iter()
        .map(|t| (t, story.centroid[&t]))
        .collect();
    normalise(&mut v);
    v
}

/// Scales a vector to unit length (an empty one stays empty).
fn normalise(v: &mut Vector) {
    let norm = v
        .iter()
        .map(|(_, w)| w * w)
        .sum::<f32>()
        .sqrt()
        .max(f32::MIN_POSITIVE);
    v.iter_mut().for_each(|(_, w)| *w /= norm);
}

/// Documents a label's words are read from: its strongest terms occur in most of them.
const LABEL_DOCUMENTS: usize = 3;

fn sample(members: impl Iterator<Item = usize>, docs: &[Document]) -> Vec<&Document> {
    members.take(LABEL_DOCUMENTS).map(|i| &docs[i]).collect()
}

/// Key names and terms of a story or topic (its strongest terms, `top`): names first, then other
/// terms, as written in `sample`.
fn label(top: &[u32], sample: Vec<&Document>) -> String {
    let forms = surface_forms(&sample, top);
    let words: Vec<(&str, bool)> = top
        .iter()
        .filter_map(|t| forms.get(t).map(|w| (w.as_str(), is_name(*t, w))))
        .collect();
    let mut picked: Vec<String> = words
        .iter()
        .filter(|(_, name)| *name)
        .map(|(w, _)| capitalise(w))
        .take(3)
        .collect();
    for (word, name) in &words {
        if picked.len() >= 5 {
            break;
        }
        let lower = word.to_lowercase();
        if !name && !picked.iter().any(|p| p.to_lowercase() == lower) {
            picked.push(word.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_document;

    const FLOOD: &str = "Floodwater from the Talvin river swept through Lorn after the dam gave way, and rescuers in boats searched the flooded streets for families.";
    const MATCH: &str = "Harbourside Rovers beat Marlow Athletic two goals to one in the cup final, with a late header from their captain.";

    fn dated(id: &str, body: &str, published: Option<&str>) -> Document {
        let mut doc = test_document(id, body);
        doc.published = published.map(String::from);
        doc
    }

    fn story_of(stories: &[Story], id: &str) -> String {
        stories
            .iter()
            .find(|s| s.documents.iter().any(|d| d == id))
            .map(|s| s.id.clone())
            .expect("every document is in a story")
    }

    #[test]
    fn a_story_quiet_for_months_is_not_joined_but_an_undated_report_can_join_it() {
        let docs = vec![
            dated("first", FLOOD, Some("2025-03-01")),
            dated("next-day", FLOOD, Some("2025-03-02")),
            dated("sport", MATCH, Some("2025-03-02")),
            dated("a-year-on", FLOOD, Some("2026-03-01")),
            dated("undated", FLOOD, None),
        ];
        let groups: Vec<usize> = (0..docs.len()).collect();
        let stories = cluster(&docs, &groups, Params::default()).stories;
        assert_eq!(story_of(&stories, "first"), story_of(&stories, "next-day"));
        assert_ne!(story_of(&stories, "first"), story_of(&stories, "sport"));
        assert_ne!(story_of(&stories, "first"), story_of(&stories, "a-year-on"));
        // with no date, nothing says the old story is over: it joins the best match, archived or not
        let undated = story_of(&stories, "undated");
        assert!(
            undated == story_of(&stories, "first") || undated == story_of(&stories, "a-year-on")
        );
    }

    #[test]
    fn copies_share_a_story_and_count_as_one_source() {
        let docs = vec![
            dated("wire", FLOOD, Some("2025-03-01")),
            dated("copy", MATCH, Some("2025-03-01")),
            dated("own", FLOOD, Some("2025-03-02")),
        ];
        // "copy" is in the wire's independence group, whatever its words say
        let stories = cluster(&docs, &[0, 0, 1], Params::default()).stories;
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].documents.len(), 3);
        assert_eq!(stories[0].independent_sources, 2);
    }

    #[test]
    fn labels_show_names_as_written() {
        let docs = vec![dated("a", FLOOD, None), dated("b", FLOOD, None)];
        let stories = cluster(&docs, &[0, 1], Params::default()).stories;
        assert_eq!(stories.len(), 1);
        let label = &stories[0].label;
        assert!(
            label.contains("Talvin") && label.contains("Lorn"),
            "{label}"
        );
    }

    /// A story of the given documents' terms (ids), published from day `first` to `last`.
    fn story_of_terms(members: &[usize], terms: &[u32], span: Option<(i64, i64)>) -> StoryState {
        let mut story = StoryState::default();
        let mut v: Vector = terms.iter().map(|&t| (t, 1.0)).collect();
        normalise(&mut v);
        story.add(&v, &Params::default());
        story.members = members.to_vec();
        if let Some((first, last)) = span {
            story.extend_span(Some(first), Some(last));
        }
        story
    }

    #[test]
    fn a_fragment_joins_a_story_of_the_same_days_but_undated_or_later_look_alikes_do_not() {
        let terms = [1, 2, 3, 4, 5, 6];
        let stories = vec![
            story_of_terms(&[0, 1], &terms, Some((100, 101))),
            story_of_terms(&[2], &[9, 10, 11], Some((100, 100))),
            // the same words, the next day: a fragment of the first story
            story_of_terms(&[3], &terms[..5], Some((102, 102))),
            // the same words months later: another occurrence of the same kind of event
            story_of_terms(&[4], &terms, Some((200, 201))),
            // the same words with no date: nothing says it happened in the same days
            story_of_terms(&[5], &terms, None),
        ];
        let merged = merge_fragments(stories, &Params::default());
        let members: Vec<Vec<usize>> = merged.iter().map(|s| s.members.clone()).collect();
        assert_eq!(members, vec![vec![0, 1, 3], vec![2], vec![4], vec![5]]);
        assert_eq!(
            (merged[0].earliest_day, merged[0].latest_day),
            (Some(100), Some(102))
        );
    }

    #[test]
    fn stories_months_apart_on_one_subject_share_a_topic() {
        let docs = vec![
            dated("spring", FLOOD, Some("2025-03-01")),
            dated("sport", MATCH, Some("2025-03-02")),
            dated("autumn", FLOOD, Some("2025-10-01")),
        ];
        let clustering = cluster(&docs, &[0, 1, 2], Params::default());
        let stories = &clustering.stories;
        assert_ne!(story_of(stories, "spring"), story_of(stories, "autumn"));
        let topic_of = |id: &str| {
            let story = story_of(stories, id);
            stories
                .iter()
                .find(|s| s.id == story)
                .unwrap()
                .topic
                .clone()
        };
        assert_eq!(topic_of("spring"), topic_of("autumn"));
        assert_ne!(topic_of("spring"), topic_of("sport"));
        let topic = clustering
            .topics
            .iter()
            .find(|t| t.id == topic_of("spring"))
            .unwrap();
        assert_eq!((topic.stories.len(), topic.documents), (2, 2));
    }
}
