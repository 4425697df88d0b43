from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_work_report import AdminWorkReport
from ...models.admin_work_report_format import AdminWorkReportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: str,
    staff: None | str | Unset = UNSET,
    format_: AdminWorkReportFormat | Unset = AdminWorkReportFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["month"] = month

    json_staff: None | str | Unset
    if isinstance(staff, Unset):
        json_staff = UNSET
    else:
        json_staff = staff
    params["staff"] = json_staff

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/admin-work",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdminWorkReport | Problem | None:
    if response.status_code == 200:
        response_200 = AdminWorkReport.from_dict(response.json())

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
) -> Response[AdminWorkReport | Problem]:
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
    staff: None | str | Unset = UNSET,
    format_: AdminWorkReportFormat | Unset = AdminWorkReportFormat.JSON,
) -> Response[AdminWorkReport | Problem]:
    """Admin Work Report

     The month's class D work: per staff member (the monthly work record) and every entry.

    Args:
        month (str): YYYY-MM
        staff (None | str | Unset):
        format_ (AdminWorkReportFormat | Unset): json, or csv for a spreadsheet Default:
            AdminWorkReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminWorkReport | Problem]
    """

    kwargs = _get_kwargs(
        month=month,
        staff=staff,
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
    staff: None | str | Unset = UNSET,
    format_: AdminWorkReportFormat | Unset = AdminWorkReportFormat.JSON,
) -> AdminWorkReport | Problem | None:
    """Admin Work Report

     The month's class D work: per staff member (the monthly work record) and every entry.

    Args:
        month (str): YYYY-MM
        staff (None | str | Unset):
        format_ (AdminWorkReportFormat | Unset): json, or csv for a spreadsheet Default:
            AdminWorkReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminWorkReport | Problem
    """

    return sync_detailed(
        client=client,
        month=month,
        staff=staff,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
    staff: None | str | Unset = UNSET,
    format_: AdminWorkReportFormat | Unset = AdminWorkReportFormat.JSON,
) -> Response[AdminWorkReport | Problem]:
    """Admin Work Report

     The month's class D work: per staff member (the monthly work record) and every entry.

    Args:
        month (str): YYYY-MM
        staff (None | str | Unset):
        format_ (AdminWorkReportFormat | Unset): json, or csv for a spreadsheet Default:
            AdminWorkReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminWorkReport | Problem]
    """

    kwargs = _get_kwargs(
        month=month,
        staff=staff,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: str,
    staff: None | str | Unset = UNSET,
    format_: AdminWorkReportFormat | Unset = AdminWorkReportFormat.JSON,
) -> AdminWorkReport | Problem | None:
    """Admin Work Report

     The month's class D work: per staff member (the monthly work record) and every entry.

    Args:
        month (str): YYYY-MM
        staff (None | str | Unset):
        format_ (AdminWorkReportFormat | Unset): json, or csv for a spreadsheet Default:
            AdminWorkReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminWorkReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            month=month,
            staff=staff,
            format_=format_,
        )
    ).parsed
