"""The console (issue 33) as deploy/k8s runs it: a fifth Deployment that runs as the services'
pods do (the same pod and container security, probes, budget, autoscaling, a migration Job
for its own role and schema), calls the four services at their Services, holds no NATS
identity, reads its secrets from Secrets each overlay provides, and is given exactly the
settings the console reads. Its network is tests/deploy/test_console_network.py's, its route
at the origin tests/deploy/test_console_origin.py's."""

import base64
import os
import re

import pytest

from tests.deploy.common import (
    CONSOLE,
    CONSOLE_MIGRATE,
    CONSOLE_PORT,
    DEPLOY,
    SERVICES,
    base_documents,
    by_kind,
    rendered,
    selects,
)

SERVICE_URLS = {f"CONSOLE_{s.upper()}_URL": s for s in SERVICES}


def _container(workload: dict) -> dict:
    [container] = workload["spec"]["template"]["spec"]["containers"]
    return container


def _secret_refs(container: dict) -> dict[str, tuple[str, str]]:
    """Each variable read from a Secret: (the Secret, its key)."""
    return {
        e["name"]: (e["valueFrom"]["secretKeyRef"]["name"], e["valueFrom"]["secretKeyRef"]["key"])
        for e in container.get("env", [])
        if "secretKeyRef" in e.get("valueFrom", {})
    }


