"""`aftersales demo` against the four services run as processes: it loads its network, drives
its tickets to their final states and prints the summary."""

import io
import re

import pytest
from rich.console import Console

from aftersales_dev.devstack.demo import run_demo
from aftersales_testing.plugin import TEST_JWT_SECRET

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_the_demo_drives_every_ticket_to_a_final_state(process_stack):
    out = io.StringIO()
    urls = {name: process_stack.url(name) for name in ("intake", "dispatch", "billing", "feedback")}
    await run_demo(
        urls,
        TEST_JWT_SECRET,
        tickets=12,
        concurrency=4,
        seed=3,
        console=Console(file=out, width=140),
    )
    text = " ".join(out.getvalue().split())  # the tables wrap their titles
    assert "failed" not in text, text
    assert "Tickets by final status" in text and "closed" in text
    assert "Charges by service class" in text
    assert re.search(r"│\s+[ABC]\s+│\s+[1-9]\d*\s+│", out.getvalue())  # finance's figures
    assert "the grade their scorecard gives" in text
    assert "Spare parts" in text and "movement: transfer_in" in text  # opening balances
    # Finance's side of the field's money: card slips matched to the acquirer's statement, and
    # a partner's remittance of the cash its technicians took.
    assert "Money in the field" in text
    assert re.search(r"card payments reconciled \(statement ACQ-[^)]+\)\s*│\s*[1-9]", text), text
    assert re.search(r"cash remitted by partner SH-[A-Z]{3}-\d-\w+\s*│\s*[1-9]", text), text
    # A flagged claim: the inflated labour held for finance, with its rule, figure and norm,
    # and adjusted.
    assert "Claims review" in text
    assert re.search(r"implausible_labour\s*│\s*hold\s*│\s*900\s*│\s*720", text), text
    assert "adjusted: 200.00 off" in text
