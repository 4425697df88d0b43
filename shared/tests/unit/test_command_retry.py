"""A command whose transaction lost a race (a deadlock, a serialization failure) is done again
in a new transaction, so the caller sees its answer, not a 500; any other failure is not."""

import asyncio

import pytest

from aftersales.http import idempotency


class LostRace(Exception):
    """What asyncpg raises for a deadlock: an error carrying its SQLSTATE."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"sqlstate {sqlstate}")
        self.sqlstate = sqlstate


def flaky(*failures: BaseException):
    calls = []

    async def attempt() -> str:
        calls.append(len(calls))
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return "answered"

    return attempt, calls


@pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
def test_a_transaction_that_lost_a_race_is_done_again(sqlstate):
    attempt, calls = flaky(LostRace(sqlstate))
    assert asyncio.run(idempotency._retrying(attempt)) == "answered"
    assert len(calls) == 2


def test_a_wrapped_deadlock_is_seen_through_its_cause():
    try:
        raise RuntimeError("wrapped") from LostRace("40P01")
    except RuntimeError as exc:
        wrapped = exc
    attempt, calls = flaky(wrapped)
    assert asyncio.run(idempotency._retrying(attempt)) == "answered"
    assert len(calls) == 2


def test_a_refusal_or_a_race_lost_every_time_is_not_hidden():
    attempt, calls = flaky(ValueError("refused"))
    with pytest.raises(ValueError):
        asyncio.run(idempotency._retrying(attempt))
    assert len(calls) == 1
    races = [LostRace("40P01")] * idempotency.COMMAND_ATTEMPTS
    attempt, calls = flaky(*races)
    with pytest.raises(LostRace):
        asyncio.run(idempotency._retrying(attempt))
    assert len(calls) == idempotency.COMMAND_ATTEMPTS
