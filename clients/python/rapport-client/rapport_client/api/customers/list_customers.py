import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel import Channel
from ...models.customer_sort import CustomerSort
from ...models.customer_status import CustomerStatus
from ...models.lifecycle_stage import LifecycleStage
from ...models.page_customer import PageCustomer
from ...models.problem import Problem
from ...models.tier import Tier
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: CustomerSort | Unset = UNSET,
    tier: Tier | Unset = UNSET,
    lifecycle_stage: LifecycleStage | Unset = UNSET,
    status: CustomerStatus | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    tag: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    last_contacted_before: datetime.datetime | Unset = UNSET,
    birthday_within_days: int | Unset = UNSET,
    next_touchpoint_due_before: datetime.datetime | Unset = UNSET,
    overdue_touchpoints_min: int | Unset = UNSET,
    open_complaints_min: int | Unset = UNSET,
    segment_id: UUID | Unset = UNSET,
    consent_granted: Channel | Unset = UNSET,
    consent_refused: Channel | Unset = UNSET,
    do_not_contact: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_tier: str | Unset = UNSET
    if not isinstance(tier, Unset):
        json_tier = tier.value

    params["tier"] = json_tier

    json_lifecycle_stage: str | Unset = UNSET
    if not isinstance(lifecycle_stage, Unset):
        json_lifecycle_stage = lifecycle_stage.value

    params["lifecycle_stage"] = json_lifecycle_stage

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_owner_id: str | Unset = UNSET
    if not isinstance(owner_id, Unset):
        json_owner_id = str(owner_id)
    params["owner_id"] = json_owner_id

    params["tag"] = tag

    params["industry"] = industry

    params["q"] = q

    json_last_contacted_before: str | Unset = UNSET
    if not isinstance(last_contacted_before, Unset):
        json_last_contacted_before = last_contacted_before.isoformat()
    params["last_contacted_before"] = json_last_contacted_before

    params["birthday_within_days"] = birthday_within_days

    json_next_touchpoint_due_before: str | Unset = UNSET
    if not isinstance(next_touchpoint_due_before, Unset):
        json_next_touchpoint_due_before = next_touchpoint_due_before.isoformat()
    params["next_touchpoint_due_before"] = json_next_touchpoint_due_before

    params["overdue_touchpoints_min"] = overdue_touchpoints_min

    params["open_complaints_min"] = open_complaints_min

    json_segment_id: str | Unset = UNSET
    if not isinstance(segment_id, Unset):
        json_segment_id = str(segment_id)
    params["segment_id"] = json_segment_id

    json_consent_granted: str | Unset = UNSET
    if not isinstance(consent_granted, Unset):
        json_consent_granted = consent_granted.value

    params["consent_granted"] = json_consent_granted

    json_consent_refused: str | Unset = UNSET
    if not isinstance(consent_refused, Unset):
        json_consent_refused = consent_refused.value

    params["consent_refused"] = json_consent_refused

    params["do_not_contact"] = do_not_contact

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/customers",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageCustomer | Problem | None:
    if response.status_code == 200:
        response_200 = PageCustomer.from_dict(response.json())

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
) -> Response[PageCustomer | Problem]:
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
    sort: CustomerSort | Unset = UNSET,
    tier: Tier | Unset = UNSET,
    lifecycle_stage: LifecycleStage | Unset = UNSET,
    status: CustomerStatus | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    tag: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    last_contacted_before: datetime.datetime | Unset = UNSET,
    birthday_within_days: int | Unset = UNSET,
    next_touchpoint_due_before: datetime.datetime | Unset = UNSET,
    overdue_touchpoints_min: int | Unset = UNSET,
    open_complaints_min: int | Unset = UNSET,
    segment_id: UUID | Unset = UNSET,
    consent_granted: Channel | Unset = UNSET,
    consent_refused: Channel | Unset = UNSET,
    do_not_contact: bool | Unset = UNSET,
) -> Response[PageCustomer | Problem]:
    """List customers

     Agents see only the customers they own. Keyset-paginated: pass `next_cursor` back as
    `cursor` with the same `sort`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (CustomerSort | Unset): Sort keys of the customers list; `-` sorts descending.
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact
            cadence.
        lifecycle_stage (LifecycleStage | Unset): Where the relationship stands.
        status (CustomerStatus | Unset):
        owner_id (UUID | Unset):
        tag (str | Unset):
        industry (str | Unset):
        q (str | Unset):
        last_contacted_before (datetime.datetime | Unset):
        birthday_within_days (int | Unset):
        next_touchpoint_due_before (datetime.datetime | Unset):
        overdue_touchpoints_min (int | Unset):
        open_complaints_min (int | Unset):
        segment_id (UUID | Unset):
        consent_granted (Channel | Unset): A way of reaching a customer.
        consent_refused (Channel | Unset): A way of reaching a customer.
        do_not_contact (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCustomer | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        tier=tier,
        lifecycle_stage=lifecycle_stage,
        status=status,
        owner_id=owner_id,
        tag=tag,
        industry=industry,
        q=q,
        last_contacted_before=last_contacted_before,
        birthday_within_days=birthday_within_days,
        next_touchpoint_due_before=next_touchpoint_due_before,
        overdue_touchpoints_min=overdue_touchpoints_min,
        open_complaints_min=open_complaints_min,
        segment_id=segment_id,
        consent_granted=consent_granted,
        consent_refused=consent_refused,
        do_not_contact=do_not_contact,
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
    sort: CustomerSort | Unset = UNSET,
    tier: Tier | Unset = UNSET,
    lifecycle_stage: LifecycleStage | Unset = UNSET,
    status: CustomerStatus | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    tag: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    last_contacted_before: datetime.datetime | Unset = UNSET,
    birthday_within_days: int | Unset = UNSET,
    next_touchpoint_due_before: datetime.datetime | Unset = UNSET,
    overdue_touchpoints_min: int | Unset = UNSET,
    open_complaints_min: int | Unset = UNSET,
    segment_id: UUID | Unset = UNSET,
    consent_granted: Channel | Unset = UNSET,
    consent_refused: Channel | Unset = UNSET,
    do_not_contact: bool | Unset = UNSET,
) -> PageCustomer | Problem | None:
    """List customers

     Agents see only the customers they own. Keyset-paginated: pass `next_cursor` back as
    `cursor` with the same `sort`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (CustomerSort | Unset): Sort keys of the customers list; `-` sorts descending.
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact
            cadence.
        lifecycle_stage (LifecycleStage | Unset): Where the relationship stands.
        status (CustomerStatus | Unset):
        owner_id (UUID | Unset):
        tag (str | Unset):
        industry (str | Unset):
        q (str | Unset):
        last_contacted_before (datetime.datetime | Unset):
        birthday_within_days (int | Unset):
        next_touchpoint_due_before (datetime.datetime | Unset):
        overdue_touchpoints_min (int | Unset):
        open_complaints_min (int | Unset):
        segment_id (UUID | Unset):
        consent_granted (Channel | Unset): A way of reaching a customer.
        consent_refused (Channel | Unset): A way of reaching a customer.
        do_not_contact (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCustomer | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        tier=tier,
        lifecycle_stage=lifecycle_stage,
        status=status,
        owner_id=owner_id,
        tag=tag,
        industry=industry,
        q=q,
        last_contacted_before=last_contacted_before,
        birthday_within_days=birthday_within_days,
        next_touchpoint_due_before=next_touchpoint_due_before,
        overdue_touchpoints_min=overdue_touchpoints_min,
        open_complaints_min=open_complaints_min,
        segment_id=segment_id,
        consent_granted=consent_granted,
        consent_refused=consent_refused,
        do_not_contact=do_not_contact,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: CustomerSort | Unset = UNSET,
    tier: Tier | Unset = UNSET,
    lifecycle_stage: LifecycleStage | Unset = UNSET,
    status: CustomerStatus | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    tag: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    last_contacted_before: datetime.datetime | Unset = UNSET,
    birthday_within_days: int | Unset = UNSET,
    next_touchpoint_due_before: datetime.datetime | Unset = UNSET,
    overdue_touchpoints_min: int | Unset = UNSET,
    open_complaints_min: int | Unset = UNSET,
    segment_id: UUID | Unset = UNSET,
    consent_granted: Channel | Unset = UNSET,
    consent_refused: Channel | Unset = UNSET,
    do_not_contact: bool | Unset = UNSET,
) -> Response[PageCustomer | Problem]:
    """List customers

     Agents see only the customers they own. Keyset-paginated: pass `next_cursor` back as
    `cursor` with the same `sort`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (CustomerSort | Unset): Sort keys of the customers list; `-` sorts descending.
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact
            cadence.
        lifecycle_stage (LifecycleStage | Unset): Where the relationship stands.
        status (CustomerStatus | Unset):
        owner_id (UUID | Unset):
        tag (str | Unset):
        industry (str | Unset):
        q (str | Unset):
        last_contacted_before (datetime.datetime | Unset):
        birthday_within_days (int | Unset):
        next_touchpoint_due_before (datetime.datetime | Unset):
        overdue_touchpoints_min (int | Unset):
        open_complaints_min (int | Unset):
        segment_id (UUID | Unset):
        consent_granted (Channel | Unset): A way of reaching a customer.
        consent_refused (Channel | Unset): A way of reaching a customer.
        do_not_contact (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCustomer | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        tier=tier,
        lifecycle_stage=lifecycle_stage,
        status=status,
        owner_id=owner_id,
        tag=tag,
        industry=industry,
        q=q,
        last_contacted_before=last_contacted_before,
        birthday_within_days=birthday_within_days,
        next_touchpoint_due_before=next_touchpoint_due_before,
        overdue_touchpoints_min=overdue_touchpoints_min,
        open_complaints_min=open_complaints_min,
        segment_id=segment_id,
        consent_granted=consent_granted,
        consent_refused=consent_refused,
        do_not_contact=do_not_contact,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: CustomerSort | Unset = UNSET,
    tier: Tier | Unset = UNSET,
    lifecycle_stage: LifecycleStage | Unset = UNSET,
    status: CustomerStatus | Unset = UNSET,
    owner_id: UUID | Unset = UNSET,
    tag: str | Unset = UNSET,
    industry: str | Unset = UNSET,
    q: str | Unset = UNSET,
    last_contacted_before: datetime.datetime | Unset = UNSET,
    birthday_within_days: int | Unset = UNSET,
    next_touchpoint_due_before: datetime.datetime | Unset = UNSET,
    overdue_touchpoints_min: int | Unset = UNSET,
    open_complaints_min: int | Unset = UNSET,
    segment_id: UUID | Unset = UNSET,
    consent_granted: Channel | Unset = UNSET,
    consent_refused: Channel | Unset = UNSET,
    do_not_contact: bool | Unset = UNSET,
) -> PageCustomer | Problem | None:
    """List customers

     Agents see only the customers they own. Keyset-paginated: pass `next_cursor` back as
    `cursor` with the same `sort`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (CustomerSort | Unset): Sort keys of the customers list; `-` sorts descending.
        tier (Tier | Unset): How much and how steadily a customer buys; drives the contact
            cadence.
        lifecycle_stage (LifecycleStage | Unset): Where the relationship stands.
        status (CustomerStatus | Unset):
        owner_id (UUID | Unset):
        tag (str | Unset):
        industry (str | Unset):
        q (str | Unset):
        last_contacted_before (datetime.datetime | Unset):
        birthday_within_days (int | Unset):
        next_touchpoint_due_before (datetime.datetime | Unset):
        overdue_touchpoints_min (int | Unset):
        open_complaints_min (int | Unset):
        segment_id (UUID | Unset):
        consent_granted (Channel | Unset): A way of reaching a customer.
        consent_refused (Channel | Unset): A way of reaching a customer.
        do_not_contact (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCustomer | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            tier=tier,
            lifecycle_stage=lifecycle_stage,
            status=status,
            owner_id=owner_id,
            tag=tag,
            industry=industry,
            q=q,
            last_contacted_before=last_contacted_before,
            birthday_within_days=birthday_within_days,
            next_touchpoint_due_before=next_touchpoint_due_before,
            overdue_touchpoints_min=overdue_touchpoints_min,
            open_complaints_min=open_complaints_min,
            segment_id=segment_id,
            consent_granted=consent_granted,
            consent_refused=consent_refused,
            do_not_contact=do_not_contact,
        )
    ).parsed
