"""The OpenAPI document says what the services really answer: every operation may refuse with
an RFC 9457 problem (``application/problem+json``), validation errors included."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

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
