//! How one element of a title chain (`区` + `党工委` + `书记`) becomes a post: an ordered
//! list of named rules, the first that answers giving the post.
//!
//! [`RULES`] is the one place the order is set. Most elements are plain offices
//! ([`office`], the last rule, which always answers); the rules before it handle posts
//! titled apart from their unit (a group's member, a professor, a department's head)
//! and hand the element on to the rules after them for the place.
//!
//! The plain office is read in three steps, each its own ordered list of named rules:
//! its title ([`office_title`]), the body that heads it where the chain before names it
//! (`人大党组书记、主任`: [`HEADS`]), and where it is, the zone and organization
//! ([`PLACEMENTS`]).

mod placements;

use super::chain::Element;
use super::levels::{single_level, split_department};
use crate::lexicon::officials::OFFICIALS;
use crate::model::{Post, Report};
use placements::{Placing, PLACEMENTS};

/// What the element before in the chain left: its zone and organization.
pub(super) type Inherited = (Option<String>, Option<String>);

/// What a rule reads: the element, what the element before it left, the report.
pub(super) struct Seen<'a> {
    pub e: &'a Element,
    pub inherited: Option<&'a Inherited>,
    pub report: &'a Report,
}

/// A named rule: the post of the element, or `None` to leave it to the rules after it.
/// `rest` resolves an element by the rules after this one (or from it on, for
/// [`Rest::again`]).
pub(super) struct Rule {
    /// What the rule is for (the tests name the rule that answers).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub apply: fn(&Seen, &Rest) -> Option<Post>,
}

/// The post rules, in the order they are tried: the first that answers gives the post.
pub(super) static RULES: &[Rule] = &[
    Rule {
        name: "group member",
        apply: group_member,
    },
    Rule {
        name: "personal rank",
        apply: personal_rank,
    },
    Rule {
        name: "department",
        apply: department,
    },
    Rule {
        name: "office",
        apply: office,
    },
];

/// The post of element `e` of a chain whose element before left `inherited`.
pub(super) fn resolve(e: &Element, inherited: Option<&Inherited>, report: &Report) -> Post {
    resolve_from(0, e, inherited, report)
}

fn resolve_from(first: usize, e: &Element, inherited: Option<&Inherited>, report: &Report) -> Post {
    let seen = Seen {
        e,
        inherited,
        report,
    };
    for (k, rule) in RULES.iter().enumerate().skip(first) {
        let rest = Rest {
            at: k,
            inherited,
            report,
        };
        if let Some(post) = (rule.apply)(&seen, &rest) {
            return post;
        }
    }
    unreachable!("the last rule, office, answers for every element")
}

/// The rules around the one being applied, for a rule that resolves an element (its own
/// or a part of it) the usual way and retitles the post.
pub(super) struct Rest<'a> {
    at: usize,
    inherited: Option<&'a Inherited>,
    report: &'a Report,
}

impl Rest<'_> {
    /// `e` resolved by the rules after this one.
    fn after(&self, e: &Element) -> Post {
        resolve_from(self.at + 1, e, self.inherited, self.report)
    }

    /// `e` resolved by this rule and those after it.
    fn again(&self, e: &Element) -> Post {
        resolve_from(self.at, e, self.inherited, self.report)
    }
}

/// `市委某某专项工作第三督导组成员`: a member of a named group, titled with the group
/// (without the committee that sent it, which is its organization's head).
fn group_member(s: &Seen, rest: &Rest) -> Option<Post> {
    let unit = format!("{}{}", s.e.jurisdiction, s.e.body);
    if s.e.title != "组成员" || unit.is_empty() {
        return None;
    }
    let mut post = rest.after(s.e);
    let group = OFFICIALS
        .senders
        .iter()
        .find_map(|b| unit.strip_prefix(b))
        .filter(|g| !g.is_empty())
        .unwrap_or(&unit);
    post.title = format!("{group}{}", s.e.title);
    post.organization = Some(format!("{unit}组"));
    Some(post)
}

/// `某某大学经济学院教授`: an academic rank is a person's own, whatever unit names it,
/// unlike the offices of a department (`商务局副局长`).
fn personal_rank(s: &Seen, rest: &Rest) -> Option<Post> {
    let unit = format!("{}{}", s.e.jurisdiction, s.e.body);
    if !OFFICIALS.personal_ranks.contains(&s.e.title) || unit.is_empty() {
        return None;
    }
    let mut post = rest.after(s.e);
    post.title = s.e.title.clone();
    post.organization = Some(unit);
    Some(post)
}

/// `市商务局副局长`: a post in a department, titled with the department (`商务局副局长`)
/// and placed where the department is (`市`).
fn department(s: &Seen, rest: &Rest) -> Option<Post> {
    let e = s.e;
    if !e.body.is_empty() {
        return None;
    }
    let (place, dept) = split_department(&e.jurisdiction, s.report)?;
    let inner = Element {
        jurisdiction: place.to_string(),
        body: String::new(),
        title: e.title.clone(),
    };
    let mut post = rest.again(&inner);
    // a government is no part of the title (`…政府经济局副局长` → 经济局副局长)
    let dept = OFFICIALS
        .governments
        .iter()
        .find_map(|g| dept.strip_prefix(g))
        .filter(|d| !d.is_empty())
        .unwrap_or(dept);
    post.title = format!("{dept}{}", e.title);
    post.organization = Some(e.jurisdiction.clone());
    Some(post)
}

