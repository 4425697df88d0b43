"""Class D: the internal admin work of the service organisation (docs/domain.md, 作业分类 D)."""

from __future__ import annotations

from typing import Literal

AdminWorkKind = Literal["inspection", "parts_management", "tool_upkeep", "training", "other"]
