"""The `aftersales` command line against the test stack."""

import asyncio
import json
import shutil
import stat
import subprocess
import uuid
from pathlib import Path

import asyncpg
import jwt
import nats
import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from aftersales.bootstrap import service_url
from aftersales.cli import app
from aftersales.database import libpq_dsn
from aftersales.events import encode
from aftersales.messaging.identity import BrokerCredentials, authorization_block
from aftersales.sealed import SecretBox
from aftersales.settings import weak_jwt_secret
from aftersales_dev.devstack.compose import nats_config, read_env, secret_names
from aftersales_dev.devstack.nats import nats_server_binary, service_consumes
from aftersales_dev.devstack.ports import free_port, wait_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres, _bin_dir, trusts_anyone
from aftersales_dev.devstack.stack import DATABASE, read_stack_file, write_stack_file
from aftersales_testing.factories import ticket_created

SERVICES = ("intake", "dispatch", "billing", "feedback")

runner = CliRunner()


def test_token_needs_the_scope_its_role_requires(tmp_path):
    env = {"AFTERSALES_JWT_SECRET": "cli-secret-" + "c" * 32, "COLUMNS": "200"}
    missing = runner.invoke(app, ["token", "--role", "point"], env=env)
    assert missing.exit_code != 0 and "--point" in missing.output
    point_id = str(uuid.uuid4())
    ok = runner.invoke(app, ["token", "--role", "point", "--point", point_id], env=env)
    assert ok.exit_code == 0, ok.output
    claims = jwt.decode(
        ok.output.strip(), env["AFTERSALES_JWT_SECRET"], algorithms=["HS256"], audience="aftersales"
    )
    assert claims["role"] == "point" and claims["point_id"] == point_id
    bad = runner.invoke(app, ["token", "--role", "root"], env=env)
    assert bad.exit_code != 0


def test_dlq_list_and_replay(clean_state, admin_dsn, infrastructure):
    event = ticket_created()

    async def bury() -> None:
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "INSERT INTO dispatch.dead_letters (id, consumer, event_id, subject, payload,"
                " error, deliveries) VALUES ($1, 'dispatch:INTAKE', $2, $3, $4, 'boom', 5)",
                uuid.uuid4(),
                event.id,
                event.type,
                encode(event),
            )
        finally:
            await conn.close()

    async def jobs() -> int:
        conn = await asyncpg.connect(admin_dsn)
        try:
            return await conn.fetchval(
                "SELECT count(*) FROM dispatch.jobs WHERE ticket_id = $1", event.data.ticket_id
            )
        finally:
            await conn.close()

    asyncio.run(bury())
    env = {"DATABASE_URL": infrastructure.admin_url, "COLUMNS": "250"}
    listed = runner.invoke(app, ["dlq", "list", "--service", "dispatch"], env=env)
    assert listed.exit_code == 0, listed.output
    assert "intake.ticket.created.v2" in listed.output and "boom" in listed.output

    replayed = runner.invoke(app, ["dlq", "replay", "--service", "dispatch"], env=env)
    assert replayed.exit_code == 0, replayed.output
    assert "dispatch: replayed 1, failed 0" in replayed.output
    assert asyncio.run(jobs()) == 1

    again = runner.invoke(app, ["dlq", "replay"], env=env)
    assert again.exit_code == 0 and "dispatch: replayed 0" in again.output
    assert asyncio.run(jobs()) == 1
    after = runner.invoke(app, ["dlq", "list", "--service", "dispatch"], env=env)
    assert "intake.ticket.created.v2" not in after.output


def test_backfill_products_tells_billing_of_products_registered_before_the_events(
    clean_state, admin_dsn, infrastructure
):
    customer, product = uuid.uuid4(), uuid.uuid4()

    async def register_the_old_way() -> None:  # rows, and no event (as before the events)
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "INSERT INTO intake.customers (id, name, phone, phone_normalized, region, city,"
                " line, version) VALUES ($1, 'Li', '13900000000', '+8613900000000', '310115',"
                " 'Shanghai', '1 Road', 1)",
                customer,
            )
            await conn.execute(
                "INSERT INTO intake.products (id, customer_id, category, model, serial_no,"
                " purchased_on, warranty_months, warranty_until, version) VALUES"
                " ($1, $2, 'fridge', 'BCD-1', 'OLD-1', '2025-01-01', 12, '2025-12-31', 1)",
                product,
                customer,
            )
        finally:
            await conn.close()

    async def outbox() -> list[str]:
        conn = await asyncpg.connect(admin_dsn)
        try:
            rows = await conn.fetch("SELECT subject FROM intake.outbox ORDER BY seq")
            return [r["subject"] for r in rows]
        finally:
            await conn.close()

    asyncio.run(register_the_old_way())
    env = {"DATABASE_URL": infrastructure.admin_url, "COLUMNS": "200"}
    unknown = runner.invoke(app, ["backfill", "gremlins"], env=env)
    assert unknown.exit_code != 0 and "products" in unknown.output
    done = runner.invoke(app, ["backfill", "products"], env=env)
    assert done.exit_code == 0, done.output
    assert "intake: 1 published" in done.output
    assert asyncio.run(outbox()) == ["intake.product.registered.v1"]


