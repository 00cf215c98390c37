//! The shared data model: what every stage reads and writes.
//!
//! Invariant: every offset in a [`Document`] is a byte offset into its cleaned `body` (UTF-8),
//! and `source_map` maps any body offset back to the text the document was read from.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's `body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A section heading, kept out of the body; `start` is the body offset where its section begins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub start: usize,
}

/// Something the cleaner took out of the text, kept so nothing is lost silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    /// Why it was removed: "navigation", "share-buttons", "related-link", "caption", "byline",
    /// "date-line", "title", "promo", "credit", …
    pub reason: String,
    /// Byte offset of the removed text in the original text.
    pub original_start: usize,
}

/// One run of the body that maps linearly onto the original text: body bytes
/// `[body_start, body_start + len)` came from original bytes `[original_start, original_start + len)`.
/// Replaced characters (curly quotes, odd spaces) map to the start of the character they replace.
/// Written in JSON as a compact triple `[body_start, original_start, len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(usize, usize, usize)", into = "(usize, usize, usize)")]
pub struct MapRun {
    pub body_start: usize,
    pub original_start: usize,
    pub len: usize,
}

impl From<(usize, usize, usize)> for MapRun {
    fn from((body_start, original_start, len): (usize, usize, usize)) -> Self {
        Self {
            body_start,
            original_start,
            len,
        }
    }
}

impl From<MapRun> for (usize, usize, usize) {
    fn from(run: MapRun) -> Self {
        (run.body_start, run.original_start, run.len)
    }
}

/// Where a document came from and which text the `source_map` points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
    Feed,
    Warc,
}

