"""Reading a land-use plan's project list: codes checked, villages found, totals computed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Commune, Disclosure, Village
from plugins.issues import Issue
from plugins.land_use.codes import code_table
from plugins.land_use.schema import LAND_USE_TABLE

SEVERAL = "lien-thon"
NONE = "khong-ghi-thon"


@dataclass
class Project:
    number: int
    stt: str
    name: str
    code: str
    type_name: str
    area: Decimal
    place: str | None
    villages: list[Village]
    current: Decimal | None = None
    added: Decimal | None = None
    year: int | None = None
    note: str | None = None


@dataclass
class Total:
    key: str  # land-type code or village slug
    label: str
    area: Decimal = Decimal(0)
    projects: int = 0

    def add(self, project: Project) -> None:
        self.area += project.area
        self.projects += 1


@dataclass
class VillageProjects:
    village: Village
    projects: list[Project] = field(default_factory=list)


@dataclass
class LandUseData:
    projects: list[Project]
    by_type: list[Total]  # largest area first
    by_village: list[Total]  # commune.yml order, then "liên thôn", then "không ghi thôn"
    villages: dict[str, VillageProjects]  # slug -> every project touching the village (for village pages)
    code_version: str
    code_source: str
    chart_svg: str = ""
    has_current: bool = False
    has_added: bool = False
    has_year: bool = False

    @property
    def total_area(self) -> Decimal:
        return sum((p.area for p in self.projects), Decimal(0))


def load_land_use(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[LandUseData, list[Issue]]:
    from plugins.land_use.present import chart  # presentation, kept out of the checks

    codes = code_table()
    projects: list[Project] = []
    read, issues = context.read_tables(disclosure, bundle_dir, LAND_USE_TABLE)
    for _ref, table in read:
        shown = table.file  # "<bundle>/<file>", as issues name it
        for row in table.rows:
            values = row.values
            land_type = codes.get(values["ma_dat"]) if values["ma_dat"] else None
            if values["ma_dat"] and land_type is None:
                nearest = ", ".join(f"{t.code} ({t.name})" for t in codes.nearest(values["ma_dat"]))
                issues.append(Issue(code="ma-dat-khong-co", file=shown, line=row.number, column=table.headers["ma_dat"],
                                    message=f'"{values["ma_dat"]}" không có trong bảng mã loại đất ({codes.source}).',
                                    hint=f"Các mã gần nhất: {nearest}." if nearest else "Xem bảng mã trong README."))
            villages = _villages(values, context.commune, shown, row.number, table.headers, issues)
            for key in ("dien_tich", "hien_trang", "tang_them"):
                if values[key] is not None and values[key] < 0:
                    issues.append(Issue(code="so-khong-hop-le", file=shown, line=row.number, column=table.headers[key],
                                        message=f"diện tích {values[key]} ha là số âm.", hint="Ghi diện tích từ 0 trở lên."))
                    values[key] = None
            if land_type is None or values["dien_tich"] is None or not values["ten"]:
                continue
            projects.append(Project(
                number=row.number, stt=values["stt"] or "", name=values["ten"], code=land_type.code,
                type_name=land_type.name, area=values["dien_tich"], place=values["dia_diem"], villages=villages,
                current=values["hien_trang"], added=values["tang_them"], year=values["nam"], note=values["ghi_chu"]))
    data = summarise(projects, context.commune, codes.version, codes.source)
    data.chart_svg = chart(data)
    return data, issues


def _villages(values, commune: Commune, file: str, line: int, headers, issues: list[Issue]) -> list[Village]:
    """The `Thôn` column when filled (several separated by , ; or "và"), else villages named in `Địa điểm`."""
    if not values["thon"]:
        return commune.villages_mentioned(values["dia_diem"] or "")
    found = []
    for part in re.split(r"[,;]| và ", values["thon"]):
        if not part.strip():
            continue
        village = commune.find_village(part)
        if village is None:
            issues.append(Issue(code="thon-khong-co", file=file, line=line, column=headers["thon"],
                                message=f'"{part.strip()}" không phải là thôn, tổ dân phố trong commune.yml.',
                                hint=f"Ghi đúng tên một trong: {', '.join(v.name for v in commune.villages)}."))
        elif village not in found:
            found.append(village)
    return found


def summarise(projects: list[Project], commune: Commune, version: str, source: str) -> LandUseData:
    by_type: dict[str, Total] = {}
    by_village = {v.slug: Total(v.slug, v.name) for v in commune.villages}
    by_village[SEVERAL] = Total(SEVERAL, "Công trình qua nhiều thôn")
    by_village[NONE] = Total(NONE, "Chưa ghi thôn")
    villages: dict[str, VillageProjects] = {}
    for project in projects:
        by_type.setdefault(project.code, Total(project.code, project.type_name)).add(project)
        key = project.villages[0].slug if len(project.villages) == 1 else (SEVERAL if project.villages else NONE)
        by_village[key].add(project)
        for village in project.villages:
            villages.setdefault(village.slug, VillageProjects(village)).projects.append(project)
    ordered_villages = {v.slug: villages[v.slug] for v in commune.villages if v.slug in villages}
    return LandUseData(
        projects=projects,
        by_type=sorted(by_type.values(), key=lambda t: (-t.area, t.key)),
        by_village=[t for t in by_village.values() if t.projects],
        villages=ordered_villages,
        code_version=version,
        code_source=source,
        has_current=any(p.current is not None for p in projects),
        has_added=any(p.added is not None for p in projects),
        has_year=any(p.year is not None for p in projects),
    )
