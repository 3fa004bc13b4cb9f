"""Open data: every disclosure's tables as a Frictionless Data Package beside its page, and a catalogue of
them all (`/du-lieu/` for people, `/du-lieu/danh-muc.json` for machines and the province portal).

Kinds declare their datasets (`Kind.datasets`); `package.py` shapes them once;
`catalogue.py` joins them with the disclosure and the commune. Written by the
disclosures generator, so they are kept or made again with the disclosure.
"""
