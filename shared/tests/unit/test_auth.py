import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from aftersales.auth import JWTAuthenticator
from aftersales.errors import Unauthorized
from aftersales.settings import ServiceSettings

SECRET = "unit-test-secret-" + "y" * 32  # the kit fixture's secret

BODY = {"text": "hi"}


def claims(**overrides):
    now = datetime.now(UTC)
    base = {
        "sub": "u1",
        "role": "admin",
        "iss": "aftersales",
        "aud": "aftersales",
        "iat": now,
        "exp": now + timedelta(minutes=5),
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


async def test_valid_token_with_allowed_role_passes(kit):
    r = await kit.client.post("/v1/echo", json=BODY, headers=kit.auth("agent"))
    assert r.status_code == 200
    assert r.json() == {"text": "hi", "count": 1}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer "},
        {"Authorization": "Bearer not.a.jwt"},
    ],
    ids=["missing", "basic", "empty", "garbage"],
)
async def test_missing_or_malformed_token_is_401(kit, headers):
    r = await kit.client.post("/v1/echo", json=BODY, headers=headers)
    assert r.status_code == 401
    assert r.headers["content-type"] == "application/problem+json"
    assert r.headers["www-authenticate"].startswith("Bearer")


async def test_expired_token_is_401(kit):
    past = datetime.now(UTC) - timedelta(hours=1)
    token = jwt.encode(claims(iat=past - timedelta(hours=1), exp=past), SECRET, algorithm="HS256")
    r = await kit.client.post("/v1/echo", json=BODY, headers=bearer(token))
    assert r.status_code == 401
    assert "expired" in r.json()["detail"]


async def test_wrong_audience_and_issuer_are_401(kit):
    for bad in ({"aud": "someone-else"}, {"iss": "evil"}):
        token = jwt.encode(claims(**bad), SECRET, algorithm="HS256")
        r = await kit.client.post("/v1/echo", json=BODY, headers=bearer(token))
        assert r.status_code == 401, bad


async def test_alg_none_is_401(kit):
    token = jwt.encode(claims(), None, algorithm="none")
    r = await kit.client.post("/v1/echo", json=BODY, headers=bearer(token))
    assert r.status_code == 401


async def test_wrongly_signed_token_is_401(kit):
    token = jwt.encode(claims(), "another-secret-" + "z" * 32, algorithm="HS256")
    r = await kit.client.post("/v1/echo", json=BODY, headers=bearer(token))
    assert r.status_code == 401


async def test_token_without_exp_or_with_unknown_role_is_401(kit):
    no_exp = jwt.encode(claims(exp=None), SECRET, algorithm="HS256")
    bad_role = jwt.encode(claims(role="superuser"), SECRET, algorithm="HS256")
    for token in (no_exp, bad_role):
        r = await kit.client.post("/v1/echo", json=BODY, headers=bearer(token))
        assert r.status_code == 401


async def test_valid_token_with_wrong_role_is_403(kit):
    r = await kit.client.post("/v1/echo", json=BODY, headers=kit.auth("technician"))
    assert r.status_code == 403
    assert r.headers["content-type"] == "application/problem+json"


def test_rs256_via_jwks_file(tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update({"kid": "k1", "use": "sig", "alg": "RS256"})
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [jwk]}))
    auth = JWTAuthenticator(
        ServiceSettings(jwt_algorithms=["RS256"], jwt_jwks_file=str(jwks), environment="production")
    )
    token = jwt.encode(
        claims(role="crm", tenant_id="acme"), key, algorithm="RS256", headers={"kid": "k1"}
    )
    principal = auth.decode(token)
    assert principal.role == "crm" and principal.tenant_id == "acme"
    # An HS256 token signed with the public key (algorithm confusion) is refused.
    hs = jwt.encode(claims(), "whatever-secret-value-long-enough", algorithm="HS256")
    with pytest.raises(Unauthorized):
        auth.decode(hs)
