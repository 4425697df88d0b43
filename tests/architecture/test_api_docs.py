"""Each service's API documentation works on a network without internet and tells no third party
of a visit: ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) load every script, style and image
from the service itself, under a Content-Security-Policy that allows no other host, and every
file they load is served (docs/security.md, "The API documentation")."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from aftersales.registry import SERVICES

PAGES = ("/docs", "/redoc")
# Anything that names a host: a scheme with //, or a scheme-relative //host.
HOST = re.compile(r"(?:\b[a-z][a-z0-9+.-]*:)?//[^\s\"'<>)]+", re.IGNORECASE)
# The sources a directive may allow: this origin, nothing, inline data, the page's own blobs,
# and hashes of exact style blocks. No host, no wildcard, no 'unsafe-*'.
ALLOWED_SOURCES = re.compile(r"^(?:'self'|'none'|data:|blob:|'sha256-[A-Za-z0-9+/=]+')$")
CONTENT_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".png": "image/png",
}


class Loads(HTMLParser):
    """What a page makes the browser fetch or run: URLs in src/href, and inline code."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("src", "href", "spec-url", "srcset", "poster", "data"):
            if found.get(name):
                self.urls.append(found[name] or "")
        if "style" in found or any(name.startswith("on") for name in found):
            self.inline.append(f"<{tag}> with an inline style or handler")
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data: str) -> None:
        if self._in and data.strip():
            self.inline.append(f"<{self._in}>{data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        self._in = None


def policy(header: str) -> dict[str, list[str]]:
    directives = [d.split() for d in header.split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


async def test_the_api_docs_load_everything_from_the_service_itself(start_service):
    wrong: list[str] = []
    for ref in SERVICES:
        async with start_service(ref.name, run_background=False) as svc:
            for page in PAGES:
                r = await svc.client.get(page)
                where = f"{ref.name} {page}"
                assert r.status_code == 200, where
                assert r.headers["content-type"].startswith("text/html"), where
                wrong += [f"{where} names a host: {h}" for h in HOST.findall(r.text)]

                csp = policy(r.headers.get("content-security-policy", ""))
                assert csp.get("default-src") == ["'none'"], (where, csp)
                assert csp.get("script-src") == ["'self'"], (where, csp)
                for directive, sources in csp.items():
                    if directive in ("base-uri", "form-action", "frame-ancestors"):
                        continue
                    wrong += [
                        f"{where} allows {s} in {directive}"
                        for s in sources
                        if not ALLOWED_SOURCES.match(s)
                    ]
                assert csp.get("frame-ancestors") == ["'none'"], where

                loads = Loads()
                loads.feed(r.text)
                wrong += [f"{where} runs inline code: {i}" for i in loads.inline]
                assert any(u.endswith(".js") for u in loads.urls), (where, loads.urls)
                for url in loads.urls:
                    wrong += await served(svc, urljoin(page, url), where)
    assert wrong == []


async def served(svc: Any, url: str, where: str) -> list[str]:
    """The file a page loads is there, of its type, and loads nothing from elsewhere."""
    r = await svc.client.get(url)
    if r.status_code != 200:
        return [f"{where} loads {url}: {r.status_code}"]
    if url.endswith(".json"):
        return [f"{where}: {p}" for p in loads_from_the_document(r.json())]
    suffix = url[url.rindex(".") :]
    if not r.headers["content-type"].startswith(CONTENT_TYPES[suffix]):
        return [f"{where} loads {url} as {r.headers['content-type']}"]
    if suffix == ".css":
        pulled = re.findall(r"@import|url\(\s*['\"]?(?!data:)([^'\")]+)", r.text)
        return [f"{where}'s {url} pulls in {p}" for p in pulled]
    if url.endswith("swagger-ui-init.js"):
        init = r.text
        problems = []
        if '"validatorUrl": null' not in init:
            problems.append(f"{url} leaves Swagger UI's online validator on")
        problems += [f"{url} names a host: {h}" for h in HOST.findall(init)]
        return problems
    return []


def loads_from_the_document(document: dict[str, Any]) -> list[str]:
    """The OpenAPI document is rendered as Markdown by both readers: no image, frame or script
    in any of its texts."""
    text = json.dumps(document)
    found = re.findall(r"!\[[^\]]*\]\([^)]*\)|<(?:img|script|iframe|link|style)\b", text)
    return [f"the OpenAPI document would load {f}" for f in found]


async def test_only_the_ui_files_are_served(start_service):
    async with start_service("intake", run_background=False) as svc:
        for name in ("../settings.py", "..%2Fsettings.py", "favicon.ico", "swagger-ui.js.map"):
            r = await svc.client.get(f"/docs/assets/{name}")
            assert r.status_code == 404, name
            assert r.headers["content-type"] == "application/problem+json", name
