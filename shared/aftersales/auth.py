"""Bearer JWT authentication (PyJWT) and role checks.

HS256 with a shared secret serves development and tests; production configures RS256/ES256
keys through a JWKS URL or file. Only the configured algorithms are accepted, so ``alg=none``
and algorithm-confusion tokens fail. ``iss``, ``aud``, ``exp`` and ``sub`` are required.
"""

from __future__ import annotations

import collections
import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict

from aftersales.errors import Forbidden, NotFound, Unauthorized
from aftersales.settings import ServiceSettings

Role = Literal["admin", "finance", "agent", "crm", "point", "technician", "app"]
ROLES: tuple[str, ...] = ("admin", "finance", "agent", "crm", "point", "technician", "app")

# The claim that confines each scoped role; a token of that role without it is refused.
SCOPE_CLAIMS: dict[str, str] = {
    "crm": "tenant_id",
    "point": "point_id",
    "technician": "technician_id",
}
# Integrations (a CRM, the technicians' mobile app backend) hold long-lived tokens; people's
# tokens are short (RFC 8725 §3.10).
INTEGRATION_ROLES = frozenset({"crm", "app"})
ACCEPTED_TYPES = frozenset({"jwt", "at+jwt", "application/at+jwt"})


class Principal(BaseModel):
    model_config = ConfigDict(frozen=True)

    subject: str
    role: Role
    tenant_id: str | None = None
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None

    @property
    def scope(self) -> str | None:
        """What the caller is confined to: its tenant, point or technician (None for staff)."""
        claim = SCOPE_CLAIMS.get(self.role)
        value = getattr(self, claim) if claim else None
        return None if value is None else str(value)

    @property
    def key(self) -> str:
        """Who the caller is, in every dimension that confines what it may see: the owner of
        stored things such as idempotency keys. Two tokens that share a ``sub`` but not a
        tenant, point or technician never share a key."""
        parts = [self.role, self.subject, self.tenant_id, self.point_id, self.technician_id]
        return "|".join("" if p is None else str(p) for p in parts)

    @property
    def actor(self) -> str:
        """Who did it, as timelines and the audit trail record it: ``point:<sub>@<point_id>``
        for a scoped caller, ``agent:<sub>`` for staff."""
        scope = self.scope
        return f"{self.role}:{self.subject}" + (f"@{scope}" if scope else "")


LEEWAY_SECONDS = 30
VERIFIED_FOR = 60.0  # seconds a verified token is trusted without verifying it again
VERIFIED_TOKENS = 4096  # the most remembered at once (least recently used go first)


