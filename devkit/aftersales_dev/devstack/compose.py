"""The secrets ``deploy/docker-compose.yml`` reads: ``aftersales compose-env`` makes them.

The compose file holds no secret. It reads each from ``deploy/.env`` (``${VAR:?}``: compose
refuses to start without it), which this module writes with random values, 0600. The NATS
cluster admits the same identities as ``make run``'s broker: the operator (a password) and
one NKey user per service with the permissions derived from the services' code
(``aftersales.messaging.identity``); nobody connects anonymously, and the nodes' routes
authenticate too. Those files live in ``deploy/.compose/`` (0700, git-ignored), mounted into
the containers.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aftersales.messaging.identity import BrokerCredentials, authorization_block
from aftersales.registry import SERVICE_NAMES

COMPOSE_FILE = "docker-compose.yml"
ENV_FILE = ".env"
STATE_DIR = ".compose"
NATS_NODES = ("nats-1", "nats-2", "nats-3")
ROUTE_PORT = 6222
ROUTE_USER = "route"
ROUTE_PEERS = tuple(f"{node}:{ROUTE_PORT}" for node in NATS_NODES)
# What compose says when the .env (or one of its values) is missing.
MISSING = "run aftersales compose-env first (deploy/README.md)"

# Settings an operator may change in .env; kept when the secrets are made again.
PUBLISH_DEFAULTS = {"AFTERSALES_PUBLISH_ADDR": "127.0.0.1", "AFTERSALES_PUBLISH_PORT": "8080"}


def db_password_var(service: str) -> str:
    return f"{service.upper()}_DB_PASSWORD"


def secret_names() -> list[str]:
    """Every secret the compose file reads from .env."""
    return [
        "AFTERSALES_JWT_SECRET",
        "POSTGRES_PASSWORD",
        *(db_password_var(s) for s in SERVICE_NAMES),
        "CONSOLE_DB_PASSWORD",
        "CONSOLE_SESSION_KEY",
        "INTAKE_SECRET_KEYS",
    ]


class EnvExists(FileExistsError):
    """The .env is there already; making new secrets needs ``--force``."""


@dataclass(frozen=True)
class ComposeFiles:
    env_file: Path
    nats_config: Path
    credentials: BrokerCredentials

    @property
    def state_dir(self) -> Path:
        return self.nats_config.parent


def read_env(path: Path) -> dict[str, str]:
    """``KEY=value`` lines of a compose .env (comments and blanks skipped, one level of
    quotes removed)."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def new_secrets(previous: Mapping[str, str]) -> dict[str, str]:
    """Fresh random values. The webhook sealing keys of a previous .env stay behind the new
    one, so what intake sealed with them still opens (intake reseals at start)."""
    from aftersales.sealed import SecretBox

    try:
        old_keys = [k for k in json.loads(previous.get("INTAKE_SECRET_KEYS") or "[]") if k]
    except ValueError:
        old_keys = []
    return {
        "AFTERSALES_JWT_SECRET": secrets.token_urlsafe(48),
        "POSTGRES_PASSWORD": secrets.token_urlsafe(32),
        **{db_password_var(s): secrets.token_urlsafe(32) for s in SERVICE_NAMES},
        "CONSOLE_DB_PASSWORD": secrets.token_urlsafe(32),
        "CONSOLE_SESSION_KEY": SecretBox.new_key(),
        "INTAKE_SECRET_KEYS": json.dumps([SecretBox.new_key(), *old_keys]),
    }


def render_env(values: Mapping[str, str], publish: Mapping[str, str]) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# Made by `aftersales compose-env` ({stamp}): the secrets of deploy/docker-compose.yml.",
        "# Private (0600) and git-ignored. Rotating them: deploy/README.md, section Compose.",
        "#",
        "# Where nginx publishes the suite: loopback only. 0.0.0.0 (or one interface's address)",
        "# serves other machines; put TLS in front first.",
        *(f"{k}={v}" for k, v in publish.items()),
        "#",
        "# HS256 signing secret of the bearer tokens (`aftersales token` signs with it when it is",
        "# in AFTERSALES_JWT_SECRET).",
        f"AFTERSALES_JWT_SECRET={values['AFTERSALES_JWT_SECRET']}",
        "# The PostgreSQL superuser (the migrations), and each service's own role.",
        f"POSTGRES_PASSWORD={values['POSTGRES_PASSWORD']}",
        *(f"{db_password_var(s)}={values[db_password_var(s)]}" for s in SERVICE_NAMES),
        "# The console's role (its sessions), and the Fernet key sealing its sessions' tokens.",
        f"CONSOLE_DB_PASSWORD={values['CONSOLE_DB_PASSWORD']}",
        f"CONSOLE_SESSION_KEY={values['CONSOLE_SESSION_KEY']}",
        "# Fernet keys sealing webhook secrets at rest, newest first (a JSON list).",
        f"INTAKE_SECRET_KEYS='{values['INTAKE_SECRET_KEYS']}'",
        "",
    ]
    return "\n".join(lines)


