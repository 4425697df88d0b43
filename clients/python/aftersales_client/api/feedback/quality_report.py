from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.quality_report import QualityReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str,
    to: str,
    comments: int | Unset = 50,
    batch_prefix: int | Unset = 6,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["comments"] = comments

    params["batch_prefix"] = batch_prefix

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/quality",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | QualityReport | None:
    if response.status_code == 200:
        response_200 = QualityReport.from_dict(response.json())

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
) -> Response[Problem | QualityReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    comments: int | Unset = 50,
    batch_prefix: int | Unset = 6,
) -> Response[Problem | QualityReport]:
    """Quality Report

     For the quality department: faults by product model and by part, repeat-failure rates
    per model, and what customers said on their callbacks.

    Args:
        from_ (str):
        to (str):
        comments (int | Unset):  Default: 50.
        batch_prefix (int | Unset): how many serial characters name a batch Default: 6.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QualityReport]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        comments=comments,
        batch_prefix=batch_prefix,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    comments: int | Unset = 50,
    batch_prefix: int | Unset = 6,
) -> Problem | QualityReport | None:
    """Quality Report

     For the quality department: faults by product model and by part, repeat-failure rates
    per model, and what customers said on their callbacks.

    Args:
        from_ (str):
        to (str):
        comments (int | Unset):  Default: 50.
        batch_prefix (int | Unset): how many serial characters name a batch Default: 6.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QualityReport
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        comments=comments,
        batch_prefix=batch_prefix,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    comments: int | Unset = 50,
    batch_prefix: int | Unset = 6,
) -> Response[Problem | QualityReport]:
    """Quality Report

     For the quality department: faults by product model and by part, repeat-failure rates
    per model, and what customers said on their callbacks.

    Args:
        from_ (str):
        to (str):
        comments (int | Unset):  Default: 50.
        batch_prefix (int | Unset): how many serial characters name a batch Default: 6.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QualityReport]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        comments=comments,
        batch_prefix=batch_prefix,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    comments: int | Unset = 50,
    batch_prefix: int | Unset = 6,
) -> Problem | QualityReport | None:
    """Quality Report

     For the quality department: faults by product model and by part, repeat-failure rates
    per model, and what customers said on their callbacks.

    Args:
        from_ (str):
        to (str):
        comments (int | Unset):  Default: 50.
        batch_prefix (int | Unset): how many serial characters name a batch Default: 6.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QualityReport
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            comments=comments,
            batch_prefix=batch_prefix,
        )
    ).parsed
