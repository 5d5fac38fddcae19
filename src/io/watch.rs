//! Inputs that must not change while a run reads them.
//!
//! A cron job may start while the export it reads is still being written
//! (or a colleague saves the file again from Excel). A run that read half
//! of an old file and half of a new one would file a wrong report without
//! a word. [`Watch`] records each input's size, modification time and
//! file identity before it is read; [`Watch::check`], called after the
//! last read and before any output is committed, fails naming the first
//! file that changed, so that nothing is written.
//!
//! # Example
//!
//! ```
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("tickets.csv");
//! std::fs::write(&path, b"ticket_id\n1\n")?;
//! let mut w = plazo::io::watch::Watch::default();
//! w.add(&path)?;
//! assert!(w.check().is_ok());
//! std::fs::write(&path, b"ticket_id\n")?;
//! assert!(w.check().is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::error::{Error, Result};
use crate::text::Text;
use crate::text::lang::Lang;
use crate::text::msg::errors as msg;

/// What identifies one version of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode (Unix): a file replaced by a rename is another.
    id: (u64, u64),
}

impl Stamp {
    fn of(path: &Path) -> std::io::Result<Stamp> {
        let m = std::fs::metadata(path)?;
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            (m.dev(), m.ino())
        };
        #[cfg(not(unix))]
        let id = (0, 0);
        Ok(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            id,
        })
    }
}

/// The input files of a run, each with its stamp when first seen.
#[derive(Clone, Debug, Default)]
pub struct Watch {
    files: Vec<(PathBuf, Stamp)>,
}

impl Watch {
    /// Records `path` as it is now.
    ///
    /// # Errors
    ///
    /// The file cannot be examined (naming it).
    pub fn add(&mut self, path: &Path) -> Result<()> {
        let s = Stamp::of(path).map_err(|e| Error::io(path, &e))?;
        self.files.push((path.to_path_buf(), s));
        Ok(())
    }

    /// The files watched, in the order added.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|(p, _)| p.as_path())
    }

    /// Fails, naming the first file whose size, modification time or
    /// identity differs from when it was added (or that is gone).
    ///
    /// # Errors
    ///
    /// A failure (exit code 1) naming the file and what changed.
    pub fn check(&self) -> Result<()> {
        for (path, before) in &self.files {
            let what = match Stamp::of(path) {
                Ok(now) if now == *before => continue,
                Ok(now) if now.len != before.len => Text::from_msg(
                    msg::CHANGED_SIZE,
                    &[("before", &before.len), ("now", &now.len)],
                ),
                Ok(_) => Text::from_msg(msg::CHANGED_STAMP, &[]),
                Err(_) => Text::from_msg(msg::CHANGED_GONE, &[]),
            };
            let fill = |lang| {
                msg::INPUT_CHANGED.fill(
                    lang,
                    &[("path", &path.display()), ("what", &what.get(lang))],
                )
            };
            return Err(Error::failure(fill(Lang::Es), fill(Lang::En)));
        }
        Ok(())
    }
}
