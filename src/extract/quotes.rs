//! Who said what. Per document, the attribution tagger finds each cue with its source and
//! content; rules of news English then decide how it was reported (quoted, reported, partly
//! quoted), pick up the second half of a quotation split around its cue, and resolve the source
//! to a mention: a name in it, a pronoun to the last person or group named before, a role noun
//! ("the senior official") to the person introduced with that role, a group word ("resistance
//! leaders") to the organization whose name holds it. An organization the statement was told to
//! ("told Lorn Radio") relayed it, and goes in `via`.
//!
//! Across documents, `link` turns the speaker mentions into entity ids.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::attribution::{Attribution, AttributionTagger};
use crate::entities::EntityOfMention;
use crate::lexicon::{is_reporting_cue, SETTING_OPENERS, WEEKDAYS};
use crate::model::{Document, EntityType, Mention, Quote, QuoteKind, Span, Statement};

/// Opening and closing quotation marks.
const OPENING: &[char] = &['"', '\u{201C}', '\u{2018}', '\''];
const CLOSING: &[char] = &['"', '\u{201D}', '\u{2019}', '\''];

/// Pronouns that point back to the last person named.
const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his"];
/// A person's sex as a pronoun or a title tells it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Gender {
    Male,
    Female,
}

/// Titles that say a man ("Mr.", "Sir", "King") or a woman ("Ms.", "Dame", "Queen").
const MALE_TITLES: &[&str] = &["mr", "sir", "lord", "king", "prince", "duke"];
const FEMALE_TITLES: &[&str] = &[
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "duchess",
];

fn gender_of_pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        _ => None,
    }
}

/// The sex the titles of a person's mentions in the document say ("Ms. Lind" for every
/// "Lind"), matched by the last word of the name; none when no title says it, or titles differ.
fn title_gender(doc: &Document, k: usize) -> Option<Gender> {
    let surname = |m: &Mention| m.text(&doc.body).split_whitespace().next_back();
    let name = surname(&doc.mentions[k])?;
    let mut found = None;
    let titles = doc
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && surname(m) == Some(name))
        .filter_map(|m| m.title.as_deref());
    for word in titles.flat_map(str::split_whitespace) {
        let word = word.trim_end_matches('.').to_lowercase();
        let said = if MALE_TITLES.contains(&word.as_str()) {
            Gender::Male
        } else if FEMALE_TITLES.contains(&word.as_str()) {
            Gender::Female
        } else {
            continue;
        };
        if found.is_some_and(|g| g != said) {
            return None;
        }
        found = Some(said);
    }
    found
}

/// Pronouns that point back to the last group named.
const GROUP_PRONOUNS: &[&str] = &["they", "them", "their", "it"];

/// The statements of one document (its mentions and roles must be found first).
pub fn find(doc: &Document, tagger: &AttributionTagger) -> Vec<Statement> {
    let frames = quotation_frames(doc, Marks::QuotationMarks);
    let mut attributions = tagger.attributions(&doc.body);
    // where a quotation is framed the regular way, the frame says who said it
    attributions.retain(|a| !a.content.is_some_and(|c| already_read(&frames, c)));
    attributions.extend(frames);
    // quotations between two pairs of apostrophes: the tagger learned them from such wires, so
    // their frames only fill in what it left
    let uncovered: Vec<Attribution> = quotation_frames(doc, Marks::TwoApostrophes)
        .into_iter()
        .filter(|f| !f.content.is_some_and(|c| already_read(&attributions, c)))
        .collect();
    attributions.extend(uncovered);
    attributions.extend(names_before_a_colon(doc, &attributions));
    attributions.extend(verbs_the_tagger_missed(doc, &attributions));
    attributions.extend(according_to(doc, &attributions));
    attributions.sort_by_key(|a| a.cue);
    let kinds = usual_kinds(doc);
    let mut out = Vec::new();
    for a in attributions {
        // a quotation after the cue and a colon is what was said: "He said:" closing its
        // paragraph, the quotation opening the next (the tagger reads one paragraph at a time and
        // finds no content), or "Asked about it, Voss shot back: “…”" (not the words before)
        let after_a_colon = quotation_after_a_colon(&doc.body, a.cue.1);
        let content = match (a.content, after_a_colon) {
            (Some(before), Some(quotation)) if before.1 <= a.cue.0 => Some(quotation),
            (content, quotation) => content.or(quotation),
        };
        let Some(content) = content else {
            continue;
        };
        // the tagger also learned attitudes ("wants", "plans"); a quote is speech or a claim, or
        // words quoted after any cue ("called the plan “a disgrace”", "likened it to “a trap”")
        let quoted = &doc.body[content.0..content.1];
        let quotes_words = quoted.matches(['"', '\u{201C}', '\u{201D}']).count()
            + quoted.matches("''").count()
            >= 2;
        if !(is_reporting_cue(&doc.body[a.cue.0..a.cue.1]) || quotes_words)
            || is_modifier(&doc.body, a.cue.0)
            || is_unsaid(&doc.body, a.cue)
        {
            continue;
        }
        // "The Directorate raised its toll and said…": the clause's subject said it
        let coordinated = coordinated_subject(doc, a.cue.0);
        // a source the tagger cut to its article ("The") or to a fragment of a clause says
        // nothing: the subject does
        let source = a
            .source
            // "… and said": the subject of the first verb, unless the tagger found the relative
            // pronoun opening their clause ("Holt, who leads the group and says …")
            .filter(|&(start, end)| {
                !follows_a_coordinator(&doc.body, a.cue.0)
                    || is_relative_pronoun(&doc.body[start..end])
            })
            .filter(|&(start, end)| !names_no_one(&doc.body[start..end]))
            .map(|source| antecedent_of(doc, source))
            // "(HRD)" after the body's name is its short form: the clause's subject speaks
            .filter(|&(start, _)| !doc.body[start..].starts_with('('))
            .map(|(start, end)| before_brackets(&doc.body, start, end))
            .map(|(start, end)| {
                let wide = widened(
                    doc,
                    Span {
                        start,
                        end: head_noun_end(&doc.body, end, a.cue.0),
                    },
                );
                // "Said Holt: …": a name after its cue does not grow back over the cue
                if start >= a.cue.1 && wide.start < a.cue.1 {
                    Span { start, ..wide }
                } else {
                    wide
                }
            })
            .map(|span| with_group_modifiers(doc, span))
            .and_then(|span| trimmed_source(doc, span, a.cue.0))
            .map(|span| past_a_possessive(&doc.body, span, a.cue.1))
            .or(coordinated)
            .or_else(|| {
                // "Residents interviewed by DBO said", "police in Harrowmere said": the
                // people, not the outlet or the place
                subject_before(doc, a.cue.0)
                    .map(|span| people_before_place(doc, span).map_or(span, |(people, _)| people))
                    .map(|span| trimmed_source(doc, span, a.cue.0).unwrap_or(span))
            });
        let statement = |(start, end): (usize, usize)| {
            reported(&doc.body, start, end).map(|(start, end, kind)| Statement {
                start,
                end,
                cue: Span {
                    start: a.cue.0,
                    end: a.cue.1,
                },
                kind,
                source,
                speaker: source.and_then(|s| speaker_of(doc, &kinds, s, Span { start, end })),
                via: relay_of(doc, &a),
            })
        };
        // content that opens with a quotation closed by a comma is that quotation: "insists
        // “…”, and blames…" (not "said “clear signs” were found")
        let content = quotation_after(&doc.body, content.0)
            .filter(|&(open, close)| {
                open < content.1 && close < content.1 && doc.body[close..].starts_with([',', ';'])
            })
            .map_or(content, |(open, close)| (open, close));
        out.extend(statement(past_lead_in(&doc.body, content)));
        // “First half,” she said, “second half.”: the tagger gives one side
        let cue_end = a.source.map_or(a.cue.1, |s| s.1.max(a.cue.1));
        if content.1 <= a.cue.0 {
            let quotation = quotation_after(&doc.body, cue_end)
                .or_else(|| quotation_after_a_colon(&doc.body, cue_end));
            out.extend(quotation.and_then(statement));
        }
    }
    out.extend(orphan_quotations(doc, &out));
    out.sort_by_key(|s| (s.start, s.end));
    end_before_the_next_cue(doc, &mut out);
    let rejections = rejections_in_apposition(doc, &kinds, &mut out);
    // the apposition's reading of its cue replaces the tagger's, which takes the whole sentence
    // for what was rejected
    out.retain(|s| {
        !rejections
            .iter()
            .any(|r| r.cue.start < s.cue.end && s.cue.start < r.cue.end)
    });
    out.extend(rejections);
    out.sort_by_key(|s| (s.start, s.end));
    participles_share_the_subject(doc, &mut out);
    pronouns_past_what_was_said(doc, &kinds, &mut out);
    relayed_reports(doc, &mut out);
    speakers_by_head_noun(doc, &mut out);
    without_their_sources(doc, &mut out);
    out
}

/// "Dane Holt, chief of Tarnby Robotics, said …. “…,” he said": "he" speaks for a person named
/// outside other speakers' quotations and descriptions. A name inside another statement's
/// quotation, inside another statement's source when that statement's speaker is someone else
/// (an apposition, an employer), or right after another statement's cue (who was told) is passed
/// over for the person named before it. Names in
/// reported words stay candidates ("she interviewed Holt. … “No,” he said" is Holt speaking, and
/// a reported clause the tagger ran on too far would hide the subject after it), but for a bare
/// one-word name with no title that is no part of a full name in the document ("funding for
/// Corrabel"), which the name tagger may have read as a person.
fn pronouns_past_what_was_said(doc: &Document, kinds: &[EntityType], statements: &mut [Statement]) {
    let within = |k: usize, span: Span| {
        let m = &doc.mentions[k];
        span.start <= m.start && m.end <= span.end
    };
    let surname = |k: usize| {
        doc.mentions[k]
            .text(&doc.body)
            .split_whitespace()
            .next_back()
    };
    // the first and last words of the people the document names in full
    let name_parts: HashSet<&str> = people_named_in_full(doc)
        .flat_map(|(given, surname)| [given, surname])
        .collect();
    let is_bare_name = |k: usize| {
        let m = &doc.mentions[k];
        let text = m.text(&doc.body);
        !text.contains(' ') && m.title.is_none() && !name_parts.contains(text)
    };
    let same_person = |k: usize, speaker: Option<usize>| {
        speaker.is_some_and(|j| j == k || surname(j) == surname(k))
    };
    let aside = |statements: &[Statement], k: usize, own: usize| {
        statements.iter().enumerate().any(|(j, s)| {
            let said = Span {
                start: s.start,
                end: s.end,
            };
            let quoted = s.kind == QuoteKind::Direct && within(k, said);
            let described =
                s.source.is_some_and(|source| within(k, source)) && !same_person(k, s.speaker);
            // "Cook told Benioff": who was told is not who goes on speaking
            let addressed = doc.body[s.cue.end..doc.mentions[k].start.max(s.cue.end)]
                .trim()
                .is_empty()
                && doc.mentions[k].start >= s.cue.end
                && !same_person(k, s.speaker);
            // "Babin said the odds of funding for Artemis were … “…,” he said": a one-word name
            // with no title and no full name in the document, inside reported words, is more
            // likely what was talked about than who talks next
            let talked_about = within(k, said) && is_bare_name(k);
            j != own && (quoted || described || addressed || talked_about)
        })
    };
    for i in 0..statements.len() {
        let Some(source) = statements[i].source else {
            continue;
        };
        let pronoun = doc.text(source).to_lowercase();
        if !matches!(pronoun.as_str(), "he" | "she") {
            continue;
        }
        if !statements[i]
            .speaker
            .is_some_and(|k| aside(statements, k, i))
        {
            continue;
        }
        let wanted = gender_of_pronoun(&pronoun);
        let said = Span {
            start: statements[i].start,
            end: statements[i].end,
        };
        statements[i].speaker = salient_before(doc, source.start, |k| {
            kinds[k] == EntityType::Person
                && !within(k, said)
                && !aside(statements, k, i)
                && title_gender(doc, k).is_none_or(|g| Some(g) == wanted)
        });
    }
}

/// Of the mentions ending before `before` that `fits`, the one a pronoun takes up: the last,
/// unless the sentence naming it opens with another, its subject in news English ("Holt was the
/// third witness to hear the governor's call with Ambassador Dane Lind. He said …" is Holt).
fn salient_before(doc: &Document, before: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
    let last = (0..doc.mentions.len())
        .rev()
        .find(|&k| doc.mentions[k].end <= before && fits(k))?;
    let at = doc.mentions[last].start;
    let Some(sentence) = doc.sentences.iter().find(|s| s.start <= at && at < s.end) else {
        return Some(last);
    };
    // "…, said Dane Lind, the agency's forecaster": who speaks after the verb is the one talked
    // about next
    let word_before = doc.body[sentence.start..at].split_whitespace().next_back();
    let speaks_inverted = word_before.is_some_and(|w| {
        crate::lexicon::INVERTED_SAYING
            .iter()
            .any(|v| v.eq_ignore_ascii_case(w))
    });
    if speaks_inverted {
        return Some(last);
    }
    // mentions are in reading order; "Lorn spokeswoman Dana Vell": a name before a role says
    // whose the role is, and the name after it is the subject
    let subject = (0..last)
        .filter(|&k| doc.mentions[k].start >= sentence.start && fits(k))
        .find(|&k| !before_a_role(doc, k))
        .filter(|&k| opens_its_sentence(doc, k, sentence.start));
    Some(subject.unwrap_or(last))
}

/// Whether a lower-case role noun follows mention k ("Lorn spokeswoman", "Holt adviser").
fn before_a_role(doc: &Document, k: usize) -> bool {
    let next = doc.body[doc.mentions[k].end..].split_whitespace().next();
    next.is_some_and(|w| {
        let w = w.trim_end_matches([',', '.']);
        w.chars().next().is_some_and(char::is_lowercase) && super::roles::is_role_noun(w)
    })
}

/// Whether mention k is the subject its sentence opens with: no more than a few words before it
/// ("Wild defenseman Holt", "Republican counsel Dane Lind"), none a clause's or phrase's opener
/// ("When Holt visited …", "At the time of Holt's death"), and not the owner of a person named
/// after it ("Holt's son, filmmaker Dane Lind, …").
fn opens_its_sentence(doc: &Document, k: usize, sentence_start: usize) -> bool {
    let m = &doc.mentions[k];
    let before: Vec<&str> = doc.body[sentence_start..m.start]
        .split_whitespace()
        .collect();
    let opener = before.first().is_some_and(|w| {
        let lower = w.to_lowercase();
        HEAD_ENDS.contains(&lower.as_str()) || CLAUSE_OPENERS.contains(&lower.as_str())
    });
    let after = doc.body.get(m.end..).unwrap_or("");
    let owner_of_a_named_person = (after.starts_with("'s ") || after.starts_with("\u{2019}s "))
        && after.split_whitespace().take(3).any(|w| w.ends_with(','));
    before.len() <= 4
        && !opener
        && !before
            .iter()
            .any(|w| w.ends_with([',', ':', '\u{2014}', '\u{2013}']))
        && !owner_of_a_named_person
}

/// Words that open a clause or phrase set before a sentence's subject.
const CLAUSE_OPENERS: &[&str] = &[
    "when",
    "after",
    "before",
    "as",
    "while",
    "if",
    "since",
    "although",
    "though",
    "because",
    "following",
    "during",
    "despite",
    "with",
    "without",
    "for",
    "to",
    "on",
    "about",
    "like",
    "unlike",
    "once",
    "until",
    "unless",
];
/// The (first word, last word) of each person the document names with more than one word.
fn people_named_in_full(doc: &Document) -> impl Iterator<Item = (&str, &str)> {
    doc.mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .filter_map(|m| {
            let text = m.text(&doc.body);
            Some((text.split_once(' ')?.0, text.rsplit_once(' ')?.1))
        })
}

/// Indirect statements whose source lies inside what they say: what was said starts after the cue when
/// the cue follows the source there ("The Chronicle says he was arrested" → "he was
/// arrested"); with no cue after it the statement is none ("Job cuts will be announced": a
/// passive cue's subject is what is told, not who tells it).
fn without_their_sources(doc: &Document, statements: &mut Vec<Statement>) {
    // a quotation split around its frame ("“…,” Holt said. “…”") is one span over the frame
    let holds_its_source = |s: &Statement, source: Span| {
        let said = &doc.body[s.start..s.end];
        let quotes = said.contains(['"', '\u{201C}', '\u{201D}']) || said.contains("''");
        s.kind == QuoteKind::Indirect && !quotes && s.start <= source.start && source.end <= s.end
    };
    for s in statements.iter_mut() {
        let Some(source) = s.source else { continue };
        let holds_source = holds_its_source(s, source);
        let cue_after_source = source.end <= s.cue.start && s.cue.end < s.end;
        if holds_source && cue_after_source {
            let (start, _) = past_lead_in(&doc.body, (s.cue.end, s.end));
            s.start =
                start + doc.body[start..s.end].len() - doc.body[start..s.end].trim_start().len();
        }
    }
    statements
        .retain(|s| s.source.is_none_or(|source| !holds_its_source(s, source)) && s.start < s.end);
}

