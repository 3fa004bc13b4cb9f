"""The loudspeaker: the read-aloud script, its broadcast days, the announcer's sheet and the recording."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest

from plugins.disclosures.model import Commune, Disclosure, Feedback, Posting
from plugins.loudspeaker.audio import Voice, available, synthesize
from plugins.loudspeaker.script import broadcast_days, build_script, paragraphs_of
from plugins.vietnamese.spoken import Style
from tests.conftest import ROOT, build, ckx, copy_site, settings_file, soup

needs_programs = pytest.mark.skipif(not available() and not os.environ.get("CKX_REQUIRE_BROWSER"),
                                    reason="espeak-ng and lame are installed by make install-dev")
# posted on the sample's build date (21/11/2026): read on the loudspeaker now
LOUDSPEAKER_PAGES = ["hop-dan-thon-phu-son", "lich-tiep-cong-dan-quy-4-2026", "quy-uoc-thon-dong-ben",
                     "ra-soat-ho-ngheo-2026", "ket-qua-tthc-quy-3-2026", "lay-y-kien-quy-uoc-thon-tay"]
COMMUNE = Commune(name="Hòa An", type="xã", code="20347", province="Thành phố Đà Nẵng", phone="0236 3861 234",
                  feedback=Feedback(address="Bộ phận Một cửa, Ủy ban nhân dân xã Hòa An", phone="0236 3861 234"))


def notice(**changes) -> Disclosure:
    values = dict(year="2026", slug="x", source_dir="disclosures/2026/x", title="Thông báo họp dân Thôn 3",
                  kind="notice", issued=dt.date(2026, 11, 16), issuer="ỦY BAN NHÂN DÂN XÃ HÒA AN",
                  number="158/TB-UBND",
                  posting=Posting(dt.date(2026, 11, 17), dt.date(2026, 11, 28), ("commune-hq", "website", "loudspeaker")))
    return Disclosure(**{**values, **changes})


def test_broadcast_days_are_the_first_consecutive_days_of_the_posting():
    posting = Posting(dt.date(2026, 12, 30), dt.date(2027, 1, 20), ("loudspeaker",))
    assert broadcast_days(posting, 3) == (dt.date(2026, 12, 30), dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    assert len(broadcast_days(posting, 5)) == 5
    short = Posting(dt.date(2026, 3, 2), dt.date(2026, 3, 3), ("loudspeaker",))
    assert broadcast_days(short, 3) == (dt.date(2026, 3, 2), dt.date(2026, 3, 3))  # never after the posting ends


def test_script_reads_everything_in_words_and_says_what_matters():
    script = build_script(notice(), COMMUNE, ["Tổng thu: dự toán 9.105,5 triệu đồng."],
                          ["Họp lúc 19h00 ngày 27/11/2026 tại nhà văn hóa.", "Mức đóng góp 200.000 đồng/hộ."],
                          ["trụ sở Ủy ban nhân dân xã Hòa An"], 3)
    assert script.written[0] == "Ủy ban nhân dân xã Hòa An thông báo họp dân Thôn 3."  # never "thông báo: Thông báo"
    assert "Văn bản số 158/TB-UBND, ngày 16 tháng 11 năm 2026." in script.written
    assert "Tổng thu: dự toán 9.105,5 triệu đồng." in script.written
    said = " ".join(script.spoken)
    assert not re.search(r"\d", said), said
    assert "chín nghìn một trăm linh năm phẩy năm triệu đồng" in said
    assert "họp dân Thôn ba" in said
    assert "từ ngày mười bảy tháng mười một năm hai nghìn không trăm hai mươi sáu đến hết ngày hai mươi tám" in said
    assert "điện thoại không hai ba sáu, ba tám sáu một, hai ba bốn" in said
    assert "và đăng trên trang thông tin điện tử của xã" in said
    assert script.days == (dt.date(2026, 11, 17), dt.date(2026, 11, 18), dt.date(2026, 11, 19))
    assert len(script.written) == len(script.spoken)
    assert script.text.count("\n") == len(script.spoken) - 1  # one sentence a line: the voice pauses


def test_script_follows_the_commune_style_and_keeps_long_explanations_short():
    long_text = ["Câu giải thích số 105 rất dài để thử. " * 60]
    script = build_script(notice(number=None), COMMUNE, [], long_text, [], 3, Style(zero_ten="lẻ"))
    said = " ".join(script.spoken)
    assert "một trăm lẻ năm" in said and "linh" not in said
    assert sum(len(s) for s in script.written) < 2000
    assert "Nội dung chi tiết xin xem tại nơi niêm yết" in said


def test_explanation_paragraphs_leave_tables_and_code_to_the_eye():
    html = ("<h2>Nội dung</h2><p>Một &amp; hai.</p><table><tr><td>9.105</td></tr></table>"
            "<ul><li>Mục <strong>một</strong></li></ul><pre><code>x = 1</code></pre><p>Cuối.</p>")
    assert paragraphs_of(html) == ["Nội dung", "Một & hai.", "Mục một", "Cuối."]


@needs_programs
def test_synthesized_audio_is_mp3_and_as_long_as_its_words(tmp_path):
    from mutagen.mp3 import MP3

    short, long = "Xin chào bà con.", "Xin chào bà con. " + "Ủy ban nhân dân xã thông báo lịch họp dân. " * 8
    path = tmp_path / "test-audio.mp3"
    lengths = []
    for text in (short, long):
        audio = synthesize(text, Voice())
        assert audio[:3] == b"ID3" or audio[0] == 0xFF  # an MPEG audio frame or its tag
        path.write_bytes(audio)
        info = MP3(path).info
        assert info.channels == 1 and info.sample_rate == 22050
        lengths.append(info.length)
    assert 0.5 < lengths[0] < 4
    assert lengths[1] > lengths[0] * 6
    assert synthesize(short, Voice()) == synthesize(short, Voice())  # deterministic: cached by its text


@needs_programs
def test_every_loudspeaker_disclosure_has_its_recording_script_and_sheet(sample_site):
    from mutagen.mp3 import MP3

    for slug in LOUDSPEAKER_PAGES:
        folder = sample_site / "cong-khai" / "2026" / slug
        page = soup(folder / "index.html")
        section = page.select_one(".ckx-loudspeaker")
        assert section is not None, slug
        sentences = [p.get_text(" ", strip=True) for p in section.select(".ckx-loudspeaker__script p")]
        words = sum(len(s.split()) for s in sentences)
        audio = folder / "bai-doc-loa.mp3"
        seconds = MP3(audio).info.length
        # espeak-ng at 140 words a minute reads Vietnamese syllables (words) at about 2.3 a second; numbers
        # in words add some: the recording is the script, not a fragment or a silence
        assert words / 4 < seconds < words * 2, (slug, words, seconds)
        player = section.select_one("audio")
        assert player["src"].endswith(f"/cong-khai/2026/{slug}/bai-doc-loa.mp3") and player["preload"] == "none"
        assert section.select_one("a[download]")["href"] == player["src"]
        assert len(section.select("time")) == 3  # the three broadcast days
    # a posting that ended in February keeps its script, without a recording or a sheet for broadcasts long over
    ended = sample_site / "cong-khai/2026/du-toan-ngan-sach-2026"
    budget = soup(ended / "index.html").select_one(".ckx-loudspeaker")
    assert "Tổng thu ngân sách xã" in budget.get_text() and "triệu đồng" in budget.get_text()
    said = " ".join(budget.get_text().split())  # the plan, said as a plan: the site cannot know it was read
    assert "Theo kế hoạch, Đài truyền thanh xã Hòa An đọc văn bản này 3 ngày liên tục" in said and "đã đọc" not in said
    assert not budget.select("audio") and not (ended / "bai-doc-loa.mp3").exists()
    assert not (ended / "in" / "bai-doc-loa").exists()
    quiet = sample_site / "cong-khai/2026/ke-hoach-su-dung-dat-2026"
    assert not (quiet / "bai-doc-loa.mp3").exists() and not soup(quiet / "index.html").select(".ckx-loudspeaker")


def test_announcer_sheet_is_in_words_with_a_line_to_sign_each_day(sample_site):
    meeting = sample_site / "cong-khai/2026/hop-dan-thon-phu-son"
    page = soup(meeting / "index.html").select_one(".ckx-loudspeaker")
    link = page.find("a", string=re.compile("In bài đọc"))
    assert link["href"].endswith("/cong-khai/2026/hop-dan-thon-phu-son/in/bai-doc-loa/")
    sheet = soup(meeting / "in" / "bai-doc-loa" / "index.html")
    assert sheet.html["lang"] == "vi" and sheet.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "BÀI ĐỌC TRÊN LOA TRUYỀN THANH" in sheet.h1.get_text()
    days = [row.th.get_text(strip=True) for row in sheet.select(".ckx-announcer__days tbody tr")]
    assert days == ["Thứ Ba, 17/11/2026", "Thứ Tư, 18/11/2026", "Thứ Năm, 19/11/2026"]
    script = sheet.select_one(".ckx-announcer__script").get_text(" ", strip=True)
    assert not re.search(r"\d", script), script
    assert "lúc mười chín giờ" in script


def test_loudspeaker_never_reads_a_household_name(sample_site):
    """The poverty list names households on the board; the loudspeaker reaches every field: counts only."""
    poverty = sample_site / "cong-khai/2026/ra-soat-ho-ngheo-2026"
    names = [cell.get_text(strip=True) for cell in soup(poverty / "index.html").select(".ckx-household-list tbody th")]
    assert names, "the sample's list is posted on the sample's build date"
    heard = soup(poverty / "index.html").select_one(".ckx-loudspeaker").get_text(" ")
    heard += soup(poverty / "in/bai-doc-loa/index.html").select_one("main").get_text(" ")
    assert "Hộ nghèo: 4 hộ, 10 khẩu." in heard or "Hộ nghèo: bốn hộ, mười khẩu." in heard
    for name in names:
        assert name not in heard


def test_announcer_sheet_prints(sample_sheets):
    from pypdf import PdfReader

    pdf = sample_sheets / "2026-hop-dan-thon-phu-son-bai-doc-loa.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "BÀI ĐỌC TRÊN LOA TRUYỀN THANH" in " ".join(text.split())
    assert "mười chín giờ" in " ".join(text.split())


def test_without_the_programs_the_site_builds_with_a_warning(tmp_path):
    """A commune without espeak-ng: the page keeps its script, nothing links a recording that is not there."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        for program in Path(folder).glob("*") if Path(folder).is_dir() else ():
            if program.name not in ("espeak-ng", "lame") and not (bin_dir / program.name).exists():
                (bin_dir / program.name).symlink_to(program)
    env_path = os.environ["PATH"]
    os.environ["PATH"] = str(bin_dir)
    try:
        assert shutil.which("espeak-ng") is None
        result = build(ROOT / "content", tmp_path / "out")
    finally:
        os.environ["PATH"] = env_path
    assert result.returncode == 0, result.stderr
    assert "espeak-ng" in result.stderr and "sudo apt-get install espeak-ng lame" in result.stderr
    folder = tmp_path / "out" / "cong-khai/2026/hop-dan-thon-phu-son"
    assert not (folder / "bai-doc-loa.mp3").exists()
    section = soup(folder / "index.html").select_one(".ckx-loudspeaker")
    assert section.select(".ckx-loudspeaker__script p") and not section.select("audio")


