//! `[indicators]`: the goal of each indicator and what its ficha says
//! about it (objective, type, frequency, owner, source, baseline).
//!
//! Two forms, which may be mixed:
//!
//! ```toml
//! [indicators]
//! resolution_compliance_min = 90        # short form: goal and direction
//!
//! [indicators.response_compliance_pct]  # full form
//! goal = 95
//! direction = "min"       # default: the indicator's natural direction
//! acceptable = 90         # 95+ cumple, 90-95 aceptable, below no cumple
//! frequency = "Mensual"
//! owner = "Coordinador de la Mesa de Servicios"
//! source = "GLPI, módulo de tickets"
//! baseline = 88.5
//! objective = "Medir la oportunidad en la atención de los casos"
//! type = "eficacia"
//! ```
//!
//! The full form's key is the indicator id (`response_compliance_pct`) or
//! the id without `_pct`; the short form's is that base with `_min` or
//! `_max`. An unknown id is an error naming the key and the known ids.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::msg::policy as m;

/// The indicator ids, in output order (docs/CONTRACT.md §5.3). The
/// indicators layer computes them; the policy names them.
pub const IDS: &[&str] = &[
    "tickets_opened",
    "tickets_solved",
    "tickets_closed",
    "backlog_end",
    "response_compliance_pct",
    "resolution_compliance_pct",
    "response_business_hours_mean",
    "resolution_business_hours_mean",
    "resolution_business_hours_median",
    "resolution_business_hours_p90",
    "paused_business_hours_mean",
    "reopen_rate_pct",
    "auto_closed_pct",
    "survey_response_rate_pct",
    "csat_mean",
    "satisfied_pct",
    "excluded",
    "no_target",
    // Pre-cases (`[states] precase`, Víctimas §3 PRECASO).
    "precases",
    "precases_registered",
    "precases_discarded",
    "precase_to_case_business_hours_mean",
    "surveys_sent",
    "surveys_answered",
    "survey_sent_answered_pct",
    "answers_out_of_scope",
    // Closing rules (`[close]`, docs/INDICATORS.md).
    "closed_early_pct",
    "closed_without_approval_pct",
    "close_late_pct",
    "validation_within_pct",
    // "Sin Solución" and the suspensions.
    "tickets_unresolved",
    "pauses",
    "pauses_without_note",
    // Escalations per level (docs/INDICATORS.md "Escalations").
    "escalations",
    "escalation_take_compliance_pct",
    "escalation_take_business_hours_mean",
    "escalation_take_business_hours_p90",
    "escalations_waiting",
];

/// Which way an indicator is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Higher is better: the value must be at least the goal.
    Min,
    /// Lower is better: the value must be at most the goal.
    Max,
}

impl Direction {
    /// The natural direction of indicator `id`: lower is better for
    /// times, the reopen rate, the backlog and the exclusions.
    pub fn natural(id: &str) -> Direction {
        let lower_better = id.contains("_hours_")
            || matches!(
                id,
                "reopen_rate_pct"
                    | "backlog_end"
                    | "excluded"
                    | "no_target"
                    | "answers_out_of_scope"
                    | "escalations_waiting"
            );
        if lower_better {
            Direction::Max
        } else {
            Direction::Min
        }
    }

    /// `min` or `max`.
    pub fn key(self) -> &'static str {
        match self {
            Direction::Min => "min",
            Direction::Max => "max",
        }
    }
}

/// The type of an indicator in a ficha (DAFP's classification).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Eficacia: how far a result is achieved.
    Efficacy,
    /// Eficiencia: the resources (time) a result takes.
    Efficiency,
    /// Efectividad: the effect on the users (satisfaction).
    Effectiveness,
}

impl Kind {
    /// The natural type of indicator `id`.
    pub fn natural(id: &str) -> Kind {
        if id.contains("_hours_") {
            Kind::Efficiency
        } else if matches!(
            id,
            "csat_mean"
                | "satisfied_pct"
                | "survey_response_rate_pct"
                | "surveys_sent"
                | "surveys_answered"
                | "survey_sent_answered_pct"
                | "answers_out_of_scope"
        ) {
            Kind::Effectiveness
        } else {
            Kind::Efficacy
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        match crate::text::fold(s).as_str() {
            "eficacia" | "efficacy" => Some(Kind::Efficacy),
            "eficiencia" | "efficiency" => Some(Kind::Efficiency),
            "efectividad" | "effectiveness" => Some(Kind::Effectiveness),
            _ => None,
        }
    }
}

/// How a value stands against its goal (the semáforo).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The goal is met (green).
    Met,
    /// Within the acceptable band, short of the goal (yellow).
    Acceptable,
    /// Below the acceptable band, or short of the goal with no band (red).
    NotMet,
}

impl Status {
    /// The key written in `indicators.csv`: `cumple`, `aceptable`,
    /// `no_cumple`.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "cumple",
            Status::Acceptable => "aceptable",
            Status::NotMet => "no_cumple",
        }
    }
}

