"""Card definitions: which content goes on which tiltakskort (loaded via importlib.resources)."""
