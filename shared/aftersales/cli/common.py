"""What both groups of commands share: the console, the data folder option, the local stack's
secret, addresses and admin connection."""

from __future__ import annotations

import os
from pathlib import Path
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


def stack_secret(data_dir: Path) -> str:
    """The JWT secret the running stack signs with."""
    from aftersales.devstack.stack import dev_secret

    return os.environ.get("AFTERSALES_JWT_SECRET") or dev_secret(data_dir.resolve())


def local_urls() -> dict[str, str]:
    """Each service of the local stack (``make run``), by name."""
    from aftersales.devstack.stack import service_port

    return {ref.name: f"http://127.0.0.1:{service_port(ref)}" for ref in SERVICES}


def authenticator(secret: str) -> JWTAuthenticator:
    return JWTAuthenticator(ServiceSettings(jwt_secret=secret, jwt_algorithms=["HS256"]))


def reachable(url: str) -> bool:
    from sqlalchemy.engine import make_url

    from aftersales.devstack.ports import port_open

    parsed = make_url(url)
    return port_open(parsed.port or 5432, parsed.host or "127.0.0.1")


def admin_url(data_dir: Path) -> str:
    """``DATABASE_URL``, else the running local stack's admin connection."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    from aftersales.devstack.stack import read_stack_file

    stack = read_stack_file(data_dir.resolve())
    if stack is None or not reachable(stack["admin_url"]):
        raise typer.BadParameter("the stack is not running: start it with `make run`")
    return stack["admin_url"]
