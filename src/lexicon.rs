//! Word lists of news English that more than one stage reads.

/// Words that say what kind of place a name is ("Talvin Valley", "Essen district"): written after
/// a place's name they belong to it, and the place is the same with or without them.
pub const PLACE_DESIGNATORS: &[&str] = &[
    "valley",
    "province",
    "district",
    "region",
    "county",
    "governorate",
    "oblast",
    "prefecture",
    "municipality",
    "city",
    "town",
    "village",
    "state",
];

/// Whether a lower-case designator after a name makes it a place even when the name was read as
/// something else: "Talvin district" is a place, but "the Lorn state" or "a Lorn town" is often
/// a group's or a team's.
pub fn designator_names_a_place(designator: &str) -> bool {
    !matches!(designator, "state" | "city" | "town")
}

/// Words that make a name a body's and never a person's: what kind of body it is, in English and
/// in the languages whose agencies and papers English news cites ("Agence France-Presse",
/// "Deutsche Presse-Agentur", "Agencia EFE"). Words that are also surnames (Bank, Post, Times,
/// Union) are left out.
pub const ORGANIZATION_WORDS: &[&str] = &[
    "agency",
    "agence",
    "agencia",
    "agenzia",
    "agentur",
    "presse",
    "prensa",
    "ministry",
    "committee",
    "council",
    "commission",
    "party",
    "corporation",
    "inc",
    "ltd",
    "plc",
    "association",
    "brotherhood",
    "institute",
    "university",
    "federation",
    "foundation",
    "organisation",
    "organization",
    "department",
    "authority",
    "bureau",
    "broadcasting",
    "television",
    "board",
    "brigade",
    "brigades",
    "battalion",
    "regiment",
    "militia",
    "navy",
    "command",
    "police",
    "guard",
    "guards",
    "corps",
    "academy",
    "hospital",
    // words only a sports club's name has ("Kestwick Rovers", "Harbourside Athletic")
    "rovers",
    "athletic",
    "wanderers",
    "albion",
    "fc",
    "afc",
];

/// Words for a river, a dam, a street and the like. Capitalised at the end of a name of two
/// words or more ("Talvin River", "Corrabel Dam", "Halloran Street") they make it a place,
/// whatever the tagger thought. Words that are also common surnames (Lane, Lake, Park, Bay,
/// Hill) are left out.
pub const FEATURE_WORDS: &[&str] = &[
    "river",
    "dam",
    "reservoir",
    "canal",
    "street",
    "road",
    "avenue",
    "boulevard",
    "square",
    "highway",
    "motorway",
    "bridge",
    "airport",
    "mountains",
    "island",
    "islands",
    "strait",
    "gulf",
    "ocean",
    "peninsula",
    "desert",
];

/// Heads of the names of states, governments and armed bodies that take their place or people
/// after "of" ("Emirate of …", "Kingdom of …", "Army of …"): with the place, one name.
pub const POLITY_HEADS: &[&str] = &[
    "emirate",
    "republic",
    "kingdom",
    "caliphate",
    "sultanate",
    "principality",
    "government",
    "army",
    "court",
    "bank",
    "church",
    "league",
    "assembly",
];

/// Verbs that follow a group acting or speaking as one ("the Front said", "the Front has").
pub const GROUP_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "want",
    "wants",
    "wanted",
    "claimed",
    "claims",
    "claim",
    "announced",
    "announces",
    "denied",
    "denies",
    "deny",
    "warned",
    "warns",
    "vowed",
    "vows",
    "rejected",
    "rejects",
    "seized",
    "captured",
    "launched",
    "attacked",
    "killed",
    "took",
    "declared",
    "insisted",
    "accused",
];

/// Stems of the verbs news English reports speech, claims and stated beliefs with ("said",
/// "told", "claimed", "denies", "warned", "according to"…). A cue holds one of them.
const REPORTING_STEMS: &[&str] = &[
    "say",
    "said",
    "tell",
    "told",
    "claim",
    "den",
    "warn",
    "add",
    "report",
    "state",
    "announc",
    "accus",
    "insist",
    "blam",
    "vow",
    "suggest",
    "believ",
    "argu",
    "explain",
    "note",
    "assert",
    "alleg",
    "confirm",
    "reject",
    "acknowledg",
    "admit",
    "caution",
    "threaten",
    "urg",
    "promis",
    "pledg",
    "predict",
    "wrote",
    "writ",
    "tweet",
    "quot",
    "according",
    "declar",
    "describ",
    "demand",
    "ask",
    "repl",
    "respond",
    "comment",
    "estimat",
    "maintain",
    "repeat",
    "stress",
    "emphasi",
    "indicat",
    "recall",
    "conced",
    "contend",
    "complain",
    "admitt",
    "posted",
    "disclos",
    "reveal",
    "testif",
    "mention",
    "expect",
    "think",
    "thought",
    "fear",
    "hope",
    "hoped",
];

