from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.close_month_in import CloseMonthIn
from ...models.problem import Problem
from ...models.statements import Statements
from ...types import UNSET, Response, Unset


def _get_kwargs(
    month: str,
    *,
    body: CloseMonthIn | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/settlements/{month}/close".format(
            month=quote(str(month), safe=""),
        ),
    }

    if isinstance(body, CloseMonthIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Statements | None:
    if response.status_code == 200:
        response_200 = Statements.from_dict(response.json())

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
) -> Response[Problem | Statements]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    month: str,
    *,
    client: AuthenticatedClient,
    body: CloseMonthIn | None | Unset = UNSET,
) -> Response[Problem | Statements]:
    """Close Month

     Freeze every point's statement for the month and publish it
    (``billing.settlement.closed.v1``); facts arriving later count in the next open month.
    The month must have been graded by feedback (``feedback.grading.completed.v1``) unless
    finance forces the close with ``{"force": true, "reason": "..."}``.

    Args:
        month (str): YYYY-MM
        body (CloseMonthIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statements]
    """

    kwargs = _get_kwargs(
        month=month,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    month: str,
    *,
    client: AuthenticatedClient,
    body: CloseMonthIn | None | Unset = UNSET,
) -> Problem | Statements | None:
    """Close Month

     Freeze every point's statement for the month and publish it
    (``billing.settlement.closed.v1``); facts arriving later count in the next open month.
    The month must have been graded by feedback (``feedback.grading.completed.v1``) unless
    finance forces the close with ``{"force": true, "reason": "..."}``.

    Args:
        month (str): YYYY-MM
        body (CloseMonthIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statements
    """

    return sync_detailed(
        month=month,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    month: str,
    *,
    client: AuthenticatedClient,
    body: CloseMonthIn | None | Unset = UNSET,
) -> Response[Problem | Statements]:
    """Close Month

     Freeze every point's statement for the month and publish it
    (``billing.settlement.closed.v1``); facts arriving later count in the next open month.
    The month must have been graded by feedback (``feedback.grading.completed.v1``) unless
    finance forces the close with ``{"force": true, "reason": "..."}``.

    Args:
        month (str): YYYY-MM
        body (CloseMonthIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statements]
    """

    kwargs = _get_kwargs(
        month=month,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    month: str,
    *,
    client: AuthenticatedClient,
    body: CloseMonthIn | None | Unset = UNSET,
) -> Problem | Statements | None:
    """Close Month

     Freeze every point's statement for the month and publish it
    (``billing.settlement.closed.v1``); facts arriving later count in the next open month.
    The month must have been graded by feedback (``feedback.grading.completed.v1``) unless
    finance forces the close with ``{"force": true, "reason": "..."}``.

    Args:
        month (str): YYYY-MM
        body (CloseMonthIn | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statements
    """

    return (
        await asyncio_detailed(
            month=month,
            client=client,
            body=body,
        )
    ).parsed
