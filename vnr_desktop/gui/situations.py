"""Navigation by situation: what the user is worried about, mapped to the guides' situations."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class SituationEntry:
    key: str
    title: str
    situations: tuple[str, ...]
    intro: str


def situation_entries() -> list[SituationEntry]:
    translate = QCoreApplication.translate
    return [
        SituationEntry(
            "child",
            translate("Situations", "Bekymret for et barn"),
            ("child_exposed", "child_witness", "child_sexual_abuse"),
            translate(
                "Situations",
                "Når du er bekymret for at et barn blir utsatt for vold, overgrep eller omsorgssvikt.",
            ),
        ),
        SituationEntry(
            "adult",
            translate("Situations", "Bekymret for en voksen"),
            ("adult",),
            translate(
                "Situations",
                "Når du er bekymret for at en voksen blir utsatt for vold fra en partner eller et familiemedlem.",
            ),
        ),
        SituationEntry(
            "older",
            translate("Situations", "Bekymret for en eldre eller risikoutsatt voksen"),
            ("older_at_risk",),
            translate(
                "Situations",
                "Når en eldre eller en voksen som trenger hjelp i hverdagen kan bli utsatt for vold.",
            ),
        ),
        SituationEntry(
            "user",
            translate("Situations", "Noen som utøver vold"),
            ("violence_user",),
            translate(
                "Situations",
                "Når noen utøver vold, eller er redd for å gjøre det, og trenger hjelp til å stoppe.",
            ),
        ),
        SituationEntry(
            "honour",
            translate("Situations", "Æresrelatert vold og negativ sosial kontroll"),
            ("honour_violence", "negative_social_control", "forced_marriage", "fgm"),
            translate(
                "Situations",
                "Æresrelatert vold, negativ sosial kontroll, tvangsekteskap og kjønnslemlestelse.",
            ),
        ),
    ]