/// A plain office: its title, the body heading it, and its place.
fn office(s: &Seen, _: &Rest) -> Option<Post> {
    let e = s.e;
    let inherited_org = s
        .inherited
        .and_then(|(_, org)| org.as_deref())
        .unwrap_or("");
    let (title, body) = match HEADS.iter().find_map(|h| (h.apply)(e, inherited_org)) {
        Some(head) => (format!("{head}{}", e.title), head),
        None => (office_title(e), e.body.clone()),
    };
    let at = Placing {
        e,
        organization: (!body.is_empty()).then_some(body),
        zone_body: is_zone_body(&e.body),
        inherited: s.inherited,
        report: s.report,
    };
    let (zone, organization) = PLACEMENTS
        .iter()
        .find_map(|p| (p.apply)(&at))
        .expect("the last placement answers for every element");
    Some(Post {
        title,
        organization,
        zone,
        evidence: None,
    })
}

/// Whether a body is the development zone's own (`党工委`, `管委会`).
fn is_zone_body(body: &str) -> bool {
    OFFICIALS.zone_bodies.starts(body)
}

/// The title of a plain office: the title with the innermost body (`组织部部长`), and
/// the zone's forms written alike (`经开区领导` → `区领导`, `管委主任` → `管委会主任`).
pub(super) fn office_title(e: &Element) -> String {
    let lex = &*OFFICIALS;
    // a government is no part of the title: `市政府副市长` → 副市长, `省政府副秘书长` → 副秘书长
    let mut title = if e.body.ends_with("政府") {
        e.title.clone()
    } else {
        let inner = lex.bodies.longest_suffix(&e.body).unwrap_or("");
        // keep `区委` in `区委副书记`; drop outer bodies (`区委组织部` → 组织部部长), and
        // all of them before a title that names its own (`管委会党组成员` → 党组成员)
        if lex.party_groups.starts(&e.title) {
            e.title.clone()
        } else {
            format!("{inner}{}", e.title)
        }
    };
    // `经开区领导`, `新区领导`: leaders of the zone, written `区领导`
    if title.ends_with("区领导") && !matches!(title.as_str(), "区领导") {
        title = "区领导".to_string();
    }
    if title.starts_with("管委") && !title.starts_with("管委会") {
        title = title.replacen("管委", "管委会", 1);
    }
    title
}

/// A rule naming the body that heads an office the chain before implies (`人大党组书记、
/// 主任` → the standing committee's 主任): the body, which also opens the title.
pub(super) struct Head {
    /// What the rule is for (the tests name the rule that answers).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub apply: fn(&Element, &str) -> Option<String>,
}

/// The head rules, in the order they are tried; each reads the element and the
/// organization of the element before it.
pub(super) static HEADS: &[Head] = &[
    Head {
        name: "bureau under its party group",
        apply: bureau_head,
    },
    Head {
        name: "body under its party group",
        apply: directed_body,
    },
    Head {
        name: "director after a zone body",
        apply: zone_director,
    },
];

/// A bare title of a director (`主任`), with no body or place of its own.
fn is_bare_director(e: &Element) -> bool {
    e.body.is_empty() && e.jurisdiction.is_empty() && OFFICIALS.director_titles.contains(&e.title)
}

/// `县农业农村局党组书记、局长`: the bureau's own head.
fn bureau_head(e: &Element, inherited_org: &str) -> Option<String> {
    let o = inherited_org
        .strip_suffix("党组")
        .filter(|o| o.ends_with('局') && e.body.is_empty() && e.jurisdiction.is_empty())
        .filter(|_| OFFICIALS.bureau_head_titles.contains(&e.title))?;
    let mut chars = o.chars();
    let bureau = match chars.next() {
        Some(c) if single_level(c.encode_utf8(&mut [0; 4])).is_some() => chars.as_str(),
        _ => o,
    };
    Some(bureau.to_string())
}

/// `人大常委会党组书记、主任`: the body under the party group has the director (a people's
/// congress's is its standing committee's: `区人大党组书记、主任`).
fn directed_body(e: &Element, inherited_org: &str) -> Option<String> {
    let o = inherited_org.strip_suffix("党组")?;
    let body = OFFICIALS
        .directed_bodies
        .iter()
        .find(|(end, _)| o.ends_with(end))
        .map(|(_, body)| *body)?;
    is_bare_director(e).then(|| body.to_string())
}

/// `党工委委员、副主任`, `管委会党组书记、主任`: a bare 主任 after a zone body is the
/// management committee's (the party bodies have none).
fn zone_director(e: &Element, inherited_org: &str) -> Option<String> {
    let after_zone_body = OFFICIALS
        .zone_bodies_held
        .iter()
        .any(|b| inherited_org.contains(b));
    (is_bare_director(e) && after_zone_body).then(|| "管委会".to_string())
}

#[cfg(test)]
mod tests;
