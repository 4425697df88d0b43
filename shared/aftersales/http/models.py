"""The base of every request body: unknown fields are refused, so clients can't set what they
must not (status, owner, numbers the server issues) by adding it to a body."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class RequestModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
