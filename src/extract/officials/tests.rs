//! Officials and posts: title chains, names, notices and profiles, on made-up text.

use super::*;
use crate::extract::zones::find_zones;

fn report_for(text: &str) -> Report {
    Report {
        zones: find_zones(text, ""),
        ..Report::default()
    }
}

fn posts(text: &str) -> Vec<(String, String, Option<String>)> {
    let report = report_for(text);
    mentions_in(text, &report)
        .into_iter()
        .flat_map(|m| {
            m.posts
                .into_iter()
                .map(move |p| (m.name.clone(), p.title, p.zone))
        })
        .collect()
}

#[test]
fn splits_title_chain_and_resolves_bare_district_to_focal_zone() {
    let text = "青溪高新区召开大会,区党工委书记、管委会主任林晓东讲话,区党工委副书记高建主持。";
    let got = posts(text);
    let zone = Some("青溪高新区".to_string());
    assert!(
        got.contains(&("林晓东".into(), "党工委书记".into(), zone.clone())),
        "{got:?}"
    );
    assert!(got.contains(&("林晓东".into(), "管委会主任".into(), zone.clone())));
    assert!(got.contains(&("高建".into(), "党工委副书记".into(), zone)));
}

#[test]
fn two_bodies_in_one_chain_and_dropped_comrade() {
    let text = "最后,由市政府副市长、青溪党工委书记郑秋林同志作工作部署。青溪高新区继续奋进。";
    let got = posts(text);
    assert!(
        got.contains(&("郑秋林".into(), "副市长".into(), None)),
        "{got:?}"
    );
    assert!(got.contains(&(
        "郑秋林".into(),
        "党工委书记".into(),
        Some("青溪高新区".into())
    )));
}

#[test]
fn one_title_many_names() {
    let got = posts("区领导陈一鸣、何丽、欧阳明远等出席会议。");
    let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(names, vec!["陈一鸣", "何丽", "欧阳明远"]);
    assert!(got.iter().all(|p| p.1 == "区领导"));
}

#[test]
fn company_posts_have_no_zone() {
    let got = posts("由青溪投资集团党支部书记、董事长邓海波代表集团公司作报告。");
    assert!(
        got.contains(&("邓海波".into(), "党支部书记".into(), None)),
        "{got:?}"
    );
    assert!(got.contains(&("邓海波".into(), "董事长".into(), None)));
}

#[test]
fn name_length_decided_by_what_follows() {
    assert_eq!(name_at("方正强调,要", 0).as_deref(), Some("方正"));
    assert_eq!(name_at("顾明浩主持", 0).as_deref(), Some("顾明浩"));
    assert_eq!(name_at("徐悦等出席", 0).as_deref(), Some("徐悦"));
    assert_eq!(name_at("谈落实", 0), None);
}

#[test]
fn level_titles_resolve_to_the_zone_of_that_level() {
    let text = "在云岭省、南川市的要求下,北塘区召开会议。省委书记罗成刚指出,市委书记蒋一平强调,区委书记宁远主持。北塘区发展。";
    let got = posts(text);
    assert!(
        got.contains(&("罗成刚".into(), "省委书记".into(), Some("云岭省".into()))),
        "{got:?}"
    );
    assert!(got.contains(&("蒋一平".into(), "市委书记".into(), Some("南川市".into()))));
    assert!(got.contains(&("宁远".into(), "区委书记".into(), Some("北塘区".into()))));
}
#[test]
fn a_verb_after_a_name_is_not_swallowed() {
    assert_eq!(name_at("柯言作专题辅导报告", 0).as_deref(), Some("柯言"));
    assert_eq!(name_at("上官明作系统阐述", 0).as_deref(), Some("上官明"));
    assert_eq!(name_at("柯言谈体会", 0).as_deref(), Some("柯言"));
    // a conjunction before a verb is still the end of a name
    assert_eq!(name_at("韦清和宣读决定", 0).as_deref(), Some("韦清和"));
}

#[test]
fn national_leader_quoted_on_a_subject() {
    let report = report_for("会议学习了罗成刚总书记关于乡村振兴的重要论述。");
    let got = mentions_in("会议学习了罗成刚总书记关于乡村振兴的重要论述。", &report);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].name, "罗成刚");
    let set = mentions_in("学习贯彻罗成刚总书记系列重要讲话精神。", &report);
    assert!(set.is_empty(), "{set:?}");
}

#[test]
fn academic_rank_is_titled_apart_from_its_unit() {
    let text = "特邀市委党校哲学教研部教授柯言作专题辅导,青溪高新区商务局副局长邓海波主持。";
    let report = report_for(text);
    let got = mentions_in(text, &report);
    let ke = got.iter().find(|m| m.name == "柯言").expect("柯言");
    assert_eq!(ke.posts[0].title, "教授");
    assert_eq!(
        ke.posts[0].organization.as_deref(),
        Some("市委党校哲学教研部")
    );
    let deng = got.iter().find(|m| m.name == "邓海波").expect("邓海波");
    assert_eq!(deng.posts[0].title, "商务局副局长");
}

#[test]
fn titles_padded_apart_by_blanks_make_one_chain() {
    let got: Vec<(String, String)> = posts("县委副书记  开发区党工委书记  林知远同志出席会议。")
        .into_iter()
        .map(|(n, t, _)| (n, t))
        .collect();
    assert_eq!(
        got,
        [
            ("林知远".to_string(), "县委副书记".to_string()),
            ("林知远".to_string(), "党工委书记".to_string())
        ]
    );
}

