"""Receivers that misbehave, for tests of outbound calls (webhooks, a notification gateway).

A :class:`SlowReceiver` is a real local HTTP endpoint that reads each POST in full, keeps it,
and then answers in one of three bad ways:

- ``drip``: the answer one byte every ``every`` seconds (status line first), never finishing;
- ``endless``: ``200 OK`` and then a body that never ends, as fast as the caller reads it;
- ``huge``: ``200 OK`` with a ``Content-Length`` of ``size`` bytes (a gigabyte by default).

It counts what it managed to write and how many callers hung up on it, so a test can show a
caller stopped reading. Each connection is served on a thread of its own; ``close()`` ends
them all.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Mode = Literal["drip", "endless", "huge"]
CHUNK = b"x" * 65536


class SlowReceiver:
    def __init__(
        self,
        mode: Mode,
        *,
        every: float = 3.0,
        size: int = 1 << 30,
        path: str = "/hooks",
    ) -> None:
        self.mode = mode
        self.every = every
        self.size = size
        self.deliveries: list[tuple[dict[str, str], bytes]] = []
        self.arrived: list[float] = []  # time.monotonic() of each request, in order
        self.hung_up: list[float] = []  # when a caller went away mid-answer
        self.sent = 0  # bytes of answers written
        self._lock = threading.Lock()
        self._stop = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                with receiver._lock:
                    receiver.deliveries.append(
                        ({k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    receiver.arrived.append(time.monotonic())
                try:
                    receiver._answer(self.wfile)
                except OSError:  # the caller hung up: what a bounded caller does
                    with receiver._lock:
                        receiver.hung_up.append(time.monotonic())
                self.close_connection = True

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{path}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _write(self, out: Any, data: bytes) -> None:
        out.write(data)
        out.flush()
        with self._lock:
            self.sent += len(data)

    def _answer(self, out: Any) -> None:
        if self.mode == "drip":
            for byte in b"HTTP/1.1 200 OK\r\ncontent-length: 1000000\r\n\r\n" + b"." * 1000000:
                if self._stop.wait(self.every):
                    return
                self._write(out, bytes([byte]))
            return
        framing = (
            b"connection: close\r\n"
            if self.mode == "endless"
            else f"content-length: {self.size}\r\n".encode()
        )
        self._write(out, b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n" + framing + b"\r\n")
        left = self.size if self.mode == "huge" else None
        while not self._stop.is_set() and (left is None or left > 0):
            chunk = CHUNK if left is None else CHUNK[: min(left, len(CHUNK))]
            self._write(out, chunk)
            if left is not None:
                left -= len(chunk)

    @property
    def requests(self) -> list[tuple[dict[str, str], bytes]]:
        return self.deliveries

    def events(self, of_type: str | None = None) -> list[dict[str, Any]]:
        """The envelopes received, every attempt included, optionally of one type."""
        out = [json.loads(body) for _, body in self.deliveries]
        return [e for e in out if of_type is None or e["type"] == of_type]

    def close(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()


__all__ = ["SlowReceiver"]
