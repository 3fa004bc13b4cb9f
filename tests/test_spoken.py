"""Numbers and notices read aloud the way a commune announcer reads them (domain §9)."""

import re
import shutil
import subprocess

import pytest

from plugins.vietnamese.spoken import Style, integer_words, number_words, spoken


@pytest.mark.parametrize(("number", "words"), [
    (0, "không"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),  # "mốt" only after twenty
    (14, "mười bốn"),  # "tư" only after twenty
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (55, "năm mươi lăm"),
    (100, "một trăm"),
    (101, "một trăm linh một"),  # a zero ten: linh, and no "mốt" after it
    (104, "một trăm linh bốn"),  # nor "tư"
    (105, "một trăm linh năm"),  # nor "lăm"
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (1000, "một nghìn"),
    (1005, "một nghìn không trăm linh năm"),  # a group after the first is read whole
    (1050, "một nghìn không trăm năm mươi"),
    (2026, "hai nghìn không trăm hai mươi sáu"),
    (9105, "chín nghìn một trăm linh năm"),
    (10_000, "mười nghìn"),
    (13_245, "mười ba nghìn hai trăm bốn mươi lăm"),
    (100_000, "một trăm nghìn"),
    (1_000_001, "một triệu không trăm linh một"),  # an empty thousands group is skipped
    (1_200_000, "một triệu hai trăm nghìn"),
    (2_500_000_000, "hai tỷ năm trăm triệu"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_000_000_000_000, "một nghìn tỷ"),
    (-3, "âm ba"),
])
def test_integers(number, words):
    assert integer_words(number) == words


@pytest.mark.parametrize(("written", "words"), [
    ("9.105,5", "chín nghìn một trăm linh năm phẩy năm"),
    ("99,98", "chín mươi chín phẩy chín mươi tám"),
    ("0,05", "không phẩy không năm"),  # a leading zero of the decimals is read
    ("12,5", "mười hai phẩy năm"),
    ("3,14159", "ba phẩy một bốn một năm chín"),  # more than two decimals: digit by digit
    ("1.234.567", "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"),
    ("0203", "không hai không ba"),  # a leading zero: a phone number, digit by digit
])
def test_written_numbers(written, words):
    assert number_words(written) == words


def test_regional_styles():
    south = Style(zero_ten="lẻ", four="bốn", thousand="ngàn")
    assert integer_words(105, south) == "một trăm lẻ năm"
    assert integer_words(24, south) == "hai mươi bốn"
    assert integer_words(2024, south) == "hai ngàn không trăm hai mươi bốn"


