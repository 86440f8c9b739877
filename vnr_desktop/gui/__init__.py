"""Qt user interface: thin views and models over vnr_desktop.core."""