/// ", a claim rejected outright by the residents' group": a rejection set in apposition after
/// what was claimed.
static REJECTED_IN_APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i),\s+(?:an?|the)\s+(?:claim|allegation|assertion|accusation|charge|version|suggestion)s?\s+(?:(?:that\s+was|which\s+was)\s+)?(?:(?:\w+ly|outright)\s+)?((?:rejected|denied|disputed|dismissed|contested)(?:\s+(?:\w+ly|outright))?\s+by)\s+([^.,;:]+)",
    )
    .expect("a valid pattern")
});

/// "X said that P, a claim rejected by Y": P is what X said, and Y's rejection of P is a
/// statement of its own, by Y, cued by the rejecting verb. The statement holding the apposition
/// is cut before it.
fn rejections_in_apposition(
    doc: &Document,
    kinds: &[EntityType],
    statements: &mut [Statement],
) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in statements.iter_mut() {
        let Some(found) = REJECTED_IN_APPOSITION.captures(&doc.body[s.start..s.end]) else {
            continue;
        };
        let (Some(whole), Some(cue), Some(by)) = (found.get(0), found.get(1), found.get(2)) else {
            continue;
        };
        let claim_end = s.start + whole.start();
        if claim_end <= s.start {
            continue;
        }
        let source = Span {
            start: s.start + by.start(),
            end: s.start + by.start() + by.as_str().trim_end().len(),
        };
        let source = with_group_modifiers(doc, widened(doc, source));
        out.push(Statement {
            start: s.start,
            end: claim_end,
            cue: Span {
                start: s.start + cue.start(),
                end: s.start + cue.end(),
            },
            kind: QuoteKind::Indirect,
            source: Some(source),
            speaker: speaker_of(
                doc,
                kinds,
                source,
                Span {
                    start: s.start,
                    end: claim_end,
                },
            ),
            via: None,
        });
        s.end = claim_end;
    }
    out
}

/// "…his claim that the dam had been sabotaged, telling evacuees only that …": what one cue
/// introduces ends where a clause introduces the next statement after a comma.
fn end_before_the_next_cue(doc: &Document, statements: &mut [Statement]) {
    // where each frame starts: its cue, or its source when that stands right before the cue
    // ("…, | Holt said, “…”")
    let frames: Vec<(Span, usize)> = statements
        .iter()
        .map(|s| {
            let start = s
                .source
                .filter(|x| x.end <= s.cue.start && doc.body[x.end..s.cue.start].trim().is_empty())
                .map_or(s.cue.start, |x| x.start);
            (s.cue, start)
        })
        .collect();
    for s in statements.iter_mut() {
        let next = frames
            .iter()
            .filter(|(c, start)| {
                c.start > s.start
                    && c.start < s.end
                    && c.start > s.cue.end
                    && *start > s.cue.end
                    && *start > s.start
            })
            .map(|&(_, start)| start)
            .min();
        let Some(at) = next else {
            continue;
        };
        let before = doc.body[s.start..at].trim_end();
        if let Some(kept) = before.strip_suffix(',') {
            let end = s.start + kept.trim_end().len();
            // what is left may have lost the quoted words that made it a partial quote
            if let Some((_, _, kind)) = reported(&doc.body, s.start, end) {
                s.end = end;
                if s.kind == QuoteKind::Partial {
                    s.kind = kind;
                }
            }
        }
    }
}

/// Words that make a source a news outlet: "the news agency Lornpress", "state television".
const OUTLET_WORDS: &[&str] = &[
    "agency",
    "newspaper",
    "daily",
    "broadcaster",
    "television",
    "tv",
    "radio",
    "outlet",
    "website",
    "channel",
];

/// "“…,” the news agency Lornpress reported": an outlet that reports a statement relays it. It
/// goes in `via`; the speaker is the one the sentence before quoted, whose statement the outlet
/// carries ("According to Voss's camp, … “…,” the agency reported"), else unknown.
fn relayed_reports(doc: &Document, statements: &mut [Statement]) {
    let sentence_of = |offset: usize| doc.sentences.partition_point(|s| s.end <= offset);
    for k in 0..statements.len() {
        let Some(source) = statements[k].source else {
            continue;
        };
        let cue = doc.text(statements[k].cue).to_lowercase();
        let words: Vec<String> = doc
            .text(source)
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        let outlet = cue.split_whitespace().any(|w| w.starts_with("report"))
            && words.iter().any(|w| OUTLET_WORDS.contains(&w.as_str()));
        if !outlet {
            continue;
        }
        // the outlet's name: a body named in the source, or the name right after the outlet
        // word ("the news agency Lornpress", which a tagger may take for a person)
        let inside: Vec<usize> = (0..doc.mentions.len())
            .filter(|&m| doc.mentions[m].start >= source.start && doc.mentions[m].end <= source.end)
            .collect();
        let after_outlet_word = |m: &usize| {
            let before = doc.body[source.start..doc.mentions[*m].start]
                .trim_end()
                .to_lowercase();
            OUTLET_WORDS.iter().any(|w| before.ends_with(w))
        };
        let relay = inside
            .iter()
            .rev()
            .find(|&&m| doc.mentions[m].kind != EntityType::Person)
            .or_else(|| inside.iter().find(|m| after_outlet_word(m)))
            .copied();
        let here = sentence_of(statements[k].start);
        let carried = statements[..k]
            .iter()
            .rev()
            .find(|s| s.speaker.is_some() && here.saturating_sub(sentence_of(s.cue.start)) <= 1)
            .and_then(|s| s.speaker);
        statements[k].via = relay.or(statements[k].via);
        statements[k].speaker = carried;
    }
}

/// Common nouns organizations are named by ("the Residents' Committee", "the Rescue Directorate").
const BODY_NOUNS: &[&str] = &[
    "committee",
    "council",
    "board",
    "commission",
    "ministry",
    "directorate",
    "agency",
    "union",
    "association",
    "front",
    "party",
    "movement",
    "alliance",
    "coalition",
    "authority",
    "department",
    "federation",
    "company",
    "firm",
    "organization",
    "organisation",
];

/// Words that open a noun phrase: a group's modifiers stop at them.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "several", "many", "two", "three", "its", "their", "his", "her",
];

/// "Senior Coalition leaders reportedly blamed…": a source the tagger cut to a plural group noun
/// ("leaders") takes the words before it in its noun phrase, so the group is known by its
/// modifiers (up to three words, back to a determiner or the clause's start).
fn with_group_modifiers(doc: &Document, span: Span) -> Span {
    let (span, head) = match people_before_place(doc, span) {
        Some((people, word)) => (people, word),
        None => (span, doc.text(span)),
    };
    let is_group_noun =
        head.len() > 3 && head.ends_with('s') && head.chars().all(|c| c.is_lowercase() || c == '-');
    if !is_group_noun {
        return span;
    }
    let mut start = span.start;
    for _ in 0..3 {
        let before = &doc.body[..start];
        let Some(gap) = before.strip_suffix(' ') else {
            break;
        };
        let word_start = gap
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = &gap[word_start..];
        let lower = word.to_lowercase();
        let verb_like = lower.ends_with("ed") || BETWEEN_SUBJECT_AND_VERB.contains(&lower.as_str());
        if word.is_empty() || verb_like || crate::lexicon::is_stopword(&lower) {
            if DETERMINERS.contains(&lower.as_str()) {
                start = word_start;
            }
            break;
        }
        start = word_start;
    }
    Span { start, ..span }
}

/// Nouns for people that take no plural -s.
const COLLECTIVE_PEOPLE: &[&str] = &["police", "people", "staff"];

/// "Residents of the Tarnby valley say", "police in Tarnby said", "the governor of the province
/// said": a source the tagger cut to the place (or body) the people are of, in or at takes the
/// people back, when the word before the preposition names people: a plural, a collective noun
/// or a role. Returns the widened source and that word.
fn people_before_place(doc: &Document, span: Span) -> Option<(Span, &str)> {
    let before = &doc.body[..span.start];
    let people = [
        " of the ",
        " of ",
        " in the ",
        " in ",
        " at the ",
        " at ",
        " from the ",
        " from ",
    ]
    .iter()
    .find_map(|p| before.strip_suffix(p))?;
    // the character before the word may take several bytes (a curly quote, U+FFFD)
    let word_start = people
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &people[word_start..];
    let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
    let lower = word.to_lowercase();
    let names_people =
        plural || COLLECTIVE_PEOPLE.contains(&lower.as_str()) || super::roles::is_role_noun(&lower);
    names_people.then_some((
        Span {
            start: word_start,
            ..span
        },
        word,
    ))
}

/// Cues of a participle clause that goes on from the main clause ("…, saying that…").
fn is_participle_cue(doc: &Document, cue: Span) -> bool {
    doc.text(cue).ends_with("ing") && doc.body[..cue.start].trim_end().ends_with(',')
}

/// "Senior Coalition leaders reportedly blamed Tarnby leaders for the failure, saying that…":
/// a participle clause says what the main clause's subject said, not what the noun just before
/// the comma said. It takes the source and speaker of the statement cued earlier in its sentence.
fn participles_share_the_subject(doc: &Document, statements: &mut [Statement]) {
    let sentence_of = |offset: usize| doc.sentences.partition_point(|s| s.end <= offset);
    let joined =
        |cue: Span| is_participle_cue(doc, cue) || follows_a_coordinator(&doc.body, cue.start);
    for k in 0..statements.len() {
        if !joined(statements[k].cue) {
            continue;
        }
        let here = statements[k].cue;
        let main = (0..statements.len())
            .filter(|&j| {
                let cue = statements[j].cue;
                cue.end <= here.start
                    && sentence_of(cue.start) == sentence_of(here.start)
                    && statements[j].source.is_some()
                    && !joined(cue)
            })
            .max_by_key(|&j| statements[j].cue.start);
        if let Some(j) = main {
            statements[k].source = statements[j].source;
            statements[k].speaker = statements[j].speaker;
        }
    }
}

/// "The anti-Lorn force has denied the claim. The Tarnby forces also claim…": a speaker left
/// unknown takes the speaker of the nearest statement whose source has the same head noun.
fn speakers_by_head_noun(doc: &Document, statements: &mut [Statement]) {
    let head = |s: &Statement| {
        let source = s.source?;
        let text = doc.text(source);
        // "the agency's spokeswoman" speaks for the agency (the source may start after the
        // possessive)
        let word_before = doc.body[..source.start].split_whitespace().next_back();
        let possessor = text.split_whitespace().chain(word_before).find_map(|w| {
            let w = w.to_lowercase();
            let owner = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))?;
            is_body_noun(owner).then(|| owner.to_string())
        });
        if possessor.is_some() {
            return possessor;
        }
        let word = text.split_whitespace().last()?.to_lowercase();
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let singular = word.strip_suffix('s').filter(|w| !w.ends_with('s'));
        (word.len() > 3 && word.chars().all(|c| c.is_lowercase()))
            .then(|| singular.unwrap_or(word).to_string())
    };
    // "Senior Coalition leaders" are not whatever other "leaders" were quoted: a source with a
    // name in it is known by the name, not by its head noun
    let named = |s: &Statement| {
        s.source.is_some_and(|span| {
            doc.text(span)
                .split_whitespace()
                .skip(1)
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
    };
    let heads: Vec<Option<String>> = statements
        .iter()
        .map(|s| if named(s) { None } else { head(s) })
        .collect();
    for k in 0..statements.len() {
        if statements[k].speaker.is_some() || heads[k].is_none() {
            continue;
        }
        let nearest = (0..statements.len())
            .filter(|&j| statements[j].speaker.is_some() && heads[j] == heads[k])
            .min_by_key(|&j| statements[j].cue.start.abs_diff(statements[k].cue.start));
        if let Some(j) = nearest {
            statements[k].speaker = statements[j].speaker;
            continue;
        }
        // "The Lorn Valley Residents' Committee disputes … the committee wrote": the last body
        // named before with that head noun
        let cue = statements[k].cue.start;
        statements[k].speaker = (0..doc.mentions.len()).rev().find(|&m| {
            let mention = &doc.mentions[m];
            mention.end <= cue
                && mention.kind == EntityType::Organization
                && doc.body[mention.start..mention.end]
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| Some(w.to_lowercase()) == heads[k])
        });
        // "the unions" are several bodies, not the one that spoke last
        let plural = statements[k].source.is_some_and(|span| {
            let last = doc.text(span).split_whitespace().last().unwrap_or("");
            let last = last
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            heads[k]
                .as_deref()
                .is_some_and(|head| last == format!("{head}s"))
        });
        if statements[k].speaker.is_none()
            && !plural
            && heads[k].as_deref().is_some_and(is_body_noun)
        {
            statements[k].speaker = body_speaking_near(doc, statements, cue)
                .or_else(|| body_named_just_before(doc, statements[k].source, cue));
        }
    }
}

/// "Lorncorp cut 300 jobs. The company said …": "the" and a body's common noun, alone, name the
/// organization named last before it, in its sentence or the one before.
fn body_named_just_before(doc: &Document, source: Option<Span>, cue: usize) -> Option<usize> {
    let source = source?;
    let words: Vec<String> = doc
        .text(source)
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    if !matches!(words.as_slice(), [the, _] if the == "the") {
        return None;
    }
    let sentence = doc.sentences.partition_point(|s| s.end <= source.start);
    let from = doc
        .sentences
        .get(sentence.saturating_sub(1))
        .map_or(0, |s| s.start);
    (0..doc.mentions.len()).rev().find(|&m| {
        let mention = &doc.mentions[m];
        mention.kind == EntityType::Organization
            && mention.start >= from
            && mention.end <= source.start.min(cue)
    })
}

fn is_body_noun(word: &str) -> bool {
    BODY_NOUNS.contains(&word)
}

/// "The Lorn Rescue Directorate says 19 are dead. The agency's spokeswoman said…"; "…, the
/// regional rescue agency said. The Lorn Rescue Directorate said…": a body described by its kind
/// is the organization that spoke last, within the two sentences before, else (a lede describes
/// a body before naming it) the one that speaks next, within the two sentences after.
fn body_speaking_near(doc: &Document, statements: &[Statement], cue: usize) -> Option<usize> {
    let sentence_of = |at: usize| doc.sentences.partition_point(|s| s.end <= at);
    let here = sentence_of(cue);
    let spoken_by_bodies = || {
        statements
            .iter()
            .filter_map(|s| Some((s.cue.start, s.speaker?)))
            .filter(|&(_, m)| doc.mentions[m].kind == EntityType::Organization)
    };
    let before = spoken_by_bodies()
        .filter(|&(at, _)| at < cue && sentence_of(at) + 2 >= here)
        .max_by_key(|&(at, _)| at);
    let after = spoken_by_bodies()
        .filter(|&(at, _)| at > cue && sentence_of(at) <= here + 2)
        .min_by_key(|&(at, _)| at);
    before.or(after).map(|(_, m)| m)
}

/// "The Tarnby forces also claim": a source the tagger ended before its head noun takes the
/// lower-case words left between it and the cue (at most two, no adverb or auxiliary).
fn head_noun_end(body: &str, source_end: usize, cue_start: usize) -> usize {
    if cue_start <= source_end {
        return source_end;
    }
    let gap = &body[source_end..cue_start];
    let words: Vec<&str> = gap.split_whitespace().collect();
    let is_noun = |w: &&str| {
        w.chars().all(|c| c.is_lowercase() || c == '-')
            && !w.ends_with("ly")
            && !BETWEEN_SUBJECT_AND_VERB.contains(w)
    };
    if !gap.starts_with(' ') || words.is_empty() || words.len() > 2 || !words.iter().all(is_noun) {
        return source_end;
    }
    source_end + gap.trim_end().len()
}

/// "its confirmed death toll": a cue word after a determiner modifies a noun, it reports nothing.
fn is_modifier(body: &str, cue_start: usize) -> bool {
    let before = body[..cue_start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    before.len() < cue_start
        && [
            "its", "his", "her", "their", "our", "the", "a", "an", "this",
        ]
        .contains(&word.as_str())
}

/// A source span taken out to whole words and to every name it cuts into ("Drost" of
/// "Oyelaran-Drost", "Committee" of "the Lorn Valley Residents' Committee").
fn widened(doc: &Document, span: Span) -> Span {
    let body = &doc.body;
    let in_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}';
    let mut start = body[..span.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_word(c))
        .last()
        .map_or(span.start, |(k, _)| k);
    // the end stops at an apostrophe: "the Front's Arlen Voss" keeps its possessive outside
    let mut end = span.end
        + body[span.end..]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
            .map_or(body.len() - span.end, |(k, _)| k);
    for m in &doc.mentions {
        if m.start < end && start < m.end {
            start = start.min(m.start);
            end = end.max(m.end);
        }
    }
    // "The Lorn Rescue Directorate (LRD)": a source that is the acronym in brackets is the name
    // before it too
    if body[start..end].starts_with('(') {
        let before = body[..start].trim_end();
        if let Some(m) = doc.mentions.iter().find(|m| m.end == before.len()) {
            start = m.start;
        }
    }
    Span { start, end }
}

