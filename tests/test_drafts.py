"""Drafts: a bundle with `draft: true` stays out of the published site, its search index, data and sheets, and
its problems never stop the daily build; a preview build (DRAFTS=1) shows it to the officer."""

from __future__ import annotations

import json
import shutil

from tests.conftest import ckx, copy_site, settings_file, soup
from tests.test_search_index import fragments

DRAFT = "disclosures/2026/ke-hoach-dang-soan"
FRONT = """---
title: Kế hoạch chỉnh trang vỉa hè đang soạn
kind: notice
issued: 2026-03-01
draft: {flag}
posting:
  from: 2026-03-01
  to: 2026-03-31
  places: [website]
---
Dự thảo kế hoạch chỉnh trang vỉa hè khu phố Bình Minh.
"""


def site_with_draft(tmp_path, flag="true", extra=""):
    site = copy_site("phuong-nho", tmp_path)
    (site / DRAFT).mkdir(parents=True)
    (site / DRAFT / "index.md").write_text(FRONT.format(flag=flag) + extra, encoding="utf-8")
    return site


def build(site, output, *more):
    return ckx("build", "--content", str(site), "--output", str(output), *more, build_date="2026-03-10")


def everything_published(output) -> str:
    texts = []
    for path in output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".txt", ".yml", ".ics"):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def test_a_draft_is_nowhere_in_the_published_site(tmp_path):
    site = site_with_draft(tmp_path)
    output = tmp_path / "out"
    result = build(site, output)
    assert result.returncode == 0, result.stderr
    assert not (output / "cong-khai/2026/ke-hoach-dang-soan").exists()
    assert "vỉa hè" not in everything_published(output)
    indexed = fragments(output)
    assert indexed and not any("ke-hoach-dang-soan" in url for url in indexed)
    listed = [a.get_text() for a in soup(output / "cong-khai/index.html").select(".ckx-disclosure-list a")]
    assert listed and not any("vỉa hè" in text for text in listed)


def test_a_preview_build_shows_the_draft_marked(tmp_path):
    site = site_with_draft(tmp_path)
    output = tmp_path / "xem-thu"
    settings = settings_file(tmp_path, "CKX_SHOW_DRAFTS = True")
    result = build(site, output, "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    assert "bản nháp" in result.stdout.lower()
    page = soup(output / "cong-khai/2026/ke-hoach-dang-soan/index.html")
    assert "Bản nháp, chưa công bố" in page.select_one(".ckx-notice").get_text()
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_a_drafts_errors_are_warnings_until_it_is_shown(tmp_path):
    site = site_with_draft(tmp_path, extra="Liên hệ anh Ba, số 0912345678.\n")
    hidden = build(site, tmp_path / "out")
    assert hidden.returncode == 0, hidden.stderr
    assert "CẢNH BÁO [du-lieu-ca-nhan]" in hidden.stderr and "(bản nháp, chưa đăng)" in hidden.stderr
    shown = build(site, tmp_path / "xem-thu", "--settings", str(settings_file(tmp_path, "CKX_SHOW_DRAFTS = True")))
    assert shown.returncode == 1 and "LỖI [du-lieu-ca-nhan]" in shown.stderr
    assert not (tmp_path / "xem-thu/cong-khai/2026/ke-hoach-dang-soan").exists()  # the preview goes without it
    assert not [p for p in (tmp_path / "xem-thu").rglob("*.html") if "0912345678" in p.read_text(encoding="utf-8")]


def test_draft_false_publishes_and_a_wrong_value_is_named(tmp_path):
    site = site_with_draft(tmp_path, flag="false")
    output = tmp_path / "out"
    assert build(site, output).returncode == 0
    assert (output / "cong-khai/2026/ke-hoach-dang-soan/index.html").is_file()
    shutil.rmtree(site / DRAFT)
    site = site_with_draft(tmp_path / "b", flag="chưa")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1
    assert f"{DRAFT}/index.md:5 LỖI [gia-tri-khong-hop-le]" in result.stderr and "true" in result.stderr


def test_the_editor_offers_the_draft_switch(sample_site):
    import yaml

    config = yaml.safe_load((sample_site / "admin/config.yml").read_text(encoding="utf-8"))
    for collection in config["collections"]:
        if "filter" in collection:
            [field] = [f for f in collection["fields"] if f["name"] == "draft"]
            assert field["widget"] == "boolean" and field["default"] is False and field["required"] is False
    catalogue = json.loads((sample_site / "du-lieu/danh-muc.json").read_text(encoding="utf-8"))
    assert catalogue["datasets"]
