//! What happened: one record per reported happening in a sentence (attack, clash, killing,
//! capture, siege, talks, withdrawal, appeal, arrest, protest, disaster, rescue…), read from the
//! trigger words news English uses for each, with the names around the trigger as actors (before
//! it, who acted; after it, on whom), a place named in the sentence, the time expression nearest
//! the trigger, and the claimant when the sentence is inside an attributed statement.
//!
//! Per document `find` keeps mention and time indices; across the run `link` gives entity ids and
//! dates (the time expression's, else the document's publication date, flagged as such).

use super::pos;
use crate::entities::EntityOfMention;
use crate::lexicon::{ORGANIZATION_WORDS, PEOPLE_NOUNS, PLACE_PREPOSITIONS, POLITY_HEADS};
use crate::model::{DateRange, Document, EntityType, Event, EventEvidence, EventFound, Span};

/// Trigger word stems and the event type each signals. A word triggers when it starts with the
/// stem and is not longer than the stem by more than four letters ("attack", "attacked",
/// "attacking"; not "attackers").
const TRIGGERS: &[(&str, &str)] = &[
    ("attack", "attack"),
    ("assault", "attack"),
    ("raid", "attack"),
    ("shelled", "attack"),
    ("shelling", "attack"),
    ("bomb", "attack"),
    ("airstrike", "attack"),
    ("ambush", "attack"),
    ("clash", "clash"),
    ("fought", "clash"),
    ("fighting", "clash"),
    ("battle", "clash"),
    ("skirmish", "clash"),
    ("killed", "killing"),
    ("kill", "killing"),
    ("slain", "killing"),
    ("massacre", "killing"),
    ("execut", "killing"),
    ("captur", "capture"),
    ("seiz", "capture"),
    ("overran", "capture"),
    ("entered", "capture"),
    ("siege", "siege"),
    ("besieg", "siege"),
    ("blockad", "siege"),
    ("encircl", "siege"),
    ("talks", "talks"),
    ("negotiat", "talks"),
    ("ceasefire", "talks"),
    ("truce", "talks"),
    ("withdr", "withdrawal"),
    ("retreat", "withdrawal"),
    ("evacuat", "withdrawal"),
    ("appeal", "appeal"),
    ("urged", "appeal"),
    ("arrest", "arrest"),
    ("detain", "arrest"),
    ("protest", "protest"),
    ("demonstrat", "protest"),
    ("injur", "injury"),
    ("wounded", "injury"),
    ("announc", "statement"),
    ("declar", "statement"),
    // disasters and what follows them
    ("burst", "disaster"),
    ("collaps", "disaster"),
    ("earthquake", "disaster"),
    ("landslid", "disaster"),
    ("explosion", "disaster"),
    ("exploded", "disaster"),
    // the verb only: "rescue" is mostly a noun before another ("rescue teams", "rescue agency")
    ("rescued", "rescue"),
    ("rescuing", "rescue"),
];

/// Two-word triggers: a verb and the word after it ("gave way").
const PHRASE_TRIGGERS: &[(&str, &str, &str)] = &[
    ("shot", "down", "attack"),
    ("shoot", "down", "attack"),
    ("gave", "way", "disaster"),
    ("give", "way", "disaster"),
    ("gives", "way", "disaster"),
];

/// Words that, just before a trigger, say the happening did not or will not take place ("agreed
/// not to attack", "no fighting", "never captured").
const NEGATIONS: &[&str] = &["not", "no", "never", "n't", "without"];

/// The event type a word triggers, if any.
fn trigger_type(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    TRIGGERS
        .iter()
        .find(|(stem, _)| lower.starts_with(stem) && lower.len() <= stem.len() + 4)
        .map(|(_, kind)| *kind)
        // "attackers", "an attacker", "detainees": people, not happenings
        .filter(|_| {
            !["er", "ers", "or", "ors", "ees"]
                .iter()
                .any(|e| lower.ends_with(e))
        })
}

/// Verb forms a trigger takes after "to" or a modal ("threatened to kill", "will withdraw").
const BASE_FORMS: &[&str] = &[
    "attack",
    "assault",
    "raid",
    "bomb",
    "ambush",
    "clash",
    "battle",
    "kill",
    "execute",
    "capture",
    "seize",
    "besiege",
    "blockade",
    "encircle",
    "negotiate",
    "withdraw",
    "retreat",
    "evacuate",
    "appeal",
    "arrest",
    "detain",
    "protest",
    "demonstrate",
    "injure",
    "wound",
    "announce",
    "declare",
    "burst",
    "collapse",
    "explode",
    "rescue",
];

/// Words before "to" after which the happening took place ("forced to withdraw", "began to
/// shell").
const REALISING_BEFORE_TO: &[&str] = &[
    "forced",
    "began",
    "begun",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "continued",
    "continue",
    "continues",
    "managed",
    "proceeded",
    "moved",
    "rushed",
    "went",
    "had",
    "used",
];

/// Beginnings of words of wanting, planning, threatening or demanding: a trigger in the
/// infinitive after one ("threatened to kill", "called on the army to withdraw", "plans to
/// attack") tells of what someone wants or fears, not of what took place. Purpose after motion
/// ("gathered to protest") is no such word.
const INTENTION_STEMS: &[&str] = &[
    "threat", "plan", "plot", "vow", "want", "hope", "intend", "seek", "sought", "aim", "prepar",
    "tried", "try", "attempt", "eager", "ready", "poised", "decid", "agree", "pledg", "promis",
    "refus", "ask", "call", "urg", "demand", "order", "expect", "likely", "wish", "need", "going",
    "vote",
];

/// How far before "to" a word of intention may stand ("called on the interim government to").
const INTENTION_REACH: usize = 6;

const MODALS: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall", "'ll",
];

/// Adjectives that make a happening one not (yet) taken place ("an eventual withdrawal"); read
/// past one word that is no article ("a possible Lornian attack", not "planned the attack").
const UNREALISED_BEFORE: &[&str] = &[
    "eventual",
    "possible",
    "potential",
    "planned",
    "proposed",
    "future",
    "feared",
    "imminent",
    "impending",
    "prospective",
    "hypothetical",
    "looming",
    "anticipated",
];

/// Nouns of wish, plan or fear that, with "of" or "for", tell of a happening not taken place
/// ("hopes of a truce", "calls for a ceasefire").
const WISH_NOUNS: &[&str] = &[
    "hope",
    "hopes",
    "prospect",
    "prospects",
    "plan",
    "plans",
    "call",
    "calls",
    "demand",
    "demands",
    "threat",
    "threats",
    "fear",
    "fears",
    "risk",
    "danger",
    "chance",
    "chances",
];

