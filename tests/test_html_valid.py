"""One page of every template and kind through the Nu Html Checker (vnu, the W3C validator).

vnu runs on Java (Debian's default-jre-headless) from the `vnu-jar` npm package that `make install-dev`
installs. Set CKX_REQUIRE_BROWSER=1 (CI does) to make a missing checker a failure instead of a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

VNU = ROOT / ".venv" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
PAGES = [
    "index.html", "cong-khai/index.html", "loai/ngan-sach/index.html", "nam/2026/index.html",
    "dang-niem-yet/index.html", "thon/index.html", "thon/dong-ben/index.html", "tim-kiem/index.html",
    "gioi-thieu/index.html", "admin/index.html", "du-lieu/index.html",
    "cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/index.html", "cong-khai/2026/ke-hoach-su-dung-dat-2026/index.html",
    "cong-khai/2026/ke-hoach-su-dung-dat-2026/thon-tay/index.html", "cong-khai/2026/ra-soat-ho-ngheo-2026/index.html",
    "cong-khai/2026/ra-soat-ho-ngheo-2026/thon-tay/index.html", "cong-khai/2025/ra-soat-ho-ngheo-2025/index.html",
    "cong-khai/2026/lich-tiep-cong-dan-quy-4-2026/index.html", "cong-khai/2026/quy-uoc-thon-dong-ben/index.html",
    "cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/in/index.html", "cong-khai/2026/ke-hoach-su-dung-dat-2026/in/index.html",
    "cong-khai/2026/ra-soat-ho-ngheo-2026/in/thon-tay/index.html", "cong-khai/2026/lich-tiep-cong-dan-quy-4-2026/in/index.html",
    "cong-khai/2026/ke-hoach-su-dung-dat-2026/in/bien-ban-ket-thuc/index.html",
]


@pytest.fixture(scope="module")
def vnu():
    if JAVA and VNU.exists():
        return [JAVA, "-jar", str(VNU)]
    if os.environ.get("CKX_REQUIRE_BROWSER"):
        raise RuntimeError(f"The HTML checker needs java and {VNU}: run `make install-dev`.")
    pytest.skip("java or vnu.jar missing: run `make install-dev`")


def test_every_template_and_kind_is_valid_html(sample_site, vnu):
    files = [sample_site / page for page in PAGES]
    assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
    result = subprocess.run([*vnu, "--errors-only", "--format", "text", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_can_fail(tmp_path, vnu):
    page = tmp_path / "sai.html"
    page.write_text('<!doctype html><html lang="vi"><title>x</title><table><tr role="row"><td>1</td></tr></table>',
                    encoding="utf-8")
    result = subprocess.run([*vnu, "--errors-only", "--format", "text", str(page)], capture_output=True, text=True)
    assert result.returncode != 0 and "role" in result.stdout + result.stderr


def test_the_province_portal_is_valid_html(province_site, vnu):
    output, _ = province_site
    files = [output / page for page in ("index.html", "dang-niem-yet/index.html", "so-lieu/index.html",
                                        "du-lieu/index.html", "tim-kiem/index.html", "404.html")]
    result = subprocess.run([*vnu, "--errors-only", "--format", "text", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
