"""NetworkPolicies evaluated as an implementation would: may a pod open a connection to another
pod, or to an address outside the cluster, on a port? The union of the policies that select
it (default-deny selects every pod); a peer is a pod selector in the policy's namespace, a
namespace selector, both, or an address block."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from tests.deploy.common import selects

NAMESPACE = "aftersales"


@dataclass(frozen=True)
class Pod:
    """A pod somewhere in the cluster: its name (for messages), labels and namespace."""

    name: str
    labels: dict[str, str] = field(hash=False)
    namespace: str = NAMESPACE


def workload_pods(docs: list[dict]) -> dict[str, Pod]:
    """The pods of every Deployment and Job in ``docs``, by the workload's name."""
    return {
        d["metadata"]["name"]: Pod(
            d["metadata"]["name"],
            d["spec"]["template"]["metadata"]["labels"],
            d["metadata"].get("namespace", NAMESPACE),
        )
        for d in docs
        if d["kind"] in ("Deployment", "Job")
    }


# What runs beside them: the operator's PostgreSQL, the cluster's DNS, the NATS servers, the
# ingress controller, and someone else's pod.
POSTGRES = Pod("postgres", {"cnpg.io/cluster": "aftersales-db", "cnpg.io/instanceRole": "primary"})
KUBE_DNS = Pod("kube-dns", {"k8s-app": "kube-dns"}, "kube-system")
NATS = Pod("nats", {"app.kubernetes.io/name": "nats"}, "nats")
INGRESS_CONTROLLER = Pod(
    "ingress-nginx-controller", {"app.kubernetes.io/name": "ingress-nginx"}, "ingress-nginx"
)
STRANGER = Pod("stranger", {"app": "stranger"}, "default")
NEIGHBOURS = (POSTGRES, KUBE_DNS, NATS, INGRESS_CONTROLLER, STRANGER)

# Addresses outside the cluster: public ones, and the ones no pod may reach however they are
# written (the cluster's, private, metadata, reserved, and those wrapped in IPv6).
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


def _ns_labels(namespace: str) -> dict[str, str]:
    return {"kubernetes.io/metadata.name": namespace}


def _policies(docs: list[dict], kind: str, pod: Pod) -> list[dict]:
    """The policies of ``kind`` (Ingress, Egress) that select ``pod``."""
    return [
        d
        for d in docs
        if d["kind"] == "NetworkPolicy"
        and d["metadata"].get("namespace", NAMESPACE) == pod.namespace
        and kind in d["spec"].get("policyTypes", [])
        and selects(d["spec"]["podSelector"], pod.labels)
    ]


def _port_matches(ports: list[dict] | None, port: int, protocol: str) -> bool:
    if not ports:  # no ports: every port
        return True
    for p in ports:
        number = p.get("port")
        assert number is None or isinstance(number, int), f"a named port ({number}): give numbers"
        if p.get("protocol", "TCP") != protocol:
            continue
        if number is None or number <= port <= p.get("endPort", number):
            return True
    return False


def _peer_takes_pod(peer: dict, policy_namespace: str, pod: Pod) -> bool:
    if "ipBlock" in peer:  # pods' addresses are the cluster's own, which no block here names
        return False
    namespaces = peer.get("namespaceSelector")
    if namespaces is None:
        if pod.namespace != policy_namespace:
            return False
    elif not selects(namespaces, _ns_labels(pod.namespace)):
        return False
    pods = peer.get("podSelector")
    return pods is None or selects(pods, pod.labels)


def _in_block(block: dict, address: str) -> bool:
    ip = ipaddress.ip_address(address)
    cidr = ipaddress.ip_network(block["cidr"])
    if ip.version != cidr.version or ip not in cidr:
        return False
    return not any(ip in ipaddress.ip_network(e) for e in block.get("except", []))


def _rules_allow(policies, direction, peers_key, takes, port, protocol) -> bool:
    for policy in policies:
        for rule in policy["spec"].get(direction, []):
            if not _port_matches(rule.get("ports"), port, protocol):
                continue
            peers = rule.get(peers_key)
            if not peers or any(takes(peer, policy) for peer in peers):
                return True
    return False


def egress_to_pod(docs: list[dict], src: Pod, dst: Pod, port: int, protocol: str = "TCP") -> bool:
    """Whether ``src``'s own policies let it open a connection to ``dst`` on ``port``."""
    policies = _policies(docs, "Egress", src)
    if not policies:
        return True
    return _rules_allow(
        policies,
        "egress",
        "to",
        lambda peer, policy: _peer_takes_pod(peer, policy["metadata"]["namespace"], dst),
        port,
        protocol,
    )


def ingress_from_pod(
    docs: list[dict], src: Pod, dst: Pod, port: int, protocol: str = "TCP"
) -> bool:
    """Whether ``dst``'s policies admit a connection from ``src`` on ``port``."""
    policies = _policies(docs, "Ingress", dst)
    if not policies:
        return True
    return _rules_allow(
        policies,
        "ingress",
        "from",
        lambda peer, policy: _peer_takes_pod(peer, policy["metadata"]["namespace"], src),
        port,
        protocol,
    )


def connects(docs: list[dict], src: Pod, dst: Pod, port: int, protocol: str = "TCP") -> bool:
    """Both ends agree. Another namespace's own policies are not ours: only ``src``'s count."""
    if not egress_to_pod(docs, src, dst, port, protocol):
        return False
    return dst.namespace != NAMESPACE or ingress_from_pod(docs, src, dst, port, protocol)


def egress_allowed(docs: list[dict], labels: dict[str, str], address: str, port: int) -> bool:
    """Whether a pod with ``labels`` may open a TCP connection to ``address:port`` outside
    the cluster, as a NetworkPolicy implementation decides (the union of the policies that
    select the pod; default-deny selects every pod)."""
    policies = _policies(docs, "Egress", Pod("?", labels))
    return _rules_allow(
        policies,
        "egress",
        "to",
        lambda peer, _policy: "ipBlock" in peer and _in_block(peer["ipBlock"], address),
        port,
        "TCP",
    )
