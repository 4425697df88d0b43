"""Alembic operations for the platform tables every service schema carries.

Each function is frozen once a migration uses it: a later change to the platform tables is a new
function (``..._v2``) called from a new migration, never an edit here, so that old migrations
keep doing exactly what they did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from aftersales.messaging.outbox import outbox_trigger_sql


def create_platform_tables_v1(schema: str) -> None:
    """outbox (with its NOTIFY trigger), inbox, dead_letters, idempotency_keys."""
    op.create_table(
        "outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column(
            "headers",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("aggregate_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        schema=schema,
    )
    op.create_index(
        "ix_outbox_unsent",
        "outbox",
        ["seq"],
        unique=False,
        schema=schema,
        postgresql_where=sa.text("sent_at IS NULL"),
    )
    op.create_table(
        "inbox",
        sa.Column("consumer", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column(
            "processed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("consumer", "event_id", name=op.f("pk_inbox")),
        schema=schema,
    )
    op.create_table(
        "dead_letters",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("consumer", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column(
            "headers",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("deliveries", sa.Integer(), nullable=False),
        sa.Column(
            "failed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("replayed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dead_letters")),
        schema=schema,
    )
    op.create_index(
        "uq_dead_letters_consumer_event_id",
        "dead_letters",
        ["consumer", "event_id"],
        unique=True,
        schema=schema,
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("principal", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("request_hash", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.LargeBinary(), nullable=True),
        sa.Column("response_headers", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column(
            "claimed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("principal", "key", name=op.f("pk_idempotency_keys")),
        schema=schema,
    )
    for statement in outbox_trigger_sql(schema):
        op.execute(statement)


def create_platform_tables_v2(schema: str) -> None:
    """rate_limits (the GCRA counters) and audit_log (append-only: a trigger refuses UPDATE
    and DELETE)."""
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("tat", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limits")),
        schema=schema,
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("request_id", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("object_type", sa.Text(), nullable=False),
        sa.Column("object_id", sa.Text(), nullable=False),
        sa.Column(
            "changes",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        schema=schema,
    )
    op.create_index("ix_audit_log_object", "audit_log", ["object_type", "object_id"], schema=schema)
    op.create_index("ix_audit_log_at", "audit_log", ["at"], schema=schema)
    op.execute(
        f"""CREATE FUNCTION {schema}.audit_log_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only';
        END $$"""
    )
    op.execute(
        f"""CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE
        ON {schema}.audit_log FOR EACH ROW EXECUTE FUNCTION {schema}.audit_log_append_only()"""
    )


def drop_platform_tables_v2(schema: str) -> None:
    op.drop_table("audit_log", schema=schema)
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.audit_log_append_only()")
    op.drop_table("rate_limits", schema=schema)


def drop_platform_tables_v1(schema: str) -> None:
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.notify_outbox() CASCADE")
    for table in ("idempotency_keys", "dead_letters", "inbox", "outbox"):
        op.drop_table(table, schema=schema)


def drop_outbox_notify(schema: str) -> None:
    """The outbox's NOTIFY trigger goes: the relay is woken in process by each commit that
    wrote events (a statement less for each), and polls for rows another process wrote."""
    op.execute(f"DROP TRIGGER IF EXISTS outbox_notify ON {schema}.outbox")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.notify_outbox()")


def restore_outbox_notify(schema: str) -> None:
    for statement in outbox_trigger_sql(schema):
        op.execute(statement)


def create_policy_tables_v1(schema: str) -> None:
    """policies (a named, typed figure the service decides by) and policy_versions (each
    value, from when it is meant to hold, who proposed and who approved it, and ``in_force_from``:
    the later of its ``effective_from`` and its approval). See aftersales.policies."""
    op.create_table(
        "policies",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("value_type", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_policies")),
        schema=schema,
    )
    op.create_table(
        "policy_versions",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("value", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("effective_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("proposed_by", sa.Text(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.Text(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("in_force_from", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["name"],
            [f"{schema}.policies.name"],
            name=op.f("fk_policy_versions_name_policies"),
        ),
        sa.PrimaryKeyConstraint("name", "number", name=op.f("pk_policy_versions")),
        schema=schema,
    )
    op.create_index(
        "ix_policy_versions_in_force",
        "policy_versions",
        ["name", "in_force_from"],
        schema=schema,
        postgresql_where=sa.text("in_force_from IS NOT NULL"),
    )


def drop_policy_tables_v1(schema: str) -> None:
    op.drop_table("policy_versions", schema=schema)
    op.drop_table("policies", schema=schema)
