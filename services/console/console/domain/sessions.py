"""Sessions: their secrets, their idle timeout, the CSRF check, and the page each role lands
on. Nothing here reads a clock or a table: the time and the rows are given."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

PREFIX = "/console"
# Where each role lands after signing in: its own persona's home.
HOMES = {
    "point": f"{PREFIX}/point/",
    "agent": f"{PREFIX}/agent/",
    "finance": f"{PREFIX}/finance/",
    "admin": f"{PREFIX}/board/",
}
# The roles a person signs in with; integrations (crm, app) and technicians (the phone app) do
# not use the console.
PERSONS = frozenset(HOMES)


def session_key_from(secret: str) -> str:
    """The key that encrypts the sessions' tokens, derived from a secret (the stack's under
    `make run`, where nothing else sets CONSOLE_SESSION_KEY)."""
    raw = hashlib.sha256(f"aftersales-console:{secret}".encode()).digest()
    return base64.urlsafe_b64encode(raw).decode()


def new_secret() -> str:
    """A fresh, unguessable value (256 bits): a session id, a link's code, a CSRF token."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the tables keep of a session id or a link's code."""
    return hashlib.sha256(secret.encode()).hexdigest()


def csrf_matches(expected: str, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(expected.encode(), (sent or "").encode())


@dataclass(frozen=True)
class Person:
    """Who is signed in: the role and scope their token carries (the services decide what it
    may see and do; the console only shows what they allow)."""

    subject: str
    role: str
    point_id: str | None = None
    technician_id: str | None = None
    tenant_id: str | None = None

    @classmethod
    def of(cls, claims: dict[str, Any]) -> Person:
        return cls(
            subject=str(claims["subject"]),
            role=str(claims["role"]),
            point_id=claims.get("point_id"),
            technician_id=claims.get("technician_id"),
            tenant_id=claims.get("tenant_id"),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "role": self.role,
            "point_id": self.point_id,
            "technician_id": self.technician_id,
            "tenant_id": self.tenant_id,
        }

    @property
    def home(self) -> str:
        return HOMES.get(self.role, f"{PREFIX}/")


def person_from_claims(
    claims: dict[str, Any], *, role: str, point: str, tenant: str
) -> Person | None:
    """Who an identity provider's ID token signs in: its role and scope claims (named by the
    settings); None when it gives no role the console serves, or a point role without its
    point."""
    found = claims.get(role)
    if found not in PERSONS or not claims.get("sub"):
        return None
    point_id = claims.get(point)
    if found == "point" and not point_id:
        return None
    return Person(
        subject=str(claims["sub"]),
        role=str(found),
        point_id=str(point_id) if point_id else None,
        tenant_id=claims.get(tenant),
    )


def safe_next(target: str | None) -> str | None:
    """A page to return to after signing in: only a path of the console itself (never another
    site: an open redirect would let a link send a person anywhere)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith(f"{PREFIX}/"):
        return None
    if parts.path.startswith(f"{PREFIX}/link/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")
