from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.playbook import Playbook
from ...models.playbook_create import PlaybookCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PlaybookCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/playbooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Playbook | Problem | None:
    if response.status_code == 201:
        response_201 = Playbook.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Playbook | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PlaybookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Playbook | Problem]:
    """Create a playbook

     Managers and admins. For a tier, for every tier (no `tier`), or as one customer's personal
    plan (`customer_id`), which replaces the tier's playbooks for that customer.

    Args:
        idempotency_key (str | Unset):
        body (PlaybookCreate):  Example: {'name': 'Key accounts after a sale', 'recurrence':
            {'channel': 'phone', 'every': 'P1M', 'purpose': 'periodic_care', 'title': 'Monthly
            personal contact'}, 'steps': [{'channel': 'letter', 'offset': 'P1D', 'purpose':
            'thank_you', 'title': 'Handwritten thank-you'}, {'channel': 'visit', 'offset': 'P2W',
            'purpose': 'visit', 'title': 'Visit'}], 'tier': 'key', 'trigger': 'after_purchase'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Playbook | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PlaybookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Playbook | Problem | None:
    """Create a playbook

     Managers and admins. For a tier, for every tier (no `tier`), or as one customer's personal
    plan (`customer_id`), which replaces the tier's playbooks for that customer.

    Args:
        idempotency_key (str | Unset):
        body (PlaybookCreate):  Example: {'name': 'Key accounts after a sale', 'recurrence':
            {'channel': 'phone', 'every': 'P1M', 'purpose': 'periodic_care', 'title': 'Monthly
            personal contact'}, 'steps': [{'channel': 'letter', 'offset': 'P1D', 'purpose':
            'thank_you', 'title': 'Handwritten thank-you'}, {'channel': 'visit', 'offset': 'P2W',
            'purpose': 'visit', 'title': 'Visit'}], 'tier': 'key', 'trigger': 'after_purchase'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Playbook | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PlaybookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Playbook | Problem]:
    """Create a playbook

     Managers and admins. For a tier, for every tier (no `tier`), or as one customer's personal
    plan (`customer_id`), which replaces the tier's playbooks for that customer.

    Args:
        idempotency_key (str | Unset):
        body (PlaybookCreate):  Example: {'name': 'Key accounts after a sale', 'recurrence':
            {'channel': 'phone', 'every': 'P1M', 'purpose': 'periodic_care', 'title': 'Monthly
            personal contact'}, 'steps': [{'channel': 'letter', 'offset': 'P1D', 'purpose':
            'thank_you', 'title': 'Handwritten thank-you'}, {'channel': 'visit', 'offset': 'P2W',
            'purpose': 'visit', 'title': 'Visit'}], 'tier': 'key', 'trigger': 'after_purchase'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Playbook | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PlaybookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Playbook | Problem | None:
    """Create a playbook

     Managers and admins. For a tier, for every tier (no `tier`), or as one customer's personal
    plan (`customer_id`), which replaces the tier's playbooks for that customer.

    Args:
        idempotency_key (str | Unset):
        body (PlaybookCreate):  Example: {'name': 'Key accounts after a sale', 'recurrence':
            {'channel': 'phone', 'every': 'P1M', 'purpose': 'periodic_care', 'title': 'Monthly
            personal contact'}, 'steps': [{'channel': 'letter', 'offset': 'P1D', 'purpose':
            'thank_you', 'title': 'Handwritten thank-you'}, {'channel': 'visit', 'offset': 'P2W',
            'purpose': 'visit', 'title': 'Visit'}], 'tier': 'key', 'trigger': 'after_purchase'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Playbook | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
