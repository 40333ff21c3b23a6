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

use super::{pos, Context, Extractor};
use crate::gazetteer::{self, DivisionLevel};
use crate::lexicon;
use crate::lexicon::WordsByChar;
use crate::model::{Level, Report, Zone};
use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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
        if report.zones.iter().any(|z| is_generic_name(&z.name)) {
            let place = division_named_most(&scanned);
            for z in report.zones.iter_mut().filter(|z| is_generic_name(&z.name)) {
                z.located_in = place.clone();
            }
        }
        if let Some(first) = report.zones.first_mut() {
            if let Some(i) = cx.text.find(first.name.as_str()) {
                first.evidence = cx.sentence_at(i).map(|s| cx.evidence(s));
            }
        }
    }
}

/// The division the text names most by its full name, the finest level first
/// (a county over its city, a city over its province): where a report that calls its
/// zone only `开发区` places it.
fn division_named_most(text: &str) -> Option<String> {
    let g = gazetteer::get();
    let mut counts: HashMap<&str, (usize, usize, usize)> = HashMap::new(); // rank, n, first
    for (at, len) in g.forms_in(text) {
        let form = &text[at..at + len];
        let Some(&i) = g.named(form).first() else {
            continue;
        };
        let rank = match g.division(i).level {
            DivisionLevel::County => 3,
            DivisionLevel::Prefecture => 2,
            DivisionLevel::Province => 1,
        };
        counts.entry(form).or_insert((rank, 0, at)).1 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(form, (rank, n, at))| (rank, n, std::cmp::Reverse(at), form))
        .map(|(form, _)| form.to_string())
}

/// A kind word of a place name.
#[derive(Debug)]
struct Kind {
    word: &'static str,
    level: Level,
    /// Short kind forms the same zone goes by (`高新区`, `高区`).
    short: Vec<&'static str>,
    /// Whether this word is itself only a short form (`高区`), never a full name's end.
    is_short: bool,
}

struct Kinds {
    kinds: Vec<Kind>,
    /// The kind words, searched through the whole text.
    automaton: AhoCorasick,
    /// The kind words by first char: is a kind word right here?
    kind_at: WordsByChar,
    /// The boundary words by last char: does a place name start right after this?
    boundaries: WordsByChar,
    /// What no place prefix holds, by first char: the boundary words of two or more
    /// characters and the words of a body or post ([`BARRIERS`]).
    barriers: WordsByChar,
    generic: HashSet<&'static str>,
    /// [`Kinds::generic`] by first char: the generic words a prefix may start with.
    generic_by_first: WordsByChar,
    false_words: Vec<&'static str>,
    false_next: Vec<char>,
    /// (level suffix, following word): a suffix that starts a fixed term there
    /// (`地区生产总值`, regional GDP) ends no place name.
    false_follow: Vec<(&'static str, &'static str)>,
}

static KINDS: LazyLock<Kinds> = LazyLock::new(|| {
    let mut kinds = Vec::new();
    for line in lexicon::entries(include_str!("../../data/lexicon/zone_kinds.txt")) {
        let (word, short) = match line.split_once('=') {
            Some((w, s)) => (w.trim(), s.split(',').map(str::trim).collect()),
            None => (line, Vec::new()),
        };
        kinds.push(Kind {
            word,
            level: Level::Zone,
            short,
            is_short: false,
        });
    }
    // short forms that are not kind words of their own (`高区`)
    let shorts: Vec<&'static str> = kinds.iter().flat_map(|k| k.short.clone()).collect();
    for s in shorts {
        if !kinds.iter().any(|k| k.word == s) {
            kinds.push(Kind {
                word: s,
                level: Level::Zone,
                short: Vec::new(),
                is_short: true,
            });
        }
    }
    for line in lexicon::entries(include_str!("../../data/lexicon/admin_levels.txt")) {
        let (word, level) = line.split_once(' ').unwrap_or((line, "district"));
        let level = match level.trim() {
            "province" => Level::Province,
            "city" => Level::City,
            "county" => Level::County,
            "town" => Level::Town,
            _ => Level::District,
        };
        kinds.push(Kind {
            word,
            level,
            short: Vec::new(),
            is_short: false,
        });
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(kinds.iter().map(|k| k.word))
        .expect("zone kind automaton");
    let kind_at = WordsByChar::by_first(kinds.iter().map(|k| k.word));
    let generic: HashSet<&str> =
        lexicon::entries(include_str!("../../data/lexicon/place_generic.txt")).collect();
    let boundaries = || lexicon::entries(include_str!("../../data/lexicon/place_boundaries.txt"));
    let false_src = include_str!("../../data/lexicon/place_false_words.txt");
    Kinds {
        false_words: lexicon::entries(false_src)
            .filter(|w| !w.contains('+'))
            .collect(),
        false_follow: lexicon::entries(false_src)
            .filter_map(|w| w.split_once('+'))
            .filter(|(kind, _)| !kind.is_empty())
            .collect(),
        false_next: lexicon::entries(false_src)
            .filter_map(|w| w.strip_prefix('+').and_then(|c| c.chars().next()))
            .collect(),
        kinds,
        automaton,
        kind_at,
        barriers: WordsByChar::by_first(
            boundaries()
                .filter(|b| b.chars().count() >= 2)
                .chain(BARRIERS.iter().copied()),
        ),
        boundaries: WordsByChar::by_last(boundaries()),
        generic_by_first: WordsByChar::by_first(generic.iter().copied()),
        generic,
    }
});

/// Kind words after which even a division's name makes a zone only where it recurs.
static LOOSE_KINDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../data/lexicon/zone_kinds_loose.txt")).collect()
});

/// Kind words that make a zone only with a zone's body right after them (`某某园管委会`).
static GOVERNED_KINDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../data/lexicon/zone_kinds_governed.txt")).collect()
});

