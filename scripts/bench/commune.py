"""A large fictional commune, the same for the same seed: 40 villages, 10 years, about 2,000
disclosures across all kinds, 100,000 household rows and 20,000 budget rows, with attachments."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

from plugins.vietnamese.text import slugify
from scripts.sample_files import text_pdf

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Hữu", "Thanh", "Quang"]
GIVEN = ["An", "Bình", "Cúc", "Dũng", "Đào", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Khánh", "Lan", "Long", "Mai", "Nam",
         "Oanh", "Phúc", "Quý", "Sơn", "Tâm", "Thảo", "Tuấn", "Vân", "Yến"]
CATEGORIES = ["Hộ nghèo", "Hộ cận nghèo", "Hộ thoát nghèo", "Hộ thoát cận nghèo"]
CODES = ["DGT", "DVH", "DGD", "ONT", "DTL", "CLN", "DTT", "DRA", "TMD", "NTD"]
PER_YEAR = {"notice": 120, "budget": 40, "schedule": 20, "land-use": 10, "poverty": 10}
BUDGET_ROWS = 50
HOUSEHOLDS = 1000
PDF = text_pdf("Ban quet van ban (mau)")


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def front(data: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"


def generate(root: Path, seed: int = 2026, scale: float = 1.0, last_year: int = 2026, name: str = "Đồng Tâm",
             years: int = 10) -> dict[str, int]:
    """Write the commune under root/content; return the counts it holds."""
    rng = random.Random(seed)
    content = root / "content"
    villages = [{"slug": f"thon-{n}", "name": f"Thôn {n}"} for n in range(1, 41)]
    write(content / "commune.yml", yaml.safe_dump({
        "name": name, "type": "xã", "code": "99999", "province": "Tỉnh Thử Nghiệm", "chairman": "Lê Văn Chủ",
        "site_url": "https://dongtam.example.gov.vn", "villages": villages,
        "feedback": {"phone": "0236 3999 999"}}, allow_unicode=True))
    write(content / "pages/gioi-thieu.md", front({"title": "Giới thiệu"}, f"Xã {name} có 40 thôn."))
    counts = {"disclosures": 0, "households": 0, "budget_rows": 0}
    for year in range(last_year - years + 1, last_year + 1):
        for kind, number in PER_YEAR.items():
            for n in range(1, round(number * scale) + 1):
                issued = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 330))
                _disclosure(content, rng, kind, year, n, issued, villages, counts)
    return counts


READ_ON_LOUDSPEAKER = ("budget", "poverty", "schedule")  # a script and its recording each


def _disclosure(content, rng, kind, year, n, issued, villages, counts) -> None:
    slug = f"{slugify(kind)}-{n:03d}"
    folder = content / "disclosures" / str(year) / slug
    start = issued + dt.timedelta(days=1)
    data = {"title": f"{TITLES[kind]} số {n} năm {year}", "kind": kind, "number": f"{n}/TB-UBND",
            "issued": issued.isoformat(),
            "posting": {"from": start.isoformat(), "to": (start + dt.timedelta(days=29)).isoformat(),
                        "places": ["commune-hq", "all-villages", "website",
                                   *(["loudspeaker"] if kind in READ_ON_LOUDSPEAKER else [])]}}
    body = ("Ủy ban nhân dân xã Đồng Tâm thông báo nội dung dưới đây để Nhân dân được biết và góp ý. "
            "Đường giao thông, đất đai, hộ nghèo, ngân sách được công khai theo quy định.\n\n") * 3
    if kind == "notice":
        data["attachments"] = [{"file": "van-ban.pdf", "title": "Bản quét văn bản"}]
        write(folder / "van-ban.pdf", PDF)
    elif kind == "budget":
        data |= {"unit": "triệu đồng", "stage": "approved",
                 "tables": [{"file": "thu.csv", "role": "revenue"}]}
        write(folder / "thu.csv", _budget_csv(rng))
        counts["budget_rows"] += BUDGET_ROWS
    elif kind == "poverty":
        data["tables"] = [{"file": "danh-sach.csv"}]
        write(folder / "danh-sach.csv", _poverty_csv(rng, villages))
        counts["households"] += HOUSEHOLDS
    elif kind == "land-use":
        data |= {"tables": [{"file": "danh-muc.csv"}], "attachments": [{"file": "ban-do.pdf", "title": "Bản đồ"}]}
        write(folder / "danh-muc.csv", _land_csv(rng, villages))
        write(folder / "ban-do.pdf", PDF)
    elif kind == "schedule":
        data["recurring"] = {"weekday": "thứ Năm", "start": "07:30", "end": "11:30"}
    write(folder / "index.md", front(data, body))
    counts["disclosures"] += 1


TITLES = {"notice": "Thông báo", "budget": "Công khai ngân sách", "schedule": "Lịch tiếp công dân",
          "land-use": "Kế hoạch sử dụng đất", "poverty": "Kết quả rà soát hộ nghèo"}


def _budget_csv(rng) -> str:
    """A grand total over 7 groups of 6 items and a 'trong đó' row: parents equal their children."""
    lines, groups = [], []
    for g in range(1, 8):
        items = [rng.randrange(10, 900) for _ in range(6)]
        groups.append((g, items))
    total = sum(sum(items) for _, items in groups)
    lines.append(f";TỔNG THU NGÂN SÁCH XÃ;{total}")
    for g, items in groups:
        lines.append(f"{'ABCDEFG'[g - 1]};Nhóm thu {g};{sum(items)}")
        lines += [f"{i};Khoản thu {g}.{i};{v}" for i, v in enumerate(items, 1)]
    lines.append(f";Trong đó: thu tập trung;{items[0]}")
    return "STT;Nội dung;Dự toán\n" + "\n".join(lines) + "\n"


def _poverty_csv(rng, villages) -> str:
    rows = [f"{i};{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)};{rng.choice(villages)['name']};"
            f"{rng.choice(CATEGORIES)};{rng.randrange(1, 8)}" for i in range(1, HOUSEHOLDS + 1)]
    return "STT;Họ và tên chủ hộ;Thôn;Phân loại;Số nhân khẩu\n" + "\n".join(rows) + "\n"


def _land_csv(rng, villages) -> str:
    rows = []
    for i in range(1, 21):
        village = rng.choice(villages)["name"]
        area = f"{rng.randrange(1, 500) / 100:.2f}".replace(".", ",")
        rows.append(f'{i};Công trình {i};{rng.choice(CODES)};{area};{village}')
    return "STT;Tên công trình, dự án;Mã loại đất;Diện tích (ha);Địa điểm\n" + "\n".join(rows) + "\n"