/// Whether the trigger at `k` tells of a happening not (yet) reported as taking place: a verb
/// after "to" ("threatening to kill", "eager to withdraw") or a modal ("could attack"), or
/// after "if" ("if it kills me"), or qualified as one wished, planned or feared ("an eventual
/// withdrawal", "hopes of a truce").
fn unrealised(words: &[&str], k: usize) -> bool {
    let lower = |j: usize| words[j].to_lowercase();
    if k == 0 {
        return false;
    }
    let previous = lower(k - 1);
    let before_previous = if k >= 2 { lower(k - 2) } else { String::new() };
    // "an eventual withdrawal", "a possible Lornian attack"
    if UNREALISED_BEFORE.contains(&previous.as_str())
        || (UNREALISED_BEFORE.contains(&before_previous.as_str())
            && !DETERMINERS.contains(&previous.as_str()))
    {
        return true;
    }
    // "hopes of a truce", "fears of a Lornian attack", "calls for a ceasefire"
    let wished = (k.saturating_sub(5)..k.saturating_sub(1)).any(|j| {
        WISH_NOUNS.contains(&lower(j).as_str())
            && matches!(lower(j + 1).as_str(), "of" | "for")
            && k - j <= 4
    });
    if wished {
        return true;
    }
    // "pressured Voss into announcing an inquiry"; "cuts will be announced"; "if it kills me"
    if (previous == "into" && lower(k).ends_with("ing"))
        || (previous == "be" && MODALS.contains(&before_previous.as_str()))
        || previous == "if"
        || before_previous == "if"
    {
        return true;
    }
    if !BASE_FORMS.contains(&lower(k).as_str()) {
        return false;
    }
    if previous == "to" {
        if k >= 2 && REALISING_BEFORE_TO.contains(&lower(k - 2).as_str()) {
            return false;
        }
        let intends = |j: usize| INTENTION_STEMS.iter().any(|s| lower(j).starts_with(s));
        return (k.saturating_sub(INTENTION_REACH + 1)..k - 1).any(intends);
    }
    MODALS.contains(&previous.as_str())
        || (k >= 2 && MODALS.contains(&lower(k - 2).as_str()) && previous != "not")
}

/// Determiners and possessives read past to reach what a trigger acts on.
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "your",
    "our",
    "my",
    "this",
    "that",
    "these",
    "those",
    "of",
    "'s",
    "\u{2019}s",
    "each",
    "other",
];

/// The first two words after the trigger at `k` past determiners, possessives and a name's
/// "'s", lowercased: "attacked each other's | policies", "withdraw your | contributions",
/// "fighting | dirty air" (an adjective may stand before the thing).
fn objects_after(words: &[&str], k: usize) -> Vec<String> {
    words[k + 1..]
        .iter()
        .map(|w| w.to_lowercase())
        .take(6)
        .filter(|w| {
            !DETERMINERS.contains(&w.as_str()) && !w.ends_with("'s") && !w.ends_with("\u{2019}s")
        })
        .take(2)
        .collect()
}

/// What each kind of trigger acts on when it tells of no violence or custody: policies are
/// attacked in words, plans executed, moments captured, funds withdrawn, fires fought.
const FIGURATIVE_OBJECTS: &[(&str, &[&str])] = &[
    (
        "attack",
        &[
            "policies",
            "policy",
            "record",
            "plan",
            "plans",
            "remarks",
            "comments",
            "claims",
            "views",
            "position",
            "stance",
            "proposal",
            "proposals",
            "decision",
            "character",
            "credibility",
            "integrity",
            "agenda",
            "ideas",
            "bill",
            "legislation",
            "report",
            "patterns",
            "pattern",
            "idea",
            "rumors",
            "rumours",
            "reports",
            "suggestion",
            "notion",
            "theory",
            "request",
            "speculation",
        ],
    ),
    (
        "killing",
        &[
            "plan",
            "plans",
            "proposal",
            "bill",
            "deal",
            "project",
            "measure",
            "idea",
            "legislation",
            "program",
            "programme",
            "story",
            "feature",
            "mood",
            "time",
            "it",
        ],
    ),
    (
        "execut",
        &[
            "plan",
            "plans",
            "warrant",
            "search",
            "strategy",
            "order",
            "orders",
            "trade",
            "trades",
            "deal",
            "contract",
            "will",
            "agreement",
            "transaction",
            "move",
            "moves",
            "play",
            "vision",
            "program",
            "project",
            "task",
            "tasks",
            "idea",
            "campaign",
            "turn",
            "command",
            "script",
            "code",
        ],
    ),
    (
        "capture",
        &[
            "imagination",
            "attention",
            "hearts",
            "headlines",
            "title",
            "crown",
            "championship",
            "award",
            "trophy",
            "medal",
            "gold",
            "nomination",
            "votes",
            "vote",
            "market",
            "share",
            "essence",
            "spirit",
            "mood",
            "moment",
            "images",
            "image",
            "footage",
            "video",
            "videos",
            "photo",
            "photos",
            "data",
            "screenshot",
            "screenshots",
            "audio",
            "sound",
            "light",
            "carbon",
            "emissions",
            "value",
            "momentum",
        ],
    ),
    (
        "withdrawal",
        &[
            "contributions",
            "money",
            "cash",
            "funds",
            "savings",
            "deposit",
            "deposits",
            "application",
            "bid",
            "candidacy",
            "nomination",
            "offer",
            "support",
            "filing",
            "complaint",
            "lawsuit",
            "suit",
            "motion",
            "request",
            "name",
            "endorsement",
            "bill",
            "legislation",
            "proposal",
            "plan",
            "measure",
            "amount",
            "permission",
            "consent",
        ],
    ),
    (
        "clash",
        &[
            "climate",
            "pollution",
            "air",
            "cancer",
            "disease",
            "fire",
            "fires",
            "wildfire",
            "wildfires",
            "corruption",
            "poverty",
            "crime",
            "inflation",
            "change",
            "injuries",
            "injury",
            "illness",
            "addiction",
            "hunger",
            "obesity",
            "virus",
            "infection",
            "odds",
            "urge",
            "tears",
            "major",
        ],
    ),
];

