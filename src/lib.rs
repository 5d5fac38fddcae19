//! # plazo
//!
//! A batch engine that turns service-desk ticket histories into SLA (ANS)
//! compliance figures and monthly indicator reports, in business time of
//! an entity's calendar (Colombian holidays, working segments, pauses).
//!
//! Data flows one way: source -> model -> timeline -> engine -> indicators
//! -> report.
//! This crate's foundation is [`calendar`]: how much business time lies
//! between two instants.
//!
//! ```
//! use plazo::{Calendar, Policy};
//! use plazo::time::Instant;
//!
//! let policy = Policy::from_toml(r#"
//!     name = "Ejemplo"
//!     timezone = "America/Bogota"
//!     [calendar]
//!     holidays = ["co"]
//!     [calendar.hours]
//!     mon = ["08:00-12:00", "14:00-17:00"]
//!     tue = ["08:00-12:00", "14:00-17:00"]
//!     wed = ["08:00-12:00", "14:00-17:00"]
//!     thu = ["08:00-12:00", "14:00-17:00"]
//!     fri = ["08:00-12:00", "14:00-17:00"]
//! "#, "policy.toml".as_ref())?;
//! let cal = policy.calendar();
//! let tz = policy.tz();
//! let a = Instant::parse("2025-06-27 16:30", tz)?;
//! let b = Instant::parse("2025-07-01 09:15", tz)?;
//! assert_eq!(cal.business_between(a, b), 6300); // 1 h 45 min
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// The layers, bottom up: each module uses only those listed before it
// (checked by tests/it/layers.rs, which reads this list).
pub mod text;
pub mod error;
pub mod io;
pub mod time;
pub mod calendar;
pub mod policy;
pub mod model;
pub mod source;
pub mod timeline;
pub mod engine;
pub mod indicators;
pub mod report;

pub use calendar::Calendar;
pub use error::{Error, Result};
pub use policy::Policy;
