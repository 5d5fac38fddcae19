//! The output folder's lock: `<out>/.plazo.lock`, an exclusive advisory
//! lock (`flock` on Unix, `LockFileEx` on Windows) held for the whole
//! job, so that two runs never write the same report at once. The
//! operating system releases it when the process ends, however it ends;
//! the file itself stays (removing it would let a third run lock a
//! different file while the second still holds the old one). It holds
//! the pid of the last run that took it, for the message a blocked run
//! prints. It is not an output of the report.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use plazo::Error;
use plazo::text::msg::cli::run as msg;

/// The lock file's name inside the output folder.
pub const LOCK_FILE: &str = ".plazo.lock";

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Takes the lock of `out` (creating the folder when missing), or fails
/// at once, naming the folder and the pid written by the holder.
pub fn take(out: &Path) -> plazo::Result<Lock> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, &e))?;
    let path: PathBuf = out.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Error::io(&path, &e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            let pid = text
                .trim()
                .parse::<u32>()
                .map_or_else(|_| "?".to_string(), |p| p.to_string());
            return Err(Error::failure_msg(
                msg::LOCKED,
                &[
                    ("out", &out.display()),
                    ("pid", &pid),
                    ("lock", &path.display()),
                ],
            ));
        }
        Err(TryLockError::Error(e)) => return Err(Error::io(&path, &e)),
    }
    // Ours now: record who holds it.
    let write = |f: &mut File| -> std::io::Result<()> {
        f.set_len(0)?;
        f.rewind()?;
        writeln!(f, "{}", std::process::id())?;
        f.flush()
    };
    write(&mut file).map_err(|e| Error::io(&path, &e))?;
    Ok(Lock { _file: file })
}
