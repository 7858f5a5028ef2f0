from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.interaction import Interaction
from ...models.interaction_patch import InteractionPatch
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: InteractionPatch,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/interactions/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Interaction | Problem | None:
    if response.status_code == 200:
        response_200 = Interaction.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Interaction | Problem]:
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
    body: InteractionPatch,
    if_match: str | Unset = UNSET,
) -> Response[Interaction | Problem]:
    """Change an interaction

     Corrects what was logged: channel, direction, time (never in the future), subject, summary,
    outcome, satisfaction. Needs `If-Match`; the customer's last-contact times follow the
    change. Viewers cannot change records.

    Args:
        id (UUID):
        if_match (str | Unset):
        body (InteractionPatch): A partial update: absent fields stay, `null` clears an optional
            one. Example: {'outcome': 'positive', 'summary': 'Called back: all fine'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Interaction | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: InteractionPatch,
    if_match: str | Unset = UNSET,
) -> Interaction | Problem | None:
    """Change an interaction

     Corrects what was logged: channel, direction, time (never in the future), subject, summary,
    outcome, satisfaction. Needs `If-Match`; the customer's last-contact times follow the
    change. Viewers cannot change records.

    Args:
        id (UUID):
        if_match (str | Unset):
        body (InteractionPatch): A partial update: absent fields stay, `null` clears an optional
            one. Example: {'outcome': 'positive', 'summary': 'Called back: all fine'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Interaction | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: InteractionPatch,
    if_match: str | Unset = UNSET,
) -> Response[Interaction | Problem]:
    """Change an interaction

     Corrects what was logged: channel, direction, time (never in the future), subject, summary,
    outcome, satisfaction. Needs `If-Match`; the customer's last-contact times follow the
    change. Viewers cannot change records.

    Args:
        id (UUID):
        if_match (str | Unset):
        body (InteractionPatch): A partial update: absent fields stay, `null` clears an optional
            one. Example: {'outcome': 'positive', 'summary': 'Called back: all fine'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Interaction | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: InteractionPatch,
    if_match: str | Unset = UNSET,
) -> Interaction | Problem | None:
    """Change an interaction

     Corrects what was logged: channel, direction, time (never in the future), subject, summary,
    outcome, satisfaction. Needs `If-Match`; the customer's last-contact times follow the
    change. Viewers cannot change records.

    Args:
        id (UUID):
        if_match (str | Unset):
        body (InteractionPatch): A partial update: absent fields stay, `null` clears an optional
            one. Example: {'outcome': 'positive', 'summary': 'Called back: all fine'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Interaction | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
