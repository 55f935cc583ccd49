#!/usr/bin/env python3
"""Validates deploy/docker-compose.yml with the real Docker Compose CLI, and the files it uses.

    check_compose.py --compose-bin docker-compose deploy/docker-compose.yml

`docker-compose config` (Compose v2, which loads, interpolates and validates the file against
the compose-spec schema without a Docker engine) renders the stack for each profile, with
deploy/.env.example plus a placeholder Grafana password as the env file. On the rendered
configuration this script then checks what the schema cannot:

- every bind-mounted file or directory, the build context and the Dockerfile exist;
- the gateway services run read-only as 65532 with a writable /var/lib/rc-gateway, a
  healthcheck, a restart policy and a stop grace period longer than SHUTDOWN_GRACE_PERIOD;
- images carry a pinned tag; Grafana's admin password is never a default, and the stack does
  not start from the unedited .env.example;
- the files the services load point at each other correctly: Prometheus' rule files and scrape
  target, Grafana's data source and dashboard folder, the OpenTelemetry collector's pipelines
  and the gateway's OTLP endpoint;
- .dockerignore keeps every build input in the Docker build context.
"""

import argparse
import fnmatch
import glob
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import yaml

GATEWAY_PORTS = {50051, 8080, 8081}
DATA_DIR = "/var/lib/rc-gateway"
PROFILES = {
    "sandbox": {"gateway-sandbox", "redis", "otel-collector", "prometheus", "grafana"},
    "live": {"gateway", "redis", "otel-collector", "prometheus", "grafana"},
}
BUILD_INPUTS = ["Cargo.toml", "Cargo.lock", "build.rs", "src/main.rs", "src/lib.rs", "proto"]

errors: list[str] = []


def error(message: str) -> None:
    errors.append(message)


