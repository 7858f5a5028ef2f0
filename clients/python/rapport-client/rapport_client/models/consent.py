from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.consent_state import ConsentState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Consent")


@_attrs_define
class Consent:
    """Consent by channel. Channels left out keep their state; `unknown` forgets what was recorded.

    Attributes:
        phone (ConsentState | Unset): What the customer said about being contacted on a channel.
        email (ConsentState | Unset): What the customer said about being contacted on a channel.
        sms (ConsentState | Unset): What the customer said about being contacted on a channel.
        visit (ConsentState | Unset): What the customer said about being contacted on a channel.
        letter (ConsentState | Unset): What the customer said about being contacted on a channel.
        gift (ConsentState | Unset): What the customer said about being contacted on a channel.
        event (ConsentState | Unset): What the customer said about being contacted on a channel.
        meeting (ConsentState | Unset): What the customer said about being contacted on a channel.
        chat (ConsentState | Unset): What the customer said about being contacted on a channel.
        other (ConsentState | Unset): What the customer said about being contacted on a channel.
    """

    phone: ConsentState | Unset = UNSET
    email: ConsentState | Unset = UNSET
    sms: ConsentState | Unset = UNSET
    visit: ConsentState | Unset = UNSET
    letter: ConsentState | Unset = UNSET
    gift: ConsentState | Unset = UNSET
    event: ConsentState | Unset = UNSET
    meeting: ConsentState | Unset = UNSET
    chat: ConsentState | Unset = UNSET
    other: ConsentState | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        phone: str | Unset = UNSET
        if not isinstance(self.phone, Unset):
            phone = self.phone.value

        email: str | Unset = UNSET
        if not isinstance(self.email, Unset):
            email = self.email.value

        sms: str | Unset = UNSET
        if not isinstance(self.sms, Unset):
            sms = self.sms.value

        visit: str | Unset = UNSET
        if not isinstance(self.visit, Unset):
            visit = self.visit.value

        letter: str | Unset = UNSET
        if not isinstance(self.letter, Unset):
            letter = self.letter.value

        gift: str | Unset = UNSET
        if not isinstance(self.gift, Unset):
            gift = self.gift.value

        event: str | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.value

        meeting: str | Unset = UNSET
        if not isinstance(self.meeting, Unset):
            meeting = self.meeting.value

        chat: str | Unset = UNSET
        if not isinstance(self.chat, Unset):
            chat = self.chat.value

        other: str | Unset = UNSET
        if not isinstance(self.other, Unset):
            other = self.other.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if sms is not UNSET:
            field_dict["sms"] = sms
        if visit is not UNSET:
            field_dict["visit"] = visit
        if letter is not UNSET:
            field_dict["letter"] = letter
        if gift is not UNSET:
            field_dict["gift"] = gift
        if event is not UNSET:
            field_dict["event"] = event
        if meeting is not UNSET:
            field_dict["meeting"] = meeting
        if chat is not UNSET:
            field_dict["chat"] = chat
        if other is not UNSET:
            field_dict["other"] = other

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _phone = d.pop("phone", UNSET)
        phone: ConsentState | Unset
        if isinstance(_phone, Unset):
            phone = UNSET
        else:
            phone = ConsentState(_phone)

        _email = d.pop("email", UNSET)
        email: ConsentState | Unset
        if isinstance(_email, Unset):
            email = UNSET
        else:
            email = ConsentState(_email)

        _sms = d.pop("sms", UNSET)
        sms: ConsentState | Unset
        if isinstance(_sms, Unset):
            sms = UNSET
        else:
            sms = ConsentState(_sms)

        _visit = d.pop("visit", UNSET)
        visit: ConsentState | Unset
        if isinstance(_visit, Unset):
            visit = UNSET
        else:
            visit = ConsentState(_visit)

        _letter = d.pop("letter", UNSET)
        letter: ConsentState | Unset
        if isinstance(_letter, Unset):
            letter = UNSET
        else:
            letter = ConsentState(_letter)

        _gift = d.pop("gift", UNSET)
        gift: ConsentState | Unset
        if isinstance(_gift, Unset):
            gift = UNSET
        else:
            gift = ConsentState(_gift)

        _event = d.pop("event", UNSET)
        event: ConsentState | Unset
        if isinstance(_event, Unset):
            event = UNSET
        else:
            event = ConsentState(_event)

        _meeting = d.pop("meeting", UNSET)
        meeting: ConsentState | Unset
        if isinstance(_meeting, Unset):
            meeting = UNSET
        else:
            meeting = ConsentState(_meeting)

        _chat = d.pop("chat", UNSET)
        chat: ConsentState | Unset
        if isinstance(_chat, Unset):
            chat = UNSET
        else:
            chat = ConsentState(_chat)

        _other = d.pop("other", UNSET)
        other: ConsentState | Unset
        if isinstance(_other, Unset):
            other = UNSET
        else:
            other = ConsentState(_other)

        consent = cls(
            phone=phone,
            email=email,
            sms=sms,
            visit=visit,
            letter=letter,
            gift=gift,
            event=event,
            meeting=meeting,
            chat=chat,
            other=other,
        )

        return consent
