//! Achievements: quantified results already reached (`工业总产值完成34亿元,同比增长2%`,
//! `成功签约项目34个`), read from the result-tense [statements](super::statements).

use super::statements::{statements, Tense};
use super::{Context, Extractor};
use crate::model::{Achievement, Report};

pub struct Achievements;

impl Extractor for Achievements {
    fn name(&self) -> &'static str {
        "achievements"
    }

    fn extract(&self, cx: &Context, report: &mut Report) {
        let zone = report.zones.first().map(|z| z.name.clone());
        let mut found: Vec<Achievement> = Vec::new();
        for st in statements(cx, report) {
            // counts of trips and rounds report effort, not results
            if st.tense != Tense::Result || st.activity {
                continue;
            }
            let dup = found.iter().any(|a| {
                a.year == st.year && a.indicator == st.indicator && a.value == st.value && a.unit == st.unit
            });
            if dup {
                continue;
            }
            found.push(Achievement {
                zone: zone.clone(),
                year: st.year,
                period: st.period,
                indicator: st.indicator,
                value: st.value,
                unit: st.unit,
                change: st.change,
                text: st.text,
                evidence: Some(cx.evidence(st.sentence)),
            });
        }
        report.achievements.extend(found);
    }
}
