//! Parts of speech of short spans, from jieba's dictionary and HMM.
//!
//! Place names and post titles are found by their ends (a kind word, a title word);
//! where they start is the hard part. Words a name never holds — verbs, adverbs,
//! prepositions, conjunctions, pronouns, numerals, time words (`大力弘扬开发区`,
//! `宣布经开区`, `这次新区`, `确定区科技局局长`) — mark the furthest a name can reach back.
//! jieba tags them well enough in context; `data/lexicon/name_breakers.txt` adds the
//! verbs it takes for nouns there.

use crate::lexicon::officials::OFFICIALS;
use jieba_rs::Jieba;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Tags of words that are no part of a name: verbs (not verbal nouns), adverbs,
/// prepositions, conjunctions, particles, pronouns, numerals and measure words, time and
/// direction words, adjectives used adverbially, idioms.
fn breaks_names(tag: &str) -> bool {
    matches!(
        tag,
        "v" | "vd"
            | "vi"
            | "vq"
            | "d"
            | "ad"
            | "p"
            | "c"
            | "u"
            | "uj"
            | "ul"
            | "uz"
            | "ug"
            | "uv"
            | "ud"
            | "r"
            | "rr"
            | "rz"
            | "m"
            | "mq"
            | "q"
            | "t"
            | "tg"
            | "f"
            | "y"
            | "e"
            | "o"
            | "i"
            | "z"
    )
}

/// The byte offset in `s` after the last word that ends at or before `upto` and is no
/// part of a name (0 when there is none): a name ending at `upto` starts at or after it.
///
/// `s` should run past `upto` (the kind or title word after the name) so that jieba
/// segments the span as it stands in the sentence.
pub fn name_floor(s: &str, upto: usize) -> usize {
    // a report names the same few places and posts again and again: tag each span once
    thread_local! {
        static SEEN: RefCell<HashMap<(String, usize), usize>> = RefCell::new(HashMap::new());
    }
    let key = (s.to_string(), upto);
    if let Some(floor) = SEEN.with(|seen| seen.borrow().get(&key).copied()) {
        return floor;
    }
    let floor = tag_floor(s, upto);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() > 50_000 {
            seen.clear();
        }
        seen.insert(key, floor);
    });
    floor
}

fn tag_floor(s: &str, upto: usize) -> usize {
    let mut at = 0;
    let mut floor = 0;
    for tag in JIEBA.tag(s, true) {
        let end = at + tag.word.len();
        if end > upto {
            break;
        }
        // a division's name is a name whatever jieba makes of it (`遵义` as a verb)
        if (breaks_names(tag.tag) || OFFICIALS.name_breakers.contains(tag.word))
            && !crate::gazetteer::get().is_form(tag.word)
        {
            floor = end;
        }
        at = end;
    }
    floor
}

/// Whether `s` holds a verb or verbal noun (`主题教育`, `招商引资`): a phrase, not a name.
pub fn holds_action(s: &str) -> bool {
    JIEBA
        .tag(s, true)
        .iter()
        .any(|t| t.tag.starts_with('v') && !crate::gazetteer::get().is_form(t.word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn floor_of(s: &str, kind: &str) -> String {
        let upto = s.len() - kind.len();
        s[name_floor(s, upto)..upto].to_string()
    }

    #[test]
    fn verbs_and_adverbs_end_before_a_name() {
        assert_eq!(floor_of("包括长春高新区", "高新区"), "长春");
        assert_eq!(floor_of("宣布经开区", "经开区"), "");
        assert_eq!(floor_of("不断夯实开发区", "开发区"), "");
        assert_eq!(floor_of("这次新区", "新区"), "");
        assert_eq!(floor_of("天津市和滨海新区", "新区"), "滨海");
    }

    #[test]
    fn names_are_kept_whole() {
        assert_eq!(floor_of("青溪高新区", "高新区"), "青溪");
        assert_eq!(floor_of("北黄海经济开发区", "开发区"), "北黄海经济");
    }

    #[test]
    fn phrases_hold_actions_and_names_do_not() {
        assert!(holds_action("主题教育"));
        assert!(!holds_action("青溪"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["", "区", "a区", "１２３区", "🙂区"] {
            let _ = name_floor(s, s.len());
        }
    }
}
