//! Where a plain office is: its zone and organization, by the named rules of
//! [`PLACEMENTS`] in order (a level implied, the element before's, a bare level, a
//! company, a zone the report names, …).

use super::super::levels::{focal_development_zone, implied_level, single_level, zone_of_level};
use super::{Element, Inherited};
use crate::extract::zones;
use crate::lexicon::officials::OFFICIALS;
use crate::model::{Level, Report};

/// What a placement rule reads: the element, the organization its body gives, whether
/// the body is the zone's own, what the element before left, the report.
pub(super) struct Placing<'a> {
    pub e: &'a Element,
    pub organization: Option<String>,
    pub zone_body: bool,
    pub inherited: Option<&'a Inherited>,
    pub report: &'a Report,
}

/// A post's zone and organization.
pub(super) type Placement = (Option<String>, Option<String>);

/// A named rule placing an office: its zone and organization, or `None` to leave it to
/// the rules after it.
pub(super) struct Place {
    /// What the rule is for (the tests name the rule that answers).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub apply: fn(&Placing) -> Option<Placement>,
}

/// The placement rules, in the order they are tried; the last answers for every
/// element.
pub(super) static PLACEMENTS: &[Place] = &[
    Place {
        name: "level its body or title implies",
        apply: implied,
    },
    Place {
        name: "inherited from the element before",
        apply: inherited,
    },
    Place {
        name: "zone body without a place",
        apply: zone_body_unplaced,
    },
    Place {
        name: "no place",
        apply: no_place,
    },
    Place {
        name: "bare level",
        apply: bare_level,
    },
    Place {
        name: "company",
        apply: company,
    },
    Place {
        name: "named zone",
        apply: named_zone,
    },
    Place {
        name: "zone body under an unknown name",
        apply: zone_body_unknown_place,
    },
    Place {
        name: "unknown place",
        apply: unknown_place,
    },
];

/// No place written: `区委书记`, `副市长` imply their level.
fn implied(p: &Placing) -> Option<Placement> {
    if !p.e.jurisdiction.is_empty() {
        return None;
    }
    let level = implied_level(p.e)?;
    Some((zone_of_level(p.report, level), p.organization.clone()))
}

/// No place written, nor implied: the element before's (`区委副书记、区长`).
fn inherited(p: &Placing) -> Option<Placement> {
    if !p.e.jurisdiction.is_empty() {
        return None;
    }
    let (zone, org) = p.inherited?;
    Some((zone.clone(), p.organization.clone().or_else(|| org.clone())))
}

/// A bare `党工委`, `管委会`: the report's development zone.
fn zone_body_unplaced(p: &Placing) -> Option<Placement> {
    (p.e.jurisdiction.is_empty() && p.zone_body).then(|| {
        (
            focal_development_zone(p.report).map(|z| z.name.clone()),
            p.organization.clone(),
        )
    })
}

/// No place written, implied or inherited.
fn no_place(p: &Placing) -> Option<Placement> {
    p.e.jurisdiction
        .is_empty()
        .then(|| (None, p.organization.clone()))
}

/// `区`, `市`: the report's zone of that level; `区党工委`: the zone's own bodies,
/// whatever district the report also names.
fn bare_level(p: &Placing) -> Option<Placement> {
    let level = single_level(&p.e.jurisdiction)?;
    let zone = if p.zone_body && level == Level::District {
        focal_development_zone(p.report).map(|z| z.name.clone())
    } else {
        zone_of_level(p.report, level)
    };
    Some((zone, p.organization.clone()))
}

/// `某某投资集团`: a company's post is in no zone.
fn company(p: &Placing) -> Option<Placement> {
    let j = &p.e.jurisdiction;
    OFFICIALS
        .company_suffixes
        .ends(j)
        .then(|| (None, Some(j.clone())))
}

/// A place the report names (`青溪高新区`).
fn named_zone(p: &Placing) -> Option<Placement> {
    let z = zones::resolve(p.report, &p.e.jurisdiction)?;
    Some((Some(z.name.clone()), p.organization.clone()))
}

/// A zone body under a name we could not place (a garbled or unusual form): the
/// report's own zone is by far the likeliest.
fn zone_body_unknown_place(p: &Placing) -> Option<Placement> {
    p.zone_body.then(|| {
        (
            zones::focal(p.report).map(|z| z.name.clone()),
            p.organization.clone(),
        )
    })
}

/// A place we could not resolve: the unit as written is the organization.
fn unknown_place(p: &Placing) -> Option<Placement> {
    Some((None, Some(format!("{}{}", p.e.jurisdiction, p.e.body))))
}
