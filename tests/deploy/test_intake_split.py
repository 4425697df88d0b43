"""intake as deploy/k8s runs it: API pods with their background work off
(``INTAKE_RUN_BACKGROUND=false``) beside worker pods that run it all, on one database and one
broker. A webhook subscribed through an API pod hears the very next event, although no
consumer runs there: the API pod sets the fan-out's broker filter itself, before the
subscription commits, and the worker delivers."""

from aftersales.service import create_service_app
from aftersales_testing.apps import drained, eventually, running
from aftersales_testing.factories import make_ticket
from aftersales_testing.webhooks import WebhookReceiver

FAST = {"webhook_allow_private_urls": True, "webhook_poll_seconds": 0.1}


async def test_a_subscription_made_on_an_api_pod_hears_the_next_event_from_the_worker(
    start_service, settings_for
):
    receiver = WebhookReceiver([200])
    try:
        async with start_service("intake", **FAST) as worker:
            api_app = create_service_app(
                worker.app.state.definition,
                settings_for("intake", run_background=False, **FAST),
            )
            async with running("intake-api", api_app) as api:
                crm = api.auth("crm", subject="acme", tenant_id="acme")
                # The worker's consumers are bound, listening for nothing a webhook wants yet.
                await make_ticket(api, headers=crm)
                await drained(worker)
                [fan_out] = [
                    r for r in worker.app.state.runners if r.subscription.stream == "INTAKE"
                ]
                assert sum(fan_out.outcomes.values()) == 0

                r = await api.client.post(
                    "/v1/webhooks",
                    json={"url": receiver.url, "events": ["intake.ticket.created.v1"]},
                    headers=crm,
                )
                assert r.status_code == 201, r.text
                heard = await make_ticket(api, headers=crm)

                async def delivered():
                    return [e["data"]["ticket_id"] for e in receiver.events()]

                assert await eventually(delivered, timeout=30) == [heard["id"]]
                await drained(worker)
                assert fan_out.outcomes["processed"] >= 1
                # the API pod handled nothing itself: its consumers were never started
                assert all(sum(r.outcomes.values()) == 0 for r in api.app.state.runners)
    finally:
        receiver.close()
