"""Share previews for Zalo, Facebook and other chat apps: the picture a link shows when pasted.

`image.py` draws a disclosure's picture (1200×630 PNG: the commune, the
title, the posting status, the key figure) with Pillow and the Liberation
Sans font WeasyPrint's sheets already use; the same text gives the same
bytes, and the disclosures generator makes it again only when the
disclosure changes. The Open Graph and Twitter tags are in the theme
(`components/social-meta.html`).
"""
