"""The OpenAPI document says what the services really answer: every operation may refuse with
an RFC 9457 problem (``application/problem+json``), validation errors included.

Its two readers, Swagger UI at ``/docs`` and ReDoc at ``/redoc``, are served by the service
itself from a pinned package (``fastapi-offline``), never from a CDN: operators' networks often
have no internet, and a visit tells no third party. Their pages carry no inline script or style
and a Content-Security-Policy that allows the service's own origin only (docs/security.md).
"""

from __future__ import annotations

import functools
import html
import json
from importlib.resources import files
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, Response

from aftersales.errors import NotFound
from aftersales.http.examples import add_examples
from aftersales.http.problems import PROBLEM_MEDIA_TYPE

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details; extension members may follow.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "request_id": {"type": "string"},
    },
    "required": ["type", "title", "status"],
    "additionalProperties": True,
}
REFUSALS = {
    "400": "Bad request (a malformed cursor, say)",
    "401": "Missing or invalid bearer token",
    "403": "The token's role may not do this",
    "404": "Not found, or outside the caller's scope",
    "409": "Conflict with the resource's state, or the same Idempotency-Key in flight",
    "412": "If-Match does not match the current version",
    "413": "Body larger than the limit",
    "422": "Invalid input, or a business rule refused it",
    "428": "If-Match required",
    "500": "Internal error (never with a stack trace)",
    "503": "A dependency is unavailable",
}
READ_ONLY = {"get", "head"}


def document_problems(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = PROBLEM_SCHEMA
        components.pop("HTTPValidationError", None)
        components.pop("ValidationError", None)
        problem = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for path_item in schema.get("paths", {}).values():
            for method, operation in path_item.items():
                responses = operation.setdefault("responses", {})
                for status, description in REFUSALS.items():
                    if method in READ_ONLY and status in ("409", "412", "413", "428"):
                        continue
                    responses[status] = {"description": description, "content": problem}
        add_examples(schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


# The packaged copies: Swagger UI 5 (OpenAPI 3.1) and ReDoc 2, pinned in uv.lock.
UI_ASSETS = files("fastapi_offline") / "static"
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}
# Only this origin: scripts, styles, fonts, the document fetched and "Try it out" requests.
# Images may be data: URIs (Swagger UI's icons live in its stylesheet); ReDoc builds its
# search worker from a blob: URL of its own script.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
DOCS_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# ReDoc styles itself with <style> elements it creates (styled-components): an empty one it then
# fills through the CSSOM, and one fixed block. Their hashes admit exactly those, for the pinned
# ReDoc 2.5.3 (a new version may need new ones: load /redoc in a browser and read its console).
REDOC_STYLE_HASHES = (
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='",
)
REDOC_HEADERS = {
    **DOCS_HEADERS,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY.replace(
        "style-src 'self'", "style-src 'self' " + " ".join(REDOC_STYLE_HASHES)
    ),
}
# What FastAPI's own page would pass, less the online validator (a request to a third party).
SWAGGER_UI_PARAMETERS = {
    "url": "openapi.json",
    "dom_id": "#swagger-ui",
    "layout": "BaseLayout",
    "deepLinking": True,
    "showExtensions": True,
    "showCommonExtensions": True,
    "validatorUrl": None,
}
# Relative URLs throughout, so the pages work under a proxy's path prefix too.
SWAGGER_UI_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - Swagger UI</title>
<link rel="icon" type="image/png" href="docs/assets/favicon.png">
<link rel="stylesheet" href="docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/assets/swagger-ui-init.js"></script>
</body>
</html>
"""
REDOC_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - ReDoc</title>
<link rel="icon" type="image/png" href="docs/assets/favicon.png">
</head>
<body>
<redoc spec-url="openapi.json"></redoc>
<script src="docs/assets/redoc.standalone.js"></script>
</body>
</html>
"""
SWAGGER_UI_INIT = "window.ui = SwaggerUIBundle(%s);\n" % (
    json.dumps(SWAGGER_UI_PARAMETERS, indent=2)[:-2]
    + ",\n  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]\n}"
)


def install_api_docs(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) with their files under ``/docs/assets/``.

    The app is created with FastAPI's own pages off (``docs_url=None, redoc_url=None``): they
    load their scripts from a CDN and start Swagger UI with an inline script."""
    title = html.escape(app.title)

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return HTMLResponse(SWAGGER_UI_PAGE.format(title=title), headers=DOCS_HEADERS)

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return HTMLResponse(REDOC_PAGE.format(title=title), headers=REDOC_HEADERS)

    @app.get("/docs/assets/swagger-ui-init.js", include_in_schema=False)
    async def swagger_ui_init() -> Response:
        return Response(
            SWAGGER_UI_INIT, media_type="text/javascript; charset=utf-8", headers=_cached()
        )

    @app.get("/docs/assets/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in ASSETS:
            raise NotFound(f"No file {name!r} in the API documentation's assets.")
        return Response(_asset(name), media_type=ASSETS[name], headers=_cached())


@functools.cache
def _asset(name: str) -> bytes:
    return (UI_ASSETS / name).read_bytes()


def _cached() -> dict[str, str]:
    """The files change only with the pinned package, i.e. with a deploy: a day's caching."""
    return {**DOCS_HEADERS, "Cache-Control": "public, max-age=86400"}
