"""A one-time sign-in link made outside the console (``aftersales console-link`` under
`make run`, and the browser tests): the person's token is sealed with the console's key and
stored with a digest of the link's code, which only the printed link carries."""

from __future__ import annotations

from datetime import datetime, timedelta

import jwt
from sqlalchemy.ext.asyncio import create_async_engine

from aftersales.database import async_url
from console.adapters.sessions import LinkStore, Sealed
from console.domain.sessions import PREFIX, Person


async def issue_link(
    db_url: str,
    session_key: str,
    token: str,
    *,
    base_url: str,
    now: datetime,
    ttl: timedelta = timedelta(minutes=10),
    next_page: str | None = None,
) -> str:
    """The link that signs in as ``token``'s person, once, within ``ttl``."""
    claims = jwt.decode(token, options={"verify_signature": False})
    person = Person(
        subject=str(claims["sub"]),
        role=str(claims["role"]),
        point_id=claims.get("point_id"),
        technician_id=claims.get("technician_id"),
        tenant_id=claims.get("tenant_id"),
    )
    engine = create_async_engine(async_url(db_url), pool_size=1)
    try:
        code = await LinkStore(engine, Sealed(session_key)).add(
            person, token, next_page=next_page, expires_at=now + ttl
        )
    finally:
        await engine.dispose()
    return f"{base_url.rstrip('/')}{PREFIX}/link/{code}"
