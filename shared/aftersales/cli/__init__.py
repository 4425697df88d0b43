"""`aftersales`: the command line.

Two groups of commands, one module each:

- operator.py: what an operator runs, from a service's image too (deploy/ runs them):
  ``migrate``, ``dlq``, ``retenant``, ``backfill``, ``export-customer``, ``new-secret-key``,
  ``nats-credentials``;
- developer.py: what only a developer runs against the local stack (``make run``): ``up``,
  ``token``, ``demo``, ``origin``, ``compose-env``.

The developers' commands are added only where their module can be found
(``DEVELOPER_COMMANDS``), so that the developers' kit can leave the runtime as one module.
"""

from __future__ import annotations

import importlib
import importlib.util

import typer

from aftersales.cli import operator

# The module whose ``register(app)`` adds the developers' commands; when the developers' kit is
# its own package, this names its module there, and an image without that package has none.
DEVELOPER_COMMANDS = "aftersales.cli.developer"

app = typer.Typer(help="aftersales developer tools.", no_args_is_help=True)


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
