"""Older versions of events, upgraded on read.

Until issue 27 a changed event was published as a new version *beside* the old one, so the
streams (kept 90 days) and the dead-letter lists still hold events of versions no producer
publishes any more. A consumer reads them as the version on the bus today: each step below
turns one version's ``data`` into the next one's, filling what the older version did not carry
with the value documented beside it. The steps work on plain JSON, so the older contracts need
not stay in the bus's registry (intake's webhook catalogue keeps them for integrators).

An old copy published in one transaction beside its newer version carries the old outbox's
``Aftersales-Newer-Versions`` header: the newer copy is in the same stream and carries the same
change, so the old one is acked without being handled (see :func:`has_newer_twin`).

Remove an entry once no stream or dead-letter list can hold its subject any more: 90 days after
the last producer stopped publishing it, and after the dead letters are replayed or discarded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Data = dict[str, Any]

# The header the outbox wrote, until issue 27, on an older copy published beside a newer one.
LEGACY_TWIN_HEADER = "Aftersales-Newer-Versions"


def _ticket_created_v1(d: Data) -> Data:
    # v2 added where the visit goes (the owner's address: v1 had no installation address), the
    # clock that answers the ticket (dispatch's for a visit, else intake's) and the deadline.
    c = d.get("customer") or {}
    return {
        **d,
        "site": {
            "region": c.get("region", ""),
            "city": c.get("city", ""),
            "line": c.get("line", ""),
        },
        "respond_clock": "dispatch" if d.get("needs_visit") else "intake",
        "complete_by": None,
    }


def _ticket_closed_v1(d: Data) -> Data:
    # v1 was published for a satisfied callback only; it named no number (empty here).
    return {
        "ticket_id": d["ticket_id"],
        "number": "",
        "closure_reason": "satisfied",
        "note": d.get("reason", ""),
        "closed_at": d["closed_at"],
    }


def _job_routed_v1(d: Data) -> Data:
    # v1 named no job facts: empty where v2 requires them.
    return {
        **d,
        "ticket_number": "",
        "kind": "",
        "region": "",
        "product": {"category": "", "model": "", "serial_no": "", "in_warranty": False},
        "window": None,
        "description": "",
    }


def _same(d: Data) -> Data:
    # The next version reads the same fields (it widened an enum or made a field optional).
    return d


def _job_completed_v1(d: Data) -> Data:
    # v2 added the unit (category empty: v1 named none), the outcome (fixed) and fault codes.
    return {
        **d,
        "category": "",
        "model": None,
        "serial_no": None,
        "outcome": "fixed",
        "symptom_code": None,
        "cause_code": None,
        "action_code": None,
    }


def _job_completed_v2(d: Data) -> Data:
    # v3 added the claimed warranty exclusion and the delay cause: none claimed.
    return {**d, "exclusion": None, "delay_cause": None}


UPGRADES: Mapping[str, tuple[str, Callable[[Data], Data]]] = {
    "intake.ticket.created.v1": ("intake.ticket.created.v2", _ticket_created_v1),
    "intake.ticket.closed.v1": ("intake.ticket.closed.v2", _ticket_closed_v1),
    "dispatch.job.routed.v1": ("dispatch.job.routed.v2", _job_routed_v1),
    "dispatch.job.status_changed.v1": ("dispatch.job.status_changed.v2", _same),
    "dispatch.job.completed.v1": ("dispatch.job.completed.v2", _job_completed_v1),
    "dispatch.job.completed.v2": ("dispatch.job.completed.v3", _job_completed_v2),
    "feedback.callback.recorded.v1": ("feedback.callback.recorded.v2", _same),
    "feedback.callback.unreachable.v1": ("feedback.callback.unreachable.v2", _same),
}
"""Each older subject: the next version's subject and the step to it."""


def upgraded(envelope: Data) -> Data:
    """``envelope`` (parsed JSON) as the newest version its subject upgrades to: same id,
    aggregate, time and trace; ``type`` and ``data`` of the newer version."""
    while (step := UPGRADES.get(envelope.get("type", ""))) is not None:
        subject, upgrade = step
        envelope = {**envelope, "type": subject, "data": upgrade(dict(envelope.get("data") or {}))}
    return envelope


def has_newer_twin(published_as: str, headers: Mapping[str, str] | None) -> bool:
    """Whether an event of an older version was published beside a newer copy of itself: the
    newer copy carries the change, so the older one is not handled again."""
    return published_as in UPGRADES and bool((headers or {}).get(LEGACY_TWIN_HEADER))


__all__ = ["LEGACY_TWIN_HEADER", "UPGRADES", "has_newer_twin", "upgraded"]