/// A source without the brackets it ends in: "The Harbour Rescue Directorate (HRD)" and "Rep.
/// Dane Holt (D-Tarn.)" name their speaker before the brackets, which hold a short form or a tag.
fn before_brackets(body: &str, start: usize, end: usize) -> (usize, usize) {
    let source = &body[start..end];
    match source.rfind('(') {
        Some(open) if open > 0 && source.trim_end().ends_with(')') => {
            (start, start + source[..open].trim_end().len())
        }
        _ => (start, end),
    }
}

/// "Dane Holt, who said …", "the Lorn Group, which says …": a relative pronoun (the attribution
/// tagger marks it as PolNeAR does) stands for the name or the phrase it follows, and that is
/// the source. Any other source, or a pronoun after no such phrase, is returned as it is.
fn antecedent_of(doc: &Document, (start, end): (usize, usize)) -> (usize, usize) {
    if !is_relative_pronoun(&doc.body[start..end]) {
        return (start, end);
    }
    let before = doc.body[..start].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let phrase_end = before.len();
    let named = doc
        .mentions
        .iter()
        .filter(|m| m.end == phrase_end)
        .map(|m| m.start)
        .min();
    named
        .or_else(|| noun_phrase_start(before))
        .map_or((start, end), |phrase_start| (phrase_start, phrase_end))
}

fn is_relative_pronoun(source: &str) -> bool {
    matches!(source.trim().to_lowercase().as_str(), "who" | "which")
}

/// Words a source phrase cannot end with: it is a piece of a clause ("31 people were", "no new
/// deaths had"), not a speaker.
const NOT_A_SOURCE_END: &[&str] = &[
    "were",
    "was",
    "had",
    "has",
    "have",
    "been",
    "is",
    "are",
    "be",
    "and",
    "or",
    "to",
    "who",
    "which",
    "that",
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "not",
    "of",
    "by",
    "on",
    "in",
    "at",
    "with",
    "for",
    "from",
    "continues",
    "'s",
];

/// A source without the ", who"/", which" that opened a clause after it and without the words
/// of the sentence before it; None when what is left is a piece of a clause rather than a speaker
/// ("31 people were", "no new deaths had") or an object inside a relative clause ("…, which
/// runs the dam, said").
fn trimmed_source(doc: &Document, span: Span, cue_start: usize) -> Option<Span> {
    let body = &doc.body;
    let sentence_start = doc
        .sentences
        .iter()
        .find(|s| s.start <= cue_start && cue_start < s.end)
        .map_or(0, |s| s.start);
    let mut start = span.start.max(sentence_start);
    // "Residents interviewed by the Ledger said": the agent of a participle is not the subject;
    // the source opens with the noun phrase the participle qualifies
    let lead = body[sentence_start..start].trim_end();
    let lead_words: Vec<&str> = lead.split_whitespace().collect();
    if let [.., participle, "by"] = lead_words.as_slice() {
        let phrase_start = lead.rfind(',').map_or(0, |c| c + 1);
        if participle.ends_with("ed") && lead[phrase_start..].split_whitespace().count() <= 6 {
            start = sentence_start
                + phrase_start
                + (lead[phrase_start..].len() - lead[phrase_start..].trim_start().len());
        }
    }
    let mut text = body.get(start..span.end.max(start))?;
    text = without_a_channel(text);
    loop {
        let trimmed = text.trim_end_matches([',', ' ']);
        let last_word = trimmed.rsplit(' ').next().unwrap_or("").to_lowercase();
        if ["who", "which", "that", "and"].contains(&last_word.as_str())
            && trimmed.len() > last_word.len()
        {
            text = &trimmed[..trimmed.len() - last_word.len()];
        } else {
            text = trimmed;
            break;
        }
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let last = words.last()?;
    // "31 people were" is a clause cut short; "9/11 widow Mara Lind" is a speaker
    let opens_with_number = words[0].starts_with(|c: char| c.is_ascii_digit())
        && words[0]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let clause_before = body[sentence_start..start].trim_end();
    let in_relative_clause = [", which ", ", who ", ", where "].iter().any(|w| {
        clause_before
            .rfind(w)
            .is_some_and(|at| !clause_before[at + 2..].contains(','))
    });
    let fragment = NOT_A_SOURCE_END.contains(&last.as_str())
        || last.starts_with('\'')
        || opens_with_number
        || in_relative_clause;
    (!fragment).then_some(Span {
        start,
        end: start + text.len(),
    })
}

/// Where and how a statement was made, written after its speaker: "Fadem | in a Tuesday
/// research note", "Holt | in an email", "Voss | on Twitter".
const CHANNEL_NOUNS: &[&str] = &[
    "report",
    "note",
    "statement",
    "interview",
    "letter",
    "email",
    "e-mail",
    "post",
    "tweet",
    "memo",
    "op-ed",
    "column",
    "filing",
    "speech",
    "video",
    "podcast",
    "broadcast",
    "release",
    "briefing",
    "twitter",
    "facebook",
    "instagram",
    "television",
    "radio",
];

/// A source with the channel it spoke through cut off: the last " in …" or " on …" whose
/// phrase ends on a channel noun, or a relative clause of place or time (" where …", " when
/// …") the tagger ran into.
fn without_a_channel(text: &str) -> &str {
    let mut out = text;
    for cut in [" where ", " when "] {
        if let Some(at) = out.find(cut).filter(|&at| at > 0) {
            out = &out[..at];
        }
    }
    for lead in [" in ", " on "] {
        if let Some(at) = out.rfind(lead).filter(|&at| at > 0) {
            let last = out[at..]
                .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_lowercase();
            if CHANNEL_NOUNS.contains(&last.as_str()) {
                out = out[..at].trim_end_matches([',', ' ']);
            }
        }
    }
    out
}

/// Words that end a noun phrase running on after a possessive: a preposition, a relative or a
/// conjunction.
const PHRASE_ENDERS: &[&str] = &[
    "in", "on", "at", "to", "for", "with", "from", "during", "after", "before", "who", "which",
    "that", "and", "but", "as", "by", "about",
];

/// An inverted source the tagger ended on a possessive ("said | the Lorn Group's | chair Dane
/// Holt in an email") runs on to the name it possesses: through the words after it up to a
/// preposition, a mark, or the end of the first run of capitalised words.
fn past_a_possessive(body: &str, span: Span, cue_end: usize) -> Span {
    let text = &body[span.start..span.end];
    let possessive = text.ends_with("'s") || text.ends_with("\u{2019}s");
    if span.start < cue_end || !possessive {
        return span;
    }
    let mut end = span.end;
    let mut in_a_name = false;
    let mut stop = (span.end + 200).min(body.len());
    while !body.is_char_boundary(stop) {
        stop += 1;
    }
    for (k, word) in positions(body, span.end, stop)
        .into_iter()
        .take(8)
        .enumerate()
    {
        if body[end..word.0].contains('\n') {
            break;
        }
        let raw = &body[word.0..word.1];
        let clean = raw.trim_end_matches([',', '.', ';', ':']);
        let capitalised = clean.starts_with(char::is_uppercase);
        if PHRASE_ENDERS.contains(&clean)
            || (in_a_name && !capitalised)
            || (k == 0 && clean.is_empty())
        {
            break;
        }
        end = word.0 + clean.len();
        in_a_name = capitalised;
        if clean.len() < raw.len() {
            break;
        }
    }
    Span { end, ..span }
}

/// A source that names no one: a bare article ("The"), only adverbs ("have recently claimed"
/// cut to "recently"), a day or a month ("Friday"), or a phrase of comparison or setting
/// ("compared to 11% of …", "at a later press gaggle").
fn names_no_one(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    // as written: "At Home Trust" is a name
    let first = text.split_whitespace().next().unwrap_or("");
    let a_date =
        WEEKDAYS.contains(&lower.as_str()) || crate::lexicon::MONTHS.contains(&lower.as_str());
    let a_phrase = matches!(
        first,
        "compared" | "at" | "in" | "on" | "during" | "after" | "before"
    );
    if a_date || a_phrase {
        return true;
    }
    let is_bare_article = ["the", "a", "an"]
        .iter()
        .any(|article| text.trim().eq_ignore_ascii_case(article));
    // nouns that end like adverbs
    const NOUNS_IN_LY: &[&str] = &["family", "ally", "assembly", "rally", "supply"];
    let adverbs_only = text.split_whitespace().all(|w| {
        w.len() > 4
            && w.ends_with("ly")
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !NOUNS_IN_LY.contains(&w)
    });
    is_bare_article || adverbs_only
}

/// Past and present forms of the verbs that introduce reported speech; followed by "that", a
/// quotation mark or a colon they are a cue whatever the tagger thought.
const SAYING_VERBS: &[&str] = &[
    "said",
    "told",
    "claimed",
    "maintained",
    "added",
    "warned",
    "insisted",
    "stated",
    "denied",
    "announced",
    "argued",
    "explained",
    "noted",
    "asserted",
    "alleged",
    "confirmed",
    "stressed",
    "wrote",
    "tweeted",
    "declared",
    "acknowledged",
    "admitted",
    "reiterated",
    "replied",
    "asked",
    "says",
    "tells",
    "insists",
    "adds",
    "claims",
    "warns",
    "argues",
    "writes",
    "maintains",
    "denies",
    "notes",
    "stresses",
    "declares",
    "asks",
    "recalled",
    "recalls",
    "continued",
    "continues",
    "reported",
    "reports",
];

/// Cues of the regular form "VERB that …" / "VERB: …" / "VERB “…”" the tagger left out, with
/// the rest of the sentence (or the quotation) as content.
fn verbs_the_tagger_missed(doc: &Document, found: &[Attribution]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let (spans, words) = super::mentions::sentence_tokens(&doc.body, *sentence);
        for k in 0..words.len().saturating_sub(1) {
            let (start, end) = spans[k];
            let opens = matches!(words[k + 1], "that" | ":" | "\"" | "\u{201C}");
            let taken = found.iter().any(|a| a.cue.0 < end && start < a.cue.1);
            if !opens || taken || !SAYING_VERBS.contains(&words[k].to_lowercase().as_str()) {
                if !taken && words[k + 1] == ":" {
                    out.extend(a_verb_before_a_colon(doc, &spans, &words, k, found));
                }
                continue;
            }
            let content_start = spans[k + 1].0 + usize::from(words[k + 1] == ":");
            // a quotation right after the verb is what was said; its sentence goes on about
            // something else ("insists “…”, and accuses…")
            let content_end =
                quotation_after(&doc.body, end).map_or(sentence.end, |(_, close)| close);
            out.push(Attribution {
                cue: (start, end),
                source: None,
                content: Some((content_start, content_end)),
                continued: None,
            });
        }
    }
    out
}

/// Whether one of `attributions` already reads some of `span` as what was said.
fn already_read(attributions: &[Attribution], span: (usize, usize)) -> bool {
    attributions
        .iter()
        .filter_map(|a| a.content)
        .any(|c| c.0 < span.1 && span.0 < c.1)
}

/// "… - Michael Holt: “…”", "More from Lind: “…”": a person's name right before a colon and a
/// quotation signs it, as newsletters quote their sources; only where nothing else reads the
/// quotation.
fn names_before_a_colon(doc: &Document, found: &[Attribution]) -> Vec<Attribution> {
    let body = &doc.body;
    let mut out = Vec::new();
    for m in doc.mentions.iter().filter(|m| m.kind == EntityType::Person) {
        if !body[m.end..].starts_with(':') {
            continue;
        }
        let Some(content) = quotation_after_a_colon(body, m.end) else {
            continue;
        };
        if !already_read(found, content) {
            out.push(Attribution {
                cue: (m.end, m.end + 1),
                source: Some((m.start, m.end)),
                content: Some(content),
                continued: None,
            });
        }
    }
    out
}

/// "Holt gloated: “…”", "Voss shot back:\n\n“…”", "Lind, an analyst at Lorn Capital, agreed:
/// “…”": a verb in the past (with an adverb or particle after it) closes its clause with a colon,
/// and a quotation follows: the quotation is what the verb's subject said.
fn a_verb_before_a_colon(
    doc: &Document,
    spans: &[(usize, usize)],
    words: &[&str],
    k: usize,
    found: &[Attribution],
) -> Option<Attribution> {
    let leans = |w: &str| {
        (w.len() > 4 && w.ends_with("ly")) || matches!(w, "back" | "it" | "on" | "in" | "up")
    };
    let verb = if is_past_form(words[k]) {
        k
    } else if k > 0 && leans(words[k]) && is_past_form(words[k - 1]) {
        k - 1
    } else {
        return None;
    };
    // the verb has a subject before it in its sentence: a name or a pronoun
    let subject = (0..verb).any(|j| {
        let w = words[j];
        w.chars().next().is_some_and(char::is_uppercase) || SUBJECT_WORDS.contains(&w)
    });
    let cue = (spans[verb].0, spans[k].1);
    let taken = found.iter().any(|a| a.cue.0 < cue.1 && cue.0 < a.cue.1);
    let content = quotation_after_a_colon(&doc.body, cue.1)?;
    (subject && !taken).then_some(Attribution {
        cue,
        source: None,
        content: Some(content),
        continued: None,
    })
}

