//! Stage 4, stories: documents clustered into stories through a neighbour graph — each document
//! links to the documents most like it, and a story is a community of that graph.
//!
//! A document is a TF-IDF vector of stemmed content words plus the names it mentions (capitalised
//! words inside sentences count double: stories are about who and where). Neighbours come from an
//! inverted index, a dated document reading only the postings of its own days, so the cost per
//! document stays flat as the archive grows. Time matters: a link between reports weeks apart is
//! weaker, and a story that falls silent for months is over. Documents that reuse each other's
//! text are always one story. Stories on one subject at any time are grouped into topics.

use std::cell::RefCell;

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::model::{Document, Story, Topic};

mod graph;

/// Tuning of the clustering. Defaults were set on ECB+ topics 1–20 only (see tests/stories.rs).
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Neighbours each document links to in the story graph.
    pub neighbours: usize,
    /// Cosine similarity (after time apart has weakened it) two documents need to be linked.
    pub link_threshold: f32,
    /// Modularity resolution of the story graph's communities: below 1 favours larger stories.
    pub resolution: f64,
    /// Terms kept per document vector.
    pub doc_terms: usize,
    /// Terms of a topic's centroid that point to it in the topic index.
    pub index_terms: usize,
    /// Terms of a story's or topic's profile, the part of its centroid that is compared: a full
    /// centroid spreads thinner with every member, its profile does not.
    pub profile_terms: usize,
    /// Extra weight of a name (a capitalised word inside a sentence) over a plain word.
    pub name_weight: f32,
    /// IDF smoothing: idf = ln((N + k) / (df + k)) + 1. A small run (one story's coverage) has
    /// no statistics worth trusting, and k flattens its IDF; in a large archive k hardly matters.
    pub idf_smoothing: f32,
    /// Cosine similarity a story needs to join a topic (set on ECB+ topics 1–20, whose gold
    /// topics each hold two stories).
    pub topic_threshold: f32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            neighbours: 4,
            link_threshold: 0.15,
            resolution: 0.5,
            doc_terms: 60,
            index_terms: 30,
            profile_terms: 100,
            name_weight: 2.0,
            idf_smoothing: 5.0,
            topic_threshold: 0.1,
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
        self.accumulate(v);
        self.refresh(params);
    }

    /// Adds a vector to the centroid without bringing the profile up to date.
    fn accumulate(&mut self, v: &Vector) {
        for (t, w) in v {
            *self.centroid.entry(*t).or_insert(0.0) += w;
        }
    }

    /// Prunes an overgrown centroid and recomputes the profile and its norm.
    fn refresh(&mut self, params: &Params) {
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

/// Clusters documents into stories. `groups[i]` is document i's independence group (from reuse);
/// documents of one group always share a story.
///
/// Each document links to its most similar documents (found through an inverted index over their
/// terms, so the cost per document stays flat as the archive grows); time apart weakens a link.
/// Stories are the communities of that graph, a group of copies being one node; a community whose
/// reports fall silent for so long that no link could span the silence is two stories.
pub fn cluster(docs: &[Document], groups: &[usize], params: Params) -> Clustering {
    let vectors = vectors(docs, &params);
    let days: Vec<Option<i64>> = docs.iter().map(day_number).collect();
    let mut time_order: Vec<usize> = (0..docs.len()).collect();
    time_order.sort_by_key(|&i| (days[i].unwrap_or(i64::MAX), i));
    let dated: Vec<bool> = days.iter().map(Option::is_some).collect();
    let near = graph::nearest(
        &vectors,
        &time_order,
        &dated,
        params.neighbours,
        params.link_threshold,
        |i, j, sim| match (days[i], days[j]) {
            (Some(a), Some(b)) => decayed(sim, (a - b).abs() as f32),
            _ => sim,
        },
    );
    // copies are one witness: one node, their links to each other its loop
    let (node_of, nodes) = nodes_of_groups(groups);
    let mut story_graph = graph::Graph::with_nodes(nodes);
    let mut doc_links: Vec<Vec<(usize, f32)>> = vec![Vec::new(); docs.len()];
    for (i, list) in near.iter().enumerate() {
        for &(j, sim) in list {
            // a link both ends found counts once
            let mutual = near[j].iter().any(|&(x, _)| x == i);
            if mutual && j < i {
                continue;
            }
            story_graph.link(node_of[i], node_of[j], f64::from(sim));
            doc_links[i].push((j, sim));
            doc_links[j].push((i, sim));
        }
    }
    let community = graph::communities(&story_graph, params.resolution);
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut story_of_community: FxHashMap<usize, usize> = FxHashMap::default();
    // stories numbered in order of publication of their first report
    for &i in &time_order {
        let next = members.len();
        let s = *story_of_community
            .entry(community[node_of[i]])
            .or_insert(next);
        if s == next {
            members.push(Vec::new());
        }
        members[s].push(i);
    }
    // a gap no link can span: quiet for that long, a story is over
    let gap = QUIET_DAYS + DECAY_DAYS * (1.0 / params.link_threshold).ln();
    let build = |members: Vec<usize>| {
        let mut story = StoryState::default();
        for &i in &members {
            story.accumulate(&vectors[i]);
            story.extend_span(days[i], days[i]);
        }
        story.refresh(&params);
        story.members = members;
        story
    };
    let mut fragments: Vec<StoryState> = members
        .into_iter()
        .flat_map(|m| split_at_silences(m, &days, &doc_links, groups, gap))
        .map(build)
        .collect();
    let mut stories = Vec::new();
    for parts in merge_fragments(&fragments, &doc_links, &params) {
        if let [one] = parts[..] {
            stories.push(std::mem::take(&mut fragments[one]));
        } else {
            let mut merged: Vec<usize> = parts
                .iter()
                .flat_map(|&s| fragments[s].members.iter().copied())
                .collect();
            merged.sort_by_key(|&i| (days[i].unwrap_or(i64::MAX), i));
            stories.push(build(merged));
        }
    }
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
                label: label(
                    &by_coverage(s.top_terms(12), &s.members, docs),
                    sample(s.members.iter().copied(), docs),
                ),
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

/// Modularity cuts a component where its links thin out, and a local paper's angle on an event,
/// or the day-after analysis, can be such a place. Two stories that ran in the same days, are
/// linked by their reports and match in their whole profiles are one event: they become one.
/// Without dates there is no such evidence (undated look-alikes are as often two occurrences of
/// one kind of event), and they stay apart. Returns the stories' indices, grouped, in order of
/// each group's first story.
fn merge_fragments(
    stories: &[StoryState],
    links: &[Vec<(usize, f32)>],
    params: &Params,
) -> Vec<Vec<usize>> {
    let mut story_of = vec![0; links.len()];
    for (s, story) in stories.iter().enumerate() {
        for &i in &story.members {
            story_of[i] = s;
        }
    }
    let mut linked: Vec<(usize, usize)> = links
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.iter().map(move |&(j, _)| (i, j)))
        .map(|(i, j)| (story_of[i].min(story_of[j]), story_of[i].max(story_of[j])))
        .filter(|(a, b)| a != b)
        .collect();
    linked.sort_unstable();
    linked.dedup();
    let same_days = |a: &StoryState, b: &StoryState| match (
        a.earliest_day,
        a.latest_day,
        b.earliest_day,
        b.latest_day,
    ) {
        (Some(a0), Some(a1), Some(b0), Some(b1)) => {
            (b0 - a1) as f32 <= QUIET_DAYS && (a0 - b1) as f32 <= QUIET_DAYS
        }
        _ => false,
    };
    let mut parent: Vec<usize> = (0..stories.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (a, b) in linked {
        let (sa, sb) = (&stories[a], &stories[b]);
        if !same_days(sa, sb) {
            continue;
        }
        let v = story_vector(sb, params.doc_terms);
        if cosine(&v, &sa.profile, sa.norm) >= MERGE_THRESHOLD {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let roots: Vec<usize> = (0..stories.len()).map(|s| root(&mut parent, s)).collect();
    let group_of = graph::renumber(&roots);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); group_of.iter().max().map_or(0, |m| m + 1)];
    for (s, &g) in group_of.iter().enumerate() {
        groups[g].push(s);
    }
    groups
}

/// Cosine similarity of two same-days stories' profiles for them to be one.
const MERGE_THRESHOLD: f32 = 0.4;

/// Independence groups numbered 0..: each document's node, and the number of nodes.
fn nodes_of_groups(groups: &[usize]) -> (Vec<usize>, usize) {
    let node_of = graph::renumber(groups);
    let nodes = node_of.iter().max().map_or(0, |m| m + 1);
    (node_of, nodes)
}

/// A community's documents (in order of publication) cut where its dated reports fall silent for
/// more than `gap` days. An undated report goes with the part it is most linked to (the first part
/// when it has no link); copies stay together, in the part of their first report.
fn split_at_silences(
    members: Vec<usize>,
    days: &[Option<i64>],
    links: &[Vec<(usize, f32)>],
    groups: &[usize],
    gap: f32,
) -> Vec<Vec<usize>> {
    let mut part_of: FxHashMap<usize, usize> = FxHashMap::default();
    let mut parts = 0;
    let mut last_day: Option<i64> = None;
    for &i in &members {
        if let Some(day) = days[i] {
            if last_day.is_some_and(|last| (day - last) as f32 > gap) {
                parts += 1;
            }
            last_day = Some(day);
            part_of.insert(i, parts);
        }
    }
    if parts == 0 {
        return vec![members];
    }
    let mut split = vec![Vec::new(); parts + 1];
    let mut part_of_group: FxHashMap<usize, usize> = FxHashMap::default();
    for &i in &members {
        let part = *part_of_group.entry(groups[i]).or_insert_with(|| {
            part_of.get(&i).copied().unwrap_or_else(|| {
                let mut weight = vec![0.0f32; parts + 1];
                for &(j, w) in &links[i] {
                    if let Some(&p) = part_of.get(&j) {
                        weight[p] += w;
                    }
                }
                (0..=parts)
                    .max_by(|&a, &b| weight[a].total_cmp(&weight[b]).then(b.cmp(&a)))
                    .unwrap_or(0)
            })
        });
        split[part].push(i);
    }
    split.retain(|p| !p.is_empty());
    split
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

/// Members a label's term coverage is counted over: enough to tell a story's constants from its
/// episodes, few enough to stay cheap in a story of a million reports.
const COVERAGE_SAMPLE: usize = 50;

/// A story's strongest terms, those most of its documents use first: the name every report of a
/// dam's failure gives the dam ranks above a town only some of them visit, though the rarer name
/// weighs more by its inverse document frequency (strength breaks ties).
fn by_coverage(top: Vec<u32>, members: &[usize], docs: &[Document]) -> Vec<u32> {
    // one or two reports cover every term they share alike: no need to read them again
    if members.len() < 3 {
        return top;
    }
    let mut coverage = vec![0usize; top.len()];
    for &i in members.iter().take(COVERAGE_SAMPLE) {
        let terms = term_counts(&docs[i], 1.0);
        for (k, term) in top.iter().enumerate() {
            if terms.iter().any(|(t, _)| t == term) {
                coverage[k] += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize, u32)> = top
        .into_iter()
        .enumerate()
        .map(|(rank, t)| (coverage[rank], rank, t))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().map(|(_, _, t)| t).collect()
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
    let names: Vec<String> = words
        .iter()
        .filter(|(_, name)| *name)
        .map(|(w, _)| capitalise(w))
        .take(6)
        .collect();
    let others: Vec<String> = words
        .iter()
        .filter(|(_, name)| !*name)
        .map(|(w, _)| w.to_lowercase())
        .collect();
    let mut picked: Vec<String> = whole_names(names, &others, &sample)
        .into_iter()
        .take(3)
        .collect();
    for (word, name) in &words {
        if picked.len() >= 5 {
            break;
        }
        let lower = word.to_lowercase();
        let shown = picked
            .iter()
            .any(|p| p.split_whitespace().any(|w| w.to_lowercase() == lower));
        if !name && !shown {
            picked.push(word.to_string());
        }
    }
    picked.join(", ")
}

/// Name words of a label joined into the names the sample writes them in: "Lorn" and "Ferry"
/// are "Lorn Ferry" when the sample writes them so, and "Corrabel" is "Corrabel Dam" when "dam"
/// is among the label's other words. The name written most often goes first; a name stands where
/// its first name word stood.
fn whole_names(words: Vec<String>, others: &[String], sample: &[&Document]) -> Vec<String> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for doc in sample {
        for (text, _) in weighted_texts(doc) {
            for name in capitalised_runs(text) {
                *counts.entry(name).or_default() += 1;
            }
        }
    }
    let mut names: Vec<(String, usize)> = counts
        .into_iter()
        .filter(|(text, _)| {
            let parts: Vec<String> = text.split(' ').map(str::to_lowercase).collect();
            parts.iter().any(|p| lower.contains(p))
                && parts
                    .iter()
                    .all(|p| lower.contains(p) || others.contains(p))
        })
        .collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // each word's slot: its own word, or the whole name it now stands in
    let mut slots: Vec<Option<String>> = words.into_iter().map(Some).collect();
    for (name, _) in names {
        let parts: Vec<usize> = name
            .split(' ')
            .filter_map(|p| lower.iter().position(|w| *w == p.to_lowercase()))
            .collect();
        // a word already standing in a name does not join a second one
        if parts.is_empty() || parts.iter().any(|&k| slots[k].is_none()) {
            continue;
        }
        let first = *parts.iter().min().expect("not empty");
        for &k in &parts {
            slots[k] = None;
        }
        slots[first] = Some(name);
    }
    slots.into_iter().flatten().collect()
}

/// Every stretch of two to four capitalised words in a row (no punctuation between them), as
/// written: the names a label's words may belong to.
fn capitalised_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        for start in 0..run.len() {
            for end in start + 2..=(start + 4).min(run.len()) {
                out.push(run[start..end].join(" "));
            }
        }
        run.clear();
    };
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphanumeric() || c == '-');
        if capitalised && token.starts_with(word) {
            run.push(word);
        } else {
            flush(&mut run, &mut out);
            continue;
        }
        // punctuation after the word ends the name
        if !token.ends_with(word) {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
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
    fn a_name_of_two_words_stays_whole_in_a_label() {
        let doc = test_document(
            "a",
            "Water reached Lorn Ferry. Lorn Ferry and Talvin were evacuated. The Marrow Dam held.",
        );
        let words = vec![
            "Lorn".to_string(),
            "Talvin".into(),
            "Ferry".into(),
            "Marrow".into(),
        ];
        assert_eq!(
            whole_names(words, &["dam".to_string()], &[&doc]),
            ["Lorn Ferry", "Talvin", "Marrow Dam"]
        );
        // a full stop or comma ends a name
        assert_eq!(
            capitalised_runs("Talvin, Lorn. Ferry"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_label_ranks_first_the_terms_most_reports_use() {
        // every report names the dam; two of five also dwell on a town the others never visit
        let docs: Vec<Document> = (0..5)
            .map(|k| {
                let town = if k < 2 {
                    " Harlow shelters were full in Harlow."
                } else {
                    ""
                };
                test_document(&format!("d{k}"), &format!("The Marrow dam burst.{town}"))
            })
            .collect();
        let id = |word: &str| term_ids(word, &mut String::new()).expect("a term").0;
        let (harlow, marrow) = (id("Harlow"), id("Marrow"));
        let members: Vec<usize> = (0..docs.len()).collect();
        assert_eq!(
            by_coverage(vec![harlow, marrow], &members, &docs),
            [marrow, harlow]
        );
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
        // every other story is linked to the first by one of its reports
        let mut links: Vec<Vec<(usize, f32)>> = vec![Vec::new(); 6];
        for i in 2..6 {
            links[i].push((0, 0.5));
            links[0].push((i, 0.5));
        }
        let merged = merge_fragments(&stories, &links, &Params::default());
        assert_eq!(merged, vec![vec![0, 2], vec![1], vec![3], vec![4]]);
        // with no link between them, even same-days look-alikes stay apart
        let unlinked = vec![Vec::new(); 6];
        assert_eq!(
            merge_fragments(&stories, &unlinked, &Params::default()).len(),
            5
        );
    }

    #[test]
    fn a_story_silent_for_months_is_cut_and_an_undated_report_goes_where_it_is_linked() {
        let days = [Some(100), Some(101), Some(300), Some(302), None, None];
        let mut links: Vec<Vec<(usize, f32)>> = vec![Vec::new(); 6];
        for (a, b, w) in [(4, 2, 0.6), (4, 0, 0.2), (5, 0, 0.3)] {
            links[a].push((b, w));
            links[b].push((a, w));
        }
        // documents 1 and 3 are copies of one report: they stay together, where 1 is
        let groups = [0, 1, 2, 1, 4, 5];
        let parts = split_at_silences(vec![0, 1, 2, 3, 4, 5], &days, &links, &groups, 90.0);
        assert_eq!(parts, vec![vec![0, 1, 3, 5], vec![2, 4]]);
        // no silence long enough: one story
        let parts = split_at_silences(vec![0, 1, 4], &days, &links, &groups, 90.0);
        assert_eq!(parts, vec![vec![0, 1, 4]]);
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
