from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.severity import Severity
from ...models.sla_policy import SlaPolicy
from ...types import Response


def _get_kwargs(
    severity: Severity,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sla-policies/{severity}".format(
            severity=quote(str(severity), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SlaPolicy | None:
    if response.status_code == 200:
        response_200 = SlaPolicy.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SlaPolicy]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    severity: Severity,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SlaPolicy]:
    """Get a severity's SLA policy

     Minutes to a first response and to a resolution for complaints of that severity. The
    `ETag` is what an admin's change sends back in `If-Match`.

    Args:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-
            policies`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlaPolicy]
    """

    kwargs = _get_kwargs(
        severity=severity,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    severity: Severity,
    *,
    client: AuthenticatedClient,
) -> Problem | SlaPolicy | None:
    """Get a severity's SLA policy

     Minutes to a first response and to a resolution for complaints of that severity. The
    `ETag` is what an admin's change sends back in `If-Match`.

    Args:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-
            policies`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlaPolicy
    """

    return sync_detailed(
        severity=severity,
        client=client,
    ).parsed


async def asyncio_detailed(
    severity: Severity,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SlaPolicy]:
    """Get a severity's SLA policy

     Minutes to a first response and to a resolution for complaints of that severity. The
    `ETag` is what an admin's change sends back in `If-Match`.

    Args:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-
            policies`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlaPolicy]
    """

    kwargs = _get_kwargs(
        severity=severity,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    severity: Severity,
    *,
    client: AuthenticatedClient,
) -> Problem | SlaPolicy | None:
    """Get a severity's SLA policy

     Minutes to a first response and to a resolution for complaints of that severity. The
    `ETag` is what an admin's change sends back in `If-Match`.

    Args:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-
            policies`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlaPolicy
    """

    return (
        await asyncio_detailed(
            severity=severity,
            client=client,
        )
    ).parsed
