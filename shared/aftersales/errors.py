"""Domain errors carry their HTTP status and RFC 9457 problem type; one handler renders them."""

from __future__ import annotations

from typing import Any

PROBLEM_BASE = "https://aftersales.dev/problems/"


class AftersalesError(Exception):
    status: int = 400
    type_slug: str = "bad-request"
    title: str = "Bad request"

    def __init__(self, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extensions = extensions

    @property
    def type(self) -> str:
        return PROBLEM_BASE + self.type_slug


class NotFound(AftersalesError):
    status, type_slug, title = 404, "not-found", "Not found"


class Conflict(AftersalesError):
    status, type_slug, title = 409, "conflict", "Conflict"


class Unprocessable(AftersalesError):
    status, type_slug, title = 422, "unprocessable", "Unprocessable request"


class Unauthorized(AftersalesError):
    status, type_slug, title = 401, "unauthorized", "Unauthorized"


class Forbidden(AftersalesError):
    status, type_slug, title = 403, "forbidden", "Forbidden"


class PreconditionFailed(AftersalesError):
    status, type_slug, title = 412, "precondition-failed", "Precondition failed"


class PreconditionRequired(AftersalesError):
    status, type_slug, title = 428, "precondition-required", "Precondition required"


class IdempotencyConflict(AftersalesError):
    status, type_slug, title = 409, "idempotency-in-flight", "Request with this key in flight"


class IdempotencyMismatch(AftersalesError):
    status, type_slug, title = 422, "idempotency-key-reused", "Idempotency key reused"


class Unavailable(AftersalesError):
    """A part the request needs (the event broker) cannot be reached: nothing was changed."""

    status, type_slug, title = 503, "unavailable", "Service unavailable"


class BadCursor(AftersalesError):
    status, type_slug, title = 400, "bad-cursor", "Invalid pagination cursor"
