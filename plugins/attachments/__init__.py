"""Attachments: what a bundle may publish as a file of its own, and the personal-data scan of its text.

`check.py` holds the rules (allowed types, content matching the extension,
sizes) and `text.py` reads the text of each readable type. Scanned images
and scanned PDFs carry no text to read: the officer's guide says so.
"""
