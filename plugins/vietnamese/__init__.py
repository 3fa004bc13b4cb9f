"""Vietnamese text, numbers and dates: parsing what officers type, formatting what citizens read, and the
official calendar (holidays: the public holidays and working days every deadline counts with).

The glue registers the formatting functions as Jinja filters for every
template (theme and plugins alike). Pelican is imported only in `register()`
so the pure modules stay importable without it.
"""

from plugins.vietnamese.format import FILTERS


def add_filters(generator) -> None:
    generator.env.filters.update(FILTERS)


def register() -> None:
    from pelican import signals

    signals.generator_init.connect(add_filters)
