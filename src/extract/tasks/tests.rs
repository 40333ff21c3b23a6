//! Made-up reports: lists of work to do in their many spellings, and the lists of results,
//! facts and names that must yield no task.

use super::*;
use crate::model::{Official, Zone};
use crate::normalize::{Document, MappedText};

const ZONE: &str = "青石湾高新区";

fn run_with(text: &str, officials: &[&str], published: Option<&str>) -> Vec<Task> {
    let doc = Document {
        text: MappedText::identity(text.to_string()),
        published: published.map(String::from),
        ..Document::default()
    };
    let cx = Context::new(&doc);
    let mut report = Report {
        zones: vec![Zone {
            name: ZONE.to_string(),
            ..Zone::default()
        }],
        officials: officials
            .iter()
            .map(|n| Official {
                name: n.to_string(),
                ..Official::default()
            })
            .collect(),
        ..Report::default()
    };
    Tasks.extract(&cx, &mut report);
    report.tasks
}

fn run(text: &str) -> Vec<Task> {
    run_with(text, &[], Some("2025-02-10"))
}

fn texts(tasks: &[Task]) -> Vec<&str> {
    tasks.iter().map(|t| t.text.as_str()).collect()
}

#[test]
fn shi_items_separated_by_semicolons() {
    let tasks = run_with(
        "会上,党工委书记李明华指出,2025年要重点抓好以下方面:一是加快培育新兴产业;二是持续优化营商环境;三是抓实安全生产工作。",
        &["李明华"],
        None,
    );
    assert_eq!(
        texts(&tasks),
        ["加快培育新兴产业", "持续优化营商环境", "抓实安全生产工作"]
    );
    assert!(tasks.iter().all(|t| t.year == Some(2025)));
    assert!(tasks.iter().all(|t| t.by.as_deref() == Some("李明华")));
    assert!(tasks.iter().all(|t| t.zone.as_deref() == Some(ZONE)));
}

#[test]
fn shi_items_ending_in_full_stops_keep_their_whole_clause() {
    let tasks = run("会议强调,新的一年要奋力攻坚。一是深化改革创新,激发发展活力。二是强化项目支撑,推动投资增长。");
    assert_eq!(
        texts(&tasks),
        ["深化改革创新,激发发展活力", "强化项目支撑,推动投资增长"]
    );
}

#[test]
fn yao_items_take_the_sentence_before_the_body() {
    let tasks = run_with(
        "王建国提出三点要求。一要增强争先进位的“锐气”。紧盯先进地区,拿出更多实招。二要增强攻坚克难的“韧劲”。盯住重大项目不放松。三要增强真抓实干的“底气”。深入一线解决问题。",
        &["王建国"],
        Some("2025-03-01"),
    );
    assert_eq!(
        texts(&tasks),
        [
            "增强争先进位的“锐气”",
            "增强攻坚克难的“韧劲”",
            "增强真抓实干的“底气”"
        ]
    );
    assert_eq!(tasks[0].by.as_deref(), Some("王建国"));
    assert_eq!(tasks[0].year, Some(2025));
}

#[test]
fn parenthesized_items_opening_paragraphs() {
    let text = "下一步,我们将重点做好以下工作:\n(一)加快产业集聚。围绕主导产业延链补链。\n(二)提升创新能力。建设一批研发平台。\n(三)优化城市功能。完善园区配套。";
    assert_eq!(
        texts(&run(text)),
        ["加快产业集聚", "提升创新能力", "优化城市功能"]
    );
}

#[test]
fn di_items() {
    let text = "他强调:第一,要坚定发展信心;第二,要压实工作责任;第三,要严守安全底线。";
    assert_eq!(
        texts(&run(text)),
        ["坚定发展信心", "压实工作责任", "严守安全底线"]
    );
}

