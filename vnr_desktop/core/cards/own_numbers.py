"""The user's own numbers on a card: their own heading, never among the content's numbers."""

from __future__ import annotations

from collections.abc import Sequence

from vnr_desktop.core.cards.content import usable_phones
from vnr_desktop.core.cards.errors import CardRequestError
from vnr_desktop.core.cards.resolved import NumberLine
from vnr_desktop.core.ids import USER_SOURCE_ID
from vnr_desktop.core.models import Contact, Phone
from vnr_desktop.core.phones import PhoneFormatError, normalise_phone


def own_number_lines(
    contacts: Sequence[Contact], *, warnings: list[str], where: str
) -> list[NumberLine]:
    """Lines for the user's own contacts (``UserData.own_contacts()``), in their order: the
    contact's name and number (opening hours are left out, as on most content lines).

    A number that is not a valid phone number is never printed (nor a contact marked outdated
    or with an unresolved conflict); each one left out is a warning.
    """
    lines: list[NumberLine] = []
    for contact in contacts:
        if contact.provenance.source != USER_SOURCE_ID:
            raise CardRequestError(
                f"{contact.id!r} is not one of the user's own contacts (provenance source "
                f"{contact.provenance.source!r}, not {USER_SOURCE_ID!r}): own numbers come "
                "from UserData.own_contacts()"
            )
        valid: list[Phone] = []
        for phone in contact.phones:
            try:
                normalise_phone(phone.number)
            except (PhoneFormatError, TypeError):
                warnings.append(
                    f"{where}: own contact {contact.name!r}: {phone.number!r} is not a valid "
                    "phone number and is not printed"
                )
                continue
            valid.append(phone)
        phones, reason = (
            usable_phones(contact.model_copy(update={"phones": valid}))
            if valid
            else ([], "no valid phone number")
        )
        if not phones:
            warnings.append(f"{where}: own contact {contact.name!r} is not printed ({reason})")
            continue
        for phone in phones:
            label = contact.name
            if len(phones) > 1 and phone.label:
                label = f"{contact.name} ({phone.label})"
            lines.append(
                NumberLine(
                    label=label,
                    number=phone.display,
                    # egen:, not egne: part of the content hash of cards printed before (ids.py)
                    contact_ref=f"{USER_SOURCE_ID}:{contact.id}",
                )
            )
    return lines
