import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_jobs_sort import ListJobsSort
from ...models.list_jobs_status_type_0 import ListJobsStatusType0
from ...models.page_job_out import PageJobOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    status: ListJobsStatusType0 | None | Unset = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    kind: None | str | Unset = UNSET,
    sort: ListJobsSort | Unset = ListJobsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_point_id: None | str | Unset
    if isinstance(point_id, Unset):
        json_point_id = UNSET
    elif isinstance(point_id, UUID):
        json_point_id = str(point_id)
    else:
        json_point_id = point_id
    params["point_id"] = json_point_id

    json_technician_id: None | str | Unset
    if isinstance(technician_id, Unset):
        json_technician_id = UNSET
    elif isinstance(technician_id, UUID):
        json_technician_id = str(technician_id)
    else:
        json_technician_id = technician_id
    params["technician_id"] = json_technician_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListJobsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_ticket_id: None | str | Unset
    if isinstance(ticket_id, Unset):
        json_ticket_id = UNSET
    elif isinstance(ticket_id, UUID):
        json_ticket_id = str(ticket_id)
    else:
        json_ticket_id = ticket_id
    params["ticket_id"] = json_ticket_id

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

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
        "url": "/v1/jobs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageJobOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageJobOut.from_dict(response.json())

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
) -> Response[PageJobOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    status: ListJobsStatusType0 | None | Unset = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    kind: None | str | Unset = UNSET,
    sort: ListJobsSort | Unset = ListJobsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageJobOut | Problem]:
    """List Jobs

     Jobs in the caller's scope (a point its own, a technician its own), filtered by point,
    technician, status, ticket, the site's `region` or the ticket's `kind`, or changed since a
    time (`updated_since`). `sort=next_due`: the open jobs by the clock that matters next
    (accept-by, booking, arrival, completion due; those with none last). To follow changes,
    sync with `since` (empty at first, then each answer's `next_since`): jobs in commit order,
    none skipped.

    Args:
        point_id (None | Unset | UUID):
        technician_id (None | Unset | UUID):
        status (ListJobsStatusType0 | None | Unset):
        ticket_id (None | Unset | UUID):
        updated_since (datetime.datetime | None | Unset): changed at or after; for a sync, `since`
            never skips a job
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        kind (None | str | Unset): the ticket's kind (repair, install, ...)
        sort (ListJobsSort | Unset): updated_at (the default): by the last change. next_due: the
            open jobs by the due time of their next clock (`next_clock`), then id; those with none
            last Default: ListJobsSort.UPDATED_AT.
        since (None | str | Unset): Sync cursor: the `next_since` of an earlier answer (empty to
            start from the first row). Returns what changed after it, in commit order, and never skips
            a row that committed late (`updated_since` can).
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageJobOut | Problem]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        technician_id=technician_id,
        status=status,
        ticket_id=ticket_id,
        updated_since=updated_since,
        region=region,
        kind=kind,
        sort=sort,
        since=since,
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
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    status: ListJobsStatusType0 | None | Unset = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    kind: None | str | Unset = UNSET,
    sort: ListJobsSort | Unset = ListJobsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageJobOut | Problem | None:
    """List Jobs

     Jobs in the caller's scope (a point its own, a technician its own), filtered by point,
    technician, status, ticket, the site's `region` or the ticket's `kind`, or changed since a
    time (`updated_since`). `sort=next_due`: the open jobs by the clock that matters next
    (accept-by, booking, arrival, completion due; those with none last). To follow changes,
    sync with `since` (empty at first, then each answer's `next_since`): jobs in commit order,
    none skipped.

    Args:
        point_id (None | Unset | UUID):
        technician_id (None | Unset | UUID):
        status (ListJobsStatusType0 | None | Unset):
        ticket_id (None | Unset | UUID):
        updated_since (datetime.datetime | None | Unset): changed at or after; for a sync, `since`
            never skips a job
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        kind (None | str | Unset): the ticket's kind (repair, install, ...)
        sort (ListJobsSort | Unset): updated_at (the default): by the last change. next_due: the
            open jobs by the due time of their next clock (`next_clock`), then id; those with none
            last Default: ListJobsSort.UPDATED_AT.
        since (None | str | Unset): Sync cursor: the `next_since` of an earlier answer (empty to
            start from the first row). Returns what changed after it, in commit order, and never skips
            a row that committed late (`updated_since` can).
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageJobOut | Problem
    """

    return sync_detailed(
        client=client,
        point_id=point_id,
        technician_id=technician_id,
        status=status,
        ticket_id=ticket_id,
        updated_since=updated_since,
        region=region,
        kind=kind,
        sort=sort,
        since=since,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    status: ListJobsStatusType0 | None | Unset = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    kind: None | str | Unset = UNSET,
    sort: ListJobsSort | Unset = ListJobsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageJobOut | Problem]:
    """List Jobs

     Jobs in the caller's scope (a point its own, a technician its own), filtered by point,
    technician, status, ticket, the site's `region` or the ticket's `kind`, or changed since a
    time (`updated_since`). `sort=next_due`: the open jobs by the clock that matters next
    (accept-by, booking, arrival, completion due; those with none last). To follow changes,
    sync with `since` (empty at first, then each answer's `next_since`): jobs in commit order,
    none skipped.

    Args:
        point_id (None | Unset | UUID):
        technician_id (None | Unset | UUID):
        status (ListJobsStatusType0 | None | Unset):
        ticket_id (None | Unset | UUID):
        updated_since (datetime.datetime | None | Unset): changed at or after; for a sync, `since`
            never skips a job
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        kind (None | str | Unset): the ticket's kind (repair, install, ...)
        sort (ListJobsSort | Unset): updated_at (the default): by the last change. next_due: the
            open jobs by the due time of their next clock (`next_clock`), then id; those with none
            last Default: ListJobsSort.UPDATED_AT.
        since (None | str | Unset): Sync cursor: the `next_since` of an earlier answer (empty to
            start from the first row). Returns what changed after it, in commit order, and never skips
            a row that committed late (`updated_since` can).
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageJobOut | Problem]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
        technician_id=technician_id,
        status=status,
        ticket_id=ticket_id,
        updated_since=updated_since,
        region=region,
        kind=kind,
        sort=sort,
        since=since,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    point_id: None | Unset | UUID = UNSET,
    technician_id: None | Unset | UUID = UNSET,
    status: ListJobsStatusType0 | None | Unset = UNSET,
    ticket_id: None | Unset | UUID = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    kind: None | str | Unset = UNSET,
    sort: ListJobsSort | Unset = ListJobsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageJobOut | Problem | None:
    """List Jobs

     Jobs in the caller's scope (a point its own, a technician its own), filtered by point,
    technician, status, ticket, the site's `region` or the ticket's `kind`, or changed since a
    time (`updated_since`). `sort=next_due`: the open jobs by the clock that matters next
    (accept-by, booking, arrival, completion due; those with none last). To follow changes,
    sync with `since` (empty at first, then each answer's `next_since`): jobs in commit order,
    none skipped.

    Args:
        point_id (None | Unset | UUID):
        technician_id (None | Unset | UUID):
        status (ListJobsStatusType0 | None | Unset):
        ticket_id (None | Unset | UUID):
        updated_since (datetime.datetime | None | Unset): changed at or after; for a sync, `since`
            never skips a job
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        kind (None | str | Unset): the ticket's kind (repair, install, ...)
        sort (ListJobsSort | Unset): updated_at (the default): by the last change. next_due: the
            open jobs by the due time of their next clock (`next_clock`), then id; those with none
            last Default: ListJobsSort.UPDATED_AT.
        since (None | str | Unset): Sync cursor: the `next_since` of an earlier answer (empty to
            start from the first row). Returns what changed after it, in commit order, and never skips
            a row that committed late (`updated_since` can).
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageJobOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            point_id=point_id,
            technician_id=technician_id,
            status=status,
            ticket_id=ticket_id,
            updated_since=updated_since,
            region=region,
            kind=kind,
            sort=sort,
            since=since,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