/// One news article after ingest and text processing.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub path: String,
    pub format: Format,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`), or null when the source does not say.
    pub published: Option<String>,
    /// Time of day with zone offset when stated (`HH:MM+hh:mm`, or `HH:MM` when no zone is given).
    pub published_time: Option<String>,
    /// Bounds of the publication date when only a range can be inferred (filled by later stages).
    pub published_earliest: Option<String>,
    pub published_latest: Option<String>,
    /// A dateline that gave month and day but no year, as ISO 8601 `--MM-DD`.
    pub dateline_month_day: Option<String>,
    /// The place of a dateline ("CAIRO, September 5. /TASS/" gives "CAIRO").
    pub dateline_place: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    /// ISO 639-1 code where one exists (else ISO 639-3), or "und" when undetermined.
    pub language: String,
    /// True when the language is English, the language the later stages analyse fully.
    pub analysed: bool,
    pub body: String,
    pub headings: Vec<String>,
    pub sections: Vec<Section>,
    pub sentences: Vec<Span>,
    pub removed: Vec<Removed>,
    /// Body offsets back to the original text: for plain text and Markdown, the decoded file; for
    /// JSON Lines, the record's `text` (or `html`) field; for HTML, feeds and WARC, the decoded HTML
    /// of the page or item itself.
    pub source_map: Vec<MapRun>,
    /// Names found in the body (people, organizations, places, other), in order.
    pub mentions: Vec<Mention>,
    /// Roles said of the people among `mentions`.
    pub roles: Vec<Role>,
    /// Who said what in the body; written out as the run's `quotes`, with speakers resolved.
    #[serde(skip)]
    pub statements: Vec<Statement>,
    /// Time expressions in the body; written out as the run's `times`, resolved.
    #[serde(skip)]
    pub times: Vec<TimeExpression>,
    /// Numbers stated in the body; written out as the run's `quantities`.
    #[serde(skip)]
    pub quantities: Vec<QuantityFound>,
    /// Happenings reported in the body; written out as the run's `events`.
    #[serde(skip)]
    pub events: Vec<EventFound>,
}

impl Document {
    /// Gives back the spare capacity the stages left in the growing strings and lists: a large
    /// archive keeps every document in memory for the cross-document stages.
    pub fn shrink_to_fit(&mut self) {
        self.body.shrink_to_fit();
        self.headings.shrink_to_fit();
        self.sections.shrink_to_fit();
        self.sentences.shrink_to_fit();
        self.removed.shrink_to_fit();
        self.source_map.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self.roles.shrink_to_fit();
        self.statements.shrink_to_fit();
        self.times.shrink_to_fit();
        self.quantities.shrink_to_fit();
        self.events.shrink_to_fit();
    }

    /// The body text of a span.
    pub fn text(&self, span: Span) -> &str {
        &self.body[span.start..span.end]
    }

    /// Maps a body offset back to the original text (see `source_map`).
    pub fn original_offset(&self, body_offset: usize) -> Option<usize> {
        map_offset(&self.source_map, body_offset)
    }
}

/// Maps an offset through runs sorted by `body_start`: linear inside a run; an offset inside a
/// replacement (a run of `len` 0 standing for several bytes) maps to what it replaced. None when
/// the offset comes before every run.
pub fn map_offset(runs: &[MapRun], offset: usize) -> Option<usize> {
    let i = runs
        .partition_point(|run| run.body_start <= offset)
        .checked_sub(1)?;
    let run = runs[i];
    Some(run.original_start + (offset - run.body_start).min(run.len))
}

/// A problem with one input: it names the file, and the run goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputProblem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// How one document reuses another's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReuseKind {
    /// Nearly the whole text the same.
    Duplicate,
    /// One wire report rewritten: the same quotes and facts in the same order, words changed.
    SameReport,
    /// Whole paragraphs reused.
    SharedPassages,
}

/// A passage two documents share: byte offsets into each body, and the text (from `a`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
    pub text: String,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    #[serde(rename = "place")]
    Location,
    Other,
}

/// A name in a document's body: where, what type, and a title said with it ("Gen.", "Mullah")
/// when there was one. The title is kept out of `start..end`. The name's text is the body's
/// `start..end` (not stored twice: a large archive holds millions of mentions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A role said of a person mention in the same document ("former Vice-President", "head of the
/// Northern Front delegation"): the mention's index in `mentions` and the role's byte span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub mention: usize,
    pub start: usize,
    pub end: usize,
}

impl Mention {
    /// The name as written in `body`, the body of the mention's document.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// How a statement is reported: in quotation marks, in the reporter's words, or in the
/// reporter's words with quoted phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Partial,
}

/// A statement attributed in a document, before its speaker is known across the run: what was
/// said (`start..end`, quotation marks left out), the cue, the source as written, and the
/// mentions (indices into the document's `mentions`) of the speaker and of an agency or outlet
/// that relayed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub start: usize,
    pub end: usize,
    pub cue: Span,
    pub kind: QuoteKind,
    pub source: Option<Span>,
    pub speaker: Option<usize>,
    pub via: Option<usize>,
}

/// A quote of the run (`analysis.json` `quotes[]`): what was said, where, how, and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub doc: String,
    pub text: String,
    pub kind: QuoteKind,
    pub cue: String,
    /// The speaker's entity id, when the source could be resolved to one.
    pub speaker: Option<String>,
    /// The source as the article words it ("the senior official", "he").
    pub speaker_text: Option<String>,
    /// The agency or outlet the statement was relayed through, as written.
    pub via: Option<String>,
    pub start: usize,
    pub end: usize,
    /// Where the cue is in the body.
    pub cue_start: usize,
    pub cue_end: usize,
}

/// A time expression in a body, read but not yet anchored.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpression {
    pub span: Span,
    pub value: TimeValue,
}

/// Which occurrence of a weekday, or of a date or month named without its year, a report means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lean {
    /// The last one up to the anchor: news tells of the past.
    #[default]
    Past,
    /// The one nearest the anchor: a plan told of in the past ("an increase planned for Oct. 15
    /// was dropped") may fall either side of the report.
    Nearest,
    /// The first from the anchor on: "talks will resume on Friday".
    Ahead,
    /// Nothing in the clause tells: a schedule's line ("Oct. 5–7, in Gladstone") or a
    /// caption. The last one, unless the next is days away.
    Unmarked,
}

/// What a time expression says. Weekdays count from Monday = 0; `DaysAgo` runs from `from` days
/// before the anchor's start to `to` days before its end.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeValue {
    /// `lean`: without a year, which such date: the last up to the anchor, the first from it
    /// on ("a vote scheduled for Dec. 15"), or the nearest.
    Date {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
        lean: Lean,
    },
    Year {
        year: i32,
    },
    /// `next`: the first such day after the anchor ("next Monday"); `last`: the latest one at
    /// least two days before it ("last Tuesday" said on a Wednesday is the week before's: the day
    /// before would be "yesterday" or "on Tuesday"); otherwise `lean` says which.
    Weekday {
        weekday: u32,
        next: bool,
        last: bool,
        lean: Lean,
    },
    DaysAgo {
        from: i64,
        to: i64,
    },
    /// A month, or its early, middle or late third (`third` 0, 1, 2), named without a day
    /// ("in early August"); without a year, the last such month (`which` -1), the one nearest
    /// the anchor (0) or the next (1); `lean` may move the nearest ahead ("due to start in
    /// mid-December").
    Month {
        year: Option<i32>,
        month: u32,
        third: Option<u32>,
        which: i8,
        lean: Lean,
    },
    /// `days` days after (or, negative, before) the time told before it: "the next day" (1),
    /// "two weeks later" (14), "earlier that day" (0).
    FromPrevious {
        days: i64,
    },
    /// `days` days after (or, negative, before) a happening the report tells of, named by
    /// `word`: "the day after the attack" (1, "attack"), "hours after the blast" (0, "blast").
    FromEvent {
        days: i64,
        word: String,
    },
    /// The Saturday and Sunday of the weekend `offset` weekends from the anchor's latest one.
    Weekend {
        offset: i64,
    },
    /// The week, month or year `offset` units from the anchor's ("last month": -1).
    Calendar {
        unit: String,
        offset: i64,
    },
    /// The month or year `offset` units from that of the time told before it: "the next year"
    /// (1), "the previous month" (-1), "later that year" (0).
    CalendarFromPrevious {
        unit: String,
        offset: i64,
    },
    /// A month of the anchor's year, or of the year `year_offset` from it: "May of this year"
    /// (0), "March of last year" (-1).
    MonthOfYear {
        month: u32,
        year_offset: i32,
    },
    /// "since March", "since 1993": from the time named to the anchor.
    Since(Box<TimeValue>),
    /// A date and the `more_days` days after it: "Oct. 5–7", "18-24 November".
    DaySpan {
        first: Box<TimeValue>,
        more_days: i64,
    },
}

/// Dates from `start` to `end`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub start: chrono::NaiveDate,
    pub end: chrono::NaiveDate,
}

/// A time expression of the run (`analysis.json` `times[]`), resolved when it could be:
/// `anchor` says against what ("published": the document's date; "inferred": the range its
/// copies and story put an undated document in; "explicit": the expression is a full date).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Time {
    pub id: String,
    pub doc: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub resolved: Option<DateRange>,
    pub anchor: Option<String>,
}

/// How exact a stated number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Approximation {
    #[serde(rename = "exact")]
    Exact,
    #[serde(rename = "at least")]
    AtLeast,
    #[serde(rename = "at most")]
    AtMost,
    #[serde(rename = "over")]
    Over,
    #[serde(rename = "about")]
    About,
    #[serde(rename = "under")]
    Under,
}

/// A number stated in a document, before its claimant is known across the run: the claimant is
/// the speaker mention (an index into `mentions`) of the statement the number is in.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityFound {
    pub span: Span,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: Approximation,
    pub unit: Option<String>,
    pub what: String,
    pub vague: bool,
    pub claimant: Option<usize>,
}

/// A quantity of the run (`analysis.json` `quantities[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub id: String,
    pub doc: String,
    pub text: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: Approximation,
    pub unit: Option<String>,
    /// The counted phrase ("fighters killed in the clash").
    pub what: String,
    /// A vague amount ("dozens") whose value is ACLED's conventional one.
    pub vague: bool,
    /// The entity id of whoever states it, when it is said inside an attributed statement.
    pub claimant: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// A happening reported in a document, before entities and dates are known across the run:
/// mentions and times are indices into the document's `mentions` and `times`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFound {
    pub kind: &'static str,
    pub trigger: Span,
    pub sentence: Span,
    /// Mention indices: who acted ("militants" in "civilians were killed by militants") and on
    /// whom ("civilians").
    pub actor: Option<usize>,
    pub target: Option<usize>,
    pub place: Option<usize>,
    pub time: Option<usize>,
    pub claimant: Option<usize>,
}

