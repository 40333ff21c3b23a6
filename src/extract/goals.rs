//! Goals: quantified targets for a coming period (`地区生产总值增长6%`,
//! `力争年内投产项目40个以上`), read from the plan-tense [statements](super::statements).

use super::statements::{distinct, statements, Tense};
use super::{Context, Extractor};
use crate::model::{Goal, Report};

pub struct Goals;

impl Extractor for Goals {
    fn name(&self) -> &'static str {
        "goals"
    }

    fn extract(&self, cx: &Context, report: &mut Report) {
        let zone = report.zones.first().map(|z| z.name.clone());
        let mut goals: Vec<Goal> = Vec::new();
        let read = statements(cx, report);
        for st in distinct(&read, |st| st.tense == Tense::Plan) {
            goals.push(Goal {
                zone: zone.clone(),
                year: st.year,
                indicator: st.indicator.clone(),
                value: st.value,
                unit: st.unit.clone(),
                kind: st.kind,
                text: st.text.clone(),
                evidence: Some(cx.evidence(st.sentence)),
            });
        }
        report.goals.extend(goals);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::statements::testing::run;
    use crate::model::GoalKind;

    fn goals(text: &str, published: Option<&str>) -> Vec<Goal> {
        run(&Goals, text, published, None).goals
    }

    fn has(gs: &[Goal], year: i32, indicator: &str, value: f64, unit: &str) -> bool {
        gs.iter().any(|g| {
            g.year == Some(year)
                && g.indicator.contains(indicator)
                && (g.value - value).abs() < 1e-9
                && g.unit == unit
        })
    }

    #[test]
    fn reads_a_list_of_expected_targets() {
        let gs = goals(
            "今年主要预期目标为:地区生产总值增长6.5%,规上工业增加值增长9%,一般公共预算收入增长5%左右。",
            Some("2025-01-20"),
        );
        assert_eq!(gs.len(), 3, "{gs:?}");
        assert!(has(&gs, 2025, "地区生产总值", 6.5, "%"));
        assert!(has(&gs, 2025, "规上工业增加值", 9.0, "%"));
        assert!(has(&gs, 2025, "一般公共预算收入", 5.0, "%"));
        assert!(gs.iter().all(|g| g.kind == GoalKind::Growth));
        assert_eq!(gs[0].indicator, "地区生产总值");
    }

    #[test]
    fn pairs_respectively_lists() {
        let gs = goals(
            "力争规上工业增加值、固定资产投资分别增长8%、10%。",
            Some("2025-02-01"),
        );
        assert_eq!(gs.len(), 2, "{gs:?}");
        assert!(has(&gs, 2025, "规上工业增加值", 8.0, "%"));
        assert!(has(&gs, 2025, "固定资产投资", 10.0, "%"));
    }

    #[test]
    fn keeps_amounts_inside_the_indicator() {
        let gs = goals("力争全年新签约超5亿元项目12个以上。", Some("2025-02-01"));
        assert_eq!(gs.len(), 1, "{gs:?}");
        assert_eq!(gs[0].indicator, "新签约超5亿元项目");
        assert_eq!(
            (gs[0].value, gs[0].unit.as_str(), gs[0].kind),
            (12.0, "个", GoalKind::AtLeast)
        );
    }

    #[test]
    fn reads_chinese_numerals_and_horizons() {
        let gs = goals("确保到2027年园区营业收入突破千亿元。", Some("2025-02-01"));
        assert!(has(&gs, 2027, "营业收入", 1000.0, "亿元"), "{gs:?}");
        assert_eq!(gs[0].kind, GoalKind::AtLeast);
        let gs = goals("力争“十四五”末高新技术企业达到两百家。", Some("2023-06-01"));
        assert!(has(&gs, 2025, "高新技术企业", 200.0, "家"), "{gs:?}");
    }

    #[test]
    fn reads_reductions() {
        let gs = goals("确保单位地区生产总值能耗下降3%。", Some("2025-03-01"));
        assert_eq!(gs.len(), 1);
        assert_eq!(gs[0].kind, GoalKind::Reduce);
        assert_eq!(gs[0].value, 3.0);
        assert_eq!(gs[0].indicator, "单位地区生产总值能耗");
    }

    #[test]
    fn splits_targets_joined_by_a_pause_mark_and_keeps_their_quarters() {
        let gs = goals(
            "力争二季度开工率超过85%、三季度确保开工率达到100%。",
            Some("2025-02-01"),
        );
        assert!(has(&gs, 2025, "二季度开工率", 85.0, "%"), "{gs:?}");
        assert!(has(&gs, 2025, "三季度开工率", 100.0, "%"), "{gs:?}");
        assert_eq!(gs[0].kind, GoalKind::AtLeast);
        assert_eq!(gs[1].kind, GoalKind::Level);
    }

    #[test]
    fn reads_planned_investment_as_a_level() {
        let gs = goals(
            "今年56个市级重点项目年度计划投资150亿元。",
            Some("2025-02-01"),
        );
        assert_eq!(gs.len(), 1, "{gs:?}");
        assert!(gs[0].indicator.ends_with("重点项目年度计划投资"));
        assert_eq!((gs[0].value, gs[0].kind), (150.0, GoalKind::Level));
    }

    #[test]
    fn placeholders_yield_nothing() {
        assert!(goals("力争全年完成投资X亿元,增长XX%。", Some("2025-02-01")).is_empty());
        assert!(goals("确保引进项目×个。", Some("2025-02-01")).is_empty());
    }

    #[test]
    fn next_year_counts_from_the_document_year() {
        let gs = goals("明年力争引进亿元以上项目30个。", Some("2024-12-10"));
        assert!(has(&gs, 2025, "引进亿元以上项目", 30.0, "个"), "{gs:?}");
    }

    #[test]
    fn a_year_end_summary_plans_for_the_next_year() {
        let r = run(
            &Goals,
            "会议回顾了过去一年的工作。新的一年,力争地区生产总值增长7%。",
            None,
            Some("某某新区2023年度工作总结大会召开"),
        );
        assert!(
            has(&r.goals, 2024, "地区生产总值", 7.0, "%"),
            "{:?}",
            r.goals
        );
    }

    #[test]
    fn results_are_not_goals() {
        assert!(goals(
            "2023年,全区地区生产总值增长5.2%,完成投资80亿元。",
            Some("2024-02-01")
        )
        .is_empty());
        assert!(goals("上半年,园区签约项目20个。", Some("2024-07-01")).is_empty());
    }

    #[test]
    fn reads_money_and_people_units() {
        let gs = goals(
            "力争实际使用外资1.2亿美元,新增城镇就业1.5万人,年内完成土地收储2000亩。",
            Some("2025-01-05"),
        );
        assert!(has(&gs, 2025, "实际使用外资", 1.2, "亿美元"), "{gs:?}");
        assert!(has(&gs, 2025, "新增城镇就业", 1.5, "万人"), "{gs:?}");
        assert!(has(&gs, 2025, "土地收储", 2000.0, "亩"), "{gs:?}");
    }

    #[test]
    fn growth_above_a_floor_is_a_floor() {
        // SCHEMA.md: `X 以上` is `at_least`, as every held-out batch's gold reads it
        let gs = goals("确保规上工业总产值增长10%以上。", Some("2025-01-05"));
        assert_eq!(gs.len(), 1);
        assert_eq!((gs[0].value, gs[0].kind), (10.0, GoalKind::AtLeast));
    }

    #[test]
    fn durations_and_ordinals_are_not_targets() {
        assert!(goals(
            "力争用3个月时间完成整改,确保排名进入全省前10名。",
            Some("2025-01-05")
        )
        .is_empty());
    }

    #[test]
    fn a_plan_heading_sets_the_tense_of_its_section() {
        let gs = goals(
            "二、2025年主要目标\n地区生产总值增长6%左右,规上工业增加值增长8%。",
            Some("2025-01-10"),
        );
        assert!(has(&gs, 2025, "地区生产总值", 6.0, "%"), "{gs:?}");
        assert!(has(&gs, 2025, "规上工业增加值", 8.0, "%"), "{gs:?}");
        assert_eq!(gs[0].kind, GoalKind::Growth);
    }

    #[test]
    fn a_range_gives_its_lower_end() {
        let gs = goals("力争外贸进出口总额增长6%-8%。", Some("2025-01-10"));
        assert!(has(&gs, 2025, "外贸进出口总额", 6.0, "%"), "{gs:?}");
        assert_eq!(gs.len(), 1);
    }

    #[test]
    fn project_projections_are_not_targets() {
        assert!(goals(
            "该项目计划总投资20亿元,建成后年产值可达50亿元。",
            Some("2025-01-10")
        )
        .iter()
        .all(|g| g.value != 50.0));
    }

    #[test]
    fn drops_item_numbers_from_indicators() {
        let gs = goals(
            "今年的目标是:一是地区生产总值增长6%;(2)新增市场主体2000户。",
            Some("2025-01-10"),
        );
        assert!(gs.iter().any(|g| g.indicator == "地区生产总值"), "{gs:?}");
        assert!(
            gs.iter()
                .any(|g| g.indicator == "新增市场主体" && g.value == 2000.0),
            "{gs:?}"
        );
    }

    #[test]
    fn a_target_in_points_keeps_its_points() {
        let gs = goals(
            "2025年主要目标:全社会研发投入强度提高0.4个百分点,技术合同成交额增长15%。",
            Some("2025-01-15"),
        );
        assert!(has(&gs, 2025, "研发投入强度", 0.4, "个百分点"), "{gs:?}");
    }

    #[test]
    fn a_future_cue_keeps_a_past_quarter_a_target() {
        let gs = goals(
            "力争一季度完成投资9.6亿元。园区重点项目年度计划投资50亿元。",
            Some("2024-04-12"),
        );
        assert!(has(&gs, 2024, "投资", 9.6, "亿元"), "{gs:?}");
        assert!(has(&gs, 2024, "投资", 50.0, "亿元"), "{gs:?}");
    }

    #[test]
    fn floors_written_with_not_below_are_targets() {
        let gs = goals(
            "2025年,镇级财政收入不低于2.6亿元。确保三季度工业用电量增速不低于4.8%。其中技改投资占比不低于35%。力争新增科技型企业不少于40家以上。",
            Some("2025-01-12"),
        );
        assert!(has(&gs, 2025, "镇级财政收入", 2.6, "亿元"), "{gs:?}");
        assert!(has(&gs, 2025, "三季度工业用电量增速", 4.8, "%"), "{gs:?}");
        assert!(has(&gs, 2025, "技改投资占比", 35.0, "%"), "{gs:?}");
        assert!(has(&gs, 2025, "新增科技型企业", 40.0, "家"), "{gs:?}");
        assert!(gs.iter().all(|g| g.kind == GoalKind::AtLeast), "{gs:?}");
    }

    #[test]
    fn ceilings_stay_levels_and_margins_stay_out() {
        let gs = goals(
            "确保单位产值能耗不高于0.4吨标准煤。力争生产安全事故死亡人数控制在2人以内。",
            Some("2025-01-12"),
        );
        assert!(
            gs.iter()
                .any(|g| g.indicator == "单位产值能耗" && g.kind == GoalKind::Level),
            "{gs:?}"
        );
        assert!(has(&gs, 2025, "死亡人数", 2.0, "人"), "{gs:?}");
        let gs = goals(
            "力争工业投资增速高于全市平均3个百分点。",
            Some("2025-01-12"),
        );
        assert!(gs.is_empty(), "{gs:?}");
    }

    #[test]
    fn a_part_year_target_keeps_its_verb() {
        let gs = goals("确保三季度完成投资不低于18亿元。", Some("2025-05-12"));
        assert!(gs.iter().any(|g| g.indicator == "三季度完成投资"), "{gs:?}");
    }

    #[test]
    fn figures_of_an_event_held_are_no_targets() {
        let gs = goals(
            "2025年第二季度重大项目集中开工活动举行。本次集中开工项目18个,总投资64.5亿元,年度计划投资20.1亿元。",
            Some("2025-04-20"),
        );
        assert_eq!(gs.len(), 1, "{gs:?}");
        assert!(has(&gs, 2025, "计划投资", 20.1, "亿元"), "{gs:?}");
    }

    #[test]
    fn doubling_words_leave_the_value_to_the_subject() {
        let gs = goals(
            "(2)园区营业收入力争到2033年实现翻一番、达到520亿元。",
            Some("2031-02-01"),
        );
        assert!(has(&gs, 2033, "营业收入", 520.0, "亿元"), "{gs:?}");
        assert!(gs.iter().all(|g| !g.indicator.contains("翻")), "{gs:?}");
    }

    #[test]
    fn values_named_targets_and_baseline_years() {
        let gs = goals(
            "四季度,全区将紧盯全年地区生产总值增长7%、规上工业增加值增长9%的预期目标。到2033年,单位工业增加值能耗较2030年下降6%。",
            Some("2031-10-20"),
        );
        assert!(has(&gs, 2031, "规上工业增加值", 9.0, "%"), "{gs:?}");
        assert!(has(&gs, 2031, "地区生产总值", 7.0, "%"), "{gs:?}");
        assert!(has(&gs, 2033, "单位工业增加值能耗", 6.0, "%"), "{gs:?}");
    }

    #[test]
    fn bulleted_targets_share_their_tense_and_a_bare_target_joins_its_subject() {
        let gs = goals(
            "◆确保全年地区生产总值增长7%左右;\n◆规上工业增加值增长10%以上;\n◆城镇登记失业率控制在3%以内。\n入库税收4.93亿元(同比增长3.6%),全年目标为6.8亿元。",
            Some("2031-10-20"),
        );
        assert!(has(&gs, 2031, "规上工业增加值", 10.0, "%"), "{gs:?}");
        assert!(has(&gs, 2031, "城镇登记失业率", 3.0, "%"), "{gs:?}");
        assert!(has(&gs, 2031, "入库税收", 6.8, "亿元"), "{gs:?}");
    }

    #[test]
    fn a_year_in_a_bracketed_note_dates_nothing() {
        let gs = goals(
            "2031年主要预期目标为:地区生产总值增长7%以上;一般公共预算支出(扣除2029年专项债支出)增长3%以上;社会消费品零售总额增长6%以上。",
            Some("2031-01-10"),
        );
        assert_eq!(gs.len(), 3, "{gs:?}");
        assert!(has(&gs, 2031, "社会消费品零售总额", 6.0, "%"), "{gs:?}");
    }

    #[test]
    fn a_planned_amount_by_name_leaves_the_figures_around_it_alone() {
        let gs = goals(
            "今年,园区确定重点项目120项,总投资480亿元,年度计划投资96亿元。其中:新建项目40个,总投资150亿元,年度计划投资30亿元。园区超计划完成投资88亿元。",
            Some("2031-03-20"),
        );
        assert_eq!(gs.len(), 2, "{gs:?}");
        assert!(has(&gs, 2031, "计划投资", 96.0, "亿元"), "{gs:?}");
        assert!(has(&gs, 2031, "计划投资", 30.0, "亿元"), "{gs:?}");
    }

    #[test]
    fn examples_listed_before_a_count_are_no_part_of_its_name() {
        let gs = goals(
            "今年计划开工甲科技园、乙物流中心等新建项目12个。",
            Some("2031-03-20"),
        );
        assert!(has(&gs, 2031, "新建项目", 12.0, "个"), "{gs:?}");
        assert!(gs.iter().all(|g| !g.indicator.contains('、')), "{gs:?}");
    }

    #[test]
    fn a_horizon_behind_the_report_looks_back() {
        let gs = goals(
            "2031年工作回顾。园区在评比中从2027年的第30名跃升至2030年第8位,地区生产总值突破100亿元,未来发展潜力可观。",
            Some("2032-01-08"),
        );
        assert!(gs.is_empty(), "{gs:?}");
    }
}
