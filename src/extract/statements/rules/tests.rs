//! One test per rule: a clause of its shape is read by that rule (and by none before it),
//! with the readings it should give.

use super::indicator_value::{before_doubling, grouped_figure, of_the_subject, share_of_whole};
use super::*;

fn reader() -> Reader {
    Reader {
        years: Years::default(),
        zone_forms: Vec::new(),
    }
}

/// A reading as (indicator, value, change).
type Read = (String, f64, Option<f64>);

/// The first rule that reads `clause` (with `lead`, the clauses before it without a
/// value), and its readings.
fn read_after(lead: &str, clause: &str) -> (&'static str, Vec<Read>) {
    let qs = numbers::find_quantities(clause);
    assert!(!qs.is_empty(), "no value in {clause}");
    let may_pair = clause.contains("分别");
    let Some((rule, readings)) = reader().first_rule(&Clause::new(clause, &qs, may_pair, lead))
    else {
        return ("no rule", Vec::new());
    };
    let readings = readings
        .into_iter()
        .map(|r| (r.indicator, r.qty.value, r.change.map(|c| c.value)))
        .collect();
    (rule, readings)
}

fn read(clause: &str) -> (&'static str, Vec<Read>) {
    read_after("", clause)
}

fn one(indicator: &str, value: f64, change: Option<f64>) -> Vec<Read> {
    vec![(indicator.to_string(), value, change)]
}

#[test]
fn rules_are_tried_in_this_order() {
    let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(
        names,
        [
            "values given 分别",
            "count change",
            "由A到B",
            "change alone at clause end",
            "share of a whole",
            "rank, margin or rate comparison",
            "indicator then value",
            "count then event verb",
            "其中…已",
            "verb–value–noun",
        ]
    );
}

#[test]
fn values_given_respectively() {
    assert_eq!(
        read("规上工业增加值、固定资产投资分别增长8%、10%"),
        (
            "values given 分别",
            vec![
                ("规上工业增加值".to_string(), 8.0, Some(8.0)),
                ("固定资产投资".to_string(), 10.0, Some(10.0)),
            ]
        )
    );
    // one name that pairs two figures
    let (rule, got) = read("城乡居民人均可支配收入分别达到4.5万元和2.1万元");
    assert_eq!(rule, "values given 分别");
    assert_eq!(
        got,
        vec![
            ("城镇居民人均可支配收入".to_string(), 4.5, None),
            ("农村居民人均可支配收入".to_string(), 2.1, None),
        ]
    );
    // the first names stand in the clauses before
    let (_, got) = read_after("甲产量,", "乙产量分别增长5%、6%");
    let names: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["甲产量", "乙产量"]);
    // contributions to a rate are no figures
    assert_eq!(
        read("分别拉动经济增长0.1个、0.9个百分点"),
        ("values given 分别", vec![])
    );
}

#[test]
fn count_change() {
    assert_eq!(
        read("比上年末净增41家"),
        ("count change", one("", 41.0, Some(41.0)))
    );
    assert_eq!(
        read("较年初减少3家"),
        ("count change", one("", 3.0, Some(-3.0)))
    );
    assert_eq!(
        read("净增63家"),
        ("count change", one("", 63.0, Some(63.0)))
    );
}

#[test]
fn from_a_to_b() {
    assert_eq!(
        read("地区生产总值由186.2亿元增加到287.5亿元"),
        ("由A到B", one("地区生产总值", 287.5, None))
    );
}

#[test]
fn change_alone_at_clause_end() {
    assert_eq!(
        read("同比增长2%"),
        ("change alone at clause end", one("", 2.0, Some(2.0)))
    );
    assert_eq!(
        read("同比下降4.4%"),
        ("change alone at clause end", one("", 4.4, Some(-4.4)))
    );
    // the change of a share named without its whole
    assert_eq!(
        read("比重较上年提高2个百分点"),
        ("change alone at clause end", one("", 2.0, Some(2.0)))
    );
}

#[test]
fn share_of_a_whole() {
    assert_eq!(
        read("占年度计划的26%"),
        ("share of a whole", one("占年度计划", 26.0, None))
    );
    assert_eq!(
        read("规上工业产值占全区的36.5%"),
        ("share of a whole", one("规上工业产值占全区", 36.5, None))
    );
    assert_eq!(share_of_whole("完成全年目标任务的"), Some(0));
    assert_eq!(share_of_whole("完成投资"), None);
}

#[test]
fn ranks_margins_and_rate_comparisons_state_no_figure() {
    for clause in [
        "为全省平均水平的1.5倍",
        "增速高于全省平均2.1个百分点",
        "增速较一季度提高1.2个百分点",
        "拉动规上工业产值增长3.1个百分点",
    ] {
        assert_eq!(
            read(clause),
            ("rank, margin or rate comparison", vec![]),
            "{clause}"
        );
    }
    // a floor is no margin
    assert_eq!(read("增速不低于6%").0, "indicator then value");
}

#[test]
fn indicator_then_value() {
    assert_eq!(
        read("签约项目34个"),
        ("indicator then value", one("签约项目", 34.0, None))
    );
    // a change in brackets after the figure is its change
    assert_eq!(
        read("工业总产值完成34亿元(同比增长2%)"),
        ("indicator then value", one("工业总产值", 34.0, Some(2.0)))
    );
    // a range gives its lower end
    assert_eq!(
        read("地区生产总值增长6%-7%"),
        ("indicator then value", one("地区生产总值", 6.0, None))
    );
    // a short list shares the figure
    let (_, got) = read("进口、出口增长6%");
    let names: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["进口", "出口"]);
    // a doubling leaves the figure to the words before it
    assert_eq!(
        read("营业收入力争到2033年实现翻一番、达到860亿元").1,
        one("营业收入", 860.0, None)
    );
    // one project's investment is that project's
    assert_eq!(
        read("某某半导体封测基地项目总投资40亿元"),
        ("indicator then value", vec![])
    );
}

#[test]
fn grouped_figures_and_totals_of_the_subject() {
    assert_eq!(
        grouped_figure("甲、乙、丙三大主导产业合计完成产值").as_deref(),
        Some("三大主导产业完成产值")
    );
    assert_eq!(grouped_figure("规上工业产值"), None);
    assert_eq!(
        read("甲、乙、丙三大主导产业合计完成产值120亿元").1,
        one("三大主导产业产值", 120.0, None)
    );
    assert_eq!(of_the_subject("总数".into()), ("总数".into(), true));
    assert_eq!(
        of_the_subject("总量占全区规上工业增加值".into()),
        ("占全区规上工业增加值".into(), true)
    );
    assert_eq!(of_the_subject("产值".into()), ("产值".into(), false));
    assert_eq!(
        before_doubling("营业收入力争到2033年实现翻一番、"),
        Some("营业收入")
    );
}

#[test]
fn count_then_event_verb() {
    assert_eq!(
        read("共有21个项目现场签约"),
        ("count then event verb", one("签约项目", 21.0, None))
    );
}

#[test]
fn already_done_part() {
    assert_eq!(read("其中3宗已出让"), ("其中…已", one("出让", 3.0, None)));
}

#[test]
fn verb_value_noun() {
    assert_eq!(
        read("实现87户企业帮扶"),
        ("verb–value–noun", one("企业帮扶", 87.0, None))
    );
    // words after a figure that no rule reads
    assert_eq!(read("约有87户参与其中"), ("no rule", vec![]));
}
