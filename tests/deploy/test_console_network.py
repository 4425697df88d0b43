"""The console's network, as the NetworkPolicies (base and overlays) let it: it reaches the four
services' API pods, PostgreSQL, DNS and the identity provider and nothing else (no NATS, no
intake worker, no other address); only the ingress controller reaches it; the services admit
it. Every pod and port of the cluster is tried, so a policy that opens one more way is caught."""

import os
import re
import subprocess
import textwrap

import pytest
import yaml

from tests.deploy.common import (
    CONSOLE,
    CONSOLE_MIGRATE,
    CONSOLE_PORT,
    DEPLOY,
    INTAKE_WORKER,
    K8S,
    SERVICES,
    by_kind,
    kubectl,
    rendered,
)
from tests.deploy.netpol import (
    INGRESS_CONTROLLER,
    INSIDE,
    KUBE_DNS,
    NATS,
    NEIGHBOURS,
    POSTGRES,
    PUBLIC,
    connects,
    egress_allowed,
    workload_pods,
)

PORTS = (8000, CONSOLE_PORT, 5432, 4222, 6222, 8222, 53, 80, 443, 587, 25, 8443)
PROTOCOLS = ("TCP", "UDP")
IDENTITY_PROVIDER = "192.0.2.10"  # in the base's placeholder block (TEST-NET-1)


def _reachable(docs, src) -> set[tuple[str, int, str]]:
    """Every (pod, port, protocol) ``src`` may open a connection to, pods of the cluster."""
    pods = [*workload_pods(docs).values(), *NEIGHBOURS]
    return {
        (dst.name, port, protocol)
        for dst in pods
        for port in PORTS
        for protocol in PROTOCOLS
        if connects(docs, src, dst, port, protocol)
    }


@pytest.mark.parametrize("overlay", [None, "dev", "prod"])
def test_the_console_reaches_the_four_services_postgres_dns_and_nothing_else(overlay):
    docs = rendered(overlay)
    pods = workload_pods(docs)
    assert _reachable(docs, pods[CONSOLE]) == {
        *((svc, 8000, "TCP") for svc in SERVICES),  # their API pods, never intake's workers
        (POSTGRES.name, 5432, "TCP"),
        (KUBE_DNS.name, 53, "UDP"),
        (KUBE_DNS.name, 53, "TCP"),
    }
    # its migration Job: PostgreSQL and DNS only
    assert _reachable(docs, pods[CONSOLE_MIGRATE]) == {
        (POSTGRES.name, 5432, "TCP"),
        (KUBE_DNS.name, 53, "UDP"),
        (KUBE_DNS.name, 53, "TCP"),
    }
    # and the services still reach NATS as before: the console's exclusion took nothing away
    for name, pod in pods.items():
        if name not in (CONSOLE, CONSOLE_MIGRATE):
            assert connects(docs, pod, NATS, 4222), name
    assert INTAKE_WORKER in pods and (INTAKE_WORKER, 8000, "TCP") not in _reachable(
        docs, pods[CONSOLE]
    )


@pytest.mark.parametrize("overlay", [None, "dev", "prod"])
def test_only_the_ingress_controller_reaches_the_console(overlay):
    docs = rendered(overlay)
    pods = workload_pods(docs)
    console = pods[CONSOLE]
    sources = [*pods.values(), *NEIGHBOURS]
    reach = {
        (src.name, port)
        for src in sources
        for port in PORTS
        if src is not console and connects(docs, src, console, port)
    }
    assert reach == {(INGRESS_CONTROLLER.name, CONSOLE_PORT)}


@pytest.mark.parametrize("overlay", [None, "dev", "prod"])
def test_the_consoles_one_way_out_is_the_identity_provider_on_443(overlay):
    docs = rendered(overlay)
    labels = workload_pods(docs)[CONSOLE].labels
    for port in PORTS:
        assert egress_allowed(docs, labels, IDENTITY_PROVIDER, port) is (port == 443), port
        for address in (*PUBLIC, *INSIDE, "1.1.1.1", "93.184.216.34"):
            assert not egress_allowed(docs, labels, address, port), (address, port)
    migrate = workload_pods(docs)[CONSOLE_MIGRATE].labels
    assert not egress_allowed(docs, migrate, IDENTITY_PROVIDER, 443)


def _readme_overlay() -> tuple[str, str]:
    """deploy/README.md's example overlay ("The console"): its kustomization and its patch."""
    readme = (DEPLOY / "README.md").read_text()
    section = readme[readme.index("## The console") : readme.index("## On one host")]
    [block] = re.findall(r"```yaml\n(.*?)```", section, re.S)
    kustomization, patch = textwrap.dedent(block).split(
        "# deploy/k8s/overlays/<yours>/identity-provider.yaml\n"
    )
    return kustomization, patch


def test_the_identity_provider_is_set_by_the_overlay_the_readme_shows(tmp_path):
    """The overlay an operator writes, as deploy/README.md shows it: the console is told its
    provider and reaches that provider's block, not the placeholder, and nothing else
    changes."""
    kustomization, patch = _readme_overlay()
    prod = os.path.relpath(K8S / "overlays" / "prod", tmp_path)
    assert "resources: [../prod]" in kustomization
    (tmp_path / "kustomization.yaml").write_text(kustomization.replace("../prod", prod))
    (tmp_path / "identity-provider.yaml").write_text(patch)
    out = subprocess.run(
        [kubectl(), "kustomize", str(tmp_path)], check=True, capture_output=True, text=True
    ).stdout
    docs = [d for d in yaml.safe_load_all(out) if d]
    config = by_kind(docs)["ConfigMap"]["aftersales-console-config"]["data"]
    assert config["CONSOLE_OIDC_ISSUER"] == "https://login.your-company.example/realms/aftersales"
    labels = workload_pods(docs)[CONSOLE].labels
    assert egress_allowed(docs, labels, "198.51.100.7", 443)
    assert not egress_allowed(docs, labels, "198.51.100.7", 80)
    assert not egress_allowed(docs, labels, IDENTITY_PROVIDER, 443)
    prod_docs = rendered("prod")
    assert _reachable(docs, workload_pods(docs)[CONSOLE]) == _reachable(
        prod_docs, workload_pods(prod_docs)[CONSOLE]
    )
    before = by_kind(prod_docs)["NetworkPolicy"]
    after = by_kind(docs)["NetworkPolicy"]
    assert {n: p for n, p in after.items() if n != "console-egress-identity-provider"} == {
        n: p for n, p in before.items() if n != "console-egress-identity-provider"
    }
