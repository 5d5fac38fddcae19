//! Reading a table on all cores with the result of reading it on one.
//!
//! The loader's work per row (a ticket id looked up, an instant read,
//! labels hashed) costs several times what splitting the CSV into fields
//! does. [`run`] keeps the split on the calling thread, which hands
//! batches of records to worker threads that convert them (`convert`, a
//! pure function of a batch), and one merging thread takes the converted
//! batches back **in file order** (`merge`). So every effect the merge
//! has (labels interned, rows pushed, rejects listed, counts) happens in
//! the order and with the values of a one-thread read, whatever the
//! number of workers: outputs stay byte-identical.
//!
//! Memory stays bounded: at most 4 x workers + 4 batches are read and not
//! yet merged, whatever the merge's pace, and their record buffers are
//! reused.
//!
//! An error from the reader (an unreadable row, a NUL byte) stops the
//! read: the batches before it are still merged, then the error is
//! returned, the same error a one-thread read gives.

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex};

use crate::error::Result;
use crate::io::csv::Record;

/// Records per batch: large enough that a batch's hand-over is cheap
/// against its conversion, small enough to keep the workers busy.
pub const BATCH: usize = 4096;

/// A batch of records read in a row, with the line each starts on.
#[derive(Default)]
pub struct Batch {
    /// The records; only the first `len` are this batch's.
    recs: Vec<Record>,
    /// Their lines.
    lines: Vec<u64>,
    len: usize,
}

impl Batch {
    /// The batch's records with their lines, in file order.
    pub fn rows(&self) -> impl Iterator<Item = (u64, &Record)> {
        self.lines[..self.len]
            .iter()
            .copied()
            .zip(&self.recs[..self.len])
    }

