"""The developers' commands, against the local stack (``make run``): ``up``, ``token``, ``demo``,
``origin`` and ``compose-env``. Nothing here runs in a service's image; this module is the one
that moves with the developers' kit (see ``aftersales.cli.DEVELOPER_COMMANDS``)."""

from __future__ import annotations

import asyncio
import signal
import time
import uuid
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from aftersales.auth import ROLES
from aftersales.cli.common import (
    DEVELOPMENT,
    DataDir,
    authenticator,
    console,
    local_urls,
    stack_secret,
)
from aftersales.messaging.identity import OPERATOR_USER, without_userinfo
from aftersales.registry import CONSOLE, SERVICES
from aftersales_dev.devstack.stack import (
    DATABASE,
    Infrastructure,
    ServiceProcess,
    ServiceSupervisor,
    console_env,
    prepare_database,
    read_stack_file,
    service_env,
    write_stack_file,
)


def register(app: typer.Typer) -> None:
    """Add the developers' commands to ``app``."""
    for name, command in (
        ("up", up),
        ("token", token),
        ("console-link", console_link),
        ("compose-env", compose_env),
        ("demo", demo),
        ("origin", origin),
    ):
        app.command(name, rich_help_panel=DEVELOPMENT)(command)


class _Stop(Exception):
    pass


def _raise_stop(signum: int, frame: object) -> None:
    raise _Stop


def up(data_dir: DataDir = Path(".data")) -> None:
    """Start PostgreSQL, NATS and the four services; Ctrl-C stops everything."""
    data_dir = data_dir.resolve()
    infra = Infrastructure.from_env(data_dir)
    supervisor = ServiceSupervisor()
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    try:
        with console.status("starting PostgreSQL and NATS"):
            infra.start()
        with console.status("creating roles and schemas, applying migrations"):
            urls = asyncio.run(prepare_database(infra.admin_url, DATABASE))
        secret = stack_secret(data_dir)
        write_stack_file(data_dir, infra.admin_url, infra.broker_url)
        supervisor.processes = [
            ServiceProcess(
                ref,
                service_env(
                    ref,
                    db_url=urls[ref.name],
                    nats_url=infra.broker_url,
                    jwt_secret=secret,
                    credentials=infra.credentials,
                ),
                data_dir / "logs" / f"{ref.name}.log",
            )
            for ref in SERVICES
        ]
        supervisor.processes.append(
            ServiceProcess(
                CONSOLE,
                console_env(
                    urls["console"],
                    {ref.name: f"http://127.0.0.1:{ref.port}" for ref in SERVICES},
                    secret=secret,
                    port=CONSOLE.port,
                ),
                data_dir / "logs" / "console.log",
            )
        )
        supervisor.start_all()
        with console.status("waiting for the services to be ready"):
            ready = supervisor.wait_ready(90)
        _print_banner(infra, supervisor, ready, secret, data_dir)
        while True:
            time.sleep(1)
            for name in supervisor.check():
                console.print(f"[yellow]{name} stopped unexpectedly; restarted[/yellow]")
    except (_Stop, KeyboardInterrupt):
        console.print("stopping…")
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        supervisor.stop_all()
        infra.stop()
        console.print("stopped.")


def _print_banner(
    infra: Infrastructure,
    supervisor: ServiceSupervisor,
    ready: dict[str, bool],
    secret: str,
    data_dir: Path,
) -> None:
    table = Table(title="aftersales is running", show_lines=False)
    table.add_column("service")
    table.add_column("URL")
    table.add_column("docs")
    table.add_column("ready")
    for p in supervisor.processes:
        base = f"http://127.0.0.1:{p.port}"
        docs = f"{base}/docs" if p.ref is not CONSOLE else "aftersales console-link --help"
        url = base if p.ref is not CONSOLE else f"{base}/console/"
        table.add_row(p.ref.name, url, docs, "yes" if ready[p.ref.name] else "NO")
    console.print(table)
    nats_url = without_userinfo(infra.broker_url)
    console.print(f"PostgreSQL: {infra.admin_url_shown}   NATS: {nats_url}")
    if infra.credentials is not None:
        console.print(
            f"NATS identities: {infra.credentials.directory} (the operator's password is in"
            f" {OPERATOR_USER}.password; anonymous connections are refused)"
        )
    console.print(f"logs: {data_dir / 'logs'}")
    token = authenticator(secret).issue(role="admin", subject="admin")
    console.print("admin token (12 h):")
    print(token, flush=True)
    console.print("Ctrl-C stops everything.")


def token(
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}")] = "admin",
    point: Annotated[str | None, typer.Option(help="point_id scope (role point)")] = None,
    technician: Annotated[str | None, typer.Option(help="technician_id scope")] = None,
    tenant: Annotated[str | None, typer.Option(help="tenant scope (role crm)")] = None,
    subject: Annotated[str | None, typer.Option(help="the token's sub")] = None,
    hours: Annotated[float, typer.Option(help="lifetime")] = 12,
    data_dir: DataDir = Path(".data"),
) -> None:
    """Print a development bearer token signed with the stack's secret."""
    from datetime import timedelta

    if role not in ROLES:
        raise typer.BadParameter(f"role must be one of {', '.join(ROLES)}")
    if role == "point" and point is None:
        raise typer.BadParameter("a point token needs --point")
    if role == "technician" and technician is None:
        raise typer.BadParameter("a technician token needs --technician")
    for value in (point, technician):
        if value is not None:
            uuid.UUID(value)
    print(
        authenticator(stack_secret(data_dir)).issue(
            role=role,
            subject=subject,
            point_id=point,
            technician_id=technician,
            tenant_id=tenant,
            ttl=timedelta(hours=hours),
        )
    )


