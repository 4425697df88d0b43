from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.workshop_queue_status import WorkshopQueueStatus
from ...models.workshop_register import WorkshopRegister
from ...types import UNSET, Response, Unset


def _get_kwargs(
    point_id: UUID,
    *,
    status: WorkshopQueueStatus | Unset = WorkshopQueueStatus.IN,
    older_than_days: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_older_than_days: int | None | Unset
    if isinstance(older_than_days, Unset):
        json_older_than_days = UNSET
    else:
        json_older_than_days = older_than_days
    params["older_than_days"] = json_older_than_days

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/points/{point_id}/workshop".format(
            point_id=quote(str(point_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WorkshopRegister | None:
    if response.status_code == 200:
        response_200 = WorkshopRegister.from_dict(response.json())

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
) -> Response[Problem | WorkshopRegister]:
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
    status: WorkshopQueueStatus | Unset = WorkshopQueueStatus.IN,
    older_than_days: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Problem | WorkshopRegister]:
    """Workshop Queue

     The point's product in/out register (客户商品进出登记簿) with each item's age: what is
    still in the workshop, and for how long.

    Args:
        point_id (UUID):
        status (WorkshopQueueStatus | Unset):  Default: WorkshopQueueStatus.IN.
        older_than_days (int | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkshopRegister]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        status=status,
        older_than_days=older_than_days,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
    status: WorkshopQueueStatus | Unset = WorkshopQueueStatus.IN,
    older_than_days: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Problem | WorkshopRegister | None:
    """Workshop Queue

     The point's product in/out register (客户商品进出登记簿) with each item's age: what is
    still in the workshop, and for how long.

    Args:
        point_id (UUID):
        status (WorkshopQueueStatus | Unset):  Default: WorkshopQueueStatus.IN.
        older_than_days (int | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkshopRegister
    """

    return sync_detailed(
        point_id=point_id,
        client=client,
        status=status,
        older_than_days=older_than_days,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
    status: WorkshopQueueStatus | Unset = WorkshopQueueStatus.IN,
    older_than_days: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[Problem | WorkshopRegister]:
    """Workshop Queue

     The point's product in/out register (客户商品进出登记簿) with each item's age: what is
    still in the workshop, and for how long.

    Args:
        point_id (UUID):
        status (WorkshopQueueStatus | Unset):  Default: WorkshopQueueStatus.IN.
        older_than_days (int | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkshopRegister]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        status=status,
        older_than_days=older_than_days,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
    status: WorkshopQueueStatus | Unset = WorkshopQueueStatus.IN,
    older_than_days: int | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Problem | WorkshopRegister | None:
    """Workshop Queue

     The point's product in/out register (客户商品进出登记簿) with each item's age: what is
    still in the workshop, and for how long.

    Args:
        point_id (UUID):
        status (WorkshopQueueStatus | Unset):  Default: WorkshopQueueStatus.IN.
        older_than_days (int | None | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkshopRegister
    """

    return (
        await asyncio_detailed(
            point_id=point_id,
            client=client,
            status=status,
            older_than_days=older_than_days,
            limit=limit,
        )
    ).parsed