    /// How many records the batch holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Reads every record with `next` (on this thread), converts batches of
/// them with `convert` on `workers` threads and gives each converted
/// batch to `merge` in file order (on one more thread).
///
/// # Errors
///
/// The first error of `next`, after the batches read before it were
/// merged.
pub fn run<T, N, C, M>(
    workers: usize,
    mut next: N,
    convert: C,
    merge: M,
) -> Result<()>
where
    T: Send,
    N: FnMut(&mut Record) -> Result<Option<u64>>,
    C: Fn(&Batch) -> T + Sync,
    M: FnMut(&Batch, T) + Send,
{
    let workers = workers.max(1);
    let (work_tx, work_rx) = sync_channel::<(usize, Batch)>(2 * workers);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = channel::<(usize, Batch, T)>();
    let (free_tx, free_rx) = channel::<Batch>();
    std::thread::scope(|s| {
        for _ in 0..workers {
            let (rx, tx, convert) =
                (Arc::clone(&work_rx), done_tx.clone(), &convert);
            s.spawn(move || work(&rx, &tx, convert));
        }
        drop(done_tx);
        s.spawn(move || in_order(&done_rx, &free_tx, merge));
        let read = read(&mut next, &work_tx, &free_rx, in_flight(workers));
        // Closing the queue lets the workers, then the merge, finish
        // (the scope waits for them).
        drop(work_tx);
        read
    })
}

/// Batches read and not yet merged, at most, with `workers` workers:
/// enough to keep them busy (two queued each, one each converting, some
/// waiting for the merge); more would only hold the file's text ahead of
/// the merge.
fn in_flight(workers: usize) -> usize {
    4 * workers + 4
}

/// The reading loop: fills batches (reused ones first, at most
/// `limit` made) and queues them.
fn read<N>(
    next: &mut N,
    work: &SyncSender<(usize, Batch)>,
    free: &Receiver<Batch>,
    limit: usize,
) -> Result<()>
where
    N: FnMut(&mut Record) -> Result<Option<u64>>,
{
    let mut seq = 0usize;
    // Batches made so far: past `limit`, the read waits for one to
    // come back from the merge (a merge that takes its time, such as one
    // that evaluates a window of tickets, must not let the whole file be
    // read ahead into memory).
    let mut made = 0usize;
    loop {
        let mut b = match free.try_recv() {
            Ok(b) => b,
            Err(_) if made < limit => {
                made += 1;
                Batch::default()
            }
            Err(_) => match free.recv() {
                Ok(b) => b,
                // The merge is gone (it panicked): the scope re-raises it.
                Err(_) => return Ok(()),
            },
        };
        b.len = 0;
        let mut end = false;
        let mut failed = None;
        while b.len < BATCH {
            if b.recs.len() == b.len {
                b.recs.push(Record::new());
                b.lines.push(0);
            }
            match next(&mut b.recs[b.len]) {
                Ok(Some(line)) => {
                    b.lines[b.len] = line;
                    b.len += 1;
                }
                Ok(None) => {
                    end = true;
                    break;
                }
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        if b.len > 0 && work.send((seq, b)).is_err() {
            // A worker died (it panicked): the scope re-raises it.
            return Ok(());
        }
        seq += 1;
        if let Some(e) = failed {
            return Err(e);
        }
        if end {
            return Ok(());
        }
    }
}

/// A worker: converts batches until the queue closes.
fn work<T, C>(
    rx: &Mutex<Receiver<(usize, Batch)>>,
    tx: &std::sync::mpsc::Sender<(usize, Batch, T)>,
    convert: &C,
) where
    C: Fn(&Batch) -> T,
{
    loop {
        // The lock is held only while taking a batch.
        let got = rx.lock().map(|r| r.recv());
        let Ok(Ok((seq, b))) = got else { return };
        let out = convert(&b);
        if tx.send((seq, b, out)).is_err() {
            return;
        }
    }
}

/// The merge: converted batches, put back in file order, one by one.
fn in_order<T, M>(
    rx: &Receiver<(usize, Batch, T)>,
    free: &std::sync::mpsc::Sender<Batch>,
    mut merge: M,
) where
    M: FnMut(&Batch, T),
{
    let mut waiting: BTreeMap<usize, (Batch, T)> = BTreeMap::new();
    let mut want = 0usize;
    for (seq, b, out) in rx.iter() {
        waiting.insert(seq, (b, out));
        while let Some((b, out)) = waiting.remove(&want) {
            merge(&b, out);
            want += 1;
            let _ = free.send(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the number of workers, the merge sees every record once,
    /// in order, and an error from the reader comes back after the rows
    /// before it were merged.
    #[test]
    fn merges_in_file_order_with_any_number_of_workers() {
        for workers in [1, 2, 3, 8] {
            for n in [0usize, 1, BATCH - 1, BATCH, BATCH + 1, 3 * BATCH + 17] {
                let mut i = 0usize;
                let next = |r: &mut Record| {
                    if i == n {
                        return Ok(None);
                    }
                    i += 1;
                    r.clear();
                    r.push_field(&i.to_string());
                    Ok(Some(i as u64 + 1))
                };
                let mut seen = Vec::new();
                run(
                    workers,
                    next,
                    |b| {
                        b.rows()
                            .map(|(l, r)| (l, r[0].len()))
                            .collect::<Vec<_>>()
                    },
                    |b, out| {
                        assert_eq!(out.len(), b.len());
                        for (line, r) in b.rows() {
                            seen.push((line, r[0].parse::<usize>().unwrap()));
                        }
                    },
                )
                .unwrap();
                let want: Vec<(u64, usize)> =
                    (1..=n).map(|k| (k as u64 + 1, k)).collect();
                assert_eq!(seen, want, "workers {workers}, n {n}");
            }
        }
    }

    /// A slow merge (one that evaluates a window of tickets) holds the
    /// read back: never more than `in_flight` batches ahead of it.
    #[test]
    fn a_slow_merge_holds_the_read_back() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let read_n = AtomicUsize::new(0);
        let n = 200 * BATCH;
        let next = |r: &mut Record| {
            let i = read_n.fetch_add(1, Ordering::SeqCst);
            if i >= n {
                return Ok(None);
            }
            r.clear();
            r.push_field("x");
            Ok(Some(i as u64 + 2))
        };
        let mut merged = 0usize;
        let mut most = 0usize;
        run(
            2,
            next,
            |b| b.len(),
            |_, k| {
                std::thread::sleep(std::time::Duration::from_micros(300));
                merged += k;
                let ahead = read_n.load(Ordering::SeqCst).min(n) - merged;
                most = most.max(ahead);
            },
        )
        .unwrap();
        assert_eq!(merged, n);
        // Two workers: 12 batches made (two queued and one converting
        // each, four more), plus the one being filled; the file is 200.
        let limit = 13 * BATCH;
        assert!(most <= limit, "{most} records ahead, limit {limit}");
        assert!(most >= BATCH, "the read did run ahead: {most}");
    }

    #[test]
    fn an_error_stops_the_read_after_merging_what_came_before() {
        let mut i = 0u64;
        let next = |r: &mut Record| {
            i += 1;
            if i == 10_000 {
                return Err(crate::Error::input("mal", "bad"));
            }
            r.clear();
            r.push_field("x");
            Ok(Some(i))
        };
        let mut merged = 0usize;
        let e = run(2, next, |b| b.len(), |_, n| merged += n).unwrap_err();
        assert_eq!(e.to_string(), "mal");
        assert_eq!(merged, 9_999);
    }
}
