"""The main window's features, one controller each, wired together in main_window.py.

Controllers know the window only through ``host.Host`` (what they use of it), so none imports
main_window: the window imports them, never the other way round.
"""
