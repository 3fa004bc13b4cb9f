"""What enters the Pagefind index: public pages only, and of an ended named list only its counts."""

import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugins.disclosures.dated import END, START, without_dated, without_dated_bytes
from plugins.disclosures.outputs import Outputs
from plugins.search import Indexing, SearchIndexError, index_pages, index_site, indexed_pages
from plugins.search.parts import IndexedPage, Part, older_folders, part_fingerprint, split
from plugins.vietnamese.text import d_stroke_words
from tests.conftest import ROOT


def parts_of(site) -> dict[str, dict[str, dict]]:
    """Each search part's indexed pages as Pagefind stores them (gzip, a "pagefind_dcd" marker, then JSON):
    part folder -> address -> page."""
    folders = [site / "pagefind"]
    if (site / "pagefind/nam.json").is_file():
        folders += [site / "pagefind" / name for name in json.loads((site / "pagefind/nam.json").read_text())]
    return {folder.relative_to(site).as_posix(): indexed_pages(folder) for folder in folders}


def fragments(site):
    """Every indexed page, whichever part it is in."""
    return {url: page for pages in parts_of(site).values() for url, page in pages.items()}


def test_d_stroke_words_are_indexed_without_the_stroke():
    # Tone marks stay: Pagefind folds those itself; only đ, a letter of its own, needs the copy.
    assert d_stroke_words("Đường giao thông qua cánh đồng Đồng Tâm, đường đất") == "dường dồng dất"


@given(st.text(alphabet="aăâbdđĐeêghiklmnoôơpqrstuưvxyÁàẢạ0123456789_ ,.-\n", max_size=200))
def test_d_stroke_words_are_each_word_with_d_once(text):
    """Whatever the text: its words (`\\w+`) that hold đ, lower case, in order, once each, with đ written d."""
    words = [w.lower() for w in re.findall(r"\w+", text) if "đ" in w.lower()]
    assert d_stroke_words(text) == " ".join(dict.fromkeys(w.replace("đ", "d") for w in words))


@given(st.lists(st.tuples(st.text(alphabet="aàđ <>-!/\n", max_size=12), st.booleans()), max_size=8))  # never a marker
def test_what_the_date_decides_leaves_the_indexed_copy_and_nothing_else(pieces):
    """A page of pieces, each marked as the date's or not: its copy is the unmarked pieces in their order, read as
    text or as UTF-8 bytes; a page that marks nothing is its own copy."""
    page = "".join(f"{START}{text}{END}" if dated else text for text, dated in pieces)
    kept = "".join(text for text, dated in pieces if not dated)
    assert without_dated(page) == kept and without_dated_bytes(page.encode()) == kept.encode()
    plain = kept.replace("<", "").encode()
    assert without_dated_bytes(plain) is plain
    assert without_dated(f"a{START}b") == f"a{START}b", "a start with no end is left in: indexed, never lost"


def test_only_disclosures_and_pages_are_indexed_once(sample_site):
    urls = set(fragments(sample_site))
    assert "/cong-khai/2026/thu-hoi-dat-duong-lien-thon/" in urls and "/gioi-thieu/" in urls
    assert not {u for u in urls if u.startswith(("/loai/", "/nam/", "/thon/", "/dang-niem-yet/", "/tim-kiem/"))}
    assert "/" not in urls and "/cong-khai/" not in urls


def test_filters_and_meta_are_indexed(sample_site):
    page = fragments(sample_site)["/cong-khai/2026/hop-dan-thon-phu-son/"]
    assert page["filters"] == {"Loại": ["Lịch tiếp công dân, lịch họp"], "Năm": ["2026"], "Thôn": ["Thôn Phú Sơn"]}
    assert page["meta"]["ngay"] == "16/11/2026" and (page["meta"]["niem_yet_tu"], page["meta"]["niem_yet_den"]) == (
        "2026-11-17", "2026-11-28")
    assert "trang_thai" not in page["meta"], "the search page works a posting's status out from its dates"
    only_on_the_site = fragments(sample_site)["/cong-khai/2025/cong-bo-thu-tuc-hanh-chinh/"]["meta"]
    assert only_on_the_site["trang_thai"] == "Chỉ đăng trên trang" and "niem_yet_tu" not in only_on_the_site


