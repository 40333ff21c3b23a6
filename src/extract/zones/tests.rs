//! Zone finding as a whole, on made-up text.

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
    let z = names("区委、区政府召开松岭区2024年度工作会议。松岭区上下要坚定信心。要推动松岭发展。");
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
    let z = names(
        "落实云岭省、南川市工作要求。在南川市考核中，北塘区获评第一。北塘区继续发展。北塘要争先。",
    );
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

#[test]
fn every_rule_has_a_name_of_its_own() {
    let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before);
}
