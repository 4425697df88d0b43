"""The connection goes to the address that was checked, never to a second resolution."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from aftersales.http import egress


@pytest.fixture
def receiver():
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["content-length"]))
            seen.append(self.headers["host"])
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], seen
    server.shutdown()


async def test_a_name_is_resolved_once_and_the_checked_address_is_called(receiver, monkeypatch):
    port, seen = receiver
    lookups = []

    async def resolve(host):
        lookups.append(host)
        # The first answer is what gets checked; a rebinding server would answer otherwise
        # the second time, but there is no second time.
        return [egress.ipaddress.ip_address("127.0.0.1" if len(lookups) == 1 else "10.9.9.9")]

    monkeypatch.setattr(egress, "resolve", resolve)
    policy = egress.EgressPolicy(allow_private=True, allow_http=True)
    async with httpx.AsyncClient(timeout=5) as client:
        r = await egress.post_pinned(
            client, f"http://rebind.invalid:{port}/hook", content=b"{}", headers={}, policy=policy
        )
    assert r.status_code == 204
    assert lookups == ["rebind.invalid"]
    assert seen == [f"rebind.invalid:{port}"]


async def test_an_inward_answer_is_refused_before_any_connection(receiver, monkeypatch):
    _port, seen = receiver

    async def resolve(host):
        return [egress.ipaddress.ip_address("93.184.216.34"), egress.ipaddress.ip_address("::1")]

    monkeypatch.setattr(egress, "resolve", resolve)
    async with httpx.AsyncClient(timeout=5) as client:
        with pytest.raises(egress.EgressRefused, match="not a public address") as refused:
            await egress.post_pinned(
                client,
                "https://mixed.invalid/hook",
                content=b"{}",
                headers={},
                policy=egress.EgressPolicy(),
            )
    assert "::1" not in str(refused.value)  # the resolved address is never echoed
    assert seen == []


async def test_a_name_that_does_not_resolve_is_refused_as_one_that_resolves_inward(monkeypatch):
    """No DNS oracle: the same refusal whether an internal name exists or not."""
    answers = {
        "inward": [egress.ipaddress.ip_address("10.20.30.40")],
        "partly inward": [
            egress.ipaddress.ip_address("93.184.216.34"),
            egress.ipaddress.ip_address("fd00::1"),
        ],
        "no answer": [],
        "unknown": OSError("[Errno -2] Name or service not known (asked 10.0.0.53)"),
    }
    refusals = {}
    for case, answer in answers.items():

        async def resolve(host, answer=answer):
            if isinstance(answer, OSError):
                raise answer
            return answer

        monkeypatch.setattr(egress, "resolve", resolve)
        with pytest.raises(egress.EgressRefused) as refused:
            await egress.checked_address(
                "https://billing.internal.example/x", egress.EgressPolicy()
            )
        refusals[case] = str(refused.value)
    assert len(set(refusals.values())) == 1, refusals
    said = refusals["unknown"]
    assert "not a public address" in said
    assert not any(h in said for h in ("10.20.30.40", "fd00", "10.0.0.53", "Errno"))
