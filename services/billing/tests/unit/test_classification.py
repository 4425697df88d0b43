import uuid
from datetime import date, timedelta

import pytest

from billing.domain.classification import ContractTerms, classify

WARRANTY_END = date(2026, 6, 30)


def contract(starts=date(2026, 1, 1), ends=date(2026, 12, 31), included=2, used=0):
    return ContractTerms(uuid.uuid4(), "MC-1", starts, ends, True, True, False, included, used)


def test_the_last_day_of_the_warranty_is_still_free_service_and_the_next_day_is_not():
    assert (
        classify(
            kind="repair", warranty_until=WARRANTY_END, completed_on=WARRANTY_END, contract=None
        ).service_class
        == "C"
    )
    after = classify(
        kind="repair",
        warranty_until=WARRANTY_END,
        completed_on=WARRANTY_END + timedelta(days=1),
        contract=None,
    )
    assert after.service_class == "A"
    assert "warranty ended 2026-06-30" in after.reason


def test_an_installation_within_warranty_is_free():
    c = classify(
        kind="install", warranty_until=WARRANTY_END, completed_on=date(2026, 1, 5), contract=None
    )
    assert c.service_class == "C" and "installed" in c.reason


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 31), "A"),  # before the contract starts
        (date(2027, 1, 1), "B"),  # its first day
        (date(2027, 6, 30), "B"),  # its last day
        (date(2027, 7, 1), "A"),  # the day after
    ],
)
def test_a_contract_counts_from_its_first_to_its_last_day(day, expected):
    terms = contract(starts=date(2027, 1, 1), ends=date(2027, 6, 30))
    c = classify(kind="repair", warranty_until=WARRANTY_END, completed_on=day, contract=terms)
    assert c.service_class == expected


def test_a_contract_with_its_visits_used_up_is_paid_service_and_says_why():
    used_up = contract(included=2, used=2)
    c = classify(
        kind="maintenance",
        warranty_until=WARRANTY_END,
        completed_on=date(2026, 8, 1),
        contract=used_up,
    )
    assert c.service_class == "A" and "2 visits are used up" in c.reason
    last = classify(
        kind="maintenance",
        warranty_until=WARRANTY_END,
        completed_on=date(2026, 8, 1),
        contract=contract(included=2, used=1),
    )
    assert last.service_class == "B" and "visit 2 of 2" in last.reason
    unlimited = classify(
        kind="repair",
        warranty_until=WARRANTY_END,
        completed_on=date(2026, 8, 1),
        contract=contract(included=None, used=40),
    )
    assert unlimited.service_class == "B" and "unlimited" in unlimited.reason


def test_warranty_wins_over_a_contract():
    c = classify(
        kind="repair",
        warranty_until=WARRANTY_END,
        completed_on=date(2026, 3, 1),
        contract=contract(),
    )
    assert c.service_class == "C"


def test_the_warranty_is_judged_on_the_day_the_fault_was_reported():
    late = classify(
        kind="repair",
        warranty_until=WARRANTY_END,
        reported_on=WARRANTY_END,
        completed_on=WARRANTY_END + timedelta(days=5),
        contract=None,
    )
    assert late.service_class == "C" and "reported on 2026-06-30" in late.reason
    after = classify(
        kind="repair",
        warranty_until=WARRANTY_END,
        reported_on=WARRANTY_END + timedelta(days=1),
        completed_on=WARRANTY_END + timedelta(days=1),
        contract=None,
    )
    assert after.service_class == "A"


def aircon_summer(**overrides):
    from billing.domain.classification import Campaign

    values = {
        "id": uuid.uuid4(),
        "name": "AC before summer",
        "categories": frozenset({"air_conditioner"}),
        "regions": frozenset({"east"}),
        "kinds": frozenset({"maintenance", "repair"}),
        "from_on": date(2027, 5, 1),
        "to_on": date(2027, 5, 31),
    }
    return Campaign(**{**values, **overrides})


@pytest.mark.parametrize(
    ("reported", "category", "region", "kind", "expected"),
    [
        (date(2027, 5, 1), "air_conditioner", "east", "repair", "C"),  # its first day
        (date(2027, 5, 31), "air_conditioner", "east", "maintenance", "C"),  # its last day
        (date(2027, 4, 30), "air_conditioner", "east", "repair", "A"),  # the day before
        (date(2027, 6, 1), "air_conditioner", "east", "repair", "A"),  # the day after
        (date(2027, 5, 10), "washing_machine", "east", "repair", "A"),  # another category
        (date(2027, 5, 10), "air_conditioner", "west", "repair", "A"),  # another region
        (date(2027, 5, 10), "air_conditioner", None, "repair", "A"),  # region unknown
        (date(2027, 5, 10), "air_conditioner", "east", "install", "A"),  # another kind
    ],
)
def test_a_campaign_makes_matching_jobs_free_service_and_names_itself(
    reported, category, region, kind, expected
):
    c = classify(
        kind=kind,
        warranty_until=WARRANTY_END,
        completed_on=reported + timedelta(days=3),
        contract=None,
        reported_on=reported,
        campaigns=(aircon_summer(),),
        category=category,
        region=region,
    )
    assert c.service_class == expected
    if expected == "C":
        assert "AC before summer" in c.reason and c.campaign is not None


def test_a_campaign_comes_before_a_contract_so_no_contract_visit_is_used():
    c = classify(
        kind="repair",
        warranty_until=WARRANTY_END,
        completed_on=date(2026, 8, 1),
        contract=contract(),
        reported_on=date(2026, 8, 1),
        campaigns=(aircon_summer(from_on=date(2026, 7, 1), to_on=date(2026, 8, 31)),),
        category="air_conditioner",
        region="east",
    )
    assert c.service_class == "C" and c.contract is None


@pytest.mark.parametrize("reason", ["misuse", "consumable", "not_covered"])
def test_an_exclusion_turns_free_service_into_paid_service_with_the_reason(reason):
    from billing.domain.classification import Exclusion, with_exclusion

    free = classify(
        kind="repair", warranty_until=WARRANTY_END, completed_on=date(2026, 3, 1), contract=None
    )
    c = with_exclusion(free, Exclusion(reason, "water damage"))
    assert c.service_class == "A"
    assert reason in c.reason and "water damage" in c.reason
    assert c.covered == frozenset()


def test_an_exclusion_leaves_contract_and_paid_service_as_they_are():
    from billing.domain.classification import Exclusion, with_exclusion

    b = classify(
        kind="repair",
        warranty_until=WARRANTY_END,
        completed_on=date(2026, 8, 1),
        contract=contract(),
    )
    assert with_exclusion(b, Exclusion("misuse", "dropped")) == b
