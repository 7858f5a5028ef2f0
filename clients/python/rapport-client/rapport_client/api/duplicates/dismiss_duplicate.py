from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dismissal import Dismissal
from ...models.dismissal_request import DismissalRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DismissalRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/duplicates/dismissals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Dismissal | Problem | None:
    if response.status_code == 200:
        response_200 = Dismissal.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Dismissal.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Dismissal | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DismissalRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Dismissal | Problem]:
    """Dismiss a pair as not a duplicate

     Managers and admins. The two customers are never proposed as duplicates of each other
    again. 201 when dismissed now, 200 when it was dismissed before.

    Args:
        idempotency_key (str | Unset):
        body (DismissalRequest): Two customers someone says are not one person. Example:
            {'customer_id': '01932c90-0000-7000-8000-000000000001', 'other_id':
            '01932c90-0000-7000-8000-000000000002'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dismissal | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: DismissalRequest,
    idempotency_key: str | Unset = UNSET,
) -> Dismissal | Problem | None:
    """Dismiss a pair as not a duplicate

     Managers and admins. The two customers are never proposed as duplicates of each other
    again. 201 when dismissed now, 200 when it was dismissed before.

    Args:
        idempotency_key (str | Unset):
        body (DismissalRequest): Two customers someone says are not one person. Example:
            {'customer_id': '01932c90-0000-7000-8000-000000000001', 'other_id':
            '01932c90-0000-7000-8000-000000000002'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dismissal | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DismissalRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Dismissal | Problem]:
    """Dismiss a pair as not a duplicate

     Managers and admins. The two customers are never proposed as duplicates of each other
    again. 201 when dismissed now, 200 when it was dismissed before.

    Args:
        idempotency_key (str | Unset):
        body (DismissalRequest): Two customers someone says are not one person. Example:
            {'customer_id': '01932c90-0000-7000-8000-000000000001', 'other_id':
            '01932c90-0000-7000-8000-000000000002'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dismissal | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DismissalRequest,
    idempotency_key: str | Unset = UNSET,
) -> Dismissal | Problem | None:
    """Dismiss a pair as not a duplicate

     Managers and admins. The two customers are never proposed as duplicates of each other
    again. 201 when dismissed now, 200 when it was dismissed before.

    Args:
        idempotency_key (str | Unset):
        body (DismissalRequest): Two customers someone says are not one person. Example:
            {'customer_id': '01932c90-0000-7000-8000-000000000001', 'other_id':
            '01932c90-0000-7000-8000-000000000002'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dismissal | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
