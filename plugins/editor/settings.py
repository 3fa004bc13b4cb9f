"""The web editor as a channel of the core (plugins/disclosures/channels.py): its setting CKX_EDITOR_BACKEND,
checked with the others so a wrong one is named before any build, never found by an officer who cannot
sign in."""

from __future__ import annotations

import re
from typing import Any

from plugins.disclosures.channels import Channel
from plugins.issues import Issue, setting_issue

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


def read_settings(settings: dict[str, Any]) -> tuple[None, list[Issue]]:
    """CKX_EDITOR_BACKEND, Decap's `backend` block: a dict whose `name` Decap knows, holding what that backend
    needs, its values plain text or true/false. The generator reads the block itself: nothing to keep."""
    backend = settings.get("CKX_EDITOR_BACKEND")
    if backend is None:
        return None, []
    hint = ('Ví dụ: CKX_EDITOR_BACKEND = {"name": "gitlab", "repo": "ubnd-hoaan/cong-khai", "branch": "main", '
            '"auth_type": "pkce", "app_id": "<Application ID>"}; xem docs/bien-tap-truc-tuyen.md.')
    if not isinstance(backend, dict):
        return None, [setting_issue("CKX_EDITOR_BACKEND", f"cần một dict, đang là {backend!r}.", hint)]
    issues = []
    name = backend.get("name")
    if name not in EDITOR_BACKENDS:
        issues.append(setting_issue("CKX_EDITOR_BACKEND['name']", f"{name!r} không phải là nơi lưu Decap CMS biết.",
                                    f"Chọn một trong: {', '.join(EDITOR_BACKENDS)}."))
    for key, value in backend.items():
        if not isinstance(key, str) or not isinstance(value, (str, bool)):
            issues.append(setting_issue(f"CKX_EDITOR_BACKEND[{key!r}]", f"cần chữ hoặc True/False, đang là {value!r}.", hint))
    for key in BACKEND_NEEDS.get(name, ()):
        if not backend.get(key):
            issues.append(setting_issue(f"CKX_EDITOR_BACKEND[{key!r}]", f'nơi lưu "{name}" cần khóa {key}.', hint))
    repo = backend.get("repo")
    if isinstance(repo, str) and repo and not _REPO.fullmatch(repo):
        issues.append(setting_issue("CKX_EDITOR_BACKEND['repo']", f'"{repo}" không phải dạng chủ-sở-hữu/tên-kho.', hint))
    if name == "gitlab" and backend.get("auth_type") not in (None, "pkce", "implicit"):
        issues.append(setting_issue("CKX_EDITOR_BACKEND['auth_type']", f"{backend.get('auth_type')!r}: GitLab dùng \"pkce\".", hint))
    for key in ("api_root", "base_url"):
        value = backend.get(key)
        if isinstance(value, str) and value and not _URL.fullmatch(value):
            issues.append(setting_issue(f"CKX_EDITOR_BACKEND[{key!r}]", f'"{value}" không phải địa chỉ https.', hint))
    return None, issues


CHANNEL = Channel("editor", settings=read_settings)
