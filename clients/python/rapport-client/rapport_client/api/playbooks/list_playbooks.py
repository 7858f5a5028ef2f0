from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_playbook import PagePlaybook
from ...models.problem import Problem
from ...models.tier import Tier
from ...models.trigger import Trigger
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    tier: Tier | Unset = UNSET,
    trigger: Trigger | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_tier: str | Unset = UNSET
    if not isinstance(tier, Unset):
        json_tier = tier.value

    params["tier"] = json_tier

    json_trigger: str | Unset = UNSET
    if not isinstance(trigger, Unset):
        json_trigger = trigger.value

    params["trigger"] = json_trigger

    json_customer_id: str | Unset = UNSET
    if not isinstance(customer_id, Unset):
        json_customer_id = str(customer_id)
    params["customer_id"] = json_customer_id

    params["active"] = active

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/playbooks",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PagePlaybook | Problem | None:
    if response.status_code == 200:
        response_200 = PagePlaybook.from_dict(response.json())

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
) -> Response[PagePlaybook | Problem]:
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
    tier: Tier | Unset = UNSET,
    trigger: Trigger | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> Response[PagePlaybook | Problem]:
    """List playbooks

     Everyone reads playbooks; an agent sees personal plans of their own customers only.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact
            cadence.
        trigger (Trigger | Unset): What starts a playbook.
        customer_id (UUID | Unset):
        active (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlaybook | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        tier=tier,
        trigger=trigger,
        customer_id=customer_id,
        active=active,
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
    tier: Tier | Unset = UNSET,
    trigger: Trigger | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> PagePlaybook | Problem | None:
    """List playbooks

     Everyone reads playbooks; an agent sees personal plans of their own customers only.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact
            cadence.
        trigger (Trigger | Unset): What starts a playbook.
        customer_id (UUID | Unset):
        active (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlaybook | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        tier=tier,
        trigger=trigger,
        customer_id=customer_id,
        active=active,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    tier: Tier | Unset = UNSET,
    trigger: Trigger | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> Response[PagePlaybook | Problem]:
    """List playbooks

     Everyone reads playbooks; an agent sees personal plans of their own customers only.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact
            cadence.
        trigger (Trigger | Unset): What starts a playbook.
        customer_id (UUID | Unset):
        active (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlaybook | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        tier=tier,
        trigger=trigger,
        customer_id=customer_id,
        active=active,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    tier: Tier | Unset = UNSET,
    trigger: Trigger | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> PagePlaybook | Problem | None:
    """List playbooks

     Everyone reads playbooks; an agent sees personal plans of their own customers only.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact
            cadence.
        trigger (Trigger | Unset): What starts a playbook.
        customer_id (UUID | Unset):
        active (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlaybook | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            tier=tier,
            trigger=trigger,
            customer_id=customer_id,
            active=active,
        )
    ).parsed
