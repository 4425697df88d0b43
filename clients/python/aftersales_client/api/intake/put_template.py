from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.put_template_kind import PutTemplateKind
from ...models.put_template_locale import PutTemplateLocale
from ...models.template_in import TemplateIn
from ...models.template_out import TemplateOut
from ...types import Response


def _get_kwargs(
    kind: PutTemplateKind,
    locale: PutTemplateLocale,
    *,
    body: TemplateIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/notification-templates/{kind}/{locale}".format(
            kind=quote(str(kind), safe=""),
            locale=quote(str(locale), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TemplateOut | None:
    if response.status_code == 200:
        response_200 = TemplateOut.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[Problem | TemplateOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: PutTemplateKind,
    locale: PutTemplateLocale,
    *,
    client: AuthenticatedClient,
    body: TemplateIn,
) -> Response[Problem | TemplateOut]:
    """Put Template

     A new version of one wording (optional `If-Match`). A placeholder the kind does not
    have is a 422 that names it; messages already queued keep the words they were made with.

    Args:
        kind (PutTemplateKind):
        locale (PutTemplateLocale):
        body (TemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateOut]
    """

    kwargs = _get_kwargs(
        kind=kind,
        locale=locale,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: PutTemplateKind,
    locale: PutTemplateLocale,
    *,
    client: AuthenticatedClient,
    body: TemplateIn,
) -> Problem | TemplateOut | None:
    """Put Template

     A new version of one wording (optional `If-Match`). A placeholder the kind does not
    have is a 422 that names it; messages already queued keep the words they were made with.

    Args:
        kind (PutTemplateKind):
        locale (PutTemplateLocale):
        body (TemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateOut
    """

    return sync_detailed(
        kind=kind,
        locale=locale,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    kind: PutTemplateKind,
    locale: PutTemplateLocale,
    *,
    client: AuthenticatedClient,
    body: TemplateIn,
) -> Response[Problem | TemplateOut]:
    """Put Template

     A new version of one wording (optional `If-Match`). A placeholder the kind does not
    have is a 422 that names it; messages already queued keep the words they were made with.

    Args:
        kind (PutTemplateKind):
        locale (PutTemplateLocale):
        body (TemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemplateOut]
    """

    kwargs = _get_kwargs(
        kind=kind,
        locale=locale,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: PutTemplateKind,
    locale: PutTemplateLocale,
    *,
    client: AuthenticatedClient,
    body: TemplateIn,
) -> Problem | TemplateOut | None:
    """Put Template

     A new version of one wording (optional `If-Match`). A placeholder the kind does not
    have is a 422 that names it; messages already queued keep the words they were made with.

    Args:
        kind (PutTemplateKind):
        locale (PutTemplateLocale):
        body (TemplateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemplateOut
    """

    return (
        await asyncio_detailed(
            kind=kind,
            locale=locale,
            client=client,
            body=body,
        )
    ).parsed
