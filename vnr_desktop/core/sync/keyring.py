"""The publisher keys the app trusts: only keys an administrator added, each with a scope.

The app pins no key of its own: the built-in bundles ship inside the app and need no signature
check, and every update comes from a publisher an administrator trusted with a scope
(``vnr-desktop keys trust KEY.pub --scope gjovik``, or Settings). Keys from earlier versions
without a scope (Settings.extra_public_keys) are not trusted: ``keys list`` shows them so the
administrator can trust them again with a scope. See docs/keys.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from vnr_desktop.core.models import BUNDLE_ID_PATTERN
from vnr_desktop.core.sync.errors import KeyFileError
from vnr_desktop.core.sync.minisign import PublicKey, parse_public_key
from vnr_desktop.core.sync.trust import Role, TrustedKey, TrustStore

if TYPE_CHECKING:
    from vnr_desktop.core.settings import PublisherKey, Settings


def check_scope(scope: Iterable[str]) -> list[str]:
    """Scopes as bundle ids, sorted and unique; raises KeyFileError for a bad one or none."""
    out = sorted({s.strip() for s in scope if s.strip()})
    if not out:
        raise KeyFileError(
            "Oppgi hvilke regioner nøkkelen får publisere, for eksempel --scope gjovik "
            "(flere: --scope gjovik --scope hamar; nasjonalt innhold: --scope nasjonal).",
            "Name the regions the key may publish, for example --scope gjovik "
            "(several: --scope gjovik --scope hamar; national content: --scope nasjonal).",
        )
    bad = [s for s in out if not re.match(BUNDLE_ID_PATTERN, s)]
    if bad:
        raise KeyFileError(
            f"«{bad[0]}» er ikke et gyldig regionnavn (små bokstaver, tall og bindestrek, "
            "for eksempel gjovik eller nasjonal).",
            f"'{bad[0]}' is not a valid region id (lower-case letters, digits and hyphens, "
            "e.g. gjovik or nasjonal).",
        )
    return out


def trusted_key(
    key: PublicKey, scope: Iterable[str], role: Role = "publisher", name: str = ""
) -> TrustedKey:
    return TrustedKey(key, role, frozenset(check_scope(scope)), "settings", name=name)


def from_entries(entries: Iterable[PublisherKey]) -> TrustStore:
    keys: list[TrustedKey] = []
    for n, entry in enumerate(entries, start=1):
        try:
            keys.append(
                trusted_key(parse_public_key(entry.key), entry.scope, entry.role, entry.name)
            )
        except KeyFileError as exc:
            raise KeyFileError(
                f"Betrodd nøkkel nr. {n} i innstillingene er ugyldig: {exc.message}",
                f"Trusted key no. {n} in the settings is invalid: {exc.message_en}",
            ) from None
    return TrustStore(keys)


def trusted_keys(settings: Settings) -> TrustStore:
    """The keys the settings trust (each with its role and scope)."""
    return from_entries(settings.publisher_keys)


def unscoped_keys(settings: Settings) -> list[PublicKey]:
    """Keys from earlier versions without a scope: listed, never trusted."""
    out: list[PublicKey] = []
    for text in settings.extra_public_keys:
        try:
            out.append(parse_public_key(text))
        except KeyFileError:
            continue
    return out
