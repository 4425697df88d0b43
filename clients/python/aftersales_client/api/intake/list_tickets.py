import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_tickets_channel_type_0 import ListTicketsChannelType0
from ...models.list_tickets_closure_reason_type_0 import ListTicketsClosureReasonType0
from ...models.list_tickets_kind_type_0 import ListTicketsKindType0
from ...models.list_tickets_sort import ListTicketsSort
from ...models.list_tickets_status_type_0 import ListTicketsStatusType0
from ...models.page_ticket_out import PageTicketOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListTicketsStatusType0 | None | Unset = UNSET,
    closure_reason: ListTicketsClosureReasonType0 | None | Unset = UNSET,
    kind: ListTicketsKindType0 | None | Unset = UNSET,
    channel: ListTicketsChannelType0 | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    window_agreed: bool | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    updated_until: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListTicketsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_closure_reason: None | str | Unset
    if isinstance(closure_reason, Unset):
        json_closure_reason = UNSET
    elif isinstance(closure_reason, ListTicketsClosureReasonType0):
        json_closure_reason = closure_reason.value
    else:
        json_closure_reason = closure_reason
    params["closure_reason"] = json_closure_reason

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ListTicketsKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_channel: None | str | Unset
    if isinstance(channel, Unset):
        json_channel = UNSET
    elif isinstance(channel, ListTicketsChannelType0):
        json_channel = channel.value
    else:
        json_channel = channel
    params["channel"] = json_channel

    json_customer_id: None | str | Unset
    if isinstance(customer_id, Unset):
        json_customer_id = UNSET
    elif isinstance(customer_id, UUID):
        json_customer_id = str(customer_id)
    else:
        json_customer_id = customer_id
    params["customer_id"] = json_customer_id

    json_product_id: None | str | Unset
    if isinstance(product_id, Unset):
        json_product_id = UNSET
    elif isinstance(product_id, UUID):
        json_product_id = str(product_id)
    else:
        json_product_id = product_id
    params["product_id"] = json_product_id

    json_window_agreed: bool | None | Unset
    if isinstance(window_agreed, Unset):
        json_window_agreed = UNSET
    else:
        json_window_agreed = window_agreed
    params["window_agreed"] = json_window_agreed

    json_created_from: None | str | Unset
    if isinstance(created_from, Unset):
        json_created_from = UNSET
    elif isinstance(created_from, datetime.datetime):
        json_created_from = created_from.isoformat()
    else:
        json_created_from = created_from
    params["created_from"] = json_created_from

    json_created_to: None | str | Unset
    if isinstance(created_to, Unset):
        json_created_to = UNSET
    elif isinstance(created_to, datetime.datetime):
        json_created_to = created_to.isoformat()
    else:
        json_created_to = created_to
    params["created_to"] = json_created_to

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_updated_until: None | str | Unset
    if isinstance(updated_until, Unset):
        json_updated_until = UNSET
    elif isinstance(updated_until, datetime.datetime):
        json_updated_until = updated_until.isoformat()
    else:
        json_updated_until = updated_until
    params["updated_until"] = json_updated_until

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_point_id: None | str | Unset
    if isinstance(point_id, Unset):
        json_point_id = UNSET
    elif isinstance(point_id, UUID):
        json_point_id = str(point_id)
    else:
        json_point_id = point_id
    params["point_id"] = json_point_id

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
        "url": "/v1/tickets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTicketOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageTicketOut.from_dict(response.json())

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
) -> Response[PageTicketOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListTicketsStatusType0 | None | Unset = UNSET,
    closure_reason: ListTicketsClosureReasonType0 | None | Unset = UNSET,
    kind: ListTicketsKindType0 | None | Unset = UNSET,
    channel: ListTicketsChannelType0 | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    window_agreed: bool | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    updated_until: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageTicketOut | Problem]:
    """List Tickets

     Tickets, newest first, filtered by status, kind, channel, customer, product, whether
    a visit's slot is agreed, the site's `region` or the `point_id` its job is with; paged
    with `cursor`. `sort=next_due`: the open tickets by the clock that matters next (answer,
    arrival, completion due; those with none last). For a CRM's sync, `since` (empty at first,
    then each answer's `next_since`): tickets in commit order, none skipped.

    Args:
        status (ListTicketsStatusType0 | None | Unset): `closed` finds every ended ticket,
            whatever its closure_reason
        closure_reason (ListTicketsClosureReasonType0 | None | Unset):
        kind (ListTicketsKindType0 | None | Unset):
        channel (ListTicketsChannelType0 | None | Unset):
        customer_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        window_agreed (bool | None | Unset): visit tickets whose slot is agreed (true) or still to
            agree with the customer (false); tickets with no visit are neither
        created_from (datetime.datetime | None | Unset): created at or after
        created_to (datetime.datetime | None | Unset): created before
        updated_since (datetime.datetime | None | Unset): updated at or after; for a sync, `since`
            never skips a ticket
        updated_until (datetime.datetime | None | Unset): updated before
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        point_id (None | Unset | UUID): the network point the ticket's current job is with
            (offered to it, accepted, booked or done by it)
        sort (ListTicketsSort | Unset): updated_at (the default): by the last change. next_due:
            the open tickets by the due time of their next clock (`next_clock`), then id; those with
            none last Default: ListTicketsSort.UPDATED_AT.
        since (None | str | Unset): Sync cursor: the `next_since` of an earlier answer (empty to
            start from the first row). Returns what changed after it, in commit order, and never skips
            a row that committed late (`updated_since` can).
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTicketOut | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        closure_reason=closure_reason,
        kind=kind,
        channel=channel,
        customer_id=customer_id,
        product_id=product_id,
        window_agreed=window_agreed,
        created_from=created_from,
        created_to=created_to,
        updated_since=updated_since,
        updated_until=updated_until,
        region=region,
        point_id=point_id,
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
    status: ListTicketsStatusType0 | None | Unset = UNSET,
    closure_reason: ListTicketsClosureReasonType0 | None | Unset = UNSET,
    kind: ListTicketsKindType0 | None | Unset = UNSET,
    channel: ListTicketsChannelType0 | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    window_agreed: bool | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    updated_until: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageTicketOut | Problem | None:
    """List Tickets

     Tickets, newest first, filtered by status, kind, channel, customer, product, whether
    a visit's slot is agreed, the site's `region` or the `point_id` its job is with; paged
    with `cursor`. `sort=next_due`: the open tickets by the clock that matters next (answer,
    arrival, completion due; those with none last). For a CRM's sync, `since` (empty at first,
    then each answer's `next_since`): tickets in commit order, none skipped.

    Args:
        status (ListTicketsStatusType0 | None | Unset): `closed` finds every ended ticket,
            whatever its closure_reason
        closure_reason (ListTicketsClosureReasonType0 | None | Unset):
        kind (ListTicketsKindType0 | None | Unset):
        channel (ListTicketsChannelType0 | None | Unset):
        customer_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        window_agreed (bool | None | Unset): visit tickets whose slot is agreed (true) or still to
            agree with the customer (false); tickets with no visit are neither
        created_from (datetime.datetime | None | Unset): created at or after
        created_to (datetime.datetime | None | Unset): created before
        updated_since (datetime.datetime | None | Unset): updated at or after; for a sync, `since`
            never skips a ticket
        updated_until (datetime.datetime | None | Unset): updated before
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        point_id (None | Unset | UUID): the network point the ticket's current job is with
            (offered to it, accepted, booked or done by it)
        sort (ListTicketsSort | Unset): updated_at (the default): by the last change. next_due:
            the open tickets by the due time of their next clock (`next_clock`), then id; those with
            none last Default: ListTicketsSort.UPDATED_AT.
        since (None | str | Unset): Sync cursor: the `next_since` of an earlier answer (empty to
            start from the first row). Returns what changed after it, in commit order, and never skips
            a row that committed late (`updated_since` can).
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTicketOut | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        closure_reason=closure_reason,
        kind=kind,
        channel=channel,
        customer_id=customer_id,
        product_id=product_id,
        window_agreed=window_agreed,
        created_from=created_from,
        created_to=created_to,
        updated_since=updated_since,
        updated_until=updated_until,
        region=region,
        point_id=point_id,
        sort=sort,
        since=since,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListTicketsStatusType0 | None | Unset = UNSET,
    closure_reason: ListTicketsClosureReasonType0 | None | Unset = UNSET,
    kind: ListTicketsKindType0 | None | Unset = UNSET,
    channel: ListTicketsChannelType0 | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    window_agreed: bool | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    updated_until: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageTicketOut | Problem]:
    """List Tickets

     Tickets, newest first, filtered by status, kind, channel, customer, product, whether
    a visit's slot is agreed, the site's `region` or the `point_id` its job is with; paged
    with `cursor`. `sort=next_due`: the open tickets by the clock that matters next (answer,
    arrival, completion due; those with none last). For a CRM's sync, `since` (empty at first,
    then each answer's `next_since`): tickets in commit order, none skipped.

    Args:
        status (ListTicketsStatusType0 | None | Unset): `closed` finds every ended ticket,
            whatever its closure_reason
        closure_reason (ListTicketsClosureReasonType0 | None | Unset):
        kind (ListTicketsKindType0 | None | Unset):
        channel (ListTicketsChannelType0 | None | Unset):
        customer_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        window_agreed (bool | None | Unset): visit tickets whose slot is agreed (true) or still to
            agree with the customer (false); tickets with no visit are neither
        created_from (datetime.datetime | None | Unset): created at or after
        created_to (datetime.datetime | None | Unset): created before
        updated_since (datetime.datetime | None | Unset): updated at or after; for a sync, `since`
            never skips a ticket
        updated_until (datetime.datetime | None | Unset): updated before
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        point_id (None | Unset | UUID): the network point the ticket's current job is with
            (offered to it, accepted, booked or done by it)
        sort (ListTicketsSort | Unset): updated_at (the default): by the last change. next_due:
            the open tickets by the due time of their next clock (`next_clock`), then id; those with
            none last Default: ListTicketsSort.UPDATED_AT.
        since (None | str | Unset): Sync cursor: the `next_since` of an earlier answer (empty to
            start from the first row). Returns what changed after it, in commit order, and never skips
            a row that committed late (`updated_since` can).
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTicketOut | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        closure_reason=closure_reason,
        kind=kind,
        channel=channel,
        customer_id=customer_id,
        product_id=product_id,
        window_agreed=window_agreed,
        created_from=created_from,
        created_to=created_to,
        updated_since=updated_since,
        updated_until=updated_until,
        region=region,
        point_id=point_id,
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
    status: ListTicketsStatusType0 | None | Unset = UNSET,
    closure_reason: ListTicketsClosureReasonType0 | None | Unset = UNSET,
    kind: ListTicketsKindType0 | None | Unset = UNSET,
    channel: ListTicketsChannelType0 | None | Unset = UNSET,
    customer_id: None | Unset | UUID = UNSET,
    product_id: None | Unset | UUID = UNSET,
    window_agreed: bool | None | Unset = UNSET,
    created_from: datetime.datetime | None | Unset = UNSET,
    created_to: datetime.datetime | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    updated_until: datetime.datetime | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    point_id: None | Unset | UUID = UNSET,
    sort: ListTicketsSort | Unset = ListTicketsSort.UPDATED_AT,
    since: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageTicketOut | Problem | None:
    """List Tickets

     Tickets, newest first, filtered by status, kind, channel, customer, product, whether
    a visit's slot is agreed, the site's `region` or the `point_id` its job is with; paged
    with `cursor`. `sort=next_due`: the open tickets by the clock that matters next (answer,
    arrival, completion due; those with none last). For a CRM's sync, `since` (empty at first,
    then each answer's `next_since`): tickets in commit order, none skipped.

    Args:
        status (ListTicketsStatusType0 | None | Unset): `closed` finds every ended ticket,
            whatever its closure_reason
        closure_reason (ListTicketsClosureReasonType0 | None | Unset):
        kind (ListTicketsKindType0 | None | Unset):
        channel (ListTicketsChannelType0 | None | Unset):
        customer_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
        window_agreed (bool | None | Unset): visit tickets whose slot is agreed (true) or still to
            agree with the customer (false); tickets with no visit are neither
        created_from (datetime.datetime | None | Unset): created at or after
        created_to (datetime.datetime | None | Unset): created before
        updated_since (datetime.datetime | None | Unset): updated at or after; for a sync, `since`
            never skips a ticket
        updated_until (datetime.datetime | None | Unset): updated before
        region (None | str | Unset): the site's administrative region code or its prefix: 2 digits
            a province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)
        point_id (None | Unset | UUID): the network point the ticket's current job is with
            (offered to it, accepted, booked or done by it)
        sort (ListTicketsSort | Unset): updated_at (the default): by the last change. next_due:
            the open tickets by the due time of their next clock (`next_clock`), then id; those with
            none last Default: ListTicketsSort.UPDATED_AT.
        since (None | str | Unset): Sync cursor: the `next_since` of an earlier answer (empty to
            start from the first row). Returns what changed after it, in commit order, and never skips
            a row that committed late (`updated_since` can).
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTicketOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            closure_reason=closure_reason,
            kind=kind,
            channel=channel,
            customer_id=customer_id,
            product_id=product_id,
            window_agreed=window_agreed,
            created_from=created_from,
            created_to=created_to,
            updated_since=updated_since,
            updated_until=updated_until,
            region=region,
            point_id=point_id,
            sort=sort,
            since=since,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
