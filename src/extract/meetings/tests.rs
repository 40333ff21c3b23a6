//! Meetings on made-up text: names, dates, roles, participants.

use super::dating::*;
use super::naming::*;
use super::participants::*;
use super::roles::*;
use super::*;
use crate::model::Official;

#[test]
fn finds_official_names_as_match_indices_would() {
    let officials: Vec<Official> = ["王某", "王王", "李某某"]
        .iter()
        .map(|n| Official {
            name: n.to_string(),
            ..Official::default()
        })
        .collect();
    let s = "王某主持,王王王讲话,李某某、王某出席";
    let expected: Vec<(usize, usize)> = officials
        .iter()
        .enumerate()
        .flat_map(|(k, o)| s.match_indices(o.name.as_str()).map(move |(at, _)| (k, at)))
        .collect();
    assert_eq!(NameStarts::of(&officials).occurrences(s), expected);
}

#[test]
fn name_and_venue_in_common_phrasings() {
    let (n, v) =
        name_and_venue("3月5日上午,青溪高新区2024年度工作会议在管委会三楼会议室隆重召开。")
            .unwrap();
    assert_eq!(n, "青溪高新区2024年度工作会议");
    assert_eq!(v.as_deref(), Some("管委会三楼会议室"));
    let (n, v) = name_and_venue("4月2日,区委、区政府召开北塘区2024年度高质量发展推进会。").unwrap();
    assert_eq!(n, "北塘区2024年度高质量发展推进会");
    assert_eq!(v, None);
    let (n, _) = name_and_venue("1月8日,2024年度园区总结表彰大会召开。").unwrap();
    assert_eq!(n, "2024年度园区总结表彰大会");
    assert!(name_and_venue("在2022年度工作总结大会上的讲话").is_none());
}

#[test]
fn roles_from_the_clause_after_a_name() {
    assert_eq!(role_after("张三主持会议", 6), Some(Some(Role::Host)));
    assert_eq!(role_after("张三组织召开推进会", 6), Some(Some(Role::Host)));
    assert_eq!(
        role_after("张三同志,代表管委会作2024年工作报告。", 6),
        Some(Some(Role::Speaker))
    );
    assert_eq!(
        role_after("张三、李四等出席会议", 6),
        Some(Some(Role::Attendee))
    );
    assert_eq!(role_after("张三出席并讲话", 6), Some(Some(Role::Speaker)));
    assert_eq!(role_after("张三强调,要加快发展", 6), Some(None));
    assert_eq!(role_after("张三同志的文章", 6), None);
}

#[test]
fn attendance_counts() {
    assert_eq!(attendance_in("共170人参加会议"), Some(170));
    assert_eq!(attendance_in("300多人出席"), Some(300));
    assert_eq!(attendance_in("各部门负责人参加会议"), None);
}
#[test]
fn a_newspapers_yesterday_and_a_speech_subtitle_date_their_meetings() {
    use crate::extract::statements::testing::run;
    let r = run(
        &Meetings,
        "某某合作区项目签约仪式昨(十五)日下午在会展中心举行。",
        Some("2031-06-16"),
        None,
    );
    assert_eq!(r.meetings[0].date.as_deref(), Some("2031-06-15"));
    assert_eq!(r.meetings[0].venue.as_deref(), Some("会展中心"));
    let r = run(
        &Meetings,
        "——2031年2月3日在某某开发区2031年工作会议上\n\n同志们:\n\n现在,我向大会报告工作。",
        Some("2031-02-10"),
        Some("某某开发区管委会工作报告"),
    );
    assert_eq!(r.meetings[0].date.as_deref(), Some("2031-02-03"));
    assert_eq!(
        r.meetings[0].name.as_deref(),
        Some("某某开发区2031年工作会议")
    );
}

#[test]
fn a_news_dateline_does_not_date_the_meeting() {
    use crate::extract::statements::testing::run;
    let r = run(
        &Meetings,
        "青溪融媒3月9日讯(记者 某某)3月8日上午,青溪园区组织召开2030年总结大会,甲乙丙主持会议。",
        Some("2031-03-09"),
        None,
    );
    assert_eq!(r.meetings[0].date.as_deref(), Some("2031-03-08"));
    assert!(is_news_dateline("电 (记者某某)"));
    assert!(!is_news_dateline("电子信息产业推介会"));
}

#[test]
fn a_date_missing_its_month_sign_is_read_near_the_issue_date() {
    use crate::extract::statements::testing::run;
    let r = run(
        &Meetings,
        "617日,园区召开安全生产工作推进会。",
        Some("2031-06-19"),
        None,
    );
    assert_eq!(r.meetings[0].date.as_deref(), Some("2031-06-17"));
    // far from the issue date, the digits are no date
    let r = run(
        &Meetings,
        "617日,园区召开安全生产工作推进会。",
        Some("2031-11-19"),
        None,
    );
    assert_eq!(r.meetings[0].date, None);
}

