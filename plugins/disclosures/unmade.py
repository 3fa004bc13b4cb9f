"""Disclosures whose outputs could not be made although their content passed every check.

Such a failure is a fault of a template or of the code, met by one disclosure's data. It must never keep the
day's site from being published: names that leave a list on its last day of posting leave whatever else is
broken. So the stages that work disclosure by disclosure (derive, each disclosure's pages and files, each
channel's part of them) go on past a disclosure that fails, and raise `DisclosuresUnmade` once all were tried;
`scripts/ckx.py build` then renders again with each of them kept back (its last good version in git, or left
out) and names them in the report, as it does for a bundle with errors.

A part one kind makes of all its disclosures together (a trend, a home-page block, a commune-wide calendar)
that fails is left out and named (`kind_part`): no one disclosure can be kept back for it. A failure no
disclosure can be blamed for is the build's own (`BuildFailed`): a file system that cannot be written, a
template that does not compile, or every disclosure failing alike, where the theme's last good version is
tried instead.

Pure: no Pelican, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from plugins.issues import Issue

Item = TypeVar("Item")

NAMED_IN_ONE_MESSAGE = 5  # folders named in full per cause; the rest counted


class DisclosuresUnmade(Exception):
    """`failures`: each disclosure's folder ("disclosures/2026/x") -> what stopped it, in the order met."""

    def __init__(self, failures: dict[str, str]) -> None:
        super().__init__(f"{len(failures)} hồ sơ không tạo được trang")
        self.failures = dict(failures)

    def __reduce__(self):  # carried back from a worker process whole
        return type(self), (self.failures,)


class EveryDisclosureFailed(RuntimeError):
    """Every disclosure tried failed: the theme's or the code's fault, not one disclosure's (its first words)."""


def unmade_or_all_failed(failures: dict[str, str], tried: int) -> Exception:
    """What to raise for `failures` among `tried` disclosures."""
    if len(failures) >= tried:
        return EveryDisclosureFailed(f"không tạo được trang của hồ sơ nào ({next(iter(failures.values()))})")
    return DisclosuresUnmade(failures)


def each_apart(items: Iterable[Item], make_one: Callable[[Item], None], folder_of: Callable[[Item], str]) -> dict[str, str]:
    """`make_one(item)` for every item, going on past one that fails; what failed, by folder. A failure of the
    machine (a full disk, memory) or of a template that does not compile is no item's fault: it stops at once."""
    failures: dict[str, str] = {}
    for item in items:
        try:
            make_one(item)
        except Exception as exc:
            if not is_the_items_fault(exc):
                raise
            failures.setdefault(folder_of(item), f"{type(exc).__name__}: {exc}")
    return failures


def is_the_items_fault(exc: Exception) -> bool:
    """Whether the failure can be one item's: not the machine's (a file system or memory that gave out), and
    not a template that cannot be loaded at all (Jinja's syntax and not-found errors), which fails every page
    alike."""
    if isinstance(exc, (OSError, MemoryError)):
        return False
    return not any(kind.__name__ in ("TemplateSyntaxError", "TemplateNotFound", "TemplatesNotFound")
                   for kind in type(exc).__mro__)


def kind_part(kind_id: str, what: str, make: Callable[[], Item], issues: list[Issue]) -> Item | None:
    """`make()`, a part one kind makes of all its disclosures together (the trend across reports, its home-page
    block, a commune-wide calendar), which no single disclosure can be kept back for; when it fails, None and
    one error in `issues`: the site is published without that part, its pages without what it adds."""
    try:
        return make()
    except Exception as exc:
        if not is_the_items_fault(exc):
            raise
        issues.append(Issue(
            code="khong-tao-duoc-phan-chung", file=f"(loại {kind_id})",
            message=f"chương trình không tạo được {what} của loại {kind_id} ({type(exc).__name__}: {exc}); trang "
                    "vẫn được đăng theo ngày hôm nay, chưa có phần này.",
            hint="Đây là lỗi của chương trình gặp nội dung của loại này, không phải lỗi của tệp: gửi dòng này cho "
                 "người phụ trách kỹ thuật."))
        return None


def issues_of(failures: dict[str, str], kept: dict[str, bool]) -> list[Issue]:
    """One error per cause (the same words), naming its disclosures: `kept` says, by folder, whether an earlier
    version stands in for it (else it is left out)."""
    by_cause: dict[str, list[str]] = {}
    for folder, said in sorted(failures.items()):  # the same words on every run, whichever core met it first
        by_cause.setdefault(said, []).append(folder)
    issues = []
    for said, folders in by_cause.items():
        named = ", ".join(folders[:NAMED_IN_ONE_MESSAGE])
        more = f" và {len(folders) - NAMED_IN_ONE_MESSAGE} hồ sơ khác" if len(folders) > NAMED_IN_ONE_MESSAGE else ""
        instead = ("vẫn đăng bản không lỗi gần nhất của hồ sơ" if all(kept.get(f) for f in folders) else
                   "chưa đăng hồ sơ (hoặc đăng bản không lỗi gần nhất nếu có, xem cuối báo cáo)")
        issues.append(Issue(
            code="khong-tao-duoc-trang", file=folders[0],
            message=f"nội dung đã qua kiểm tra nhưng chương trình không tạo được trang của "
                    f"{'hồ sơ' if len(folders) == 1 else f'{len(folders)} hồ sơ'} {named}{more} ({said}); "
                    f"{instead}, các hồ sơ khác vẫn được đăng theo ngày hôm nay.",
            hint="Đây là lỗi của giao diện hoặc chương trình gặp nội dung này, không phải lỗi của tệp: gửi dòng này "
                 "cho người phụ trách kỹ thuật. Sửa chữ trong hồ sơ (ví dụ bỏ ký tự lạ vừa thêm) cũng có thể tránh lỗi."))
    return issues
