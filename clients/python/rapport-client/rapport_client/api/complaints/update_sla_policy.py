from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.severity import Severity
from ...models.sla_policy import SlaPolicy
from ...models.sla_policy_update import SlaPolicyUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    severity: Severity,
    *,
    body: SlaPolicyUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/sla-policies/{severity}".format(
            severity=quote(str(severity), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SlaPolicy | None:
    if response.status_code == 200:
        response_200 = SlaPolicy.from_dict(response.json())

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
    body: SlaPolicyUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | SlaPolicy]:
    """Change a severity's SLA policy

     Admins. Applies to complaints received from now on, and to complaints whose severity is
    changed later; deadlines already set stay.

    Args:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-
            policies`).
        if_match (str | Unset):
        body (SlaPolicyUpdate): New deadlines for a severity. They apply to complaints received
            from now on (and to those
            whose severity is changed later); existing deadlines stay as they were set. Example:
            {'first_response_minutes': 120, 'resolution_minutes': 2880}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlaPolicy]
    """

    kwargs = _get_kwargs(
        severity=severity,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    severity: Severity,
    *,
    client: AuthenticatedClient,
    body: SlaPolicyUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | SlaPolicy | None:
    """Change a severity's SLA policy

     Admins. Applies to complaints received from now on, and to complaints whose severity is
    changed later; deadlines already set stay.

    Args:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-
            policies`).
        if_match (str | Unset):
        body (SlaPolicyUpdate): New deadlines for a severity. They apply to complaints received
            from now on (and to those
            whose severity is changed later); existing deadlines stay as they were set. Example:
            {'first_response_minutes': 120, 'resolution_minutes': 2880}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlaPolicy
    """

    return sync_detailed(
        severity=severity,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    severity: Severity,
    *,
    client: AuthenticatedClient,
    body: SlaPolicyUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | SlaPolicy]:
    """Change a severity's SLA policy

     Admins. Applies to complaints received from now on, and to complaints whose severity is
    changed later; deadlines already set stay.

    Args:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-
            policies`).
        if_match (str | Unset):
        body (SlaPolicyUpdate): New deadlines for a severity. They apply to complaints received
            from now on (and to those
            whose severity is changed later); existing deadlines stay as they were set. Example:
            {'first_response_minutes': 120, 'resolution_minutes': 2880}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlaPolicy]
    """

    kwargs = _get_kwargs(
        severity=severity,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    severity: Severity,
    *,
    client: AuthenticatedClient,
    body: SlaPolicyUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | SlaPolicy | None:
    """Change a severity's SLA policy

     Admins. Applies to complaints received from now on, and to complaints whose severity is
    changed later; deadlines already set stay.

    Args:
        severity (Severity): How urgent the repair is; each severity has its own deadlines (`/sla-
            policies`).
        if_match (str | Unset):
        body (SlaPolicyUpdate): New deadlines for a severity. They apply to complaints received
            from now on (and to those
            whose severity is changed later); existing deadlines stay as they were set. Example:
            {'first_response_minutes': 120, 'resolution_minutes': 2880}.

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
            body=body,
            if_match=if_match,
        )
    ).parsed
