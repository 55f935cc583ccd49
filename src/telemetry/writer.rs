//! Log lines leave through one background thread that writes them to stdout in
//! batches: a busy gateway makes one `write` per batch instead of one per line, and
//! request tasks never wait on the pipe unless it is full. Nothing is dropped: when
//! 16,384 lines are queued, loggers wait (back-pressure) rather than lose access or
//! audit lines. Written here because tracing-appender's worker writes (and, on
//! stdout, flushes) line by line.

use std::io::Write;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

/// Lines queued before loggers wait.
const QUEUE: usize = 16_384;
/// Bytes written per system call at most.
const BATCH: usize = 256 * 1024;
/// Rest between batches.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(5);

struct Writer {
    sender: Mutex<Option<SyncSender<Vec<u8>>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

static WRITER: OnceLock<Writer> = OnceLock::new();

fn writer() -> &'static Writer {
    WRITER.get_or_init(|| {
        let (tx, rx) = sync_channel(QUEUE);
        let thread = std::thread::Builder::new()
            .name("rc-gateway-log".into())
            .spawn(move || drain(rx))
            .ok();
        Writer {
            sender: Mutex::new(Some(tx)),
            thread: Mutex::new(thread),
        }
    })
}

fn drain(rx: Receiver<Vec<u8>>) {
    let mut stdout = std::io::stdout().lock();
    let mut batch = Vec::with_capacity(BATCH);
    // Blocks for the first line of a batch, then takes whatever else is queued.
    while let Ok(line) = rx.recv() {
        batch.extend_from_slice(&line);
        while batch.len() < BATCH {
            match rx.try_recv() {
                Ok(line) => batch.extend_from_slice(&line),
                Err(_) => break,
            }
        }
        let _ = stdout.write_all(&batch);
        let _ = stdout.flush();
        batch.clear();
        // Lines that arrive meanwhile queue up without waking this thread: one
        // wake-up and one write per few milliseconds, however many lines.
        std::thread::sleep(PAUSE);
    }
}

/// Queues one complete line (with its newline).
pub fn write_line(line: Vec<u8>) {
    let w = writer();
    let sender = w.sender.lock().unwrap_or_else(|e| e.into_inner()).clone();
    match sender {
        Some(tx) => match tx.try_send(line) {
            Ok(()) => {}
            Err(TrySendError::Full(line)) => {
                let _ = tx.send(line);
            }
            Err(TrySendError::Disconnected(line)) => direct(&line),
        },
        None => direct(&line), // after flush: write directly
    }
}

fn direct(line: &[u8]) {
    let _ = std::io::stdout().lock().write_all(line);
}

/// Writes out every queued line; later lines are written directly. Called once at exit.
pub fn flush() {
    let Some(w) = WRITER.get() else { return };
    w.sender.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(thread) = w.thread.lock().unwrap_or_else(|e| e.into_inner()).take() {
        let _ = thread.join();
    }
}
