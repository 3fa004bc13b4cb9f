"""What the poverty pages say in one sentence: counts only, never names."""

from __future__ import annotations

from plugins.vietnamese.format import number


def read_aloud(data, _today) -> list[str]:
    """Every category's households and members, never a name: the loudspeaker reaches every field."""
    return [f"{category}: {number(count.households)} hộ, {number(count.members)} khẩu."
            for category, count in data.counts.items() if count.households]


def key_figure(data, _day) -> str | None:
    """"Hộ nghèo: 3 hộ, 12 khẩu; hộ cận nghèo: 2 hộ, 9 khẩu.": the first two categories with households, in
    the official order (poor, near-poor first), short enough for the first screen of a phone."""
    parts = [f"{category}: {number(count.households)} hộ, {number(count.members)} khẩu"
             for category, count in data.counts.items() if count.households][:2]
    return ("; ".join(parts) + ".").capitalize() if parts else None
