"""Reading and writing numbers, dates and text the Vietnamese way."""

import datetime as dt
from decimal import Decimal

import pytest

from plugins.vietnamese.format import document_date, file_size, number, short_date
from plugins.vietnamese.parse import ParseError, parse_date, parse_number, parse_time
from plugins.vietnamese.text import fold, nfc, slugify


@pytest.mark.parametrize(("text", "expected"), [
    ("1.234.567,5", Decimal("1234567.5")),
    ("1234567.5", Decimal("1234567.5")),  # Excel's plain value
    ("1234567", Decimal("1234567")),
    ("575,03", Decimal("575.03")),
    ("0,18", Decimal("0.18")),
    ("0,180", Decimal("0.180")),
    ("1.234", Decimal("1234")),  # the dot groups thousands in a Vietnamese column
    ("250.000", Decimal("250000")),
    ("1.500.050,30", Decimal("1500050.30")),
    ("-2.000", Decimal("-2000")),
    ("1 234 567", Decimal("1234567")),
    ("\u00a01.000.000\u00a0", Decimal("1000000")),
    ("", None),
    ("-", Decimal(0)),  # an accountant's zero, in its three dashes
    ("–", Decimal(0)),
    ("—", Decimal(0)),
    (1234567.5, Decimal("1234567.5")),
    (42, Decimal("42")),
])
def test_numbers_read_as_officers_write_them(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["12.5", "60.4", "0.5", "1.23", "12.50", "123.4567", "1,250", "1,234", "999,000"])
def test_numbers_with_two_readings_are_refused_not_guessed(text):
    """"12.5" (English decimal or Vietnamese 125?) and "1,250" (Vietnamese 1,25 or English 1250?) alike."""
    with pytest.raises(ParseError) as caught:
        parse_number(text)
    assert caught.value.code == "so-mo-ho"


def test_a_file_whose_decimals_are_commas_settles_1_250():
    """A ";" CSV is written by Vietnamese-locale Excel, whose decimal mark is the comma."""
    assert parse_number("1,250", decimal_comma=True) == Decimal("1.250")
    assert parse_number("1.250", decimal_comma=True) == Decimal("1250")


@pytest.mark.parametrize("text", ["abc", "12,5,6", "1.2.3", "12%", "1.23.456"])
def test_text_that_is_no_number_is_refused(text):
    with pytest.raises(ParseError) as caught:
        parse_number(text)
    assert caught.value.code == "so-khong-hop-le"


@pytest.mark.parametrize(("text", "expected"), [
    ("05/01/2026", dt.date(2026, 1, 5)),
    ("5/1/2026", dt.date(2026, 1, 5)),
    ("05-01-2026", dt.date(2026, 1, 5)),
    ("05.01.2026", dt.date(2026, 1, 5)),
    ("2026-01-05", dt.date(2026, 1, 5)),
    ("31/12/2026", dt.date(2026, 12, 31)),
    (dt.datetime(2026, 1, 5, 0, 0), dt.date(2026, 1, 5)),
])
def test_dates_are_day_first_or_iso(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2026-02-31", "31/02/2026", "12/31/2026", "2026/01/05", "ngày 5 tháng 1", "29/02/2026"])
def test_impossible_or_month_first_dates_are_refused(text):
    with pytest.raises(ParseError) as caught:
        parse_date(text)
    assert caught.value.code == "ngay-khong-hop-le"


@pytest.mark.parametrize(("text", "expected"), [
    ("07:30", dt.time(7, 30)), ("7h30", dt.time(7, 30)), ("13h", dt.time(13, 0)), ("7 giờ 30", dt.time(7, 30)),
])
def test_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "7h75", "sáng"])
def test_bad_times_are_refused(text):
    with pytest.raises(ParseError):
        parse_time(text)


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("1234567.5"), "1.234.567,5"),
    (Decimal("1500050.30"), "1.500.050,3"),
    (1000, "1.000"),
    (None, "—"),
])
def test_numbers_are_written_with_vietnamese_separators(value, expected):
    assert number(value) == expected


def test_fixed_decimals_for_areas():
    assert number(Decimal("575.03"), decimals=2) == "575,03"
    assert number(Decimal("0.1"), decimals=2) == "0,10"


@pytest.mark.parametrize(("date", "expected"), [
    (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
    (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
    (dt.date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
    (dt.date(2026, 12, 15), "ngày 15 tháng 12 năm 2026"),
])
def test_document_dates_follow_decree_30(date, expected):
    assert document_date(date) == expected


def test_short_dates_and_sizes():
    assert short_date(dt.date(2026, 1, 5)) == "05/01/2026"
    assert file_size(660) == "660 byte"
    assert file_size(1_300_000) == "1,2 MB"


@pytest.mark.parametrize(("text", "expected"), [
    ("Họ và tên chủ hộ", "ho va ten chu ho"),
    ("HỌ VÀ TÊN  CHỦ HỘ", "ho va ten chu ho"),
    ("Diện tích (ha)", "dien tich ha"),
    ("Đồng Tâm", "dong tam"),
    ("đường", "duong"),
])
def test_folding_ignores_case_spacing_marks_and_d_stroke(text, expected):
    assert fold(text) == expected


def test_windows_1258_combining_marks_compose():
    decomposed = "Ho\u0300a An"  # how cp1258 decodes "Hòa An"
    assert nfc(decomposed) == "Hòa An"
    assert slugify("Thôn Đồng Bến") == "thon-dong-ben"


@pytest.mark.parametrize(("value", "decimals", "written"), [
    ("0.625", 2, "0,63"), ("71.85", 1, "71,9"), ("71.75", 1, "71,8"), ("2.5", 0, "3"), ("-0.125", 2, "-0,13")])
def test_a_half_rounds_away_from_zero_as_excel_rounds(value, decimals, written):
    """Python and Babel round a half to even (0,625 -> 0,62); the officer's sheet shows 0,63."""
    from decimal import Decimal

    from plugins.vietnamese.format import number

    assert number(Decimal(value), decimals) == written
