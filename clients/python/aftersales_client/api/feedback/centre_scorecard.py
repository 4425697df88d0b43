from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.centre_scorecard import CentreScorecard
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    month: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["month"] = month

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/scorecards/centre",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CentreScorecard | Problem | None:
    if response.status_code == 200:
        response_200 = CentreScorecard.from_dict(response.json())

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
) -> Response[CentreScorecard | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
) -> Response[CentreScorecard | Problem]:
    """Centre Scorecard

     The information centre's own month: callbacks done late or not at all, complaint replies
    missed. A late callback counts here, never against the point that did the job. The
    centre's answers in time, by kind and channel, and those solved on the phone are intake's
    record (`GET /v1/reports/centre`), linked as `answers`.

    Args:
        month (str): YYYY-MM

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CentreScorecard | Problem]
    """

    kwargs = _get_kwargs(
        month=month,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    month: str,
) -> CentreScorecard | Problem | None:
    """Centre Scorecard

     The information centre's own month: callbacks done late or not at all, complaint replies
    missed. A late callback counts here, never against the point that did the job. The
    centre's answers in time, by kind and channel, and those solved on the phone are intake's
    record (`GET /v1/reports/centre`), linked as `answers`.

    Args:
        month (str): YYYY-MM

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CentreScorecard | Problem
    """

    return sync_detailed(
        client=client,
        month=month,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
) -> Response[CentreScorecard | Problem]:
    """Centre Scorecard

     The information centre's own month: callbacks done late or not at all, complaint replies
    missed. A late callback counts here, never against the point that did the job. The
    centre's answers in time, by kind and channel, and those solved on the phone are intake's
    record (`GET /v1/reports/centre`), linked as `answers`.

    Args:
        month (str): YYYY-MM

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CentreScorecard | Problem]
    """

    kwargs = _get_kwargs(
        month=month,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: str,
) -> CentreScorecard | Problem | None:
    """Centre Scorecard

     The information centre's own month: callbacks done late or not at all, complaint replies
    missed. A late callback counts here, never against the point that did the job. The
    centre's answers in time, by kind and channel, and those solved on the phone are intake's
    record (`GET /v1/reports/centre`), linked as `answers`.

    Args:
        month (str): YYYY-MM

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CentreScorecard | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            month=month,
        )
    ).parsed
