"""The kind registry: how a kind plugin plugs its keys, tables and templates into the core.

The core never names a kind. Each kind plugin builds a `Kind` and adds it to
`KINDS` in its `register()`; the core asks the registry which kinds exist,
which front-matter keys of its own a kind accepts, which table roles it takes and
how to load its tables.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from plugins.disclosures.day import BuildDay
from plugins.disclosures.files import DEFAULT_LIMITS, Limits
from plugins.disclosures.model import Commune, Disclosure, Issuing
from plugins.disclosures.schema import Spec
from plugins.issues import Issue


@dataclass(frozen=True)
class Setting:
    default: Any
    help: str
    check: Callable[[Any], str | None] | None = None  # what is wrong with a value of the right type, or None


class SettingsError(ValueError):
    """A kind setting in pelicanconf.py (CKX_KIND_SETTINGS) is unknown or of the wrong type."""


@dataclass(frozen=True)
class LoadContext:
    """What a kind's loader may depend on besides its files: never the clock, never Pelican."""

    commune: Commune
    build_date: dt.date  # read through `today`
    settings: Mapping[str, Any]  # this kind's settings, defaults filled in
    limits: Limits = DEFAULT_LIMITS
    checked: list = field(default_factory=list)  # every (ref, table) read, for the clean copies of originals
    day: BuildDay = field(init=False, compare=False)  # the build date as the loader asks it (day.py)

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", BuildDay(self.build_date))

    @property
    def date_questions(self) -> list[tuple]:
        """What the loader asked about the build date, with the answers: the cache serves its result on any
        date that gives the same answers."""
        return self.day.questions

    @property
    def today(self) -> dt.date:
        """The build date. Reading it ties the result to this date alone; prefer `is_between`."""
        return self.day.today

    def is_between(self, first: dt.date, last: dt.date) -> bool:
        """Whether the build date falls in [first, last] (a named list's window): the result then holds on
        every date with the same answer, so a daily build does not read the list again."""
        return self.day.is_between(first, last)

    def read_tables(self, disclosure: Disclosure, bundle_dir: str, schema: Any) -> tuple[list, list[Issue]]:
        """The disclosure's declared tables checked against `schema`; the commune's own phone numbers are
        not personal data. Returns (ref, table) pairs and every issue."""
        from plugins.tables import read_declared

        tables, issues = read_declared(bundle_dir, disclosure.source_dir, disclosure.tables, schema,
                                       self.commune.official, self.limits)
        self.checked.extend(tables)
        return tables, issues

    def village(self, written: str, file: str, line: int, column: str, issues: list[Issue]):
        """The commune's village a cell names ("Thôn Đồng Bến", "thôn đồng bến", "Đồng Bến", "Xóm Trại" for
        "Thôn Trại"), or None with one issue in the project's one wording, the nearest names suggested."""
        village = self.commune.find_village(written)
        if village is None:
            nearest = self.commune.nearest_villages(written)
            suggestion = (f'Có phải là {" hoặc ".join(v.name for v in nearest)}? ' if nearest else "")
            issues.append(Issue(code="thon-khong-co", file=file, line=line, column=column,
                                message=f'"{written.strip()}" không phải là thôn, tổ dân phố trong commune.yml.',
                                hint=f"{suggestion}Ghi đúng tên một trong: "
                                     f"{', '.join(v.name for v in self.commune.villages)}."))
        return village


TableLoader = Callable[[Disclosure, str, LoadContext], tuple[Any, list[Issue]]]
"""(disclosure, absolute bundle folder, context) -> (data for the templates, issues)."""


@dataclass(frozen=True)
class Download:
    """A file a kind derives from its tables (normalised CSV, JSON), written beside the page."""

    file: str
    title: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)

    @classmethod
    def json(cls, document: Any) -> Download:
        """`du-lieu.json`: everything the kind read, in one document, for reusers who want more than the CSVs."""
        return cls("du-lieu.json", "Toàn bộ số liệu (JSON)", json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))


DownloadMaker = Callable[[Disclosure, Any], list[Download]]
"""(disclosure, the data its loader returned) -> files to publish."""