class JWTAuthenticator:
    def __init__(self, settings: ServiceSettings) -> None:
        self.algorithms = list(settings.jwt_algorithms)
        self.secret = settings.jwt_secret
        self.issuer = settings.jwt_issuer
        self.audience = settings.jwt_audience
        self.max_lifetime = timedelta(hours=settings.jwt_max_lifetime_hours)
        self.max_integration_lifetime = timedelta(hours=settings.jwt_max_integration_lifetime_hours)
        self._jwk_client = jwt.PyJWKClient(settings.jwt_jwks_url) if settings.jwt_jwks_url else None
        # Tokens verified lately: token -> (principal, expires, checked again after). A caller
        # sends the same token on every request, and parsing and verifying it cost more than
        # half a millisecond of CPU (PyJWT's base64 checks), as much as a small handler.
        self._verified: collections.OrderedDict[str, tuple[Principal, float, float]] = (
            collections.OrderedDict()
        )
        self._jwks: jwt.PyJWKSet | None = None
        if settings.jwt_jwks_file:
            with open(settings.jwt_jwks_file) as fh:
                self._jwks = jwt.PyJWKSet.from_dict(json.load(fh))

    def _key_for(self, token: str, header: dict[str, Any]) -> Any:
        alg = str(header.get("alg"))
        if alg.startswith("HS"):
            return self.secret
        kid = header.get("kid")
        if self._jwks is not None:
            for key in self._jwks.keys:
                if kid is None or key.key_id == kid:
                    return key.key
            raise Unauthorized("The token's signing key is not known.")
        if self._jwk_client is not None:
            return self._jwk_client.get_signing_key_from_jwt(token).key
        raise Unauthorized("No key is configured for the token's algorithm.")

    def decode(self, token: str) -> Principal:
        """The token's principal; a token verified in the last ``VERIFIED_FOR`` seconds (and
        not expired since) is not verified again, so a key withdrawn from the JWKS stops
        admitting a token within that time."""
        now = time.time()
        hit = self._verified.get(token)
        if hit is not None:
            principal, expires, recheck = hit
            if now < recheck and now < expires + LEEWAY_SECONDS:
                self._verified.move_to_end(token)
                return principal
            del self._verified[token]
        principal, expires = self._verify(token)
        self._verified[token] = (principal, expires, now + VERIFIED_FOR)
        if len(self._verified) > VERIFIED_TOKENS:
            self._verified.popitem(last=False)
        return principal

    def _verify(self, token: str) -> tuple[Principal, float]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("The bearer token is malformed.") from exc
        if header.get("alg") not in self.algorithms:
            raise Unauthorized(f"Token algorithm {header.get('alg')!r} is not accepted.")
        if str(header.get("typ", "")).lower() not in ACCEPTED_TYPES:
            raise Unauthorized("The token's type (typ) is not an access token.")
        try:
            claims = jwt.decode(
                token,
                self._key_for(token, header),
                algorithms=self.algorithms,
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
                leeway=LEEWAY_SECONDS,
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The bearer token has expired.") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"The bearer token is not valid: {exc}.") from exc
        try:
            principal = Principal(
                subject=claims["sub"],
                role=claims.get("role"),
                tenant_id=claims.get("tenant_id") or None,
                point_id=claims.get("point_id"),
                technician_id=claims.get("technician_id"),
            )
        except ValueError as exc:
            raise Unauthorized("The token does not carry a valid role and scope.") from exc
        claim = SCOPE_CLAIMS.get(principal.role)
        if claim is not None and principal.scope is None:
            raise Unauthorized(f"A {principal.role} token must carry its {claim} claim.")
        longest = (
            self.max_integration_lifetime
            if principal.role in INTEGRATION_ROLES
            else self.max_lifetime
        )
        lifetime = timedelta(seconds=float(claims["exp"]) - float(claims["iat"]))
        if lifetime > longest + timedelta(seconds=60):
            raise Unauthorized(
                f"The token lives longer than a {principal.role} token may"
                f" ({longest.total_seconds() / 3600:g} h)."
            )
        return principal, float(claims["exp"])

    def issue(
        self,
        *,
        role: str,
        subject: str | None = None,
        point_id: uuid.UUID | str | None = None,
        technician_id: uuid.UUID | str | None = None,
        tenant_id: str | None = None,
        ttl: timedelta = timedelta(hours=12),
    ) -> str:
        """Mint an HS256 token; used by the CLI and tests, never by the services themselves."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        scope = {"tenant_id": tenant_id, "point_id": point_id, "technician_id": technician_id}
        claim = SCOPE_CLAIMS.get(role)
        if claim is not None and scope[claim] is None:
            raise ValueError(f"a {role} token needs {claim}")
        now = datetime.now(UTC)
        claims: dict[str, Any] = {
            # A distinct subject per scope: two points' dev tokens are two callers.
            "sub": subject or (f"{role}-{scope[claim]}" if claim else f"{role}-dev"),
            "role": role,
            "iss": self.issuer,
            "aud": self.audience,
            "iat": now,
            "exp": now + ttl,
        }
        for name, value in (
            ("point_id", point_id),
            ("technician_id", technician_id),
            ("tenant_id", tenant_id),
        ):
            if value is not None:
                claims[name] = str(value)
        return jwt.encode(claims, self.secret, algorithm="HS256", headers={"typ": "JWT"})


def bearer_token(authorization: str) -> str | None:
    """The token of an ``Authorization: Bearer ...`` header, or None."""
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


# Declares the bearer scheme in each service's OpenAPI (so /docs' Authorize button works); the
# token itself is read and checked below, the same way with or without it.
BEARER = HTTPBearer(
    auto_error=False,
    bearerFormat="JWT",
    description="A JWT access token (`aftersales token --role ...` mints one in development).",
)


async def authenticate(
    request: Request,
    _declared: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
) -> Principal:
    decoded = getattr(request.state, "principal", None)  # the rate limiter read it already
    if isinstance(decoded, Principal):
        return decoded
    token = bearer_token(request.headers.get("authorization", ""))
    if token is None:
        raise Unauthorized("A bearer token is required.")
    authenticator: JWTAuthenticator = request.app.state.authenticator
    return authenticator.decode(token)


CurrentPrincipal = Annotated[Principal, Depends(authenticate)]


def require_roles(*roles: Role) -> Any:
    """A dependency that admits only the given roles (403 for the others)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise Forbidden(f"Role {principal.role!r} may not do this; needs one of {list(roles)}.")
        return principal

    return Depends(check)


def confined_point(
    principal: Principal, requested: uuid.UUID | None, *, what: str
) -> uuid.UUID | None:
    """The network point a report is about: a ``point`` token only ever its own (asking for
    another point's is a 404, as if it did not exist); other callers whatever they asked for."""
    if principal.role != "point":
        return requested
    own = principal.point_id or uuid.UUID(int=0)
    if requested is not None and requested != own:
        raise NotFound(f"Network point {requested} has no {what} you can see.")
    return own
