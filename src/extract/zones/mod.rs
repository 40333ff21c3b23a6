//! Zones: development zones, districts, cities and provinces the report names.
//!
//! A place name is a prefix plus a kind word (`…高新技术产业开发区`, `…工业园区`, `…区`,
//! `…市`). Where the prefix starts is the hard part, since Chinese has no spaces: a
//! candidate is accepted when it starts right after punctuation, after a place it
//! follows (`南川市北塘区`), or after a word that introduces places (`召开`, `在`, `落实`),
//! or when it recurs. Short forms become aliases: the bare prefix used alone (`北塘`),
//! the short kind (`高区`, `经开区`) used alone for the report's main zone. The first zone
//! is the report's focal zone: the one it mentions most, favouring development zones and
//! places in the title.
//!
//! Finding is an ordered list of named rules, [`RULES`], each a small function beside its
//! tests, in a file per stage:
//!
//! - [`kind_words`]: which kind words found in the text are looked at all ([`Rule::Skip`]),
//!   and which stand alone for the report's zone ([`Rule::Bare`]);
//! - [`prefix`]: the place name before a kind word ([`Rule::Name`]);
//! - [`proofs`]: what makes a name found once with a certain start a place ([`Rule::Proof`]);
//! - [`passes`] and [`aliases`]: the passes over the zones found: places named by short
//!   forms, merges, aliases, projects dropped, zones named by a kind word alone, the focal
//!   zone ([`Rule::Pass`]);
//! - [`generic`]: where a zone named only by a generic word lies ([`Rule::Place`]);
//! - [`keep`]: which places the report's other facts keep ([`Rule::Keep`]).
//!
//! A new rule is one function in the file of its stage, one line in [`RULES`] and a test.

use super::{Context, Extractor};
use crate::model::{Level, Report, Zone};

mod aliases;
mod generic;
mod keep;
mod kind_words;
mod kinds;
mod passes;
mod prefix;
mod proofs;
#[cfg(test)]
mod tests;

pub use generic::is_generic_name;
pub use keep::drop_unreferenced_places;

use kind_words::KindWord;
use kinds::KINDS;
use prefix::Prefix;
use proofs::Candidate;

pub struct Zones;

impl Extractor for Zones {
    fn name(&self) -> &'static str {
        "zones"
    }

    fn extract(&self, cx: &Context, report: &mut Report) {
        let title = cx.doc.title.as_deref().unwrap_or("");
        // the title and breadcrumb trail name the zone too, and may not be in the text
        let scanned = format!("{title}\n{}\n{}", cx.doc.trail.join("\n"), cx.text);
        report.zones = find_zones(&scanned, title);
        for rule in RULES {
            if let Rule::Place(place) = rule.rule {
                place(&mut report.zones, &scanned);
            }
        }
        if let Some(first) = report.zones.first_mut() {
            if let Some(i) = cx.text.find(first.name.as_str()) {
                first.evidence = cx.sentence_at(i).map(|s| cx.evidence(s));
            }
        }
    }
}

/// A rule of zone finding, by the stage it works at.
#[derive(Clone, Copy)]
pub enum Rule {
    /// Passes over a kind word found in the text: no name is looked for before it.
    Skip(fn(&KindWord) -> bool),
    /// Finds the place name before a kind word; the first rule to find one wins.
    Name(for<'t> fn(&KindWord<'t>) -> Option<Prefix<'t>>),
    /// Takes a kind word no name stands before as standing alone for a zone (`高区党工委`).
    Bare(fn(&KindWord) -> bool),
    /// Proves a name found once with a certain start a place: one proof is enough.
    Proof(fn(&Candidate) -> bool),
    /// Works over the zones found: adds, merges, names, drops, orders.
    Pass(fn(&mut Found)),
    /// Places the zones after they are found, in the text searched.
    Place(fn(&mut [Zone], &str)),
    /// Keeps a zone once the report's other facts are known: one rule is enough.
    Keep(fn(&keep::Kept) -> bool),
}

/// A rule with its name.
pub struct NamedRule {
    pub name: &'static str,
    pub rule: Rule,
}

const fn rule(name: &'static str, rule: Rule) -> NamedRule {
    NamedRule { name, rule }
}

