"""The integrator's side of webhooks, for tests: a real local endpoint that keeps what it is sent
and answers as told, and the signature check the Standard Webhooks spec tells an integrator to
make."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class WebhookReceiver:
    """A real local HTTP endpoint: keeps every POST it gets and answers with ``statuses`` in turn
    (the last one repeats; 200 by default), so a test can play a receiver that is down."""

    def __init__(self, statuses: list[int] | None = None, path: str = "/hooks") -> None:
        self.statuses = list(statuses or [200])
        self.deliveries: list[tuple[dict[str, str], bytes]] = []
        self.answered: list[int] = []
        self.reply = b""
        receiver = self
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                with lock:
                    receiver.deliveries.append(
                        ({k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    n = len(receiver.deliveries)
                    status = receiver.statuses[min(n, len(receiver.statuses)) - 1]
                    receiver.answered.append(status)
                self.send_response(status)
                self.end_headers()
                self.wfile.write(receiver.reply)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{path}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def requests(self) -> list[tuple[dict[str, str], bytes]]:
        return self.deliveries

    def events(self, of_type: str | None = None) -> list[dict[str, Any]]:
        """The envelopes received, every attempt included, optionally of one type."""
        out = [json.loads(body) for _, body in self.deliveries]
        return [e for e in out if of_type is None or e["type"] == of_type]

    def accepted(self) -> list[dict[str, Any]]:
        """The envelopes the receiver answered 2xx to, in the order it got them."""
        return [
            json.loads(body)
            for (_, body), status in zip(self.deliveries, self.answered, strict=True)
            if 200 <= status < 300
        ]

    def close(self) -> None:
        self.server.shutdown()


def standard_webhooks_valid(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """Verify a delivery the way the Standard Webhooks spec tells an integrator to."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(s.split(",", 1)[1] == expected for s in headers["webhook-signature"].split())


def deliveries_of(receiver: WebhookReceiver) -> list[dict[str, Any]]:
    return [json.loads(body) for _, body in receiver.deliveries]
