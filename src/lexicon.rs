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
