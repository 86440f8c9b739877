"""Entry script of the frozen app (build.spec): the GUI without arguments, the CLI with them.

`vnr-desktop` alone opens the window (what a double-click or the desktop menu does);
`vnr-desktop search 116`, `vnr-desktop --version`, `vnr-desktop --smoke` run the command line.
The targets are imported only when chosen, so the CLI never loads Qt unless it needs it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _user_arguments(argv: Sequence[str]) -> list[str]:
    # Old macOS Finder versions add a "-psn_0_12345" process serial number to app launches.
    return [arg for arg in argv if not arg.startswith("-psn_")]


def main(argv: Sequence[str] | None = None) -> int:
    args = _user_arguments(sys.argv[1:] if argv is None else argv)
    if args:
        from vnr_desktop.cli import main as cli_main

        return cli_main(args)
    from vnr_desktop.gui.launch import main as gui_main

    return int(gui_main() or 0)


if __name__ == "__main__":
    raise SystemExit(main())
