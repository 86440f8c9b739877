"""minisign-compatible keys and signatures (Ed25519 from ``cryptography``).

Formats, as minisign 0.11 reads and writes them (base64 lines after an untrusted comment):

- public key: ``"Ed" | key id (8) | Ed25519 public key (32)``;
- secret key: ``"Ed" | kdf "Sc" (or 0 0: unencrypted) | "B2" | salt (32) | opslimit (8, LE) |
  memlimit (8, LE) | keynum_sk`` where ``keynum_sk = key id (8) | seed+public (64) |
  BLAKE2b-256("Ed" | key id | seed+public) (32)``, XORed with scrypt(passphrase, salt) output
  (libsodium's ``crypto_pwhash_scryptsalsa208sha256`` parameter choice);
- signature: ``"ED" | key id | Ed25519(BLAKE2b-512(file))``, then a trusted comment line and a
  global signature ``Ed25519(signature | trusted comment)``.

So anyone can check a bundle or catalog with ``minisign -Vm FILE -p KEY.pub``, and keys made by
``minisign -G`` work here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from vnr_desktop.core import atomic
from vnr_desktop.core.sync.errors import (
    BadSignature,
    KeyFileError,
    MissingSignature,
    SignatureError,
    UnknownKey,
    WrongPassphrase,
)

SIG_ALG = b"Ed"
SIG_ALG_HASHED = b"ED"
KDF_SCRYPT = b"Sc"
KDF_NONE = b"\0\0"
CHK_ALG = b"B2"

OPSLIMIT_SENSITIVE = 33_554_432
MEMLIMIT_SENSITIVE = 1_073_741_824
"""minisign's defaults (libsodium scryptsalsa208sha256 'sensitive'): N=2^20, r=8, p=1, 1 GiB."""
OPSLIMIT_INTERACTIVE = 524_288
MEMLIMIT_INTERACTIVE = 16_777_216
"""libsodium 'interactive': N=2^14, r=8, p=1, 16 MiB (tests, throwaway keys)."""

MAX_SIGNATURE_FILE_BYTES = 16 * 1024
MAX_TRUSTED_COMMENT = 8192
MAX_UNTRUSTED_COMMENT = 1024
MAX_KEY_FILE_BYTES = 4096
_KEYNUM_SK_LEN = 8 + 64 + 32


def key_id_hex(key_id: bytes) -> str:
    """minisign shows a key id as the little-endian 64-bit number in upper-case hex."""
    return key_id[::-1].hex().upper()


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    raw: bytes
    """The 32-byte Ed25519 public key."""

    @property
    def id_hex(self) -> str:
        return key_id_hex(self.key_id)

    def to_base64(self) -> str:
        return base64.b64encode(SIG_ALG + self.key_id + self.raw).decode("ascii")

    def to_file_text(self) -> str:
        return f"untrusted comment: minisign public key {self.id_hex}\n{self.to_base64()}\n"

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.raw)


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    seed: bytes
    """The 32-byte Ed25519 seed (libsodium's secret key is seed | public key)."""

    @property
    def private_key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    @property
    def public_key(self) -> PublicKey:
        raw = self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(self.key_id, raw)

    @property
    def id_hex(self) -> str:
        return key_id_hex(self.key_id)


@dataclass(frozen=True)
class Signature:
    """A parsed .minisig file. ``trusted_comment`` is covered by the global signature."""

    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = ""

    @property
    def key_id_hex(self) -> str:
        return key_id_hex(self.key_id)

    def to_file_text(self) -> str:
        sig_line = base64.b64encode(self.algorithm + self.key_id + self.signature).decode()
        global_line = base64.b64encode(self.global_signature).decode()
        return (
            f"untrusted comment: {self.untrusted_comment}\n{sig_line}\n"
            f"trusted comment: {self.trusted_comment}\n{global_line}\n"
        )


# --------------------------------------------------------------------------- key generation


def generate_keypair() -> SecretKey:
    return SecretKey(key_id=os.urandom(8), seed=os.urandom(32))


