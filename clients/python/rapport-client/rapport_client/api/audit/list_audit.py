import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_audit_entry import PageAuditEntry
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_actor_id: str | Unset = UNSET
    if not isinstance(actor_id, Unset):
        json_actor_id = str(actor_id)
    params["actor_id"] = json_actor_id

    params["entity_type"] = entity_type

    params["entity_id"] = entity_id

    params["action"] = action

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAuditEntry | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEntry.from_dict(response.json())

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
) -> Response[PageAuditEntry | Problem]:
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
    actor_id: UUID | Unset = UNSET,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> Response[PageAuditEntry | Problem]:
    """Read the audit trail

     Admins only. Every write and sign-in, successful or not, and every export read: who,
    what, when, from where and which fields (never their values). Newest first; filter by
    actor, entity, action and time. Entries cannot be changed or removed through the API; they
    are kept for `RAPPORT_AUDIT_RETENTION_DAYS`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        actor_id (UUID | Unset):
        entity_type (str | Unset):
        entity_id (str | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEntry | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        actor_id=actor_id,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        from_=from_,
        to=to,
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
    actor_id: UUID | Unset = UNSET,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> PageAuditEntry | Problem | None:
    """Read the audit trail

     Admins only. Every write and sign-in, successful or not, and every export read: who,
    what, when, from where and which fields (never their values). Newest first; filter by
    actor, entity, action and time. Entries cannot be changed or removed through the API; they
    are kept for `RAPPORT_AUDIT_RETENTION_DAYS`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        actor_id (UUID | Unset):
        entity_type (str | Unset):
        entity_id (str | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEntry | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        actor_id=actor_id,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> Response[PageAuditEntry | Problem]:
    """Read the audit trail

     Admins only. Every write and sign-in, successful or not, and every export read: who,
    what, when, from where and which fields (never their values). Newest first; filter by
    actor, entity, action and time. Entries cannot be changed or removed through the API; they
    are kept for `RAPPORT_AUDIT_RETENTION_DAYS`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        actor_id (UUID | Unset):
        entity_type (str | Unset):
        entity_id (str | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEntry | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        actor_id=actor_id,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    entity_type: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> PageAuditEntry | Problem | None:
    """Read the audit trail

     Admins only. Every write and sign-in, successful or not, and every export read: who,
    what, when, from where and which fields (never their values). Newest first; filter by
    actor, entity, action and time. Entries cannot be changed or removed through the API; they
    are kept for `RAPPORT_AUDIT_RETENTION_DAYS`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        actor_id (UUID | Unset):
        entity_type (str | Unset):
        entity_id (str | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEntry | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            actor_id=actor_id,
            entity_type=entity_type,
            entity_id=entity_id,
            action=action,
            from_=from_,
            to=to,
        )
    ).parsed
