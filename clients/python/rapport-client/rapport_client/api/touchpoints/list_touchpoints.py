import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_touchpoint import PageTouchpoint
from ...models.problem import Problem
from ...models.purpose import Purpose
from ...models.status import Status
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    assignee_id: UUID | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    status: Status | Unset = UNSET,
    purpose: Purpose | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_assignee_id: str | Unset = UNSET
    if not isinstance(assignee_id, Unset):
        json_assignee_id = str(assignee_id)
    params["assignee_id"] = json_assignee_id

    json_customer_id: str | Unset = UNSET
    if not isinstance(customer_id, Unset):
        json_customer_id = str(customer_id)
    params["customer_id"] = json_customer_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_purpose: str | Unset = UNSET
    if not isinstance(purpose, Unset):
        json_purpose = purpose.value

    params["purpose"] = json_purpose

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before

    json_due_after: str | Unset = UNSET
    if not isinstance(due_after, Unset):
        json_due_after = due_after.isoformat()
    params["due_after"] = json_due_after

    params["overdue"] = overdue

    params["expand"] = expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/touchpoints",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageTouchpoint | Problem | None:
    if response.status_code == 200:
        response_200 = PageTouchpoint.from_dict(response.json())

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
) -> Response[PageTouchpoint | Problem]:
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
    assignee_id: UUID | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    status: Status | Unset = UNSET,
    purpose: Purpose | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[PageTouchpoint | Problem]:
    """List touchpoints

     Soonest first. Agents see the touchpoints of their own customers only. `overdue` is
    judged at the time of the request.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        assignee_id (UUID | Unset):
        customer_id (UUID | Unset):
        status (Status | Unset):
        purpose (Purpose | Unset): Why a touchpoint exists.
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        overdue (bool | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTouchpoint | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        assignee_id=assignee_id,
        customer_id=customer_id,
        status=status,
        purpose=purpose,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
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
    assignee_id: UUID | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    status: Status | Unset = UNSET,
    purpose: Purpose | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> PageTouchpoint | Problem | None:
    """List touchpoints

     Soonest first. Agents see the touchpoints of their own customers only. `overdue` is
    judged at the time of the request.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        assignee_id (UUID | Unset):
        customer_id (UUID | Unset):
        status (Status | Unset):
        purpose (Purpose | Unset): Why a touchpoint exists.
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        overdue (bool | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTouchpoint | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        assignee_id=assignee_id,
        customer_id=customer_id,
        status=status,
        purpose=purpose,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
        expand=expand,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    assignee_id: UUID | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    status: Status | Unset = UNSET,
    purpose: Purpose | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[PageTouchpoint | Problem]:
    """List touchpoints

     Soonest first. Agents see the touchpoints of their own customers only. `overdue` is
    judged at the time of the request.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        assignee_id (UUID | Unset):
        customer_id (UUID | Unset):
        status (Status | Unset):
        purpose (Purpose | Unset): Why a touchpoint exists.
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        overdue (bool | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageTouchpoint | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        assignee_id=assignee_id,
        customer_id=customer_id,
        status=status,
        purpose=purpose,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
        expand=expand,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    assignee_id: UUID | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    status: Status | Unset = UNSET,
    purpose: Purpose | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> PageTouchpoint | Problem | None:
    """List touchpoints

     Soonest first. Agents see the touchpoints of their own customers only. `overdue` is
    judged at the time of the request.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        assignee_id (UUID | Unset):
        customer_id (UUID | Unset):
        status (Status | Unset):
        purpose (Purpose | Unset): Why a touchpoint exists.
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):
        overdue (bool | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageTouchpoint | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            assignee_id=assignee_id,
            customer_id=customer_id,
            status=status,
            purpose=purpose,
            due_before=due_before,
            due_after=due_after,
            overdue=overdue,
            expand=expand,
        )
    ).parsed
