"""`aftersales`: the developer's command line.

Start the stack, mint tokens, apply migrations, list and replay dead letters.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from aftersales.auth import ROLES, JWTAuthenticator
from aftersales.devstack.stack import (
    DATABASE,
    Infrastructure,
    ServiceProcess,
    ServiceSupervisor,
    application_dsn,
    dev_secret,
    prepare_database,
    read_stack_file,
    service_env,
    service_port,
    write_stack_file,
)
from aftersales.messaging.identity import OPERATOR_USER, without_userinfo
from aftersales.registry import SERVICE_NAMES, SERVICES, service
from aftersales.settings import ServiceSettings

app = typer.Typer(help="aftersales developer tools.", no_args_is_help=True)
dlq_app = typer.Typer(help="List and replay dead-lettered events.", no_args_is_help=True)
app.add_typer(dlq_app, name="dlq")
console = Console()

DataDir = Annotated[
    Path,
    typer.Option(envvar="AFTERSALES_DATA_DIR", help="Where PostgreSQL and NATS keep their data."),
]


class _Stop(Exception):
    pass


def _raise_stop(signum: int, frame: object) -> None:
    raise _Stop


@app.command()
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
        secret = _stack_secret(data_dir)
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
        table.add_row(p.ref.name, base, f"{base}/docs", "yes" if ready[p.ref.name] else "NO")
    console.print(table)
    nats_url = without_userinfo(infra.broker_url)
    console.print(f"PostgreSQL: {infra.admin_url_shown}   NATS: {nats_url}")
    if infra.credentials is not None:
        console.print(
            f"NATS identities: {infra.credentials.directory} (the operator's password is in"
            f" {OPERATOR_USER}.password; anonymous connections are refused)"
        )
    console.print(f"logs: {data_dir / 'logs'}")
    token = _authenticator(secret).issue(role="admin", subject="admin")
    console.print("admin token (12 h):")
    print(token, flush=True)
    console.print("Ctrl-C stops everything.")


def _stack_secret(data_dir: Path) -> str:
    """The JWT secret the running stack signs with."""
    return os.environ.get("AFTERSALES_JWT_SECRET") or dev_secret(data_dir.resolve())


def _local_urls() -> dict[str, str]:
    """Each service of the local stack (``make run``), by name."""
    return {ref.name: f"http://127.0.0.1:{service_port(ref)}" for ref in SERVICES}


def _authenticator(secret: str) -> JWTAuthenticator:
    return JWTAuthenticator(ServiceSettings(jwt_secret=secret, jwt_algorithms=["HS256"]))


@app.command()
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
        _authenticator(_stack_secret(data_dir)).issue(
            role=role,
            subject=subject,
            point_id=point,
            technician_id=technician,
            tenant_id=tenant,
            ttl=timedelta(hours=hours),
        )
    )


@app.command("nats-credentials")
def nats_credentials(
    directory: Annotated[
        Path, typer.Option("--dir", help="where the seeds are kept (made once, then reused)")
    ] = Path(".data/nats-credentials"),
) -> None:
    """Make (once) each service's NKey seed, the operator's password and the JetStream key,
    and write the NATS Helm values that admit exactly those identities (see deploy/README.md)."""
    import yaml

    from aftersales.devstack.nats import service_consumes
    from aftersales.messaging.identity import BrokerCredentials, authorization_users

    creds = BrokerCredentials.ensure(directory, SERVICE_NAMES)
    # The chart puts the password in from the nats-operator Secret at start.
    users = authorization_users(
        creds, service_consumes(), operator_password="<< $OPERATOR_PASSWORD >>"
    )
    values = {"config": {"merge": {"authorization": {"users": users}}}}
    out = directory / "nats-auth-values.yaml"
    out.write_text(
        "# Generated by `aftersales nats-credentials`: public keys only, safe to commit.\n"
        + yaml.safe_dump(values, sort_keys=False)
    )
    console.print(f"Helm values: {out}")
    console.print("Secrets for the cluster (run once, then keep the folder in your vault):")
    for name in SERVICE_NAMES:
        print(
            f"kubectl -n aftersales create secret generic aftersales-nats-{name}"
            f" --from-file=seed={creds.seed_file(name)}"
        )
    print(
        "kubectl -n nats create secret generic nats-operator"
        f" --from-file=password={directory / (OPERATOR_USER + '.password')}"
    )
    print(
        "kubectl -n nats create secret generic nats-jetstream-key"
        f" --from-file=key={directory / 'jetstream.key'}"
    )


@app.command("compose-env")
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
    from aftersales.devstack.compose import EnvExists, write_compose_env, write_nats_files

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


@app.command()
def retenant(
    old: Annotated[str, typer.Option("--from", help="the crm token's old sub")],
    new: Annotated[str, typer.Option("--to", help="the tenant_id its new tokens carry")],
    data_dir: DataDir = Path(".data"),
) -> None:
    """Move a CRM's data stored under its token's sub to its tenant id (every service)."""
    from aftersales.devstack.tenants import retenant as move

    moved = asyncio.run(move(application_dsn(_admin_url(data_dir)), old, new))
    for table, count in moved.items():
        console.print(f"{table}: {count}")


@app.command("new-secret-key")
def new_secret_key() -> None:
    """Print a new key for sealing secrets at rest (INTAKE_SECRET_KEYS, newest first)."""
    from aftersales.sealed import SecretBox

    print(SecretBox.new_key())


@app.command("export-customer")
def export_customer(
    customer_id: Annotated[str, typer.Argument(help="the customer's id")],
    out: Annotated[Path | None, typer.Option(help="where to write (customer-<id>.json)")] = None,
    data_dir: DataDir = Path(".data"),
) -> None:
    """Gather what all four services hold about a customer into one JSON file (a data
    subject's access request), from the running stack."""
    import json

    import httpx

    uuid.UUID(customer_id)
    token = _authenticator(_stack_secret(data_dir)).issue(role="admin", subject="export-customer")
    parts: dict[str, object] = {}
    for name, base in _local_urls().items():
        url = f"{base}/v1/customers/{customer_id}/export"
        r = httpx.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=30)
        if r.status_code != 200:
            raise typer.BadParameter(f"{name} answered {r.status_code}: {r.text[:300]}")
        parts[name] = r.json()
    path = out or Path(f"customer-{customer_id}.json")
    path.write_text(json.dumps({"customer_id": customer_id, "services": parts}, indent=2))
    path.chmod(0o600)
    console.print(f"written: {path}")


