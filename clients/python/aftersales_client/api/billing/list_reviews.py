from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_reviews_rule_type_0 import ListReviewsRuleType0
from ...models.list_reviews_status_type_0 import ListReviewsStatusType0
from ...models.page_review_out import PageReviewOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListReviewsStatusType0 | None | Unset = UNSET,
    rule: ListReviewsRuleType0 | None | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListReviewsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_rule: None | str | Unset
    if isinstance(rule, Unset):
        json_rule = UNSET
    elif isinstance(rule, ListReviewsRuleType0):
        json_rule = rule.value
    else:
        json_rule = rule
    params["rule"] = json_rule

    json_point_id: None | str | Unset
    if isinstance(point_id, Unset):
        json_point_id = UNSET
    elif isinstance(point_id, UUID):
        json_point_id = str(point_id)
    else:
        json_point_id = point_id
    params["point_id"] = json_point_id

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reviews",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageReviewOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageReviewOut.from_dict(response.json())

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
) -> Response[PageReviewOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListReviewsStatusType0 | None | Unset = UNSET,
    rule: ListReviewsRuleType0 | None | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageReviewOut | Problem]:
    """List Reviews

     Flagged charges (and cash or payments the field still holds) with their reasons, oldest
    first. A point sees only its own.

    Args:
        status (ListReviewsStatusType0 | None | Unset): open, cleared or adjusted
        rule (ListReviewsRuleType0 | None | Unset):
        point_id (None | Unset | UUID):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReviewOut | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        rule=rule,
        point_id=point_id,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ListReviewsStatusType0 | None | Unset = UNSET,
    rule: ListReviewsRuleType0 | None | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageReviewOut | Problem | None:
    """List Reviews

     Flagged charges (and cash or payments the field still holds) with their reasons, oldest
    first. A point sees only its own.

    Args:
        status (ListReviewsStatusType0 | None | Unset): open, cleared or adjusted
        rule (ListReviewsRuleType0 | None | Unset):
        point_id (None | Unset | UUID):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReviewOut | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        rule=rule,
        point_id=point_id,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListReviewsStatusType0 | None | Unset = UNSET,
    rule: ListReviewsRuleType0 | None | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageReviewOut | Problem]:
    """List Reviews

     Flagged charges (and cash or payments the field still holds) with their reasons, oldest
    first. A point sees only its own.

    Args:
        status (ListReviewsStatusType0 | None | Unset): open, cleared or adjusted
        rule (ListReviewsRuleType0 | None | Unset):
        point_id (None | Unset | UUID):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReviewOut | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        rule=rule,
        point_id=point_id,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListReviewsStatusType0 | None | Unset = UNSET,
    rule: ListReviewsRuleType0 | None | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageReviewOut | Problem | None:
    """List Reviews

     Flagged charges (and cash or payments the field still holds) with their reasons, oldest
    first. A point sees only its own.

    Args:
        status (ListReviewsStatusType0 | None | Unset): open, cleared or adjusted
        rule (ListReviewsRuleType0 | None | Unset):
        point_id (None | Unset | UUID):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReviewOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            rule=rule,
            point_id=point_id,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
