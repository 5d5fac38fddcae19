//! Atomic output: every file plazo writes appears whole or not at all.
//!
//! Output is first written to a temporary file in the destination's own
//! folder (so the final rename never crosses file systems), flushed to
//! disk, then renamed over the destination. A run that fails, or is
//! killed, before the rename leaves the destination as it was; the
//! temporary file is removed on failure (and on drop), and a killed run
//! leaves at most a hidden `.NAME.*.tmp` file, never a partial `NAME`.
//!
//! Several files that belong together (ingest's tables) are staged first
//! and renamed only when every one of them was written: see [`Staged`].
//!
//! # Example
//!
//! ```
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("sla.csv");
//! plazo::io::atomic::write(&path, b"ticket_id\n")?;
//! assert_eq!(std::fs::read(&path)?, b"ticket_id\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A temporary file beside its destination, renamed over it by
/// [`Staged::commit`]; removed if dropped uncommitted.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::TempPath,
    dest: PathBuf,
}

impl Staged {
    /// Stages `dest`: an empty temporary file in its folder, named
    /// `.NAME.XXXXXX.tmp` plus `suffix` (writers that choose a format by
    /// extension, such as the PNG encoder, need `suffix = ".png"`).
    ///
    /// # Errors
    ///
    /// The folder cannot be written, naming `dest`.
    pub fn new(dest: &Path, suffix: &str) -> Result<Staged> {
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(&format!(".tmp{suffix}"))
            .tempfile_in(dir)
            .map_err(|e| Error::io(dest, &e))?
            .into_temp_path();
        Ok(Staged {
            tmp,
            dest: dest.to_path_buf(),
        })
    }

    /// Where to write the content.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// The final path.
    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// Flushes the temporary file to disk and renames it over the
    /// destination.
    ///
    /// # Errors
    ///
    /// An I/O error naming the destination; the temporary file is
    /// removed.
    pub fn commit(self) -> Result<()> {
        let dest = self.dest;
        std::fs::File::open(&self.tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&dest, &e))?;
        self.tmp
            .persist(&dest)
            .map_err(|e| Error::io(&dest, &e.error))
    }
}

/// Writes `bytes` to `path` atomically.
///
/// # Errors
///
/// An I/O error naming the path; no partial file is left.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let staged = Staged::new(path, "")?;
    std::fs::File::create(staged.path())
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| Error::io(path, &e))?;
    staged.commit()
}

/// Commits every staged file, in order, once all were written.
///
/// # Errors
///
/// The first rename that fails; the files not yet renamed are removed.
pub fn commit_all(staged: Vec<Staged>) -> Result<()> {
    for s in staged {
        s.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_stage_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("a.csv");
        let s = Staged::new(&dest, "").unwrap();
        std::fs::write(s.path(), b"partial").unwrap();
        drop(s);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn commit_replaces_the_destination() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("a.csv");
        std::fs::write(&dest, b"old").unwrap();
        write(&dest, b"new").unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
