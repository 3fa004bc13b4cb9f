"""The bundled sample commune: valid, builds, and leaks no personal data."""

from plugins.disclosures.commune import parse_commune
from plugins.privacy.rules import personal_data
from tests.conftest import ROOT, ckx, soup

# Attachments (PDF scans) are officers' signed documents, checked by people before posting; what the
# site itself writes is text, and that is what is scanned here.
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".csv", ".ics", ".txt", ".xml", ".yml"}


def test_sample_content_has_no_errors():
    result = ckx("validate")
    assert result.returncode == 0, result.stderr
    assert "LỖI" not in result.stderr


def test_sample_site_has_the_pages_a_citizen_expects(sample_site):
    home = soup(sample_site / "index.html")
    assert home.select_one("h1").get_text() == "Công khai thông tin Xã Hòa An"
    assert [a.get_text() for a in home.select("#ckx-theo-thon ~ ul a")] == [
        "Thôn Đông", "Thôn Tây", "Thôn Đồng Bến", "Thôn Phú Sơn"]
    assert home.select(".ckx-disclosure-list__item"), "something is posted on the sample build date"
    assert home.select_one("#ckx-gop-y")
    for page in ["gioi-thieu", "huong-dan", "lien-he"]:
        assert (sample_site / page / "index.html").is_file()


def test_no_id_or_phone_number_anywhere_in_the_built_site(sample_site):
    commune, _ = parse_commune((ROOT / "content" / "commune.yml").read_text(encoding="utf-8"))
    leaks = {}
    # Third-party code copied as it is (the editor's admin/*.js, Pagefind's UI, whose credits name its
    # authors by email) holds no content.
    text_files = [p for p in sample_site.rglob("*") if p.suffix in TEXT_SUFFIXES
                  and not (p.parent.name in ("admin", "pagefind") and p.suffix in (".js", ".css"))]
    assert len(text_files) > 10
    for path in text_files:
        found = [f.value for f in personal_data(path.read_text(encoding="utf-8"), commune.official)]
        if found:
            leaks[path.relative_to(sample_site).as_posix()] = found
    assert leaks == {}


def test_privacy_scan_would_catch_a_leak(tmp_path):
    """The scan above can fail: the same check flags a CCCD and a mobile number."""
    found = personal_data("Nguyễn Văn A, CCCD 001086012345, ĐT 0912.345.678, nva@gmail.com, sinh ngày 12/03/1985")
    assert [f.value for f in found] == ["001086012345", "0912.345.678", "nva@gmail.com", "sinh ngày 12/03/1985"]


def test_names_of_an_ended_list_are_nowhere_in_the_built_site(sample_site):
    """The 2025 list ended in 2025: only its counts may remain (design §5)."""
    source = ROOT / "content/disclosures/2025/ra-soat-ho-ngheo-2025/danh-sach.csv"
    names = [line.split(";")[1] for line in source.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert len(names) == 5
    everything = "\n".join(p.read_bytes().decode("utf-8", errors="replace") for p in sample_site.rglob("*") if p.is_file())
    assert [name for name in names if name in everything] == []
    assert "Thôn Phú Sơn" in (sample_site / "cong-khai/2025/ra-soat-ho-ngheo-2025/du-lieu/so-lieu-theo-thon.csv").read_text(encoding="utf-8-sig")


def test_every_disclosure_page_with_its_css_is_under_30_kb_gzip_and_needs_no_web_font(sample_site):
    """Small pages for slow mobile data; the stylesheet is part of what a first visit pays."""
    import gzip

    css = gzip.compress((sample_site / "theme/css/main.css").read_bytes())
    assert b"@font-face" not in gzip.decompress(css)
    pages = list(sample_site.glob("cong-khai/*/*/index.html")) + list(sample_site.glob("cong-khai/*/*/*/index.html"))
    assert len(pages) >= 10
    heavy = {p.relative_to(sample_site).as_posix(): len(gzip.compress(p.read_bytes())) + len(css) for p in pages
             if len(gzip.compress(p.read_bytes())) + len(css) >= 30 * 1024}
    assert heavy == {}
