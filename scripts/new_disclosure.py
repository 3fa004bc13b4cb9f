#!/usr/bin/env python3
"""Create a new, valid disclosure bundle: `make new KIND=budget TITLE="Công khai dự toán ..."`.

Issue date today (Asia/Ho_Chi_Minh, or BUILD_DATE); posting from tomorrow for
the kind's default period, at the commune HQ, every village and the website.
The officer then fills in the explanation and adds the tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.disclosures.bundle import PLACEHOLDER  # noqa: E402  (needs ROOT on sys.path)
from plugins.disclosures.kinds import KINDS  # noqa: E402
from plugins.disclosures.settings import read_settings  # noqa: E402
from plugins.issues import format_issues  # noqa: E402
from plugins.vietnamese.periods import period_in_title  # noqa: E402
from plugins.vietnamese.text import fold, slugify  # noqa: E402
from scripts.ckx import load_settings  # noqa: E402

FRONT_DEFAULTS = {"unit": "triệu đồng", "stage": "approved"}
# Folded words of a budget title and the stage they mean, most specific first.
STAGE_WORDS = (("quyet toan", "final"), ("du thao", "draft"), ("trinh hoi dong", "draft"), ("9 thang", "q3"),
               ("6 thang", "h1"), ("quy i", "q1"), ("quy ii", "q2"), ("quy iii", "q3"), ("ca nam", "year"),
               ("thuc hien nam", "year"))


def short_slug(title: str, limit: int = 60) -> str:
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


def front_matter(kind, title: str, today: dt.date) -> dict:
    start = today + dt.timedelta(days=1)
    data = {"title": title, "kind": kind.id, "issued": today.isoformat()}
    data["posting"] = {"from": start.isoformat(), "to": (start + dt.timedelta(days=kind.default_posting_days - 1)).isoformat(),
                       "places": ["commune-hq", "all-villages", "website"]}
    data |= {key: value for key, value in FRONT_DEFAULTS.items() if key in kind.front_keys}
    folded = fold(title)
    if "stage" in kind.front_keys:  # what the title says it is: "quyết toán", "9 tháng", "dự thảo"...
        data["stage"] = next((stage for words, stage in STAGE_WORDS if re.search(rf"\b{words}\b", folded)), "approved")
    if "board" in kind.front_keys:
        data["board"] = "community-investment" if "dau tu" in folded or "cong dong" in folded else "people-inspection"
    if "comments" in kind.front_keys:  # the comment period: the posting's first thirty days, the legal minimum
        data["comments"] = {"from": start.isoformat(), "to": (start + dt.timedelta(days=29)).isoformat()}
    if "period" in kind.front_keys and period_in_title(title) is None:  # else read from the title itself
        # a report's period: the last whole quarter, what is reported most often
        end = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1) - dt.timedelta(days=1)
        data["period"] = {"from": dt.date(end.year, end.month - 2, 1).isoformat(), "to": end.isoformat()}
    return data


def create(content: Path, kind_id: str, title: str, today: dt.date) -> Path | None:
    kind = KINDS.get(kind_id)
    if kind is None:
        print(f'Không có loại "{kind_id}". Các loại: {", ".join(k.id for k in KINDS)}.', file=sys.stderr)
        return None
    if not title.strip():
        print('Cần tiêu đề: make new KIND=notice TITLE="Thông báo ..."', file=sys.stderr)
        return None
    folder = content / "disclosures" / str(today.year) / short_slug(title)
    if folder.exists():
        print(f"Đã có hồ sơ {folder}: đổi tiêu đề hoặc sửa hồ sơ đó.", file=sys.stderr)
        return None
    folder.mkdir(parents=True)
    text = "---\n" + yaml.safe_dump(front_matter(kind, title.strip(), today), allow_unicode=True, sort_keys=False)
    text += f"---\n{PLACEHOLDER}\n"
    (folder / "index.md").write_text(text, encoding="utf-8")
    print(f"Đã tạo {folder / 'index.md'}. Thay câu mẫu bằng nội dung thật, thêm bảng, rồi chạy make validate "
          "(hồ sơ còn câu mẫu sẽ không được đăng).")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", required=True)
    parser.add_argument("--title", required=True)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args(argv)
    build_settings, issues = read_settings(load_settings(ROOT / "pelicanconf.py"), KINDS)
    if build_settings is None:
        print(format_issues(issues), file=sys.stderr)
        return 1
    return 0 if create(args.content, args.kind, args.title, build_settings.build_date) else 1


if __name__ == "__main__":
    sys.exit(main())
