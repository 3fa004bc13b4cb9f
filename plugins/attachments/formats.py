"""One reader per attachment format: every part walked once, for the privacy scan and for the clean copy.

A file is published as it came only if nothing in it is hidden from the eye; nothing is. So each reader
returns a `Reading`: the text of every part it read (where it is, what it says), the parts that cannot be
published safely (named to the officer), and the clean copy that is published instead of the original:
- images (JPEG, PNG, WebP): re-encoded by Pillow from their pixels alone, turned the way EXIF said: no EXIF
  (camera owner, description, the GPS of the house), no XMP, no text chunks;
- PDF: the pages alone, rewritten by pypdf: no document information (Author), XMP, annotations and form
  fields (and their values), bookmarks, embedded files, page or document actions (JavaScript); the pages'
  text is scanned. A scan (an image of a page) has no text to read: the officer's duty (docs/an-toan.md);
- .xlsx: rebuilt from the values of its visible sheets, rows and columns (what Excel shows), every cell of
  every sheet scanned, hidden ones included, numbers too (912345678 is a phone once Excel drops its 0);
  defined names, charts, pivot caches, text boxes, comments and the author are never copied; a formula with
  no saved value is refused (the copy would show a blank where Excel shows a figure);
- .docx: every XML part's text scanned, deleted text, field codes, alt texts and link targets included;
  tracked changes, comments, embedded files and macros refused (the officer accepts the changes or prints a
  PDF); published with its properties (author, company) emptied and its pictures cleaned as above;
- CSV: plain text, every row scanned, published as it is.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from plugins.tables.write import pin_zip, safe_cell

Piece = tuple[str, str]
FIXED = dt.datetime(2000, 1, 1)  # every clean zip entry's date: the same bytes from every build
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MAX_COLUMNS = 1000  # a sheet wider than this is not a document a citizen reads
MAX_PIXELS = 60_000_000  # an A4 page scanned at 600 dpi is 35 million: past this a picture is a bomb


class Refused(ValueError):
    """The file cannot be read as its type at all."""


@dataclass
class Reading:
    pieces: list[Piece] = field(default_factory=list)  # (where, text) of every part read
    headers: list[tuple[str, list]] = field(default_factory=list)  # first rows of each sheet: column names
    refusals: list[str] = field(default_factory=list)  # parts that cannot be published safely, in Vietnamese
    clean: bytes = b""  # what is published


def read_attachment(path: Path, extension: str) -> Reading:
    """The reading of `path` as the type its `extension` names (checked by the caller against its content)."""
    if extension in IMAGE_FORMATS:
        return Reading(clean=clean_image(path.read_bytes(), IMAGE_FORMATS[extension]))
    return {".pdf": _pdf, ".xlsx": _xlsx, ".docx": _docx, ".csv": _csv}[extension](path)


# ---- images -----------------------------------------------------------------------------------------------

def clean_image(data: bytes, format_name: str) -> bytes:
    """The picture's pixels in a new file of the same format, upright, with no metadata at all."""
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened)
    except Image.DecompressionBombError as exc:
        raise Refused(f"ảnh quá lớn (hơn {MAX_PIXELS:,} điểm ảnh)".replace(",", ".")) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise Refused(f"không đọc được ảnh ({type(exc).__name__})") from exc
    bare = Image.frombytes(image.mode, image.size, image.tobytes())  # pixels only: no info, EXIF, XMP, text
    if image.mode == "P" and image.getpalette():
        bare.putpalette(image.getpalette())
    if format_name == "JPEG" and bare.mode not in ("RGB", "L", "CMYK"):
        bare = bare.convert("RGB")
    buffer = io.BytesIO()
    options = {"JPEG": {"quality": 92}, "WEBP": {"quality": 90}, "PNG": {}}[format_name]
    bare.save(buffer, format_name, **options)
    return buffer.getvalue()


# ---- PDF --------------------------------------------------------------------------------------------------

_PAGE_KEYS_DROPPED = ("/Annots", "/AA", "/Metadata", "/PieceInfo", "/Thumb", "/B")


