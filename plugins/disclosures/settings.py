"""The build's settings, read once from pelicanconf.py and checked like content.

A wrong value (a page size of 0, a date that is not a date, an unknown limit)
is an issue record naming the setting, the value and what to write instead,
printed with the content's issues; never a traceback halfway through a build.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from plugins.disclosures.files import DEFAULT_LIMITS, Limits, read_limits
from plugins.disclosures.kinds import KindRegistry, SettingsError, resolve_settings
from plugins.issues import Issue
from plugins.loudspeaker.audio import VOICES, Voice
from plugins.open_data.package import DEFAULT_LICENSE, check_license
from plugins.vietnamese.spoken import STYLE_CHOICES, Style

FILE = "pelicanconf.py"
MAX_PAGE_SIZE = 1000


@dataclass(frozen=True)
class BuildSettings:
    build_date: dt.date
    listing_page_size: int = 50
    limits: Limits = DEFAULT_LIMITS
    kind_settings: Mapping[str, Any] = field(default_factory=dict)  # CKX_KIND_SETTINGS as written
    data_license: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_LICENSE))  # of the open data
    show_drafts: bool = False  # CKX_SHOW_DRAFTS (DRAFTS=1): a preview for officers, never the published site
    voice: Voice = field(default_factory=Voice)  # CKX_LOUDSPEAKER: the audio of the loudspeaker scripts
    spoken_style: Style = field(default_factory=Style)  # CKX_LOUDSPEAKER: how its numbers are read ("linh" or "lẻ", ...)


def read_settings(settings: Mapping[str, Any], kinds: KindRegistry) -> tuple[BuildSettings | None, list[Issue]]:
    """Every problem of every setting at once; None when any is wrong."""
    issues: list[Issue] = []
    raw_date = settings.get("BUILD_DATE")
    build_date = raw_date if isinstance(raw_date, dt.date) else None
    if build_date is None:
        try:
            build_date = dt.date.fromisoformat(str(raw_date))
        except ValueError:
            issues.append(_issue("BUILD_DATE", f'"{raw_date}" không phải là ngày dạng YYYY-MM-DD.',
                                 "Ví dụ: BUILD_DATE=2026-01-05 make html; bỏ trống để dùng ngày hôm nay."))
    page_size = settings.get("CKX_LISTING_PAGE_SIZE", 50)
    if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= MAX_PAGE_SIZE:
        issues.append(_issue("CKX_LISTING_PAGE_SIZE", f"cần một số nguyên từ 1 đến {MAX_PAGE_SIZE}, đang là {page_size!r}.",
                             "Ví dụ: CKX_LISTING_PAGE_SIZE = 50."))
    issues += _editor_backend_issues(settings.get("CKX_EDITOR_BACKEND"))
    show_drafts = settings.get("CKX_SHOW_DRAFTS", False)
    if not isinstance(show_drafts, bool):
        issues.append(_issue("CKX_SHOW_DRAFTS", f"cần True hoặc False, đang là {show_drafts!r}.",
                             "Để trống; chạy make serve DRAFTS=1 khi muốn xem các bản nháp."))
    data_license = settings.get("CKX_DATA_LICENSE", DEFAULT_LICENSE)
    if check_license(data_license):
        issues.append(_issue("CKX_DATA_LICENSE", f"{check_license(data_license)}, đang là {data_license!r}.",
                             'Ví dụ: CKX_DATA_LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Ghi công '
                             '4.0 Quốc tế", "path": "https://creativecommons.org/licenses/by/4.0/deed.vi"}.'))
    voice, spoken_style, loudspeaker_issues = _loudspeaker(settings.get("CKX_LOUDSPEAKER") or {})
    issues += loudspeaker_issues
    limits, limit_issues = read_limits(settings.get("CKX_LIMITS"))
    issues += limit_issues
    kind_settings = settings.get("CKX_KIND_SETTINGS") or {}
    try:
        resolve_settings(kinds, kind_settings)
    except SettingsError as exc:
        issues.append(_issue("CKX_KIND_SETTINGS", str(exc).removeprefix("CKX_KIND_SETTINGS").lstrip(": "),
                             "Sửa hoặc xóa khóa này trong pelicanconf.py."))
    except (AttributeError, TypeError):
        issues.append(_issue("CKX_KIND_SETTINGS", f"cần một dict theo từng loại, đang là {kind_settings!r}.",
                             'Ví dụ: CKX_KIND_SETTINGS = {"poverty": {"grace_days": 3}}.'))
    if issues:
        return None, issues
    return BuildSettings(build_date, page_size, limits, kind_settings, dict(data_license), show_drafts, voice,
                         spoken_style), []


def _loudspeaker(values: Any) -> tuple[Voice, Style, list[Issue]]:
    """CKX_LOUDSPEAKER: the voice (espeak-ng's Vietnamese: Northern, Central, Southern), its speed, and the
    regional readings of numbers; every key optional."""
    hint = ('Ví dụ: CKX_LOUDSPEAKER = {"voice": "vi-vn-x-south", "words_per_minute": 140, "zero_ten": "lẻ", '
            '"four": "bốn", "thousand": "ngàn"}.')
    if not isinstance(values, dict):
        return Voice(), Style(), [_issue("CKX_LOUDSPEAKER", f"cần một dict, đang là {values!r}.", hint)]
    issues = []
    choices = {"voice": tuple(VOICES), **STYLE_CHOICES}
    for key, value in values.items():
        if key == "words_per_minute":
            if isinstance(value, bool) or not isinstance(value, int) or not 80 <= value <= 300:
                issues.append(_issue("CKX_LOUDSPEAKER['words_per_minute']",
                                     f"cần một số nguyên từ 80 đến 300, đang là {value!r}.", hint))
        elif key not in choices:
            issues.append(_issue(f"CKX_LOUDSPEAKER[{key!r}]", "không có khóa này.",
                                 f"Các khóa: words_per_minute, {', '.join(choices)}."))
        elif value not in choices[key]:
            issues.append(_issue(f"CKX_LOUDSPEAKER[{key!r}]", f"{value!r} không phải là lựa chọn.",
                                 f"Chọn một trong: {', '.join(choices[key])}."))
    if issues:
        return Voice(), Style(), issues
    voice = Voice(values.get("voice", Voice.name), values.get("words_per_minute", Voice.words_per_minute))
    style = Style(**{k: v for k, v in values.items() if k in STYLE_CHOICES})
    return voice, style, []


EDITOR_BACKENDS = ("git-gateway", "github", "gitlab", "gitea", "bitbucket", "azure")  # Decap CMS's own names
# What each backend cannot work without, beyond `name` (docs/bien-tap-truc-tuyen.md walks through each):
# GitLab and Gitea sign officers in from the browser with PKCE (an OAuth application's id, no server of the
# commune's own); GitHub has no such flow and needs an OAuth client at `base_url` (Netlify's by default).
BACKEND_NEEDS = {
    "github": ("repo",),
    "gitlab": ("repo", "auth_type", "app_id"),
    "gitea": ("repo", "app_id", "api_root", "base_url"),
    "bitbucket": ("repo",),
    "azure": ("repo", "tenant_id", "app_id"),
}
_REPO = re.compile(r"[\w.-]+(?:/[\w.-]+)+")
_URL = re.compile(r"https://[^\s/]+(?:/\S*)?")


def _editor_backend_issues(backend: Any) -> list[Issue]:
    """Decap's `backend` block: a dict whose `name` Decap knows, holding what that backend needs, its values
    plain text or true/false."""
    if backend is None:
        return []
    hint = ('Ví dụ: CKX_EDITOR_BACKEND = {"name": "gitlab", "repo": "ubnd-hoaan/cong-khai", "branch": "main", '
            '"auth_type": "pkce", "app_id": "<Application ID>"}; xem docs/bien-tap-truc-tuyen.md.')
    if not isinstance(backend, dict):
        return [_issue("CKX_EDITOR_BACKEND", f"cần một dict, đang là {backend!r}.", hint)]
    issues = []
    name = backend.get("name")
    if name not in EDITOR_BACKENDS:
        issues.append(_issue("CKX_EDITOR_BACKEND['name']", f"{name!r} không phải là nơi lưu Decap CMS biết.",
                             f"Chọn một trong: {', '.join(EDITOR_BACKENDS)}."))
    for key, value in backend.items():
        if not isinstance(key, str) or not isinstance(value, (str, bool)):
            issues.append(_issue(f"CKX_EDITOR_BACKEND[{key!r}]", f"cần chữ hoặc True/False, đang là {value!r}.", hint))
    for key in BACKEND_NEEDS.get(name, ()):
        if not backend.get(key):
            issues.append(_issue(f"CKX_EDITOR_BACKEND[{key!r}]", f'nơi lưu "{name}" cần khóa {key}.', hint))
    repo = backend.get("repo")
    if isinstance(repo, str) and repo and not _REPO.fullmatch(repo):
        issues.append(_issue("CKX_EDITOR_BACKEND['repo']", f'"{repo}" không phải dạng chủ-sở-hữu/tên-kho.', hint))
    if name == "gitlab" and backend.get("auth_type") not in (None, "pkce", "implicit"):
        issues.append(_issue("CKX_EDITOR_BACKEND['auth_type']", f"{backend.get('auth_type')!r}: GitLab dùng \"pkce\".", hint))
    for key in ("api_root", "base_url"):
        value = backend.get(key)
        if isinstance(value, str) and value and not _URL.fullmatch(value):
            issues.append(_issue(f"CKX_EDITOR_BACKEND[{key!r}]", f'"{value}" không phải địa chỉ https.', hint))
    return issues


def _issue(key: str, message: str, hint: str) -> Issue:
    return Issue(code="cai-dat-khong-hop-le", file=FILE, key=key, message=message, hint=hint)
