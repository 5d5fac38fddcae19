//! Atomic output: every file plazo writes appears whole or not at all,
//! and the files of one run appear together.
//!
//! Output is first written to a temporary file in the destination's own
//! folder (so the final rename never crosses file systems), flushed to
//! disk, then renamed over the destination. A run that fails, or is
//! killed, before the rename leaves the destination as it was; the
//! temporary file is removed on failure (and on drop).
//!
//! Temporary files are named `.plazo-tmp-<pid>-<NAME>.<random>[suffix]`:
//! hidden, recognisable, and carrying the id of the process that writes
//! them. A killed run (SIGKILL, power cut) leaves them behind; the next
//! run that writes into the same folder removes them before it writes
//! there ([`clean_stale`]). It removes only files whose process is gone,
//! or whose process id is its own (a previous run that had the same id):
//! the files of a concurrent run, alive, are never touched.
//!
//! Several files that belong together (a report's workbook, CSV tables
//! and charts; ingest's tables; `plazo sla`'s table and its rejects) go
//! through a [`Batch`]: every file is written and flushed first, then a
//! journal `.plazo-commit-<pid>` listing the renames is written
//! (atomically), then the renames are done and the journal removed. A run
//! killed during the renames (a window of microseconds) leaves the
//! journal; the next run in that folder finishes the renames before
//! anything else ([`recover`]), so the folder holds the previous outputs
//! or the new ones, never a mix that stays.
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

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// How every temporary file's name starts.
pub const TMP_PREFIX: &str = ".plazo-tmp-";

/// How a batch's journal's name starts (then the writer's pid).
pub const JOURNAL_PREFIX: &str = ".plazo-commit-";

/// A temporary file beside its destination, renamed over it by
/// [`Staged::commit`]; removed if dropped uncommitted.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::TempPath,
    dest: PathBuf,
}

/// The folder of `path` (`.` for a bare name).
fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

impl Staged {
    /// Stages `dest`: an empty temporary file in its folder, named
    /// `.plazo-tmp-<pid>-NAME.XXXXXX` plus `suffix` (writers that choose
    /// a format by extension, such as the PNG encoder, need `suffix =
    /// ".png"`). The first file staged in a folder cleans it of the
    /// temporary files and journals of killed runs ([`clean_stale`]).
    ///
    /// # Errors
    ///
    /// The folder cannot be written, naming `dest`.
    pub fn new(dest: &Path, suffix: &str) -> Result<Staged> {
        let dir = folder(dest);
        clean_once(dir);
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let prefix = format!("{TMP_PREFIX}{}-{name}.", std::process::id());
        let mut b = tempfile::Builder::new();
        b.prefix(&prefix).suffix(suffix);
        // An output file, not a secret: the usual rw-rw-rw- less the
        // umask (as any program's new file), not tempfile's owner-only
        // default, so that a report written by cron can be read by the
        // colleagues who file it.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            b.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = b
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

    /// Flushes the temporary file to disk.
    fn sync(&self) -> Result<()> {
        std::fs::File::open(&self.tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&self.dest, &e))
    }

    /// Flushes the temporary file to disk and renames it over the
    /// destination.
    ///
    /// # Errors
    ///
    /// An I/O error naming the destination; the temporary file is
    /// removed.
    pub fn commit(self) -> Result<()> {
        self.sync()?;
        let dest = self.dest;
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
    write_bytes(&staged, bytes)?;
    staged.commit()
}

/// Writes `bytes` into a staged file, naming its destination on failure.
fn write_bytes(staged: &Staged, bytes: &[u8]) -> Result<()> {
    std::fs::File::create(staged.path())
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| Error::io(staged.dest(), &e))
}

/// The folders a run made for its outputs: the output folder and every
/// missing folder above it, created by [`Folders::create`]. Dropped
/// before [`Folders::keep`] (the run failed before its files appeared),
/// it removes them again, the deepest first, as long as they are empty:
/// a failed run leaves the disk as it found it.
#[derive(Debug, Default)]
pub struct Folders(Vec<PathBuf>);

