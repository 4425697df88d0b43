from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.ticket_counts import TicketCounts
from ...models.ticket_counts_kind_type_0 import TicketCountsKindType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    kind: None | TicketCountsKindType0 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_point_id: None | str | Unset
    if isinstance(point_id, Unset):
        json_point_id = UNSET
    elif isinstance(point_id, UUID):
        json_point_id = str(point_id)
    else:
        json_point_id = point_id
    params["point_id"] = json_point_id

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, TicketCountsKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tickets/counts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TicketCounts | None:
    if response.status_code == 200:
        response_200 = TicketCounts.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
) -> Response[Problem | TicketCounts]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    kind: None | TicketCountsKindType0 | Unset = UNSET,
) -> Response[Problem | TicketCounts]:
    """Ticket Counts

     The open tickets (not ended) per status, and per clock bucket: every one in exactly
    one of answer_due, arrival_due, completion_due (its next clock runs, not yet due),
    breached (its next clock's due time has passed), paused, no_clock; filtered by the site's
    `region`, the `point_id` its job is with, and `kind`. A CRM counts its own tenant's.

    Args:
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        point_id (None | Unset | UUID): the network point the ticket's current job is with
            (offered to it, accepted, booked or done by it)
        kind (None | TicketCountsKindType0 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketCounts]
    """

    kwargs = _get_kwargs(
        region=region,
        point_id=point_id,
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    kind: None | TicketCountsKindType0 | Unset = UNSET,
) -> Problem | TicketCounts | None:
    """Ticket Counts

     The open tickets (not ended) per status, and per clock bucket: every one in exactly
    one of answer_due, arrival_due, completion_due (its next clock runs, not yet due),
    breached (its next clock's due time has passed), paused, no_clock; filtered by the site's
    `region`, the `point_id` its job is with, and `kind`. A CRM counts its own tenant's.

    Args:
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        point_id (None | Unset | UUID): the network point the ticket's current job is with
            (offered to it, accepted, booked or done by it)
        kind (None | TicketCountsKindType0 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketCounts
    """

    return sync_detailed(
        client=client,
        region=region,
        point_id=point_id,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    kind: None | TicketCountsKindType0 | Unset = UNSET,
) -> Response[Problem | TicketCounts]:
    """Ticket Counts

     The open tickets (not ended) per status, and per clock bucket: every one in exactly
    one of answer_due, arrival_due, completion_due (its next clock runs, not yet due),
    breached (its next clock's due time has passed), paused, no_clock; filtered by the site's
    `region`, the `point_id` its job is with, and `kind`. A CRM counts its own tenant's.

    Args:
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        point_id (None | Unset | UUID): the network point the ticket's current job is with
            (offered to it, accepted, booked or done by it)
        kind (None | TicketCountsKindType0 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketCounts]
    """

    kwargs = _get_kwargs(
        region=region,
        point_id=point_id,
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    kind: None | TicketCountsKindType0 | Unset = UNSET,
) -> Problem | TicketCounts | None:
    """Ticket Counts

     The open tickets (not ended) per status, and per clock bucket: every one in exactly
    one of answer_due, arrival_due, completion_due (its next clock runs, not yet due),
    breached (its next clock's due time has passed), paused, no_clock; filtered by the site's
    `region`, the `point_id` its job is with, and `kind`. A CRM counts its own tenant's.

    Args:
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        point_id (None | Unset | UUID): the network point the ticket's current job is with
            (offered to it, accepted, booked or done by it)
        kind (None | TicketCountsKindType0 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketCounts
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            point_id=point_id,
            kind=kind,
        )
    ).parsed