/// A development zone's own bodies, which make a park of a governed kind a zone.
const OWN_BODIES: [&str; 5] = ["党工委", "管委会", "管委", "工委", "管理委员会"];

/// Words that end an institution's name (`…大学`): a zone word after one names no zone.
static INSTITUTIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!(
        "../../data/lexicon/zone_prefix_institutions.txt"
    ))
    .collect()
});

/// Words of a body or post (`某某区委`, `副区长`): a prefix holding one names no place.
const BARRIERS: &[&str] = &["委", "政府", "党", "部门", "副", "常务"];

/// Function words after which a place name may start but inside which it hardly ever
/// continues.
const CUT_AFTER: &[char] = &[
    '了', '是', '由', '将', '把', '被', '向', '从', '对', '给', '让', '在', '为', '于', '的', '就',
    '到', '占',
];

/// Words that name a body of a place right after it (`某某区委`, `某某市人民政府`).
const GOVERNANCE: &[&str] = &[
    "委",
    "政府",
    "人民政府",
    "人大",
    "政协",
    "党",
    "领导",
    "管委会",
    "管委",
    "工委",
    "上下",
    "召开",
    "举行",
    "举办",
    "局",
    "人民",
];

/// Extraction's Han test leaves out `丨`, a separator bar in headlines.
pub(crate) use crate::zh::han::is_word_han as is_han;

/// One place-name occurrence found in the text.
#[derive(Debug, Clone)]
struct Mention<'t> {
    /// The place part, a slice of the text searched.
    prefix: &'t str,
    kind: usize,
    /// Byte offset of the mention's start.
    at: usize,
    strong: bool,
    /// Named after a division of the national table.
    anchored: bool,
}

