import secrets

import pytest

from aftersales.settings import ServiceSettings
from aftersales_testing.plugin import TEST_JWT_SECRET
from intake.settings import IntakeSettings


def test_service_prefix_wins_over_platform_prefix(monkeypatch):
    monkeypatch.setenv("AFTERSALES_NATS_URL", "nats://shared:4222")
    monkeypatch.setenv("AFTERSALES_DATABASE_URL", "postgresql://shared/db")
    monkeypatch.setenv("INTAKE_DATABASE_URL", "postgresql://intake/db")
    settings = IntakeSettings()
    assert settings.nats_url == "nats://shared:4222"
    assert settings.database_url == "postgresql://intake/db"


SEED = "/run/secrets/nats/intake.nk"


def test_production_refuses_the_development_secret():
    with pytest.raises(ValueError, match="development JWT secret"):
        ServiceSettings(environment="production", nats_nkey_seed_file=SEED)
    with pytest.raises(ValueError, match="development JWT secret"):
        ServiceSettings(
            environment="production",
            jwt_secret="dev-insecure-" + secrets.token_urlsafe(32),
            nats_nkey_seed_file=SEED,
        )
    ok = ServiceSettings(
        environment="production",
        jwt_secret=secrets.token_urlsafe(32),
        nats_nkey_seed_file=SEED,
    )
    assert ok.environment == "production"


@pytest.mark.parametrize(
    ("secret", "rule"),
    [
        # 31 bytes, and 31 bytes of multi-byte characters under 32 bytes
        ("a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d", "shorter than 32 bytes"),
        ("密钥" * 5, "shorter than 32 bytes"),
        # what the repository itself has printed: compose, the tests' and benchmarks' secrets
        ("change-me-to-a-long-random-secret-please", "known secrets"),
        ("Change-Me-To-A-Long-Random-Secret-Please ", "known secrets"),
        (TEST_JWT_SECRET, "known secrets"),
        ("unit-test-secret-" + "y" * 32, "known secrets"),
        ("bench-secret-" + "b" * 32, "known secrets"),
        ("s" * 40, "one repeated character"),
        ("zz-" + "z" * 40, "one repeated character"),
    ],
)
def test_production_refuses_a_short_or_published_jwt_secret(secret, rule):
    with pytest.raises(ValueError, match=rule) as refused:
        ServiceSettings(environment="production", jwt_secret=secret, nats_nkey_seed_file=SEED)
    # the refusal names the rule, never the secret
    assert secret.strip() not in str(refused.value)
    assert secret.strip()[-12:] not in str(refused.value)


def test_the_secret_rules_bind_hs_algorithms_in_production_only():
    # RS256 ignores the HS secret; development and tests keep theirs.
    rs = ServiceSettings(
        environment="production", jwt_algorithms=["RS256"], nats_nkey_seed_file=SEED
    )
    assert rs.jwt_algorithms == ["RS256"]
    assert ServiceSettings(environment="test", jwt_secret="short").jwt_secret == "short"


def test_production_refuses_to_connect_to_nats_without_an_identity():
    with pytest.raises(ValueError, match="NATS identity"):
        ServiceSettings(environment="production", jwt_secret=secrets.token_urlsafe(32))
