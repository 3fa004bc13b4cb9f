"""The one store kept between builds: one keying rule, one pruning rule, and nothing outside its own parts."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from plugins.disclosures import store
from plugins.disclosures.inputs import FileDigests, inputs_fingerprint
from plugins.loudspeaker.audio import AudioCache, Voice
from plugins.sheets.channel import QrCodes

MONTH_AGO = time.time() - (store.UNUSED_DAYS + 1) * 86400


def age(path, when=MONTH_AGO):
    os.utime(path, (when, when), follow_symlinks=False)


def test_an_entry_is_keyed_by_what_it_is_made_from():
    folder = Path("/store")
    first = store.entry(folder, "qr", "https://xa.example/a/", suffix=".svg")
    assert first == store.entry(folder, "qr", "https://xa.example/a/", suffix=".svg")
    assert first.parent == folder / "qr" and first.name.endswith(".svg") and len(first.stem) == 32
    assert store.entry(folder, "qr", "https://xa.example/b/", suffix=".svg") != first
    assert store.entry(folder, "loa", "a", "b") != store.entry(folder, "loa", "ab")  # parts never run together
    assert store.entry(None, "qr", "x") is None
    with pytest.raises(ValueError):
        store.entry(folder, "../ngoai", "x")


def test_every_part_forgets_what_was_not_used_for_a_month(tmp_path):
    kept, forgotten = [], []
    for part in store.PARTS:
        old = store.entry(tmp_path, part, "cu")
        recent = store.entry(tmp_path, part, "moi")
        old.mkdir(parents=True)
        (old / "tep").write_text("x", encoding="utf-8")
        recent.write_text("x", encoding="utf-8")
        age(old)
        kept.append(recent)
        forgotten.append(old)
    removed = store.prune(tmp_path)
    assert sorted(removed) == sorted(forgotten)
    assert all(path.exists() for path in kept) and not any(path.exists() for path in forgotten)


def test_a_build_prunes_the_store_at_most_twice_a_day(tmp_path):
    """Every part's entries are looked at when the store is pruned: a rebuild does it only when the last pruning
    is `PRUNE_EVERY_HOURS` old, and an entry unused for a month is still gone within the day."""
    def stale(name: str) -> Path:
        path = store.entry(tmp_path, "qr", name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
        age(path)
        return path

    first = stale("mot")
    assert store.prune_now_and_then(tmp_path) == [first] and not first.exists()
    second = stale("hai")
    assert store.prune_now_and_then(tmp_path) == [] and second.exists()
    age(tmp_path / store.PRUNED, time.time() - (store.PRUNE_EVERY_HOURS + 1) * 3600)
    assert store.prune_now_and_then(tmp_path) == [second] and not second.exists()
    assert store.prune_now_and_then(None) == []


def test_older_layouts_go_and_nothing_else_of_the_folder_is_touched(tmp_path):
    """`CKX_CACHE` may point at a folder holding other things: the store removes its own parts' entries and
    the files of its own older layouts, and follows no link out."""
    older = [tmp_path / "bundles-0123456789abcdef", tmp_path / "outputs-0123456789abcdef.json",
             tmp_path / "sha256sums-0123456789abcdef.json", tmp_path / "last-build-0123456789abcdef.json"]
    older[0].mkdir()
    for path in older[1:]:
        path.write_text("{}", encoding="utf-8")
    province = tmp_path / "xa-hoa-an"  # a province's commune store, by the commune's folder
    (province / "bundles-0123456789abcdef").mkdir(parents=True)
    older.append(province)
    theirs = tmp_path / "ghi-chu.txt"
    theirs.write_text("của người dùng", encoding="utf-8")
    age(theirs)
    their_folder = tmp_path / "xa-cua-nguoi-dung"  # named like one, holding something else
    their_folder.mkdir()
    (their_folder / "ghi-chu.txt").write_text("x", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-ngoai"
    outside.mkdir()
    (outside / "quan-trong.txt").write_text("x", encoding="utf-8")
    (tmp_path / "qr").mkdir()
    link = tmp_path / "qr" / "lien-ket"
    link.symlink_to(outside, target_is_directory=True)
    store.prune(tmp_path)
    assert not any(os.path.lexists(path) for path in older)
    assert theirs.read_text(encoding="utf-8") == "của người dùng" and (their_folder / "ghi-chu.txt").is_file()
    assert not os.path.lexists(link) and (outside / "quan-trong.txt").is_file()


def test_reading_an_entry_marks_it_used(tmp_path):
    codes = QrCodes(tmp_path)
    svg = codes.get("https://xa.example/cong-khai/2026/a/")
    (entry,) = (tmp_path / "qr").iterdir()
    age(entry)
    assert codes.get("https://xa.example/cong-khai/2026/a/") == svg
    assert entry.stat().st_mtime > MONTH_AGO + 86400
    assert store.prune(tmp_path) == [] and entry.is_file()
    assert store.read(tmp_path / "qr" / "khong-co") is None and store.read(None) is None


def test_a_damaged_recording_in_the_store_is_made_again(tmp_path, monkeypatch):
    made = []
    monkeypatch.setattr("plugins.loudspeaker.audio.synthesize", lambda text, voice: made.append(text) or b"ID3 mp3")
    monkeypatch.setattr("plugins.loudspeaker.audio._versions", lambda: "espeak-ng 1.51; lame 3.100")
    audio = AudioCache(tmp_path)
    assert audio.get("Thông báo", Voice()) == b"ID3 mp3" and audio.get("Thông báo", Voice()) == b"ID3 mp3"
    assert made == ["Thông báo"]
    (entry,) = (tmp_path / "loa").iterdir()
    entry.write_bytes(entry.read_bytes()[:-1])
    assert audio.get("Thông báo", Voice()) == b"ID3 mp3" and made == ["Thông báo", "Thông báo"]


def test_a_recording_is_kept_by_its_text_voice_and_programs(tmp_path, monkeypatch):
    """The store's one keying rule for recordings: another text, voice, speed or program version is another
    entry, made once and found again. (The incremental tests' builds from nothing share the recordings for
    this reason: a recording is found by what it says, never carried over by what a build recorded.)"""
    made, versions = [], ["espeak-ng 1.51; lame 3.100"]
    monkeypatch.setattr("plugins.loudspeaker.audio.synthesize",
                        lambda text, voice: made.append((text, voice)) or f"ID3 {text} {voice}".encode())
    monkeypatch.setattr("plugins.loudspeaker.audio._versions", lambda: versions[0])
    audio = AudioCache(tmp_path)
    asked = [("Thông báo", Voice()), ("Thông báo họp dân", Voice()), ("Thông báo", Voice("vi-vn-x-south")),
             ("Thông báo", Voice(words_per_minute=120))]
    for _ in range(2):
        assert [audio.get(text, voice) for text, voice in asked] == [f"ID3 {t} {v}".encode() for t, v in asked]
    assert made == asked
    versions[0] = "espeak-ng 1.52; lame 3.100"
    assert audio.get("Thông báo", Voice()) == f"ID3 Thông báo {Voice()}".encode() and len(made) == len(asked) + 1


def content_folder(root: Path) -> Path:
    content = root / "content"
    (content / "disclosures/2026/thong-bao").mkdir(parents=True)
    (content / "commune.yml").write_text("name: Hòa An\n", encoding="utf-8")
    (content / "disclosures/2026/thong-bao/index.md").write_text("---\ntitle: Thông báo\n---\nMột.\n", encoding="utf-8")
    for path in content.rglob("*"):
        age(path, time.time() - 60)  # written a minute ago: past the clock's racy window
    return content


def fingerprint(content: Path, record: Path) -> str:
    digests = FileDigests(record)
    result = inputs_fingerprint(content, "ma", {"day": "2026-11-21"}, digests)
    digests.save()
    return result


@pytest.fixture
def reads(monkeypatch):
    """Each content file read to be hashed."""
    seen = []
    real = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda file, name: seen.append(file.name) or real(file, name))
    return seen


def test_nothing_changed_is_told_without_reading_the_content_again(tmp_path, reads):
    content, record = content_folder(tmp_path), tmp_path / "luu" / "tep.json"
    first = fingerprint(content, record)
    assert len(reads) == 2 and first == inputs_fingerprint(content, "ma", {"day": "2026-11-21"})
    reads.clear()
    assert fingerprint(content, record) == first and reads == []
    notice = content / "disclosures/2026/thong-bao/index.md"
    stamp = notice.stat()
    notice.write_text(notice.read_text(encoding="utf-8").replace("Một", "Mốt"), encoding="utf-8")
    assert notice.stat().st_size == stamp.st_size and notice.stat().st_ino == stamp.st_ino  # only the time tells
    os.utime(notice, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1))
    assert fingerprint(content, record) != first and reads == [str(notice)]


def test_a_file_changed_in_the_same_tick_of_the_clock_is_read_again(tmp_path, reads):
    """A stamp taken while the file may still change within the clock's tick is not trusted next time."""
    content, record = content_folder(tmp_path), tmp_path / "luu" / "tep.json"
    notice = content / "disclosures/2026/thong-bao/index.md"
    age(notice, time.time())
    fingerprint(content, record)
    reads.clear()
    fingerprint(content, record)
    assert reads == [str(notice)]


