//! Detection ahead of the rewrite: a reader thread reads records and hands each
//! record's texts to worker threads (one per core), which detect them; the caller
//! rewrites the records in input order with the run's one numbering, taking each
//! record's findings as they come ([`Found`]). Detection is a function of the text
//! alone, so the output is the same as detecting in order.
//!
//! Each record is handed on as soon as it is read (no batch waits to fill), so a
//! caller that writes a record and waits for its answer still gets it.

use crate::engine::Engine;
use crate::error::Result;
use crate::redact::Redaction;
use crate::resolve::Finding;
use crate::Numbering;
use std::collections::VecDeque;
use std::io::BufRead;
use std::sync::{mpsc, Mutex};

/// Records read ahead per worker: enough to keep every worker busy while the
/// rewrite waits for the oldest, few enough to keep memory to a few records.
const AHEAD_PER_WORKER: usize = 8;

/// A record's texts and where their findings go.
type Job = (Vec<String>, mpsc::Sender<Vec<(String, Vec<Finding>)>>);

/// A record as read, with its findings to come, or the error that ended reading.
enum Item {
    Record(Vec<u8>, mpsc::Receiver<Vec<(String, Vec<Finding>)>>),
    Failed(std::io::Error),
}

/// Reads `input` line by line (each line with its ending) and calls `each` in order
/// with the line and an engine holding the findings of the texts `texts` named in
/// it, detected by `workers` threads meanwhile. A read error is passed to `each` in
/// its place and ends reading; an error `each` returns ends the run.
pub(crate) fn run<R: BufRead + Send>(
    engine: &dyn Engine,
    workers: usize,
    mut input: R,
    texts: impl Fn(&[u8]) -> Vec<String> + Sync,
    mut each: impl FnMut(Found<'_>, std::io::Result<Vec<u8>>) -> Result<()>,
) -> Result<()> {
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let jobs = Mutex::new(job_rx);
    let (item_tx, items) = mpsc::sync_channel::<Item>(AHEAD_PER_WORKER * workers.max(1));
    let texts = &texts;
    let jobs = &jobs;
    std::thread::scope(move |scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(move || loop {
                let job = jobs.lock().unwrap_or_else(|p| p.into_inner()).recv();
                let Ok((texts, reply)) = job else {
                    break; // reading ended
                };
                let found = texts
                    .into_iter()
                    .map(|t| {
                        let f = engine.detect(&t);
                        (t, f)
                    })
                    .collect();
                // The rewrite may have stopped at an error: then nobody waits.
                let _ = reply.send(found);
            });
        }
        scope.spawn(move || loop {
            let mut bytes = Vec::new();
            match input.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {
                    let (reply, found) = mpsc::channel();
                    if job_tx.send((texts(&bytes), reply)).is_err()
                        || item_tx.send(Item::Record(bytes, found)).is_err()
                    {
                        break; // the rewrite stopped
                    }
                }
                Err(e) => {
                    let _ = item_tx.send(Item::Failed(e));
                    break;
                }
            }
        });
        // Returning drops `items`, which stops the reader (and so the workers).
        for item in items {
            match item {
                Item::Record(bytes, found) => {
                    let ready = found.recv().unwrap_or_default();
                    each(Found::new(engine, ready), Ok(bytes))?;
                }
                Item::Failed(e) => return each(Found::new(engine, Vec::new()), Err(e)),
            }
        }
        Ok(())
    })
}

/// An engine answering `detect` from findings made ahead, in the order they were
/// asked for; a text it does not hold next is detected now. Rewriting is the
/// wrapped engine's.
pub(crate) struct Found<'a> {
    engine: &'a dyn Engine,
    ready: Mutex<VecDeque<(String, Vec<Finding>)>>,
}

impl<'a> Found<'a> {
    fn new(engine: &'a dyn Engine, ready: Vec<(String, Vec<Finding>)>) -> Self {
        Found {
            engine,
            ready: Mutex::new(ready.into()),
        }
    }
}

impl Engine for Found<'_> {
    fn detect(&self, text: &str) -> Vec<Finding> {
        let mut ready = self.ready.lock().unwrap_or_else(|p| p.into_inner());
        if ready.front().is_some_and(|(t, _)| t == text) {
            if let Some((_, found)) = ready.pop_front() {
                return found;
            }
        }
        drop(ready);
        self.engine.detect(text)
    }

    fn redact(
        &self,
        input: &str,
        text: &str,
        findings: &[Finding],
        numbering: &mut Numbering,
    ) -> Redaction {
        self.engine.redact(input, text, findings, numbering)
    }
}