def test_the_console_runs_as_the_services_do():
    kinds = by_kind(base_documents())
    console = kinds["Deployment"][CONSOLE]
    pod, container = console["spec"]["template"]["spec"], _container(console)
    for svc in SERVICES:
        theirs = kinds["Deployment"][svc]
        their_pod, their_container = theirs["spec"]["template"]["spec"], _container(theirs)
        for key in ("securityContext", "serviceAccountName", "automountServiceAccountToken"):
            assert pod[key] == their_pod[key], (svc, key)
        for key in ("securityContext", "resources", "imagePullPolicy"):
            assert container[key] == their_container[key], (svc, key)
        assert console["spec"]["strategy"] == theirs["spec"]["strategy"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["capabilities"] == {"drop": ["ALL"]}
    # the probes the console answers, on its own port
    assert container["ports"] == [{"name": "http", "containerPort": CONSOLE_PORT}]
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/livez", "port": "http"}
    assert container["image"] == "aftersales-console:latest"
    # as many as the services, and kept so through autoscaling and disruptions
    assert console["spec"]["replicas"] >= 2
    assert selects(console["spec"]["selector"], console["spec"]["template"]["metadata"]["labels"])
    assert kinds["HorizontalPodAutoscaler"][CONSOLE]["spec"]["scaleTargetRef"]["name"] == CONSOLE
    assert kinds["HorizontalPodAutoscaler"][CONSOLE]["spec"]["minReplicas"] >= 2
    assert kinds["PodDisruptionBudget"][CONSOLE]["spec"]["minAvailable"] >= 1
    # the Service the Ingress names reaches the console's port
    service = kinds["Service"][CONSOLE]
    assert selects(
        {"matchLabels": service["spec"]["selector"]},
        console["spec"]["template"]["metadata"]["labels"],
    )
    assert service["spec"]["ports"] == [{"name": "http", "port": 80, "targetPort": "http"}]
    # no broker: no NATS address of its own, identity or CA
    assert not [e["name"] for e in container["env"] if "NATS" in e["name"]]
    # nor keys: it verifies no token itself, the services do
    assert not [v for v in pod["volumes"] if "secret" in v]
    # the only writable place is a small /tmp in memory
    [tmp] = [v for v in pod["volumes"] if "emptyDir" in v]
    assert tmp["emptyDir"]["medium"] == "Memory"
    assert {m["mountPath"] for m in container["volumeMounts"] if m["name"] == tmp["name"]} == {
        "/tmp"
    }


def test_the_console_has_its_own_role_and_schema_made_like_the_services():
    kinds = by_kind(base_documents())
    job = kinds["Job"][CONSOLE_MIGRATE]
    theirs = kinds["Job"]["intake-migrate"]
    job_pod, their_pod = job["spec"]["template"]["spec"], theirs["spec"]["template"]["spec"]
    for key in ("securityContext", "automountServiceAccountToken", "restartPolicy"):
        assert job_pod[key] == their_pod[key], key
    [migrate], [their_migrate] = job_pod["containers"], their_pod["containers"]
    assert migrate["command"] == ["aftersales", "migrate", "--service", CONSOLE]
    assert migrate["image"] == "aftersales-console:latest"
    assert migrate["securityContext"] == their_migrate["securityContext"]
    assert _secret_refs(migrate) == {
        "DATABASE_URL": ("aftersales-db-superuser", "uri"),
        "CONSOLE_DB_PASSWORD": ("aftersales-db-roles", CONSOLE),
    }
    # the console connects as the role the Job made, with the password the Job set
    container = _container(kinds["Deployment"][CONSOLE])
    env = {e["name"]: e.get("value") for e in container["env"]}
    refs = _secret_refs(container)
    assert refs["CONSOLE_DB_PASSWORD"] == ("aftersales-db-roles", CONSOLE)
    assert env["CONSOLE_DATABASE_URL"] == (
        "postgresql+asyncpg://console:$(CONSOLE_DB_PASSWORD)@aftersales-db-rw:5432/aftersales"
    )
    # ($(VAR) expands only a variable defined earlier in the list)
    names = [e["name"] for e in container["env"]]
    assert names.index("CONSOLE_DB_PASSWORD") < names.index("CONSOLE_DATABASE_URL")


def _environment(docs: list[dict], workload: str, secrets: dict[tuple[str, str], str]):
    """The pod's environment as the kubelet makes it: the ConfigMaps, then ``env`` in order
    ($(VAR) expanded), each Secret's key from ``secrets``."""
    kinds = by_kind(docs)
    container = _container(kinds["Deployment"][workload])
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        env.update(kinds["ConfigMap"][source["configMapRef"]["name"]]["data"])
    for e in container["env"]:
        if "value" in e:
            env[e["name"]] = re.sub(r"\$\((\w+)\)", lambda m: env[m[1]], e["value"])
        else:
            ref = e["valueFrom"]["secretKeyRef"]
            env[e["name"]] = secrets[(ref["name"], ref["key"])]
    return env


SESSION_KEY = base64.urlsafe_b64encode(b"k" * 32).decode()
SECRETS = {
    ("aftersales-db-roles", CONSOLE): "console-role-password",
    ("aftersales-console-session", "key"): SESSION_KEY,
    ("aftersales-console-oidc", "client-secret"): "oidc-client-secret",
}


def test_the_console_calls_the_four_services_at_their_services():
    docs = base_documents()
    kinds = by_kind(docs)
    env = _environment(docs, CONSOLE, SECRETS)
    for variable, svc in SERVICE_URLS.items():
        # the Service's port 80, which reaches the service's API pods, never intake's workers
        assert env[variable] == f"http://{svc}", variable
        service = kinds["Service"][svc]
        assert [p["port"] for p in service["spec"]["ports"]] == [80]
        api_pod = kinds["Deployment"][svc]["spec"]["template"]["metadata"]["labels"]
        assert selects({"matchLabels": service["spec"]["selector"]}, api_pod)
    assert env["CONSOLE_COOKIE_SECURE"] == "true"
    assert env["AFTERSALES_ENVIRONMENT"] == "production"
    assert env["CONSOLE_OIDC_ISSUER"].startswith("https://")
    assert env["CONSOLE_OIDC_CLIENT_SECRET"] == "oidc-client-secret"
    assert env["CONSOLE_SESSION_KEY"] == SESSION_KEY


def test_the_console_reads_every_setting_the_deployment_gives_it(monkeypatch):
    """What the pod is given is what the console reads (a misspelt variable would be silently
    ignored), and the console starts with it in production: no NATS identity asked of it."""
    from console.settings import ConsoleSettings

    env = _environment(base_documents(), CONSOLE, SECRETS)
    for name in list(os.environ):
        if name.startswith(("CONSOLE_", "AFTERSALES_")):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = ConsoleSettings()
    given = {n.removeprefix("CONSOLE_").lower() for n in env if n.startswith("CONSOLE_")}
    # the role's password only builds the URL (and is the migration Job's)
    assert given - {"db_password"} <= set(ConsoleSettings.model_fields)
    for variable, svc in SERVICE_URLS.items():
        field = variable.removeprefix("CONSOLE_").lower()
        assert str(getattr(settings, field)).rstrip("/") == f"http://{svc}"
    assert settings.cookie_secure is True
    assert settings.idle_timeout_minutes == 30
    assert str(settings.database_url) == (
        "postgresql+asyncpg://console:console-role-password@aftersales-db-rw:5432/aftersales"
    )
    assert str(settings.oidc_issuer).rstrip("/") == env["CONSOLE_OIDC_ISSUER"]
    assert settings.oidc_client_id == env["CONSOLE_OIDC_CLIENT_ID"]


@pytest.mark.parametrize("overlay", ["dev", "prod"])
def test_each_overlay_runs_the_console_with_the_secrets_it_names(overlay):
    """The dev overlay generates every Secret the console's pods read, with the key they read;
    prod leaves them to the secret manager, by the names deploy/README.md lists."""
    docs = rendered(overlay)
    kinds = by_kind(docs)
    console, job = kinds["Deployment"][CONSOLE], kinds["Job"][CONSOLE_MIGRATE]
    if overlay == "prod":
        assert _container(console)["image"] == "registry.example.com/aftersales/console:1.0.0"
        assert console["spec"]["replicas"] == 3
        assert kinds["HorizontalPodAutoscaler"][CONSOLE]["spec"]["minReplicas"] == 3
        assert "Secret" not in kinds
        readme = (DEPLOY / "README.md").read_text()
        for name in ("aftersales-console-session", "aftersales-console-oidc"):
            assert f"`{name}`" in readme, name
        return
    assert _container(console)["image"] == "aftersales-console:dev"
    assert console["spec"]["replicas"] == 1
    generated = kinds["Secret"]
    for workload in (console, job):
        for name, key in _secret_refs(_container(workload)).values():
            if name == "aftersales-db-superuser":  # made by CloudNativePG
                continue
            assert name in generated, name  # kustomize renamed the reference with the hash
            assert key in generated[name]["data"], (name, key)
    [session] = [n for n in generated if n.startswith("aftersales-console-session-")]
    key = base64.b64decode(generated[session]["data"]["key"])
    assert len(base64.urlsafe_b64decode(key)) == 32  # a Fernet key
