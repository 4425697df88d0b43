"""Bearer JWT authentication (PyJWT) and role checks.

HS256 with a shared secret serves development and tests; production configures RS256/ES256
keys through a JWKS URL or file. Only the configured algorithms are accepted, so ``alg=none``
and algorithm-confusion tokens fail. ``iss``, ``aud``, ``exp`` and ``sub`` are required.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

import jwt
from fastapi import Depends, Request
from pydantic import BaseModel, ConfigDict

from aftersales.errors import Forbidden, NotFound, Unauthorized
from aftersales.settings import ServiceSettings

Role = Literal["admin", "agent", "crm", "point", "technician"]
ROLES: tuple[str, ...] = ("admin", "agent", "crm", "point", "technician")


class Principal(BaseModel):
    model_config = ConfigDict(frozen=True)

    subject: str
    role: Role
    tenant_id: str | None = None
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None

    @property
    def key(self) -> str:
        """Who the caller is, for scoping stored things such as idempotency keys."""
        return f"{self.role}:{self.subject}"


class JWTAuthenticator:
    def __init__(self, settings: ServiceSettings) -> None:
        self.algorithms = list(settings.jwt_algorithms)
        self.secret = settings.jwt_secret
        self.issuer = settings.jwt_issuer
        self.audience = settings.jwt_audience
        self._jwk_client = jwt.PyJWKClient(settings.jwt_jwks_url) if settings.jwt_jwks_url else None
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
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("The bearer token is malformed.") from exc
        if header.get("alg") not in self.algorithms:
            raise Unauthorized(f"Token algorithm {header.get('alg')!r} is not accepted.")
        try:
            claims = jwt.decode(
                token,
                self._key_for(token, header),
                algorithms=self.algorithms,
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iss", "aud", "sub"]},
                leeway=30,
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The bearer token has expired.") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"The bearer token is not valid: {exc}.") from exc
        try:
            return Principal(
                subject=claims["sub"],
                role=claims.get("role"),
                tenant_id=claims.get("tenant_id"),
                point_id=claims.get("point_id"),
                technician_id=claims.get("technician_id"),
            )
        except ValueError as exc:
            raise Unauthorized("The token does not carry a valid role and scope.") from exc

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
        now = datetime.now(UTC)
        claims: dict[str, Any] = {
            "sub": subject or f"{role}-dev",
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
        return jwt.encode(claims, self.secret, algorithm="HS256")


def authenticate(request: Request) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("A bearer token is required.")
    authenticator: JWTAuthenticator = request.app.state.authenticator
    return authenticator.decode(token.strip())


CurrentPrincipal = Annotated[Principal, Depends(authenticate)]


def require_roles(*roles: Role) -> Any:
    """A dependency that admits only the given roles (403 for the others)."""

    def check(principal: CurrentPrincipal) -> Principal:
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
