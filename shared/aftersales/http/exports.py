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


def csv_response(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], *, filename: str
) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
