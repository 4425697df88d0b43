"""intake's settings: what production refuses, and the names the delivery bounds are read by."""

from datetime import timedelta

import pytest
from pydantic import ValidationError

from intake.settings import IntakeSettings

PRODUCTION = {
    "environment": "production",
    "jwt_secret": "a-long-random-production-secret-3f9c1e7b2a5d8c4e6f0a1b2c3d4e5f6a",
    "nats_nkey_seed_file": "/run/secrets/intake.nk",
    "secret_keys": ["x" * 44],
}


def test_production_refuses_webhooks_to_private_addresses():
    with pytest.raises(ValidationError, match="INTAKE_WEBHOOK_ALLOW_PRIVATE_URLS"):
        IntakeSettings(**PRODUCTION, webhook_allow_private_urls=True)


def test_private_addresses_stay_allowed_in_development_and_tests():
    for environment in ("development", "test"):
        settings = IntakeSettings(environment=environment, webhook_allow_private_urls=True)
        assert settings.egress_policy.allow_private


def test_the_delivery_deadline_is_read_by_the_issues_name_and_the_old_one(monkeypatch):
    assert IntakeSettings().webhook_timeout_seconds == 10
    monkeypatch.setenv("INTAKE_WEBHOOK_TIMEOUT_SECONDS", "7")
    assert IntakeSettings().webhook_timeout_seconds == 7
    monkeypatch.setenv("INTAKE_WEBHOOK_TIMEOUT_S", "4")
    assert IntakeSettings().webhook_timeout_seconds == 4
    assert IntakeSettings(webhook_timeout_seconds=2).webhook_timeout_seconds == 2


def test_a_deadline_beyond_the_claims_lease_is_refused():
    with pytest.raises(ValidationError):
        IntakeSettings(webhook_timeout_seconds=120)
    with pytest.raises(ValidationError):
        IntakeSettings(notify_timeout_seconds=0)


def test_the_failing_window_and_the_cap_have_their_defaults_and_names(monkeypatch):
    settings = IntakeSettings()
    assert settings.webhook_disable_after == timedelta(days=3)
    assert settings.webhooks_per_owner == 20
    monkeypatch.setenv("INTAKE_WEBHOOK_DISABLE_AFTER", "P1DT12H")
    monkeypatch.setenv("INTAKE_WEBHOOKS_PER_OWNER", "5")
    settings = IntakeSettings()
    assert settings.webhook_disable_after == timedelta(days=1, hours=12)
    assert settings.webhooks_per_owner == 5
    monkeypatch.setenv("INTAKE_WEBHOOK_DISABLE_AFTER", "3600")
    assert IntakeSettings().webhook_disable_after == timedelta(hours=1)
