"""The number for the hour and for the place: does a phone answer around the clock, which of a
contact's phones belongs on an acute panel, and for which municipalities a number is printed.

Rules (issue 12, items 5 and 7):

- A phone answers around the clock when its hours say so ("hele døgnet", "døgnåpen", "24 t"),
  or when it has no hours and its contact is an acute service (availability ``acute``: 112,
  02800, the legevakt). Hours that say anything else ("dagtid", "man–fre 9–15") mean it does
  not; a contact whose availability is ``daytime`` does not either. Anything else is unknown.
- An acute panel picks a contact's around-the-clock phone first. A phone that does not answer
  around the clock is printed with its hours (``dagtid`` when only the contact's availability
  says so); one whose hours are unknown says that.
- A contact whose ``municipalities`` leave out part of the region is printed with a caveat:
  "<names>: bekreft lokalt" when the coverage is disputed (a conflict on ``municipalities``),
  else "Gjelder <names>".

This module decides; ``resolve.py`` calls it; which digits may be shown at all is
``usable_phones`` (issue 13's phone rule).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from vnr_desktop.core.models import Contact, Phone

_AROUND_THE_CLOCK = re.compile(
    r"hele\s+døgnet|døgnåpen|døgnbemannet|døgnet\s+rundt|\b24\s*(t|timer|/7)\b|around the clock",
    re.IGNORECASE,
)

HOURS_DAYTIME = {"nb": "dagtid", "en": "daytime"}
HOURS_UNKNOWN = {"nb": "åpningstid ikke oppgitt", "en": "opening hours not given"}
CONFIRM_LOCALLY = {"nb": "{names}: bekreft lokalt", "en": "{names}: confirm locally"}
ONLY_FOR = {"nb": "Gjelder {names}", "en": "Only for {names}"}
AND = {"nb": "og", "en": "and"}

COVERAGE_FIELD = "municipalities"


def around_the_clock(contact: Contact, phone: Phone) -> bool | None:
    """True: answers around the clock; False: does not; None: no source says."""
    if phone.hours:
        return bool(_AROUND_THE_CLOCK.search(phone.hours))
    if contact.availability == "daytime":
        return False
    if contact.availability == "acute":
        return True
    return None


_HOURS_EN = {
    "dagtid": "daytime",
    "hele døgnet": "around the clock",
    "hele døgnet, hele året": "around the clock, all year",
    "mandag og onsdag": "Monday and Wednesday",
    "tirsdag og torsdag": "Tuesday and Thursday",
    "mandag–fredag kl. 9–15": "Monday–Friday 9–15",
}
"""Content hours (written in bokmål) as an English card prints them; others stay as written."""


def hours_in(hours: str, lang: str) -> str:
    """``hours`` from the content in the card's language (an English card never prints
    "dagtid")."""
    if lang == "en":
        return _HOURS_EN.get(hours.strip().lower(), hours)
    return hours


def hours_text(contact: Contact, phone: Phone, lang: str) -> str:
    """The hours to print next to a phone that is not known to answer around the clock."""
    if phone.hours:
        return hours_in(phone.hours, lang)
    if contact.availability == "daytime":
        return HOURS_DAYTIME.get(lang, HOURS_DAYTIME["nb"])
    return HOURS_UNKNOWN.get(lang, HOURS_UNKNOWN["nb"])


def acute_order(contact: Contact, phones: Sequence[Phone]) -> list[Phone]:
    """The phones in the order an acute panel prefers them: around the clock first."""
    rank = {True: 0, None: 1, False: 2}
    return sorted(phones, key=lambda p: rank[around_the_clock(contact, p)])


def coverage_disputed(contact: Contact) -> bool:
    return any(c.field == COVERAGE_FIELD for c in contact.conflicts)


def _join(names: Sequence[str], lang: str) -> str:
    """``Østre Toten, Vestre Toten`` -> ``Østre og Vestre Toten`` (shared last word)."""
    word = AND.get(lang, AND["nb"])
    if len(names) == 1:
        return names[0]
    lasts = {n.split()[-1] for n in names}
    if len(lasts) == 1 and all(len(n.split()) > 1 for n in names):
        last = lasts.pop()
        heads = [n.rsplit(" ", 1)[0] for n in names]
        return f"{', '.join(heads[:-1])} {word} {heads[-1]} {last}"
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def coverage_caveat(contact: Contact, region: Mapping[str, str], lang: str) -> str | None:
    """What a card prints next to ``contact``'s number about where it applies.

    ``region`` maps the region's kommunenummer to names (the bundle's coverage). None when the
    contact covers the whole region (no ``municipalities``, or all of them).
    """
    if not contact.municipalities or not region:
        return None
    covered = set(contact.municipalities)
    outside = [name for number, name in region.items() if number not in covered]
    if not outside:
        return None
    if coverage_disputed(contact):
        return CONFIRM_LOCALLY.get(lang, CONFIRM_LOCALLY["nb"]).format(names=_join(outside, lang))
    inside = [name for number, name in region.items() if number in covered]
    return ONLY_FOR.get(lang, ONLY_FOR["nb"]).format(names=_join(inside, lang))
