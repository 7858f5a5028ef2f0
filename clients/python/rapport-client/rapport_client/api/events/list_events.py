from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.event_type import EventType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: UUID | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_after: str | Unset = UNSET
    if not isinstance(after, Unset):
        json_after = str(after)
    params["after"] = json_after

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_customer_id: str | Unset = UNSET
    if not isinstance(customer_id, Unset):
        json_customer_id = str(customer_id)
    params["customer_id"] = json_customer_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: UUID | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[EventPage | Problem]:
    """Read the event feed

     Oldest first, from `after` (the `next_cursor` of the page before; from the oldest kept
    without it). Every change the API makes appends its event in the same transaction, so a
    reader that polls with `next_cursor` forever sees every event once, in order, even when
    writes commit out of order (an event is shown only once no transaction still running can
    commit one before it). Agents, and agent keys, see their own customers' events. Events are
    kept for `RAPPORT_EVENT_RETENTION_DAYS` (30); an `after` older than that is 422.

    Args:
        after (UUID | Unset):
        type_ (EventType | Unset): What happened, `<resource>.<change>`.
        customer_id (UUID | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        type_=type_,
        customer_id=customer_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: UUID | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
) -> EventPage | Problem | None:
    """Read the event feed

     Oldest first, from `after` (the `next_cursor` of the page before; from the oldest kept
    without it). Every change the API makes appends its event in the same transaction, so a
    reader that polls with `next_cursor` forever sees every event once, in order, even when
    writes commit out of order (an event is shown only once no transaction still running can
    commit one before it). Agents, and agent keys, see their own customers' events. Events are
    kept for `RAPPORT_EVENT_RETENTION_DAYS` (30); an `after` older than that is 422.

    Args:
        after (UUID | Unset):
        type_ (EventType | Unset): What happened, `<resource>.<change>`.
        customer_id (UUID | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        type_=type_,
        customer_id=customer_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: UUID | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[EventPage | Problem]:
    """Read the event feed

     Oldest first, from `after` (the `next_cursor` of the page before; from the oldest kept
    without it). Every change the API makes appends its event in the same transaction, so a
    reader that polls with `next_cursor` forever sees every event once, in order, even when
    writes commit out of order (an event is shown only once no transaction still running can
    commit one before it). Agents, and agent keys, see their own customers' events. Events are
    kept for `RAPPORT_EVENT_RETENTION_DAYS` (30); an `after` older than that is 422.

    Args:
        after (UUID | Unset):
        type_ (EventType | Unset): What happened, `<resource>.<change>`.
        customer_id (UUID | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        type_=type_,
        customer_id=customer_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: UUID | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
) -> EventPage | Problem | None:
    """Read the event feed

     Oldest first, from `after` (the `next_cursor` of the page before; from the oldest kept
    without it). Every change the API makes appends its event in the same transaction, so a
    reader that polls with `next_cursor` forever sees every event once, in order, even when
    writes commit out of order (an event is shown only once no transaction still running can
    commit one before it). Agents, and agent keys, see their own customers' events. Events are
    kept for `RAPPORT_EVENT_RETENTION_DAYS` (30); an `after` older than that is 422.

    Args:
        after (UUID | Unset):
        type_ (EventType | Unset): What happened, `<resource>.<change>`.
        customer_id (UUID | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            type_=type_,
            customer_id=customer_id,
            limit=limit,
        )
    ).parsed
