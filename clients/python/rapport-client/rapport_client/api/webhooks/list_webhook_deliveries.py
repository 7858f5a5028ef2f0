from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_state import DeliveryState
from ...models.page_delivery import PageDelivery
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    state: DeliveryState | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    json_event_id: str | Unset = UNSET
    if not isinstance(event_id, Unset):
        json_event_id = str(event_id)
    params["event_id"] = json_event_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/{id}/deliveries".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageDelivery | Problem | None:
    if response.status_code == 200:
        response_200 = PageDelivery.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[PageDelivery | Problem]:
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
    state: DeliveryState | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageDelivery | Problem]:
    """List an endpoint's deliveries

     Admins only. Newest first, each with its log of tries (time, status code, latency,
    error, the start of the answer's body).

    Args:
        id (UUID):
        state (DeliveryState | Unset): Where a delivery stands: `pending` (to be tried, or being
            tried), `delivered` (a 2xx
            came back) or `failed` (its retry window closed; `retry` tries again).
        event_id (UUID | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDelivery | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        state=state,
        event_id=event_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    state: DeliveryState | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageDelivery | Problem | None:
    """List an endpoint's deliveries

     Admins only. Newest first, each with its log of tries (time, status code, latency,
    error, the start of the answer's body).

    Args:
        id (UUID):
        state (DeliveryState | Unset): Where a delivery stands: `pending` (to be tried, or being
            tried), `delivered` (a 2xx
            came back) or `failed` (its retry window closed; `retry` tries again).
        event_id (UUID | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDelivery | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        state=state,
        event_id=event_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    state: DeliveryState | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageDelivery | Problem]:
    """List an endpoint's deliveries

     Admins only. Newest first, each with its log of tries (time, status code, latency,
    error, the start of the answer's body).

    Args:
        id (UUID):
        state (DeliveryState | Unset): Where a delivery stands: `pending` (to be tried, or being
            tried), `delivered` (a 2xx
            came back) or `failed` (its retry window closed; `retry` tries again).
        event_id (UUID | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDelivery | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        state=state,
        event_id=event_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    state: DeliveryState | Unset = UNSET,
    event_id: UUID | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageDelivery | Problem | None:
    """List an endpoint's deliveries

     Admins only. Newest first, each with its log of tries (time, status code, latency,
    error, the start of the answer's body).

    Args:
        id (UUID):
        state (DeliveryState | Unset): Where a delivery stands: `pending` (to be tried, or being
            tried), `delivered` (a 2xx
            came back) or `failed` (its retry window closed; `retry` tries again).
        event_id (UUID | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDelivery | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            state=state,
            event_id=event_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
