"""The kind registry: how a kind plugin plugs its keys, tables and templates into the core.

The core never names a kind. Each kind plugin builds a `Kind` and adds it to
`KINDS` in its `register()`; the core asks the registry which kinds exist,
which extra front-matter keys a kind accepts, which table roles it takes and
how to load its tables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from plugins.disclosures.model import Commune, Disclosure
from plugins.disclosures.schema import Spec
from plugins.issues import Issue

TableLoader = Callable[[Disclosure, str, Commune], tuple[Any, list[Issue]]]
"""(disclosure, absolute bundle folder, commune) -> (data for the templates, issues)."""


@dataclass(frozen=True)
class Download:
    """A file a kind derives from its tables (normalised CSV, JSON), written beside the page."""

    file: str
    title: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)


DownloadMaker = Callable[[Disclosure, Any], list[Download]]
"""(disclosure, the data its loader returned) -> files to publish."""


@dataclass(frozen=True)
class Kind:
    id: str  # the `kind:` value in front matter, English: "budget"
    label: str  # Vietnamese, singular: "Công khai ngân sách"
    slug: str  # URL segment, Vietnamese without marks: "ngan-sach"
    description: str  # one sentence for the kind's listing page
    posting_required: bool = True
    # role -> Vietnamese label; {} = the kind takes no tables; None = any role (contract names none yet)
    table_roles: Mapping[str, str] | None = field(default_factory=dict)
    extra_keys: Mapping[str, Spec] = field(default_factory=dict)
    load_tables: TableLoader | None = None
    downloads: DownloadMaker | None = None
    publish_original_tables: bool = False  # offer the officer's own CSV/XLSX for download (never for named lists)
    template: str | None = None  # partial rendered under the explanation, e.g. "budget.html"
    templates_dir: str | None = None  # the plugin's own templates folder, added to Jinja's search path
    order: int = 100  # position in menus and on the home page


class KindRegistry:
    def __init__(self) -> None:
        self._kinds: dict[str, Kind] = {}

    def add(self, kind: Kind) -> None:
        """Register a kind; adding the same id again replaces it (plugins may be registered twice in tests)."""
        self._kinds[kind.id] = kind

    def get(self, kind_id: str) -> Kind | None:
        return self._kinds.get(kind_id)

    def __iter__(self):
        return iter(sorted(self._kinds.values(), key=lambda k: (k.order, k.id)))

    def __len__(self) -> int:
        return len(self._kinds)

    def labels(self) -> dict[str, str]:
        return {kind.id: kind.label for kind in self}


KINDS = KindRegistry()
