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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scrubber;
    use std::io::{self, Read};

    const LINES: &str =
        "Seen by Dr. Maria Lopez on 6/18/02.\nNothing here.\nCall 555-867-5309 on March 3, 2021.\n";

    /// Each line's own text (the whole line but its newline).
    fn line_text(bytes: &[u8]) -> Vec<String> {
        vec![String::from_utf8_lossy(bytes).trim_end().to_string()]
    }

    #[test]
    fn findings_come_in_order_and_match_detecting_in_order() {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let mut seen = Vec::new();
        run(&scrubber, 3, LINES.as_bytes(), line_text, |found, bytes| {
            let text = line_text(&bytes.unwrap()).remove(0);
            // Answered from the findings made ahead, the same as detecting now.
            assert_eq!(found.ready.lock().unwrap().len(), 1);
            let f = found.detect(&text);
            assert!(found.ready.lock().unwrap().is_empty());
            assert_eq!(f, scrubber.detect(&text));
            seen.push((text, f.len()));
            Ok(())
        })
        .unwrap();
        let texts: Vec<&str> = seen.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, LINES.lines().collect::<Vec<_>>());
        assert!(
            seen[0].1 >= 2 && seen[1].1 == 0 && seen[2].1 >= 2,
            "{seen:?}"
        );
    }

    #[test]
    fn a_text_not_read_ahead_is_detected_now() {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let found = Found::new(&scrubber, vec![("other".into(), Vec::new())]);
        let text = "on 6/18/02";
        assert_eq!(found.detect(text), scrubber.detect(text));
        assert!(!found.detect(text).is_empty());
    }

    /// Gives `good` and then fails.
    struct Failing<'a>(&'a [u8]);

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("disk gone"));
            }
            let n = self.0.read(buf)?;
            Ok(n)
        }
    }

    #[test]
    fn a_read_error_comes_after_the_lines_before_it_and_ends_the_run() {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let input = io::BufReader::new(Failing(b"one\ntwo\n"));
        let mut got = Vec::new();
        let result = run(&scrubber, 2, input, line_text, |_, bytes| match bytes {
            Ok(b) => {
                got.push(String::from_utf8(b).unwrap());
                Ok(())
            }
            Err(e) => Err(crate::Error::Io {
                path: "-".into(),
                source: e,
            }),
        });
        assert_eq!(got, ["one\n", "two\n"]);
        assert!(result.unwrap_err().to_string().contains("disk gone"));
    }

    #[test]
    fn an_error_of_the_rewrite_stops_the_run_early() {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let many = "a line of text\n".repeat(500);
        let mut calls = 0;
        let result = run(&scrubber, 2, many.as_bytes(), line_text, |_, _| {
            calls += 1;
            if calls == 3 {
                return Err(crate::Error::Io {
                    path: "-".into(),
                    source: io::Error::other("stop"),
                });
            }
            Ok(())
        });
        assert!(result.is_err());
        assert_eq!(calls, 3);
    }

    /// Reads what the test sends, blocking until it sends more (a pipe).
    struct Pipe(mpsc::Receiver<Vec<u8>>, Vec<u8>);

    impl Read for Pipe {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.1.is_empty() {
                match self.0.recv() {
                    Ok(more) => self.1 = more,
                    Err(_) => return Ok(0),
                }
            }
            let n = buf.len().min(self.1.len());
            buf[..n].copy_from_slice(&self.1[..n]);
            self.1.drain(..n);
            Ok(n)
        }
    }

    #[test]
    fn a_caller_that_waits_for_each_answer_gets_it() {
        let scrubber = Scrubber::with_default_patterns().unwrap();
        let (send, lines) = mpsc::channel();
        let (answer, answers) = mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let input = io::BufReader::new(Pipe(lines, Vec::new()));
                run(&scrubber, 2, input, line_text, |_, bytes| {
                    answer.send(bytes.unwrap()).unwrap();
                    Ok(())
                })
                .unwrap();
            });
            for line in ["first\n", "second\n"] {
                send.send(line.as_bytes().to_vec()).unwrap();
                // Answered before the next line is written.
                let got = answers.recv_timeout(std::time::Duration::from_secs(60));
                assert_eq!(got.unwrap(), line.as_bytes());
            }
            drop(send);
        });
    }
}
