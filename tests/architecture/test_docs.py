"""The documentation stays true to the repository it lives in: every relative link resolves,
nothing refers to documents kept outside the repository, each service's README names every
route, event and setting the service has, every setting is in docs/configuration.md, every
clause in docs/clauses.md names code and a test that exist, and the site builds strictly and
loads nothing from another host."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

from aftersales.audit import router as audit_router
from aftersales.events import CONTRACTS
from aftersales.messaging.consumer import consumer_name
from aftersales.registry import SERVICES
from aftersales.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# The Markdown a reader follows links in: the repository's and the site's pages.
MARKDOWN = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "deploy" / "README.md",
    ROOT / "bench" / "README.md",
    *sorted(DOCS.rglob("*.md")),
    *sorted((ROOT / "services").glob("*/README.md")),
]
LINK = re.compile(r"(?<!!)\[[^\]]+\]\(([^()\s]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")

# The team's reference documents stay outside the product: nothing in the repository names them
# (their names are put together here, so this file does not name them either).
OUTSIDE = re.compile(
    "|".join(
        [re.escape(name + ".md") for name in ("DESIGN", "DOMAIN", "CONTRACT", "STYLE")]
        + [re.escape(".." + "/shared"), re.escape("/work" + "/shared")]
    )
)


def prose(text: str) -> str:
    """The text outside fenced code blocks and code spans: where a link is a link."""
    kept, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            kept.append(CODE_SPAN.sub("", line))
    return "\n".join(kept)


def relative_links(path: Path) -> list[str]:
    return [
        target
        for target in LINK.findall(prose(path.read_text()))
        if not re.match(r"^[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")
    ]


def test_every_relative_link_resolves():
    broken = []
    for page in MARKDOWN:
        for target in relative_links(page):
            path = target.split("#", 1)[0]
            if not (page.parent / path).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []


def test_a_link_to_a_missing_file_is_found(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "See [the money](money.md), [code](`x`) and `[not a link](nowhere.md)`.\n"
        "```\n[in a block](nowhere.md)\n```\n[a site](https://example.com) [here](#top)\n"
    )
    assert relative_links(page) == ["money.md"]


def repository_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [ROOT / name for name in listed.split("\0") if name]


def test_nothing_refers_to_documents_outside_the_repository():
    found = []
    for path in repository_files():
        if path == Path(__file__).resolve() or not path.is_file():
            continue
        try:
            text = path.read_text()
        except (UnicodeDecodeError, OSError):
            continue  # binary, or gone since it was listed
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert found == [], "refer to docs/ instead"


def subscriptions_of(definition: Any) -> list[Any]:
    if hasattr(definition, "subscriptions_for"):
        return list(definition.subscriptions_for(definition.policy_for()))
    return list(definition.subscriptions)


def routes_of(definition: Any) -> set[str]:
    return {
        f"{method} {route.path}"
        for router in (*definition.routers, audit_router)
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    }


def subjects_of(producer: str) -> set[str]:
    return {c.SUBJECT for c in CONTRACTS if c.SUBJECT.startswith(f"{producer}.")}


@pytest.mark.parametrize("ref", SERVICES, ids=[s.name for s in SERVICES])
def test_each_service_readme_names_its_routes_events_and_settings(ref):
    readme = ROOT / "services" / ref.name / "README.md"
    assert readme.exists(), f"services/{ref.name}/README.md"
    text = readme.read_text()
    definition = ref.definition()

    missing = [f"route {r}" for r in sorted(routes_of(definition)) if f"`{r}`" not in text]
    missing += [f"publishes {s}" for s in sorted(subjects_of(ref.name)) if f"`{s}`" not in text]
    for sub in subscriptions_of(definition):
        if set(sub.handlers) == subjects_of(sub.producer):
            # Every event of a stream (the webhook fan-out): named by its consumer.
            name = consumer_name(ref.name, sub)
            if f"`{name}`" not in text:
                missing.append(f"consumer {name}")
        else:
            missing += [f"consumes {s}" for s in sorted(sub.handlers) if f"`{s}`" not in text]
    own = set(definition.settings_cls.model_fields) - set(ServiceSettings.model_fields)
    missing += [
        f"setting {ref.env_prefix}{field.upper()}"
        for field in sorted(own)
        if f"`{ref.env_prefix}{field.upper()}`" not in text
    ]
    assert missing == []


def test_every_setting_is_in_the_configuration_page():
    text = (DOCS / "configuration.md").read_text()
    missing = [
        f"AFTERSALES_{field.upper()}"
        for field in ServiceSettings.model_fields
        if f"`AFTERSALES_{field.upper()}`" not in text
    ]
    for ref in SERVICES:
        fields = ref.definition().settings_cls.model_fields
        missing += [
            f"{ref.env_prefix}{field.upper()}"
            for field in fields
            if field not in ServiceSettings.model_fields
            and f"`{ref.env_prefix}{field.upper()}`" not in text
        ]
    assert missing == []


def test_every_clause_names_code_and_a_test_that_exist():
    text = (DOCS / "clauses.md").read_text()
    named = re.findall(r"`((?:services|shared|tests)/[^`:\s]+\.py)(?:::(\w+))?`", text)
    assert len(named) > 40, "docs/clauses.md lost its table"
    gone = []
    for path, test in named:
        file = ROOT / path
        if not file.exists():
            gone.append(path)
        elif test and not re.search(rf"^(async )?def {test}\(", file.read_text(), re.MULTILINE):
            gone.append(f"{path}::{test}")
    assert gone == []


# What makes a browser fetch: scripts, stylesheets, icons, images, frames, fonts.
FETCHES = re.compile(
    r"<(?:script|img|iframe|source|embed)\b[^>]*\bsrc=[\"']((?:https?:)?//[^\"']+)"
    r"|<link\b[^>]*\bhref=[\"']((?:https?:)?//[^\"']+)",
    re.IGNORECASE,
)
CSS_FETCHES = re.compile(r"@import|url\(\s*[\"']?((?:https?:)?//[^\"')]+)", re.IGNORECASE)


def test_the_site_builds_strictly_and_loads_nothing_from_another_host(tmp_path):
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert built.returncode == 0, built.stdout + built.stderr
    for page in ("index.html", "services/intake.html", "contributing.html", "clauses.html"):
        assert (site / page).exists(), page

    fetched = []
    for page in site.rglob("*.html"):
        html = page.read_text()
        fetched += [f"{page.relative_to(site)}: {m[0] or m[1]}" for m in FETCHES.findall(html)]
        if "mermaid" in html:  # Material loads its diagram library from a CDN
            fetched.append(f"{page.relative_to(site)}: a mermaid diagram")
    for sheet in site.rglob("*.css"):
        found = CSS_FETCHES.findall(sheet.read_text())
        fetched += [f"{sheet.relative_to(site)}: {url or '@import'}" for url in found]
    assert fetched == []
