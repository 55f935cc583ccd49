#!/usr/bin/env python3
"""Checks the PromQL of the rc-gateway dashboard and alert rules.

    check_promql.py --dashboard deploy/grafana/dashboards/rc-gateway.json \
                    --rules deploy/prometheus/rules/rc-gateway.rules.yml

For the dashboard: the JSON parses, panel ids are unique, panels sit inside the 24-column grid
without overlapping, every query uses the `datasource` variable, and every expression parses.
For dashboard and rules alike: every metric an expression selects is one that rc-gateway
exports (the list below is the gateway's metrics contract; `up` comes from Prometheus).

Expressions are parsed twice: by promql-parser (a PromQL parser on PyPI, used here to list the
metric names of each expression) and by Prometheus' own parser, through `promtool check rules`
on a file of recording rules made from the dashboard's queries (Grafana variables replaced by
sample values first).
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

# The metrics rc-gateway exports, by type. Histograms also expose _bucket, _sum and _count.
COUNTERS = {
    "http_requests_total",
    "ringcentral_api_calls_total",
    "rate_limit_hits_total",
    "ringcentral_retries_total",
    "cache_hits_total",
    "cache_misses_total",
    "coalesced_calls_total",
    "token_refreshes_total",
    "webhook_events_received_total",
    "webhook_events_rejected_total",
    "webhook_events_delivered_total",
    "auth_denied_total",
    "listener_connections_refused_total",
    "listener_connections_idle_closed_total",
    "listener_requests_refused_total",
}
GAUGES = {
    "http_requests_in_progress",
    "circuit_breaker_failures",
    "circuit_breaker_state",
    "ringcentral_rate_budget_remaining",
    "ringcentral_rate_budget_limit",
    "event_stream_subscribers",
    "event_stream_lag_events",
    "listener_connections",
    "listener_requests_in_flight",
}
HISTOGRAMS = {
    "http_request_duration_seconds",
    "ringcentral_api_duration_seconds",
    "webhook_ack_duration_seconds",
}
PROMETHEUS_SYNTHETIC = {"up"}

ALLOWED = (
    COUNTERS
    | GAUGES
    | PROMETHEUS_SYNTHETIC
    | {f"{h}{suffix}" for h in HISTOGRAMS for suffix in ("_bucket", "_sum", "_count")}
)

# Sample values for Grafana's variables, so the expressions become plain PromQL.
GRAFANA_VARIABLES = {
    "$__rate_interval": "1m",
    "$__interval": "1m",
    "$__range": "1h",
    "${namespace}": ".*",
    "$namespace": ".*",
    "${instance}": ".*",
    "$instance": ".*",
}

errors: list[str] = []


def error(message: str) -> None:
    errors.append(message)


def substitute(expr: str) -> str:
    for name in sorted(GRAFANA_VARIABLES, key=len, reverse=True):
        expr = expr.replace(name, GRAFANA_VARIABLES[name])
    leftover = re.findall(r"\$\{?\w+", expr)
    if leftover:
        error(f"unknown Grafana variable(s) {leftover} in: {expr}")
    return expr


def metric_names(expr: str, where: str) -> set[str]:
    """The metric names an expression selects, from promql-parser's syntax tree."""
    import promql_parser

    try:
        tree = promql_parser.parse(expr)
    except Exception as exc:  # the parser raises ValueError with its message
        error(f"{where}: PromQL does not parse: {exc}\n    {expr}")
        return set()
    names: set[str] = set()

    def visit(node) -> None:
        if isinstance(node, promql_parser.VectorSelector):
            if node.name:
                names.add(node.name)
            else:
                error(f"{where}: selector without a metric name in: {expr}")

    promql_parser.walk(tree, visit)
    return names


def check_names(expr: str, where: str) -> None:
    names = metric_names(expr, where)
    unknown = sorted(names - ALLOWED)
    if unknown:
        error(f"{where}: not an rc-gateway metric: {', '.join(unknown)}\n    {expr}")
    for name in names:
        for histogram in HISTOGRAMS:
            if name == histogram:
                error(f"{where}: histogram {name} is selected without _bucket/_sum/_count")


