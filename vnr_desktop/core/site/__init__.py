"""The feed's website: static pages that people without the app can read.

``feed publish`` writes it beside catalog.json (``publish.write_site``); a signed site manifest
(``site.json`` + ``.minisig``) lists every page's sha256, and the app checks it when it syncs
(``verify.check_site``). ``addresses`` owns every page address, including the one a printed
card's QR code carries. Nothing here imports Qt.
"""
