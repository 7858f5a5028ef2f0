from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.role import Role
from ..models.timezone import Timezone
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserPatch")


@_attrs_define
class UserPatch:
    """
    Example:
        {'role': 'manager'}

    Attributes:
        email (str | Unset):
        name (str | Unset):
        role (Role | Unset):
        active (bool | Unset): Deactivating a user who still owns customers or holds open complaints is refused
            unless `reassign_to` names who takes them over.
        password (str | Unset):
        reassign_to (UUID | Unset): With `"active": false`: the active user who takes over all of this user's customers
            and open complaints, each hand-off recorded.
        timezone (Timezone | Unset): IANA timezone name; `x-enum-varnames` gives each one an identifier for generated
            clients
    """

    email: str | Unset = UNSET
    name: str | Unset = UNSET
    role: Role | Unset = UNSET
    active: bool | Unset = UNSET
    password: str | Unset = UNSET
    reassign_to: UUID | Unset = UNSET
    timezone: Timezone | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        active = self.active

        password = self.password

        reassign_to: str | Unset = UNSET
        if not isinstance(self.reassign_to, Unset):
            reassign_to = str(self.reassign_to)

        timezone: str | Unset = UNSET
        if not isinstance(self.timezone, Unset):
            timezone = self.timezone.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name
        if role is not UNSET:
            field_dict["role"] = role
        if active is not UNSET:
            field_dict["active"] = active
        if password is not UNSET:
            field_dict["password"] = password
        if reassign_to is not UNSET:
            field_dict["reassign_to"] = reassign_to
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        name = d.pop("name", UNSET)

        _role = d.pop("role", UNSET)
        role: Role | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = Role(_role)

        active = d.pop("active", UNSET)

        password = d.pop("password", UNSET)

        _reassign_to = d.pop("reassign_to", UNSET)
        reassign_to: UUID | Unset
        if isinstance(_reassign_to, Unset):
            reassign_to = UNSET
        else:
            reassign_to = UUID(_reassign_to)

        _timezone = d.pop("timezone", UNSET)
        timezone: Timezone | Unset
        if isinstance(_timezone, Unset):
            timezone = UNSET
        else:
            timezone = Timezone(_timezone)

        user_patch = cls(
            email=email,
            name=name,
            role=role,
            active=active,
            password=password,
            reassign_to=reassign_to,
            timezone=timezone,
        )

        return user_patch
