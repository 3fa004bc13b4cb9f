"""Numbers and notices read aloud the way a commune announcer reads them (domain §9)."""

import re

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