/// Whether a cue reports speech or a claim: one of its words begins with a reporting stem, or
/// it is a colon introducing a statement or a dash signing a quotation ("“…” — Dane Holt").
pub fn is_reporting_cue(cue: &str) -> bool {
    matches!(
        cue.trim(),
        ":" | "\u{2014}" | "\u{2015}" | "\u{2013}" | "-" | "--"
    ) || cue.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        REPORTING_STEMS.iter().any(|stem| w.starts_with(stem))
    })
}

/// Nouns that stand for what someone said was so: what a denial rejects ("denied the
/// reports"), and what a that-clause spells out ("repeated his claim that …").
pub const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "assertions",
    "allegation",
    "allegations",
    "report",
    "reports",
    "statement",
    "version",
];

/// Verbs of saying that open a sentence before their speaker ("Said Holt: …", "Added Voss, …").
/// "Asked" is not one: "Asked about the dam, Holt said …" puts a question to the speaker.
pub const INVERTED_SAYING: &[&str] = &[
    "Said", "Says", "Added", "Adds", "Wrote", "Writes", "Tweeted", "Replied",
];

/// Words that open a phrase of time, place or channel after a verb of saying ("said | on
/// Monday that", "told reporters | late on Friday"): what follows them is no part of the verb,
/// and the "that" after them opens what was said. Weekdays do the same.
pub const SETTING_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "via",
    "through",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "overnight",
];

/// Weekday names, Monday first (Monday = 0, as chrono counts from Monday).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a lower-cased word is one of the STOPWORDS.
pub fn is_stopword(word: &str) -> bool {
    static SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(word)
}

/// Common English words that say nothing about what a story is about.
pub const STOPWORDS: &[&str] = &[
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

/// A party and state tag as American news writes it after a name: "R-NY", "D-N.Y.", "I-Vt".
pub fn is_party_tag(w: &str) -> bool {
    let Some((party, place)) = w.split_once('-') else {
        return false;
    };
    matches!(party, "R" | "D" | "I")
        && place.starts_with(|c: char| c.is_ascii_uppercase())
        && place.len() <= MAX_STATE_TAG
        && place.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// Most characters of a state in a party tag ("Calif.").
const MAX_STATE_TAG: usize = 6;

/// Words before a name that say it is a place: "in Tarnby", "near Corrabel" ("to" and "from"
/// also go before people: "harm to Holt", "a letter from Holt").
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "outside",
    "inside",
    "throughout",
    "into",
    "within",
    "off",
];

/// Nouns for people that a place before them says where they are from ("a Tarnby man", "Lorn
/// residents"). Not the police or officials: "Tarnby police" serve where they act.
pub const PEOPLE_NOUNS: &[&str] = &[
    "man",
    "men",
    "woman",
    "women",
    "boy",
    "boys",
    "girl",
    "girls",
    "teen",
    "teens",
    "teenager",
    "teenagers",
    "child",
    "children",
    "resident",
    "residents",
    "native",
    "natives",
    "couple",
    "family",
    "families",
    "people",
    "student",
    "students",
    "worker",
    "workers",
];

/// Whether the body writes a name as a place somewhere: after "in", "at", "near" and the like,
/// and not as a possessor ("in Voss's office" is no place called Voss).
pub fn written_as_a_place(body: &str, name: &str) -> bool {
    body.match_indices(name).any(|(at, _)| {
        let before = body[..at].split_whitespace().next_back().unwrap_or("");
        let after = &body[at + name.len()..];
        let whole_word = !after.starts_with(char::is_alphanumeric)
            && !body[..at].ends_with(char::is_alphanumeric);
        let possessor = after.starts_with("'s") || after.starts_with("\u{2019}s");
        whole_word && !possessor && PLACE_PREPOSITIONS.contains(&before.to_lowercase().as_str())
    })
}
