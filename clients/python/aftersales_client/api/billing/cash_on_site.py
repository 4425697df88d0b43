from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cash_report import CashReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    technician_id: None | Unset | UUID = UNSET,
    point_id: None | Unset | UUID = UNSET,
    outstanding: bool | Unset = False,
    limit: int | Unset = 500,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_technician_id: None | str | Unset
    if isinstance(technician_id, Unset):
        json_technician_id = UNSET
    elif isinstance(technician_id, UUID):
        json_technician_id = str(technician_id)
    else:
        json_technician_id = technician_id
    params["technician_id"] = json_technician_id

    json_point_id: None | str | Unset
    if isinstance(point_id, Unset):
        json_point_id = UNSET
    elif isinstance(point_id, UUID):
        json_point_id = str(point_id)
    else:
        json_point_id = point_id
    params["point_id"] = json_point_id

    params["outstanding"] = outstanding

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cash",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CashReport | Problem | None:
    if response.status_code == 200:
        response_200 = CashReport.from_dict(response.json())

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
) -> Response[CashReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    technician_id: None | Unset | UUID = UNSET,
    point_id: None | Unset | UUID = UNSET,
    outstanding: bool | Unset = False,
    limit: int | Unset = 500,
) -> Response[CashReport | Problem]:
    """Cash On Site

     Cash taken on site, by technician or point; `outstanding=true` for what is not yet the
    company's (a partner's office's cash included until it is remitted).

    Args:
        technician_id (None | Unset | UUID):
        point_id (None | Unset | UUID):
        outstanding (bool | Unset): only cash the company does not have yet: held by a technician,
            or by a partner point's office until it is remitted Default: False.
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CashReport | Problem]
    """

    kwargs = _get_kwargs(
        technician_id=technician_id,
        point_id=point_id,
        outstanding=outstanding,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    technician_id: None | Unset | UUID = UNSET,
    point_id: None | Unset | UUID = UNSET,
    outstanding: bool | Unset = False,
    limit: int | Unset = 500,
) -> CashReport | Problem | None:
    """Cash On Site

     Cash taken on site, by technician or point; `outstanding=true` for what is not yet the
    company's (a partner's office's cash included until it is remitted).

    Args:
        technician_id (None | Unset | UUID):
        point_id (None | Unset | UUID):
        outstanding (bool | Unset): only cash the company does not have yet: held by a technician,
            or by a partner point's office until it is remitted Default: False.
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CashReport | Problem
    """

    return sync_detailed(
        client=client,
        technician_id=technician_id,
        point_id=point_id,
        outstanding=outstanding,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    technician_id: None | Unset | UUID = UNSET,
    point_id: None | Unset | UUID = UNSET,
    outstanding: bool | Unset = False,
    limit: int | Unset = 500,
) -> Response[CashReport | Problem]:
    """Cash On Site

     Cash taken on site, by technician or point; `outstanding=true` for what is not yet the
    company's (a partner's office's cash included until it is remitted).

    Args:
        technician_id (None | Unset | UUID):
        point_id (None | Unset | UUID):
        outstanding (bool | Unset): only cash the company does not have yet: held by a technician,
            or by a partner point's office until it is remitted Default: False.
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CashReport | Problem]
    """

    kwargs = _get_kwargs(
        technician_id=technician_id,
        point_id=point_id,
        outstanding=outstanding,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    technician_id: None | Unset | UUID = UNSET,
    point_id: None | Unset | UUID = UNSET,
    outstanding: bool | Unset = False,
    limit: int | Unset = 500,
) -> CashReport | Problem | None:
    """Cash On Site

     Cash taken on site, by technician or point; `outstanding=true` for what is not yet the
    company's (a partner's office's cash included until it is remitted).

    Args:
        technician_id (None | Unset | UUID):
        point_id (None | Unset | UUID):
        outstanding (bool | Unset): only cash the company does not have yet: held by a technician,
            or by a partner point's office until it is remitted Default: False.
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CashReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            technician_id=technician_id,
            point_id=point_id,
            outstanding=outstanding,
            limit=limit,
        )
    ).parsed