/// Words before "attack" that make it an illness ("a heart attack") and before "battle" that
/// make it a contest of no arms ("a legal battle").
const ILLNESS_BEFORE_ATTACK: &[&str] = &["heart", "panic", "anxiety", "asthma", "gout", "migraine"];
const CONTESTS_BEFORE_BATTLE: &[&str] = &[
    "legal",
    "court",
    "courtroom",
    "political",
    "custody",
    "uphill",
    "bidding",
    "price",
    "ratings",
    "boardroom",
    "procedural",
    "budget",
    "electoral",
    "verbal",
    "personal",
    "ongoing",
    "rhetorical",
    "constant",
];

/// Verbs of taking or holding ground: "fought to retake the town" tells of fighting.
const GROUND_VERBS: &[&str] = &[
    "retake",
    "recapture",
    "capture",
    "seize",
    "take",
    "hold",
    "defend",
    "control",
    "repel",
    "push",
    "drive",
    "enter",
    "reach",
    "break",
    "free",
    "liberate",
    "clear",
    "secure",
];

/// Words before "appeal" when it is a thing's pull ("broad appeal", "holds appeal").
const ALLURE_BEFORE_APPEAL: &[&str] = &[
    "holds",
    "hold",
    "has",
    "have",
    "had",
    "broad",
    "wide",
    "wider",
    "widespread",
    "mass",
    "popular",
    "sex",
    "curb",
    "visual",
    "aesthetic",
    "commercial",
    "enduring",
    "universal",
    "electoral",
    "limited",
    "lost",
    "lose",
    "loses",
    "lasting",
    "great",
    "special",
];

/// What a thing is "captured on" when it is recorded, not taken.
const RECORDINGS: &[&str] = &[
    "camera", "cameras", "video", "film", "tape", "cctv", "audio",
];

/// Whether the trigger at `k`, of `kind`, tells of words, illness, money or a contest rather
/// than violence or custody: "attacked each other's policies", "a heart attack", "executed a
/// search warrant", "withdraw your contributions", "fighting dirty air", "a legal battle".
fn figurative(words: &[&str], k: usize, kind: &str) -> bool {
    let lower = words[k].to_lowercase();
    let previous = k
        .checked_sub(1)
        .map_or(String::new(), |j| words[j].to_lowercase());
    // "shot down | the idea": what a two-word trigger acts on follows its second word
    let objects = match words.get(k + 1) {
        Some(next) if phrase_type(words[k], next).is_some() => objects_after(words, k + 1),
        _ => objects_after(words, k),
    };
    let key = if lower.starts_with("execut") {
        "execut"
    } else {
        kind
    };
    let odd_object = FIGURATIVE_OBJECTS
        .iter()
        .find(|(name, _)| *name == key)
        .is_some_and(|(_, odd)| objects.iter().any(|o| odd.contains(&o.as_str())));
    // "battle to win the election", "fought to get the script": a struggle, unless the verb
    // after is one of taking or holding ground ("fought to retake the town")
    let struggle = kind == "clash"
        && objects.first().is_some_and(|o| o == "to")
        && objects
            .get(1)
            .is_some_and(|v| !GROUND_VERBS.contains(&v.as_str()));
    // "the exploded drawings", "the declared enemy": a participle before its noun
    let adjective = matches!(kind, "disaster" | "statement")
        && lower.ends_with("ed")
        && DETERMINERS.contains(&previous.as_str());
    // "holds appeal to voters", "broad appeal": the pull of a thing, not a plea
    let allure = lower == "appeal" && ALLURE_BEFORE_APPEAL.contains(&previous.as_str());
    // "the execution" of a plan or a game's: a killing is an execution of someone
    let bare_execution = lower == "execution" && words.get(k + 1).is_none_or(|w| *w != "of");
    // "captured on camera"
    let recorded = kind == "capture"
        && words
            .get(k + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("on"))
        && words
            .get(k + 2)
            .is_some_and(|w| RECORDINGS.contains(&w.to_lowercase().as_str()));
    let illness = kind == "attack" && ILLNESS_BEFORE_ATTACK.contains(&previous.as_str());
    let contest = kind == "clash" && CONTESTS_BEFORE_BATTLE.contains(&previous.as_str());
    odd_object
        || struggle
        || adjective
        || allure
        || bare_execution
        || recorded
        || illness
        || contest
}

/// Whether a trigger word, between its neighbours, is used in a sense that tells of no
/// happening: a company's "executive", an "appealing" offer, "seized on" an idea, a "landslide"
/// win, a study that "demonstrated that …".
fn in_another_sense(words: &[&str], k: usize) -> bool {
    let word = words[k];
    let previous = k.checked_sub(1).map_or("", |j| words[j]);
    let next = words.get(k + 1).copied().unwrap_or("");
    // "seized on Monday", "seized on Tarnby": a time or a place, not an idea seized on
    let named_after_next = words
        .get(k + 2)
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let (word, previous, next) = (
        word.to_lowercase(),
        previous.to_lowercase(),
        next.to_lowercase(),
    );
    let determiner = matches!(
        next.as_str(),
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "these"
    );
    match word.as_str() {
        "executive" | "executives" => true,
        // an appeal is made for or against something, or to someone
        "appealing" => !(determiner || matches!(next.as_str(), "for" | "against")),
        w if w.starts_with("seiz") => matches!(next.as_str(), "on" | "upon") && !named_after_next,
        w if w.starts_with("landslid") => {
            previous == "a"
                || matches!(
                    next.as_str(),
                    "victory" | "win" | "election" | "defeat" | "margin" | "majority"
                )
        }
        // to demonstrate something is to show it; to demonstrate is to protest
        w if w.starts_with("demonstrat") && !w.starts_with("demonstration") => {
            // "demonstrated in 2013 that …": a finding shown
            let shows_that = words
                .iter()
                .skip(k + 1)
                .take(4)
                .any(|w| w.eq_ignore_ascii_case("that"));
            determiner || shows_that || matches!(next.as_str(), "how" | "what" | "why" | "whether")
        }
        _ => false,
    }
}

/// Words for the places a force enters when it takes them ("entered the town").
const SETTLEMENT_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "villages",
    "capital",
    "province",
    "district",
    "region",
    "territory",
    "area",
    "camp",
    "base",
    "valley",
    "compound",
    "outskirts",
    "suburbs",
];

/// Whether "entered" at `k` is followed by a place it takes ("entered Tarnby", "entered the
/// provincial capital"); one enters rehab, a race or a building without capturing it.
fn enters_a_place(doc: &Document, spans: &[(usize, usize)], words: &[&str], k: usize) -> bool {
    let object = (k + 1..words.len().min(k + 5))
        .find(|&j| !matches!(words[j].to_lowercase().as_str(), "the" | "a" | "an"));
    let Some(j) = object else { return false };
    let a_place_named = doc
        .mentions
        .iter()
        .any(|m| m.start == spans[j].0 && m.kind == EntityType::Location);
    a_place_named
        || (j..words.len().min(j + 3))
            .any(|i| SETTLEMENT_NOUNS.contains(&words[i].to_lowercase().as_str()))
}

