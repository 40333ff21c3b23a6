//! Generic zone names (`开发区`, `市开发区`) and where such a zone lies
//! ([`super::Rule::Place`]).

use super::kinds::KINDS;
use crate::gazetteer::{self, DivisionLevel};
use crate::lexicon::zones::{is_generic_word, GenericWord};
use crate::model::{Level, Zone};
use std::collections::HashMap;

/// A zone named only by a generic word lies in the division the text names most.
pub fn place_generic_zones(zones: &mut [Zone], text: &str) {
    if zones.iter().any(|z| is_generic_name(&z.name)) {
        let place = division_named_most(text);
        for z in zones.iter_mut().filter(|z| is_generic_name(&z.name)) {
            z.located_in = place.clone();
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
        || is_generic_word(bare, GenericWord::Generic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_names_are_told_from_proper_ones() {
        assert!(is_generic_name("高新区") && is_generic_name("市开发区"));
        assert!(is_generic_name("经开区") && is_generic_name("示范区"));
        assert!(!is_generic_name("青溪高新区") && !is_generic_name("城区"));
    }

    #[test]
    fn a_generic_zone_is_placed_in_the_division_named_most() {
        let text = "传达宁波市会议精神。开发区党工委召开会议。开发区上下要奋进。";
        assert_eq!(division_named_most(text).as_deref(), Some("宁波市"));
        assert_eq!(division_named_most("开发区党工委召开会议。"), None);
        let mut zones = vec![
            Zone {
                name: "开发区".into(),
                ..Zone::default()
            },
            Zone {
                name: "青溪高新区".into(),
                ..Zone::default()
            },
        ];
        place_generic_zones(&mut zones, text);
        assert_eq!(zones[0].located_in.as_deref(), Some("宁波市"));
        assert_eq!(zones[1].located_in, None);
    }
}
