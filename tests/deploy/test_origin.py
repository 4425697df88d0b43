"""The one origin of deploy/: every route reaches the service that serves it, and the merged
OpenAPI document and the client generated from it are what the services say today."""

import filecmp
import json
import re
import subprocess
from pathlib import Path

from aftersales_dev.origin import PER_SERVICE, generated_files, merged_openapi, service_paths

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".tools" / "bin" / "uv"
GENERATOR = "openapi-python-client==0.29.1"


def test_deploy_routing_and_the_openapi_document_are_up_to_date():
    for path, text in generated_files(ROOT).items():
        assert path.read_text() == text, f"{path} is stale: run `make client`"
    committed = json.loads((ROOT / "clients" / "openapi.json").read_text())
    assert committed == merged_openapi(), "clients/openapi.json is stale: run `make client`"


def _nginx_table():
    conf = (ROOT / "deploy" / "nginx" / "aftersales.conf").read_text()
    return re.findall(r"location ~ (\S+) \{ proxy_pass \$(\w+); \}", conf)


def test_nginx_sends_every_route_to_the_service_that_serves_it():
    table = _nginx_table()
    wrong = []
    for service, spec in service_paths().items():
        for path in spec["paths"]:
            if path in PER_SERVICE or path in (
                "/v1/audit",
                "/v1/policies",
                "/v1/customers/{customer_id}/export",
            ):
                continue  # the kit's per-service routes, reached on each service directly
            concrete = re.sub(r"\{[^}]+\}", "0b8f7c52-0000-4000-8000-000000000000", path)
            routed = next((svc for regex, svc in table if re.match(regex, concrete)), None)
            if routed != service:
                wrong.append((path, service, routed))
    assert wrong == []


def test_every_operation_is_in_the_merged_document_once_with_the_bearer_scheme():
    merged = merged_openapi()
    ids = [op["operationId"] for item in merged["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))
    assert merged["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert merged["paths"]["/v1/tickets"]["post"]["security"] == [{"HTTPBearer": []}]
    for service, spec in service_paths().items():
        assert spec["components"]["securitySchemes"]["HTTPBearer"]["bearerFormat"] == "JWT"
        assert "/v1/webhooks" not in spec["paths"] or service == "intake"


def test_the_checked_in_client_is_what_the_generator_makes_of_the_document(tmp_path):
    assert UV.exists(), "the project's uv is missing: run `make sync`"
    out = tmp_path / "aftersales_client"
    subprocess.run(
        [
            str(UV),
            "tool",
            "run",
            "--from",
            GENERATOR,
            "openapi-python-client",
            "generate",
            "--path",
            str(ROOT / "clients" / "openapi.json"),
            "--output-path",
            str(out),
            "--meta",
            "none",
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    checked_in = ROOT / "clients" / "python" / "aftersales_client"
    diff = filecmp.dircmp(out, checked_in, ignore=["__pycache__", ".ruff_cache"])
    assert _differences(diff) == [], "the client is stale: run `make client`"


def _differences(d):
    found = [*d.left_only, *d.right_only, *d.diff_files]
    for sub in d.subdirs.values():
        found += _differences(sub)
    return found
