"""A disclosure's data package as downloads, and the site's catalogue of every package.

The catalogue is read by people (the `/du-lieu/` page) and by machines: the
province portal aggregates each commune's `du-lieu/danh-muc.json`. Paths in it
are relative to the site's root, with `site_url` given once to make them whole.
"""

from __future__ import annotations

import json
from typing import Any

from plugins.disclosures.kinds import Download
from plugins.open_data.package import FOLDER, PACKAGE_FILE, Resource, named_apart, package_files
from plugins.vietnamese.text import slugify

CATALOGUE_FILE = "du-lieu/danh-muc.json"


def disclosure_resources(disclosure, kind) -> list[Resource]:
    """Its tables as open data; none for a kind without datasets or a disclosure without tables read."""
    data = disclosure.shown.data
    if kind is None or kind.exports.datasets is None or data is None:
        return []
    return named_apart(kind.exports.datasets(disclosure, data))


def package_name(disclosure, commune) -> str:
    """"xa-hoa-an-du-toan-ngan-sach-2026": by name, not by the commune's code, whose digits next to the year
    would read as an ID number to the personal-data scan of the built site."""
    return slugify(f"{commune.type} {commune.name} {disclosure.year} {disclosure.slug}")


def page_address(commune, path: str) -> str:
    return f"{commune.site_url.rstrip('/')}/{path}" if commune.site_url else f"/{path}"


def package_downloads(disclosure, resources: list[Resource], commune, license_) -> list[Download]:
    """The typed CSVs and `datapackage.json`, under `du-lieu/` beside the page."""
    if not resources:
        return []
    meta = {"title": disclosure.title, "description": disclosure.summary, "issued": disclosure.issued.isoformat(),
            "issuer": ", ".join(reversed(disclosure.issuer.split("\n"))), "number": disclosure.number, "legal_basis": disclosure.legal_basis,
            "page": page_address(commune, disclosure.url), "keywords": [commune.name, *disclosure.shown.village_names]}
    files = package_files(package_name(disclosure, commune), meta, resources, license_)
    titles = {r.path: f"{r.title} (CSV, dữ liệu mở)" for r in resources}
    titles[PACKAGE_FILE] = "Mô tả gói dữ liệu mở (datapackage.json)"
    return [Download(FOLDER + name, titles.get(name, name), content) for name, content in files.items()]


def catalogue_head(commune, license_) -> dict[str, Any]:
    return {
        "title": f"Dữ liệu mở công khai – Ủy ban nhân dân {commune.in_sentence}",
        "commune": {"name": commune.name, "type": commune.type, "code": commune.code, "province": commune.province},
        "site_url": commune.site_url or None,
        "license": dict(license_),
    }


def dataset_entry(d, kind, resources: list[Resource], commune) -> dict[str, Any]:
    return {
        "name": package_name(d, commune), "title": d.title, "kind": kind.id, "kind_label": kind.label,
        "issued": d.issued.isoformat(), "last_changed": d.last_changed.isoformat() if d.last_changed else None,
        "page": d.url, "datapackage": f"{d.url}{FOLDER}{PACKAGE_FILE}",
        "resources": [{"name": r.name, "title": r.title, "path": f"{d.url}{FOLDER}{r.path}",
                       "fields": [f.name for f in r.fields]} for r in resources],
    }


def disclosure_entry(d, kind) -> dict[str, Any]:
    return {
        "title": d.title, "kind": kind.id, "kind_label": kind.label, "page": d.url,
        "issued": d.issued.isoformat(), "number": d.number,
        "posting": {"from": d.posting.start.isoformat(), "to": d.posting.end.isoformat(),
                    "places": list(d.posting.places)} if d.posting else None,
        "key_figure": d.shown.key_figure,
    }


def compact(value: Any) -> str:
    """JSON as the catalogue writes it: compact, and Vietnamese as it is (made again after any edit, as it lists
    every disclosure; indented, Python's encoder is its slow one, and the file a quarter larger for the portal
    that fetches it)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def catalogue_bytes(head: dict[str, Any], datasets: list[str], disclosures: list[str]) -> bytes:
    """The machine-readable catalogue: its head, the `dataset_entry` of each disclosure with data, and the
    `disclosure_entry` of every disclosure of the site, the site's index a province portal reads (what is
    posted where and when; the portal works out "đang niêm yết" for its own date). Put together from each
    entry's `compact` JSON (kept from the last build for every disclosure that did not change): byte for byte
    the whole document written at once."""
    return (f'{compact(head)[:-1]},"datasets":[{",".join(datasets)}],"disclosures":[{",".join(disclosures)}]}}'
            "\n").encode()
