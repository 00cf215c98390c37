//! Names of one entity that share no spelling, joined only on what the text shows: a document
//! saying so ("the Talvin Brigade, also known as the Hawks") and a body's own name for itself,
//! heard only from its own people ("the fighters of the Sacred Emirate advanced," said the
//! Brigade's spokesman).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::{owners, Resolved};
use crate::model::{AliasEvidence, AliasReason, Document, EntityType, QuoteKind};

/// What stands between two names when the second is another name of the first: ", also known
/// as", ", which calls itself", ", formerly", "(a.k.a.".
static NAMED_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)^\s*[,(]\s*(?:(?:which|who|that)\s+(?:calls?\s+(?:itself|themselves)|(?:is|are|was|were)\s+(?:also\s+|better\s+|formerly\s+)?(?:known|called)\s+as)|(?:also|formerly|previously|better|now)\s+(?:known\s+as|called)|formerly|a\.?k\.?a\.?)\s+(?:the\s+)?["“']?$"#,
    )
    .expect("named-as pattern")
});

/// One document's statement that two of its mentions name one thing: (document, the first
/// mention, the second mention).
pub(super) type NamedAs = (usize, usize, usize);

/// Every pair of mentions a document says name one thing, of compatible types (a person is not
/// another name of a body).
pub(super) fn named_as(docs: &[Document]) -> Vec<NamedAs> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (k, pair) in doc.mentions.windows(2).enumerate() {
            let (first, second) = (&pair[0], &pair[1]);
            let people = [first.kind, second.kind].map(|t| t == EntityType::Person);
            let between = doc.body.get(first.end..second.start).unwrap_or("");
            if people[0] == people[1] && between.len() <= 40 && NAMED_AS.is_match(between) {
                out.push((d, k, k + 1));
            }
        }
    }
    out
}

/// Moves each named-as pair's groups into one: the less mentioned into the more mentioned.
pub(super) fn join_named_as(
    mut groups: BTreeMap<String, Vec<(usize, usize)>>,
    pairs: &[NamedAs],
) -> BTreeMap<String, Vec<(usize, usize)>> {
    if pairs.is_empty() {
        return groups;
    }
    let mut key_of: HashMap<(usize, usize), String> = groups
        .iter()
        .flat_map(|(key, list)| list.iter().map(move |&m| (m, key.clone())))
        .collect();
    for &(d, a, b) in pairs {
        let (Some(ka), Some(kb)) = (key_of.get(&(d, a)), key_of.get(&(d, b))) else {
            continue;
        };
        if ka == kb {
            continue;
        }
        let (from, to) = if (groups[kb].len(), ka) > (groups[ka].len(), kb) {
            (ka.clone(), kb.clone())
        } else {
            (kb.clone(), ka.clone())
        };
        let moved = groups.remove(&from).unwrap_or_default();
        for &m in &moved {
            key_of.insert(m, to.clone());
        }
        groups.entry(to).or_default().extend(moved);
    }
    groups
}

/// The evidence of each named-as pair, on the entity that holds both its mentions.
pub(super) fn named_as_evidence(docs: &[Document], entities: &mut [Resolved], pairs: &[NamedAs]) {
    let owner = owners(entities);
    for &(d, a, b) in pairs {
        let (Some(&e), Some(&f)) = (owner.get(&(d, a)), owner.get(&(d, b))) else {
            continue;
        };
        if e != f {
            continue;
        }
        let doc = &docs[d];
        let (first, second) = (&doc.mentions[a], &doc.mentions[b]);
        let entity = &mut entities[e].0;
        // the alias is whichever of the two is not the entity's name
        let alias = if second.text(&doc.body) == entity.name {
            first.text(&doc.body)
        } else {
            second.text(&doc.body)
        };
        entity.aliases.push(AliasEvidence {
            alias: alias.to_string(),
            reason: AliasReason::NamedAs,
            doc: doc.id.clone(),
            start: first.start,
            end: second.end,
        });
    }
}

