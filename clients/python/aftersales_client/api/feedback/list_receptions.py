from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_reception_out import PageReceptionOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    customer_id: None | Unset | UUID = UNSET,
    host_staff_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_host_staff_id: None | str | Unset
    if isinstance(host_staff_id, Unset):
        json_host_staff_id = UNSET
    elif isinstance(host_staff_id, UUID):
        json_host_staff_id = str(host_staff_id)
    else:
        json_host_staff_id = host_staff_id
    params["host_staff_id"] = json_host_staff_id

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
        "url": "/v1/receptions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReceptionOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageReceptionOut.from_dict(response.json())

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
) -> Response[PageReceptionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    host_staff_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageReceptionOut | Problem]:
    """List Receptions

     Receptions by arrival, filtered by customer or host.

    Args:
        customer_id (None | Unset | UUID):
        host_staff_id (None | Unset | UUID):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReceptionOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        host_staff_id=host_staff_id,
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
    customer_id: None | Unset | UUID = UNSET,
    host_staff_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageReceptionOut | Problem | None:
    """List Receptions

     Receptions by arrival, filtered by customer or host.

    Args:
        customer_id (None | Unset | UUID):
        host_staff_id (None | Unset | UUID):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReceptionOut | Problem
    """

    return sync_detailed(
        client=client,
        customer_id=customer_id,
        host_staff_id=host_staff_id,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    host_staff_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageReceptionOut | Problem]:
    """List Receptions

     Receptions by arrival, filtered by customer or host.

    Args:
        customer_id (None | Unset | UUID):
        host_staff_id (None | Unset | UUID):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReceptionOut | Problem]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        host_staff_id=host_staff_id,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    customer_id: None | Unset | UUID = UNSET,
    host_staff_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageReceptionOut | Problem | None:
    """List Receptions

     Receptions by arrival, filtered by customer or host.

    Args:
        customer_id (None | Unset | UUID):
        host_staff_id (None | Unset | UUID):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReceptionOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            customer_id=customer_id,
            host_staff_id=host_staff_id,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
