from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reception_in import ReceptionIn
from ...models.reception_out import ReceptionOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ReceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/receptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReceptionOut | None:
    if response.status_code == 201:
        response_201 = ReceptionOut.from_dict(response.json())

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
) -> Response[Problem | ReceptionOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ReceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | ReceptionOut]:
    """Receive Visitor

     A visiting customer's reception: the host (a service person on the staff register, 422
    otherwise) looks after them from arrival to departure (a departure before the arrival is a
    422) and arranges lodging, appointments and the return ticket. A complaint about it is
    filed on a complaint ticket of the customer (``POST /v1/complaints`` with
    ``reception_id``).

    Args:
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (ReceptionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReceptionOut]
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
    body: ReceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | ReceptionOut | None:
    """Receive Visitor

     A visiting customer's reception: the host (a service person on the staff register, 422
    otherwise) looks after them from arrival to departure (a departure before the arrival is a
    422) and arranges lodging, appointments and the return ticket. A complaint about it is
    filed on a complaint ticket of the customer (``POST /v1/complaints`` with
    ``reception_id``).

    Args:
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (ReceptionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReceptionOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ReceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | ReceptionOut]:
    """Receive Visitor

     A visiting customer's reception: the host (a service person on the staff register, 422
    otherwise) looks after them from arrival to departure (a departure before the arrival is a
    422) and arranges lodging, appointments and the return ticket. A complaint about it is
    filed on a complaint ticket of the customer (``POST /v1/complaints`` with
    ``reception_id``).

    Args:
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (ReceptionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReceptionOut]
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
    body: ReceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | ReceptionOut | None:
    """Receive Visitor

     A visiting customer's reception: the host (a service person on the staff register, 422
    otherwise) looks after them from arrival to departure (a departure before the arrival is a
    422) and arranges lodging, appointments and the return ticket. A complaint about it is
    filed on a complaint ticket of the customer (``POST /v1/complaints`` with
    ``reception_id``).

    Args:
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (ReceptionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReceptionOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
