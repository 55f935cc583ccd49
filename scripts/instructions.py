#!/usr/bin/env python3
"""Instructions the gateway executes per call, counted by valgrind's callgrind: unlike
CPU time, the count is the same from run to run and whatever else the machine is
doing, so two builds can be compared on a shared, noisy machine.

Starts a sandbox and a gateway under callgrind (the bench's settings: JSON access log
at INFO, authentication off), makes WARMUP calls, zeroes the counters, makes COUNT
calls over one connection (uncached: `cache-control: no-cache`), and prints the
instructions per call. The profile stays in --out for callgrind_annotate.

    python3 scripts/instructions.py --gateway target/release/rc-gateway --mode grpc
    python3 scripts/instructions.py --gateway old/rc-gateway --sandbox target/release/rc-gateway --mode http

Modes: `grpc` (ExtensionService.GetExtension), `http` (GET /api/extensions/{id}),
`compat` (the same read at the RingCentral-compatible endpoint,
GET /restapi/v1.0/account/~/extension/{id}), `grpc-page` and `http-page` (a list of
extensions, perPage=1000). The gRPC modes use
the official Python runtime (grpcio, as `scripts/test` installs it in target/tools).
"""

import argparse
import glob
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import urllib.request
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "target", "tools", "py-clients"))
sys.path.insert(0, os.path.join(ROOT, "tests", "clients", "python"))

def sandbox_constant(name: str) -> str:
    source = open(os.path.join(ROOT, "crates", "rc-sandbox", "src", "lib.rs")).read()
    start = source.index(f"pub const {name}: &str = \"") + len(f"pub const {name}: &str = \"")
    return source[start : source.index('"', start)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, seconds: float) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"nothing listens on {port}")


class Caller:
    """Calls of one mode over one connection."""

    def __init__(self, mode: str, grpc_port: int, http_port: int):
        self.mode = mode
        self.http = http.client.HTTPConnection("127.0.0.1", http_port)
        self.http.request("GET", "/api/extensions?perPage=1000")
        page = json.loads(self.http.getresponse().read())
        self.ids = [r["id"] for r in next(v for v in page.values() if isinstance(v, list))]
        if mode.startswith("grpc"):
            import grpc
            from watch_events import generate

            out = tempfile.mkdtemp(prefix="rcgw-instructions-")
            generate(os.path.join(ROOT, "proto"), out)
            sys.path.insert(0, out)
            from rcgateway.v1 import extensions_pb2, extensions_pb2_grpc

            self.pb = extensions_pb2
            channel = grpc.insecure_channel(f"127.0.0.1:{grpc_port}")
            self.stub = extensions_pb2_grpc.ExtensionServiceStub(channel)

    def call(self, i: int) -> None:
        uncached = [("cache-control", "no-cache")]
        if self.mode == "grpc":
            request = self.pb.GetExtensionRequest(extension_id=str(self.ids[i % len(self.ids)]))
            self.stub.GetExtension(request, metadata=uncached)
        elif self.mode == "grpc-page":
            self.stub.ListExtensions(self.pb.ListExtensionsRequest(per_page=1000), metadata=uncached)
        else:
            path = {
                "http": f"/api/extensions/{self.ids[i % len(self.ids)]}",
                "compat": f"/restapi/v1.0/account/~/extension/{self.ids[i % len(self.ids)]}",
            }.get(self.mode, "/api/extensions?perPage=1000")
            self.http.request("GET", path, headers=dict(uncached))
            answer = self.http.getresponse()
            answer.read()
            if answer.status != 200:
                sys.exit(f"{path}: {answer.status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gateway", required=True, help="the rc-gateway binary to count")
    parser.add_argument("--sandbox", help="the binary whose sandbox answers (default: --gateway)")
    parser.add_argument("--mode", choices=["grpc", "http", "compat", "grpc-page", "http-page"], default="grpc")
    parser.add_argument("--count", type=int, help="calls counted (default 2000, pages 100)")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--accounts", type=int, default=0,
                        help="more accounts to configure (an accounts file; the calls stay on the default account)")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "rcgw-callgrind.out"))
    args = parser.parse_args()
    count = args.count or (100 if args.mode.endswith("page") else 2000)

    sandbox_port, grpc_port, http_port, sidecar_port = (free_port() for _ in range(4))
    sandbox = subprocess.Popen(
        [args.sandbox or args.gateway, "sandbox", "--unthrottled", "--addr", f"127.0.0.1:{sandbox_port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    data = tempfile.mkdtemp(prefix="rcgw-instructions-data-")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "RC_SERVER_URL": f"http://127.0.0.1:{sandbox_port}",
        "RC_CLIENT_ID": sandbox_constant("DEFAULT_CLIENT_ID"),
        "RC_CLIENT_SECRET": sandbox_constant("DEFAULT_CLIENT_SECRET"),
        "RC_JWT": sandbox_constant("DEFAULT_JWT"),
        "GRPC_ADDR": f"127.0.0.1:{grpc_port}",
        "HTTP_ADDR": f"127.0.0.1:{http_port}",
        "SIDECAR_ADDR": f"127.0.0.1:{sidecar_port}",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "info",
        "AUDIT_LOG": "off",
        "DATA_DIR": data,
        "RATE_LIMIT_LIGHT": "100000",
        "RATE_LIMIT_MEDIUM": "100000",
        "RATE_LIMIT_HEAVY": "100000",
        "RATE_LIMIT_AUTH": "1000",
        "RATE_LIMIT_WINDOW": "1s",
    }
    if args.accounts:
        entries = [{"id": f"tenant-{i:04}", "clientId": env["RC_CLIENT_ID"], "clientSecret": env["RC_CLIENT_SECRET"],
                    "jwt": env["RC_JWT"]} for i in range(args.accounts)]
        path = os.path.join(data, "accounts.json")
        with open(path, "w") as f:
            json.dump({"accounts": entries}, f)
        env["ACCOUNTS_FILE"] = path
    for old in glob.glob(args.out + "*"):
        os.remove(old)
    gateway = subprocess.Popen(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={args.out}", args.gateway, "serve", "--insecure-no-auth"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_port(sandbox_port, 20)
        wait_port(http_port, 120)
        # Every account logs in first: the counted calls are then what they cost.
        deadline = time.time() + 600
        while args.accounts and time.time() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{sandbox_port}/_sandbox/stats", timeout=5) as answer:
                if json.load(answer)["jwtGrants"] >= args.accounts:
                    break
            time.sleep(1)
        caller = Caller(args.mode, grpc_port, http_port)
        for i in range(args.warmup):
            caller.call(i)
        subprocess.run(["callgrind_control", "--zero", str(gateway.pid)], check=True, capture_output=True)
        for i in range(count):
            caller.call(i)
        subprocess.run(["callgrind_control", "--dump", str(gateway.pid)], check=True, capture_output=True)
        deadline = time.time() + 30
        while not os.path.exists(f"{args.out}.1") and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)
    finally:
        gateway.terminate()
        sandbox.terminate()
        gateway.wait()
        sandbox.wait()
    dump = f"{args.out}.1"
    total = next(int(line.split()[1]) for line in open(dump) if line.startswith("summary:"))
    print(f"{args.mode}: {total // count:,} instructions per call ({count} calls; profile {dump})")


if __name__ == "__main__":
    main()
