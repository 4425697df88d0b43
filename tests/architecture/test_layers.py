"""The layout stays true: dependencies point inward, services never import each other."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("intake", "dispatch", "billing", "feedback")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def source_files(service: str):
    return sorted((ROOT / "services" / service / service).rglob("*.py"))


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_never_imports_another_service(service):
    others = [s for s in SERVICES if s != service]
    for path in source_files(service):
        for name in imports_of(path):
            assert name.split(".")[0] not in others, f"{path} imports {name}"


@pytest.mark.parametrize("service", SERVICES)
def test_domain_imports_nothing_of_the_outer_layers_nor_io_libraries(service):
    forbidden_layers = {
        f"{service}.{layer}" for layer in ("api", "adapters", "use_cases", "consumers", "main")
    }
    forbidden_libs = {"fastapi", "sqlalchemy", "nats", "asyncpg", "httpx", "starlette"}
    for path in (ROOT / "services" / service / service / "domain").rglob("*.py"):
        for name in imports_of(path):
            assert not any(name == f or name.startswith(f + ".") for f in forbidden_layers), (
                f"{path} imports {name}"
            )
            assert name.split(".")[0] not in forbidden_libs, f"{path} imports {name}"


@pytest.mark.parametrize("service", SERVICES)
def test_routers_and_consumers_do_not_touch_tables_directly(service):
    """api/ and consumers.py go through use cases or repositories, never raw SQL building."""
    for path in [
        *(ROOT / "services" / service / service / "api").rglob("*.py"),
        ROOT / "services" / service / service / "consumers.py",
    ]:
        for name in imports_of(path):
            assert not name.startswith("sqlalchemy"), f"{path} imports {name}"


def test_the_kit_never_imports_a_service():
    for path in (ROOT / "shared" / "aftersales").rglob("*.py"):
        if "testing" in path.parts:
            continue  # test helpers may drive services through their public modules
        for name in imports_of(path):
            assert name.split(".")[0] not in SERVICES, f"{path} imports {name}"


def test_only_the_unit_of_work_commits():
    offenders = []
    for path in [
        *(ROOT / "services").rglob("*.py"),
        *(ROOT / "shared" / "aftersales").rglob("*.py"),
    ]:
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text()
        if "session.commit()" in text and path.name != "unit_of_work.py":
            offenders.append(str(path))
    assert offenders == []
