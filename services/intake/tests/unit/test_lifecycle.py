import itertools
import uuid

import pytest

from aftersales.errors import Conflict
from intake.domain.lifecycle import TicketState, apply_callback, apply_job_status, check_can_stop

JOB, REWORK = uuid.uuid4(), uuid.uuid4()
HAPPY_PATH = ["offered", "accepted", "scheduled", "en_route", "on_site", "completed"]


def run(events, state=None):
    state = state or TicketState("open")
    for kind, job, value in events:
        if kind == "job":
            state = apply_job_status(state, job, value)
        else:
            state = apply_callback(state, job, value)
    return state


def test_the_happy_path_walks_the_contract_statuses():
    seen = []
    state = TicketState("open")
    for status in HAPPY_PATH:
        state = apply_job_status(state, JOB, status)
        seen.append(state.status)
    assert seen == [
        "dispatched",
        "dispatched",
        "scheduled",
        "in_progress",
        "in_progress",
        "completed",
    ]
    assert apply_callback(state, JOB, "satisfied").status == "closed"


@pytest.mark.parametrize("order", list(itertools.permutations(HAPPY_PATH[2:])))
def test_any_order_of_the_same_events_ends_in_the_same_state(order):
    events = [("job", JOB, s) for s in order]
    assert run(events).status == "completed"


def test_a_late_event_never_moves_the_ticket_backwards():
    state = run([("job", JOB, "completed"), ("job", JOB, "scheduled"), ("job", JOB, "en_route")])
    assert state.status == "completed"


def test_duplicates_change_nothing():
    once = run([("job", JOB, "scheduled")])
    assert apply_job_status(once, JOB, "scheduled") == once


def test_unsatisfied_callback_reopens_and_a_rework_job_takes_over():
    state = run([("job", JOB, "completed"), ("callback", JOB, "not_fixed_first_visit")])
    assert state.status == "reopened"
    # A straggler of the first job does not undo the reopening.
    assert apply_job_status(state, JOB, "completed").status == "reopened"
    state = run([("job", REWORK, "offered"), ("job", REWORK, "completed")], state)
    assert (state.status, state.current_job_id) == ("completed", REWORK)
    # A callback about the old job is stale; the rework's callback decides.
    assert apply_callback(state, JOB, "satisfied").status == "completed"
    assert apply_callback(state, REWORK, "satisfied").status == "closed"


def test_a_callback_that_overtakes_the_completion_still_counts():
    state = run(
        [("job", JOB, "on_site"), ("callback", JOB, "satisfied"), ("job", JOB, "completed")]
    )
    assert state.status == "closed"


def test_final_states_stay_final():
    for final in ("closed", "cancelled", "resolved_remotely"):
        state = TicketState(final, JOB, frozenset({JOB}))
        assert apply_job_status(state, JOB, "en_route") == state
        assert apply_job_status(state, REWORK, "offered") == state
        assert apply_callback(state, JOB, "unsatisfied") == state


def test_a_busy_ticket_ignores_jobs_it_does_not_know():
    state = run([("job", JOB, "scheduled")])
    assert apply_job_status(state, uuid.uuid4(), "completed") == state


def test_cancel_only_until_the_technician_leaves():
    for status in ("open", "dispatched", "scheduled", "reopened"):
        check_can_stop(status, "cancelled")
    for status in ("in_progress", "completed", "closed", "cancelled"):
        with pytest.raises(Conflict):
            check_can_stop(status, "cancelled")
