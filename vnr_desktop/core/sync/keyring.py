"""The publisher keys the app trusts: the built-in feed's key plus keys an administrator adds.

Built-in public keys are ``resources/keys/*.pub`` (only public keys are ever in the repository;
see docs/keys.md). Administrators add keys in Settings.extra_public_keys, either a whole .pub
file's text or just its base64 line.
"""

from __future__ import annotations

from collections.abc import Iterable

from vnr_desktop.core.resources import ResourceError, resource_path
from vnr_desktop.core.sync.errors import KeyFileError
from vnr_desktop.core.sync.minisign import PublicKey, load_public_key, parse_public_key

Keyring = dict[bytes, PublicKey]
BUILTIN_KEY_FOLDER = "keys"


def builtin_public_keys() -> list[PublicKey]:
    try:
        folder = resource_path(BUILTIN_KEY_FOLDER)
    except ResourceError:
        return []
    return [load_public_key(p) for p in sorted(folder.glob("*.pub"))]


def parse_extra_keys(texts: Iterable[str]) -> list[PublicKey]:
    keys: list[PublicKey] = []
    for n, text in enumerate(texts, start=1):
        try:
            keys.append(parse_public_key(text))
        except KeyFileError as exc:
            raise KeyFileError(
                f"Ekstra offentlig nøkkel nr. {n} i innstillingene er ugyldig: {exc.message}",
                f"Extra public key no. {n} in the settings is invalid: {exc.message_en}",
            ) from None
    return keys


def trusted_keys(extra: Iterable[str] = (), *, include_builtin: bool = True) -> Keyring:
    keys = builtin_public_keys() if include_builtin else []
    keys += parse_extra_keys(extra)
    return {k.key_id: k for k in keys}