def _pdf(path: Path) -> Reading:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(path)
    if reader.is_encrypted:
        return Reading(refusals=["tệp PDF có mật khẩu nên không đọc được để kiểm tra"])
    reading = Reading()
    writer = PdfWriter()
    for number, page in enumerate(reader.pages, start=1):
        reading.pieces.append((f"trang {number}", page.extract_text() or ""))
        for key in _PAGE_KEYS_DROPPED:  # before the page is copied, so what they point to is never copied
            if key in page:
                del page[key]
        writer.add_page(page)
    writer.metadata = None  # no /Info; the catalogue holds only the pages (no XMP, outline, names, forms, actions)
    buffer = io.BytesIO()
    writer.write(buffer)
    reading.clean = buffer.getvalue()
    return reading


# ---- .xlsx ------------------------------------------------------------------------------------------------

_PLAIN_FORMATS = ("General", "0", "@")


def _xlsx(path: Path) -> Reading:
    from openpyxl import Workbook, load_workbook
    from openpyxl.utils import get_column_letter

    reading = Reading()
    values = load_workbook(path, read_only=True, data_only=True)
    formulas = load_workbook(path, read_only=True, data_only=False)
    copy = Workbook(write_only=True)
    copy.properties.creator = "Công khai xã"
    try:
        for sheet, written in zip(values.worksheets, formulas.worksheets, strict=True):
            if (sheet.max_column or 0) > MAX_COLUMNS:
                reading.refusals.append(f"trang tính {sheet.title} có {sheet.max_column} cột, quá {MAX_COLUMNS} cột")
                continue
            hidden_rows, hidden_columns = _hidden_parts(sheet)
            visible = sheet.sheet_state == "visible"
            target = copy.create_sheet(title=sheet.title) if visible else None
            rows = zip(sheet.iter_rows(), written.iter_rows(values_only=True), strict=False)  # the same file twice
            for number, (cells, sources) in enumerate(rows, start=1):
                place = f"trang tính {sheet.title}, dòng {number}"
                texts = [_cell_text(cell) for cell in cells]
                if any(texts):
                    reading.pieces.append((place, " | ".join(t for t in texts if t)))
                    if number <= 10:
                        reading.headers.append((place, [cell.value for cell in cells]))
                for column, (cell, source) in enumerate(zip(cells, sources, strict=False), start=1):
                    if isinstance(source, str) and source.startswith("=") and cell.value is None:
                        reading.refusals.append(f"{place}, ô {get_column_letter(column)}{number}: công thức chưa có "
                                                "giá trị đã lưu (mở tệp bằng Excel rồi lưu lại)")
                if target is not None and number not in hidden_rows:
                    target.append([safe_cell(cell.value) for index, cell in enumerate(cells)
                                   if index not in hidden_columns])
    finally:
        values.close()
        formulas.close()
    if not copy.worksheets:
        copy.create_sheet("Trang 1")
    buffer = io.BytesIO()
    copy.save(buffer)
    reading.clean = pin_zip(buffer.getvalue(), FIXED)
    del reading.refusals[20:]
    return reading


def _cell_text(cell) -> str:
    """What a cell says, for the scan: its text, or an integer as a phone or ID would be written (Excel drops
    the leading 0 of "0912345678"); amounts with their thousands format or in round thousands are figures."""
    value = cell.value
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 9 <= len(str(abs(value))) <= 12 \
            and value % 1000 and getattr(cell, "number_format", "General") in _PLAIN_FORMATS:
        return f"0{value}"
    return ""


def _hidden_parts(sheet) -> tuple[set[int], set[int]]:
    """Rows and columns (from 0) the sheet hides, from its XML: the streaming reader does not keep them."""
    rows, columns = set(), set()
    source = sheet._get_source()
    try:
        for _, element in iterparse(source):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "row" and element.get("hidden") in ("1", "true"):
                rows.add(int(element.get("r", "0")))
            elif tag == "col" and element.get("hidden") in ("1", "true"):
                columns.update(range(int(element.get("min", "1")) - 1, min(int(element.get("max", "1")), 16384)))
            element.clear()
    except (ParseError, ValueError):
        pass
    finally:
        source.close()
    return rows, columns


