"""`python -m vnr_desktop` runs the command-line interface."""

from vnr_desktop.cli import main

raise SystemExit(main())
