#!/usr/bin/env python3
"""A bounded schemathesis run against the gateway's own /openapi.json: a gateway on
the built-in sandbox (callers need an API key), every operation fuzzed from the
document for a few minutes. Fails on any server error, any schema-valid request the
gateway refuses, any answer that does not match the document, and any call that
succeeds without the key.

Not run: the stateful phase (it feeds ids from one answer into other paths without
their schemas, e.g. the main site's "main-site", which RingCentral refuses by id),
and the negative-data check: proto3 JSON deliberately reads an empty string, a zero
or a null as "not set", and accepts enum numbers and RingCentral's spellings, all of
which the document's stricter schemas leave out.

    SCHEMATHESIS=target/tools/schemathesis python3 scripts/openapi_fuzz.py [--max-time 150]
"""

import argparse
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "debug", "rc-gateway")
KEY = "openapi-fuzz-key-0123456789abcdef"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"gateway not ready at {url} within {timeout}s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-time", type=int, default=150)
    args = parser.parse_args()
    st = os.environ.get("SCHEMATHESIS") or os.path.join(ROOT, "target", "tools", "schemathesis")
    ports = {name: free_port() for name in ("grpc", "http", "sidecar", "sandbox")}
    data_dir = tempfile.mkdtemp(prefix="rcgw-fuzz-")
    digest = hashlib.sha256(KEY.encode()).hexdigest()
    env = dict(
        os.environ,
        LOG_FORMAT="json",
        LOG_LEVEL="error",
        DATA_DIR=data_dir,
        GRPC_ADDR=f"127.0.0.1:{ports['grpc']}",
        HTTP_ADDR=f"127.0.0.1:{ports['http']}",
        SIDECAR_ADDR=f"127.0.0.1:{ports['sidecar']}",
        SANDBOX_ADDR=f"127.0.0.1:{ports['sandbox']}",
        AUTH_API_KEYS=f"id=fuzz hash=sha256:{digest} scopes=*",
        # The fuzzer sends thousands of calls a minute: the sandbox's limits are lifted
        # below, and the gateway's budget starts where RingCentral's headers put it.
        RATE_LIMIT_LIGHT="100000",
        RATE_LIMIT_MEDIUM="100000",
        RATE_LIMIT_HEAVY="100000",
    )
    gateway = subprocess.Popen([BINARY, "serve", "--sandbox"], env=env, stdout=subprocess.DEVNULL)
    try:
        wait_ready(f"http://127.0.0.1:{ports['sidecar']}/readyz")
        request = urllib.request.Request(
            f"http://127.0.0.1:{ports['sandbox']}/_sandbox/limits",
            data=json.dumps({"throttling": False}).encode(),
            headers={"content-type": "application/json"},
        )
        urllib.request.urlopen(request, timeout=5).read()
        command = [
            sys.executable, "-m", "schemathesis.cli", "run",
            f"http://127.0.0.1:{ports['http']}/openapi.json",
            "--phases", "examples,coverage,fuzzing",
            "--exclude-checks", "negative_data_rejection",
            "--header", f"x-api-key: {KEY}",
            # Watch streams end at this deadline, as every call may.
            "--header", "grpc-timeout: 3S",
            "--request-timeout", "10",
            "--max-examples", "30",
            "--workers", "1",
            "--seed", "14",
        ]
        # PlatformService takes any RingCentral operation: whether a request is valid
        # depends on the operation it names (its path parameters, its media types),
        # which one schema cannot say. AccountService refuses valid requests by the
        # gateway's state (no encryption key, a name taken). Their routes are fuzzed
        # apart, for server errors and answers that break the document only.
        platform = "^/api/(platform|accounts)"
        typed = command + ["--max-time", str(args.max_time), "--exclude-path-regex", platform]
        generic = command + ["--max-time", str(max(args.max_time // 4, 15)),
                             "--include-path-regex", platform,
                             "--checks", "not_a_server_error,response_schema_conformance"]
        hooks = os.path.join(ROOT, "scripts", "openapi_fuzz_hooks.py")
        fuzz_env = dict(os.environ, PYTHONPATH=st, SCHEMATHESIS_HOOKS=hooks)
        for run_command in (typed, generic):
            run = subprocess.run(run_command, env=fuzz_env, cwd=data_dir)
            if run.returncode != 0:
                raise SystemExit("schemathesis found failures (see above)")
        print("schemathesis: no failures")
    finally:
        gateway.terminate()
        gateway.wait(timeout=30)


if __name__ == "__main__":
    main()
