"""What leaves the information centre for anyone but its staff.

A routing reason (``dispatch.job.routed``'s ``why``) names the other candidate points, their
codes, grades and loads: the centre's own business. Points, technicians, the app backend and
CRMs receive the chosen point's own reason instead (``own_why``), in every version of the event
and on the ticket's timeline. The event on the bus keeps both, for staff.
"""

from __future__ import annotations

from typing import Any

from aftersales.events import Envelope, dispatch, family_of

ROUTED = family_of(dispatch.JobRouted.SUBJECT)[0]
# An offer made before the chosen point's own reason was published says this instead.
OFFERED = "offered by the information centre's routing"


def own_reason(data: dispatch.JobRouted) -> str:
    return data.own_why or OFFERED


def for_outsiders(envelope: Envelope[Any]) -> Envelope[Any]:
    """``envelope`` as a non-staff audience may read it."""
    if family_of(envelope.type)[0] != ROUTED:
        return envelope
    data = envelope.data
    told = own_reason(data)
    if data.why == told:
        return envelope
    return envelope.model_copy(update={"data": data.model_copy(update={"why": told})})
