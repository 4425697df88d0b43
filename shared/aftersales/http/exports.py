"""Reports as JSON or CSV (``?format=csv``), for spreadsheets and accounting imports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from fastapi import Query
from starlette.responses import Response

ExportFormat = Literal["json", "csv"]
FormatQuery: Any = Query(default="json", description="json, or csv for a spreadsheet")
# For the route decorator: the OpenAPI document then says a 200 may also be CSV.
CSV_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


# A cell a spreadsheet would run as a formula (CSV injection, OWASP): =, +, -, @, tab, CR.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe; numbers
    (negative amounts included) stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], *, filename: str
) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
