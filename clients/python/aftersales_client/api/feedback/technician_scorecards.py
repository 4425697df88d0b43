from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.scorecards import Scorecards
from ...models.technician_scorecards_format import TechnicianScorecardsFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: str,
    technician_id: None | Unset | UUID = UNSET,
    format_: TechnicianScorecardsFormat | Unset = TechnicianScorecardsFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["month"] = month

    json_technician_id: None | str | Unset
    if isinstance(technician_id, Unset):
        json_technician_id = UNSET
    elif isinstance(technician_id, UUID):
        json_technician_id = str(technician_id)
    else:
        json_technician_id = technician_id
    params["technician_id"] = json_technician_id

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/scorecards/technicians",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Scorecards | None:
    if response.status_code == 200:
        response_200 = Scorecards.from_dict(response.json())

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
) -> Response[Problem | Scorecards]:
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
    technician_id: None | Unset | UUID = UNSET,
    format_: TechnicianScorecardsFormat | Unset = TechnicianScorecardsFormat.JSON,
) -> Response[Problem | Scorecards]:
    """Technician Scorecards

     Each technician's month: jobs, each of the six callback outcomes, satisfaction,
    first-visit fix rate, complaints, customers who said no one came.

    Args:
        month (str): YYYY-MM
        technician_id (None | Unset | UUID):
        format_ (TechnicianScorecardsFormat | Unset): json, or csv for a spreadsheet Default:
            TechnicianScorecardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Scorecards]
    """

    kwargs = _get_kwargs(
        month=month,
        technician_id=technician_id,
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
    technician_id: None | Unset | UUID = UNSET,
    format_: TechnicianScorecardsFormat | Unset = TechnicianScorecardsFormat.JSON,
) -> Problem | Scorecards | None:
    """Technician Scorecards

     Each technician's month: jobs, each of the six callback outcomes, satisfaction,
    first-visit fix rate, complaints, customers who said no one came.

    Args:
        month (str): YYYY-MM
        technician_id (None | Unset | UUID):
        format_ (TechnicianScorecardsFormat | Unset): json, or csv for a spreadsheet Default:
            TechnicianScorecardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Scorecards
    """

    return sync_detailed(
        client=client,
        month=month,
        technician_id=technician_id,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
    technician_id: None | Unset | UUID = UNSET,
    format_: TechnicianScorecardsFormat | Unset = TechnicianScorecardsFormat.JSON,
) -> Response[Problem | Scorecards]:
    """Technician Scorecards

     Each technician's month: jobs, each of the six callback outcomes, satisfaction,
    first-visit fix rate, complaints, customers who said no one came.

    Args:
        month (str): YYYY-MM
        technician_id (None | Unset | UUID):
        format_ (TechnicianScorecardsFormat | Unset): json, or csv for a spreadsheet Default:
            TechnicianScorecardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Scorecards]
    """

    kwargs = _get_kwargs(
        month=month,
        technician_id=technician_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: str,
    technician_id: None | Unset | UUID = UNSET,
    format_: TechnicianScorecardsFormat | Unset = TechnicianScorecardsFormat.JSON,
) -> Problem | Scorecards | None:
    """Technician Scorecards

     Each technician's month: jobs, each of the six callback outcomes, satisfaction,
    first-visit fix rate, complaints, customers who said no one came.

    Args:
        month (str): YYYY-MM
        technician_id (None | Unset | UUID):
        format_ (TechnicianScorecardsFormat | Unset): json, or csv for a spreadsheet Default:
            TechnicianScorecardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Scorecards
    """

    return (
        await asyncio_detailed(
            client=client,
            month=month,
            technician_id=technician_id,
            format_=format_,
        )
    ).parsed