def test_broadcast_settings_are_checked(tmp_path):
    site = copy_site("phuong-nho", tmp_path)
    index = site / "disclosures/2026/thong-bao-tam-ngung-cap-nuoc/index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("to: 31/03/2026", "to: 03/03/2026")
                     .replace("places: [commune-hq, all-villages, website]", "places: [commune-hq, loudspeaker]"),
                     encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 0, result.stdout + result.stderr  # a warning: the notice still goes out
    line = next(line for line in (result.stdout + result.stderr).splitlines() if "niem-yet-ngan-hon-ngay-doc-loa" in line)
    assert "thong-bao-tam-ngung-cap-nuoc/index.md" in line and "CẢNH BÁO" in line and "04/03/2026" in line

    too_few = settings_file(tmp_path, '{"notice": {"broadcast_days": 2}}')
    result = ckx("validate", "--content", str(site), "--settings", str(too_few))
    assert result.returncode == 1 and "broadcast_days" in result.stdout + result.stderr
    assert "ít nhất 03 ngày" in result.stdout + result.stderr

    bad_voice = settings_file(tmp_path, 'CKX_LOUDSPEAKER = {"voice": "en", "zero_ten": "le", "speed": 3}')
    result = ckx("validate", "--content", str(site), "--settings", str(bad_voice))
    said = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in said
    assert all(key in said for key in ("CKX_LOUDSPEAKER['voice']", "CKX_LOUDSPEAKER['zero_ten']", "CKX_LOUDSPEAKER['speed']"))
    assert "vi-vn-x-south" in said and "linh, lẻ" in said
