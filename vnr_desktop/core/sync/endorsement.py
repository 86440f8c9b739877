"""Key rotation: a root key endorses a signing key for some regions until a date.

An endorsement is the signing key's ``.pub`` file, byte for byte as ``minisign -G`` (or
``vnr-desktop keys generate``) wrote it, plus a minisign signature of those bytes
(``.pub.minisig``) made by a root key, whose trusted comment reads
``vnr-signing-key<TAB>key:<KEY ID><TAB>until:<YYYY-MM-DD><TAB>scope:<ID>,<ID>``. A feed carries it
as ``keys/<KEY ID>.pub`` (+ ``.minisig``). Only a key an administrator trusted as a root may
endorse, only for regions inside its own scope, always with an end date; endorsed keys never
endorse (no chains). Anyone can check the file: ``minisign -Vm KEY.pub -p ROOT.pub``.
See docs/keys.md.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.errors import OutOfScope, UnknownKey

MARKER = "vnr-signing-key"
FOLDER = "keys"
_SCOPE_ITEM = re.compile(r"^[a-z][a-z0-9-]{1,31}$")


def endorsement_comment(key: minisign.PublicKey, until: _dt.date, scope: Iterable[str]) -> str:
    return f"{MARKER}\tkey:{key.id_hex}\tuntil:{until.isoformat()}\tscope:{','.join(sorted(scope))}"


def endorse(
    root: minisign.SecretKey,
    pub_text: bytes,
    until: _dt.date,
    scope: Iterable[str],
) -> bytes:
    """The ``.pub.minisig`` bytes that endorse the key in ``pub_text`` (the exact file bytes)."""
    key = minisign.parse_public_key(pub_text.decode("utf-8"))
    scope = sorted(set(scope))
    if not scope:
        raise ValueError("an endorsement names at least one scope")
    sig = minisign.sign_bytes(root, pub_text, endorsement_comment(key, until, scope))
    return sig.to_file_text().encode()


def same_key_id(text: str, key_id: bytes) -> bool:
    """A key id as text (with or without minisign's dropped leading zeros) equals ``key_id``."""
    if not re.fullmatch(r"[0-9A-Fa-f]{1,16}", text):
        return False
    return int(text, 16) == int.from_bytes(key_id, "little")


@dataclass(frozen=True)
class Endorsed:
    key: minisign.PublicKey
    until: _dt.date
    scope: frozenset[str]
    endorsed_by: bytes
    """The root's key id."""


def read_endorsement(
    pub_raw: bytes, sig: minisign.Signature, root_scope: frozenset[str], today: _dt.date
) -> Endorsed:
    """Check an endorsement whose signature a root key already verified."""
    key = minisign.parse_public_key(pub_raw.decode("utf-8", errors="replace"))
    fields = dict(part.split(":", 1) for part in sig.trusted_comment.split("\t")[1:] if ":" in part)
    if not sig.trusted_comment.startswith(MARKER + "\t") or not same_key_id(
        fields.get("key", ""), key.key_id
    ):
        raise UnknownKey(
            "Nøkkelbekreftelsen gjelder ikke en signeringsnøkkel for VNR-innhold.",
            "The key endorsement is not an endorsement of a VNR signing key.",
        )
    until_text = fields.get("until", "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until_text):
        raise UnknownKey(
            "Nøkkelbekreftelsen mangler sluttdato. Ingenting er endret.",
            "The endorsement has no end date. Nothing was changed.",
        )
    scope = frozenset(s for s in fields.get("scope", "").split(",") if s)
    if not scope or not all(_SCOPE_ITEM.match(s) for s in scope):
        raise OutOfScope(
            f"Nøkkelbekreftelsen for {key.id_hex} sier ikke hvilke regioner nøkkelen får "
            "publisere. Ingenting er endret.",
            f"The endorsement of {key.id_hex} does not name the regions the key may publish. "
            "Nothing was changed.",
        )
    outside = sorted(scope - root_scope)
    if outside:
        raise OutOfScope(
            f"Rotnøkkelen {sig.key_id_hex} har godkjent {key.id_hex} for {', '.join(outside)}, "
            f"men rotnøkkelen selv gjelder bare {', '.join(sorted(root_scope))}. Ingenting er endret.",
            f"The root key {sig.key_id_hex} endorsed {key.id_hex} for {', '.join(outside)}, but the "
            f"root itself covers only {', '.join(sorted(root_scope))}. Nothing was changed.",
        )
    until = _dt.date.fromisoformat(until_text)
    if today > until:
        raise UnknownKey(
            f"Signeringsnøkkelen {key.id_hex} var godkjent bare til {until:%d.%m.%Y}. "
            "Utgiveren må bruke en ny nøkkel. Ingenting er endret.",
            f"The signing key {key.id_hex} was endorsed only until {until}. Nothing was changed.",
        )
    return Endorsed(key, until, scope, sig.key_id)
