"""The one origin serves the console at /console/: nginx (Compose) and the Ingress (Kubernetes)
send every page and asset under it to the console and nothing else there, the services' routes
are where they were, and regenerating the services' routes (``aftersales origin --write``)
keeps the console's, which are written by hand outside the generated block."""

import re

import pytest
import yaml

from aftersales_dev.origin import with_routes
from tests.deploy.common import CONSOLE, CONSOLE_PORT, DEPLOY, base_documents, by_kind

NGINX = DEPLOY / "nginx" / "aftersales.conf"
INGRESS = DEPLOY / "k8s" / "base" / "ingress.yaml"
CONSOLE_PAGES = (
    "/console/",
    "/console/point/offers",
    "/console/point/jobs/0b8f7c52-0000-4000-8000-000000000000",
    "/console/static/htmx.min.js",
    "/console/readyz",
    "/console/link/abc",
)
NOT_CONSOLE = {  # path: where it goes
    "/v1/tickets": "intake",
    "/v1/tickets/0b8f7c52-0000-4000-8000-000000000000/timeline": "intake",
    "/v1/technicians/0b8f7c52-0000-4000-8000-000000000000/discipline": "feedback",
    "/v1/jobs": "dispatch",
    "/v1/reviews": "billing",
}

LOCATION = re.compile(r"^\s*location\s+(=|\^~|~\*|~)?\s*(\S+)\s*\{(.*?)\}", re.M | re.S)


def _locations(conf: str) -> list[tuple[str, str, str]]:
    """(modifier, pattern, body) of every location, in order."""
    return [(m[1] or "", m[2], m[3]) for m in LOCATION.finditer(conf)]


def nginx_location(conf: str, uri: str) -> tuple[str, str, str] | None:
    """The location nginx picks for ``uri``: an exact match; else the longest prefix, final
    if it is ^~; else the first regex that matches, in order; else that longest prefix."""
    locations = _locations(conf)
    for loc in locations:
        if loc[0] == "=" and loc[1] == uri:
            return loc
    prefixes = [loc for loc in locations if loc[0] in ("", "^~") and uri.startswith(loc[1])]
    longest = max(prefixes, key=lambda loc: len(loc[1]), default=None)
    if longest is not None and longest[0] == "^~":
        return longest
    for loc in locations:
        flags = re.I if loc[0] == "~*" else 0
        if loc[0] in ("~", "~*") and re.search(loc[1], uri, flags):
            return loc
    return longest


def _upstreams(conf: str) -> dict[str, str]:
    return dict(re.findall(r"^\s*set \$(\w+) (\S+);", conf, re.M))


def _proxied_to(conf: str, uri: str) -> str | None:
    loc = nginx_location(conf, uri)
    if loc is None:
        return None
    found = re.search(r"proxy_pass \$(\w+);", loc[2])
    return found[1] if found else None


def test_nginx_sends_the_console_pages_to_the_console_and_the_rest_where_it_went():
    conf = NGINX.read_text()
    assert _upstreams(conf)[CONSOLE] == f"http://{CONSOLE}:{CONSOLE_PORT}"
    for uri in CONSOLE_PAGES:
        assert _proxied_to(conf, uri) == CONSOLE, uri
    for uri, svc in NOT_CONSOLE.items():
        assert _proxied_to(conf, uri) == svc, uri
    for uri in ("/consoles", "/console.php", "/v1/console", "/"):
        assert _proxied_to(conf, uri) != CONSOLE, uri
    # /console is sent to /console/ by a relative redirect (the published port is not nginx's)
    modifier, _, body = nginx_location(conf, "/console")
    assert modifier == "="
    assert "absolute_redirect off;" in body and "return 301 /console/;" in body
    # the console sees the host and scheme the browser used, and the client's address
    _, _, body = nginx_location(conf, "/console/point/offers")
    for header in (
        "proxy_set_header Host $http_host;",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
    ):
        assert header in body, header


def test_the_ingress_sends_the_console_pages_to_the_console_service():
    kinds = by_kind(base_documents())
    ingress = kinds["Ingress"]["aftersales"]
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/use-regex"] == "true"
    [rule] = ingress["spec"]["rules"]
    paths = rule["http"]["paths"]
    to_console = [p for p in paths if p["backend"]["service"]["name"] == CONSOLE]
    assert to_console == [
        {
            "path": "/console",
            "pathType": "Prefix",
            "backend": {"service": {"name": CONSOLE, "port": {"name": "http"}}},
        }
    ]
    # with use-regex the controller matches every path as a regex from the start, case
    # insensitively: no services' path takes a console page, the console's no services' path
    for p in paths:
        takes = [u for u in CONSOLE_PAGES if re.match(p["path"], u, re.I)]
        assert takes == ([] if p not in to_console else list(CONSOLE_PAGES)), p["path"]
    for uri in NOT_CONSOLE:
        assert not re.match("/console", uri, re.I)
    # the Service's port named in the route reaches the console's container port
    service = kinds["Service"][CONSOLE]
    [port] = service["spec"]["ports"]
    assert port["name"] == "http" and port["targetPort"] == "http"
    [container] = kinds["Deployment"][CONSOLE]["spec"]["template"]["spec"]["containers"]
    assert {"name": "http", "containerPort": CONSOLE_PORT} in container["ports"]


@pytest.mark.parametrize("path", [NGINX, INGRESS], ids=["nginx", "ingress"])
def test_regenerating_the_services_routes_keeps_the_consoles(path):
    text = path.read_text()
    regenerated = with_routes(text, [])  # the generated block emptied: what is left is by hand
    assert "console" in regenerated
    if path == NGINX:
        assert _proxied_to(regenerated, "/console/point/offers") == CONSOLE
    else:
        [ingress] = [d for d in yaml.safe_load_all(regenerated) if d]
        [rule] = ingress["spec"]["rules"]
        assert [p["path"] for p in rule["http"]["paths"]] == ["/console"]