/// Every rule of zone finding, in the order it is applied.
pub static RULES: &[NamedRule] = &[
    // a kind word found in the text
    rule(
        "level suffix opening a common word",
        Rule::Skip(kind_words::suffix_opens_a_word),
    ),
    rule(
        "governed kind without its own body",
        Rule::Skip(kind_words::governed_without_own_body),
    ),
    rule("office for parks", Rule::Skip(kind_words::park_office)),
    // the name before it
    rule(
        "place before the kind word",
        Rule::Name(prefix::place_before),
    ),
    rule(
        "one-char district opening a clause",
        Rule::Name(prefix::one_char_division),
    ),
    // or none: the kind word alone
    rule(
        "short kind standing alone",
        Rule::Bare(kind_words::stands_alone),
    ),
    rule(
        "level-prefixed kind",
        Rule::Bare(kind_words::level_prefixed_kind),
    ),
    // a name found once with a certain start
    rule("division level", Rule::Proof(proofs::division_level)),
    rule(
        "named after a division",
        Rule::Proof(proofs::named_after_a_division),
    ),
    rule("named twice", Rule::Proof(proofs::named_twice)),
    rule("prefix used alone", Rule::Proof(proofs::prefix_used_alone)),
    rule("body named", Rule::Proof(proofs::body_named)),
    rule(
        "named in the title",
        Rule::Proof(proofs::named_in_the_title),
    ),
    rule("department named", Rule::Proof(proofs::department_named)),
    rule(
        "listed beside a place",
        Rule::Proof(proofs::listed_beside_a_place),
    ),
    rule("after a place", Rule::Proof(proofs::after_a_place)),
    // the zones found
    rule(
        "places named by their short form",
        Rule::Pass(passes::add_short_named_places),
    ),
    rule(
        "short kind merged",
        Rule::Pass(passes::merge_short_kind_zones),
    ),
    rule(
        "bracketed short kind",
        Rule::Pass(passes::merge_same_place_zones),
    ),
    rule("aliases", Rule::Pass(aliases::add_aliases)),
    rule("project parks dropped", Rule::Pass(passes::drop_projects)),
    rule(
        "generic words naming the zone",
        Rule::Pass(aliases::attach_bare_short_forms),
    ),
    rule("focal zone first", Rule::Pass(passes::put_focal_first)),
    // placed
    rule("located_in", Rule::Place(generic::place_generic_zones)),
    // kept, once the report's other facts are known
    rule("referenced", Rule::Keep(keep::referenced)),
    rule("no level", Rule::Keep(keep::no_level)),
    rule("focal zone", Rule::Keep(keep::focal_zone)),
    rule("not only passed on", Rule::Keep(keep::not_only_passed_on)),
];

/// One place-name occurrence found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Mention<'t> {
    /// The place part, a slice of the text searched.
    pub prefix: &'t str,
    pub kind: usize,
    /// Byte offset of the mention's start.
    pub at: usize,
    pub strong: bool,
    /// Named after a division of the national table.
    pub anchored: bool,
}

/// A zone found, with how often it is mentioned and the offset of its first mention.
pub(crate) type Counted = (Zone, usize, usize);

/// The zones found in a text, as the passes work over them.
pub struct Found<'t> {
    pub(crate) text: &'t str,
    pub(crate) title: &'t str,
    pub(crate) zones: Vec<Counted>,
    /// (kind, at) of the kind words standing alone, with no place before them.
    pub(crate) bare: Vec<(usize, usize)>,
}

/// Finds the zones of a text, focal zone first.
pub fn find_zones(text: &str, title: &str) -> Vec<Zone> {
    let (mentions, bare) = mentions_in(text);
    let (mentions, names) = confirmed(mentions, text, title);
    let mut found = Found {
        text,
        title,
        zones: zones_of(&mentions, &names),
        bare,
    };
    for rule in RULES {
        if let Rule::Pass(pass) = rule.rule {
            pass(&mut found);
        }
    }
    found.zones.into_iter().map(|(z, _, _)| z).collect()
}

/// Every place-name mention of the text, and the kind words standing alone.
fn mentions_in(text: &str) -> (Vec<Mention<'_>>, Vec<(usize, usize)>) {
    let k = &*KINDS;
    let mut mentions: Vec<Mention> = Vec::new();
    let mut bare: Vec<(usize, usize)> = Vec::new(); // (kind, at) of kind words with no place
    'found: for m in k.automaton.find_iter(text) {
        let (m, id) = (m.range(), m.pattern().as_usize());
        let word = KindWord {
            text,
            start: m.start,
            end: m.end,
            id,
            kind: &k.kinds[id],
        };
        for rule in RULES {
            if let Rule::Skip(skip) = rule.rule {
                if skip(&word) {
                    continue 'found;
                }
            }
        }
        let name = RULES.iter().find_map(|rule| match rule.rule {
            Rule::Name(name) => name(&word),
            _ => None,
        });
        match name {
            Some(p) => mentions.push(Mention {
                at: m.start - p.text.len(),
                prefix: p.text,
                kind: id,
                strong: p.strong,
                anchored: p.anchored,
            }),
            None if RULES
                .iter()
                .any(|rule| matches!(rule.rule, Rule::Bare(bare) if bare(&word))) =>
            {
                bare.push((id, m.start))
            }
            None => {}
        }
    }
    (mentions, bare)
}

