"""Who may say what on the event bus.

Every service connects to NATS as its own NKey user. It may publish only its own subjects
(``intake.>`` for intake), use the JetStream API for its own stream and for its own durable
consumers on the streams it listens to, and receive only on its own reply-inbox prefix
(``_INBOX_intake.>``), so no service can forge another's event, read a stream it does not
consume, or delete and purge anything. One ``operator`` user (a password, for the CLI, the
tests and an operator's tools) may do everything. Nobody connects anonymously.

The permissions are derived from what each service's definition consumes, so adding a
subscription in code is all it takes; ``authorization_block`` renders them for nats-server.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import nkeys

from aftersales.messaging.streams import stream_name

OPERATOR_USER = "operator"

# What no service may ever ask JetStream to do, even on its own stream.
DENIED_TO_SERVICES = (
    "$JS.API.STREAM.DELETE.>",
    "$JS.API.STREAM.PURGE.>",
    "$JS.API.STREAM.MSG.DELETE.>",
    "$JS.API.CONSUMER.DELETE.>",
    "$JS.API.ACCOUNT.>",
    "$JS.API.META.>",
    "$JS.API.SERVER.>",
)


def inbox_prefix(service: str) -> str:
    """The reply-subject prefix a service's connection uses (``_INBOX`` is not shared)."""
    return f"_INBOX_{service}"


def new_user_seed() -> bytes:
    return bytes(nkeys.encode_seed(os.urandom(32), nkeys.PREFIX_BYTE_USER))


def public_key(seed: bytes) -> str:
    keypair = nkeys.from_seed(bytearray(seed))
    try:
        return bytes(keypair.public_key).decode()
    finally:
        keypair.wipe()


def service_permissions(
    service: str, consumes: Sequence[str | tuple[str, str]]
) -> dict[str, object]:
    """The subjects ``service`` may publish and subscribe to, as nats-server permissions.

    ``consumes`` names each producer whose stream the service reads, alone (its durable consumer
    is named after the service) or as ``(producer, durable)``.
    """
    own = stream_name(service)
    publish = [
        f"{service}.>",
        "$JS.API.INFO",
        f"$JS.API.STREAM.INFO.{own}",
        f"$JS.API.STREAM.CREATE.{own}",
        f"$JS.API.STREAM.UPDATE.{own}",
    ]
    pairs = {(c, service) if isinstance(c, str) else c for c in consumes}
    for producer, durable in sorted(pairs):
        stream = stream_name(producer)
        publish += [
            f"$JS.API.CONSUMER.INFO.{stream}.{durable}",
            f"$JS.API.CONSUMER.DURABLE.CREATE.{stream}.{durable}",
            f"$JS.API.CONSUMER.CREATE.{stream}.{durable}",
            f"$JS.API.CONSUMER.CREATE.{stream}.{durable}.>",
            f"$JS.API.CONSUMER.MSG.NEXT.{stream}.{durable}",
            f"$JS.ACK.{stream}.{durable}.>",
        ]
    return {
        "publish": {"allow": publish, "deny": list(DENIED_TO_SERVICES)},
        "subscribe": {"allow": [f"{inbox_prefix(service)}.>"]},
    }


class BrokerCredentials:
    """A folder holding each service's NKey seed and the operator's password.

    Made once (``ensure``) and kept: the seeds are the services' identities. Files are 0600.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    @classmethod
    def ensure(cls, directory: Path, services: Sequence[str]) -> BrokerCredentials:
        creds = cls(directory)
        creds.directory.mkdir(parents=True, exist_ok=True)
        creds.directory.chmod(0o700)
        for service in services:
            path = creds.seed_file(service)
            if not path.exists():
                _write_private(path, new_user_seed())
        for path in (creds._password_file, creds._store_key_file):
            if not path.exists():
                _write_private(path, secrets.token_urlsafe(24).encode())
        return creds

    def seed_file(self, service: str) -> Path:
        return self.directory / f"{service}.nk"

    def public_key(self, service: str) -> str:
        return public_key(self.seed_file(service).read_bytes().strip())

    @property
    def _password_file(self) -> Path:
        return self.directory / f"{OPERATOR_USER}.password"

    @property
    def _store_key_file(self) -> Path:
        return self.directory / "jetstream.key"

    @property
    def store_key(self) -> str:
        """The key JetStream encrypts its store with (ChaCha20-Poly1305)."""
        return self._store_key_file.read_text().strip()

    @property
    def operator_password(self) -> str:
        return self._password_file.read_text().strip()

    def operator_url(self, url: str) -> str:
        """``url`` with the operator's user and password in it (for tools and tests)."""
        return ",".join(
            _with_userinfo(u.strip(), f"{OPERATOR_USER}:{self.operator_password}")
            for u in url.split(",")
            if u.strip()
        )


def authorization_users(
    credentials: BrokerCredentials,
    consumes: Mapping[str, Sequence[str | tuple[str, str]]],
    *,
    operator_password: str,
) -> list[dict[str, object]]:
    """The operator, then one NKey user per service with its permissions: what the embedded
    server's configuration and the Helm values for a cluster both say."""
    users: list[dict[str, object]] = [{"user": OPERATOR_USER, "password": operator_password}]
    for service, producers in consumes.items():
        users.append(
            {
                "nkey": credentials.public_key(service),
                "permissions": service_permissions(service, producers),
            }
        )
    return users


def authorization_block(
    credentials: BrokerCredentials, consumes: Mapping[str, Sequence[str | tuple[str, str]]]
) -> list[str]:
    """nats-server configuration lines (its format accepts JSON objects)."""
    users = authorization_users(
        credentials, consumes, operator_password=credentials.operator_password
    )
    return ["authorization {", "  users: [", *(f"  {json.dumps(u)}" for u in users), "  ]", "}"]


def without_userinfo(url: str) -> str:
    """Server URLs with any ``user:password@`` removed: a service uses its own identity."""
    return ",".join(_with_userinfo(u.strip(), None) for u in url.split(",") if u.strip())


def _with_userinfo(url: str, userinfo: str | None) -> str:
    parts = urlsplit(url if "://" in url else f"nats://{url}")
    host = parts.netloc.rsplit("@", 1)[-1]
    netloc = f"{userinfo}@{host}" if userinfo else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _write_private(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(content)


__all__ = [
    "OPERATOR_USER",
    "BrokerCredentials",
    "authorization_block",
    "authorization_users",
    "inbox_prefix",
    "service_permissions",
    "without_userinfo",
]