/// Finds the zones of a text, focal zone first.
pub fn find_zones(text: &str, title: &str) -> Vec<Zone> {
    let k = &*KINDS;
    let mut mentions: Vec<Mention> = Vec::new();
    let mut bare: Vec<(usize, usize)> = Vec::new(); // (kind, at) of kind words with no place
    for m in k.automaton.find_iter(text) {
        let (m, id) = (m.range(), m.pattern().as_usize());
        let kind = &k.kinds[id];
        let after = &text[m.end..];
        if kind.level != Level::Zone
            && (after
                .chars()
                .next()
                .is_some_and(|c| k.false_next.contains(&c))
                || k.false_follow
                    .iter()
                    .any(|(w, next)| *w == kind.word && after.starts_with(next)))
        {
            continue;
        }
        if GOVERNED_KINDS.contains(&kind.word) && !OWN_BODIES.iter().any(|b| after.starts_with(b)) {
            continue;
        }
        // `园区办`, `片区办`: an office for parks, not a park
        if LOOSE_KINDS.contains(&kind.word) && after.starts_with('办') {
            continue;
        }
        match place_before(text, m.start, kind).or_else(|| one_char_division(text, m.start, kind)) {
            Some(p) => mentions.push(Mention {
                at: m.start - p.text.len(),
                prefix: p.text,
                kind: id,
                strong: p.strong,
                anchored: p.anchored,
            }),
            None if kind.level == Level::Zone
                && (standalone_short(text, m.start, m.end)
                    || level_prefixed(text, m.start).is_some()) =>
            {
                bare.push((id, m.start))
            }
            None => {}
        }
    }
    // a weak mention counts only when the same name also occurs as a strong one
    // (sorted sets: a few dozen names, looked up once per mention)
    let mut strong_names: Vec<(&str, usize)> = mentions
        .iter()
        .filter(|m| m.strong)
        .map(|m| (m.prefix, m.kind))
        .collect();
    strong_names.sort_unstable();
    strong_names.dedup();
    mentions.retain(|m| strong_names.binary_search(&(m.prefix, m.kind)).is_ok());
    // a division of the national table is a place; a zone named after one is a zone; any
    // other name needs more than one lucky boundary: it recurs, its bare prefix is used
    // alone, a body of it is named (`某某区委`, `某某园区管委会`), the title names it, or
    // (a town) it heads a place chain
    let confirmed: Vec<(&str, usize)> = strong_names
        .iter()
        .filter(|(prefix, kind)| {
            let kd = &k.kinds[*kind];
            let anchored = || {
                mentions
                    .iter()
                    .any(|m| m.prefix == *prefix && m.kind == *kind && m.anchored)
            };
            if kd.level != Level::Zone && kd.level != Level::Town
                || anchored() && !LOOSE_KINDS.contains(&kd.word)
            {
                return true;
            }
            let name = format!("{prefix}{}", kd.word);
            let uses = mentions
                .iter()
                .filter(|m| m.prefix == *prefix && m.kind == *kind)
                .count();
            // (a bare prefix used alone is proof only where it reads as a name, not a
            // phrase: `主题教育开发区` beside `抓实主题教育`)
            let alone = || {
                text.match_indices(prefix)
                    .any(|(i, _)| !text[i + prefix.len()..].starts_with(kd.word))
            };
            let recurs = uses >= 2
                || alone()
                    && (kd.level != Level::Zone
                        || !pos::holds_action(prefix) && !LOOSE_KINDS.contains(&kd.word))
                || GOVERNANCE
                    .iter()
                    .any(|g| text.contains(&format!("{name}{g}")))
                || (!title.is_empty() && title.contains(name.as_str()))
                || has_department(text, &name);
            recurs
                || kd.level != Level::Zone && {
                    // listed beside another place: `落实某某省、某某市工作要求`
                    text.match_indices(&format!("{name}、")).any(|(i, _)| {
                        let next = i + name.len() + '、'.len_utf8();
                        mentions.iter().any(|m| m.at == next && m.strong)
                    }) || text.match_indices(&format!("、{name}")).any(|(i, _)| {
                        mentions.iter().any(|m| {
                            m.strong && m.at + m.prefix.len() + k.kinds[m.kind].word.len() == i
                        })
                    }) || ends_with_place(&text[..text.find(name.as_str()).unwrap_or(0)])
                }
        })
        .cloned()
        .collect();
    mentions.retain(|m| confirmed.binary_search(&(m.prefix, m.kind)).is_ok());

    let mut zones: Vec<(Zone, usize, usize)> = Vec::new(); // zone, mentions, first offset
                                                           // the zone of each confirmed (prefix, kind), found by the mention's place in the
                                                           // sorted list rather than by hashing its name; the (prefix, kind word) of each zone
    let mut zone_of: Vec<Option<usize>> = vec![None; confirmed.len()];
    let mut keys: Vec<(&str, &str)> = Vec::new();
    for m in &mentions {
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
    add_short_named_places(&mut zones, text);
    merge_short_kind_zones(&mut zones);
    merge_same_place_zones(&mut zones, &mentions, text);
    add_aliases(&mut zones, text);
    zones.retain(|(z, _, _)| !is_project(z, text));
    attach_bare_short_forms(&mut zones, &bare, text);

    let score = |(z, n, _): &(Zone, usize, usize)| {
        let in_title = !title.is_empty()
            && std::iter::once(&z.name)
                .chain(&z.aliases)
                .any(|f| title.contains(f.as_str()));
        let zone_bonus = if z.level == Some(Level::Zone) { 2 } else { 0 };
        n + zone_bonus + if in_title { 3 } else { 0 }
    };
    let focal = zones
        .iter()
        .enumerate()
        .max_by_key(|(i, z)| (score(z), std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    if let Some(f) = focal {
        let z = zones.remove(f);
        zones.insert(0, z);
    }
    zones.into_iter().map(|(z, _, _)| z).collect()
}

/// A place prefix found in front of a kind word.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Prefix<'t> {
    text: &'t str,
    /// Its start is certain: after punctuation, a boundary word or a place.
    strong: bool,
    /// It is, or opens with, a name of the national table of divisions.
    anchored: bool,
}

/// The place prefix in front of a kind word at `end`.
///
/// A city, county or district is a name the national table holds (`霍州` + `市`). A
/// development zone's prefix reaches back no further than the last word no name holds
/// (a verb, adverb, preposition: [`pos::name_floor`]); of the prefixes left, the longest
/// that opens with a division's name wins (`包括长春高新区` → `长春`), else the longest
/// one whose start is certain.
fn place_before<'t>(text: &'t str, end: usize, kind: &Kind) -> Option<Prefix<'t>> {
    let k = &*KINDS;
    let g = gazetteer::get();
    // byte offsets where the chars of the Han run before `end` start (at most 12),
    // nearest first: prefixes and what stands before them are slices of `text`
    let mut run = [0usize; 12];
    let mut n = 0;
    for (i, c) in text[..end].char_indices().rev() {
        if n == run.len() || !is_han(c) {
            break;
        }
        run[n] = i;
        n += 1;
    }
    let mut starts = &run[..n];
    if matches!(
        kind.level,
        Level::Province | Level::City | Level::County | Level::District
    ) {
        // the longest prefix that makes a division's full name
        for len in (2..=starts.len().min(8)).rev() {
            let prefix = &text[starts[len - 1]..end];
            if g.is_name(&format!("{prefix}{}", kind.word)) {
                return Some(Prefix {
                    text: prefix,
                    strong: true,
                    anchored: true,
                });
            }
        }
        // a name the table lacks (abolished, renamed, or newer than the table) is read
        // as any other, and must prove itself by recurring (see [`find_zones`]); one
        // that ends in a division's name (`经霍州`) is that name after a stray word
        let name_end = end + kind.word.len();
        let from = starts
            .get(starts.len().clamp(1, 3) - 1)
            .copied()
            .unwrap_or(end);
        if g.forms_in(&text[from..name_end])
            .any(|(at, len)| at > 0 && from + at + len == name_end)
        {
            return None;
        }
    }
    // a function word inside the run ends whatever came before (`记者专访了某某高新区`)
    let cut = starts
        .iter()
        .position(|&i| text[i..].starts_with(CUT_AFTER));
    if let Some(i) = cut {
        if i >= 2 {
            starts = &starts[..i];
        }
    }
    // every prefix ends alike, so one bad last char rules them all out
    if !plausible_tail(&text[..end]) || INSTITUTIONS.iter().any(|w| text[..end].ends_with(w)) {
        return None;
    }
    let run_start = starts.last().copied().unwrap_or(end);
    let floor =
        run_start + pos::name_floor(&text[run_start..end + kind.word.len()], end - run_start);
    // [`plausible_prefix`]'s barrier test, grown a char at a time: a longer prefix holds
    // the shorter, so once a barrier word is inside, every longer prefix fails too
    // ... except inside a division's name (`上党`, whose `党` is no party)
    // (the division's name each start opens with, looked up once: the loop below reads
    // the same starts)
    let anchors: Vec<(usize, &str)> = starts
        .iter()
        .filter_map(|&s| g.form_at_start(&text[s..end]).map(|f| (s, f)))
        .collect();
    let shielded = |at: usize| anchors.iter().any(|&(s, f)| s <= at && at < s + f.len());
    let barrier_at = |at: usize| k.barriers.starts(&text[at..end]) && !shielded(at);
    if starts.first().is_some_and(|&at| barrier_at(at)) {
        return None;
    }
    let max = if kind.level == Level::Zone { 8 } else { 3 };
    let mut best: Option<Prefix> = None;
    let mut anchored: Option<Prefix> = None;
    for len in 2..=starts.len() {
        let at = starts[len - 1];
        // another zone's name ends inside (`某某开发区某某高新区`): this one starts after it
        if barrier_at(at) || at < floor || holds_zone_kind(&text[at..end]) {
            break;
        }
        let prefix = &text[at..end];
        let false_word = kind.level != Level::Zone
            && k.false_words
                .iter()
                .any(|w| ends_with_joined(prefix, kind.word, w));
        if false_word || !plausible_head(prefix) {
            continue;
        }
        if kind.level == Level::Zone {
            if let Some(&(_, form)) = anchors.iter().find(|&&(s, _)| s == at) {
                // a zone named after its city (`江门市翠山湖高新区`) is the part after it
                let own = &prefix[form.len()..];
                let text = if g.is_name(form)
                    && form.ends_with(['市', '县', '区', '州', '省'])
                    && own.chars().count() >= 2
                {
                    own
                } else {
                    prefix
                };
                anchored = Some(Prefix {
                    text,
                    strong: true,
                    anchored: true,
                });
            }
        }
        if len > max {
            continue;
        }
        let before = &text[run_start..at];
        let strong = before.is_empty() || k.boundaries.ends(before) || ends_with_place(before);
        let candidate = Prefix {
            text: prefix,
            strong,
            anchored: false,
        };
        match (&best, strong) {
            // development zones: the longest certain name; towns: the shortest certain
            // one (their names are short)
            (None, _) => best = Some(candidate),
            (Some(b), true) if !b.strong => best = Some(candidate),
            (Some(b), true) if b.strong && kind.level == Level::Zone => best = Some(candidate),
            _ => {}
        }
    }
    // a park known by its body (`某某村某某园管委会`) is named in full, even where a
    // division's name stands inside its name
    if GOVERNED_KINDS.contains(&kind.word) && best.is_some_and(|b| b.strong) {
        return best;
    }
    anchored.or(best)
}

