from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merge import Merge
from ...models.merge_request import MergeRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: MergeRequest,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/customers/{id}/merge".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Merge | Problem | None:
    if response.status_code == 200:
        response_200 = Merge.from_dict(response.json())

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

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Merge | Problem]:
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
    body: MergeRequest,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[Merge | Problem]:
    """Merge another customer into this one

     Customer `from` becomes part of this one, in one transaction. This customer keeps its id
    and, per field, its value unless `fields` chooses `from`'s (a field it has no value for
    takes `from`'s). Tags, attributes, important dates and segment memberships are united;
    consent keeps the stricter answer per channel and `do_not_contact` holds if either says
    so. Every linked record (interactions, purchases, touchpoints, complaints, history,
    consent history, events, webhook deliveries) moves here and the derived figures are
    recomputed; two open occurrences of one playbook's series become one; the open work the
    other customer's owner held moves to this one's. `from` then answers 404 with
    `merged_into`, is never listed, and its id in a request body is answered like a missing
    customer. `If-Match` (this customer's version) and `from_version` are required. Emits
    `customer.merged`. A merge cannot be undone. Agents merge only customers they own.

    Args:
        id (UUID):
        if_match (str):
        idempotency_key (str | Unset):
        body (MergeRequest): Merges customer `from` into this one. Example: {'fields': {'email':
            'from', 'phone': 'survivor'}, 'from': '01932c90-0000-7000-8000-000000000002',
            'from_version': 3}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Merge | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Merge | Problem | None:
    """Merge another customer into this one

     Customer `from` becomes part of this one, in one transaction. This customer keeps its id
    and, per field, its value unless `fields` chooses `from`'s (a field it has no value for
    takes `from`'s). Tags, attributes, important dates and segment memberships are united;
    consent keeps the stricter answer per channel and `do_not_contact` holds if either says
    so. Every linked record (interactions, purchases, touchpoints, complaints, history,
    consent history, events, webhook deliveries) moves here and the derived figures are
    recomputed; two open occurrences of one playbook's series become one; the open work the
    other customer's owner held moves to this one's. `from` then answers 404 with
    `merged_into`, is never listed, and its id in a request body is answered like a missing
    customer. `If-Match` (this customer's version) and `from_version` are required. Emits
    `customer.merged`. A merge cannot be undone. Agents merge only customers they own.

    Args:
        id (UUID):
        if_match (str):
        idempotency_key (str | Unset):
        body (MergeRequest): Merges customer `from` into this one. Example: {'fields': {'email':
            'from', 'phone': 'survivor'}, 'from': '01932c90-0000-7000-8000-000000000002',
            'from_version': 3}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Merge | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[Merge | Problem]:
    """Merge another customer into this one

     Customer `from` becomes part of this one, in one transaction. This customer keeps its id
    and, per field, its value unless `fields` chooses `from`'s (a field it has no value for
    takes `from`'s). Tags, attributes, important dates and segment memberships are united;
    consent keeps the stricter answer per channel and `do_not_contact` holds if either says
    so. Every linked record (interactions, purchases, touchpoints, complaints, history,
    consent history, events, webhook deliveries) moves here and the derived figures are
    recomputed; two open occurrences of one playbook's series become one; the open work the
    other customer's owner held moves to this one's. `from` then answers 404 with
    `merged_into`, is never listed, and its id in a request body is answered like a missing
    customer. `If-Match` (this customer's version) and `from_version` are required. Emits
    `customer.merged`. A merge cannot be undone. Agents merge only customers they own.

    Args:
        id (UUID):
        if_match (str):
        idempotency_key (str | Unset):
        body (MergeRequest): Merges customer `from` into this one. Example: {'fields': {'email':
            'from', 'phone': 'survivor'}, 'from': '01932c90-0000-7000-8000-000000000002',
            'from_version': 3}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Merge | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Merge | Problem | None:
    """Merge another customer into this one

     Customer `from` becomes part of this one, in one transaction. This customer keeps its id
    and, per field, its value unless `fields` chooses `from`'s (a field it has no value for
    takes `from`'s). Tags, attributes, important dates and segment memberships are united;
    consent keeps the stricter answer per channel and `do_not_contact` holds if either says
    so. Every linked record (interactions, purchases, touchpoints, complaints, history,
    consent history, events, webhook deliveries) moves here and the derived figures are
    recomputed; two open occurrences of one playbook's series become one; the open work the
    other customer's owner held moves to this one's. `from` then answers 404 with
    `merged_into`, is never listed, and its id in a request body is answered like a missing
    customer. `If-Match` (this customer's version) and `from_version` are required. Emits
    `customer.merged`. A merge cannot be undone. Agents merge only customers they own.

    Args:
        id (UUID):
        if_match (str):
        idempotency_key (str | Unset):
        body (MergeRequest): Merges customer `from` into this one. Example: {'fields': {'email':
            'from', 'phone': 'survivor'}, 'from': '01932c90-0000-7000-8000-000000000002',
            'from_version': 3}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Merge | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
