"""Tiltakskort: card definitions, content resolution, layout and PDF rendering.

Nothing heavy is imported here (ReportLab loads, and fonts register, on the first render).

Main entry points:

- ``render.list_cards()`` – the cards the app ships (id, titles, languages, formats);
- ``render.render_card(library, card_id, region, fmt, sheet=None, duplex="long", lang=None,
  duplex_offset=(0, 0), own_contacts=())`` -> ``RenderedCard`` (PDF bytes,
  content version, content hash, printed numbers, warnings about gaps); ``own_contacts`` (the
  user's own, ``UserData.own_contacts()``) are printed under their own heading in the card's
  ``own_numbers`` panel; ``render.render_to_file(path, ...)``;
- ``history.record_render(userdata, rendered, output)`` – add the render to the print history;
  ``history.is_stale(library, record, own_contacts=...)`` – has the card changed since it was
  printed?
- ``duplex_test.render_duplex_test(duplex=..., offset_mm=...)`` – the printer test page;
- ``loader.load_catalog(folder)`` / ``loader.check_against_library(catalog, library)`` –
  validate card definitions (located diagnostics, like bundles).
"""
