"""Shared helpers: real builds of fixture sites through the same command officers run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE_BUILD_DATE = "2026-11-21"


_OWN_STORE: list[str] = []  # the store this process made, and removes when it ends


def pytest_configure(config) -> None:
    """Every build in the tests keeps its store in a folder of this process, not in the project's .cache/
    (each temporary content folder would leave its own entries there). Each xdist worker makes its own: they
    inherit the controller's variable, and a store shared between them was removed by whichever worker ended
    first while the other still built (its next build then remade everything and a carry-over test failed).
    A CKX_CACHE set by the person running the tests is used as it is and never removed."""
    import tempfile

    inherited = os.environ.get("CKX_CACHE")
    if inherited is None or Path(inherited).name.startswith("ckx-cache-"):
        worker = os.environ.get("PYTEST_XDIST_WORKER", "chinh")
        _OWN_STORE.append(tempfile.mkdtemp(prefix=f"ckx-cache-{worker}-"))
        os.environ["CKX_CACHE"] = _OWN_STORE[-1]


def pytest_unconfigure(config) -> None:
    for folder in _OWN_STORE:
        shutil.rmtree(folder, ignore_errors=True)


def ckx(*args: str, build_date: str = SAMPLE_BUILD_DATE, cache: str | None = None,
        environment: dict[str, str | None] | None = None, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run scripts/ckx.py as `make` does; output is captured for the assertions. `cache`: its CKX_CACHE ("" for
    none), given to the process alone, so two builds may run at once. `environment`: more variables for the
    process alone, None to leave one out. `timeout`: for content that once made the command hang, which then
    fails the test instead of the run."""
    env = dict(os.environ, BUILD_DATE=build_date, CKX_EDITOR_LOCAL="1")  # admin/ as `make editor` builds it
    if cache is not None:
        env["CKX_CACHE"] = cache
    for name, value in (environment or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "ckx.py"), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def build(content: Path, output: Path, build_date: str = SAMPLE_BUILD_DATE) -> subprocess.CompletedProcess:
    result = ckx("build", "--content", str(content), "--output", str(output), build_date=build_date)
    return result


def copy_site(name: str, tmp_path: Path) -> Path:
    """A writable copy of a fixture site, for tests that break it."""
    target = tmp_path / name
    shutil.copytree(FIXTURES / "sites" / name, target)
    return target


def settings_file(tmp_path: Path, extra: str) -> Path:
    """A commune's own settings file extending the project's (not named pelicanconf.py: Pelican loads a
    settings file under that module name, and the import below would find itself). `extra` is a value for
    CKX_KIND_SETTINGS, or Python lines starting with a setting name."""
    settings = tmp_path / "cai-dat-xa.py"
    lines = extra if "=" in extra.split("\n")[0] and not extra.startswith("{") else f"CKX_KIND_SETTINGS = {extra}"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n{lines}\n",
                        encoding="utf-8")
    return settings


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session", autouse=True)
def registered_kinds():
    """The kinds the project's pelicanconf.py registers, as `make validate` sees them."""
    from scripts.ckx import load_settings

    load_settings(ROOT / "pelicanconf.py")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The bundled sample commune, built once for the whole run."""
    output = tmp_path_factory.mktemp("sample") / "output"
    result = build(ROOT / "content", output)
    assert result.returncode == 0, result.stderr
    return output


def commune_copy(fixture: str, name: str, target: Path) -> Path:
    """A fixture site as another commune of the same province (its own name in commune.yml)."""
    shutil.copytree(FIXTURES / "sites" / fixture, target)
    yml = target / "commune.yml"
    text = yml.read_text(encoding="utf-8").replace("name: Đồng Tâm", f"name: {name}")
    yml.write_text(text.replace("province: Thành phố Hà Nội", "province: Thành phố Đà Nẵng"), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def province_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """Three communes with different content (the sample; a budget; a land-use plan) built side by side
    into one portal, as `make province` does: (the portal's folder, the run)."""
    work = tmp_path_factory.mktemp("tinh")
    communes = [ROOT / "content", commune_copy("xa-ngan-sach", "Hòa Bình", work / "hoa-binh"),
                commune_copy("xa-dat-dai", "Hòa Phong", work / "hoa-phong")]
    output = work / "cong"
    result = ckx("province", "--communes", *map(str, communes), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output, result


@pytest.fixture(scope="session")
def sample_sheets(tmp_path_factory) -> Path:
    """Every printed sheet of the sample commune (`make print`): the print/ folder; with the budget estimate's,
    whose posting ended, made on request as `make print ONLY=2026/du-toan-ngan-sach-2026` makes it."""
    output = tmp_path_factory.mktemp("in-mau") / "out"
    os.environ["CKX_PRINT_ONLY"] = "2026/du-toan-ngan-sach-2026"
    try:
        assert build(ROOT / "content", output).returncode == 0
    finally:
        del os.environ["CKX_PRINT_ONLY"]
    result = ckx("print", "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output / "print"


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> Path:
    """tests/fixtures/sites/phuong-nho built on a day inside its posting period."""
    output = tmp_path_factory.mktemp("phuong-nho") / "output"
    result = build(FIXTURES / "sites" / "phuong-nho", output, build_date="2026-03-10")
    assert result.returncode == 0, result.stderr
    return output




TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text):
    """Encode as Vietnamese Windows does: precomposed where cp1258 has the letter, else base + tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONE_MARKS))
            out += (base + "".join(p for p in parts if p in TONE_MARKS)).encode("cp1258")
    return out
