import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pareto_report import ParetoReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["currency"] = currency

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/pareto",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ParetoReport | Problem | None:
    if response.status_code == 200:
        response_200 = ParetoReport.from_dict(response.json())

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
) -> Response[ParetoReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ParetoReport | Problem]:
    """Revenue concentration (Pareto)

     Customers ranked by revenue in the period, the share of revenue the top 20% bring, the
    fewest customers that make 80% of it, and the cumulative curve (at most 100 points) for a
    chart. Every figure is in one currency: `currency` is required when the period's purchases
    use more than one. Managers and admins.

    Args:
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        currency (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParetoReport | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        currency=currency,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ParetoReport | Problem | None:
    """Revenue concentration (Pareto)

     Customers ranked by revenue in the period, the share of revenue the top 20% bring, the
    fewest customers that make 80% of it, and the cumulative curve (at most 100 points) for a
    chart. Every figure is in one currency: `currency` is required when the period's purchases
    use more than one. Managers and admins.

    Args:
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        currency (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParetoReport | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        currency=currency,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ParetoReport | Problem]:
    """Revenue concentration (Pareto)

     Customers ranked by revenue in the period, the share of revenue the top 20% bring, the
    fewest customers that make 80% of it, and the cumulative curve (at most 100 points) for a
    chart. Every figure is in one currency: `currency` is required when the period's purchases
    use more than one. Managers and admins.

    Args:
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        currency (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParetoReport | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        currency=currency,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    currency: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ParetoReport | Problem | None:
    """Revenue concentration (Pareto)

     Customers ranked by revenue in the period, the share of revenue the top 20% bring, the
    fewest customers that make 80% of it, and the cumulative curve (at most 100 points) for a
    chart. Every figure is in one currency: `currency` is required when the period's purchases
    use more than one. Managers and admins.

    Args:
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        currency (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParetoReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            currency=currency,
            limit=limit,
        )
    ).parsed