impl Folders {
    /// Creates `dir` and the folders above it that are missing.
    ///
    /// # Errors
    ///
    /// An I/O error naming `dir`.
    pub fn create(dir: &Path) -> Result<Folders> {
        let missing = dir
            .ancestors()
            .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
            .map(Path::to_path_buf)
            .collect();
        let made = Folders(missing);
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
        Ok(made)
    }

    /// The run's files are in place: the folders stay.
    pub fn keep(mut self) {
        self.0.clear();
    }
}

impl Drop for Folders {
    fn drop(&mut self) {
        for d in &self.0 {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
        }
    }
}

/// Files written together: staged one by one, renamed into place all at
/// once by [`Batch::commit`], with a journal that lets the next run finish
/// the renames of a run killed among them.
#[derive(Debug)]
pub struct Batch {
    /// Where the journal goes; destinations are recorded relative to it.
    root: PathBuf,
    staged: Vec<Staged>,
    /// Files to delete at commit (outputs of an earlier run that this
    /// run does not produce, e.g. a rejects file when nothing was
    /// rejected).
    removed: Vec<PathBuf>,
}

impl Batch {
    /// A batch whose journal goes into `root` (usually the output
    /// folder; destinations may be in its subfolders). Finishes a killed
    /// run's journal there and removes stale temporary files
    /// ([`clean_stale`]).
    pub fn new(root: &Path) -> Batch {
        clean_once(root);
        Batch {
            root: root.to_path_buf(),
            staged: Vec::new(),
            removed: Vec::new(),
        }
    }

    /// Stages `dest` (see [`Staged::new`]); returns the path to write.
    ///
    /// # Errors
    ///
    /// The folder cannot be written, naming `dest`.
    pub fn stage(&mut self, dest: &Path, suffix: &str) -> Result<PathBuf> {
        let s = Staged::new(dest, suffix)?;
        let p = s.path().to_path_buf();
        self.staged.push(s);
        Ok(p)
    }

    /// Stages `dest` with `bytes` as its content.
    ///
    /// # Errors
    ///
    /// An I/O error naming `dest`.
    pub fn write(&mut self, dest: &Path, bytes: &[u8]) -> Result<()> {
        let s = Staged::new(dest, "")?;
        write_bytes(&s, bytes)?;
        self.staged.push(s);
        Ok(())
    }

    /// Deletes `dest` at commit, when it exists.
    pub fn remove(&mut self, dest: &Path) {
        self.removed.push(dest.to_path_buf());
    }

    /// The destinations staged so far, in order.
    pub fn dests(&self) -> Vec<PathBuf> {
        self.staged.iter().map(|s| s.dest.clone()).collect()
    }

    /// Flushes every staged file, writes the journal, renames them into
    /// place (and deletes the removed ones), then removes the journal.
    /// Returns the destinations written.
    ///
    /// # Errors
    ///
    /// An I/O error naming the file; the files not yet renamed are
    /// removed (with the journal, so that no later run finishes them).
    pub fn commit(self) -> Result<Vec<PathBuf>> {
        for s in &self.staged {
            s.sync()?;
        }
        let dests = self.dests();
        let removed: Vec<&PathBuf> =
            self.removed.iter().filter(|p| p.exists()).collect();
        let journal = if self.staged.len() + removed.len() > 1 {
            Some(self.write_journal(&removed)?)
        } else {
            None
        };
        let done = Self::place(self.staged, &removed);
        if let Some(j) = &journal {
            // Also on failure: no later run may finish a failed commit.
            let _ = std::fs::remove_file(j);
        }
        done?;
        Ok(dests)
    }

