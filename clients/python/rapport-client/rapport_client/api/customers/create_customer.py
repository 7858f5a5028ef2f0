from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_on_duplicate import CreateOnDuplicate
from ...models.customer_create import CustomerCreate
from ...models.customer_created import CustomerCreated
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CustomerCreate,
    on_duplicate: CreateOnDuplicate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_on_duplicate: str | Unset = UNSET
    if not isinstance(on_duplicate, Unset):
        json_on_duplicate = on_duplicate.value

    params["on_duplicate"] = json_on_duplicate

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/customers",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerCreated | Problem | None:
    if response.status_code == 201:
        response_201 = CustomerCreated.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CustomerCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerCreate,
    on_duplicate: CreateOnDuplicate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[CustomerCreated | Problem]:
    """Create a customer

     The owner defaults to the caller; agents may only create customers they own. The new
    customer is compared with the customers the caller can see (same email, same phone in
    E.164, a similar name at the same company or in the same city): strong candidates are
    named in `possible_duplicates`, or, with `on_duplicate=reject`, answered 409 with the
    candidates and nothing is created.

    Args:
        on_duplicate (CreateOnDuplicate | Unset): What `POST /customers` does when the new
            customer has a strong duplicate candidate
            (score 70 or more) among the customers the caller can see.
        idempotency_key (str | Unset):
        body (CustomerCreate): A new customer. Only `name` is required. Example: {'attributes':
            {'plan': 'enterprise'}, 'birthday': '1985-12-10', 'company': 'Analytical Engines Ltd',
            'consent': {'email': 'granted', 'sms': 'refused'}, 'consent_source': 'signup form',
            'contact_window': {'end': '18:00', 'start': '12:00', 'weekdays': [1, 2, 3, 4, 5]},
            'email': 'ada@example.com', 'important_dates': [{'date': '2012-03-01', 'label': 'Company
            anniversary', 'recurring': True}], 'name': 'Ada Lovelace', 'phone': '+44 20 7946 0000',
            'preferred_channel': 'phone', 'tags': ['vip', 'engineering'], 'tier': 'important',
            'timezone': 'Europe/London'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        on_duplicate=on_duplicate,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CustomerCreate,
    on_duplicate: CreateOnDuplicate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> CustomerCreated | Problem | None:
    """Create a customer

     The owner defaults to the caller; agents may only create customers they own. The new
    customer is compared with the customers the caller can see (same email, same phone in
    E.164, a similar name at the same company or in the same city): strong candidates are
    named in `possible_duplicates`, or, with `on_duplicate=reject`, answered 409 with the
    candidates and nothing is created.

    Args:
        on_duplicate (CreateOnDuplicate | Unset): What `POST /customers` does when the new
            customer has a strong duplicate candidate
            (score 70 or more) among the customers the caller can see.
        idempotency_key (str | Unset):
        body (CustomerCreate): A new customer. Only `name` is required. Example: {'attributes':
            {'plan': 'enterprise'}, 'birthday': '1985-12-10', 'company': 'Analytical Engines Ltd',
            'consent': {'email': 'granted', 'sms': 'refused'}, 'consent_source': 'signup form',
            'contact_window': {'end': '18:00', 'start': '12:00', 'weekdays': [1, 2, 3, 4, 5]},
            'email': 'ada@example.com', 'important_dates': [{'date': '2012-03-01', 'label': 'Company
            anniversary', 'recurring': True}], 'name': 'Ada Lovelace', 'phone': '+44 20 7946 0000',
            'preferred_channel': 'phone', 'tags': ['vip', 'engineering'], 'tier': 'important',
            'timezone': 'Europe/London'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        on_duplicate=on_duplicate,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerCreate,
    on_duplicate: CreateOnDuplicate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[CustomerCreated | Problem]:
    """Create a customer

     The owner defaults to the caller; agents may only create customers they own. The new
    customer is compared with the customers the caller can see (same email, same phone in
    E.164, a similar name at the same company or in the same city): strong candidates are
    named in `possible_duplicates`, or, with `on_duplicate=reject`, answered 409 with the
    candidates and nothing is created.

    Args:
        on_duplicate (CreateOnDuplicate | Unset): What `POST /customers` does when the new
            customer has a strong duplicate candidate
            (score 70 or more) among the customers the caller can see.
        idempotency_key (str | Unset):
        body (CustomerCreate): A new customer. Only `name` is required. Example: {'attributes':
            {'plan': 'enterprise'}, 'birthday': '1985-12-10', 'company': 'Analytical Engines Ltd',
            'consent': {'email': 'granted', 'sms': 'refused'}, 'consent_source': 'signup form',
            'contact_window': {'end': '18:00', 'start': '12:00', 'weekdays': [1, 2, 3, 4, 5]},
            'email': 'ada@example.com', 'important_dates': [{'date': '2012-03-01', 'label': 'Company
            anniversary', 'recurring': True}], 'name': 'Ada Lovelace', 'phone': '+44 20 7946 0000',
            'preferred_channel': 'phone', 'tags': ['vip', 'engineering'], 'tier': 'important',
            'timezone': 'Europe/London'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        on_duplicate=on_duplicate,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CustomerCreate,
    on_duplicate: CreateOnDuplicate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> CustomerCreated | Problem | None:
    """Create a customer

     The owner defaults to the caller; agents may only create customers they own. The new
    customer is compared with the customers the caller can see (same email, same phone in
    E.164, a similar name at the same company or in the same city): strong candidates are
    named in `possible_duplicates`, or, with `on_duplicate=reject`, answered 409 with the
    candidates and nothing is created.

    Args:
        on_duplicate (CreateOnDuplicate | Unset): What `POST /customers` does when the new
            customer has a strong duplicate candidate
            (score 70 or more) among the customers the caller can see.
        idempotency_key (str | Unset):
        body (CustomerCreate): A new customer. Only `name` is required. Example: {'attributes':
            {'plan': 'enterprise'}, 'birthday': '1985-12-10', 'company': 'Analytical Engines Ltd',
            'consent': {'email': 'granted', 'sms': 'refused'}, 'consent_source': 'signup form',
            'contact_window': {'end': '18:00', 'start': '12:00', 'weekdays': [1, 2, 3, 4, 5]},
            'email': 'ada@example.com', 'important_dates': [{'date': '2012-03-01', 'label': 'Company
            anniversary', 'recurring': True}], 'name': 'Ada Lovelace', 'phone': '+44 20 7946 0000',
            'preferred_channel': 'phone', 'tags': ['vip', 'engineering'], 'tier': 'important',
            'timezone': 'Europe/London'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            on_duplicate=on_duplicate,
            idempotency_key=idempotency_key,
        )
    ).parsed