/// A division whose name has a one-char prefix (`城区`, `郊区`: real districts, but also
/// common nouns) is one only where it opens a clause and its body or action follows
/// (`，城区召开…`, `城区人民政府`).
fn one_char_division<'t>(text: &'t str, end: usize, kind: &Kind) -> Option<Prefix<'t>> {
    if !matches!(kind.level, Level::County | Level::District) {
        return None;
    }
    let mut before = text[..end].char_indices().rev();
    let (at, c) = before.next()?;
    if !is_han(c) || before.next().is_some_and(|(_, p)| is_han(p)) {
        return None;
    }
    let prefix = &text[at..end];
    let after = &text[end + kind.word.len()..];
    (gazetteer::get().is_name(&format!("{prefix}{}", kind.word))
        && GOVERNANCE.iter().any(|g| after.starts_with(g)))
    .then_some(Prefix {
        text: prefix,
        strong: true,
        anchored: true,
    })
}

/// Whether a park of a loose kind (`某某产业园`) is a project the text counts or breaks
/// ground on (`某某产业园项目`, `某某产业园开工现场`, `某某产业园等20个重点项目`), not a zone.
fn is_project(zone: &Zone, text: &str) -> bool {
    if !zone
        .kind
        .as_deref()
        .is_some_and(|k| LOOSE_KINDS.contains(&k))
    {
        return false;
    }
    text.match_indices(zone.name.as_str()).any(|(i, _)| {
        let after = &text[i + zone.name.len()..];
        after.starts_with("项目")
            || after.starts_with("开工")
            || after.strip_prefix('等').is_some_and(|rest| {
                let clause: String = rest
                    .chars()
                    .take(12)
                    .take_while(|&c| is_han(c) || c.is_ascii_digit())
                    .collect();
                clause.contains("项目")
                    && clause
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十几".contains(c))
            })
    })
}

/// Whether `name` is followed somewhere by one of its departments (`…高新区商务局`).
fn has_department(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        text[i + name.len()..]
            .chars()
            .take(6)
            .take_while(|&c| is_han(c))
            .any(|c| c == '局')
    })
}

/// Whether `s` holds a development zone's kind word of two characters or more.
fn holds_zone_kind(s: &str) -> bool {
    let k = &*KINDS;
    k.automaton.find_iter(s).any(|m| {
        let kind = &k.kinds[m.pattern().as_usize()];
        kind.level == Level::Zone && kind.word.chars().count() >= 2
    })
}

/// Whether `head` followed by `tail` ends with `w`, without joining them.
fn ends_with_joined(head: &str, tail: &str, w: &str) -> bool {
    match w.len().checked_sub(tail.len()) {
        None | Some(0) => tail.ends_with(w),
        Some(n) => w.ends_with(tail) && w.is_char_boundary(n) && head.ends_with(&w[..n]),
    }
}

/// Whether `prefix` may be the place part of a name: it opens and ends as one does and
/// holds no boundary word of two chars or more nor a word of a body or post.
fn plausible_prefix(prefix: &str) -> bool {
    plausible_tail(prefix)
        && plausible_head(prefix)
        && !prefix
            .char_indices()
            .any(|(i, _)| KINDS.barriers.starts(&prefix[i..]))
}

/// Whether a place prefix may end the way `s` does (not with a function word).
fn plausible_tail(s: &str) -> bool {
    !s.ends_with([
        '的', '了', '和', '与', '及', '在', '是', '由', '于', '为', '对', '向', '把', '将', '从',
        '到', '被', '让', '给', '占',
    ])
}

/// Whether a place prefix may open the way `prefix` does: not with a function word, nor
/// with a count (`一名新区领导`, `两个园区`).
fn plausible_head(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    let counted = chars
        .next()
        .is_some_and(|c| "一二两三四五六七八九十几每".contains(c))
        && chars.next().is_some_and(|c| "名个位项批所座".contains(c));
    !counted
        && !starts_with_generic(prefix)
        && !prefix.starts_with([
            '的', '了', '和', '与', '及', '在', '是', '年', '月', '日', '个', '各', '每', '等',
        ])
}

/// Whether `prefix` is a generic word or opens with one of two chars or more
/// (`重点…`): such a prefix names no place.
fn starts_with_generic(prefix: &str) -> bool {
    let Some(first) = prefix.chars().next() else {
        return KINDS.generic.contains(prefix);
    };
    KINDS
        .generic_by_first
        .get(first)
        .iter()
        .any(|(g, _)| prefix.starts_with(g) && (g.len() == prefix.len() || g.chars().count() >= 2))
}

