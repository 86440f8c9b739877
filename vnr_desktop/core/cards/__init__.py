"""Card definitions, layout and PDF rendering."""