def test_a_damaged_digest_record_is_no_record(tmp_path, reads):
    content, record = content_folder(tmp_path), tmp_path / "luu" / "tep.json"
    first = fingerprint(content, record)
    for damaged in ("{", '{"commune.yml": [1, 2]}', '{"commune.yml": "x"}', "[]"):
        record.write_text(damaged, encoding="utf-8")
        assert fingerprint(content, record) == first
    data = json.loads(record.read_text(encoding="utf-8"))
    data["commune.yml"][3] = "00" * 31  # not a SHA-256
    record.write_text(json.dumps(data), encoding="utf-8")
    assert fingerprint(content, record) == first


def test_compiled_templates_are_kept_by_their_source_and_the_environments_options(tmp_path):
    """Pelican's generators each compile the templates they render; the store keeps the compiled code, never
    handing a template's old code for its new source, nor one environment's code to another's options."""
    from jinja2 import DictLoader, Environment

    from plugins.disclosures.build import StoredTemplates

    source = {"trang.html": "{% if true %}\n  có\n{% endif %}"}

    def render(**options) -> str:
        environment = Environment(loader=DictLoader(source), bytecode_cache=StoredTemplates(tmp_path, options),
                                  **options)
        return environment.get_template("trang.html").render()

    plain, trimmed = render(), render(trim_blocks=True)
    assert plain != trimmed and render() == plain and render(trim_blocks=True) == trimmed
    assert len(list((tmp_path / "jinja").iterdir())) == 2
    source["trang.html"] = "đã sửa"
    assert render() == "đã sửa"


