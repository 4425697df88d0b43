from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notification_out import NotificationOut
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    ticket_id: UUID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_ticket_id = str(ticket_id)
    params["ticket_id"] = json_ticket_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[NotificationOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = NotificationOut.from_dict(response_200_item_data)

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
) -> Response[Problem | list[NotificationOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    ticket_id: UUID,
) -> Response[Problem | list[NotificationOut]]:
    """List Notifications

     Every message about the ticket, per channel, with its delivery status: pending (and
    `held_until` while it waits out the quiet hours), sent, failed after its retries, or
    skipped with the reason (opted out, no address, channel not configured).

    Args:
        ticket_id (UUID): the ticket whose messages to show

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[NotificationOut]]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ticket_id: UUID,
) -> Problem | list[NotificationOut] | None:
    """List Notifications

     Every message about the ticket, per channel, with its delivery status: pending (and
    `held_until` while it waits out the quiet hours), sent, failed after its retries, or
    skipped with the reason (opted out, no address, channel not configured).

    Args:
        ticket_id (UUID): the ticket whose messages to show

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[NotificationOut]
    """

    return sync_detailed(
        client=client,
        ticket_id=ticket_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ticket_id: UUID,
) -> Response[Problem | list[NotificationOut]]:
    """List Notifications

     Every message about the ticket, per channel, with its delivery status: pending (and
    `held_until` while it waits out the quiet hours), sent, failed after its retries, or
    skipped with the reason (opted out, no address, channel not configured).

    Args:
        ticket_id (UUID): the ticket whose messages to show

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[NotificationOut]]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ticket_id: UUID,
) -> Problem | list[NotificationOut] | None:
    """List Notifications

     Every message about the ticket, per channel, with its delivery status: pending (and
    `held_until` while it waits out the quiet hours), sent, failed after its retries, or
    skipped with the reason (opted out, no address, channel not configured).

    Args:
        ticket_id (UUID): the ticket whose messages to show

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[NotificationOut]
    """

    return (
        await asyncio_detailed(
            client=client,
            ticket_id=ticket_id,
        )
    ).parsed
