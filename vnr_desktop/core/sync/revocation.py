"""Revocation lists: a root key says which keys must never be trusted again.

``revoked.json`` (next to ``catalog.json`` in a feed, or in a folder on a USB stick) plus its
minisign signature ``revoked.json.minisig`` by a root key, trusted comment
``vnr-revocations<TAB>issued:<YYYY-MM-DD>``::

    {"format": "vnr-revocations", "format_version": 1, "issued": "2026-12-06",
     "revoked": [{"key": "98C09170EA5864", "reason": "laptop stolen", "date": "2026-12-05"}]}

Anyone can check it: ``minisign -Vm revoked.json -p ROOT.pub``. Once the app has seen a list it
keeps it (data folder ``sync/revocations/``): the keys stay refused from then on, even if a
later feed leaves the list out.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.errors import CatalogError, WrongRole

FILE_NAME = "revoked.json"
MARKER = "vnr-revocations"
MAX_BYTES = 256 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class RevokedKey(_Strict):
    key: Annotated[str, StringConstraints(pattern=r"^[0-9A-F]{1,16}$")]
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    date: _dt.date

    @property
    def key_number(self) -> int:
        return int(self.key, 16)


class RevocationList(_Strict):
    format: Literal["vnr-revocations"]
    format_version: Literal[1]
    issued: _dt.date
    revoked: list[RevokedKey] = Field(max_length=1000)

    def to_bytes(self) -> bytes:
        data = self.model_dump(mode="json")
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def key_number(key_id: bytes) -> int:
    return int.from_bytes(key_id, "little")


def parse(raw: bytes) -> RevocationList:
    """Parse a revocation list whose signature has ALREADY been checked."""
    if len(raw) > MAX_BYTES:
        raise CatalogError(
            "Tilbakekallingslisten er for stor.", "The revocation list is too large."
        )
    try:
        return RevocationList.model_validate_json(raw, strict=False)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5]
        )
        raise CatalogError(
            "Tilbakekallingslisten er ugyldig og ble ikke brukt.",
            "The revocation list is invalid and was not used.",
            detail=problems,
        ) from None


def check_marker(sig: minisign.Signature) -> None:
    if not sig.trusted_comment.startswith(MARKER + "\t") and sig.trusted_comment != MARKER:
        raise WrongRole(
            "Filen revoked.json er signert, men ikke som en tilbakekallingsliste "
            f"(den betrodde kommentaren må begynne med «{MARKER}»). Den ble ikke brukt.",
            "revoked.json is signed, but not as a revocation list (the trusted comment must "
            f"start with '{MARKER}'). It was not used.",
        )


def build(
    root: minisign.SecretKey,
    entries: list[RevokedKey],
    previous: RevocationList | None = None,
    today: _dt.date | None = None,
) -> tuple[bytes, bytes]:
    """The bytes of ``revoked.json`` and its ``.minisig``: ``previous`` plus ``entries``."""
    today = today or _dt.date.today()
    merged: dict[int, RevokedKey] = {}
    for e in [*(previous.revoked if previous else []), *entries]:
        merged.setdefault(e.key_number, e)
    lst = RevocationList(
        format="vnr-revocations",
        format_version=1,
        issued=today,
        revoked=sorted(merged.values(), key=lambda e: e.key),
    )
    raw = lst.to_bytes()
    sig = minisign.sign_bytes(root, raw, f"{MARKER}\tissued:{today.isoformat()}")
    return raw, sig.to_file_text().encode()


def normalise_key_id(text: str) -> str:
    """A key id as typed (leading zeros or not, any case) in minisign's upper-case hex."""
    text = text.strip().upper()
    if not re.fullmatch(r"[0-9A-F]{1,16}", text):
        raise ValueError(f"not a key id: {text!r}")
    return f"{int(text, 16):016X}"
