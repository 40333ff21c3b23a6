//! Achievements: quantified results already reached (`工业总产值完成34亿元,同比增长2%`,
//! `成功签约项目34个`), read from the result-tense [statements](super::statements).

use super::statements::{distinct, statements, Tense};
use super::{Context, Extractor};
use crate::model::{Achievement, Report};

pub struct Achievements;

impl Extractor for Achievements {
    fn name(&self) -> &'static str {
        "achievements"
    }

    fn extract(&self, cx: &Context, report: &mut Report) {
        let zone = report.zones.first().map(|z| z.name.clone());
        let mut found: Vec<Achievement> = Vec::new();
        let read = statements(cx, report);
        // counts of trips and rounds report effort, not results
        for st in distinct(&read, |st| st.tense == Tense::Result && !st.activity) {
            found.push(Achievement {
                zone: zone.clone(),
                year: st.year,
                period: st.period.clone(),
                indicator: st.indicator.clone(),
                value: st.value,
                unit: st.unit.clone(),
                change: st.change.clone(),
                text: st.text.clone(),
                evidence: Some(cx.evidence(st.sentence)),
            });
        }
        report.achievements.extend(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::statements::testing::run;
    use crate::model::Change;

    fn found(text: &str, published: Option<&str>) -> Vec<Achievement> {
        run(&Achievements, text, published, None).achievements
    }

    fn get<'a>(xs: &'a [Achievement], indicator: &str, value: f64) -> &'a Achievement {
        xs.iter()
            .find(|a| a.indicator.contains(indicator) && (a.value - value).abs() < 1e-9)
            .unwrap_or_else(|| panic!("no {indicator} {value} in {xs:?}"))
    }

    #[test]
    fn reads_amounts_with_their_changes() {
        let xs = found(
            "2023年,园区实现地区生产总值85.6亿元,同比增长6.2%;规上工业增加值增长8.1%。",
            Some("2024-01-30"),
        );
        assert_eq!(xs.len(), 2, "{xs:?}");
        let gdp = get(&xs, "地区生产总值", 85.6);
        assert_eq!((gdp.year, gdp.unit.as_str()), (Some(2023), "亿元"));
        assert_eq!(
            gdp.change,
            Some(Change {
                value: 6.2,
                unit: "%".into()
            })
        );
        let ind = get(&xs, "规上工业增加值", 8.1);
        assert_eq!(ind.unit, "%");
    }

    #[test]
    fn reads_counts_and_their_breakdown() {
        let xs = found(
            "园区先后外出招商15批次,成功签约项目25个。其中,亿元以上项目8个,外资项目2个。",
            Some("2023-10-01"),
        );
        assert_eq!(xs.len(), 3, "{xs:?}");
        assert_eq!(get(&xs, "签约项目", 25.0).unit, "个");
        get(&xs, "亿元以上项目", 8.0);
        get(&xs, "外资项目", 2.0);
        assert!(xs.iter().all(|a| a.year == Some(2023)));
    }

    #[test]
    fn reads_parts_of_a_year_and_falls() {
        let xs = found(
            "上半年,全区完成固定资产投资45亿元,同比下降3%。",
            Some("2024-07-20"),
        );
        let a = get(&xs, "固定资产投资", 45.0);
        assert_eq!((a.year, a.period.as_deref()), (Some(2024), Some("上半年")));
        assert_eq!(
            a.change,
            Some(Change {
                value: -3.0,
                unit: "%".into()
            })
        );
        let xs = found(
            "1-9月,规上工业总产值完成120亿元,增长16.8倍。",
            Some("2024-10-20"),
        );
        let a = get(&xs, "规上工业总产值", 120.0);
        assert_eq!(a.period.as_deref(), Some("1-9月"));
        assert_eq!(
            a.change,
            Some(Change {
                value: 16.8,
                unit: "倍".into()
            })
        );
        let xs = found("一季度,新增市场主体1200户。", Some("2024-04-15"));
        assert_eq!(
            get(&xs, "新增市场主体", 1200.0).period.as_deref(),
            Some("一季度")
        );
        let xs = found(
            "前三季度,实际利用外资2.6亿美元,实现税收收入9800万元。",
            Some("2024-10-15"),
        );
        assert_eq!(get(&xs, "实际利用外资", 2.6).unit, "亿美元");
        assert_eq!(get(&xs, "税收收入", 9800.0).unit, "万元");
    }

    #[test]
    fn reads_the_noun_after_a_counted_value() {
        let xs = found(
            "2023年,全年新培育15家高新技术企业,实现42户企业“一企一策”帮扶。",
            Some("2024-02-01"),
        );
        assert_eq!(get(&xs, "高新技术企业", 15.0).unit, "家");
        assert_eq!(get(&xs, "企业", 42.0).unit, "户");
    }

    #[test]
    fn reads_already_done_parts() {
        let xs = found("2023年,共收储土地12宗,其中8宗已出让。", Some("2024-02-01"));
        assert_eq!(get(&xs, "收储土地", 12.0).unit, "宗");
        assert_eq!(get(&xs, "出让", 8.0).unit, "宗");
    }

    #[test]
    fn clauses_without_a_cue_take_the_tense_of_their_sentence() {
        let xs = found(
            "2024年是园区发展的关键之年。全年完成固定资产投资58.3亿元;工业增加值同比增长7.9%;实际使用外资0.82亿美元;新建标准厂房9.4万平方米。",
            Some("2025-01-15"),
        );
        assert_eq!(xs.len(), 4, "{xs:?}");
        assert_eq!(get(&xs, "工业增加值", 7.9).unit, "%");
        assert_eq!(get(&xs, "实际使用外资", 0.82).unit, "亿美元");
        assert_eq!(get(&xs, "新建标准厂房", 9.4).unit, "万平方米");
        assert!(xs.iter().all(|a| a.year == Some(2024)), "{xs:?}");
    }

    #[test]
    fn counts_of_checks_and_visits_are_results_but_trips_are_not() {
        let xs = found(
            "2024年,园区共开展消防检查530余次,走访企业2100余家次,组织防汛演练14场次。",
            Some("2025-01-15"),
        );
        assert_eq!(get(&xs, "开展消防检查", 530.0).unit, "次");
        assert_eq!(get(&xs, "走访企业", 2100.0).unit, "家次");
        assert_eq!(get(&xs, "防汛演练", 14.0).unit, "场次");
        assert!(found("2024年,园区外出招商12批次。", Some("2025-01-15")).is_empty());
    }

    #[test]
    fn urban_and_rural_figures_given_respectively_are_two_results() {
        let xs = found(
            "2024年,城乡居民人均可支配收入分别达到38650元和19420元。",
            Some("2025-01-15"),
        );
        assert_eq!(xs.len(), 2, "{xs:?}");
        assert_eq!(get(&xs, "城镇居民人均可支配收入", 38650.0).unit, "元");
        assert_eq!(get(&xs, "农村居民人均可支配收入", 19420.0).unit, "元");
        // values that cannot be paired with names give nothing rather than a clause
        let xs = found("2024年,两项收入分别增长5.1%和6.6%。", Some("2025-01-15"));
        assert!(xs.iter().all(|a| !a.indicator.contains("分别")), "{xs:?}");
    }

    #[test]
    fn funds_won_under_a_review_heading_are_results() {
        let xs = found(
            "一、2024年工作回顾\n争取上级专项资金3600万元,新增市场主体920户。\n二、2025年工作安排\n争取上级专项资金4000万元。",
            Some("2025-01-15"),
        );
        assert_eq!(get(&xs, "上级专项资金", 3600.0).year, Some(2024));
        get(&xs, "新增市场主体", 920.0);
        assert!(xs.iter().all(|a| a.value != 4000.0), "{xs:?}");
    }

    #[test]
    fn the_verb_between_subject_and_figure_is_no_part_of_the_indicator() {
        let xs = found(
            "2024年,园区光伏产业实现产值41.2亿元,同比增长18%。",
            Some("2025-01-15"),
        );
        assert_eq!(get(&xs, "光伏产业产值", 41.2).unit, "亿元");
    }

    #[test]
    fn a_full_stop_typed_as_a_point_ends_the_clause() {
        let xs = found(
            "2024年,新增科技型企业31家;累计引进各类人才0.8万人.项目建设方面,新开工项目7个。",
            Some("2025-01-15"),
        );
        assert_eq!(get(&xs, "引进各类人才", 0.8).unit, "万人");
    }

    #[test]
    fn attendance_dates_ordinals_and_phones_are_not_results() {
        assert!(found("共200余人参加会议。参会人员达300多人。", Some("2024-02-01")).is_empty());
        assert!(found(
            "3月5日,园区位居全省第2名,咨询电话0571-88886666。",
            Some("2024-02-01")
        )
        .is_empty());
        assert!(found("用两个月招引一个项目。", Some("2024-02-01")).is_empty());
    }

    #[test]
    fn targets_are_not_results() {
        assert!(found(
            "力争全年地区生产总值增长7%,引进项目20个以上。",
            Some("2024-02-01")
        )
        .is_empty());
    }

    #[test]
    fn last_year_counts_back_from_the_document_year() {
        let xs = found("去年,园区工业总产值达到320亿元。", Some("2024-03-01"));
        assert_eq!(get(&xs, "工业总产值", 320.0).year, Some(2023));
    }

    #[test]
    fn reads_shares_and_falling_rates() {
        let xs = found(
            "2023年,高新技术产业产值占规上工业产值比重达到62.5%,单位工业增加值能耗同比下降4.2%。",
            Some("2024-03-01"),
        );
        assert_eq!(get(&xs, "比重", 62.5).unit, "%");
        // a fall that is the whole figure is the figure, signed
        let e = get(&xs, "单位工业增加值能耗", -4.2);
        assert_eq!((e.unit.as_str(), e.change.as_ref()), ("%", None));
    }

    #[test]
    fn a_change_of_a_count_since_last_year_is_the_counts_change() {
        let xs = found(
            "年末全区规模以上工业企业412家,比上年末净增37家;常住人口19.4万人,比上年末增加0.52万人。全区GDP由96.5亿元增加到131.2亿元,年均增长6.3%。",
            Some("2031-03-01"),
        );
        assert_eq!(xs.len(), 3, "{xs:?}");
        let firms = get(&xs, "规模以上工业企业", 412.0);
        assert_eq!(
            firms.change,
            Some(Change {
                value: 37.0,
                unit: "家".into()
            })
        );
        let people = get(&xs, "常住人口", 19.4);
        assert_eq!(
            people.change,
            Some(Change {
                value: 0.52,
                unit: "万人".into()
            })
        );
        let gdp = get(&xs, "GDP", 131.2);
        assert_eq!(
            gdp.change,
            Some(Change {
                value: 6.3,
                unit: "%".into()
            })
        );
    }

    #[test]
    fn placeholders_yield_nothing_and_a_share_of_the_target_is_a_share() {
        assert!(found(
            "2022年,园区实现规上工业总产值X亿元,增长X。",
            Some("2023-01-10")
        )
        .is_empty());
        let xs = found("2023年,全区完成年度目标任务的108%。", Some("2024-01-10"));
        assert_eq!(xs.len(), 1, "{xs:?}");
        assert_eq!(get(&xs, "完成年度目标任务", 108.0).year, Some(2023));
    }

    #[test]
    fn a_summary_speaks_of_the_summarized_year() {
        let r = run(
            &Achievements,
            "过去一年,全区新增规上工业企业23家。",
            None,
            Some("某某区2023年度高质量发展总结会议召开"),
        );
        assert_eq!(
            get(&r.achievements, "新增规上工业企业", 23.0).year,
            Some(2023)
        );
    }

    #[test]
    fn pairs_respectively_lists_of_results() {
        let xs = found(
            "2023年,工业投资、技改投资分别增长12.5%、20.3%。",
            Some("2024-02-01"),
        );
        assert_eq!(xs.len(), 2, "{xs:?}");
        get(&xs, "工业投资", 12.5);
        get(&xs, "技改投资", 20.3);
    }

    #[test]
    fn carries_the_subject_to_a_value_in_the_next_clause() {
        let xs = found(
            "2023年,园区营业收入实现“翻番”,达到56.7亿元。",
            Some("2024-02-01"),
        );
        assert_eq!(xs.len(), 1, "{xs:?}");
        assert_eq!(xs[0].indicator, "营业收入");
    }

    #[test]
    fn a_result_heading_sets_the_tense_of_its_section() {
        let r = run(
            &Achievements,
            "一、2023年工作回顾\n园区工业总产值180亿元,增长9.5%。",
            Some("2024-01-20"),
            None,
        );
        let a = get(&r.achievements, "工业总产值", 180.0);
        assert_eq!(a.year, Some(2023));
        assert_eq!(
            a.change,
            Some(Change {
                value: 9.5,
                unit: "%".into()
            })
        );
    }

    #[test]
    fn cuts_a_long_preamble_off_the_indicator() {
        let xs = found(
            "2023年,在各方共同努力下全区上下齐心协力实现规上工业总产值210亿元。",
            Some("2024-01-20"),
        );
        assert_eq!(
            get(&xs, "规上工业总产值", 210.0).indicator,
            "规上工业总产值"
        );
    }

    #[test]
    fn margins_over_others_are_no_results() {
        let xs = found(
            "2023年,规上工业增加值同比增长9.6%,高于全市平均水平2.1个百分点;市场主体较年初增加1200户。",
            Some("2024-01-20"),
        );
        assert_eq!(xs.len(), 2, "{xs:?}");
        get(&xs, "规上工业增加值", 9.6);
        assert_eq!(get(&xs, "市场主体", 1200.0).unit, "户");
    }

    #[test]
    fn a_share_keeps_its_value_and_takes_the_change_in_points() {
        for verb in ["提高", "增长", "提升"] {
            let text = format!(
                "2023年,园区数字经济核心产业营收占营业总收入比重达到41.5%,同比{verb}1.7个百分点。"
            );
            let xs = found(&text, Some("2024-02-10"));
            assert_eq!(xs.len(), 1, "{xs:?}");
            let a = get(&xs, "数字经济核心产业营收占营业总收入比重", 41.5);
            assert_eq!(a.unit, "%");
            assert_eq!(
                a.change,
                Some(Change {
                    value: 1.7,
                    unit: "个百分点".into()
                })
            );
        }
    }

    #[test]
    fn a_rate_compared_with_an_earlier_period_is_no_result_of_its_own() {
        let xs = found(
            "前三季度,园区工业产值同比增长6.1%,增速较上半年提高0.9个百分点。",
            Some("2024-10-25"),
        );
        assert!(xs.iter().all(|a| a.value != 0.9), "{xs:?}");
        get(&xs, "工业产值", 6.1);
        // a rate's own growth in percent is no change of the rate before it
        let xs = found(
            "2023年,园区研发投入强度达到3.2%,科技型企业增长12%。",
            Some("2024-02-10"),
        );
        assert_eq!(get(&xs, "研发投入强度", 3.2).change, None);
    }

    #[test]
    fn a_quarter_over_at_publication_reports_results() {
        let text = "一季度,园区18个重点项目完成投资9.6亿元,占年度计划的24.1%;新开工项目7个。";
        let report = run(&Achievements, text, Some("2024-04-12"), None);
        let xs = report.achievements;
        assert_eq!(get(&xs, "投资", 9.6).year, Some(2024));
        get(&xs, "新开工项目", 7.0);
        let report = run(
            &crate::extract::goals::Goals,
            text,
            Some("2024-04-12"),
            None,
        );
        assert!(report.goals.is_empty(), "{:?}", report.goals);
    }

    #[test]
    fn figures_of_an_event_held_are_results() {
        let xs = found(
            "5月9日,某某高新区2025年招商签约大会举行,共有15个项目现场签约,总投资73亿元。此次签约项目中,投资超5亿元项目4个,将为园区发展注入动能。",
            Some("2025-05-10"),
        );
        assert_eq!(get(&xs, "签约项目", 15.0).unit, "个");
        assert_eq!(get(&xs, "总投资", 73.0).year, Some(2025));
        get(&xs, "投资超5亿元项目", 4.0);
        assert_eq!(xs.len(), 3, "{xs:?}");
    }

    #[test]
    fn a_plan_cue_before_an_event_figure_keeps_it_a_target() {
        let xs = found(
            "此次签约活动后,力争年内新签约项目不少于30个。",
            Some("2025-05-10"),
        );
        assert!(xs.is_empty(), "{xs:?}");
    }

    #[test]
    fn one_projects_investment_is_no_result() {
        let xs = found(
            "本次现场开工的某某精密轴承项目总投资12亿元。此次集中开工项目9个,总投资40亿元。",
            Some("2025-03-10"),
        );
        assert!(xs.iter().all(|a| a.value != 12.0), "{xs:?}");
        get(&xs, "总投资", 40.0);
    }

    #[test]
    fn a_figure_a_title_repeats_is_read_once() {
        let r = run(
            &Achievements,
            "某某园区赴外地举办招商推介会 现场签约项目9个\n推介会现场,共签约项目9个。",
            Some("2025-05-10"),
            None,
        );
        let xs = &r.achievements;
        assert_eq!(xs.len(), 1, "{xs:?}");
        assert_eq!(xs[0].indicator, "签约项目");
    }

    #[test]
    fn a_share_of_the_plan_is_a_result_of_its_subject() {
        let xs = found(
            "一季度,某某园区重点项目完成投资18.2亿元,占年度计划的27.5%;技改投资完成全年目标任务的31%。",
            Some("2031-04-12"),
        );
        get(&xs, "投资", 18.2);
        let share = get(&xs, "投资占年度计划", 27.5);
        assert_eq!((share.year, share.unit.as_str()), (Some(2031), "%"));
        get(&xs, "技改投资完成全年目标任务", 31.0);
    }

    #[test]
    fn a_comparison_of_rates_is_no_result() {
        let xs = found(
            "1-8月,园区工业总产值增长8.8%,增速较上半年加快0.9个百分点,比全市高2.1个百分点;\
             高新技术产业产值比重较上年提高1.6个百分点。",
            Some("2031-09-20"),
        );
        assert!(
            xs.iter().all(|a| a.value != 0.9 && a.value != 2.1),
            "{xs:?}"
        );
        get(&xs, "工业总产值", 8.8);
        get(&xs, "比重", 1.6);
    }

    #[test]
    fn a_bare_total_is_the_total_of_what_was_added() {
        let xs = found(
            "2030年,园区新增国家高新技术企业26家,总数达到187家;综合排名较上年前移9位。",
            Some("2031-01-20"),
        );
        assert_eq!(get(&xs, "国家高新技术企业总数", 187.0).year, Some(2030));
        assert!(xs.iter().all(|a| a.unit != "位"), "{xs:?}");
    }

    #[test]
    fn a_group_of_industries_and_shares_of_the_whole_area() {
        let xs = found(
            "2030年,园区甲、乙、丙三大主导产业合计完成产值406.2亿元;甲、乙两大产业产值分别增长8.8%、5.1%。税收收入完成9.3亿元,占全区税收总额的37.5%。",
            Some("2031-01-20"),
        );
        get(&xs, "三大主导产业产值", 406.2);
        assert_eq!(get(&xs, "乙", 5.1).indicator, "乙产值");
        get(&xs, "税收收入占全区税收总额", 37.5);
    }

    #[test]
    fn an_estimate_of_the_year_late_in_it_is_a_result() {
        let xs = found(
            "会议指出,预计全年实现地区生产总值412.5亿元,同比增长6.1%;规上工业总产值首次突破600亿元,达到611.2亿元。明年,地区生产总值预计增长6%左右。",
            Some("2031-12-20"),
        );
        assert_eq!(get(&xs, "地区生产总值", 412.5).year, Some(2031));
        get(&xs, "规上工业总产值", 611.2);
        assert!(xs.iter().all(|a| a.value != 6.0), "{xs:?}");
        // the same words early in the year plan it
        let xs = found("预计全年实现地区生产总值412.5亿元。", Some("2031-03-20"));
        assert!(xs.is_empty(), "{xs:?}");
    }

    #[test]
    fn milestones_start_levels_and_bare_rates() {
        let xs = found(
            "2030年,园区进出口总额412.6亿元,同比增长9.1%,总量首次突破400亿元;规上工业总产值首次突破300亿元大关,达到318.2亿元。高企数量从2026年的96家增长到214家。规上工业总产值增长较快,增速达到11.4%。截至12月底已完成投资51.3亿元。",
            Some("2031-01-20"),
        );
        assert!(
            xs.iter().all(|a| a.value != 400.0 && a.value != 300.0),
            "{xs:?}"
        );
        assert_eq!(get(&xs, "规上工业总产值", 318.2).year, Some(2030));
        assert_eq!(get(&xs, "高企数量", 214.0).year, Some(2030));
        get(&xs, "规上工业总产值增速", 11.4);
        assert!(
            !get(&xs, "投资", 51.3).indicator.starts_with("截至"),
            "{xs:?}"
        );
    }

    #[test]
    fn changes_in_brackets_after_blanks_and_in_counts() {
        let xs = found(
            "2030年,园区规上工业总产值完成286.4亿元(同比增长9.7%);技术合同成交额18.6亿元,同比增长 22.4 %;实际使用外资1.08亿美元,同比上涨6.5%;纺织产业产值下滑4.3%;新开工项目41个,比上年同期多7个。",
            Some("2031-01-20"),
        );
        let change = |ind: &str, v: f64| get(&xs, ind, v).change.clone().map(|c| c.value);
        assert_eq!(change("规上工业总产值", 286.4), Some(9.7));
        assert_eq!(change("技术合同成交额", 18.6), Some(22.4));
        assert_eq!(change("实际使用外资", 1.08), Some(6.5));
        get(&xs, "纺织产业产值", -4.3);
        assert_eq!(change("新开工项目", 41.0), Some(7.0));
        assert_eq!(xs.len(), 5, "{xs:?}");
    }

    #[test]
    fn labelled_lines_name_their_figures_and_companies_figures_are_theirs() {
        let xs = found(
            "■ 规上工业总产值:86.35亿元,同比增长12.3%\n2030年,区内龙头企业某某光电股份有限公司实现营业收入96.2亿元。",
            Some("2031-01-20"),
        );
        assert_eq!(xs.len(), 1, "{xs:?}");
        assert_eq!(
            get(&xs, "规上工业总产值", 86.35).indicator,
            "规上工业总产值"
        );
    }

    #[test]
    fn a_labelled_paragraph_names_its_figures_and_a_later_target_stays_its_own() {
        let r = run(
            &Achievements,
            "1.工业用电量。前三季度累计4.86亿千瓦时,同比上涨9.1%。\n入库税收4.93亿元(同比增长3.6%),全年目标为6.8亿元。",
            Some("2031-10-20"),
            None,
        );
        let xs = &r.achievements;
        assert_eq!(get(xs, "工业用电量", 4.86).unit, "亿千瓦时");
        get(xs, "入库税收", 4.93);
        assert!(xs.iter().all(|a| a.value != 6.8), "{xs:?}");
    }

    #[test]
    fn a_net_change_a_named_project_and_a_point_after_a_percent() {
        let xs = found(
            "2030年,园区高新技术企业总数达到568家,净增63家;履约率达到47.8%.今年以来,签约项目12个。其中,某某半导体封测基地项目总投资42亿元。",
            Some("2031-01-20"),
        );
        let firms = get(&xs, "高新技术企业总数", 568.0);
        assert_eq!(firms.change.as_ref().map(|c| c.value), Some(63.0));
        assert_eq!(get(&xs, "履约率", 47.8).indicator, "履约率");
        assert!(xs.iter().all(|a| a.value != 42.0), "{xs:?}");
    }

    #[test]
    fn the_past_year_of_an_early_report_is_the_year_before() {
        let xs = found(
            "会议指出,过去一年,园区进出口总额达到412.8亿元。",
            Some("2031-02-20"),
        );
        assert_eq!(get(&xs, "进出口总额", 412.8).year, Some(2030));
    }

    #[test]
    fn a_paragraph_of_bare_figures_continues_the_reports_tense() {
        let xs = found(
            "1-8月,园区规上工业增加值增长9.1%。\n重点行业有增有降。机械制造业产值增长7.4%;纺织业产值下降2.6%。",
            Some("2031-09-20"),
        );
        assert_eq!(get(&xs, "机械制造业产值", 7.4).year, Some(2031));
        get(&xs, "纺织业产值", -2.6);
    }

    #[test]
    fn the_investment_of_one_project_is_no_result() {
        let xs = found(
            "2030年,园区新开工项目18个,总投资64亿元。作为首个落地的某某物流项目,计划总投资3.1亿元。该项目总建筑面积8.2万平方米,总投资2.7亿元。",
            Some("2031-01-20"),
        );
        get(&xs, "总投资", 64.0);
        assert!(
            xs.iter()
                .all(|a| a.value != 3.1 && a.value != 2.7 && a.value != 8.2),
            "{xs:?}"
        );
    }

    #[test]
    fn lists_given_respectively_split_at_the_fewest_marks_and_share_their_noun() {
        let xs = found(
            "2030年,家具及木制品、纺织和食品类分别下降4.1%、2.2%和1.3%。钢材,水泥,平板玻璃和铝材产量分别增长2.5倍、12.0%、8.1%和3.3%。",
            Some("2031-01-20"),
        );
        get(&xs, "家具及木制品", -4.1);
        get(&xs, "纺织", -2.2);
        assert_eq!(get(&xs, "钢材", 2.5).indicator, "钢材产量");
        assert_eq!(get(&xs, "水泥", 12.0).indicator, "水泥产量");
        get(&xs, "铝材产量", 3.3);
        let xs = found(
            "2030年,第一、二、三产业对经济增长的贡献率分别为3.1%、40.2%和56.7%。第一、二、三产业分别拉动经济增长0.2个、2.1个和2.9个百分点。",
            Some("2031-01-20"),
        );
        assert_eq!(xs.len(), 3, "{xs:?}");
        get(&xs, "第二产业对经济增长的贡献率", 40.2);
    }

    #[test]
    fn contributions_and_second_measures_of_a_change_are_no_results() {
        let xs = found(
            "2030年,全区规上工业总产值812.5亿元,同比增长3.1%,可比增长4.6%,拉动全市产值增长1.2个百分点。",
            Some("2031-01-20"),
        );
        assert_eq!(xs.len(), 1, "{xs:?}");
        let a = get(&xs, "规上工业总产值", 812.5);
        assert_eq!(a.change.as_ref().map(|c| c.value), Some(3.1));
    }

    #[test]
    fn a_rate_after_a_share_is_the_growth_of_what_is_shared() {
        let xs = found(
            "2030年,分区域看,东片产值全区占比58.2%,同比增长4.1%;某某高新区占比41.8%,同比下降2.3%。轻工业产值占比30.5%,同比增长6.6%。",
            Some("2031-01-20"),
        );
        get(&xs, "东片产值全区占比", 58.2);
        assert_eq!(get(&xs, "产值", 4.1).indicator, "东片产值");
        assert_eq!(get(&xs, "产值", -2.3).indicator, "东片产值");
        assert_eq!(get(&xs, "产值", 6.6).indicator, "轻工业产值");
    }

    #[test]
    fn bracketed_rates_minus_signs_and_head_counts() {
        let xs = found(
            "2030年,一季度开局平稳(GDP增长4.8%)。人口自然增长率为-2.1‰。全年肉牛出栏930头,活家禽出栏12.5万只。",
            Some("2031-01-20"),
        );
        assert_eq!(get(&xs, "GDP", 4.8).period.as_deref(), Some("一季度"));
        assert_eq!(get(&xs, "人口自然增长率", -2.1).unit, "‰");
        assert_eq!(get(&xs, "肉牛出栏", 930.0).unit, "头");
        assert_eq!(get(&xs, "活家禽出栏", 12.5).unit, "万只");
    }

    #[test]
    fn a_total_s_share_is_its_subject_s_and_a_heading_below_expectations_plans_nothing() {
        let xs = found(
            "三、消费市场低于预期\n2030年,完成新材料产业增加值同比增长8.5%,总量占全区规上工业增加值41.3%。社会消费品零售总额98.6亿元。",
            Some("2031-01-20"),
        );
        assert_eq!(
            get(&xs, "占全区规上工业增加值", 41.3).indicator,
            "新材料产业增加值占全区规上工业增加值"
        );
        get(&xs, "社会消费品零售总额", 98.6);
    }

    #[test]
    fn a_report_without_a_year_speaks_from_the_latest_national_meeting_it_names() {
        let xs = found(
            "今年以来,全区深入学习贯彻党的二十届三中全会精神。1-10月,规上工业增加值同比增长6.3%。",
            None,
        );
        assert_eq!(get(&xs, "规上工业增加值", 6.3).year, Some(2024));
    }

    #[test]
    fn an_estimate_under_a_review_of_the_plan_is_that_year_s_result() {
        let xs = found(
            "一、2030年计划执行情况\n预计地区生产总值增长5.5%,一般公共预算收入12.4亿元。\n二、2031年计划安排\n地区生产总值增长6%。",
            Some("2031-01-12"),
        );
        assert_eq!(get(&xs, "地区生产总值", 5.5).year, Some(2030));
        assert_eq!(get(&xs, "一般公共预算收入", 12.4).year, Some(2030));
        assert!(xs.iter().all(|a| a.value != 6.0), "{xs:?}");
    }
}