/// A verb in the past as news writes it: a lowercase word in "-ed" ("gloated", "quipped").
fn is_past_form(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Subject pronouns, as written in a sentence.
const SUBJECT_WORDS: &[&str] = &["he", "she", "they", "we", "i"];

/// A quotation closed by a comma (or ? or !) and followed, in its sentence, by its speaker and a
/// verb of saying: "“…,” Voss said.", "“…,” the agency's spokeswoman, Mara Lind, said.",
/// "“…,” said Voss." This is the commonest frame of a direct quote in news English, and the
/// tagger, trained on other frames, misreads the apposition in it.
fn quotation_frames(doc: &Document, marks: Marks) -> Vec<Attribution> {
    let body = &doc.body;
    let mut out = Vec::new();
    let mut at = 0;
    let next = match marks {
        Marks::QuotationMarks => next_quotation,
        Marks::TwoApostrophes => next_quotation_in_apostrophes,
    };
    while let Some((open, close_end)) = next(body, at) {
        at = close_end;
        let inner = body[open..close_end].trim_end_matches(CLOSING);
        let rest = &body[close_end..];
        let closed_by_comma = inner.ends_with([',', '?', '!']) || rest.starts_with(',');
        if !closed_by_comma {
            continue;
        }
        let tail_start = close_end + (rest.len() - rest.trim_start_matches([',', ' ']).len());
        let tail_end = body[tail_start..]
            .find(['.', '\n', '"', '\u{201C}', ';'])
            .map_or(body.len(), |k| tail_start + k);
        let words = positions(body, tail_start, tail_end);
        // "“…,” though she noted …": a new clause, not the quotation's frame
        let opens_a_clause = words
            .first()
            .is_some_and(|&(s, e)| SUBORDINATORS.contains(&body[s..e].to_lowercase().as_str()));
        if opens_a_clause {
            continue;
        }
        let saying = words.iter().take(MAX_FRAME_WORDS).position(|&(s, e)| {
            let w = body[s..e].trim_end_matches(',').to_lowercase();
            SAYING_VERBS.contains(&w.as_str())
        });
        // "“…,” an angry Holt retaliated.", "“…,” mused Lorn's Mara Lind.": any verb in the past
        // that ends a short frame, or opens it before a name
        let is_past = |k: usize| is_past_form(&body[words[k].0..words[k].1]);
        let before_a_name = words
            .get(1)
            .is_some_and(|&(s, _)| body[s..].starts_with(char::is_uppercase));
        let last = words.len().wrapping_sub(1);
        let past = match words.len() {
            1..=6 if is_past(0) => before_a_name.then_some(0),
            2..=6 if is_past(last) => Some(last),
            _ => None,
        };
        let Some(v) = saying.or(past) else {
            continue;
        };
        let (cue_start, cue_end) = (
            words[v].0,
            words[v].0 + body[words[v].0..words[v].1].trim_end_matches(',').len(),
        );
        let source = if v == 0 {
            // "said Voss, who runs the shelter" / "said the agency's spokeswoman, Mara Lind": the
            // name runs to its comma; after an article, through the apposition that names it
            let after: Vec<(usize, usize)> = words[1..].iter().take(10).copied().collect();
            let comma = |from: usize| {
                (from..after.len()).find(|&k| body[after[k].0..after[k].1].ends_with(','))
            };
            let opens_with_article = after.first().is_some_and(|&(s, e)| {
                ["the", "a", "an"].contains(&body[s..e].to_lowercase().as_str())
            });
            let end = match comma(0) {
                Some(k) if opens_with_article => comma(k + 1).unwrap_or(after.len() - 1),
                Some(k) => k,
                None => after.len().saturating_sub(1),
            };
            after.get(end).map(|&(_, e)| {
                let end_text = body[..e].trim_end_matches(',').len();
                (after[0].0, end_text)
            })
        } else {
            // "Voss said", "the agency's spokeswoman, Mara Lind, said"
            let first = 0;
            let text_end = body[..words[v - 1].1].trim_end_matches([',', ' ']).len();
            Some((words[first].0, text_end))
        };
        let Some(source) = source.filter(|s| s.0 < s.1) else {
            continue;
        };
        out.push(Attribution {
            cue: (cue_start, cue_end),
            source: Some(source),
            content: Some((open, close_end)),
            continued: None,
        });
    }
    out
}

/// Most words between a quotation and the verb of its frame: the speaker with an apposition or
/// two ("“…,” Dane Holt, the chair of the board, one of the three owners, said").
const MAX_FRAME_WORDS: usize = 20;

/// Words that open a clause of their own after a quotation ("“…,” though she noted …").
const SUBORDINATORS: &[&str] = &[
    "though", "although", "while", "whereas", "because", "but", "and", "if", "when", "since",
    "unless",
];

/// Each whitespace-separated word of `body[start..end]`, with its offsets.
fn positions(body: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    body[start..end]
        .split_whitespace()
        .map(|w| {
            let at = w.as_ptr() as usize - body.as_ptr() as usize;
            (at, at + w.len())
        })
        .collect()
}

/// The next quotation from `at`: its opening mark's offset and the offset after its closing
/// mark, within one paragraph.
/// How a text marks its quotations: with quotation marks, or with two apostrophes as some wires
/// do (''…'').
#[derive(Clone, Copy)]
enum Marks {
    QuotationMarks,
    TwoApostrophes,
}

/// The next quotation between two pairs of apostrophes from `at`, within one paragraph: its
/// opening's offset and the offset after its closing.
fn next_quotation_in_apostrophes(body: &str, at: usize) -> Option<(usize, usize)> {
    let mut from = at;
    loop {
        let open = from + body[from..].find("''")?;
        let inner = open + 2;
        let paragraph_end = body[inner..].find('\n').map_or(body.len(), |e| inner + e);
        match body[inner..paragraph_end].find("''") {
            Some(k) => return Some((open, inner + k + 2)),
            None => from = paragraph_end,
        }
        if from >= body.len() {
            return None;
        }
    }
}

fn next_quotation(body: &str, at: usize) -> Option<(usize, usize)> {
    let mut from = at;
    loop {
        let open = from + body[from..].find(['"', '\u{201C}'])?;
        let inner = open + body[open..].chars().next()?.len_utf8();
        let paragraph_end = body[inner..].find("\n").map_or(body.len(), |e| inner + e);
        match body[inner..paragraph_end].find(['"', '\u{201D}']) {
            Some(k) => {
                let close = inner + k;
                return Some((open, close + body[close..].chars().next()?.len_utf8()));
            }
            None => from = paragraph_end,
        }
        if from >= body.len() {
            return None;
        }
    }
}

/// "According to X, P." and "P, according to X.": the regular attribution the tagger may miss.
/// The source runs to the comma (or the sentence's end), what was said is the rest.
fn according_to(doc: &Document, found: &[Attribution]) -> Vec<Attribution> {
    const CUE: &str = "according to ";
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let text = doc.text(*sentence);
        let Some(at) = text
            .to_lowercase()
            .find(CUE)
            .filter(|&at| text.is_char_boundary(at))
        else {
            continue;
        };
        let cue = (sentence.start + at, sentence.start + at + CUE.len() - 1);
        if found.iter().any(|a| a.cue.0 < cue.1 && cue.0 < a.cue.1) {
            continue;
        }
        let after = &text[at + CUE.len()..];
        let lead = text[..at].trim_end();
        let (source, content) = if lead.is_empty() {
            // "According to X, P."
            let Some(comma) = after.find(", ").filter(|&c| c <= 80) else {
                continue;
            };
            let source_start = cue.1 + 1;
            (
                (source_start, source_start + comma),
                (source_start + comma + 2, sentence.end),
            )
        } else if let Some(lead) = lead.strip_suffix(',') {
            // "P, according to X."
            let source_end = sentence.end - usize::from(text.ends_with('.'));
            if source_end - (cue.1 + 1) > 80 {
                continue;
            }
            (
                (cue.1 + 1, source_end),
                (sentence.start, sentence.start + lead.len()),
            )
        } else {
            continue;
        };
        if content.1 <= content.0 || source.1 <= source.0 {
            continue;
        }
        out.push(Attribution {
            cue,
            source: Some(source),
            content: Some(content),
            continued: None,
        });
    }
    out
}

/// Quotations no cue claimed: by the convention of news English, a quotation that follows a
/// statement continues it ("…, Voss said. “We will not leave.”"), and one that follows a
/// sentence naming a person is theirs ("Voss posted on Lornbook: …"). Each is taken from its
/// opening mark to its closing one, or to the end of its paragraph.
fn orphan_quotations(doc: &Document, statements: &[Statement]) -> Vec<Statement> {
    let body = &doc.body;
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(k) = body[at..].find(['"', '\u{201C}']) {
        let open = at + k;
        let inner = open + 1 + usize::from(!body[open..].starts_with('"')) * 2;
        let paragraph_end = body[inner..].find("\n\n").map_or(body.len(), |e| inner + e);
        let close = body[inner..paragraph_end]
            .find(['"', '\u{201D}'])
            .map_or(paragraph_end, |c| inner + c);
        at = (close + 1).min(body.len());
        while !body.is_char_boundary(at) {
            at += 1;
        }
        let covered = statements.iter().any(|s| s.start < close && inner < s.end);
        if covered || body[inner..close].split_whitespace().count() < 4 {
            continue;
        }
        let Some((start, end, _)) = reported(body, inner, close) else {
            continue;
        };
        // the statement it continues: the last one before it, at most two sentences back
        let sentence_of = |offset: usize| doc.sentences.partition_point(|s| s.end <= offset);
        let here = sentence_of(open);
        let previous = statements
            .iter()
            .rev()
            .find(|s| s.end <= open && here - sentence_of(s.start).min(here) <= 2);
        // with no statement before it, a quotation that stands on its own after a sentence
        // naming someone is theirs; one inside a sentence ("and think, “…”", "tick “…”") is not
        let opens_its_sentence = doc
            .sentences
            .get(here)
            .is_some_and(|s| s.start <= open && body[s.start..open].trim().is_empty());
        let (cue, source, speaker) = match previous {
            Some(p) => (p.cue, p.source, p.speaker),
            None if !opens_its_sentence => continue,
            None => match person_in_sentence_before(doc, open) {
                Some(m) => (
                    Span {
                        start: open,
                        end: open,
                    },
                    Some(Span {
                        start: doc.mentions[m].start,
                        end: doc.mentions[m].end,
                    }),
                    Some(m),
                ),
                None => continue,
            },
        };
        out.push(Statement {
            start,
            end,
            cue,
            kind: QuoteKind::Direct,
            source,
            speaker,
            via: None,
        });
    }
    out
}

/// A cue that reports no statement: a passive ("had been reported", "had not been asked", "are
/// confirmed dead"), a negation ("did not say whom"), a refusal ("declined to comment") or a
/// suggestion ("let's say").
fn is_unsaid(body: &str, cue: (usize, usize)) -> bool {
    let text = body[cue.0..cue.1].to_lowercase();
    // a colon or a dash signs what is beside it; the words before it are what was said
    if !text.chars().any(char::is_alphabetic) {
        return false;
    }
    // "Asked about the claim, Holt said …": the question put to the speaker is not a statement
    if body[cue.0..].starts_with("Asked ") {
        return true;
    }
    if text.contains("declin") || text.contains("refus") || text.contains("been ") {
        return true;
    }
    // "19 people | are confirmed dead": a passive with no one named says no one's words
    let passive = [
        "is ",
        "are ",
        "was ",
        "were ",
        "will be ",
        "would be ",
        "to be ",
    ]
    .iter()
    .any(|be| text.starts_with(be))
        && !text.split_whitespace().any(|w| w == "by");
    if passive {
        return true;
    }
    // the two words before the cue's last word: its own auxiliaries ("did not say"), or the words
    // before a one-word cue; "did not repeat his claim" still reports the claim
    let last_word = cue.0
        + body[cue.0..cue.1]
            .trim_end()
            .rfind(char::is_whitespace)
            .map_or(0, |k| k + 1);
    let before: Vec<String> = body[..last_word]
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| w.to_lowercase())
        .collect();
    let negation = |w: &str| matches!(w, "not" | "never") || w.ends_with("n't");
    // "let's say", "let us hope": a suggestion to the reader, no one's words
    let suggestion = matches!(
        before.as_slice(),
        [w, ..] if w == "let's" || w == "let\u{2019}s"
    ) || matches!(before.as_slice(), [us, let_] if us == "us" && let_ == "let");
    before.first().is_some_and(|w| w == "been") || before.iter().any(|w| negation(w)) || suggestion
}

/// Whether the cue's verb is joined to an earlier one ("… and said", "…, but warned").
fn follows_a_coordinator(body: &str, cue_start: usize) -> bool {
    let last = body[..cue_start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    matches!(last.as_str(), "and" | "but")
}

/// The subject of a sentence whose verb of saying is joined to an earlier verb: the person or
/// body named at the sentence's start ("The Directorate raised its toll … and said …").
fn coordinated_subject(doc: &Document, cue_start: usize) -> Option<Span> {
    if !follows_a_coordinator(&doc.body, cue_start) {
        return None;
    }
    let sentence = doc
        .sentences
        .iter()
        .find(|s| s.start <= cue_start && cue_start < s.end)?;
    let opening = doc.body[sentence.start..].trim_start();
    let skip = sentence.start + (doc.body.len() - sentence.start - opening.len());
    let skip = skip
        + ["The ", "the "]
            .iter()
            .find(|a| opening.starts_with(*a))
            .map_or(0, |a| a.len());
    let named = doc.mentions.iter().find(|m| {
        m.start == skip
            && m.end < cue_start
            && matches!(m.kind, EntityType::Person | EntityType::Organization)
    });
    match named {
        Some(m) => Some(Span {
            start: m.start,
            end: m.end,
        }),
        None => subject_before_past_verb(&doc.body, sentence.start, cue_start),
    }
}

/// "Engineers from the board inspected the dam and described…": a sentence that opens with no
/// name has as subject the words before its first past-tense verb, when they are few and start
/// with a capital.
fn subject_before_past_verb(body: &str, sentence_start: usize, cue_start: usize) -> Option<Span> {
    let words = positions(body, sentence_start, cue_start);
    let verb = words.iter().position(|&(s, e)| {
        let w = &body[s..e];
        w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_lowercase())
    })?;
    let capitalised = words
        .first()
        .is_some_and(|&(s, _)| body[s..].starts_with(char::is_uppercase));
    (verb > 0 && verb <= 6 && capitalised).then(|| Span {
        start: words[0].0,
        end: words[verb - 1].1,
    })
}

/// The last person named in the sentence before `offset`.
fn person_in_sentence_before(doc: &Document, offset: usize) -> Option<usize> {
    let here = doc.sentences.partition_point(|s| s.end <= offset);
    let before = doc.sentences.get(here.checked_sub(1)?)?;
    (0..doc.mentions.len()).rev().find(|&k| {
        let m = &doc.mentions[k];
        m.kind == EntityType::Person && m.start >= before.start && m.end <= before.end
    })
}

/// Words between a subject and its verb of saying ("Voss has recently said", "they both said").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "is",
    "was",
    "are",
    "were",
    "would",
    "will",
    "then",
    "later",
    "earlier",
    "again",
    "previously",
    "once",
    "who",
    "had",
    "has",
    // a floated quantifier: "the ministers are all set to say", "they both said"
    "all",
    "both",
    "each",
];

/// When the tagger found no source: the name just before the cue, past auxiliaries and adverbs.
fn subject_before(doc: &Document, cue_start: usize) -> Option<Span> {
    let mut at = cue_start;
    loop {
        let before = doc.body[..at].trim_end();
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric() && c != '-')
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = &before[word_start..];
        let lower = word.to_lowercase();
        if !word.is_empty()
            && (BETWEEN_SUBJECT_AND_VERB.contains(&lower.as_str()) || lower.ends_with("ly"))
        {
            at = word_start;
            continue;
        }
        // "the Committee continues to say": past the verb that carries the cue
        if lower == "to" {
            let carrier = before[..word_start].trim_end();
            let carrier_start = carrier.rfind(' ').map_or(0, |k| k + 1);
            if carrier[carrier_start..]
                .to_lowercase()
                .starts_with("continu")
            {
                at = carrier_start;
                continue;
            }
        }
        // "The Civil Rescue Directorate (CRD) said": past the short form in brackets
        if let Some(open) = before.strip_suffix(')').and_then(|b| b.rfind('(')) {
            if before.len() - open <= 12 && !before[open..].contains(' ') {
                at = open;
                continue;
            }
        }
        let end = before.len();
        // "Voss, the head of the Front, maintained": the apposition names the speaker
        if let Some(role) = before
            .strip_suffix(',')
            .and_then(|b| doc.roles.iter().find(|r| r.end == b.trim_end().len()))
        {
            return Some(Span {
                start: role.start,
                end: role.end,
            });
        }
        if let Some(m) = doc.mentions.iter().find(|m| m.end == end) {
            return Some(Span {
                start: m.start,
                end: m.end,
            });
        }
        if let Some(start) = noun_phrase_start(before) {
            return Some(Span { start, end });
        }
        // "The chair, Dane Holt, insists": a name set off by commas is the speaker's
        if let Some(m) = before.strip_suffix(',').and_then(|b| {
            let b = b.trim_end();
            doc.mentions.iter().find(|m| {
                m.end == b.len()
                    && m.kind == EntityType::Person
                    && doc.body[..m.start].trim_end().ends_with(',')
            })
        }) {
            return Some(Span {
                start: m.start,
                end: m.end,
            });
        }
        // "the Front, on the other hand, claimed": past a short aside between commas, or a
        // relative clause of any reasonable length ("Voss, who flew over the valley at dawn,")
        let aside = before.strip_suffix(',').and_then(|b| b.rfind(','));
        match aside {
            Some(comma) if is_aside(&before[comma + 1..]) => at = comma,
            _ => return None,
        }
    }
}

/// Words between two commas that can stand between a subject and its verb: a short aside, or a
/// relative clause.
fn is_aside(between: &str) -> bool {
    let words = between.split_whitespace().count();
    let relative = between
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "who" | "which" | "whose"));
    // an apposition may carry a relative clause: ", a councillor who has spent the week …,"
    let apposition = between
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"));
    words <= 6 || ((relative || apposition) && words <= 20)
}

/// "the anti-Lorn force": a short phrase opened by an article and ending where `before` ends,
/// with nothing but words between; where it starts.
fn noun_phrase_start(before: &str) -> Option<usize> {
    let mut end = before.len();
    for _ in 0..5 {
        let text = before[..end].trim_end_matches(' ');
        if text.len() == end && end != before.len() {
            return None;
        }
        // a plural possessive is a word of the phrase: "the Residents' Committee"
        let start = text
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric() && c != '-' && c != '\'')
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = &text[start..];
        if word.is_empty() || (start > 0 && !text[..start].ends_with(' ')) {
            return None;
        }
        if ["the", "a", "an"]
            .iter()
            .any(|a| word.eq_ignore_ascii_case(a))
        {
            return (text.len() != before.len()).then_some(start);
        }
        end = start;
    }
    None
}

/// The span of what was said, without quotation marks and edge punctuation, and how it was
/// reported; None when nothing is left.
fn reported(body: &str, start: usize, end: usize) -> Option<(usize, usize, QuoteKind)> {
    let text = &body[start..end];
    let edge = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':');
    let trimmed = text.trim_matches(edge);
    let lead = text.len() - text.trim_start_matches(edge).len();
    let closes = trimmed.ends_with(CLOSING) || trimmed.trim_end_matches(edge).ends_with(CLOSING);
    // ”…”: a quotation some pages open with the closing mark
    let stray_opening = trimmed.starts_with('\u{201D}') && closes;
    let opening = |c: char| OPENING.contains(&c) || (stray_opening && c == '\u{201D}');
    let opens = trimmed.starts_with(opening);
    let inner_marks = trimmed
        .chars()
        .filter(|c| OPENING.contains(c) || CLOSING.contains(c))
        .count();
    let (kind, inner) = if opens && (closes || inner_marks == 1) {
        let inner = trimmed
            .trim_start_matches(opening)
            .trim_end_matches(|c: char| CLOSING.contains(&c) || edge(c));
        (QuoteKind::Direct, inner)
    } else if trimmed.contains(['"', '\u{201C}', '\u{201D}']) {
        (QuoteKind::Partial, trimmed)
    } else if closes && !trimmed.contains(OPENING) {
        // "Holt Says ‘The Dam Held’": the cue took the opening mark, the closing one stays out
        let inner = trimmed.trim_end_matches(|c: char| CLOSING.contains(&c) || edge(c));
        (QuoteKind::Indirect, inner)
    } else {
        (QuoteKind::Indirect, trimmed)
    };
    let inner = inner.trim_matches(edge);
    if inner.is_empty() {
        return None;
    }
    let offset = start
        + lead
        + (trimmed.len() - trimmed.trim_start_matches(opening).len())
            * usize::from(kind == QuoteKind::Direct);
    let inner_start = offset + body[offset..].find(inner).unwrap_or(0);
    Some((inner_start, inner_start + inner.len(), kind))
}

