"""Entry point of the desktop app: ``vnr-desktop-gui`` (and ``python -m vnr_desktop.gui.launch``).

It pauses the garbage collector before the GUI's imports (gui/startup_gc.py says why), then
starts the app (gui/app.py), which resumes it once the numbers are on screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnr_desktop.gui import startup_gc


def main(argv: Sequence[str] | None = None) -> int:
    startup_gc.pause()
    # after the pause, on purpose: the GUI's imports are most of what it spares
    from vnr_desktop.gui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
