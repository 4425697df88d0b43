"""What every page shares: the signed-in session (or the way back to sign-in, keeping the
page asked for), the CSRF check of every form, the language, and a service's problem shown
as a page (never a crash)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from console.adapters.sessions import Session
from console.domain.problems import Problem
from console.domain.sessions import PREFIX, csrf_matches
from console.i18n import pick
from console.web import render

COOKIE = "console_session"
LANG_COOKIE = "console_lang"
CSRF_HEADER = "x-csrf-token"


class SignInNeeded(Exception):
    def __init__(self, back_to: str) -> None:
        self.back_to = back_to


class CsrfRefused(Exception):
    pass


def asked_page(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def set_language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    language = pick(asked, request.app.state.settings.default_language)
    request.state.language = language
    return language


async def signed_in(request: Request) -> Session:
    """The person's live session (each use keeps it alive); without one, back to sign-in."""
    set_language(request)
    session_id = request.cookies.get(COOKIE)
    state = request.app.state
    session = await state.sessions.find(session_id, now=state.clock.now()) if session_id else None
    if session is None:
        raise SignInNeeded(asked_page(request))
    asked = request.query_params.get("lang")
    if asked and pick(asked, session.language) != session.language:
        session.language = pick(asked, session.language)
        await state.sessions.set_language(session.id_hash, session.language)
    request.state.language = session.language
    request.state.person = session.person
    request.state.csrf = session.csrf
    return session


SignedIn = Annotated[Session, Depends(signed_in)]


async def checked(request: Request, session: SignedIn) -> Session:
    """A form's post: its CSRF token (field ``csrf``, or htmx's header) must be the session's."""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        value = form.get("csrf")
        sent = value if isinstance(value, str) else None
    if not csrf_matches(session.csrf, sent):
        raise CsrfRefused()
    return session


Posted = Annotated[Session, Depends(checked)]


def idempotency_key(form: Any) -> str:
    """The key a form was rendered with (a double click sends the same one), else a new one."""
    value = form.get("idempotency_key") if form is not None else None
    if isinstance(value, str) and 8 <= len(value) <= 200:
        return value
    return str(uuid.uuid4())


def cursor_of(request: Request) -> dict[str, str]:
    """A list's page asked for (``?cursor=``, the API's own cursor passed back), as the
    generated client takes it; nothing for the first page."""
    cursor = request.query_params.get("cursor") or ""
    return {"cursor": cursor} if 0 < len(cursor) <= 1000 else {}


def back_to_sign_in(request: Request, exc: SignInNeeded) -> Response:
    target = f"{PREFIX}/sign-in?next={quote(exc.back_to, safe='')}"
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def csrf_refused(request: Request, exc: CsrfRefused) -> Response:
    set_language(request)
    return render(request, "error.html", {"kind": "csrf", "problem": None}, status=403)


def problem_page(request: Request, exc: Problem) -> Response:
    """A service's refusal as a page in the person's language: a 404 is a page saying so
    (another point's job typed into the address bar), a 401 back to sign-in."""
    if exc.kind == "signed_out":
        return back_to_sign_in(request, SignInNeeded(asked_page(request)))
    if not hasattr(request.state, "language"):
        set_language(request)
    status = exc.status if exc.status >= 400 else 503
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {}
    response = render(request, "error.html", {"kind": exc.kind, "problem": exc}, status=status)
    response.headers.update(headers)
    return response


class Api:
    """The four services as this person may call them (their own token)."""

    def __init__(self, request: Request, session: Session) -> None:
        self.services = request.app.state.services
        self.token = session.token

    async def __call__(self, service: str, operation: Any, *args: Any, **kwargs: Any) -> Any:
        return await self.services.call(service, self.token, operation, *args, **kwargs)

    async def write(
        self,
        service: str,
        operation: Any,
        *args: Any,
        key: str,
        version: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """A write, with the form's Idempotency-Key (a double click does one thing) and, when
        the form carries the version it was rendered from, ``If-Match``: a change made by
        someone else in the meantime is refused (412), never overwritten."""
        headers = {"Idempotency-Key": key}
        if version is not None and version.isdigit():
            headers["If-Match"] = f'"{version}"'
        return await self.services.call(
            service, self.token, operation, *args, headers=headers, **kwargs
        )

    async def part(self, service: str, operation: Any, *args: Any, **kwargs: Any) -> Any:
        """A part of a page: its data, or the problem that keeps it from showing (a service
        down shows that part as unavailable; the rest of the page still works)."""
        try:
            return await self(service, operation, *args, **kwargs)
        except Problem as problem:
            if problem.kind in ("signed_out", "not_found", "forbidden"):
                raise
            return problem


def api(request: Request, session: Session) -> Api:
    return Api(request, session)