/// An event of the run (`analysis.json` `events[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// The sentence that reports it.
    pub summary: String,
    pub date: Option<DateRange>,
    /// "expression": dated by a time expression in its sentence; "article": only by the
    /// article's publication date (or inferred range).
    pub date_source: Option<String>,
    /// Entity ids: who acted first, then on whom.
    pub actors: Vec<String>,
    /// Who acted (ACLED's actor 1) and on whom (actor 2), when named: "civilians were killed"
    /// names only whom.
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    pub place: Option<String>,
    pub claimant: Option<String>,
    pub evidence: Vec<EventEvidence>,
}

/// Where an event is reported: a document and the trigger's byte offsets in its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventEvidence {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// An entity across the run: one real-world thing under all its names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    /// The most complete frequent form.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Every form seen, titles included where they were said with the name.
    pub variants: Vec<String>,
    /// Roles said of it, each once, in order of first appearance.
    pub roles: Vec<String>,
    /// The organization it belongs to (an entity id), from its roles ("head of the X delegation").
    pub affiliation: Option<String>,
    pub mentions: Vec<EntityMention>,
    /// Where each role was said.
    pub role_evidence: Vec<RoleEvidence>,
    /// Names joined to this entity by what the text says rather than by spelling, each with
    /// the span that says it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<AliasEvidence>,
}

