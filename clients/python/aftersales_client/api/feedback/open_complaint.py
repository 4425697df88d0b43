from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaint_in import ComplaintIn
from ...models.complaint_out import ComplaintOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ComplaintIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/complaints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintOut | Problem | None:
    if response.status_code == 201:
        response_201 = ComplaintOut.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[ComplaintOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ComplaintOut | Problem]:
    """Open Complaint

     Opened by an agent or a CRM (a ``complaint`` or ``bad_attitude`` callback outcome opens
    one too): answer within 24 hours, resolve within 30 days. It names a point or technician
    that was offered, assigned or sent to one of the ticket's jobs (422 otherwise), a staff
    member of the register (``staff_id``; agents and admins; 422 for one not registered), or
    nobody: it is then about the ticket's latest visit. An agent may name someone else with an
    ``attribution_reason`` (a CRM may not), which the audit trail records. ``category``
    (default ``conduct``) says whether, substantiated, it is a strike.

    Args:
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (ComplaintIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ComplaintIn,
    idempotency_key: None | str | Unset = UNSET,
) -> ComplaintOut | Problem | None:
    """Open Complaint

     Opened by an agent or a CRM (a ``complaint`` or ``bad_attitude`` callback outcome opens
    one too): answer within 24 hours, resolve within 30 days. It names a point or technician
    that was offered, assigned or sent to one of the ticket's jobs (422 otherwise), a staff
    member of the register (``staff_id``; agents and admins; 422 for one not registered), or
    nobody: it is then about the ticket's latest visit. An agent may name someone else with an
    ``attribution_reason`` (a CRM may not), which the audit trail records. ``category``
    (default ``conduct``) says whether, substantiated, it is a strike.

    Args:
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (ComplaintIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ComplaintOut | Problem]:
    """Open Complaint

     Opened by an agent or a CRM (a ``complaint`` or ``bad_attitude`` callback outcome opens
    one too): answer within 24 hours, resolve within 30 days. It names a point or technician
    that was offered, assigned or sent to one of the ticket's jobs (422 otherwise), a staff
    member of the register (``staff_id``; agents and admins; 422 for one not registered), or
    nobody: it is then about the ticket's latest visit. An agent may name someone else with an
    ``attribution_reason`` (a CRM may not), which the audit trail records. ``category``
    (default ``conduct``) says whether, substantiated, it is a strike.

    Args:
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (ComplaintIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ComplaintIn,
    idempotency_key: None | str | Unset = UNSET,
) -> ComplaintOut | Problem | None:
    """Open Complaint

     Opened by an agent or a CRM (a ``complaint`` or ``bad_attitude`` callback outcome opens
    one too): answer within 24 hours, resolve within 30 days. It names a point or technician
    that was offered, assigned or sent to one of the ticket's jobs (422 otherwise), a staff
    member of the register (``staff_id``; agents and admins; 422 for one not registered), or
    nobody: it is then about the ticket's latest visit. An agent may name someone else with an
    ``attribution_reason`` (a CRM may not), which the audit trail records. ``category``
    (default ``conduct``) says whether, substantiated, it is a strike.

    Args:
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (ComplaintIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
