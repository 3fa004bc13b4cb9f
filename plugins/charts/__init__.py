"""Static SVG charts made at build time: no JavaScript, same bytes for the same data.

A library for the kind plugins. Charts are drawn for black-and-white office
printers: the two series differ by fill pattern, not by colour, and every bar
carries its value as text.
"""

from plugins.charts.bars import Bar, bar_chart

__all__ = ["Bar", "bar_chart"]
