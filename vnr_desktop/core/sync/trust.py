"""Who may sign what: scoped publisher keys, roots that only endorse, and revocation.

Modelled on TUF's roles, kept in minisign's file formats:

- an administrator trusts a key with a **scope** (the bundle ids it may publish) and a
  **role**: ``publisher`` (signs bundles and catalogs) or ``root`` (offline; only endorses
  signing keys inside its own scope, with an end date, and signs revocation lists);
- a root-**endorsed** key is a publisher for the endorsement's scope until its end date;
- a key on a root-signed **revocation list** the app has seen is refused from then on.

Content or a catalog signed by a root is refused; so is an endorsement or revocation list
signed by anything but a root, and any bundle or catalog entry outside the signer's scope.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from vnr_desktop.core.sync import endorsement as _endorsement
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync import revocation as _revocation
from vnr_desktop.core.sync.errors import (
    KeyRevoked,
    MissingSignature,
    SyncError,
    UnknownKey,
    WrongRole,
)

Role = Literal["publisher", "root"]
SIG = ".minisig"
SIGNER = ".signer"


def fingerprint(key: minisign.PublicKey) -> str:
    """SHA-256 of the public key line, in groups of four: read it aloud to compare."""
    digest = hashlib.sha256(key.to_base64().encode()).hexdigest().upper()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class TrustedKey:
    key: minisign.PublicKey
    role: Role
    scope: frozenset[str]
    origin: str = "settings"
    """"settings" (an administrator trusted it) or "endorsed" (a root endorsed it)."""
    until: _dt.date | None = None
    endorsed_by: str | None = None
    name: str = ""

    @property
    def id_hex(self) -> str:
        return self.key.id_hex

    def covers(self, bundle_id: str) -> bool:
        return bundle_id in self.scope

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id_hex,
            "fingerprint": fingerprint(self.key),
            "role": self.role,
            "scope": sorted(self.scope),
            "origin": self.origin,
            "endorsed_by": self.endorsed_by,
            "expiry": self.until.isoformat() if self.until else None,
            "name": self.name,
            "public_key": self.key.to_base64(),
        }


class TrustStore:
    """The keys an administrator trusted (settings), by key id."""

    def __init__(self, keys: Iterable[TrustedKey] = ()) -> None:
        self.keys: dict[bytes, TrustedKey] = {}
        for k in keys:
            self.keys[k.key.key_id] = k

    def __contains__(self, key_id: object) -> bool:
        return key_id in self.keys

    def roots(self) -> dict[bytes, TrustedKey]:
        return {i: k for i, k in self.keys.items() if k.role == "root"}


@dataclass(frozen=True)
class Revoked:
    key_number: int
    reason: str
    date: _dt.date
    by: TrustedKey

    @property
    def key_hex(self) -> str:
        return f"{self.key_number:016X}"


@dataclass
class TrustState:
    """The settings' keys plus what the app learned: endorsements and revocations (on disk)."""

    store: TrustStore
    folder: Path
    """The data folder's ``sync`` directory."""
    today: _dt.date
    endorsed: dict[bytes, TrustedKey] = field(default_factory=dict)
    revocations: list[Revoked] = field(default_factory=list)

    # ------------------------------------------------------------------ disk

    @property
    def keys_dir(self) -> Path:
        return self.folder / "keys"

    @property
    def revocations_dir(self) -> Path:
        return self.folder / "revocations"

    def load(self) -> TrustState:
        """Re-check everything kept on disk: revocations first, then endorsements."""
        if self.revocations_dir.is_dir():
            for path in sorted(self.revocations_dir.glob("*.json")):
                try:
                    sig = path.with_name(path.name + SIG).read_bytes()
                    try:
                        self._add_revocations(path.read_bytes(), sig)
                    except UnknownKey:
                        # The root is no longer trusted: a revocation once seen still holds,
                        # checked against the root as it was when the list was accepted.
                        remembered = _remembered_root(path.with_name(path.name + SIGNER))
                        self._add_revocations(path.read_bytes(), sig, remembered)
                except (OSError, ValueError, SyncError):
                    continue
        if self.keys_dir.is_dir():
            for pub in sorted(self.keys_dir.glob("*.pub")):
                try:
                    sig = pub.with_name(pub.name + SIG).read_bytes()
                    self.check_endorsement(pub.read_bytes(), sig)
                except (OSError, SyncError):
                    continue
        return self

    # ------------------------------------------------------------------ lookups

    def all_keys(self) -> list[TrustedKey]:
        return [*self.store.keys.values(), *self.endorsed.values()]

    def revoked(self, tk: TrustedKey) -> Revoked | None:
        """The revocation that applies to ``tk``: by a root covering all of its scope (or itself)."""
        number = _revocation.key_number(tk.key.key_id)
        for r in self.revocations:
            if r.key_number != number:
                continue
            if r.by.key == tk.key or tk.scope <= r.by.scope:
                return r
        return None

    def _refuse_revoked(self, tk: TrustedKey, what: str | None) -> None:
        r = self.revoked(tk)
        if r is not None:
            raise _revoked_error(r, what)

    def _refuse_unknown_revoked(self, sig: minisign.Signature, what: str) -> None:
        """An unknown signer the app has seen revoked: say so (not just "unknown key")."""
        number = _revocation.key_number(sig.key_id)
        for r in self.revocations:
            if r.key_number == number:
                raise _revoked_error(r, what)

    def signer(self, sig: minisign.Signature, what: str) -> TrustedKey | None:
        """The trusted key that made ``sig`` (any role), None when unknown."""
        return self.store.keys.get(sig.key_id) or self.endorsed.get(sig.key_id)

    # ------------------------------------------------------------------ content

    def verify_content(self, data: bytes, sig_raw: bytes | None, what: str) -> TrustedKey:
        """Check a bundle's or catalog's signature: a publisher key, not revoked, not a root."""
        if sig_raw is None:
            raise MissingSignature(
                f"Signaturen (.minisig) for {what} mangler. Usignert innhold installeres aldri.",
                f"The signature (.minisig) for {what} is missing. Unsigned content is never "
                "installed.",
            )
        sig = minisign.parse_signature(sig_raw, what)
        tk = self.signer(sig, what)
        if tk is None:
            self._refuse_unknown_revoked(sig, what)
            minisign.verify_digest(minisign.prehash(data), sig, {}, what)  # raises UnknownKey
            raise AssertionError("unreachable")
        minisign.verify_digest(minisign.prehash(data), sig, {tk.key.key_id: tk.key}, what)
        self._refuse_revoked(tk, what)
        if tk.role == "root":
            raise WrongRole(
                f"{_cap(what)} er signert med rotnøkkelen {tk.id_hex}. En rotnøkkel skal bare godkjenne "
                "signeringsnøkler og trekke dem tilbake, aldri signere innhold. Ingenting er endret.",
                f"{what} is signed with the root key {tk.id_hex}. A root key only endorses and "
                "revokes signing keys and never signs content. Nothing was changed.",
            )
        if tk.until is not None and self.today > tk.until:
            raise UnknownKey(
                f"Signeringsnøkkelen {tk.id_hex} var godkjent bare til {tk.until:%d.%m.%Y}. "
                "Ingenting er endret.",
                f"The signing key {tk.id_hex} was endorsed only until {tk.until}. "
                "Nothing was changed.",
            )
        return tk

    # ------------------------------------------------------------------ roots' files

    def _root_signature(
        self, data: bytes, sig_raw: bytes, what: str
    ) -> tuple[minisign.Signature, TrustedKey]:
        sig = minisign.parse_signature(sig_raw, what)
        tk = self.signer(sig, what)
        if tk is None:
            minisign.verify_digest(minisign.prehash(data), sig, {}, what)  # raises UnknownKey
            raise AssertionError("unreachable")
        minisign.verify_digest(minisign.prehash(data), sig, {tk.key.key_id: tk.key}, what)
        if tk.role != "root":
            raise WrongRole(
                f"{_cap(what)} er signert med {tk.id_hex}, som ikke er en rotnøkkel. Bare en rotnøkkel kan "
                "godkjenne eller trekke tilbake nøkler. Ingenting er endret.",
                f"{what} is signed with {tk.id_hex}, which is not a root key. Only a root key can "
                "endorse or revoke keys. Nothing was changed.",
            )
        self._refuse_revoked(tk, what)
        return sig, tk

    def check_endorsement(self, pub_raw: bytes, sig_raw: bytes) -> TrustedKey:
        """Verify an endorsement (root only, inside its scope, dated); remember the key."""
        what = "nøkkelbekreftelsen"
        sig, root = self._root_signature(pub_raw, sig_raw, what)
        e = _endorsement.read_endorsement(pub_raw, sig, root.scope, self.today)
        if e.key.key_id in self.store.keys:
            return self.store.keys[e.key.key_id]  # the administrator's word wins
        tk = TrustedKey(e.key, "publisher", e.scope, "endorsed", e.until, root.id_hex)
        self._refuse_revoked(tk, None)
        self.endorsed[e.key.key_id] = tk
        return tk

    def _add_revocations(
        self, raw: bytes, sig_raw: bytes, remembered: TrustedKey | None = None
    ) -> tuple[TrustedKey, list[Revoked]]:
        if remembered is None:
            sig, root = self._root_signature(raw, sig_raw, "tilbakekallingslisten")
        else:
            sig, root = minisign.parse_signature(sig_raw), remembered
            keys = {remembered.key.key_id: remembered.key}
            minisign.verify_digest(minisign.prehash(raw), sig, keys, "tilbakekallingslisten")
        _revocation.check_marker(sig)
        lst = _revocation.parse(raw)
        added: list[Revoked] = []
        for e in lst.revoked:
            r = Revoked(e.key_number, e.reason, e.date, root)
            if r not in self.revocations:
                self.revocations.append(r)
                added.append(r)
        # Endorsed keys the list revokes are dropped at once.
        for key_id, tk in list(self.endorsed.items()):
            if self.revoked(tk) is not None:
                del self.endorsed[key_id]
        return root, added

    def accept_revocations(
        self, raw: bytes, sig_raw: bytes, write: Callable[[Path, bytes], None] | None = None
    ) -> list[Revoked]:
        """Check a revocation list and keep it; returns the revocations new to this app."""
        root, added = self._add_revocations(raw, sig_raw)
        name = hashlib.sha256(raw).hexdigest()[:20] + ".json"
        target = self.revocations_dir / name
        writer = write or _write
        signer = {"key": root.key.to_base64(), "scope": sorted(root.scope)}
        writer(target.with_name(name + SIGNER), json.dumps(signer).encode())
        writer(target.with_name(name + SIG), sig_raw)
        writer(target, raw)
        return added


