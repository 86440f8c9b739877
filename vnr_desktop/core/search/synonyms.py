"""English words for services and forms of violence, and the Norwegian words to search for.

The content is Norwegian; a few contacts carry English aliases. When the interface is English,
or a query finds no Norwegian name, ``translate`` replaces the English phrases it knows
("crisis centre" -> krisesenter, "rape" -> voldtekt) and search runs the Norwegian query;
its hits say which translation they matched (``Hit.translation``).

The table lists kinds of service and forms of violence, the words a worried person types; it
is not a dictionary. Longer phrases win over shorter ones ("child welfare emergency" before
"child welfare"). Phrases are matched on whole words, lower-cased, so "Women's shelter" and
"womens shelter" both work.
"""

from __future__ import annotations

from dataclasses import dataclass

from vnr_desktop.core.search.text import words

ENGLISH: dict[str, tuple[str, ...]] = {
    # services
    "krisesenter": (
        "crisis centre",
        "crisis center",
        "crisis shelter",
        "women s shelter",
        "womens shelter",
        "women shelter",
        "domestic violence shelter",
        "shelter",
        "refuge",
    ),
    "barnevernvakt": (
        "child protection emergency",
        "child welfare emergency",
        "child protection emergency service",
        "child welfare emergency service",
        "emergency child protection",
        "emergency child welfare",
        "child protection out of hours",
    ),
    "barnevern": (
        "child protection",
        "child welfare",
        "child protective services",
        "child protection services",
        "child welfare services",
    ),
    "legevakt": (
        "emergency room",
        "out of hours doctor",
        "out of hours",
        "after hours doctor",
        "emergency doctor",
        "emergency clinic",
        "casualty",
        "urgent care",
    ),
    "overgrepsmottak": (
        "sexual assault centre",
        "sexual assault center",
        "sexual assault clinic",
        "sexual assault referral centre",
        "rape crisis centre",
        "rape crisis center",
        "rape centre",
        "rape center",
    ),
    "familievernkontor": (
        "family counselling",
        "family counseling",
        "family counselling office",
        "family counseling office",
        "family welfare office",
        "family counselling service",
    ),
    "statens barnehus": (
        "children s house",
        "childrens house",
        "children s advocacy centre",
        "child advocacy centre",
        "child advocacy center",
        "barnahus",
    ),
    "politi": ("police", "police station"),
    "nødnummer": ("emergency number", "emergency numbers"),
    "hjelpetelefon": ("helpline", "hotline", "help line"),
    "sinnemestring": ("anger management",),
    "konfliktrådet": ("mediation service", "conflict council", "mediation"),
    "støttesenter kriminalitetsutsatte": ("victim support", "support centre for victims"),
    "fastlege": ("gp", "general practitioner", "family doctor", "regular doctor"),
    "helsestasjon": ("health clinic", "child health clinic", "health centre"),
    # forms of violence
    "voldtekt": ("rape", "raped"),
    "vold i nære relasjoner": (
        "domestic violence",
        "domestic abuse",
        "family violence",
        "intimate partner violence",
        "violence in close relationships",
        "violence in intimate relationships",
    ),
    "partnervold": ("partner violence", "partner abuse", "spousal abuse"),
    "seksuelle overgrep": ("sexual abuse", "sexual assault", "sexual violence"),
    "vold mot barn": ("child abuse", "violence against children", "child maltreatment"),
    "omsorgssvikt": ("neglect", "child neglect"),
    "tvangsekteskap": ("forced marriage",),
    "kjønnslemlestelse": ("female genital mutilation", "genital mutilation", "fgm"),
    "æresrelatert vold": (
        "honour based violence",
        "honor based violence",
        "honour violence",
        "honor violence",
        "honour related violence",
        "honor related violence",
    ),
    "eldrevold": ("elder abuse", "abuse of older people", "violence against older people"),
    "menneskehandel": ("human trafficking", "trafficking"),
    "psykisk vold": ("psychological violence", "emotional abuse", "psychological abuse"),
    "fysisk vold": ("physical violence", "physical abuse"),
    "digital vold": ("digital violence", "online abuse"),
    "trusler": ("threats", "threat"),
    "forfølgelse": ("stalking",),
    "voldsformer": ("forms of violence", "types of violence", "kinds of violence"),
    "vold": ("violence", "abuse"),
    # duties
    "avvergeplikt": ("duty to avert", "duty to prevent", "duty to avert crime"),
    "opplysningsplikt": (
        "duty to report",
        "duty of disclosure",
        "duty to inform",
        "reporting duty",
    ),
    "taushetsplikt": ("confidentiality", "duty of confidentiality", "professional secrecy"),
}
"""Norwegian search words -> the English phrases that stand for them."""

_PHRASES: dict[tuple[str, ...], str] = {
    tuple(words(phrase)): norwegian for norwegian, phrases in ENGLISH.items() for phrase in phrases
}
_LONGEST = max(len(p) for p in _PHRASES)


@dataclass(frozen=True)
class Translation:
    query: str
    """The Norwegian query to search."""
    pairs: tuple[tuple[str, str], ...]
    """(English as typed, Norwegian) for every phrase replaced."""

    @property
    def note(self) -> str:
        """ "crisis centre → krisesenter; rape → voldtekt"."""
        return "; ".join(f"{en} → {nb}" for en, nb in self.pairs)


def translate(query: str) -> Translation | None:
    """The query with the English phrases it holds replaced, or None when it holds none."""
    tokens = words(query)
    out: list[str] = []
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        for n in range(min(_LONGEST, len(tokens) - i), 0, -1):
            norwegian = _PHRASES.get(tuple(tokens[i : i + n]))
            if norwegian is not None:
                out.append(norwegian)
                pairs.append((" ".join(tokens[i : i + n]), norwegian))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    if not pairs:
        return None
    return Translation(" ".join(out), tuple(pairs))
