"""Every way a signing, download, import or update can fail, as typed errors.

Each error carries a plain-language message in Norwegian bokmål (``message``, also ``str()``)
and in English (``message_en``), a stable ``code`` for tests and logs, and an optional
technical ``detail``. The app shows ``message``; nothing here is a traceback for the user.
"""

from __future__ import annotations


class SyncError(Exception):
    """Base class: something about signing, fetching or installing content failed."""

    code = "sync"
    retryable = False
    """True for transient network faults the client may retry."""

    def __init__(self, message: str, message_en: str | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message
        self.detail = detail

    def __str__(self) -> str:
        return self.message

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "message": self.message,
            "message_en": self.message_en,
            "detail": self.detail,
        }


# --------------------------------------------------------------------------- keys and signatures


class KeyFileError(SyncError):
    """A key file cannot be read (wrong format, damaged)."""

    code = "key-file"


class WrongPassphrase(KeyFileError):
    code = "wrong-passphrase"


class SignatureError(SyncError):
    """A signature is missing, malformed, made with an unknown key, or does not match."""

    code = "signature"


class MissingSignature(SignatureError):
    code = "missing-signature"


class UnknownKey(SignatureError):
    code = "unknown-key"


class BadSignature(SignatureError):
    code = "bad-signature"


class OutOfScope(SignatureError):
    """The signer may not publish this region (its scope does not name it)."""

    code = "out-of-scope"


class WrongRole(SignatureError):
    """A root key signed content, or a key that is not a root endorsed or revoked a key."""

    code = "wrong-role"


class KeyRevoked(SignatureError):
    """The signing key is on a root-signed revocation list the app has seen."""

    code = "revoked"


# --------------------------------------------------------------------------- archives and content


class ArchiveError(SyncError):
    """A bundle file is not a well-formed, safe bundle archive."""

    code = "archive"


class UnsafeArchive(ArchiveError):
    """An archive entry would escape its folder (absolute path, ``..``) or is a link/device."""

    code = "unsafe-archive"


class TooLarge(SyncError):
    """A file, download, archive entry or catalog exceeds its size cap."""

    code = "too-large"


class ContentInvalid(SyncError):
    """The bundle's content does not pass validation."""

    code = "content-invalid"

    def __init__(
        self,
        message: str,
        message_en: str | None = None,
        detail: str = "",
        problems: list[str] | None = None,
    ) -> None:
        super().__init__(message, message_en, detail)
        self.problems = problems or []


class ChecksumMismatch(SyncError):
    """The bytes received are not the bytes the signed catalog describes."""

    code = "checksum"


# --------------------------------------------------------------------------- catalogs


class CatalogError(SyncError):
    """The catalog is malformed or inconsistent."""

    code = "catalog"


class RollbackRefused(CatalogError):
    """The catalog is older (lower sequence number) than one already seen."""

    code = "rollback"


class NotInCatalog(CatalogError):
    """A bundle the catalog does not list, or that holds another region than listed."""

    code = "not-in-catalog"


class AppTooOld(SyncError):
    code = "app-too-old"


# --------------------------------------------------------------------------- network and disk


class NetworkError(SyncError):
    """The update source could not be reached or the connection failed."""

    code = "network"
    retryable = True


class DeadlineExceeded(NetworkError):
    """A request did not finish within its overall deadline (connect, TLS, headers, body)."""

    code = "deadline"


class HttpStatusError(NetworkError):
    code = "http-status"

    def __init__(
        self, status: int, message: str, message_en: str | None = None, detail: str = ""
    ) -> None:
        super().__init__(message, message_en, detail)
        self.status = status
        self.retryable = status >= 500 or status in {408, 425, 429}


class TruncatedDownload(NetworkError):
    code = "truncated"


class SourceNotFound(SyncError):
    """The update source (URL or folder) does not exist or holds no feed."""

    code = "source-not-found"


class DiskFull(SyncError):
    code = "disk-full"


class StorageError(SyncError):
    """Writing a file or the library failed for another reason than a full disk."""

    code = "storage"


class Cancelled(SyncError):
    code = "cancelled"


class InstallFailed(SyncError):
    """The library refused the bundle (same version with other content, downgrade...)."""

    code = "install"