def _remembered_root(path: Path) -> TrustedKey:
    """The root that signed a kept revocation list, as it was trusted then."""
    data = json.loads(path.read_text("utf-8"))
    key = minisign.parse_public_key(str(data["key"]))
    scope = frozenset(str(s) for s in data["scope"])
    return TrustedKey(key, "root", scope, "remembered")


def _cap(text: str) -> str:
    """At the start of a sentence: katalogen -> Katalogen; a file name gets "Filen" before."""
    if "." in text or "/" in text:
        return f"Filen {text}"
    return text[:1].upper() + text[1:]


def _revoked_error(r: Revoked, what: str | None) -> KeyRevoked:
    when = f"{r.date:%d.%m.%Y}"
    if what is None:
        nb = f"Signeringsnøkkelen {r.key_hex} er trukket tilbake"
        en = f"The signing key {r.key_hex} was revoked"
    else:
        nb = f"{_cap(what)} er signert med nøkkel {r.key_hex}, som er trukket tilbake"
        en = f"{_cap(what)} is signed with key {r.key_hex}, which was revoked"
    return KeyRevoked(
        f"{nb} av rotnøkkel {r.by.id_hex} {when} ({r.reason}). Ingenting er endret.",
        f"{en} by root key {r.by.id_hex} on {r.date} ({r.reason}). Nothing was changed.",
    )


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
