//! Where a table comes from: a file named on the command line, or bytes
//! already in memory (tests and the fuzz targets in `fuzz/`, which read
//! thousands of inputs a second and must not write each one to disk).
//!
//! Every source reads its tables through an [`Input`], so a table given
//! as bytes goes through exactly the code a file goes through (encoding,
//! separator, line numbers); only the opening differs.
//!
//! # Example
//!
//! ```
//! use plazo::io::input::Input;
//! use plazo::io::encoding::Encoding;
//! let input = Input::Bytes { name: "t.csv", bytes: b"ID;Estado\n7;Nuevo\n" };
//! let mut csv = input.csv(Encoding::Auto, None)?;
//! assert_eq!(csv.header, ["ID", "Estado"]);
//! assert_eq!(csv.next_row()?.unwrap().line, 2);
//! # Ok::<(), plazo::Error>(())
//! ```

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::io::csv::{CsvInput, Records};
use crate::io::encoding::Encoding;

/// A table's origin: a file, or named bytes.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// A file (`.csv`, `.tsv`, `.csv.gz`, `.zip`), opened when read.
    File(&'a Path),
    /// Bytes in memory, read as a plain (uncompressed) table; `name`
    /// stands for the file in messages and rejects.
    Bytes {
        /// The name used in messages.
        name: &'a str,
        /// The table's bytes.
        bytes: &'a [u8],
    },
}

impl<'a> From<&'a Path> for Input<'a> {
    fn from(p: &'a Path) -> Input<'a> {
        Input::File(p)
    }
}

impl<'a> From<&'a PathBuf> for Input<'a> {
    fn from(p: &'a PathBuf) -> Input<'a> {
        Input::File(p.as_path())
    }
}

impl Input<'_> {
    /// The name used in messages: the path as given, or the bytes' name.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Bytes { name, .. } => (*name).to_string(),
        }
    }

    /// Opens the table as an export ([`CsvInput`]).
    ///
    /// # Errors
    ///
    /// As [`CsvInput::open`].
    pub fn csv(
        &self,
        encoding: Encoding,
        separator: Option<u8>,
    ) -> Result<CsvInput> {
        match self {
            Input::File(p) => CsvInput::open(p, encoding, separator),
            Input::Bytes { name, bytes } => {
                CsvInput::from_bytes(name, bytes.to_vec(), encoding, separator)
            }
        }
    }

    /// Opens the table as a canonical table ([`Records::canonical`]).
    ///
    /// # Errors
    ///
    /// As [`Records::canonical`].
    pub fn canonical(&self) -> Result<Records> {
        match self {
            Input::File(p) => Records::canonical(p),
            Input::Bytes { name, bytes } => Records::canonical_from(
                name,
                Box::new(std::io::Cursor::new(bytes.to_vec())),
            ),
        }
    }

    /// Opens the table as a raw table dump ([`Records::dump`]).
    ///
    /// # Errors
    ///
    /// As [`Records::dump`].
    pub fn dump(&self) -> Result<Records> {
        self.dump_as(Encoding::Auto)
    }

    /// Opens the table as a raw table dump decoded from `encoding`
    /// ([`Records::dump_as`]).
    ///
    /// # Errors
    ///
    /// As [`Records::dump_as`].
    pub fn dump_as(&self, encoding: Encoding) -> Result<Records> {
        match self {
            Input::File(p) => Records::dump_as(p, encoding),
            Input::Bytes { name, bytes } => {
                Records::dump_bytes_as(name, bytes.to_vec(), encoding)
            }
        }
    }
}
