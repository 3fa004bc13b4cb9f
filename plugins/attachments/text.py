"""The text of an attachment, piece by piece, with where each piece is: what the privacy scan reads.

Each reader yields (place, text) pairs; the place is what an officer looks
for ("trang 3", "trang tính Chi, dòng 14", "đoạn 12"). Readers take a path
and never follow anything outside the file; office files are zips already
checked against the unpacked-size limit.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

Piece = tuple[str, str]

# pypdf reports damaged files through logging, in English ("EOF marker not found"): the officer gets one
# Vietnamese issue for the file instead (plugins/attachments/check.py).
logging.getLogger("pypdf").disabled = True


def pdf_text(path: Path) -> Iterator[Piece]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    for number, page in enumerate(reader.pages, start=1):
        yield f"trang {number}", page.extract_text() or ""


def table_rows(path: Path) -> Iterator[tuple[str, list]]:
    """Every row of every sheet, hidden ones included: (place, cells)."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                    if any(cell not in (None, "") for cell in row):
                        yield f"trang tính {sheet.title}, dòng {number}", list(row)
        finally:
            workbook.close()
    else:
        from plugins.tables.read import decode, read_csv_text

        for number, cells in read_csv_text(decode(path.read_bytes()), path.name).rows:
            yield f"dòng {number}", cells


# Parts of an office file that hold text besides the cells: comments, notes, headers, properties (author).
_EXTRA_PARTS = re.compile(r"^(?:xl/comments[^/]*\.xml|xl/(?:comments|threadedComments|persons)/.*\.xml"
                          r"|docProps/(?:core|app|custom)\.xml"
                          r"|word/(?:document|comments|footnotes|endnotes|header\d*|footer\d*)\.xml)$")


def office_parts_text(path: Path) -> Iterator[Piece]:
    """The text of comments, properties and, for .docx, every paragraph: read straight from the XML."""
    with zipfile.ZipFile(path) as archive:
        for name in sorted(n for n in archive.namelist() if _EXTRA_PARTS.match(n)):
            with archive.open(name) as part:
                yield from _xml_paragraphs(part, name)


def _xml_paragraphs(part, name: str) -> Iterator[Piece]:
    paragraph: list[str] = []
    number = 0
    try:
        for _event, element in iterparse(part, events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            if element.text and tag in ("t", "creator", "lastModifiedBy", "title", "subject", "description",
                                        "keywords", "Company", "Manager", "lpwstr"):
                paragraph.append(element.text)
            if tag in ("p", "comment", "coreProperties", "Properties", "property") and paragraph:
                number += 1
                yield f"{_part_label(name)}, đoạn {number}", " ".join(paragraph)
                paragraph = []
            element.clear()
    except ParseError:
        return
    if paragraph:
        yield f"{_part_label(name)}, đoạn {number + 1}", " ".join(paragraph)


def _part_label(name: str) -> str:
    if name.startswith("docProps/"):
        return "thuộc tính tệp (tác giả, tiêu đề)"
    if "comment" in name.lower():
        return "ghi chú (comment)"
    if name.startswith("word/document"):
        return "nội dung"
    return name
