"""The screens in the main window's page stack."""