/// Words for the people or forces of a body: "the fighters of X", "X's troops".
const MEMBERS: &[&str] = &[
    "forces",
    "fighters",
    "troops",
    "soldiers",
    "mujahideen",
    "mujahedeen",
    "mujahidin",
    "militants",
    "members",
    "army",
    "ranks",
    "men",
    "units",
    "guards",
    "leadership",
    "leaders",
    "government",
    "officials",
];

/// Whether a mention is named as the body of some members: "the fighters of (the) X", "X's fighters".
fn named_with_its_members(doc: &Document, mention: usize) -> bool {
    let m = &doc.mentions[mention];
    let before = doc.body[..m.start].trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    let member_of = before
        .strip_suffix(" of")
        .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next())
        .is_some_and(|w| MEMBERS.contains(&w.to_lowercase().as_str()));
    let after = &doc.body[m.end..];
    let possessed = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
        .is_some_and(|w| MEMBERS.contains(&w));
    member_of || possessed
}

/// Bodies' own names for themselves: an organization of several words, no acronym, that the
/// whole run names only inside direct quotations of people of one other organization (its
/// spokesmen, officials or the body itself), at least once as the body of fighters or members,
/// and that nobody else speaks for or belongs to. A name a reporter never uses in their own words
/// but a side uses for its own fighters is that side's name for itself. Returns (the alias
/// entity, the entity it names, the evidence span: the quotation with its cue and speaker).
pub(super) fn own_names(
    docs: &[Document],
    entities: &[Resolved],
) -> Vec<(usize, usize, AliasEvidence)> {
    let owner = owners(entities);
    let index: HashMap<&str, usize> = entities
        .iter()
        .enumerate()
        .map(|(e, (entity, _))| (entity.id.as_str(), e))
        .collect();
    let affiliated: HashSet<usize> = entities
        .iter()
        .filter_map(|(entity, _)| index.get(entity.affiliation.as_deref()?).copied())
        .collect();
    // the side each quoted mention is said by, and the span saying it; and every speaker
    let mut said_by: HashMap<(usize, usize), (Option<usize>, usize, usize)> = HashMap::new();
    let mut speakers: HashSet<usize> = HashSet::new();
    for (d, doc) in docs.iter().enumerate() {
        for s in &doc.statements {
            let Some(&speaker) = s.speaker.and_then(|j| owner.get(&(d, j))) else {
                continue;
            };
            speakers.insert(speaker);
            if s.kind != QuoteKind::Direct {
                continue;
            }
            let speaker_entity = &entities[speaker].0;
            let side = if speaker_entity.kind == EntityType::Organization {
                Some(speaker)
            } else {
                speaker_entity
                    .affiliation
                    .as_deref()
                    .and_then(|id| index.get(id).copied())
            };
            let mut from = s.start.min(s.cue.start);
            let mut to = s.end.max(s.cue.end);
            if let Some(source) = s.source {
                from = from.min(source.start);
                to = to.max(source.end);
            }
            for (k, m) in doc.mentions.iter().enumerate() {
                if m.start >= s.start && m.end <= s.end {
                    said_by.insert((d, k), (side, from, to));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (x, (entity, list)) in entities.iter().enumerate() {
        let several_words = entity.name.split_whitespace().count() >= 2;
        if entity.kind != EntityType::Organization
            || !several_words
            || affiliated.contains(&x)
            || speakers.contains(&x)
        {
            continue;
        }
        let sides: Option<Vec<(usize, usize, usize)>> = list
            .iter()
            .map(|m| match said_by.get(m) {
                Some(&(Some(side), from, to)) => Some((side, from, to)),
                _ => None,
            })
            .collect();
        let Some(sides) = sides else { continue };
        let Some(&(side, _, _)) = sides.first() else {
            continue;
        };
        let one_side = sides.iter().all(|s| s.0 == side);
        let with_members = list
            .iter()
            .any(|&(d, k)| named_with_its_members(&docs[d], k));
        if !one_side || side == x || !with_members {
            continue;
        }
        let (d, k) = list[0];
        let doc = &docs[d];
        out.push((
            x,
            side,
            AliasEvidence {
                alias: doc.mentions[k].text(&doc.body).to_string(),
                reason: AliasReason::OwnName,
                doc: doc.id.clone(),
                start: sides[0].1,
                end: sides[0].2,
            },
        ));
    }
    out
}
