"""Dependencies of the webhook routes: the gateway's rules (made once from intake's settings)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from intake.integrations.use_cases.policy import WebhookPolicy


# ``async def`` even though it awaits nothing: a plain ``def`` runs in a worker thread.
async def get_webhook_policy(request: Request) -> WebhookPolicy:
    policy: WebhookPolicy = request.app.state.policy.webhooks
    return policy


WebhookPolicyDep = Annotated[WebhookPolicy, Depends(get_webhook_policy)]
