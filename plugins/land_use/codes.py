"""The land-type code table, read from versioned data (`data/ma-loai-dat.yml`).

Codes change with circulars; keeping them as data means an update is a
reviewed data change with its source named, not a code change.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "ma-loai-dat.yml"
FORMER = Path(__file__).parent / "data" / "ma-loai-dat-cu.yml"


@dataclass(frozen=True)
class LandType:
    code: str
    name: str
    group: bool = False


@dataclass(frozen=True)
class FormerCode:
    """A code of an earlier circular: today's code it became, or a group that only heads rows."""

    code: str
    name: str
    today: str | None
    group: bool
    source: str


@dataclass(frozen=True)
class CodeTable:
    version: str
    source: str
    types: dict[str, LandType]
    former: dict[str, FormerCode] = field(default_factory=dict)

    def get(self, code: str) -> LandType | None:
        return self.types.get(code.strip().upper())

    def earlier(self, code: str) -> FormerCode | None:
        return self.former.get(code.strip().upper())

    def nearest(self, code: str, n: int = 3) -> list[LandType]:
        """Known codes closest to a mistyped one ("LUX" -> LUC, LUK, LUA)."""
        matches = difflib.get_close_matches(code.strip().upper(), list(self.types), n=n, cutoff=0.3)
        return [self.types[m] for m in matches]


@cache
def code_table(path: Path = DATA, former_path: Path = FORMER) -> CodeTable:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = {item["code"]: LandType(item["code"], item["name"], bool(item.get("group"))) for item in data["codes"]}
    old = yaml.safe_load(former_path.read_text(encoding="utf-8"))
    former = {item["code"]: FormerCode(item["code"], item["name"], item.get("today"), bool(item.get("group")),
                                       old["source"]) for item in old["codes"]}
    return CodeTable(version=str(data["version"]), source=data["source"], types=types, former=former)
