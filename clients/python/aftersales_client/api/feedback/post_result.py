from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.callback_detail import CallbackDetail
from ...models.callback_result_in import CallbackResultIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    callback_id: UUID,
    *,
    body: CallbackResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/callbacks/{callback_id}/result".format(
            callback_id=quote(str(callback_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CallbackDetail | Problem | None:
    if response.status_code == 200:
        response_200 = CallbackDetail.from_dict(response.json())

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
) -> Response[CallbackDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    callback_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CallbackResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CallbackDetail | Problem]:
    """Post Result

     The customer reached (with one of the six outcomes, and whether someone came:
    ``visit_confirmed``, which an audit job's callback must ask), or not reached (an attempt;
    after the last allowed attempt the callback is ``unreachable`` and reported). A customer
    who says no one came opens a quality complaint against the point.

    Args:
        callback_id (UUID):
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (CallbackResultIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallbackDetail | Problem]
    """

    kwargs = _get_kwargs(
        callback_id=callback_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    callback_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CallbackResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> CallbackDetail | Problem | None:
    """Post Result

     The customer reached (with one of the six outcomes, and whether someone came:
    ``visit_confirmed``, which an audit job's callback must ask), or not reached (an attempt;
    after the last allowed attempt the callback is ``unreachable`` and reported). A customer
    who says no one came opens a quality complaint against the point.

    Args:
        callback_id (UUID):
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (CallbackResultIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallbackDetail | Problem
    """

    return sync_detailed(
        callback_id=callback_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    callback_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CallbackResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CallbackDetail | Problem]:
    """Post Result

     The customer reached (with one of the six outcomes, and whether someone came:
    ``visit_confirmed``, which an audit job's callback must ask), or not reached (an attempt;
    after the last allowed attempt the callback is ``unreachable`` and reported). A customer
    who says no one came opens a quality complaint against the point.

    Args:
        callback_id (UUID):
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (CallbackResultIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallbackDetail | Problem]
    """

    kwargs = _get_kwargs(
        callback_id=callback_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    callback_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CallbackResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> CallbackDetail | Problem | None:
    """Post Result

     The customer reached (with one of the six outcomes, and whether someone came:
    ``visit_confirmed``, which an audit job's callback must ask), or not reached (an attempt;
    after the last allowed attempt the callback is ``unreachable`` and reported). A customer
    who says no one came opens a quality complaint against the point.

    Args:
        callback_id (UUID):
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (CallbackResultIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallbackDetail | Problem
    """

    return (
        await asyncio_detailed(
            callback_id=callback_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