    /// The renames, then the removals.
    fn place(staged: Vec<Staged>, removed: &[&PathBuf]) -> Result<()> {
        for s in staged {
            let dest = s.dest;
            s.tmp
                .persist(&dest)
                .map_err(|e| Error::io(&dest, &e.error))?;
        }
        for p in removed {
            if let Err(e) = std::fs::remove_file(p)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                return Err(Error::io(p, &e));
            }
        }
        Ok(())
    }

    /// Writes `.plazo-commit-<pid>` into the root, atomically: one line
    /// per rename (`rename TAB tmp TAB dest`) and removal (`remove TAB
    /// dest`), paths relative to the root when under it.
    fn write_journal(&self, removed: &[&PathBuf]) -> Result<PathBuf> {
        let rel = |p: &Path| -> String {
            escape(&p.strip_prefix(&self.root).unwrap_or(p).to_string_lossy())
        };
        let mut text = String::new();
        for s in &self.staged {
            text.push_str(&format!(
                "rename\t{}\t{}\n",
                rel(s.path()),
                rel(&s.dest)
            ));
        }
        for p in removed {
            text.push_str(&format!("remove\t{}\n", rel(p)));
        }
        let path = self
            .root
            .join(format!("{JOURNAL_PREFIX}{}", std::process::id()));
        write(&path, text.as_bytes())?;
        Ok(path)
    }
}

/// `\` -> `\\`, tab -> `\t`, newline -> `\n` (journal fields).
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

/// The inverse of [`escape`].
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

/// Folders already cleaned by this process (each is cleaned once, before
/// this process writes its first file there).
static CLEANED: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// [`clean_stale`] on `dir` unless this process already did.
fn clean_once(dir: &Path) {
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.into());
    let mut done = CLEANED.lock().unwrap_or_else(|e| e.into_inner());
    if done.insert(key) {
        clean_stale(dir);
    }
}

/// The process id in a temporary file's or journal's name, when it has
/// one of plazo's prefixes.
fn owner(name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix(TMP_PREFIX)
        .or_else(|| name.strip_prefix(JOURNAL_PREFIX))?;
    let digits: String =
        rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Whether a file written by process `pid` belongs to a killed run: its
/// process is gone, or it is this process's own id (an earlier process
/// that had the same id: this process cleans a folder before it writes
/// there). On systems without `/proc`, only files older than a day count
/// as stale.
fn is_stale(pid: u32, path: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if Path::new("/proc/self").exists() {
        return !Path::new("/proc").join(pid.to_string()).exists();
    }
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() > 86_400)
}

