"""Signing in with the company's identity provider (OpenID Connect, code flow with PKCE): the
console sends the person to the provider with a state, a nonce and a code challenge, and
signs in whom the provider's verified ID token names, with the access token it issued. The
provider here is a small one of the test's own, on its own keys; the console runs in process
on its real PostgreSQL schema."""

import base64
import hashlib
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi import FastAPI, Form, Request
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from aftersales_testing.apps import SettableClock
from console.main import create_app
from console.settings import ConsoleSettings

from .test_in_process import KEY

ISSUER = "https://login.example.test"
CLIENT = "aftersales-console"
REDIRECT = "https://aftersales.example.test/console/oidc/callback"


class Provider:
    """An identity provider: discovery, keys, and a token endpoint that checks the PKCE
    verifier against the challenge it was given for the code."""

    def __init__(self, **claims) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
        self.signing = self.key  # what signs its ID tokens (a test swaps in a stranger's)
        self.claims = claims
        self.codes: dict[str, dict] = {}
        self.app = FastAPI()

        @self.app.get("/.well-known/openid-configuration")
        async def discovery() -> dict:
            return {
                "issuer": ISSUER,
                "authorization_endpoint": f"{ISSUER}/authorize",
                "token_endpoint": f"{ISSUER}/token",
                "jwks_uri": f"{ISSUER}/jwks",
            }

        @self.app.get("/jwks")
        async def jwks() -> dict:
            return KeySet([self.key]).as_dict(private=False)

        @self.app.post("/token")
        async def token(request: Request, code: str = Form(), code_verifier: str = Form()):
            given = self.codes.pop(code, None)
            challenge = (
                base64.urlsafe_b64encode(hashlib.sha256(code_verifier.encode()).digest())
                .rstrip(b"=")
                .decode()
            )
            if given is None or given["challenge"] != challenge:
                return httpx.Response(400)  # pragma: no cover - FastAPI answers 500 for it
            now = int(time.time())
            claims = {
                "iss": ISSUER,
                "aud": CLIENT,
                "sub": "wang.fang",
                "iat": now,
                "exp": now + 300,
                "nonce": given["nonce"],
                **self.claims,
            }
            id_token = jwt.encode({"alg": "RS256", "kid": "k1"}, claims, self.signing)
            return {"id_token": id_token, "access_token": "at-" + code, "token_type": "Bearer"}

    def person_signs_in(self, authorize_url: str) -> str:
        """The person authenticates at the provider: a code for the console's request."""
        query = parse_qs(urlsplit(authorize_url).query)
        assert query["code_challenge_method"] == ["S256"] and query["client_id"] == [CLIENT]
        assert query["redirect_uri"] == [REDIRECT]
        code = uuid.uuid4().hex
        self.codes[code] = {"nonce": query["nonce"][0], "challenge": query["code_challenge"][0]}
        return code


async def run(service_urls, provider: Provider):
    settings = ConsoleSettings(
        database_url=service_urls["console"],
        session_key=KEY,
        oidc_issuer=ISSUER,
        oidc_client_id=CLIENT,
        oidc_client_secret="s3cret",
        oidc_redirect_url=REDIRECT,
    )
    app = create_app(
        settings, clock=SettableClock(), idp_transport=httpx.ASGITransport(app=provider.app)
    )
    return app


async def begin(client, next_page="/console/point/jobs") -> tuple[str, str]:
    r = await client.get("/console/sign-in/oidc", params={"next": next_page})
    assert r.status_code == 303 and r.headers["location"].startswith(f"{ISSUER}/authorize?")
    state = parse_qs(urlsplit(r.headers["location"]).query)["state"][0]
    return r.headers["location"], state


@pytest.mark.parametrize(
    ("claims", "status", "home"),
    [
        ({"aftersales_role": "point", "point_id": str(uuid.uuid4())}, 303, "/console/point/jobs"),
        ({"aftersales_role": "agent"}, 303, "/console/point/jobs"),
        ({}, 403, None),  # no role in the console
        ({"aftersales_role": "point"}, 403, None),  # a point role without its point
        ({"aftersales_role": "crm", "tenant_id": "t"}, 403, None),
    ],
)
async def test_the_provider_signs_in_whom_its_verified_id_token_names(
    service_urls, claims, status, home
):
    provider = Provider(**claims)
    app = await run(service_urls, provider)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="https://aftersales.example.test"
        ) as client,
    ):
        url, state = await begin(client)
        code = provider.person_signs_in(url)
        r = await client.get("/console/oidc/callback", params={"code": code, "state": state})
        assert r.status_code == status, r.text
        if home:
            assert r.headers["location"] == home
            assert "console_session" in r.headers["set-cookie"]
            again = await client.get(
                "/console/oidc/callback", params={"code": code, "state": state}
            )
            assert again.status_code == 400  # a state is taken once
        else:
            assert "console_session" not in r.headers.get("set-cookie", "")


async def test_an_answer_not_for_this_sign_in_is_refused(service_urls):
    provider = Provider(aftersales_role="agent")
    app = await run(service_urls, provider)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="https://aftersales.example.test"
        ) as client,
    ):

        async def answer(**params) -> int:
            r = await client.get("/console/oidc/callback", params=params)
            assert "console_session" not in r.headers.get("set-cookie", "")
            return r.status_code

        url, state = await begin(client)
        code = provider.person_signs_in(url)
        assert await answer(code=code, state="not-ours") == 400  # never given
        url, state = await begin(client)
        code = provider.person_signs_in(url)
        assert await answer(code=code, state=state, error="access_denied") == 400
        url, state = await begin(client)
        code = provider.person_signs_in(url)
        provider.codes[code]["nonce"] += "x"  # an ID token for another sign-in
        assert await answer(code=code, state=state) == 400
        url, state = await begin(client)
        code = provider.person_signs_in(url)
        provider.signing = RSAKey.generate_key(2048, parameters={"kid": "k1"})
        assert await answer(code=code, state=state) == 400  # not the provider's signature
