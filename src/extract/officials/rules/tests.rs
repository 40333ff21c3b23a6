//! Each rule on the elements it answers for, and which rule answers first.

use super::super::chain::parse_element;
use super::placements::*;
use super::*;
use crate::extract::zones::find_zones;

fn report_for(text: &str) -> Report {
    Report {
        zones: find_zones(text, ""),
        ..Report::default()
    }
}

/// The element `prefix` + `title` as a chain parses it.
fn el(prefix: &str, title: &str) -> Element {
    parse_element(prefix, title)
}

/// The name of the first post rule that answers for `e`.
fn answering(e: &Element, inherited: Option<&Inherited>, report: &Report) -> &'static str {
    let seen = Seen {
        e,
        inherited,
        report,
    };
    RULES
        .iter()
        .enumerate()
        .find(|(k, r)| {
            let rest = Rest {
                at: *k,
                inherited,
                report,
            };
            (r.apply)(&seen, &rest).is_some()
        })
        .map(|(_, r)| r.name)
        .expect("office answers")
}

/// The name of the first placement rule that answers for `e`.
fn placed_by(e: &Element, inherited: Option<&Inherited>, report: &Report) -> &'static str {
    let at = Placing {
        e,
        organization: (!e.body.is_empty()).then(|| e.body.clone()),
        zone_body: is_zone_body(&e.body),
        inherited,
        report,
    };
    PLACEMENTS
        .iter()
        .find(|p| (p.apply)(&at).is_some())
        .map(|p| p.name)
        .expect("unknown place answers")
}

#[test]
fn the_rules_in_their_order() {
    let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(
        names,
        ["group member", "personal rank", "department", "office"]
    );
    let heads: Vec<&str> = HEADS.iter().map(|h| h.name).collect();
    assert_eq!(
        heads,
        [
            "bureau under its party group",
            "body under its party group",
            "director after a zone body"
        ]
    );
    assert_eq!(PLACEMENTS.last().map(|p| p.name), Some("unknown place"));
}

#[test]
fn group_member_is_titled_with_the_group_without_its_sender() {
    let e = el("省委环保督察第二工作", "组成员");
    let report = Report::default();
    assert_eq!(answering(&e, None, &report), "group member");
    let post = resolve(&e, None, &report);
    assert_eq!(post.title, "环保督察第二工作组成员");
    assert_eq!(post.organization.as_deref(), Some("省委环保督察第二工作组"));
    // a bare 组成员 is a plain office
    assert_eq!(answering(&el("", "组成员"), None, &report), "office");
}

#[test]
fn personal_rank_is_the_persons_own() {
    let e = el("市委党校哲学教研部", "教授");
    let report = Report::default();
    assert_eq!(answering(&e, None, &report), "personal rank");
    let post = resolve(&e, None, &report);
    assert_eq!(post.title, "教授");
    assert_eq!(post.organization.as_deref(), Some("市委党校哲学教研部"));
    assert_eq!(answering(&el("", "教授"), None, &report), "office");
}

#[test]
fn department_titles_the_post_and_places_it_by_what_precedes() {
    let report = report_for("青溪高新区召开大会。");
    let e = el("青溪高新区商务局", "副局长");
    assert_eq!(answering(&e, None, &report), "department");
    let post = resolve(&e, None, &report);
    assert_eq!(post.title, "商务局副局长");
    assert_eq!(post.zone.as_deref(), Some("青溪高新区"));
    assert_eq!(post.organization.as_deref(), Some("青溪高新区商务局"));
    // a government is no part of the department's title
    let post = resolve(&el("县人民政府经济局", "副局长"), None, &report);
    assert_eq!(post.title, "经济局副局长");
    // `区委办`: the level's own office keeps the level
    assert_eq!(
        resolve(&el("区委办", "主任"), None, &report).title,
        "区委办主任"
    );
}

#[test]
fn office_title_keeps_the_inner_body_and_writes_zone_forms_alike() {
    assert_eq!(office_title(&el("区委组织部", "部长")), "组织部部长");
    assert_eq!(office_title(&el("区", "区委书记")), "区委书记");
    assert_eq!(office_title(&el("市政府", "副市长")), "副市长");
    assert_eq!(office_title(&el("管委会", "党组成员")), "党组成员");
    assert_eq!(office_title(&el("", "经开区领导")), "区领导");
    assert_eq!(office_title(&el("管委", "主任")), "管委会主任");
}

#[test]
fn heads_from_the_chain_before() {
    let bare = |t: &str| el("", t);
    assert_eq!(
        bureau_head(&bare("局长"), "县农业农村局党组").as_deref(),
        Some("农业农村局")
    );
    assert_eq!(bureau_head(&bare("主任"), "县农业农村局党组"), None);
    assert_eq!(
        directed_body(&bare("主任"), "区人大党组").as_deref(),
        Some("人大常委会")
    );
    assert_eq!(directed_body(&bare("主任"), "区人大"), None);
    assert_eq!(
        zone_director(&bare("副主任"), "党工委").as_deref(),
        Some("管委会")
    );
    assert_eq!(zone_director(&el("区", "副主任"), "党工委"), None);
    // the first head that answers: the party group's body over the zone's committee
    let post = resolve(
        &bare("主任"),
        Some(&(None, Some("管委会党组".to_string()))),
        &Report::default(),
    );
    assert_eq!(post.title, "管委会主任");
}

#[test]
fn placements_in_their_order() {
    let report = report_for("青溪高新区召开大会,北塘区参加。");
    let inherited = (Some("北塘区".to_string()), Some("区委".to_string()));
    assert_eq!(
        placed_by(&el("区委", "书记"), None, &report),
        "level its body or title implies"
    );
    assert_eq!(
        placed_by(&el("", "副书记"), Some(&inherited), &report),
        "inherited from the element before"
    );
    assert_eq!(
        placed_by(&el("党工委", "书记"), None, &report),
        "zone body without a place"
    );
    assert_eq!(placed_by(&el("", "董事长"), None, &report), "no place");
    assert_eq!(
        placed_by(&el("区党工委", "书记"), None, &report),
        "bare level"
    );
    assert_eq!(
        placed_by(&el("青溪投资集团", "董事长"), None, &report),
        "company"
    );
    assert_eq!(
        placed_by(&el("青溪高新区", "主任"), None, &report),
        "named zone"
    );
    assert_eq!(
        placed_by(&el("青渓高新区党工委", "书记"), None, &report),
        "zone body under an unknown name"
    );
    assert_eq!(
        placed_by(&el("某某某", "主任"), None, &report),
        "unknown place"
    );
}

#[test]
fn placements_give_the_zone_and_organization() {
    let report = report_for("青溪高新区召开大会,北塘区参加。");
    let zone = |p: &str, t: &str| resolve(&el(p, t), None, &report).zone;
    assert_eq!(zone("区党工委", "书记").as_deref(), Some("青溪高新区"));
    assert_eq!(zone("党工委", "书记").as_deref(), Some("青溪高新区"));
    let post = resolve(&el("青溪投资集团", "董事长"), None, &report);
    assert_eq!(
        (post.zone, post.organization.as_deref()),
        (None, Some("青溪投资集团"))
    );
    let post = resolve(&el("某某某", "主任"), None, &report);
    assert_eq!(post.organization.as_deref(), Some("某某某"));
}