@app.command()
def demo(
    tickets: Annotated[int, typer.Option(help="how many tickets to drive")] = 60,
    concurrency: Annotated[int, typer.Option(help="tickets in flight at once")] = 8,
    seed: Annotated[int, typer.Option(help="for a repeatable run")] = 7,
    data_dir: DataDir = Path(".data"),
) -> None:
    """Load a realistic network into the running stack (`make run`) and drive tickets through
    their whole lifecycle, then print a summary."""
    from rich.console import Console

    from aftersales.devstack.demo import run_demo

    urls = _local_urls()
    down = [name for name, url in urls.items() if not _service_ready(url)]
    if down:
        raise typer.BadParameter(f"start the stack first (make run); not ready: {', '.join(down)}")
    asyncio.run(run_demo(urls, _stack_secret(data_dir), tickets, concurrency, seed, Console()))


@app.command()
def origin(
    write: Annotated[bool, typer.Option(help="write the files instead of checking them")] = False,
    root: Annotated[Path, typer.Option(help="the project's root")] = Path("."),
) -> None:
    """The four services under one origin: regenerate (--write) or check deploy/'s routing
    (nginx, Ingress) and clients/openapi.json from the services' routes."""
    import json

    from aftersales.origin import generated_files, merged_openapi

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


@app.command()
def migrate(
    data_dir: DataDir = Path(".data"),
    only: Annotated[
        str | None,
        typer.Option("--service", help="one service (a Kubernetes migration Job per service)"),
    ] = None,
) -> None:
    """Create roles and schemas and apply every service's migrations.

    With ``--service`` (and ``DATABASE_URL`` for the admin connection), only that service's
    role, schema and migrations; its role's password comes from ``<SVC>_DB_PASSWORD``."""
    if only is not None:
        asyncio.run(_migrate_one(only))
        console.print(f"migrations applied for: {only}")
        return
    data_dir = data_dir.resolve()
    stack = read_stack_file(data_dir)
    if os.environ.get("DATABASE_URL"):
        asyncio.run(prepare_database(os.environ["DATABASE_URL"], DATABASE))
    elif stack is not None and _reachable(stack["admin_url"]):
        asyncio.run(prepare_database(stack["admin_url"], DATABASE))
    else:
        infra = Infrastructure.from_env(data_dir)
        infra.nats_url = "unused"
        infra.start()
        try:
            asyncio.run(prepare_database(infra.admin_url, DATABASE))
        finally:
            infra.stop()
    console.print("migrations applied for: " + ", ".join(SERVICE_NAMES))


