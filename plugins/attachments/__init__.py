"""Attachments: what a bundle may publish as a file of its own, the personal-data scan of it, its clean copy.

`check.py` holds the rules (allowed types, content matching the extension, sizes, what may not travel) and
`formats.py` has one reader per type, walking every part once for both the scan and the clean copy that is
published in place of the officer's file. Scanned images and scanned PDFs carry no text to read: the
officer's guide says so.
"""
