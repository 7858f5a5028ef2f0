from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_error import ImportError_
    from ..models.planned_row import PlannedRow


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Example:
        {'created': 2, 'dry_run': False, 'errors': [{'code': 'invalid_format', 'field': 'email', 'message': 'must be a
            valid email address', 'row': 4}], 'errors_omitted': 0, 'plan': None, 'skipped': 1, 'updated': 0}

    Attributes:
        dry_run (bool):
        created (int):
        updated (int):
        skipped (int):
        errors (list[ImportError_]): Rows not imported, by row (the first 1,000; a dry run's `plan` marks every one);
            the
            others are imported, all in one transaction.
        errors_omitted (int): How many more errors there were than `errors` lists.
        plan (list[PlannedRow] | None | Unset): On a dry run, what would happen to each row.
    """

    dry_run: bool
    created: int
    updated: int
    skipped: int
    errors: list[ImportError_]
    errors_omitted: int
    plan: list[PlannedRow] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        created = self.created

        updated = self.updated

        skipped = self.skipped

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        errors_omitted = self.errors_omitted

        plan: list[dict[str, Any]] | None | Unset
        if isinstance(self.plan, Unset):
            plan = UNSET
        elif isinstance(self.plan, list):
            plan = []
            for plan_type_0_item_data in self.plan:
                plan_type_0_item = plan_type_0_item_data.to_dict()
                plan.append(plan_type_0_item)

        else:
            plan = self.plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "created": created,
                "updated": updated,
                "skipped": skipped,
                "errors": errors,
                "errors_omitted": errors_omitted,
            }
        )
        if plan is not UNSET:
            field_dict["plan"] = plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_error import ImportError_  # noqa: PLC0415
        from ..models.planned_row import PlannedRow  # noqa: PLC0415

        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        created = d.pop("created")

        updated = d.pop("updated")

        skipped = d.pop("skipped")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ImportError_.from_dict(errors_item_data)

            errors.append(errors_item)

        errors_omitted = d.pop("errors_omitted")

        def _parse_plan(data: object) -> list[PlannedRow] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                plan_type_0 = []
                _plan_type_0 = data
                for plan_type_0_item_data in _plan_type_0:
                    plan_type_0_item = PlannedRow.from_dict(plan_type_0_item_data)

                    plan_type_0.append(plan_type_0_item)

                return plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PlannedRow] | None | Unset, data)

        plan = _parse_plan(d.pop("plan", UNSET))

        import_result = cls(
            dry_run=dry_run,
            created=created,
            updated=updated,
            skipped=skipped,
            errors=errors,
            errors_omitted=errors_omitted,
            plan=plan,
        )

        import_result.additional_properties = d
        return import_result

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
