"""A province of communes: each commune's site built side by side, and one portal over them.

`build.py` builds the communes (one process each, on every core) and writes
the portal; `portal.py` works out what the portal shows from each commune
site's machine-readable index (`du-lieu/danh-muc.json`); `figures.py` reads a
figure across communes from their data packages. No Pelican: the portal is a
handful of pages rendered with Jinja from the communes' JSON.
"""
