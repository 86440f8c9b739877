"""The one place errors reach the user, and the rotating log file for unexpected ones.

Expected failures (a file that cannot be written, a bundle that does not validate, no network)
are shown as a plain-language message in the window's message bar. Unexpected exceptions are
written with their traceback to ``logs/vnr-desktop.log`` in the data folder and shown once per
session (the same bug does not nag the user again); the window and the user's work stay.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vnr_desktop.gui.i18n import core_message

translate = QCoreApplication.translate

log = logging.getLogger("vnr_desktop")

LOG_FILE_NAME = "vnr-desktop.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


class UserError(Exception):
    """A failure the user can understand and act on; its message is shown as is."""


def setup_logging(logs_dir: Path) -> RotatingFileHandler:
    """Log to a rotating file in the data folder's logs/. Returns the handler (close it at exit)."""

    logs_dir.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        logs_dir / LOG_FILE_NAME,
        maxBytes=LOG_MAX_BYTES,
        backupCount=LOG_BACKUPS,
        encoding="utf-8",
        delay=True,
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def remove_logging(handler: logging.Handler) -> None:
    log.removeHandler(handler)
    handler.close()


def _expected_types() -> tuple[type[BaseException], ...]:
    """Exception types whose message is meant for the user."""
    # after the first screen (an error is reported): core's error types, with pydantic's; not
    # through gui/late.py, whose modules import this one
    from vnr_desktop.gui.adapters import expected_error_types

    return (UserError, OSError, *expected_error_types())


def plain_message(exc: BaseException) -> str:
    """A plain-language message for an expected failure."""
    if isinstance(exc, PermissionError):
        return translate("ErrorReporter", "Du har ikke tilgang til filen eller mappen: {0}").format(
            exc.filename or str(exc)
        )
    if isinstance(exc, FileNotFoundError):
        return translate("ErrorReporter", "Fant ikke filen eller mappen: {0}").format(
            exc.filename or str(exc)
        )
    if isinstance(exc, OSError) and exc.errno == 28:
        return translate("ErrorReporter", "Disken er full. Frigjør plass og prøv igjen.")
    if isinstance(exc, OSError) and not isinstance(exc, UserError):
        return translate("ErrorReporter", "Kunne ikke lese eller skrive en fil: {0}").format(
            exc.strerror or str(exc)
        )

    return core_message(exc)


class ErrorReporter(QObject):
    """Collects errors and tells the window what to show.

    ``message`` carries (level, text): level is "error" for expected failures and "unexpected"
    for bugs (logged with traceback first).
    """

    message = Signal(str, str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._shown_unexpected: set[str] = set()
        self.unexpected_count = 0
        self.log_path: Path | None = None

    def show_error(self, text: str) -> None:
        log.info("shown to user: %s", text)
        self.message.emit("error", text)

    def show_info(self, text: str) -> None:
        self.message.emit("info", text)

    def report(self, exc: BaseException, tb: str = "") -> None:
        """Route any exception from a job or a slot to the right kind of message."""
        try:
            expected = isinstance(exc, _expected_types())
        except Exception:  # the adapters failed to import: treat as unexpected
            expected = False
        if expected:
            self.show_error(plain_message(exc))
            return
        self.unexpected(exc, tb)

    def unexpected(self, exc: BaseException, tb: str = "") -> None:
        self.unexpected_count += 1
        text = tb or "".join(traceback.format_exception(exc))
        log.error("unexpected error:\n%s", text.rstrip())
        signature = f"{type(exc).__name__}: {exc}"
        if signature in self._shown_unexpected:
            return
        self._shown_unexpected.add(signature)
        where = f" ({self.log_path})" if self.log_path else ""
        self.message.emit(
            "unexpected",
            translate(
                "ErrorReporter",
                "Det oppstod en uventet feil. Arbeidet ditt er ikke borte, og du kan fortsette. "
                "Detaljene er lagret i loggfilen{0}.",
            ).format(where),
        )


def install_excepthook(reporter: ErrorReporter) -> Callable[[], None]:
    """Send exceptions raised in Qt slots on the main thread to the reporter.

    Returns a function that restores the previous hook.
    """
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        reporter.report(exc, "".join(traceback.format_exception(exc_type, exc, tb)))

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore
