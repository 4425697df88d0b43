"""The four services under one origin: which path goes to which service, and the one OpenAPI
document of that origin.

The routes come from the services themselves, so a new resource is routed (and documented) by
being written: deploy/'s nginx configuration and Kubernetes Ingress are generated from
``routes()`` (``aftersales origin --write``), and a test fails when they drift.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

# The kit mounts these on every service; under the origin they go where their prefix goes
# (an operator reaches each service's own directly).
PER_SERVICE = frozenset({"/healthz", "/readyz", "/metrics"})


@dataclass(frozen=True, order=True)
class Route:
    """Paths starting with ``prefix`` (``{x}`` is one path segment) go to ``service``."""

    prefix: str
    service: str

    @property
    def pattern(self) -> str:
        """The prefix with each ``{x}`` as one path segment's regex."""
        return re.sub(r"\{[^}]+\}", "[^/]+", self.prefix)

    @property
    def regex(self) -> str:
        return "^" + self.pattern + "(/|$)"

    def takes(self, path: str) -> bool:
        """Does this route receive ``path`` (an OpenAPI path, ``{x}`` for its parameters)?"""
        return re.match(self.regex, re.sub(r"\{[^}]+\}", "x", path)) is not None

    @property
    def is_pattern(self) -> bool:
        return "{" in self.prefix


@cache
def service_paths() -> dict[str, dict[str, Any]]:
    """Each service's OpenAPI document, by service name."""
    from aftersales.registry import SERVICES
    from aftersales.service import create_service_app

    return {ref.name: create_service_app(ref.definition()).openapi() for ref in SERVICES}


def routes() -> list[Route]:
    """The shortest prefixes that tell the services apart, most specific first."""
    owners: dict[str, set[str]] = defaultdict(set)
    paths: dict[str, set[str]] = defaultdict(set)
    for service, spec in service_paths().items():
        for path in spec["paths"]:
            if path not in PER_SERVICE:
                paths[service].add(path)
    for service, mine in paths.items():
        for path in mine:
            owners[path].add(service)
    # The kit's own routes exist on every service: they follow their prefix's owner.
    shared = {p for p, o in owners.items() if len(o) > 1}
    found: dict[str, str] = {}
    for service, mine in paths.items():
        for path in mine - shared:
            segments = path.strip("/").split("/")
            for n in range(2, len(segments) + 1):
                prefix = "/" + "/".join(segments[:n])
                others = {
                    s
                    for s, theirs in paths.items()
                    if s != service and any(Route(prefix, s).takes(p) for p in theirs - shared)
                }
                if not others:
                    found.setdefault(prefix, service)
                    break
            else:
                # Another service owns something deeper (feedback's /v1/technicians/{id}/
                # discipline under dispatch's /v1/technicians): the more specific route wins,
                # this service takes the rest of the resource.
                general = "/" + "/".join(segments[:2])
                if found.setdefault(general, service) != service:
                    raise ValueError(f"{general} is claimed by two services")
    # Most specific first: nginx takes the first regex location that matches.
    return sorted(
        (Route(p, s) for p, s in found.items()),
        key=lambda r: (-r.prefix.count("/"), r.prefix),
    )


def service_of(path: str, table: list[Route] | None = None) -> str | None:
    for route in table if table is not None else routes():
        if route.takes(path):
            return route.service
    return None


def nginx_locations() -> list[str]:
    return [f"    location ~ {r.regex} {{ proxy_pass ${r.service}; }}" for r in routes()]


def ingress_paths() -> list[str]:
    lines = []
    for r in routes():
        backend = f"backend: {{service: {{name: {r.service}, port: {{name: http}}}}}}"
        if r.is_pattern:
            path = f'"{r.pattern}"'
            lines.append(
                f"          - {{path: {path}, pathType: ImplementationSpecific, {backend}}}"
            )
        else:
            lines.append(f"          - {{path: {r.prefix}, pathType: Prefix, {backend}}}")
    return lines


def merged_openapi() -> dict[str, Any]:
    """One document for the origin: every path from the service the origin sends it to."""
    table = routes()
    specs = service_paths()
    merged: dict[str, Any] = {
        "openapi": next(iter(specs.values()))["openapi"],
        "info": {
            "title": "aftersales",
            "version": "1",
            "description": (
                "The after-sales service platform under one origin: intake (the call register),"
                " dispatch (network points, technicians, jobs, parts), billing (charges,"
                " contracts, settlements) and feedback (callbacks, complaints, grades)."
            ),
        },
        "paths": {},
        "components": {"schemas": {}, "securitySchemes": {}},
    }
    for service, spec in specs.items():
        components = spec.get("components", {})
        merged["components"]["securitySchemes"].update(components.get("securitySchemes", {}))
        renames = _schema_renames(service, components.get("schemas", {}), specs)
        for name, schema in components.get("schemas", {}).items():
            renamed = _renamed(schema, renames)
            if name in renames:
                renamed["title"] = renames[name]  # generators name their classes by the title
            merged["components"]["schemas"][renames.get(name, name)] = renamed
        for path, item in spec["paths"].items():
            if path in PER_SERVICE or service_of(path, table) != service:
                continue
            ops = _renamed(item, renames)
            for op in ops.values():
                tags = op.setdefault("tags", [])
                if service not in tags:
                    tags.insert(0, service)  # the generated client groups by the first tag
            merged["paths"][path] = ops
    merged["paths"] = dict(sorted(merged["paths"].items()))
    merged["components"]["schemas"] = dict(sorted(merged["components"]["schemas"].items()))
    return merged


def _schema_renames(
    service: str, schemas: dict[str, Any], specs: dict[str, dict[str, Any]]
) -> dict[str, str]:
    """Schemas of the same name but different shape in two services get the service's name."""
    renames = {}
    for name, schema in schemas.items():
        for other, spec in specs.items():
            theirs = spec.get("components", {}).get("schemas", {}).get(name)
            if other != service and theirs is not None and theirs != schema:
                renames[name] = f"{service.capitalize()}{name}"
                break
    return renames


def _renamed(node: Any, renames: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                name = v.rsplit("/", 1)[-1]
                out[k] = f"#/components/schemas/{renames.get(name, name)}"
            else:
                out[k] = _renamed(v, renames)
        return out
    if isinstance(node, list):
        return [_renamed(v, renames) for v in node]
    return node


START, END = "origin-routes:start", "origin-routes:end"


def with_routes(text: str, lines: list[str]) -> str:
    """``text`` with the lines between its route markers replaced by ``lines``."""
    head, found, rest = text.partition(START)
    if not found:
        raise ValueError(f"no '{START}' marker")
    between, _, tail = rest.partition(END)
    indent = between.rsplit("\n", 1)[-1]  # the end marker's own indentation, kept
    return head + START + "\n" + "\n".join(lines) + "\n" + indent + END + tail


def generated_files(root: Any) -> dict[Any, str]:
    """deploy/'s routing files as the services' routes make them, by path."""
    nginx = root / "deploy" / "nginx" / "aftersales.conf"
    ingress = root / "deploy" / "k8s" / "base" / "ingress.yaml"
    return {
        nginx: with_routes(nginx.read_text(), nginx_locations()),
        ingress: with_routes(ingress.read_text(), ingress_paths()),
    }