/// Whether a word names a kind of happening the events stage reads ("attack", "clashes"), so
/// that a time can be counted from it ("the day after the attack").
pub fn names_a_happening(word: &str) -> bool {
    trigger_type(word).is_some()
}

/// The event type a verb and the word after it trigger, if any.
fn phrase_type(word: &str, next: &str) -> Option<&'static str> {
    let (word, next) = (word.to_lowercase(), next.to_lowercase());
    PHRASE_TRIGGERS
        .iter()
        .find(|(w, n, _)| *w == word && *n == next)
        .map(|(_, _, kind)| *kind)
}

/// Whether the words before a trigger deny it: a negation one or two words before it ("not
/// attack", "not to attack", "did not capture"). A negation further back ("did not want to
/// attack") is beyond this rule.
fn is_negated(before: &[&str]) -> bool {
    let last: Vec<String> = before
        .iter()
        .rev()
        .take(3)
        .map(|w| w.to_lowercase())
        .collect();
    // "no one was killed", "didn't appear to clash"; not "not only attacked"
    let denies =
        |w: &str| NEGATIONS.contains(&w) || w.ends_with("n't") || w.ends_with("n\u{2019}t");
    last.iter()
        .enumerate()
        .any(|(j, w)| denies(w) && (j == 0 || last[j - 1] != "only"))
}

/// The events of a document (mentions, statements and times found first).
pub fn find(doc: &Document) -> Vec<EventFound> {
    let mut out: Vec<EventFound> = Vec::new();
    for sentence in &doc.sentences {
        let (spans, words) = super::mentions::sentence_tokens(&doc.body, *sentence);
        let mut seen_in_sentence: Vec<&str> = Vec::new();
        // word classes, worked out for a sentence once a trigger in it stands
        let mut classes: Option<Vec<usize>> = None;
        for (k, word) in words.iter().enumerate() {
            let next = words.get(k + 1).copied().unwrap_or("");
            let Some(kind) = trigger_type(word).or_else(|| phrase_type(word, next)) else {
                continue;
            };
            // "not to attack" did not happen; the "Rescue Directorate" is a name, not a rescue
            let in_a_name = doc
                .mentions
                .iter()
                .any(|m| m.start <= spans[k].0 && spans[k].1 <= m.end);
            // "the day after the attack" tells of an attack already reported
            let in_a_time = doc
                .times
                .iter()
                .any(|t| t.span.start <= spans[k].0 && spans[k].1 <= t.span.end);
            if is_negated(&words[..k])
                || in_a_name
                || in_a_time
                || (word.eq_ignore_ascii_case("entered") && !enters_a_place(doc, &spans, &words, k))
                || in_another_sense(&words, k)
                || unrealised(&words, k)
                || figurative(&words, k, kind)
            {
                continue;
            }
            // one record per type and sentence: "clashed … fighting" is one happening
            if seen_in_sentence.contains(&kind) {
                continue;
            }
            seen_in_sentence.push(kind);
            let trigger = Span {
                start: spans[k].0,
                end: spans[k].1,
            };
            let classes = classes.get_or_insert_with(|| super::shipped_pos().tag(&words));
            let takers = participants(doc, *sentence, &spans, &words, classes, k, kind);
            let (actor, target) = if is_passive(&words, k) {
                passive_roles(doc, &takers, trigger, &spans, &words, k)
            } else if let Some(sides) = sides_between(doc, &takers, &spans, &words, k) {
                sides
            } else {
                active_roles(doc, &takers, trigger)
            };
            let (actor, target) = with_possessor_undergoing(doc, kind, trigger, actor, target);
            out.push(EventFound {
                kind,
                trigger,
                sentence: *sentence,
                actor,
                target,
                place: place(doc, *sentence, trigger),
                time: nearest_time(doc, *sentence, trigger),
                claimant: doc
                    .statements
                    .iter()
                    .find(|s| s.start <= trigger.start && trigger.end <= s.end)
                    .and_then(|s| s.speaker),
            });
        }
    }
    out
}

/// The sentence's time expression nearest the trigger: "said on Wednesday that the dam, which
/// burst on Monday, …" dates the burst to Monday. One after the trigger wins a tie, as news
/// writes the time after the verb.
fn nearest_time(doc: &Document, sentence: Span, trigger: Span) -> Option<usize> {
    let distance = |t: Span| {
        if t.start >= trigger.end {
            (t.start - trigger.end, 0)
        } else {
            (trigger.start.saturating_sub(t.end), 1)
        }
    };
    doc.times
        .iter()
        .enumerate()
        .filter(|(_, t)| t.span.start >= sentence.start && t.span.end <= sentence.end)
        .min_by_key(|(_, t)| distance(t.span))
        .map(|(k, _)| k)
}

fn in_sentence(doc: &Document, sentence: Span) -> impl Iterator<Item = usize> + '_ {
    (0..doc.mentions.len()).filter(move |&k| {
        doc.mentions[k].start >= sentence.start && doc.mentions[k].end <= sentence.end
    })
}

fn is_actor(doc: &Document, k: usize) -> bool {
    matches!(
        doc.mentions[k].kind,
        EntityType::Person | EntityType::Organization | EntityType::Other
    )
}

