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
