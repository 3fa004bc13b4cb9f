"""Open data: each disclosure's tables as a Frictionless Data Package, and the catalogue of them all.

A kind declares its datasets (`Resource`: the CSV's Vietnamese headers, their
Table Schema types and units, and the rows); everything else is shaped here
once: the typed CSV (numbers `1234567.5`, dates ISO, yes/no as "có"/"không",
UTF-8 with BOM so Excel shows the Vietnamese letters), the
`datapackage.json` describing them (title, legal basis as sources, licence),
and the site's catalogue. Pure: no Pelican, no files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from plugins.tables.write import csv_bytes, safe_cell

FOLDER = "du-lieu/"  # beside the page: cong-khai/2026/x/du-lieu/datapackage.json
PACKAGE_FILE = "datapackage.json"
TRUE, FALSE = "có", "không"
DEFAULT_LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Ghi công 4.0 Quốc tế",
                   "path": "https://creativecommons.org/licenses/by/4.0/deed.vi"}
TYPES = ("string", "integer", "number", "date", "time", "boolean", "year")


@dataclass(frozen=True)
class Field:
    """One column of a published CSV: `name` is its header, as the form writes it."""

    name: str
    type: str = "string"
    unit: str | None = None  # "triệu đồng", "ha", "%": also said in the description for readers of the CSV
    description: str | None = None
    required: bool = False
    measure: str | None = None  # "estimate"/"actual": the commune's own figure, for portals comparing communes

    def descriptor(self) -> dict[str, Any]:
        described = {"name": self.name, "title": self.name, "type": self.type}
        if self.type == "boolean":
            described |= {"trueValues": [TRUE], "falseValues": [FALSE]}
        words = [w for w in (self.description, self.unit and f"Đơn vị: {self.unit}.") if w]
        if words:
            described["description"] = " ".join(words)
        if self.unit:
            described["unit"] = self.unit
        if self.required:
            described["constraints"] = {"required": True}
        if self.measure:
            described["measure"] = self.measure
        return described


@dataclass(frozen=True)
class Resource:
    """One table of a disclosure as open data. `rows` is called only when the CSV is written, so the catalogue
    can list every table without converting every row."""

    name: str  # file stem, lower-case ASCII: "thu-ngan-sach"
    title: str
    fields: tuple[Field, ...]
    rows: Callable[[], Iterable[Sequence[Any]]] = field(compare=False)
    description: str | None = None
    role: str | None = None  # what the table is within its kind ("revenue"): lets a portal find it

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def named_once(fields: Sequence[Field]) -> tuple[Field, ...]:
    """Headers a form repeats word for word ("Dự toán" over two scopes) numbered from the second on: a CSV
    column is found by its header, so no two may share one."""
    seen: dict[str, int] = {}
    named = []
    for f in fields:
        seen[f.name] = seen.get(f.name, 0) + 1
        named.append(f if seen[f.name] == 1 else replace(f, name=f"{f.name} ({seen[f.name]})"))
    return tuple(named)


DatasetMaker = Callable[[Any, Any], list[Resource]]
"""(disclosure, the data its kind's loader returned) -> its tables as open data."""


def typed_cell(value: Any, type_: str) -> str | None:
    """A value as Table Schema reads its type by default: numbers without grouping and with a point, ISO dates
    and times; text a spreadsheet would run as a formula is neutralised."""
    if value is None or value == "":
        return None
    if type_ == "boolean":
        return TRUE if value else FALSE
    if isinstance(value, Decimal):
        return format(value.normalize() if value == value.to_integral_value() else value, "f")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return safe_cell(str(value)) if type_ == "string" else str(value)


def resource_csv(resource: Resource) -> bytes:
    types = [f.type for f in resource.fields]
    rows = ([typed_cell(value, t) for value, t in zip(row, types, strict=True)] for row in resource.rows())
    return csv_bytes([f.name for f in resource.fields], rows)


def package_descriptor(name: str, disclosure_meta: Mapping[str, Any], resources: Sequence[Resource],
                       license_: Mapping[str, str]) -> dict[str, Any]:
    """`datapackage.json`: what the data is, where it comes from (the disclosure and its legal basis) and how
    it may be reused. `disclosure_meta`: title, description, issued, issuer, number, legal_basis, page."""
    meta = disclosure_meta
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": name,
        "title": meta["title"],
        "licenses": [dict(license_)],
        "created": f"{meta['issued']}T00:00:00+07:00",  # the day it was issued, in Viet Nam
        "homepage": meta["page"],
        "contributors": [{"title": meta["issuer"], "role": "publisher"}],
        "sources": [{"title": basis} for basis in meta.get("legal_basis", ())],
        "keywords": [k for k in meta.get("keywords", ()) if k],
    }
    if meta.get("description"):
        descriptor["description"] = meta["description"]
    if meta.get("number"):
        descriptor["documentNumber"] = meta["number"]  # "05/QĐ-UBND": the disclosure's own number, not a version
    descriptor["resources"] = [{
        "name": r.name, "title": r.title, "path": r.path, "profile": "tabular-data-resource",
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
        **({"description": r.description} if r.description else {}),
        **({"role": r.role} if r.role else {}),
        "schema": {"fields": [f.descriptor() for f in r.fields]},
    } for r in resources]
    return descriptor


def package_files(name: str, disclosure_meta: Mapping[str, Any], resources: Sequence[Resource],
                  license_: Mapping[str, str]) -> dict[str, bytes]:
    """File name (under FOLDER) -> bytes: each CSV and the descriptor; deterministic bytes."""
    resources = named_apart(resources)
    files = {r.path: resource_csv(r) for r in resources}
    descriptor = package_descriptor(name, disclosure_meta, resources, license_)
    files[PACKAGE_FILE] = (json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files


def named_apart(resources: Sequence[Resource]) -> list[Resource]:
    """Two tables whose files slug alike ("Thu.csv", "thu.xlsx") get "-2" and on: a package names each once."""
    seen: dict[str, int] = {}
    named = []
    for r in resources:
        seen[r.name] = seen.get(r.name, 0) + 1
        named.append(r if seen[r.name] == 1 else replace(r, name=f"{r.name}-{seen[r.name]}"))
    return named


def check_license(value: Any) -> str | None:
    """What is wrong with a CKX_DATA_LICENSE value, or None."""
    if not isinstance(value, Mapping) or not all(isinstance(value.get(k), str) and value.get(k)
                                                for k in ("name", "title", "path")):
        return "cần một dict có name, title và path (chữ)"
    return None
