//! One test per pass: a sentence whose reading the pass joins, names or drops.

use super::*;

/// The statements of `s` read with a result tense before it, as
/// (indicator, value, change).
fn read(s: &str) -> Vec<(String, f64, Option<f64>)> {
    let reader = Reader {
        years: Years::default(),
        zone_forms: Vec::new(),
    };
    let frame = Frame {
        para_year: None,
        last_tense: Some(Tense::Result),
        section_tense: None,
        doc_tense: None,
        label: None,
    };
    let mut out = Vec::new();
    reader.sentence(s, &SentenceTimes::new(s), 0, frame, &mut out);
    out.into_iter()
        .map(|st| (st.indicator, st.value, st.change.map(|c| c.value)))
        .collect()
}

fn st(indicator: &str, value: f64, change: Option<f64>) -> (String, f64, Option<f64>) {
    (indicator.to_string(), value, change)
}

#[test]
fn passes_run_in_this_order() {
    let names: Vec<&str> = PASSES.iter().map(|p| p.name).collect();
    assert_eq!(
        names,
        [
            "a bare change joins the figure before",
            "a total or share continues the subject",
            "a bare figure takes the subject's name",
            "a bare investment after one project is the project's",
            "acceptable, and the zone's own",
            "a milestone after the exact figure restates it",
        ]
    );
}

#[test]
fn a_bare_change_joins_the_figure_before() {
    assert_eq!(
        read("工业总产值完成34亿元,同比增长2%"),
        [st("工业总产值", 34.0, Some(2.0))]
    );
    // a second measure of the change is no figure
    assert_eq!(
        read("营业收入完成34亿元,同比增长2.7%,可比增长5.6%"),
        [st("营业收入", 34.0, Some(2.7))]
    );
}

#[test]
fn a_total_continues_the_subject() {
    assert_eq!(
        read("新增高新技术企业38家,总数达到241家"),
        [
            st("新增高新技术企业", 38.0, None),
            st("高新技术企业总数", 241.0, None)
        ]
    );
}

#[test]
fn a_bare_figure_takes_the_subjects_name() {
    assert_eq!(
        read("■规上工业总产值:86.35亿元"),
        [st("规上工业总产值", 86.35, None)]
    );
    // the exact figure replaces the milestone
    assert_eq!(
        read("地区生产总值突破千亿元,达到1023亿元"),
        [st("地区生产总值", 1023.0, None)]
    );
}

#[test]
fn a_bare_investment_after_one_project_is_the_projects() {
    assert_eq!(read("作为全市首个开工的重点项目,计划总投资2.9亿元"), []);
}

#[test]
fn figures_of_companies_and_the_nation_are_not_the_zones() {
    assert_eq!(read("龙头企业某某股份有限公司实现营业收入12亿元"), []);
    assert_eq!(read("全国规上工业增加值增长5%"), []);
}

#[test]
fn a_milestone_after_the_exact_figure_restates_it() {
    assert_eq!(
        read("地区生产总值526.8亿元,总量首次突破500亿元"),
        [st("地区生产总值", 526.8, None)]
    );
}
