"""Free service campaigns (特别服务): finance declares that, between two dates, jobs of some
categories and kinds in some regions are free service (class C) for what the campaign covers
(labour with its call-out, parts, travel; all three unless it says otherwise)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from aftersales.errors import Unprocessable
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.campaigns import CampaignRepository
from billing.adapters.tables.campaigns import CampaignRow


@dataclass(frozen=True)
class NewCampaign:
    name: str
    categories: list[str]
    regions: list[str]
    kinds: list[str]
    from_on: date
    to_on: date
    covers: list[str]


async def create_campaign(uow: UnitOfWork, cmd: NewCampaign, *, actor: str) -> CampaignRow:
    if cmd.to_on < cmd.from_on:
        raise Unprocessable(
            f"The campaign ends ({cmd.to_on}) before it begins ({cmd.from_on}).",
            **{"from": cmd.from_on.isoformat(), "to": cmd.to_on.isoformat()},
        )
    if not cmd.covers:
        raise Unprocessable("A campaign covers at least one of labour, parts and travel.")
    row = CampaignRow(
        id=uuid.uuid4(),
        name=cmd.name,
        categories=sorted(set(cmd.categories)),
        regions=sorted(set(cmd.regions)),
        kinds=sorted(set(cmd.kinds)),
        from_on=cmd.from_on,
        to_on=cmd.to_on,
        covers=sorted(set(cmd.covers)),
        created_by=actor,
        created_at=uow.now(),
    )
    CampaignRepository(uow.session).add(row)
    await uow.session.flush()
    return row