#[test]
fn ranks_acting_heads_and_names_ending_in_zhi() {
    let titles = |t: &str| -> Vec<String> { posts(t).into_iter().map(|p| p.1).collect() };
    assert_eq!(
        titles("市农业农村局一级调研员萧定邦到会指导。"),
        ["农业农村局一级调研员"]
    );
    assert_eq!(titles("县人民政府代县长傅明远作报告。"), ["代县长"]);
    assert_eq!(posts("区人大常委会主任陶敬之出席会议。")[0].0, "陶敬之");
}

#[test]
fn a_name_padded_to_the_width_of_its_list() {
    let names: Vec<String> = posts("新区领导邸永安、卜　宏在主席台就座。")
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(names, ["邸永安", "卜宏"]);
}

#[test]
fn a_bare_director_after_a_zone_body_and_titles_in_slogans() {
    let titles: Vec<String> = posts("党工委委员、副主任阚若芹宣读了表彰决定。")
        .into_iter()
        .map(|p| p.1)
        .collect();
    assert_eq!(titles, ["党工委委员", "管委会副主任"]);
    assert!(posts("深化“工委委员包联企业”制度。").is_empty());
}

#[test]
fn places_with_characters_beyond_the_bmp() {
    let zones = find_zones(
        "\u{23C98}溪工业园区召开大会。\u{23C98}溪工业园区党工委书记林知远出席。",
        "",
    );
    assert_eq!(zones[0].name, "\u{23C98}溪工业园区");
}

#[test]
fn a_title_that_names_its_own_body_keeps_no_outer_one() {
    let titles: Vec<String> = posts("园区管委会党组成员、副主任向远航作部署。")
        .into_iter()
        .map(|p| p.1)
        .collect();
    assert_eq!(titles, ["党组成员", "管委会副主任"]);
}

#[test]
fn names_ending_in_he_before_a_verb_and_before_yingyao() {
    let names = |t: &str| -> Vec<String> { posts(t).into_iter().map(|p| p.0).collect() };
    assert_eq!(names("管委会主任郁清和作园区推介。"), ["郁清和"]);
    assert_eq!(names("市科技局副局长晏可应邀出席会议。"), ["晏可"]);
}

fn titles(text: &str) -> Vec<(String, String)> {
    posts(text).into_iter().map(|(n, t, _)| (n, t)).collect()
}

fn notice_titles(text: &str) -> Vec<(String, String)> {
    let report = report_for(text);
    appointments::appointments_in(text, &report)
        .into_iter()
        .flat_map(|m| {
            let name = m.name.clone();
            m.posts.into_iter().map(move |p| (name.clone(), p.title))
        })
        .collect()
}

#[test]
fn titles_keep_the_department_or_body_they_name() {
    let got = titles("区委常委、统战部长柯启明,区法院院长蒲一川,区委办主任阎秋实出席。");
    for want in [
        ("柯启明", "统战部长"),
        ("蒲一川", "法院院长"),
        ("阎秋实", "区委办主任"),
    ] {
        assert!(
            got.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {got:?}"
        );
    }
    let got = titles("区人大党组书记、主任覃望舒主持。县林业局党组书记、局长房晓山参加。");
    assert!(
        got.contains(&("覃望舒".into(), "人大常委会主任".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("房晓山".into(), "林业局局长".into())),
        "{got:?}"
    );
}

#[test]
fn a_bare_title_takes_the_body_of_the_chain_before_it() {
    let got = titles("青溪高新区管委会常务副主任戴远山,副主任尚可、冼秋白等出席。");
    assert!(
        got.contains(&("冼秋白".into(), "管委会副主任".into())),
        "{got:?}"
    );
}

#[test]
fn later_list_items_need_no_known_surname() {
    let got = titles("区领导韦清和、仉淑贤、亓官越出席会议。");
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["韦清和", "仉淑贤", "亓官越"]);
}

#[test]
fn appointment_lists_share_their_chain() {
    let text = "会议任命龚文涛、屈丽华为区人民政府副区长,廖志远为区商务局局长;任命戚一鸣等2名同志为区监察委员会委员。";
    let got = notice_titles(text);
    for want in [
        ("龚文涛", "副区长"),
        ("屈丽华", "副区长"),
        ("廖志远", "商务局局长"),
        ("戚一鸣", "监察委员会委员"),
    ] {
        assert!(
            got.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {got:?}"
        );
    }
    let got = notice_titles("韩可为、秦慕远同志任管委会副主任、党工委委员;");
    assert!(
        got.contains(&("秦慕远".into(), "党工委委员".into())),
        "{got:?}"
    );
}

#[test]
fn a_verb_before_a_chain_is_no_part_of_it() {
    let got = titles("会议确定区科技局局长郎世杰为测评对象。");
    assert!(
        got.contains(&("郎世杰".into(), "科技局局长".into())),
        "{got:?}"
    );
}

#[test]
fn group_members_and_ranks_are_titles() {
    let got = titles("省委环保督察第二工作组成员符一帆、鲍青到会指导。副处级干部晏秋林领学。");
    assert!(
        got.contains(&("鲍青".into(), "环保督察第二工作组成员".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("晏秋林".into(), "副处级干部".into())),
        "{got:?}"
    );
}

#[test]
fn a_title_after_a_name_ends_the_name() {
    // the char before a title that opens with it (`副研究员`) is the title's, not the name's
    let got = posts("研究院副院长周立明副研究员、中心主任郑强副教授参加座谈。");
    let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
    assert!(
        names.contains(&"周立明") && names.contains(&"郑强"),
        "{got:?}"
    );
    assert!(!names.iter().any(|n| n.ends_with('副')), "{got:?}");
}
