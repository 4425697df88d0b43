from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_customer_out import PageCustomerOut
from ...models.problem import Problem
from ...models.search_customers_type_type_0 import SearchCustomersTypeType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    phone: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    type_: None | SearchCustomersTypeType0 | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_phone: None | str | Unset
    if isinstance(phone, Unset):
        json_phone = UNSET
    else:
        json_phone = phone
    params["phone"] = json_phone

    json_name: None | str | Unset
    if isinstance(name, Unset):
        json_name = UNSET
    else:
        json_name = name
    params["name"] = json_name

    json_external_ref: None | str | Unset
    if isinstance(external_ref, Unset):
        json_external_ref = UNSET
    else:
        json_external_ref = external_ref
    params["external_ref"] = json_external_ref

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, SearchCustomersTypeType0):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

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
        "url": "/v1/customers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCustomerOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageCustomerOut.from_dict(response.json())

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
) -> Response[PageCustomerOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    phone: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    type_: None | SearchCustomersTypeType0 | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageCustomerOut | Problem]:
    """Search Customers

     Find customers by phone (normalised), name (contained, whatever the case), the CRM's
    external reference or `type` (dealers, direct customers); in the order they were
    registered, paged with `cursor`.

    Args:
        phone (None | str | Unset): any common notation
        name (None | str | Unset): a name that contains this text, whatever the case (at least 2
            characters); an erased customer is never found
        external_ref (None | str | Unset):
        type_ (None | SearchCustomersTypeType0 | Unset): consumer, dealer or direct
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCustomerOut | Problem]
    """

    kwargs = _get_kwargs(
        phone=phone,
        name=name,
        external_ref=external_ref,
        type_=type_,
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
    phone: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    type_: None | SearchCustomersTypeType0 | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageCustomerOut | Problem | None:
    """Search Customers

     Find customers by phone (normalised), name (contained, whatever the case), the CRM's
    external reference or `type` (dealers, direct customers); in the order they were
    registered, paged with `cursor`.

    Args:
        phone (None | str | Unset): any common notation
        name (None | str | Unset): a name that contains this text, whatever the case (at least 2
            characters); an erased customer is never found
        external_ref (None | str | Unset):
        type_ (None | SearchCustomersTypeType0 | Unset): consumer, dealer or direct
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCustomerOut | Problem
    """

    return sync_detailed(
        client=client,
        phone=phone,
        name=name,
        external_ref=external_ref,
        type_=type_,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    phone: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    type_: None | SearchCustomersTypeType0 | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageCustomerOut | Problem]:
    """Search Customers

     Find customers by phone (normalised), name (contained, whatever the case), the CRM's
    external reference or `type` (dealers, direct customers); in the order they were
    registered, paged with `cursor`.

    Args:
        phone (None | str | Unset): any common notation
        name (None | str | Unset): a name that contains this text, whatever the case (at least 2
            characters); an erased customer is never found
        external_ref (None | str | Unset):
        type_ (None | SearchCustomersTypeType0 | Unset): consumer, dealer or direct
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCustomerOut | Problem]
    """

    kwargs = _get_kwargs(
        phone=phone,
        name=name,
        external_ref=external_ref,
        type_=type_,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    phone: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    type_: None | SearchCustomersTypeType0 | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageCustomerOut | Problem | None:
    """Search Customers

     Find customers by phone (normalised), name (contained, whatever the case), the CRM's
    external reference or `type` (dealers, direct customers); in the order they were
    registered, paged with `cursor`.

    Args:
        phone (None | str | Unset): any common notation
        name (None | str | Unset): a name that contains this text, whatever the case (at least 2
            characters); an erased customer is never found
        external_ref (None | str | Unset):
        type_ (None | SearchCustomersTypeType0 | Unset): consumer, dealer or direct
        cursor (None | str | Unset): Opaque cursor from the previous page.
        limit (int | Unset): Page size, at most 100. Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCustomerOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            phone=phone,
            name=name,
            external_ref=external_ref,
            type_=type_,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
