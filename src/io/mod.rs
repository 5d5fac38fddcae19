//! Bytes in and out: CSV with row positions, encodings, gz/zip inputs.
//!
//! Nothing here knows what a ticket is: the layers above ask for rows
//! with their file and line, and get clear errors naming both (their
//! text is in [`crate::text::msg::csv`]).

pub mod atomic;
pub mod csv;
pub mod encoding;
pub mod formula;
pub mod input;
pub mod limits;
pub mod watch;

pub use encoding::Encoding;
