from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.staff_penalty_list import StaffPenaltyList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    technician_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
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

    json_month: None | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/staff-penalties",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StaffPenaltyList | None:
    if response.status_code == 200:
        response_200 = StaffPenaltyList.from_dict(response.json())

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
) -> Response[Problem | StaffPenaltyList]:
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
    month: None | str | Unset = UNSET,
) -> Response[Problem | StaffPenaltyList]:
    """Staff Penalties

     The penalty ledger: what each staff member was fined, and whether it also came off a
    partner point's settlement.

    Args:
        technician_id (None | Unset | UUID):
        month (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffPenaltyList]
    """

    kwargs = _get_kwargs(
        technician_id=technician_id,
        month=month,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    technician_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
) -> Problem | StaffPenaltyList | None:
    """Staff Penalties

     The penalty ledger: what each staff member was fined, and whether it also came off a
    partner point's settlement.

    Args:
        technician_id (None | Unset | UUID):
        month (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffPenaltyList
    """

    return sync_detailed(
        client=client,
        technician_id=technician_id,
        month=month,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    technician_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
) -> Response[Problem | StaffPenaltyList]:
    """Staff Penalties

     The penalty ledger: what each staff member was fined, and whether it also came off a
    partner point's settlement.

    Args:
        technician_id (None | Unset | UUID):
        month (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffPenaltyList]
    """

    kwargs = _get_kwargs(
        technician_id=technician_id,
        month=month,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    technician_id: None | Unset | UUID = UNSET,
    month: None | str | Unset = UNSET,
) -> Problem | StaffPenaltyList | None:
    """Staff Penalties

     The penalty ledger: what each staff member was fined, and whether it also came off a
    partner point's settlement.

    Args:
        technician_id (None | Unset | UUID):
        month (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffPenaltyList
    """

    return (
        await asyncio_detailed(
            client=client,
            technician_id=technician_id,
            month=month,
        )
    ).parsed
