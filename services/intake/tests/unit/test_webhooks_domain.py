import asyncio
import base64
import ipaddress
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from aftersales.errors import Unprocessable
from aftersales.http import egress
from aftersales.http.egress import (
    MAX_ANSWER_BYTES,
    DeadlineExceeded,
    EgressPolicy,
    EgressRefused,
    check_target,
    checked_address,
    is_public,
    post_within,
)
from intake.integrations.adapters import sender as webhook_sender
from intake.integrations.domain.audience import matches
from intake.integrations.domain.webhooks import (
    check_patterns,
    failing_too_long,
    new_secret,
    next_attempt,
    sign,
    signature_header,
    verify,
)


def test_signature_matches_the_standard_webhooks_reference_vector():
    # The example from the Standard Webhooks specification.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    assert sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == (
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


def test_verify_accepts_any_valid_signature_and_rejects_tampering():
    old, new = new_secret(), new_secret()
    body, ts = b'{"a":1}', 1_800_000_000
    headers = {
        "webhook-id": "e1",
        "webhook-timestamp": str(ts),
        "webhook-signature": signature_header([new, old], "e1", ts, body),
    }
    assert verify(old, headers, body, now=ts) and verify(new, headers, body, now=ts)
    assert not verify(new, headers, b'{"a":2}', now=ts)
    assert not verify(new, headers, body, now=ts + 3600)  # replayed much later
    assert len(base64.b64decode(new.removeprefix("whsec_"))) == 32


def test_patterns_and_matching():
    check_patterns(["intake.ticket.*", "intake.>", ">", "intake.ticket.closed.v1"])
    for bad in ([], ["Intake.*"], ["intake..x"], ["intake.>.x"]):
        with pytest.raises(Unprocessable):
            check_patterns(bad)
    assert matches(["intake.ticket.*.v1"], "intake.ticket.closed.v1")
    assert matches(["intake.>"], "intake.ticket.closed.v1")
    assert not matches(["intake.ticket.created.v1"], "intake.ticket.closed.v1")
    assert not matches(["intake.ticket.*"], "intake.ticket.closed.v1")


def test_urls_and_addresses_that_point_inward():
    production = EgressPolicy()
    assert check_target("https://crm.example.com/hooks", production) == "crm.example.com"
    for bad in ("ftp://x/y", "/relative", "https://user:pw@crm.example.com/", "http://crm.cn/"):
        with pytest.raises(EgressRefused):
            check_target(bad, production)
    assert check_target("http://crm.cn/", EgressPolicy(allow_http=True)) == "crm.cn"
    inward = (
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.5",
        "169.254.169.254",
        "::1",
        "0.0.0.0",
        "100.100.100.200",  # Alibaba Cloud's metadata service
        "100.64.0.1",  # carrier-grade NAT
        "2002:7f00:1::1",  # 6to4 wrapping 127.0.0.1
        "::ffff:10.0.0.1",  # IPv4-mapped
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "fd00:ec2::254",
        "224.0.0.1",
    )
    for address in inward:
        assert not is_public(address), address
    assert is_public("93.184.216.34")
    assert is_public("2606:2800:220:1:248:1893:25c8:1946")


async def test_a_name_that_also_resolves_inward_is_refused():
    with pytest.raises(EgressRefused, match="not a public address") as refused:
        await checked_address("https://localhost/hooks", EgressPolicy())
    # Where an internal name points stays with us (no DNS oracle).
    assert "127.0.0.1" not in str(refused.value) and "::1" not in str(refused.value)
    assert str(await checked_address("https://93.184.216.34/x", EgressPolicy())) == (
        "93.184.216.34"
    )


def test_the_retry_schedule_runs_out():
    now = datetime(2026, 7, 1, tzinfo=UTC)
    schedule = [5, 60]
    assert next_attempt(1, schedule, now) == now + timedelta(seconds=5)
    assert next_attempt(2, schedule, now) == now + timedelta(seconds=60)
    assert next_attempt(3, schedule, now) is None


async def test_a_refusal_never_names_the_address_or_the_resolvers_words(monkeypatch):
    async def inward(host):
        return [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.20.30.40")]

    monkeypatch.setattr(egress, "resolve", inward)
    with pytest.raises(EgressRefused, match="not a public address") as refused:
        await checked_address("https://crm.internal.example/x", EgressPolicy())
    assert "10.20.30.40" not in str(refused.value)

    async def broken(host):
        raise OSError("[Errno -2] Name or service not known (asked 10.0.0.53)")

    monkeypatch.setattr(egress, "resolve", broken)
    with pytest.raises(EgressRefused) as unresolved:
        await checked_address("https://crm.internal.example/x", EgressPolicy())
    assert "10.0.0.53" not in str(unresolved.value) and "Errno" not in str(unresolved.value)
    # Whether the name exists at all is not told either: the same words as the inward one.
    assert str(unresolved.value) == str(refused.value)


def test_a_subscription_fails_too_long_after_the_window_without_a_success():
    now = datetime(2026, 7, 1, tzinfo=UTC)
    window = timedelta(days=3)
    assert not failing_too_long(None, now, window)
    assert not failing_too_long(now - timedelta(days=2, hours=23), now, window)
    assert failing_too_long(now - window, now, window)


async def test_the_deadline_covers_resolving_the_name(monkeypatch):
    async def slow(host):
        await asyncio.sleep(30)
        return [ipaddress.ip_address("93.184.216.34")]

    monkeypatch.setattr(egress, "resolve", slow)
    began = time.monotonic()
    async with httpx.AsyncClient() as client:
        outcome = await webhook_sender.post(
            client, "https://slow-dns.example/x", {}, b"{}", policy=EgressPolicy(), deadline=0.3
        )
    assert time.monotonic() - began < 5
    assert outcome == webhook_sender.Outcome(None, "timed out after 0.3 s")


async def test_at_most_64_kib_of_an_endless_answer_is_read():
    pulled = []

    async def endless():
        while True:
            pulled.append(4096)
            yield b"x" * 4096

    def answer(request):
        return httpx.Response(200, content=endless())

    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
        got = await post_within(
            client, "http://gateway/x", content=b"{}", headers={}, deadline=5, policy=None
        )
    assert got.status_code == 200 and got.is_success
    assert MAX_ANSWER_BYTES <= sum(pulled) <= MAX_ANSWER_BYTES + 4096


async def test_an_answer_that_never_ends_ends_at_the_deadline():
    async def drip():
        while True:
            await asyncio.sleep(0.05)
            yield b"."

    def answer(request):
        return httpx.Response(200, content=drip())

    began = time.monotonic()
    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
        with pytest.raises(DeadlineExceeded, match=r"timed out after 0\.5 s"):
            await post_within(
                client, "http://gateway/x", content=b"{}", headers={}, deadline=0.5, policy=None
            )
    assert time.monotonic() - began < 3
