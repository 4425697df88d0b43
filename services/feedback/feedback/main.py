"""feedback: callbacks, complaints, discipline, scorecards and grades."""

from __future__ import annotations

from fastapi import FastAPI

from aftersales.service import ServiceDefinition, create_service_app
from feedback.adapters.tables import metadata
from feedback.consumers import SUBSCRIPTIONS
from feedback.settings import FeedbackSettings

DEFINITION = ServiceDefinition(
    name="feedback",
    title="feedback",
    description="Customer callbacks that close tickets, complaints, and the grades of points.",
    metadata=metadata,
    settings_cls=FeedbackSettings,
    subscriptions=SUBSCRIPTIONS,
)


def create_app(settings: FeedbackSettings | None = None) -> FastAPI:
    return create_service_app(DEFINITION, settings)