#[test]
fn a_dated_meeting_may_go_unnamed() {
    let (n, _) =
        name_and_venue("4月3日上午,园区党工委书记某某主持召开会议,专题学习有关文件精神。").unwrap();
    assert_eq!(n, "会议");
    // undated, `召开会议` is too common to tell a meeting
    assert!(name_and_venue("各单位要定期召开会议,研究解决问题。").is_none());
}

#[test]
fn a_tour_is_no_meeting_and_its_review_meeting_takes_the_month_before() {
    use crate::extract::statements::testing::run;
    let r = run(
        &Meetings,
        "9月25日至26日,某某区重大项目建设拉练活动举行。\n26日下午,全区重大项目建设拉练点评会在区行政中心召开。",
        Some("2031-09-28"),
        None,
    );
    let dates: Vec<_> = r.meetings.iter().map(|m| m.date.as_deref()).collect();
    assert_eq!(dates, [Some("2031-09-26")]);
}

#[test]
fn the_manner_of_holding_is_no_part_of_the_name() {
    let s = "2月26日,某某经开区安全生产工作会议以视频形式召开。";
    assert_eq!(
        name_and_venue(s).map(|n| n.0).as_deref(),
        Some("某某经开区安全生产工作会议")
    );
}

#[test]
fn minutes_header_lines_give_roles() {
    assert_eq!(header_role("主持:某某某"), Some((Role::Host, "某某某")));
    assert_eq!(
        header_role("出席：甲乙、丙丁。"),
        Some((Role::Attendee, "甲乙、丙丁"))
    );
    assert_eq!(
        header_role("参加会议的还有:甲乙、丙丁"),
        Some((Role::Attendee, "甲乙、丙丁"))
    );
    assert_eq!(header_role("记录:某某"), None);
    assert_eq!(header_role("主持召开会议"), None);
}

#[test]
fn a_meeting_whose_spirit_is_passed_on_is_not_held_here() {
    let s = "会议传达了5月12日召开的市委全会精神和市委书记某某某在会上的讲话要求。";
    assert_eq!(name_and_venue(s), None);
    let s = "在随后召开的项目推进座谈会上,与会企业代表作了发言。";
    assert_eq!(
        name_and_venue(s).map(|n| n.0).as_deref(),
        Some("项目推进座谈会")
    );
}

#[test]
fn study_group_session_is_a_held_meeting() {
    let (n, v) = name_and_venue(
        "7月9日,青溪高新区党工委理论学习中心组开展2024年第3次集体学习,围绕产业升级进行研讨。",
    )
    .unwrap();
    assert_eq!(n, "青溪高新区党工委理论学习中心组2024年第3次集体学习");
    assert_eq!(v, None);
    // without a study group, `开展` holds no meeting
    assert!(name_and_venue("园区开展集体学习活动,提升能力。").is_none());
}

#[test]
fn names_listed_after_a_titled_one_and_a_long_list_before_its_verb() {
    let s = "园区领导甲建国、王小明(正处级)、李大海,区法院院长某某某,各街道负责人以及有关人员列席会议。";
    let at = "园区领导甲建国".len();
    let (end, names) = list_after(s, at);
    let names: Vec<&str> = names.iter().map(|n| n.0.as_str()).collect();
    assert_eq!(names, ["王小明", "李大海"]);
    assert!(s[end..].starts_with(','));
    assert_eq!(role_after(s, end), Some(Some(Role::Attendee)));
    // a list item that is no bare name ends the list
    let s = "主任王小明、各部门负责人参加会议";
    assert!(list_after(s, "主任王小明".len()).1.is_empty());
    // a clause with a verb of its own breaks the list
    assert_eq!(
        role_after("张三,要抓好项目建设,各部门负责人参加会议", 6),
        None
    );
}

#[test]
fn talks_at_the_stops_of_a_visit() {
    use crate::extract::statements::testing::run;
    let r = run(
        &Meetings,
        "3月4日至5日,青溪园区工作组赴某市学习考察。\n工作组先后与某某新区管委会和某某集团进行了座谈交流。\n在某某研究院,工作组与研究与发展中心负责人座谈。",
        Some("2031-03-09"),
        None,
    );
    let got: Vec<_> = r
        .meetings
        .iter()
        .map(|m| (m.name.as_deref().unwrap(), m.date.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("与某某新区管委会和某某集团座谈交流", Some("2031-03-04")),
            ("与研究与发展中心负责人座谈", None)
        ]
    );
    // talks planned, and a 座谈会 without a verb of holding, are none
    assert_eq!(talks("下一步将与有关企业开展座谈。"), None);
    assert_eq!(talks("与会人员在座谈会上交流。"), None);
}