def promtool_parse(exprs: list[tuple[str, str]]) -> None:
    """Prometheus' own parser, through `promtool check rules` on recording rules."""
    promtool = shutil.which("promtool")
    if not promtool:
        error("promtool is not on PATH")
        return
    rules = [{"record": f"rc_gateway:dashboard_query:{i}", "expr": expr} for i, (expr, _) in enumerate(exprs)]
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as handle:
        yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, handle)
        path = handle.name
    result = subprocess.run([promtool, "check", "rules", path], capture_output=True, text=True)
    Path(path).unlink()
    if result.returncode != 0:
        error("promtool rejects dashboard queries:\n" + result.stdout + result.stderr)


def walk_panels(panels):
    for panel in panels:
        yield panel
        yield from walk_panels(panel.get("panels", []))


def check_dashboard(path: Path) -> int:
    try:
        dashboard = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        error(f"{path}: not JSON: {exc}")
        return 0
    for key in ("uid", "title", "panels", "schemaVersion", "templating"):
        if key not in dashboard:
            error(f"{path}: missing top-level key {key!r}")
    variables = {v.get("name") for v in dashboard.get("templating", {}).get("list", [])}
    if "datasource" not in variables:
        error(f"{path}: no `datasource` variable")

    ids: set[int] = set()
    cells: dict[tuple[int, int], str] = {}
    exprs: list[tuple[str, str]] = []
    for panel in walk_panels(dashboard.get("panels", [])):
        title = panel.get("title", "?")
        pid = panel.get("id")
        if pid in ids:
            error(f"{path}: duplicate panel id {pid} ({title})")
        ids.add(pid)
        grid = panel.get("gridPos")
        if not grid:
            error(f"{path}: panel {title!r} has no gridPos")
        else:
            if grid["x"] < 0 or grid["x"] + grid["w"] > 24:
                error(f"{path}: panel {title!r} leaves the 24-column grid")
            for x in range(grid["x"], grid["x"] + grid["w"]):
                for y in range(grid["y"], grid["y"] + grid["h"]):
                    if (x, y) in cells:
                        error(f"{path}: panels {cells[(x, y)]!r} and {title!r} overlap")
                        break
                    cells[(x, y)] = title
        if panel.get("type") == "row":
            continue
        if panel.get("datasource", {}).get("uid") != "${datasource}":
            error(f"{path}: panel {title!r} does not use the datasource variable")
        targets = panel.get("targets") or []
        if not targets:
            error(f"{path}: panel {title!r} has no query")
        for target in targets:
            expr = target.get("expr", "")
            if not expr.strip():
                error(f"{path}: panel {title!r} has an empty query")
                continue
            if target.get("datasource", {}).get("uid") != "${datasource}":
                error(f"{path}: a query of {title!r} does not use the datasource variable")
            where = f"{path.name}: panel {title!r} query {target.get('refId')}"
            plain = substitute(expr)
            check_names(plain, where)
            exprs.append((plain, where))

    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("type") == "query":
            query = variable.get("definition", "")
            match = re.fullmatch(r"label_values\((.*),\s*\w+\)", query)
            if not match:
                error(f"{path}: variable {variable.get('name')} query is not label_values(...): {query}")
                continue
            plain = substitute(match.group(1))
            check_names(plain, f"{path.name}: variable {variable.get('name')}")
            exprs.append((plain, f"variable {variable.get('name')}"))

    promtool_parse(exprs)
    return len(exprs)


def check_rules(path: Path) -> int:
    document = yaml.safe_load(path.read_text())
    count = 0
    for group in document.get("groups", []):
        for rule in group.get("rules", []):
            name = rule.get("alert") or rule.get("record")
            check_names(rule["expr"], f"{path.name}: {name}")
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dashboard", type=Path, action="append", default=[])
    parser.add_argument("--rules", type=Path, action="append", default=[])
    args = parser.parse_args()

    queries = sum(check_dashboard(path) for path in args.dashboard)
    rules = sum(check_rules(path) for path in args.rules)
    if errors:
        for message in errors:
            print(f"ERROR {message}", file=sys.stderr)
        return 1
    print(f"ok: {queries} dashboard queries and {rules} rules parse and use only rc-gateway metrics")
    return 0


if __name__ == "__main__":
    sys.exit(main())
