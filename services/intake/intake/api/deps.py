"""Dependencies of the ticket core's routes: its rules (made once from intake's settings)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from intake.use_cases.policy import TicketPolicy


# ``async def`` even though it awaits nothing: a plain ``def`` runs in a worker thread.
async def get_policy(request: Request) -> TicketPolicy:
    policy: TicketPolicy = request.app.state.policy.tickets
    return policy


PolicyDep = Annotated[TicketPolicy, Depends(get_policy)]
