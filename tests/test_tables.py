"""Tables in every shape Excel produces: encodings, delimiters, .xlsx, header spellings."""

import datetime as dt
from decimal import Decimal

import pytest

from plugins.issues import INFO
from plugins.tables import Column, TableSchema, apply_schema, read_table
from tests.conftest import windows_1258

SCHEMA = TableSchema(columns=(
    Column("STT", "stt"),
    Column("Nội dung", "noi_dung", not_empty=True),
    Column("Dự toán", "du_toan", type="number", aliases=("Dự toán năm",)),
    Column("Ngày", "ngay", type="date", required=False),
    Column("Ghi chú", "ghi_chu", required=False),
))

ROWS = [
    ["STT", "Nội dung", "Dự toán năm", "Ngày", "Ghi chú"],
    ["1", "Thu thuế sử dụng đất phi nông nghiệp", "1.234.567,5", "05/01/2026", "Đường Hòa An"],
    ["2", "Thu phí, lệ phí", "250.000", "2026-02-01", ""],
]




def write_csv(tmp_path, name, rows, delimiter, encoding, bom=b""):
    text = "\r\n".join(delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in rows) + "\r\n"
    path = tmp_path / name
    path.write_bytes(bom + (windows_1258(text) if encoding == "cp1258" else text.encode(encoding)))
    return path


def check(path, file="bang.csv", sheet=None):
    raw, issues = read_table(path, file, sheet)
    assert issues == []
    table, issues = apply_schema(raw, SCHEMA)
    assert [i.triple() for i in issues if i.severity is not INFO] == []
    return table


@pytest.mark.parametrize(("delimiter", "encoding", "bom"), [
    (";", "utf-8", b"\xef\xbb\xbf"),  # Excel "CSV UTF-8" on Vietnamese Windows
    (",", "utf-8", b""),
    ("\t", "utf-16-le", b"\xff\xfe"),  # Excel "Unicode text"
    (";", "cp1258", b""),  # old Excel "CSV" on Vietnamese Windows
])
def test_csv_in_every_encoding_and_delimiter_reads_the_same(tmp_path, delimiter, encoding, bom):
    path = write_csv(tmp_path, "bang.csv", ROWS, delimiter, encoding, bom)
    table = check(path)
    first, second = table.rows
    assert first.number == 2 and second.number == 3
    assert first.values["noi_dung"] == "Thu thuế sử dụng đất phi nông nghiệp"
    assert first.values["du_toan"] == Decimal("1234567.5")
    assert first.values["ngay"] == dt.date(2026, 1, 5)
    assert first.values["ghi_chu"] == "Đường Hòa An"
    assert second.values["ngay"] == dt.date(2026, 2, 1)
    assert second.values["ghi_chu"] is None


def test_xlsx_keeps_excel_numbers_dates_and_row_numbers(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Thu"
    sheet.append(["BIỂU CÔNG KHAI DỰ TOÁN THU NGÂN SÁCH XÃ"])
    sheet.append(["Đơn vị tính: đồng"])
    sheet.append(["stt", "NỘI DUNG", "dự toán", "Ngày"])
    sheet.append([1, "Thu phí, lệ phí", 1234567.5, dt.datetime(2026, 1, 5)])
    path = tmp_path / "du-toan.xlsx"
    workbook.save(path)
    table = check(path, "du-toan.xlsx", sheet="Thu")
    [row] = table.rows
    assert row.number == 4
    assert row.values["du_toan"] == Decimal("1234567.5")
    assert row.values["ngay"] == dt.date(2026, 1, 5)


def test_missing_sheet_is_named(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "a.xlsx"
    Workbook().save(path)
    raw, issues = read_table(path, "a.xlsx", sheet="Chi")
    assert raw is None and [i.code for i in issues] == ["tep-khong-doc-duoc"]
    assert "Chi" in issues[0].message


def test_every_bad_cell_is_reported_with_row_and_column(tmp_path):
    rows = [ROWS[0], ["1", "", "12.5", "31/02/2026", ""], ["2", "Thu khác", "abc", "", ""], ["3", "Đủ", "60.4", "", ""]]
    raw, _ = read_table(write_csv(tmp_path, "x.csv", rows, ";", "utf-8"), "x.csv")
    _, issues = apply_schema(raw, SCHEMA)
    assert sorted(i.triple() for i in issues) == [  # columns named as the officer wrote them
        (2, "Dự toán năm", "so-mo-ho"),
        (2, "Ngày", "ngay-khong-hop-le"),
        (2, "Nội dung", "thieu-gia-tri"),
        (3, "Dự toán năm", "so-khong-hop-le"),
        (4, "Dự toán năm", "so-mo-ho"),
    ]
    assert all(i.file == "x.csv" and i.hint for i in issues)


def test_unknown_and_missing_columns_refuse_the_table(tmp_path):
    rows = [["STT", "Nội dung", "Ghi chu", "Cột lạ"], ["1", "Thu", "", "x"]]
    raw, _ = read_table(write_csv(tmp_path, "x.csv", rows, ",", "utf-8"), "x.csv")
    table, issues = apply_schema(raw, SCHEMA)
    assert table is None
    assert sorted(i.triple() for i in issues) == [(1, "Cột lạ", "cot-khong-ro"), (1, "Dự toán", "thieu-cot")]


def test_personal_data_column_is_refused_citing_the_rule(tmp_path):
    rows = [["STT", "Nội dung", "Dự toán", "Số CCCD"], ["1", "Hỗ trợ", "1.000.000", "001086012345"]]
    raw, _ = read_table(write_csv(tmp_path, "x.csv", rows, ";", "utf-8"), "x.csv")
    table, issues = apply_schema(raw, SCHEMA)
    assert table is None
    assert [i.triple() for i in issues] == [(1, "Số CCCD", "cot-du-lieu-ca-nhan")]
    assert "Luật Bảo vệ dữ liệu cá nhân" in issues[0].message


def test_id_and_phone_numbers_in_text_cells_are_refused(tmp_path):
    rows = [["STT", "Nội dung", "Dự toán", "Ghi chú"],
            ["1", "Hỗ trợ ông A", "1.000.000", "CCCD 001086012345"],
            ["2", "Hỗ trợ bà B", "150000000", "ĐT 0912 345 678"],
            ["3", "Hỗ trợ hộ C", "150.000.000", "Số tiền 123.456.789 đồng"]]
    raw, _ = read_table(write_csv(tmp_path, "x.csv", rows, ";", "utf-8"), "x.csv")
    _, issues = apply_schema(raw, SCHEMA)
    assert sorted(i.triple() for i in issues) == [(2, "Ghi chú", "du-lieu-ca-nhan"), (3, "Ghi chú", "du-lieu-ca-nhan")]


def test_table_schema_exports_as_frictionless():
    exported = SCHEMA.to_frictionless()
    assert exported["fields"][2] == {"name": "du_toan", "title": "Dự toán", "type": "number"}
    assert exported["fields"][1]["constraints"] == {"required": True}
