"""The console's tables (schema ``console``): its sessions and one-time sign-in links. The
session's id and the link's code are kept only as their SHA-256: a copy of the table does not
sign anyone in. The person's token is kept encrypted."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, MetaData, String, Table, Text
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData(schema="console")
TZ = DateTime(timezone=True)

sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("principal", JSONB, nullable=False),
    Column("token", Text, nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("language", String(10), nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("last_seen_at", TZ, nullable=False),
    Column("expires_at", TZ, nullable=False),
)

# A sign-in begun with the identity provider: what its answer must match (state, nonce) and
# the PKCE verifier, kept until the person comes back (once) or for ten minutes.
oidc_states = Table(
    "oidc_states",
    metadata,
    Column("state_hash", String(64), primary_key=True),
    Column("nonce", String(64), nullable=False),
    Column("verifier", String(128), nullable=False),
    Column("next", Text),
    Column("expires_at", TZ, nullable=False),
)

sign_in_links = Table(
    "sign_in_links",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("principal", JSONB, nullable=False),
    Column("token", Text, nullable=False),
    Column("next", Text),
    Column("expires_at", TZ, nullable=False),
)
