"""The ready-to-paste message for the village's Zalo group, and its copy button in Chromium."""

from __future__ import annotations

from tests.conftest import soup


def test_the_message_says_what_where_until_when_the_link_and_how_to_comment(sample_site):
    page = soup(sample_site / "cong-khai/2026/ke-hoach-su-dung-dat-2026/index.html")
    lines = page.select_one("#tin-nhan").get_text().strip().splitlines()
    assert lines[0] == "[Ủy ban nhân dân xã Hòa An] " + page.h1.get_text(strip=True)
    assert lines[1] == ("Niêm yết từ ngày 10/02/2026 đến hết ngày 31/12/2026 tại Trụ sở Ủy ban nhân dân, "
                        "Nhà văn hóa các thôn, tổ dân phố.")
    assert lines[2] == page.select_one(".ckx-key-figure").get_text(strip=True)
    assert lines[3] == "Xem toàn văn: https://hoaan.example.gov.vn/cong-khai/2026/ke-hoach-su-dung-dat-2026/"
    assert lines[4] == ("Góp ý đến hết ngày 31/12/2026: điện thoại 0236 3861 234; "
                        "thư điện tử gopy.hoaan@example.gov.vn.")


def test_a_disclosure_without_posting_or_figure_keeps_the_message_short(small_site):
    page = soup(small_site / "cong-khai/2025/quyet-dinh-chi-dang-tren-trang/index.html")
    lines = page.select_one("#tin-nhan").get_text().strip().splitlines()
    assert lines[0].endswith(page.h1.get_text(strip=True)) and not any("Niêm yết" in line for line in lines)
    assert not any(line.startswith("Xem toàn văn") for line in lines)  # no site_url, no address to give
