"""The build's settings, read once from pelicanconf.py and checked like content.

A wrong value (a page size of 0, a date that is not a date, an unknown limit)
is an issue record naming the setting, the value and what to write instead,
printed with the content's issues; never a traceback halfway through a build.
The core checks its own keys; each channel checks its own (channels.py).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from plugins.disclosures.channels import CHANNELS, ChannelRegistry
from plugins.disclosures.files import DEFAULT_LIMITS, Limits, read_limits
from plugins.disclosures.kinds import KindRegistry, SettingsError, resolve_settings
from plugins.issues import Issue, setting_issue

MAX_PAGE_SIZE = 1000


@dataclass(frozen=True)
class BuildSettings:
    build_date: dt.date
    listing_page_size: int = 50
    limits: Limits = DEFAULT_LIMITS
    kind_settings: Mapping[str, Any] = field(default_factory=dict)  # CKX_KIND_SETTINGS as written
    show_drafts: bool = False  # CKX_SHOW_DRAFTS (DRAFTS=1): a preview for officers, never the published site
    channels: Mapping[str, Any] = field(default_factory=dict)  # each channel's own settings, checked by it


def read_settings(settings: Mapping[str, Any], kinds: KindRegistry,
                  channels: ChannelRegistry = CHANNELS) -> tuple[BuildSettings | None, list[Issue]]:
    """Every problem of every setting at once, the channels' included; None when any is wrong."""
    issues: list[Issue] = []
    raw_date = settings.get("BUILD_DATE")
    build_date = raw_date if isinstance(raw_date, dt.date) else None
    if build_date is None:
        try:
            build_date = dt.date.fromisoformat(str(raw_date))
        except ValueError:
            issues.append(setting_issue("BUILD_DATE", f'"{raw_date}" không phải là ngày dạng YYYY-MM-DD.',
                                        "Ví dụ: BUILD_DATE=2026-01-05 make html; bỏ trống để dùng ngày hôm nay."))
    page_size = settings.get("CKX_LISTING_PAGE_SIZE", 50)
    if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= MAX_PAGE_SIZE:
        issues.append(setting_issue("CKX_LISTING_PAGE_SIZE", f"cần một số nguyên từ 1 đến {MAX_PAGE_SIZE}, đang là {page_size!r}.",
                                    "Ví dụ: CKX_LISTING_PAGE_SIZE = 50."))
    show_drafts = settings.get("CKX_SHOW_DRAFTS", False)
    if not isinstance(show_drafts, bool):
        issues.append(setting_issue("CKX_SHOW_DRAFTS", f"cần True hoặc False, đang là {show_drafts!r}.",
                                    "Để trống; chạy make serve DRAFTS=1 khi muốn xem các bản nháp."))
    of_channels = {}
    for channel in channels:
        if channel.settings:
            of_channels[channel.name], channel_issues = channel.settings(settings)
            issues += channel_issues
    limits, limit_issues = read_limits(settings.get("CKX_LIMITS"))
    issues += limit_issues
    kind_settings = settings.get("CKX_KIND_SETTINGS") or {}
    try:
        resolve_settings(kinds, kind_settings)
    except SettingsError as exc:
        issues.append(setting_issue("CKX_KIND_SETTINGS", str(exc).removeprefix("CKX_KIND_SETTINGS").lstrip(": "),
                                    "Sửa hoặc xóa khóa này trong pelicanconf.py."))
    except (AttributeError, TypeError):
        issues.append(setting_issue("CKX_KIND_SETTINGS", f"cần một dict theo từng loại, đang là {kind_settings!r}.",
                                    'Ví dụ: CKX_KIND_SETTINGS = {"poverty": {"grace_days": 3}}.'))
    if issues:
        return None, _in_the_file_given(issues, settings.get("__file__"))
    return BuildSettings(build_date, page_size, limits, kind_settings, show_drafts, of_channels), []


def _in_the_file_given(issues: list[Issue], path: str | None) -> list[Issue]:
    """Setting issues name the settings file the command was given (`--settings cai-dat-xa.py`, whose
    `__file__` runpy keeps), not the project's pelicanconf.py the officer never opened; from the current
    folder when it is under it."""
    if not path:
        return issues
    shown = os.path.relpath(path)
    shown = shown if not shown.startswith("..") else str(path)
    return [replace(issue, file=shown) if issue.file == "pelicanconf.py" else issue for issue in issues]
