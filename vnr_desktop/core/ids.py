"""Fixed ids and tags the core and the GUI share. A leaf module: it imports nothing, so the GUI
can read it at start-up without loading the content models.

Own contacts have two ids, for two different ideas; both are stored in user.db by every
version so far, so neither may change:

- ``OWN_CONTACTS_BUNDLE`` (``egne``, "mine"): the pseudo-bundle the user's own contacts are
  listed under beside the installed bundles. Their refs are ``egne:<id>``: in favourites
  (user.db), the search index (library.db, rows of the pseudo-region ``egne``), the GUI's
  snapshot and the search's ``--region egne``.
- ``USER_SOURCE_ID`` (``egen``, "own"): the provenance source of a contact the user entered,
  what ``Provenance.source`` says in each own contact's JSON in user.db, the way a bundle's
  items name one of its manifest's sources. It says who vouches for the number (the user), not
  where the contact is listed. A card's own number lines carry ``egen:<id>`` as their
  ``contact_ref``; that string is part of the content hash of every card printed with own
  numbers (print history), so it stays as it is.
"""

from __future__ import annotations

NATIONAL_BUNDLE = "nasjonal"
"""The national bundle: every region's fallback."""

PRIMARY_TAG = "primary"
"""The tag of a bundle's one contact per category that fills a card's regional slot and the
emergency strip (``bundle_source`` checks there is at most one)."""

OWN_CONTACTS_BUNDLE = "egne"
"""Pseudo-bundle id of the user's own contacts: refs are ``egne:<id>``."""

USER_SOURCE_ID = "egen"
"""Provenance source id of contacts a user entered."""
