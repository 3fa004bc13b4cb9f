"""Attachments are published as clean copies: each reader walks every part once (plugins/attachments/formats.py).

The hostile files are made by tests/fixtures/adversarial/cases.py; here the published copies are opened as
a citizen's program would, part by part, after a real build.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from plugins.attachments.check import clean_attachment
from plugins.disclosures.files import DEFAULT_LIMITS
from plugins.privacy.rules import NO_OFFICIAL
from tests.conftest import build
from tests.fixtures.adversarial.cases import (
    NOTICE,
    base,
    docx_parts,
    jpeg_with_exif,
    notice,
    pdf_with_hidden_parts,
    png_with_text,
    workbook_with_hidden_parts,
    xlsx,
)

FILES = {
    "lich.pdf": pdf_with_hidden_parts,
    "anh.jpg": jpeg_with_exif,
    "so-do.png": png_with_text,
    "bang.xlsx": xlsx(workbook_with_hidden_parts),
    "vb.docx": docx_parts("<w:p><w:r><w:t>Thông báo cắt nước.</w:t></w:r></w:p>", {
        "docProps/core.xml": '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
                             'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                             "<dc:creator>Nguyễn Văn Mật</dc:creator></cp:coreProperties>",
        "word/media/image1.jpeg": jpeg_with_exif()}),
}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("dinh-kem")
    content = base(root / "content")
    for name, make in FILES.items():
        (content / NOTICE / name).write_bytes(make())
    notice(attachments="".join(f"  - file: {name}\n    title: Tệp {name}\n" for name in FILES))(content)
    result = build(content, root / "output")
    assert result.returncode == 0, result.stderr
    return root / "output/cong-khai/2026/thong-bao-tam-ngung-cap-nuoc"


def test_the_page_gives_the_size_and_checksum_of_the_file_a_citizen_downloads(published):
    import hashlib

    from tests.conftest import soup

    page = soup(published / "index.html")
    for name in FILES:
        digest = hashlib.sha256((published / name).read_bytes()).hexdigest()
        link = next(a for a in page.select("a.ckx-attachments__link") if a["href"].endswith(name))
        assert digest in link.find_parent("li").get_text(), name


def test_a_pdf_keeps_its_pages_and_nothing_hidden(published):
    reader = PdfReader(published / "lich.pdf")
    assert "Lich ngung cap nuoc" in reader.pages[0].extract_text()
    assert "/Info" not in reader.trailer
    assert set(reader.trailer["/Root"]) <= {"/Type", "/Pages"}  # no /OpenAction, /Names, /Outlines, /AcroForm, /Metadata
    assert "/Annots" not in reader.pages[0] and "/AA" not in reader.pages[0]
    data = (published / "lich.pdf").read_bytes()
    assert b"JavaScript" not in data and b"EmbeddedFile" not in data and b"/Widget" not in data


def test_pictures_are_pixels_only(published):
    with Image.open(published / "anh.jpg") as photo:
        assert not photo.getexif() and "exif" not in photo.info and photo.size == (64, 48)
    with Image.open(published / "so-do.png") as picture:
        assert "Author" not in picture.info and picture.size == (32, 32)


def test_a_workbook_is_rebuilt_from_its_visible_cells(published):
    from openpyxl import load_workbook

    with zipfile.ZipFile(published / "bang.xlsx") as archive:
        names = archive.namelist()
        assert not [n for n in names if "chart" in n or "drawing" in n]
        assert b"GhiChu" not in archive.read("xl/workbook.xml")
    cells = [c for row in load_workbook(published / "bang.xlsx").active.iter_rows(values_only=True) for c in row]
    assert "Phí, lệ phí" in cells and "Dự toán cũ chưa duyệt" not in cells and "Bản nháp" not in cells


def test_a_word_file_loses_its_author_and_its_pictures_their_exif(published):
    with zipfile.ZipFile(published / "vb.docx") as archive:
        assert "Nguyễn Văn Mật".encode() not in archive.read("docProps/core.xml")
        assert "Thông báo cắt nước.".encode() in archive.read("word/document.xml")
        with Image.open(io.BytesIO(archive.read("word/media/image1.jpeg"))) as photo:
            assert not photo.getexif()


@pytest.mark.parametrize("name", FILES)
def test_a_clean_copy_is_the_same_bytes_every_time(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(FILES[name]())
    assert clean_attachment(path) == clean_attachment(path)


def test_the_scan_reads_numbers_hidden_sheets_and_every_docx_part(tmp_path):
    from plugins.attachments.check import check_attachment
    from tests.fixtures.adversarial.cases import hidden_sheet_with_id, number_cell_phone

    cases = {
        "so.xlsx": (xlsx(number_cell_phone)(), "du-lieu-ca-nhan"),
        "an.xlsx": (xlsx(hidden_sheet_with_id)(), "du-lieu-ca-nhan"),
        "xoa.docx": (docx_parts('<w:p><w:del><w:r><w:delText>CCCD 034085001234</w:delText></w:r></w:del></w:p>')(),
                     "du-lieu-ca-nhan"),
        "nhung.docx": (docx_parts("<w:p/>", {"word/embeddings/a.bin": b"x"})(), "tep-dinh-kem-khong-hop-le"),
    }
    for name, (data, code) in cases.items():
        (tmp_path / name).write_bytes(data)
        issues = check_attachment(tmp_path / name, name, NO_OFFICIAL, max_bytes=DEFAULT_LIMITS.attachment_bytes,
                                  max_unpacked_bytes=DEFAULT_LIMITS.xlsx_unpacked_bytes).issues
        assert code in {i.code for i in issues}, (name, [i.format() for i in issues])


def test_the_clean_copy_the_check_made_is_kept_in_the_store_and_published_as_it_is(published):
    """The check makes each clean copy once (a PDF's is a second full read of the file); the build publishes
    that copy, kept in the store under its SHA-256."""
    import hashlib
    import os

    from plugins.disclosures import store
    from plugins.disclosures.site import CLEAN_COPIES

    folder = Path(os.environ["CKX_CACHE"])
    for name in FILES:
        data = (published / name).read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        assert store.read_by_sha256(folder, CLEAN_COPIES, sha256) == data, name


def test_a_kept_clean_copy_is_published_without_reading_the_file_again_and_a_damaged_one_is_made_again(tmp_path):
    import hashlib

    from plugins.disclosures import store
    from plugins.disclosures.site import CLEAN_COPIES, published_attachment

    source = tmp_path / "lich.pdf"
    source.write_bytes(pdf_with_hidden_parts())
    clean = clean_attachment(source)
    sha256 = hashlib.sha256(clean).hexdigest()
    store.keep_by_sha256(tmp_path / "kho", CLEAN_COPIES, clean, sha256)
    assert published_attachment(tmp_path / "kho", tmp_path / "khong-con.pdf", sha256) == clean  # never read
    store.entry(tmp_path / "kho", CLEAN_COPIES, sha256).write_bytes(clean + b"%")  # damaged in the store
    assert store.read_by_sha256(tmp_path / "kho", CLEAN_COPIES, sha256) is None
    assert published_attachment(tmp_path / "kho", source, sha256) == clean
    assert published_attachment(None, source, sha256) == clean  # no store: made from the file


def test_an_edit_to_the_text_does_not_read_the_attachments_again_and_a_changed_file_is_checked_afresh(
        tmp_path, monkeypatch):
    """What the check found in a file is kept by the file's SHA-256: an officer mending a sentence does not
    wait for the bundle's PDFs to be read again, and a file whose bytes changed is never taken for the old."""
    import datetime as dt

    from plugins.disclosures import site as site_module
    from plugins.disclosures.kinds import KINDS

    content = base(tmp_path / "content")
    (content / NOTICE / "lich.pdf").write_bytes(pdf_with_hidden_parts())
    attachments = "  - file: lich.pdf\n    title: Lịch\n"
    notice(attachments=attachments)(content)
    read = []
    check = site_module.check_attachment
    monkeypatch.setattr(site_module, "check_attachment",
                        lambda path, *args, **kwargs: read.append(path.name) or check(path, *args, **kwargs))

    def load():
        loaded = site_module.load_site(content, KINDS, dt.date(2026, 3, 2), cache_folder=tmp_path / "kho")
        return loaded, next(d for d in loaded.disclosures if d.source_dir == NOTICE)

    _site, first = load()
    assert read == ["lich.pdf"]
    notice(attachments=attachments, body="Nội dung thông báo, đã sửa một câu.")(content)
    _site, edited = load()
    assert read == ["lich.pdf"] and "đã sửa một câu" in edited.body_markdown
    assert edited.attachments == first.attachments  # the same size and SHA-256 of the clean copy

    (content / NOTICE / "lich.pdf").write_bytes(pdf_with_hidden_parts("Lien he 0912345678, CCCD 001085012345"))
    loaded, _changed = load()
    assert read == ["lich.pdf", "lich.pdf"]
    assert "du-lieu-ca-nhan" in {i.code for i in loaded.issues if i.file == f"{NOTICE}/lich.pdf"}