DatasetMaker = Callable[[Disclosure, Any], list]
"""(disclosure, the data its kind's loader returned) -> its tables as open data (`Resource`s of the open data
channel, which reads them; the core only carries them)."""

SiteFiles = Callable[[list[Disclosure], Commune, Callable[[Disclosure, Callable[[], Any]], Any]], list[Download]]
"""(every disclosure of the kind, the commune, `kept`) -> files at the site root (a commune-wide feed). Made from
what the disclosures were loaded from (their files and tables, what their loader asked of the date) and never
from their posting status, history or what the build derived: kept by `Disclosure.loaded_from`, they are made
again when a bundle changes, not on each day a posting starts or ends. `kept(disclosure, work_out)` gives
`work_out()` as the last build worked it out for that disclosure when it was loaded from the same (its part of
the file), so one edit works out one disclosure's part again, not every one."""

KeyFigure = Callable[[Any, BuildDay], "str | None"]
"""(the data the kind's loader returned, the build date as a `BuildDay`) -> the one sentence a citizen came for,
shown under the title on the first screen of a phone ("Tổng thu: dự toán 9.105,5 triệu đồng ..."); None for
none. The sentence is kept until the date answers what it asked (`day.is_between`) otherwise; `day.today` ties
it to one date."""

ReadAloud = Callable[[Any, dt.date], "list[str]"]
"""(the data the kind's loader returned, the build date) -> the sentences the loudspeaker reads about it
(totals, counts, sessions), as written; the key figure when a kind has none."""

Across = Callable[[list[Disclosure], list[Disclosure]], "dict[str, Any]"]
"""(every disclosure of the kind, every disclosure of the site that has tables) -> by source folder, what each
one's page shows of the others (a trend across periods, related works), before any page is made: kept as its
`shown.across`, whose fingerprint is in its outputs' (model.Derived). What it returns is kept between builds
by the fingerprints of the disclosures it was given (derive.py), so it reads nothing else."""

HomeData = Callable[[list[Disclosure], dt.date], Any]
"""(every disclosure of the kind, the build date) -> what the kind's home-page block shows; None for nothing."""


@dataclass(frozen=True)
class Tables:
    """What a kind reads from its tables. `load` checks and shapes rows into the kind's data; it words and
    draws nothing (sentences and charts are worked out when a page asks), so `validate` stays quick."""

    schema: Any  # the TableSchema of its columns, their aliases and types (also the Excel import command's)
    load: TableLoader
    # role -> Vietnamese label, the first the default; None = any role (the contract names none)
    roles: Mapping[str, str] | None = None
    required: bool = False  # the table is the disclosure (a budget without its table discloses nothing)
    publish_originals: bool = False  # offer a clean copy of the officer's CSV/XLSX (never for named lists)
    # A named list: once its data says `named` is False (posting over), the explanation and the attachments,
    # where officers also write names, leave with it; only what the kind's data keeps (village counts) stays.
    names_leave_with_list: bool = False


@dataclass(frozen=True)
class Shows:
    """What the kind's pages, sheets and loudspeaker say about its data, beside its templates."""

    key_figure: KeyFigure | None = None
    read_aloud: ReadAloud | None = None
    across: Across | None = None
    home_data: HomeData | None = None  # for its templates/home.html block
    sheet_orientation: str = "portrait"  # "landscape" for wide tables (Nghị định 30/2020 allows it)


@dataclass(frozen=True)
class Exports:
    """What the kind publishes as files, beside the page."""

    downloads: DownloadMaker | None = None  # files that are not tables (JSON of it all, a calendar)
    datasets: DatasetMaker | None = None  # its tables as open data (datapackage.json and typed CSVs)
    site_files: SiteFiles | None = None  # at the site's root (a commune-wide calendar)


