"""Content problems as data: one record type shared by every validator.

A library, not a Pelican plugin: validators return lists of `Issue`, and the
build, `make validate` and the tests all read the same records.
"""

from plugins.issues.catalogue import CATALOGUE, IssueCode
from plugins.issues.record import (
    ERROR,
    INFO,
    WARNING,
    Issue,
    Severity,
    format_issues,
    has_errors,
    setting_issue,
    too_large,
)

__all__ = [
    "CATALOGUE",
    "ERROR",
    "INFO",
    "WARNING",
    "Issue",
    "IssueCode",
    "Severity",
    "format_issues",
    "has_errors",
    "setting_issue",
    "too_large",
]
