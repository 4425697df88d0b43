from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invoice_list import InvoiceList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InvoiceList | Problem | None:
    if response.status_code == 200:
        response_200 = InvoiceList.from_dict(response.json())

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
) -> Response[InvoiceList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 50,
) -> Response[InvoiceList | Problem]:
    """List Invoices

     Invoices in number order (for the accounts, and to check the numbering is gapless).

    Args:
        year (int | None | Unset):
        after (int | Unset): the last number seen Default: 0.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceList | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        after=after,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 50,
) -> InvoiceList | Problem | None:
    """List Invoices

     Invoices in number order (for the accounts, and to check the numbering is gapless).

    Args:
        year (int | None | Unset):
        after (int | Unset): the last number seen Default: 0.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceList | Problem
    """

    return sync_detailed(
        client=client,
        year=year,
        after=after,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 50,
) -> Response[InvoiceList | Problem]:
    """List Invoices

     Invoices in number order (for the accounts, and to check the numbering is gapless).

    Args:
        year (int | None | Unset):
        after (int | Unset): the last number seen Default: 0.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoiceList | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        after=after,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 50,
) -> InvoiceList | Problem | None:
    """List Invoices

     Invoices in number order (for the accounts, and to check the numbering is gapless).

    Args:
        year (int | None | Unset):
        after (int | Unset): the last number seen Default: 0.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoiceList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            after=after,
            limit=limit,
        )
    ).parsed
