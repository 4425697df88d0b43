"""Dependencies of dispatch's routes: the service's rules (made once from its settings)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from dispatch.use_cases.policy import DispatchPolicy


# ``async def`` even though it awaits nothing: a plain ``def`` runs in a worker thread.
async def get_policy(request: Request) -> DispatchPolicy:
    policy: DispatchPolicy = request.app.state.policy
    return policy


PolicyDep = Annotated[DispatchPolicy, Depends(get_policy)]
