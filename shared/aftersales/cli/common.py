"""What both groups of commands share: the console, the data folder option, the local stack's
secret, addresses and admin connection."""

from __future__ import annotations

import importlib
import os
import socket
from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer
from rich.console import Console

from aftersales.auth import JWTAuthenticator
from aftersales.registry import SERVICES
from aftersales.settings import ServiceSettings

console = Console()

DataDir = Annotated[
    Path,
    typer.Option(envvar="AFTERSALES_DATA_DIR", help="Where PostgreSQL and NATS keep their data."),
]

# The help panels `aftersales --help` groups the commands under.
OPERATIONS = "Operations"
DEVELOPMENT = "Development"


# The developers' local stack (`make run`), where the developers' kit is installed: the commands
# below find the running stack through it. Named, not imported, so that the runtime does not
# depend on the developers' kit, and an image without it asks for DATABASE_URL instead.
LOCAL_STACK = "aftersales_dev.devstack.stack"


def local_stack() -> ModuleType | None:
    """The local stack's module, or None where the developers' kit is not installed."""
    try:
        return importlib.import_module(LOCAL_STACK)
    except ModuleNotFoundError:
        return None


def stack_secret(data_dir: Path) -> str:
    """The JWT secret the running stack signs with."""
    if secret := os.environ.get("AFTERSALES_JWT_SECRET"):
        return secret
    local = local_stack()
    if local is None:
        raise typer.BadParameter("set AFTERSALES_JWT_SECRET: there is no local stack here")
    return local.dev_secret(data_dir.resolve())  # type: ignore[no-any-return]


def local_urls() -> dict[str, str]:
    """Each service of the local stack (``make run``), by name."""
    return {ref.name: f"http://127.0.0.1:{ref.port}" for ref in SERVICES}


def authenticator(secret: str) -> JWTAuthenticator:
    return JWTAuthenticator(ServiceSettings(jwt_secret=secret, jwt_algorithms=["HS256"]))


def reachable(url: str) -> bool:
    """Whether something listens where ``url`` points."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    try:
        with socket.create_connection((parsed.host or "127.0.0.1", parsed.port or 5432), 0.5):
            return True
    except OSError:
        return False


def admin_url(data_dir: Path) -> str:
    """``DATABASE_URL``, else the running local stack's admin connection."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    local = local_stack()
    stack = None if local is None else local.read_stack_file(data_dir.resolve())
    if stack is None or not reachable(stack["admin_url"]):
        raise typer.BadParameter(
            "set DATABASE_URL (an admin connection), or start the local stack with `make run`"
        )
    return stack["admin_url"]  # type: ignore[no-any-return]
