"""Core: content, library, search, cards and sync. Never imports Qt."""
