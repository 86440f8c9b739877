"""Plain-language names for the content model's codes (categories, statuses, audiences...).

Every label goes through Qt's translation (context "Labels"), so the English catalogue has them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from vnr_desktop.core.models import Audience

_Code = TypeVar("_Code", bound=str)


def category_labels() -> dict[str, str]:
    return {
        "emergency": QCoreApplication.translate("Labels", "Nødnummer"),
        "police": QCoreApplication.translate("Labels", "Politi"),
        "legevakt": QCoreApplication.translate("Labels", "Legevakt"),
        "barnevern": QCoreApplication.translate("Labels", "Barnevern"),
        "barnevernvakt": QCoreApplication.translate("Labels", "Barnevernvakt"),
        "krisesenter": QCoreApplication.translate("Labels", "Krisesenter"),
        "familievern": QCoreApplication.translate("Labels", "Familievern"),
        "overgrepsmottak": QCoreApplication.translate("Labels", "Overgrepsmottak"),
        "barnehus": QCoreApplication.translate("Labels", "Statens barnehus"),
        "helpline": QCoreApplication.translate("Labels", "Hjelpetelefon"),
        "competence_team": QCoreApplication.translate("Labels", "Kompetanseteam"),
        "support_organisation": QCoreApplication.translate("Labels", "Støtteorganisasjon"),
        "municipal_service": QCoreApplication.translate("Labels", "Kommunal tjeneste"),
        "health_service": QCoreApplication.translate("Labels", "Helsetjeneste"),
        "conflict_council": QCoreApplication.translate("Labels", "Konfliktrådet"),
        "nav": QCoreApplication.translate("Labels", "NAV"),
        "violence_help": QCoreApplication.translate("Labels", "Hjelp for den som utøver vold"),
        "other": QCoreApplication.translate("Labels", "Annet"),
    }


def audience_labels() -> dict[Audience, str]:
    return {
        "children": QCoreApplication.translate("Labels", "barn"),
        "young_people": QCoreApplication.translate("Labels", "ungdom"),
        "adults": QCoreApplication.translate("Labels", "voksne"),
        "older": QCoreApplication.translate("Labels", "eldre"),
        "violence_users": QCoreApplication.translate("Labels", "den som utøver vold"),
        "professionals": QCoreApplication.translate("Labels", "fagfolk"),
        "everyone": QCoreApplication.translate("Labels", "alle"),
    }


def availability_labels() -> dict[str, str]:
    return {
        "acute": QCoreApplication.translate("Labels", "Akutt, hele døgnet"),
        "daytime": QCoreApplication.translate("Labels", "Dagtid"),
        "both": QCoreApplication.translate("Labels", "Akutt og dagtid"),
        "unknown": QCoreApplication.translate("Labels", "Ikke oppgitt"),
    }


def status_labels() -> dict[str, str]:
    return {
        "i_gang": QCoreApplication.translate("Labels", "I gang"),
        "planlagt": QCoreApplication.translate("Labels", "Planlagt"),
        "foreslatt": QCoreApplication.translate("Labels", "Foreslått"),
        "gjennomfort": QCoreApplication.translate("Labels", "Gjennomført"),
        "ukjent": QCoreApplication.translate("Labels", "Ukjent"),
    }


def kind_labels() -> dict[str, str]:
    return {
        "contact": QCoreApplication.translate("Labels", "Kontakt"),
        "guide": QCoreApplication.translate("Labels", "Veileder"),
        "plan": QCoreApplication.translate("Labels", "Plan"),
        "measure": QCoreApplication.translate("Labels", "Tiltak"),
        "resource": QCoreApplication.translate("Labels", "Ressurs"),
    }


def section_labels() -> dict[str, str]:
    return {
        "se": QCoreApplication.translate("Labels", "SE"),
        "spor": QCoreApplication.translate("Labels", "SPØR"),
        "avklar": QCoreApplication.translate("Labels", "AVKLAR"),
        "handle": QCoreApplication.translate("Labels", "HANDLE"),
        "duties": QCoreApplication.translate("Labels", "Plikter"),
        "definitions": QCoreApplication.translate("Labels", "Definisjoner"),
        "forms": QCoreApplication.translate("Labels", "Former for vold"),
        "risk_factors": QCoreApplication.translate("Labels", "Risikofaktorer"),
        "info": QCoreApplication.translate("Labels", "Mer informasjon"),
    }


def label(table: Mapping[_Code, str], code: _Code) -> str:
    return table.get(code, code)


def conflict_subject(field: str) -> str:
    """What a conflict is about, in words ("telefonnummeret"), never the field's name."""
    base = re.sub(r"\[\d+\]", "", field).strip()
    subjects = {
        "phones": QCoreApplication.translate("Labels", "telefonnummeret"),
        "phones.number": QCoreApplication.translate("Labels", "telefonnummeret"),
        "phones.hours": QCoreApplication.translate("Labels", "åpningstiden"),
        "phones.label": QCoreApplication.translate("Labels", "hva nummeret gjelder"),
        "municipalities": QCoreApplication.translate("Labels", "hvilke kommuner tjenesten dekker"),
        "availability": QCoreApplication.translate("Labels", "når tjenesten svarer"),
        "address": QCoreApplication.translate("Labels", "adressen"),
        "email": QCoreApplication.translate("Labels", "e-postadressen"),
        "web": QCoreApplication.translate("Labels", "nettsiden"),
        "name": QCoreApplication.translate("Labels", "navnet"),
    }
    return subjects.get(base, QCoreApplication.translate("Labels", "en opplysning"))
