from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_export import CustomerExport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/customers/{id}/export".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerExport | Problem | None:
    if response.status_code == 200:
        response_200 = CustomerExport.from_dict(response.json())

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
) -> Response[CustomerExport | Problem]:
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
) -> Response[CustomerExport | Problem]:
    """Export everything held about a customer

     Managers and admins. One JSON document, streamed: the profile as the API shows it and
    every linked record by table (interactions, purchases, touchpoints, complaints and their
    events, history, hand-offs, consent history, segment memberships, the events about the
    customer, webhook deliveries), read from one consistent snapshot. Each export is recorded
    in the audit trail.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerExport | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
) -> CustomerExport | Problem | None:
    """Export everything held about a customer

     Managers and admins. One JSON document, streamed: the profile as the API shows it and
    every linked record by table (interactions, purchases, touchpoints, complaints and their
    events, history, hand-offs, consent history, segment memberships, the events about the
    customer, webhook deliveries), read from one consistent snapshot. Each export is recorded
    in the audit trail.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerExport | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[CustomerExport | Problem]:
    """Export everything held about a customer

     Managers and admins. One JSON document, streamed: the profile as the API shows it and
    every linked record by table (interactions, purchases, touchpoints, complaints and their
    events, history, hand-offs, consent history, segment memberships, the events about the
    customer, webhook deliveries), read from one consistent snapshot. Each export is recorded
    in the audit trail.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerExport | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
) -> CustomerExport | Problem | None:
    """Export everything held about a customer

     Managers and admins. One JSON document, streamed: the profile as the API shows it and
    every linked record by table (interactions, purchases, touchpoints, complaints and their
    events, history, hand-offs, consent history, segment memberships, the events about the
    customer, webhook deliveries), read from one consistent snapshot. Each export is recorded
    in the audit trail.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerExport | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
