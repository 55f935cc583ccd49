//! The processes under test: the sandbox, the gateway (and Redis), started from the
//! binaries next to this one, with their CPU time and memory read from /proc.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

pub struct Proc {
    child: Child,
    output: Arc<Mutex<Vec<String>>>,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Clock ticks per second of /proc/<pid>/stat.
fn clock_ticks() -> f64 {
    static TICKS: OnceLock<f64> = OnceLock::new();
    *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(100.0)
    })
}

impl Proc {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// User plus system CPU time so far.
    pub fn cpu_seconds(&self) -> f64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap_or_default();
        // Fields after the command name, which is in parentheses and may hold spaces.
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after ")".
        (ticks(11) + ticks(12)) / clock_ticks()
    }

    fn status_kb(&self, field: &str) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    pub fn rss_mb(&self) -> f64 {
        self.status_kb("VmRSS:") as f64 / 1024.0
    }

    /// Peak resident memory since the last [`Proc::reset_peak`].
    pub fn peak_rss_mb(&self) -> f64 {
        self.status_kb("VmHWM:") as f64 / 1024.0
    }

    pub fn reset_peak(&self) {
        let _ = std::fs::write(format!("/proc/{}/clear_refs", self.pid()), "5");
    }

    pub fn output(&self) -> Vec<String> {
        self.output.lock().unwrap().clone()
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

/// `rc-gateway`, next to this binary.
fn gateway_binary() -> PathBuf {
    let me = std::env::current_exe().expect("own path");
    me.with_file_name("rc-gateway")
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn spawn(mut command: Command) -> (Proc, std::sync::mpsc::Receiver<String>) {
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    let output = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = std::sync::mpsc::channel();
    for pipe in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let (output, tx) = (output.clone(), tx.clone());
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let _ = tx.send(line.clone());
                let mut kept = output.lock().unwrap();
                // Keep the start and the end; a long run logs a lot.
                if kept.len() > 20_000 {
                    kept.drain(1000..11_000);
                }
                kept.push(line);
            }
        });
    }
    (Proc { child, output }, rx)
}

/// The RingCentral sandbox, without its rate limits, on a free port.
pub fn sandbox() -> (Proc, String) {
    let port = free_port();
    let mut command = Command::new(gateway_binary());
    command
        .args([
            "sandbox",
            "--unthrottled",
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .env("LOG_LEVEL", "warn")
        .env("LOG_FORMAT", "json");
    let (proc, _) = spawn(command);
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the sandbox did not start");
        std::thread::sleep(Duration::from_millis(10));
    }
    (proc, url)
}

pub struct Gateway {
    pub proc: Proc,
    pub grpc: String,
    pub http: String,
    /// From the process start to its first 200 on `/readyz`.
    pub ready: Duration,
    _data: TempDir,
}

/// Whether `GET /readyz` on `addr` answers 200 (a bare HTTP/1.1 exchange: the bench
/// must not wait on a client library's connection set-up here).
fn ready(addr: &str) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(addr) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let request = format!("GET /readyz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let mut answer = [0u8; 12];
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_exact(&mut answer).is_ok()
        && answer.ends_with(b" 200")
}

pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("rcgw-bench-{name}-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A gateway in front of `upstream`, with `env` on top of the bench's settings.
pub fn gateway(upstream: &str, env: &[(&str, String)]) -> Gateway {
    let data = TempDir::new("data");
    let mut command = Command::new(gateway_binary());
    command
        .args(["serve", "--insecure-no-auth"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RC_SERVER_URL", upstream)
        .env("RC_CLIENT_ID", rc_sandbox::DEFAULT_CLIENT_ID)
        .env("RC_CLIENT_SECRET", rc_sandbox::DEFAULT_CLIENT_SECRET)
        .env("RC_JWT", rc_sandbox::DEFAULT_JWT)
        .env("GRPC_ADDR", "127.0.0.1:0")
        .env("HTTP_ADDR", "127.0.0.1:0")
        .env("SIDECAR_ADDR", "127.0.0.1:0")
        .env("LOG_FORMAT", "json")
        .env(
            "LOG_LEVEL",
            // The production default: an access log line per call.
            std::env::var("BENCH_GATEWAY_LOG").unwrap_or_else(|_| "info".into()),
        )
        .env("AUDIT_LOG", "off")
        .env("DATA_DIR", &data.0)
        // The sandbox runs unthrottled: the gateway's own budget must not be the limit.
        .env("RATE_LIMIT_LIGHT", "100000")
        .env("RATE_LIMIT_MEDIUM", "100000")
        .env("RATE_LIMIT_HEAVY", "100000")
        .env("RATE_LIMIT_AUTH", "1000")
        .env("RATE_LIMIT_WINDOW", "1s");
    if let Ok(threads) = std::env::var("BENCH_GATEWAY_THREADS") {
        command.env("TOKIO_WORKER_THREADS", threads);
    }
    for (k, v) in env {
        command.env(k, v);
    }
    let started = Instant::now();
    let (proc, rx) = spawn(command);
    let deadline = Instant::now() + Duration::from_secs(30);
    let line = loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("the gateway did not start:\n{}", proc.output().join("\n")));
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(&line)
            && json["message"] == "rc-gateway started"
        {
            break json;
        }
    };
    let field = |k: &str| line[k].as_str().unwrap_or_default().to_owned();
    let sidecar = field("sidecar_addr");
    while !ready(&sidecar) {
        assert!(Instant::now() < deadline, "the gateway never became ready");
        std::thread::sleep(Duration::from_millis(1));
    }
    Gateway {
        ready: started.elapsed(),
        grpc: field("grpc_addr"),
        http: field("http_addr"),
        proc,
        _data: data,
    }
}

/// A throwaway redis-server, if one is installed.
pub fn redis() -> Option<(Proc, String)> {
    let port = free_port();
    let mut command = Command::new("redis-server");
    command.args([
        "--port",
        &port.to_string(),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
    ]);
    command.stdout(Stdio::null()).stderr(Stdio::null());
    let child = command.spawn().ok()?;
    let proc = Proc {
        child,
        output: Arc::default(),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Some((proc, format!("redis://127.0.0.1:{port}")))
}