def nats_config(
    credentials: BrokerCredentials,
    route_password: str,
    *,
    listen: str = f"0.0.0.0:{ROUTE_PORT}",
    peers: tuple[str, ...] = ROUTE_PEERS,
) -> str:
    """One configuration for every node (each is told its name on the command line): the
    fsync settings (``sync.conf``, mounted beside it), the users, and the cluster, whose
    routes need a password too. ``peers`` are the nodes' route addresses (``host:port``); a
    node ignores its route to itself."""
    from aftersales.operations.consumes import service_consumes

    routes = ", ".join(f'"nats-route://{ROUTE_USER}:{route_password}@{peer}"' for peer in peers)
    return "\n".join(
        [
            "# Made by `aftersales compose-env`: who may connect to the compose NATS cluster.",
            "# Regenerate it (`aftersales compose-env --nats-only`) when a release adds a",
            "# subscription, then restart the NATS nodes one at a time.",
            "include ./sync.conf",
            *authorization_block(credentials, service_consumes()),
            "cluster {",
            "  name: aftersales",
            f"  listen: {json.dumps(listen)}",
            "  authorization {",
            f"    user: {ROUTE_USER}",
            f"    password: {json.dumps(route_password)}",
            "  }",
            f"  routes: [{routes}]",
            "}",
            "",
        ]
    )


def _write_private(path: Path, text: str, *, exclusive: bool) -> None:
    """0600, written whole; with ``exclusive``, never over an existing file."""
    if exclusive:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(text)
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    os.replace(tmp, path)
    path.chmod(0o600)


def _write_in_place(path: Path, text: str, mode: int) -> None:
    """Same inode: a container that bind-mounts the single file sees the new content."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    path.chmod(mode)


def write_nats_files(directory: Path) -> tuple[Path, BrokerCredentials]:
    """The NKey seeds (made once, then kept: they are the services' identities), the route
    password and the nodes' configuration, under ``directory/.compose``.

    The folder is 0700: nobody else on the host reads inside. The files the containers read
    (each service's seed, the nodes' configuration) are 0644 within it, because the services
    run as uid 10001 and a bind mount keeps the host's owner; the operator's password and the
    JetStream key stay 0600."""
    state = directory / STATE_DIR
    state.mkdir(mode=0o700, exist_ok=True)
    state.chmod(0o700)
    creds = BrokerCredentials.ensure(state / "nats-credentials", SERVICE_NAMES)
    for name in SERVICE_NAMES:
        creds.seed_file(name).chmod(0o644)
    route_file = creds.directory / f"{ROUTE_USER}.password"
    if not route_file.exists():
        _write_private(route_file, secrets.token_urlsafe(32) + "\n", exclusive=True)
    config = state / "nats.conf"
    _write_in_place(config, nats_config(creds, route_file.read_text().strip()), 0o644)
    return config, creds


def write_compose_env(directory: Path, *, force: bool = False) -> ComposeFiles:
    """``directory/.env`` with new random secrets (refused if it exists, unless ``force``),
    and the NATS identities beside it."""
    if not (directory / COMPOSE_FILE).exists():
        raise FileNotFoundError(f"no {COMPOSE_FILE} in {directory}")
    env_file = directory / ENV_FILE
    exists = os.path.lexists(env_file)
    if exists and not force:
        raise EnvExists(f"{env_file} exists; --force makes new secrets (deploy/README.md)")
    previous = read_env(env_file) if exists else {}
    publish = {k: previous.get(k) or v for k, v in PUBLISH_DEFAULTS.items()}
    _write_private(env_file, render_env(new_secrets(previous), publish), exclusive=not exists)
    config, creds = write_nats_files(directory)
    return ComposeFiles(env_file, config, creds)


__all__ = [
    "MISSING",
    "ComposeFiles",
    "EnvExists",
    "nats_config",
    "read_env",
    "secret_names",
    "write_compose_env",
    "write_nats_files",
]
