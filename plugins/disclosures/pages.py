"""Static pages (content/pages/*.md): giới thiệu, liên hệ, hướng dẫn.

The same YAML front matter as disclosures, so the web editor writes one
format; only `title` is required.
"""

from __future__ import annotations

from plugins.disclosures.schema import Checker, Record, Text
from plugins.disclosures.yamlsource import NoFrontMatter, YamlSyntaxError, load, split_front_matter
from plugins.issues import WARNING, Issue
from plugins.privacy.rules import NO_OFFICIAL, Official
from plugins.vietnamese.text import nfc

PAGE = Record(fields={"title": Text(required=True), "summary": Text(), "order": Text(), "slug": Text()})


def parse_page(file: str, text: str, max_bytes: int | None = None,
               official: Official = NO_OFFICIAL) -> tuple[dict | None, str, list[Issue]]:
    """Return (metadata, Markdown body, issues) for one page; metadata is None when unusable."""
    try:
        yaml_text, yaml_line, body, body_line = split_front_matter(nfc(text))
    except NoFrontMatter:
        return None, "", [Issue(code="thieu-front-matter", file=file, line=1,
                                message="trang không bắt đầu bằng phần khai báo giữa hai dòng ---.",
                                hint="Thêm ở đầu tệp: ---, một dòng title: Tên trang, rồi ---.")]
    try:
        document = load(yaml_text, yaml_line, max_bytes=max_bytes)
    except YamlSyntaxError as exc:
        return None, "", [exc.issue(file)]
    checker = Checker(file, document)
    data = checker.check(PAGE)
    checker.check_texts(official)
    checker.check_body(body, body_line, official)
    if isinstance(data, dict) and data["order"] and not data["order"].isdigit():
        checker.report("sai-kieu", ("order",), f'"{data["order"]}" không phải là số thứ tự.',
                       "Ghi một số nguyên, ví dụ order: 2.", severity=WARNING)
        data["order"] = None
    if not isinstance(data, dict) or not data["title"]:
        return None, body, checker.issues
    return data, body, checker.issues
