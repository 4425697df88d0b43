"""Rooms a newcomer can read: the time comes from the service's clock, and no hand-written
module grows past what one sitting can hold."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("intake", "dispatch", "billing", "feedback")
MAX_LINES = 400
# What reads the machine's clock instead of the service's (a test could not move it).
WALL_CLOCK = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
}


def wall_clock_reads(path: Path, root: Path = ROOT) -> list[str]:
    """Each call in ``path`` that reads the machine's clock, imported under any name."""
    tree = ast.parse(path.read_text())
    names: dict[str, str] = {}  # the local name of datetime, date and time, however imported
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                names[alias.asname or alias.name] = alias.name
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            local = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if local and (names.get(local, local), node.func.attr) in WALL_CLOCK:
                found.append((node.lineno, f"{local}.{node.func.attr}()"))
    return [f"{path.relative_to(root)}:{line} {call}" for line, call in sorted(found)]


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_reads_the_time_from_its_clock(service):
    """Domain, use cases, consumers and scanners alike: a test that sets the clock moves every
    deadline the service keeps (migrations, which run once, are left alone)."""
    package = ROOT / "services" / service / service
    files = [p for p in package.rglob("*.py") if "migrations" not in p.parts]
    assert len(files) > 10
    reads = [read for path in files for read in wall_clock_reads(path)]
    assert reads == [], "read uow.now() or take `now` as an argument instead:\n" + "\n".join(reads)


def test_the_wall_clock_rule_sees_each_way_of_reading_the_wall_clock(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import datetime, time\n"
        "from datetime import date, datetime as dt\n"
        "a = datetime.datetime.now(datetime.UTC)\n"
        "b = dt.now()\n"
        "c = date.today()\n"
        "d = time.time()\n"
        "e = uow.now()\n"
    )
    assert wall_clock_reads(probe, tmp_path) == [
        "probe.py:3 datetime.now()",
        "probe.py:4 dt.now()",
        "probe.py:5 date.today()",
        "probe.py:6 time.time()",
    ]


def hand_written_modules():
    roots = [ROOT / "shared", ROOT / "services", ROOT / "tests", ROOT / "bench"]
    for root in roots:
        for path in root.rglob("*.py"):
            parts = set(path.relative_to(ROOT).parts)
            if parts & {"migrations", "node_modules", ".venv", "__pycache__"}:
                continue
            yield path


def test_no_hand_written_module_is_over_400_lines():
    long = sorted(
        f"{path.relative_to(ROOT)}: {n} lines"
        for path in hand_written_modules()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    )
    assert long == [], "split these by the aggregate or behaviour they serve:\n" + "\n".join(long)