def seconds(value) -> float:
    """Compose durations come back as Go durations ("30s", "1m0s") or nanoseconds."""
    if isinstance(value, (int, float)):
        return value / 1e9
    total = 0.0
    for amount, unit in re.findall(r"([\d.]+)(ms|s|m|h)", str(value)):
        total += float(amount) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit]
    return total


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def render(compose_bin: str, compose_file: Path, env_file: Path, profile: str) -> dict | None:
    result = subprocess.run(
        [compose_bin, "-f", str(compose_file), "--env-file", str(env_file), "--profile", profile,
         "config", "--format", "json"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        error(f"docker-compose config --profile {profile} failed:\n{result.stderr}")
        return None
    return json.loads(result.stdout)


def host_path(service: dict, container_path: str) -> Path | None:
    """The host file behind a container path, through the service's bind mounts."""
    best = None
    for volume in service.get("volumes", []):
        if volume.get("type") != "bind":
            continue
        target = volume["target"].rstrip("/")
        if container_path == target or container_path.startswith(target + "/"):
            if best is None or len(target) > len(best[0]):
                best = (target, volume["source"])
    if best is None:
        return None
    return Path(best[1]) / container_path[len(best[0]):].lstrip("/")


def check_service_common(name: str, service: dict) -> None:
    image = service.get("image", "")
    tag = image.rsplit("/", 1)[-1].partition(":")[2]
    if not tag or tag == "latest":
        error(f"service {name}: image {image!r} has no pinned tag")
    for volume in service.get("volumes", []):
        if volume.get("type") == "bind" and not Path(volume["source"]).exists():
            error(f"service {name}: bind mount source {volume['source']} does not exist")
    for env_file in service.get("env_file", []):
        path = env_file["path"] if isinstance(env_file, dict) else env_file
        required = env_file.get("required", True) if isinstance(env_file, dict) else True
        if required and not Path(path).exists():
            error(f"service {name}: env_file {path} does not exist")
    if not service.get("restart"):
        error(f"service {name}: no restart policy")


def check_gateway(name: str, service: dict, profile: str) -> None:
    build = service.get("build")
    if not build:
        error(f"service {name}: no build section")
    else:
        context = Path(build["context"])
        dockerfile = context / build.get("dockerfile", "Dockerfile")
        if not (context / "Cargo.toml").exists():
            error(f"service {name}: build context {context} is not the repository root")
        if not dockerfile.exists():
            error(f"service {name}: Dockerfile {dockerfile} does not exist")
    if service.get("read_only") is not True:
        error(f"service {name}: root filesystem is not read_only")
    if service.get("user") != "65532:65532":
        error(f"service {name}: does not run as 65532:65532")
    if "ALL" not in service.get("cap_drop", []):
        error(f"service {name}: capabilities are not dropped")
    writable = [v["target"] for v in service.get("volumes", [])] + [
        t.split(":", 1)[0] for t in service.get("tmpfs", [])
    ]
    if DATA_DIR not in writable:
        error(f"service {name}: {DATA_DIR} is neither a volume nor a tmpfs (read-only root)")
    test = service.get("healthcheck", {}).get("test", [])
    if test[:1] != ["CMD"] or "healthcheck" not in test:
        error(f"service {name}: healthcheck is not `rc-gateway healthcheck` in exec form: {test}")
    environment = service.get("environment", {})
    grace = seconds(environment.get("SHUTDOWN_GRACE_PERIOD", "20s"))
    if seconds(service.get("stop_grace_period", "10s")) <= grace:
        error(f"service {name}: stop_grace_period must exceed SHUTDOWN_GRACE_PERIOD ({grace}s)")
    if environment.get("DATA_DIR") != DATA_DIR:
        error(f"service {name}: DATA_DIR is not {DATA_DIR}")
    published = {int(p["target"]) for p in service.get("ports", [])}
    if published != GATEWAY_PORTS:
        error(f"service {name}: publishes {sorted(published)}, expected {sorted(GATEWAY_PORTS)}")
    aliases = (service.get("networks", {}).get("default") or {}).get("aliases", [])
    if "rc-gateway" not in aliases:
        error(f"service {name}: lacks the network alias rc-gateway that Prometheus scrapes")
    command = service.get("command", [])
    if command[:1] != ["serve"]:
        error(f"service {name}: command does not start with `serve`: {command}")
    if profile == "sandbox" and "--sandbox" not in command:
        error(f"service {name}: the sandbox profile must run `serve --sandbox`")
    if profile == "live":
        for key in ("RC_CLIENT_ID", "RC_CLIENT_SECRET", "RC_JWT", "RC_SERVER_URL"):
            if key not in environment:
                error(f"service {name}: {key} is not passed to the live gateway")
        if "--sandbox" in command or "--insecure-no-auth" in command:
            error(f"service {name}: the live gateway must not run with --sandbox/--insecure-no-auth")


def check_prometheus(config: dict, gateway: dict) -> None:
    service = config["services"]["prometheus"]
    flags = dict(arg.split("=", 1) for arg in service.get("command", []) if "=" in arg)
    config_path = host_path(service, flags.get("--config.file", "/etc/prometheus/prometheus.yml"))
    if config_path is None or not config_path.exists():
        error(f"prometheus: --config.file is not mounted from the repository ({config_path})")
        return
    prometheus = yaml.safe_load(config_path.read_text())
    for pattern in prometheus.get("rule_files", []):
        if not glob.glob(str(config_path.parent / pattern)):
            error(f"prometheus: rule_files {pattern!r} matches no file next to {config_path}")
    jobs = {job["job_name"]: job for job in prometheus.get("scrape_configs", [])}
    job = jobs.get("rc-gateway")
    if not job:
        error("prometheus: no scrape job named rc-gateway (the alert rules expect it)")
        return
    if job.get("metrics_path", "/metrics") != "/metrics":
        error("prometheus: rc-gateway job does not scrape /metrics")
    aliases = (gateway.get("networks", {}).get("default") or {}).get("aliases", [])
    for static in job.get("static_configs", []):
        for target in static.get("targets", []):
            host, _, port = target.partition(":")
            if host not in aliases or port != "8081":
                error(f"prometheus: target {target} is not the gateway's sidecar (rc-gateway:8081)")


def check_grafana(config: dict) -> None:
    service = config["services"]["grafana"]
    environment = service.get("environment", {})
    password = environment.get("GF_SECURITY_ADMIN_PASSWORD")
    if not password or password in {"admin", "password", "changeme", "change-me"}:
        error("grafana: admin password is missing or a well-known default")
    provisioning = host_path(service, "/etc/grafana/provisioning")
    if provisioning is None:
        error("grafana: /etc/grafana/provisioning is not mounted")
        return
    datasource_files = sorted((provisioning / "datasources").glob("*.y*ml"))
    dashboard_files = sorted((provisioning / "dashboards").glob("*.y*ml"))
    if not datasource_files or not dashboard_files:
        error(f"grafana: no datasource or dashboard provisioning under {provisioning}")
    for path in datasource_files:
        for source in yaml.safe_load(path.read_text()).get("datasources", []):
            url = urlparse(source.get("url", ""))
            if url.hostname not in config["services"]:
                error(f"grafana: data source {source.get('name')} points at {url.hostname}, not a compose service")
            elif url.port != 9090:
                error(f"grafana: data source {source.get('name')} does not use Prometheus' port 9090")
    for path in dashboard_files:
        for provider in yaml.safe_load(path.read_text()).get("providers", []):
            folder = host_path(service, provider.get("options", {}).get("path", ""))
            if folder is None or not list(folder.glob("*.json")):
                error(f"grafana: dashboard provider {provider.get('name')} path holds no dashboard ({folder})")
    home = environment.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
    if home:
        home_path = host_path(service, home)
        if home_path is None or not home_path.exists():
            error(f"grafana: home dashboard {home} is not a mounted file")


def check_otel(config: dict, gateway: dict) -> None:
    service = config["services"]["otel-collector"]
    flags = dict(arg.split("=", 1) for arg in service.get("command", []) if "=" in arg)
    path = host_path(service, flags.get("--config", ""))
    if path is None or not path.exists():
        error(f"otel-collector: --config is not a mounted file ({path})")
        return
    otel = yaml.safe_load(path.read_text())
    defined = {kind: set((otel.get(kind) or {}).keys()) for kind in ("receivers", "processors", "exporters", "extensions")}
    for name in otel.get("service", {}).get("extensions", []):
        if name not in defined["extensions"]:
            error(f"otel-collector: service extension {name} is not defined")
    pipelines = otel.get("service", {}).get("pipelines", {})
    if "traces" not in pipelines:
        error("otel-collector: no traces pipeline")
    for pipeline_name, pipeline in pipelines.items():
        for kind in ("receivers", "processors", "exporters"):
            for name in pipeline.get(kind, []):
                if name not in defined[kind]:
                    error(f"otel-collector: pipeline {pipeline_name} uses undefined {kind[:-1]} {name}")
        if not pipeline.get("receivers") or not pipeline.get("exporters"):
            error(f"otel-collector: pipeline {pipeline_name} needs a receiver and an exporter")
    endpoint = urlparse(gateway.get("environment", {}).get("OTEL_EXPORTER_OTLP_ENDPOINT", ""))
    grpc = (((otel.get("receivers") or {}).get("otlp") or {}).get("protocols") or {}).get("grpc") or {}
    grpc_port = int(str(grpc.get("endpoint", "0.0.0.0:4317")).rsplit(":", 1)[1])
    if endpoint.hostname != "otel-collector" or endpoint.port != grpc_port:
        error(f"gateway: OTEL_EXPORTER_OTLP_ENDPOINT {endpoint.geturl()} is not the collector's OTLP gRPC receiver")


def check_dockerignore(root: Path) -> None:
    path = root / ".dockerignore"
    if not path.exists():
        error(".dockerignore is missing at the repository root")
        return
    patterns = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    for must in ("target", ".git"):
        if must not in {p.rstrip("/") for p in patterns}:
            error(f".dockerignore does not exclude {must}/")
    for item in BUILD_INPUTS:
        parts = PurePosixPath(item).parts
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        excluded = False
        for pattern in patterns:
            negate = pattern.startswith("!")
            pattern = pattern.lstrip("!").rstrip("/")
            hit = any(
                fnmatch.fnmatchcase(prefix, pattern)
                or (pattern.startswith("**/") and fnmatch.fnmatchcase(PurePosixPath(prefix).name, pattern[3:]))
                for prefix in prefixes
            )
            if hit:
                excluded = not negate
        if excluded:
            error(f".dockerignore excludes the build input {item}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compose-bin", default="docker-compose")
    parser.add_argument("compose_file", type=Path)
    args = parser.parse_args()
    compose_file = args.compose_file.resolve()
    deploy = compose_file.parent
    example = deploy / ".env.example"

    # The unedited example must not start the stack: Grafana needs a password of your own.
    result = subprocess.run(
        [args.compose_bin, "-f", str(compose_file), "--env-file", str(example), "config", "-q"],
        capture_output=True, text=True,
    )
    if result.returncode == 0 or "GRAFANA_ADMIN_PASSWORD" not in result.stderr:
        error("docker-compose config accepts .env.example without GRAFANA_ADMIN_PASSWORD")

    env = read_env_file(example)
    env.update({"GRAFANA_ADMIN_PASSWORD": "check-deploy-placeholder", "RC_CLIENT_ID": "id",
                "RC_CLIENT_SECRET": "secret", "RC_JWT": "jwt"})
    rendered = 0
    with tempfile.NamedTemporaryFile("w", suffix=".env", delete=False) as handle:
        handle.write("".join(f"{key}={value}\n" for key, value in env.items()))
        env_file = Path(handle.name)
    try:
        for profile, expected in PROFILES.items():
            config = render(args.compose_bin, compose_file, env_file, profile)
            if config is None:
                continue
            rendered += 1
            services = set(config.get("services", {}))
            if services != expected:
                error(f"profile {profile}: services {sorted(services)}, expected {sorted(expected)}")
                continue
            gateway_name = "gateway-sandbox" if profile == "sandbox" else "gateway"
            for name, service in config["services"].items():
                check_service_common(name, service)
            gateway = config["services"][gateway_name]
            check_gateway(gateway_name, gateway, profile)
            check_prometheus(config, gateway)
            check_grafana(config)
            check_otel(config, gateway)
    finally:
        env_file.unlink()
    check_dockerignore(deploy.parent)

    if errors:
        for message in errors:
            print(f"ERROR {message}", file=sys.stderr)
        return 1
    print(f"ok: {rendered} compose profiles render and every referenced file checks out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
