"""What the one-stop desk's results say: the on-time rate ("99,98% đúng hạn"), the online share, the period
in words, and the sentences of the page, the share picture and the loudspeaker."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from plugins.vietnamese.format import number
from plugins.vietnamese.periods import period_label


def percent(part: int, whole: int) -> Decimal | None:
    return Decimal(part) * 100 / Decimal(whole) if whole else None


def rate_text(value: Decimal | None) -> str:
    """99.9849 -> "99,98"; 100 -> "100": at most two decimals as reports write them, none for a whole hundred;
    a rate as the report writes it keeps its own decimals ("99,4")."""
    if value is None:
        return "—"
    if value == 100:
        return "100"
    exponent = (value if isinstance(value, Decimal) else Decimal(str(value))).as_tuple().exponent
    return number(value, min(2, -exponent) if isinstance(exponent, int) and exponent < 0 else 0)


def on_time_rate(result) -> Decimal | None:
    """The report's own rate when it writes one that agrees with its counts (load.py), else the counts'."""
    return result.written_rate if result.written_rate is not None else percent(result.in_time, result.resolved)


def online_share(result) -> Decimal | None:
    return percent(result.online, result.received) if result.online is not None else None


def summary(data) -> list[str]:
    """The commune's figures in sentences: the rate first, then received, in progress, late and letters."""
    total = data.total
    if not data.fields:
        return []
    sentences = [f"{number(total.resolved)} hồ sơ đã giải quyết, {rate_text(on_time_rate(total))}% đúng hạn "
                 "và trước hạn."]
    received = f"Tiếp nhận {number(total.received)} hồ sơ"
    if total.online is not None:
        received += f", {number(total.online)} hồ sơ trực tuyến ({rate_text(online_share(total))}%)"
    if total.carried:
        received += f"; {number(total.carried)} hồ sơ kỳ trước chuyển sang"
    pending = f"; {number(total.pending)} hồ sơ đang giải quyết"
    if total.pending_late:
        pending += f", trong đó {number(total.pending_late)} hồ sơ đã quá hạn"
    sentences.append(received + pending + ".")
    if total.late:
        late = f"{number(total.late)} hồ sơ quá hạn"
        if total.letters is not None:
            late += f", {number(total.letters)} thư xin lỗi"
        sentences.append(late + ".")
    else:
        sentences.append("Không có hồ sơ quá hạn.")
    return sentences


def key_figure(data, _day) -> str | None:
    """"13.245 hồ sơ đã giải quyết, 99,98% đúng hạn và trước hạn.": what the commune reports first."""
    sentences = summary(data)
    return sentences[0] if sentences else None


def read_aloud(data, _today) -> list[str]:
    label = period_label(data.period_from, data.period_to)
    heading = [f"Kết quả giải quyết thủ tục hành chính {data.period_in_sentence}."] if label else []
    return [*heading, *summary(data)]


TREND_PERIODS = 8  # the last two years of quarters


@dataclass(frozen=True)
class Trend:
    """The on-time rates of the commune's reports up to one report's period, and their chart."""

    rates: tuple[tuple[str, Any], ...]  # (period, on-time rate), oldest first
    svg: str  # the static chart; "" with fewer than two periods


def with_trend(disclosures, _everything) -> dict[str, Trend]:
    """Each report's trend: the on-time rates of the commune's reports up to its own period (the last eight),
    as a static chart; by source folder, what each page shows beyond its own files (`shown.across`)."""
    from plugins.charts.bars import Bar, bar_chart

    dated = sorted((d for d in disclosures if d.shown.data and d.shown.data.period_to
                    and d.shown.data.total.resolved), key=lambda d: (d.shown.data.period_to, d.source_dir))
    shown = {}
    for index, disclosure in enumerate(dated):
        earlier = [d.shown.data for d in dated[max(0, index + 1 - TREND_PERIODS):index + 1]]
        rates = tuple((period_label(e.period_from, e.period_to), on_time_rate(e.total)) for e in earlier)
        svg = ""
        if len(rates) >= 2:
            bars = [Bar(label, rate) for label, rate in rates]
            description = "; ".join(f"{label}: {rate_text(rate)}%" for label, rate in rates)
            svg = bar_chart("Tỷ lệ đúng hạn qua các kỳ (%)", description, bars, ("Đúng hạn và trước hạn", None),
                            format_value=rate_text, chart_id=f"xu-huong-{disclosure.slug}")
        shown[disclosure.source_dir] = Trend(rates, svg)
    return shown
