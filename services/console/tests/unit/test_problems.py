"""What a stale edit shows: the history recorded after the version the form was rendered
from, by the owning service's own clock."""

from console.domain.problems import Problem, changed_since

HISTORY = {
    "entries": [
        {"status": "accepted", "recorded_at": "2030-05-06T01:00:00+00:00", "actor": "point"},
        {"status": "scheduled", "recorded_at": "2030-05-06T01:05:00+00:00", "actor": "admin"},
    ]
}


def test_only_what_was_recorded_after_the_version_seen_is_shown():
    changed = changed_since(HISTORY, "2030-05-06T01:00:00+00:00")
    assert [e["status"] for e in changed] == ["scheduled"]
    assert changed_since(HISTORY, "2030-05-06T01:05:00+00:00") == []


def test_without_a_time_seen_or_a_history_nothing_is_claimed():
    assert changed_since(HISTORY, None) == []
    assert changed_since(HISTORY, "yesterday") == []
    assert changed_since(HISTORY, "2030-05-06T01:00:00") == []  # no zone: not comparable
    assert changed_since(Problem("dispatch", 0), "2030-05-06T01:00:00+00:00") == []


def test_a_validation_problem_names_each_field_as_the_api_does():
    problem = Problem(
        "dispatch",
        422,
        body={
            "errors": [
                {"loc": ["body", "lines", 0, "sku"], "msg": "String should match", "type": "x"},
                {"loc": ["query", "limit"], "msg": "too big", "type": "less_than_equal"},
                "not an error",
            ]
        },
    )
    assert problem.fields == [
        {"field": "lines.0.sku", "type": "x", "msg": "String should match"},
        {"field": "limit", "type": "less_than_equal", "msg": "too big"},
    ]
    assert Problem("dispatch", 409, "in use").fields == []
