"""RFC 9457 problem+json for every error the services return."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from aftersales.errors import PROBLEM_BASE, AftersalesError
from aftersales.logging import get_logger, request_id_var

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = get_logger(__name__)

_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    412: "Precondition failed",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable request",
    428: "Precondition required",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}
_SLUGS = {
    405: "method-not-allowed",
    413: "content-too-large",
    500: "internal-error",
    503: "unavailable",
}


def problem(
    status: int,
    detail: str | None = None,
    *,
    title: str | None = None,
    type_: str | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    extensions: Mapping[str, Any] | None = None,
    **more: Any,
) -> Response:
    body = problem_document(
        status, detail, title=title, type_=type_, instance=instance, extensions=extensions, **more
    )
    headers = dict(headers or {})
    if (rid := body.get("request_id")) is not None:
        # Set here as well: a 500 is rendered outside the request-context middleware.
        headers.setdefault("X-Request-ID", rid)
    return Response(
        orjson.dumps(body, default=str),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def problem_of(exc: AftersalesError, instance: str | None = None) -> dict[str, Any]:
    """A domain error as the problem document its response would carry (for an item of a
    batch, which answers each item's problem inside one response)."""
    return problem_document(
        exc.status,
        exc.detail,
        title=exc.title,
        type_=exc.type,
        instance=instance,
        extensions=orjson.loads(orjson.dumps(exc.extensions, default=str)),
    )


def problem_document(
    status: int,
    detail: str | None = None,
    *,
    title: str | None = None,
    type_: str | None = None,
    instance: str | None = None,
    extensions: Mapping[str, Any] | None = None,
    **more: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": type_
        or PROBLEM_BASE
        + _SLUGS.get(status, _TITLES.get(status, "error").lower().replace(" ", "-")),
        "title": title or _TITLES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    if (rid := request_id_var.get()) is not None:
        body["request_id"] = rid
    # Extensions add members; they never replace the standard ones (RFC 9457 §3.1).
    for name, value in {**(extensions or {}), **more}.items():
        body.setdefault(name, value)
    return body


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AftersalesError)
    headers = {"WWW-Authenticate": 'Bearer realm="aftersales"'} if exc.status == 401 else None
    return problem(
        exc.status,
        exc.detail,
        title=exc.title,
        type_=exc.type,
        instance=request.url.path,
        headers=headers,
        extensions=exc.extensions,
    )


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    return problem(
        422,
        "The request does not match the schema; see 'errors'.",
        type_=PROBLEM_BASE + "validation-error",
        title="Validation failed",
        instance=request.url.path,
        errors=errors,
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}."
    if exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
    return problem(
        exc.status_code,
        detail,
        instance=request.url.path,
        headers=dict(exc.headers) if exc.headers else None,
    )


async def _unhandled(request: Request, exc: Exception) -> Response:
    log.exception("http.unhandled_error", path=request.url.path)
    return problem(
        500, "An unexpected error occurred; it has been logged.", instance=request.url.path
    )


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AftersalesError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unhandled)
