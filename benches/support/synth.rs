//! Synthetic reports: a deterministic generator of varied, made-up development-zone
//! reports for benchmarks and tests.
//!
//! Real reports cannot ship with the crate, and benchmarks need many of them. The
//! generator mixes the shapes real reports take — meeting reports, year-end summaries
//! with results, goal lists, enumerated tasks, interviews — around invented zones and
//! people, with optional web boilerplate. The same `(n, seed)` always gives the same
//! corpus, so timings and test failures can be reproduced.
//!
//! Dev-only: not part of the library. Benches, tests and the `synth-corpus` example
//! include this file with `#[path = "…/support/synth.rs"] mod synth;`.
//!
//! ```text
//! let reports = synth::corpus(4, 7);
//! assert_eq!(reports.len(), 4);
//! assert!(reports.iter().all(|r| (2048..=8192).contains(&r.text.len())));
//! assert_eq!(reports, synth::corpus(4, 7)); // deterministic
//! ```

use std::fmt::Write as _;
use zonekg::ingest::MemoryInput;

/// One generated report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticReport {
    /// A file-like name, unique within a corpus (`synth_0007_meeting.txt`).
    pub name: String,
    /// The report text (UTF-8, simplified Chinese, LF line ends).
    pub text: String,
}

/// Reports shorter than this get filler paragraphs.
const MIN_BYTES: usize = 2048;
/// No report is longer than this.
const MAX_BYTES: usize = 8192;

/// The seed of the benchmarks' corpus (and of `scripts/same-output`'s synthetic set).
#[allow(dead_code)] // tests/ingest.rs includes this module with its own seed
pub const BENCH_SEED: u64 = 2024;

/// `n` reports generated from `seed`; 2–8 KB each.
pub fn corpus(n: usize, seed: u64) -> Vec<SyntheticReport> {
    let mut rng = SplitMix64(seed);
    (0..n).map(|i| report(i, &mut rng)).collect()
}

