"""Every table of billing's schema at once: importing this module registers them all on
``metadata`` (what the app hands the kit, and the migrations compare against)."""

from __future__ import annotations

from billing.adapters.tables import (  # noqa: F401  (imported for the tables they register)
    admin_work,
    campaigns,
    cash,
    charges,
    contracts,
    documents,
    facts,
    parts_orders,
    payments,
    price_lists,
    remedies,
    reviews,
    settlements,
)
from billing.adapters.tables.base import metadata

__all__ = ["metadata"]
