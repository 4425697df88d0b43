"""Dependencies of feedback's routes: the service's rules (made once from its settings)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from feedback.use_cases.policy import FeedbackPolicy


# ``async def`` even though it awaits nothing: a plain ``def`` runs in a worker thread.
async def get_policy(request: Request) -> FeedbackPolicy:
    policy: FeedbackPolicy = request.app.state.policy
    return policy


PolicyDep = Annotated[FeedbackPolicy, Depends(get_policy)]
