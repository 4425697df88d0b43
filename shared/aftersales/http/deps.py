"""``Annotated`` dependency aliases used by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from aftersales.db import Database


def get_db(request: Request) -> Database:
    return request.app.state.db


DatabaseDep = Annotated[Database, Depends(get_db)]
