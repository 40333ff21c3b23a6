use super::*;

#[test]
fn splits_clauses_at_commas_and_after_values_only() {
    let s = "力争一季度开工率超过90%、上半年达到100%,“甲、乙”产业增长5%";
    let qs = numbers::find_quantities(s);
    let parts: Vec<&str> = split_clauses(s, &qs).into_iter().map(|r| &s[r]).collect();
    assert_eq!(
        parts,
        vec![
            "力争一季度开工率超过90%",
            "上半年达到100%",
            "“甲、乙”产业增长5%"
        ]
    );
}

#[test]
fn finds_the_end_of_the_last_verb() {
    let by_rfind = |s: &str| {
        ["实现", "完成"]
            .iter()
            .filter_map(|v| s.rfind(v).map(|i| i + v.len()))
            .max()
    };
    let texts = [
        "",
        "实",
        "实现",
        "完成实现",
        "实现了完成",
        "某园区齐心协力实现地区生产总值",
        "宝贵的现金完整成果",
        "ab实现cd完成ef",
    ];
    for s in texts {
        assert_eq!(last_verb_end(s), by_rfind(s), "{s}");
    }
}

#[test]
fn strips_link_words_and_reads_their_kind() {
    let (rest, kinds, verb) = strip_links("工业总产值同比增长");
    assert_eq!(rest, "工业总产值");
    assert_eq!(kinds[0], Some(GoalKind::Growth));
    assert!(!verb);
    let (rest, _, verb) = strip_links("一般公共预算收入完成");
    assert_eq!(rest, "一般公共预算收入");
    assert!(verb);
}

#[test]
fn splits_paired_names() {
    assert_eq!(
        split_paired_name("城乡居民人均消费支出"),
        Some(vec![
            "城镇居民人均消费支出".to_string(),
            "农村居民人均消费支出".to_string()
        ])
    );
    assert_eq!(split_paired_name("城乡"), None);
    assert_eq!(split_paired_name("居民收入"), None);
}

#[test]
fn drops_an_inner_realize() {
    let f = |s: &str| without_inner_realize(s.to_string());
    assert_eq!(f("数字经济实现营收"), "数字经济营收");
    assert_eq!(f("实现营收"), "实现营收");
    assert_eq!(f("园区实现"), "园区实现");
    assert_eq!(f("民营企业完成进出口额"), "民营企业进出口额");
    assert_eq!(f("重点项目完成投资"), "重点项目完成投资");
}

#[test]
fn cuts_clauses_at_a_point_after_a_word_only() {
    let s = "引进人才0.6万人.新开工项目5个";
    let qs = numbers::find_quantities(s);
    let parts: Vec<&str> = split_clauses(s, &qs).into_iter().map(|r| &s[r]).collect();
    assert_eq!(parts, ["引进人才0.6万人", "新开工项目5个"]);
}

#[test]
fn splits_lists_outside_quotes() {
    assert_eq!(
        split_outside_quotes("甲、乙和丙", &["、", "和"]),
        vec!["甲", "乙", "丙"]
    );
    assert_eq!(
        split_outside_quotes("“甲、乙”丙", &["、"]),
        vec!["“甲、乙”丙"]
    );
}