def console_link(
    role: Annotated[str, typer.Option(help="point, agent, finance or admin")] = "agent",
    point: Annotated[str | None, typer.Option(help="point_id (role point)")] = None,
    subject: Annotated[str | None, typer.Option(help="who signs in (the token's sub)")] = None,
    next_page: Annotated[
        str | None,
        typer.Option("--next", help="the console page to open, e.g. /console/point/jobs"),
    ] = None,
    hours: Annotated[float, typer.Option(help="the session's token lifetime")] = 8,
    data_dir: DataDir = Path(".data"),
) -> None:
    """Print a one-time link that signs in to the console (make run) as this identity."""
    from datetime import UTC, datetime, timedelta

    from aftersales.bootstrap import service_url
    from console.adapters.links import issue_link
    from console.domain.sessions import PERSONS, session_key_from

    if role not in PERSONS:
        raise typer.BadParameter(f"role must be one of {', '.join(sorted(PERSONS))}")
    if role == "point" and point is None:
        raise typer.BadParameter("a point's link needs --point")
    if point is not None:
        uuid.UUID(point)
    stack = read_stack_file(data_dir.resolve())
    if stack is None:
        raise typer.BadParameter("no local stack here: start it with make run")
    secret = stack_secret(data_dir)
    token_ = authenticator(secret).issue(
        role=role, subject=subject, point_id=point, ttl=timedelta(hours=hours)
    )
    link = asyncio.run(
        issue_link(
            service_url(stack["admin_url"], "console", DATABASE),
            session_key_from(secret),
            token_,
            base_url=f"http://127.0.0.1:{CONSOLE.port}",
            now=datetime.now(UTC),
            next_page=next_page,
        )
    )
    print(link, flush=True)


def compose_env(
    directory: Annotated[
        Path, typer.Option("--dir", help="the folder of docker-compose.yml")
    ] = Path("deploy"),
    force: Annotated[
        bool, typer.Option(help="replace an existing .env with new secrets (see deploy/README.md)")
    ] = False,
    nats_only: Annotated[
        bool,
        typer.Option(
            help="keep .env; only rewrite the NATS users and permissions (after an upgrade)"
        ),
    ] = False,
) -> None:
    """Write deploy/.env (0600) with random values for every secret the compose file reads,
    and the NATS identities (each service's NKey, the operator) under deploy/.compose/."""
    from aftersales_dev.devstack.compose import EnvExists, write_compose_env, write_nats_files

    if nats_only:
        config, creds = write_nats_files(directory)
        console.print(f"NATS users and permissions: {config} (identities in {creds.directory})")
        console.print(
            "Restart the NATS nodes one at a time (docker compose restart nats-1, …) to apply."
        )
        return
    try:
        files = write_compose_env(directory, force=force)
    except EnvExists as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc)) from exc
    console.print(f"secrets: {files.env_file} (0600; keep it out of git and backups you share)")
    console.print(
        f"NATS identities: {files.credentials.directory}; configuration {files.nats_config}"
    )
    console.print(
        "Published on 127.0.0.1 only (AFTERSALES_PUBLISH_ADDR in the .env)."
        f" Start: docker compose -f {directory / 'docker-compose.yml'} up --build -d"
    )
    if force:
        console.print(
            "New secrets: `docker compose up -d` applies them (the superuser's and the roles'"
            " passwords are set again before the services start); tokens signed with the old"
            " JWT secret stop working."
        )


def demo(
    tickets: Annotated[int, typer.Option(help="how many tickets to drive")] = 60,
    concurrency: Annotated[int, typer.Option(help="tickets in flight at once")] = 8,
    seed: Annotated[int, typer.Option(help="for a repeatable run")] = 7,
    data_dir: DataDir = Path(".data"),
) -> None:
    """Load a realistic network into the running stack (`make run`) and drive tickets through
    their whole lifecycle, then print a summary."""
    from rich.console import Console

    from aftersales_dev.devstack.demo import run_demo

    urls = local_urls()
    down = [name for name, url in urls.items() if not _service_ready(url)]
    if down:
        raise typer.BadParameter(f"start the stack first (make run); not ready: {', '.join(down)}")
    asyncio.run(run_demo(urls, stack_secret(data_dir), tickets, concurrency, seed, Console()))


def origin(
    write: Annotated[bool, typer.Option(help="write the files instead of checking them")] = False,
    root: Annotated[Path, typer.Option(help="the project's root")] = Path("."),
) -> None:
    """The four services under one origin: regenerate (--write) or check deploy/'s routing
    (nginx, Ingress) and clients/openapi.json from the services' routes."""
    import json

    from aftersales_dev.origin import generated_files, merged_openapi

    files = generated_files(root)
    files[root / "clients" / "openapi.json"] = (
        json.dumps(merged_openapi(), indent=2, ensure_ascii=False) + "\n"
    )
    stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
    if write:
        for p in stale:
            p.write_text(files[p])
            console.print(f"wrote {p}")
        return
    if stale:
        console.print(f"out of date (run `make client`): {', '.join(map(str, stale))}")
        raise typer.Exit(1)
    console.print("deploy/ routing and clients/openapi.json match the services")


def _service_ready(base_url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{base_url}/readyz", timeout=3).status_code == 200
    except httpx.HTTPError:
        return False
