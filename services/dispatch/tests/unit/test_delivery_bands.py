"""Deliveries promised by distance: the operator's bands are checked at their boundaries, the
most specific band gives the days, and the days late count calendar days past the promise."""

from datetime import UTC, date, datetime, timedelta

import pytest

from aftersales.errors import Unprocessable
from dispatch.domain.delivery import (
    MAX_DAYS,
    Bands,
    Pair,
    PrefixBand,
    Promise,
    check_bands,
    check_region,
    days_late,
    promise,
    promised_by,
    region_prefix,
)
from dispatch.domain.parts_orders import delivered_at


def test_a_region_code_stands_for_its_prefix():
    assert region_prefix("310000") == "31"
    assert region_prefix("310100") == "3101"
    assert region_prefix("310115") == "310115"
    assert region_prefix("3100") == "31"
    assert check_region("440300", field="to_region") == "4403"


FULLWIDTH_31 = "\uff13\uff11"  # digits, but not ASCII ones


@pytest.mark.parametrize("code", ["3", "310", "31011", "3101150", "31a1", "", FULLWIDTH_31, " 31"])
def test_a_region_that_is_no_code_is_refused(code):
    with pytest.raises(Unprocessable, match="not a region code"):
        check_region(code, field="from_region")


@pytest.mark.parametrize("code", ["99", "10", "00", "990101", "2901", "7200"])
def test_a_region_under_no_province_is_unknown(code):
    with pytest.raises(Unprocessable, match="not a known region"):
        check_region(code, field="to_region")


@pytest.mark.parametrize("code", ["11", "65", "71", "81", "82", "820000"])
def test_the_first_and_last_provinces_are_known(code):
    check_region(code, field="from_region")


@pytest.mark.parametrize("days", [0, -1, MAX_DAYS + 1])
def test_days_below_one_or_above_the_maximum_are_refused(days):
    with pytest.raises(Unprocessable, match="days"):
        check_bands([Pair("31", "44", days)], [])
    with pytest.raises(Unprocessable, match="days"):
        check_bands([], [PrefixBand(4, days)])


def test_one_day_and_the_maximum_are_accepted():
    bands = check_bands([Pair("31", "44", 1), Pair("44", "31", MAX_DAYS)], [PrefixBand(2, 1)])
    assert {p.days for p in bands.pairs} == {1, MAX_DAYS}


def test_the_same_band_twice_is_refused_even_spelled_otherwise():
    with pytest.raises(Unprocessable, match="twice"):
        check_bands([Pair("31", "44", 2), Pair("310000", "440000", 3)], [])
    with pytest.raises(Unprocessable, match="twice"):
        check_bands([], [PrefixBand(4, 1), PrefixBand(4, 2)])
    # the reverse way is another band
    check_bands([Pair("31", "44", 2), Pair("44", "31", 3)], [])


@pytest.mark.parametrize("shared", [0, 1, 3, 5, 8])
def test_a_shared_prefix_is_a_province_a_city_or_a_district(shared):
    with pytest.raises(Unprocessable, match="shared_prefix"):
        check_bands([], [PrefixBand(shared, 1)])


BANDS = check_bands(
    [
        Pair("31", "44", 4),  # Shanghai to Guangdong
        Pair("31", "4403", 3),  # Shanghai to Shenzhen: faster
        Pair("3101", "44", 5),
    ],
    [PrefixBand(2, 2), PrefixBand(4, 1), PrefixBand(6, 1)],
)


def test_the_most_specific_pair_gives_the_days():
    # Pudong to Guangzhou: "3101 → 44" is more specific than "31 → 44".
    assert promise(BANDS, "310115", "440106", default_days=7) == Promise(5, "band 3101 → 44")
    # Pudong to Shenzhen: "31 → 4403" and "3101 → 44" are as long; the address's side decides.
    assert promise(BANDS, "310115", "440305", default_days=7) == Promise(3, "band 31 → 4403")
    # Minhang (3101) and Songjiang (3101) alike; Jiangsu to Shenzhen matches no pair.
    assert promise(BANDS, "310117", "440106", default_days=7).days == 5
    assert promise(BANDS, "320101", "440305", default_days=7) == Promise(7, "default")


def test_without_a_pair_the_longest_shared_prefix_gives_the_days():
    assert promise(BANDS, "320101", "320102", default_days=7).days == 1  # same city
    assert promise(BANDS, "320101", "320501", default_days=7).days == 2  # same province
    assert promise(BANDS, "320101", "320101", default_days=7).basis == ("shared region prefix of 6")
    # A city-level code is the city, not a district: two of them share the city's prefix only.
    assert promise(BANDS, "320100", "320100", default_days=7).basis == "shared region prefix of 4"
    assert promise(BANDS, "320000", "320000", default_days=7).basis == "shared region prefix of 2"
    assert promise(BANDS, "320101", "330101", default_days=7).basis == "default"


def test_no_bands_or_a_warehouse_without_a_region_give_the_default():
    assert promise(Bands(), "310115", "310115", default_days=3).days == 3
    assert promise(BANDS, None, "440305", default_days=3).basis.startswith("default")


def test_the_promise_counts_from_shipping_or_the_deadline_if_it_shipped_later():
    assert promised_by(date(2026, 7, 1), date(2026, 7, 2), 3) == date(2026, 7, 4)
    assert promised_by(date(2026, 7, 5), date(2026, 7, 2), 3) == date(2026, 7, 5)
    assert promised_by(date(2026, 12, 30), date(2026, 12, 31), 2) == date(2027, 1, 1)


def test_days_late_are_calendar_days_past_the_promise():
    promised = date(2026, 7, 4)
    assert days_late(date(2026, 7, 3), promised) == 0
    assert days_late(promised, promised) == 0
    assert days_late(date(2026, 7, 5), promised) == 1
    assert days_late(date(2026, 8, 4), promised) == 31
    assert days_late(date(2026, 8, 4), None) == 0


def test_a_delivery_time_may_be_given_later_but_not_from_the_future_nor_before_shipping():
    shipped = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    now = shipped + timedelta(days=3)
    skew = timedelta(minutes=5)
    assert delivered_at(None, shipped_at=shipped, now=now, skew=skew) == now
    proof = shipped + timedelta(days=2)
    assert delivered_at(proof, shipped_at=shipped, now=now, skew=skew) == proof
    assert delivered_at(shipped, shipped_at=shipped, now=now, skew=skew) == shipped
    assert delivered_at(now + skew, shipped_at=shipped, now=now, skew=skew) == now + skew
    with pytest.raises(Unprocessable, match="future"):
        delivered_at(now + skew + timedelta(seconds=1), shipped_at=shipped, now=now, skew=skew)
    with pytest.raises(Unprocessable, match="before the order shipped"):
        delivered_at(shipped - timedelta(seconds=1), shipped_at=shipped, now=now, skew=skew)