/// Whether `s` ends with an administrative place name such as `南川市`.
fn ends_with_place(s: &str) -> bool {
    let mut tail = s.char_indices().rev();
    let Some((at, last)) = tail.next() else {
        return false;
    };
    let Some((start, _)) = tail.nth(1) else {
        return false;
    };
    matches!(last, '省' | '市' | '区' | '县' | '州') && plausible_prefix(&s[start..at])
}

/// A kind word standing alone (`高区党工委`), not the tail of a longer word.
fn standalone_short(text: &str, start: usize, _end: usize) -> bool {
    let prev = text[..start].chars().next_back();
    // `XX工业园区` in a template names no zone, not even a generic one
    if prev.is_some_and(|c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '×' | '*' | '＊')) {
        return false;
    }
    // `省级工业园`, `国家级开发区`: a rank of zone, not the zone
    if prev == Some('级') {
        return false;
    }
    !prev.is_some_and(is_han) || {
        let k = &*KINDS;
        k.boundaries.ends(&text[..start])
            || text[..start].ends_with("年度")
            || text[..start].ends_with("年")
    }
}

/// The level word of an unnamed city or county right before a kind word that stands
/// alone after it (`，市开发区召开…`, `2023年县经开区…`): such a report calls its zone
/// `市开发区`.
fn level_prefixed(text: &str, start: usize) -> Option<char> {
    let before = &text[..start];
    let level = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '市' | '县'))?;
    let rest = &before[..before.len() - level.len_utf8()];
    standalone_short(text, rest.len(), start).then_some(level)
}

/// The level word every bare use of `form` follows, if it is always the same one.
fn leveled_as(bare: &[(usize, usize)], form: &str, text: &str) -> Option<char> {
    let k = &*KINDS;
    let mut levels = bare
        .iter()
        .filter(|&&(kind, _)| k.kinds[kind].word == form)
        .map(|&(_, at)| level_prefixed(text, at));
    let first = levels.next()??;
    levels.all(|l| l == Some(first)).then_some(first)
}

/// A city or county the text names only by its short form (`某某` for `某某市`) while
/// speaking of its bodies (`市委书记`, `县政府`): the form it uses most, twice or more,
/// is that place, under that form.
fn add_short_named_places(zones: &mut Vec<(Zone, usize, usize)>, text: &str) {
    let g = gazetteer::get();
    let levels = [
        (
            Level::City,
            DivisionLevel::Prefecture,
            ["市委", "市政府", "市长", "市领导"],
        ),
        (
            Level::County,
            DivisionLevel::County,
            ["县委", "县政府", "县长", "县领导"],
        ),
    ];
    for (level, division_level, bodies) in levels {
        if zones.iter().any(|(z, _, _)| z.level == Some(level))
            || !bodies.iter().any(|b| text.contains(b))
        {
            continue;
        }
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for (at, len) in g.forms_in(text) {
            let form = &text[at..at + len];
            let short_of_level = !g.is_name(form)
                && g.of_form(form)
                    .iter()
                    .any(|&i| g.division(i).level == division_level);
            if short_of_level {
                counts.entry(form).or_insert((0, at)).0 += 1;
            }
        }
        let best = counts
            .into_iter()
            .filter(|(_, (n, _))| *n >= 2)
            .max_by_key(|(form, (n, at))| (*n, std::cmp::Reverse(*at), *form));
        if let Some((form, (n, at))) = best {
            zones.push((
                Zone {
                    name: form.to_string(),
                    aliases: Vec::new(),
                    level: Some(level),
                    kind: None,
                    located_in: None,
                    evidence: None,
                },
                n,
                at,
            ));
        }
    }
}

/// `某某高新区` beside `某某高新技术产业开发区` is the same zone; so is `奋力建设某某高新区`
/// (a prefix that swallowed words before the name) beside `某某高新区`.
fn merge_short_kind_zones(zones: &mut Vec<(Zone, usize, usize)>) {
    let k = &*KINDS;
    let parts = |z: &Zone| {
        let kind = z.kind.clone().unwrap_or_default();
        (z.name[..z.name.len() - kind.len()].to_string(), kind)
    };
    let same_family = |a: &str, b: &str| {
        a == b
            || k.kinds.iter().any(|kd| {
                (kd.word == a && kd.short.contains(&b)) || (kd.word == b && kd.short.contains(&a))
            })
    };
    let mut i = 0;
    while i < zones.len() {
        let (p_i, k_i) = parts(&zones[i].0);
        let target = (0..zones.len()).find(|&j| {
            if j == i
                || zones[i].0.level != Some(Level::Zone)
                || zones[j].0.level != Some(Level::Zone)
            {
                return false;
            }
            let (p_j, k_j) = parts(&zones[j].0);
            let longer_kind = k_j.chars().count() > k_i.chars().count();
            (p_i == p_j && longer_kind && same_family(&k_i, &k_j))
                || (p_i != p_j && p_i.ends_with(&p_j) && same_family(&k_i, &k_j))
        });
        match target {
            Some(j) => {
                let (z, n, at) = zones.remove(i);
                let j = if j > i { j - 1 } else { j };
                zones[j].1 += n;
                zones[j].2 = zones[j].2.min(at);
                if p_i == parts(&zones[j].0).0 {
                    push_alias(&mut zones[j].0, z.name);
                }
            }
            None => i += 1,
        }
    }
}

