"""The portal's own search index (plugins/province/search.py): what goes in, shared fairly between communes,
remade only when a page it holds changes, and removed (never kept stale) when it cannot be made. The search
itself runs in Chromium in tests/test_browser.py."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from plugins.province import search as portal_search
from plugins.province.build import Result, write_portal
from plugins.province.search import ShardError, ShardPage, candidates, fair_share, shard_pages
from tests.conftest import soup

TODAY = dt.date(2026, 11, 21)


def disclosure(page: str, issued: str, posting: tuple[str, str] | None = None) -> dict:
    return {"page": page, "issued": issued, "posting": {"from": posting[0], "to": posting[1]} if posting else None}


def test_posted_pages_come_first_then_the_years_newest_and_nothing_else():
    disclosures = [
        disclosure("cong-khai/2026/ke-hoach/", "2026-10-01"),
        disclosure("cong-khai/2026/ho-ngheo/", "2026-11-01", ("2026-11-02", "2026-12-10")),
        disclosure("cong-khai/2025/cu/", "2025-11-20"),  # 366 days before: still "recent"
        disclosure("cong-khai/2024/qua-cu/", "2024-01-01"),
        disclosure("cong-khai/2026/thong-bao/", "2026-11-15", ("2026-11-16", "2026-11-30")),
        disclosure("cong-khai/2026/ngay-mai/", "2026-11-22"),  # issued after the build's day
        disclosure("cong-khai/2026/het-han/", "2026-06-01", ("2026-06-02", "2026-07-01")),
        disclosure("../../ngoai/", "2026-11-01"), disclosure("cong-khai/../../ngoai/", "2026-11-01"),
        disclosure("admin/", "2026-11-01"), disclosure("cong-khai/2026/khong-gach", "2026-11-01"),
        {"page": None, "issued": "2026-11-01"}, {"page": "cong-khai/2026/khong-ngay/", "issued": "31/02/2026"},
    ]
    assert candidates(disclosures, TODAY) == [
        "cong-khai/2026/thong-bao/", "cong-khai/2026/ho-ngheo/",  # posted today, the sooner to end first
        "cong-khai/2026/ke-hoach/", "cong-khai/2026/het-han/", "cong-khai/2025/cu/",  # then newest issued
    ]


@pytest.mark.parametrize("seed", range(20))
def test_the_fair_share_fits_the_limit_and_leaves_nothing_unused(seed):
    rng = random.Random(seed)
    wanted = {f"xa-{n}": rng.choice([0, 1, 5, 40, 300, 2000]) for n in range(rng.randint(1, 60))}
    limit = rng.randint(1, 5000)
    share = fair_share(wanted, limit)
    taken = sum(min(n, share) for n in wanted.values())
    assert taken <= limit or taken == sum(wanted.values()) <= limit
    if sum(wanted.values()) > limit:  # one page more for each commune that has more would not fit
        assert sum(min(n, share + 1) for n in wanted.values()) > limit
    else:
        assert taken == sum(wanted.values())


def test_a_small_commune_keeps_all_its_pages_when_the_index_is_full():
    big = [disclosure(f"cong-khai/2026/a-{n}/", "2026-11-01") for n in range(50)]
    small = [disclosure(f"cong-khai/2026/b-{n}/", "2026-11-01") for n in range(3)]
    pages = shard_pages([("xa-lon", big), ("xa-nho", small)], TODAY, limit=20)
    assert len(pages) == 20
    assert sum(p.slug == "xa-nho" for p in pages) == 3 and sum(p.slug == "xa-lon" for p in pages) == 17


def test_a_page_that_is_a_link_or_outside_the_portal_is_never_read(tmp_path):
    portal = tmp_path / "cong"
    (portal / "xa-a/cong-khai/2026/that").mkdir(parents=True)
    (portal / "xa-a/cong-khai/2026/that/index.html").write_text("<html></html>", encoding="utf-8")
    secret = tmp_path / "bi-mat.html"
    secret.write_text("<html>mật</html>", encoding="utf-8")
    (portal / "xa-a/cong-khai/2026/lien-ket").mkdir()
    (portal / "xa-a/cong-khai/2026/lien-ket/index.html").symlink_to(secret)
    (portal / "xa-a/cong-khai/2026/thu-muc-lien-ket").symlink_to(tmp_path)
    readable = portal_search._readable
    assert readable(portal, ShardPage("xa-a", "cong-khai/2026/that/"))
    assert readable(portal, ShardPage("xa-a", "cong-khai/2026/lien-ket/")) is None
    assert readable(portal, ShardPage("xa-a", "cong-khai/2026/thu-muc-lien-ket/")) is None
    assert readable(portal, ShardPage("xa-a", "cong-khai/2026/khong-co/")) is None


@pytest.fixture
def portal_copy(province_site, tmp_path) -> Path:
    output = tmp_path / "cong"
    shutil.copytree(province_site[0], output, symlinks=True)
    return output


def results_of(output: Path) -> list[Result]:
    return [Result(p.name, p.name, str(p), True, 1.0, "", published=True)
            for p in sorted(output.iterdir()) if (p / "du-lieu" / "danh-muc.json").is_file()]


def shard_of(output: Path) -> str:
    return soup(output / "tim-kiem/index.html").select_one("[data-ckx-shard]")["data-ckx-shard"]


def test_the_portal_index_holds_the_chosen_pages_of_every_commune(province_site):
    output, _ = province_site
    shard = shard_of(output)
    assert shard.startswith("tim-kiem/chi-muc-") and [p.name for p in (output / "tim-kiem").glob("chi-muc-*")] \
        == [shard.split("/")[1]]
    catalogues = [(p.parent.parent.name, json.loads(p.read_text(encoding="utf-8"))["disclosures"])
                  for p in sorted(output.glob("*/du-lieu/danh-muc.json"))]
    chosen = shard_pages(catalogues, TODAY)
    assert {p.slug for p in chosen} == {"xa-hoa-an", "xa-hoa-binh", "xa-hoa-phong"}
    entry = json.loads((output / shard / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == len(chosen)
    assert not [p for p in (output / shard).iterdir() if p.name.startswith("pagefind-ui")]  # never used
    scope = soup(output / "tim-kiem/index.html").select("#ckx-xa option")
    assert [o["value"] for o in scope] == ["", "xa-hoa-an", "xa-hoa-binh", "xa-hoa-phong"]


def test_the_index_is_remade_only_when_a_page_it_holds_changes(portal_copy):
    output = portal_copy
    before = shard_of(output)
    entry = output / before / "pagefind-entry.json"
    inode = entry.stat().st_ino
    assert write_portal(results_of(output), output, TODAY) is None
    assert shard_of(output) == before and entry.stat().st_ino == inode  # nothing changed: nothing indexed
    page = next(output.glob("xa-hoa-binh/cong-khai/*/*/index.html"))
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>Đã sửa.</p></article>"),
                    encoding="utf-8")
    assert write_portal(results_of(output), output, TODAY) is None
    after = shard_of(output)
    assert after != before and (output / after / "pagefind-entry.json").is_file()
    assert not (output / before).exists()  # the old index leaves with the page that named it
    assert not list(output.parent.glob(f".{output.name}-chi-muc-*"))  # nor is any work left beside the portal


def test_an_index_that_cannot_be_made_is_removed_and_named(portal_copy, monkeypatch):
    """What the old index held may have had to leave the site today (names after a posting): it is never
    kept in place of today's. The search page then searches one commune at a time, and says so."""
    output = portal_copy
    before = shard_of(output)

    def broken(files, work):
        raise ShardError("Pagefind không lập được chỉ mục tìm kiếm chung của tỉnh: hết bộ nhớ.")

    monkeypatch.setattr(portal_search, "_index", broken)
    monkeypatch.setattr(portal_search, "FORMAT", "khac")  # a new fingerprint, so the index must be made
    problem = write_portal(results_of(output), output, TODAY)
    assert problem == "Pagefind không lập được chỉ mục tìm kiếm chung của tỉnh: hết bộ nhớ."
    assert not (output / before).exists() and not list((output / "tim-kiem").glob("chi-muc-*"))
    page = soup(output / "tim-kiem/index.html")
    assert page.select_one("[data-ckx-shard]")["data-ckx-shard"] == ""
    assert [o["value"] for o in page.select("#ckx-xa option")] == ["xa-hoa-an", "xa-hoa-binh", "xa-hoa-phong"]
    assert "hãy chọn một xã, phường" in page.select_one(".ckx-notice").get_text()
    assert os.listdir(output.parent) == ["cong"]


def test_the_index_holds_at_most_its_bytes_of_pages_taken_fairly(portal_copy, monkeypatch):
    """Pagefind's memory follows the bytes it reads: a province of very large pages stays within the budget,
    taking every commune's first page before any commune's second."""
    output = portal_copy
    catalogues = [(p.parent.parent.name, json.loads(p.read_text(encoding="utf-8"))["disclosures"])
                  for p in sorted(output.glob("*/du-lieu/danh-muc.json"))]
    chosen = shard_pages(catalogues, TODAY)
    assert [p.slug for p in chosen[:3]] == ["xa-hoa-an", "xa-hoa-binh", "xa-hoa-phong"]
    monkeypatch.setattr(portal_search, "BYTES", sum((output / p.path).stat().st_size for p in chosen[:3]))
    assert write_portal(results_of(output), output, TODAY) is None
    entry = json.loads((output / shard_of(output) / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 3 < len(chosen)
