"""Only intake's worker pods reach outside the cluster, and only public addresses on the ports
they need: the network policies (base and overlays) evaluated as an implementation would, and
held against intake's own egress rules (``aftersales.http.egress``). The console's one way out,
to the identity provider, is tests/deploy/test_console_network.py's."""

import ipaddress

import pytest

from tests.deploy.common import (
    CONSOLE,
    CONSOLE_MIGRATE,
    INTAKE_WORKER,
    SERVICES,
    base_documents,
    rendered,
)
from tests.deploy.netpol import INSIDE, PUBLIC, egress_allowed


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
    assert set(pods) == {
        *SERVICES,
        INTAKE_WORKER,
        *(f"{s}-migrate" for s in SERVICES),
        CONSOLE,
        CONSOLE_MIGRATE,
    }
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