# ---- .docx ------------------------------------------------------------------------------------------------

_TEXT_TAGS = {"t", "delText", "instrText"}
_TEXT_ATTRIBUTES = {"descr", "title", "instr", "Target", "alt"}
_PROPERTY_TAGS = {"creator", "lastModifiedBy", "title", "subject", "description", "keywords", "Company", "Manager",
                  "lpwstr", "category"}
_REVISIONS = {"ins": "thay đổi được theo dõi (Track Changes)", "del": "thay đổi được theo dõi (Track Changes)",
              "moveFrom": "thay đổi được theo dõi (Track Changes)", "comment": "ghi chú (comment)"}
_EMBEDDED = re.compile(r"^(?:word/(?:embeddings|activeX)/|.*vbaProject\.bin$)")
_EMPTY_PROPERTIES = {
    "docProps/core.xml": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp='
                         b'"http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>',
    "docProps/app.xml": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
                        b'openxmlformats.org/officeDocument/2006/extended-properties"/>',
    "docProps/custom.xml": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
                           b'schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>',
}


def _docx(path: Path) -> Reading:
    reading = Reading()
    output = io.BytesIO()
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            name = info.filename
            data = archive.read(info)
            if _EMBEDDED.match(name):
                reading.refusals.append(f"có tệp nhúng hoặc mã lệnh ({name})")
                continue
            if name.endswith((".xml", ".rels")):
                found = _xml_text(data, name, reading)
                if name.startswith("word/comments") and found:
                    reading.refusals.append(f"có {_REVISIONS['comment']}")
                data = _EMPTY_PROPERTIES.get(name, data)
            elif name.startswith("word/media/") and Path(name).suffix.lower() in IMAGE_FORMATS:
                data = clean_image(data, IMAGE_FORMATS[Path(name).suffix.lower()])
            target.writestr(zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6]), data, compress_type=zipfile.ZIP_DEFLATED)
    reading.refusals = list(dict.fromkeys(reading.refusals))
    reading.clean = output.getvalue()
    return reading


def _xml_text(data: bytes, name: str, reading: Reading) -> bool:
    """Each paragraph's text (and the texts its attributes carry) as one piece; tracked changes noted as
    refusals. True when the part held any text."""
    paragraph: list[str] = []
    number, found = 0, False
    label = _part_label(name)
    try:
        for _event, element in iterparse(io.BytesIO(data), events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            if element.text and (tag in _TEXT_TAGS or (name.startswith("docProps/") and tag in _PROPERTY_TAGS)):
                paragraph.append(element.text)
            paragraph += [value for key, value in element.attrib.items() if key.rsplit("}", 1)[-1] in _TEXT_ATTRIBUTES]
            if tag in _REVISIONS and name.startswith("word/document"):
                reading.refusals.append(f"có {_REVISIONS[tag]}")
            if tag in ("p", "comment", "coreProperties", "Properties", "property", "Relationship") and paragraph:
                number += 1
                reading.pieces.append((f"{label}, đoạn {number}", " ".join(paragraph)))
                paragraph, found = [], True
            element.clear()
    except ParseError:
        reading.refusals.append(f"phần {name} hỏng, không đọc được để kiểm tra")
    if paragraph:
        reading.pieces.append((f"{label}, đoạn {number + 1}", " ".join(paragraph)))
        found = True
    return found


def _part_label(name: str) -> str:
    if name.startswith("docProps/"):
        return "thuộc tính tệp (tác giả, tiêu đề)"
    if "comment" in name.lower():
        return "ghi chú (comment)"
    if name.startswith("word/document"):
        return "nội dung"
    return name


# ---- CSV --------------------------------------------------------------------------------------------------

def _csv(path: Path) -> Reading:
    from plugins.tables.read import decode, read_csv_text

    data = path.read_bytes()
    reading = Reading(clean=data)
    for number, cells in read_csv_text(decode(data), path.name).rows:
        place = f"dòng {number}"
        reading.pieces.append((place, " | ".join(str(c) for c in cells if isinstance(c, str))))
        if number <= 10:
            reading.headers.append((place, cells))
    return reading