/// Why a name is another name of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AliasReason {
    /// The text says so: "X, also known as Y", "X, which calls itself Y".
    NamedAs,
    /// Said only inside quotations of the entity's own people, of its own fighters or members
    /// ("the fighters of Y advanced", said X's spokesman): the body's name for itself.
    OwnName,
}

/// A name joined to an entity by an `AliasReason`, and the document span that shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AliasEvidence {
    pub alias: String,
    pub reason: AliasReason,
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// A role of an entity and the document span that says it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleEvidence {
    pub role: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// Where an entity is named: a document id and byte offsets into its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Independence groups of the documents `ids`: those linked by any reuse are one witness.
/// Returns, for each document (in order), the index of its group; groups are numbered by first
/// member. Relations naming other documents are ignored.
pub fn independence_groups<'a>(
    ids: &[&str],
    reuse: impl IntoIterator<Item = &'a Reuse>,
) -> Vec<usize> {
    let index: std::collections::HashMap<&str, usize> =
        ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for r in reuse {
        if let (Some(&a), Some(&b)) = (index.get(r.a.as_str()), index.get(r.b.as_str())) {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut numbering: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    (0..ids.len())
        .map(|i| {
            let r = root(&mut parent, i);
            let next = numbering.len();
            *numbering.entry(r).or_insert(next)
        })
        .collect()
}

/// A reuse relation between two documents (ids), with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    pub a: String,
    pub b: String,
    pub kind: ReuseKind,
    /// Share of the more-copied document's words found in the other.
    pub score: f64,
    pub passages: Vec<Passage>,
}

/// A story: documents about one developing event, with its count of independent sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    /// Key terms and names.
    pub label: String,
    pub documents: Vec<String>,
    /// Independence groups among the documents: copies count once.
    pub independent_sources: usize,
    /// The topic the story belongs to (an id in `topics`).
    pub topic: String,
}

/// A topic: stories about the same subject at any time (a league, a public figure, a conflict).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    /// Key terms and names.
    pub label: String,
    /// Story ids.
    pub stories: Vec<String>,
    /// Documents in its stories.
    pub documents: usize,
    pub independent_sources: usize,
}

/// Whether a statement says a proposition holds or that it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Asserts,
    Denies,
}

/// How well a claim stands: two independent sources or more, disputed, or one source only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimStatus {
    Corroborated,
    Contested,
    SingleSource,
}

/// One statement of a claim or of a side of a contradiction: its sentences in a document, who
/// made it (an entity id; none when the outlet says it in its own voice) and its stance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimStatement {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub claimant: Option<String>,
    /// The words naming a claimant the run knows no entity for ("Police in Harrowmere").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_text: Option<String>,
    pub stance: Stance,
}

/// A proposition the story's documents speak of, with every statement of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub story: String,
    pub about: String,
    pub statements: Vec<ClaimStatement>,
    pub status: ClaimStatus,
    /// Independence groups among the documents asserting it.
    pub independent_sources: usize,
}

/// What makes two sides disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContradictionKind {
    /// One side denies or rejects what the other claims.
    Denial,
    /// The two sides give numbers that cannot both be right.
    Numbers,
    /// Each side puts the blame on the other.
    Blame,
}

/// One side of a contradiction: who holds it (an entity id, the speaker's organization where
/// known) and what they said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    pub claimant: Option<String>,
    pub statements: Vec<ClaimStatement>,
}