#[test]
fn arabic_items_under_a_plan_heading() {
    let text = "2026年重点任务如下:\n1.推进园区扩区调区。力争年内获批。\n2.完善基础设施配套。新建道路三条。\n3、加强人才引育。";
    let tasks = run(text);
    assert_eq!(
        texts(&tasks),
        ["推进园区扩区调区", "完善基础设施配套", "加强人才引育"]
    );
    assert!(tasks.iter().all(|t| t.year == Some(2026)));
}

#[test]
fn sequence_words_make_a_list_only_with_a_second_item() {
    let text = "他要求,首先,要提高政治站位;其次,要突出工作重点;最后,要强化督查考核。";
    assert_eq!(
        texts(&run(text)),
        ["提高政治站位", "突出工作重点", "强化督查考核"]
    );
    assert!(run("首先,会议播放了宣传片。然后,主任作报告。最后,与会人员合影。").is_empty());
}

#[test]
fn named_plan_items_written_as_paragraphs() {
    let text = "王建国要求,全区要聚力实施“五大行动”——\n实施产业强链行动。加快引进链主企业。\n实施招商突破行动。完善招商机制。\n实施城市更新行动。改造老旧小区。\n实施民生提质行动。办好民生实事。\n实施平安护航行动。守牢安全底线。\n会议还通报了有关情况。";
    let tasks = run_with(text, &["王建国"], Some("2025-02-01"));
    assert_eq!(
        texts(&tasks),
        [
            "实施产业强链行动",
            "实施招商突破行动",
            "实施城市更新行动",
            "实施民生提质行动",
            "实施平安护航行动"
        ]
    );
    assert!(tasks.iter().all(|t| t.by.as_deref() == Some("王建国")));
}

#[test]
fn named_plan_items_as_heading_lines_with_bodies() {
    let text = "今年园区将打好“三大攻坚战”:\n打好产业升级攻坚战\n推动传统产业智能化改造,培育新兴产业集群,壮大数字经济规模。\n打好项目建设攻坚战\n坚持项目为王,全力推动在建项目早竣工早投产早见效。\n打好生态环保攻坚战\n持续改善空气质量和水环境质量,推进园区绿色低碳转型。";
    assert_eq!(
        texts(&run(text)),
        [
            "打好产业升级攻坚战",
            "打好项目建设攻坚战",
            "打好生态环保攻坚战"
        ]
    );
}

#[test]
fn results_sections_yield_nothing() {
    let text = "一年来,园区上下苦干实干,取得了显著成效。\n(一)经济运行迎来新气象。2024年,园区实现营业收入增长12%。\n(二)项目建设跑出新速度。全年完成投资50亿元。\n(三)招商引资取得新成果。签约项目20个。";
    assert!(run(text).is_empty());
}

#[test]
fn past_narratives_with_done_marks_yield_nothing() {
    let text = "2024年,园区主要做了以下工作:一是开展了营商环境提升活动,走访企业120家;二是引进项目35个,总投资80亿元;三是完成了园区主干道改造。";
    assert!(run(text).is_empty());
}

#[test]
fn past_summaries_stated_as_states_yield_nothing() {
    let text = "过去一年,园区发展呈现以下特点:一是产业结构持续优化;二是创新能力显著增强;三是营商环境明显改善。";
    assert!(run(text).is_empty());
}

#[test]
fn definitions_and_counted_phrases_are_not_tasks() {
    let text = "着力构建“一三五”工作体系,即:一个目标定位是建设创新高地;三大中心任务是产业提级、城市提质、民生提档。";
    assert!(run(text).is_empty());
}

#[test]
fn lists_of_names_are_not_tasks() {
    let text = "会议表彰了以下先进集体:\n1.青石湾建设公司\n2.青石湾科技局\n3.青石湾街道办事处";
    assert!(run(text).is_empty());
}

#[test]
fn lists_of_news_links_are_not_tasks() {
    let text = "相关新闻:\n1.青石湾高新区召开经济工作会议\n2.青石湾高新区举办招商推介会\n3.青石湾高新区开展消防演练";
    assert!(run(text).is_empty());
}

