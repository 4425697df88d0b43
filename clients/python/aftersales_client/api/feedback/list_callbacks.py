from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_callback_out import PageCallbackOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_point_id: None | str | Unset
    if isinstance(point_id, Unset):
        json_point_id = UNSET
    elif isinstance(point_id, UUID):
        json_point_id = str(point_id)
    else:
        json_point_id = point_id
    params["point_id"] = json_point_id

    json_ticket_id: None | str | Unset
    if isinstance(ticket_id, Unset):
        json_ticket_id = UNSET
    elif isinstance(ticket_id, UUID):
        json_ticket_id = str(ticket_id)
    else:
        json_ticket_id = ticket_id
    params["ticket_id"] = json_ticket_id

    json_month: None | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/callbacks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCallbackOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageCallbackOut.from_dict(response.json())

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
) -> Response[PageCallbackOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageCallbackOut | Problem]:
    """List Callbacks

     Callbacks, filtered by state (due, overdue, recorded), point or ticket: audit callbacks
    still due first (they must ask whether someone came), then by last change.

    Args:
        status (None | str | Unset): overdue: due and past its deadline
        point_id (None | Unset | UUID):
        ticket_id (None | Unset | UUID):
        month (None | str | Unset):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCallbackOut | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        point_id=point_id,
        ticket_id=ticket_id,
        month=month,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageCallbackOut | Problem | None:
    """List Callbacks

     Callbacks, filtered by state (due, overdue, recorded), point or ticket: audit callbacks
    still due first (they must ask whether someone came), then by last change.

    Args:
        status (None | str | Unset): overdue: due and past its deadline
        point_id (None | Unset | UUID):
        ticket_id (None | Unset | UUID):
        month (None | str | Unset):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCallbackOut | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        point_id=point_id,
        ticket_id=ticket_id,
        month=month,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageCallbackOut | Problem]:
    """List Callbacks

     Callbacks, filtered by state (due, overdue, recorded), point or ticket: audit callbacks
    still due first (they must ask whether someone came), then by last change.

    Args:
        status (None | str | Unset): overdue: due and past its deadline
        point_id (None | Unset | UUID):
        ticket_id (None | Unset | UUID):
        month (None | str | Unset):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCallbackOut | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        point_id=point_id,
        ticket_id=ticket_id,
        month=month,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageCallbackOut | Problem | None:
    """List Callbacks

     Callbacks, filtered by state (due, overdue, recorded), point or ticket: audit callbacks
    still due first (they must ask whether someone came), then by last change.

    Args:
        status (None | str | Unset): overdue: due and past its deadline
        point_id (None | Unset | UUID):
        ticket_id (None | Unset | UUID):
        month (None | str | Unset):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCallbackOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            point_id=point_id,
            ticket_id=ticket_id,
            month=month,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