/// Two sides of a story that cannot both be right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    pub id: String,
    pub story: String,
    pub kind: ContradictionKind,
    pub about: String,
    pub sides: Vec<Side>,
}

/// One reported figure in a number band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberClaim {
    /// The quantity's id.
    pub quantity: String,
    pub doc: String,
    pub text: String,
    pub value: f64,
    pub approx: Approximation,
    pub claimant: Option<String>,
    /// The claimant (or its organization) is a party to the events: the figure is its side's own.
    pub partisan: bool,
    /// That side (an entity id), when the figure is partisan.
    pub side: Option<String>,
    /// The period the figure is said of, when its sentence dates it.
    pub window: Option<DateRange>,
}

/// Every figure given for one counted thing: low, best and high (UCDP's practice) and the lowest
/// reported figure (ACLED's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberBand {
    pub id: String,
    pub story: String,
    pub about: String,
    pub unit: Option<String>,
    pub low: f64,
    pub best: f64,
    pub high: f64,
    pub lowest_reported: f64,
    pub claims: Vec<NumberClaim>,
}

/// A dated happening of a story, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub story: String,
    /// The event's id.
    pub event: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub date: Option<DateRange>,
    /// "day", "days", "week", "month", "year" or "unknown".
    pub precision: String,
    /// True when only the article's own date places it.
    pub dated_by_article: bool,
    pub summary: String,
    /// Documents that report it.
    pub sources: Vec<String>,
}

/// A sentence of a story's extractive summary, with the documents that say it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    pub story: String,
    pub text: String,
    pub sources: Vec<String>,
    /// The sentence states something another source disputes.
    pub contested: bool,
}

/// How far a run went: the layers it did not reach are empty because they were not computed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The per-document phase alone: clean text, names, statements, numbers, times, events.
    Documents,
    /// Copies and stories only: clean text, then reuse and stories. No local extraction, which
    /// neither needs: the quickest triage of a large archive, at a fraction of the memory.
    Stories,
    /// Everything.
    #[default]
    Full,
}

/// The output contract written to `analysis.json` (see design.md). Later stages add their layers.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Analysis {
    #[serde(default)]
    pub scope: Scope,
    pub documents: Vec<Document>,
    pub reuse: Vec<Reuse>,
    pub stories: Vec<Story>,
    pub topics: Vec<Topic>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub times: Vec<Time>,
    pub quantities: Vec<Quantity>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
    pub contradictions: Vec<Contradiction>,
    pub numbers: Vec<NumberBand>,
    pub timeline: Vec<TimelineEntry>,
    pub summary: Vec<SummarySentence>,
    pub problems: Vec<InputProblem>,
}

impl Analysis {
    /// Document id → its index in `documents`.
    pub fn document_index(&self) -> std::collections::HashMap<&str, usize> {
        self.documents
            .iter()
            .enumerate()
            .map(|(k, d)| (d.id.as_str(), k))
            .collect()
    }

    /// Document id → the id of its story.
    pub fn story_of_document(&self) -> std::collections::HashMap<&str, &str> {
        self.stories
            .iter()
            .flat_map(|s| s.documents.iter().map(|d| (d.as_str(), s.id.as_str())))
            .collect()
    }
}

/// A value's name as `analysis.json` writes it ("person", "contested", "denies").
pub fn json_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

impl ReuseKind {
    /// How a reader says the relation: "A duplicate of B".
    pub fn phrase(self) -> &'static str {
        match self {
            ReuseKind::Duplicate => "duplicate of",
            ReuseKind::SameReport => "same report as",
            ReuseKind::SharedPassages => "shares passages with",
        }
    }
}

/// A bare English document for the stages' unit tests: a body and nothing else.
#[cfg(test)]
pub(crate) fn test_document(id: &str, body: &str) -> Document {
    Document {
        id: id.into(),
        path: id.into(),
        format: Format::Text,
        url: None,
        title: None,
        published: None,
        published_time: None,
        published_earliest: None,
        published_latest: None,
        dateline_month_day: None,
        dateline_place: None,
        byline: None,
        outlet: None,
        language: "en".into(),
        analysed: true,
        body: body.into(),
        headings: vec![],
        sections: vec![],
        sentences: vec![],
        removed: vec![],
        source_map: vec![],
        mentions: vec![],
        roles: vec![],
        statements: vec![],
        times: vec![],
        quantities: vec![],
        events: vec![],
    }
}
