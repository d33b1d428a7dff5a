"""Named normalisers for article fields, one module per kind of value.

Each function takes one raw value (as a page gave it) and returns the clean
form, or ``None`` / ``[]`` when nothing usable is left. They are pure and
small so that the item loader can stay a thin declaration and each rule can be
unit tested on its own.

- :mod:`.text`: entities, stray tags, whitespace, bodies, word counts, the
  content hash, and the small fields read as text (tags, URLs, flags);
- :mod:`.sitenames`: the site's own name in titles and bylines;
- :mod:`.authors`: bylines into clean person names;
- :mod:`.language`: language codes;
- :mod:`.dates`: date strings into UTC, with or without a known time zone.
"""