#[test]
fn by_follows_the_pronoun_back_to_the_last_named_official() {
    let text = "会议由王建国主持。管委会主任李明华作工作报告。他指出,过去一年成绩来之不易。他强调,新的一年要做好以下方面:一是壮大主导产业;二是深化开放合作。";
    let tasks = run_with(text, &["王建国", "李明华"], Some("2025-01-20"));
    assert_eq!(tasks.len(), 2);
    assert!(tasks.iter().all(|t| t.by.as_deref() == Some("李明华")));
}

#[test]
fn each_list_takes_the_official_of_its_own_paragraph() {
    let text = "赵子龙代表集团作报告,他表示,将重点抓好:一是做强主营业务;二是健全内控制度。\n随后,孙海涛部署全年工作。他要求,一是抓好招商引资;二是抓好项目建设。";
    let tasks = run_with(text, &["赵子龙", "孙海涛"], Some("2025-01-20"));
    let by: Vec<_> = tasks.iter().map(|t| t.by.as_deref().unwrap()).collect();
    assert_eq!(by, ["赵子龙", "赵子龙", "孙海涛", "孙海涛"]);
}

#[test]
fn this_year_is_the_publication_year() {
    let text = "今年要重点做好以下工作:一是扩大有效投资;二是提振消费信心。";
    let tasks = run_with(text, &[], Some("2024-03-01"));
    assert!(tasks.iter().all(|t| t.year == Some(2024)));
    assert_eq!(tasks.len(), 2);
}

#[test]
fn next_year_in_a_late_report_is_the_year_after() {
    let text = "明年要重点做好以下工作:一是扩大有效投资;二是提振消费信心。";
    let tasks = run_with(text, &[], Some("2024-12-20"));
    assert!(tasks.iter().all(|t| t.year == Some(2025)));
}

#[test]
fn a_year_end_summary_plans_for_the_next_year() {
    let text = "青石湾高新区2024年度工作总结大会召开。\n会议要求,全区要做好以下工作:一是抓好重大项目;二是抓好科技创新。";
    let tasks = run_with(text, &[], Some("2024-12-28"));
    assert_eq!(tasks.len(), 2);
    assert!(tasks.iter().all(|t| t.year == Some(2025)));
}

#[test]
fn nested_lists_of_a_forward_section_all_count() {
    let text = "2025年,我们将着力做好以下工作:\n(一)坚持党建引领,筑牢发展根基。一是加强班子建设;二是锤炼干部作风。\n(二)坚持创新驱动,增强发展动能。一是培育科技企业;二是建设创新平台。";
    assert_eq!(
        texts(&run(text)),
        [
            "坚持党建引领,筑牢发展根基",
            "加强班子建设",
            "锤炼干部作风",
            "坚持创新驱动,增强发展动能",
            "培育科技企业",
            "建设创新平台"
        ]
    );
}

#[test]
fn sections_split_review_from_plan() {
    let text = "一、2024年工作回顾\n一年来,园区取得了较好成绩。\n(一)产业发展迈上新台阶。产值增长10%。\n(二)改革创新释放新活力。完成改革任务。\n二、2025年工作安排\n(一)加快产业转型。推动企业技改。\n(二)强化要素保障。盘活闲置土地。";
    assert_eq!(texts(&run(text)), ["加快产业转型", "强化要素保障"]);
}

#[test]
fn evidence_is_the_sentence_of_the_item() {
    let text = "会议强调,要做好以下工作。一是加快培育新兴产业。二是持续优化营商环境。";
    let tasks = run(text);
    let ev = tasks[1].evidence.as_ref().unwrap();
    assert_eq!(ev.sentence, "二是持续优化营商环境。");
}

#[test]
fn a_lone_ordinal_is_no_list() {
    assert!(run("他强调,一是要坚定信心,奋力攻坚。").is_empty());
}

