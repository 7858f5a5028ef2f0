from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.health import Health
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/health/ready",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Health | None:
    if response.status_code == 200:
        response_200 = Health.from_dict(response.json())

        return response_200

    if response.status_code == 503:
        response_503 = Health.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Health]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Health]:
    """Readiness: the database answers and the process is not shutting down

     200 when a database connection answers a ping, 503 with `Retry-After` otherwise, so that a
    load balancer sends requests only to replicas that can serve them. It answers within a
    second in every state: a ping slower than that is a failure, and while the database is
    known to be down (the circuit breaker is open) it answers 503 at once. From SIGTERM on it
    answers 503 `draining` at once, while the requests in flight are finished.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Health]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Health | None:
    """Readiness: the database answers and the process is not shutting down

     200 when a database connection answers a ping, 503 with `Retry-After` otherwise, so that a
    load balancer sends requests only to replicas that can serve them. It answers within a
    second in every state: a ping slower than that is a failure, and while the database is
    known to be down (the circuit breaker is open) it answers 503 at once. From SIGTERM on it
    answers 503 `draining` at once, while the requests in flight are finished.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Health
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Health]:
    """Readiness: the database answers and the process is not shutting down

     200 when a database connection answers a ping, 503 with `Retry-After` otherwise, so that a
    load balancer sends requests only to replicas that can serve them. It answers within a
    second in every state: a ping slower than that is a failure, and while the database is
    known to be down (the circuit breaker is open) it answers 503 at once. From SIGTERM on it
    answers 503 `draining` at once, while the requests in flight are finished.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Health]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Health | None:
    """Readiness: the database answers and the process is not shutting down

     200 when a database connection answers a ping, 503 with `Retry-After` otherwise, so that a
    load balancer sends requests only to replicas that can serve them. It answers within a
    second in every state: a ping slower than that is a failure, and while the database is
    known to be down (the circuit breaker is open) it answers 503 at once. From SIGTERM on it
    answers 503 `draining` at once, while the requests in flight are finished.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Health
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
