"""A service's statuses, outcomes and grades are its own; the events name them in their own words.

Domain enums live in each service's ``domain/`` and are mapped where an event is built or read,
so a new status is a decision about the contract, not a side effect of it. Every enum of a
contract is ``Open``: strict for its producer, tolerant for its readers."""

from typing import Annotated, Literal, Union, get_args, get_origin

import pytest
from pydantic import WrapValidator

from aftersales.events import CONTRACTS, dispatch, feedback, intake
from aftersales.events.base import Contract, values_of
from dispatch.domain import jobs, points, scheduling
from feedback.domain import callbacks
from intake.domain import tickets
from tests.architecture.test_layers import ROOT, SERVICES, imports_of

# (the domain's enum, the event's, which way values travel)
PAIRS = [
    (jobs.JobStatus, dispatch.JobStatus, "published"),
    (callbacks.CallbackOutcome, feedback.CallbackOutcome, "published"),
    (callbacks.VisitConfirmed, feedback.VisitConfirmed, "published"),
    (points.Grade, feedback.Grade, "read"),
    (scheduling.RescheduleReason, dispatch.RescheduleReason, "published"),
]
# The contracts themselves are the subject of intake's webhook catalogue, audience and redaction.
ABOUT_THE_CONTRACTS = {"event_catalogue.py", "audience.py", "redaction.py"}


@pytest.mark.parametrize("service", SERVICES)
def test_a_domain_keeps_its_own_enums(service):
    for path in sorted((ROOT / "services" / service / service / "domain").rglob("*.py")):
        if path.name in ABOUT_THE_CONTRACTS:
            continue
        for name in imports_of(path):
            assert not name.startswith("aftersales.events"), f"{path} imports {name}"


@pytest.mark.parametrize(("domain", "event", "way"), PAIRS)
def test_every_value_the_domain_publishes_or_reads_is_named_by_the_event(domain, event, way):
    ours, theirs = frozenset(get_args(domain)), values_of(event)
    if way == "published":  # a status the event cannot name would fail at the producer
        assert ours <= theirs, ours - theirs
    else:  # a value the domain cannot place is dead-lettered by its handler
        assert theirs <= ours, theirs - ours


def test_every_kind_a_ticket_can_have_is_named_by_the_created_event_or_its_own():
    # A parts order is announced by its own event, intake.parts_order.placed.
    assert set(tickets.KINDS) - {"parts_order"} <= values_of(intake.TicketKind)


def _literals_outside_open(annotation, metadata=()) -> list:
    """Literal types in ``annotation`` not wrapped in ``Open`` (a WrapValidator)."""
    if get_origin(annotation) is Literal:
        return [] if any(isinstance(m, WrapValidator) for m in metadata) else [annotation]
    if get_origin(annotation) is Annotated:
        inner, *meta = get_args(annotation)
        return _literals_outside_open(inner, meta)
    if isinstance(annotation, type) and issubclass(annotation, Contract):
        return []  # a nested contract is checked on its own
    found = []
    if get_origin(annotation) in (Union, list, tuple, dict) or type(annotation).__name__ in (
        "UnionType",
    ):
        for arg in get_args(annotation):
            found += _literals_outside_open(arg)
    return found


def _contracts():
    seen, todo = set(), list(CONTRACTS)
    while todo:
        contract = todo.pop()
        if contract in seen:
            continue
        seen.add(contract)
        for field in contract.model_fields.values():
            for arg in [field.annotation, *get_args(field.annotation)]:
                for inner in [arg, *get_args(arg)]:
                    if isinstance(inner, type) and issubclass(inner, Contract):
                        todo.append(inner)
    return sorted(seen, key=lambda c: c.__qualname__)


@pytest.mark.parametrize("contract", _contracts(), ids=lambda c: c.__qualname__)
def test_every_enum_of_a_contract_is_open_to_values_a_newer_producer_adds(contract):
    for name, field in contract.model_fields.items():
        closed = _literals_outside_open(field.annotation, field.metadata)
        assert not closed, f"{contract.__qualname__}.{name} is a closed {closed}: use Open[...]"
