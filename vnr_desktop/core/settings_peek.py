"""The saved settings as a plain dict, read without the content models (the start-up path).

Before the window is built the app needs the language, text size and contrast, and for the
first screen the user's municipality and region: a tiny read-only look at user.db's settings
row (:mod:`vnr_desktop.core.userdata` owns that table and writes it). Anything missing or
unreadable means the defaults (an empty dict).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def peek_settings(user_db: Path) -> dict[str, object]:
    if not user_db.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{user_db.as_uri()}?mode=ro", uri=True, timeout=1.0)
        try:
            row = conn.execute("SELECT json FROM settings WHERE id=1").fetchone()
        finally:
            conn.close()
        data = json.loads(row[0]) if row else {}
    except (sqlite3.Error, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
