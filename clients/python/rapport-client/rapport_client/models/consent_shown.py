from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.consent_state import ConsentState

T = TypeVar("T", bound="ConsentShown")


@_attrs_define
class ConsentShown:
    """Consent by channel, every channel named.

    Attributes:
        phone (ConsentState): What the customer said about being contacted on a channel.
        email (ConsentState): What the customer said about being contacted on a channel.
        sms (ConsentState): What the customer said about being contacted on a channel.
        visit (ConsentState): What the customer said about being contacted on a channel.
        letter (ConsentState): What the customer said about being contacted on a channel.
        gift (ConsentState): What the customer said about being contacted on a channel.
        event (ConsentState): What the customer said about being contacted on a channel.
        meeting (ConsentState): What the customer said about being contacted on a channel.
        chat (ConsentState): What the customer said about being contacted on a channel.
        other (ConsentState): What the customer said about being contacted on a channel.
    """

    phone: ConsentState
    email: ConsentState
    sms: ConsentState
    visit: ConsentState
    letter: ConsentState
    gift: ConsentState
    event: ConsentState
    meeting: ConsentState
    chat: ConsentState
    other: ConsentState

    def to_dict(self) -> dict[str, Any]:
        phone = self.phone.value

        email = self.email.value

        sms = self.sms.value

        visit = self.visit.value

        letter = self.letter.value

        gift = self.gift.value

        event = self.event.value

        meeting = self.meeting.value

        chat = self.chat.value

        other = self.other.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "phone": phone,
                "email": email,
                "sms": sms,
                "visit": visit,
                "letter": letter,
                "gift": gift,
                "event": event,
                "meeting": meeting,
                "chat": chat,
                "other": other,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone = ConsentState(d.pop("phone"))

        email = ConsentState(d.pop("email"))

        sms = ConsentState(d.pop("sms"))

        visit = ConsentState(d.pop("visit"))

        letter = ConsentState(d.pop("letter"))

        gift = ConsentState(d.pop("gift"))

        event = ConsentState(d.pop("event"))

        meeting = ConsentState(d.pop("meeting"))

        chat = ConsentState(d.pop("chat"))

        other = ConsentState(d.pop("other"))

        consent_shown = cls(
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

        return consent_shown
