//! The browser process and its DevTools pipe: NUL-separated JSON messages, calls
//! matched to answers by id, and the events met on the way (paused requests are failed
//! here, crashed tabs end the call).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::{Error, ErrorKind};

/// The shell line that moves the piped stdin and stdout to descriptors 3 and 4 and
/// becomes the browser (see the crate documentation).
const PIPE_SHELL: &str = "exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>/dev/null";

/// How many of the browser's last stderr lines are kept for a crash's message.
const STDERR_LINES: usize = 8;

/// A running browser and its pipe.
pub(crate) struct Browser {
    child: Child,
    input: ChildStdin,
    messages: Receiver<Value>,
    stderr: Arc<Mutex<VecDeque<String>>>,
    next_id: u64,
    blocked: u64,
    /// Its profile folder, removed when the browser is dropped (after it has exited).
    profile: Option<tempfile::TempDir>,
}

impl Browser {
    /// Starts `exe` headless on a pipe, with a new private profile folder.
    pub(crate) fn launch(exe: &Path) -> Result<Browser, Error> {
        let profile = tempfile::Builder::new()
            .prefix("coherence-chromium-")
            .tempdir()
            .map_err(|e| crashed(format!("cannot create the browser's profile folder: {e}")))?;
        let mut child = Command::new("/bin/sh")
            .arg("-c")
            .arg(PIPE_SHELL)
            .arg(exe)
            .args(crate::chromium::args(profile.path()))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| crashed(format!("cannot start {}: {e}", exe.display())))?;
        let (Some(input), Some(output), Some(errors)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            return Err(crashed("the browser's pipes were not opened"));
        };
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            let mut message = Vec::new();
            while reader.read_until(0, &mut message).is_ok_and(|n| n > 0) {
                if message.last() == Some(&0) {
                    message.pop();
                }
                let value = serde_json::from_slice(&message).unwrap_or_else(
                    |e| json!({"malformed": format!("{e}: {}", String::from_utf8_lossy(&message))}),
                );
                if send.send(value).is_err() {
                    break;
                }
                message.clear();
            }
        });
        let stderr = Arc::new(Mutex::new(VecDeque::new()));
        let tail = Arc::clone(&stderr);
        std::thread::spawn(move || keep_tail(errors, &tail));
        Ok(Browser {
            child,
            input,
            messages,
            stderr,
            next_id: 0,
            blocked: 0,
            profile: Some(profile),
        })
    }

    /// How many requests were failed since the last call, and resets the count.
    pub(crate) fn take_blocked(&mut self) -> u64 {
        std::mem::take(&mut self.blocked)
    }

    /// Calls `method` (in `session`, or on the browser) and waits for its answer until
    /// `deadline`, failing every request the tabs try to make meanwhile.
    pub(crate) fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
        deadline: Instant,
    ) -> Result<Value, Error> {
        let id = self.send(session, method, params)?;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.messages.recv_timeout(left) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => {
                    return Err(Error::new(ErrorKind::Timeout, format!("waiting for {method}")));
                }
                Err(RecvTimeoutError::Disconnected) => return Err(self.exited()),
            };
            if message.get("id").and_then(Value::as_u64) == Some(id) {
                return answer(method, message);
            }
            self.event(&message, method)?;
        }
    }

    /// Handles an event met while waiting for the answer to `method`.
    fn event(&mut self, message: &Value, method: &str) -> Result<(), Error> {
        if let Some(malformed) = message.get("malformed") {
            return Err(Error::new(
                ErrorKind::Protocol,
                format!("the browser sent a malformed message: {malformed}"),
            ));
        }
        match message.get("method").and_then(Value::as_str) {
            Some("Fetch.requestPaused") => {
                let request = message.pointer("/params/requestId").cloned().unwrap_or_default();
                let session = message.get("sessionId").and_then(Value::as_str).map(str::to_owned);
                self.blocked += 1;
                let params = json!({"requestId": request, "errorReason": "BlockedByClient"});
                self.send(session.as_deref(), "Fetch.failRequest", params)?;
                Ok(())
            }
            Some("Inspector.targetCrashed" | "Target.targetCrashed") => {
                Err(crashed(format!("the browser's tab crashed during {method}")))
            }
            _ => Ok(()),
        }
    }

    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<u64, Error> {
        self.next_id += 1;
        let mut message = json!({"id": self.next_id, "method": method, "params": params});
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message)
            .map_err(|e| Error::new(ErrorKind::Protocol, format!("cannot encode {method}: {e}")))?;
        bytes.push(0);
        match self.input.write_all(&bytes).and_then(|()| self.input.flush()) {
            Ok(()) => Ok(self.next_id),
            Err(_) => Err(self.exited()),
        }
    }

    /// The error for a browser that has gone, with the end of what it said.
    fn exited(&mut self) -> Error {
        let status = match self.child.try_wait() {
            Ok(Some(status)) => format!(" ({status})"),
            _ => String::new(),
        };
        let said: Vec<String> =
            self.stderr.lock().map(|t| t.iter().cloned().collect()).unwrap_or_default();
        let said = if said.is_empty() {
            String::new()
        } else {
            format!("; it said: {}", said.join(" | "))
        };
        crashed(format!("the browser exited unexpectedly{status}{said}"))
    }
}

impl Drop for Browser {
    /// Asks the browser to close, gives it two seconds, then kills it; then removes its
    /// profile folder.
    fn drop(&mut self) {
        let _ = self.send(None, "Browser.close", json!({}));
        let until = Instant::now() + Duration::from_secs(2);
        while Instant::now() < until {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Chromium's helper processes may still be writing in the profile folder for
        // a moment after the main process exits: retry the removal briefly.
        if let Some(profile) = self.profile.take() {
            let path = profile.path().to_owned();
            if profile.close().is_err() {
                for _ in 0..25 {
                    std::thread::sleep(Duration::from_millis(20));
                    if std::fs::remove_dir_all(&path).is_ok() || !path.exists() {
                        break;
                    }
                }
            }
        }
    }
}

/// The result of an answer, or its error as a protocol error.
fn answer(method: &str, message: Value) -> Result<Value, Error> {
    if let Some(error) = message.get("error") {
        let text = error.get("message").and_then(Value::as_str).unwrap_or("no message");
        return Err(Error::new(ErrorKind::Protocol, format!("{method} failed: {text}")));
    }
    Ok(message.get("result").cloned().unwrap_or_else(|| json!({})))
}

/// Keeps the last [`STDERR_LINES`] lines of `stream` in `tail`.
fn keep_tail(stream: impl Read, tail: &Mutex<VecDeque<String>>) {
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { break };
        if let Ok(mut tail) = tail.lock() {
            if tail.len() == STDERR_LINES {
                tail.pop_front();
            }
            tail.push_back(line);
        }
    }
}

fn crashed(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Crashed, message)
}
