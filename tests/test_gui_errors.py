"""Errors reach the user in one place; unexpected ones go to a rotating log file, shown once."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from gui_support import wait_idle

from vnr_desktop.gui.errors import (
    LOG_FILE_NAME,
    ErrorReporter,
    UserError,
    install_excepthook,
    remove_logging,
    setup_logging,
)


@pytest.fixture
def log_file(data_dir: Path):
    handler = setup_logging(data_dir / "logs")
    yield data_dir / "logs" / LOG_FILE_NAME
    remove_logging(handler)


def test_unexpected_error_in_a_job_is_logged_and_shown_once(window, qtbot, log_file):
    messages: list[tuple[str, str]] = []
    window.session.errors.message.connect(lambda level, text: messages.append((level, text)))

    def broken(_ctx):
        raise ZeroDivisionError("a bug in a worker")

    for _ in range(2):
        window.session.jobs.submit("io", broken)
    wait_idle(qtbot, window)
    assert [level for level, _t in messages] == ["unexpected"]
    assert window.message_bar.level == "unexpected"
    assert "uventet feil" in window.message_bar.label.text()
    assert (
        str(log_file) in window.message_bar.label.text()
        or "logs" in window.message_bar.label.text()
    )
    assert window.session.errors.unexpected_count == 2
    logged = log_file.read_text(encoding="utf-8")
    assert logged.count("ZeroDivisionError: a bug in a worker") == 2
    assert "Traceback" in logged
    # the window and the user's work are still there
    assert window.isVisible() and window.stack.currentWidget() is window.home


def test_expected_failure_is_a_plain_message_not_a_bug(window, qtbot, log_file):
    def refuse(_ctx):
        raise UserError("Mappen er skrivebeskyttet.")

    window.session.jobs.submit("io", refuse)
    wait_idle(qtbot, window)
    assert window.message_bar.level == "error"
    assert window.message_bar.label.text() == "Mappen er skrivebeskyttet."
    assert window.session.errors.unexpected_count == 0


def test_library_errors_from_core_are_expected(window, qtbot):
    window.session.rollback("testregion")  # there is no earlier version to go back to
    wait_idle(qtbot, window)
    assert window.message_bar.level == "error"
    assert (
        "earlier version" in window.message_bar.label.text()
        or "tidligere" in window.message_bar.label.text()
    )
    assert window.session.errors.unexpected_count == 0


def test_excepthook_routes_slot_exceptions_to_the_reporter(qapp, log_file):
    from PySide6.QtCore import QObject

    holder = QObject()
    reporter = ErrorReporter(holder)
    shown: list[str] = []
    reporter.message.connect(lambda level, _text: shown.append(level))
    restore = install_excepthook(reporter)
    try:
        try:
            raise KeyError("slot bug")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        restore()
    assert shown == ["unexpected"]
    assert "KeyError: 'slot bug'" in log_file.read_text(encoding="utf-8")


def test_log_file_rotates(data_dir: Path):
    from vnr_desktop.gui import errors

    handler = setup_logging(data_dir / "logs")
    try:
        handler.maxBytes = 2_000
        for i in range(200):
            logging.getLogger("vnr_desktop").info("line %d %s", i, "x" * 50)
    finally:
        remove_logging(handler)
    files = sorted(p.name for p in (data_dir / "logs").iterdir())
    assert errors.LOG_FILE_NAME in files
    assert f"{errors.LOG_FILE_NAME}.1" in files
    assert len(files) <= 1 + errors.LOG_BACKUPS
