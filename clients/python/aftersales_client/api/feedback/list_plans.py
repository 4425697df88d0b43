import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_plans_purpose_type_0 import ListPlansPurposeType0
from ...models.page_care_plan_out import PageCarePlanOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    due_by: datetime.date | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    purpose: ListPlansPurposeType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_due_by: None | str | Unset
    if isinstance(due_by, Unset):
        json_due_by = UNSET
    elif isinstance(due_by, datetime.date):
        json_due_by = due_by.isoformat()
    else:
        json_due_by = due_by
    params["due_by"] = json_due_by

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_purpose: None | str | Unset
    if isinstance(purpose, Unset):
        json_purpose = UNSET
    elif isinstance(purpose, ListPlansPurposeType0):
        json_purpose = purpose.value
    else:
        json_purpose = purpose
    params["purpose"] = json_purpose

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
        "url": "/v1/care-plans",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCarePlanOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageCarePlanOut.from_dict(response.json())

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
) -> Response[PageCarePlanOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    due_by: datetime.date | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    purpose: ListPlansPurposeType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageCarePlanOut | Problem]:
    """List Plans

     ``?due_by=YYYY-MM-DD`` lists the visits due by that day; ``?purpose=usage_tracking``
    the direct customers' usage-tracking plans.

    Args:
        due_by (datetime.date | None | Unset):
        customer_id (None | Unset | UUID):
        purpose (ListPlansPurposeType0 | None | Unset):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCarePlanOut | Problem]
    """

    kwargs = _get_kwargs(
        due_by=due_by,
        customer_id=customer_id,
        purpose=purpose,
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
    due_by: datetime.date | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    purpose: ListPlansPurposeType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageCarePlanOut | Problem | None:
    """List Plans

     ``?due_by=YYYY-MM-DD`` lists the visits due by that day; ``?purpose=usage_tracking``
    the direct customers' usage-tracking plans.

    Args:
        due_by (datetime.date | None | Unset):
        customer_id (None | Unset | UUID):
        purpose (ListPlansPurposeType0 | None | Unset):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCarePlanOut | Problem
    """

    return sync_detailed(
        client=client,
        due_by=due_by,
        customer_id=customer_id,
        purpose=purpose,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    due_by: datetime.date | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    purpose: ListPlansPurposeType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageCarePlanOut | Problem]:
    """List Plans

     ``?due_by=YYYY-MM-DD`` lists the visits due by that day; ``?purpose=usage_tracking``
    the direct customers' usage-tracking plans.

    Args:
        due_by (datetime.date | None | Unset):
        customer_id (None | Unset | UUID):
        purpose (ListPlansPurposeType0 | None | Unset):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCarePlanOut | Problem]
    """

    kwargs = _get_kwargs(
        due_by=due_by,
        customer_id=customer_id,
        purpose=purpose,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    due_by: datetime.date | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    purpose: ListPlansPurposeType0 | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageCarePlanOut | Problem | None:
    """List Plans

     ``?due_by=YYYY-MM-DD`` lists the visits due by that day; ``?purpose=usage_tracking``
    the direct customers' usage-tracking plans.

    Args:
        due_by (datetime.date | None | Unset):
        customer_id (None | Unset | UUID):
        purpose (ListPlansPurposeType0 | None | Unset):
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCarePlanOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            due_by=due_by,
            customer_id=customer_id,
            purpose=purpose,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