#[test]
fn comma_separated_items_end_at_the_next_ordinal() {
    let text = "他要求,一是抓项目,二是抓招商,三是抓服务。";
    assert_eq!(texts(&run(text)), ["抓项目", "抓招商", "抓服务"]);
}

#[test]
fn circled_and_parenthesized_arabic_items() {
    let text = "下步将重点推进:①建设智慧园区平台;②完善企业服务体系。";
    assert_eq!(texts(&run(text)), ["建设智慧园区平台", "完善企业服务体系"]);
    let text = "会议部署了近期工作:(1)抓紧谋划储备项目;(2)加快盘活存量土地。";
    assert_eq!(texts(&run(text)), ["抓紧谋划储备项目", "加快盘活存量土地"]);
}

#[test]
fn work_verbs_over_figures_reached_tell_of_the_past() {
    let text = "今年以来,园区聚焦主责主业。一是强化招商引资。全年签约项目35个,总投资80亿元。二是加快项目建设。新开工项目12个。三是优化企业服务。走访企业300余家。";
    assert!(run(text).is_empty());
}

#[test]
fn document_part_headings_are_no_tasks() {
    let text = "现将有关工作安排如下:\n(一)主要目标\n园区营收力争增长10%。\n(二)重点任务\n推进扩区调区。\n(三)保障措施\n强化组织领导。";
    assert!(run(text).is_empty());
}

#[test]
fn items_naming_who_must_act_are_work() {
    let text = "会议指出:一是各部门要压实工作责任;二是各单位必须严守纪律规矩。";
    assert_eq!(
        texts(&run(text)),
        ["各部门要压实工作责任", "各单位必须严守纪律规矩"]
    );
}

#[test]
fn lists_of_problems_are_not_tasks() {
    let text =
        "当前园区发展还存在一些不足:一是产业结构不够优;二是创新能力还不强;三是要素保障偏紧。";
    assert!(run(text).is_empty());
}

#[test]
fn digit_precheck_never_hides_a_figure() {
    for s in [
        "全年签约项目35个",
        "完成投资１２亿元",
        "增长٣%",
        "新增企业十家",
        "推进改革",
        "",
        "a1b",
        "①项目",
    ] {
        if FIGURE.is_match(s) {
            assert!(may_hold_digit(s), "{s}");
        }
    }
    assert!(!may_hold_digit("推进改革,做强产业"));
}

#[test]
fn section_heading_reader_agrees_with_the_pattern() {
    let re = Regex::new(r"^\s*[一二三四五六七八九十]{1,3}[、.．]").unwrap();
    let pieces = [
        " ", "\u{3000}", "一", "十", "三", "、", ".", "．", "甲", ",",
    ];
    for s in crate::extract::strings_of(&pieces, 5) {
        assert_eq!(is_section_heading(&s), re.is_match(&s), "{s:?}");
    }
}

#[test]
fn items_that_only_state_targets_are_no_tasks() {
    let ts = run("二、2025年主要目标\n(1)营业收入增长9%以上;\n(2)规上工业产值达到210亿元,力争到2027年达到300亿元;\n(3)高新技术企业净增25家,其中科技型中小企业占比不低于60%。\n三、2025年重点任务\n(1)实施招商引资攻坚行动,全年开展招商活动不少于20场;\n(2)推进园区数字化改造;\n(3)深化营商环境改革。");
    let got = texts(&ts);
    assert!(got.iter().all(|t| !t.contains("营业收入")), "{got:?}");
    assert!(got.iter().all(|t| !t.contains("高新技术企业")), "{got:?}");
    assert!(
        got.iter().any(|t| t.contains("实施招商引资攻坚行动")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|t| t.contains("推进园区数字化改造")),
        "{got:?}"
    );
}

