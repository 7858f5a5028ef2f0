from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_user import PageUser
from ...models.problem import Problem
from ...models.role import Role
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    params["active"] = active

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/users",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageUser | Problem | None:
    if response.status_code == 200:
        response_200 = PageUser.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageUser | Problem]:
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
    role: Role | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> Response[PageUser | Problem]:
    """List users

     Admins only. Every user, oldest first, with the filters below and keyset pages.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        role (Role | Unset):
        active (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUser | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        role=role,
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
    role: Role | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> PageUser | Problem | None:
    """List users

     Admins only. Every user, oldest first, with the filters below and keyset pages.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        role (Role | Unset):
        active (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUser | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        role=role,
        active=active,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> Response[PageUser | Problem]:
    """List users

     Admins only. Every user, oldest first, with the filters below and keyset pages.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        role (Role | Unset):
        active (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageUser | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        role=role,
        active=active,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    active: bool | Unset = UNSET,
) -> PageUser | Problem | None:
    """List users

     Admins only. Every user, oldest first, with the filters below and keyset pages.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        role (Role | Unset):
        active (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageUser | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            role=role,
            active=active,
        )
    ).parsed
