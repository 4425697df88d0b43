"""Signing in and out. Under `make run` a one-time link (`aftersales console-link`) signs a
person in as the identity it was made for; it works once and for a few minutes. The session's
cookie is HttpOnly, SameSite=Lax and Secure (unless the console is served on plain http), and
the page asked for before signing in is where the person lands."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import text
from starlette.responses import Response

from console.adapters.oidc import SignInRefused
from console.domain.sessions import PERSONS, PREFIX, Person, person_from_claims, safe_next
from console.pages.common import COOKIE, LANG_COOKIE, Posted, SignedIn, set_language
from console.web import render

router = APIRouter()


@router.get(f"{PREFIX}/sign-in")
async def sign_in_page(request: Request, next: str | None = None) -> Response:
    set_language(request)
    context = {
        "next": safe_next(next),
        "expired": bool(next),
        "provider": request.app.state.settings.oidc_enabled,
    }
    return render(request, "sign_in.html", context)


@router.get(PREFIX + "/link/{code}")
async def open_link(request: Request, code: str, next: str | None = None) -> Response:
    set_language(request)
    state = request.app.state
    taken = await state.links.take(code, now=state.clock.now())
    if taken is None or taken[0].role not in PERSONS:
        return render(request, "sign_in.html", {"next": None, "bad_link": True}, status=400)
    person, token, link_next = taken
    return await _signed_in(request, person, token, safe_next(next) or safe_next(link_next))


@router.get(f"{PREFIX}/sign-in/oidc")
async def sign_in_with_provider(request: Request, next: str | None = None) -> Response:
    """To the company's identity provider (code flow with PKCE); it sends the person back to
    /console/oidc/callback."""
    set_language(request)
    state = request.app.state
    if not state.settings.oidc_enabled:
        return render(request, "sign_in.html", {"next": None, "no_provider": True}, status=404)
    provider = await state.oidc.provider()
    begun, nonce, verifier = await state.oidc_states.begin(
        safe_next(next), state.clock.now() + timedelta(minutes=10)
    )
    url = state.oidc.authorization_url(provider, begun, nonce, verifier)
    return RedirectResponse(url, status_code=303)


@router.get(f"{PREFIX}/oidc/callback")
async def provider_answer(
    request: Request,
    code: str | None = None,
    state_: str | None = Query(default=None, alias="state"),
    error: str | None = None,
) -> Response:
    set_language(request)
    app = request.app.state
    taken = await app.oidc_states.take(state_, app.clock.now()) if state_ else None
    if error or not code or taken is None:
        return render(request, "sign_in.html", {"next": None, "refused": True}, status=400)
    nonce, verifier, next_page = taken
    try:
        provider = await app.oidc.provider()
        tokens = await app.oidc.tokens(provider, code, verifier)
        claims = await app.oidc.id_claims(provider, tokens["id_token"], nonce)
    except SignInRefused:
        return render(request, "sign_in.html", {"next": None, "refused": True}, status=400)
    s = app.settings
    person = person_from_claims(
        claims, role=s.oidc_role_claim, point=s.oidc_point_claim, tenant=s.oidc_tenant_claim
    )
    if person is None:
        return render(request, "sign_in.html", {"next": None, "no_role": True}, status=403)
    return await _signed_in(request, person, tokens["access_token"], next_page)


async def _signed_in(request: Request, person: Person, token: str, target: str | None) -> Response:
    """A new session for ``person`` with their token; to the page asked for, else home."""
    state = request.app.state
    session_id, _ = await state.sessions.start(
        person, token, language=request.state.language, now=state.clock.now()
    )
    response = RedirectResponse(target or person.home, status_code=303)
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
