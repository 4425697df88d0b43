from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payment_list import PaymentList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    unreconciled: bool | None | Unset = UNSET,
    method: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    reference: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_unreconciled: bool | None | Unset
    if isinstance(unreconciled, Unset):
        json_unreconciled = UNSET
    else:
        json_unreconciled = unreconciled
    params["unreconciled"] = json_unreconciled

    json_method: None | str | Unset
    if isinstance(method, Unset):
        json_method = UNSET
    else:
        json_method = method
    params["method"] = json_method

    json_point_id: None | str | Unset
    if isinstance(point_id, Unset):
        json_point_id = UNSET
    elif isinstance(point_id, UUID):
        json_point_id = str(point_id)
    else:
        json_point_id = point_id
    params["point_id"] = json_point_id

    json_technician_id: None | str | Unset
    if isinstance(technician_id, Unset):
        json_technician_id = UNSET
    elif isinstance(technician_id, UUID):
        json_technician_id = str(technician_id)
    else:
        json_technician_id = technician_id
    params["technician_id"] = json_technician_id

    json_reference: None | str | Unset
    if isinstance(reference, Unset):
        json_reference = UNSET
    else:
        json_reference = reference
    params["reference"] = json_reference

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/payments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaymentList | Problem | None:
    if response.status_code == 200:
        response_200 = PaymentList.from_dict(response.json())

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
) -> Response[PaymentList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    unreconciled: bool | None | Unset = UNSET,
    method: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    reference: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> Response[PaymentList | Problem]:
    """List Payments

     Payments of charges, oldest first, with the charge's point and technician; one left
    unreconciled too long shows the month its partner point was deducted for it.

    Args:
        unreconciled (bool | None | Unset): true: card, transfer and wallet payments technicians
            recorded that finance has not matched to the provider's statement yet; false: those it has
        method (None | str | Unset):
        point_id (None | Unset | UUID):
        technician_id (None | Unset | UUID):
        reference (None | str | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaymentList | Problem]
    """

    kwargs = _get_kwargs(
        unreconciled=unreconciled,
        method=method,
        point_id=point_id,
        technician_id=technician_id,
        reference=reference,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    unreconciled: bool | None | Unset = UNSET,
    method: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    reference: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> PaymentList | Problem | None:
    """List Payments

     Payments of charges, oldest first, with the charge's point and technician; one left
    unreconciled too long shows the month its partner point was deducted for it.

    Args:
        unreconciled (bool | None | Unset): true: card, transfer and wallet payments technicians
            recorded that finance has not matched to the provider's statement yet; false: those it has
        method (None | str | Unset):
        point_id (None | Unset | UUID):
        technician_id (None | Unset | UUID):
        reference (None | str | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaymentList | Problem
    """

    return sync_detailed(
        client=client,
        unreconciled=unreconciled,
        method=method,
        point_id=point_id,
        technician_id=technician_id,
        reference=reference,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    unreconciled: bool | None | Unset = UNSET,
    method: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    reference: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> Response[PaymentList | Problem]:
    """List Payments

     Payments of charges, oldest first, with the charge's point and technician; one left
    unreconciled too long shows the month its partner point was deducted for it.

    Args:
        unreconciled (bool | None | Unset): true: card, transfer and wallet payments technicians
            recorded that finance has not matched to the provider's statement yet; false: those it has
        method (None | str | Unset):
        point_id (None | Unset | UUID):
        technician_id (None | Unset | UUID):
        reference (None | str | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaymentList | Problem]
    """

    kwargs = _get_kwargs(
        unreconciled=unreconciled,
        method=method,
        point_id=point_id,
        technician_id=technician_id,
        reference=reference,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    unreconciled: bool | None | Unset = UNSET,
    method: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    reference: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> PaymentList | Problem | None:
    """List Payments

     Payments of charges, oldest first, with the charge's point and technician; one left
    unreconciled too long shows the month its partner point was deducted for it.

    Args:
        unreconciled (bool | None | Unset): true: card, transfer and wallet payments technicians
            recorded that finance has not matched to the provider's statement yet; false: those it has
        method (None | str | Unset):
        point_id (None | Unset | UUID):
        technician_id (None | Unset | UUID):
        reference (None | str | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaymentList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            unreconciled=unreconciled,
            method=method,
            point_id=point_id,
            technician_id=technician_id,
            reference=reference,
            limit=limit,
        )
    ).parsed