def _scrypt_params(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """libsodium's pickparams() for crypto_pwhash_scryptsalsa208sha256: (N, r, p)."""
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p = 1
        max_n = opslimit // (r * 4)
        n_log2 = 1
        while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
            n_log2 += 1
    else:
        max_n = memlimit // (r * 128)
        n_log2 = 1
        while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
            n_log2 += 1
        max_rp = min((opslimit // 4) // (1 << n_log2), 0x3FFFFFFF)
        p = max_rp // r
    return 1 << n_log2, r, p


def _kdf_stream(passphrase: bytes, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    n, r, p = _scrypt_params(opslimit, memlimit)
    if p < 1 or n > 1 << 24 or r * p > 64:
        raise KeyFileError(
            "Nøkkelfilen har ugyldige parametre for passordbeskyttelsen.",
            "The key file has invalid passphrase protection parameters.",
        )
    maxmem = 128 * r * (n + p + 2) + (1 << 20)
    return hashlib.scrypt(passphrase, salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=_KEYNUM_SK_LEN)


def _checksum(key_id: bytes, sk64: bytes) -> bytes:
    return hashlib.blake2b(SIG_ALG + key_id + sk64, digest_size=32).digest()


def secret_key_file_text(
    secret: SecretKey,
    passphrase: str | None,
    *,
    opslimit: int = OPSLIMIT_SENSITIVE,
    memlimit: int = MEMLIMIT_SENSITIVE,
) -> str:
    """The secret key in minisign's format, encrypted with ``passphrase`` (None: unencrypted)."""
    sk64 = secret.seed + secret.public_key.raw
    keynum = secret.key_id + sk64 + _checksum(secret.key_id, sk64)
    if passphrase is None:
        kdf, salt, ops, mem = KDF_NONE, bytes(32), 0, 0
        body = keynum
    else:
        if not passphrase:
            raise KeyFileError("Passordet kan ikke være tomt.", "The passphrase cannot be empty.")
        kdf, salt, ops, mem = KDF_SCRYPT, os.urandom(32), opslimit, memlimit
        stream = _kdf_stream(passphrase.encode("utf-8"), salt, ops, mem)
        body = bytes(a ^ b for a, b in zip(keynum, stream, strict=True))
    blob = (
        SIG_ALG
        + kdf
        + CHK_ALG
        + salt
        + ops.to_bytes(8, "little")
        + mem.to_bytes(8, "little")
        + body
    )
    comment = "minisign encrypted secret key" if passphrase is not None else "minisign secret key"
    return f"untrusted comment: {comment}\n{base64.b64encode(blob).decode()}\n"


def _base64_line(text: str, what: str) -> bytes:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and lines[0].startswith("untrusted comment:"):
        lines = lines[1:]
    if not lines:
        raise KeyFileError(f"{what} er tom.", f"The {what} is empty.")
    try:
        return base64.b64decode(lines[0], validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError(
            f"{what} er ikke i minisign-format (ugyldig base64).",
            f"The {what} is not in minisign format (invalid base64).",
        ) from None


def load_secret_key_text(text: str, passphrase: str | None) -> SecretKey:
    blob = _base64_line(text, "Den hemmelige nøkkelen")
    if len(blob) != 2 + 2 + 2 + 32 + 8 + 8 + _KEYNUM_SK_LEN or blob[:2] != SIG_ALG:
        raise KeyFileError(
            "Filen er ikke en hemmelig minisign-nøkkel.", "The file is not a minisign secret key."
        )
    kdf, chk = blob[2:4], blob[4:6]
    salt = blob[6:38]
    ops = int.from_bytes(blob[38:46], "little")
    mem = int.from_bytes(blob[46:54], "little")
    body = blob[54:]
    if chk != CHK_ALG:
        raise KeyFileError(
            "Den hemmelige nøkkelen bruker en ukjent kontrollsum.",
            "The secret key uses an unknown checksum algorithm.",
        )
    if kdf == KDF_SCRYPT:
        if not passphrase:
            raise WrongPassphrase(
                "Den hemmelige nøkkelen er passordbeskyttet: oppgi passordet.",
                "The secret key is protected by a passphrase: give the passphrase.",
            )
        stream = _kdf_stream(passphrase.encode("utf-8"), salt, ops, mem)
        body = bytes(a ^ b for a, b in zip(body, stream, strict=True))
    elif kdf != KDF_NONE:
        raise KeyFileError(
            "Den hemmelige nøkkelen bruker en ukjent passordbeskyttelse.",
            "The secret key uses an unknown key derivation.",
        )
    key_id, sk64, checksum = body[:8], body[8:72], body[72:]
    # minisign -W (unencrypted) writes an all-zero checksum; the public-half check below
    # still catches damage.
    unchecked = kdf == KDF_NONE and checksum == bytes(32)
    if not unchecked and not hmac.compare_digest(checksum, _checksum(key_id, sk64)):
        if kdf == KDF_SCRYPT:
            raise WrongPassphrase("Feil passord for den hemmelige nøkkelen.", "Wrong passphrase.")
        raise KeyFileError("Den hemmelige nøkkelen er skadet.", "The secret key is damaged.")
    secret = SecretKey(key_id=key_id, seed=sk64[:32])
    if secret.public_key.raw != sk64[32:]:
        raise KeyFileError("Den hemmelige nøkkelen er skadet.", "The secret key is damaged.")
    return secret


def load_secret_key(path: Path, passphrase: str | None) -> SecretKey:
    return load_secret_key_text(_read_small(path, "nøkkelfil", "key file"), passphrase)


def parse_public_key(text: str) -> PublicKey:
    """A public key from a .pub file's text or just its base64 line (as settings hold it)."""
    blob = _base64_line(text, "Den offentlige nøkkelen")
    if len(blob) != 42 or blob[:2] != SIG_ALG:
        raise KeyFileError(
            "Teksten er ikke en offentlig minisign-nøkkel.",
            "The text is not a minisign public key.",
        )
    return PublicKey(key_id=blob[2:10], raw=blob[10:])


def load_public_key(path: Path) -> PublicKey:
    return parse_public_key(_read_small(path, "nøkkelfil", "key file"))


def _read_small(path: Path, what_nb: str, what_en: str) -> str:
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise KeyFileError(
            f"Kan ikke lese {what_nb} {path}: {exc.strerror}.",
            f"Cannot read {what_en} {path}: {exc.strerror}.",
        ) from None
    if len(raw) > MAX_KEY_FILE_BYTES:
        raise KeyFileError(f"{path} er for stor til å være en {what_nb}.", f"{path} is too large.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise KeyFileError(f"{path} er ikke en {what_nb}.", f"{path} is not a {what_en}.") from None


# --------------------------------------------------------------------------- signing


def prehash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=64).digest()


def prehash_file(path: Path, chunk: int = 1 << 20) -> bytes:
    h = hashlib.blake2b(digest_size=64)
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.digest()


def default_trusted_comment(file_name: str, extra: str = "") -> str:
    comment = f"timestamp:{int(time.time())}\tfile:{file_name}\thashed"
    return comment + (f"\t{extra}" if extra else "")


def sign_digest(
    secret: SecretKey,
    digest: bytes,
    trusted_comment: str,
    untrusted_comment: str = "signature from minisign secret key",
) -> Signature:
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise ValueError("a trusted comment is one line")
    if len(trusted_comment.encode()) > MAX_TRUSTED_COMMENT:
        raise ValueError("trusted comment too long")
    key = secret.private_key
    sig = key.sign(digest)
    global_sig = key.sign(sig + trusted_comment.encode("utf-8"))
    return Signature(
        SIG_ALG_HASHED, secret.key_id, sig, trusted_comment, global_sig, untrusted_comment
    )


def sign_bytes(secret: SecretKey, data: bytes, trusted_comment: str) -> Signature:
    return sign_digest(secret, prehash(data), trusted_comment)


def sign_file(secret: SecretKey, path: Path, trusted_comment: str | None = None) -> Path:
    """Write ``path.minisig`` next to ``path``; returns its path."""
    comment = trusted_comment or default_trusted_comment(path.name)
    sig = sign_digest(secret, prehash_file(path), comment)
    out = path.with_name(path.name + ".minisig")
    atomic.write_text(out, sig.to_file_text())
    return out


# --------------------------------------------------------------------------- verifying


def parse_signature(raw: bytes, what: str = "signaturen") -> Signature:
    """Parse a .minisig file's bytes (size-capped, strict)."""
    bad = BadSignature(
        f"Signaturfilen for {what} er skadet eller ikke i minisign-format.",
        f"The signature file for {what} is damaged or not in minisign format.",
    )
    if len(raw) > MAX_SIGNATURE_FILE_BYTES:
        raise bad
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise bad from None
    lines = text.split("\n")
    if len(lines) < 4 or not lines[0].startswith("untrusted comment:"):
        raise bad
    if not lines[2].startswith("trusted comment: "):
        raise bad
    untrusted = lines[0].removeprefix("untrusted comment:").strip()
    trusted = lines[2].removeprefix("trusted comment: ").rstrip("\r")
    if len(untrusted) > MAX_UNTRUSTED_COMMENT or len(trusted.encode()) > MAX_TRUSTED_COMMENT:
        raise bad
    if any(ln.strip() for ln in lines[4:]):
        raise bad
    try:
        blob = base64.b64decode(lines[1].strip(), validate=True)
        global_sig = base64.b64decode(lines[3].strip(), validate=True)
    except (binascii.Error, ValueError):
        raise bad from None
    if len(blob) != 74 or len(global_sig) != 64:
        raise bad
    alg = blob[:2]
    if alg == SIG_ALG:
        raise BadSignature(
            f"Signaturen for {what} er i minisigns gamle format uten forhåndshash: "
            "signer på nytt (uten -l).",
            f"The signature for {what} uses minisign's legacy non-hashed format: re-sign without -l.",
        )
    if alg != SIG_ALG_HASHED:
        raise bad
    return Signature(alg, blob[2:10], blob[10:], trusted, global_sig, untrusted)


def verify_digest(
    digest: bytes, sig: Signature, keys: dict[bytes, PublicKey], what: str = "filen"
) -> PublicKey:
    """Check ``sig`` over a BLAKE2b-512 digest with one of ``keys``; returns the key used."""
    key = keys.get(sig.key_id)
    if key is None:
        raise UnknownKey(
            f"{what} er signert med en nøkkel appen ikke stoler på (nøkkel-ID {sig.key_id_hex}). "
            "Innholdet er ikke installert.",
            f"{what} is signed with a key this app does not trust (key id {sig.key_id_hex}). "
            "Nothing was installed.",
        )
    verifier = key.verifier()
    try:
        verifier.verify(sig.signature, digest)
    except InvalidSignature:
        raise BadSignature(
            f"Signaturen stemmer ikke for {what}: filen er endret eller skadet etter signering. "
            "Innholdet er ikke installert.",
            f"The signature does not match {what}: the file was changed or damaged after signing. "
            "Nothing was installed.",
        ) from None
    try:
        verifier.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode("utf-8"))
    except InvalidSignature:
        raise BadSignature(
            f"Den betrodde kommentaren i signaturen for {what} er endret.",
            f"The trusted comment in the signature for {what} was changed.",
        ) from None
    return key


def verify_bytes(
    data: bytes, sig_raw: bytes | None, keys: dict[bytes, PublicKey], what: str = "filen"
) -> Signature:
    if sig_raw is None:
        raise MissingSignature(
            f"Signaturen (.minisig) for {what} mangler. Usignert innhold installeres aldri.",
            f"The signature (.minisig) for {what} is missing. Unsigned content is never installed.",
        )
    sig = parse_signature(sig_raw, what)
    verify_digest(prehash(data), sig, keys, what)
    return sig


def verify_file(path: Path, sig_path: Path, keys: dict[bytes, PublicKey]) -> Signature:
    if not sig_path.is_file():
        raise MissingSignature(
            f"Signaturen {sig_path.name} mangler ved siden av {path.name}. "
            "Usignert innhold installeres aldri.",
            f"The signature {sig_path.name} is missing next to {path.name}. "
            "Unsigned content is never installed.",
        )
    with sig_path.open("rb") as fh:
        raw = fh.read(MAX_SIGNATURE_FILE_BYTES + 1)
    sig = parse_signature(raw, path.name)
    verify_digest(prehash_file(path), sig, keys, path.name)
    return sig


__all__ = [
    "PublicKey",
    "SecretKey",
    "Signature",
    "SignatureError",
    "generate_keypair",
    "load_public_key",
    "load_secret_key",
    "parse_public_key",
    "parse_signature",
    "secret_key_file_text",
    "sign_bytes",
    "sign_file",
    "verify_bytes",
    "verify_file",
]
