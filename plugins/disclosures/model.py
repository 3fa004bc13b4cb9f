"""What a commune publishes, as plain data: no Pelican, no I/O."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from functools import cached_property
from typing import Any
from urllib.parse import quote

from plugins.disclosures.outputs import FingerprintedRecord
from plugins.privacy.rules import Official
from plugins.safe_markdown import render
from plugins.vietnamese.text import fold

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def replaced(record, **changes):
    """`dataclasses.replace` for a frozen record with no `__post_init__` (a disclosure, its `Shown`), done for
    every disclosure on every build: the fields copied as they are, without `__init__` setting each one through
    `object.__setattr__` (the derive stage's two replaces of every disclosure were 0.02 s of a rebuild at 1x).
    What the old record worked out for itself (its cached fingerprint, its URL) is not copied: the new one
    works it out again from its own fields."""
    kind = type(record)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    state = record.__dict__
    new = object.__new__(kind)
    new.__dict__.update({name: state[name] for name in names}, **changes)
    return new


@dataclass(frozen=True)
class Village:
    slug: str
    name: str  # as written in commune.yml, with its prefix: "Thôn Đông", "Tổ dân phố 3"


_VILLAGE_PREFIXES = ("thon ", "to dan pho ", "to ", "khu pho ", "xom ", "ap ", "ban ", "khu ")


def village_key(text: str) -> str:
    """"Thôn Đông", "thôn đông", "Đông", "thon-dong" all give "dong": how tables name a village."""
    folded = fold(text.replace("-", " "))
    for prefix in _VILLAGE_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


@dataclass(frozen=True)
class Feedback:
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    hours: str | None = None


@dataclass(frozen=True)
class Commune:
    name: str
    type: str  # xã | phường | đặc khu
    code: str
    province: str
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    site_url: str | None = None
    chairman: str | None = None
    villages: tuple[Village, ...] = ()
    feedback: Feedback = Feedback()

    @property
    def full_name(self) -> str:
        """"Xã Hòa An"."""
        return f"{self.type[:1].upper()}{self.type[1:]} {self.name}"

    @property
    def in_sentence(self) -> str:
        """"xã Hòa An": the name as it stands inside a sentence."""
        return f"{self.type} {self.name}"

    @property
    def people_committee(self) -> str:
        """"ỦY BAN NHÂN DÂN XÃ HÒA AN": the default issuer."""
        return f"ỦY BAN NHÂN DÂN {self.type} {self.name}".upper()

    @cached_property
    def official(self) -> Official:
        """The commune's own phone numbers and addresses: public by nature, never taken for personal data."""
        return Official.of([self.phone, self.feedback.phone, self.email, self.feedback.email])

    def village(self, slug: str) -> Village | None:
        return next((v for v in self.villages if v.slug == slug), None)

    @cached_property
    def _villages_by_key(self) -> dict[str, Village]:
        keys: dict[str, Village] = {}
        for village in reversed(self.villages):  # the first village wins a shared key
            keys[village_key(village.slug)] = village
            keys[village_key(village.name)] = village
        return keys

    def find_village(self, text: str) -> Village | None:
        """The village a table cell names, by name, name without prefix, or slug."""
        return self._villages_by_key.get(village_key(text))

    def nearest_villages(self, text: str, n: int = 2) -> list[Village]:
        """The villages whose names are closest to a misspelt one ("Đồng Bền" -> Thôn Đồng Bến)."""
        import difflib

        keys = {village_key(v.name): v for v in self.villages}
        return [keys[k] for k in difflib.get_close_matches(village_key(text), list(keys), n=n, cutoff=0.6)]

    def villages_mentioned(self, text: str) -> list[Village]:
        """Villages whose full name appears in free text ("Thôn Đông và Thôn Tây"), in commune order.

        Longer names are matched first and blanked out, so "Thôn Đồng Bến" is not also read as
        "Thôn Đông" (both fold to words starting "thon dong")."""
        padded = f" {fold(text)} "
        found = set()
        for village in sorted(self.villages, key=lambda v: -len(fold(v.name))):
            needle = f" {fold(village.name)} "
            if needle in padded:
                found.add(village.slug)
                padded = padded.replace(needle, " " * (len(needle) - 1) + " ")
        return [v for v in self.villages if v.slug in found]


class PostingStatus(StrEnum):
    UPCOMING = "sap-niem-yet"
    POSTED = "dang-niem-yet"
    ENDED = "het-niem-yet"
    NOT_POSTED = "khong-niem-yet"

    @property
    def label(self) -> str:
        return {
            "sap-niem-yet": "Sắp niêm yết",
            "dang-niem-yet": "Đang niêm yết",
            "het-niem-yet": "Hết thời hạn niêm yết",
            "khong-niem-yet": "Chỉ đăng trên trang",
        }[self.value]


@dataclass(frozen=True)
class Posting:
    start: dt.date
    end: dt.date
    places: tuple[str, ...]

    def status(self, today: dt.date) -> PostingStatus:
        if today < self.start:
            return PostingStatus.UPCOMING
        if today > self.end:
            return PostingStatus.ENDED
        return PostingStatus.POSTED


@dataclass(frozen=True)
class Signer:
    role: str
    name: str
    on_behalf: str | None = None


@dataclass(frozen=True)
class Issuing:
    """The body a document speaks for and how it signs: "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ HÒA AN" over
    "BAN THANH TRA NHÂN DÂN" (`issuer`, lines separated by a newline, the superior body first), signed
    "TM. BAN THANH TRA NHÂN DÂN" / "TRƯỞNG BAN"."""

    issuer: str
    on_behalf: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class FileRef:
    """A file of the bundle named in front matter (`tables` or `attachments`)."""

    file: str
    title: str | None = None
    role: str | None = None
    sheet: str | None = None
    size: int = 0
    sha256: str | None = None


@dataclass(frozen=True)
class Derived(FingerprintedRecord):
    """What the build date, the commune, the other disclosures and the channels make of a disclosure, worked
    out once before any page is made (plugins/disclosures/generator.py): an immutable record whose
    fingerprint is computed from everything it holds, so what its pages show of it is always in the
    fingerprint of what they are made from, with nothing to add by hand."""

    village_names: tuple[str, ...] = ()  # the villages it concerns, in commune.yml order (search filters)
    key_figure: str | None = None  # the one sentence a citizen came for (Kind.key_figure)
    feedback_until: dt.date | None = None  # the date the feedback box asks comments by; None: no date
    # what each channel worked out for it (channels.py: `Channel.fact`), by channel name: a share
    # picture of its own, a recording
    channels: Mapping[str, Any] = field(default_factory=dict)
    across: Any = None  # what its page shows of other disclosures (Kind.shows.across): a trend, related works
    village_pages: tuple[str, ...] = ()  # the villages it has a page of its own for (a per-village list), by slug
    noindex: bool = False  # its pages ask search engines not to index them (a named list whose period ended)


class Packed:
    """A kind's data as the store keeps it, unpickled when first read (`Shown.data`). A rebuild takes every
    bundle from the store, and their tables (the budgets' amounts, the household rows) were two thirds of
    reading them, for the pages of the few disclosures it makes again; the derive stage keeps what it works
    out from them (derive.py), so the others' are never read. The blob is a pickle the build itself wrote
    (cache.BundleCache, or a worker reading bundles), never a file of the content's."""

    __slots__ = ("_value", "blob")
    _NOT_YET = object()

    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        self._value = Packed._NOT_YET

    @classmethod
    def of(cls, value: Any) -> Packed:
        """`value` packed, and already there to read."""
        packed = cls(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        packed._value = value
        return packed

    def value(self) -> Any:
        if self._value is Packed._NOT_YET:
            self._value = pickle.loads(self.blob)
        return self._value

    def __reduce__(self):
        return Packed, (self.blob,)


@dataclass(frozen=True)
class Shown:
    """What the build worked out for a disclosure, beside what the officer wrote; templates read this.

    `data` and `originals` come with its tables (the load stage, in the bundle's fingerprint); `derived` with
    the derive stage (plugins/disclosures/derive.py), which hands on a new disclosure rather than changing
    the loaded one."""

    loaded: Any = None  # what the kind's loader returned, or a `Packed` of it from the store (`data`)
    originals: tuple = ()  # clean copies of the officer's table files (Download)
    derived: Derived = field(default_factory=Derived)

    @property
    def data(self) -> Any:
        """What the kind's loader returned (BudgetData, PovertyData, ...); None without tables."""
        loaded = self.loaded
        return loaded.value() if type(loaded) is Packed else loaded

    def packed(self) -> Shown:
        """The same, its data packed (`Packed`): what the store and the workers hand on."""
        if self.loaded is None or type(self.loaded) is Packed:
            return self
        return replace(self, loaded=Packed.of(self.loaded))

    @property
    def village_names(self) -> tuple[str, ...]:
        return self.derived.village_names

    @property
    def key_figure(self) -> str | None:
        return self.derived.key_figure

    @property
    def feedback_until(self) -> dt.date | None:
        return self.derived.feedback_until

    @property
    def channels(self) -> Mapping[str, Any]:
        return self.derived.channels

    @property
    def across(self) -> Any:
        return self.derived.across


@dataclass(frozen=True)
class Disclosure:
    """One bundle: content/disclosures/<year>/<slug>/index.md and its declared files. Immutable: each stage
    that adds to it (its tables, its dates from git, what the build derives) hands on a new one
    (`dataclasses.replace`), so what a stage was given is never changed behind it."""

    year: str
    slug: str
    source_dir: str  # path relative to the content folder, with "/" separators
    title: str
    kind: str
    issued: dt.date
    issuer: str
    number: str | None = None
    signer: Signer | None = None
    legal_basis: tuple[str, ...] = ()
    posting: Posting | None = None
    villages: tuple[str, ...] = ()
    tables: tuple[FileRef, ...] = ()
    attachments: tuple[FileRef, ...] = ()
    body_markdown: str = ""
    summary: str | None = None
    draft: bool = False  # `draft: true`: only in builds that show drafts (make serve DRAFTS=1)
    front: Mapping[str, Any] = field(default_factory=dict)  # the front-matter keys its kind declares (Kind.front_keys)
    effective: dt.date | None = None  # `effective`: the date it takes effect, when not the day it is issued
    decided: dt.date | None = None  # `decided`, or the resolution's date in `legal_basis`: what deadlines run from
    recipients: tuple[str, ...] | None = None  # `recipients`: "Nơi nhận" on the sheet; None for the usual ones
    issuing: Issuing | None = None  # the kind's own issuer and signature (Kind.issued_by), when it has one
    shown: Shown = field(default_factory=Shown)
    status: PostingStatus = PostingStatus.NOT_POSTED
    first_published: dt.date | None = None  # from git history; None outside git
    last_changed: dt.date | None = None
    changes: tuple = ()  # (date, ((what, action), ...)) newest first, from git; declared files only, by title
    fingerprint: str = ""  # of what it was loaded from (plugins/disclosures/site.py); with `shown.derived`, its outputs'
    # of its files and what its loader asked of the date alone, without its status and history: what a kind's
    # site-wide files are made from (kinds.SiteFiles), so a posting that ends does not make them again
    loaded_from: str = ""

    source_root: str | None = None  # where its files are when not in content/: a last good version (last_good.py)

    def __fingerprint__(self) -> str:
        """What its outputs are made from: what it was loaded from (`fingerprint`) and what the build derived."""
        return self._outputs_fingerprint

    @cached_property
    def _outputs_fingerprint(self) -> str:
        """Worked out once, as the record cannot change: every listing, feed and index that names the
        disclosure names it by this, some thirty times a build."""
        if not self.fingerprint:
            raise ValueError(f"{self.source_dir} has no fingerprint: load it through load_site")
        return f"{self.fingerprint}:{self.shown.derived.__fingerprint__()}"

    @cached_property
    def body_html(self) -> str:
        """The explanation as HTML, rendered once per build for the page, every print view and the
        loudspeaker; a pure function of `body_markdown`, so keeping it on the record changes nothing."""
        return render(self.body_markdown)

    @cached_property
    def save_dir(self) -> str:
        """Output folder; the bundle's own folder name, so relative links in the explanation work."""
        return f"cong-khai/{self.year}/{self.slug}/"

    @cached_property
    def url(self) -> str:
        """Asked for by every listing, feed and page that links to it: quoted once."""
        return quote(self.save_dir)

    def concerns(self, village_slug: str) -> bool:
        return village_slug in self.villages

    def posted_at(self, village_slug: str) -> bool:
        if not self.posting:
            return False
        return village_slug in self.posting.places or "all-villages" in self.posting.places

