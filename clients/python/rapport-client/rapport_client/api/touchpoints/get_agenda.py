from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agenda import Agenda
from ...models.problem import Problem
from ...models.timezone import Timezone
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    days: int | Unset = 7,
    tz: Timezone | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["days"] = days

    json_tz: str | Unset = UNSET
    if not isinstance(tz, Unset):
        json_tz = tz.value

    params["tz"] = json_tz

    json_user_id: str | Unset = UNSET
    if not isinstance(user_id, Unset):
        json_user_id = str(user_id)
    params["user_id"] = json_user_id

    params["expand"] = expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/agenda",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Agenda | Problem | None:
    if response.status_code == 200:
        response_200 = Agenda.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Agenda | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = 7,
    tz: Timezone | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[Agenda | Problem]:
    """The agenda

     The caller's scheduled touchpoints that are overdue, and those due in the next `days`
    (1–90, default 7), grouped by day in `tz` (default: the user's own timezone). Managers and
    admins may read another user's agenda with `user_id`. At most 500 touchpoints are shown.

    Args:
        days (int | Unset):  Default: 7.
        tz (Timezone | Unset): IANA timezone name; `x-enum-varnames` gives each one an identifier
            for generated clients
        user_id (UUID | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agenda | Problem]
    """

    kwargs = _get_kwargs(
        days=days,
        tz=tz,
        user_id=user_id,
        expand=expand,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    days: int | Unset = 7,
    tz: Timezone | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Agenda | Problem | None:
    """The agenda

     The caller's scheduled touchpoints that are overdue, and those due in the next `days`
    (1–90, default 7), grouped by day in `tz` (default: the user's own timezone). Managers and
    admins may read another user's agenda with `user_id`. At most 500 touchpoints are shown.

    Args:
        days (int | Unset):  Default: 7.
        tz (Timezone | Unset): IANA timezone name; `x-enum-varnames` gives each one an identifier
            for generated clients
        user_id (UUID | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agenda | Problem
    """

    return sync_detailed(
        client=client,
        days=days,
        tz=tz,
        user_id=user_id,
        expand=expand,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = 7,
    tz: Timezone | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[Agenda | Problem]:
    """The agenda

     The caller's scheduled touchpoints that are overdue, and those due in the next `days`
    (1–90, default 7), grouped by day in `tz` (default: the user's own timezone). Managers and
    admins may read another user's agenda with `user_id`. At most 500 touchpoints are shown.

    Args:
        days (int | Unset):  Default: 7.
        tz (Timezone | Unset): IANA timezone name; `x-enum-varnames` gives each one an identifier
            for generated clients
        user_id (UUID | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agenda | Problem]
    """

    kwargs = _get_kwargs(
        days=days,
        tz=tz,
        user_id=user_id,
        expand=expand,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    days: int | Unset = 7,
    tz: Timezone | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Agenda | Problem | None:
    """The agenda

     The caller's scheduled touchpoints that are overdue, and those due in the next `days`
    (1–90, default 7), grouped by day in `tz` (default: the user's own timezone). Managers and
    admins may read another user's agenda with `user_id`. At most 500 touchpoints are shown.

    Args:
        days (int | Unset):  Default: 7.
        tz (Timezone | Unset): IANA timezone name; `x-enum-varnames` gives each one an identifier
            for generated clients
        user_id (UUID | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agenda | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            days=days,
            tz=tz,
            user_id=user_id,
            expand=expand,
        )
    ).parsed
