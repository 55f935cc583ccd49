//! Helpers for tests that run the real `rc-gateway` binary.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use serde_json::Value;

/// A gateway process and the addresses it logged at start.
pub struct Process {
    pub child: Child,
    pub grpc: String,
    pub http: String,
    pub sidecar: String,
    /// The RingCentral server it calls (the built-in sandbox's with `--sandbox`).
    pub upstream: String,
    output: Arc<Mutex<Vec<String>>>,
}

impl Process {
    /// Every line written so far to stdout and stderr.
    pub fn output(&self) -> Vec<String> {
        self.output.lock().unwrap().clone()
    }

    /// The JSON log lines written so far.
    pub fn logs(&self) -> Vec<Value> {
        self.output()
            .iter()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// A gRPC connection to its gRPC listener.
    pub async fn channel(&self) -> tonic::transport::Channel {
        tonic::transport::Channel::from_shared(format!("http://{}", self.grpc))
            .unwrap()
            .connect()
            .await
            .unwrap()
    }

    /// Waits up to 5 s for a log line matching `want`.
    pub async fn log_line(&self, want: impl Fn(&Value) -> bool) -> Value {
        for _ in 0..250 {
            if let Some(line) = self.logs().into_iter().find(|l| want(l)) {
                return line;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("no such log line in:\n{}", self.output().join("\n"));
    }
}

/// Keeps reading a pipe for the whole run (so that logging never blocks the
/// process), keeping its lines.
fn collect(
    pipe: impl Read + Send + 'static,
    output: Arc<Mutex<Vec<String>>>,
    tx: Option<mpsc::Sender<String>>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            output.lock().unwrap().push(line.clone());
            if let Some(tx) = &tx {
                let _ = tx.send(line);
            }
        }
    });
}

impl Drop for Process {
    fn drop(&mut self) {
        // A failed test must not leave a gateway running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `rc-gateway <args>` on ephemeral ports with `env` (and nothing inherited
/// that configures the gateway), and waits for its "started" log line.
pub fn spawn(args: &[&str], env: &[(&str, &str)]) -> Process {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rc-gateway"));
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("GRPC_ADDR", "127.0.0.1:0")
        .env("HTTP_ADDR", "127.0.0.1:0")
        .env("SIDECAR_ADDR", "127.0.0.1:0")
        .env("LOG_FORMAT", "json")
        .env(
            "DATA_DIR",
            std::env::temp_dir().join(format!("rcgw-proc-{}", uuid::Uuid::new_v4())),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("the binary starts");
    let output = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = mpsc::channel();
    collect(child.stdout.take().unwrap(), output.clone(), Some(tx));
    collect(child.stderr.take().unwrap(), output.clone(), None);
    let started = loop {
        let Ok(line) = rx.recv_timeout(Duration::from_secs(20)) else {
            break None;
        };
        let Ok(json) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        if json["message"] == "rc-gateway started" {
            break Some(json);
        }
    };
    let Some(json) = started else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("the gateway did not log its start within 20 s");
    };
    let field = |k: &str| json[k].as_str().unwrap_or_default().to_owned();
    Process {
        grpc: field("grpc_addr"),
        http: field("http_addr"),
        sidecar: field("sidecar_addr"),
        upstream: field("upstream").trim_end_matches('/').to_owned(),
        child,
        output,
    }
}

/// Sends SIGTERM, as Kubernetes does.
pub fn terminate(child: &Child) {
    signal(child, "-TERM");
}

/// Sends SIGINT, as Ctrl-C in a terminal does.
pub fn interrupt(child: &Child) {
    signal(child, "-INT");
}

fn signal(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits for the process to exit, up to `timeout`, without blocking the runtime
/// (the test's own clients must keep answering the server, e.g. HTTP/2 pings).
pub async fn wait(child: &mut Child, timeout: Duration) -> std::process::ExitStatus {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "process did not exit within {timeout:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Runs the binary to completion and returns its exit code and its output (stdout,
/// then stderr).
pub fn run(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rc-gateway"));
    command.args(args).env_clear();
    for (k, v) in env {
        command.env(k, v);
    }
    let output = command.output().unwrap();
    (
        output.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}
