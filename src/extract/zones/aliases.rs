//! Aliases ([`super::Rule::Pass`]): the bare prefix and the short kinds a zone goes by,
//! and the zone a report names only by a kind word alone (`高新区党工委`, `市开发区`).

use super::kind_words::leveled_as;
use super::kinds::KINDS;
use super::{push_alias, Found};
use crate::lexicon::zones::{is_generic_word, GenericWord, ZONE_BODIES};
use crate::model::{Level, Zone};
use memchr::memmem;
use std::collections::HashMap;

/// Adds the bare prefix (`北塘`) and prefix + short kind (`河源高新区`) where the text
/// uses them.
pub fn add_aliases(f: &mut Found) {
    let (zones, text) = (&mut f.zones, f.text);
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
            let followed_by_kind = k.words.starts(rest);
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
pub fn attach_bare_short_forms(f: &mut Found) {
    let (zones, bare, text) = (&mut f.zones, &f.bare, f.text);
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
                && !is_generic_word(form, GenericWord::AnyPark)
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
    ZONE_BODIES.alone.occurs_in(text)
}

/// Whether a body of the zone follows `form` somewhere (`开发区党工委`, `新区管委会`).
fn governed(text: &str, form: &str) -> bool {
    text.match_indices(form)
        .any(|(i, _)| ZONE_BODIES.after_word.starts(&text[i + form.len()..]))
}

/// Short forms that stand for one zone when used alone (`高区`, `经开区`), unlike
/// generic words (`园区`, `开发区`) or full kind words.
fn is_named_short_form(form: &str) -> bool {
    let k = &*KINDS;
    !is_generic_word(form, GenericWord::NotShort)
        && k.kinds.iter().any(|kd| kd.short.contains(&form))
}
