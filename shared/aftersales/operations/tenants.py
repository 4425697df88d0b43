"""Moving a CRM's data to its tenant id.

Before tokens had to carry ``tenant_id``, a crm token without one stored its data under its
``sub``. Such a CRM now gets a token with a real tenant id; ``aftersales retenant --from SUB
--to TENANT`` moves every row of every service from one to the other, in one transaction, so
nothing the CRM created becomes unreachable.
"""

from __future__ import annotations

import asyncpg

from aftersales.database import libpq_dsn
from aftersales.registry import SERVICE_NAMES


async def retenant(dsn: str, old: str, new: str) -> dict[str, int]:
    """Rows moved per ``schema.table``."""
    if not old or not new or old == new:
        raise ValueError("give two different, non-empty tenant ids")
    conn = await asyncpg.connect(libpq_dsn(dsn))
    try:
        tables = await conn.fetch(
            "SELECT table_schema, table_name FROM information_schema.columns"
            " WHERE column_name = 'tenant_id' AND table_schema = ANY($1::text[])"
            " ORDER BY table_schema, table_name",
            list(SERVICE_NAMES),
        )
        moved: dict[str, int] = {}
        async with conn.transaction():
            for row in tables:
                name = f'"{row["table_schema"]}"."{row["table_name"]}"'
                status = await conn.execute(
                    f"UPDATE {name} SET tenant_id = $2 WHERE tenant_id = $1", old, new
                )
                moved[f"{row['table_schema']}.{row['table_name']}"] = int(status.split()[-1])
        return moved
    finally:
        await conn.close()
