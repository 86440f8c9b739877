"""Built-in resources: content bundles, fonts, icons, translations (loaded via importlib.resources)."""