# --- deploy/docker-compose.yml's secrets: `aftersales compose-env` ---------------------------

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def _compose_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "deploy"
    folder.mkdir()
    shutil.copy(DEPLOY / "docker-compose.yml", folder)
    (folder / "nats").mkdir()
    shutil.copy(DEPLOY / "nats" / "sync.conf", folder / "nats")
    return folder


def test_compose_env_writes_random_private_secrets_and_keeps_them(tmp_path):
    folder = _compose_dir(tmp_path)
    made = runner.invoke(app, ["compose-env", "--dir", str(folder)], env={"COLUMNS": "200"})
    assert made.exit_code == 0, made.output
    env_file = folder / ".env"
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    first = read_env(env_file)
    assert set(secret_names()) <= set(first)
    values = [first[name] for name in secret_names()]
    assert len(set(values)) == len(values)  # no value twice
    assert all(len(v) >= 32 for v in values)
    assert weak_jwt_secret(first["AFTERSALES_JWT_SECRET"]) is None  # production would take it
    [key] = json.loads(first["INTAKE_SECRET_KEYS"])
    SecretBox([key])  # a valid Fernet key
    assert first["AFTERSALES_PUBLISH_ADDR"] == "127.0.0.1"
    state = folder / ".compose"
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    seeds = {name: (state / "nats-credentials" / f"{name}.nk").read_bytes() for name in SERVICES}
    for private in ("operator.password", "route.password", "jetstream.key"):
        assert stat.S_IMODE((state / "nats-credentials" / private).stat().st_mode) == 0o600

    # Once made, the secrets are not replaced by accident.
    before = env_file.read_bytes()
    again = runner.invoke(app, ["compose-env", "--dir", str(folder)], env={"COLUMNS": "200"})
    assert again.exit_code == 1 and "--force" in again.output
    assert env_file.read_bytes() == before

    # --force: new secrets; where to publish and the old sealing key are kept, and so are the
    # services' NATS identities.
    env_file.write_text(before.decode().replace("PUBLISH_ADDR=127.0.0.1", "PUBLISH_ADDR=0.0.0.0"))
    forced = runner.invoke(
        app, ["compose-env", "--dir", str(folder), "--force"], env={"COLUMNS": "200"}
    )
    assert forced.exit_code == 0, forced.output
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    second = read_env(env_file)
    assert all(second[name] != first[name] for name in secret_names())
    assert json.loads(second["INTAKE_SECRET_KEYS"])[1:] == [key]
    assert second["AFTERSALES_PUBLISH_ADDR"] == "0.0.0.0"
    assert {
        name: (state / "nats-credentials" / f"{name}.nk").read_bytes() for name in SERVICES
    } == seeds


def test_compose_env_needs_the_compose_file(tmp_path):
    out = runner.invoke(app, ["compose-env", "--dir", str(tmp_path)], env={"COLUMNS": "200"})
    assert out.exit_code != 0 and not (tmp_path / ".env").exists()


