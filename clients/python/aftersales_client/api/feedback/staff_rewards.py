from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reward_list import RewardList
from ...models.staff_rewards_format import StaffRewardsFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: str,
    staff_id: None | Unset | UUID = UNSET,
    format_: StaffRewardsFormat | Unset = StaffRewardsFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["month"] = month

    json_staff_id: None | str | Unset
    if isinstance(staff_id, Unset):
        json_staff_id = UNSET
    elif isinstance(staff_id, UUID):
        json_staff_id = str(staff_id)
    else:
        json_staff_id = staff_id
    params["staff_id"] = json_staff_id

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/staff-rewards",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RewardList | None:
    if response.status_code == 200:
        response_200 = RewardList.from_dict(response.json())

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
) -> Response[Problem | RewardList]:
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
    staff_id: None | Unset | UUID = UNSET,
    format_: StaffRewardsFormat | Unset = StaffRewardsFormat.JSON,
) -> Response[Problem | RewardList]:
    """Staff Rewards

     The month's staff rewards, decided by its grading (``POST /v1/grading/{month}``): the
    rewards beside billing's penalty ledger (``GET /v1/staff-penalties``).

    Args:
        month (str): YYYY-MM
        staff_id (None | Unset | UUID):
        format_ (StaffRewardsFormat | Unset): json, or csv for a spreadsheet Default:
            StaffRewardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RewardList]
    """

    kwargs = _get_kwargs(
        month=month,
        staff_id=staff_id,
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
    staff_id: None | Unset | UUID = UNSET,
    format_: StaffRewardsFormat | Unset = StaffRewardsFormat.JSON,
) -> Problem | RewardList | None:
    """Staff Rewards

     The month's staff rewards, decided by its grading (``POST /v1/grading/{month}``): the
    rewards beside billing's penalty ledger (``GET /v1/staff-penalties``).

    Args:
        month (str): YYYY-MM
        staff_id (None | Unset | UUID):
        format_ (StaffRewardsFormat | Unset): json, or csv for a spreadsheet Default:
            StaffRewardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RewardList
    """

    return sync_detailed(
        client=client,
        month=month,
        staff_id=staff_id,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
    staff_id: None | Unset | UUID = UNSET,
    format_: StaffRewardsFormat | Unset = StaffRewardsFormat.JSON,
) -> Response[Problem | RewardList]:
    """Staff Rewards

     The month's staff rewards, decided by its grading (``POST /v1/grading/{month}``): the
    rewards beside billing's penalty ledger (``GET /v1/staff-penalties``).

    Args:
        month (str): YYYY-MM
        staff_id (None | Unset | UUID):
        format_ (StaffRewardsFormat | Unset): json, or csv for a spreadsheet Default:
            StaffRewardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RewardList]
    """

    kwargs = _get_kwargs(
        month=month,
        staff_id=staff_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: str,
    staff_id: None | Unset | UUID = UNSET,
    format_: StaffRewardsFormat | Unset = StaffRewardsFormat.JSON,
) -> Problem | RewardList | None:
    """Staff Rewards

     The month's staff rewards, decided by its grading (``POST /v1/grading/{month}``): the
    rewards beside billing's penalty ledger (``GET /v1/staff-penalties``).

    Args:
        month (str): YYYY-MM
        staff_id (None | Unset | UUID):
        format_ (StaffRewardsFormat | Unset): json, or csv for a spreadsheet Default:
            StaffRewardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RewardList
    """

    return (
        await asyncio_detailed(
            client=client,
            month=month,
            staff_id=staff_id,
            format_=format_,
        )
    ).parsed