/// Cleans `dir` of what killed runs left: first finishes their commit
/// journals in `dir` and in its parent folder ([`recover`]: a report's
/// charts are committed by the journal of the report's folder), then
/// removes their temporary files. Never touches the files of a process
/// that is still running. Best effort: a file that cannot be removed
/// stays (it is hidden and never read).
pub fn clean_stale(dir: &Path) {
    recover(dir);
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        recover(parent);
    }
    for (pid, path) in owned_files(dir, TMP_PREFIX) {
        if is_stale(pid, &path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The files of `dir` whose names start with `prefix` and a process id.
fn owned_files(dir: &Path, prefix: &str) -> Vec<(u32, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<(u32, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            if !name.starts_with(prefix) {
                return None;
            }
            owner(&name).map(|pid| (pid, e.path()))
        })
        .collect();
    v.sort();
    v
}

/// Finishes the commit of every killed run whose journal is in `dir`:
/// renames each of its temporary files that is still there over its
/// destination, deletes the files it removed, then deletes the journal.
/// Every file of a journal was complete and flushed before the journal
/// was written, so finishing it gives exactly that run's outputs.
pub fn recover(dir: &Path) {
    for (pid, journal) in owned_files(dir, JOURNAL_PREFIX) {
        if !is_stale(pid, &journal) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&journal) else {
            continue;
        };
        let at = |s: &str| dir.join(unescape(s));
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["rename", tmp, dest] if at(tmp).exists() => {
                    let _ = std::fs::rename(at(tmp), at(dest));
                }
                ["remove", dest] => {
                    let _ = std::fs::remove_file(at(dest));
                }
                _ => {}
            }
        }
        let _ = std::fs::remove_file(&journal);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        v.sort();
        v
    }

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
        assert_eq!(names(dir.path()), ["a.csv"]);
    }

    /// Outputs get 0666 less the umask (read from /proc), like any new
    /// file, not tempfile's 0600.
    #[cfg(target_os = "linux")]
    #[test]
    fn outputs_get_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let umask = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .map(|v| u32::from_str_radix(v.trim(), 8).unwrap())
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("a.csv");
        write(&dest, b"x").unwrap();
        let mode = std::fs::metadata(&dest).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o666 & !umask);
    }

    #[test]
    fn temporary_names_carry_the_prefix_and_the_pid() {
        let dir = tempfile::tempdir().unwrap();
        let s = Staged::new(&dir.path().join("c.png"), ".png").unwrap();
        let name = s.path().file_name().unwrap().to_string_lossy().to_string();
        let start = format!(".plazo-tmp-{}-c.png.", std::process::id());
        assert!(name.starts_with(&start), "{name}");
        assert!(name.ends_with(".png"), "{name}");
        assert_eq!(owner(&name), Some(std::process::id()));
    }

    #[test]
    fn stale_files_of_dead_processes_go_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // pid 1 is alive (init); 4194304 is above Linux's pid_max, so no
        // process has it.
        let live = d.join(".plazo-tmp-1-a.csv.x1");
        let dead = d.join(".plazo-tmp-4194304-a.csv.x2");
        let own =
            d.join(format!(".plazo-tmp-{}-b.csv.x3", std::process::id()));
        let other = d.join(".plazo-tmp-notes.txt");
        for p in [&live, &dead, &own, &other] {
            std::fs::write(p, b"x").unwrap();
        }
        clean_stale(d);
        assert_eq!(
            names(d),
            [".plazo-tmp-1-a.csv.x1", ".plazo-tmp-notes.txt"]
        );
    }

    /// A batch killed after two of its three renames: the journal and the
    /// third temporary file are left; recovery finishes the rename and
    /// the removal, and removes the journal.
    #[test]
    fn recovery_finishes_a_killed_batch() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("charts")).unwrap();
        std::fs::write(d.join("a.csv"), b"new a").unwrap();
        std::fs::write(d.join("charts/c.png"), b"new c").unwrap();
        std::fs::write(d.join("b.csv"), b"old b").unwrap();
        std::fs::write(d.join(".plazo-tmp-4194304-b.csv.q"), b"new b")
            .unwrap();
        std::fs::write(d.join("rejects.csv"), b"old rejects").unwrap();
        std::fs::write(
            d.join(".plazo-commit-4194304"),
            "rename\t.plazo-tmp-4194304-a.csv.p\ta.csv\n\
             rename\tcharts/.plazo-tmp-4194304-c.png.r.png\tcharts/c.png\n\
             rename\t.plazo-tmp-4194304-b.csv.q\tb.csv\n\
             remove\trejects.csv\n",
        )
        .unwrap();
        clean_stale(&d.join("charts"));
        assert_eq!(names(d), ["a.csv", "b.csv", "charts"]);
        assert_eq!(std::fs::read(d.join("b.csv")).unwrap(), b"new b");
        assert_eq!(std::fs::read(d.join("a.csv")).unwrap(), b"new a");
        assert_eq!(names(&d.join("charts")), ["c.png"]);
    }

    #[test]
    fn a_live_runs_journal_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join(".plazo-tmp-1-b.csv.q"), b"new b").unwrap();
        std::fs::write(
            d.join(".plazo-commit-1"),
            "rename\t.plazo-tmp-1-b.csv.q\tb.csv\n",
        )
        .unwrap();
        clean_stale(d);
        assert_eq!(names(d), [".plazo-commit-1", ".plazo-tmp-1-b.csv.q"]);
    }

    #[test]
    fn batch_commits_every_file_and_removes_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("gone.csv"), b"old").unwrap();
        let mut b = Batch::new(d);
        b.write(&d.join("a.csv"), b"A").unwrap();
        let p = b.stage(&d.join("sub/b.png"), ".png").unwrap();
        std::fs::write(&p, b"B").unwrap();
        b.remove(&d.join("gone.csv"));
        b.remove(&d.join("never-there.csv"));
        assert_eq!(b.commit().unwrap().len(), 2);
        assert_eq!(names(d), ["a.csv", "sub"]);
        assert_eq!(names(&d.join("sub")), ["b.png"]);
        assert_eq!(std::fs::read(d.join("sub/b.png")).unwrap(), b"B");
    }

    #[test]
    fn journal_fields_round_trip() {
        for s in ["a\tb", "c\\d\ne", "plain", "\\t"] {
            assert_eq!(unescape(&escape(s)), s);
        }
    }
}