/// A goal: a value and a direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goal {
    /// The goal's value, in the indicator's unit.
    pub value: f64,
    /// Which way is better.
    pub direction: Direction,
    /// The edge of the acceptable band, on the worse side of the goal.
    pub acceptable: Option<f64>,
}

impl Goal {
    /// How `v` stands against the goal.
    ///
    /// ```
    /// use plazo::policy::{Direction, Goal, Status};
    /// let g = Goal { value: 95.0, direction: Direction::Min, acceptable: Some(90.0) };
    /// assert_eq!(g.status(96.0), Status::Met);
    /// assert_eq!(g.status(92.0), Status::Acceptable);
    /// assert_eq!(g.status(80.0), Status::NotMet);
    /// ```
    pub fn status(&self, v: f64) -> Status {
        let at_least = |bound: f64| match self.direction {
            Direction::Min => v >= bound,
            Direction::Max => v <= bound,
        };
        if at_least(self.value) {
            Status::Met
        } else if self.acceptable.is_some_and(at_least) {
            Status::Acceptable
        } else {
            Status::NotMet
        }
    }

    /// Whether `v` meets the goal.
    pub fn met(&self, v: f64) -> bool {
        self.status(v) == Status::Met
    }
}

/// What the policy says about one indicator.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorSpec {
    /// The goal, when the policy sets one.
    pub goal: Option<Goal>,
    /// How often it is measured (`Mensual`).
    pub frequency: Option<String>,
    /// Who is responsible for it.
    pub owner: Option<String>,
    /// Where its data comes from (the tool, the module).
    pub source: Option<String>,
    /// The baseline value, in the indicator's unit.
    pub baseline: Option<f64>,
    /// Its objective, in the entity's words.
    pub objective: Option<String>,
    /// Its type, when the policy overrides the natural one.
    pub kind: Option<Kind>,
    /// Its name, when the entity calls it something else.
    pub name: Option<String>,
}

/// `[indicators.<id>]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    goal: Option<f64>,
    direction: Option<String>,
    acceptable: Option<f64>,
    frequency: Option<String>,
    owner: Option<String>,
    source: Option<String>,
    baseline: Option<f64>,
    objective: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    name: Option<String>,
}

/// The id `key` names (the id itself or the id without `_pct`).
fn id_of(key: &str) -> Option<&'static str> {
    IDS.iter()
        .copied()
        .find(|id| *id == key || id.strip_suffix("_pct") == Some(key))
}

fn unknown(key: &str) -> Error {
    Error::input_msg(
        m::INDICATOR_UNKNOWN,
        &[("key", &key), ("ids", &IDS.join(", "))],
    )
}

fn number(key: &str, v: &toml::Value) -> Result<f64> {
    match v {
        toml::Value::Integer(i) => Ok(*i as f64),
        toml::Value::Float(f) if f.is_finite() => Ok(*f),
        _ => Err(Error::input_msg(
            m::INDICATOR_NOT_NUMBER,
            &[("key", &key), ("value", &v)],
        )),
    }
}

/// Resolves the `[indicators]` table into one spec per id.
///
/// # Errors
///
/// An unknown id, a short form that is not a number, an unknown key or
/// direction or type in a full form, an acceptable band on the better
/// side of the goal, an id given twice.
pub(super) fn resolve(
    raw: &BTreeMap<String, toml::Value>,
) -> Result<BTreeMap<&'static str, IndicatorSpec>> {
    let mut out: BTreeMap<&'static str, IndicatorSpec> = BTreeMap::new();
    for (key, v) in raw {
        let (id, spec) = match v {
            toml::Value::Table(_) => full(key, v)?,
            _ => short(key, v)?,
        };
        if out.insert(id, spec).is_some() {
            return Err(Error::input_msg(m::INDICATOR_TWICE, &[("id", &id)]));
        }
    }
    Ok(out)
}

/// `<base>_min = 90` / `<base>_max = 5`.
fn short(key: &str, v: &toml::Value) -> Result<(&'static str, IndicatorSpec)> {
    let (base, direction) = if let Some(b) = key.strip_suffix("_min") {
        (b, Direction::Min)
    } else if let Some(b) = key.strip_suffix("_max") {
        (b, Direction::Max)
    } else {
        return Err(unknown(key));
    };
    let id = id_of(base).ok_or_else(|| unknown(key))?;
    let goal = Goal {
        value: number(key, v)?,
        direction,
        acceptable: None,
    };
    Ok((
        id,
        IndicatorSpec {
            goal: Some(goal),
            ..IndicatorSpec::default()
        },
    ))
}

