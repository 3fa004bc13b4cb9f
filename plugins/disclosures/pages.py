"""Static pages (content/pages/*.md): giới thiệu, liên hệ, hướng dẫn.

The same YAML front matter as disclosures, so the web editor writes one
format; only `title` is required.
"""

from __future__ import annotations

from plugins.disclosures.schema import Checker, Record, Text
from plugins.disclosures.yamlsource import NoFrontMatter, YamlSyntaxError, load, split_front_matter
from plugins.issues import WARNING, Issue
from plugins.privacy.rules import NO_OFFICIAL, Official
from plugins.vietnamese.text import is_slug, nfc, slugify

# The site's own top-level folders: a page there would replace (or be replaced by) them.
SITE_PATHS = frozenset({"admin", "api", "cong-khai", "dang-niem-yet", "du-lieu", "files", "loai", "nam", "nghia-vu",
                        "pagefind", "print", "so-lieu", "theme", "thon", "tim-kiem"})

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


def page_slug_issue(file: str, metadata: dict, taken: dict[str, str]) -> Issue | None:
    """A page's address is `<slug>/` (its `slug:`, else its file name): it must stay one folder inside the site,
    never one of the site's own, never another page's. `taken` maps the slugs seen so far to their files."""
    written = metadata.get("slug")
    slug = written or slugify(file.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    if written and not is_slug(written):
        return Issue(code="ten-ngan-khong-hop-le", file=file, key="slug",
                     message=f'slug "{written}" có ký tự không dùng được trong địa chỉ trang (chữ hoa, dấu, /, ..).',
                     hint=f'Viết slug bằng chữ thường không dấu nối bằng gạch ngang, ví dụ "{slugify(written) or "gioi-thieu"}".')
    other = taken.setdefault(slug, file)
    if slug in SITE_PATHS or other != file:
        owner = f"trang {other}" if other != file else "một mục của trang web"
        return Issue(code="ten-ngan-trung", file=file, key="slug" if written else None,
                     message=f'địa chỉ /{slug}/ của trang này trùng với {owner}.',
                     hint="Đặt một slug khác cho trang (dòng slug: ...), hoặc đổi tên tệp.")
    return None
