"""Every table of dispatch, registered on one ``metadata``: importing this module imports
each table module, so that the service (``main.py``), the migrations (``migrations/env.py``) and
the check that they match the tables see the whole schema."""

from __future__ import annotations

from dispatch.adapters.tables import (  # noqa: F401  (imported for their tables)
    delivery,
    fault_codes,
    jobs,
    parts,
    parts_orders,
    points,
    requisitions,
    returns,
    stock,
    technicians,
    timers,
    workshop,
)
from dispatch.adapters.tables.base import metadata

__all__ = ["metadata"]
