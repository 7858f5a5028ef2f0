from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merge_request_fields_type_0 import MergeRequestFieldsType0


T = TypeVar("T", bound="MergeRequest")


@_attrs_define
class MergeRequest:
    """Merges customer `from` into this one.

    Example:
        {'fields': {'email': 'from', 'phone': 'survivor'}, 'from': '01932c90-0000-7000-8000-000000000002',
            'from_version': 3}

    Attributes:
        from_ (UUID): The customer merged away; it then answers 404 with `merged_into`.
        from_version (int): The version (`ETag`) of `from` the caller decided on; 412 when it changed since.
        fields (MergeRequestFieldsType0 | None | Unset): Per profile field, whose value to keep. A field not named keeps
            the survivor's value,
            or takes the other's where the survivor has none. Tags, attributes, important dates
            and segment memberships are united, consent keeps the stricter answer per channel
            (a refusal over a grant) and `do_not_contact` holds if either says so. At most one
            entry per field.
    """

    from_: UUID
    from_version: int
    fields: MergeRequestFieldsType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.merge_request_fields_type_0 import MergeRequestFieldsType0  # noqa: PLC0415

        from_ = str(self.from_)

        from_version = self.from_version

        fields: dict[str, Any] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, MergeRequestFieldsType0):
            fields = self.fields.to_dict()
        else:
            fields = self.fields

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from": from_,
                "from_version": from_version,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_request_fields_type_0 import MergeRequestFieldsType0  # noqa: PLC0415

        d = dict(src_dict)
        from_ = UUID(d.pop("from"))

        from_version = d.pop("from_version")

        def _parse_fields(data: object) -> MergeRequestFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fields_type_0 = MergeRequestFieldsType0.from_dict(data)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MergeRequestFieldsType0 | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))

        merge_request = cls(
            from_=from_,
            from_version=from_version,
            fields=fields,
        )

        return merge_request
