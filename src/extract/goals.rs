//! Goals: quantified targets for a coming period (`地区生产总值增长6%`,
//! `力争年内投产项目40个以上`), read from the plan-tense [statements](super::statements).

use super::statements::{statements, Tense};
use super::{Context, Extractor};
use crate::model::{Goal, Report};

pub struct Goals;

impl Extractor for Goals {
    fn name(&self) -> &'static str {
        "goals"
    }

    fn extract(&self, cx: &Context, report: &mut Report) {
        let zone = report.zones.first().map(|z| z.name.clone());
        let mut goals: Vec<Goal> = Vec::new();
        for st in statements(cx, report) {
            if st.tense != Tense::Plan {
                continue;
            }
            let dup = goals.iter().any(|g| {
                g.year == st.year && g.indicator == st.indicator && g.value == st.value && g.unit == st.unit
            });
            if dup {
                continue;
            }
            goals.push(Goal {
                zone: zone.clone(),
                year: st.year,
                indicator: st.indicator,
                value: st.value,
                unit: st.unit,
                kind: st.kind,
                text: st.text,
                evidence: Some(cx.evidence(st.sentence)),
            });
        }
        report.goals.extend(goals);
    }
}
