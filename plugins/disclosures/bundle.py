"""One disclosure bundle: index.md front matter and body, checked against contract v1.

Pure: the caller passes the text of index.md and the names and sizes of the
files in the bundle folder; this module returns the `Disclosure` (or None when
it cannot be built) and every issue found.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from plugins.disclosures.files import DEFAULT_LIMITS, Limits
from plugins.disclosures.kinds import Kind, KindRegistry
from plugins.disclosures.model import Commune, Disclosure, FileRef, Posting, Signer
from plugins.disclosures.schema import Checker, Date, Flag, ListOf, Record, Text, walk
from plugins.disclosures.yamlsource import NoFrontMatter, YamlSyntaxError, load, split_front_matter
from plugins.issues import ERROR, WARNING, Issue
from plugins.vietnamese.text import fold, is_slug, nfc, slugify

BOARD_PLACES = {
    "commune-hq": "Trụ sở Ủy ban nhân dân",
    "all-villages": "Nhà văn hóa các thôn, tổ dân phố",
    "website": "Trang thông tin điện tử",
    "loudspeaker": "Hệ thống truyền thanh",
}
TITLE_CHARACTERS = 500  # the longest real titles run to about 300: "Quyết định về việc công bố công khai ..."
PLACEHOLDER = "Viết nội dung thuyết minh ở đây."  # what `make new` writes; never published
TABLE_EXTENSIONS = (".csv", ".tsv", ".txt", ".xlsx")

SIGNER = Record(fields={"role": Text(required=True, label="Chức vụ người ký", hint="Ví dụ: CHỦ TỊCH"),
                        "name": Text(required=True, label="Họ và tên người ký"),
                        "on_behalf": Text(label="Thay mặt", hint="Ví dụ: TM. ỦY BAN NHÂN DÂN")},
                label="Người ký", hint="Như ở khối chữ ký của bản giấy.")
POSTING = Record(fields={"from": Date(required=True, label="Từ ngày"), "to": Date(required=True, label="Đến hết ngày"),
                         "places": ListOf(required=True, label="Nơi niêm yết")},
                 label="Niêm yết", hint="Thời gian và nơi niêm yết.")
TABLE = Record(fields={"file": Text(required=True, label="Tệp bảng"),
                       "role": Text(label="Bảng này là", hint="Chọn nội dung của bảng."),
                       "sheet": Text(label="Trang tính (Excel)", hint="Để trống: mọi trang tính có số liệu."),
                       "title": Text(label="Tên bảng", hint="Để trống: lấy tên biểu trong tệp.")})
ATTACHMENT = Record(fields={"file": Text(required=True, label="Tệp"),
                            "title": Text(label="Tên tệp trên trang", hint="Ví dụ: Bản quét có chữ ký.")})


def common_keys(kinds: KindRegistry) -> dict[str, Any]:
    """The front-matter keys every kind shares (design §2)."""
    return {
        "title": Text(required=True, max_chars=TITLE_CHARACTERS, label="Tiêu đề",
                      hint="Tên đầy đủ của văn bản, như trên bản giấy."),
        "kind": Text(required=True, choices=kinds.labels(), label="Loại công khai"),
        "number": Text(label="Số, ký hiệu", hint="Ví dụ: 15/TB-UBND. Để trống nếu chưa có số."),
        "issued": Date(required=True, label="Ngày ban hành"),
        "effective": Date(label="Ngày có hiệu lực", hint="Để trống nếu có hiệu lực từ ngày ban hành."),
        # what a disclosure deadline runs from (plugins/obligations): the HĐND resolution, the plan's approval
        "decided": Date(label="Ngày quyết định, phê duyệt",
                        hint="Ngày của nghị quyết Hội đồng nhân dân hoặc quyết định phê duyệt mà văn bản này công khai; "
                             "dùng để tính hạn công khai. Để trống: lấy ngày của nghị quyết, quyết định ghi trong căn cứ."),
        "summary": Text(label="Trích yếu", hint="Một câu tóm tắt; để trống thì dùng tiêu đề."),
        "issuer": Text(label="Cơ quan ban hành", hint="Để trống: Ủy ban nhân dân xã."),
        "signer": SIGNER,
        "on_behalf": Text(label="Thay mặt"),
        "legal_basis": ListOf(label="Căn cứ", hint="Mỗi dòng một văn bản, ví dụ: Luật Thực hiện dân chủ ở cơ sở 2022, "
                                                  "Điều 11"),
        "posting": POSTING,
        "villages": ListOf(label="Thôn liên quan"),
        "tables": ListOf(item=TABLE, label="Bảng số liệu", hint="Tệp CSV hoặc Excel (.xlsx) theo mẫu của loại công khai."),
        "attachments": ListOf(item=ATTACHMENT, label="Tệp đính kèm", hint="Bản quét có chữ ký, bản đồ (PDF)."),
        # "Nơi nhận" of the printed sheet; built from the posting places when absent
        "recipients": ListOf(label="Nơi nhận", hint="Để trống: lập từ nơi niêm yết."),
        # being prepared: left out of the published site (docs/quyet-dinh.md, "Drafts")
        "draft": Flag(label="Bản nháp, chưa đăng", hint="Bật khi còn đang soạn: văn bản không lên trang, không vào tìm "
                                                     "kiếm, dữ liệu mở và bản in cho đến khi tắt. Xem thử: make serve "
                                                     "DRAFTS=1."),
    }


def parse_bundle(
    source_dir: str,
    text: str,
    files: Mapping[str, int],
    commune: Commune,
    kinds: KindRegistry,
    limits: Limits = DEFAULT_LIMITS,
    show_drafts: bool = True,
) -> tuple[Disclosure | None, list[Issue]]:
    """Check one bundle. `source_dir` is "disclosures/<year>/<slug>" relative to content/;
    `files` maps each file name in the bundle (relative, "/"-separated) to its size. A draft's problems are
    warnings unless drafts are shown: it is not published, so it must not stop the site's daily build."""
    index = f"{source_dir}/index.md"
    parts = source_dir.split("/")
    if len(parts) != 3 or not (parts[1].isdigit() and len(parts[1]) == 4):
        return None, [Issue(code="sai-vi-tri-ho-so", file=index,
                            message="hồ sơ phải nằm trong thư mục disclosures/<năm>/<tên-ngắn>/.",
                            hint="Chuyển thư mục hồ sơ vào thư mục năm ban hành, ví dụ disclosures/2026/thong-bao-lich-tiep-dan/.")]
    try:
        yaml_text, yaml_line, body, body_line = split_front_matter(nfc(text))
    except NoFrontMatter:
        return None, [Issue(code="thieu-front-matter", file=index, line=1,
                            message="tệp không bắt đầu bằng phần khai báo giữa hai dòng ---.",
                            hint="Thêm ở đầu tệp: một dòng ---, các dòng title:, kind:, issued: ..., rồi một dòng ---.")]
    try:
        document = load(yaml_text, yaml_line, max_bytes=limits.yaml_bytes)
    except YamlSyntaxError as exc:
        return None, [exc.issue(index)]
    checker = Checker(index, document)
    _misspelt_draft_keys(document.data, checker)
    if not is_slug(parts[2]):
        checker.issues.append(Issue(code="ten-ngan-khong-hop-le", file=index,
                                    message=f'tên thư mục "{parts[2]}" có chữ hoa, dấu hoặc khoảng trắng, '
                                            "nên không dùng được làm địa chỉ trang.",
                                    hint=f'Đổi tên thư mục thành "{slugify(parts[2])}".'))
    kind = kinds.get(document.data.get("kind")) if isinstance(document.data, dict) else None
    keys = common_keys(kinds) | (dict(kind.front_keys) if kind else {})
    data = checker.check(Record(fields=keys))
    if not isinstance(data, dict):
        return None, checker.issues
    checker.check_texts(commune.official)
    checker.check_body(body, body_line, commune.official)
    # Every check runs even when a required key is missing: the officer gets all problems at once.
    issued = data["issued"]
    posting = _posting(data["posting"], kind, issued, commune, checker)
    villages = _villages(data["villages"] or [], commune, checker)
    tables = _file_refs(data["tables"] or [], "tables", files, checker, kind=kind, is_table=True)
    attachments = _file_refs(data["attachments"] or [], "attachments", files, checker)
    _check_images(body, body_line, index, attachments, checker)
    if PLACEHOLDER in body:
        checker.issues.append(Issue(code="noi-dung-mau", file=index, line=body_line + body[:body.index(PLACEHOLDER)].count("\n"),
                                    message=f'phần thuyết minh vẫn là câu mẫu "{PLACEHOLDER}".',
                                    hint="Thay câu mẫu bằng nội dung thuyết minh thật của văn bản."))
    if kind is not None and kind.tables and kind.tables.required and not data["tables"]:
        checker.report("thieu-bang", ("kind",), f'loại "{kind.label}" phải có bảng số liệu nhưng chưa khai báo bảng nào.',
                       "Chép bảng Excel/CSV vào thư mục hồ sơ (make import) và khai báo: tables: [{file: ten-bang.csv}].")
    draft = data["draft"] is True
    issues = as_draft(checker.issues) if draft and not show_drafts else checker.issues
    if kind is None or not data["title"] or not issued:
        return None, issues
    if int(parts[1]) != issued.year:
        checker.report("nam-thu-muc-khac-nam-ban-hanh", ("issued",),
                       f"hồ sơ nằm trong thư mục {parts[1]} nhưng ban hành năm {issued.year}.",
                       f"Chuyển thư mục hồ sơ sang disclosures/{issued.year}/.", severity=WARNING)
    issuing = kind.issued_by({key: data[key] for key in kind.front_keys} | {"title": data["title"],
                              "villages": villages}, commune) if kind.issued_by else None
    signer = None
    if data["signer"] and data["signer"]["role"] and data["signer"]["name"]:
        on_behalf = data["signer"]["on_behalf"] or data["on_behalf"]
        signer = Signer(role=data["signer"]["role"], name=data["signer"]["name"], on_behalf=on_behalf)
    disclosure = Disclosure(
        year=parts[1],
        slug=parts[2],
        source_dir=source_dir,
        title=data["title"],
        kind=kind.id,
        issued=data["issued"],
        issuer=data["issuer"] or (issuing.issuer if issuing else commune.people_committee),
        number=data["number"],
        signer=signer,
        legal_basis=tuple(data["legal_basis"] or kind.legal_basis),
        posting=posting,
        villages=villages,
        tables=tables,
        attachments=attachments,
        body_markdown=body,
        summary=data["summary"],
        draft=draft,
        front={key: data[key] for key in kind.front_keys},
        effective=data["effective"],
        decided=data["decided"] or decided_in_basis(data["legal_basis"] or (), issued),
        recipients=tuple(data["recipients"]) if data["recipients"] is not None else None,
        issuing=issuing,
    )
    return disclosure, issues


