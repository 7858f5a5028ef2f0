from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..models.timezone import Timezone
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Example:
        {'email': 'sam@example.com', 'name': 'Sam Carter', 'password': 'correct horse battery staple', 'role': 'agent'}

    Attributes:
        email (str):
        name (str):
        role (Role):
        password (str): Write-only; stored as an argon2 hash.
        active (bool | None | Unset): Defaults to true.
        timezone (None | Timezone | Unset):
    """

    email: str
    name: str
    role: Role
    password: str
    active: bool | None | Unset = UNSET
    timezone: None | Timezone | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        role = self.role.value

        password = self.password

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        elif isinstance(self.timezone, Timezone):
            timezone = self.timezone.value
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
                "role": role,
                "password": password,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        role = Role(d.pop("role"))

        password = d.pop("password")

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_timezone(data: object) -> None | Timezone | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timezone_type_0 = Timezone(data)

                return timezone_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Timezone | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        user_create = cls(
            email=email,
            name=name,
            role=role,
            password=password,
            active=active,
            timezone=timezone,
        )

        return user_create
