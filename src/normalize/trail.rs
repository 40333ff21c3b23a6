//! Keeps the items of a breadcrumb trail (`首页 > 专题 > 某某高新区 > 正文`) before the
//! boilerplate stage drops the line: the trail often names the zone a report is about.

use super::{Document, Normalizer};

pub struct Trail;

impl Normalizer for Trail {
    fn name(&self) -> &'static str {
        "trail"
    }

    fn normalize(&self, doc: &mut Document) {
        // trails sit at the top of a page
        for line in doc.text.as_str().lines().take(30) {
            if let Some(items) = trail_items(line) {
                doc.trail.extend(items);
            }
        }
    }
}

/// The items of a breadcrumb line, or `None` if the line is not one.
pub fn trail_items(line: &str) -> Option<Vec<String>> {
    // cheapest test first: a line of more than 400 bytes has more than 100 chars
    if line.len() > 400 || line.contains("。") || line.chars().count() > 100 {
        return None;
    }
    let steps = line.matches(['>', '›', '»', '＞']).count();
    if steps < 2 {
        return None;
    }
    Some(
        line.split(['>', '›', '»', '＞'])
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::MappedText;

    #[test]
    fn keeps_trail_items() {
        let mut doc = Document {
            text: MappedText::identity("首页 > 专题 > 青溪高新区 > 正文\n正文内容。".into()),
            ..Document::default()
        };
        Trail.normalize(&mut doc);
        assert_eq!(doc.trail, vec!["首页", "专题", "青溪高新区", "正文"]);
        assert!(trail_items("他说:a>b>c。").is_none());
        // a long line is no trail, however many steps it has
        let long = format!("首页 > 专题 > {}", "某".repeat(101));
        assert!(trail_items(&long).is_none());
        assert_eq!(trail_items("甲 › 乙 » 丙").unwrap(), vec!["甲", "乙", "丙"]);
    }
}
