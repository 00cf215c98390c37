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
/// it is a colon introducing a statement.
pub fn is_reporting_cue(cue: &str) -> bool {
    cue.trim() == ":"
        || cue.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            REPORTING_STEMS.iter().any(|stem| w.starts_with(stem))
        })
}

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
