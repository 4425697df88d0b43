"""deploy/docker-compose.yml says what deploy/README.md promises: three NATS nodes, two replicas
of each service and of the console behind a proxy, no secret in the file (compose refuses to
start without the generated .env), published on loopback only, NATS admitting only the
services' identities, and the console with its own role and no NATS at all."""

import re

import yaml

from tests.deploy.common import CONSOLE, CONSOLE_PORT, DEPLOY, SERVICES


def test_compose_runs_three_nats_nodes_two_replicas_of_each_service_and_a_proxy():
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"nats-1", "nats-2", "nats-3", "postgres", "proxy"} <= set(services)
    for svc in SERVICES:
        assert services[svc]["deploy"]["replicas"] == 2
        assert services[f"{svc}-migrate"]["command"] == ["aftersales", "migrate", "--service", svc]
    proxy_conf = (DEPLOY / "nginx" / "aftersales.conf").read_text()
    for svc in SERVICES:
        assert f"proxy_pass ${svc}" in proxy_conf


# ${VAR:?message}: compose refuses to start while VAR is unset or empty.
REQUIRED = re.compile(r"\$\{([A-Z0-9_]+):\?[^}]*\}")
ANY_VARIABLE = re.compile(r"\$\{([A-Z0-9_]+)")


def compose_text() -> str:
    return (DEPLOY / "docker-compose.yml").read_text()


def compose_values(node: object) -> list[tuple[str, str]]:
    """Every (key, value) of every environment block, as strings."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "environment" and isinstance(value, dict):
                found += [(str(k), str(v)) for k, v in value.items()]
            else:
                found += compose_values(value)
    elif isinstance(node, list):
        for item in node:
            found += compose_values(item)
    return found


def test_compose_holds_no_secret_and_refuses_to_start_without_the_generated_env():
    from aftersales_dev.devstack.compose import PUBLISH_DEFAULTS, secret_names

    text = compose_text()
    compose = yaml.safe_load(text)
    secretish = re.compile(r"PASSWORD|SECRET|_KEYS?$|DATABASE_URL")
    values = [(k, v) for k, v in compose_values(compose) if secretish.search(k)]
    assert len(values) >= 18
    assert {"CONSOLE_DB_PASSWORD", "CONSOLE_SESSION_KEY"} <= {k for k, _ in values}
    for key, value in values:
        if "_URL" in key:  # the password inside the URL comes from .env too
            assert re.search(r"://[a-z]+:\$\{[A-Z_]+:\?[^}]*\}@", value), (key, value)
        else:
            assert REQUIRED.fullmatch(value), (key, value)
    # no example left behind, and no default for a secret (${VAR:-...})
    assert "change-me" not in text and "dev-password" not in text
    assert "${POSTGRES_PASSWORD:-" not in text and "${AFTERSALES_JWT_SECRET:-" not in text
    # what compose requires is exactly what `aftersales compose-env` writes; the only
    # optional variables are where to publish
    assert set(REQUIRED.findall(text)) == set(secret_names())
    assert set(ANY_VARIABLE.findall(text)) - set(secret_names()) == set(PUBLISH_DEFAULTS)


def test_compose_publishes_on_loopback_unless_told_otherwise():
    compose = yaml.safe_load(compose_text())
    published = {
        name: svc["ports"] for name, svc in compose["services"].items() if svc.get("ports")
    }
    assert published == {
        "proxy": ["${AFTERSALES_PUBLISH_ADDR:-127.0.0.1}:${AFTERSALES_PUBLISH_PORT:-8080}:80"]
    }


def test_compose_nats_admits_only_the_services_identities():
    compose = yaml.safe_load(compose_text())
    services = compose["services"]
    for node in ("nats-1", "nats-2", "nats-3"):
        command = services[node]["command"]
        # one generated configuration: the users, their permissions and the routes' password;
        # --cluster or --routes on the command line would drop the routes' password
        assert command[-2:] == ["-c", "/etc/nats/nats.conf"], command
        assert not {"--cluster", "--routes", "--no_auth_user", "--user", "--auth"} & set(command)
        mounts = services[node]["volumes"]
        assert "./.compose/nats.conf:/etc/nats/nats.conf:ro" in mounts
        assert "./nats/sync.conf:/etc/nats/sync.conf:ro" in mounts
    for svc in SERVICES:
        env = services[svc]["environment"]
        seed = env[f"{svc.upper()}_NATS_NKEY_SEED_FILE"]
        assert services[svc]["volumes"] == [f"./.compose/nats-credentials/{svc}.nk:{seed}:ro"]
        assert "@" not in env["AFTERSALES_NATS_URL"]  # no operator password in the services
        # the role's password the migration sets is the one the service connects with
        migrate = services[f"{svc}-migrate"]["environment"]
        assert migrate[f"{svc.upper()}_DB_PASSWORD"] in env[f"{svc.upper()}_DATABASE_URL"]
        assert services[svc]["depends_on"][f"{svc}-migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_compose_runs_the_console_behind_the_proxy_with_its_own_role_and_no_nats():
    compose = yaml.safe_load(compose_text())
    services = compose["services"]
    console, migrate = services[CONSOLE], services[f"{CONSOLE}-migrate"]
    assert console["build"]["dockerfile"] == "deploy/docker/Dockerfile.console"
    assert migrate["build"] == console["build"]
    assert migrate["command"] == ["aftersales", "migrate", "--service", CONSOLE]
    assert console["deploy"]["replicas"] == 2
    env = console["environment"]
    # its own role, with the password its migration sets
    assert env["CONSOLE_DATABASE_URL"].startswith("postgresql+asyncpg://console:")
    assert migrate["environment"]["CONSOLE_DB_PASSWORD"] in env["CONSOLE_DATABASE_URL"]
    assert console["depends_on"]["console-migrate"] == {
        "condition": "service_completed_successfully"
    }
    assert REQUIRED.fullmatch(env["CONSOLE_SESSION_KEY"])
    # the four services, by their compose names and port
    for svc in SERVICES:
        assert env[f"CONSOLE_{svc.upper()}_URL"] == f"http://{svc}:8000"
        assert svc in services and svc in console["depends_on"]
    # nginx speaks plain HTTP here: a Secure cookie would never come back
    assert env["CONSOLE_COOKIE_SECURE"] == "false"
    assert f"127.0.0.1:{CONSOLE_PORT}/readyz" in " ".join(console["healthcheck"]["test"])
    # no broker: no address, identity or operator's password, and not the JWT secret either
    assert not [k for k in env if "NATS" in k or "JWT" in k]
    assert "volumes" not in console
    # the proxy serves it
    assert CONSOLE in services["proxy"]["depends_on"]
    assert f"set ${CONSOLE} http://{CONSOLE}:{CONSOLE_PORT};" in (
        (DEPLOY / "nginx" / "aftersales.conf").read_text()
    )


def test_compose_secrets_and_nats_files_stay_out_of_git():
    ignored = (DEPLOY.parent / ".gitignore").read_text().splitlines()
    assert "deploy/.env" in ignored and "deploy/.compose/" in ignored
