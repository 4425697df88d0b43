"""The SQL statements a closed ticket costs, counted by PostgreSQL's ``pg_stat_statements``.

The bench's embedded PostgreSQL loads the extension (``SERVER_SETTINGS``) with
``pg_stat_statements.track = all``, so the statements PostgreSQL runs on behalf of a statement
are counted as well as the ones a client sends: above all the foreign-key checks (``SELECT 1 FROM
ONLY ... FOR KEY SHARE OF x``) the RI triggers run for a referencing row, and what a PL/pgSQL
trigger runs (the outbox's ``pg_notify``). ``track_utility`` (on by default) counts BEGIN,
COMMIT, ROLLBACK, SAVEPOINT and RELEASE, which asyncpg sends as simple queries, and SET/SHOW.

What it does not count: a statement that failed (only completed ones are stored); the
extended protocol's Parse/Describe that asyncpg sends to prepare a statement (a prepared
statement is counted each time it is executed, not when prepared); ``DEALLOCATE``; and
NOTIFY/LISTEN round trips the driver makes outside SQL. ``calls`` are executions, not round
trips: asyncpg's ``executemany`` of N rows is N calls in one round trip.

Since PostgreSQL 18 a relation is identified by its alias in the statement's fingerprint, and
every RI check names its table ``x``: the checks of one role are therefore one entry, whatever
the table (its text is the first one seen). Which constraints they come from is estimated from
the rows inserted into each referencing table (``pg_stat_user_tables``): ``fk_estimate``.

The extension lives in the ``postgres`` database (it sees every database's statements), so
the application database stays as the services' migrations made it. Each service connects as
its own role, so a statement's ``userid`` names the service, and its schema (an RI check runs
as the owner of the referenced table: the same service); the superuser is the bench's own
measuring, kept out of the totals.

counters.py reads the counters (``enable``, ``reset``, ``snapshot``, ``tables``); accounting.py
turns them into statements per closed ticket (``account``, ``format_account``, ``compare``).
"""

from bench.sql.accounting import BENCH_ROLE, account, compare, format_account
from bench.sql.counters import SERVER_SETTINGS, enable, reset, snapshot, tables

__all__ = [
    "BENCH_ROLE",
    "SERVER_SETTINGS",
    "account",
    "compare",
    "enable",
    "format_account",
    "reset",
    "snapshot",
    "tables",
]
