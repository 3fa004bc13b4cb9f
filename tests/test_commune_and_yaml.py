"""commune.yml and the YAML layer under every front matter."""

import dataclasses
import datetime as dt

import pytest

from plugins.disclosures.commune import parse_commune
from plugins.disclosures.listings import by_village, now_posted, upcoming
from plugins.disclosures.model import Disclosure, Posting, PostingStatus
from plugins.disclosures.yamlsource import YamlSyntaxError, load

GOOD = """name: Hòa An
type: xã
code: "20347"
province: Thành phố Đà Nẵng
villages:
  - {slug: thon-dong, name: Thôn Đông}
  - {slug: thon-tay, name: Thôn Tây}
"""


def test_scalars_stay_strings_and_lines_are_known():
    document = load("code: 01234\nflag: no\nissued: 2026-01-05\nlist:\n  - a\n  - b\n", first_line=2)
    assert document.data == {"code": "01234", "flag": "no", "issued": "2026-01-05", "list": ["a", "b"]}
    assert document.line(("list", 1)) == 7
    assert document.line(("missing", "deep")) == 2


def test_yaml_syntax_error_has_the_file_line():
    with pytest.raises(YamlSyntaxError) as caught:
        load("title: a\nnumber: Số: 12\n", first_line=2)
    assert caught.value.line == 3


def test_good_commune():
    commune, issues = parse_commune(GOOD)
    assert issues == []
    assert commune.full_name == "Xã Hòa An"
    assert commune.in_sentence == "xã Hòa An"
    assert commune.people_committee == "ỦY BAN NHÂN DÂN XÃ HÒA AN"
    assert [v.name for v in commune.villages] == ["Thôn Đông", "Thôn Tây"]


def test_commune_problems_all_at_once():
    text = GOOD.replace('"20347"', "2034").replace("type: xã", "type: huyện")
    text += "  - {slug: Thôn Nam, name: Thôn Nam}\n  - {slug: thon-dong, name: Thôn Đông 2}\n"
    commune, issues = parse_commune(text)
    assert commune is None
    assert sorted(i.triple() for i in issues) == [
        (2, "type", "gia-tri-khong-hop-le"),
        (3, "code", "ma-xa-khong-hop-le"),
        (8, "villages.2.slug", "ten-ngan-khong-hop-le"),
        (9, "villages.3.slug", "trung-ten-ngan"),
    ]


def _disclosure(slug, start, end, places, villages=()):
    return Disclosure(year="2026", slug=slug, source_dir=f"disclosures/2026/{slug}", title=slug, kind="notice",
                      issued=start, issuer="UBND", posting=Posting(start, end, tuple(places)), villages=tuple(villages))


@pytest.mark.parametrize(("today", "status"), [
    (dt.date(2026, 3, 1), PostingStatus.UPCOMING),
    (dt.date(2026, 3, 2), PostingStatus.POSTED),
    (dt.date(2026, 3, 31), PostingStatus.POSTED),  # "đến hết ngày": the last day counts
    (dt.date(2026, 4, 1), PostingStatus.ENDED),
])
def test_posting_status_on_the_build_date(today, status):
    assert Posting(dt.date(2026, 3, 2), dt.date(2026, 3, 31), ()).status(today) is status


def test_now_posted_ends_soonest_first_and_villages_see_their_boards():
    from plugins.disclosures.model import Commune, Village

    today = dt.date(2026, 3, 10)
    items = [
        _disclosure("a", dt.date(2026, 3, 1), dt.date(2026, 3, 30), ["all-villages"]),
        _disclosure("b", dt.date(2026, 3, 5), dt.date(2026, 3, 12), ["thon-dong"], villages=["thon-dong"]),
        _disclosure("c", dt.date(2026, 3, 20), dt.date(2026, 4, 20), ["thon-tay"], villages=["thon-tay"]),
    ]
    items = [dataclasses.replace(d, status=d.posting.status(today)) for d in items]
    assert [d.slug for d in now_posted(items)] == ["b", "a"]
    assert [d.slug for d in upcoming(items)] == ["c"]
    commune = Commune("Hòa An", "xã", "20347", "Đà Nẵng", villages=(Village("thon-dong", "Thôn Đông"),
                                                                 Village("thon-tay", "Thôn Tây")))
    dong, tay = by_village(items, commune)
    assert [d.slug for d in dong.posted_here] == ["b", "a"] and [d.slug for d in dong.concerning] == ["b"]
    assert [d.slug for d in tay.posted_here] == ["a"] and [d.slug for d in tay.concerning] == ["c"]