async def _migrate_one(name: str) -> None:
    from aftersales.bootstrap import bootstrap, service_url
    from aftersales.migrations import upgrade

    ref = service(name)
    admin_url = os.environ.get("DATABASE_URL")
    if not admin_url:
        raise typer.BadParameter("--service needs DATABASE_URL (an admin connection)")
    password = os.environ.get(f"{ref.env_prefix}DB_PASSWORD")
    await bootstrap(admin_url, DATABASE, [name], {name: password} if password else None)
    await asyncio.to_thread(
        upgrade, ref.migrations_package, service_url(admin_url, name, DATABASE, password)
    )


def _service_ready(base_url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{base_url}/readyz", timeout=3).status_code == 200
    except httpx.HTTPError:
        return False


def _reachable(url: str) -> bool:
    from sqlalchemy.engine import make_url

    from aftersales.devstack.ports import port_open

    parsed = make_url(url)
    return port_open(parsed.port or 5432, parsed.host or "127.0.0.1")


def _admin_url(data_dir: Path) -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    stack = read_stack_file(data_dir.resolve())
    if stack is None or not _reachable(stack["admin_url"]):
        raise typer.BadParameter("the stack is not running: start it with `make run`")
    return stack["admin_url"]


ServiceOpt = Annotated[
    str | None, typer.Option("--service", help=f"one of {', '.join(SERVICE_NAMES)}; all by default")
]


@dlq_app.command("list")
def dlq_list(service_name: ServiceOpt = None, data_dir: DataDir = Path(".data")) -> None:
    """Show dead-lettered events that were not replayed yet."""
    from aftersales.devstack.dlq import list_all

    rows = asyncio.run(list_all(_admin_url(data_dir), DATABASE, _selected(service_name)))
    table = Table(title="dead letters")
    for col in ("service", "id", "consumer", "subject", "deliveries", "failed_at", "error"):
        table.add_column(col)
    for svc, row in rows:
        table.add_row(
            svc,
            str(row["id"]),
            row["consumer"],
            row["subject"],
            str(row["deliveries"]),
            row["failed_at"].isoformat(timespec="seconds"),
            row["error"][:120],
        )
    Console().print(table)  # sized by the terminal (COLUMNS) of this call, not of the import


@dlq_app.command("replay")
def dlq_replay(
    service_name: ServiceOpt = None,
    ids: Annotated[list[str] | None, typer.Option("--id", help="replay only these")] = None,
    data_dir: DataDir = Path(".data"),
) -> None:
    """Apply dead-lettered events again (each takes effect at most once)."""
    from aftersales.devstack.dlq import replay_all

    wanted = [uuid.UUID(i) for i in ids] if ids else None
    results = asyncio.run(
        replay_all(_admin_url(data_dir), DATABASE, _selected(service_name), wanted)
    )
    failed = 0
    for svc, result in results.items():
        console.print(f"{svc}: replayed {result.replayed}, failed {result.failed}")
        for err in result.errors:
            console.print(f"  [red]{err}[/red]")
        failed += result.failed
    raise typer.Exit(1 if failed else 0)


@app.command()
def backfill(
    name: Annotated[str, typer.Argument(help="what to backfill, e.g. products")],
    data_dir: DataDir = Path(".data"),
) -> None:
    """Publish events for what existed before they did (e.g. ``products``: every registered
    product, so billing's projection knows it). Safe to run again."""
    from aftersales.devstack.dlq import run_backfill

    try:
        done = asyncio.run(run_backfill(_admin_url(data_dir), DATABASE, name))
    except LookupError as exc:
        raise typer.BadParameter(str(exc)) from exc
    for svc, count in done.items():
        console.print(f"{svc}: {count} published")


def _selected(name: str | None) -> list[str]:
    if name is None:
        return list(SERVICE_NAMES)
    return [service(name).name]


if __name__ == "__main__":
    app()
