"""What enters the Pagefind index: public pages only, and of an ended named list only its counts."""

import gzip
import json
from types import SimpleNamespace

import pytest

from plugins.search import SearchIndexError, index_site, start_index
from plugins.vietnamese.text import d_stroke_words
from tests.conftest import ROOT


def fragments(site):
    """Each indexed page as Pagefind stores it (gzip, a "pagefind_dcd" marker, then JSON)."""
    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[data["url"]] = data
    return pages


def test_d_stroke_words_are_indexed_without_the_stroke():
    # Tone marks stay: Pagefind folds those itself; only đ, a letter of its own, needs the copy.
    assert d_stroke_words("Đường giao thông qua cánh đồng Đồng Tâm, đường đất") == "dường dồng dất"


def test_only_disclosures_and_pages_are_indexed_once(sample_site):
    urls = set(fragments(sample_site))
    assert "/cong-khai/2026/thu-hoi-dat-duong-lien-thon/" in urls and "/gioi-thieu/" in urls
    assert not {u for u in urls if u.startswith(("/loai/", "/nam/", "/thon/", "/dang-niem-yet/", "/tim-kiem/"))}
    assert "/" not in urls and "/cong-khai/" not in urls


def test_filters_and_meta_are_indexed(sample_site):
    page = fragments(sample_site)["/cong-khai/2026/hop-dan-thon-phu-son/"]
    assert page["filters"] == {"Loại": ["Lịch tiếp công dân, lịch họp"], "Năm": ["2026"], "Thôn": ["Thôn Phú Sơn"]}
    assert page["meta"]["ngay"] == "16/11/2026" and page["meta"]["trang_thai"] == "Đang niêm yết"


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


def page(folder, title: str) -> None:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(f'<!doctype html><html lang="vi"><head><title>{title}</title></head>'
                                       f'<body><main data-pagefind-body><h1>{title}</h1></main></body></html>',
                                       encoding="utf-8")


def test_the_index_started_early_reads_the_disclosures_and_the_static_pages_named(tmp_path):
    """Started as soon as the disclosure pages are written, Pagefind reads those and the static pages by name:
    a page another generator is still writing is never read, and the build waits for the index at the end."""
    page(tmp_path / "cong-khai/2026/thong-bao", "Thông báo")
    page(tmp_path / "gioi-thieu", "Giới thiệu")
    page(tmp_path / "dang-viet", "Trang đang được viết")  # another generator's page, not the search's
    pages = [SimpleNamespace(save_as="gioi-thieu/index.html"), SimpleNamespace(save_as="tin/a/index.html")]
    start_index(SimpleNamespace(output_path=str(tmp_path), context={"pages": pages}))
    index_site(SimpleNamespace(output_path=str(tmp_path)))
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 2
    assert not (tmp_path / "pagefind/pagefind-ui.js").exists()


def test_a_search_index_that_cannot_be_made_fails_the_build_with_pagefinds_words(tmp_path):
    with pytest.raises(SearchIndexError, match="Pagefind không lập được chỉ mục tìm kiếm"):
        index_site(SimpleNamespace(output_path=str(tmp_path / "khong-co")))
