from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.touchpoint import Touchpoint
from ...models.touchpoint_skip import TouchpointSkip
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: TouchpointSkip,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/touchpoints/{id}/skip".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Touchpoint | None:
    if response.status_code == 200:
        response_200 = Touchpoint.from_dict(response.json())

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
) -> Response[Problem | Touchpoint]:
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
    body: TouchpointSkip,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Touchpoint]:
    """Skip a touchpoint

     Closes a scheduled touchpoint without a contact, for the `reason` given; the next
    occurrence of a recurring series is scheduled as if it had been done. Only a scheduled
    touchpoint can be skipped (409 otherwise).

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (TouchpointSkip):  Example: {'reason': 'Customer on holiday until January'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Touchpoint]
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
    body: TouchpointSkip,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Touchpoint | None:
    """Skip a touchpoint

     Closes a scheduled touchpoint without a contact, for the `reason` given; the next
    occurrence of a recurring series is scheduled as if it had been done. Only a scheduled
    touchpoint can be skipped (409 otherwise).

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (TouchpointSkip):  Example: {'reason': 'Customer on holiday until January'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Touchpoint
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
    body: TouchpointSkip,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Touchpoint]:
    """Skip a touchpoint

     Closes a scheduled touchpoint without a contact, for the `reason` given; the next
    occurrence of a recurring series is scheduled as if it had been done. Only a scheduled
    touchpoint can be skipped (409 otherwise).

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (TouchpointSkip):  Example: {'reason': 'Customer on holiday until January'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Touchpoint]
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
    body: TouchpointSkip,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Touchpoint | None:
    """Skip a touchpoint

     Closes a scheduled touchpoint without a contact, for the `reason` given; the next
    occurrence of a recurring series is scheduled as if it had been done. Only a scheduled
    touchpoint can be skipped (409 otherwise).

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (TouchpointSkip):  Example: {'reason': 'Customer on holiday until January'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Touchpoint
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
