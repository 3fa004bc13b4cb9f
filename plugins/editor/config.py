"""The web editor's config.yml (Decap CMS format), generated from the kind schemas.

Never kept by hand: one collection per registered kind, its fields derived from
the same specs that validate front matter, so the editor offers exactly the
keys the build accepts. Dates are typed and stored as dd/mm/yyyy; villages
and posting places are pickers filled from commune.yml.
"""

from __future__ import annotations

from typing import Any

from plugins.disclosures.bundle import common_keys, place_choices
from plugins.disclosures.kinds import Kind, KindRegistry
from plugins.disclosures.model import Commune
from plugins.disclosures.schema import Date, Flag, ListOf, Record, Spec, Text, Time

# A text field, not Decap's date picker: the picker is the browser's own <input type="date">, which shows
# mm/dd/yyyy (and a "UTC" label) on an English browser, where an officer swaps day and month without
# noticing. dd/mm/yyyy is what officers write and what the build reads (never month first).
# Dates already stored ISO (2026-01-05, unambiguous) stay valid; the summary shows the value as stored,
# since Decap's date filter would read 05/01/2026 month first.
DATE = {"widget": "string", "pattern": [r"^\s*(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})\s*$",
                                        "Viết ngày theo dạng ngày/tháng/năm, ví dụ 05/01/2026."],
        "hint": "Ngày/tháng/năm, ví dụ 05/01/2026."}
TABLE_FILES = ".csv,.tsv,.txt,.xlsx"
DOCUMENT_FILES = ".pdf,.jpg,.jpeg,.png,.webp,.xlsx,.docx,.csv"


def widget(name: str, spec: Spec, context: dict[str, list[dict]], path: tuple[str, ...] = (),
           required: bool | None = None, inside_optional: bool = False) -> dict[str, Any]:
    """One Decap field for a front-matter key, with the Vietnamese label and hint its spec declares and whether
    it is required (`required` overrides the spec: a kind may need a key the contract leaves optional).
    Decap refuses to save an optional group left empty when one of its keys is required, so inside an
    optional group those keys are marked in their hint instead; the build still checks them."""
    must = bool(getattr(spec, "required", False)) if required is None else required
    hint = spec.hint
    if must and inside_optional:
        must, hint = False, " ".join(filter(None, [hint, "Bắt buộc khi điền nhóm này."]))
    field: dict[str, Any] = {"name": name, "label": spec.label or name, "required": must}
    if hint:
        field["hint"] = hint
    optional_group = inside_optional or not must
    full = ".".join((*path, name))
    if full in context:  # pickers filled from commune.yml
        field |= {"widget": "select", "multiple": True, "options": context[full]}
    elif full in ("tables", "attachments"):
        item = spec.item
        fields = [widget(k, s, context, (*path, name)) for k, s in item.fields.items()]  # each item is whole
        accept = TABLE_FILES if full == "tables" else DOCUMENT_FILES
        for sub in fields:
            if sub["name"] == "file":
                sub |= {"widget": "file", "media_library": {"config": {"accept": accept}}}
        field |= {"widget": "list", "fields": fields}
    elif isinstance(spec, Record):
        field |= {"widget": "object", "collapsed": False,
                  "fields": [widget(k, s, context, (*path, name), inside_optional=optional_group)
                             for k, s in spec.fields.items()]}
    elif isinstance(spec, ListOf):
        if isinstance(spec.item, Record):
            field |= {"widget": "list", "fields": [widget(k, s, context, (*path, name))
                                                   for k, s in spec.item.fields.items()]}
        elif isinstance(spec.item, Date):
            field |= {"widget": "list", "field": {"name": "ngay", "label": "Ngày"} | DATE}
        else:
            field |= {"widget": "list"}
    elif isinstance(spec, Date):
        field |= DATE
    elif isinstance(spec, Flag):
        field |= {"widget": "boolean", "default": False}
    elif isinstance(spec, Time):
        field |= {"widget": "string", "pattern": [r"^\d{1,2}[:hH]\d{2}$", "Viết giờ dạng 07:30"]}
    elif isinstance(spec, Text) and spec.choices:
        field |= {"widget": "select", "options": [{"label": label, "value": value} for value, label in spec.choices.items()]}
    elif getattr(spec, "choices", None):  # kind-specific pickers such as the weekday
        field |= {"widget": "select", "options": list(spec.choices)}
    else:
        field |= {"widget": "string"}
    return field


