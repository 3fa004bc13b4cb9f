"""The officers' report of one build: every issue, and what was published in place of each broken part.

Written beside the published folder (`output-bao-cao/`), never inside it: an issue list quotes what officers
wrote, which is for them, not for the web. `bao-cao.txt` is for a person, `bao-cao.json` for the province's
build and any tool; both are written on every build, so yesterday's report never stands for today's.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from plugins.disclosures.cache import write_atomically
from plugins.issues import Issue, format_issues, has_errors

TEXT_FILE = "bao-cao.txt"
JSON_FILE = "bao-cao.json"


def kept_back_lines(kept_back) -> list[str]:
    """A line per broken part: which earlier version stands in for it, or that it is not on the site."""
    lines = []
    for item in kept_back:
        if item.version is not None:
            lines.append(f"  - {item.path}: vẫn đăng bản không lỗi gần nhất (ngày {item.version.date:%d/%m/%Y}, "
                         f"commit {item.version.short}), cập nhật theo ngày hôm nay.")
        elif item.path.startswith("pages/"):
            lines.append(f"  - {item.path}: trang này chưa đăng cho tới khi sửa xong.")
        elif item.path.startswith("pagefind"):  # a search part (plugins/search)
            lines.append(f"  - {item.path}: phần chỉ mục tìm kiếm này chưa đăng; trang tìm kiếm tìm trong các phần còn "
                         "lại cho tới lần xây dựng sau.")
        else:
            lines.append(f"  - {item.path}: chưa có bản nào không lỗi trong lịch sử git, nên chưa đăng.")
    return lines


def summary(published: bool, output: Path, kept_back, issues: list[Issue]) -> str:
    """What the officer reads last: whether the site changed, and what still waits for a fix."""
    if not published:
        return f"Không xây dựng: trang cũ trong {output} được giữ nguyên."
    if not kept_back and not has_errors(issues):
        return ""
    return "\n".join([f"Đã đăng phần không lỗi vào {output}, nhưng các phần sau bị giữ lại vì có lỗi (sửa các dòng "
                      "LỖI ở trên; lần xây dựng sau đăng bản mới):", *kept_back_lines(kept_back)]
                     if kept_back else
                     [f"Đã đăng trang vào {output}, nhưng nội dung còn lỗi (các dòng LỖI ở trên): sửa rồi chạy lại."])


def write(folder: Path, *, published: bool, output: Path, build_date, issues: list[Issue], kept_back) -> None:
    """Both files, each replaced whole."""
    text = format_issues(issues) if issues else "Không có lỗi hay cảnh báo nào."
    end = summary(published, output, kept_back, issues)
    write_atomically(folder / TEXT_FILE, (text + ("\n\n" + end if end else "") + "\n").encode("utf-8"))
    data = {
        "build_date": str(build_date) if build_date else None,
        "published": published,
        "errors": has_errors(issues),
        "kept_back": [{"path": item.path,
                       "version": {"commit": item.version.commit, "date": str(item.version.date)}
                       if item.version else None} for item in kept_back],
        "issues": [{**asdict(issue), "severity": issue.severity.value} for issue in issues],
    }
    write_atomically(folder / JSON_FILE, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
