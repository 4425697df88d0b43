"""Alembic per service: the version table lives inside the service's own schema.

Each service's ``migrations/env.py`` is two lines that call ``run_env(metadata)``; the CLI and
the test harness call ``upgrade(package, url)``.
"""

from __future__ import annotations

import asyncio
from importlib import resources

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from aftersales.database import async_url


def alembic_config(package: str, url: str) -> Config:
    """An Alembic config for a service's ``<name>.migrations`` package (no ini file needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files(package)))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(package: str, url: str, revision: str = "head") -> None:
    """Apply migrations; blocking (call through ``asyncio.to_thread`` from async code)."""
    command.upgrade(alembic_config(package, url), revision)


def run_env(metadata: MetaData) -> None:
    """Body of a service's ``env.py``."""
    schema = metadata.schema
    assert schema, "a service's metadata must name its schema"
    url = context.config.get_main_option("sqlalchemy.url")
    assert url

    def include_name(name: str | None, type_: str, parent_names: object) -> bool:
        if type_ == "schema":
            return name == schema
        return True

    def do_run(connection: Connection) -> None:
        # A role's default search_path ("$user") is its own schema; autogenerate would then see
        # that schema as the unnamed default and miss every table in it. Name it explicitly.
        connection.exec_driver_sql("SET search_path TO public")
        connection.commit()  # end the implicit transaction, so Alembic's own one commits
        connection.dialect.default_schema_name = "public"  # cached at connect; this engine only
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table_schema=schema,
            include_schemas=True,
            include_name=include_name,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()

    if context.is_offline_mode():
        context.configure(
            url=url,
            target_metadata=metadata,
            version_table_schema=schema,
            literal_binds=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return

    async def run_async() -> None:
        engine = create_async_engine(async_url(url), poolclass=pool.NullPool)
        async with engine.connect() as connection:
            await connection.run_sync(do_run)
        await engine.dispose()

    asyncio.run(run_async())