#[test]
fn states_targets_reads_every_clause() {
    assert!(states_targets("地区生产总值增长7%以上"));
    assert!(states_targets(
        "固定资产投资增长8%,其中工业投资占比不低于50%"
    ));
    assert!(states_targets("产值达到90亿元,力争到2027年翻一番"));
    assert!(!states_targets("全力做好防汛准备,完成清淤不少于30公里"));
    assert!(!states_targets("新建基站200个,推动千兆网络全覆盖"));
    assert!(!states_targets("推进园区数字化改造"));
}

#[test]
fn parallel_clauses_opening_with_yao_are_items() {
    let tasks = run_with(
        "市长赵岩强调,当前已进入冲刺阶段,要聚焦全年目标不放松;要紧盯重大项目抓推进,力争年内再开工项目5个;要持续优化营商环境,做到有求必应。",
        &["赵岩"],
        Some("2025-10-10"),
    );
    assert_eq!(
        texts(&tasks),
        [
            "聚焦全年目标不放松",
            "紧盯重大项目抓推进,力争年内再开工项目5个",
            "持续优化营商环境,做到有求必应"
        ]
    );
    assert!(tasks.iter().all(|t| t.by.as_deref() == Some("赵岩")));
}

#[test]
fn bulleted_items_in_one_paragraph() {
    let text = "会议对2031年园区工作进行全面部署,号召全体干部立即行动起来。★ 要强化链主招引,壮大园区经济;★ 要强化数字赋能,推进企业技改。";
    let tasks = run_with(text, &[], None);
    assert_eq!(
        texts(&tasks),
        ["强化链主招引,壮大园区经济", "强化数字赋能,推进企业技改"]
    );
    assert!(tasks.iter().all(|t| t.year == Some(2031)));
}

#[test]
fn aspects_a_sentence_counts_out() {
    let text = "会上,管委会办公室从压实属地责任,开展隐患大排查,强化重点行业监管等三个方面,对下一步工作进行了部署。";
    assert_eq!(
        texts(&run(text)),
        ["压实属地责任", "开展隐患大排查", "强化重点行业监管"]
    );
    let text = "赵新民从坚定理想之志,从严从实抓党建;锤炼担当之勇,攻坚克难抓项目;涵养清廉之风,一心一意抓落实三个方面作了表态发言。";
    let tasks = run_with(text, &["赵新民"], Some("2031-05-01"));
    assert_eq!(tasks.len(), 3);
    assert_eq!(tasks[1].text, "锤炼担当之勇,攻坚克难抓项目");
    assert_eq!(tasks[0].by.as_deref(), Some("赵新民"));
    // a count the split does not give is no list
    assert!(run("会上从甲乙两项、丙丁戊等四个方面作了说明。").is_empty());
}

#[test]
fn a_lone_first_item_an_introduction_announces() {
    let text = "新的一年,我们将着重抓好以下五个方面的工作。\n(一)狠抓产业升级,全面夯实发展根基。坚持工业强区不动摇。\n加快技改扩能。推动企业上云。";
    assert_eq!(texts(&run(text)), ["狠抓产业升级,全面夯实发展根基"]);
    // a lone item in a look back is none
    let text =
        "一年来,重点开展了以下工作:\n(一)坚持项目为王,投资持续增长。\n全年新开工项目三十个。";
    assert!(run(text).is_empty());
}

#[test]
fn a_lone_first_item_on_a_page_cut_off() {
    let text = "会上,孙立平要求,一要扛起发展责任,打造园区升级版。要进一步找准定位,正视";
    let tasks = run_with(text, &["孙立平"], Some("2031-03-01"));
    assert_eq!(texts(&tasks), ["扛起发展责任,打造园区升级版"]);
    assert_eq!(tasks[0].by.as_deref(), Some("孙立平"));
}

