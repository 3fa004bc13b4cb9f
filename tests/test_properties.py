"""Property tests: every parser an officer's text reaches gives a value or an issue, never an exception.

Hypothesis writes the inputs an officer (or an attacker) might: any Unicode,
digits of every script, separators in every place, half-written YAML.
"""

from __future__ import annotations

import csv
import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plugins.disclosures.yamlsource import NoFrontMatter, YamlSyntaxError, load, split_front_matter
from plugins.privacy.rules import personal_data
from plugins.tables import Column, TableSchema, apply_schema
from plugins.tables.hierarchy import is_of_which, stt_level
from plugins.tables.read import RawTable, Unreadable, decode, read_csv_text, sniff_delimiter
from plugins.vietnamese.format import number
from plugins.vietnamese.parse import ParseError, parse_date, parse_number, parse_time

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NUMBERISH = st.text(alphabet="0123456789.,-+ \u00a0\u2212١٢３eE%đ", max_size=20)
DATEISH = st.text(alphabet="0123456789/-. ", max_size=14)
SCHEMA = TableSchema((Column("STT", "stt", required=False), Column("Nội dung", "noi_dung", not_empty=True),
                      Column("Dự toán", "du_toan", type="number"), Column("Ngày", "ngay", type="date", required=False)))


def value_or_parse_error(parser, text):
    try:
        parser(text)
    except ParseError as exc:
        assert exc.code and exc.message and exc.hint


@SETTINGS
@given(st.one_of(NUMBERISH, st.text(max_size=20)))
def test_numbers_are_read_or_refused(text):
    value_or_parse_error(parse_number, text)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=99))
def test_vietnamese_grouping_reads_back_exactly(whole, cents):
    text = f"{whole:,}".replace(",", ".") + (f",{cents:02d}" if cents else "")
    assert parse_number(text) * 100 == whole * 100 + cents


@SETTINGS
@given(st.one_of(DATEISH, st.text(max_size=14)))
def test_dates_are_read_or_refused(text):
    value_or_parse_error(parse_date, text)


@SETTINGS
@given(st.dates(min_value=dt.date(1000, 1, 1)))  # four-digit years: what officers write
def test_day_first_dates_read_back(day):
    assert parse_date(day.strftime("%d/%m/%Y")) == day


@SETTINGS
@given(st.one_of(st.text(alphabet="0123456789:hH giờphút", max_size=10), st.text(max_size=10)))
def test_times_are_read_or_refused(text):
    value_or_parse_error(parse_time, text)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused_as_a_table(data):
    try:
        table = read_csv_text(decode(data), "bang.csv")
    except (Unreadable, UnicodeDecodeError, csv.Error):
        return
    assert all(number >= 1 for number, _cells in table.rows)


@SETTINGS
@given(st.text(max_size=300))
def test_delimiter_sniffer_always_answers_one_of_three(text):
    assert sniff_delimiter(text) in ("\t", ";", ",")


@SETTINGS
@given(st.lists(st.lists(st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(allow_nan=True)),
                         max_size=6), max_size=8))
def test_header_matching_and_conversion_give_a_table_or_issues(rows):
    raw = RawTable("bang.csv", [(n, cells) for n, cells in enumerate(rows, start=1)])
    table, issues = apply_schema(raw, SCHEMA)
    assert table is not None or issues


@SETTINGS
@given(st.text(max_size=400))
def test_yaml_loader_gives_a_document_or_a_positioned_error(text):
    try:
        document = load(text, max_bytes=100_000)
    except YamlSyntaxError as exc:
        assert exc.line >= 1 and exc.problem and exc.code
        return
    assert document.line(("x",)) >= 1


YAMLISH = st.lists(st.sampled_from(["title: Thông báo", "  - thon-dong", "posting:", "  from: 05/01/2026", "x: 'a: b'",
                                     "- ", "key: &a 1", "y: *a", "<<: {}", "z: !!int 3", "\t- tab", "n: null",
                                     "  places: [a, b]", 'q: "đã \\u00e9"', "code: 01234", "x: ~", "#", "  ", "---"]),
                   max_size=12).map("\n".join)