@dataclass(frozen=True)
class Kind:
    """A kind of disclosure: what it is called, what its front matter and tables hold, what it shows and
    publishes. Everything else (reading files, villages, posting, pages, sheets, search) is the core's."""

    id: str  # the `kind:` value in front matter, English: "budget"
    label: str  # Vietnamese, singular: "Công khai ngân sách"
    slug: str  # URL segment, Vietnamese without marks: "ngan-sach"
    description: str  # one sentence for the kind's listing page
    order: int = 100  # position in menus and on the home page
    posting_required: bool = True
    front_keys: Mapping[str, Spec] = field(default_factory=dict)  # its own front-matter keys
    legal_basis: tuple[str, ...] = ()  # `legal_basis` of a disclosure that names none
    default_posting_days: int = 30  # the posting period `make new` proposes
    settings: Mapping[str, Setting] = field(default_factory=dict)  # CKX_KIND_SETTINGS keys beside the common ones
    tables: Tables | None = None  # None: the kind takes no tables (a table declared is published as nothing)
    shows: Shows = Shows()
    exports: Exports = Exports()
    issue_codes: tuple[str, ...] = ()  # the codes its own checks give, beside the tables' shared ones
    # Who issues and signs a disclosure of this kind when its front matter names no `issuer` and no `signer`:
    # `issued_by(front, commune)` gives an Issuing (a board under the Mặt trận, a village head); None: the
    # commune's People's Committee, as most kinds.
    issued_by: Callable[[Mapping[str, Any], Any], Issuing | None] | None = None
    # The period a disclosure of this kind reports on (a quarter, 9 months, a budget year), from its front
    # matter, when its title alone does not say it: what the year's obligations match it by (plugins/obligations).
    reports_on: Callable[[Disclosure], tuple[dt.date, dt.date] | None] | None = None
    # Set by `KINDS.add` from the registering plugin's `templates/` folder, never written by hand.
    templates_dir: str | None = None
    templates: frozenset[str] = frozenset()

    def template(self, name: str) -> str | None:
        """"budget/page.html" when the kind's plugin has templates/page.html, else None. Templates are found by
        convention and namespaced by the kind's id, so a theme overrides one with its own
        templates/budget/page.html (Pelican's theme loader comes first)."""
        return f"{self.id}/{name}" if name in self.templates else None

    @property
    def page_template(self) -> str | None:
        """The partial under the explanation, on the page and on the printed sheet."""
        return self.template("page.html")

    @property
    def village_template(self) -> str | None:
        """A page per village when the data has `villages` (slug -> the village's part), on the shared
        frame theme/templates/disclosure_village.html."""
        return self.template("village.html")

    @property
    def village_sheet_template(self) -> str | None:
        """The village's rows on its own printed sheet, for its cultural house."""
        return self.template("village_sheet.html")

    @property
    def home_template(self) -> str | None:
        """A block on the home page, given `home_data`."""
        return self.template("home.html")

    def __fingerprint__(self) -> str:
        """A kind is code: its declarations change only with the code version every output already names."""
        return self.id


class KindRegistry:
    def __init__(self) -> None:
        self._kinds: dict[str, Kind] = {}
        self._common: dict[str, Setting] = {}  # settings every kind takes, declared by channels (channels.py)

    def add_common_settings(self, settings: Mapping[str, Setting]) -> None:
        self._common.update(settings)

    def settings_of(self, kind: Kind) -> dict[str, Setting]:
        return {**self._common, **kind.settings}

    def add(self, kind: Kind, plugin: str | None = None) -> None:
        """Register a kind declared by the plugin package `plugin` (its `__name__`), whose `templates/` folder
        holds the kind's page.html, village.html, village_sheet.html, home.html and what they import. Adding
        the same id again replaces it (plugins may be registered twice in tests)."""
        if plugin:
            folder = Path(importlib.import_module(plugin).__file__).parent / "templates"
            if folder.is_dir():
                kind = replace(kind, templates_dir=str(folder), templates=frozenset(p.name for p in folder.glob("*.html")))
        self._kinds[kind.id] = kind

    def get(self, kind_id: str) -> Kind | None:
        return self._kinds.get(kind_id)

    def __iter__(self):
        return iter(sorted(self._kinds.values(), key=lambda k: (k.order, k.id)))

    def __len__(self) -> int:
        return len(self._kinds)

    def labels(self) -> dict[str, str]:
        return {kind.id: kind.label for kind in self}

    def templates_loader(self):
        """Each kind's templates under its id ("land-use/village.html"), for Jinja's ChoiceLoader after the
        theme's own folder."""
        from jinja2 import FileSystemLoader, PrefixLoader

        return PrefixLoader({kind.id: FileSystemLoader(kind.templates_dir) for kind in self if kind.templates_dir})