/// A generated report, located at `synth:<name>`, for ingesting from memory.
impl From<SyntheticReport> for MemoryInput {
    fn from(r: SyntheticReport) -> Self {
        MemoryInput {
            location: format!("synth:{}", r.name),
            name: r.name,
            bytes: r.text.into_bytes(),
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and good enough for test data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A figure with one decimal in `lo..hi`.
    fn figure(&mut self, lo: u32, hi: u32) -> String {
        let tenths = self.range(lo * 10, hi * 10);
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

const PLACE_FIRST: &[&str] = &[
    "岚", "泊", "鹭", "柘", "芷", "砚", "澄", "栖", "沐", "桐", "槿", "苓", "渚", "汐", "珩",
];
const PLACE_SECOND: &[&str] = &[
    "溪", "川", "汀", "湾", "梁", "屿", "源", "峰", "洲", "林", "浦", "原", "岗", "塘",
];
const SURNAMES: &[&str] = &[
    "邵", "骆", "韦", "苗", "庞", "甘", "田", "闵", "柯", "贺", "宁", "裴", "戚", "蒲", "岑", "喻",
    "卓", "阮", "檀", "符",
];
const GIVEN: &[&str] = &[
    "明", "远", "秋", "岩", "清", "和", "若", "冰", "思", "慕", "白", "望", "舒", "承", "泽", "以",
    "知", "衡", "书", "禾", "航", "曼", "正", "声", "晓", "怀", "瑾", "雨", "桐", "立",
];

/// What kind of body a zone is, and how its leaders are titled.
#[derive(Clone, Copy)]
struct Kind {
    full: &'static str,
    short: &'static str,
    /// Secretary, head, deputy posts.
    posts: [&'static str; 3],
}

const KINDS: &[Kind] = &[
    Kind {
        full: "高新技术产业开发区",
        short: "高新区",
        posts: ["党工委书记", "管委会主任", "管委会副主任"],
    },
    Kind {
        full: "经济技术开发区",
        short: "经开区",
        posts: ["党工委书记", "管委会主任", "管委会常务副主任"],
    },
    Kind {
        full: "工业园区",
        short: "工业园区",
        posts: ["党工委书记", "管委会主任", "党工委副书记"],
    },
    Kind {
        full: "新区",
        short: "新区",
        posts: ["党工委书记", "管委会主任", "管委会副主任"],
    },
    Kind {
        full: "区",
        short: "区",
        posts: ["区委书记", "区长", "常务副区长"],
    },
];

/// Indicators with how they are stated: growth in %, or a level in a unit with a range.
const INDICATORS: &[(&str, &str, u32, u32)] = &[
    ("地区生产总值", "亿元", 120, 1500),
    ("规上工业总产值", "亿元", 80, 2000),
    ("规上工业增加值", "亿元", 30, 600),
    ("固定资产投资", "亿元", 20, 400),
    ("一般公共预算收入", "亿元", 3, 90),
    ("实际使用外资", "亿美元", 1, 12),
    ("外贸进出口总额", "亿元", 10, 500),
    ("社会消费品零售总额", "亿元", 20, 600),
    ("税收收入", "亿元", 2, 80),
    ("高新技术企业", "家", 40, 900),
];

const VENUES: &[&str] = &[
    "管委会会议中心",
    "行政服务中心报告厅",
    "党群服务中心",
    "科创大厦三楼会议室",
    "区会议中心",
];
const MEETINGS: &[&str] = &[
    "年度工作会议",
    "年度总结表彰大会",
    "年重点项目推进会",
    "年经济运行调度会",
    "年度高质量发展大会",
];
const VERBS: &[&str] = &[
    "深入推进",
    "持续深化",
    "全面落实",
    "加快构建",
    "着力打造",
    "扎实开展",
    "大力实施",
    "统筹推进",
];
const OBJECTS: &[&str] = &[
    "产业链精准招商",
    "营商环境优化提升",
    "科技创新平台建设",
    "园区基础设施配套",
    "安全生产专项整治",
    "高层次人才引育",
    "制造业数字化转型",
    "绿色低碳循环发展",
    "低效用地盘活利用",
    "重点项目全周期服务",
    "干部作风能力建设",
];
const OUTCOMES: &[&str] = &[
    "取得明显成效",
    "迈出坚实步伐",
    "形成良好态势",
    "实现新的突破",
    "呈现稳中向好的局面",
];
const NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八"];
const PROVINCE_ABBR: &[&str] = &["苏", "浙", "皖", "赣", "湘", "鄂", "豫", "鲁", "闽", "川"];

/// The cast and setting of one report.
struct Setting {
    zone_full: String,
    zone_short: String,
    kind: Kind,
    secretary: String,
    head: String,
    deputy: String,
    year: u32,
    month: u32,
    day: u32,
}

fn person(rng: &mut SplitMix64) -> String {
    let mut name = rng.pick(SURNAMES).to_string();
    let first = rng.pick(GIVEN);
    name.push_str(first);
    if rng.chance(75) {
        let mut second = rng.pick(GIVEN);
        while second == first {
            second = rng.pick(GIVEN);
        }
        name.push_str(second);
    }
    name
}

fn setting(rng: &mut SplitMix64) -> Setting {
    let place = format!("{}{}", rng.pick(PLACE_FIRST), rng.pick(PLACE_SECOND));
    let kind = rng.pick(KINDS);
    let secretary = person(rng);
    let mut head = person(rng);
    while head == secretary {
        head = person(rng);
    }
    Setting {
        zone_full: format!("{place}{}", kind.full),
        zone_short: format!("{place}{}", kind.short),
        kind,
        secretary,
        head,
        deputy: person(rng),
        year: rng.range(2018, 2026),
        month: rng.range(1, 12),
        day: rng.range(1, 28),
    }
}

/// The shapes a report can take; each picks which sections it is made of.
const TEMPLATES: &[&str] = &["meeting", "summary", "goals", "tasks", "interview"];

fn report(index: usize, rng: &mut SplitMix64) -> SyntheticReport {
    let s = setting(rng);
    let template = rng.pick(TEMPLATES);
    // Room above the target for the last paragraph and the footer.
    let target = MIN_BYTES + rng.below(MAX_BYTES - MIN_BYTES - 900);
    let mut body = String::with_capacity(MAX_BYTES);
    match template {
        "meeting" => {
            meeting(&s, rng, &mut body);
            achievements(&s, rng, &mut body);
            tasks(&s, rng, &mut body);
        }
        "summary" => {
            achievements(&s, rng, &mut body);
            goals(&s, rng, &mut body);
        }
        "goals" => {
            goals(&s, rng, &mut body);
            tasks(&s, rng, &mut body);
        }
        "tasks" => {
            meeting(&s, rng, &mut body);
            tasks(&s, rng, &mut body);
            goals(&s, rng, &mut body);
        }
        _ => interview(&s, rng, &mut body),
    }
    let boilerplate = rng.chance(50);
    let mut text = String::with_capacity(MAX_BYTES);
    if boilerplate {
        header(&s, rng, &mut text);
    } else {
        let _ = writeln!(text, "{}{}年度工作情况\n", s.zone_short, s.year - 1);
    }
    text.push_str(&body);
    // More paragraphs spread sizes over 2–8 KB; each is well under 600 bytes.
    while text.len() < target {
        match rng.below(10) {
            0..=5 => filler(&s, rng, &mut text),
            6 | 7 => achievements(&s, rng, &mut text),
            _ => tasks(&s, rng, &mut text),
        }
    }
    if boilerplate {
        footer(&s, rng, &mut text);
    }
    SyntheticReport {
        name: format!("synth_{index:04}_{template}.txt"),
        text,
    }
}

fn header(s: &Setting, rng: &mut SplitMix64, out: &mut String) {
    let _ = writeln!(out, "首页 > 新闻中心 > 园区动态 > 正文\n");
    let _ = writeln!(
        out,
        "{}召开{}{}",
        s.zone_short,
        s.year - 1,
        rng.pick(MEETINGS)
    );
    let _ = writeln!(
        out,
        "发布时间：{}-{:02}-{:02} {:02}:{:02}　来源：{}党政办公室\n",
        s.year,
        s.month,
        s.day,
        rng.range(8, 18),
        rng.range(0, 59),
        s.zone_short
    );
}

fn footer(s: &Setting, rng: &mut SplitMix64, out: &mut String) {
    let _ = writeln!(out, "\n分享到：微信 微博 QQ空间　【打印本页】【关闭窗口】");
    let _ = writeln!(
        out,
        "版权所有：{}管理委员会　{}ICP备{:08}号-1",
        s.zone_full,
        rng.pick(PROVINCE_ABBR),
        rng.range(10_000_000, 99_999_999)
    );
}

fn meeting(s: &Setting, rng: &mut SplitMix64, out: &mut String) {
    let _ = writeln!(
        out,
        "{}月{}日{}，{}{}{}在{}召开。{}{}出席并讲话，{}{}主持会议，{}{}通报有关情况。各部门、各单位主要负责同志共{}余人参加会议。\n",
        s.month,
        s.day,
        rng.pick(&["上午", "下午", ""]),
        s.zone_full,
        s.year - 1,
        rng.pick(MEETINGS),
        rng.pick(VENUES),
        s.kind.posts[0],
        s.secretary,
        s.kind.posts[1],
        s.head,
        s.kind.posts[2],
        s.deputy,
        rng.range(5, 40) * 10,
    );
}

fn achievements(s: &Setting, rng: &mut SplitMix64, out: &mut String) {
    let _ = write!(
        out,
        "{}指出，{}年，{}上下攻坚克难、真抓实干，",
        s.secretary,
        s.year - 1,
        s.zone_short
    );
    let count = rng.range(2, 5) as usize;
    for i in 0..count {
        let (indicator, unit, lo, hi) = rng.pick(INDICATORS);
        let value = if unit == "家" {
            rng.range(lo, hi).to_string()
        } else {
            rng.figure(lo, hi)
        };
        let sep = if i + 1 == count { "。" } else { "；" };
        if rng.chance(60) {
            let verb = rng.pick(&["实现", "完成"]);
            let growth = rng.figure(1, 18);
            let _ = write!(
                out,
                "{verb}{indicator}{value}{unit}，同比增长{growth}%{sep}"
            );
        } else {
            let verb = rng.pick(&["完成", "达到"]);
            let _ = write!(out, "{indicator}{verb}{value}{unit}{sep}");
        }
    }
    out.push_str("\n\n");
}

fn goals(s: &Setting, rng: &mut SplitMix64, out: &mut String) {
    let _ = write!(out, "{}年主要预期目标：", s.year);
    let count = rng.range(2, 5) as usize;
    for i in 0..count {
        let (indicator, unit, lo, hi) = rng.pick(INDICATORS);
        let sep = if i + 1 == count { "。" } else { "，" };
        match rng.below(3) {
            0 => {
                let g = rng.figure(3, 15);
                let about = rng.pick(&["", "左右", "以上"]);
                let _ = write!(out, "{indicator}增长{g}%{about}{sep}");
            }
            1 => {
                let v = rng.range(lo, hi);
                let _ = write!(out, "{indicator}达到{v}{unit}{sep}");
            }
            _ => {
                let v = rng.range(lo, hi);
                let _ = write!(out, "{indicator}突破{v}{unit}{sep}");
            }
        }
    }
    out.push_str("\n\n");
}

fn task_item(rng: &mut SplitMix64) -> String {
    format!(
        "{}{}，{}{}",
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS)
    )
}

fn tasks(s: &Setting, rng: &mut SplitMix64, out: &mut String) {
    let count = rng.range(3, 6) as usize;
    let _ = write!(out, "{}强调，{}年要重点抓好以下工作：", s.secretary, s.year);
    if rng.chance(50) {
        for (i, numeral) in NUMERALS.iter().take(count).enumerate() {
            let sep = if i + 1 == count { "。" } else { "；" };
            let _ = write!(out, "{numeral}是{}{sep}", task_item(rng));
        }
        out.push('\n');
    } else {
        out.push('\n');
        for numeral in NUMERALS.iter().take(count) {
            let _ = writeln!(out, "({numeral}){}。", task_item(rng));
        }
    }
    out.push('\n');
}

fn interview(s: &Setting, rng: &mut SplitMix64, out: &mut String) {
    let _ = writeln!(
        out,
        "书记访谈丨{}{}{}：以高质量发展为主线\n",
        s.zone_short, s.kind.posts[0], s.secretary
    );
    let _ = writeln!(out, "记者：{}年{}经济运行情况如何？", s.year, s.zone_short);
    let _ = write!(out, "{}：总的来看，稳中有进。", s.secretary);
    achievements(s, rng, out);
    let _ = writeln!(out, "记者：下一步有哪些重点工作？");
    let _ = write!(out, "{}：", s.secretary);
    tasks(s, rng, out);
    let _ = writeln!(out, "记者：今年的目标是什么？");
    let _ = write!(out, "{}：", s.secretary);
    goals(s, rng, out);
}

fn filler(s: &Setting, rng: &mut SplitMix64, out: &mut String) {
    let _ = writeln!(
        out,
        "{}，{}{}{}，{}{}。{}{}，推动各项工作{}。\n",
        rng.pick(&["今年以来", "去年以来", "一年来", "近年来"]),
        s.zone_short,
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(OUTCOMES),
    );
}

#[cfg(test)]
mod tests {
    // Paths rather than `use super::*`: benches compile this module with cfg(test) but
    // without the test harness, which drops the tests and would leave the import unused.

    #[test]
    fn sizes_stay_within_two_to_eight_kilobytes() {
        for r in super::corpus(300, 11) {
            assert!(
                (super::MIN_BYTES..=super::MAX_BYTES).contains(&r.text.len()),
                "{} is {} bytes",
                r.name,
                r.text.len()
            );
        }
    }

    #[test]
    fn same_seed_same_corpus_other_seed_other_corpus() {
        assert_eq!(super::corpus(20, 3), super::corpus(20, 3));
        assert_ne!(super::corpus(20, 3), super::corpus(20, 4));
    }

    #[test]
    fn mixes_templates_and_boilerplate() {
        let reports = super::corpus(100, 5);
        for t in super::TEMPLATES {
            assert!(reports
                .iter()
                .any(|r| r.name.ends_with(&format!("_{t}.txt"))));
        }
        assert!(reports.iter().any(|r| r.text.contains("版权所有")));
        assert!(reports.iter().any(|r| !r.text.contains("版权所有")));
        let names: std::collections::HashSet<_> = reports.iter().map(|r| &r.name).collect();
        assert_eq!(names.len(), reports.len());
    }

    #[test]
    fn reports_state_goals_results_and_tasks() {
        let reports = super::corpus(100, 9);
        assert!(reports.iter().any(|r| r.text.contains("主要预期目标")));
        assert!(reports.iter().any(|r| r.text.contains("同比增长")));
        assert!(reports.iter().any(|r| r.text.contains("二是")));
        assert!(reports.iter().any(|r| r.text.contains("(二)")));
        assert!(reports.iter().any(|r| r.text.contains("主持会议")));
    }
}