_DECISION = re.compile(r"\b(?:nghi quyet|quyet dinh)\b[^;]*?\bngay (\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})\b")  # folded


def decided_in_basis(lines, issued) -> dt.date | None:
    """The latest date of a resolution or decision named in the legal basis ("Nghị quyết số 18/NQ-HĐND ngày
    20/12/2025 của Hội đồng nhân dân xã"), on or before the issue date: what a disclosure publishes, when
    `decided` does not say. Laws, decrees and circulars ("Nghị định", "Thông tư") are never it."""
    found = []
    for line in lines:
        for day, month, year in _DECISION.findall(fold(line)):
            try:
                date = dt.date(int(year), int(month), int(day))
            except ValueError:
                continue
            if date <= issued:
                found.append(date)
    return max(found, default=None)


_DRAFT_KEY = re.compile(r"^(?:is |la )?(?:drafts?|ban nhap)$")


def _misspelt_draft_keys(data: Any, checker: Checker) -> None:
    """`Draft: true`, `drafts: true` or `draft:` under `posting:` keep nothing back, and an unknown key is only a
    warning: the officer's draft would be published. Any key that reads as "draft" but is not the top-level
    `draft` is an error."""
    for path, _value in walk(data):
        if path and path != ("draft",) and isinstance(path[-1], str) and _DRAFT_KEY.match(fold(path[-1])):
            checker.report("khoa-ban-nhap-sai", path, f'khóa "{path[-1]}" không giữ được hồ sơ lại làm bản nháp: '
                           "chỉ dòng draft: true ở đầu phần khai báo mới có tác dụng.",
                           'Viết đúng một dòng "draft: true" (chữ thường, không lồng trong khóa khác), '
                           "hoặc xóa dòng này nếu văn bản đã sẵn sàng đăng.")


