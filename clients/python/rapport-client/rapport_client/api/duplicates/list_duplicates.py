from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_candidate import PageCandidate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    min_score: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["min_score"] = min_score

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/duplicates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageCandidate | Problem | None:
    if response.status_code == 200:
        response_200 = PageCandidate.from_dict(response.json())

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
) -> Response[PageCandidate | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    min_score: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageCandidate | Problem]:
    """List duplicate pairs

     Managers and admins. Every pair of live customers that may be one person, most likely
    first (`customer_id` is the lower id). Pairs are found when a customer is created through
    the API and, after any other change of a name, email, phone, company or city (an update,
    an import, a merge), by the scheduler's `duplicate_candidates` pass.

    Args:
        min_score (int | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCandidate | Problem]
    """

    kwargs = _get_kwargs(
        min_score=min_score,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    min_score: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageCandidate | Problem | None:
    """List duplicate pairs

     Managers and admins. Every pair of live customers that may be one person, most likely
    first (`customer_id` is the lower id). Pairs are found when a customer is created through
    the API and, after any other change of a name, email, phone, company or city (an update,
    an import, a merge), by the scheduler's `duplicate_candidates` pass.

    Args:
        min_score (int | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCandidate | Problem
    """

    return sync_detailed(
        client=client,
        min_score=min_score,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    min_score: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[PageCandidate | Problem]:
    """List duplicate pairs

     Managers and admins. Every pair of live customers that may be one person, most likely
    first (`customer_id` is the lower id). Pairs are found when a customer is created through
    the API and, after any other change of a name, email, phone, company or city (an update,
    an import, a merge), by the scheduler's `duplicate_candidates` pass.

    Args:
        min_score (int | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageCandidate | Problem]
    """

    kwargs = _get_kwargs(
        min_score=min_score,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    min_score: int | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> PageCandidate | Problem | None:
    """List duplicate pairs

     Managers and admins. Every pair of live customers that may be one person, most likely
    first (`customer_id` is the lower id). Pairs are found when a customer is created through
    the API and, after any other change of a name, email, phone, company or city (an update,
    an import, a merge), by the scheduler's `duplicate_candidates` pass.

    Args:
        min_score (int | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageCandidate | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            min_score=min_score,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
