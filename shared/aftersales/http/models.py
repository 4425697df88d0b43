"""The base of every request body: unknown fields are refused, so clients can't set what they
must not (status, owner, numbers the server issues) by adding it to a body. And the bases of the
response shapes several services share (``NextClockOut``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Text direction overrides and isolates: they make a name or a note read other than it is.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e") | frozenset(
    "\u2066\u2067\u2068\u2069"
)


def _strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            if isinstance(k, str):
                yield "", k
            yield from _strings(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)


def refused_character(key: str, text: str) -> str | None:
    """Why ``text`` may not be stored, or None. No text holds NUL, other control characters
    (tab and line breaks aside) or direction overrides; a name holds no invisible format
    character at all (zero-width spaces and joiners make two names look alike)."""
    is_name = key == "name" or key.endswith("_name")
    for ch in text:
        if ch == "\x00":
            return "text must not contain NUL characters"
        if ch in BIDI_CONTROLS:
            return f"{key or 'text'} must not contain text-direction controls"
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in "\t\n\r":
            return f"{key or 'text'} must not contain control characters"
        if is_name and (category == "Cf" or ch in "\t\n\r"):
            return f"{key} must not contain invisible or line-breaking characters"
    return None


class RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _no_hidden_characters(cls, data: Any) -> Any:
        """PostgreSQL text cannot hold NUL, and no caller should store what reads other than
        it is: such input is a 422, not a database error or a spoofed name."""
        for key, text in _strings(data):
            reason = refused_character(key, text)
            if reason is not None:
                raise ValueError(reason)
        return data


class NextClockOut(BaseModel):
    """The clock that matters next for an open item on a board (``aftersales.board``). A
    service's model narrows ``clock`` to its own clocks, says what each is, and keeps this
    class's name: the OpenAPI schema (and the generated client's class) is named after it."""

    clock: str
    due: datetime = Field(description="when it runs out; past: breached")
