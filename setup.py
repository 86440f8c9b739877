"""Package discovery for setuptools; everything else is in pyproject.toml.

Every ``vnr_desktop`` sub-package is found, not listed, so a new folder can never be left out
of the wheel. ``resources/`` and ``cards/`` sit at the top of the repository and are installed
as ``vnr_desktop.resources`` and ``vnr_desktop.card_definitions`` (see ``package-dir`` in
pyproject.toml).
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["vnr_desktop", "vnr_desktop.*"]),
        "vnr_desktop.resources",
        "vnr_desktop.card_definitions",
    ]
)
