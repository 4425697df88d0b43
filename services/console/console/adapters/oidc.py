"""OpenID Connect against the company's identity provider: its discovery document, the
authorization URL (code flow with PKCE, state and nonce), the code exchanged for tokens, and
the ID token verified (signature from the provider's JWKS, issuer, audience, expiry, nonce).
The access token it issues is what the console calls the services with; they verify it
against the same provider's keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import httpx
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncEngine

from console.adapters.tables import oidc_states
from console.domain.sessions import digest, new_secret
from console.settings import ConsoleSettings


class SignInRefused(Exception):
    """The provider's answer does not sign anyone in (an error, a state or nonce not ours, an
    ID token that does not verify, no role for the console)."""


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


class OidcClient:
    def __init__(
        self, settings: ConsoleSettings, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.s = settings
        self.transport = transport
        self._provider: Provider | None = None

    def _http(self) -> httpx.AsyncClient:
        args: dict[str, Any] = {"transport": self.transport} if self.transport else {}
        return httpx.AsyncClient(timeout=self.s.service_timeout_seconds, **args)

    async def provider(self) -> Provider:
        if self._provider is None:
            url = self.s.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration"
            async with self._http() as client:
                doc = (await client.get(url)).raise_for_status().json()
            if doc.get("issuer") != self.s.oidc_issuer:
                raise SignInRefused("the provider's discovery names another issuer")
            self._provider = Provider(
                doc["issuer"], doc["authorization_endpoint"], doc["token_endpoint"], doc["jwks_uri"]
            )
        return self._provider

    def authorization_url(self, provider: Provider, state: str, nonce: str, verifier: str) -> str:
        query = {
            "response_type": "code",
            "client_id": self.s.oidc_client_id,
            "redirect_uri": self.s.oidc_redirect_url,
            "scope": self.s.oidc_scopes,
            "state": state,
            "nonce": nonce,
            "code_challenge": create_s256_code_challenge(verifier),
            "code_challenge_method": "S256",
        }
        return f"{provider.authorization_endpoint}?{urlencode(query)}"

    async def tokens(self, provider: Provider, code: str, verifier: str) -> dict[str, Any]:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.s.oidc_redirect_url,
            "code_verifier": verifier,
        }
        async with self._http() as client:
            r = await client.post(
                provider.token_endpoint,
                data=form,
                auth=(self.s.oidc_client_id, self.s.oidc_client_secret),
            )
        if r.status_code != 200:
            raise SignInRefused(f"the provider refused the code ({r.status_code})")
        found: dict[str, Any] = r.json()
        if not found.get("id_token") or not found.get("access_token"):
            raise SignInRefused("the provider's answer has no ID token or access token")
        return found

    async def id_claims(self, provider: Provider, id_token: str, nonce: str) -> dict[str, Any]:
        async with self._http() as client:
            keys = KeySet.import_key_set((await client.get(provider.jwks_uri)).json())
        try:
            token = jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256"])
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": provider.issuer},
                aud={"essential": True, "value": self.s.oidc_client_id},
                exp={"essential": True},
                nonce={"essential": True, "value": nonce},
            ).validate(token.claims)
        except (JoseError, ValueError) as exc:
            raise SignInRefused(f"the ID token does not verify: {exc}") from exc
        return dict(token.claims)


class StateStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def begin(self, next_page: str | None, expires_at: datetime) -> tuple[str, str, str]:
        """A new sign-in: its state, nonce and PKCE verifier."""
        state, nonce, verifier = new_secret(), new_secret(), new_secret() + new_secret()
        async with self.engine.begin() as conn:
            await conn.execute(
                insert(oidc_states).values(
                    state_hash=digest(state),
                    nonce=nonce,
                    verifier=verifier,
                    next=next_page,
                    expires_at=expires_at,
                )
            )
        return state, nonce, verifier

    async def take(self, state: str, now: datetime) -> tuple[str, str, str | None] | None:
        """The sign-in this state began (once): its nonce, verifier and page."""
        stmt = (
            delete(oidc_states)
            .where(oidc_states.c.state_hash == digest(state))
            .returning(oidc_states)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(stmt)).first()
            await conn.execute(delete(oidc_states).where(oidc_states.c.expires_at < now))
        if row is None or row.expires_at <= now:
            return None
        return row.nonce, row.verifier, row.next