def test_compose_nats_admits_the_services_identities_and_no_anonymous_client(tmp_path):
    """The configuration compose's nodes read, run by a real nats-server: the same users and
    permissions as `make run`'s broker; a client without an identity is refused."""
    folder = _compose_dir(tmp_path)
    assert runner.invoke(app, ["compose-env", "--dir", str(folder)]).exit_code == 0
    written = (folder / ".compose" / "nats.conf").read_text()
    creds = BrokerCredentials(folder / ".compose" / "nats-credentials")
    assert "\n".join(authorization_block(creds, service_consumes())) in written
    route_password = (creds.directory / "route.password").read_text().strip()
    assert written == nats_config(creds, route_password)

    # one node on loopback (compose's listens on 0.0.0.0:6222 and routes to nats-1..3)
    node = tmp_path / "node"
    node.mkdir()
    shutil.copy(DEPLOY / "nats" / "sync.conf", node)
    cluster_port, port = free_port(), free_port()
    route = f"127.0.0.1:{cluster_port}"  # to itself: a cluster node needs a route
    conf = nats_config(creds, route_password, listen=route, peers=(route,))
    (node / "nats.conf").write_text(conf)
    command = [nats_server_binary(), "-js", "-sd", str(node / "data"), "-p", str(port)]
    server = subprocess.Popen(
        [*command, "--server_name", "nats-1", "-c", str(node / "nats.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_port(port, 20)
        url = f"nats://127.0.0.1:{port}"

        async def connect(**kwargs) -> str:
            try:
                nc = await nats.connect(
                    kwargs.pop("url", url), allow_reconnect=False, connect_timeout=3, **kwargs
                )
            except Exception as exc:  # what the client says is the answer
                return f"refused: {exc}"
            await nc.close()
            return "connected"

        assert "Authorization Violation" in asyncio.run(connect())
        assert asyncio.run(connect(url=creds.operator_url(url))) == "connected"
        wrong = url.replace("nats://", "nats://operator:not-the-password@")
        assert "Authorization Violation" in asyncio.run(connect(url=wrong))
        intake = asyncio.run(
            connect(nkeys_seed=str(creds.seed_file("intake")), inbox_prefix=b"_INBOX_intake")
        )
        assert intake == "connected"
    finally:
        server.terminate()
        server.wait(10)


# --- make run's PostgreSQL: a password, never trust ---------------------------------------


async def _login(url: str) -> str:
    try:
        conn = await asyncpg.connect(libpq_dsn(url), timeout=10)
    except (asyncpg.InvalidPasswordError, asyncpg.InvalidAuthorizationSpecificationError) as e:
        return f"refused: {e}"
    try:
        return str(await conn.fetchval("SELECT current_user"))
    finally:
        await conn.close()


def _without_password(url: str) -> str:
    u = make_url(url)
    return f"postgresql://{u.username}@{u.host}:{u.port}/{u.database}"


def test_the_embedded_postgres_refuses_a_connection_without_the_password(infrastructure):
    if infrastructure.postgres is None:
        pytest.skip("DATABASE_URL names another server")
    admin = infrastructure.admin_url
    password_file = infrastructure.postgres.password_file
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert make_url(admin).password == password_file.read_text().strip()
    assert asyncio.run(_login(admin)) == "postgres"
    assert asyncio.run(_login(_without_password(admin))).startswith("refused")
    wrong = make_url(admin).set(password="postgres").render_as_string(hide_password=False)
    assert asyncio.run(_login(wrong)).startswith("refused")
    # the services' roles: the password derived from the superuser's, not the old literal one
    assert asyncio.run(_login(service_url(admin, "intake", DATABASE))) == "intake"
    old = service_url(admin, "intake", DATABASE, password="intake-dev-password")
    assert asyncio.run(_login(old)).startswith("refused")
    hba = (infrastructure.postgres.data_dir / "pg_hba.conf").read_text()
    assert not trusts_anyone(hba)


def test_a_data_dir_that_trusted_everyone_is_upgraded_on_its_next_start(tmp_path):
    """A `.data/pg` made before passwords (initdb --auth=trust): the next start sets the
    password it makes under .data/, demands it from then on, and the tools find it."""
    data_dir = tmp_path / "data"
    port = free_port()
    old = EmbeddedPostgres(data_dir / "pg", port)
    old.data_dir.mkdir(parents=True)
    old.data_dir.chmod(0o700)
    old._prepare_permissions()
    subprocess.run(
        [str(_bin_dir() / "initdb"), "-D", str(old.data_dir), "-U", "postgres", "--auth=trust"],
        check=True,
        capture_output=True,
        user=old.user,
    )
    assert trusts_anyone((old.data_dir / "pg_hba.conf").read_text())
    assert not (data_dir / "pg-password").exists()

    env = {"AFTERSALES_PG_PORT": str(port), "DATABASE_URL": None, "COLUMNS": "200"}
    migrated = runner.invoke(app, ["migrate", "--data-dir", str(data_dir)], env=env)
    assert migrated.exit_code == 0, migrated.output

    password_file = data_dir / "pg-password"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert not trusts_anyone((old.data_dir / "pg_hba.conf").read_text())
    again = EmbeddedPostgres(data_dir / "pg", port)
    again.start()
    try:
        assert asyncio.run(_login(again.admin_url)) == "postgres"
        assert asyncio.run(_login(_without_password(again.admin_url))).startswith("refused")
        assert asyncio.run(_login(service_url(again.admin_url, "billing", DATABASE))) == "billing"
    finally:
        again.stop()
    # the next start changes nothing
    assert password_file.read_text().strip() == make_url(again.admin_url).password


def test_the_stack_file_holding_the_passwords_is_private(tmp_path):
    (tmp_path / "stack.json").write_text("{}")
    (tmp_path / "stack.json").chmod(0o644)
    write_stack_file(tmp_path, "postgresql://postgres:pw@127.0.0.1:1/postgres", "nats://x")
    assert stat.S_IMODE((tmp_path / "stack.json").stat().st_mode) == 0o600
    assert read_stack_file(tmp_path)["admin_url"].endswith("@127.0.0.1:1/postgres")
