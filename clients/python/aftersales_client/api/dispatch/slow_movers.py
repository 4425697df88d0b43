from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slow_mover_row import SlowMoverRow
from ...models.slow_movers_format import SlowMoversFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    days: int | Unset = 90,
    limit: int | Unset = 500,
    format_: SlowMoversFormat | Unset = SlowMoversFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["days"] = days

    params["limit"] = limit

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/slow-movers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[SlowMoverRow] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = SlowMoverRow.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[SlowMoverRow]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = 90,
    limit: int | Unset = 500,
    format_: SlowMoversFormat | Unset = SlowMoversFormat.JSON,
) -> Response[Problem | list[SlowMoverRow]]:
    """Slow Movers

     Parts with stock that have not moved for `days` (JSON or `?format=csv`).

    Args:
        days (int | Unset): not gone out for this long Default: 90.
        limit (int | Unset):  Default: 500.
        format_ (SlowMoversFormat | Unset): json, or csv for a spreadsheet Default:
            SlowMoversFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SlowMoverRow]]
    """

    kwargs = _get_kwargs(
        days=days,
        limit=limit,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    days: int | Unset = 90,
    limit: int | Unset = 500,
    format_: SlowMoversFormat | Unset = SlowMoversFormat.JSON,
) -> Problem | list[SlowMoverRow] | None:
    """Slow Movers

     Parts with stock that have not moved for `days` (JSON or `?format=csv`).

    Args:
        days (int | Unset): not gone out for this long Default: 90.
        limit (int | Unset):  Default: 500.
        format_ (SlowMoversFormat | Unset): json, or csv for a spreadsheet Default:
            SlowMoversFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SlowMoverRow]
    """

    return sync_detailed(
        client=client,
        days=days,
        limit=limit,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = 90,
    limit: int | Unset = 500,
    format_: SlowMoversFormat | Unset = SlowMoversFormat.JSON,
) -> Response[Problem | list[SlowMoverRow]]:
    """Slow Movers

     Parts with stock that have not moved for `days` (JSON or `?format=csv`).

    Args:
        days (int | Unset): not gone out for this long Default: 90.
        limit (int | Unset):  Default: 500.
        format_ (SlowMoversFormat | Unset): json, or csv for a spreadsheet Default:
            SlowMoversFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SlowMoverRow]]
    """

    kwargs = _get_kwargs(
        days=days,
        limit=limit,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    days: int | Unset = 90,
    limit: int | Unset = 500,
    format_: SlowMoversFormat | Unset = SlowMoversFormat.JSON,
) -> Problem | list[SlowMoverRow] | None:
    """Slow Movers

     Parts with stock that have not moved for `days` (JSON or `?format=csv`).

    Args:
        days (int | Unset): not gone out for this long Default: 90.
        limit (int | Unset):  Default: 500.
        format_ (SlowMoversFormat | Unset): json, or csv for a spreadsheet Default:
            SlowMoversFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SlowMoverRow]
    """

    return (
        await asyncio_detailed(
            client=client,
            days=days,
            limit=limit,
            format_=format_,
        )
    ).parsed
