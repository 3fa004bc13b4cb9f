"""Reading a land-use plan's project list: codes checked, villages found, totals computed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Commune, Disclosure, Village
from plugins.issues import INFO, WARNING, Issue
from plugins.land_use.codes import code_table
from plugins.land_use.schema import AREAS, LAND_USE_TABLE
from plugins.tables.hierarchy import TreeRow, build_tree, check_sums, mismatch_issue, total_line_issues

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
    used_for: str | None = None  # "Sử dụng vào loại đất": the land type it takes (a code, or codes)
    map_place: str | None = None  # "Vị trí trên bản đồ địa chính (tờ, thửa)"


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
    has_current: bool = False
    has_added: bool = False
    has_year: bool = False
    has_used_for: bool = False
    has_map_place: bool = False

    @property
    def total_area(self) -> Decimal:
        return sum((p.area for p in self.projects), Decimal(0))

    @cached_property
    def chart_svg(self) -> str:
        """Area by land type, drawn when a page or sheet first asks, never while checking."""
        from plugins.land_use.present import chart

        return chart(self)


def load_land_use(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[LandUseData, list[Issue]]:
    """Every row of the list is a project, except group rows ("II | Đất phi nông nghiệp | PNN", "1 | Đất phát
    triển hạ tầng | DHT" over "1.1", "1.2"): their areas are checked against their children and counted once."""
    codes = code_table()
    projects: list[Project] = []
    read, issues = context.read_tables(disclosure, bundle_dir, LAND_USE_TABLE)
    for _ref, table in read:
        issues += _to_hectares(table)
        tree = [TreeRow(number=row.number, stt=row.values["stt"] or "", content=row.values["ten"] or "",
                        amounts={key: row.values[key] for key in AREAS}, unreadable=row.unreadable, as_text=row.as_text)
                for row in table.rows]
        build_tree(tree)
        issues += [mismatch_issue(m, table.file, table.headers[m.key]) for m in check_sums(tree, exact=False)]
        leaves = [node for node in tree if not node.children]
        issues += total_line_issues(table, "dien_tich", [node.amounts["dien_tich"] for node in leaves],
                                    any("dien_tich" in node.unreadable for node in leaves))
        issues += [_heading_note(table.file, number, text) for number, text in table.sections
                   if context.commune.find_village(text) is None]
        for row, node in zip(table.rows, tree, strict=True):
            project = _project(row, bool(node.children), table, codes, context, issues)
            if project is not None:
                projects.append(project)
    return summarise(projects, context.commune, codes.version, codes.source), issues


SQUARE_METRES = re.compile(r"\bm2\b|m²")


def _to_hectares(table) -> list[Issue]:
    """Areas as the site shows them, in ha: a form in m² (its unit line, or "(m2)" in the area header) is
    divided by 10.000 exactly, and says so; any other unit is refused rather than read as ha."""
    header = table.headers.get("dien_tich", "")
    unit = "m²" if SQUARE_METRES.search(header.lower()) else table.unit
    if unit in (None, "ha"):
        return []
    where = dict(file=table.file, line=table.unit_row or table.header_row)
    if unit != "m²":
        return [Issue(code="don-vi-khong-khop", **where, column=None,
                      message=f'biểu ghi đơn vị "{table.unit_written}", không phải ha hay m².',
                      hint="Diện tích ghi bằng ha (hoặc m², trang tự đổi ra ha); sửa dòng đơn vị tính.")]
    for row in (*table.rows, *table.totals):
        for key in AREAS:
            if row.values.get(key) is not None:
                row.values[key] = row.values[key] / 10_000
    return [Issue(code="dong-ngoai-bang", **where, column=None, severity=INFO,
                  message="diện tích trong biểu tính bằng m²: trang đổi ra ha (chia cho 10.000).",
                  hint="Không cần sửa.")]


def _project(row, group: bool, table, codes, context: LoadContext, issues: list[Issue]) -> Project | None:
    """A leaf row as a project (its code and area required), after its checks; None for a group row or a row
    whose problems were reported."""
    values, shown = row.values, table.file
    land_type = _land_type(values["ma_dat"], group, codes, shown, row.number, table.headers, issues)
    for key in AREAS:
        if values[key] is not None and values[key] < 0:
            issues.append(Issue(code="so-khong-hop-le", file=shown, line=row.number, column=table.headers[key],
                                message=f"diện tích {values[key]} ha là số âm.", hint="Ghi diện tích từ 0 trở lên."))
            values[key] = None
    if group:
        return None
    if not any(values[key] is not None or key in row.unreadable for key in ("ma_dat", *AREAS)):
        issues.append(_heading_note(shown, row.number, values["ten"] or ""))
        return None
    issues += table.empty_cells(row, ("ma_dat", "dien_tich"))  # a group row may leave them empty; a project not
    villages = _villages(values, row.section, context, shown, row.number, table.headers, issues)
    if land_type is None or values["dien_tich"] is None or not values["ten"]:
        return None
    return Project(
        number=row.number, stt=values["stt"] or "", name=values["ten"], code=land_type.code,
        type_name=land_type.name, area=values["dien_tich"], place=values["dia_diem"], villages=villages,
        current=values["hien_trang"], added=values["tang_them"], year=values["nam"], note=values["ghi_chu"],
        used_for=values["su_dung_vao"], map_place=values["to_thua"])


def _heading_note(file: str, line: int, name: str) -> Issue:
    """A name without code or area: the name of a group of projects, said so in case it is a project."""
    return Issue(code="dong-ngoai-bang", file=file, line=line, severity=INFO,
                 message=f'dòng "{name}" chỉ có tên, không có mã loại đất và diện tích: được coi là tên một nhóm '
                         "công trình, không phải một công trình.",
                 hint="Không cần sửa nếu đây là tên nhóm; nếu là công trình, điền mã loại đất và diện tích.")


def _land_type(code: str | None, group: bool, codes, file: str, line: int, headers, issues: list[Issue]):
    """Today's land type of a code; a code of an earlier circular is accepted with a warning naming
    today's code (a former group code only on a group row)."""
    if not code:
        return None
    land_type = codes.get(code)
    if land_type is not None:
        return land_type
    former = codes.earlier(code)
    if former is not None and (former.today or group):
        today = codes.get(former.today) if former.today else None
        instead = (f"nay là {today.code} ({today.name})" if today else
                   "không còn trong bảng mã hiện hành; dòng nhóm này chỉ dùng để kiểm tổng các dòng con")
        issues.append(Issue(code="ma-dat-cu", file=file, line=line, column=headers["ma_dat"], severity=WARNING,
                            message=f'"{former.code}" ({former.name}) là mã theo quy định cũ, {instead}.',
                            hint=f"Đổi sang mã {today.code}." if today else "Có thể bỏ trống mã của dòng nhóm."))
        return today
    nearest = ", ".join(f"{t.code} ({t.name})" for t in codes.nearest(code))
    issues.append(Issue(code="ma-dat-khong-co", file=file, line=line, column=headers["ma_dat"],
                        message=f'"{code}" không có trong bảng mã loại đất ({codes.source}).',
                        hint=f"Các mã gần nhất: {nearest}." if nearest else "Xem bảng mã trong README."))
    return None


def _villages(values, section: str | None, context: LoadContext, file: str, line: int, headers,
              issues: list[Issue]) -> list[Village]:
    """The `Thôn` column when filled (several separated by , ; or "và"), else villages named in `Địa điểm`,
    else the village heading the project's group ("I. Thôn Đồng Bến")."""
    if not values["thon"]:
        named = context.commune.villages_mentioned(values["dia_diem"] or "")
        heading = context.commune.find_village(section) if section and not named else None
        return named or ([heading] if heading else [])
    found = []
    for part in re.split(r"[,;]| và ", values["thon"]):
        village = context.village(part, file, line, headers["thon"], issues) if part.strip() else None
        if village is not None and village not in found:
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
        has_used_for=any(p.used_for for p in projects),
        has_map_place=any(p.map_place for p in projects),
    )
