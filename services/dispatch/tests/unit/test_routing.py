import uuid
from datetime import date

from dispatch.domain.routing import Candidate, choose

DAY = date(2026, 7, 15)


def point(code, grade=None, capacity=10, load=0):
    return Candidate(uuid.uuid4(), code, grade, capacity, load)


def decide(candidates, **kw):
    return choose(candidates, region="440305", category="air_conditioner", day=DAY, **kw)


def test_no_point_serving_region_and_category_leaves_the_job_unrouted_with_the_reason():
    d = decide([])
    assert d.winner is None
    assert "region 440305" in d.why and "air_conditioner" in d.why


def test_a_better_grade_wins_over_a_lighter_load():
    a = point("P-A", "A", load=8)
    c = point("P-C", "C", load=0)
    d = decide([c, a])
    assert d.winner == a
    assert "better grade" in d.why and "P-C" in d.why
    # What leaves for a point, a CRM or the app names the chosen point alone.
    assert d.own_why is not None and "P-A" in d.own_why and "P-C" not in d.own_why
    assert "grade C" not in d.own_why and "0/10" not in d.own_why


def test_between_equal_grades_the_lighter_load_wins_by_share_of_capacity():
    busy = point("P-1", "B", capacity=10, load=5)  # half full
    small = point("P-2", "B", capacity=4, load=1)  # a quarter full
    d = decide([busy, small])
    assert d.winner == small
    assert "lighter load" in d.why


def test_an_ungraded_point_ranks_like_grade_b():
    new = point("P-NEW", None, load=0)
    b = point("P-B", "B", load=1)
    c = point("P-C", "C", load=0)
    assert decide([c, b, new]).winner == new
    assert decide([c, point("P-A", "A", load=9)]).winner.code == "P-A"


def test_ties_are_broken_by_point_code_whatever_the_input_order():
    x = point("P-200", "B", load=2)
    y = point("P-100", "B", load=2)
    assert decide([x, y]).winner == y
    assert decide([y, x]).winner == y
    assert "tied" in decide([x, y]).why


def test_a_full_point_is_skipped_and_shown_as_full():
    full = point("P-A", "A", capacity=3, load=3)
    free = point("P-B", "B", capacity=3, load=2)
    d = decide([full, free])
    assert d.winner == free
    outcomes = {c.code: c.outcome for c in d.considered}
    assert outcomes == {"P-A": "full", "P-B": "chosen"}


def test_zero_capacity_that_day_means_no_room():
    closed = point("P-A", "A", capacity=0, load=0)
    d = decide([closed])
    assert d.winner is None
    assert "1 fully booked" in d.why


def test_points_that_declined_or_are_excluded_are_not_offered_again():
    a = point("P-A", "A")
    b = point("P-B", "B")
    c = point("P-C", "C")
    d = decide([a, b, c], declined={a.point_id}, excluded={b.point_id})
    assert d.winner == c
    none_left = decide([a, b], declined={a.point_id}, excluded={b.point_id})
    assert none_left.winner is None
    assert "1 declined" in none_left.why and "1 excluded" in none_left.why


def test_the_explanation_lists_candidates_in_rank_order():
    pts = [point(f"P-{i:02d}", "B", load=i) for i in range(5)]
    d = decide(list(reversed(pts)))
    explained = d.explanation(DAY)
    assert [c["code"] for c in explained["candidates"]] == [p.code for p in pts]
    assert explained["candidates"][0]["outcome"] == "chosen"
    assert explained["total_candidates"] == 5
    assert explained["service_date"] == "2026-07-15"
