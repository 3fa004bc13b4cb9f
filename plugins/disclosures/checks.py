"""Checks a channel adds to every load of the content: `make validate`, the build and the tests run them alike.

A channel (the year's obligations) reads the checked site, and files of its own under content/ through the same
guarded tree, and returns its issues and what it worked out (kept on `Site.checked` under its name, for its
generator). The core runs them without knowing what they are; a channel registers its check in its plugin's
`register_checks()`, which `scripts/ckx.py` and Pelican's `register()` both call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plugins.issues import Issue

if TYPE_CHECKING:
    from plugins.disclosures.files import ContentTree, Limits
    from plugins.disclosures.site import Site


@dataclass(frozen=True)
class SiteCheck:
    name: str
    # (the loaded site, its content tree, the limits) -> (issues, what the channel's generator reads)
    check: Callable[[Site, ContentTree, Limits], tuple[list[Issue], Any]]


class SiteChecks:
    def __init__(self) -> None:
        self._checks: dict[str, SiteCheck] = {}

    def add(self, check: SiteCheck) -> None:
        self._checks[check.name] = check  # registering twice (validate, then Pelican) keeps one

    def __iter__(self) -> Iterator[SiteCheck]:
        return iter(self._checks.values())

    def __bool__(self) -> bool:
        return bool(self._checks)


SITE_CHECKS = SiteChecks()