#[test]
fn clauses_one_yao_governs() {
    let text = "他强调,全区上下要坚定信心,咬定目标不放松;拉高标杆,激发比学赶超的干劲;压实责任,提升抓落实的实效。";
    assert_eq!(
        texts(&run(text)),
        [
            "坚定信心,咬定目标不放松",
            "拉高标杆,激发比学赶超的干劲",
            "压实责任,提升抓落实的实效"
        ]
    );
    // clauses not written alike are no list
    assert!(
        run("他强调,全区上下要坚定信心;经济运行总体平稳,稳中有进;全年完成投资三十亿元。")
            .is_empty()
    );
}

#[test]
fn yao_clauses_joined_by_commas() {
    let text = "他强调,要在巩固成绩的同时保持清醒,要再接再厉、苦干实干,要保持领先位次不动摇。";
    assert_eq!(
        texts(&run(text)),
        [
            "在巩固成绩的同时保持清醒",
            "再接再厉、苦干实干",
            "保持领先位次不动摇"
        ]
    );
    // two, after a word of speech, with the subject of the first dropped
    let text = "钱文斌强调,各责任部门要把思想统一到工作部署上来,要将服务企业作为重中之重,扎实推进项目建设。";
    assert_eq!(
        texts(&run(text)),
        [
            "把思想统一到工作部署上来",
            "将服务企业作为重中之重,扎实推进项目建设"
        ]
    );
    // separate sentences are no list
    assert!(run("他强调,要把思想统一到部署上来。要将服务企业作为重中之重。").is_empty());
}

#[test]
fn clauses_opening_with_one_directive_word() {
    let text = "全力做好复工前各项准备,进一步强化跟踪服务,进一步加快项目推进,进一步优化营商环境……会上再次强调了项目的重要性。";
    let tasks = run_with(text, &[], None);
    assert_eq!(
        texts(&tasks),
        [
            "全力做好复工前各项准备",
            "进一步强化跟踪服务",
            "进一步加快项目推进",
            "进一步优化营商环境"
        ]
    );
}

#[test]
fn clauses_inside_an_item_are_no_tasks_of_their_own() {
    let text = "会议要求,一是要吃透会议精神,科学谋划工作。二是紧盯目标任务,加快项目建设。要分析指标,主动对接;要化解瓶颈,强推项目;要深入一线,提升作风。三是要抓好党的建设。";
    assert_eq!(
        texts(&run(text)),
        [
            "吃透会议精神,科学谋划工作",
            "紧盯目标任务,加快项目建设",
            "抓好党的建设"
        ]
    );
}

#[test]
fn bulletin_parts_are_no_tasks() {
    let text = "2030年,全区经济稳中有进。\n一、综合\n全区生产总值增长5%。\n二、农业\n粮食产量稳定。\n三、工业和建筑业\n工业增加值增长6%。";
    assert!(run(text).is_empty());
}

#[test]
fn the_year_of_a_national_session_or_a_campaign() {
    let text = "近日,园区传达学习了十五届全国人大一次会议精神。会议要求,一是要吃透会议精神;二是要加快项目建设。";
    let tasks = run_with(text, &[], None);
    assert_eq!(tasks.len(), 2);
    assert!(tasks.iter().all(|t| t.year == Some(2028)));
    let text = "隐患整治2029专项行动进入攻坚阶段。会议要求,一是要压实责任;二是要强化执法检查。";
    assert!(run_with(text, &[], None)
        .iter()
        .all(|t| t.year == Some(2029)));
}

#[test]
fn a_heading_of_an_earlier_year_looks_back() {
    let text = "一、2030年工作情况\n全年主要指标稳中有进,重点抓了以下工作:\n(一)坚持项目为王,投资较快增长。新开工项目三十个。\n(二)深化改革创新,发展活力迸发。\n二、2031年工作安排\n(一)加快产业升级。推动企业技改。\n(二)强化要素保障。盘活闲置土地。";
    let tasks = run_with(text, &[], Some("2031-01-20"));
    assert_eq!(texts(&tasks), ["加快产业升级", "强化要素保障"]);
}
