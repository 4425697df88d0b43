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
    headers = kit.auth("technician", technician_id="00000000-0000-0000-0000-000000000001")
    r = await kit.client.post("/v1/echo", json=BODY, headers=headers)
    assert r.status_code == 403
    assert r.headers["content-type"] == "application/problem+json"


def test_rs256_via_jwks_file(tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update({"kid": "k1", "use": "sig", "alg": "RS256"})
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [jwk]}))
    auth = JWTAuthenticator(
        ServiceSettings(
            jwt_algorithms=["RS256"],
            jwt_jwks_file=str(jwks),
            environment="production",
            nats_nkey_seed_file="/run/secrets/nats.nk",
        )
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


AUTH = JWTAuthenticator(ServiceSettings(jwt_secret=SECRET, jwt_max_lifetime_hours=12))


@pytest.mark.parametrize(
    ("role", "claim"),
    [("crm", "tenant_id"), ("point", "point_id"), ("technician", "technician_id")],
)
def test_a_scoped_role_without_its_scope_claim_is_refused(role, claim):
    token = jwt.encode(claims(role=role), SECRET, algorithm="HS256")
    with pytest.raises(Unauthorized, match=claim):
        AUTH.decode(token)
    empty = jwt.encode(claims(role=role, **{claim: ""}), SECRET, algorithm="HS256")
    with pytest.raises(Unauthorized):
        AUTH.decode(empty)


def test_a_token_living_longer_than_its_role_may_is_refused():
    now = datetime.now(UTC)
    long_lived = claims(role="agent", iat=now, exp=now + timedelta(hours=13))
    with pytest.raises(Unauthorized, match="longer"):
        AUTH.decode(jwt.encode(long_lived, SECRET, algorithm="HS256"))
    ok = claims(role="agent", iat=now, exp=now + timedelta(hours=11))
    assert AUTH.decode(jwt.encode(ok, SECRET, algorithm="HS256")).role == "agent"
    # An integration (crm) may hold a longer-lived token, within its own limit.
    crm = claims(role="crm", tenant_id="acme", iat=now, exp=now + timedelta(days=30))
    assert AUTH.decode(jwt.encode(crm, SECRET, algorithm="HS256")).tenant_id == "acme"
    no_iat = claims(role="agent", iat=None)
    with pytest.raises(Unauthorized):
        AUTH.decode(jwt.encode(no_iat, SECRET, algorithm="HS256"))


def test_a_token_of_another_type_is_refused():
    token = jwt.encode(claims(), SECRET, algorithm="HS256", headers={"typ": "secevent+jwt"})
    with pytest.raises(Unauthorized, match="typ"):
        AUTH.decode(token)


def test_the_actor_and_the_key_carry_the_scope():
    point = "00000000-0000-0000-0000-00000000000a"
    token = jwt.encode(claims(role="point", sub="desk", point_id=point), SECRET, algorithm="HS256")
    principal = AUTH.decode(token)
    assert principal.actor == f"point:desk@{point}"
    other = jwt.encode(
        claims(role="point", sub="desk", point_id=point.replace("a", "b")),
        SECRET,
        algorithm="HS256",
    )
    assert AUTH.decode(other).key != principal.key


def test_the_cli_gives_each_scope_its_own_subject():
    a = AUTH.decode(AUTH.issue(role="point", point_id="00000000-0000-0000-0000-00000000000a"))
    b = AUTH.decode(AUTH.issue(role="point", point_id="00000000-0000-0000-0000-00000000000b"))
    assert a.subject != b.subject
    with pytest.raises(ValueError, match="tenant_id"):
        AUTH.issue(role="crm")


def test_a_verified_token_is_remembered_but_never_past_its_expiry(monkeypatch):
    import aftersales.auth as auth

    authenticator = JWTAuthenticator(ServiceSettings(jwt_secret="s" * 40))
    token = authenticator.issue(role="agent", ttl=timedelta(minutes=10))
    now = auth.time.time()
    clock = {"now": now}
    monkeypatch.setattr(auth.time, "time", lambda: clock["now"])
    monkeypatch.setattr(auth, "VERIFIED_FOR", 3600.0)
    verified = []
    real = authenticator._verify

    def verify(t):  # the real check, on the test's clock
        verified.append(clock["now"])
        if clock["now"] > now + 600 + auth.LEEWAY_SECONDS:
            raise Unauthorized("The bearer token has expired.")
        return real(t)

    monkeypatch.setattr(authenticator, "_verify", verify)
    first = authenticator.decode(token)
    clock["now"] = now + 300
    assert authenticator.decode(token) == first  # a later request: not verified again
    assert len(verified) == 1
    clock["now"] = now + 600 + auth.LEEWAY_SECONDS + 1  # past its expiry: verified, refused
    with pytest.raises(Unauthorized, match="expired"):
        authenticator.decode(token)
    assert len(verified) == 2
