//! Entities on the seeds gold: which gold entities are found, with all their variants in one
//! entity and the right type; wrong merges; non-entities reported as entities.
//! `cargo test --release --test entities -- --nocapture` prints the figures.

mod common;

use common::{analyze_paths, ecbplus_files, ecbplus_text, fold, shared, text_source};
use parallax::model::AliasReason;
use parallax::model::Entity;

fn gold() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(shared().join("eval/seeds.gold.json")).unwrap())
        .unwrap()
}

/// The entity that has this form as its name or among its variants.
fn holding<'a>(entities: &'a [Entity], form: &str) -> Option<&'a Entity> {
    let form = fold(form);
    entities
        .iter()
        .find(|e| fold(&e.name) == form || e.variants.iter().any(|v| fold(v) == form))
}

/// Where `text` holds `form` as whole words.
fn word_matches<'a>(text: &'a str, form: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(form)
        .map(|(at, _)| at)
        .filter(move |&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + form.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

fn contains_word(text: &str, form: &str) -> bool {
    word_matches(text, form).next().is_some()
}

fn occurrences(documents: &[parallax::model::Document], form: &str) -> usize {
    documents
        .iter()
        .map(|d| word_matches(&d.body, form).count())
        .sum()
}

#[test]
fn seeds_entities_against_the_gold() {
    let analysis = analyze_paths(&[shared().join("seeds")]);
    let entities = &analysis.entities;
    let gold = gold();
    let gold_entities = gold["entities"].as_array().unwrap();
    let (mut found, mut complete, mut typed) = (0, 0, 0);
    for g in gold_entities {
        let name = g["name"].as_str().unwrap();
        let variants: Vec<&str> = g["variants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        // the gold's canonical name may be a form no article uses ("Amir Khan Muttaqi"): the
        // entity is the one that holds most of the gold's forms
        let holders: Vec<&Entity> = std::iter::once(name)
            .chain(variants.iter().copied())
            .filter_map(|v| holding(entities, v))
            .collect();
        let Some(e) = holders
            .iter()
            .max_by_key(|h| holders.iter().filter(|x| x.id == h.id).count())
            .copied()
        else {
            eprintln!("missing: {name}");
            continue;
        };
        found += 1;
        // a gold form no analysed body contains (a photo caption dropped as boilerplate, a form
        // the analyst added from knowledge) cannot be found in the text; it is reported apart
        let (readable, unreadable): (Vec<&str>, Vec<&str>) = variants.iter().partition(|v| {
            // "Karzai" inside every "Hamid Karzai" is not a form of its own
            let inside_longer: usize = variants
                .iter()
                .filter(|w| w.len() > v.len() && contains_word(w, v))
                .map(|w| occurrences(&analysis.documents, w))
                .sum();
            occurrences(&analysis.documents, v) > inside_longer
        });
        if !unreadable.is_empty() {
            eprintln!("{name}: gold forms in no analysed body: {unreadable:?}");
        }
        let apart: Vec<&str> = readable
            .into_iter()
            .filter(|v| holding(entities, v).map(|h| &h.id) != Some(&e.id))
            .collect();
        if apart.is_empty() {
            complete += 1;
        } else {
            eprintln!("{name}: variants elsewhere or missing: {apart:?}");
        }
        let kind = serde_json::to_value(e.kind).unwrap();
        if kind == g["type"] {
            typed += 1;
        } else {
            eprintln!("{name}: type {kind}, gold {}", g["type"]);
        }
    }
    // roles and affiliations of the gold entities we found
    let (mut gold_roles, mut roles_found, mut gold_affiliations, mut affiliations_right) =
        (0, 0, 0, 0);
    for g in gold_entities {
        let name = g["name"].as_str().unwrap();
        let Some(e) = g["variants"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(|v| holding(entities, v.as_str().unwrap()))
        else {
            continue;
        };
        for role in g["roles"].as_array().into_iter().flatten() {
            gold_roles += 1;
            let role = fold(role.as_str().unwrap());
            if e.roles.iter().any(|r| fold(r) == role) {
                roles_found += 1;
            } else {
                eprintln!("{name}: role not found: {role:?} (ours: {:?})", e.roles);
            }
        }
        if let Some(affiliation) = g["affiliation"].as_str() {
            gold_affiliations += 1;
            let ours = e
                .affiliation
                .as_ref()
                .and_then(|id| entities.iter().find(|x| &x.id == id));
            if ours.is_some_and(|o| holding(entities, affiliation).is_some_and(|h| h.id == o.id)) {
                affiliations_right += 1;
            } else {
                eprintln!(
                    "{name}: affiliation {affiliation:?}, ours {:?}",
                    ours.map(|o| &o.name)
                );
            }
        }
    }
    eprintln!(
        "seeds roles: {roles_found}/{gold_roles} gold roles found word for word; \
         affiliations right: {affiliations_right}/{gold_affiliations}"
    );
    // measured 15/15 and 7/7
    assert!(
        roles_found + 1 >= gold_roles,
        "roles {roles_found}/{gold_roles}"
    );
    assert_eq!(
        affiliations_right, gold_affiliations,
        "affiliations {affiliations_right}/{gold_affiliations}"
    );
    let mut wrong_merges = 0;
    for pair in gold["must_not_merge"].as_array().unwrap() {
        let (a, b) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        if let (Some(x), Some(y)) = (holding(entities, a), holding(entities, b)) {
            if x.id == y.id {
                wrong_merges += 1;
                eprintln!("wrong merge: {a} + {b}");
            }
        }
    }
    let not_entities: Vec<&str> = gold["not_entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .filter(|n| holding(entities, n).is_some())
        .collect();
    eprintln!(
        "seeds entities: {found}/{n} found, {complete}/{n} with all variants in one entity, \
         {typed}/{found} typed right; {wrong_merges} wrong merges; non-entities reported: {not_entities:?}",
        n = gold_entities.len()
    );
    let n = gold_entities.len();
    assert_eq!(wrong_merges, 0);
    assert!(not_entities.is_empty());
    assert_eq!(found, n);
    assert_eq!(complete, n, "complete {complete}/{n}");
    assert_eq!(typed, found, "typed {typed}/{found}");
}

/// One ECB+ document: its rebuilt text (as tests/stories.rs builds it) and its named participant
/// markables in cross-document chains: (text, chain id).
struct EcbDocument {
    id: String,
    text: String,
    participants: Vec<(String, String)>,
}

fn ecbplus_participants() -> Vec<EcbDocument> {
    use regex::Regex;
    let markable =
        Regex::new(r#"(?s)<HUMAN_PART_(PER|ORG) m_id="(\d+)"\s*>(.*?)</HUMAN_PART_(?:PER|ORG)>"#)
            .unwrap();
    let relation =
        Regex::new(r#"(?s)<CROSS_DOC_COREF r_id="\d+" note="([^"]+)"\s*>(.*?)</CROSS_DOC_COREF>"#)
            .unwrap();
    let source = Regex::new(r#"<source m_id="(\d+)""#).unwrap();
    ecbplus_files()
        .iter()
        .map(|path| {
            let xml = std::fs::read_to_string(path).unwrap();
            let ecb = ecbplus_text(&xml);
            let mut chain_of = std::collections::HashMap::new();
            for r in relation.captures_iter(&xml) {
                for s in source.captures_iter(&r[2]) {
                    chain_of.insert(s[1].to_string(), r[1].to_string());
                }
            }
            let participants = markable
                .captures_iter(&xml)
                .filter_map(|m| {
                    let chain = chain_of.get(&m[2])?.clone();
                    let words = ecb.anchored(&m[3]);
                    // named: a capitalised word that does not just open its sentence
                    let named = words.iter().any(|t| {
                        t.number > 0 && t.word.chars().next().is_some_and(char::is_uppercase)
                    });
                    named.then(|| {
                        let text: Vec<&str> = words.iter().map(|t| t.word.as_str()).collect();
                        (text.join(" "), chain)
                    })
                })
                .collect();
            EcbDocument {
                id: path.file_stem().unwrap().to_string_lossy().into_owned(),
                text: ecb.text.clone(),
                participants,
            }
        })
        .collect()
}

/// Cross-document coreference of named participants on ECB+ (people and organizations in gold
/// cross-document chains), scored with B³ over the gold mentions. A gold mention is given our
/// entity when one of our mentions in the same document has its text (case folded); otherwise it
/// is a singleton of its own.
#[test]
fn ecbplus_named_participants_b_cubed() {
    use parallax::ingest::{ContentKind, Fields, Source};
    use parallax::model::Format;
    let docs = ecbplus_participants();
    let sources: Vec<_> = docs
        .iter()
        .map(|d| {
            Ok(Source {
                path: d.id.clone(),
                id: d.id.clone(),
                format: Format::Text,
                kind: ContentKind::Text,
                content: d.text.clone(),
                fields: Fields::default(),
            })
        })
        .collect();
    let analysis = parallax::pipeline::analyze(sources);
    let mut entity_of: std::collections::HashMap<(String, String), usize> = Default::default();
    for (k, e) in analysis.entities.iter().enumerate() {
        for m in &e.mentions {
            entity_of.entry((m.doc.clone(), fold(&m.text))).or_insert(k);
        }
    }
    // (gold chain, predicted cluster) per gold mention
    let mut items: Vec<(String, String)> = Vec::new();
    let mut matched = 0;
    for d in &docs {
        for (k, (text, chain)) in d.participants.iter().enumerate() {
            let predicted = match entity_of.get(&(d.id.clone(), fold(text))) {
                Some(e) => {
                    matched += 1;
                    format!("entity-{e}")
                }
                None => format!("alone-{}-{k}", d.id),
            };
            items.push((chain.clone(), predicted));
        }
    }
    let (p, r, f1) = b_cubed(&items);
    eprintln!(
        "ECB+ named participants: {} gold mentions in cross-document chains, {matched} matched by \
         one of our mentions; B³ P {p:.3} R {r:.3} F1 {f1:.3}",
        items.len()
    );
    // for scale: every gold mention clustered by its exact text (case folded), across documents
    let same_text: Vec<(String, String)> = docs
        .iter()
        .flat_map(|d| d.participants.iter())
        .map(|(text, chain)| (chain.clone(), fold(text)))
        .collect();
    let (bp, br, bf) = b_cubed(&same_text);
    eprintln!("  same-text baseline on the gold mentions: B³ P {bp:.3} R {br:.3} F1 {bf:.3}");
    assert!(items.len() > 1000 && f1 > 0.3, "{f1}");
}

/// B³ precision, recall and F1 over items (gold cluster, predicted cluster).
fn b_cubed(items: &[(String, String)]) -> (f64, f64, f64) {
    let mut gold_size: std::collections::HashMap<&str, f64> = Default::default();
    let mut pred_size: std::collections::HashMap<&str, f64> = Default::default();
    let mut both: std::collections::HashMap<(&str, &str), f64> = Default::default();
    for (g, p) in items {
        *gold_size.entry(g).or_default() += 1.0;
        *pred_size.entry(p).or_default() += 1.0;
        *both.entry((g, p)).or_default() += 1.0;
    }
    let n = items.len() as f64;
    let (mut p, mut r) = (0.0, 0.0);
    for (g, q) in items {
        let shared = both[&(g.as_str(), q.as_str())];
        p += shared / pred_size[q.as_str()];
        r += shared / gold_size[g.as_str()];
    }
    let (p, r) = (p / n, r / n);
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

/// Our own reports: a brigade's spokesman calls its fighters those of the "Sacred Emirate of
/// Lornia", a name no reporter uses in their own words; the same spokesman speaks of the enemy
/// front's forces, a front the reporter names too.
#[test]
fn a_body_s_own_name_in_its_spokesman_s_quotes_is_an_alias_and_the_enemy_s_is_not() {
    let analysis = parallax::pipeline::analyze(vec![text_source(
        "brigade",
        "Brigade enters Tarnby\n\nThe Talvin Brigade said on Monday that its fighters had \
         entered Tarnby without a shot fired. \"No fighting occurred, but the fighters of the \
         Sacred Emirate of Lornia advanced from three sides,\" said the Talvin Brigade's Dane \
         Holt. \"The forces of the Northern Valley Front ran away,\" Holt added.\n\nThe \
         Northern Valley Front said its forces still held the hills.",
    )]);
    let holding = |form: &str| {
        analysis
            .entities
            .iter()
            .find(|e| e.variants.iter().any(|v| v == form))
            .unwrap_or_else(|| panic!("no entity holds {form}: {:#?}", analysis.entities))
    };
    let brigade = holding("Talvin Brigade");
    assert_eq!(brigade.name, "Talvin Brigade");
    assert_eq!(holding("Sacred Emirate of Lornia").id, brigade.id);
    let evidence = &brigade.aliases[0];
    assert_eq!(evidence.reason, AliasReason::OwnName);
    let doc = &analysis.documents[0];
    assert!(doc.body[evidence.start..evidence.end].contains("said the Talvin Brigade's Dane Holt"));
    assert_ne!(holding("Northern Valley Front").id, brigade.id);
}

/// "X, also known as Y": the document says the two names are one body's.
#[test]
fn a_name_given_as_also_known_as_joins_its_entity() {
    let analysis = parallax::pipeline::analyze(vec![text_source(
        "hawks",
        "Militia takes bridge\n\nThe Lorn Valley Defence Brigade, also known as the Grey \
         Hawks, took the Tarnby bridge on Monday. The Grey Hawks said the bridge would reopen \
         within a week. Mara Lind, a councillor, said the Harbour Council had not been told.",
    )]);
    let of = |form: &str| {
        analysis
            .entities
            .iter()
            .find(|e| e.variants.iter().any(|v| v == form))
            .map(|e| e.id.clone())
    };
    let brigade = of("Lorn Valley Defence Brigade").expect("the brigade");
    assert_eq!(of("Grey Hawks"), Some(brigade.clone()));
    assert_ne!(of("Harbour Council"), Some(brigade.clone()));
    let entity = analysis.entities.iter().find(|e| e.id == brigade).unwrap();
    assert!(entity
        .aliases
        .iter()
        .any(|a| a.reason == AliasReason::NamedAs && a.alias == "Grey Hawks"));
}

/// Father and son share a surname; "the younger Voss" is the son, "Governor Voss" the father.
#[test]
fn the_younger_of_two_people_of_one_surname_is_the_son() {
    let analysis = parallax::pipeline::analyze(vec![text_source(
        "sons",
        "Boats reach Tarnby\n\nFerry councillor Dane Voss, the son of Governor Arlen Voss, has \
         steered a volunteer boat since dawn. The younger Voss said crews had reached families \
         the army had not. On Wednesday Governor Voss said the dam had been damaged.",
    )]);
    let holder = |name: &str| {
        analysis
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}: {:#?}", analysis.entities))
    };
    let (son, father) = (holder("Dane Voss"), holder("Arlen Voss"));
    let at = |e: &parallax::model::Entity, words: &str| {
        let body = &analysis.documents[0].body;
        let offset = body.find(words).unwrap() + words.len();
        e.mentions.iter().any(|m| m.start == offset)
    };
    assert!(at(son, "The younger "), "{son:#?}");
    assert!(at(father, "On Wednesday Governor "), "{father:#?}");
    assert_eq!(father.roles, ["Governor"]);
}