/// Content that opens with a phrase of time, place or channel (`SETTING_OPENERS`, weekdays) and
/// its "that" starts after them ("said in a statement late on Friday that"): what was said is
/// the clause, not when or where it was said.
fn past_lead_in(body: &str, content: (usize, usize)) -> (usize, usize) {
    let text = &body[content.0..content.1];
    // "by using the example of Lorn: “…”": the quotation after the colon is what was said
    if let Some(colon) = text.find(": ") {
        let rest = &text[colon + 2..];
        let lead_has_quotation = text[..colon].contains(['"', '\u{201C}', '\u{201D}']);
        if rest.starts_with(['"', '\u{201C}']) && !lead_has_quotation {
            return (content.0 + colon + 2, content.1);
        }
    }
    let words = positions(body, content.0, content.1);
    if let Some(start) = past_complementizer(body, &words) {
        return (start, content.1);
    }
    let opens = words.first().is_some_and(|&(s, e)| {
        let word = body[s..e].to_lowercase();
        SETTING_OPENERS.contains(&word.as_str()) || WEEKDAYS.contains(&word.as_str())
    });
    if !opens || text.starts_with(OPENING) {
        return content;
    }
    let that = words
        .iter()
        .take(9)
        .position(|&(s, e)| &body[s..e] == "that");
    match that {
        Some(k) if k > 0 && !body[words[0].0..words[k].0].contains([',', '"', '\u{201C}']) => {
            let start = words.get(k + 1).map_or(content.1, |w| w.0);
            if start < content.1 {
                (start, content.1)
            } else {
                content
            }
        }
        _ => content,
    }
}

/// Where the clause starts in content that opens with the complementizer "that" ("that the
/// ward had …", "that talks had failed"). "that was wrong" is a pronoun with its verb and stays.
fn past_complementizer(body: &str, words: &[(usize, usize)]) -> Option<usize> {
    let [(s0, e0), (s1, e1), ..] = words else {
        return None;
    };
    if !body[*s0..*e0].eq_ignore_ascii_case("that") {
        return None;
    }
    let next = body[*s1..*e1].to_lowercase();
    let a_verb_follows = VERBS_AFTER_A_PRONOUN.contains(&next.as_str())
        || next.ends_with("'s")
        || next.ends_with("’s");
    // "that "…" and "…"": a clause that opens with a quotation keeps its "that", or the
    // quotation marks would no longer pair
    let quotation = next.starts_with(['"', '\u{201C}', '\'', '\u{2018}']);
    (!a_verb_follows && !quotation && next.chars().any(char::is_alphanumeric)).then_some(*s1)
}

/// Verbs that "that" as a pronoun takes ("that was wrong", "that would be a mistake").
const VERBS_AFTER_A_PRONOUN: &[&str] = &[
    "is", "was", "were", "are", "has", "had", "have", "would", "will", "could", "can", "may",
    "might", "should", "must", "did", "does", "do", "seems", "seemed", "means", "meant", "makes",
    "made", "remains", "sounds",
];

/// The quotation that opens right after `at` (past a comma and spaces), up to its closing mark.
/// The quotation after a colon right after a cue, in the same paragraph or opening the next
/// ("Holt continued:\n\n“…”").
fn quotation_after_a_colon(body: &str, cue_end: usize) -> Option<(usize, usize)> {
    let rest = body[cue_end..].trim_start_matches(' ').strip_prefix(':')?;
    let after_colon = body.len() - rest.len();
    let gap = &rest[..rest.len() - rest.trim_start().len()];
    if gap.matches('\n').count() > 2 {
        return None;
    }
    quotation_after(body, after_colon + gap.len())
}

fn quotation_after(body: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &body[at..];
    let skipped = rest.len() - rest.trim_start_matches([',', ' ']).len();
    let open = at + skipped;
    // some wires open and close a quotation with two apostrophes
    if body[open..].starts_with("''") {
        let inner = open + 2;
        let line_end = body[inner..].find('\n').map_or(body.len(), |k| inner + k);
        let close = body[inner..line_end].find("''").map(|k| inner + k)?;
        return Some((open, close + 2));
    }
    let mark = body[open..]
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\u{201C}'))?;
    let inner = open + mark.len_utf8();
    let close = body[inner..]
        .find(['"', '\u{201D}', '\n'])
        .map(|k| inner + k)?;
    let closing = body[close..]
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\u{201D}'))?;
    Some((open, close + closing.len_utf8()))
}

/// How many sentences before a statement the body a group's pronoun stands for may be named in.
const PRONOUN_REACH: usize = 2;

/// The mention a source refers to: a person named in it or right after it ("the Front's Arlen
/// Voss"); the person an apposition it belongs to describes ("Voss, head of the Front, said");
/// for a pronoun, the last person (or group) named before; for a role ("the senior official"),
/// the person introduced with it; for a group ("militia leaders"), the organization whose name
/// holds its word; else an organization or other name in it. A pronoun's person is never one
/// named in what was said (`said`): in "“It was easy for Holt,” she said", she is not Holt.
fn speaker_of(doc: &Document, kinds: &[EntityType], source: Span, said: Span) -> Option<usize> {
    // "residents interviewed by the Ledger": whoever the participle's agent is, it did not speak
    let source = agent_cut(doc, source);
    // "the anti-Lorn force" is not Lorn: a name bound to "anti-" or "pro-" says whom the
    // speaker opposes or backs, so it cannot be the speaker
    let (qualifiers, inside): (Vec<usize>, Vec<usize>) = (0..doc.mentions.len())
        .filter(|&k| doc.mentions[k].start >= source.start && doc.mentions[k].end <= source.end)
        .filter(|&k| !is_stance_modifier(doc, &doc.mentions[k]))
        .partition(|&k| kinds[k] == EntityType::Person && qualifies_a_role(doc, k, source));
    // "Harrowmere Province" is a place whatever the tagger says: its last word designates one
    let designates_a_place = |k: usize| {
        let last = doc.mentions[k]
            .text(&doc.body)
            .split_whitespace()
            .next_back();
        last.is_some_and(|w| crate::lexicon::PLACE_DESIGNATORS.contains(&w.to_lowercase().as_str()))
    };
    // "Patrick Hayden, Teresa's husband": a possessor is whose the speaker is, not who spoke
    let possessor = |k: usize| {
        let after = doc.body.get(doc.mentions[k].end..).unwrap_or("");
        after.starts_with("'s") || after.starts_with("\u{2019}s")
    };
    let inside_of = |kind: EntityType| {
        let of_kind = |k: &&usize| doc.mentions[**k].kind == kind && !designates_a_place(**k);
        inside
            .iter()
            .rev()
            .filter(of_kind)
            .find(|&&k| !possessor(k))
            .or_else(|| inside.iter().rev().find(of_kind))
            .copied()
    };
    if let Some(role) = doc
        .roles
        .iter()
        .find(|r| r.start < source.end && source.start < r.end)
    {
        return Some(role.mention);
    }
    if let Some(k) = inside_of(EntityType::Person).or_else(|| possessed_person(doc, source)) {
        return Some(k);
    }
    let text = &doc.body[source.start..source.end];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let in_what_was_said =
        |k: usize| doc.mentions[k].start >= said.start && doc.mentions[k].end <= said.end;
    // a group's pronoun ("they", "it") names a body named near: in the two sentences before the
    // statement, or in it; a person may be named further back, as features tell of one
    let opening = said.start.min(source.start);
    let sentence_at = doc
        .sentences
        .iter()
        .position(|s| s.end > opening)
        .unwrap_or(0);
    let near = doc
        .sentences
        .get(sentence_at.saturating_sub(PRONOUN_REACH))
        .map_or(0, |s| s.start);
    let last_before = |kind: EntityType, agrees: &dyn Fn(usize) -> bool| {
        let from = if kind == EntityType::Person { 0 } else { near };
        let fits = |k: usize| {
            doc.mentions[k].start >= from && kinds[k] == kind && !in_what_was_said(k) && agrees(k)
        };
        if kind == EntityType::Person {
            return salient_before(doc, source.start, fits);
        }
        (0..doc.mentions.len())
            .rev()
            .find(|&k| doc.mentions[k].end <= source.start && fits(k))
    };
    match words.as_slice() {
        // "Ms. Lind … Mr. Holt … she said": a person whose title says otherwise is not "she"
        [w] if PERSON_PRONOUNS.contains(&w.as_str()) => {
            let wanted = gender_of_pronoun(w);
            let agrees = |k: usize| {
                wanted.is_none() || title_gender(doc, k).is_none_or(|g| Some(g) == wanted)
            };
            return last_before(EntityType::Person, &agrees);
        }
        [w] if GROUP_PRONOUNS.contains(&w.as_str()) => {
            return last_before(EntityType::Organization, &|_| true)
        }
        _ => {}
    }
    // "Noem said" after "Gov. Kristi Noem": a surname the tagger left unnamed or untyped
    let untyped = |k: &usize| doc.mentions[*k].kind == EntityType::Other;
    if qualifiers.is_empty() && inside.iter().all(untyped) {
        if let Some(k) = person_by_surname(doc, source) {
            return Some(k);
        }
    }
    // the head noun comes before what qualifies it ("residents of the valley", "the governor
    // of Harrowmere", "residents interviewed by the Ledger")
    let head_at = words
        .iter()
        .position(|w| HEAD_ENDS.contains(&w.as_str()))
        .unwrap_or(words.len());
    let head = words[..head_at].last()?;
    let plural = head.ends_with('s') && !head.ends_with("ss");
    if super::roles::is_role_noun(head) && !plural {
        let bodies: Vec<String> = inside
            .iter()
            .filter(|&&k| doc.mentions[k].kind != EntityType::Person)
            .map(|&k| doc.mentions[k].text(&doc.body).to_lowercase())
            .collect();
        if let Some(k) = introduced_with_role(doc, source, head, &bodies)
            .or_else(|| titled_with(doc, source, head))
        {
            return Some(k);
        }
        // "the governor of the province": an unnamed holder of a place's office is not the
        // place; the holder of a body's office speaks for the body
        let of_a_place = |k: &usize| kinds[*k] == EntityType::Location || designates_a_place(*k);
        if !inside.is_empty() && inside.iter().all(of_a_place) {
            return None;
        }
    }
    // a group word: plural ("militia leaders") or a body named by its common noun ("the
    // resistance"), unless a name in the source says whose it is

    // people are not the body named after them ("residents" are not the Residents' Committee):
    // for a plural head only its modifiers can name the group ("Front fighters")
    // nor does the place they are of ("residents of the Talvin valley")
    let place_words: Vec<String> = inside
        .iter()
        .filter(|&&k| kinds[k] == EntityType::Location)
        .flat_map(|&k| {
            doc.mentions[k]
                .text(&doc.body)
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let modifiers: Vec<String> = words
        .iter()
        .filter(|w| {
            *w != head
                && !crate::lexicon::PLACE_DESIGNATORS.contains(&w.as_str())
                && !place_words.contains(w)
        })
        .cloned()
        .collect();
    let group_of_people = || group_named_by(doc, source, &modifiers);
    // "police in Harrowmere" are not the Harrowmere rescue agency: a place's name does not say
    // which body spoke
    let unplaced: Vec<String> = words
        .iter()
        .filter(|w| !place_words.contains(w))
        .cloned()
        .collect();
    let group = || group_named_by(doc, source, &unplaced);
    if plural {
        // "residents of the valley", "Lorn Ferry volunteers": people of a place are not the
        // place, nor are "residents interviewed by the Ledger" the Ledger; "Front fighters" are
        // the Front's
        let head_start = source.start + text.to_lowercase().find(head.as_str()).unwrap_or(0);
        let owner = |kind: EntityType| {
            inside
                .iter()
                .rev()
                .find(|&&k| doc.mentions[k].kind == kind && doc.mentions[k].end <= head_start)
                .copied()
        };
        // "doctors at Lorn General Hospital", "officials of the board": people at or of a body
        // speak for it
        let head_end = head_start + head.len();
        let body_they_are_of = || {
            inside.iter().copied().find(|&k| {
                let m = &doc.mentions[k];
                let between = doc.body.get(head_end..m.start).unwrap_or("").trim();
                kinds[k] == EntityType::Organization
                    && m.start >= head_end
                    && matches!(
                        between,
                        "at" | "of" | "from" | "at the" | "of the" | "from the"
                    )
            })
        };
        // "Senior Coalition leaders": a name the tagger left untyped as an organization still
        // says whose leaders they are
        owner(EntityType::Organization)
            .or_else(body_they_are_of)
            .or_else(group_of_people)
            .or_else(|| owner(EntityType::Other).filter(|&k| !is_only_attributive(doc, k)))
    } else {
        // "The Residents' Committee": a name that ends before the head noun only qualifies it;
        // the body the document names with that head is the speaker
        let head_start = source.start + text.to_lowercase().rfind(head.as_str()).unwrap_or(0);
        let head_named = inside.iter().any(|&k| doc.mentions[k].end > head_start);
        let qualified = !inside.is_empty() && !head_named && BODY_NOUNS.contains(&head.as_str());
        // "police in Harrowmere", "the governor of the province": a place after the head noun
        // is where the speaker is, not who
        let head_end = head_start + head.len();
        let place_after_head =
            |k: usize| kinds[k] == EntityType::Location && doc.mentions[k].start >= head_end;
        let may_speak = |k: &usize| !place_after_head(*k) && !is_only_attributive(doc, *k);
        qualified
            .then(group)
            .flatten()
            .or_else(|| inside_of(EntityType::Organization))
            .or_else(|| inside.iter().rev().find(|k| may_speak(k)).copied())
            .or_else(group)
    }
}

/// "a Holt adviser", "a Holt campaign official": a name right before the lower-case singular role
/// noun that ends the source says whose the role is. For a person's name (the caller asks), the
/// role's holder spoke, not the person; a body's name there ("a Pentagon official") is whom the
/// holder speaks for, and an untyped one is often a group's ("a Front commander"). Before a
/// plural ("Lorncorp leaders") the name is as often a body's the tagger read as a person.
fn qualifies_a_role(doc: &Document, k: usize, source: Span) -> bool {
    let m = &doc.mentions[k];
    let after: Vec<&str> = doc
        .body
        .get(m.end..source.end)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    (1..=3).contains(&after.len())
        && after
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase))
        && after.last().is_some_and(|w| {
            let w = w.trim_end_matches([',', '.']);
            super::roles::is_role_noun(w) && !w.ends_with('s')
        })
}

/// "two American senators", "former Lornish security forces": a one-word name of no clear type
/// that the document only ever puts before a lower-case word is an adjective of nationality or
/// origin; the people it describes are not the name.
fn is_only_attributive(doc: &Document, k: usize) -> bool {
    let m = &doc.mentions[k];
    let name = m.text(&doc.body);
    if m.kind != EntityType::Other || name.contains(char::is_whitespace) {
        return false;
    }
    // "Noem said" after "Noem cited": a word the document also names someone or something by is
    // a name, not an adjective
    let named_elsewhere = doc
        .mentions
        .iter()
        .any(|o| o.kind != EntityType::Other && o.text(&doc.body) == name);
    if named_elsewhere {
        return false;
    }
    let mut uses = doc.body.match_indices(name).filter(|(at, _)| {
        let before = doc.body[..*at].chars().next_back();
        !before.is_some_and(char::is_alphanumeric)
    });
    uses.all(|(at, _)| {
        let rest = &doc.body[at + name.len()..];
        rest.strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_lowercase)
    })
}

/// "Drost said": a capitalised word of the source that the tagger left unnamed but that ends a
/// person's name given earlier in the document.
fn person_by_surname(doc: &Document, source: Span) -> Option<usize> {
    let text = &doc.body[source.start..source.end];
    let capitalised: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (0..doc.mentions.len()).rev().find(|&k| {
        let m = &doc.mentions[k];
        let name = m.text(&doc.body);
        m.kind == EntityType::Person
            && m.end <= source.start
            && name.contains(' ')
            && name
                .rsplit([' ', '-'])
                .next()
                .is_some_and(|last| capitalised.contains(&last))
    })
}

/// A source without the agent of a participle in it ("residents interviewed by the Ledger" →
/// "residents").
fn agent_cut(doc: &Document, source: Span) -> Span {
    let text = doc.text(source);
    let mut at = 0;
    while let Some(k) = text[at..].find(" by ") {
        let before = &text[..at + k];
        if before.rsplit(' ').next().is_some_and(|w| w.ends_with("ed")) {
            let participle = before.rfind(' ').unwrap_or(0);
            return Span {
                start: source.start,
                end: source.start + participle.max(1),
            };
        }
        at += k + 4;
    }
    source
}

/// Words after a source's head noun that begin what qualifies it.
const HEAD_ENDS: &[&str] = &[
    "of",
    "by",
    "in",
    "from",
    "at",
    "who",
    "whose",
    "interviewed",
    "quoted",
    "cited",
];

