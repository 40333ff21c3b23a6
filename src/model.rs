//! The facts a report yields, in the Report JSON shape (`../shared/gold/SCHEMA.md`).
//!
//! These types are what every later layer consumes: the RDF mapping, the store, the
//! evaluator. Every fact carries an [`Evidence`]: the sentence it came from, with its
//! character span in the normalized text and its byte span in the raw input.

use serde::{Deserialize, Serialize};

/// Where a fact was read: the sentence, its span in the normalized text (chars) and
/// in the raw input (bytes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence as normalized (simplified, pinyin and boilerplate removed).
    pub sentence: String,
    /// Char offset of the sentence's first char in the normalized text.
    pub start: usize,
    /// Char offset one past the sentence's last char in the normalized text.
    pub end: usize,
    /// Byte offset in the raw input where the sentence starts.
    pub raw_start: usize,
    /// Byte offset in the raw input where the sentence ends.
    pub raw_end: usize,
}

/// Everything one report yields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// File name (or URL) the report was read from.
    pub source: String,
    pub title: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD`.
    pub published: Option<String>,
    #[serde(default)]
    pub zones: Vec<Zone>,
    #[serde(default)]
    pub officials: Vec<Official>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub achievements: Vec<Achievement>,
    #[serde(default)]
    pub tasks: Vec<Task>,
}

impl Report {
    /// The evidence of every fact: zones, officials and their posts, meetings, goals,
    /// achievements, tasks.
    pub fn evidence(&self) -> impl Iterator<Item = &Evidence> {
        let zones = self.zones.iter().map(|z| &z.evidence);
        let officials = self
            .officials
            .iter()
            .flat_map(|o| std::iter::once(&o.evidence).chain(o.posts.iter().map(|p| &p.evidence)));
        let meetings = self.meetings.iter().map(|m| &m.evidence);
        let goals = self.goals.iter().map(|g| &g.evidence);
        let achievements = self.achievements.iter().map(|a| &a.evidence);
        let tasks = self.tasks.iter().map(|t| &t.evidence);
        zones
            .chain(officials)
            .chain(meetings)
            .chain(goals)
            .chain(achievements)
            .chain(tasks)
            .flatten()
    }
}

/// Jurisdiction level of a zone or administrative area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    City,
    District,
    County,
    Town,
    /// A development zone, park or new area (高新区, 经开区, 工业园区, 新区 …).
    Zone,
}

/// A development zone, park, district, city or province.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    /// The fullest form the text gives.
    pub name: String,
    /// Short forms the text also uses.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The kind word the name ends with (`高新区`, `经济技术开发区`, `区`, `市` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// For a zone the text names only by a generic word (`开发区`): the division of the
    /// national table the text places it in (`通辽市`), which tells it apart from other
    /// reports' `开发区`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub located_in: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// A named person given a post or title.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Official {
    pub name: String,
    #[serde(default)]
    pub posts: Vec<Post>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// One post held by an official, as the text states it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// The post without the jurisdiction in front (`区党工委书记` → `党工委书记`).
    pub title: String,
    /// The body the post sits in (`党工委`, `管委会`, `区委`, a company), if named.
    pub organization: Option<String>,
    /// The zone's `name` the post belongs to, if the text says.
    pub zone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// Post titles that lead a zone: its party secretary or its head, at the level the zone
/// is governed from (a zone's own 党工委 and 管委会, or the district, county, city or
/// province that runs it). Titles as [`Post::title`] holds them, jurisdiction removed.
/// The scorer keeps its own copy (`eval::fold::LEADING_TITLES`); a test keeps them equal.
pub const LEADING_TITLES: &[&str] = &[
    "党工委书记",
    "管委会主任",
    "区委书记",
    "区长",
    "县委书记",
    "县长",
    "市委书记",
    "市长",
    "省委书记",
    "省长",
    "书记",
    "主任",
];

/// Whether a post title (as [`Post::title`] holds it) leads a zone.
pub fn is_leading_title(title: &str) -> bool {
    LEADING_TITLES.contains(&title)
}

/// Part a person plays in a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 主持
    Host,
    /// 讲话, 作报告, 部署, 宣读, 交流发言
    Speaker,
    /// 出席, 参加
    Attendee,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Host => "host",
            Role::Speaker => "speaker",
            Role::Attendee => "attendee",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    pub role: Role,
}

/// A meeting the report describes as held.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub name: Option<String>,
    /// ISO date.
    pub date: Option<String>,
    pub venue: Option<String>,
    pub attendance: Option<u32>,
    pub zone: Option<String>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// How a goal is phrased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// 增长 X%
    Growth,
    /// 达到 / 完成 X
    Level,
    /// 突破, 超过, X 以上
    AtLeast,
    /// 降低, 下降
    Reduce,
}

impl GoalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GoalKind::Growth => "growth",
            GoalKind::Level => "level",
            GoalKind::AtLeast => "at_least",
            GoalKind::Reduce => "reduce",
        }
    }
}

/// A quantified target for a future period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub zone: Option<String>,
    pub year: Option<i32>,
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    pub kind: GoalKind,
    /// The words the goal is stated in.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// A change relative to an earlier period (`同比增长2%`, `16.8倍`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Negative for a fall (`下降3%` → -3).
    pub value: f64,
    pub unit: String,
}

/// A quantified result already reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Achievement {
    pub zone: Option<String>,
    pub year: Option<i32>,
    /// Part of the year the figure covers (`上半年`, `一季度`, `1-9月`), if not the whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    pub change: Option<Change>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// A qualitative priority or work item set for a future period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub zone: Option<String>,
    pub year: Option<i32>,
    /// The official who set it, where the text says.
    pub by: Option<String>,
    /// The item's own words without its ordinal.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}
