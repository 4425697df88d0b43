"""A status report from the technician's app or a partner shop."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, ConfigDict, Field

from aftersales.http.models import RequestModel
from dispatch.domain.jobs import Report


class SignatureIn(RequestModel):
    image_base64: str | None = Field(default=None, description="PNG, JPEG or WebP, base64")
    reference: str | None = Field(
        default=None, min_length=1, max_length=500, description="where the image is kept"
    )
    signer_name: str | None = Field(default=None, max_length=200)


class PartIn(RequestModel):
    sku: str = Field(min_length=1, max_length=60)
    qty: int = Field(ge=1, le=1000)
    source: Literal["stock", "customer"] = Field(
        default="stock",
        description="stock: issued from the point's stock; customer: the customer supplied it",
    )


class ExclusionIn(RequestModel):
    reason: Literal["misuse", "consumable", "not_covered"]
    note: str = Field(min_length=1, max_length=2000)
    photo_ref: str | None = Field(default=None, max_length=500, description="a photo's reference")


class DelayCauseIn(RequestModel):
    cause: Literal["customer", "force_majeure"]
    note: str = Field(min_length=1, max_length=2000)


class StatusReportIn(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "resolved_on_site",
                    "at": "2026-12-04T10:40:00+08:00",
                    "labor_minutes": 45,
                    "parts": [{"sku": "FAN-2", "qty": 1}],
                    "travel_km": 6,
                    "signature": {"reference": "app://signatures/7f3a"},
                    "symptom_code": "NO_COOLING",
                }
            ]
        }
    )

    status: Report
    at: AwareDatetime = Field(description="when it happened (may be earlier than the report)")
    note: str | None = Field(default=None, max_length=2000)
    signature: SignatureIn | None = None
    labor_minutes: int | None = Field(default=None, ge=0, le=10_000)
    parts: list[PartIn] | None = Field(default=None, max_length=100)
    travel_km: int | None = Field(default=None, ge=0, le=5_000)
    symptom_code: str | None = Field(default=None, max_length=40, description="GET /v1/fault-codes")
    cause_code: str | None = Field(default=None, max_length=40)
    action_code: str | None = Field(default=None, max_length=40)
    outcome: Literal["fixed", "no_fault_found", "misuse"] | None = Field(
        default=None, description="with resolved_on_site or repaired; fixed when left out"
    )
    passed: bool | None = Field(
        default=None, description="with inspected: false (and a note) sends it back to the bench"
    )
    exclusion: ExclusionIn | None = Field(
        default=None,
        description="with resolved_on_site or repaired: the warranty does not cover it "
        "(billing charges the job as class A with this reason; finance may overturn it)",
    )
    delay_cause: DelayCauseIn | None = Field(
        default=None,
        description="with on_site, resolved_on_site or repaired: a late arrival not the "
        "point's fault (finance may waive the late compensation)",
    )
