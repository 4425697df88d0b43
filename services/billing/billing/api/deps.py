"""Dependencies of billing's routes: the service's rules (made once from its settings)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from billing.use_cases.policy import BillingPolicy


# ``async def`` even though it awaits nothing: a plain ``def`` runs in a worker thread.
async def get_policy(request: Request) -> BillingPolicy:
    policy: BillingPolicy = request.app.state.policy
    return policy


PolicyDep = Annotated[BillingPolicy, Depends(get_policy)]