/// `[indicators.<id>]`.
fn full(key: &str, v: &toml::Value) -> Result<(&'static str, IndicatorSpec)> {
    let id = id_of(key).ok_or_else(|| unknown(key))?;
    let raw = RawSpec::deserialize(v.clone()).map_err(|e| {
        Error::input_msg(
            m::INDICATOR_TABLE_INVALID,
            &[("key", &key), ("detail", &e.message())],
        )
    })?;
    let direction = match raw.direction.as_deref() {
        None => Direction::natural(id),
        Some("min") => Direction::Min,
        Some("max") => Direction::Max,
        Some(other) => {
            return Err(Error::input_msg(
                m::INDICATOR_BAD_DIRECTION,
                &[("key", &key), ("value", &other)],
            ));
        }
    };
    let kind = match raw.kind.as_deref() {
        None => None,
        Some(k) => Some(Kind::parse(k).ok_or_else(|| {
            Error::input_msg(
                m::INDICATOR_BAD_TYPE,
                &[("key", &key), ("value", &k)],
            )
        })?),
    };
    let goal = band(key, raw.goal, raw.acceptable, direction)?;
    Ok((
        id,
        IndicatorSpec {
            goal,
            frequency: raw.frequency,
            owner: raw.owner,
            source: raw.source,
            baseline: raw.baseline,
            objective: raw.objective,
            kind,
            name: raw.name,
        },
    ))
}

/// The goal and its acceptable band, checked: the band lies on the
/// worse side of the goal, and needs a goal.
fn band(
    key: &str,
    goal: Option<f64>,
    acceptable: Option<f64>,
    direction: Direction,
) -> Result<Option<Goal>> {
    let Some(value) = goal else {
        if let Some(a) = acceptable {
            return Err(Error::input_msg(
                m::INDICATOR_BAND_WITHOUT_GOAL,
                &[("key", &key), ("acceptable", &a)],
            ));
        }
        return Ok(None);
    };
    if let Some(a) = acceptable {
        let worse = match direction {
            Direction::Min => a < value,
            Direction::Max => a > value,
        };
        if !worse {
            return Err(Error::input_msg(
                m::INDICATOR_BAND_SIDE,
                &[
                    ("key", &key),
                    ("goal", &value),
                    ("acceptable", &a),
                    ("direction", &direction.key()),
                ],
            ));
        }
    }
    Ok(Some(Goal {
        value,
        direction,
        acceptable,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> BTreeMap<String, toml::Value> {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn short_and_full_forms() {
        let specs = resolve(&table(
            "resolution_compliance_min = 90\nreopen_rate_max = 5.5\n\
             [response_compliance_pct]\ngoal = 95\nacceptable = 90\n\
             owner = \"Coordinación\"\n\
             [resolution_business_hours_mean]\ngoal = 8\n",
        ))
        .unwrap();
        let g = |id: &str| specs[id].goal.unwrap();
        assert_eq!(g("resolution_compliance_pct").value, 90.0);
        assert_eq!(g("reopen_rate_pct").direction, Direction::Max);
        assert_eq!(g("response_compliance_pct").acceptable, Some(90.0));
        assert_eq!(
            specs["response_compliance_pct"].owner.as_deref(),
            Some("Coordinación")
        );
        // natural direction of a time: lower is better
        assert_eq!(
            g("resolution_business_hours_mean").direction,
            Direction::Max
        );
        assert_eq!(
            g("resolution_business_hours_mean").status(9.0),
            Status::NotMet
        );
    }

    #[test]
    fn semaforo_min_and_max() {
        let min = Goal {
            value: 95.0,
            direction: Direction::Min,
            acceptable: Some(90.0),
        };
        let got: Vec<_> = [96.0, 95.0, 92.0, 90.0, 80.0]
            .map(|v| min.status(v).key())
            .to_vec();
        assert_eq!(
            got,
            ["cumple", "cumple", "aceptable", "aceptable", "no_cumple"]
        );
        let max = Goal {
            value: 5.0,
            direction: Direction::Max,
            acceptable: Some(8.0),
        };
        let got: Vec<_> =
            [3.0, 6.0, 9.0].map(|v| max.status(v).key()).to_vec();
        assert_eq!(got, ["cumple", "aceptable", "no_cumple"]);
        let no_band = Goal {
            acceptable: None,
            ..max
        };
        assert_eq!(no_band.status(6.0), Status::NotMet);
    }

    #[test]
    fn errors_name_the_key() {
        let e = |t: &str| resolve(&table(t)).unwrap_err().to_string();
        assert!(
            e("resolution_compliance = 90").contains("resolution_compliance")
        );
        assert!(e("foo_min = 1").contains("foo_min"));
        let side = e("[response_compliance_pct]\ngoal = 90\nacceptable = 95");
        assert!(side.contains("acceptable") && side.contains("95"), "{side}");
        let dir = e("[reopen_rate]\ngoal = 5\ndirection = \"down\"");
        assert!(dir.contains("down"), "{dir}");
        let key = e("[reopen_rate]\ngoal = 5\nmeta = 3");
        assert!(key.contains("meta"), "{key}");
        let twice = e("reopen_rate_max = 5\n[reopen_rate_pct]\ngoal = 4");
        assert!(twice.contains("reopen_rate_pct"), "{twice}");
    }
}
