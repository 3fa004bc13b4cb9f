"""A workbook read as Excel shows it to the officer who made it (plugins/tables/read.py): the saved value of
each formula (or a refusal naming the cells when none was saved), the 15 digits Excel keeps, hidden rows,
columns and sheets left out and named, never chosen as a figure, never published."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from plugins.issues import INFO
from plugins.tables import apply_schema, read_table
from tests.conftest import FIXTURES, build, ckx
from tests.test_tables import SCHEMA

HEADER = ["STT", "Nội dung", "Dự toán năm", "Ghi chú"]


def workbook(tmp_path, rows, edit=None, name="bang.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.title = "Thu"
    for row in rows:
        sheet.append(row)
    if edit:
        edit(book)
    path = tmp_path / name
    book.save(path)
    return path


def test_a_formula_never_computed_is_refused_naming_its_cells(tmp_path):
    path = workbook(tmp_path, [HEADER, ["", "Tổng thu", "=SUM(C3:C4)", ""], ["1", "Phí", 100, ""], ["2", "Lệ phí", 50, ""]])
    raw, issues = read_table(path, "bang.xlsx")
    assert raw is None and [(i.code, i.is_error) for i in issues] == [("cong-thuc-chua-co-gia-tri", True)]
    assert "C2" in issues[0].message and "lưu" in issues[0].hint.lower()


def test_float_leftovers_read_as_excel_shows_them(tmp_path):
    path = workbook(tmp_path, [HEADER, ["1", "Phí", 218.20000000000002, ""], ["2", "Lệ phí", 0.12999999999999998, ""]])
    raw, _ = read_table(path, "bang.xlsx")
    table, _ = apply_schema(raw, SCHEMA)
    assert [row.values["du_toan"] for row in table.rows] == [Decimal("218.2"), Decimal("0.13")]


def hide(book):
    sheet = book.active
    sheet.column_dimensions["E"].hidden = True
    sheet.row_dimensions[4].hidden = True
    secret = book.create_sheet("Nháp", 0)  # a hidden draft sheet first: the table is the first visible one
    secret.append(HEADER)
    secret.append(["1", "Dự toán cũ 777.777", 777777, ""])
    secret.sheet_state = "hidden"


ROWS_WITH_HIDDEN = [[*HEADER, "Dự toán năm (nháp)"], ["1", "Phí", 150, "", 200], ["2", "Lệ phí", 50, "", 999],
                    ["3", "Khoản nháp 424.242", 424242, "", 424242]]


def test_hidden_rows_columns_and_sheets_are_left_out_and_named(tmp_path):
    raw, issues = read_table(workbook(tmp_path, ROWS_WITH_HIDDEN, hide), "bang.xlsx")
    assert raw.sheet == "Thu"
    notes = [i.message for i in issues if i.code == "phan-an-khong-dang" and i.severity is INFO]
    assert len(notes) == 2 and "dòng 4" in notes[0] and "cột E" in notes[1]
    table, table_issues = apply_schema(raw, SCHEMA)
    assert [i.code for i in table_issues if i.is_error] == []
    assert [row.values["du_toan"] for row in table.rows] == [Decimal(150), Decimal(50)]  # the visible figure


def test_a_declared_hidden_sheet_is_refused(tmp_path):
    raw, issues = read_table(workbook(tmp_path, ROWS_WITH_HIDDEN, hide), "bang.xlsx", sheet="Nháp")
    assert raw is None and "đang bị ẩn" in issues[0].message


def test_nothing_hidden_reaches_any_published_file(tmp_path):
    """The whole output, every page, sheet, download and open-data file, holds none of the hidden values."""
    site = tmp_path / "content"
    shutil.copytree(FIXTURES / "sites" / "xa-ngan-sach", site)
    bundle = site / "disclosures/2026/du-toan-2026"
    (bundle / "thu.csv").unlink()
    rows = [["TT", "Nội dung", "Dự toán năm", "Ghi chú", "Dự toán (nháp)"], ["", "TỔNG THU NGÂN SÁCH XÃ", 200, "", 888],
            ["1", "Phí, lệ phí", 150, "", 616161], ["3", "Khoản 424242", 424242, "", 1], ["2", "Lệ phí trước bạ", 50, "", 0]]
    workbook(bundle, rows, hide, name="thu.xlsx")
    index = bundle / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("thu.csv", "thu.xlsx"), encoding="utf-8")
    result = build(site, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    assert "[phan-an-khong-dang]" in result.stderr
    published = [p for p in (tmp_path / "output").rglob("*")  # the editor's and the search's own code aside
                 if p.is_file() and not {"pagefind", "admin"} & set(p.parts)]
    assert any(p.name.endswith(".csv") for p in published)
    for path in published:
        data = path.read_bytes()
        for hidden in (b"616161", b"424242", b"424.242", b"616.161", b"777777", "Dự toán cũ".encode()):
            assert hidden not in data, (path, hidden)


class RawXml(str):
    """A cell of `ods_bytes` written as it is (a formula)."""


def ods_bytes(rows=(("STT", "Nội dung", "Dự toán năm"), (None, "TỔNG", 150), ("1", "Phí", 100.5),
                    ("2", "Khác", 49.5)), hidden_rows: dict[int, str] | None = None, columns: str = "",
              after: str = "") -> bytes:
    """A LibreOffice sheet as it saves one: the mimetype first and stored, the table in content.xml. `hidden_rows`:
    row index -> its visibility ("collapse", hidden; "filter", filtered out); `columns`, the column elements;
    `after`, rows written after the table's."""
    import io
    import zipfile

    def cell(value):
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, RawXml):
            return value
        if isinstance(value, tuple):  # (value, the text LibreOffice showed, its value type)
            number, text, kind = (*value, "float")[:3]
            return (f'<table:table-cell office:value-type="{kind}" office:value="{number}"><text:p>{text}</text:p>'
                    "</table:table-cell>")
        if isinstance(value, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    def row_start(index):
        visibility = (hidden_rows or {}).get(index)
        return f'<table:table-row table:visibility="{visibility}">' if visibility else "<table:table-row>"
    body = columns + "".join(row_start(i) + "".join(map(cell, row)) + "</table:table-row>"
                             for i, row in enumerate(rows)) + after
    office = "urn:oasis:names:tc:opendocument:xmlns"
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}:office:1.0" '
               f'xmlns:table="{office}:table:1.0" xmlns:text="{office}:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Thu">{body}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                         'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="'
                         'application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>', zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_an_old_excel_file_reads_like_excel(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Thu")
    for r, row in enumerate([["STT", "Nội dung", "Dự toán năm"], ["", "TỔNG", 150], ["1", "Phí", 100.5],
                             ["2", "Khác", 49.5]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(tmp_path / "bang.xls"))
    raw, issues = read_table(tmp_path / "bang.xls", "bang.xls")
    table, more = apply_schema(raw, SCHEMA)
    assert issues == [] and [i for i in more if i.is_error] == []
    assert [(r.values["noi_dung"], r.values["du_toan"]) for r in table.rows] == [("Phí", Decimal("100.5")),
                                                                                 ("Khác", Decimal("49.5"))]
    (tmp_path / "bang.xls").rename(tmp_path / "cu.xlsx")  # the same file under a new name: named for what it is
    raw, issues = read_table(tmp_path / "cu.xlsx", "cu.xlsx")
    assert raw is None and "thật ra là bảng Excel kiểu cũ (.xls" in issues[0].message


def test_a_libreoffice_sheet_reads_like_excel(tmp_path):
    (tmp_path / "bang.ods").write_bytes(ods_bytes())
    raw, issues = read_table(tmp_path / "bang.ods", "bang.ods")
    table, more = apply_schema(raw, SCHEMA)
    assert issues == [] and [i for i in more if i.is_error] == []
    assert [(r.values["noi_dung"], r.values["du_toan"]) for r in table.rows] == [("Phí", Decimal("100.5")),
                                                                                 ("Khác", Decimal("49.5"))]
    assert [t.values["du_toan"] for t in table.totals] == [Decimal(150)]  # "TỔNG": the total line, as in Excel


def test_an_old_excel_file_shows_what_excel_shows(tmp_path):
    """Decimals as the number format shows them, an error cell as its text, hidden rows, columns and sheets
    left out and named, as for an .xlsx."""
    import xlwt

    book = xlwt.Workbook()
    draft = book.add_sheet("Nháp")
    draft.write(0, 0, "Khoản nháp 515151")
    draft.visibility = 1  # hidden
    sheet = book.add_sheet("Thu")
    two_places = xlwt.easyxf(num_format_str="#,##0.00")
    for r, row in enumerate([[*HEADER, "Dự toán (nháp)"], ["1", "Phí", 100.456, "", 616161], ["2", "Khác", 49.5, "", 0],
                             ["3", "Khoản nháp", 424242, "", 1]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value, two_places if isinstance(value, float) else xlwt.Style.default_style)
    sheet.row(3).hidden = True
    sheet.col(4).hidden = True
    book.save(str(tmp_path / "bang.xls"))
    raw, issues = read_table(tmp_path / "bang.xls", "bang.xls")
    assert raw.sheet == "Thu"  # the first sheet the officer sees
    notes = [i.message for i in issues if i.code == "phan-an-khong-dang" and i.severity is INFO]
    assert len(notes) == 2 and "dòng 4" in notes[0] and "cột E" in notes[1]
    table, more = apply_schema(raw, SCHEMA)
    assert [i for i in more if i.is_error] == []
    assert [(r.values["noi_dung"], r.values["du_toan"]) for r in table.rows] == [("Phí", Decimal("100.46")),
                                                                                 ("Khác", Decimal("49.50"))]
    assert all(616161 not in cells for _number, cells in raw.rows)
    raw, issues = read_table(tmp_path / "bang.xls", "bang.xls", sheet="Nháp")
    assert raw is None and "đang bị ẩn" in issues[0].message


def test_an_error_cell_of_an_old_excel_file_is_never_read_as_a_number(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Thu")
    for c, value in enumerate(HEADER[:3]):
        sheet.write(0, c, value)
    sheet.write(1, 0, "1")
    sheet.write(1, 1, "Phí")
    sheet.row(1).set_cell_error(2, "#DIV/0!")  # Excel shows #DIV/0!; its code, 7, is no figure
    book.save(str(tmp_path / "bang.xls"))
    raw, read_issues = read_table(tmp_path / "bang.xls", "bang.xls")
    assert read_issues == [] and raw.rows[1][1][2] == "#DIV/0!"
    _table, more = apply_schema(raw, SCHEMA)
    assert [i.line for i in more if i.is_error] == [2]


def test_a_libreoffice_sheet_leaves_out_what_libreoffice_hides(tmp_path):
    """Hidden and filtered-out rows, a hidden column (after four shown ones, written as one repeated element),
    empty rows above written as one, and an endless run of hidden empty rows at the bottom, as LibreOffice
    saves them."""
    rows = (("STT", "Nội dung", "Dự toán năm", "Ghi chú", "Nháp"), ("1", "Phí", 100.5, None, 616161),
            ("2", "Ẩn", 424242, None, None), ("3", "Lọc", 515151, None, None), ("4", "Khác", 49.5, None, None))
    data = ods_bytes(rows, hidden_rows={2: "collapse", 3: "filter"},
                     columns='<table:table-column table:number-columns-repeated="4"/>'
                             '<table:table-column table:visibility="collapse"/><table:table-column/>'
                             '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>',
                     after='<table:table-row table:number-rows-repeated="1048570" table:visibility="collapse">'
                           '<table:table-cell/></table:table-row>')
    (tmp_path / "bang.ods").write_bytes(data)
    raw, issues = read_table(tmp_path / "bang.ods", "bang.ods")
    notes = [i.message for i in issues if i.code == "phan-an-khong-dang" and i.severity is INFO]
    assert len(notes) == 2 and "dòng 5, 6" in notes[0] and "cột E" in notes[1]  # two empty rows above the header
    table, more = apply_schema(raw, SCHEMA)
    assert [i for i in more if i.is_error] == []
    assert [(r.values["noi_dung"], r.values["du_toan"]) for r in table.rows] == [("Phí", Decimal("100.5")),
                                                                                 ("Khác", Decimal("49.5"))]
    assert all(616161 not in cells for _number, cells in raw.rows)


def test_a_libreoffice_sheet_gives_each_number_as_it_was_shown(tmp_path):
    """The file keeps each cell's value and the text LibreOffice showed: the figure is the value rounded to the
    decimals of that text, whatever its separators (Vietnamese, English, a currency), a percentage as shown, a
    figure shown in millions in millions."""
    rows = (("STT", "Nội dung", "Dự toán năm"), ("1", "Phí", (1234567.891, "1.234.567,89")),
            ("2", "Lệ phí", (0.333333333333, "0,33")), ("3", "Tỷ lệ", (0.973, "97,3%", "percentage")),
            ("4", "Thu khác", (-1234.5, "-1,234.50 ₫", "currency")), ("5", "Đất", (12.0, "12")),
            ("6", "Triệu đồng", (1234567890, "1.234,6 tr")))
    (tmp_path / "bang.ods").write_bytes(ods_bytes(rows))
    raw, issues = read_table(tmp_path / "bang.ods", "bang.ods")
    assert issues == []
    assert [cells[2] for _number, cells in raw.rows[1:]] == [Decimal("1234567.89"), Decimal("0.33"), Decimal("97.3"),
                                                             Decimal("-1234.50"), Decimal("12"), Decimal("1234.6")]


def test_a_libreoffice_number_shown_as_no_rounding_of_its_value_is_refused(tmp_path):
    """Shown as a fraction, or with a unit that has a digit: which figure the officer saw cannot be told from
    the value, so the table is refused, the cells named, never published as the value."""
    rows = (("STT", "Nội dung", "Dự toán năm"), ("1", "Phí", (1234.5, "1234 1/2")), ("2", "Lệ phí", (12.5, "12,5 m2")),
            ("3", "Khác", (49.5, "49,5")))
    (tmp_path / "bang.ods").write_bytes(ods_bytes(rows))
    raw, issues = read_table(tmp_path / "bang.ods", "bang.ods")
    assert raw is None and [i.code for i in issues] == ["so-hien-khac-gia-tri"]
    assert "các ô C2, C3 hiện ra một số khác" in issues[0].message and issues[0].is_error


def test_a_libreoffice_formula_with_no_saved_value_is_refused_and_one_with_its_value_is_read(tmp_path):
    """LibreOffice saves each formula's result beside it; a file written by a program that never computed it
    holds the formula alone, which calamine reads as an empty cell: a total shown as "—" without a word. As for
    an .xlsx, the table is refused with the cells named."""
    total = '<table:table-cell table:formula="of:=SUM([.C3:.C4])"{value}</table:table-cell>'
    saved = total.format(value=' office:value-type="float" office:value="150"><text:p>150</text:p>')
    unsaved = total.format(value=">")
    for cell, refused in ((saved, False), (unsaved, True)):
        rows = (("STT", "Nội dung", "Dự toán năm"), (None, "TỔNG", RawXml(cell)), ("1", "Phí", 100.5),
                ("2", "Khác", 49.5))
        (tmp_path / "bang.ods").write_bytes(ods_bytes(rows))
        raw, issues = read_table(tmp_path / "bang.ods", "bang.ods")
        if refused:
            assert raw is None and [i.code for i in issues] == ["cong-thuc-chua-co-gia-tri"]
            assert "các ô C2 có công thức" in issues[0].message
        else:
            assert issues == [] and raw.rows[1][1][2] == Decimal("150")


def test_a_damaged_libreoffice_file_is_named_in_vietnamese(tmp_path):
    data = bytearray(ods_bytes())
    data[-200:] = b"\0" * 200  # the archive's directory gone
    (tmp_path / "hong.ods").write_bytes(bytes(data))
    raw, issues = read_table(tmp_path / "hong.ods", "hong.ods")
    assert raw is None and issues[0].code == "tep-khong-doc-duoc"
    assert issues[0].message.startswith("không mở được tệp .ods: tệp hỏng, hoặc không phải bảng LibreOffice")


def repeated_numbers(rows: int, columns: int) -> str:
    """A few bytes of content.xml that LibreOffice reads as `rows` x `columns` cells holding 1."""
    return (f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated='
            f'"{columns}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
            "</table:table-row>")


@pytest.mark.parametrize("rows, columns", [(100_000, 100), (3_000_000, 1), (1, 5_000)])
def test_a_libreoffice_sheet_of_repeated_cells_is_refused_before_it_is_built(tmp_path, monkeypatch, rows, columns):
    """Calamine builds every cell of every sheet as it opens a file (1 KB repeating a number over 100,000 rows and
    100 columns took 27 s and 2.2 GB): how far the repeats reach is read from the XML first, and a sheet past the
    bounds is refused without calamine ever opening it, for `make import` listing the sheets too."""
    import python_calamine

    from plugins.disclosures.files import DEFAULT_LIMITS
    from plugins.tables.read import sheet_names

    def never(*_args):
        raise AssertionError("calamine opened the file")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", never)
    (tmp_path / "bang.ods").write_bytes(ods_bytes(after=repeated_numbers(rows, columns)))
    raw, issues = read_table(tmp_path / "bang.ods", "bang.ods", limits=DEFAULT_LIMITS)
    assert raw is None and [i.code for i in issues] == ["tep-qua-lon"]
    assert sheet_names(tmp_path / "bang.ods", DEFAULT_LIMITS) == [None]


def test_a_libreoffice_file_that_unpacks_past_the_limit_is_refused_unread(tmp_path):
    from dataclasses import replace

    from plugins.disclosures.files import DEFAULT_LIMITS

    (tmp_path / "bang.ods").write_bytes(ods_bytes(after="<table:table-row/>" * 50_000))
    raw, issues = read_table(tmp_path / "bang.ods", "bang.ods", limits=replace(DEFAULT_LIMITS, xlsx_unpacked_bytes=100_000))
    assert raw is None and issues[0].code == "tep-qua-lon" and "giải nén" in issues[0].message


@pytest.mark.parametrize(("name", "data", "said"), [
    ("bang.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "thật ra là bảng Excel kiểu cũ (.xls"),
    ("bang.xlsx", ods_bytes(), "thật ra là bảng LibreOffice/OpenOffice (.ods)"),
    ("bang.csv", ods_bytes(), "thật ra là bảng LibreOffice/OpenOffice (.ods)"),
])
def test_a_file_is_named_for_what_it_is(tmp_path, name, data, said):
    (tmp_path / name).write_bytes(data)
    raw, issues = read_table(tmp_path / name, name)
    assert raw is None and said in issues[0].message and "BadZipFile" not in issues[0].message


def test_officers_habits_in_number_columns(tmp_path):
    """A dash is the accountant's zero, even in a column every row must fill; "97,3%" reads in a comparison."""
    from plugins.tables import Column, TableSchema

    schema = TableSchema(columns=(Column("Nội dung", "noi_dung"), Column("Thực hiện", "th", type="number", not_empty=True),
                                  Column("So sánh (%)", "ss", type="number", required=False, percent=True)))
    path = tmp_path / "bang.csv"
    path.write_text("Nội dung;Thực hiện;So sánh (%)\nPhí;-;97,3%\nLệ phí;–;—\n", encoding="utf-8")
    raw, _ = read_table(path, "bang.csv")
    table, issues = apply_schema(raw, schema)
    assert [i.code for i in issues if i.is_error] == []
    assert [(r.values["th"], r.values["ss"]) for r in table.rows] == [(0, Decimal("97.3")), (0, 0)]


def test_a_list_without_a_village_column_says_so_once(tmp_path):
    from tests.conftest import copy_site

    site = copy_site("xa-ho-ngheo", tmp_path)
    table = next(site.glob("disclosures/*/*/danh-sach.txt"))  # the list copied from Word: UTF-16, tabs
    lines = table.read_text(encoding="utf-16").splitlines()
    column = next(i for i, h in enumerate(lines[0].split("\t")) if h.strip().lower().startswith("thôn"))
    table.write_text("\n".join("\t".join(c for i, c in enumerate(line.split("\t")) if i != column) for line in lines)
                     + "\n", encoding="utf-16")
    result = ckx("validate", "--content", str(site))
    missing = [line for line in result.stderr.splitlines() if "[thieu-gia-tri]" in line and "thôn" in line.lower()]
    assert len(missing) == 1 and "không có cột Thôn" in missing[0], result.stderr


def test_a_sum_that_disagrees_because_excel_skipped_text_names_the_cause(tmp_path):
    """Typed as text, "50" is left out of Excel's own SUM: the total reads 100 where the rows make 150."""
    site = tmp_path / "content"
    shutil.copytree(FIXTURES / "sites" / "xa-ngan-sach", site)
    bundle = site / "disclosures/2026/du-toan-2026"
    (bundle / "thu.csv").unlink()
    workbook(bundle, [["TT", "Nội dung", "Dự toán năm"], ["", "TỔNG THU NGÂN SÁCH XÃ", 100], ["1", "Phí, lệ phí", 100],
                      ["2", "Lệ phí trước bạ", "50"]], name="thu.xlsx")
    index = bundle / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("thu.csv", "thu.xlsx"), encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    line = next(line for line in result.stderr.splitlines() if "[tong-khong-khop]" in line)
    assert "dòng 4 là số lưu dạng chữ" in line and "Convert to Number" in line, result.stderr


@pytest.mark.parametrize(("cells", "numbering"), [
    (["A", "B", "1", "2", "3=2/1"], True),
    (["(1)", "(2)", "(3)", "(4)=(5)+(6)", "(5)", "(6)", "(7)"], True),
    (["1", "2", "3", "4"], True),
    (["4", "A", "1"], False),  # a data row of short cells
    (["2", "B", "2"], False),
    (["1", "3"], False),
])
def test_the_column_number_row_is_told_from_a_short_data_row(cells, numbering):
    from plugins.tables.form import _is_column_numbers

    assert _is_column_numbers(cells) is numbering


@pytest.mark.parametrize(("text", "total"), [("Cộng", True), ("Cộng thôn Đông", True), ("Cộng: 05 hộ", True),
                                             ("TỔNG CỘNG", True), ("Cộng đồng dân cư thôn", False)])
def test_subtotal_lines_as_officers_write_them(text, total):
    from plugins.tables.form import _is_total

    assert _is_total(["", text, 5]) is total


def test_a_table_whose_header_names_no_column_gets_one_message(tmp_path):
    path = tmp_path / "bang.csv"
    path.write_text("Mục;Tên khoản;Số tiền\n1;Phí;100\n2;Lệ phí;50\n", encoding="utf-8")
    raw, _ = read_table(path, "bang.csv")
    table, issues = apply_schema(raw, SCHEMA)
    assert table is None and len(issues) == 1 and "không thấy dòng tiêu đề" in issues[0].message
    assert "Mục, Tên khoản, Số tiền" in issues[0].message


@pytest.mark.parametrize("shape", ["xlsx", "csv"])
def test_the_estimate_with_its_title_across_the_sheet(tmp_path, shape):
    from tests.form_layouts import budget_estimate_titled, write_form

    site = tmp_path / "content"
    shutil.copytree(FIXTURES / "sites" / "xa-ngan-sach", site)
    bundle = site / "disclosures/2026/du-toan-2026"
    (bundle / "thu.csv").unlink()
    written = write_form(bundle, "thu", budget_estimate_titled(), shape)
    index = bundle / "index.md"
    text = index.read_text(encoding="utf-8").replace("thu.csv", written.name).replace("unit: triệu đồng", "unit: đồng")
    index.write_text(text, encoding="utf-8")
    result = build(site, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "output/cong-khai/2026/du-toan-2026/index.html").read_text(encoding="utf-8")
    assert "Tổng thu ngân sách xã: dự toán 2.350.000.000 đồng" in page
    assert "Dự toán năm 2026 – Tổng thu NSNN trên địa bàn" in page and "DỰ TOÁN THU NGÂN SÁCH XÃ NĂM 2026 –" not in page


@pytest.mark.parametrize("shape", ["xlsx", "csv"])
def test_the_land_use_form_10ch_reads_its_added_area(tmp_path, shape):
    from plugins.land_use.schema import LAND_USE_TABLE
    from tests.form_layouts import land_use_10ch, write_form

    path = write_form(tmp_path, "ds", land_use_10ch(), shape)
    raw, _ = read_table(path, path.name)
    table, issues = apply_schema(raw, LAND_USE_TABLE)
    assert [i.code for i in issues if i.is_error] == []
    assert [(r.values["dien_tich"], r.values["hien_trang"], r.values["tang_them"]) for r in table.rows] == [
        (Decimal("1.25"), Decimal("0.40") if shape == "csv" else Decimal("0.4"), Decimal("0.85")),
        (Decimal("0.18"), Decimal("0.00") if shape == "csv" else Decimal(0), Decimal("0.18"))]


@pytest.mark.parametrize("shape", ["xlsx", "csv"])
def test_a_quarters_reception_days_a_row_a_month(tmp_path, shape):
    from tests.form_layouts import reception_quarter_days, write_form
    from tests.test_forms import schedule_site

    bundle = schedule_site(tmp_path, "")
    written = write_form(bundle, "lich", reception_quarter_days(), shape)
    index = bundle / "index.md"
    text = index.read_text(encoding="utf-8").replace("posting: {from: 2026-11-20, to: 2026-12-31",
                                                     "posting: {from: 2026-09-20, to: 2026-12-31")
    index.write_text(text.replace("issued: 2026-11-18", f"issued: 2026-09-18\ntables:\n  - file: {written.name}"),
                     encoding="utf-8")
    site = bundle.parents[2]
    result = build(site, tmp_path / "output", "2026-09-21")
    assert result.returncode == 0, result.stderr
    calendar = (tmp_path / "output/lich.ics").read_text(encoding="utf-8")
    assert calendar.count("BEGIN:VEVENT") == 28 and "đột xuất" not in calendar


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hidden_rows=st.sets(st.integers(2, 7)), hidden_column=st.sampled_from(["C", "D", "E"]),
       hide_sheet=st.booleans())
def test_no_hidden_value_is_ever_read(tmp_path, hidden_rows, hidden_column, hide_sheet):
    """Whatever is hidden (rows, a column, a sheet), none of its values comes out of the reader."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Bang"
    sheet.append(["STT", "Nội dung", "Dự toán năm", "Ghi chú", "Nháp"])
    for number in range(2, 8):
        marker = f"AN{number}" if number in hidden_rows else f"HIEN{number}"
        sheet.append([str(number), f"Khoản {marker}", number * 10, f"ghi chú {marker}", f"nháp {marker}"])
    sheet.column_dimensions[hidden_column].hidden = True
    for number in hidden_rows:
        sheet.row_dimensions[number].hidden = True
    if hide_sheet:
        secret = book.create_sheet("Bi mat", 0)
        secret.append(["STT", "Nội dung", "Dự toán năm"])
        secret.append(["1", "Khoản TRANGAN", 999])
        secret.sheet_state = "hidden"
    path = tmp_path / f"bang-{len(hidden_rows)}-{hidden_column}-{hide_sheet}.xlsx"
    book.save(path)
    raw, _ = read_table(path, path.name)
    seen = " ".join(str(cell) for _, cells in raw.rows for cell in cells)
    assert not any(f"AN{n}" in seen.replace("HIEN", "") for n in hidden_rows)
    assert "TRANGAN" not in seen
    column = ord(hidden_column) - ord("A")
    assert all(cells[column] is None for _, cells in raw.rows if column < len(cells))


def test_numbers_read_with_the_decimals_their_format_shows(tmp_path):
    """1/3 formatted "0.00" shows 0,33; 0,973 formatted "0.0%" shows 97,3 (a comparison column in percent); a
    format in millions shows 1.234.567.890 as 1.234,6, the figure the officer saw."""
    from plugins.tables import Column, TableSchema

    def formats(book):
        sheet = book.active
        sheet["C2"].number_format, sheet["D2"].number_format = "#,##0.00", "0.0%"
        sheet["C3"].number_format, sheet["D3"].number_format = "#,##0", "0%"
        sheet["C4"].number_format = '#,##0.0,," tr"'  # shown in millions: 1.234.567.890 as 1.234,6 tr
        sheet["C5"].number_format = "#,##0.00;(#,##0)"  # a negative number by the second section: (1.235)

    path = workbook(tmp_path, [["Nội dung", "Ghi chú", "Thực hiện", "So sánh (%)"],
                               ["Phí", "", 1 / 3, 0.973], ["Lệ phí", "", 1250.0, 1],
                               ["Thu khác", "", 1234567890, None], ["Giảm thu", "", -1234.5, None]], formats)
    schema = TableSchema(columns=(Column("Nội dung", "noi_dung"), Column("Thực hiện", "th", type="number"),
                                  Column("So sánh (%)", "ss", type="number", percent=True, required=False),
                                  Column("Ghi chú", "ghi_chu", required=False)))
    raw, _ = read_table(path, path.name)
    table, issues = apply_schema(raw, schema)
    assert [i for i in issues if i.is_error] == []
    assert [(r.values["th"], r.values["ss"]) for r in table.rows] == [(Decimal("0.33"), Decimal("97.3")),
                                                                       (Decimal("1250"), Decimal("100")),
                                                                       (Decimal("1234.6"), None),
                                                                       (Decimal("-1235"), None)]


@pytest.mark.parametrize(("number_format", "shown"), [
    ("General", (None, False, 0)), ("#,##0", (0, False, 0)), ("#,##0.00", (2, False, 0)), ("0.0%", (1, True, 0)),
    ("#,##0.0_);(#,##0.0)", (1, False, 0)), ('"đ"#,##0', (0, False, 0)), ("[Red]0.000", (3, False, 0)),
    ("dd/mm/yyyy", (None, False, 0)), ("0.00E+00", (None, False, 0)), ("@", (None, False, 0)),
    ("#,##0,", (0, False, 1)), ('#,##0.0,," tr"', (1, False, 2)), ('#,##0,_);(#,##0,)', (0, False, 1)),
    ('"1,000"#,##0', (0, False, 0)),
])
def test_excel_number_formats_read(number_format, shown):
    from plugins.tables.read import shown_format

    assert shown_format(number_format) == shown


@pytest.mark.parametrize(("number_format", "shown"), [
    ("#,##0.00;(#,##0)", (0, False, 0)), ("#,##0.0;-#,##0.0,", (1, False, 1)), ("#,##0.00", (2, False, 0)),
    ("#,##0.00;;", (2, False, 0)),
])
def test_a_negative_number_reads_by_the_formats_second_section(number_format, shown):
    from plugins.tables.read import shown_format

    assert shown_format(number_format, negative=True) == shown
