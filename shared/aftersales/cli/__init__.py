"""`aftersales`: the command line.

Two groups of commands, one module each:

- operator.py: what an operator runs, from a service's image too (deploy/ runs them):
  ``migrate``, ``dlq``, ``retenant``, ``backfill``, ``export-customer``, ``new-secret-key``,
  ``nats-credentials``;
- ``aftersales_dev.cli``, in the developers' kit (``aftersales-dev``): what only a developer
  runs against the local stack (``make run``): ``up``, ``token``, ``demo``, ``origin``,
  ``compose-env``.

The developers' commands are added only where their module can be found
(``DEVELOPER_COMMANDS``): a service's image, which installs the runtime alone, has none.
"""

from __future__ import annotations

import importlib
import importlib.util

import typer

from aftersales.cli import operator

# The module whose ``register(app)`` adds the developers' commands (the developers' kit).
DEVELOPER_COMMANDS = "aftersales_dev.cli"

app = typer.Typer(
    help="aftersales: the operator's commands, and the developers' where their kit is installed.",
    no_args_is_help=True,
)


def _add_developer_commands(target: typer.Typer) -> None:
    try:
        found = importlib.util.find_spec(DEVELOPER_COMMANDS) is not None
    except ModuleNotFoundError:  # its package is not installed
        found = False
    if found:
        importlib.import_module(DEVELOPER_COMMANDS).register(target)


_add_developer_commands(app)
operator.register(app)

__all__ = ["app"]
