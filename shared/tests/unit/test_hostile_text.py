"""Text that reads other than it is, and cells a spreadsheet would run."""

import csv
import io

import pytest
from pydantic import Field, ValidationError

from aftersales.http.exports import csv_response
from aftersales.http.models import RequestModel


class Person(RequestModel):
    name: str = Field(max_length=200)
    note: str = ""


@pytest.mark.parametrize(
    "name",
    [
        "Wang\u202eFang",  # right-to-left override
        "Wang\u2066Fang",  # isolate
        "Wang\u200bFang",  # zero-width space
        "Wang\u200dFang",  # zero-width joiner
        "Wang\ufeffFang",  # byte order mark
        "Wang\x07Fang",  # bell
        "Wang\nFang",
    ],
)
def test_a_name_with_hidden_characters_is_refused(name):
    with pytest.raises(ValidationError):
        Person(name=name)


def test_free_text_keeps_its_line_breaks_but_not_direction_overrides():
    assert Person(name="Wang Fang", note="line 1\nline 2\ttab").note == "line 1\nline 2\ttab"
    with pytest.raises(ValidationError):
        Person(name="Wang Fang", note="total \u202e001")
    assert Person(name="王芳").name == "王芳"


def test_csv_cells_that_would_be_formulas_are_neutralised():
    rows = [
        {"name": '=HYPERLINK("http://x")', "amount": -500, "note": "+1", "who": "@me"},
        {"name": "-2+3", "amount": 100, "note": "ok", "who": "agent:desk"},
    ]
    body = csv_response(rows, ["name", "amount", "note", "who"], filename="x.csv").body
    parsed = list(csv.DictReader(io.StringIO(body.decode())))
    assert parsed[0] == {
        "name": '\'=HYPERLINK("http://x")',
        "amount": "-500",
        "note": "'+1",
        "who": "'@me",
    }
    assert parsed[1]["name"] == "'-2+3" and parsed[1]["who"] == "agent:desk"
