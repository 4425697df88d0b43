"""The rules of a dated policy at their boundaries: the two-person rule, a version approved
after its effective_from, which version is in force at a moment, a value of the wrong type,
and when the two-person rule is on by default."""

from datetime import UTC, datetime, timedelta

import pytest

from aftersales.policies.catalogue import CATALOGUE, policies_of, spec
from aftersales.policies.domain import (
    SelfApproval,
    Version,
    WrongType,
    check_approver,
    in_force,
    in_force_from,
)
from aftersales.settings import ServiceSettings

T = datetime(2027, 3, 1, 8, tzinfo=UTC)


def version(number: int, value: int, since: datetime | None) -> Version:
    return Version(
        number=number,
        value=value,
        effective_from=since or T,
        proposed_by="admin:alice",
        proposed_at=T,
        approved_by="admin:bob" if since else None,
        approved_at=since,
        in_force_from=since,
    )


def test_the_proposer_may_not_approve_while_the_two_person_rule_is_on():
    with pytest.raises(SelfApproval, match="another admin"):
        check_approver("admin:alice", "admin:alice", two_person=True)
    check_approver("admin:alice", "admin:bob", two_person=True)
    check_approver("admin:alice", "admin:alice", two_person=False)


def test_a_version_approved_after_its_effective_from_holds_from_its_approval():
    assert in_force_from(T, T + timedelta(hours=1)) == T + timedelta(hours=1)
    assert in_force_from(T + timedelta(days=1), T) == T + timedelta(days=1)
    assert in_force_from(T, T) == T


def test_the_version_in_force_is_the_latest_to_come_into_force_by_then():
    versions = [
        version(1, 30, T - timedelta(days=30)),
        version(2, 60, T),
        version(3, 90, None),  # pending: never in force
    ]
    assert in_force(versions, T - timedelta(microseconds=1)).number == 1
    assert in_force(versions, T).number == 2
    assert in_force(versions, T + timedelta(days=365)).number == 2
    assert in_force(versions, T - timedelta(days=31)) is None


@pytest.mark.parametrize("value", ["30", 30.5, True, None, -1, 24 * 60 + 1, [30]])
def test_a_value_of_the_wrong_type_is_refused_naming_the_type(value):
    with pytest.raises(WrongType, match=r"billing\.late_grace takes an integer of minutes"):
        spec("billing.late_grace").validate(value)


def test_values_of_the_right_type_are_kept():
    assert spec("billing.late_grace").validate(0) == 0
    assert spec("billing.late_grace").validate(24 * 60) == 24 * 60
    weights = spec("feedback.grading_weights")
    assert weights.validate({"satisfied": 1, "bad_attitude": -2.5}) == {
        "satisfied": 1.0,
        "bad_attitude": -2.5,
    }
    with pytest.raises(WrongType, match="not callback outcomes"):
        weights.validate({"happy": 1.0})
    with pytest.raises(WrongType, match="grades A, B and C"):
        spec("feedback.grading_thresholds").validate({"A": {}})


def test_every_policy_is_named_after_its_service_and_its_setting_exists():
    from aftersales.registry import SERVICES

    names = {ref.name: ref for ref in SERVICES}
    for p in CATALOGUE:
        assert p.service in names, p.name
        settings = names[p.service].definition().settings_cls()
        p.validate(getattr(settings, p.setting))  # the environment's default is of its type
    billing = set(policies_of("billing"))
    assert billing >= {"billing.late_grace", "billing.late_compensation_per_day"}


def test_the_two_person_rule_is_on_in_production_and_off_elsewhere_unless_set():
    assert ServiceSettings(environment="development").two_person_policies is False
    assert ServiceSettings(environment="test").two_person_policies is False
    assert ServiceSettings(environment="test", policy_two_person=True).two_person_policies is True
    prod = ServiceSettings.model_construct(environment="production", policy_two_person=None)
    assert prod.two_person_policies is True
    off = ServiceSettings.model_construct(environment="production", policy_two_person=False)
    assert off.two_person_policies is False
