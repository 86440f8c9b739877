"""Search over the local library (SQLite FTS5)."""