/// The names of a sentence that may act or be acted on in the happening its word `k` tells of
/// (mention indices, in order): persons, groups and peoples, and a place that is the trigger
/// verb's subject; but not a name of a place set after
/// a preposition of place ("in Queens", "at a suburban Tarnby firm"), nor a name that qualifies
/// the noun after it ("an Oregon bank", "the office Christmas party"): there the noun phrase
/// takes part, not the name. A name before the trigger itself stays ("Northern Front attacks").
fn participants(
    doc: &Document,
    sentence: Span,
    spans: &[(usize, usize)],
    words: &[&str],
    classes: &[usize],
    k: usize,
    kind: &str,
) -> Vec<usize> {
    let token_at = |offset: usize| spans.iter().position(|&(s, _)| s >= offset);
    // a place right before the trigger's verb is its subject, a state or its forces ("Lornia
    // invaded", "Tarnby struck"); before a noun, or after a preposition, it says where ("a
    // Tarnby attack", "the dam on the Marrow River gave way"); nor does a place make a disaster
    let subject_of_the_verb = |m: usize| {
        doc.mentions[m].kind == EntityType::Location
            && kind != "disaster"
            && token_at(doc.mentions[m].end) == Some(k)
            && pos::is_finite_verb(classes[k])
            && !after_a_preposition(classes, token_at(doc.mentions[m].start).unwrap_or(0))
    };
    in_sentence(doc, sentence)
        .filter(|&m| is_actor(doc, m) || subject_of_the_verb(m))
        .filter(|&m| {
            let first = token_at(doc.mentions[m].start).unwrap_or(0);
            let next = token_at(doc.mentions[m].end);
            // "Tarnby attacks", "Republican attacks": who attacked
            let qualifies_the_trigger = next == Some(k);
            qualifies_the_trigger
                || (can_take_part(doc, m)
                    && !after_a_preposition_of_place(words, classes, first)
                    && !next.is_some_and(|next| {
                        qualifies(words, classes, past_names_and_pairs(words, next))
                    }))
        })
        .collect()
}

/// The first word from `next` on past other names and the words that pair names ("Lornian and
/// Tarnbian | fighters", "Tarnby WKLR | reporter"): what the whole run qualifies.
fn past_names_and_pairs(words: &[&str], next: usize) -> usize {
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let mut j = next;
    while j < words.len()
        && j < next + 4
        && (capitalised(words[j]) || matches!(words[j], "and" | "or" | ","))
    {
        j += 1;
    }
    // a run that ends on a pairing word pairs nothing
    if j > next && !capitalised(words[j - 1]) {
        return next;
    }
    j.min(words.len() - 1)
}

/// Last words of the names of laws, pacts and texts: such a name does nothing.
const DOCUMENT_HEADS: &[&str] = &[
    "act",
    "law",
    "bill",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "amendment",
    "charter",
    "protocol",
    "resolution",
    "constitution",
    "code",
    "doctrine",
    "convention",
];

/// No law or pact takes part ("the Harbour Act"); other names (not persons, bodies or places)
/// take part when they are one word, a people or a group ("Kurds", "Taliban"), or end in a
/// body's word ("Eastern Naval Command"): a work, a show or a product of several words
/// ("Catching Light", "Dubai Air Show") does nothing.
fn can_take_part(doc: &Document, m: usize) -> bool {
    let mention = &doc.mentions[m];
    let name = &doc.body[mention.start..mention.end];
    let last = name
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(name)
        .to_lowercase();
    // a law or a pact, whatever the tagger took it for ("the Harbour Act", "the Lorn Accord")
    if name.contains(char::is_whitespace) && DOCUMENT_HEADS.contains(&last.as_str()) {
        return false;
    }
    if mention.kind != EntityType::Other {
        return true;
    }
    // one word names a people or a group ("Kurds", "Taliban"); of longer names, only a body's
    // the tagger took for something else ("Eastern Naval Command")
    !name.contains(char::is_whitespace)
        || ORGANIZATION_WORDS.contains(&last.as_str())
        || POLITY_HEADS.contains(&last.as_str())
}

/// The first word before token `first`, within five, that is no article, adjective, number,
/// possessive or name, or that `stops` (the word a noun phrase hangs from).
fn word_before_the_phrase(
    classes: &[usize],
    first: usize,
    stops: impl Fn(usize) -> bool,
) -> Option<usize> {
    (first.saturating_sub(5)..first).rev().find(|&j| {
        stops(j)
            || !matches!(
                pos::class_name(classes[j]),
                "DT" | "JJ" | "CD" | "POS" | "NNP"
            )
    })
}

/// Whether a preposition stands before token `first` with only articles, adjectives, numbers
/// and names between.
fn after_a_preposition(classes: &[usize], first: usize) -> bool {
    word_before_the_phrase(classes, first, |_| false)
        .is_some_and(|j| pos::class_name(classes[j]) == "IN")
}

/// Whether the words before token `first` are a preposition of place with only articles,
/// adjectives, numbers and names between ("in Queens", "at a suburban Tarnby", "into Lorn 's").
fn after_a_preposition_of_place(words: &[&str], classes: &[usize], first: usize) -> bool {
    let of_place = |j: usize| PLACE_PREPOSITIONS.contains(&words[j].to_lowercase().as_str());
    word_before_the_phrase(classes, first, of_place).is_some_and(of_place)
}

/// Whether the word at `next`, right after a name, makes the name a qualifier of a noun: a
/// lower-case noun or adjective ("Oregon bank", "Tarnby navy"), or a gerund before a noun
/// ("Tarnby accounting firm").
fn qualifies(words: &[&str], classes: &[usize], next: usize) -> bool {
    let noun = |j: usize| matches!(pos::class_name(classes[j]), "NN" | "NNS");
    words[next].starts_with(|c: char| c.is_lowercase())
        && (noun(next)
            || pos::class_name(classes[next]) == "JJ"
            || (pos::class_name(classes[next]) == "VBG"
                && next + 1 < words.len()
                && noun(next + 1)))
}

/// The last person or group named before the trigger in its sentence.
fn named_before(doc: &Document, takers: &[usize], trigger: Span) -> Option<usize> {
    takers
        .iter()
        .copied()
        .rfind(|&k| doc.mentions[k].end <= trigger.start)
}

/// Who acted and on whom, told in the active: the last person or group named before the
/// trigger, then the first one after it.
fn active_roles(doc: &Document, takers: &[usize], trigger: Span) -> (Option<usize>, Option<usize>) {
    let after = takers
        .iter()
        .copied()
        .find(|&k| doc.mentions[k].start >= trigger.end);
    (named_before(doc, takers, trigger), after)
}

/// "Clashes between the Northern Front and Tarnby's militia", "talks between Holt and Voss": the
/// two sides named after "between", the first as actor 1, as ACLED codes them.
fn sides_between(
    doc: &Document,
    takers: &[usize],
    spans: &[(usize, usize)],
    words: &[&str],
    k: usize,
) -> Option<(Option<usize>, Option<usize>)> {
    let between = (k + 1..words.len().min(k + 4)).find(|&j| words[j] == "between")?;
    let mut sides = takers
        .iter()
        .copied()
        .filter(|&m| doc.mentions[m].start >= spans[between].1);
    let first = sides.next()?;
    let second = sides.next();
    Some((Some(first), second))
}

/// Kinds of happening done to someone: whose arrest, capture, killing, injury or rescue it is
/// underwent it ("Voss's arrest"), where whose attack or talks it is did it.
const UNDERGONE_KINDS: &[&str] = &["arrest", "capture", "killing", "injury", "rescue"];

