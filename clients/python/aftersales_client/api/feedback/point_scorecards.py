from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.point_scorecards_format import PointScorecardsFormat
from ...models.problem import Problem
from ...models.scorecards import Scorecards
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: str,
    point_id: None | Unset | UUID = UNSET,
    format_: PointScorecardsFormat | Unset = PointScorecardsFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["month"] = month

    json_point_id: None | str | Unset
    if isinstance(point_id, Unset):
        json_point_id = UNSET
    elif isinstance(point_id, UUID):
        json_point_id = str(point_id)
    else:
        json_point_id = point_id
    params["point_id"] = json_point_id

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/scorecards",
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
    point_id: None | Unset | UUID = UNSET,
    format_: PointScorecardsFormat | Unset = PointScorecardsFormat.JSON,
) -> Response[Problem | Scorecards]:
    """Point Scorecards

     Per point: callbacks, each of the six outcomes, satisfaction, first-visit fix rate,
    complaint rate, SLA compliance, the outcome score, the customers who said no one came
    (``no_visits_confirmed``), billing's review flags by rule (``flags``: count and rate per
    job; JSON only), and the grade these figures give (see the grading thresholds; flags weigh
    only with ``FEEDBACK_FLAG_WEIGHTS``); a point no callback reached keeps its grade
    (``ungraded``).

    Args:
        month (str): YYYY-MM
        point_id (None | Unset | UUID):
        format_ (PointScorecardsFormat | Unset): json, or csv for a spreadsheet Default:
            PointScorecardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Scorecards]
    """

    kwargs = _get_kwargs(
        month=month,
        point_id=point_id,
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
    point_id: None | Unset | UUID = UNSET,
    format_: PointScorecardsFormat | Unset = PointScorecardsFormat.JSON,
) -> Problem | Scorecards | None:
    """Point Scorecards

     Per point: callbacks, each of the six outcomes, satisfaction, first-visit fix rate,
    complaint rate, SLA compliance, the outcome score, the customers who said no one came
    (``no_visits_confirmed``), billing's review flags by rule (``flags``: count and rate per
    job; JSON only), and the grade these figures give (see the grading thresholds; flags weigh
    only with ``FEEDBACK_FLAG_WEIGHTS``); a point no callback reached keeps its grade
    (``ungraded``).

    Args:
        month (str): YYYY-MM
        point_id (None | Unset | UUID):
        format_ (PointScorecardsFormat | Unset): json, or csv for a spreadsheet Default:
            PointScorecardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Scorecards
    """

    return sync_detailed(
        client=client,
        month=month,
        point_id=point_id,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
    point_id: None | Unset | UUID = UNSET,
    format_: PointScorecardsFormat | Unset = PointScorecardsFormat.JSON,
) -> Response[Problem | Scorecards]:
    """Point Scorecards

     Per point: callbacks, each of the six outcomes, satisfaction, first-visit fix rate,
    complaint rate, SLA compliance, the outcome score, the customers who said no one came
    (``no_visits_confirmed``), billing's review flags by rule (``flags``: count and rate per
    job; JSON only), and the grade these figures give (see the grading thresholds; flags weigh
    only with ``FEEDBACK_FLAG_WEIGHTS``); a point no callback reached keeps its grade
    (``ungraded``).

    Args:
        month (str): YYYY-MM
        point_id (None | Unset | UUID):
        format_ (PointScorecardsFormat | Unset): json, or csv for a spreadsheet Default:
            PointScorecardsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Scorecards]
    """

    kwargs = _get_kwargs(
        month=month,
        point_id=point_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: str,
    point_id: None | Unset | UUID = UNSET,
    format_: PointScorecardsFormat | Unset = PointScorecardsFormat.JSON,
) -> Problem | Scorecards | None:
    """Point Scorecards

     Per point: callbacks, each of the six outcomes, satisfaction, first-visit fix rate,
    complaint rate, SLA compliance, the outcome score, the customers who said no one came
    (``no_visits_confirmed``), billing's review flags by rule (``flags``: count and rate per
    job; JSON only), and the grade these figures give (see the grading thresholds; flags weigh
    only with ``FEEDBACK_FLAG_WEIGHTS``); a point no callback reached keeps its grade
    (``ungraded``).

    Args:
        month (str): YYYY-MM
        point_id (None | Unset | UUID):
        format_ (PointScorecardsFormat | Unset): json, or csv for a spreadsheet Default:
            PointScorecardsFormat.JSON.

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
            point_id=point_id,
            format_=format_,
        )
    ).parsed