def describe(kind: Kind, kinds: KindRegistry) -> list[str]:
    """What an officer needs to write a disclosure of `kind`, as `scripts/ckx.py kinds` prints it: its
    front-matter keys, its table's columns with the headers also accepted, its settings with defaults and
    the issue codes its own checks give."""
    lines = [f"{kind.id}: {kind.label} (trang /loai/{kind.slug}/)", f"  {kind.description}"]
    if kind.front_keys:
        lines.append("  Khóa riêng: " + ", ".join(f"{key}{' (bắt buộc)' if spec.required else ''}"
                                               for key, spec in kind.front_keys.items()))
    if kind.tables is not None:
        lines.append("  Cột của bảng" + (" (bắt buộc có bảng):" if kind.tables.required else ":"))
        for column in kind.tables.schema.columns:
            also = f"; cũng nhận: {', '.join(column.aliases)}" if column.aliases else ""
            lines.append(f"    - {column.name}{'' if column.required else ' (không bắt buộc)'}{also}")
    lines.append("  Cài đặt (CKX_KIND_SETTINGS):")
    lines += [f"    - {key} = {setting.default!r}: {setting.help}" for key, setting in kinds.settings_of(kind).items()]
    if kind.issue_codes:
        from plugins.issues import CATALOGUE

        lines.append("  Mã lỗi của các kiểm tra riêng (docs/ma-loi.md; cùng các mã chung khi đọc tệp, bảng):")
        lines += [f"    - {code}: {CATALOGUE[code].title}" for code in kind.issue_codes]
    return lines


def village_pages(disclosure: Disclosure, kind: Kind) -> dict[str, Any]:
    """slug -> the kind's data for one village, for the kind's per-village pages (none without them)."""
    return village_sections(disclosure, kind) if kind.village_template else {}


def village_sections(disclosure: Disclosure, kind: Kind) -> dict[str, Any]:
    """slug -> the kind's data for one village, when the kind has per-village pages or sheets."""
    data = disclosure.shown.data
    if not (kind.village_template or kind.village_sheet_template) or data is None:
        return {}
    return dict(getattr(data, "villages", {}))


def resolve_settings(kinds: KindRegistry, configured: Mapping[str, Mapping[str, Any]] | None) -> dict[str, dict]:
    """Each kind's settings with defaults filled; unknown kinds, keys or wrong types are refused."""
    configured = configured or {}
    resolved = {kind.id: {key: s.default for key, s in kinds.settings_of(kind).items()} for kind in kinds}
    for kind_id, values in configured.items():
        kind = kinds.get(kind_id)
        if kind is None:
            raise SettingsError(f"CKX_KIND_SETTINGS: không có loại '{kind_id}'; các loại: {', '.join(resolved)}.")
        for key, value in values.items():
            setting = kinds.settings_of(kind).get(key)
            if setting is None:
                known = ", ".join(f"{k} ({s.help})" for k, s in kinds.settings_of(kind).items())
                raise SettingsError(f"CKX_KIND_SETTINGS['{kind_id}']: không có khóa '{key}'. Các khóa: {known}.")
            if not isinstance(value, type(setting.default)) or isinstance(value, bool) != isinstance(setting.default, bool):
                raise SettingsError(f"CKX_KIND_SETTINGS['{kind_id}']['{key}'] = {value!r}: cần kiểu "
                                    f"{type(setting.default).__name__}, ví dụ {setting.default!r}.")
            problem = setting.check(value) if setting.check else None
            if problem:
                raise SettingsError(f"CKX_KIND_SETTINGS['{kind_id}']['{key}'] = {value!r}: {problem}; "
                                    f"ví dụ {setting.default!r}.")
            resolved[kind_id][key] = value
    return resolved


KINDS = KindRegistry()