#[test]
fn a_dated_batch_of_projects_started_together_is_a_meeting() {
    let (n, _) = name_and_venue("4月8日,青溪园区(某某镇)16个重点产业项目集中开工。").unwrap();
    assert_eq!(n, "青溪园区(某某镇)16个重点产业项目集中开工");
    assert!(name_and_venue("园区16个重点产业项目集中开工。").is_none());
    assert!(name_and_venue("4月8日,园区力争二季度一批项目集中开工。").is_none());
    assert!(name_and_venue("4月8日,此次集中开工项目16个。").is_none());
}

#[test]
fn a_speech_told_at_the_end_of_its_speakers_sentence() {
    assert_eq!(
        speech_at_end("王某从坚定信念、勇于担当、廉洁自律三个方面作了表态发言。"),
        Some(Role::Speaker)
    );
    assert_eq!(speech_at_end("王某一行参观了企业展厅。"), None);
}

#[test]
fn who_leads_the_party_attends_its_talks() {
    assert_eq!(
        role_after("张三率工作组一行赴某地学习", 6),
        Some(Some(Role::Attendee))
    );
    assert_eq!(
        role_after("张三带队赴某地考察", 6),
        Some(Some(Role::Attendee))
    );
    assert_eq!(role_after("张三介绍,今年增长率较高", 6), None);
}

#[test]
fn what_was_attended_is_no_role_of_its_own() {
    assert_eq!(
        role_after("张三 参加观摩点评。", 6),
        Some(Some(Role::Attendee))
    );
    assert_eq!(
        role_after("张三出席会议并点评", 6),
        Some(Some(Role::Speaker))
    );
    assert_eq!(role_after("张三主持并讲话", 6), Some(Some(Role::Host)));
}

/// The name of the first rule of `rules` whose `apply` answers.
fn first_answering<R>(rules: &[R], answers: impl Fn(&R) -> bool, name: fn(&R) -> &str) -> &str {
    rules.iter().find(|r| answers(r)).map_or("none", name)
}

#[test]
fn name_rules_in_their_order() {
    let rule =
        |s: &str| first_answering(NAME_RULES, |r| (r.apply)(s).is_some(), |r| r.name).to_string();
    assert_eq!(
        rule("1月8日,2024年度园区总结表彰大会召开。"),
        "verb of holding"
    );
    assert_eq!(
        rule("7月9日,某某党工委理论学习中心组开展2024年第3次集体学习。"),
        "study session"
    );
    assert_eq!(rule("工作组与某某新区管委会进行了座谈交流。"), "talks");
    assert_eq!(
        rule("4月8日,青溪园区16个重点产业项目集中开工。"),
        "batch of projects"
    );
    assert_eq!(rule("园区经济平稳增长。"), "none");
}

#[test]
fn date_rules_in_their_order() {
    let names: Vec<&str> = DATE_RULES.iter().map(|r| r.name).collect();
    assert_eq!(
        names,
        [
            "month and day",
            "month sign dropped",
            "day in the month before",
            "yesterday",
            "today of a speech",
            "afterwards"
        ]
    );
}

#[test]
fn role_rules_each_on_what_follows_a_name() {
    let rule = |s: &str| {
        let rest = s;
        let clause_len = rest.find(CLAUSE_END).unwrap_or(rest.len());
        let clause = &rest[..clause_len];
        let after = rest[clause_len..].trim_start_matches(CLAUSE_END);
        let at = AfterName {
            clause,
            next: &after[..after.find(CLAUSE_END).unwrap_or(after.len())],
            after,
            bare: clause.trim_start_matches("同志").trim().is_empty(),
        };
        first_answering(ROLE_RULES, |r| (r.apply)(&at).is_some(), |r| r.name).to_string()
    };
    assert_eq!(rule("主持会议"), "verb in the name's clause");
    assert_eq!(
        rule("同志,代表管委会作报告"),
        "verb in the clause it goes on in"
    );
    assert_eq!(rule("率工作组赴某地"), "leads the party");
    assert_eq!(
        rule(",各部门负责人参加会议"),
        "listed before those attending"
    );
    assert_eq!(
        rule(",法院院长某某,各街道负责人以及有关人员列席会议"),
        "further down a list of those attending"
    );
    assert_eq!(rule("的文章"), "none");
}