/// `河源工业园区(高新区)`: the bracketed short kind names the same zone.
fn merge_same_place_zones(zones: &mut [(Zone, usize, usize)], _mentions: &[Mention], text: &str) {
    // brackets are rare: find them once, then ask which one first follows each name
    let brackets = [('(', ')'), ('（', '）')].map(|(open, close)| {
        let mut utf8 = [0; 4];
        let open_bytes = open.encode_utf8(&mut utf8).as_bytes();
        let at: Vec<usize> = memmem::find_iter(text.as_bytes(), open_bytes).collect();
        (open, close, at)
    });
    for (z, _, _) in zones.iter_mut() {
        let Some(kind) = z.kind.clone() else { continue };
        let prefix = z.name[..z.name.len() - kind.len()].to_string();
        for (open, close, at) in &brackets {
            let (open, close) = (*open, *close);
            // the first `{name}{open}` in the text
            let Some(&i) = at.iter().find(|&&i| text[..i].ends_with(z.name.as_str())) else {
                continue;
            };
            let inner_start = i + open.len_utf8();
            let Some(len) = text[inner_start..].find(close) else {
                continue;
            };
            let inner = &text[inner_start..inner_start + len];
            if inner.chars().count() <= 8
                && KINDS
                    .kinds
                    .iter()
                    .any(|k| k.level == Level::Zone && inner.ends_with(k.word))
            {
                push_alias(z, format!("{}{open}{inner}{close}", z.name));
                if KINDS.kinds.iter().any(|k| k.word == inner) {
                    push_alias(z, format!("{prefix}{inner}"));
                }
            }
        }
    }
}

fn push_alias(z: &mut Zone, alias: String) {
    if alias != z.name && !z.aliases.contains(&alias) {
        z.aliases.push(alias);
    }
}

/// Adds the bare prefix (`北塘`) and prefix + short kind (`河源高新区`) where the text
/// uses them.
fn add_aliases(zones: &mut [(Zone, usize, usize)], text: &str) {
    let k = &*KINDS;
    // divisions of the report (`天津市`): their short forms are theirs, not their zones'
    let divisions: Vec<String> = zones
        .iter()
        .filter(|(z, _, _)| z.level.is_some_and(|l| l != Level::Zone))
        .map(|(z, _, _)| z.name.clone())
        .collect();
    for (z, count, _) in zones.iter_mut() {
        let Some(kind) = z.kind.clone() else { continue };
        let prefix = z.name[..z.name.len() - kind.len()].to_string();
        let division_form = z.level == Some(Level::Zone)
            && divisions.iter().any(|d| {
                d.strip_prefix(prefix.as_str())
                    .is_some_and(|r| r.chars().count() == 1)
            });
        if let Some(kd) = k.kinds.iter().find(|x| x.word == kind) {
            for s in &kd.short {
                let form = format!("{prefix}{s}");
                let uses = memmem::find_iter(text.as_bytes(), &form).count();
                if *s != kind && uses > 0 {
                    *count += uses;
                    push_alias(z, form);
                }
            }
        }
        // the prefix alone, not followed by a kind word
        let mut alone = 0;
        for i in memmem::find_iter(text.as_bytes(), &prefix) {
            let rest = &text[i + prefix.len()..];
            let followed_by_kind = k.kind_at.starts(rest);
            if !followed_by_kind {
                alone += 1;
            }
        }
        // a prefix that is a place of its own (`某某县` of `某某县工业园区`) is no alias
        let own_place = prefix.ends_with(['省', '市', '区', '县', '镇', '州']);
        if alone > 0 && prefix.chars().count() >= 2 && !own_place && !division_form {
            *count += alone;
            push_alias(z, prefix);
        }
    }
}

/// Short kinds used alone (`高区`) refer to the report's zone of that kind; with no
/// named zone of the kind, a short form used twice or more stands for a zone itself.
fn attach_bare_short_forms(
    zones: &mut Vec<(Zone, usize, usize)>,
    bare: &[(usize, usize)],
    text: &str,
) {
    let k = &*KINDS;
    let mut counts: HashMap<&'static str, (usize, usize)> = HashMap::new();
    for &(kind, at) in bare {
        let e = counts.entry(k.kinds[kind].word).or_insert((0, at));
        e.0 += 1;
    }
    let mut forms: Vec<(&str, usize, usize)> =
        counts.into_iter().map(|(w, (n, at))| (w, n, at)).collect();
    // the most used form first, so that the zone a report names only generically does
    // not depend on what a page puts before the text (a title, a breadcrumb trail)
    forms.sort_by_key(|f| (std::cmp::Reverse(f.1), f.2));
    for (form, n, at) in forms {
        let no_zone = !zones.iter().any(|(z, _, _)| z.level == Some(Level::Zone));
        let no_place = zones.is_empty();
        let owner = zones
            .iter_mut()
            .filter(|(z, _, _)| z.level == Some(Level::Zone))
            .find(|(z, _, _)| {
                let kind = z.kind.as_deref().unwrap_or("");
                kind == form
                    || k.kinds
                        .iter()
                        .any(|kd| kd.word == kind && kd.short.contains(&form))
                    // `平凉工业园区` also called `平凉高新区`: a bare `高新区` is it too
                    || z.aliases.iter().any(|a| a.ends_with(form) && a.len() > form.len())
            });
        match owner {
            Some((z, count, _)) => {
                *count += n;
                push_alias(z, form.to_string());
            }
            // a report that names its zone only by a generic word (`开发区党工委`, `我区…
            // 开发区管委会`) is about that zone, under that word
            // (once is enough where a body of it is named: `经开区党工委`; a report that
            // names no place at all may speak of its zone only by the word: `示范区规上工业…`
            // three times over)
            // (not `园区` or `片区` alone: any park, any part of one, never a zone's name)
            None if (is_named_short_form(form) || no_zone)
                && !matches!(form, "园区" | "片区")
                && (n >= 2
                    && (is_named_short_form(form)
                        || governed(text, form)
                        || leveled_as(bare, form, text).is_some())
                    || n >= 1 && (governed(text, form) || names_zone_bodies(text))
                    || n >= 3 && no_place) =>
            {
                // every use after the same level word: the text's name is `市开发区`
                let name = match leveled_as(bare, form, text) {
                    Some(c) => format!("{c}{form}"),
                    None => form.to_string(),
                };
                zones.push((
                    Zone {
                        name,
                        aliases: Vec::new(),
                        level: Some(Level::Zone),
                        kind: Some(form.to_string()),
                        located_in: None,
                        evidence: None,
                    },
                    n,
                    at,
                ))
            }
            None => {}
        }
    }
}

