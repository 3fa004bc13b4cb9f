"""Pelican glue: `nghia-vu/` (the years), `nghia-vu/<năm>/` (the page, its print view and its open data) and
`nghia-vu/han-cong-khai.ics` (the coming deadlines), each made again only when what it says changed."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from jinja2 import FileSystemLoader
from pelican.generators import Generator

from plugins.disclosures.channels import build_of
from plugins.disclosures.generator import write_bytes, write_page
from plugins.obligations.assess import STATUS_LABELS, Status, YearReport
from plugins.obligations.check import FOLDER, NAME
from plugins.obligations.export import PACKAGE_FILES, calendar_bytes, findings_json, package
from plugins.obligations.rules import LEVELS
from plugins.open_data.package import DEFAULT_LICENSE
from plugins.sheets.document import MOTTO, NATIONAL_TITLE, issuer_lines
from plugins.sheets.generator import TEMPLATES as SHEETS_TEMPLATES  # the document's head, shared

TEMPLATES = Path(__file__).parent / "templates"
CALENDAR_FILE = "nghia-vu/han-cong-khai.ics"


class ObligationsGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.loader.loaders += [FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(SHEETS_TEMPLATES))]

    def generate_output(self, writer) -> None:
        build = build_of(self.context)
        obligations = build.site.checked.get(NAME) if build else None
        if obligations is None:
            return
        outputs, view = build.outputs, build.view
        commune, today = view["commune"], view["today"]
        license_ = build.settings.channels.get("open_data", DEFAULT_LICENSE)  # the open data channel's licence
        shown = dict(labels=STATUS_LABELS, statuses=list(Status), levels=LEVELS)
        write_page(self, writer, outputs, f"{FOLDER}index.html", "obligations_years",
                   dict(page_url=FOLDER, reports=[_summary(r) for r in obligations.reports], **shown))
        for report in obligations.reports:
            folder = f"{FOLDER}{report.year}/"
            values = dict(page_url=folder, report=report, local_rules=obligations.local_rules,
                          years=[r.year for r in obligations.reports], **shown)
            write_page(self, writer, outputs, f"{folder}index.html", "obligations", values)
            write_page(self, writer, outputs, f"{folder}in/index.html", "obligations_sheet",
                       dict(values, sheet=_sheet_head(commune)))
            inputs = (report, commune)
            write_bytes(outputs, self.output_path, f"{folder}nghia-vu.json", inputs,
                        lambda report=report: findings_json(report, commune))
            # the package's files, worked out once, and only when one of them is made again
            files = cache(lambda report=report, folder=folder: package(report, commune, folder, license_))
            for file in PACKAGE_FILES:
                write_bytes(outputs, self.output_path, f"{folder}{file}", (inputs, license_),
                            lambda file=file, files=files: files()[file])
        coming = [(report.year, f) for report in obligations.reports for f in report.findings
                  if f.due and f.status in (Status.NOT_DUE, Status.MISSING) and f.due >= today - dt.timedelta(days=30)]
        write_bytes(outputs, self.output_path, CALENDAR_FILE, (coming, commune),
                    lambda: calendar_bytes(coming, commune))


def _sheet_head(commune) -> dict:
    """The Ủy ban's report head: the same lines as every printed sheet's."""
    return {"issuer_lines": issuer_lines(commune.people_committee), "national_title": NATIONAL_TITLE, "motto": MOTTO}


def _summary(report: YearReport) -> dict:
    return {"year": report.year, "counts": report.counts, "total": len(report.findings)}
