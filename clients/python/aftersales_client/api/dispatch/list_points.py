from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_point_out import PagePointOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: None | str | Unset = UNSET,
    category: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    else:
        json_category = category
    params["category"] = json_category

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    json_code: None | str | Unset
    if isinstance(code, Unset):
        json_code = UNSET
    else:
        json_code = code
    params["code"] = json_code

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
        "url": "/v1/points",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePointOut | Problem | None:
    if response.status_code == 200:
        response_200 = PagePointOut.from_dict(response.json())

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
) -> Response[PagePointOut | Problem]:
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
    category: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PagePointOut | Problem]:
    """List Points

     Network points, filtered by region, category, active flag or code.

    Args:
        region (None | str | Unset):
        category (None | str | Unset):
        active (bool | None | Unset):
        code (None | str | Unset): the point with this code (a board's filter)
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePointOut | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        category=category,
        active=active,
        code=code,
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
    region: None | str | Unset = UNSET,
    category: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PagePointOut | Problem | None:
    """List Points

     Network points, filtered by region, category, active flag or code.

    Args:
        region (None | str | Unset):
        category (None | str | Unset):
        active (bool | None | Unset):
        code (None | str | Unset): the point with this code (a board's filter)
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePointOut | Problem
    """

    return sync_detailed(
        client=client,
        region=region,
        category=category,
        active=active,
        code=code,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: None | str | Unset = UNSET,
    category: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PagePointOut | Problem]:
    """List Points

     Network points, filtered by region, category, active flag or code.

    Args:
        region (None | str | Unset):
        category (None | str | Unset):
        active (bool | None | Unset):
        code (None | str | Unset): the point with this code (a board's filter)
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePointOut | Problem]
    """

    kwargs = _get_kwargs(
        region=region,
        category=category,
        active=active,
        code=code,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: None | str | Unset = UNSET,
    category: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PagePointOut | Problem | None:
    """List Points

     Network points, filtered by region, category, active flag or code.

    Args:
        region (None | str | Unset):
        category (None | str | Unset):
        active (bool | None | Unset):
        code (None | str | Unset): the point with this code (a board's filter)
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePointOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            category=category,
            active=active,
            code=code,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
