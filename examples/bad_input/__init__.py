"""Bad input answered with a 4xx that names the problem, never a 500, for every example app.

One place for each kind of check, shared by the apps instead of patched into each view:

* ``columns``: can this column hold this value (no NUL in text, integers within 64 bits)?
* ``lookups``, ``filters``, ``pagination``: that check on ids and slugs, on every filter of
  a ``FilterSet`` and on a cursor's position, mixed into each app's base classes;
* ``parsers``, ``views``, ``backends``: the JSON parser, the 404 handler and the
  authentication backend that ``config`` sets project-wide;
* ``converters``, ``admin``: a ``<text:...>`` path converter and the admin's change lists.

``tests/test_every_route.py`` feeds every route of the URLconf bad ids, query parameters,
cursors, bodies and credentials, on every database, to keep it that way.
"""