def collection(kind: Kind, kinds: KindRegistry, commune: Commune) -> dict[str, Any]:
    villages = [{"label": v.name, "value": v.slug} for v in commune.villages]
    context = {
        "villages": villages,
        "posting.places": [{"label": label, "value": value} for value, label in place_choices(commune).items()],
    }
    keys = {k: s for k, s in common_keys(kinds).items() if k not in ("kind", "on_behalf")} | dict(kind.front_keys)
    if kind.tables is None:
        keys.pop("tables")
    needed = {"posting": kind.posting_required, "tables": bool(kind.tables and kind.tables.required)}
    fields = [{"name": "kind", "label": "Loại công khai", "widget": "hidden", "default": kind.id}]
    fields += [widget(name, spec, context, required=needed.get(name)) for name, spec in keys.items()]
    if kind.tables and kind.tables.roles:
        roles = [{"label": label, "value": value} for value, label in kind.tables.roles.items()]
        table_field = next(f for f in fields if f["name"] == "tables")
        for sub in table_field["fields"]:
            if sub["name"] == "role":
                sub |= {"widget": "select", "options": roles}
    fields.append({"name": "body", "label": "Nội dung thuyết minh", "widget": "markdown", "required": False,
                   "hint": "Viết như văn bản thường; có thể in đậm, gạch đầu dòng, chèn bảng."})
    return {
        "name": kind.id.replace("-", "_"),
        "label": kind.label,
        "label_singular": kind.label,
        "description": kind.description,
        "folder": "content/disclosures",
        "path": "{{year}}/{{slug}}/index",
        "media_folder": "",
        "public_folder": "",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "filter": {"field": "kind", "value": kind.id},
        "slug": "{{slug}}",
        "summary": "{{issued}} – {{title}}",
        "sortable_fields": ["issued", "title"],
        "fields": fields,
    }


def pages_collection() -> dict[str, Any]:
    return {"name": "pages", "label": "Trang thông tin", "label_singular": "Trang", "folder": "content/pages",
            "extension": "md", "format": "frontmatter", "create": True, "slug": "{{slug}}",
            "fields": [{"name": "title", "label": "Tiêu đề", "widget": "string"},
                       {"name": "order", "label": "Thứ tự trong menu", "widget": "string", "required": False},
                       {"name": "body", "label": "Nội dung", "widget": "markdown"}]}


# What the online backends write as commit messages, in Vietnamese, naming the document by its folder;
# the local backend (plugins/editor/local_backend.py) writes its own.
COMMIT_MESSAGES = {
    "create": "Thêm {{collection}}: {{slug}}",
    "update": "Sửa {{collection}}: {{slug}}",
    "delete": "Xóa {{collection}}: {{slug}}",
    "uploadMedia": "Tải lên tệp {{path}}",
    "deleteMedia": "Xóa tệp {{path}}",
}
# Folder names Decap makes from a title: plain Latin letters, digits and dashes, as the build requires
# ("Công khai dự toán" -> "cong-khai-du-toan").
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def editor_config(kinds: KindRegistry, commune: Commune, backend: dict[str, Any]) -> dict[str, Any]:
    return {
        "backend": {"commit_messages": COMMIT_MESSAGES, **backend},
        "slug": SLUG,
        "local_backend": True,  # used when the editor is opened from this machine (`make editor`)
        "locale": "vi",
        "media_folder": "content/files",
        "public_folder": "/files",
        "site_url": commune.site_url or "",
        "display_url": commune.site_url or "",
        "collections": [collection(kind, kinds, commune) for kind in kinds] + [pages_collection()],
    }
