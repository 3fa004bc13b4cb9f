"""The same pages as plain Markdown: for a plain Pelican site and for Hugo, to compare build times.

Each disclosure becomes one Markdown page holding its explanation and its tables
as Markdown tables, nothing else: what a commune would get without this project.
"""

from __future__ import annotations

import csv
from pathlib import Path

import yaml


def markdown_table(path: Path) -> str:
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    if not rows:
        return ""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def write_plain(content: Path, pelican_dir: Path, hugo_dir: Path) -> int:
    """Write both trees from the generated commune; return the number of pages."""
    pages = 0
    for index in sorted(content.glob("disclosures/*/*/index.md")):
        text = index.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        tables = "\n\n".join(markdown_table(index.parent / t["file"]) for t in meta.get("tables") or [])
        year, slug = index.parent.parent.name, index.parent.name
        page_body = f"{body}\n\n{tables}\n"
        (pelican_dir / "content").mkdir(parents=True, exist_ok=True)
        (pelican_dir / "content" / f"{year}-{slug}.md").write_text(
            f"Title: {meta['title']}\nDate: {meta['issued']}\nSlug: {year}-{slug}\n\n{page_body}", encoding="utf-8")
        (hugo_dir / "content" / "posts").mkdir(parents=True, exist_ok=True)
        (hugo_dir / "content" / "posts" / f"{year}-{slug}.md").write_text(
            f"---\ntitle: \"{meta['title']}\"\ndate: {meta['issued']}\n---\n{page_body}", encoding="utf-8")
        pages += 1
    (pelican_dir / "pelicanconf.py").write_text(
        "SITENAME = 'Benchmark'\nPATH = 'content'\nTIMEZONE = 'Asia/Ho_Chi_Minh'\nDEFAULT_LANG = 'vi'\n"
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nTRANSLATION_FEED_ATOM = None\n"
        "AUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\nDEFAULT_PAGINATION = 50\n", encoding="utf-8")
    layouts = hugo_dir / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (layouts / "single.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        "<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n", encoding="utf-8")
    (layouts / "list.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>'
        '{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n',
        encoding="utf-8")
    (hugo_dir / "hugo.toml").write_text('baseURL = "http://localhost/"\nlanguageCode = "vi"\ntitle = "Benchmark"\n'
                                        "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n"
                                        "[markup.goldmark.renderer]\nunsafe = false\n", encoding="utf-8")
    return pages
