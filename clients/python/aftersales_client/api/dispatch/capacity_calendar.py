import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.capacity_calendar import CapacityCalendar
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    point_id: UUID,
    *,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/points/{point_id}/capacity".format(
            point_id=quote(str(point_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CapacityCalendar | Problem | None:
    if response.status_code == 200:
        response_200 = CapacityCalendar.from_dict(response.json())

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
) -> Response[CapacityCalendar | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
) -> Response[CapacityCalendar | Problem]:
    """Capacity Calendar

     Booked against capacity, day by day, for the coming days.

    Args:
        point_id (UUID):
        from_ (datetime.date):
        to (datetime.date | None | Unset): inclusive; default 14 days

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapacityCalendar | Problem]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
) -> CapacityCalendar | Problem | None:
    """Capacity Calendar

     Booked against capacity, day by day, for the coming days.

    Args:
        point_id (UUID):
        from_ (datetime.date):
        to (datetime.date | None | Unset): inclusive; default 14 days

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapacityCalendar | Problem
    """

    return sync_detailed(
        point_id=point_id,
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
) -> Response[CapacityCalendar | Problem]:
    """Capacity Calendar

     Booked against capacity, day by day, for the coming days.

    Args:
        point_id (UUID):
        from_ (datetime.date):
        to (datetime.date | None | Unset): inclusive; default 14 days

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapacityCalendar | Problem]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
) -> CapacityCalendar | Problem | None:
    """Capacity Calendar

     Booked against capacity, day by day, for the coming days.

    Args:
        point_id (UUID):
        from_ (datetime.date):
        to (datetime.date | None | Unset): inclusive; default 14 days

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapacityCalendar | Problem
    """

    return (
        await asyncio_detailed(
            point_id=point_id,
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
