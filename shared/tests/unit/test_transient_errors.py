import asyncpg
from sqlalchemy import exc as sa_exc

from aftersales.messaging.consumer import is_transient


class FakeOrig(Exception):
    def __init__(self, sqlstate):
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def test_outages_and_contention_are_transient():
    assert is_transient(ConnectionRefusedError())
    assert is_transient(TimeoutError())
    assert is_transient(sa_exc.OperationalError("SELECT 1", {}, Exception("gone")))
    assert is_transient(sa_exc.DBAPIError("SELECT 1", {}, FakeOrig("40P01")))  # deadlock
    assert is_transient(sa_exc.DBAPIError("SELECT 1", {}, FakeOrig("57P01")))  # admin shutdown
    assert is_transient(asyncpg.exceptions.CannotConnectNowError("starting up"))
    wrapped = RuntimeError("handler failed")
    wrapped.__cause__ = ConnectionResetError()
    assert is_transient(wrapped)


def test_a_refusal_by_the_handler_is_not_transient():
    assert not is_transient(ValueError("unknown product category"))
    assert not is_transient(sa_exc.IntegrityError("INSERT", {}, FakeOrig("23505")))
    assert not is_transient(sa_exc.DBAPIError("SELECT 1", {}, FakeOrig("22P02")))
