//! The canonical model: tickets, status events and surveys
//! (docs/CONTRACT.md §1).
//!
//! - [`builder`]: the one place rows become canonical: ids, duplicates,
//!   rejects and the per-file accounting (read = accepted + rejected +
//!   merged).
//! - [`dataset`]: the canonical tables as the engine reads them
//!   (interned labels, instants, events grouped per ticket), loaded from
//!   canonical CSV or Parquet.
//! - [`people`]: `[report] people`, names replaced by initials or
//!   pseudonyms once, right after loading.
//! - [`shard`]: which tickets one `plazo sla --shard K/N` run evaluates
//!   (a stable hash of the ticket id).
//! - [`write`](mod@write): canonical tables out, as CSV or Parquet.

pub mod builder;
pub mod dataset;
pub mod decisions;
pub mod measure;
pub mod people;
pub mod pipeline;
pub mod shard;
pub mod write;

pub use builder::{Builder, FileStats, Ingested, Origin, Reject};
pub use dataset::{Attr, Column, Dataset, Inputs, LoadStats, Strings};