def role_words(label: str) -> str:
    """"Cân đối ngân sách" -> "cân đối": what an officer writes for a table's role, the label without its noun."""
    return label.lower().removesuffix(" xã").removesuffix(" ngân sách") or label.lower()


def table_role(written: str, roles: Mapping[str, str]) -> str:
    """The role code a table's `role:` names: its code ("revenue"), its label ("Thu ngân sách"), or the label's
    first words as officers write them ("thu", "chi", "cân đối"). Unknown spellings are returned as written."""
    folded = fold(written)
    for code, label in roles.items():
        if folded in (code, fold(label), fold(role_words(label)), fold(label) + " xa"):
            return code
    return written


def as_draft(issues: list[Issue]) -> list[Issue]:
    """A hidden draft's problems, told but not blocking: each error becomes a warning saying so."""
    return [issue if issue.severity != ERROR else
            replace(issue, severity=WARNING, message=f"(bản nháp, chưa đăng) {issue.message}",
                    hint=f"{issue.hint} Phải sửa trước khi bỏ dòng draft: true.".strip())
            for issue in issues]


_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)|<img\b[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def _check_images(body: str, first_line: int, file: str, attachments: tuple[FileRef, ...], checker: Checker) -> None:
    """An image in the explanation must be a declared attachment of the bundle: a remote one tracks citizens and
    breaks the printed sheet, a missing one shows nothing."""
    declared = {ref.file for ref in attachments}
    for offset, line in enumerate(body.splitlines()):
        for match in _IMAGE.finditer(line):
            source = match.group(1) or match.group(2)
            if unquote(source) not in declared:
                checker.issues.append(Issue(
                    code="anh-khong-hop-le", file=file, line=first_line + offset,
                    message=f'ảnh "{source}" không phải là tệp đính kèm của hồ sơ này.',
                    hint="Chép ảnh (JPEG, PNG) vào thư mục hồ sơ, khai báo nó trong attachments, rồi chèn bằng "
                         "tên tệp, ví dụ ![Sơ đồ](so-do.png)."))


def place_choices(commune: Commune) -> dict[str, str]:
    return BOARD_PLACES | {v.slug: f"Nhà văn hóa {v.name}" for v in commune.villages}


def _posting(data: dict | None, kind: Kind | None, issued, commune: Commune, checker: Checker) -> Posting | None:
    if not data:
        if kind is not None and kind.posting_required:
            checker.report("thieu-khoa", ("posting",), f'loại "{kind.label}" phải khai báo thời gian và nơi niêm yết (posting).',
                           "Thêm posting: {from: ..., to: ..., places: [commune-hq, all-villages, website]}.")
        return None
    choices = place_choices(commune)
    places = []
    for index, place in enumerate(data["places"] or []):
        if place in choices:
            places.append(place)
        else:
            checker.report("gia-tri-khong-hop-le", ("posting", "places", index), f'"{place}" không phải là nơi niêm yết đã biết.',
                           f"Chọn một trong: {', '.join(choices)}.")
    start, end = data["from"], data["to"]
    if not (start and end):
        return None
    if end < start:
        checker.report("thoi-gian-niem-yet-nguoc", ("posting", "to"),
                       f"ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.",
                       "Kiểm tra lại hai ngày; có thể đã đảo ngày và tháng.")
        return None
    if issued and start < issued:
        checker.report("niem-yet-truoc-ban-hanh", ("posting", "from"),
                       f"bắt đầu niêm yết {start:%d/%m/%Y}, trước ngày ban hành {issued:%d/%m/%Y}.",
                       "Kiểm tra ngày ban hành (issued) và ngày bắt đầu niêm yết.", severity=WARNING)
    return Posting(start=start, end=end, places=tuple(places))


def _villages(slugs: list[str], commune: Commune, checker: Checker) -> tuple[str, ...]:
    known = []
    for index, slug in enumerate(slugs):
        if commune.village(slug):
            known.append(slug)
        else:
            checker.report("thon-khong-co", ("villages", index), f'"{slug}" không có trong danh sách thôn của commune.yml.',
                           f"Các thôn đã khai báo: {', '.join(v.slug for v in commune.villages)}.")
    return tuple(known)


def _file_refs(items: list[dict], key: str, files: Mapping[str, int], checker: Checker,
               kind: Kind | None = None, is_table: bool = False) -> tuple[FileRef, ...]:
    refs = []
    for index, item in enumerate(items):
        path = (key, index, "file")
        name = item["file"]
        if not name:
            continue
        normal = posixpath.normpath(name)
        if name.startswith("/") or "\\" in name or normal.startswith("..") or any(ord(ch) < 32 for ch in name):
            shown = "".join(ch if ord(ch) >= 32 else f"\\x{ord(ch):02x}" for ch in name)  # never print a NUL
            checker.report("duong-dan-khong-hop-le", path, f'"{shown}" không phải là tên một tệp trong thư mục hồ sơ.',
                           "Đặt tệp vào chính thư mục hồ sơ và chỉ ghi tên tệp.")
            continue
        if normal not in files:
            checker.report("tep-khong-ton-tai", path, f'không có tệp "{name}" trong thư mục hồ sơ.',
                           "Kiểm tra tên tệp (cả chữ hoa, chữ thường và phần đuôi) hoặc chép tệp vào thư mục hồ sơ.")
            continue
        role = item.get("role")
        if is_table:
            if not normal.lower().endswith(TABLE_EXTENSIONS):
                checker.report("gia-tri-khong-hop-le", path, f'"{name}" không phải là bảng CSV hoặc Excel (.xlsx).',
                               "Lưu bảng dưới dạng .csv hoặc .xlsx; tệp PDF khai báo ở attachments.")
                continue
            if kind is not None and kind.tables is None:
                checker.report("gia-tri-khong-hop-le", path, f'loại "{kind.label}" không có bảng số liệu; bảng này không được đăng.',
                               "Nếu muốn người dân tải tệp về, khai báo tệp trong attachments.", severity=WARNING)
                continue
            roles = kind.tables.roles if kind else None
            role = table_role(role, roles) if roles and role else role
            if roles is not None and role not in roles and (role or len(roles) != 1):
                checker.report("gia-tri-khong-hop-le", (key, index, "role"),
                               f'vai trò bảng "{role or ""}" không dùng được cho loại "{kind.label}".',
                               "Chọn một trong: " + ", ".join(f"{code} ({label})" for code, label in roles.items())
                               + ". Viết tiếng Việt cũng được: " + ", ".join(role_words(label) for label in roles.values())
                               + ".")
                continue
            if roles and not role:
                role = next(iter(roles))
        refs.append(FileRef(file=normal, title=item.get("title"), role=role, sheet=item.get("sheet"), size=files[normal]))
    return tuple(refs)
