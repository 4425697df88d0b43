"""Signing in and out. Under `make run` a one-time link (`aftersales console-link`) signs a
person in as the identity it was made for; it works once and for a few minutes. The session's
cookie is HttpOnly, SameSite=Lax and Secure (unless the console is served on plain http), and
the page asked for before signing in is where the person lands."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import text
from starlette.responses import Response

from console.domain.sessions import PERSONS, PREFIX, safe_next
from console.pages.common import COOKIE, LANG_COOKIE, Posted, SignedIn, set_language
from console.web import render

router = APIRouter()


@router.get(f"{PREFIX}/sign-in")
async def sign_in_page(request: Request, next: str | None = None) -> Response:
    set_language(request)
    return render(request, "sign_in.html", {"next": safe_next(next), "expired": bool(next)})


@router.get(PREFIX + "/link/{code}")
async def open_link(request: Request, code: str, next: str | None = None) -> Response:
    language = set_language(request)
    state = request.app.state
    now = state.clock.now()
    taken = await state.links.take(code, now=now)
    if taken is None or taken[0].role not in PERSONS:
        return render(request, "sign_in.html", {"next": None, "bad_link": True}, status=400)
    person, token, link_next = taken
    session_id, _ = await state.sessions.start(person, token, language=language, now=now)
    target = safe_next(next) or safe_next(link_next) or person.home
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE,
        session_id,
        httponly=True,
        secure=state.settings.cookie_secure,
        samesite="lax",
        path=f"{PREFIX}/",
    )
    return response


@router.post(f"{PREFIX}/sign-out")
async def sign_out(request: Request, session: Posted) -> Response:
    session_id = request.cookies.get(COOKIE)
    if session_id:
        await request.app.state.sessions.end(session_id)
    response = RedirectResponse(f"{PREFIX}/sign-in", status_code=303)
    response.delete_cookie(COOKIE, path=f"{PREFIX}/")
    return response


@router.get(f"{PREFIX}/")
async def home(session: SignedIn) -> Response:
    return RedirectResponse(session.person.home, status_code=303)


@router.get(f"{PREFIX}/language/{{language}}")
async def choose_language(request: Request, language: str, back: str | None = None) -> Response:
    response = RedirectResponse(safe_next(back) or f"{PREFIX}/", status_code=303)
    response.set_cookie(LANG_COOKIE, language, samesite="lax", path=f"{PREFIX}/")
    return response


async def _ready(request: Request) -> Response:
    try:
        async with request.app.state.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception:
        return Response("database unavailable", status_code=503)
    return Response("ready")


router.add_api_route("/readyz", _ready, methods=["GET"], include_in_schema=False)
router.add_api_route(f"{PREFIX}/readyz", _ready, methods=["GET"], include_in_schema=False)


@router.get("/livez", include_in_schema=False)
async def alive() -> Response:
    return Response("alive")