/// Whether the text speaks of a development zone's own bodies (`区党工委`, `管委会`),
/// which only a zone has: a generic zone word used once then names that zone.
fn names_zone_bodies(text: &str) -> bool {
    ["区党工委", "管委会"].iter().any(|b| text.contains(b))
}

/// Whether a body of the zone follows `form` somewhere (`开发区党工委`, `新区管委会`).
fn governed(text: &str, form: &str) -> bool {
    const BODIES: [&str; 5] = ["党工委", "管委", "工委", "领导", "党委"];
    text.match_indices(form)
        .any(|(i, _)| BODIES.iter().any(|b| text[i + form.len()..].starts_with(b)))
}

/// Short forms that stand for one zone when used alone (`高区`, `经开区`), unlike
/// generic words (`园区`, `开发区`) or full kind words.
fn is_named_short_form(form: &str) -> bool {
    let k = &*KINDS;
    !matches!(form, "园区" | "新区" | "开发区") && k.kinds.iter().any(|kd| kd.short.contains(&form))
}

/// Drops the cities, counties, districts and towns that no post, meeting or figure of
/// the report belongs to: a report names many places in passing (`落实某某市部署`), and
/// only those it is about are its zones. Development zones stay.
pub fn drop_unreferenced_places(report: &mut Report, text: &str) {
    let mut used: HashSet<&str> = HashSet::new();
    let officials = report.officials.iter().flat_map(|o| &o.posts);
    used.extend(officials.filter_map(|p| p.zone.as_deref()));
    used.extend(report.meetings.iter().filter_map(|m| m.zone.as_deref()));
    used.extend(report.goals.iter().filter_map(|g| g.zone.as_deref()));
    used.extend(report.achievements.iter().filter_map(|a| a.zone.as_deref()));
    used.extend(report.tasks.iter().filter_map(|t| t.zone.as_deref()));
    let keep: Vec<bool> = report
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| {
            used.contains(z.name.as_str())
                || z.level.is_none()
                || z.level == Some(Level::Zone) && (i == 0 || !only_passed_on(z, text))
        })
        .collect();
    let mut keep = keep.into_iter();
    report.zones.retain(|_| keep.next().unwrap_or(true));
}

/// Whether the text names `zone` only inside what it passes on from elsewhere
/// (`传达…广州开发区…会议精神`, `落实某某新区…相关部署`): another place's meeting or plan,
/// so not a zone of this report.
fn only_passed_on(zone: &Zone, text: &str) -> bool {
    const CUES: [&str; 4] = ["传达", "学习", "落实", "贯彻"];
    const ENDS: [&str; 2] = ["精神", "部署"];
    let mut seen = false;
    for form in std::iter::once(&zone.name).chain(&zone.aliases) {
        if form.chars().count() < 3 {
            continue;
        }
        for (i, _) in text.match_indices(form.as_str()) {
            seen = true;
            let stops = |c: char| matches!(c, '。' | '！' | '？' | '\n');
            let start = text[..i]
                .char_indices()
                .rev()
                .find(|&(_, c)| stops(c))
                .map_or(0, |(j, c)| j + c.len_utf8());
            let rest = &text[i + form.len()..];
            let before = &text[start..i];
            let after = &rest[..rest.find(stops).unwrap_or(rest.len())];
            if !(CUES.iter().any(|c| before.contains(c)) && ENDS.iter().any(|e| after.contains(e)))
            {
                return false;
            }
        }
    }
    seen
}

