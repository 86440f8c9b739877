"""Key rotation: a pinned (offline root) key endorses a signing key for a limited time.

An endorsement is the signing key's ``.pub`` file plus a minisign signature of it
(``.pub.minisig``) made by a pinned key, whose trusted comment reads
``vnr-signing-key<TAB>key:<KEY ID><TAB>until:<YYYY-MM-DD>``. A feed carries it as
``keys/<KEY ID>.pub`` (+ ``.minisig``). The app accepts signatures by an endorsed key until the
date; a new signing key needs only a new endorsement, not a new app. Only pinned keys endorse
(no chains). See docs/keys.md.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.errors import UnknownKey

MARKER = "vnr-signing-key"
FOLDER = "keys"


def endorsement_comment(key: minisign.PublicKey, until: _dt.date) -> str:
    return f"{MARKER}\tkey:{key.id_hex}\tuntil:{until.isoformat()}"


def endorse(
    root: minisign.SecretKey, key: minisign.PublicKey, until: _dt.date
) -> tuple[bytes, bytes]:
    """The ``.pub`` and ``.pub.minisig`` bytes that endorse ``key`` until ``until``."""
    pub = key.to_file_text().encode()
    sig = minisign.sign_bytes(root, pub, endorsement_comment(key, until))
    return pub, sig.to_file_text().encode()


@dataclass(frozen=True)
class Endorsed:
    key: minisign.PublicKey
    until: _dt.date
    endorsed_by: str


def check_endorsement(
    pub_raw: bytes,
    sig_raw: bytes,
    pinned: dict[bytes, minisign.PublicKey],
    today: _dt.date,
) -> Endorsed:
    """Verify an endorsement against the pinned keys only; raises UnknownKey when not valid."""
    sig = minisign.verify_bytes(pub_raw, sig_raw, pinned, "nøkkelbekreftelsen")
    key = minisign.parse_public_key(pub_raw.decode("utf-8", errors="replace"))
    fields = dict(part.split(":", 1) for part in sig.trusted_comment.split("\t")[1:] if ":" in part)
    if not sig.trusted_comment.startswith(MARKER + "\t") or fields.get("key") != key.id_hex:
        raise UnknownKey(
            "Nøkkelbekreftelsen gjelder ikke en signeringsnøkkel for VNR-innhold.",
            "The key endorsement is not an endorsement of a VNR signing key.",
        )
    until_text = fields.get("until", "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until_text):
        raise UnknownKey(
            "Nøkkelbekreftelsen mangler sluttdato.", "The endorsement has no end date."
        )
    until = _dt.date.fromisoformat(until_text)
    if today > until:
        raise UnknownKey(
            f"Signeringsnøkkelen {key.id_hex} var godkjent bare til {until:%d.%m.%Y}. "
            "Utgiveren må bruke en ny nøkkel. Ingenting er endret.",
            f"The signing key {key.id_hex} was endorsed only until {until}. Nothing was changed.",
        )
    return Endorsed(key, until, sig.key_id_hex)
