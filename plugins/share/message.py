"""The message a village head pastes into the village's Zalo group: what was posted, where and until when,
the one figure that matters, the link, and how to comment. Plain text, short lines, no markup."""

from __future__ import annotations


def share_message(disclosure, commune, place_labels: dict[str, str]) -> str:
    lines = [f"[Ủy ban nhân dân {commune.in_sentence}] {disclosure.title}"]
    if disclosure.posting:
        places = ", ".join(place_labels.get(p, p) for p in disclosure.posting.places
                           if p not in ("website", "loudspeaker"))
        lines.append(f"Niêm yết từ ngày {disclosure.posting.start:%d/%m/%Y} đến hết ngày "
                     f"{disclosure.posting.end:%d/%m/%Y}" + (f" tại {places}." if places else "."))
    if disclosure.shown.key_figure:
        lines.append(disclosure.shown.key_figure)
    if commune.site_url:
        lines.append(f"Xem toàn văn: {commune.site_url.rstrip('/')}/{disclosure.url}")
    feedback = commune.feedback
    ways = [w for w in (feedback.phone and f"điện thoại {feedback.phone}",
                        feedback.email and f"thư điện tử {feedback.email}") if w]
    if ways or feedback.address:
        until = f" đến hết ngày {disclosure.posting.end:%d/%m/%Y}" if disclosure.posting else ""
        lines.append(f"Góp ý{until}: " + "; ".join(ways or [feedback.address]) + ".")
    return "\n".join(lines)