/// Roles with a possessor of the trigger moved to whom it was done, for happenings one
/// undergoes: "Voss's arrest in Tarnby" is no arrest Voss made.
fn with_possessor_undergoing(
    doc: &Document,
    kind: &str,
    trigger: Span,
    actor: Option<usize>,
    target: Option<usize>,
) -> (Option<usize>, Option<usize>) {
    let possessor = actor.filter(|&m| {
        let between = doc
            .body
            .get(doc.mentions[m].end..trigger.start)
            .unwrap_or("");
        matches!(between.trim(), "'s" | "\u{2019}s" | "'" | "\u{2019}")
    });
    match possessor {
        Some(m) if UNDERGONE_KINDS.contains(&kind) && target.is_none() => (None, Some(m)),
        _ => (actor, target),
    }
}

/// Forms of "be" and "get" before a participle that make it passive ("were killed", "got
/// arrested"), and words that may stand between ("were reportedly killed", "have been").
const PASSIVE_AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "got", "get", "gets", "getting",
];

/// Whether the trigger at `k` is a participle in the passive: after a form of "be" or "get"
/// (adverbs between), or followed by "by" and a name ("civilians killed by militants").
fn is_passive(words: &[&str], k: usize) -> bool {
    let lower = words[k].to_lowercase();
    let participle = lower.ends_with("ed") || matches!(lower.as_str(), "slain" | "overran");
    if !participle || lower == "overran" {
        return false;
    }
    let after_be = words[..k]
        .iter()
        .rev()
        .map(|w| w.to_lowercase())
        .find(|w| !is_an_adverb(w))
        .is_some_and(|w| PASSIVE_AUXILIARIES.contains(&w.as_str()));
    let by_a_name = words
        .get(k + 1)
        .is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && words
            .get(k + 2)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) || *w == "the");
    after_be || by_a_name
}

/// "reportedly", "also", "not": words that may stand between an auxiliary and its participle.
fn is_an_adverb(w: &str) -> bool {
    matches!(w, "also" | "not") || (w.len() > 4 && w.ends_with("ly"))
}

/// Who acted and on whom, told in the passive: the subject before the trigger was acted on; the
/// name after "by" acted, if one is given.
fn passive_roles(
    doc: &Document,
    takers: &[usize],
    trigger: Span,
    spans: &[(usize, usize)],
    words: &[&str],
    k: usize,
) -> (Option<usize>, Option<usize>) {
    let by = (k + 1..words.len().min(k + 4)).find(|&j| words[j].eq_ignore_ascii_case("by"));
    let agent = by.and_then(|j| {
        let after_by = spans[j].1;
        takers
            .iter()
            .copied()
            .find(|&m| doc.mentions[m].start >= after_by)
            // the agent is named right after "by" ("by the Northern Front"), not a clause on
            .filter(|&m| {
                doc.body
                    .get(after_by..doc.mentions[m].start)
                    .is_some_and(|gap| gap.split_whitespace().count() <= 2)
            })
    });
    (agent, named_before(doc, takers, trigger))
}

/// Where: the first place named after the trigger in the sentence, else the last one before it.
/// A place before a noun for people says where they are from ("a Tarnby man", "Lorn
/// residents"), and one before a verb of saying is a speaker ("Lornia said"): neither is where.
fn place(doc: &Document, sentence: Span, trigger: Span) -> Option<usize> {
    let places: Vec<usize> = in_sentence(doc, sentence)
        .filter(|&k| doc.mentions[k].kind == EntityType::Location)
        .filter(|&k| {
            let next = doc.body[doc.mentions[k].end..sentence.end]
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .find(|w| !w.is_empty())
                .unwrap_or("");
            let lower = next.to_lowercase();
            let of_people = next.starts_with(|c: char| c.is_lowercase())
                && PEOPLE_NOUNS.contains(&lower.as_str());
            let speaks = matches!(
                lower.as_str(),
                "said" | "says" | "told" | "tells" | "reported"
            );
            !of_people && !speaks
        })
        .collect();
    places
        .iter()
        .find(|&&k| doc.mentions[k].start >= trigger.end)
        .or_else(|| {
            places
                .iter()
                .rev()
                .find(|&&k| doc.mentions[k].end <= trigger.start)
        })
        .copied()
}

