import base64
from datetime import UTC, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from aftersales.http.egress import (
    EgressPolicy,
    EgressRefused,
    check_target,
    checked_address,
    is_public,
)
from intake.domain.audience import matches
from intake.domain.webhooks import (
    check_patterns,
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
    with pytest.raises(EgressRefused, match="not a public address"):
        await checked_address("https://localhost/hooks", EgressPolicy())
    assert str(await checked_address("https://93.184.216.34/x", EgressPolicy())) == (
        "93.184.216.34"
    )


def test_the_retry_schedule_runs_out():
    now = datetime(2026, 7, 1, tzinfo=UTC)
    schedule = [5, 60]
    assert next_attempt(1, schedule, now) == now + timedelta(seconds=5)
    assert next_attempt(2, schedule, now) == now + timedelta(seconds=60)
    assert next_attempt(3, schedule, now) is None
