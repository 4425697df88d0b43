"""Tables every service schema carries: outbox, inbox, dead letters, idempotency keys, the rate
limiter's counters, the audit log and the dated policies (aftersales.policies)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB


@dataclass(frozen=True)
class PlatformTables:
    outbox: Table
    inbox: Table
    dead_letters: Table
    idempotency_keys: Table
    rate_limits: Table
    audit_log: Table
    policies: Table
    policy_versions: Table


def platform_tables(metadata: MetaData) -> PlatformTables:
    """Define (once) and return the platform tables inside ``metadata``'s schema."""
    prefix = f"{metadata.schema}." if metadata.schema else ""
    if prefix + "outbox" in metadata.tables:
        t = metadata.tables
        return PlatformTables(
            t[prefix + "outbox"],
            t[prefix + "inbox"],
            t[prefix + "dead_letters"],
            t[prefix + "idempotency_keys"],
            t[prefix + "rate_limits"],
            t[prefix + "audit_log"],
            t[prefix + "policies"],
            t[prefix + "policy_versions"],
        )
    outbox = Table(
        "outbox",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("subject", Text, nullable=False),
        Column("payload", LargeBinary, nullable=False),
        Column("headers", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
        Column("aggregate_id", Uuid, nullable=False),
        Column("seq", BigInteger, Identity(), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("sent_at", DateTime(timezone=True)),
        Column("attempts", Integer, nullable=False, server_default="0"),
        Column("last_error", Text),
        Index("ix_outbox_unsent", "seq", postgresql_where=text("sent_at IS NULL")),
    )
    inbox = Table(
        "inbox",
        metadata,
        Column("consumer", Text, nullable=False),
        Column("event_id", Uuid, nullable=False),
        Column("subject", Text, nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        PrimaryKeyConstraint("consumer", "event_id"),
    )
    dead_letters = Table(
        "dead_letters",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("consumer", Text, nullable=False),
        Column("event_id", Uuid, nullable=False),
        Column("subject", Text, nullable=False),
        Column("payload", LargeBinary, nullable=False),
        Column("headers", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
        Column("error", Text, nullable=False),
        Column("deliveries", Integer, nullable=False),
        Column("failed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("replayed_at", DateTime(timezone=True)),
        Index("uq_dead_letters_consumer_event_id", "consumer", "event_id", unique=True),
    )
    idempotency_keys = Table(
        "idempotency_keys",
        metadata,
        Column("principal", Text, nullable=False),
        Column("key", Text, nullable=False),
        Column("method", Text, nullable=False),
        Column("path", Text, nullable=False),
        Column("request_hash", Text, nullable=False),
        Column("state", Text, nullable=False),
        Column("response_status", Integer),
        Column("response_body", LargeBinary),
        Column("response_headers", JSONB),
        Column("claimed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("expires_at", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("principal", "key"),
    )
    # GCRA: one row per bucket, its theoretical arrival time (see aftersales.http.ratelimit).
    rate_limits = Table(
        "rate_limits",
        metadata,
        Column("key", Text, nullable=False),
        Column("tat", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("key"),
    )
    # Append-only (a trigger refuses UPDATE and DELETE): see aftersales.audit.
    audit_log = Table(
        "audit_log",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("seq", BigInteger, Identity(), nullable=False),
        Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("actor", Text, nullable=False),
        Column("role", Text, nullable=False),
        Column("scope", Text),
        Column("request_id", Text),
        Column("action", Text, nullable=False),
        Column("object_type", Text, nullable=False),
        Column("object_id", Text, nullable=False),
        Column("changes", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
        Index("ix_audit_log_object", "object_type", "object_id"),
        Index("ix_audit_log_at", "at"),
    )
    # A named, typed policy and its dated versions (see aftersales.policies).
    policies = Table(
        "policies",
        metadata,
        Column("name", Text, primary_key=True),
        Column("value_type", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    policy_versions = Table(
        "policy_versions",
        metadata,
        Column("name", Text, ForeignKey(f"{prefix}policies.name"), nullable=False),
        Column("number", Integer, nullable=False),
        Column("value", JSONB, nullable=False),
        Column("effective_from", DateTime(timezone=True), nullable=False),
        Column("note", Text, nullable=False, server_default=""),
        Column("proposed_by", Text, nullable=False),
        Column("proposed_at", DateTime(timezone=True), nullable=False),
        Column("approved_by", Text),
        Column("approved_at", DateTime(timezone=True)),
        Column("in_force_from", DateTime(timezone=True)),
        PrimaryKeyConstraint("name", "number"),
        Index(
            "ix_policy_versions_in_force",
            "name",
            "in_force_from",
            postgresql_where=text("in_force_from IS NOT NULL"),
        ),
    )
    return PlatformTables(
        outbox,
        inbox,
        dead_letters,
        idempotency_keys,
        rate_limits,
        audit_log,
        policies,
        policy_versions,
    )
