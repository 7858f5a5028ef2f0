from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate import Candidate
    from ..models.field_error import FieldError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """RFC 9457 problem details.

    Example:
        {'detail': '1 field is invalid', 'errors': [{'code': 'invalid_format', 'field': 'email', 'message': 'must be a
            valid email address'}], 'status': 422, 'title': 'Invalid request fields', 'type':
            'https://rapport.dev/problems/validation'}

    Attributes:
        type_ (str):
        title (str):
        status (int):
        detail (str):
        errors (list[FieldError] | Unset): Present on validation errors (422): at most 100, each field name at most 200
            characters and each message at most 500.
        errors_omitted (int | Unset): On validation errors: how many more there were than `errors` lists. Example: 3.
        allowed (list[str] | Unset): On a conflict with a workflow (409): the states the record may move to from its
            current one; empty when it can move nowhere. Example: ['closed', 'reopened'].
        candidates (list[Candidate] | Unset): On `POST /customers?on_duplicate=reject` (409): the customers the new one
            would
            duplicate, most likely first.
        merged_into (UUID | Unset): On a customer that was merged into another (404): the customer it now is.
    """

    type_: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | Unset = UNSET
    errors_omitted: int | Unset = UNSET
    allowed: list[str] | Unset = UNSET
    candidates: list[Candidate] | Unset = UNSET
    merged_into: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        errors_omitted = self.errors_omitted

        allowed: list[str] | Unset = UNSET
        if not isinstance(self.allowed, Unset):
            allowed = self.allowed

        candidates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.candidates, Unset):
            candidates = []
            for candidates_item_data in self.candidates:
                candidates_item = candidates_item_data.to_dict()
                candidates.append(candidates_item)

        merged_into: str | Unset = UNSET
        if not isinstance(self.merged_into, Unset):
            merged_into = str(self.merged_into)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if errors_omitted is not UNSET:
            field_dict["errors_omitted"] = errors_omitted
        if allowed is not UNSET:
            field_dict["allowed"] = allowed
        if candidates is not UNSET:
            field_dict["candidates"] = candidates
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate import Candidate  # noqa: PLC0415
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        errors_omitted = d.pop("errors_omitted", UNSET)

        allowed = cast(list[str], d.pop("allowed", UNSET))

        _candidates = d.pop("candidates", UNSET)
        candidates: list[Candidate] | Unset = UNSET
        if _candidates is not UNSET:
            candidates = []
            for candidates_item_data in _candidates:
                candidates_item = Candidate.from_dict(candidates_item_data)

                candidates.append(candidates_item)

        _merged_into = d.pop("merged_into", UNSET)
        merged_into: UUID | Unset
        if isinstance(_merged_into, Unset):
            merged_into = UNSET
        else:
            merged_into = UUID(_merged_into)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            errors=errors,
            errors_omitted=errors_omitted,
            allowed=allowed,
            candidates=candidates,
            merged_into=merged_into,
        )

        problem.additional_properties = d
        return problem

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
