from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaint import Complaint
from ...models.complaint_create import ComplaintCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ComplaintCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/complaints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Complaint | Problem | None:
    if response.status_code == 201:
        response_201 = Complaint.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Complaint | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Complaint | Problem]:
    """Receive a complaint, suggestion or praise

     Assigned to the customer's owner unless `assignee_id` says otherwise. The deadlines come
    from the severity's SLA policy, counted from `received_at`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintCreate):  Example: {'category': 'delivery', 'channel': 'phone',
            'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'description': 'The pallet arrived
            two days late again.', 'kind': 'complaint', 'severity': 'high', 'subject': 'Second late
            delivery this month'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Complaint | Problem]
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
    body: ComplaintCreate,
    idempotency_key: str | Unset = UNSET,
) -> Complaint | Problem | None:
    """Receive a complaint, suggestion or praise

     Assigned to the customer's owner unless `assignee_id` says otherwise. The deadlines come
    from the severity's SLA policy, counted from `received_at`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintCreate):  Example: {'category': 'delivery', 'channel': 'phone',
            'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'description': 'The pallet arrived
            two days late again.', 'kind': 'complaint', 'severity': 'high', 'subject': 'Second late
            delivery this month'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Complaint | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Complaint | Problem]:
    """Receive a complaint, suggestion or praise

     Assigned to the customer's owner unless `assignee_id` says otherwise. The deadlines come
    from the severity's SLA policy, counted from `received_at`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintCreate):  Example: {'category': 'delivery', 'channel': 'phone',
            'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'description': 'The pallet arrived
            two days late again.', 'kind': 'complaint', 'severity': 'high', 'subject': 'Second late
            delivery this month'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Complaint | Problem]
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
    body: ComplaintCreate,
    idempotency_key: str | Unset = UNSET,
) -> Complaint | Problem | None:
    """Receive a complaint, suggestion or praise

     Assigned to the customer's owner unless `assignee_id` says otherwise. The deadlines come
    from the severity's SLA policy, counted from `received_at`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintCreate):  Example: {'category': 'delivery', 'channel': 'phone',
            'customer_id': '01932c8e-7f3a-7b2c-9d4e-5f6a7b8c9d0e', 'description': 'The pallet arrived
            two days late again.', 'kind': 'complaint', 'severity': 'high', 'subject': 'Second late
            delivery this month'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Complaint | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