/// "the governor of Harrowmere": the person this document gives that title ("Governor Aurelio
/// Kesterman"), the latest before the source, else the first after it.
fn titled_with(doc: &Document, source: Span, head: &str) -> Option<usize> {
    let titled = |k: &usize| {
        let m = &doc.mentions[*k];
        m.kind == EntityType::Person
            && m.title
                .as_deref()
                .is_some_and(|t| t.split_whitespace().any(|w| w.eq_ignore_ascii_case(head)))
    };
    let all = 0..doc.mentions.len();
    all.clone()
        .rev()
        .filter(|&k| doc.mentions[k].end <= source.start)
        .find(titled)
        .or_else(|| {
            all.filter(|&k| doc.mentions[k].start >= source.end)
                .find(titled)
        })
}

/// "anti-Lorn", "pro-Lorn": the name as a modifier of stance, not the name of the one acting.
fn is_stance_modifier(doc: &Document, m: &Mention) -> bool {
    let before = &doc.body[..m.start];
    let text = m.text(&doc.body);
    ["anti-", "pro-"].iter().any(|p| {
        let bound_before = before.len() >= p.len()
            && before.is_char_boundary(before.len() - p.len())
            && before[before.len() - p.len()..].eq_ignore_ascii_case(p);
        let bound_inside = text
            .get(..p.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(p));
        bound_before || bound_inside
    })
}

/// "the Front's Arlen Voss": a person mention right after the source and its possessive.
fn possessed_person(doc: &Document, source: Span) -> Option<usize> {
    let rest = &doc.body[source.end..];
    let skip = ["'s ", "\u{2019}s "]
        .iter()
        .find(|p| rest.starts_with(*p))?
        .len();
    doc.mentions
        .iter()
        .position(|m| m.start == source.end + skip && m.kind == EntityType::Person)
}

/// "the senior Lorn official": the person this document introduced with a matching role. A role
/// that names the body the source names ("Lorn") matches best, then one with the source's head
/// noun; a role that names another body and not this one does not match. Ties go to the latest
/// role before the source (else the first after it).
fn introduced_with_role(
    doc: &Document,
    source: Span,
    head: &str,
    bodies: &[String],
) -> Option<usize> {
    let score = |r: &crate::model::Role| -> Option<usize> {
        let text = doc.body[r.start..r.end].to_lowercase();
        let names_body = bodies.iter().any(|b| text.contains(b.as_str()));
        let names_other = doc.mentions.iter().any(|m| {
            m.start >= r.start
                && m.end <= r.end
                && m.kind == EntityType::Organization
                && !bodies.contains(&m.text(&doc.body).to_lowercase())
        });
        let has_head = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| w == head);
        if !bodies.is_empty() && names_other && !names_body {
            return None;
        }
        let score = 2 * usize::from(names_body) + usize::from(has_head);
        (score > 0).then_some(score)
    };
    let mut best: Option<(usize, bool, usize, usize)> = None;
    for r in &doc.roles {
        let Some(score) = score(r) else { continue };
        let before = r.start < source.start;
        // higher score; then before the source; then the latest before (or first after)
        let rank = (
            score,
            before,
            if before {
                r.start
            } else {
                usize::MAX - r.start
            },
            r.mention,
        );
        if best.is_none_or(|b| (rank.0, rank.1, rank.2) > (b.0, b.1, b.2)) {
            best = Some(rank);
        }
    }
    best.map(|b| b.3)
}

/// Each mention's usual type in its document: the type most mentions of that name have there
/// ("Talvin" tagged a person once among place mentions is a place).
fn usual_kinds(doc: &Document) -> Vec<EntityType> {
    let mut votes: HashMap<&str, [usize; 4]> = HashMap::new();
    let index = |k: EntityType| match k {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Location => 2,
        EntityType::Other => 3,
    };
    for m in &doc.mentions {
        votes.entry(m.text(&doc.body)).or_default()[index(m.kind)] += 1;
    }
    // "Sondland" beside "Gordon Sondland" is the person's surname however the tagger typed it,
    // unless the document writes it as a place ("in Washington" beside "George Washington")
    let surnames: HashSet<&str> = people_named_in_full(doc)
        .map(|(_, surname)| surname)
        .collect();
    let a_surname = |name: &str| {
        surnames.contains(name) && !crate::lexicon::written_as_a_place(&doc.body, name)
    };
    doc.mentions
        .iter()
        .map(|m| {
            if a_surname(m.text(&doc.body)) {
                return EntityType::Person;
            }
            let v = votes[m.text(&doc.body)];
            let kinds = [
                EntityType::Person,
                EntityType::Organization,
                EntityType::Location,
                EntityType::Other,
            ];
            // the mention's own type wins ties
            kinds
                .into_iter()
                .max_by_key(|k| (v[index(*k)], *k == m.kind))
                .unwrap_or(m.kind)
        })
        .collect()
}

/// "resistance leaders": the organization named in this document whose name holds one of the
/// source's words, the most named one.
fn group_named_by(doc: &Document, source: Span, words: &[String]) -> Option<usize> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (k, m) in doc.mentions.iter().enumerate() {
        if m.kind != EntityType::Organization || (m.start < source.end && source.start < m.end) {
            continue;
        }
        let name = m.text(&doc.body).to_lowercase();
        if name
            .split_whitespace()
            .any(|w| w.len() > 3 && words.iter().any(|s| s == w))
        {
            let entry = counts.entry(name).or_insert((0, k));
            entry.0 += 1;
        }
    }
    counts
        .into_values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, k)| k)
}

/// An organization the statement was told to ("told Lorn Radio", "said in an interview with
/// the Talvin Times") relayed it.
fn relay_of(doc: &Document, a: &Attribution) -> Option<usize> {
    let after_cue = doc.body[a.cue.1..].trim_start();
    let at = doc.body.len() - after_cue.len();
    let lead = ["with the ", "to the ", "the ", "with ", "to ", ""]
        .iter()
        .find(|w| after_cue.starts_with(*w))
        .map_or(0, |w| w.len());
    let cue = doc.body[a.cue.0..a.cue.1].to_lowercase();
    if !(cue.starts_with("told") || cue.starts_with("said") || cue.starts_with("speaking")) {
        return None;
    }
    // the outlet's own short name ("the Observer" in the Northgate Observer) is a relay whatever
    // type the tagger gave it
    let names_the_outlet = |m: &Mention| {
        doc.outlet.as_deref().is_some_and(|outlet| {
            format!(" {outlet} ").contains(&format!(" {} ", m.text(&doc.body)))
        })
    };
    doc.mentions.iter().position(|m: &Mention| {
        m.start == at + lead && (m.kind == EntityType::Organization || names_the_outlet(m))
    })
}

