"""The four services, by name. Imported lazily so the kit never depends on a service's code."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aftersales.service import ServiceDefinition


@dataclass(frozen=True)
class ServiceRef:
    name: str
    default_port: int

    @property
    def env_prefix(self) -> str:
        return f"{self.name.upper()}_"

    @property
    def port(self) -> int:
        """Where the service listens on a developer's machine (``<SVC>_PORT``, else its own)."""
        return int(os.environ.get(f"{self.env_prefix}PORT", self.default_port))

    @property
    def app_factory(self) -> str:
        return f"{self.name}.main:create_app"

    @property
    def migrations_package(self) -> str:
        return f"{self.name}.migrations"

    def definition(self) -> ServiceDefinition:
        return importlib.import_module(f"{self.name}.main").DEFINITION  # type: ignore[no-any-return]


SERVICES: tuple[ServiceRef, ...] = (
    ServiceRef("intake", 8001),
    ServiceRef("dispatch", 8002),
    ServiceRef("billing", 8003),
    ServiceRef("feedback", 8004),
)
SERVICE_NAMES: tuple[str, ...] = tuple(s.name for s in SERVICES)
# The fifth deployable: the people's screens. It has a database role and schema of its own (its
# sessions) and no API nor events of its own, so it is not among the four services.
CONSOLE = ServiceRef("console", 8005)


def service(name: str) -> ServiceRef:
    for ref in (*SERVICES, CONSOLE):
        if ref.name == name:
            return ref
    raise KeyError(f"unknown service {name!r}; one of {', '.join((*SERVICE_NAMES, 'console'))}")
