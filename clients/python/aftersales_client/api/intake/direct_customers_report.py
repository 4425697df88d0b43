from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.direct_customers_report import DirectCustomersReport
from ...models.direct_customers_report_format import DirectCustomersReportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    quarter: str,
    format_: DirectCustomersReportFormat | Unset = DirectCustomersReportFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["quarter"] = quarter

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/direct-customers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DirectCustomersReport | Problem | None:
    if response.status_code == 200:
        response_200 = DirectCustomersReport.from_dict(response.json())

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
) -> Response[DirectCustomersReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    quarter: str,
    format_: DirectCustomersReportFormat | Unset = DirectCustomersReportFormat.JSON,
) -> Response[DirectCustomersReport | Problem]:
    """Direct Customers Report

     The quarterly report to management on direct customers (clause 14): for each, its
    `usage_guidance` tickets opened in the quarter and whether each was finished by its
    deadline, its tickets by kind, and its visits. JSON, or CSV (a row per customer).

    Args:
        quarter (str): YYYY-Qn, in the business's time
        format_ (DirectCustomersReportFormat | Unset): json, or csv for a spreadsheet Default:
            DirectCustomersReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DirectCustomersReport | Problem]
    """

    kwargs = _get_kwargs(
        quarter=quarter,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    quarter: str,
    format_: DirectCustomersReportFormat | Unset = DirectCustomersReportFormat.JSON,
) -> DirectCustomersReport | Problem | None:
    """Direct Customers Report

     The quarterly report to management on direct customers (clause 14): for each, its
    `usage_guidance` tickets opened in the quarter and whether each was finished by its
    deadline, its tickets by kind, and its visits. JSON, or CSV (a row per customer).

    Args:
        quarter (str): YYYY-Qn, in the business's time
        format_ (DirectCustomersReportFormat | Unset): json, or csv for a spreadsheet Default:
            DirectCustomersReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DirectCustomersReport | Problem
    """

    return sync_detailed(
        client=client,
        quarter=quarter,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    quarter: str,
    format_: DirectCustomersReportFormat | Unset = DirectCustomersReportFormat.JSON,
) -> Response[DirectCustomersReport | Problem]:
    """Direct Customers Report

     The quarterly report to management on direct customers (clause 14): for each, its
    `usage_guidance` tickets opened in the quarter and whether each was finished by its
    deadline, its tickets by kind, and its visits. JSON, or CSV (a row per customer).

    Args:
        quarter (str): YYYY-Qn, in the business's time
        format_ (DirectCustomersReportFormat | Unset): json, or csv for a spreadsheet Default:
            DirectCustomersReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DirectCustomersReport | Problem]
    """

    kwargs = _get_kwargs(
        quarter=quarter,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    quarter: str,
    format_: DirectCustomersReportFormat | Unset = DirectCustomersReportFormat.JSON,
) -> DirectCustomersReport | Problem | None:
    """Direct Customers Report

     The quarterly report to management on direct customers (clause 14): for each, its
    `usage_guidance` tickets opened in the quarter and whether each was finished by its
    deadline, its tickets by kind, and its visits. JSON, or CSV (a row per customer).

    Args:
        quarter (str): YYYY-Qn, in the business's time
        format_ (DirectCustomersReportFormat | Unset): json, or csv for a spreadsheet Default:
            DirectCustomersReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DirectCustomersReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            quarter=quarter,
            format_=format_,
        )
    ).parsed
