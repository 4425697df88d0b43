"""deploy/'s Kubernetes install is checked here, not only read: every manifest (base, and each
overlay's patches applied to it) validates against the Kubernetes API schemas bundled with
kubernetes-validate, and CloudNativePG's Cluster against the operator's own schema (1.29.0, from
the npm package ``@kubernetes-models/cloudnative-pg`` 1.0.0, run by Node.js: tests/deploy/crds);
the pieces a production install needs are all there; the images and the NATS Helm values say
what deploy/README.md promises. The compose install is tests/deploy/test_compose.py's, the
network policies' egress tests/deploy/test_egress.py's."""

import json

import kubernetes_validate
import pytest
import yaml

from tests.deploy.common import (
    CONSOLE,
    CONSOLE_PORT,
    CRDS,
    DEPLOY,
    INTAKE_API,
    INTAKE_WORKER,
    K8S_VERSION,
    SERVICES,
    base_documents,
    crd_errors,
    load,
    rendered,
    selects,
)


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
    assert selects(api["spec"]["selector"], api_pod)
    assert not selects(api["spec"]["selector"], worker_pod)
    assert selects(worker["spec"]["selector"], worker_pod)
    assert not selects(worker["spec"]["selector"], api_pod)
    assert not selects(by_kind["PodDisruptionBudget"][INTAKE_API]["spec"]["selector"], worker_pod)
    services = by_kind["Service"].values()
    assert [
        s["metadata"]["name"]
        for s in services
        if selects({"matchLabels": s["spec"]["selector"]}, api_pod)
    ] == [INTAKE_API]
    assert not any(selects({"matchLabels": s["spec"]["selector"]}, worker_pod) for s in services)
    ingress = json.dumps(by_kind["Ingress"]["aftersales"]["spec"])
    assert INTAKE_WORKER not in ingress
    for policy in by_kind["NetworkPolicy"].values():  # nothing admits traffic to a worker
        spec = policy["spec"]
        if "Ingress" in spec["policyTypes"] and spec.get("ingress"):
            assert not selects(spec["podSelector"], worker_pod), policy["metadata"]["name"]


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


@pytest.mark.parametrize("svc", [*SERVICES, CONSOLE])
def test_each_image_builds_from_the_lock_file_and_runs_unprivileged(svc):
    dockerfile = (DEPLOY / "docker" / f"Dockerfile.{svc}").read_text()
    assert f"uv sync --locked --no-dev --package aftersales-{svc} --no-editable" in dockerfile
    assert "USER 10001:10001" in dockerfile
    assert dockerfile.count("FROM ") == 2  # build stage, runtime stage
    # what the image runs, on the port its pods declare
    port = CONSOLE_PORT if svc == CONSOLE else 8000
    [cmd] = [line for line in dockerfile.splitlines() if line.startswith("CMD ")]
    assert json.loads(cmd.removeprefix("CMD "))[:7] == [
        "uvicorn",
        f"{svc}.main:create_app",
        "--factory",
        "--host",
        "0.0.0.0",
        "--port",
        str(port),
    ]
    assert f"EXPOSE {port}" in dockerfile
    [deployment] = [
        d for d in base_documents() if d["kind"] == "Deployment" and d["metadata"]["name"] == svc
    ]
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    assert container["ports"] == [{"name": "http", "containerPort": port}]


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_the_overlays_patch_what_they_mean_to(overlay):
    docs = rendered(overlay)
    deployments = [d for d in docs if d["kind"] == "Deployment"]
    assert len(deployments) == 6  # intake's API and worker, the other three, the console
    replicas = {d["spec"]["replicas"] for d in deployments}
    assert replicas == ({1} if overlay == "dev" else {3})
    assert all(d["metadata"]["namespace"] == "aftersales" for d in deployments)
    images = {d["spec"]["template"]["spec"]["containers"][0]["image"] for d in deployments}
    if overlay == "prod":
        assert images == {
            f"registry.example.com/aftersales/{s}:1.0.0" for s in (*SERVICES, CONSOLE)
        }
    else:
        assert images == {f"aftersales-{s}:dev" for s in (*SERVICES, CONSOLE)}
        # the generated secrets carry kustomize's content hash, and the pods name it
        secrets = {d["metadata"]["name"] for d in docs if d["kind"] == "Secret"}
        roles = next(n for n in secrets if n.startswith("aftersales-db-roles-"))
        for d in deployments:
            env = d["spec"]["template"]["spec"]["containers"][0]["env"]
            named = {e["valueFrom"]["secretKeyRef"]["name"] for e in env if "valueFrom" in e}
            assert roles in named