/// Across the run: each document's statements as quotes, speakers and relays as entities.
pub fn link(docs: &[Document], entity_at: &EntityOfMention) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for doc in docs {
        for s in &doc.statements {
            let entity = |k: usize| {
                entity_at
                    .get(&(doc.id.as_str(), doc.mentions[k].start))
                    .map(|id| id.to_string())
            };
            quotes.push(Quote {
                id: format!("quote-{}", quotes.len() + 1),
                doc: doc.id.clone(),
                text: doc.body[s.start..s.end].to_string(),
                kind: s.kind,
                cue: doc.body[s.cue.start..s.cue.end].to_string(),
                speaker: s.speaker.and_then(entity),
                speaker_text: s.source.map(|span| doc.text(span).to_string()),
                via: s.via.map(|k| doc.mentions[k].text(&doc.body).to_string()),
                start: s.start,
                end: s.end,
                cue_start: s.cue.start,
                cue_end: s.cue.end,
            });
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_document;

    fn statements_of(body: &str) -> (Document, Vec<Statement>) {
        let mut doc = test_document("d", body);
        crate::text::segment(&mut doc);
        doc.mentions = super::super::mentions::find(&doc, super::super::shipped_ner());
        doc.roles = super::super::roles::find(&doc);
        let found = find(&doc, super::super::shipped_attribution());
        (doc, found)
    }

    fn said<'a>(doc: &'a Document, s: &Statement) -> (&'a str, QuoteKind, Option<&'a str>) {
        (
            &doc.body[s.start..s.end],
            s.kind,
            s.speaker.map(|k| doc.mentions[k].text(&doc.body)),
        )
    }

    #[test]
    fn a_body_with_its_short_form_and_people_named_after_a_place() {
        let (doc, found) = statements_of(
            "The Tarnby Valley Residents' Committee met on Monday. The Harbour Rescue Directorate \
             (HRD) said 31 people were still missing.\n\nThe Residents' Committee maintains that \
             dozens have died. Residents of the Tarnby valley say the alarm never sounded.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = |words: &str| speaker_of_words(&doc, &found, words);
        assert_eq!(
            who("still missing"),
            Some("Harbour Rescue Directorate"),
            "{all:?}"
        );
        // residents are not the committee named after them, nor their valley
        assert_eq!(who("alarm never sounded"), None, "{all:?}");
    }

    /// The statements of `body` when the name tagger reads the mentions holding `name` that
    /// start at byte `from` or later as names of `kind`, as the tagger, trained on 1990s wire
    /// copy, may.
    fn statements_with_names_read_as(
        body: &str,
        name: &str,
        from: usize,
        kind: EntityType,
    ) -> (Document, Vec<Statement>) {
        let mut doc = test_document("d", body);
        crate::text::segment(&mut doc);
        doc.mentions = super::super::mentions::find(&doc, super::super::shipped_ner());
        doc.roles = super::super::roles::find(&doc);
        for m in doc.mentions.iter_mut() {
            if body[m.start..m.end].contains(name) && m.start >= from {
                m.kind = kind;
            }
        }
        let found = find(&doc, super::super::shipped_attribution());
        (doc, found)
    }

    /// The statements of `body` when the name tagger reads the lone "Lindqvist" after the first
    /// as a name of `kind`.
    fn statements_with_the_surname_read_as(
        body: &str,
        kind: EntityType,
    ) -> (Document, Vec<Statement>) {
        let after_the_first = body.find("Lindqvist").map_or(0, |at| at + 1);
        statements_with_names_read_as(body, "Lindqvist", after_the_first, kind)
    }

    #[test]
    fn a_surname_the_name_tagger_read_as_a_place_is_the_person_named_in_full() {
        let (doc, found) = statements_with_the_surname_read_as(
            "Arlen Lindqvist met Mara Voss on Monday. Lindqvist has amended his testimony once. \
             \"I now recall the call,\" he said.",
            EntityType::Location,
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = speaker_of_words(&doc, &found, "now recall");
        assert!(who.is_some_and(|w| w.contains("Lindqvist")), "{all:?}");
    }

    #[test]
    fn a_surname_the_name_tagger_left_untyped_is_the_person_named_before() {
        let (doc, found) = statements_with_the_surname_read_as(
            "Gov. Mara Lindqvist spoke in Tarnby on Monday.\n\n\"The levee will hold,\" \
             Lindqvist wrote on Tuesday. Lindqvist later met the board.",
            EntityType::Other,
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert_eq!(
            speaker_of_words(&doc, &found, "levee will hold"),
            Some("Mara Lindqvist"),
            "{all:?}"
        );
        // a name the document also gives a person is no adjective of origin, though every use
        // of it comes before a lower-case word
        let (doc, found) = statements_with_the_surname_read_as(
            "Lindqvist spoke in Tarnby on Monday.\n\n\"The levee will hold,\" Lindqvist wrote \
             on Tuesday. Lindqvist later met the board.",
            EntityType::Other,
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert_eq!(
            speaker_of_words(&doc, &found, "levee will hold"),
            Some("Lindqvist"),
            "{all:?}"
        );
    }

    #[test]
    fn a_pronoun_speaker_is_no_one_quoted_described_or_told_by_another_speaker() {
        let (doc, found) = statements_of(
            "Mara Lind spoke in Tarnby on Monday. She said: \"Arlen Voss called me at dawn.\"\n\n\
             \"The levee held,\" she said.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = speaker_of_words(&doc, &found, "levee held");
        assert!(who.is_some_and(|w| w.contains("Lind")), "{all:?}");
        // an employer the name tagger read as a person, in the apposition of the last speaker
        let (doc, found) = statements_with_names_read_as(
            "Dane Holt, chief executive of Corrabel Robotics, said the firm would build \
             landers.\n\n\"We start small,\" he said.",
            "Robotics",
            0,
            EntityType::Person,
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert_eq!(
            speaker_of_words(&doc, &found, "start small"),
            Some("Dane Holt"),
            "{all:?}"
        );
        // a bare name the tagger read as a person, inside what another speaker reported
        let (doc, found) = statements_with_names_read_as(
            "Dane Holt said the odds of funding for Corrabel were low.\n\n\"We will try \
             again,\" he said.",
            "Corrabel",
            0,
            EntityType::Person,
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert_eq!(
            speaker_of_words(&doc, &found, "try again"),
            Some("Dane Holt"),
            "{all:?}"
        );
        // who was told does not go on speaking
        let (doc, found) = statements_of(
            "Dane Holt told Arlen Voss the levee held.\n\n\"We start small,\" he said.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert_eq!(
            speaker_of_words(&doc, &found, "start small"),
            Some("Dane Holt"),
            "{all:?}"
        );
    }

    #[test]
    fn a_relative_pronoun_speaks_for_the_name_it_follows() {
        let (doc, found) = statements_of(
            "Flood waters rose in Tarnby on Monday. The board dismissed Dane Holt, who said the \
             dam was unsafe. Residents trust the Lorn Group, which says the spillway held. The \
             board also faces Arlen Voss, who leads the Tarnby Trust and says repairs are overdue.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = |words: &str| speaker_of_words(&doc, &found, words);
        assert_eq!(who("dam was unsafe"), Some("Dane Holt"), "{all:?}");
        assert_eq!(who("spillway held"), Some("Lorn Group"), "{all:?}");
        assert_eq!(who("repairs are overdue"), Some("Arlen Voss"), "{all:?}");
    }

    #[test]
    fn a_pronoun_speaker_is_no_one_named_in_the_quotation() {
        let (doc, found) = statements_of(
            "Mara Lind met the press in Lorn on Monday. \"It was easy for Dane Holt to sign the \
             report,\" she said.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = |words: &str| speaker_of_words(&doc, &found, words);
        assert_eq!(who("easy for"), Some("Mara Lind"), "{all:?}");
    }

    #[test]
    fn a_group_pronoun_stands_for_no_body_named_far_back() {
        let (doc, found) = statements_of(
            "The Lorn Group built the dam in 1990. Inspectors checked it in 2020. Crews rebuilt \
             the spillway in 2024. Two senators toured the site on Monday. Some bridges should \
             be rebuilt, they said.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = |words: &str| speaker_of_words(&doc, &found, words);
        assert!(
            all.iter()
                .any(|(text, _, _)| text.contains("bridges should")),
            "{all:?}"
        );
        assert_eq!(who("bridges should"), None, "{all:?}");
    }

    #[test]
    fn adding_a_thing_is_no_remark() {
        let (doc, found) = statements_of(
            "Rookie Dane Holt added a goal and an assist as Lorn beat Tarnby on Monday.\n\n\
             \"The dam held,\" added a Lorn engineer.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(
            all.iter().all(|(text, _, _)| !text.contains("goal")),
            "{all:?}"
        );
        assert!(
            all.iter().any(|(text, _, _)| text.contains("dam held")),
            "{all:?}"
        );
    }

    #[test]
    fn a_possessor_in_the_source_is_not_the_speaker() {
        let (doc, found) = statements_of(
            "\"The dam will hold,\" said Dane Holt, Mara Lind's husband and the Lorn Group's \
             chief engineer.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = |words: &str| speaker_of_words(&doc, &found, words);
        assert_eq!(who("dam will hold"), Some("Dane Holt"), "{all:?}");
    }

    #[test]
    fn a_quotation_inside_a_sentence_with_no_cue_is_no_ones_statement() {
        let (doc, found) = statements_of(
            "Dane Holt spoke to reporters in Tarnby on Monday.\n\n\"We will rebuild the dam \
             before the spring rains come.\"\n\nArlen Voss runs the Lorn Group. Its trucks \
             carry the words \"Enough already, just fix the dam.\"",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        // a quotation standing on its own after a sentence naming someone is theirs
        assert!(
            all.iter()
                .any(|(text, _, who)| text.contains("rebuild the dam") && *who == Some("Dane Holt")),
            "{all:?}"
        );
        // one inside a sentence whose verb reports neither speech nor thought (words painted on
        // trucks) is nobody's
        assert!(
            all.iter()
                .all(|(text, _, _)| !text.contains("Enough already")),
            "{all:?}"
        );
    }

    #[test]
    fn a_quotation_after_a_verb_and_a_colon_is_the_verbs_subjects() {
        let (doc, found) = statements_of(
            "Flood waters rose in Tarnby on Monday. Dane Holt spoke to reporters. He said:\n\n\
             \"We will rebuild the dam before the spring rains.\"\n\nAsked about the delay, \
             Arlen Voss shot back:\n\n\u{201C}That would be good for everyone in the \
             valley.\u{201D}\n\nLater, Mara Lind gloated: ''I told you the dam would not hold.''",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = |words: &str| speaker_of_words(&doc, &found, words);
        // in the next paragraph, after a cue the tagger found with nothing after it
        assert_eq!(who("rebuild the dam"), Some("Dane Holt"), "{all:?}");
        // after a verb that is no verb of saying, not the words before it
        assert_eq!(who("good for everyone"), Some("Arlen Voss"), "{all:?}");
        assert!(
            all.iter().all(|(text, _, _)| !text.contains("Asked about")),
            "{all:?}"
        );
        // between the two apostrophes some wires use for quotation marks
        assert_eq!(who("would not hold"), Some("Mara Lind"), "{all:?}");
    }

    #[test]
    fn a_quotation_framed_by_any_past_verb_is_its_subjects() {
        let (doc, found) = statements_of(
            "Flood waters rose in Tarnby on Monday. \u{201C}The valley will never forget this \
             week,\u{201D} an angry Dane Holt retaliated. \u{201C}Nobody warned the farms in \
             time,\u{201D} mused Lorn analyst Mara Lind.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let who = |words: &str| speaker_of_words(&doc, &found, words);
        assert_eq!(who("never forget"), Some("Dane Holt"), "{all:?}");
        assert_eq!(who("Nobody warned"), Some("Mara Lind"), "{all:?}");
    }

    #[test]
    fn a_frame_after_two_apostrophes_names_the_speaker() {
        let (doc, found) = statements_of(
            "Flood waters rose in Tarnby on Monday. ''We wanted to control the land around the \
             dam,'' Arlen Voss recalled. ''Nobody warned the farms in time,'' mused Lorn analyst \
             Mara Lind. ''The valley will never forget this week,'' an angry Dane Holt \
             retaliated.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        for (words, speaker) in [
            ("control the land", "Arlen Voss"),
            ("Nobody warned", "Mara Lind"),
            ("never forget", "Dane Holt"),
        ] {
            assert!(
                all.iter()
                    .any(|(text, _, who)| text.contains(words) && *who == Some(speaker)),
                "{words}: {all:?}"
            );
        }
    }

    #[test]
    fn a_name_before_a_colon_signs_the_quotation_after_it() {
        let (doc, found) = statements_of(
            "Morning briefing.\n\nWHY THE DAM FAILED - Arlen Voss: \u{201C}The spillway was \
             never rated for a flood this size.\u{201D}\n\nThe Tarnby board meets on Friday.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(
            all.iter()
                .any(|(text, _, who)| text.contains("never rated") && *who == Some("Arlen Voss")),
            "{all:?}"
        );
    }

    #[test]
    fn a_headline_quotation_whose_opening_mark_went_to_its_cue_keeps_no_closing_mark() {
        let said = spoken(
            "Holt Says \u{2018}The Dam Was Never Safe For Farms\u{2019}\n\nFlood waters rose in \
             Tarnby on Monday.",
        );
        assert!(
            said.iter()
                .any(|(text, _)| text == "The Dam Was Never Safe For Farms"),
            "{said:?}"
        );
    }

    /// What each statement of `body` says, and its source as written.
    fn spoken(body: &str) -> Vec<(String, Option<String>)> {
        let (doc, found) = statements_of(body);
        found
            .iter()
            .map(|s| {
                (
                    doc.body[s.start..s.end].to_string(),
                    s.source.map(|x| doc.text(x).to_string()),
                )
            })
            .collect()
    }

    fn said_by(pairs: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
        pairs
            .iter()
            .map(|(text, source)| (text.to_string(), Some(source.to_string())))
            .collect()
    }

    #[test]
    fn quotations_signed_after_a_dash_are_their_signers_statements() {
        // lines of signed quotations under a photo credit; words of negation inside a quotation
        // do not make its signature unsaid
        let body = "Voices From The Valley\n\nPhoto Desk/Archive.\n\n\u{201D}The water came fast. \
                    We had no warning and the sirens never sounded.\u{201D} \u{2015} Dane Holt\n\
                    \u{201C}The board knew about the seepage for months.\u{201D}\u{2015} Arlen Voss\n\
                    \u{201C}Nobody came for two days.\u{201D}\u{2015} Mara Lind.";
        assert_eq!(
            spoken(body),
            said_by(&[
                (
                    "The water came fast. We had no warning and the sirens never sounded",
                    "Dane Holt"
                ),
                ("The board knew about the seepage for months", "Arlen Voss"),
                ("Nobody came for two days", "Mara Lind"),
            ])
        );
    }

    #[test]
    fn an_indirect_statement_holding_its_own_source_says_what_follows_its_cue_or_nothing() {
        let body = "Job cuts will be announced this week. The Courier says the dam held. \
                    ''We stay,'' Holt said. ''We rebuild.''";
        let doc = test_document("d", body);
        let span = |text: &str| {
            let start = body.find(text).expect("in body");
            Span {
                start,
                end: start + text.len(),
            }
        };
        let statement = |said: &str, cue: &str, source: &str| {
            let said = span(said);
            Statement {
                start: said.start,
                end: said.end,
                cue: span(cue),
                kind: QuoteKind::Indirect,
                source: Some(span(source)),
                speaker: None,
                via: None,
            }
        };
        let mut found = vec![
            statement("Job cuts", "will be announced", "Job cuts"),
            statement("The Courier says the dam held", "says", "The Courier"),
            statement("We stay,'' Holt said. ''We rebuild", "said", "Holt"),
        ];
        without_their_sources(&doc, &mut found);
        let texts: Vec<&str> = found.iter().map(|s| &body[s.start..s.end]).collect();
        assert_eq!(
            texts,
            ["the dam held", "We stay,'' Holt said. ''We rebuild"]
        );
    }

    #[test]
    fn an_inverted_source_ending_on_a_possessive_runs_on_to_the_name() {
        let body = "Cuts will come, said the Lorn Group's newly named chair Dane Holt in an \
                    email. Cuts will come, said the group's spokesman.";
        let span = |text: &str, from: usize| {
            let start = from + body[from..].find(text).expect("in body");
            Span {
                start,
                end: start + text.len(),
            }
        };
        let grown = |source: &str, cue: Span| {
            let s = past_a_possessive(body, span(source, cue.end), cue.end);
            &body[s.start..s.end]
        };
        let first_cue = span("said", 0);
        assert_eq!(
            grown("the Lorn Group's", first_cue),
            "the Lorn Group's newly named chair Dane Holt"
        );
        let second_cue = span("said", first_cue.end);
        assert_eq!(grown("the group's", second_cue), "the group's spokesman");
    }

    #[test]
    fn a_source_leaves_out_the_channel_and_a_clause_of_place() {
        assert_eq!(
            without_a_channel("Fadem in a Tuesday research note"),
            "Fadem"
        );
        assert_eq!(without_a_channel("Holt on Twitter"), "Holt");
        assert_eq!(
            without_a_channel("Lind, a doctor at Tarnby Hospital where the patients"),
            "Lind, a doctor at Tarnby Hospital"
        );
        assert_eq!(
            without_a_channel("the mayor of Lorn in the north"),
            "the mayor of Lorn in the north"
        );
    }

    #[test]
    fn a_suggestion_or_a_passive_to_come_reports_no_one() {
        let (doc, found) = statements_of(
            "Let's say the levee holds for a week. Repairs will be announced on Friday. Dane \
             Holt said the levee would hold.",
        );
        let cues: Vec<&str> = found
            .iter()
            .map(|s| &doc.body[s.cue.start..s.cue.end])
            .collect();
        assert_eq!(cues, ["said"]);
    }

    #[test]
    fn a_source_is_neither_a_setting_nor_inside_what_was_said() {
        let body =
            "The council met late on Monday to discuss the repair of the dam. Council chair \
                    Dane Holt, at a later briefing, said, \u{201C}We have to let the inquiry run \
                    its course.\u{201D}\n\nThe board's reasons are thin. Said Voss: \u{201C}I do \
                    not think they care about repairs.\u{201D}\n\n''It has the virtue of being \
                    fiscally sound,'' Mara Lind, director of the Lorn Policy Centre, said of the \
                    plan.";
        assert_eq!(
            spoken(body),
            said_by(&[
                (
                    "We have to let the inquiry run its course",
                    "Council chair Dane Holt"
                ),
                ("I do not think they care about repairs", "Voss"),
                (
                    "It has the virtue of being fiscally sound",
                    "Mara Lind, director of the Lorn Policy Centre"
                ),
            ])
        );
    }

    #[test]
    fn a_question_put_to_the_speaker_is_no_statement_and_ends_before_the_answer() {
        let body = "The police said on Sunday that a device had gone off near the market.\n\n\
                    Asked to describe the device that caused the blast, Holt said, \"Not going to \
                    go into that.\"\n\nAsked about the claim that it had been a bomb, Voss said, \
                    \"I think it is important to know the facts.\"";
        let found = spoken(body);
        assert_eq!(
            found[1..],
            said_by(&[
                ("Not going to go into that", "Holt"),
                ("I think it is important to know the facts", "Voss"),
            ]),
            "{found:?}"
        );
    }

    #[test]
    fn a_day_a_comparison_or_a_setting_names_no_one() {
        for text in [
            "Friday",
            "compared to 11% of members",
            "at a later briefing",
            "The",
        ] {
            assert!(names_no_one(text), "{text}");
        }
        for text in ["Dane Holt", "the council", "At Home Trust"] {
            assert!(!names_no_one(text), "{text}");
        }
    }

    #[test]
    fn by_and_a_gerund_say_how_and_a_colon_leads_into_the_quotation() {
        let body = "The debate turned to crime on Monday night.\n\nHolt responded by using the \
                    example of Lorn: \"We have towns in terrible shape, and the board does \
                    nothing about it.\"";
        assert_eq!(
            spoken(body),
            said_by(&[(
                "We have towns in terrible shape, and the board does nothing about it",
                "Holt"
            )])
        );
    }

    #[test]
    fn a_clause_after_a_quotation_is_not_its_frame() {
        let body = "The council met on Monday. Dane Holt said she talks about the dam because \
                    \u{201C}you talk about what is in front of you,\u{201D} though she noted she \
                    has also pushed for repairs.";
        let found = spoken(body);
        assert!(
            !found
                .iter()
                .any(|(_, source)| source.as_deref() == Some("though she")),
            "{found:?}"
        );
    }

    #[test]
    fn words_quoted_after_a_cue_of_any_verb_are_a_partial_quote() {
        let (doc, found) = statements_of(
            "Dane Holt calls the plan \u{201C}a disgrace to the valley\u{201D}. The council wants \
             a new vote in May.",
        );
        let all: Vec<_> = found
            .iter()
            .map(|s| (doc.text(s.cue), s.kind, s.source.map(|x| doc.text(x))))
            .collect();
        assert!(
            all.contains(&("calls", QuoteKind::Partial, Some("Dane Holt"))),
            "{all:?}"
        );
        // an attitude with no quoted words is still no quote
        assert!(!all.iter().any(|(cue, _, _)| *cue == "wants"), "{all:?}");
    }

    #[test]
    fn a_statement_cut_before_the_next_cue_is_partial_only_if_it_keeps_quoted_words() {
        let (doc, found) = statements_of(
            "Governor Dane Holt visited the shelter on Friday. He did not repeat his claim that \
             the dam had been sabotaged, telling evacuees only that \u{201C}the inquiry will \
             speak for itself\u{201D}.",
        );
        let all: Vec<_> = found
            .iter()
            .map(|s| {
                (
                    doc.text(Span {
                        start: s.start,
                        end: s.end,
                    }),
                    s.kind,
                )
            })
            .collect();
        assert!(
            all.contains(&("the dam had been sabotaged", QuoteKind::Indirect)),
            "{all:?}"
        );
        assert!(
            all.iter().any(
                |(text, kind)| text.contains("the inquiry will speak for itself")
                    && *kind == QuoteKind::Partial
            ),
            "{all:?}"
        );
    }

    #[test]
    fn an_inverted_speaker_line_and_a_speaker_with_a_date_in_the_role() {
        let (doc, found) = statements_of(
            "Holt Breaks With Board\n\nSaid Holt: \u{201C}I do not think the board cares about \
             repairs.\u{201D}\n\n\u{201C}Their reasons do not hold water,\u{201D} said 9/11 widow \
             Mara Lind.",
        );
        let sources: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|s| (doc.text(s.cue), s.source.map(|x| doc.text(x))))
            .collect();
        assert_eq!(
            sources,
            vec![
                ("Said", Some("Holt")),
                ("said", Some("9/11 widow Mara Lind"))
            ]
        );
    }

    #[test]
    fn a_passive_with_no_one_named_is_no_statement() {
        let (doc, found) = statements_of(
            "Flood toll rises\n\nThe Harbour Rescue Directorate says 19 people are confirmed \
             dead. Rescue teams are concentrating on Brisca.",
        );
        let cues: Vec<&str> = found.iter().map(|s| doc.text(s.cue)).collect();
        assert!(
            !cues.iter().any(|c| c.starts_with("are ")),
            "a passive is no one's words: {cues:?}"
        );
    }

    #[test]
    fn a_statement_drops_the_that_before_its_clause_but_not_a_pronoun_that() {
        let body = "that talks had failed; that was wrong; that \"no one\" came";
        let words = |from: usize, to: usize| positions(body, from, to);
        assert_eq!(past_complementizer(body, &words(0, 21)), Some(5));
        assert_eq!(past_complementizer(body, &words(23, 37)), None);
        assert_eq!(past_complementizer(body, &words(39, body.len())), None);
    }

    #[test]
    fn what_was_said_starts_after_when_and_where_it_was_said() {
        let (doc, found) = statements_of(
            "The Talvin Brigade said on Monday that its fighters had entered Tarnby. The Harbour \
             Council said in a statement late on Friday that the port would stay shut.",
        );
        let texts: Vec<&str> = found.iter().map(|s| said(&doc, s).0).collect();
        assert!(
            texts.contains(&"its fighters had entered Tarnby"),
            "{texts:?}"
        );
        assert!(texts.contains(&"the port would stay shut"), "{texts:?}");
    }

    #[test]
    fn an_adverb_between_subject_and_cue_is_not_the_speaker() {
        let (doc, found) = statements_of(
            "Fighting went on in the valley. The Talvin Brigade have recently claimed that they \
             have the Tarnby pass under siege. The Harbour Council has denied the claim.",
        );
        let claim = found
            .iter()
            .find(|s| doc.body[s.start..s.end].contains("Tarnby pass"))
            .expect("the claim is found");
        assert_eq!(
            claim.speaker.map(|m| doc.mentions[m].text(&doc.body)),
            Some("Talvin Brigade")
        );
        // the tagger sometimes cuts such a source to the adverb alone: that names no one
        assert!(names_no_one("recently"));
        assert!(names_no_one("the"));
        assert!(!names_no_one("the family"));
        assert!(!names_no_one("family"));
    }

    /// The name of each statement's speaker, in order.
    fn speaker_names<'a>(doc: &'a Document, found: &[Statement]) -> Vec<Option<&'a str>> {
        found
            .iter()
            .map(|s| s.speaker.map(|m| doc.mentions[m].text(&doc.body)))
            .collect()
    }

    #[test]
    fn the_company_is_the_body_named_just_before() {
        let (doc, found) = statements_of(
            "Lorn Freight Corporation cut 300 jobs on Monday. The company said it would reopen \
             the depot in May.",
        );
        assert_eq!(
            speaker_names(&doc, &found),
            vec![Some("Lorn Freight Corporation")],
            "{found:?}"
        );
        // a body named further back is no longer the one meant
        let (doc, found) = statements_of(
            "Lorn Freight Corporation cut 300 jobs on Monday. The weather was mild. Trains ran \
             late. The company said it would reopen the depot in May.",
        );
        assert_eq!(speaker_names(&doc, &found), vec![None], "{found:?}");
    }

    #[test]
    fn a_pronoun_takes_up_the_subject_its_last_sentence_opens_with() {
        let (doc, found) = statements_of(
            "Arlen Holt was the third witness who heard the governor's call with Ambassador Dane \
             Lind. He said he was not worried about the call.\n\nAt the time of Marek Voss's \
             arrest, the port had no guards, said Tomas Brenner, a union official. The port has \
             hired four since, he said.\n\nVoss spokesman Arlen Holt criticized Governor Dane \
             Lind for the delay. “Nice try,” he wrote.",
        );
        let names = speaker_names(&doc, &found);
        assert_eq!(names.first(), Some(&Some("Arlen Holt")), "{found:?}");
        assert_eq!(names.last(), Some(&Some("Arlen Holt")), "{found:?}");
        // a phrase before the subject, and a speaker after his verb, keep the last name
        assert_eq!(names.len(), 4, "{found:?}");
        assert_eq!(names[2], Some("Tomas Brenner"), "{found:?}");
    }

    #[test]
    fn a_persons_name_before_a_role_says_whose_the_role_is_not_who_spoke() {
        // the lone surname read as a person's name, as the tagger reads some
        let body = "Senator Dana Corrabel unveiled the transit plan on Monday.\n\nA Corrabel \
                    adviser said on Tuesday that the plan had no votes.\n\nA Tarnby Council \
                    official said the money was not there.";
        let (doc, found) = statements_with_names_read_as(body, "Corrabel", 30, EntityType::Person);
        let names = speaker_names(&doc, &found);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(names[0], None, "{found:?}");
        assert_eq!(names[1], Some("Tarnby Council"), "{found:?}");
    }

    #[test]
    fn a_place_after_a_wide_character_is_read_without_a_panic() {
        // the word before "of" or "in" follows a character of several bytes
        let (doc, _) = statements_of("Reporters met \u{FFFD}police in Tarnby, who said so.");
        let place = doc.body.find("Tarnby").unwrap();
        let span = Span {
            start: place,
            end: place + "Tarnby".len(),
        };
        let (people, word) = people_before_place(&doc, span).expect("police in Tarnby");
        assert_eq!((doc.text(people), word), ("police in Tarnby", "police"));
    }

    #[test]
    fn people_of_a_place_are_neither_the_place_nor_the_outlet_that_met_them() {
        let (doc, found) = statements_of(
            "Governor Dane Holt toured the flooded valley on Monday.\n\nPolice in Tarnby said \
             they had not been asked to investigate.\n\nThe governor of Tarnby Province said on \
             Tuesday that the levee had been damaged on purpose.\n\nResidents interviewed by the \
             Lorn Courier said they heard no siren.\n\nTwo Dutch senators said the valley should \
             be declared a safe zone.",
        );
        let sources: Vec<Option<&str>> = found
            .iter()
            .map(|s| s.source.map(|x| doc.text(x)))
            .collect();
        assert_eq!(
            speaker_names(&doc, &found),
            [None, Some("Dane Holt"), None, None],
            "{sources:?}"
        );
        assert_eq!(sources[0], Some("Police in Tarnby"));
        assert!(
            sources[2].is_some_and(|s| s.starts_with("Residents")),
            "{sources:?}"
        );
    }

    #[test]
    fn a_body_described_in_the_lede_is_the_one_named_next() {
        let (doc, found) = statements_of(
            "The Talvin dam gave way late on Monday, killing at least twelve people, the regional \
             rescue agency said.\n\nThe Harbour Rescue Directorate said 31 people were still \
             missing.",
        );
        assert_eq!(
            speaker_names(&doc, &found),
            [
                Some("Harbour Rescue Directorate"),
                Some("Harbour Rescue Directorate")
            ],
            "{found:?}"
        );
        // several unions are not the body that spoke last
        let (doc, found) = statements_of(
            "The Harbour Rescue Directorate says 19 people are dead. The unions said 900 \
             workers had joined the search.",
        );
        assert_eq!(
            speaker_names(&doc, &found),
            [Some("Harbour Rescue Directorate"), None],
            "{found:?}"
        );
    }

    #[test]
    fn an_unnamed_spokeswoman_of_a_body_speaks_for_the_body_that_spoke_before() {
        let (doc, found) = statements_of(
            "The Harbour Rescue Directorate says 19 people are dead. The agency's spokeswoman said \
             rescue teams were concentrating on Brisca.",
        );
        assert_eq!(
            speaker_names(&doc, &found),
            [
                Some("Harbour Rescue Directorate"),
                Some("Harbour Rescue Directorate")
            ],
            "{found:?}"
        );
    }

    #[test]
    fn an_unnamed_subject_of_a_coordinated_cue_is_the_phrase_before_its_verb() {
        let (doc, found) = statements_of(
            "The Talvin Hydro Board runs the dam. Engineers from the board inspected the dam last \
             week and described the seepage as normal.",
        );
        let statement = found
            .iter()
            .find(|s| doc.body[s.start..s.end].contains("seepage"))
            .unwrap_or_else(|| panic!("{found:?}"));
        assert_eq!(
            statement.source.map(|s| doc.text(s)),
            Some("Engineers from the board")
        );
        assert_eq!(said(&doc, statement).2, Some("Talvin Hydro Board"));
    }

    #[test]
    fn a_quantifier_floated_after_the_subject_is_no_part_of_it() {
        let (doc, found) = statements_of(
            "Talks failed on Monday, while the Tarnby Front are all set to announce that the \
             pass will reopen.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let reopen = found
            .iter()
            .find(|s| doc.body[s.start..s.end].contains("pass will reopen"))
            .unwrap_or_else(|| panic!("{all:?}"));
        let source = reopen.source.map(|span| doc.text(span));
        assert_eq!(source, Some("Tarnby Front"), "{all:?}");
    }

    #[test]
    fn a_participle_clause_says_what_the_main_subject_said() {
        let (doc, found) = statements_of(
            "Senior Harbour Council officials blamed Tarnby leaders for the failure, saying that \
             they never wanted a deal.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let (_, _, who) = all
            .iter()
            .find(|(text, _, _)| text.contains("never wanted a deal"))
            .unwrap_or_else(|| panic!("{all:?}"));
        assert!(
            who.is_some_and(|w| w.contains("Harbour Council")),
            "{all:?}"
        );
    }

    /// The speaker of the statement whose text holds `words`, or a panic listing them all.
    fn speaker_of_words<'a>(
        doc: &'a Document,
        found: &[Statement],
        words: &str,
    ) -> Option<&'a str> {
        let all: Vec<_> = found.iter().map(|s| said(doc, s)).collect();
        all.iter()
            .find(|(text, _, _)| text.contains(words))
            .unwrap_or_else(|| panic!("{words:?} not among {all:?}"))
            .2
    }

    #[test]
    fn she_is_not_a_man_the_document_calls_mr() {
        let (doc, found) = statements_of(
            "Ms. Mara Lind, the harbour engineer, met Mr. Dane Holt at the dam on Friday. \
             \"The wall will hold,\" she said.\n\nMr. Holt was not convinced.",
        );
        assert_eq!(
            speaker_of_words(&doc, &found, "The wall will hold"),
            Some("Mara Lind")
        );
    }

    #[test]
    fn what_was_said_ends_where_a_clause_after_a_comma_says_more() {
        let (doc, found) = statements_of(
            "Governor Arlen Voss visited Tarnby on Friday. He did not repeat his claim that the \
             bridge had been sabotaged, telling residents only that \"the inquiry will report\".",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(
            all.iter()
                .any(|(text, _, _)| text.ends_with("the bridge had been sabotaged")),
            "{all:?}"
        );
    }

    #[test]
    fn a_verb_joined_by_and_or_but_shares_the_sentence_subject() {
        let (doc, found) = statements_of(
            "The Harbour Rescue Directorate raised its death toll to 19 on Wednesday and said \
             26 people were still missing.\n\nThe Lorn Council said the bridge had held, but \
             warned that the east bank was being watched.",
        );
        assert_eq!(
            speaker_of_words(&doc, &found, "26 people were still missing"),
            Some("Harbour Rescue Directorate")
        );
        assert_eq!(
            speaker_of_words(&doc, &found, "the east bank was being watched"),
            Some("Lorn Council")
        );
    }

    #[test]
    fn people_at_a_body_speak_for_it_and_whom_they_told_is_not_what_they_said() {
        let (doc, found) = statements_of(
            "Two nurses at Marrow General Hospital told the Tarnby Gazette that the ward had \
             taken in 30 patients.\n\n\"The wall was sound,\" Arlen Voss told reporters in \
             Lorn, \"and the inquiry will show it.\"",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let patients = all
            .iter()
            .find(|(text, _, _)| text.contains("30 patients"))
            .unwrap_or_else(|| panic!("{all:?}"));
        assert!(patients.0.starts_with("the ward"), "{all:?}");
        assert_eq!(patients.2, Some("Marrow General Hospital"), "{all:?}");
        // the second half of a split quotation starts at its quotation mark
        assert!(
            all.iter()
                .any(|(text, _, who)| text.starts_with("and the inquiry")
                    && *who == Some("Arlen Voss")),
            "{all:?}"
        );
    }

    #[test]
    fn a_claim_rejected_in_apposition_is_the_rejecters_statement_too() {
        let (doc, found) = statements_of(
            "The Tarnby Harbour Council met on Monday. Governor Arlen Voss said on Tuesday that \
             the bridge had been cut on purpose, a claim rejected outright by the Tarnby Harbour \
             Council.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let claim = "the bridge had been cut on purpose";
        // the governor's claim ends before the apposition
        assert!(
            all.iter()
                .any(|(text, _, who)| text.ends_with(claim) && *who == Some("Arlen Voss")),
            "{all:?}"
        );
        // one rejection, of the claim alone, not a second reading of the whole sentence
        let rejections: Vec<_> = found
            .iter()
            .filter(|s| doc.text(s.cue).starts_with("rejected"))
            .collect();
        assert_eq!(rejections.len(), 1, "{all:?}");
        let rejection = rejections[0];
        assert!(doc.body[rejection.start..rejection.end].ends_with(claim));
        assert_eq!(
            said(&doc, rejection).2,
            Some("Tarnby Harbour Council"),
            "{all:?}"
        );
    }

    #[test]
    fn a_relative_clause_between_subject_and_verb_is_passed_over() {
        let (doc, found) = statements_of(
            "Governor Arlen Voss, who flew over the flooded valley by helicopter at dawn, said \
             the army would rebuild the bridge.",
        );
        assert_eq!(
            speaker_of_words(&doc, &found, "the army would rebuild the bridge"),
            Some("Arlen Voss")
        );
    }

    #[test]
    fn passives_negations_and_refusals_report_no_statement() {
        let (doc, found) = statements_of(
            "Police in Tarnby said they had not been asked to open an investigation. The board \
             declined to comment on the remarks. Voss did not say whom he suspected.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s).0).collect();
        assert!(
            all.iter().all(|t| !t.starts_with("to open")
                && !t.contains("the remarks")
                && !t.starts_with("whom")),
            "{all:?}"
        );
    }

    #[test]
    fn the_body_named_before_with_the_same_head_noun_is_the_speaker() {
        let (doc, found) = statements_of(
            "The Tarnby Valley Residents' Committee disputes the figures. In a post late on \
             Monday, the committee wrote that dozens had died.",
        );
        assert_eq!(
            speaker_of_words(&doc, &found, "dozens had died"),
            Some("Tarnby Valley Residents' Committee")
        );
    }

    #[test]
    fn a_direct_quote_and_its_speaker() {
        let (doc, found) = statements_of(
            "\u{201C}The pass is closed to everyone,\u{201D} Arlen Voss said on Monday.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(
            all.contains(&(
                "The pass is closed to everyone",
                QuoteKind::Direct,
                Some("Arlen Voss")
            )),
            "{all:?}"
        );
    }

    #[test]
    fn reported_speech_and_a_pronoun() {
        let (doc, found) = statements_of(
            "Arlen Voss arrived in Tarnby on Monday.\n\nHe said that the talks had failed because the army wanted more land.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(
            all.iter()
                .any(|(text, kind, who)| text.contains("the talks had failed")
                    && *kind == QuoteKind::Indirect
                    && *who == Some("Arlen Voss")),
            "{all:?}"
        );
    }

    #[test]
    fn a_role_noun_points_to_the_person_introduced_with_it() {
        let (doc, found) = statements_of(
            "Dane Holt, the senior militia official, met the envoys.\n\nThe senior official told reporters that no one would leave the valley.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(
            all.iter()
                .any(|(text, _, who)| text.contains("no one would leave")
                    && *who == Some("Dane Holt")),
            "{all:?}"
        );
    }

    #[test]
    fn according_to_names_the_source_on_either_side() {
        let (doc, found) = statements_of(
            "According to the Lorn Council, the bridge was closed on Monday.\n\nThe dam held through the night, according to Dane Holt.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(
            all.iter()
                .any(|(text, _, who)| text.starts_with("the bridge was closed")
                    && *who == Some("Lorn Council")),
            "{all:?}"
        );
        assert!(
            all.iter().any(|(text, _, who)| text.starts_with("The dam held")
                && *who == Some("Dane Holt")),
            "{all:?}"
        );
    }

    #[test]
    fn an_anti_name_force_is_the_force_not_the_name() {
        let (doc, found) = statements_of(
            "The Tarnby Defence Force held the pass.\n\nThe Lorn Council claimed that the pass had fallen. The anti-Lorn force has denied the claim.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(
            all.iter()
                .any(|(text, _, who)| text.contains("the claim")
                    && *who == Some("Tarnby Defence Force")),
            "{all:?}"
        );
    }

    #[test]
    fn marks_and_edges_are_trimmed_and_the_kind_follows_them() {
        let body = "x \u{201C}We will stay,\u{201D} y";
        let start = body.find('\u{201C}').unwrap();
        let end = body.find(" y").unwrap();
        let (s, e, kind) = reported(body, start, end).unwrap();
        assert_eq!((&body[s..e], kind), ("We will stay", QuoteKind::Direct));
        let body = "that the army would \u{201C}never give up\u{201D} the pass";
        let (s, e, kind) = reported(body, 0, body.len()).unwrap();
        assert_eq!((&body[s..e], kind), (body, QuoteKind::Partial));
        assert_eq!(
            quotation_after("\u{201C}A,\u{201D} she said, \u{201C}B.\u{201D}", 17),
            Some((19, 27))
        );
    }

    #[test]
    fn sources_repaired_where_the_tagger_cut_them_badly() {
        let (doc, found) = statements_of(
            "The Talvin Hydro Board, which runs the dam, said it would cooperate with any inquiry. The Lorn Rescue Agency raised its confirmed death toll to 19 on Wednesday.\n\nMara Oyelund Hask chairs the residents' group. \u{201C}There was no crack,\u{201D} Hask said.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        let speaker_of = |what: &str| {
            all.iter()
                .find(|(text, _, _)| text.contains(what))
                .map(|s| s.2)
        };
        // the object of a relative clause is not the one who spoke
        assert_eq!(
            speaker_of("cooperate"),
            Some(Some("Talvin Hydro Board")),
            "{all:?}"
        );
        // "its confirmed death toll": an adjective, not a cue
        assert!(speaker_of("toll").is_none(), "{all:?}");
        assert!(
            speaker_of("no crack")
                .flatten()
                .is_some_and(|s| s.ends_with("Hask")),
            "{all:?}"
        );
    }

    #[test]
    fn a_surname_the_tagger_left_unnamed_goes_to_the_person_named_with_it() {
        let body = "Mara Oyelund Drost chairs the group. Drost said so.";
        let mut doc = test_document("d", body);
        doc.mentions.push(Mention {
            start: 0,
            end: 18,
            kind: EntityType::Person,
            title: None,
        });
        let at = body.rfind("Drost").unwrap();
        let source = Span {
            start: at,
            end: at + 5,
        };
        assert_eq!(person_by_surname(&doc, source), Some(0));
        let elsewhere = Span { start: 24, end: 29 };
        assert_eq!(
            person_by_surname(&doc, elsewhere),
            None,
            "only names given before count"
        );
    }

    #[test]
    fn people_of_a_place_are_not_the_place() {
        let (doc, found) = statements_of(
            "Residents of the Talvin valley say they warned the operator of the dam weeks ago.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(!all.is_empty(), "{all:?}");
        assert!(all.iter().all(|s| s.2 != Some("Talvin")), "{all:?}");
        let (doc, found) = statements_of(
            "Residents interviewed by the Lorn Ledger said they heard no siren at all.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        assert!(!all.is_empty(), "{all:?}");
        assert!(
            all.iter().all(|s| s.2.is_none()),
            "the outlet is not the speaker: {all:?} {:?}",
            found
                .iter()
                .map(|s| s.source.map(|x| doc.text(x)))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn quotations_framed_by_their_speaker_after_them() {
        let (doc, found) = statements_of(
            "Rain returned on Thursday.\n\n\u{201C}We knew the river would rise,\u{201D} the agency\u{2019}s spokeswoman, Mara Lind, said. \u{201C}This time we were ready.\u{201D}\n\n\"We planned for four hundred people,\" said Ilka Varrow, who runs the shelter. The chair, Dane Holt, insists \u{201C}there was no sabotage\u{201D}, and blames the board.\n\n\u{201C}It is an invasion of the province\u{2019}s domain,\u{201D} Arlen Voss, the attorney general of Tarnby, one of the provinces suing the board, said at an event this month.",
        );
        let all: Vec<_> = found.iter().map(|s| said(&doc, s)).collect();
        for (text, speaker) in [
            ("We knew the river would rise", "Mara Lind"),
            ("This time we were ready", "Mara Lind"),
            ("We planned for four hundred people", "Ilka Varrow"),
            ("there was no sabotage", "Dane Holt"),
            (
                "It is an invasion of the province\u{2019}s domain",
                "Arlen Voss",
            ),
        ] {
            assert!(
                all.iter().any(|s| s.0 == text && s.2 == Some(speaker)),
                "{text}: {all:?}"
            );
        }
    }

    #[test]
    fn an_outlet_that_reports_a_statement_relays_it() {
        let (doc, found) = statements_of(
            "According to Arlen Voss, the offer was another trick.\n\n\u{201C}Their goal is to remove our leaders,\u{201D} the Tarnby news agency Lorn Press reported on Wednesday.",
        );
        let quote = found
            .iter()
            .find(|s| doc.body[s.start..s.end].starts_with("Their goal"))
            .expect("the quotation is a statement");
        assert_eq!(
            quote.speaker.map(|k| doc.mentions[k].text(&doc.body)),
            Some("Arlen Voss")
        );
        assert_eq!(
            quote.via.map(|k| doc.mentions[k].text(&doc.body)),
            Some("Lorn Press")
        );
    }
}
