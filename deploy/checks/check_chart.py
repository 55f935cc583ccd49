#!/usr/bin/env python3
"""Checks manifests rendered by `helm template` from the rc-gateway chart.

    check_chart.py --rules deploy/prometheus/rules/rc-gateway.rules.yml \
                   --chart-rules helm/rc-gateway/files/rc-gateway.rules.yml \
                   --expect-kinds Deployment,Service,... rendered.yaml

Kubernetes' own schemas are checked by kubernetes-validate; this script checks what the chart
promises beyond them:

- the pod runs as 65532 with a read-only root filesystem, no privilege escalation, all
  capabilities dropped and the RuntimeDefault seccomp profile, and /var/lib/rc-gateway is a
  writable volume;
- liveness (/healthz), readiness (/readyz) and startup probes hit the sidecar port; resources
  have requests and limits; terminationGracePeriodSeconds exceeds SHUTDOWN_GRACE_PERIOD (plus
  the preStop pause); a checksum annotation rolls pods on config changes; container ports match
  the *_ADDR settings;
- no secret lands in the ConfigMap, and no Secret is rendered unless asked for;
- the API Service carries gRPC 50051 and HTTP 8080 with appProtocol, the sidecar Service 8081;
- the Ingress routes exactly /api/webhooks/events to the sidecar;
- the PrometheusRule holds the same groups as deploy/prometheus/rules (and promtool accepts
  them), and the chart's copy of the rules file is identical to it;
- the ServiceMonitor selects the sidecar Service's port and names the job `rc-gateway`;
- more than one possible replica comes with REDIS_URL from a Secret;
- no other pod (the `helm test` pod) carries the Deployment's selector labels, and a
  NetworkPolicy lets that pod reach the sidecar port it probes.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

DATA_DIR = "/var/lib/rc-gateway"
WEBHOOK_PATHS = {"/api/webhooks/events"}
SECRET_KEYS = {"RC_CLIENT_ID", "RC_CLIENT_SECRET", "RC_JWT", "REDIS_URL", "WEBHOOK_HMAC_SECRET", "AUTH_API_KEYS"}

errors: list[str] = []


def error(message: str) -> None:
    errors.append(message)


def seconds(text: str) -> float:
    total = 0.0
    for amount, unit in re.findall(r"([\d.]+)(ms|s|m|h)", text):
        total += float(amount) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit]
    return total


def by_kind(docs: list[dict], kind: str) -> list[dict]:
    return [d for d in docs if d.get("kind") == kind]


def check_deployment(deployment: dict, configmap: dict, name: str) -> None:
    spec = deployment["spec"]["template"]["spec"]
    annotations = deployment["spec"]["template"]["metadata"].get("annotations", {})
    if not annotations.get("checksum/config"):
        error(f"{name}: no checksum/config pod annotation (config changes would not roll pods)")
    pod_sc = spec.get("securityContext", {})
    if pod_sc.get("runAsNonRoot") is not True or pod_sc.get("runAsUser") != 65532:
        error(f"{name}: pod securityContext is not runAsNonRoot / runAsUser 65532")
    if (pod_sc.get("seccompProfile") or {}).get("type") != "RuntimeDefault":
        error(f"{name}: pod seccompProfile is not RuntimeDefault")
    containers = spec["containers"]
    if len(containers) != 1:
        error(f"{name}: expected one container, found {len(containers)}")
    container = containers[0]
    sc = container.get("securityContext", {})
    expected = {"runAsNonRoot": True, "runAsUser": 65532, "readOnlyRootFilesystem": True,
                "allowPrivilegeEscalation": False}
    for key, value in expected.items():
        if sc.get(key) != value:
            error(f"{name}: container securityContext.{key} is {sc.get(key)!r}, expected {value!r}")
    if (sc.get("capabilities") or {}).get("drop") != ["ALL"]:
        error(f"{name}: container does not drop ALL capabilities")
    if (sc.get("seccompProfile") or {}).get("type") != "RuntimeDefault":
        error(f"{name}: container seccompProfile is not RuntimeDefault")

    if container.get("args", [])[:1] != ["serve"]:
        error(f"{name}: container args do not start with `serve`: {container.get('args')}")

    ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
    data = configmap.get("data", {})
    for port_name, setting in (("grpc", "GRPC_ADDR"), ("http", "HTTP_ADDR"), ("sidecar", "SIDECAR_ADDR")):
        address = data.get(setting, "")
        if port_name not in ports or not address.endswith(f":{ports.get(port_name)}"):
            error(f"{name}: container port {port_name} ({ports.get(port_name)}) does not match {setting}={address!r}")

    probes = {
        "livenessProbe": "/healthz",
        "readinessProbe": "/readyz",
        "startupProbe": None,
    }
    for probe, path in probes.items():
        body = container.get(probe)
        if not body:
            error(f"{name}: no {probe}")
            continue
        http = body.get("httpGet")
        grpc = body.get("grpc")
        if http:
            if http.get("port") not in ("sidecar", ports.get("sidecar")):
                error(f"{name}: {probe} does not probe the sidecar port")
            if path and http.get("path") != path:
                error(f"{name}: {probe} probes {http.get('path')}, expected {path}")
        elif not (probe == "readinessProbe" and grpc and grpc.get("port") == ports.get("grpc")):
            error(f"{name}: {probe} is neither an httpGet on the sidecar nor a gRPC probe")

    resources = container.get("resources", {})
    if not resources.get("requests") or not resources.get("limits"):
        error(f"{name}: resources need both requests and limits")
    elif "memory" not in resources["limits"]:
        error(f"{name}: no memory limit")

    mounts = {m["mountPath"]: m for m in container.get("volumeMounts", [])}
    mount = mounts.get(DATA_DIR)
    if not mount or mount.get("readOnly"):
        error(f"{name}: {DATA_DIR} is not a writable volume mount")
    else:
        volume = next((v for v in spec.get("volumes", []) if v["name"] == mount["name"]), {})
        if "emptyDir" not in volume and "persistentVolumeClaim" not in volume:
            error(f"{name}: {DATA_DIR} is neither an emptyDir nor a PersistentVolumeClaim")
    if data.get("DATA_DIR") != DATA_DIR:
        error(f"{name}: DATA_DIR is {data.get('DATA_DIR')!r}, expected {DATA_DIR}")

    grace = seconds(data.get("SHUTDOWN_GRACE_PERIOD", "20s"))
    pre_stop = (((container.get("lifecycle") or {}).get("preStop") or {}).get("sleep") or {}).get("seconds", 0)
    termination = spec.get("terminationGracePeriodSeconds", 30)
    if termination <= grace + pre_stop:
        error(f"{name}: terminationGracePeriodSeconds {termination} <= SHUTDOWN_GRACE_PERIOD {grace} + preStop {pre_stop}")

    if not spec.get("topologySpreadConstraints") and not spec.get("affinity"):
        error(f"{name}: no topologySpreadConstraints")


def env_names(deployment: dict) -> set[str]:
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    return {e["name"] for e in container.get("env", [])}


def check_services(docs: list[dict]) -> dict:
    services = by_kind(docs, "Service")
    api = next((s for s in services if s["metadata"]["labels"].get("app.kubernetes.io/component") == "api"), None)
    sidecar = next((s for s in services if s["metadata"]["labels"].get("app.kubernetes.io/component") == "sidecar"), None)
    if not api or not sidecar:
        error("expected an API Service and a sidecar Service (component labels api / sidecar)")
        return {}
    api_ports = {p["name"]: p for p in api["spec"]["ports"]}
    for port_name, number in (("grpc", 50051), ("http", 8080)):
        port = api_ports.get(port_name)
        if not port or port["port"] != number or not port.get("appProtocol"):
            error(f"API Service: port {port_name} should be {number} with appProtocol set")
    if set(api_ports) != {"grpc", "http"}:
        error(f"API Service exposes {sorted(api_ports)}, expected grpc and http only")
    sidecar_ports = {p["name"]: p for p in sidecar["spec"]["ports"]}
    if set(sidecar_ports) != {"sidecar"} or sidecar_ports["sidecar"]["port"] != 8081:
        error(f"sidecar Service exposes {sorted(sidecar_ports)}, expected sidecar (8081) only")
    return {"api": api, "sidecar": sidecar}


def check_ingress(ingress: dict, sidecar: dict) -> None:
    name = ingress["metadata"]["name"]
    paths = set()
    for rule in ingress["spec"].get("rules", []):
        if not rule.get("host"):
            error(f"Ingress {name}: a rule without host")
        for path in rule.get("http", {}).get("paths", []):
            paths.add(path["path"])
            if path.get("pathType") != "Exact":
                error(f"Ingress {name}: {path['path']} is not pathType Exact")
            backend = path["backend"]["service"]
            if backend["name"] != sidecar["metadata"]["name"]:
                error(f"Ingress {name}: {path['path']} routes to {backend['name']}, not the sidecar Service")
    if paths != WEBHOOK_PATHS:
        error(f"Ingress {name}: exposes {sorted(paths)}, expected exactly {sorted(WEBHOOK_PATHS)}")
    if ingress["spec"].get("defaultBackend"):
        error(f"Ingress {name}: has a defaultBackend (would expose more than the webhook paths)")


def check_prometheus_rule(rule: dict, rules_path: Path) -> None:
    expected = yaml.safe_load(rules_path.read_text())
    if rule["spec"] != expected:
        error("PrometheusRule spec differs from " + str(rules_path))
    promtool = shutil.which("promtool")
    if not promtool:
        error("promtool is not on PATH")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as handle:
        yaml.safe_dump(rule["spec"], handle)
        path = handle.name
    result = subprocess.run([promtool, "check", "rules", path], capture_output=True, text=True)
    Path(path).unlink()
    if result.returncode != 0:
        error("promtool rejects the PrometheusRule:\n" + result.stdout + result.stderr)


def check_service_monitor(monitor: dict, sidecar: dict) -> None:
    selector = monitor["spec"]["selector"].get("matchLabels", {})
    labels = sidecar["metadata"]["labels"]
    if any(labels.get(k) != v for k, v in selector.items()):
        error("ServiceMonitor selector does not match the sidecar Service's labels")
    api_like = {"api"}
    if selector.get("app.kubernetes.io/component") in api_like:
        error("ServiceMonitor selects the API Service")
    port_names = {p["name"] for p in sidecar["spec"]["ports"]}
    for endpoint in monitor["spec"].get("endpoints", []):
        if endpoint.get("port") not in port_names:
            error(f"ServiceMonitor endpoint port {endpoint.get('port')} is not a sidecar Service port")
        if endpoint.get("path", "/metrics") != "/metrics":
            error("ServiceMonitor does not scrape /metrics")
        relabel = [r for r in endpoint.get("relabelings", []) if r.get("targetLabel") == "job"]
        if not relabel or relabel[-1].get("replacement") != "rc-gateway":
            error("ServiceMonitor does not set job=rc-gateway, which the alert rules select")


def check_network_policy(policy: dict, deployment: dict) -> None:
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    port_names = {p["name"] for p in container.get("ports", [])}
    for rule in policy["spec"].get("ingress", []):
        if not rule.get("from"):
            error("NetworkPolicy: an ingress rule without `from` admits every source")
        for peer in rule.get("from", []):
            if not peer or all(not v for v in peer.values()):
                error("NetworkPolicy: an empty peer admits every pod of every namespace")
        for port in rule.get("ports", []):
            if isinstance(port.get("port"), str) and port["port"] not in port_names:
                error(f"NetworkPolicy: port {port['port']} is not a container port")


def matches(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in selector.items())


def check_other_pods(pods: list[dict], deployment: dict, policies: list[dict]) -> None:
    selector = deployment["spec"]["selector"]["matchLabels"]
    for pod in pods:
        name = pod["metadata"]["name"]
        labels = pod["metadata"].get("labels", {})
        if matches(selector, labels):
            error(f"Pod {name} carries the Deployment's selector labels: its ReplicaSet would adopt it")
        for policy in policies:
            if not matches(policy["spec"]["podSelector"].get("matchLabels", {}), deployment["spec"]["template"]["metadata"]["labels"]):
                continue
            admitted = any(
                any(p.get("port") == "sidecar" for p in rule.get("ports", []))
                and any(
                    "namespaceSelector" not in peer and matches(peer.get("podSelector", {}).get("matchLabels", {}), labels)
                    for peer in rule.get("from", [])
                    if peer.get("podSelector")
                )
                for rule in policy["spec"].get("ingress", [])
            )
            if not admitted:
                error(f"NetworkPolicy {policy['metadata']['name']} blocks Pod {name} from the sidecar port")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, required=True)
    parser.add_argument("--chart-rules", type=Path, required=True)
    parser.add_argument("--expect-kinds", default="")
    parser.add_argument("manifest", type=Path)
    args = parser.parse_args()

    if args.rules.read_bytes() != args.chart_rules.read_bytes():
        error(f"{args.chart_rules} differs from {args.rules}: copy the rules file into the chart")

    docs = [d for d in yaml.safe_load_all(args.manifest.read_text()) if d]
    kinds = {d["kind"] for d in docs}
    for kind in filter(None, args.expect_kinds.split(",")):
        if kind not in kinds:
            error(f"{args.manifest.name}: no {kind} rendered")

    configmaps = by_kind(docs, "ConfigMap")
    deployments = by_kind(docs, "Deployment")
    if len(deployments) != 1 or len(configmaps) != 1:
        error(f"{args.manifest.name}: expected one Deployment and one ConfigMap")
    else:
        deployment, configmap = deployments[0], configmaps[0]
        leaked = SECRET_KEYS & set(configmap.get("data", {}))
        if leaked:
            error(f"ConfigMap holds secrets: {sorted(leaked)}")
        check_deployment(deployment, configmap, f"Deployment {deployment['metadata']['name']}")
        hpas = by_kind(docs, "HorizontalPodAutoscaler")
        max_replicas = max([deployment["spec"].get("replicas", 1)] + [h["spec"]["maxReplicas"] for h in hpas])
        for hpa in hpas:
            target = hpa["spec"]["scaleTargetRef"]
            if target["kind"] != "Deployment" or target["name"] != deployment["metadata"]["name"]:
                error("HorizontalPodAutoscaler does not target the Deployment")
        if hpas and "replicas" in deployment["spec"]:
            error("Deployment sets replicas although an HPA manages it")
        if max_replicas > 1 and "REDIS_URL" not in env_names(deployment):
            error(f"up to {max_replicas} replicas without REDIS_URL from a Secret")
        for policy in by_kind(docs, "NetworkPolicy"):
            check_network_policy(policy, deployment)
        check_other_pods(by_kind(docs, "Pod"), deployment, by_kind(docs, "NetworkPolicy"))

    secrets = by_kind(docs, "Secret")
    if secrets and "Secret" not in args.expect_kinds.split(","):
        error(f"{args.manifest.name}: renders a Secret ({secrets[0]['metadata']['name']}); credentials belong in an existing Secret")

    services = check_services(docs)
    for ingress in by_kind(docs, "Ingress"):
        if services:
            check_ingress(ingress, services["sidecar"])
    for rule in by_kind(docs, "PrometheusRule"):
        check_prometheus_rule(rule, args.rules)
    for monitor in by_kind(docs, "ServiceMonitor"):
        if services:
            check_service_monitor(monitor, services["sidecar"])

    if errors:
        for message in errors:
            print(f"ERROR {message}", file=sys.stderr)
        return 1
    print(f"ok: {args.manifest.name}: {len(docs)} resources ({', '.join(sorted(kinds))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