/// Across the run: each document's events with entity ids and dates: the date of the sentence's
/// time expression, else the one the article's publication date (or inferred range) gives,
/// flagged `date_source: "article"`.
/// `places` holds the ids of the entities that are places: a mention the tagger read as a place
/// but that belongs to a person or body across the run ("Voss" in one sentence) is no place.
pub fn link(
    docs: &[Document],
    entity_at: &EntityOfMention,
    places: &std::collections::HashSet<&str>,
) -> Vec<Event> {
    let mut out = Vec::new();
    for doc in docs {
        let anchor = super::times::anchor(doc).map(|(a, _)| a);
        let dated_by = anchor.map(|(start, end)| DateRange { start, end });
        let entity = |k: usize| {
            entity_at
                .get(&(doc.id.as_str(), doc.mentions[k].start))
                .map(|id| id.to_string())
        };
        let resolved = super::times::resolve_document(doc);
        for e in &doc.events {
            let from_expression = e
                .time
                .and_then(|t| resolved.get(t).copied().flatten())
                .map(|(range, _)| range);
            let (date, date_source) = match from_expression {
                Some(range) => (Some(range), Some("expression")),
                None => (dated_by, dated_by.map(|_| "article")),
            };
            let actor = e.actor.and_then(entity);
            let target = e
                .target
                .and_then(entity)
                .filter(|t| Some(t) != actor.as_ref());
            let actors: Vec<String> = actor.iter().chain(target.iter()).cloned().collect();
            out.push(Event {
                id: format!("event-{}", out.len() + 1),
                kind: e.kind.to_string(),
                summary: doc.text(e.sentence).trim().to_string(),
                date,
                date_source: date_source.map(String::from),
                actors,
                actor,
                target,
                place: e
                    .place
                    .and_then(entity)
                    .filter(|id| places.contains(id.as_str())),
                claimant: e.claimant.and_then(entity),
                evidence: vec![EventEvidence {
                    doc: doc.id.clone(),
                    start: e.trigger.start,
                    end: e.trigger.end,
                }],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_document;

    #[test]
    fn triggers_and_their_types() {
        assert_eq!(trigger_type("attacked"), Some("attack"));
        assert_eq!(trigger_type("Clashes"), Some("clash"));
        assert_eq!(trigger_type("besieged"), Some("siege"));
        assert_eq!(trigger_type("attackers"), None);
        assert_eq!(trigger_type("fighters"), None);
        assert_eq!(trigger_type("burst"), Some("disaster"));
        assert_eq!(trigger_type("rescued"), Some("rescue"));
        assert_eq!(trigger_type("rescue"), None);
        assert_eq!(phrase_type("gave", "way"), Some("disaster"));
        assert_eq!(phrase_type("gave", "up"), None);
        assert_eq!(phrase_type("shot", "down"), Some("attack"));
    }

    #[test]
    fn a_time_counted_from_a_happening_takes_the_happenings_date() {
        let mut doc = test_document(
            "d",
            "Militias attacked the Lorn bridge on Monday. The day after the attack, crews \
             arrived, and hours after the attack the mayor spoke. A week before the clashes, \
             the dam was inspected.",
        );
        doc.published = Some("2030-05-10".into());
        crate::text::segment(&mut doc);
        doc.mentions = super::super::mentions::find(&doc, super::super::shipped_ner());
        doc.times = super::super::times::find(&doc.body);
        doc.events = find(&doc);
        let placed = super::super::times::resolve_document(&doc);
        let days: Vec<Option<String>> = placed
            .iter()
            .map(|p| p.as_ref().map(|(range, _)| range.start.to_string()))
            .collect();
        // 2030-05-10 is a Friday; no clashes are told of before, so nothing dates them
        assert_eq!(
            days,
            [
                Some("2030-05-06".to_string()),
                Some("2030-05-07".to_string()),
                Some("2030-05-06".to_string()),
                None
            ]
        );
    }

    #[test]
    fn trigger_words_in_other_senses_are_no_events() {
        let mut doc = test_document(
            "d",
            "The firm's chief executive quit. The offer was appealing to buyers. Critics seized on \
             the remark. Rebels seized on Monday the Lorn bridge. Holt won in a landslide. The study demonstrated that dams age. The \
             phone has a hard shell. Militias shelled Tarnby. Crowds demonstrated outside the \
             court. Families are appealing for calm. The singer entered rehab on Friday. Rebels \
             entered the provincial capital at dawn.",
        );
        crate::text::segment(&mut doc);
        doc.mentions = super::super::mentions::find(&doc, super::super::shipped_ner());
        let kinds: Vec<&str> = find(&doc).iter().map(|e| e.kind).collect();
        assert_eq!(kinds, ["capture", "attack", "protest", "appeal", "capture"]);
    }

    #[test]
    fn a_happening_said_not_to_take_place_is_no_event() {
        let mut doc = test_document(
            "d",
            "The Northern Front agreed not to attack Tarnby. Its fighters did not capture the pass. \
             The Marrow Dam gave way on Monday. The Harbour Evacuation Board opened shelters.",
        );
        crate::text::segment(&mut doc);
        doc.mentions = super::super::mentions::find(&doc, super::super::shipped_ner());
        doc.times = super::super::times::find(&doc.body);
        let kinds: Vec<&str> = find(&doc).iter().map(|e| e.kind).collect();
        assert_eq!(kinds, ["disaster"]);
    }

    fn kinds_of(text: &str) -> Vec<&'static str> {
        let mut doc = test_document("d", text);
        crate::text::segment(&mut doc);
        doc.mentions = super::super::mentions::find(&doc, super::super::shipped_ner());
        find(&doc).iter().map(|e| e.kind).collect()
    }

    #[test]
    fn a_happening_wanted_threatened_or_demanded_is_no_event() {
        // threatened, demanded, planned, in a modal: none took place
        assert!(kinds_of(
            "Holt admitted threatening to kill a council member. The union called on the \
             board to withdraw its guards. The militia could attack at dawn. Voss plans to \
             arrest the mayor."
        )
        .is_empty());
        // forced to, gathered to: they did
        assert_eq!(
            kinds_of("The rebels were forced to withdraw. Crowds gathered to protest the levy."),
            ["withdrawal", "protest"]
        );
        // pressed into it, or denied a little further back
        assert!(kinds_of(
            "Holt pressed Voss into announcing an inquiry. No one was killed. Holt didn't \
             appear to clash with Voss. Cuts will be announced. I will sing if it kills me. \
             The study demonstrated in 2029 that dams age."
        )
        .is_empty());
        // wished, feared or to come
        assert!(kinds_of(
            "Peace would allow an eventual withdrawal of the brigade. Hopes of a truce lifted \
             shares. Residents voiced fears of a Lornian attack. A possible Tarnby raid worries \
             the council."
        )
        .is_empty());
        // the one who planned it: it took place
        assert_eq!(
            kinds_of("Police arrested the man who planned the attack."),
            ["arrest", "attack"]
        );
    }

    #[test]
    fn words_illness_money_and_contests_are_no_violence() {
        assert!(kinds_of(
            "He died of a heart attack. Holt and Voss attacked each other's policies. Agents \
             executed a search warrant in Lorn. The film captured the mood of the town. The \
             bank lets savers withdraw their savings. Tarnby has been fighting dirty air for \
             years. The parties battle to win the vote. The plan has appeal for voters. The \
             manual has exploded drawings. She won a legal battle over the will. The attacker fled. The mayor shot \
             down the idea. Where the game \
             falters is the execution. The dam collapse was captured on camera."
        )
        .iter()
        .all(|k| *k == "disaster"));
        // violence still is
        assert_eq!(
            kinds_of(
                "Militias attacked the depot. Rebels captured the pass. The regime executed \
                 three prisoners. Troops fought back. Gunmen shot down a helicopter. Troops \
                 fought to retake the town. Tarnby has urged calm."
            ),
            ["attack", "capture", "killing", "clash", "attack", "clash", "appeal"]
        );
    }

    #[test]
    fn an_event_with_actors_place_and_time() {
        let mut doc = test_document(
            "d",
            "Forces of the Northern Front attacked Arlen Voss's positions in Tarnby on Monday night.",
        );
        crate::text::segment(&mut doc);
        doc.mentions = super::super::mentions::find(&doc, super::super::shipped_ner());
        doc.times = super::super::times::find(&doc.body);
        let events = find(&doc);
        assert_eq!(events.len(), 1, "{events:?}");
        let e = &events[0];
        assert!(doc.text(doc.times[e.time.unwrap()].span).contains("Monday"));
        assert_eq!(e.kind, "attack");
        let name = |k: usize| doc.mentions[k].text(&doc.body);
        assert_eq!(e.place.map(name), Some("Tarnby"));
        assert!(e.time.is_some());
        assert_eq!(e.actor.map(name), Some("Northern Front"));
        assert_eq!(e.target.map(name), Some("Arlen Voss"));
    }

    #[test]
    fn in_the_passive_the_subject_was_acted_on_and_the_agent_acted() {
        let roles = |text: &str| {
            let mut doc = test_document("d", text);
            crate::text::segment(&mut doc);
            doc.mentions = super::super::mentions::find(&doc, super::super::shipped_ner());
            let name = |k: usize| doc.mentions[k].text(&doc.body).to_string();
            find(&doc)
                .iter()
                .map(|e| (e.actor.map(name), e.target.map(name)))
                .collect::<Vec<_>>()
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            roles("Arlen Voss was attacked by the Northern Front in Tarnby."),
            [(some("Northern Front"), some("Arlen Voss"))]
        );
        // no agent named: only whom
        assert_eq!(
            roles("Arlen Voss was reportedly arrested in Tarnby on Monday."),
            [(None, some("Arlen Voss"))]
        );
        // the active still reads who, then whom
        assert_eq!(
            roles("The Northern Front attacked Arlen Voss in Tarnby."),
            [(some("Northern Front"), some("Arlen Voss"))]
        );
        // with no one named before the verb, the one named after was acted on
        assert_eq!(
            roles("Officers arrested Arlen Voss in Tarnby."),
            [(None, some("Arlen Voss"))]
        );
        // clashes between two sides: both act
        assert_eq!(
            roles("Clashes erupted between the Northern Front and the Tarnby Guard."),
            [(some("Northern Front"), some("Tarnby Guard"))]
        );
    }

    /// Who acted and on whom, with the names and their types given (the tagger's own types vary).
    /// A segmented document with the names given, and their types, as its mentions.
    fn with_names(text: &str, names: &[(&str, EntityType)]) -> Document {
        let mut doc = test_document("d", text);
        crate::text::segment(&mut doc);
        doc.mentions = names
            .iter()
            .map(|&(name, kind)| {
                let start = text.find(name).unwrap();
                crate::model::Mention {
                    start,
                    end: start + name.len(),
                    kind,
                    title: None,
                }
            })
            .collect();
        doc.mentions.sort_by_key(|m| m.start);
        doc
    }

    fn roles_with(
        text: &str,
        names: &[(&str, EntityType)],
    ) -> Vec<(Option<String>, Option<String>)> {
        let doc = with_names(text, names);
        let name = |k: usize| doc.mentions[k].text(&doc.body).to_string();
        find(&doc)
            .iter()
            .map(|e| (e.actor.map(name), e.target.map(name)))
            .collect()
    }

    #[test]
    fn places_qualifiers_laws_and_titles_take_no_part() {
        use EntityType::{Location, Organization, Other, Person};
        let some = |s: &str| Some(s.to_string());
        // a name after a preposition of place is where, whatever its type
        assert_eq!(
            roles_with(
                "A driver struck and killed a cyclist in Brenvale on Friday.",
                &[("Brenvale", Organization)]
            ),
            [(None, None)]
        );
        // a name before a noun qualifies it: the guard was killed, not the town
        assert_eq!(
            roles_with(
                "A Corvin bank guard was killed on Friday.",
                &[("Corvin", Organization)]
            ),
            [(None, None)]
        );
        // nor names paired before the noun
        assert_eq!(
            roles_with(
                "Lornian and Tarnbian fighters were killed on Monday.",
                &[("Lornian", Other), ("Tarnbian", Other)]
            ),
            [(None, None)]
        );
        // a law, and a title of several words, do nothing
        assert_eq!(
            roles_with(
                "Minister Ada Quell announced changes to the Fenwick Water Act.",
                &[("Ada Quell", Person), ("Fenwick Water Act", Organization)]
            ),
            [(some("Ada Quell"), None)]
        );
        assert_eq!(
            roles_with(
                "Lena Marsh is in talks to direct the sequel to Silver Harbour Nights.",
                &[("Lena Marsh", Person), ("Silver Harbour Nights", Other)]
            ),
            [(some("Lena Marsh"), None)]
        );
        // a name before the trigger itself says who did it
        assert_eq!(
            roles_with(
                "Dravian attacks killed four soldiers.",
                &[("Dravian", Other)]
            )[0],
            (some("Dravian"), None)
        );
        // a place as the subject of the verb is a state acting
        assert_eq!(
            roles_with(
                "Lornia attacked the island on Monday.",
                &[("Lornia", Location)]
            ),
            [(some("Lornia"), None)]
        );
        // but not after a preposition, nor in a disaster
        assert_eq!(
            roles_with(
                "Troops on the Marrow River attacked the island.",
                &[("Marrow River", Location)]
            ),
            [(None, None)]
        );
        assert_eq!(
            roles_with(
                "The Corvin Dam gave way on Monday.",
                &[("Corvin Dam", Location)]
            ),
            [(None, None)]
        );
    }

    #[test]
    fn a_place_of_origin_or_a_speaking_place_is_not_where() {
        let place_of = |text: &str, names: &[&str]| {
            let places: Vec<(&str, EntityType)> =
                names.iter().map(|&n| (n, EntityType::Location)).collect();
            let doc = with_names(text, &places);
            let name = |k: usize| doc.mentions[k].text(&doc.body).to_string();
            find(&doc)
                .iter()
                .map(|e| e.place.map(name))
                .collect::<Vec<_>>()
        };
        // where the man is from, not where he died
        assert_eq!(
            place_of("A Tarnby man was killed on Monday.", &["Tarnby"]),
            [None]
        );
        // a state that speaks
        assert_eq!(
            place_of("Two guards were killed, Lornia said.", &["Lornia"]),
            [None]
        );
        // the police serve where they act
        assert_eq!(
            place_of("Tarnby police arrested two men.", &["Tarnby"]),
            [Some("Tarnby".to_string())]
        );
    }

    #[test]
    fn whose_arrest_it_is_was_arrested_and_whose_attack_it_is_attacked() {
        use EntityType::{Location, Organization, Person};
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            roles_with(
                "After Dane Voss's arrest in Tarnby, lawyers asked for a hearing.",
                &[("Dane Voss", Person), ("Tarnby", Location)]
            ),
            [(None, some("Dane Voss"))]
        );
        assert_eq!(
            roles_with(
                "The Northern Front's attack on the bridge failed.",
                &[("Northern Front", Organization)]
            ),
            [(some("Northern Front"), None)]
        );
    }
}
