#!/usr/bin/env python3
"""Runs every grpcurl and curl example of README.md, as written, against a gateway
started with `rc-gateway serve --sandbox` on the default ports, and fails if one of
them fails or answers with an error. Keeps the README's examples true."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "debug", "rc-gateway")


def examples():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = line.strip()
            if line.startswith(("grpcurl ", "curl ")):
                commands.append(line)
    return commands


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


def is_error(output):
    """A JSON error body of the gateway (its own, or in RingCentral's format on the
    compatible endpoint), or grpcurl's error report."""
    if output.startswith("ERROR:"):
        return True
    try:
        value = json.loads(output)
    except ValueError:
        return False
    if not isinstance(value, dict):
        return False
    if "errorCode" in value and "errors" in value or "error" in value and "error_description" in value:
        return True
    return isinstance(value.get("code"), int) and value.get("code", 0) >= 400


def main():
    commands = examples()
    if not commands:
        raise SystemExit("no examples found in README.md")
    data_dir = tempfile.mkdtemp(prefix="rcgw-readme-")
    env = dict(os.environ, LOG_FORMAT="json", LOG_LEVEL="warn", DATA_DIR=data_dir)
    gateway = subprocess.Popen([BINARY, "serve", "--sandbox"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = 0
    try:
        wait_ready("http://localhost:8081/readyz")
        for command in commands:
            # The examples spend more than a minute's Heavy budget of the (rate-limited)
            # sandbox, so the last Heavy calls wait for RingCentral's window, as designed.
            try:
                run = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=90)
            except subprocess.TimeoutExpired:
                failures += 1
                print(f"FAILED: {command}\n  no answer within 90 s")
                continue
            output = (run.stdout + run.stderr).strip()
            # Watch streams run until their --max-time: they pass if events came.
            streaming = "events:watch" in command or "WatchEvents" in command
            if streaming and ('"offset"' in output or "id: " in output):
                print(f"ok: {command[:100]}")
                continue
            if run.returncode != 0 or is_error(output) or not output:
                failures += 1
                print(f"FAILED: {command}\n  exit {run.returncode}: {output[:500]}")
            else:
                print(f"ok: {command[:100]}")
        # The live /metrics page, after all that traffic, through Prometheus's own linter.
        if shutil.which("promtool"):
            page = urllib.request.urlopen("http://localhost:8081/metrics", timeout=10).read()
            lint = subprocess.run(["promtool", "check", "metrics"], input=page, capture_output=True)
            if lint.returncode != 0:
                failures += 1
                print(f"FAILED: promtool check metrics\n  {(lint.stdout + lint.stderr).decode()[:2000]}")
            else:
                print("ok: /metrics passes promtool check metrics")
    finally:
        gateway.terminate()
        gateway.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
    print(f"{len(commands) - failures} of {len(commands)} README examples work")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