/// Whether `name` is only a generic word for a kind of zone (`高新区`, `开发区`,
/// `市开发区`), which names a different zone in every report that uses it alone.
pub fn is_generic_name(name: &str) -> bool {
    let bare = name
        .strip_prefix(['市', '区', '县', '省', '我'])
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(name);
    KINDS
        .kinds
        .iter()
        .any(|k| k.level == Level::Zone && k.word == bare)
        || matches!(bare, "园区" | "片区" | "示范区" | "试验区" | "集聚区")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Vec<String>)> {
        find_zones(text, "")
            .into_iter()
            .map(|z| (z.name, z.aliases))
            .collect()
    }

    #[test]
    fn finds_development_zone_after_punctuation() {
        let z = names("3月5日上午,青溪高新区召开大会。青溪管委会主任出席。青溪将继续发展。");
        assert_eq!(z[0].0, "青溪高新区");
        assert!(z[0].1.contains(&"青溪".to_string()));
    }

    #[test]
    fn cuts_place_name_after_introducing_verb() {
        let z =
            names("区委、区政府召开松岭区2024年度工作会议。松岭区上下要坚定信心。要推动松岭发展。");
        assert_eq!(z[0].0, "松岭区");
        assert!(z[0].1.contains(&"松岭".to_string()));
    }

    #[test]
    fn full_high_tech_zone_name_with_short_alias() {
        let z = names("首页 > 金川高技术产业开发区 > 新闻\n2月1日,高区召开大会。高区上下奋进。");
        assert_eq!(z[0].0, "金川高技术产业开发区");
        assert!(z[0].1.contains(&"高区".to_string()));
    }

    #[test]
    fn bracketed_short_kind_is_an_alias() {
        let z = names("河源工业园区(高新区)党工委书记讲话。河源工业园区(高新区)坚持发展。");
        assert_eq!(z[0].0, "河源工业园区");
        assert!(z[0].1.contains(&"河源高新区".to_string()));
    }

    #[test]
    fn generic_areas_are_not_places() {
        assert!(names("全区上下，本市各部门，示范区和园区，驻区单位，省级工业园").is_empty());
        assert!(names("建成国家高新技术产业开发区和国家级经济技术开发区").is_empty());
    }

    #[test]
    fn city_and_province_found_beside_district() {
        let z = names("落实云岭省、南川市工作要求。在南川市考核中，北塘区获评第一。北塘区继续发展。北塘要争先。");
        let all: Vec<&str> = z.iter().map(|z| z.0.as_str()).collect();
        assert!(
            all.contains(&"云岭省") && all.contains(&"南川市") && all.contains(&"北塘区"),
            "{all:?}"
        );
    }

    #[test]
    fn verbs_and_adverbs_are_no_part_of_a_zone_name() {
        let z = names("会议要求,不断夯实开发区发展基础。宣布经开区主要负责同志调整决定。");
        assert!(z.is_empty(), "{z:?}");
        let z = names("建设项目包括长春高新区的三个园区。长春高新区管委会参加。");
        assert_eq!(z[0].0, "长春高新区");
    }

    #[test]
    fn cities_and_counties_are_names_of_the_national_table() {
        let all = |t: &str| -> Vec<String> { names(t).into_iter().map(|z| z.0).collect() };
        // `部分区`, `拟任区` are no districts; `经霍州市` is 霍州市
        let got = all("审议部分区直部门工作。经霍州市政府研究,拟任区长人选。");
        assert_eq!(got, vec!["霍州市".to_string()]);
    }

    #[test]
    fn a_zone_named_once_and_after_no_place_is_not_taken() {
        assert!(names("项目落户智能终端配件产业园。").is_empty());
        let z = names("翠屏湖高新区召开大会。翠屏湖高新区党工委书记讲话。");
        assert_eq!(z[0].0, "翠屏湖高新区");
    }

    #[test]
    fn generic_names_are_told_from_proper_ones() {
        assert!(is_generic_name("高新区") && is_generic_name("市开发区"));
        assert!(is_generic_name("经开区") && is_generic_name("示范区"));
        assert!(!is_generic_name("青溪高新区") && !is_generic_name("城区"));
    }

    #[test]
    fn regional_gdp_and_doubled_suffixes_are_no_places() {
        let text = "2023年，全区完成地区生产总值120亿元。栖岚区区委书记出席。";
        let names: Vec<String> = find_zones(text, "").into_iter().map(|z| z.name).collect();
        assert!(!names.iter().any(|n| n.ends_with("地区")), "{names:?}");
        assert!(!names.iter().any(|n| n.ends_with("区区")), "{names:?}");
    }

    #[test]
    fn a_park_is_known_by_its_bodies() {
        let z = names("近日,翠岭园党工委书记主持会议。翠岭园上下要鼓足干劲。走进美丽家园。");
        assert_eq!(z.len(), 1, "{z:?}");
        assert_eq!(z[0].0, "翠岭园");
    }

    #[test]
    fn no_zone_after_an_institution_or_a_quality_word() {
        let z = names("拜访某某大学自贸区研究院。要建设高水平园区。");
        assert!(z.is_empty(), "{z:?}");
    }

    #[test]
    fn a_park_office_is_no_park() {
        let z = names("拜会自治区园区办主任,双方交流。自治区园区办有关处室出席。");
        assert!(!z.iter().any(|(n, _)| n.ends_with("园区")), "{z:?}");
    }

    #[test]
    fn a_one_char_district_opens_a_clause_with_its_action() {
        let z = names("10月9日,城区召开经济运行分析会。区委副书记、区长主持会议。");
        assert_eq!(z[0].0, "城区");
        assert!(names("推进城区改造,城区面貌一新。").is_empty());
    }

    #[test]
    fn a_generic_zone_is_placed_in_the_division_named_most() {
        let text = "传达宁波市会议精神。开发区党工委召开会议。开发区上下要奋进。";
        assert_eq!(division_named_most(text).as_deref(), Some("宁波市"));
        assert_eq!(division_named_most("开发区党工委召开会议。"), None);
    }

    #[test]
    fn a_zone_named_only_in_what_is_passed_on_is_dropped() {
        let zone = |name: &str| Zone {
            name: name.into(),
            level: Some(Level::Zone),
            ..Zone::default()
        };
        let text = "翠岭园召开会议,传达学习青溪新区工作会议精神。翠岭园上下要奋进。";
        assert!(only_passed_on(&zone("青溪新区"), text));
        assert!(!only_passed_on(
            &zone("青溪新区"),
            &format!("{text}青溪新区管委会主任出席。")
        ));
        let mut report = Report {
            zones: vec![zone("翠岭园"), zone("青溪新区")],
            ..Report::default()
        };
        drop_unreferenced_places(&mut report, text);
        let names: Vec<&str> = report.zones.iter().map(|z| z.name.as_str()).collect();
        assert_eq!(names, ["翠岭园"]);
    }

    #[test]
    fn a_bare_short_kind_joins_the_zone_that_goes_by_it() {
        let z = names("青溪工业园区(高新区)召开大会。青溪工业园区上下奋进。高新区党工委书记讲话。");
        assert_eq!(z.len(), 1, "{z:?}");
        assert!(z[0].1.contains(&"高新区".to_string()), "{z:?}");
    }

    #[test]
    fn a_rank_of_zone_names_no_zone() {
        assert!(names("省级工业园党工委书记在总结大会上的讲话").is_empty());
    }

    #[test]
    fn a_park_broken_ground_on_is_a_project() {
        let z = names("青溪产业园暨市开发区重点项目集中开工。青溪产业园等12个项目开工。");
        assert!(!z.iter().any(|(n, _)| n == "青溪产业园"), "{z:?}");
    }

    #[test]
    fn an_unnamed_citys_zone_keeps_its_level_word() {
        let z = names("10月8日,市开发区召开大会。今年以来,市开发区认真落实部署。");
        assert_eq!(z[0].0, "市开发区", "{z:?}");
    }
}