def test_nothing_the_build_date_decides_is_indexed(sample_site):
    """A posting's status, the next session, the days left to comment, what to print while it is posted: the
    page shows them on the build date; the index, made once for many days, holds none of them."""
    dated = ("Sắp niêm yết", "Đang niêm yết", "Hết thời hạn niêm yết", "Buổi gần nhất", "ngày để góp ý",
             "Bản niêm yết để in", "Ý kiến về văn bản này gửi đến hết ngày")
    shown = "".join((sample_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
                    for url in ("/cong-khai/2026/hop-dan-thon-phu-son/", "/cong-khai/2026/lay-y-kien-quy-uoc-thon-tay/"))
    assert [words for words in dated if words not in shown] == ["Sắp niêm yết", "Hết thời hạn niêm yết"]
    indexed = {url: json.dumps(page, ensure_ascii=False) for url, page in fragments(sample_site).items()
               if url.startswith("/cong-khai/")}
    assert {url: [words for words in dated if words in page] for url, page in indexed.items()} == \
        {url: [] for url in indexed}


def test_ended_household_list_is_indexed_by_its_counts_only(sample_site):
    source = ROOT / "content/disclosures/2025/ra-soat-ho-ngheo-2025/danh-sach.csv"
    ended = [line.split(";")[1] for line in source.read_text(encoding="utf-8-sig").splitlines()[1:]]
    pages = fragments(sample_site)
    assert "Thôn Phú Sơn" in pages["/cong-khai/2025/ra-soat-ho-ngheo-2025/"]["content"]
    everything = json.dumps(pages, ensure_ascii=False)
    assert [name for name in ended if name in everything] == []
    assert "Nguyễn Thị Lành" in everything, "the list still posted on the build date is findable"


def test_only_what_the_search_page_uses_of_pagefind_is_published(sample_site):
    """The index, its engine and worker, none of Pagefind's ready-made interfaces (418 KB a site)."""
    from plugins.search import UNUSED_UI

    published = {p.name for p in (sample_site / "pagefind").iterdir() if p.is_file()}
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"} <= published
    assert not published & set(UNUSED_UI)


def test_the_recent_part_holds_the_static_pages_and_what_is_posted_or_recent(sample_site):
    """On the sample's day every disclosure is within a year: one part, and the search page is told so."""
    parts = parts_of(sample_site)
    assert list(parts) == ["pagefind"] and json.loads((sample_site / "pagefind/nam.json").read_text()) == []
    assert "/gioi-thieu/" in parts["pagefind"] and "/cong-khai/2025/ra-soat-ho-ngheo-2025/" in parts["pagefind"]


TODAY = dt.date(2026, 12, 6)


def test_a_page_goes_in_the_recent_part_or_in_its_years():
    pages = [IndexedPage("gioi-thieu/index.html"),
             IndexedPage("cong-khai/2025/a/index.html", dt.date(2025, 12, 1)),  # this month a year ago: recent
             IndexedPage("cong-khai/2025/b/index.html", dt.date(2025, 11, 30)),
             IndexedPage("cong-khai/2024/c/index.html", dt.date(2024, 3, 1), posting_end=dt.date(2026, 12, 6)),
             IndexedPage("cong-khai/2024/d/index.html", dt.date(2024, 3, 1), posting_end=dt.date(2026, 12, 5)),
             IndexedPage("cong-khai/2027/e/index.html", dt.date(2027, 1, 2)),  # dated ahead: recent
             IndexedPage("cong-khai/2019/f/index.html", dt.date(2019, 5, 1))]
    assert split(pages, TODAY) == [
        Part("pagefind", ("cong-khai/2024/c/index.html", "cong-khai/2025/a/index.html", "cong-khai/2027/e/index.html",
                          "gioi-thieu/index.html")),
        Part("pagefind/nam-2025", ("cong-khai/2025/b/index.html",)),
        Part("pagefind/nam-2024", ("cong-khai/2024/d/index.html",)),
        Part("pagefind/nam-2019", ("cong-khai/2019/f/index.html",))]
    assert older_folders(split(pages, TODAY)) == ["nam-2025", "nam-2024", "nam-2019"]


def test_the_parts_change_with_the_month_not_with_the_day():
    """The daily build re-indexes no year's part because a day passed: the window moves on the first of a month,
    and it always holds at least the last year."""
    pages = [IndexedPage(f"cong-khai/{day.year}/{day.isoformat()}/index.html", day)
             for day in (dt.date(2024, 12, 1) + dt.timedelta(days=n) for n in range(800))]
    for first, last in ((dt.date(2026, 12, 1), dt.date(2026, 12, 31)), (dt.date(2028, 2, 1), dt.date(2028, 2, 29))):
        month = [split(pages, first + dt.timedelta(days=n)) for n in range((last - first).days + 1)]
        assert all(parts == month[0] for parts in month)
        recent = {dt.date.fromisoformat(page.split("/")[2]) for page in month[0][0].pages}
        assert min(recent) == dt.date(first.year - 1, first.month, 1) and min(recent) <= last - dt.timedelta(days=366)
    assert split(pages, dt.date(2026, 12, 31)) != split(pages, dt.date(2027, 1, 1))


def test_with_nothing_recent_the_newest_year_is_the_part_a_phone_opens():
    """Pagefind makes no index of nothing, and the search page always opens the recent part."""
    pages = [IndexedPage("cong-khai/2019/a/index.html", dt.date(2019, 5, 1)),
             IndexedPage("cong-khai/2020/b/index.html", dt.date(2020, 5, 1))]
    assert split(pages, TODAY) == [Part("pagefind", ("cong-khai/2020/b/index.html",)),
                                   Part("pagefind/nam-2019", ("cong-khai/2019/a/index.html",))]
    assert split([], TODAY) == []


def test_a_part_is_made_again_when_a_page_it_holds_changes_and_only_then():
    part = Part("pagefind/nam-2019", ("cong-khai/2019/a/index.html", "cong-khai/2019/b/index.html"))
    digests = {"cong-khai/2019/a/index.html": "1", "cong-khai/2019/b/index.html": "2"}
    same = part_fingerprint(part, dict(digests), "pagefind 1")
    assert same == part_fingerprint(part, digests, "pagefind 1")
    assert same != part_fingerprint(part, digests | {"cong-khai/2019/b/index.html": "3"}, "pagefind 1")
    assert same != part_fingerprint(part, digests, "pagefind 2")
    assert same != part_fingerprint(Part("pagefind/nam-2019", part.pages[:1]), digests, "pagefind 1")


def test_a_part_that_cannot_be_made_fails_the_build_with_pagefinds_words(tmp_path):
    (tmp_path / "trang.html").write_text("<html></html>", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="Pagefind không lập được chỉ mục tìm kiếm"):
        index_pages({"khong-phai-html.txt": tmp_path / "trang.html"}, tmp_path / "lam")


def test_a_pagefind_that_does_not_end_is_stopped_and_named(tmp_path, monkeypatch):
    """A hang is a failure with its words, never a stuck build: past its time the process is killed."""
    from plugins import search

    monkeypatch.setattr(search, "_pagefind", lambda: ["sh", "-c", "sleep 30", "pagefind"])  # its options ignored
    (tmp_path / "lam/trang").mkdir(parents=True)
    with pytest.raises(SearchIndexError, match="không lập xong chỉ mục tìm kiếm sau 0 giây"):
        search.run_pagefind(tmp_path / "lam", timeout=0.2)
    assert not search._PROCESSES


def page(folder, title: str) -> None:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(f'<!doctype html><html lang="vi"><head><title>{title}</title></head>'
                                       f'<body><main data-pagefind-body><h1>{title}</h1></main></body></html>',
                                       encoding="utf-8")


def test_without_the_disclosures_generator_the_site_is_indexed_whole(tmp_path):
    page(tmp_path / "gioi-thieu", "Giới thiệu")
    index_site(SimpleNamespace(output_path=str(tmp_path), settings={}))
    assert list(parts_of(tmp_path)["pagefind"]) == ["/gioi-thieu/"]
    with pytest.raises(SearchIndexError, match="Pagefind không lập được chỉ mục tìm kiếm"):
        index_site(SimpleNamespace(output_path=str(tmp_path / "khong-co"), settings={}))


def test_the_parts_are_made_beside_the_staging_folder_and_moved_in_as_outputs(tmp_path):
    """Pagefind reads hard links of the part's pages, never the staging folder (which may still hold the
    standby's old pages); what it made is moved in as the build's outputs, the older parts without an engine."""
    staging = tmp_path / ".output.moi-1-x"
    page(staging / "gioi-thieu", "Giới thiệu")
    page(staging / "cong-khai/2019/cu", "Thông báo cũ")
    page(staging / "cong-khai/2019/trang-cu-cua-ban-du-phong", "Trang của bản dự phòng")  # named by no part
    outputs = Outputs(staging, None, None, "co-so", {})
    parts = split([IndexedPage("gioi-thieu/index.html"), IndexedPage("cong-khai/2019/cu/index.html", dt.date(2019, 5, 1))],
                  TODAY)
    indexing = Indexing(staging, outputs, parts)
    indexing.start()
    indexing.finish()
    found = parts_of(staging)
    assert {part: list(pages) for part, pages in found.items()} == {"pagefind": ["/gioi-thieu/"],
                                                                    "pagefind/nam-2019": ["/cong-khai/2019/cu/"]}
    assert {"pagefind/nam.json", "pagefind/pagefind.js", "pagefind/nam-2019/pagefind-entry.json"} <= set(outputs.new)
    assert not list((staging / "pagefind/nam-2019").glob("wasm.*")) and not list(tmp_path.glob("*tim-kiem*"))


def test_a_part_pagefind_cannot_make_is_left_out_and_named_and_leaves_no_work_behind(tmp_path):
    staging = tmp_path / ".output.moi-1-x"
    page(staging / "gioi-thieu", "Giới thiệu")
    (staging / "cong-khai/2019/hong").mkdir(parents=True)
    (staging / "cong-khai/2019/hong/index.html").write_text("không phải trang HTML", encoding="utf-8")
    parts = split([IndexedPage("gioi-thieu/index.html"), IndexedPage("cong-khai/2019/hong/index.html", dt.date(2019, 5, 1))],
                  TODAY)
    indexing = Indexing(staging, Outputs(staging, None, None, "co-so", {}), parts)
    indexing.start()
    failed = indexing.finish()
    assert list(failed) == ["pagefind/nam-2019"] and "Pagefind không lập được chỉ mục tìm kiếm" in failed["pagefind/nam-2019"]
    assert not (staging / "pagefind/nam-2019").exists() and list(parts_of(staging)) == ["pagefind"]
    assert json.loads((staging / "pagefind/nam.json").read_text()) == []
    assert not list(tmp_path.glob("*tim-kiem*"))


def test_a_part_whose_work_folder_cannot_be_made_is_named_too(tmp_path, monkeypatch):
    """Whatever stops a part's Pagefind (here: no room for its work folder), the part is named, never left out
    in silence by a thread that died."""
    import plugins.search as search

    staging = tmp_path / ".output.moi-1-x"
    page(staging / "gioi-thieu", "Giới thiệu")

    def no_room(**_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(search.tempfile, "mkdtemp", no_room)
    indexing = Indexing(staging, Outputs(staging, None, None, "co-so", {}), split([IndexedPage("gioi-thieu/index.html")], TODAY))
    indexing.start()
    assert list(indexing.finish()) == ["pagefind"]