def test_a_second_same_size_edit_in_the_same_tick_is_never_taken_for_the_first(tmp_path):
    """The loaded bundles are keyed by their files' checksums, kept by each file's stamp as git's index keeps
    them. A file written twice within one tick of the clock, at the same size, keeps its stamp: a checksum
    recorded between the two writes would stand for the first bytes, and the site would show them."""
    from plugins.disclosures.cache import BundleCache
    from plugins.disclosures.files import scan

    content = tmp_path / "content"
    content.mkdir()
    table = content / "thu.csv"
    table.write_text("Nội dung;Dự toán\nThu thuế;100\n", encoding="utf-8")
    first = BundleCache(tmp_path / "ho-so", "ngữ cảnh")
    before = first.checksum(scan(content), "thu.csv")
    first.save()
    stamp = table.stat()
    table.write_text("Nội dung;Dự toán\nThu thuế;900\n", encoding="utf-8")  # same size, same file
    os.utime(table, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # the same tick of the clock
    assert table.stat().st_ino == stamp.st_ino and table.stat().st_size == stamp.st_size
    after = BundleCache(tmp_path / "ho-so", "ngữ cảnh").checksum(scan(content), "thu.csv")
    assert after != before and after == hashlib.sha256(table.read_bytes()).hexdigest()


def test_sha256sums_never_lists_the_first_bytes_of_a_file_rewritten_in_the_same_tick(tmp_path):
    """SHA256SUMS keeps the checksums of files made outside the outputs' record (printed PDFs) by their stamps,
    by the same rule: a file rewritten in place at the same size within one tick is read again."""
    from plugins.disclosures.checksums import write_checksums

    site, record = tmp_path / "site", tmp_path / "sha256.json"
    (site / "print").mkdir(parents=True)
    sheet = site / "print/thong-bao.pdf"
    sheet.write_bytes(b"%PDF-1.7 ban thu nhat")
    write_checksums(site, record)
    stamp = sheet.stat()
    sheet.write_bytes(b"%PDF-1.7 ban thu hai!")  # same size, same file
    os.utime(sheet, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert sheet.stat().st_ino == stamp.st_ino and sheet.stat().st_size == stamp.st_size
    write_checksums(site, record)
    assert (site / "SHA256SUMS").read_text() == f"{hashlib.sha256(sheet.read_bytes()).hexdigest()}  print/thong-bao.pdf\n"


def test_sha256sums_reads_a_settled_file_once(tmp_path, monkeypatch):
    from plugins.disclosures import checksums

    site, record = tmp_path / "site", tmp_path / "sha256.json"
    (site / "print").mkdir(parents=True)
    (site / "print/a.pdf").write_bytes(b"%PDF-1.7 a")
    settled = time.time() - 60
    os.utime(site / "print/a.pdf", (settled, settled))
    checksums.write_checksums(site, record)
    read = []
    monkeypatch.setattr(checksums, "file_sha256", lambda path: read.append(path) or "0" * 64)
    checksums.write_checksums(site, record)
    assert read == [] and "print/a.pdf" in (site / "SHA256SUMS").read_text()


def test_sha256sums_takes_what_the_build_hashed_only_for_files_as_it_left_them(tmp_path, monkeypatch):
    """A file the outputs' record hashed is listed without being read again and is not recorded a second time
    (the digests' record holds the other files only: 646 KB at 1x was read and written on every build); one
    changed since the build recorded it is read."""
    from plugins.disclosures import checksums

    site, record = tmp_path / "site", tmp_path / "sha256.json"
    (site / "print").mkdir(parents=True)
    for name in ("a.json", "b.json", "print/c.pdf"):
        (site / name).write_bytes(name.encode())
        settled = time.time() - 60
        os.utime(site / name, (settled, settled))
    def stamp(name):
        info = (site / name).stat()
        return [info.st_size, info.st_mtime_ns, info.st_ino]
    known_now = {"a.json": [*stamp("a.json"), "1" * 64], "b.json": [stamp("b.json")[0], 1, stamp("b.json")[2], "2" * 64]}
    read = []
    monkeypatch.setattr(checksums, "file_sha256", lambda path: read.append(path.name) or "3" * 64)
    checksums.write_checksums(site, record, known_now)
    assert sorted(read) == ["b.json", "c.pdf"]
    assert (site / "SHA256SUMS").read_text() == (f"{'1' * 64}  a.json\n{'3' * 64}  b.json\n{'3' * 64}  print/c.pdf\n")
    assert sorted(json.loads(record.read_bytes())) == ["b.json", "print/c.pdf"]


def test_a_plugins_readme_is_not_code_a_module_is(tmp_path, monkeypatch):
    """Both fingerprints of the code (the store's, which starts every entry afresh, and the "nothing changed"
    check's) pass over a plugin's README: editing the docs rebuilt a whole commune from nothing."""
    from plugins.disclosures import cache, inputs

    plugin = tmp_path / "plugins/mau"
    plugin.mkdir(parents=True)
    (tmp_path / "requirements.txt").write_text("pelican\n")
    (plugin / "__init__.py").write_text("X = 1\n")
    (plugin / "README.md").write_text("# mẫu\n")
    monkeypatch.setattr(cache, "ROOT", tmp_path)
    monkeypatch.setattr(cache, "CODE", (tmp_path / "plugins", tmp_path / "requirements.txt"))
    monkeypatch.setattr(inputs, "ROOT", tmp_path)
    monkeypatch.setattr(inputs, "CODE", ("plugins", "requirements.txt"))

    def fingerprints():
        return cache.code_version.__wrapped__(), inputs.code_fingerprint()

    before = fingerprints()
    (plugin / "README.md").write_text("# mẫu\n\nMột đoạn giải thích mới.\n")
    assert fingerprints() == before
    (plugin / "__init__.py").write_text("X = 2\n")
    after = fingerprints()
    assert after[0] != before[0] and after[1] != before[1]


def test_each_test_process_builds_with_a_store_of_its_own():
    """A store shared by two xdist workers was removed by the first to end while the other still built."""
    folder = Path(os.environ["CKX_CACHE"])
    if not folder.name.startswith("ckx-cache-"):
        pytest.skip("CKX_CACHE was set by the person running the tests: used as it is")
    assert folder.name.startswith(f"ckx-cache-{os.environ.get('PYTEST_XDIST_WORKER', 'chinh')}-") and folder.is_dir()


def test_the_stores_reader_gives_a_files_every_byte(tmp_path):
    """cache.read_bytes reads by the operating system's calls, a mebibyte at a time: a large bundle's pickle
    comes back whole, an empty file as nothing."""
    from plugins.disclosures.cache import read_bytes

    data = os.urandom(3 * 1024 * 1024 + 17)
    (tmp_path / "lon.pickle").write_bytes(data)
    (tmp_path / "rong.pickle").write_bytes(b"")
    assert read_bytes(str(tmp_path / "lon.pickle")) == data and read_bytes(str(tmp_path / "rong.pickle")) == b""
