//! Which places the report's other facts keep ([`super::Rule::Keep`]): a report names
//! many places in passing (`落实某某市部署`), and only those it is about are its zones.

use super::{Rule, RULES};
use crate::lexicon::zones::PASSED_ON;
use crate::model::{Level, Report, Zone};
use std::collections::HashSet;

/// A zone of the report, with what decides whether it is kept.
pub struct Kept<'a> {
    pub(crate) zone: &'a Zone,
    /// Its place in the report's zones (the first is the focal zone).
    pub(crate) index: usize,
    /// The zones a post, meeting, goal, achievement or task of the report belongs to.
    pub(crate) used: &'a HashSet<&'a str>,
    pub(crate) text: &'a str,
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
        .map(|(index, zone)| {
            let kept = Kept {
                zone,
                index,
                used: &used,
                text,
            };
            RULES
                .iter()
                .any(|rule| matches!(rule.rule, Rule::Keep(keeps) if keeps(&kept)))
        })
        .collect();
    let mut keep = keep.into_iter();
    report.zones.retain(|_| keep.next().unwrap_or(true));
}

/// A post, meeting, goal, achievement or task belongs to it.
pub fn referenced(k: &Kept) -> bool {
    k.used.contains(k.zone.name.as_str())
}

/// It has no level: a place named by a short form only, not one of a level found by its
/// kind word.
pub fn no_level(k: &Kept) -> bool {
    k.zone.level.is_none()
}

/// The report's focal development zone.
pub fn focal_zone(k: &Kept) -> bool {
    k.zone.level == Some(Level::Zone) && k.index == 0
}

/// A development zone named not only in what the text passes on from elsewhere.
pub fn not_only_passed_on(k: &Kept) -> bool {
    k.zone.level == Some(Level::Zone) && !only_passed_on(k.zone, k.text)
}

/// Whether the text names `zone` only inside what it passes on from elsewhere
/// (`传达…广州开发区…会议精神`, `落实某某新区…相关部署`): another place's meeting or plan,
/// so not a zone of this report.
fn only_passed_on(zone: &Zone, text: &str) -> bool {
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
            if !(PASSED_ON.opens.occurs_in(before) && PASSED_ON.closes.occurs_in(after)) {
                return false;
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> Zone {
        Zone {
            name: name.into(),
            level: Some(Level::Zone),
            ..Zone::default()
        }
    }

    #[test]
    fn a_zone_named_only_in_what_is_passed_on_is_dropped() {
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
    fn a_place_no_fact_belongs_to_is_dropped() {
        let city = Zone {
            name: "南川市".into(),
            level: Some(Level::City),
            ..Zone::default()
        };
        fn kept(zone: &Zone, index: usize) -> bool {
            let used: HashSet<&str> = ["北塘区"].into();
            let k = Kept {
                zone,
                index,
                used: &used,
                text: "",
            };
            RULES
                .iter()
                .any(|rule| matches!(rule.rule, Rule::Keep(keeps) if keeps(&k)))
        }
        assert!(!kept(&city, 1));
        assert!(!kept(&city, 0), "only a zone is kept for being first");
        assert!(kept(&zone("翠岭园"), 0));
        let district = Zone {
            name: "北塘区".into(),
            ..city.clone()
        };
        assert!(kept(&district, 1), "a post belongs to it");
    }
}
