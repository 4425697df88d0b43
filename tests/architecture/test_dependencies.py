"""Every route's dependencies are coroutines: FastAPI runs a plain ``def`` dependency in a worker
thread, and a thread hop per dependency per request cost intake more CPU than its handler."""

import asyncio
import inspect
from typing import Any

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from aftersales.registry import SERVICES
from aftersales.service import create_service_app


def _sync_dependencies(dependant: Dependant) -> set[str]:
    found: set[str] = set()
    for dep in dependant.dependencies:
        call = dep.call
        target = call if inspect.isroutine(call) else getattr(call, "__call__", call)  # noqa: B004
        if call is not None and not asyncio.iscoroutinefunction(target):
            found.add(getattr(call, "__qualname__", repr(call)))
        found |= _sync_dependencies(dep)
    return found


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    """Every APIRoute, through included routers."""
    out: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            out.append(route)
        elif (router := getattr(route, "original_router", None)) is not None:
            out.extend(_api_routes(router.routes))
    return out


@pytest.mark.parametrize("ref", SERVICES, ids=lambda r: r.name)
def test_no_route_depends_on_a_plain_function(ref):
    app = create_service_app(ref.definition())
    sync = {
        f"{sorted(route.methods)[0]} {route.path}: {name}"
        for route in _api_routes(app.routes)
        for name in _sync_dependencies(route.dependant)
    }
    assert len(_api_routes(app.routes)) > 10
    assert sync == set()
