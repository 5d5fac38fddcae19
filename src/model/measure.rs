//! The two measures with a target ([`Measure`]): the first response
//! (atención) and the resolution (solución), as the decisions file, the
//! penalties and `plazo whatif` name them.

use crate::text::fold;

/// A measure with a target: the first response or the resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// The response (atención).
    Response,
    /// The resolution (solución).
    Resolution,
}

impl Measure {
    /// Both, in output order.
    pub const ALL: [Measure; 2] = [Measure::Response, Measure::Resolution];

    /// The key as the files write it (the decisions file in English,
    /// `whatif-flips.csv`).
    pub fn key(self) -> &'static str {
        match self {
            Measure::Response => "response",
            Measure::Resolution => "resolution",
        }
    }

    /// The compliance indicator of the measure.
    pub fn indicator(self) -> &'static str {
        match self {
            Measure::Response => "response_compliance_pct",
            Measure::Resolution => "resolution_compliance_pct",
        }
    }

    /// Reads a measure word: `response`, `atencion`, `respuesta`;
    /// `resolution`, `solucion` (folded: case and accents ignored).
    pub fn parse(s: &str) -> Option<Measure> {
        match fold(s).as_str() {
            "response" | "atencion" | "respuesta" => Some(Measure::Response),
            "resolution" | "solucion" => Some(Measure::Resolution),
            _ => None,
        }
    }
}