@SETTINGS
@given(st.one_of(YAMLISH, st.text(max_size=200)))
@example("0\t")  # libyaml read it as "0"; PyYAML refuses the tab
def test_libyaml_fast_path_reads_exactly_what_the_pure_python_loader_reads(text):
    """Front matter goes through libyaml (a third of loading a large commune in pure Python); whatever the
    text, the document (values, lines, duplicate keys) or the error must be the pure-Python loader's."""
    from plugins.disclosures import yamlsource

    def read(fast):
        saved = yamlsource._FastStringLoader
        yamlsource._FastStringLoader = saved if fast else None
        try:
            document = load(text, first_line=2)
            return document.data, document.lines, document.duplicates
        except YamlSyntaxError as exc:
            return exc.code, exc.line, exc.problem
        finally:
            yamlsource._FastStringLoader = saved

    assert yamlsource._FastStringLoader is not None, "PyYAML without libyaml: the fast path is never taken"
    assert read(fast=True) == read(fast=False)


@SETTINGS
@given(st.text(max_size=300))
def test_front_matter_splitter_splits_or_says_there_is_none(text):
    try:
        _yaml, yaml_line, _body, body_line = split_front_matter(text)
    except NoFrontMatter:
        return
    assert yaml_line == 2 and body_line >= 3


@SETTINGS
@given(st.text(max_size=12))
def test_stt_hierarchy_reads_any_label(label):
    assert isinstance(stt_level(label), int)
    assert isinstance(is_of_which(label), bool)


@SETTINGS
@given(st.text(max_size=200))
def test_privacy_scan_reads_any_text(text):
    for finding in personal_data(text):
        assert finding.value and finding.what


@SETTINGS
@given(st.one_of(st.integers(-10**15, 10**15), st.decimals(-10**12, 10**12, allow_nan=False, allow_infinity=False, places=6),
                 st.floats(-1e9, 1e9, allow_nan=False).map(lambda f: round(f, 3))),
       st.sampled_from([None, 0, 1, 2, 3]))
def test_numbers_are_written_as_babel_writes_them_in_vietnamese(value, decimals):
    """The hand-written formatter (Babel's pattern engine was a tenth of a large build) against Babel
    itself, rounding a half away from zero as Excel does; the one difference on purpose: a value that
    rounds to zero is never written "-0"."""
    import decimal

    from babel.numbers import format_decimal

    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):  # Babel rounds in the context's mode
        if decimals is None:
            expected = format_decimal(value, locale="vi", decimal_quantization=False, group_separator=True)
        else:
            expected = format_decimal(value, format="#,##0" + ("." + "0" * decimals if decimals else ""), locale="vi")
    if expected.startswith("-") and not expected.strip("-0,"):
        expected = expected[1:]
    assert number(value, decimals) == expected


_CELLS = st.one_of(st.none(), st.sampled_from(["STT", "Nội dung", "Dự toán năm 2026", "Thực hiện", "Tổng cộng", "Cộng",
                                                "x", "", "1", "A", "(1)", "3=2/1", "Ghi chú:", "Hòa An, ngày 2 tháng 3",
                                                "TM. ỦY BAN NHÂN DÂN", "Đơn vị tính: đồng", "I. Thôn Đông"]),
                   st.integers(-5, 5000), st.floats(0, 1e6, allow_nan=False))


@SETTINGS
@given(st.lists(st.lists(_CELLS, max_size=8), max_size=40),
       st.lists(st.tuples(st.integers(1, 40), st.integers(0, 8), st.integers(0, 3), st.integers(0, 3)), max_size=6))
def test_every_row_of_a_form_is_header_data_or_set_aside_with_a_reason(grid, areas):
    """Nothing is skipped silently: whatever the sheet, each of its rows is in the header, among the data, or
    in a band set aside with its reason; and reading never fails."""
    from plugins.budget.schema import BUDGET_TABLE
    from plugins.tables.form import read_form

    rows = [(line, cells) for line, cells in enumerate(grid, start=1) if any(c not in (None, "") for c in cells)]
    merges = [(row, column, row + down, column + across) for row, column, down, across in areas]
    if not rows:
        return
    form = read_form(rows, merges, lambda text: BUDGET_TABLE.column_for(text) is not None)
    aside = {n for part in form.set_aside for n in range(part.first, part.last + 1)}
    data = {line for line, _ in form.rows}
    header = set(form.header_rows)
    for line, _ in rows:
        assert [line in header, line in data, line in aside].count(True) == 1, line
    assert all(part.why for part in form.set_aside)
