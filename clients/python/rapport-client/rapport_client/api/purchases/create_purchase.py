from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.purchase import Purchase
from ...models.purchase_create import PurchaseCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: PurchaseCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/customers/{id}/purchases".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Purchase | None:
    if response.status_code == 201:
        response_201 = Purchase.from_dict(response.json())

        return response_201

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Purchase]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PurchaseCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Purchase]:
    """Record a purchase

     Updates `lifetime_value_minor`, `purchase_count` and `last_purchase_at`, and emits the
    `after_purchase` event that starts the tier's cadence. A customer's purchases share one
    currency. A purchase from a churned customer wins it back: its `status` becomes `active`
    (recorded in its history with the purchase as the reason) before the cadence starts. A
    purchase logged late (older than the one a recurring series runs from) leaves the series
    where it is.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (PurchaseCreate):  Example: {'amount_minor': 129900, 'currency': 'EUR',
            'description': 'Annual licence', 'occurred_at': '2026-11-18T10:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Purchase]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PurchaseCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Purchase | None:
    """Record a purchase

     Updates `lifetime_value_minor`, `purchase_count` and `last_purchase_at`, and emits the
    `after_purchase` event that starts the tier's cadence. A customer's purchases share one
    currency. A purchase from a churned customer wins it back: its `status` becomes `active`
    (recorded in its history with the purchase as the reason) before the cadence starts. A
    purchase logged late (older than the one a recurring series runs from) leaves the series
    where it is.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (PurchaseCreate):  Example: {'amount_minor': 129900, 'currency': 'EUR',
            'description': 'Annual licence', 'occurred_at': '2026-11-18T10:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Purchase
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PurchaseCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Purchase]:
    """Record a purchase

     Updates `lifetime_value_minor`, `purchase_count` and `last_purchase_at`, and emits the
    `after_purchase` event that starts the tier's cadence. A customer's purchases share one
    currency. A purchase from a churned customer wins it back: its `status` becomes `active`
    (recorded in its history with the purchase as the reason) before the cadence starts. A
    purchase logged late (older than the one a recurring series runs from) leaves the series
    where it is.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (PurchaseCreate):  Example: {'amount_minor': 129900, 'currency': 'EUR',
            'description': 'Annual licence', 'occurred_at': '2026-11-18T10:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Purchase]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: PurchaseCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Purchase | None:
    """Record a purchase

     Updates `lifetime_value_minor`, `purchase_count` and `last_purchase_at`, and emits the
    `after_purchase` event that starts the tier's cadence. A customer's purchases share one
    currency. A purchase from a churned customer wins it back: its `status` becomes `active`
    (recorded in its history with the purchase as the reason) before the cadence starts. A
    purchase logged late (older than the one a recurring series runs from) leaves the series
    where it is.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (PurchaseCreate):  Example: {'amount_minor': 129900, 'currency': 'EUR',
            'description': 'Annual licence', 'occurred_at': '2026-11-18T10:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Purchase
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
