from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.staff_detail import StaffDetail
from ...types import Response


def _get_kwargs(
    staff_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/staff/{staff_id}".format(
            staff_id=quote(str(staff_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StaffDetail | None:
    if response.status_code == 200:
        response_200 = StaffDetail.from_dict(response.json())

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
) -> Response[Problem | StaffDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    staff_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StaffDetail]:
    """Get Staff

     One staff member with their strikes (1st warning, 2nd penalty, 3rd dismissal) and their
    fines (a substantiated complaint about a reception they hosted).

    Args:
        staff_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffDetail]
    """

    kwargs = _get_kwargs(
        staff_id=staff_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    staff_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | StaffDetail | None:
    """Get Staff

     One staff member with their strikes (1st warning, 2nd penalty, 3rd dismissal) and their
    fines (a substantiated complaint about a reception they hosted).

    Args:
        staff_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffDetail
    """

    return sync_detailed(
        staff_id=staff_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    staff_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StaffDetail]:
    """Get Staff

     One staff member with their strikes (1st warning, 2nd penalty, 3rd dismissal) and their
    fines (a substantiated complaint about a reception they hosted).

    Args:
        staff_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StaffDetail]
    """

    kwargs = _get_kwargs(
        staff_id=staff_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    staff_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | StaffDetail | None:
    """Get Staff

     One staff member with their strikes (1st warning, 2nd penalty, 3rd dismissal) and their
    fines (a substantiated complaint about a reception they hosted).

    Args:
        staff_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StaffDetail
    """

    return (
        await asyncio_detailed(
            staff_id=staff_id,
            client=client,
        )
    ).parsed
