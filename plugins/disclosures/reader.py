"""Pelican glue: read content/pages/*.md with the same YAML front matter as bundles."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pelican.readers import BaseReader

from plugins.disclosures.build import PRELOADED
from plugins.disclosures.generator import ContentError
from plugins.disclosures.pages import parse_page
from plugins.issues import format_issues
from plugins.safe_markdown import render


class YamlMarkdownReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]  # Pelican's reader API wants a list

    def read(self, source_path: str):
        path = Path(source_path)
        preloaded = self.settings.get(PRELOADED)
        if preloaded is not None and path.relative_to(self.settings["PATH"]).as_posix() not in preloaded.site.pages:
            return "", {"status": "skip"}  # it has errors: left out, and named in the build's report
        metadata, body, issues = parse_page(path.name, path.read_text(encoding="utf-8-sig"))
        if metadata is None:
            raise ContentError(format_issues(issues))
        result = {"title": metadata["title"], "order": int(metadata["order"] or 100)}
        for key in ("summary", "slug"):
            if metadata[key]:
                result[key] = metadata[key]
        return render(body), result


def use_yaml_reader(readers) -> None:
    for extension in YamlMarkdownReader.file_extensions:
        readers.reader_classes[extension] = YamlMarkdownReader
