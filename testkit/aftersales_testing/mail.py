"""A real local SMTP server (aiosmtpd) that keeps every message it is given."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any


class MailServer:
    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[EmailMessage] = []
        server = self

        class Handler:
            async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
                raw = envelope.original_content or envelope.content
                message = message_from_bytes(raw, policy=policy.default)
                server.messages.append(message)  # type: ignore[arg-type]
                return "250 OK"

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.host = "127.0.0.1"
        self._controller = Controller(Handler(), hostname=self.host, port=self.port)
        self._controller.start()

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def close(self) -> None:
        self._controller.stop()
