"""What a board's results say: counts for the first screen and the loudspeaker, and the land-use and budget
disclosures of the commune that name the same work (by name, without diacritics, case or punctuation)."""

from __future__ import annotations

import re
from functools import lru_cache

from plugins.vietnamese.format import number
from plugins.vietnamese.text import fold


def key_figure(data, _day) -> str | None:
    if not data.works:
        return None
    open_ = len(data.unanswered)
    return (f"{number(len(data.works))} công trình, nội dung được giám sát; "
            + (f"{number(open_)} kiến nghị chưa được trả lời." if open_ else "mọi kiến nghị đã được trả lời."))


def read_aloud(data, _today) -> list[str]:
    sentences = [f"{data.board} công bố kết quả giám sát {number(len(data.works))} công trình, nội dung."]
    for work in data.unanswered[:3]:
        sentences.append(f"{work.name}: kiến nghị {work.recommendation.rstrip('.')}.")
    return sentences


@lru_cache(maxsize=65536)
def work_key(name: str) -> str:
    """"Đường giao thông liên thôn Đông – Tây" and "duong giao thong lien thon dong tay" are one work.

    Cached: every budget's lines are keyed on every build, and the same lines come back year after year."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(name)).split())


def link_related(supervisions, everything) -> dict[str, dict[int, tuple]]:
    """The land-use and budget disclosures whose project or budget line has a work's name: by source folder,
    each work's (by its row number) (title, address) of them, what its pages show of other disclosures
    (`shown.across`). With no board's results there is nothing to link, and no other disclosure's tables are
    read."""
    if not supervisions:
        return {}
    named: dict[str, list] = {}
    for d in everything:
        data = d.shown.data
        if data is None:
            continue
        names = [p.name for p in getattr(data, "projects", ())]  # land use
        names += [r.content for t in getattr(data, "tables", ()) for r in getattr(t, "rows", ())
                  if hasattr(r, "content")]  # budget lines
        for key in {work_key(n) for n in names if n}:
            named.setdefault(key, []).append((d.title, d.url))
    shown = {}
    for d in supervisions:
        data = d.shown.data
        if data is None:
            continue
        shown[d.source_dir] = {work.number: tuple(named[work_key(work.name)]) for work in data.works
                               if named.get(work_key(work.name))}
    return shown
