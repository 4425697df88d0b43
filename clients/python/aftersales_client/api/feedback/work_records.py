from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.work_records_format import WorkRecordsFormat
from ...models.work_report import WorkReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: str,
    format_: WorkRecordsFormat | Unset = WorkRecordsFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["month"] = month

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/work",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WorkReport | None:
    if response.status_code == 200:
        response_200 = WorkReport.from_dict(response.json())

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
) -> Response[Problem | WorkReport]:
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
    format_: WorkRecordsFormat | Unset = WorkRecordsFormat.JSON,
) -> Response[Problem | WorkReport]:
    """Work Records

     Every visit leaves a work record; this is the month's report per technician, per point
    and per staff member of the centre (the monthly report to management): the work, the six
    callback outcomes, and each person's strikes and reward of the month.

    Args:
        month (str): YYYY-MM
        format_ (WorkRecordsFormat | Unset): json, or csv for a spreadsheet Default:
            WorkRecordsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkReport]
    """

    kwargs = _get_kwargs(
        month=month,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    month: str,
    format_: WorkRecordsFormat | Unset = WorkRecordsFormat.JSON,
) -> Problem | WorkReport | None:
    """Work Records

     Every visit leaves a work record; this is the month's report per technician, per point
    and per staff member of the centre (the monthly report to management): the work, the six
    callback outcomes, and each person's strikes and reward of the month.

    Args:
        month (str): YYYY-MM
        format_ (WorkRecordsFormat | Unset): json, or csv for a spreadsheet Default:
            WorkRecordsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkReport
    """

    return sync_detailed(
        client=client,
        month=month,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
    format_: WorkRecordsFormat | Unset = WorkRecordsFormat.JSON,
) -> Response[Problem | WorkReport]:
    """Work Records

     Every visit leaves a work record; this is the month's report per technician, per point
    and per staff member of the centre (the monthly report to management): the work, the six
    callback outcomes, and each person's strikes and reward of the month.

    Args:
        month (str): YYYY-MM
        format_ (WorkRecordsFormat | Unset): json, or csv for a spreadsheet Default:
            WorkRecordsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkReport]
    """

    kwargs = _get_kwargs(
        month=month,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: str,
    format_: WorkRecordsFormat | Unset = WorkRecordsFormat.JSON,
) -> Problem | WorkReport | None:
    """Work Records

     Every visit leaves a work record; this is the month's report per technician, per point
    and per staff member of the centre (the monthly report to management): the work, the six
    callback outcomes, and each person's strikes and reward of the month.

    Args:
        month (str): YYYY-MM
        format_ (WorkRecordsFormat | Unset): json, or csv for a spreadsheet Default:
            WorkRecordsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkReport
    """

    return (
        await asyncio_detailed(
            client=client,
            month=month,
            format_=format_,
        )
    ).parsed
