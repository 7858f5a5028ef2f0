import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaint_category import ComplaintCategory
from ...models.complaint_kind import ComplaintKind
from ...models.complaint_sort import ComplaintSort
from ...models.complaint_status import ComplaintStatus
from ...models.page_complaint import PageComplaint
from ...models.problem import Problem
from ...models.severity import Severity
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    assignee_id: UUID | Unset = UNSET,
    status: ComplaintStatus | Unset = UNSET,
    kind: ComplaintKind | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    severity: Severity | Unset = UNSET,
    breached: bool | Unset = UNSET,
    received_from: datetime.datetime | Unset = UNSET,
    received_to: datetime.datetime | Unset = UNSET,
    sort: ComplaintSort | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_customer_id: str | Unset = UNSET
    if not isinstance(customer_id, Unset):
        json_customer_id = str(customer_id)
    params["customer_id"] = json_customer_id

    json_assignee_id: str | Unset = UNSET
    if not isinstance(assignee_id, Unset):
        json_assignee_id = str(assignee_id)
    params["assignee_id"] = json_assignee_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    json_severity: str | Unset = UNSET
    if not isinstance(severity, Unset):
        json_severity = severity.value

    params["severity"] = json_severity

    params["breached"] = breached

    json_received_from: str | Unset = UNSET
    if not isinstance(received_from, Unset):
        json_received_from = received_from.isoformat()
    params["received_from"] = json_received_from

    json_received_to: str | Unset = UNSET
    if not isinstance(received_to, Unset):
        json_received_to = received_to.isoformat()
    params["received_to"] = json_received_to

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["expand"] = expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/complaints",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageComplaint | Problem | None:
    if response.status_code == 200:
        response_200 = PageComplaint.from_dict(response.json())

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
) -> Response[PageComplaint | Problem]:
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
    assignee_id: UUID | Unset = UNSET,
    status: ComplaintStatus | Unset = UNSET,
    kind: ComplaintKind | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    severity: Severity | Unset = UNSET,
    breached: bool | Unset = UNSET,
    received_from: datetime.datetime | Unset = UNSET,
    received_to: datetime.datetime | Unset = UNSET,
    sort: ComplaintSort | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[PageComplaint | Problem]:
    """List complaints

     Newest first unless `sort` says otherwise. Agents see the complaints of their own
    customers only. `breached` is judged at the time of the request.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        customer_id (UUID | Unset):
        assignee_id (UUID | Unset):
        status (ComplaintStatus | Unset): Where a complaint stands in the repair workflow.
        kind (ComplaintKind | Unset): What the customer told us.
        category (ComplaintCategory | Unset):
        severity (Severity | Unset): How urgent the repair is; each severity has its own deadlines
            (`/sla-policies`).
        breached (bool | Unset):
        received_from (datetime.datetime | Unset):
        received_to (datetime.datetime | Unset):
        sort (ComplaintSort | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageComplaint | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        customer_id=customer_id,
        assignee_id=assignee_id,
        status=status,
        kind=kind,
        category=category,
        severity=severity,
        breached=breached,
        received_from=received_from,
        received_to=received_to,
        sort=sort,
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
    assignee_id: UUID | Unset = UNSET,
    status: ComplaintStatus | Unset = UNSET,
    kind: ComplaintKind | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    severity: Severity | Unset = UNSET,
    breached: bool | Unset = UNSET,
    received_from: datetime.datetime | Unset = UNSET,
    received_to: datetime.datetime | Unset = UNSET,
    sort: ComplaintSort | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> PageComplaint | Problem | None:
    """List complaints

     Newest first unless `sort` says otherwise. Agents see the complaints of their own
    customers only. `breached` is judged at the time of the request.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        customer_id (UUID | Unset):
        assignee_id (UUID | Unset):
        status (ComplaintStatus | Unset): Where a complaint stands in the repair workflow.
        kind (ComplaintKind | Unset): What the customer told us.
        category (ComplaintCategory | Unset):
        severity (Severity | Unset): How urgent the repair is; each severity has its own deadlines
            (`/sla-policies`).
        breached (bool | Unset):
        received_from (datetime.datetime | Unset):
        received_to (datetime.datetime | Unset):
        sort (ComplaintSort | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageComplaint | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        customer_id=customer_id,
        assignee_id=assignee_id,
        status=status,
        kind=kind,
        category=category,
        severity=severity,
        breached=breached,
        received_from=received_from,
        received_to=received_to,
        sort=sort,
        expand=expand,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    customer_id: UUID | Unset = UNSET,
    assignee_id: UUID | Unset = UNSET,
    status: ComplaintStatus | Unset = UNSET,
    kind: ComplaintKind | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    severity: Severity | Unset = UNSET,
    breached: bool | Unset = UNSET,
    received_from: datetime.datetime | Unset = UNSET,
    received_to: datetime.datetime | Unset = UNSET,
    sort: ComplaintSort | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[PageComplaint | Problem]:
    """List complaints

     Newest first unless `sort` says otherwise. Agents see the complaints of their own
    customers only. `breached` is judged at the time of the request.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        customer_id (UUID | Unset):
        assignee_id (UUID | Unset):
        status (ComplaintStatus | Unset): Where a complaint stands in the repair workflow.
        kind (ComplaintKind | Unset): What the customer told us.
        category (ComplaintCategory | Unset):
        severity (Severity | Unset): How urgent the repair is; each severity has its own deadlines
            (`/sla-policies`).
        breached (bool | Unset):
        received_from (datetime.datetime | Unset):
        received_to (datetime.datetime | Unset):
        sort (ComplaintSort | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageComplaint | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        customer_id=customer_id,
        assignee_id=assignee_id,
        status=status,
        kind=kind,
        category=category,
        severity=severity,
        breached=breached,
        received_from=received_from,
        received_to=received_to,
        sort=sort,
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
    assignee_id: UUID | Unset = UNSET,
    status: ComplaintStatus | Unset = UNSET,
    kind: ComplaintKind | Unset = UNSET,
    category: ComplaintCategory | Unset = UNSET,
    severity: Severity | Unset = UNSET,
    breached: bool | Unset = UNSET,
    received_from: datetime.datetime | Unset = UNSET,
    received_to: datetime.datetime | Unset = UNSET,
    sort: ComplaintSort | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> PageComplaint | Problem | None:
    """List complaints

     Newest first unless `sort` says otherwise. Agents see the complaints of their own
    customers only. `breached` is judged at the time of the request.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        customer_id (UUID | Unset):
        assignee_id (UUID | Unset):
        status (ComplaintStatus | Unset): Where a complaint stands in the repair workflow.
        kind (ComplaintKind | Unset): What the customer told us.
        category (ComplaintCategory | Unset):
        severity (Severity | Unset): How urgent the repair is; each severity has its own deadlines
            (`/sla-policies`).
        breached (bool | Unset):
        received_from (datetime.datetime | Unset):
        received_to (datetime.datetime | Unset):
        sort (ComplaintSort | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageComplaint | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            customer_id=customer_id,
            assignee_id=assignee_id,
            status=status,
            kind=kind,
            category=category,
            severity=severity,
            breached=breached,
            received_from=received_from,
            received_to=received_to,
            sort=sort,
            expand=expand,
        )
    ).parsed
