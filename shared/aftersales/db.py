"""Where the database and the unit of work used to live together: ``aftersales.database``
(engine, sessions, the clock) and ``aftersales.unit_of_work`` (the transaction that commits).
Kept so that ``from aftersales.db import Database, UnitOfWork`` goes on working."""

from aftersales.database import (
    IDLE_PING_SECONDS,
    NAMING_CONVENTION,
    Database,
    async_url,
    libpq_dsn,
    make_metadata,
    watch_liveness,
)
from aftersales.unit_of_work import UnitOfWork

__all__ = [
    "IDLE_PING_SECONDS",
    "NAMING_CONVENTION",
    "Database",
    "UnitOfWork",
    "async_url",
    "libpq_dsn",
    "make_metadata",
    "watch_liveness",
]
