"""Outbound HTTP that cannot be aimed inward (webhooks, notification gateways).

A target must be ``https`` (plain ``http`` only where the operator allows it, as in
development), and every address its name resolves to must be globally routable: not private,
loopback, link-local, carrier-grade NAT (100.64.0.0/10), multicast or reserved, and none of the
clouds' metadata addresses, with IPv4 hidden inside IPv6 (IPv4-mapped, 6to4, Teredo, NAT64)
unwrapped first. The name is resolved once; the connection then goes to the address that was
checked (the ``Host`` header and TLS SNI still name the host, so the certificate is verified
for it), which closes the DNS-rebinding window between check and connect.

A refusal never names the address a name resolved to, and a name that does not resolve gets the
very refusal one that resolves inward gets: the caller learns that the target is not public, not
what an internal name points at nor whether it exists (either would answer DNS questions about
our network).

:func:`post_within` bounds one call in time and memory: one deadline for everything
(resolution, connection, sending, the answer), and at most :data:`MAX_ANSWER_BYTES` of the
answer's body read, then thrown away. A receiver that answers one byte at a time, or without
end, costs a caller that much and no more.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

NAT64 = ipaddress.ip_network("64:ff9b::/96")
CARRIER_GRADE_NAT = ipaddress.ip_network("100.64.0.0/10")
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack
        "169.254.170.2",  # AWS ECS task metadata
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
        "fd00:ec2::254",  # AWS over IPv6
    )
)


class EgressRefused(ValueError):
    """The target may not be called; the message says why, for the caller to read."""


@dataclass(frozen=True)
class EgressPolicy:
    allow_private: bool = False  # development and tests only
    allow_http: bool = False  # development and tests only


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo client, NAT64)."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(address: str | IPAddress) -> bool:
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    inner = embedded_ipv4(ip)
    if inner is not None and not is_public(inner):
        return False
    return (
        ip.is_global
        and not ip.is_multicast
        and ip not in METADATA_ADDRESSES
        and not (isinstance(ip, ipaddress.IPv4Address) and ip in CARRIER_GRADE_NAT)
    )


def check_target(url: str, policy: EgressPolicy) -> str:
    """The URL's host, after the checks that need no resolution."""
    parts = urlsplit(url)
    allowed = ("https", "http") if policy.allow_http else ("https",)
    if parts.scheme not in allowed or not parts.hostname:
        raise EgressRefused(
            "url must be an absolute https URL."
            if not policy.allow_http
            else "url must be an absolute http(s) URL."
        )
    if parts.username or parts.password:
        raise EgressRefused("url must not carry credentials; the signature authenticates us.")
    return parts.hostname


async def resolve(host: str) -> list[IPAddress]:
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return [literal]
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({ipaddress.ip_address(str(info[4][0])) for info in infos}, key=str)


async def checked_address(url: str, policy: EgressPolicy) -> IPAddress:
    """Resolve the URL's host once and return the address to connect to; refuse when any
    address it resolves to is not public (a name that also points inward is not trusted)."""
    host = check_target(url, policy)
    try:
        addresses = await resolve(host)
    except OSError as exc:
        # The resolver's own words may name servers or addresses of ours: never passed on.
        raise _not_public(host) from exc
    if not addresses:
        raise _not_public(host)
    if not policy.allow_private and not all(is_public(a) for a in addresses):
        raise _not_public(host)
    return addresses[0]


def _not_public(host: str) -> EgressRefused:
    """The one refusal for a name that does not resolve and for one that resolves inward (or
    partly inward): which address, and whether an internal name exists at all, stays with us."""
    return EgressRefused(
        f"The host {host} is not a public address: it does not resolve, or resolves to an "
        "address that is not globally routable; only globally routable endpoints may be called."
    )


def _pinned(url: str, address: IPAddress) -> tuple[str, str, str]:
    """The URL aimed at ``address``, the ``Host`` header and the TLS server name."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    host_header = f"{host}:{parts.port}" if parts.port else host
    return pinned, host_header, host


async def post_pinned(
    client: httpx.AsyncClient,
    url: str,
    *,
    content: bytes,
    headers: dict[str, str],
    policy: EgressPolicy,
) -> httpx.Response:
    """POST to ``url``, connecting to the address that was checked (no second resolution)."""
    address = await checked_address(url, policy)
    pinned, host_header, host = _pinned(url, address)
    return await client.post(
        pinned,
        content=content,
        headers={**headers, "host": host_header},
        extensions={"sni_hostname": host},
    )


# The most of an answer's body a bounded call reads (and throws away).
MAX_ANSWER_BYTES = 64 * 1024


class DeadlineExceeded(TimeoutError):
    """A bounded call did not finish within its deadline (resolution and connection included)."""

    def __init__(self, deadline: float) -> None:
        super().__init__(f"timed out after {deadline:g} s")
        self.deadline = deadline


@dataclass(frozen=True)
class Answer:
    """What a bounded call keeps of the answer: its status and reason phrase, never its body."""

    status_code: int
    reason_phrase: str

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300


async def post_within(
    client: httpx.AsyncClient,
    url: str,
    *,
    content: bytes,
    headers: dict[str, str],
    deadline: float,
    policy: EgressPolicy | None,
    max_answer_bytes: int = MAX_ANSWER_BYTES,
) -> Answer:
    """POST to ``url`` and be done within ``deadline`` seconds, all told: resolving the name,
    connecting, sending, and reading the answer, of which at most ``max_answer_bytes`` of body
    are read (undecoded, so a compressed answer cannot grow) and thrown away.

    With a ``policy`` the target is checked and the call pinned to the checked address, as
    :func:`post_pinned` does; ``None`` is for a URL the operator configured (a gateway).
    Raises :class:`DeadlineExceeded`, :class:`EgressRefused` or httpx's errors."""
    bound = asyncio.timeout(deadline)
    try:
        async with bound:
            target, extra, extensions = url, {}, {}
            if policy is not None:
                address = await checked_address(url, policy)
                target, host_header, host = _pinned(url, address)
                extra, extensions = {"host": host_header}, {"sni_hostname": host}
            async with client.stream(
                "POST",
                target,
                content=content,
                headers={**headers, **extra},
                extensions=extensions,
            ) as response:
                read = 0
                async for chunk in response.aiter_raw():
                    read += len(chunk)
                    if read >= max_answer_bytes:
                        break  # the rest is never read: closing drops the connection
                return Answer(response.status_code, response.reason_phrase)
    except TimeoutError as exc:
        if bound.expired():
            raise DeadlineExceeded(deadline) from exc
        raise


__all__ = [
    "MAX_ANSWER_BYTES",
    "Answer",
    "DeadlineExceeded",
    "EgressPolicy",
    "EgressRefused",
    "check_target",
    "checked_address",
    "embedded_ipv4",
    "is_public",
    "post_pinned",
    "post_within",
]
