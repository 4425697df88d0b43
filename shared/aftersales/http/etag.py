"""ETag / If-Match for optimistic concurrency on versioned aggregates."""

from __future__ import annotations

from fastapi import Request

from aftersales.errors import PreconditionFailed, PreconditionRequired


def etag_of(version: int) -> str:
    return f'"{version}"'


def expected_version(request: Request, *, required: bool = True) -> int | None:
    """The version the client's ``If-Match`` names; 428 when required and missing."""
    header = request.headers.get("if-match")
    if header is None or not header.strip():
        if required:
            raise PreconditionRequired(
                "This change needs an If-Match header with the ETag you read."
            )
        return None
    if header.strip() == "*":
        return None
    tags = [t.strip().removeprefix("W/").strip('"') for t in header.split(",")]
    # A version is a bigint: more than 18 digits is no ETag of ours (and int() of thousands
    # of digits is refused by Python itself).
    if len(tags) != 1 or not tags[0].isdigit() or len(tags[0]) > 18:
        raise PreconditionFailed("If-Match must carry exactly one ETag of this resource.")
    return int(tags[0])


def check_version(expected: int | None, current: int) -> None:
    if expected is not None and expected != current:
        raise PreconditionFailed(
            "The resource changed since you read it; fetch it again.", current_etag=etag_of(current)
        )
