"""Meta-tests: every issue code is documented, used, and the generated page is current."""

import re
from pathlib import Path

from plugins.disclosures.kinds import KINDS
from plugins.issues import CATALOGUE
from scripts.issue_codes import render

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"""code\s*=\s*["']([a-z0-9-]+)["']|ParseError\(\s*["']([a-z0-9-]+)["']|report\(\s*["']([a-z0-9-]+)["']""")


def used_codes() -> set[str]:
    codes = set()
    for path in (ROOT / "plugins").rglob("*.py"):
        for match in CODE.finditer(path.read_text(encoding="utf-8")):
            codes.add(next(g for g in match.groups() if g))
    return codes


def test_every_code_used_is_in_the_catalogue():
    assert used_codes() - set(CATALOGUE) == set()


def test_every_catalogued_code_is_used():
    assert set(CATALOGUE) - used_codes() == set()


def test_generated_code_page_is_current():
    assert (ROOT / "docs" / "ma-loi.md").read_text(encoding="utf-8") == render(), "run `make docs`"


def test_every_limit_is_documented_with_its_default():
    """A limit an officer can hit is explained where the error message sends them (docs/an-toan.md)."""
    from dataclasses import fields

    from plugins.disclosures.files import DEFAULT_LIMITS, Limits

    page = (ROOT / "docs" / "an-toan.md").read_text(encoding="utf-8")
    for limit in fields(Limits):
        default = f"{getattr(DEFAULT_LIMITS, limit.name):,}".replace(",", ".")
        assert f"| `{limit.name}` | {default}" in page, limit.name


# Shared checks a kind's loader calls, and the code each gives.
HELPER_CODES = {"context.village(": "thon-khong-co", "mismatch_issue(": "tong-khong-khop",
                "total_line_issues(": "tong-khong-khop"}


def test_each_kind_lists_the_codes_its_own_checks_give(registered_kinds):
    """`scripts/ckx.py kinds` prints Kind.issue_codes: exactly the catalogued codes the kind's package names,
    and those of the shared checks it calls."""
    assert any(kind.issue_codes for kind in KINDS)
    for kind in KINDS:
        if kind.templates_dir is None:
            continue
        source = "".join(p.read_text(encoding="utf-8") for p in Path(kind.templates_dir).parent.glob("*.py"))
        named = {code for code in re.findall(r'"([a-z0-9-]+)"', source) if code in CATALOGUE}
        named |= {code for call, code in HELPER_CODES.items() if call in source}
        assert set(kind.issue_codes) == named, kind.id
        assert len(set(kind.issue_codes)) == len(kind.issue_codes), kind.id
