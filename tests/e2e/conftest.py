"""Fixtures of the end-to-end stories: a world on the four services run as processes."""

import pytest
import pytest_asyncio

from aftersales_testing.webhooks import WebhookReceiver
from aftersales_testing.world import PRICES, World


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def world(process_stack):
    clients = {
        name: process_stack.client(name) for name in ("intake", "dispatch", "billing", "feedback")
    }
    w = World(process_stack, **clients)
    r = await w.billing.put("/v1/price-list", json=PRICES, headers=w.finance)
    assert r.status_code == 200, r.text
    try:
        yield w
    finally:
        await w.aclose()
        for c in clients.values():
            await c.aclose()


@pytest.fixture
def webhook_receiver():
    r = WebhookReceiver()
    yield r
    r.close()
