"""Rendering: the Jinja2 templates in the person's language, and the headers every answer
carries (a strict Content-Security-Policy: scripts and styles only from the console itself,
no inline script, no framing)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from console.i18n import TAGS, translations
from console.words import FIELD_PROBLEMS

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SHANGHAI = ZoneInfo("Asia/Shanghai")

env = Environment(
    loader=PackageLoader("console", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def local_time(value: str | datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A time as the network reads it (its local time)."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(SHANGHAI).strftime(fmt)


env.filters["local"] = local_time
env.globals["field_problems"] = FIELD_PROBLEMS


def form_time(value: Any) -> datetime:
    """A time a form sends in the network's local time (datetime-local has no zone)."""
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI)


def render(
    request: Request, template: str, context: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    language = getattr(request.state, "language", "zh_CN")
    t = translations(language)

    def gettext(message: str, **values: Any) -> str:
        found = t.gettext(message)
        return found % values if values else found

    def ngettext(singular: str, plural: str, n: int, **values: Any) -> str:
        return t.ngettext(singular, plural, n) % {"num": n, **values}

    html = env.get_template(template).render(
        _=gettext,
        ngettext=ngettext,
        lang=language,
        lang_tag=TAGS[language],
        request=request,
        person=getattr(request.state, "person", None),
        csrf=getattr(request.state, "csrf", ""),
        **context,
    )
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