/// The mentions of names proved places, and those names (sorted): a weak mention counts
/// only when the same name also occurs as a strong one, and a name needs one proof of
/// [`Rule::Proof`].
#[allow(clippy::type_complexity)]
fn confirmed<'t>(
    mut mentions: Vec<Mention<'t>>,
    text: &str,
    title: &str,
) -> (Vec<Mention<'t>>, Vec<(&'t str, usize)>) {
    // (sorted sets: a few dozen names, looked up once per mention)
    let mut strong_names: Vec<(&str, usize)> = mentions
        .iter()
        .filter(|m| m.strong)
        .map(|m| (m.prefix, m.kind))
        .collect();
    strong_names.sort_unstable();
    strong_names.dedup();
    mentions.retain(|m| strong_names.binary_search(&(m.prefix, m.kind)).is_ok());
    let confirmed: Vec<(&str, usize)> = strong_names
        .iter()
        .filter(|&&(prefix, kind)| {
            let candidate = Candidate::new(prefix, kind, &mentions, text, title);
            RULES
                .iter()
                .any(|rule| matches!(rule.rule, Rule::Proof(proof) if proof(&candidate)))
        })
        .cloned()
        .collect();
    mentions.retain(|m| confirmed.binary_search(&(m.prefix, m.kind)).is_ok());
    (mentions, confirmed)
}

/// The zone of each name mentioned (not of short kinds alone), counting its mentions, in
/// the order first mentioned.
fn zones_of(mentions: &[Mention], confirmed: &[(&str, usize)]) -> Vec<Counted> {
    let k = &*KINDS;
    let mut zones: Vec<Counted> = Vec::new();
    // the zone of each confirmed (prefix, kind), found by the mention's place in the
    // sorted list rather than by hashing its name; the (prefix, kind word) of each zone
    let mut zone_of: Vec<Option<usize>> = vec![None; confirmed.len()];
    let mut keys: Vec<(&str, &str)> = Vec::new();
    for m in mentions {
        let kind = &k.kinds[m.kind];
        if kind.is_short {
            continue;
        }
        let Ok(j) = confirmed.binary_search(&(m.prefix, m.kind)) else {
            continue;
        };
        let i = *zone_of[j].get_or_insert_with(|| {
            let key = (m.prefix, kind.word);
            keys.iter().position(|&k| k == key).unwrap_or_else(|| {
                keys.push(key);
                zones.push((
                    Zone {
                        name: format!("{}{}", m.prefix, kind.word),
                        aliases: Vec::new(),
                        level: Some(kind.level),
                        kind: Some(kind.word.to_string()),
                        located_in: None,
                        evidence: None,
                    },
                    0,
                    m.at,
                ));
                zones.len() - 1
            })
        });
        zones[i].1 += 1;
    }
    zones
}

pub(crate) fn push_alias(z: &mut Zone, alias: String) {
    if alias != z.name && !z.aliases.contains(&alias) {
        z.aliases.push(alias);
    }
}

/// Extraction's Han test leaves out `丨`, a separator bar in headlines.
pub(crate) use crate::zh::han::is_word_han as is_han;

/// The zone a written form names: a zone's name or alias, or a place prefix of one.
pub fn resolve<'r>(report: &'r Report, form: &str) -> Option<&'r Zone> {
    let form = form.trim();
    if form.is_empty() {
        return None;
    }
    report
        .zones
        .iter()
        .find(|z| z.name == form || z.aliases.iter().any(|a| a == form))
        .or_else(|| {
            // `某某市某某片区` is the zone its name ends with, not the city it opens with
            report
                .zones
                .iter()
                .filter(|z| z.level == Some(Level::Zone) && z.name.chars().count() >= 3)
                .filter(|z| form.ends_with(z.name.as_str()))
                .max_by_key(|z| z.name.len())
        })
        .or_else(|| {
            report.zones.iter().find(|z| {
                form.chars().count() >= 2
                    && (z.name.starts_with(form) || form.starts_with(z.name.as_str()))
            })
        })
}

/// The only zone of a level, if there is exactly one (`市委书记` → the city).
pub fn unique_of_level(report: &Report, level: Level) -> Option<&Zone> {
    let mut it = report.zones.iter().filter(|z| z.level == Some(level));
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// The report's main zone.
pub fn focal(report: &Report) -> Option<&Zone> {
    report.zones.first()
}
