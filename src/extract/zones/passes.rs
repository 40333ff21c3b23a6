//! Passes over the zones found ([`super::Rule::Pass`]): places named only by a short
//! form, zones that are one under two names merged, parks that are projects dropped, the
//! focal zone put first. Aliases and zones named by a kind word alone: [`super::aliases`].

use super::kinds::KINDS;
use super::{is_han, push_alias, Counted, Found};
use crate::gazetteer::{self, DivisionLevel};
use crate::lexicon::zones::{division_bodies, LOOSE_ZONE_KINDS};
use crate::model::{Level, Zone};
use memchr::memmem;
use std::collections::HashMap;

/// A city or county the text names only by its short form (`某某` for `某某市`) while
/// speaking of its bodies (`市委书记`, `县政府`): the form it uses most, twice or more,
/// is that place, under that form.
pub fn add_short_named_places(f: &mut Found) {
    let (zones, text) = (&mut f.zones, f.text);
    let g = gazetteer::get();
    let levels = [
        (Level::City, DivisionLevel::Prefecture),
        (Level::County, DivisionLevel::County),
    ];
    for (level, division_level) in levels {
        if zones.iter().any(|(z, _, _)| z.level == Some(level))
            || !division_bodies(level).is_some_and(|bodies| bodies.occurs_in(text))
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
pub fn merge_short_kind_zones(f: &mut Found) {
    let zones = &mut f.zones;
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
pub fn merge_same_place_zones(f: &mut Found) {
    let (zones, text) = (&mut f.zones, f.text);
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

/// Drops the parks of a loose kind that are projects, not zones ([`is_project`]).
pub fn drop_projects(f: &mut Found) {
    let text = f.text;
    f.zones.retain(|(z, _, _)| !is_project(z, text));
}

/// Whether a park of a loose kind (`某某产业园`) is a project the text counts or breaks
/// ground on (`某某产业园项目`, `某某产业园开工现场`, `某某产业园等20个重点项目`), not a zone.
fn is_project(zone: &Zone, text: &str) -> bool {
    if !zone
        .kind
        .as_deref()
        .is_some_and(|k| LOOSE_ZONE_KINDS.contains(k))
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

/// Puts the report's focal zone first: the one it mentions most, favouring development
/// zones and places in the title.
pub fn put_focal_first(f: &mut Found) {
    let (zones, title) = (&mut f.zones, f.title);
    let score = |(z, n, _): &Counted| {
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
}
