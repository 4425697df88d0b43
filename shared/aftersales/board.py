"""What every service's board of open work says alike, free of frameworks (a domain imports it).

A board lists a service's open items (intake's tickets, dispatch's jobs) by the clock that
matters next for each. The service says which clocks it has and which runs when (its
``domain/board.py``); this module says what is common: the next clock as a value, the one
bucket each open item is counted in, and how a region filter is read.

**Buckets**: an item whose next clock runs is ``<clock>_due`` until that clock's due time has
passed, then ``breached``; an item with no clock running is ``paused`` while paused, else
``no_clock``. A service whose clocks all stop in a pause thus counts every paused item
``paused``; one with a clock that runs through a pause counts it by that clock.

**Regions** are the administrative codes (GB/T 2260) of a site: two digits name a province,
four a city, six a district; a six-digit code that ends in ``00`` or ``0000`` is the city or
the province itself. A filter matches every code under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from aftersales.errors import Unprocessable

ClockT = TypeVar("ClockT", bound=str)
REGION_PATTERN = r"^\d{2}(\d{2}(\d{2})?)?$"
_REGION = re.compile(REGION_PATTERN)


@dataclass(frozen=True)
class NextClock(Generic[ClockT]):
    """The clock that matters next for an open item, and when it runs out."""

    clock: ClockT
    due: datetime


def buckets(clocks: Iterable[str]) -> tuple[str, ...]:
    """A board's buckets, given its clocks in order: every open item is in exactly one."""
    return (*(f"{clock}_due" for clock in clocks), "breached", "paused", "no_clock")


def bucket(upcoming: NextClock[ClockT] | None, *, paused: bool, now: datetime) -> str:
    """The bucket of an open item whose next clock is ``upcoming`` (None: none runs), as of
    ``now``: a clock due exactly now is not yet breached."""
    if upcoming is not None:
        return "breached" if upcoming.due < now else f"{upcoming.clock}_due"
    return "paused" if paused else "no_clock"


def region_prefix(code: str) -> str:
    """The prefix a region filter matches: ``31`` (a province), ``3101`` (a city), ``310115``
    (a district); ``310000`` is ``31`` and ``310100`` is ``3101``, as the codes say."""
    if not _REGION.match(code):
        raise Unprocessable(
            "region is an administrative region code: 2 digits (a province), 4 (a city) or 6 "
            "(a district).",
            region=code,
        )
    if len(code) == 6 and code.endswith("0000"):
        return code[:2]
    if len(code) == 6 and code.endswith("00"):
        return code[:4]
    return code


def region_of(code: str | None) -> str | None:
    """A list's ``region`` filter as the prefix it matches; None when the caller gave none."""
    return None if code is None else region_prefix(code)
