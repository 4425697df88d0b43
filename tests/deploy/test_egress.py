"""Only intake's worker pods reach outside the cluster, and only public addresses on the ports
they need: the network policies (base and overlays) evaluated as an implementation would, and
held against intake's own egress rules (``aftersales.http.egress``)."""

import ipaddress

import pytest

from tests.deploy.common import INTAKE_WORKER, SERVICES, base_documents, rendered, selects


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
        if "Egress" not in spec.get("policyTypes", []) or not selects(spec["podSelector"], labels):
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
