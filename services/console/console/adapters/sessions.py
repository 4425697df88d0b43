"""The sessions and sign-in links in PostgreSQL. A session is found by its id's digest, only
while it has not been idle past its expiry, and each use moves the expiry on. A link is taken
once: the statement that reads it deletes it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import delete, insert, update
from sqlalchemy.ext.asyncio import AsyncEngine

from console.adapters.tables import sessions, sign_in_links
from console.domain.sessions import Person, digest, new_secret


class Sealed:
    """The person's token, encrypted at rest with the console's session key."""

    def __init__(self, key: str) -> None:
        self._fernet = Fernet(key.encode())

    def seal(self, token: str) -> str:
        return self._fernet.encrypt(token.encode()).decode()

    def open(self, sealed: str) -> str | None:
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken:
            return None


class Session:
    def __init__(self, row: Any, token: str) -> None:
        self.id_hash: str = row.id_hash
        self.person = Person.of(row.principal)
        self.token = token
        self.csrf: str = row.csrf
        self.language: str = row.language
        self.expires_at: datetime = row.expires_at


class SessionStore:
    def __init__(self, engine: AsyncEngine, sealed: Sealed, idle: timedelta) -> None:
        self.engine, self.sealed, self.idle = engine, sealed, idle

    async def start(
        self, person: Person, token: str, *, language: str, now: datetime
    ) -> tuple[str, str]:
        """A new session: its id (for the cookie) and its CSRF token."""
        session_id, csrf = new_secret(), new_secret()
        async with self.engine.begin() as conn:
            await conn.execute(
                insert(sessions).values(
                    id_hash=digest(session_id),
                    principal=person.as_json(),
                    token=self.sealed.seal(token),
                    csrf=csrf,
                    language=language,
                    created_at=now,
                    last_seen_at=now,
                    expires_at=now + self.idle,
                )
            )
            # Sessions long over go with each sign-in: the table keeps only live ones.
            await conn.execute(delete(sessions).where(sessions.c.expires_at < now - self.idle))
        return session_id, csrf

    async def find(self, session_id: str, *, now: datetime) -> Session | None:
        """The live session with this id, its expiry moved on by this use; None when there
        is none, or it has been idle too long."""
        stmt = (
            update(sessions)
            .where(sessions.c.id_hash == digest(session_id), sessions.c.expires_at > now)
            .values(last_seen_at=now, expires_at=now + self.idle)
            .returning(sessions)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(stmt)).first()
        if row is None:
            return None
        token = self.sealed.open(row.token)
        return None if token is None else Session(row, token)

    async def set_language(self, id_hash: str, language: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(sessions).where(sessions.c.id_hash == id_hash).values(language=language)
            )

    async def end(self, session_id: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(delete(sessions).where(sessions.c.id_hash == digest(session_id)))


class LinkStore:
    """One-time sign-in links (`aftersales console-link` under `make run`)."""

    def __init__(self, engine: AsyncEngine, sealed: Sealed) -> None:
        self.engine, self.sealed = engine, sealed

    async def add(
        self, person: Person, token: str, *, next_page: str | None, expires_at: datetime
    ) -> str:
        code = new_secret()
        async with self.engine.begin() as conn:
            await conn.execute(
                insert(sign_in_links).values(
                    code_hash=digest(code),
                    principal=person.as_json(),
                    token=self.sealed.seal(token),
                    next=next_page,
                    expires_at=expires_at,
                )
            )
        return code

    async def take(self, code: str, *, now: datetime) -> tuple[Person, str, str | None] | None:
        """The link's person, token and page, once: taking it deletes it. An expired or
        unknown code is None."""
        stmt = (
            delete(sign_in_links)
            .where(sign_in_links.c.code_hash == digest(code))
            .returning(sign_in_links)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(stmt)).first()
        if row is None or row.expires_at <= now:
            return None
        token = self.sealed.open(row.token)
        if token is None:
            return None
        return Person.of(row.principal), token, row.next
