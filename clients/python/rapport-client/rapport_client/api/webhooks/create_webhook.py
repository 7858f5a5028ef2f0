from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_create import WebhookCreate
from ...models.webhook_created import WebhookCreated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookCreated | None:
    if response.status_code == 201:
        response_201 = WebhookCreated.from_dict(response.json())

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
) -> Response[Problem | WebhookCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookCreated]:
    """Subscribe an endpoint

     Admins only. From now on every event of `event_types` (all when empty) is sent to `url`
    as a Standard Webhooks request: `POST`, the event as the body (see the document's
    `webhooks`), headers `webhook-id` (the event id, the same on every retry),
    `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256>` of
    `<id>.<timestamp>.<body>` with the `secret` answered here, this once). A `2xx` answer is
    success; anything else, or no answer within 10 s, is retried with exponential backoff
    and jitter for 24 hours, one customer's events in order. An endpoint failing for longer
    than `RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS` (72) is turned off. `url` must be https and
    resolve to public addresses only (422 naming `url`), unless the configuration allows it.

    Args:
        idempotency_key (str | Unset):
        body (WebhookCreate):  Example: {'description': 'Escalations to the support chat',
            'event_types': ['customer.churned', 'complaint.escalated'], 'url':
            'https://hooks.example.com/rapport'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookCreated]
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
    body: WebhookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookCreated | None:
    """Subscribe an endpoint

     Admins only. From now on every event of `event_types` (all when empty) is sent to `url`
    as a Standard Webhooks request: `POST`, the event as the body (see the document's
    `webhooks`), headers `webhook-id` (the event id, the same on every retry),
    `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256>` of
    `<id>.<timestamp>.<body>` with the `secret` answered here, this once). A `2xx` answer is
    success; anything else, or no answer within 10 s, is retried with exponential backoff
    and jitter for 24 hours, one customer's events in order. An endpoint failing for longer
    than `RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS` (72) is turned off. `url` must be https and
    resolve to public addresses only (422 naming `url`), unless the configuration allows it.

    Args:
        idempotency_key (str | Unset):
        body (WebhookCreate):  Example: {'description': 'Escalations to the support chat',
            'event_types': ['customer.churned', 'complaint.escalated'], 'url':
            'https://hooks.example.com/rapport'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookCreated
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookCreated]:
    """Subscribe an endpoint

     Admins only. From now on every event of `event_types` (all when empty) is sent to `url`
    as a Standard Webhooks request: `POST`, the event as the body (see the document's
    `webhooks`), headers `webhook-id` (the event id, the same on every retry),
    `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256>` of
    `<id>.<timestamp>.<body>` with the `secret` answered here, this once). A `2xx` answer is
    success; anything else, or no answer within 10 s, is retried with exponential backoff
    and jitter for 24 hours, one customer's events in order. An endpoint failing for longer
    than `RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS` (72) is turned off. `url` must be https and
    resolve to public addresses only (422 naming `url`), unless the configuration allows it.

    Args:
        idempotency_key (str | Unset):
        body (WebhookCreate):  Example: {'description': 'Escalations to the support chat',
            'event_types': ['customer.churned', 'complaint.escalated'], 'url':
            'https://hooks.example.com/rapport'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookCreated]
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
    body: WebhookCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookCreated | None:
    """Subscribe an endpoint

     Admins only. From now on every event of `event_types` (all when empty) is sent to `url`
    as a Standard Webhooks request: `POST`, the event as the body (see the document's
    `webhooks`), headers `webhook-id` (the event id, the same on every retry),
    `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256>` of
    `<id>.<timestamp>.<body>` with the `secret` answered here, this once). A `2xx` answer is
    success; anything else, or no answer within 10 s, is retried with exponential backoff
    and jitter for 24 hours, one customer's events in order. An endpoint failing for longer
    than `RAPPORT_WEBHOOK_DISABLE_AFTER_HOURS` (72) is turned off. `url` must be https and
    resolve to public addresses only (422 naming `url`), unless the configuration allows it.

    Args:
        idempotency_key (str | Unset):
        body (WebhookCreate):  Example: {'description': 'Escalations to the support chat',
            'event_types': ['customer.churned', 'complaint.escalated'], 'url':
            'https://hooks.example.com/rapport'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
