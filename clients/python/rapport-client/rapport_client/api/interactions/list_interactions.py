import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel import Channel
from ...models.page_interaction import PageInteraction
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_customer_id: str | Unset = UNSET
    if not isinstance(customer_id, Unset):
        json_customer_id = str(customer_id)
    params["customer_id"] = json_customer_id

    json_user_id: str | Unset = UNSET
    if not isinstance(user_id, Unset):
        json_user_id = str(user_id)
    params["user_id"] = json_user_id

    json_channel: str | Unset = UNSET
    if not isinstance(channel, Unset):
        json_channel = channel.value

    params["channel"] = json_channel

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["expand"] = expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/interactions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageInteraction | Problem | None:
    if response.status_code == 200:
        response_200 = PageInteraction.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageInteraction | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[PageInteraction | Problem]:
    """List interactions

     Newest first. Agents see the interactions of the customers they own.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        customer_id (UUID | Unset):
        user_id (UUID | Unset):
        channel (Channel | Unset): A way of reaching a customer.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInteraction | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        customer_id=customer_id,
        user_id=user_id,
        channel=channel,
        from_=from_,
        to=to,
        expand=expand,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> PageInteraction | Problem | None:
    """List interactions

     Newest first. Agents see the interactions of the customers they own.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        customer_id (UUID | Unset):
        user_id (UUID | Unset):
        channel (Channel | Unset): A way of reaching a customer.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInteraction | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        customer_id=customer_id,
        user_id=user_id,
        channel=channel,
        from_=from_,
        to=to,
        expand=expand,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[PageInteraction | Problem]:
    """List interactions

     Newest first. Agents see the interactions of the customers they own.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        customer_id (UUID | Unset):
        user_id (UUID | Unset):
        channel (Channel | Unset): A way of reaching a customer.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageInteraction | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        customer_id=customer_id,
        user_id=user_id,
        channel=channel,
        from_=from_,
        to=to,
        expand=expand,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    channel: Channel | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> PageInteraction | Problem | None:
    """List interactions

     Newest first. Agents see the interactions of the customers they own.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        customer_id (UUID | Unset):
        user_id (UUID | Unset):
        channel (Channel | Unset): A way of reaching a customer.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageInteraction | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            customer_id=customer_id,
            user_id=user_id,
            channel=channel,
            from_=from_,
            to=to,
            expand=expand,
        )
    ).parsed
