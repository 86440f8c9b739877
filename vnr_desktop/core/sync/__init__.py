"""Signed bundles, feeds, sync and import."""
