"""Claims review of a late report beside an implausible report, through billing's API on real
PostgreSQL and NATS: each flag is cleared on its own, the late report's on the basis finance
names, and the charge is released with the last."""

from .test_claims_review import _charge, _reviews


async def test_a_late_report_and_implausible_travel_hold_until_each_flag_is_cleared(
    start_service, books_for
):
    from .test_late_reports import received

    async with start_service("billing", late_compensation_per_day=5_000) as billing:
        books = books_for(billing)
        await books.price_list()
        charge = await books.charged(
            await books.ticket(),
            travel_km=301,
            arrived_late_minutes=0,
            received=received(arrived_late_minutes=200),
        )
        assert charge["held"] is True
        flags = {f["rule"]: f for f in await _reviews(billing, books.finance, status="open")}
        assert set(flags) == {"implausible_travel", "late_report"}
        assert (flags["implausible_travel"]["figure"], flags["implausible_travel"]["norm"]) == (
            301,
            300,
        )
        assert flags["late_report"]["figure"] == 240  # minutes the report reached dispatch late
        late = f"/v1/reviews/{flags['late_report']['id']}/clear"
        # A late report's flag stands on a basis: without one it is refused, nothing changes.
        bare = await billing.client.post(late, json={"note": "ok"}, headers=books.finance)
        assert bare.status_code == 422
        r = await billing.client.post(
            late, json={"note": "the phone was offline", "basis": "received"}, headers=books.finance
        )
        assert r.status_code == 200, r.text
        still = await _charge(billing, charge["id"], books.finance)
        assert still["held"] is True and still["late_report"]["basis"] == "received"
        assert "implausible travel" in still["held_reason"] and "late" not in still["held_reason"]
        assert still["late"]["compensation"]["amount"] == 5_000  # the received times' lateness

        r = await billing.client.post(
            f"/v1/reviews/{flags['implausible_travel']['id']}/clear",
            json={"note": "a mountain road"},
            headers=books.finance,
        )
        assert r.status_code == 200, r.text
        assert (await _charge(billing, charge["id"], books.finance))["held"] is False
