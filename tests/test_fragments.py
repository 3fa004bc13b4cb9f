"""What many pages show alike is rendered once per build (plugins/disclosures/fragments.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jinja2

from plugins.disclosures.fragments import LIST_ITEM, list_item
from plugins.disclosures.model import PostingStatus
from plugins.vietnamese.format import FILTERS
from tests.conftest import ROOT


@dataclass(frozen=True)
class Posting:
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Listed:
    url: str
    title: str
    kind: str
    number: str
    issued: dt.date
    posting: Posting
    status: PostingStatus
    fingerprint: str

    def __fingerprint__(self) -> str:
        return self.fingerprint


class CountingLoader(jinja2.FileSystemLoader):
    def __init__(self) -> None:
        super().__init__(ROOT / "theme" / "templates")
        self.rendered: list[str] = []


def _environment():
    loader = CountingLoader()
    environment = jinja2.Environment(loader=loader, autoescape=True)
    environment.filters.update(FILTERS)
    environment.filters["ckx_list_item"] = list_item
    item = environment.get_template(LIST_ITEM)
    original = item.render
    item.render = lambda *args, **kwargs: loader.rendered.append(args[0]["d"].title) or original(*args, **kwargs)
    return environment, loader


def test_a_disclosures_line_is_rendered_once_per_build_and_again_when_it_changes():
    environment, loader = _environment()
    page = environment.from_string('{% from "components/disclosure-list.html" import ckx_disclosure_list %}'
                                   '{{ ckx_disclosure_list({"items": items, "kinds": {"notice": "Thông báo"}, '
                                   '"siteurl": "", "heading_level": 2}) }}')
    posting = Posting(dt.date(2026, 11, 20), dt.date(2026, 12, 20))
    a = Listed("cong-khai/2026/a/", "Thông báo <họp> dân", "notice", "12/TB-UBND", dt.date(2026, 11, 19), posting,
               PostingStatus.POSTED, "a1")
    b = Listed("cong-khai/2026/b/", "Thông báo lịch tiếp dân", "notice", "", dt.date(2026, 11, 18), posting,
               PostingStatus.POSTED, "b1")
    first = page.render(items=[a, b])
    again = page.render(items=[b, a])  # another page showing both
    assert loader.rendered == [a.title, b.title], "each line rendered once, then reused"
    assert "Thông báo &lt;họp&gt; dân" in first and "Đang niêm yết" in first and "Số 12/TB-UBND" in first
    assert first.index(a.url) < first.index(b.url) and again.index(b.url) < again.index(a.url)
    ended = Listed(**{**vars(a), "status": PostingStatus.ENDED, "fingerprint": "a2"})  # a new day: its status
    after = page.render(items=[ended])
    assert loader.rendered[-1] == a.title and "Hết thời hạn niêm yết" in after and "Đang niêm yết" not in after
