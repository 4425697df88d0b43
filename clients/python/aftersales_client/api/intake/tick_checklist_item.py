from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.checklist_tick_in import ChecklistTickIn
from ...models.problem import Problem
from ...models.ticket_out import TicketOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    ticket_id: UUID,
    item: str,
    *,
    body: ChecklistTickIn | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tickets/{ticket_id}/checklist/{item}".format(
            ticket_id=quote(str(ticket_id), safe=""),
            item=quote(str(item), safe=""),
        ),
    }

    if isinstance(body, ChecklistTickIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TicketOut | None:
    if response.status_code == 200:
        response_200 = TicketOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TicketOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_id: UUID,
    item: str,
    *,
    client: AuthenticatedClient,
    body: ChecklistTickIn | None | Unset = UNSET,
) -> Response[Problem | TicketOut]:
    """Tick Checklist Item

     Tick one item of a business customer's duty (`dealer_onboarding`, `promotion_support`,
    `usage_guidance`): who and when are recorded, with an optional `note`. The last item
    finishes the work (`checklist_done_at`, in time against `sla.complete_by` or late); the
    ticket may then end (`respond` resolved, `resolve-remotely`). An item not on the ticket's
    checklist is a 404; one ticked already, a ticket without a checklist or an ended one, a
    409.

    Args:
        ticket_id (UUID):
        item (str): the item, e.g. posters
        body (ChecklistTickIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketOut]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
        item=item,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ticket_id: UUID,
    item: str,
    *,
    client: AuthenticatedClient,
    body: ChecklistTickIn | None | Unset = UNSET,
) -> Problem | TicketOut | None:
    """Tick Checklist Item

     Tick one item of a business customer's duty (`dealer_onboarding`, `promotion_support`,
    `usage_guidance`): who and when are recorded, with an optional `note`. The last item
    finishes the work (`checklist_done_at`, in time against `sla.complete_by` or late); the
    ticket may then end (`respond` resolved, `resolve-remotely`). An item not on the ticket's
    checklist is a 404; one ticked already, a ticket without a checklist or an ended one, a
    409.

    Args:
        ticket_id (UUID):
        item (str): the item, e.g. posters
        body (ChecklistTickIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketOut
    """

    return sync_detailed(
        ticket_id=ticket_id,
        item=item,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    ticket_id: UUID,
    item: str,
    *,
    client: AuthenticatedClient,
    body: ChecklistTickIn | None | Unset = UNSET,
) -> Response[Problem | TicketOut]:
    """Tick Checklist Item

     Tick one item of a business customer's duty (`dealer_onboarding`, `promotion_support`,
    `usage_guidance`): who and when are recorded, with an optional `note`. The last item
    finishes the work (`checklist_done_at`, in time against `sla.complete_by` or late); the
    ticket may then end (`respond` resolved, `resolve-remotely`). An item not on the ticket's
    checklist is a 404; one ticked already, a ticket without a checklist or an ended one, a
    409.

    Args:
        ticket_id (UUID):
        item (str): the item, e.g. posters
        body (ChecklistTickIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketOut]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
        item=item,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ticket_id: UUID,
    item: str,
    *,
    client: AuthenticatedClient,
    body: ChecklistTickIn | None | Unset = UNSET,
) -> Problem | TicketOut | None:
    """Tick Checklist Item

     Tick one item of a business customer's duty (`dealer_onboarding`, `promotion_support`,
    `usage_guidance`): who and when are recorded, with an optional `note`. The last item
    finishes the work (`checklist_done_at`, in time against `sla.complete_by` or late); the
    ticket may then end (`respond` resolved, `resolve-remotely`). An item not on the ticket's
    checklist is a 404; one ticked already, a ticket without a checklist or an ended one, a
    409.

    Args:
        ticket_id (UUID):
        item (str): the item, e.g. posters
        body (ChecklistTickIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketOut
    """

    return (
        await asyncio_detailed(
            ticket_id=ticket_id,
            item=item,
            client=client,
            body=body,
        )
    ).parsed
