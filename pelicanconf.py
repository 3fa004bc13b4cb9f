"""Pelican settings for a Công khai xã site.

Everything about the commune lives in content/commune.yml; this file only
wires the plugins and the theme. `BUILD_DATE` (environment, YYYY-MM-DD)
decides which disclosures are "đang niêm yết"; it defaults to today in
Viet Nam so a daily scheduled build keeps the statuses right.
"""

import datetime as dt
import os
import sys
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.abspath(__file__))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
LOCALE = ("C.UTF-8",)
BUILD_DATE = os.environ.get("BUILD_DATE") or dt.datetime.now(ZoneInfo(TIMEZONE)).date().isoformat()
# `draft: true` bundles are shown only in a preview build (`make serve DRAFTS=1`, into output-ban-nhap/).
CKX_SHOW_DRAFTS = os.environ.get("DRAFTS", "") not in ("", "0")

PATH = "content"
THEME = os.path.join(ROOT, "theme")
PLUGIN_PATHS = [ROOT]
PLUGINS = [
    "plugins.vietnamese",
    "plugins.disclosures",
    "plugins.notice",
    "plugins.budget",
    "plugins.land_use",
    "plugins.poverty",
    "plugins.schedule",
    "plugins.procedures",
    "plugins.consultation",
    "plugins.supervision",
    # channels (plugins/disclosures/channels.py): each registers what it adds; the core imports none of them
    "plugins.sheets",
    "plugins.loudspeaker",
    "plugins.share",
    "plugins.open_data",
    "plugins.feeds",
    "plugins.obligations",
    "plugins.editor",
    "plugins.search",
]

# Listings (all, per kind, per year, per village) show this many disclosures a page.
CKX_LISTING_PAGE_SIZE = 50

# Limits that keep any input's work bounded (docs/an-toan.md); e.g. {"table_rows": 100000}.
CKX_LIMITS = {}

# The web editor (admin/): where it saves when used online (docs/bien-tap-truc-tuyen.md), and the installed Decap
# CMS files. None: no admin/ on the published site (5.8 MB nobody can use); `make editor` still has it locally.
CKX_EDITOR_BACKEND = None
CKX_EDITOR_BUNDLE = os.path.join(ROOT, ".venv", "node", "decap-cms", "package", "dist")
# Where the editor's scripts (5.6 MB) are on the host, when a province publishes them once for all its communes
# (set by `scripts/ckx.py province`); empty: the site carries its own copy in admin/.
CKX_EDITOR_SHARED = os.environ.get("CKX_EDITOR_SHARED", "").rstrip("/")

# The sheets (print views) of a disclosure whose posting ended are made only on request: `make print
# ONLY=<năm>/<hồ sơ>` sets this for its build.
CKX_PRINT_ONLY = os.environ.get("CKX_PRINT_ONLY", "")

# The loudspeaker's scripts and their recordings (docs/loa-truyen-thanh.md): espeak-ng's voice "vi" (Northern),
# "vi-vn-x-central" or "vi-vn-x-south"; numbers read with "linh" or "lẻ", "tư" or "bốn", "nghìn" or "ngàn".
# How many days each kind is read: CKX_KIND_SETTINGS = {"budget": {"broadcast_days": 5}} (at least 3).
CKX_LOUDSPEAKER = {"voice": "vi", "words_per_minute": 140, "zero_ten": "linh", "four": "tư", "thousand": "nghìn"}

SITENAME = "Công khai xã"
# The site's folder on its host, without a trailing slash: "" at a domain's root; "/cong-khai" for a
# project's GitHub or GitLab Pages; "/xa-hoa-an" for a commune inside a province portal (set by the CI
# definitions and by `scripts/ckx.py province` through the environment).
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False

# Disclosures are written by plugins/disclosures; Pelican's own article machinery is off.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".*"]  # hidden files are never content (plugins/disclosures/files.py skips them too)
DIRECT_TEMPLATES = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_ORDER_BY = "order"
SLUGIFY_SOURCE = "basename"
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False  # scripts/ckx.py build swaps whole folders instead
# Autoescape: titles and names come from officers and the web editor.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "extensions": []}
