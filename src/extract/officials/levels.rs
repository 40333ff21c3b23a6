//! The zones a post's level resolves to: the level a body or title implies (`区委`,
//! `副市长`), the report's zone of a level, and the department split off the end of an
//! unresolved place (`市商务局` → `市` + `商务局`).
//! The levels are the one-char suffixes of `admin_levels.txt` (`lexicon::zones`).

use super::chain::Element;
use crate::extract::zones;
use crate::lexicon::officials::OFFICIALS;
use crate::model::{Level, Report};

/// The level a body or title implies (`区委`, `副市长` → city).
pub(super) fn implied_level(e: &Element) -> Option<Level> {
    let probe = format!("{}{}", e.body, e.title);
    let first_body = OFFICIALS.bodies.longest_prefix(&e.body).unwrap_or("");
    let level_of = crate::lexicon::zones::level_of_char;
    if let Some(c) = first_body
        .chars()
        .next()
        .filter(|_| first_body.chars().count() <= 3)
    {
        if let Some(l) = level_of(c) {
            return Some(l);
        }
    }
    // the head of a level (`区长`, `乡长`)
    if let Some(level) = probe
        .strip_suffix('长')
        .and_then(|p| p.chars().next_back())
        .and_then(level_of)
    {
        return Some(level);
    }
    // a level's leaders as a group (`区领导`)
    let group = e
        .title
        .strip_suffix("领导")
        .filter(|l| l.chars().count() == 1);
    group.and_then(|l| l.chars().next()).and_then(level_of)
}

pub(super) fn zone_of_level(report: &Report, level: Level) -> Option<String> {
    let focal = zones::focal(report);
    let pick = match level {
        // `区委`, `区长`: the district itself where the report names one
        Level::District => focal
            .filter(|z| z.level == Some(Level::District))
            .or_else(|| zones::unique_of_level(report, Level::District))
            .or_else(|| focal.filter(|z| z.level == Some(Level::Zone))),
        Level::County => focal
            .filter(|z| z.level == Some(Level::County))
            .or_else(|| zones::unique_of_level(report, Level::County)),
        other => zones::unique_of_level(report, other).or_else(|| named_in_focal(report, other)),
    };
    pick.map(|z| z.name.clone())
}

/// The zone a bare `党工委` or `管委会` belongs to: the report's development zone (the
/// focal one where it is one), not a city or province the report names more often.
pub(super) fn focal_development_zone(report: &Report) -> Option<&crate::model::Zone> {
    zones::focal(report)
        .filter(|z| z.level == Some(Level::Zone))
        .or_else(|| report.zones.iter().find(|z| z.level == Some(Level::Zone)))
        .or_else(|| zones::focal(report))
}

/// Of several places of a level, the one the report's zone is named after
/// (`某某市` for `某某经济技术开发区`).
fn named_in_focal(report: &Report, level: Level) -> Option<&crate::model::Zone> {
    let focal = zones::focal(report)?;
    let g = crate::gazetteer::get();
    report
        .zones
        .iter()
        .filter(|z| z.level == Some(level))
        .find(|z| {
            let short = g.named(&z.name).first().and_then(|&i| g.division(i).short);
            std::iter::once(z.name.as_str())
                .chain(short)
                .any(|form| focal.name != z.name && focal.name.starts_with(form))
        })
}

/// Splits a department off the end of an unresolved jurisdiction: `市商务局` → (`市`,
/// `商务局`); `某某经开区经济发展局` → (`某某经开区`, `经济发展局`).
pub(super) fn split_department<'j>(j: &'j str, report: &Report) -> Option<(&'j str, &'j str)> {
    if !OFFICIALS.department_suffixes.ends(j) || j.chars().count() < 2 {
        return None;
    }
    // `区委办`, `市政府办`: an office of the level's committee or government keeps the
    // level, which is part of its name
    let mut chars = j.chars();
    if let (Some(level), Some('委' | '政')) = (chars.next(), chars.next()) {
        if single_level(level.encode_utf8(&mut [0; 4])).is_some() {
            return Some(("", j));
        }
    }
    let mut best: Option<(&str, &str)> = None;
    for (i, _) in j.char_indices().skip(1) {
        let (place, dept) = j.split_at(i);
        let placed = single_level(place).is_some()
            || report
                .zones
                .iter()
                .any(|z| z.name == place || z.aliases.iter().any(|a| a == place));
        if placed && dept.chars().count() >= 2 {
            best = Some((place, dept));
        }
    }
    best.or(Some(("", j)))
}

pub(super) fn single_level(j: &str) -> Option<Level> {
    match j {
        "区" => Some(Level::District),
        "市" => Some(Level::City),
        "省" => Some(Level::Province),
        "县" => Some(Level::County),
        "镇" | "乡" => Some(Level::Town),
        _ => None,
    }
}
