import pytest

from aftersales.settings import ServiceSettings
from intake.settings import IntakeSettings


def test_service_prefix_wins_over_platform_prefix(monkeypatch):
    monkeypatch.setenv("AFTERSALES_NATS_URL", "nats://shared:4222")
    monkeypatch.setenv("AFTERSALES_DATABASE_URL", "postgresql://shared/db")
    monkeypatch.setenv("INTAKE_DATABASE_URL", "postgresql://intake/db")
    settings = IntakeSettings()
    assert settings.nats_url == "nats://shared:4222"
    assert settings.database_url == "postgresql://intake/db"


def test_production_refuses_the_development_secret():
    with pytest.raises(ValueError, match="development JWT secret"):
        ServiceSettings(environment="production")
    ok = ServiceSettings(
        environment="production",
        jwt_secret="a-real-secret-from-the-vault",
        nats_nkey_seed_file="/run/secrets/nats/intake.nk",
    )
    assert ok.environment == "production"


def test_production_refuses_to_connect_to_nats_without_an_identity():
    with pytest.raises(ValueError, match="NATS identity"):
        ServiceSettings(environment="production", jwt_secret="a-real-secret-from-the-vault")
