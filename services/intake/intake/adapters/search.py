"""Customers found by name: a case-insensitive match of a name that contains the text.

The names are indexed by their two-character pieces (``intake.name_bigrams``, a GIN index,
migration 0019): a text's pieces must all be in a name for it to contain the text, so the
index finds the candidates and the ``LIKE`` keeps those that hold it in one piece. It works
for a two-character Chinese name as for a Latin one (pg_trgm's trigrams do not: they need
three characters, and in the C locale ignore Chinese altogether). An erased customer's name
is a tombstone and is never found, by its old name or by the tombstone.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Text, func
from sqlalchemy.dialects.postgresql import ARRAY

from intake.adapters.tables import CustomerRow
from intake.domain.board import like_escaped


def _pieces(text: Any) -> Any:
    return func.intake.name_bigrams(func.lower(text), type_=ARRAY(Text))


def name_matches(query: str) -> list[Any]:
    """The conditions of a customer whose name contains ``query`` (at least two characters:
    ``intake.domain.board.name_query``)."""
    name = CustomerRow.name
    pattern = func.concat("%", func.lower(like_escaped(query)), "%")
    return [
        CustomerRow.erased_at.is_(None),
        _pieces(name).contains(_pieces(query)),
        func.lower(name).like(pattern, escape="\\"),
    ]
