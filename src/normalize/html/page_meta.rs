//! Title and publication date from a page's tags: the `<meta>` tags Chinese government
//! CMSs fill (`ArticleTitle`, `PubDate`), Open Graph, then `<title>` and `<h1>`.

use crate::zh::dates::{find_full_date, Date};
use crate::zh::han::has_han;
use scraper::{Html, Selector};
use std::sync::LazyLock;

/// `<meta>` names (or properties) holding the article's title, best first.
const TITLE_KEYS: &[&str] = &["articletitle", "og:title", "twitter:title", "title"];
/// `<meta>` names (or properties) holding the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "publish_time",
    "firstpublishedtime",
    "article:published_time",
    "og:release_date",
    "published_time",
    "releasedate",
    "dc.date.issued",
    "dc.date",
    "date",
];
/// Words that make the last part of `<title>` (`标题_某某区人民政府`) a site name.
const SITE_WORDS: &[&str] = &[
    "网",
    "政府",
    "门户",
    "官网",
    "委员会",
    "管委会",
    "平台",
    "频道",
    "首页",
    "新闻中心",
    "網",
    "門戶",
    "委員會",
    "管委會",
    "頻道",
    "首頁",
];
const SITE_SEPARATORS: &[&str] = &["_", " - ", " – ", " — ", "－", " | ", "|", "—"];

#[derive(Debug, Default, PartialEq)]
pub(super) struct PageMeta {
    pub title: Option<String>,
    pub published: Option<Date>,
}

static META: LazyLock<Selector> = LazyLock::new(|| Selector::parse("meta[content]").unwrap());
static TITLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("title").unwrap());
static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("body h1").unwrap());

pub(super) fn read(page: &Html) -> PageMeta {
    let mut metas: Vec<(String, &str)> = Vec::new();
    for el in page.select(&META) {
        let e = el.value();
        let key = e
            .attr("name")
            .or_else(|| e.attr("property"))
            .or_else(|| e.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, e.attr("content")) {
            metas.push((key.trim().to_ascii_lowercase(), content));
        }
    }
    let lookup = |keys: &[&str]| -> Vec<&str> {
        keys.iter()
            .flat_map(|k| metas.iter().filter(move |(key, _)| key == k))
            .map(|(_, content)| *content)
            .collect()
    };
    let published = lookup(DATE_KEYS)
        .into_iter()
        .find_map(|c| Date::parse_iso(c).or_else(|| find_full_date(c)));
    let title = lookup(TITLE_KEYS)
        .into_iter()
        .map(collapse_whitespace)
        .find(|t| has_han(t))
        .or_else(|| {
            let t = collapse_whitespace(&page.select(&TITLE).next()?.text().collect::<String>());
            let t = strip_site_name(&t);
            has_han(t).then(|| t.to_string())
        })
        .or_else(|| {
            page.select(&H1)
                .map(|h| collapse_whitespace(&h.text().collect::<String>()))
                .find(|t| has_han(t) && t.chars().count() <= 80)
        });
    PageMeta { title, published }
}

/// `<title>` without the site name CMSs append (`标题_新闻中心_某区政府` → `标题`).
fn strip_site_name(title: &str) -> &str {
    let mut t = title.trim();
    loop {
        let cut = SITE_SEPARATORS
            .iter()
            .filter_map(|sep| t.rfind(sep).map(|i| (i, sep.len())))
            .max();
        let Some((at, len)) = cut else { return t };
        let (head, tail) = (t[..at].trim(), t[at + len..].trim());
        let site_like = tail.chars().count() <= 30 && SITE_WORDS.iter().any(|w| tail.contains(w));
        if !site_like || head.chars().count() < 4 {
            return t;
        }
        t = head;
    }
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cms_meta_tags_win() {
        let page = Html::parse_document(
            "<html><head><title>别的_某某区人民政府</title>\
             <meta name=\"ArticleTitle\" content=\"某某园区召开 项目推进会\">\
             <meta name=\"PubDate\" content=\"2022-05-06 10:00\">\
             <meta name=\"ContentSource\" content=\"区融媒体中心\"></head><body></body></html>",
        );
        let meta = read(&page);
        assert_eq!(meta.title.as_deref(), Some("某某园区召开 项目推进会"));
        assert_eq!(meta.published.unwrap().iso(), "2022-05-06");
    }

    #[test]
    fn open_graph_and_publishdate() {
        let page = Html::parse_document(
            "<head><meta property=\"og:title\" content=\"甲园区新闻\">\
             <meta name=\"publishdate\" content=\"2021年3月4日\"></head>",
        );
        let meta = read(&page);
        assert_eq!(meta.title.as_deref(), Some("甲园区新闻"));
        assert_eq!(meta.published.unwrap().iso(), "2021-03-04");
    }

    #[test]
    fn title_tag_loses_the_site_name() {
        let page = Html::parse_document(
            "<head><title>乙开发区举行签约仪式_新闻中心_某某市人民政府门户网站</title></head>",
        );
        assert_eq!(read(&page).title.as_deref(), Some("乙开发区举行签约仪式"));
        assert_eq!(
            strip_site_name("访谈 | 丙园区：建设创新高地"),
            "访谈 | 丙园区：建设创新高地"
        );
        let page = Html::parse_document("<body><h1>丁园区简介</h1></body>");
        assert_eq!(read(&page).title.as_deref(), Some("丁园区简介"));
        assert_eq!(read(&Html::parse_document("<p>x</p>")), PageMeta::default());
    }
}
