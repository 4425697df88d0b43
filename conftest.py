"""How ``make test`` shares the suite between its two xdist workers (``--dist loadfile``: a test
module is one unit of work, so module fixtures are shared as written).

The fault soak and the replica test each load the machine for minutes with a whole stack of
their own. Run side by side on two cores they starved each other (a restarted service missed
its readiness window), so they form one unit of work: one worker runs them one after the other
while the other worker runs the rest of the suite.
"""

from __future__ import annotations

from typing import Any

import pytest

HEAVY = frozenset({"tests/faults/test_lifecycle_under_faults.py", "tests/scale/test_replicas.py"})


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class HeavyTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return "heavy modules" if path in HEAVY else path

    return HeavyTogether(config, log)