@pytest.mark.parametrize(("text", "said"), [
    ("Tổng thu 9.105,5 triệu đồng.", "Tổng thu chín nghìn một trăm linh năm phẩy năm triệu đồng."),
    ("13.245 hồ sơ, 99,98% đúng hạn", "mười ba nghìn hai trăm bốn mươi lăm hồ sơ, chín mươi chín phẩy chín mươi tám "
                                      "phần trăm đúng hạn"),
    ("diện tích 12,05 ha", "diện tích mười hai phẩy không năm héc-ta"),
    ("150 m2 đất ở", "một trăm năm mươi mét vuông đất ở"),
    ("mức 2.200.000 đồng/tháng", "mức hai triệu hai trăm nghìn đồng một tháng"),
    ("Ngày 05/01/2026", "Ngày mồng năm tháng một năm hai nghìn không trăm hai mươi sáu"),
    ("từ ngày 22/4/2026 đến hết ngày 28/4/2026", "từ ngày hai mươi hai tháng tư năm hai nghìn không trăm hai mươi sáu "
                                                 "đến hết ngày hai mươi tám tháng tư năm hai nghìn không trăm hai mươi sáu"),
    ("ngày 14 tháng 4 năm 2026", "ngày mười bốn tháng tư năm hai nghìn không trăm hai mươi sáu"),
    ("Nghị định 30/2020/NĐ-CP", "Nghị định số ba mươi năm hai nghìn không trăm hai mươi của Chính phủ"),
    ("Quyết định số 24/2021/QĐ-TTg", "Quyết định số hai mươi tư năm hai nghìn không trăm hai mươi mốt của Thủ tướng "
                                     "Chính phủ"),
    ("Luật 10/2022/QH15", "Luật số mười năm hai nghìn không trăm hai mươi hai của Quốc hội"),
    ("Thông báo số 15/TB-UBND", "Thông báo số mười lăm của Ủy ban nhân dân"),
    ("Từ 07:30-11:30", "Từ bảy giờ ba mươi đến mười một giờ ba mươi"),
    ("lúc 8h sáng và 14h30", "lúc tám giờ sáng và mười bốn giờ ba mươi"),
    ("gọi 0203 3852 123", "gọi không hai không ba, ba tám năm hai, một hai ba"),
    ("giai đoạn 2021-2025", "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
    ("UBND xã, MTTQVN và HĐND", "Ủy ban nhân dân xã, Mặt trận Tổ quốc Việt Nam và Hội đồng nhân dân"),
    ("Số TTHC của NSNN", "Số thủ tục hành chính của ngân sách nhà nước"),
    ("Kiểm tra lại 12.", "Kiểm tra lại mười hai."),  # a full stop is not a thousands dot
    ("hà nội có ha", "hà nội có ha"),  # "ha" is a unit only after a number
    ("TH/DT", "TH trên DT"),
    # what notices write every day (periods, sections, document numbers, months of a year, ranges, first days)
    ("Kết quả quý III năm 2026", "Kết quả quý ba năm hai nghìn không trăm hai mươi sáu"),
    ("báo cáo quý IV", "báo cáo quý bốn"),
    ("quý I và quý II", "quý một và quý hai"),
    ("Mục II, Phần I, Điều 3", "Mục hai, Phần một, Điều ba"),
    ("Số 05/QĐ-UBND", "Quyết định số năm của Ủy ban nhân dân"),
    ("Công văn số 1234/UBND-VP", "Công văn số một nghìn hai trăm ba mươi tư của Văn phòng Ủy ban nhân dân"),
    ("căn cứ 30/2020/NĐ-CP", "căn cứ Nghị định số ba mươi năm hai nghìn không trăm hai mươi của Chính phủ"),
    ("theo 343/2016/TT-BTC", "theo Thông tư số ba trăm bốn mươi ba năm hai nghìn không trăm mười sáu của Bộ Tài chính"),
    ("Quyết định 24/2021/QĐ-TTg", "Quyết định số hai mươi tư năm hai nghìn không trăm hai mươi mốt của Thủ tướng "
                                  "Chính phủ"),
    ("kèm theo 15/TB-UBND", "kèm theo Thông báo số mười lăm của Ủy ban nhân dân"),
    ("số liệu tháng 9/2026", "số liệu tháng chín năm hai nghìn không trăm hai mươi sáu"),
    ("năm học 2025-2026", "năm học hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm hai mươi sáu"),
    ("năm 2025-2026", "năm hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm hai mươi sáu"),
    ("ngày 1 tháng 10", "ngày mồng một tháng mười"),
    ("ngày 10/10/2026", "ngày mồng mười tháng mười năm hai nghìn không trăm hai mươi sáu"),
    ("ngày 11/10/2026", "ngày mười một tháng mười năm hai nghìn không trăm hai mươi sáu"),
    # a day and month without a year, periods of a year, the decree's zero-padded counts
    ("trước ngày 15/12", "trước ngày mười lăm tháng mười hai"),
    ("ngày 2/9", "ngày mồng hai tháng chín"),
    ("ngày 01/02", "ngày mồng một tháng hai"),
    ("ngày 31/12", "ngày ba mươi mốt tháng mười hai"),
    ("khoảng 10/12 thôn", "khoảng mười trên mười hai thôn"),  # not a date without "ngày"
    ("số liệu quý 3/2026", "số liệu quý ba năm hai nghìn không trăm hai mươi sáu"),
    ("niêm yết 05 ngày", "niêm yết năm ngày"),
    ("trong 07 ngày làm việc", "trong bảy ngày làm việc"),
    ("thời hạn 03 tháng", "thời hạn ba tháng"),
    ("từ ngày 01/7/2026", "từ ngày mồng một tháng bảy năm hai nghìn không trăm hai mươi sáu"),
    # councils, congresses, annexes, terms
    ("HĐND xã khóa XX", "Hội đồng nhân dân xã khóa hai mươi"),
    ("Đại hội XIII của Đảng", "Đại hội mười ba của Đảng"),
    ("Phụ lục I kèm theo", "Phụ lục một kèm theo"),
    ("kỳ II năm 2026", "kỳ hai năm hai nghìn không trăm hai mươi sáu"),
    ("Chương IV", "Chương bốn"),
    # document numbers as a header writes them, and their types
    ("Số: 12/TB-UBND", "Thông báo số mười hai của Ủy ban nhân dân"),
    ("Nghị quyết số 18/NQ-HĐND", "Nghị quyết số mười tám của Hội đồng nhân dân"),
    ("Kế hoạch số 45/KH-UBND", "Kế hoạch số bốn mươi lăm của Ủy ban nhân dân"),
    ("Tờ trình 07/TTr-UBND", "Tờ trình số bảy của Ủy ban nhân dân"),
    ("Báo cáo số 03/BC-UBND", "Báo cáo số ba của Ủy ban nhân dân"),
    # bodies, units and amounts
    ("UBMTTQ xã và UBMTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc xã và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("mức 1.000.000 VNĐ", "mức một triệu đồng"),
    ("hỗ trợ 2.000.000đ", "hỗ trợ hai triệu đồng"),
    ("dài 5 km, rộng 3,5 m", "dài năm ki-lô-mét, rộng ba phẩy năm mét"),
    ("3.000 m2 đất", "ba nghìn mét vuông đất"),
    ("0,5 ha", "không phẩy năm héc-ta"),
    ("điện thoại 0236.3861.234", "điện thoại không hai ba sáu, ba tám sáu một, hai ba bốn"),
    ("hộ nghèo: 87 hộ; 181 khẩu", "hộ nghèo: tám mươi bảy hộ; một trăm tám mươi mốt khẩu"),
    ("từ 13h00 đến 17h00", "từ mười ba giờ đến mười bảy giờ"),
    ("Thứ 2 và thứ 5 hằng tuần", "Thứ hai và thứ năm hằng tuần"),
    ("kỳ họp thứ 10", "kỳ họp thứ mười"),
    ("khoản 3 Điều 13", "khoản ba Điều mười ba"),
    ("BHYT, BHXH và CCCD", "bảo hiểm y tế, bảo hiểm xã hội và căn cước công dân"),
    ("TDP 4 và Thôn 2", "tổ dân phố bốn và Thôn hai"),
])
def test_sentences(text, said):
    """Each sentence starts with a capital, as the announcer's sheet prints it."""
    assert spoken(text) == said[:1].upper() + said[1:]


def test_espeak_reads_no_letter_of_a_quarterly_report_one_by_one():
    """Roman numerals after "quý" were read as letters ("i i i", "i vê"): no Latin capital is left standing alone."""
    sentence = spoken("Kết quả giải quyết thủ tục hành chính quý III và quý IV năm 2026 theo 61/2018/NĐ-CP.")
    assert not re.search(r"\b[IVX]+\b", sentence) and not any(ch.isdigit() for ch in sentence)


def test_no_digit_survives_a_notice():
    notice = ("Thông báo số 15/TB-UBND ngày 05/01/2026 về dự toán 9.105,5 triệu đồng, niêm yết từ 05/01/2026 đến "
              "04/02/2026; góp ý gọi 0203 3852 123 từ 7h30-11h30.")
    assert not any(ch.isdigit() for ch in spoken(notice))


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng reads the scripts aloud (make install installs it)")
def test_espeak_reads_the_quarterly_reports_script_without_spelling_a_letter(sample_site):
    """The announcer's sheet of the quarterly one-stop desk report, as espeak-ng would voice it (`-x` prints its
    phonemes): no switch to English (how it voices "UBND"), no capital left to spell ("III", "TH")."""
    from bs4 import BeautifulSoup

    page = sample_site / "cong-khai/2026/ket-qua-tthc-quy-3-2026/in/bai-doc-loa/index.html"
    script = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".ckx-announcer__script")
    text = script.get_text(" ", strip=True)
    assert "quý ba năm hai nghìn không trăm hai mươi sáu" in text
    phonemes = subprocess.run(["espeak-ng", "-v", "vi", "-q", "-x", text], capture_output=True, text=True, check=True).stdout
    assert phonemes.strip() and "(en)" not in phonemes
    assert not re.findall(r"\b[A-ZĐ]{2,}\b|\b[IVX]+\b", text)
    assert not re.search(r"\b(\w)\W+\1\W+\1\b", phonemes), "a letter read three times over, as 'i i i'"
