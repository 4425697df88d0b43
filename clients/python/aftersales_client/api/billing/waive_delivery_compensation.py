from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.correction_out import CorrectionOut
from ...models.delivery_waiver_in import DeliveryWaiverIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    charge_id: UUID,
    *,
    body: DeliveryWaiverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/charges/{charge_id}/delivery-compensation/waive".format(
            charge_id=quote(str(charge_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CorrectionOut | Problem | None:
    if response.status_code == 200:
        response_200 = CorrectionOut.from_dict(response.json())

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
) -> Response[CorrectionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    charge_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryWaiverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CorrectionOut | Problem]:
    """Waive Delivery Compensation

     Finance accepts an outside cause for a parts order's late delivery (`weather`,
    `carrier_force_majeure`, `customer_absent`): the customer owes the compensation credited
    for it back (a supplementary charge). A charge with no delivery compensation, or one waived
    already, is a 409; any other cause a 422.

    Args:
        charge_id (UUID):
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (DeliveryWaiverIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CorrectionOut | Problem]
    """

    kwargs = _get_kwargs(
        charge_id=charge_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    charge_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryWaiverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> CorrectionOut | Problem | None:
    """Waive Delivery Compensation

     Finance accepts an outside cause for a parts order's late delivery (`weather`,
    `carrier_force_majeure`, `customer_absent`): the customer owes the compensation credited
    for it back (a supplementary charge). A charge with no delivery compensation, or one waived
    already, is a 409; any other cause a 422.

    Args:
        charge_id (UUID):
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (DeliveryWaiverIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CorrectionOut | Problem
    """

    return sync_detailed(
        charge_id=charge_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    charge_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryWaiverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CorrectionOut | Problem]:
    """Waive Delivery Compensation

     Finance accepts an outside cause for a parts order's late delivery (`weather`,
    `carrier_force_majeure`, `customer_absent`): the customer owes the compensation credited
    for it back (a supplementary charge). A charge with no delivery compensation, or one waived
    already, is a 409; any other cause a 422.

    Args:
        charge_id (UUID):
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (DeliveryWaiverIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CorrectionOut | Problem]
    """

    kwargs = _get_kwargs(
        charge_id=charge_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    charge_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeliveryWaiverIn,
    idempotency_key: None | str | Unset = UNSET,
) -> CorrectionOut | Problem | None:
    """Waive Delivery Compensation

     Finance accepts an outside cause for a parts order's late delivery (`weather`,
    `carrier_force_majeure`, `customer_absent`): the customer owes the compensation credited
    for it back (a supplementary charge). A charge with no delivery compensation, or one waived
    already, is a 409; any other cause a 422.

    Args:
        charge_id (UUID):
        idempotency_key (None | str | Unset): Makes a creating POST safe to retry: same key and
            body replay the response.
        body (DeliveryWaiverIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CorrectionOut | Problem
    """

    return (
        await asyncio_detailed(
            charge_id=charge_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
