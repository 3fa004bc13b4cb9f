"""A province: communes built side by side into one portal; one commune's errors never stop the others;
the matrix CI definitions build the same portal job by job. (The portal's search runs in
tests/test_browser.py, in Chromium.)"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from plugins.disclosures import store
from plugins.disclosures.inputs import code_fingerprint, inputs_fingerprint
from plugins.province.figures import budget_execution
from plugins.province.warm import run_ckx
from tests.conftest import ROOT, ckx, commune_copy, soup

CI = ROOT / "scripts/ci"
NAMES = ["Xã Hòa An", "Xã Hòa Bình", "Xã Hòa Phong"]
SLUGS = ["xa-hoa-an", "xa-hoa-binh", "xa-hoa-phong"]


def test_each_commune_gets_its_own_site_in_its_folder(province_site):
    output, result = province_site
    assert "Đã xây dựng 3/3 xã." in result.stdout
    for slug in SLUGS:
        page = soup(output / slug / "index.html")
        links = [a["href"] for a in page.select("a[href^='/']")]
        assert links and all(href.startswith(f"/{slug}/") for href in links), slug
        assert (output / slug / "pagefind" / "pagefind.js").is_file()
    assert not (output.parent / "cong-bao-cao" / "bao-cao.txt").read_text(encoding="utf-8").count("LỖI")


def test_the_portal_lists_the_communes_and_what_each_posts_today(province_site):
    output, _ = province_site
    home = soup(output / "index.html")
    assert home.html["lang"] == "vi"
    rows = {row.th.a.get_text(strip=True): row for row in home.select("tbody tr")}
    assert sorted(rows) == NAMES
    assert rows["Xã Hòa An"].th.a["href"] == "/xa-hoa-an/"
    posted = {}
    for slug, name in zip(SLUGS, NAMES, strict=True):
        catalogue = json.loads((output / slug / "du-lieu/danh-muc.json").read_text(encoding="utf-8"))
        posted[slug] = [d for d in catalogue["disclosures"]
                        if d["posting"] and d["posting"]["from"] <= "2026-11-21" <= d["posting"]["to"]]
        assert rows[name].select("td")[1].get_text(strip=True) == str(len(posted[slug]))
    assert posted["xa-hoa-an"] and posted["xa-hoa-phong"]
    now = soup(output / "dang-niem-yet/index.html")
    links = {(a["href"].split("/")[1], a.get_text(strip=True)) for a in now.select(".ckx-disclosure-list__title a")}
    assert links == {(slug, d["title"]) for slug, found in posted.items() for d in found}
    ends = [t["datetime"] for t in now.select(".ckx-disclosure-list__meta time")]
    assert ends == sorted(ends)  # soonest end first, across communes


def test_the_budget_table_comes_from_the_data_packages(province_site):
    output, _ = province_site
    table = soup(output / "so-lieu/index.html")
    rows = {r.th.a.get_text(strip=True): [td.get_text(strip=True) for td in r.select("td")] for r in table.select("tbody tr")}
    assert sorted(rows) == ["Xã Hòa An", "Xã Hòa Bình"]  # Hòa Phong published no budget
    assert rows["Xã Hòa An"][:3] == ["9.105,5", "6.534", "71,8%"]  # the sample's 9-month revenue
    assert rows["Xã Hòa Bình"][:3] == ["1.250,5", "300", "24,0%"]


def test_the_province_catalogue_holds_every_communes_datasets(province_site):
    output, _ = province_site
    catalogue = json.loads((output / "du-lieu/danh-muc.json").read_text(encoding="utf-8"))
    assert [c["slug"] for c in catalogue["communes"]] == SLUGS
    paths = [r["path"] for c in catalogue["communes"] for d in c["datasets"] for r in d["resources"]]
    assert {p.split("/")[0] for p in paths} == set(SLUGS)
    assert all((output / p).is_file() for p in paths)
    on_disk = {p.relative_to(output).as_posix() for p in output.glob("*/cong-khai/*/*/du-lieu/*.csv")}
    assert set(paths) == on_disk
    page = soup(output / "du-lieu/index.html")
    assert {a["href"] for a in page.select("tbody a")} == {f"/{slug}/du-lieu/" for slug in SLUGS}
    assert all((output / slug / "du-lieu/index.html").is_file() for slug in SLUGS)


def test_a_commune_with_errors_publishes_its_last_good_version_and_is_reported(tmp_path):
    good = commune_copy("xa-ngan-sach", "Hòa Bình", tmp_path / "hoa-binh")
    broken = commune_copy("xa-dat-dai", "Hòa Phong", tmp_path / "hoa-phong")
    git_commit(broken)  # its content is kept in git, as a commune's is
    output = tmp_path / "cong"
    first = ckx("province", "--communes", str(good), str(broken), "--output", str(output))
    assert first.returncode == 0, first.stderr
    plan = broken / "disclosures/2026/ke-hoach-2026"
    page = output / "xa-hoa-phong/cong-khai/2026/ke-hoach-2026/index.html"
    before = page.read_bytes()
    table = next(p for p in plan.iterdir() if p.suffix == ".csv")
    table.write_text(table.read_text(encoding="utf-8-sig").replace(",", ",9O", 1), encoding="utf-8")
    (good / "disclosures/2026/du-toan-2026/index.md").write_text(
        (good / "disclosures/2026/du-toan-2026/index.md").read_text(encoding="utf-8").replace(
            "title: ", "title: (Bản sửa) ", 1), encoding="utf-8")
    second = ckx("province", "--communes", str(good), str(broken), "--output", str(output))
    assert second.returncode == 1
    report = (tmp_path / "cong-bao-cao/bao-cao.txt").read_text(encoding="utf-8")
    assert "Đã xây dựng 1/2 xã. 1 xã có lỗi, đã đăng phần không lỗi" in report and "Xã Hòa Phong" in report
    assert re.search(r"ke-hoach-2026/.*\.csv:\d+ LỖI \[", report), report
    assert "vẫn đăng bản không lỗi gần nhất" in report
    assert "Xã Hòa Phong" in second.stderr and "Traceback" not in second.stderr
    assert page.read_bytes() == before  # the plan as it last passed, on the same day: the same page
    assert "(Bản sửa)" in (output / "xa-hoa-binh/cong-khai/2026/du-toan-2026/index.html").read_text(encoding="utf-8")
    home = soup(output / "index.html")
    assert not [r for r in home.select("tbody tr") if "chưa thành công" in r.th.get_text()]
    assert "9O" not in (output / "index.html").read_text(encoding="utf-8")  # the issue list stays in the report
    assert not list(output.rglob("bao-cao.*")), "the communes' reports are for officers, never on the portal"


def test_a_commune_dropped_or_renamed_leaves_the_portal_on_the_next_run(tmp_path):
    first = commune_copy("xa-ngan-sach", "Hòa Bình", tmp_path / "hoa-binh")
    second = commune_copy("xa-dat-dai", "Hòa Phong", tmp_path / "hoa-phong")
    output = tmp_path / "cong"
    assert ckx("province", "--communes", str(first), str(second), "--output", str(output)).returncode == 0
    assert (output / "xa-hoa-phong/index.html").is_file()
    dropped = ckx("province", "--communes", str(first), "--output", str(output))
    assert dropped.returncode == 0 and "xa-hoa-phong" in dropped.stdout
    assert not (output / "xa-hoa-phong").exists()
    yml = first / "commune.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("name: Hòa Bình", "name: Hòa Bình Mới"), encoding="utf-8")
    renamed = ckx("province", "--communes", str(first), "--output", str(output))
    assert renamed.returncode == 0
    assert sorted(p.name for p in output.iterdir() if (p / "du-lieu/danh-muc.json").is_file()) == ["xa-hoa-binh-moi"]
    assert [a["href"] for a in soup(output / "index.html").select("tbody th a")] == ["/xa-hoa-binh-moi/"]
    assert (output / "dang-niem-yet/index.html").is_file() and (output / "tim-kiem/index.html").is_file()


def test_a_commune_without_a_readable_commune_yml_is_reported(tmp_path):
    good = commune_copy("xa-ngan-sach", "Hòa Bình", tmp_path / "hoa-binh")
    bad = commune_copy("xa-dat-dai", "Hòa Phong", tmp_path / "khong-ten")
    (bad / "commune.yml").write_text("name: [\n", encoding="utf-8")
    result = ckx("province", "--communes", str(good), str(bad), "--output", str(tmp_path / "cong"))
    assert result.returncode == 1
    assert "commune.yml:" in result.stderr and "Traceback" not in result.stderr
    home = soup(tmp_path / "cong/index.html")
    assert [r.th.get_text(" ", strip=True) for r in home.select("tbody tr")][-1].endswith("Chưa có trang.")


def test_a_commune_builds_own_hidden_folders_are_never_taken_for_a_dropped_commune(tmp_path):
    """The site a commune's build just replaced is removed by that build, in the background: the portal step
    once removed it too, raced, and failed the whole province run."""
    from plugins.province.build import remove_dropped

    for name in ("xa-a", ".xa-a.cu-123", "xa-bo"):
        (tmp_path / name / "du-lieu").mkdir(parents=True)
        (tmp_path / name / "du-lieu/danh-muc.json").write_text("{}", encoding="utf-8")
    assert remove_dropped(tmp_path, {"xa-a"}) == ["xa-bo"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".xa-a.cu-123", "xa-a"]


def git_commit(folder: Path) -> None:
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Nội dung"]):
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                       env=dict(os.environ, GIT_AUTHOR_NAME="Cán bộ", GIT_AUTHOR_EMAIL="can-bo@example.org",
                                GIT_COMMITTER_NAME="Cán bộ", GIT_COMMITTER_EMAIL="can-bo@example.org"))


def github_matrix():
    workflow = yaml.safe_load((CI / "province-github.yml").read_text(encoding="utf-8"))
    return workflow


def test_the_github_matrix_builds_each_commune_on_its_own_runner_then_the_portal():
    workflow = github_matrix()
    jobs = workflow["jobs"]
    build, final = jobs["build"], jobs["portal"]
    assert build["needs"] == "communes" and build["strategy"]["fail-fast"] is False
    assert build["strategy"]["matrix"]["commune"] == "${{ fromJSON(needs.communes.outputs.list) }}"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "always()"
    assert final["needs"] == "build" and final["if"] == "always()"
    uses = [s["uses"].split("@")[0] for s in final["steps"] if "uses" in s]
    assert uses == ["actions/checkout", "actions/download-artifact", "actions/configure-pages",
                    "actions/upload-pages-artifact", "actions/deploy-pages"]
    cache = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/cache"))
    assert set(cache["with"]["path"].split()) == {".cache", "site", "bao-cao"}  # a commune's last build, its own
    assert cache["with"]["key"] == "xa-${{ matrix.commune }}-${{ github.run_id }}"


def test_the_gitlab_matrix_builds_in_parallel_then_publishes_pages():
    pipeline = yaml.safe_load((CI / "province-gitlab-ci.yml").read_text(encoding="utf-8"))
    assert pipeline["stages"] == ["build", "deploy"]
    assert pipeline["xa"]["parallel"]["matrix"][0]["XA"] and pipeline["xa"]["artifacts"]["when"] == "always"
    assert pipeline["pages"]["when"] == "always" and pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert "--portal-only" in " ".join(pipeline["pages"]["script"])
    assert "--build-only" in " ".join(pipeline["xa"]["script"])
    assert pipeline["xa"]["cache"] == {"key": "xa-$XA", "paths": [".cache/", "site/", "bao-cao/"]}


def test_the_gitlab_pages_job_never_publishes_a_hidden_folder(tmp_path):
    """A commune's replaced site being removed (a hidden folder in site/, when its build had no store) or a
    staging folder left by a killed build can hold names after their period: the copy GitLab publishes has
    no hidden file or folder. The job's own lines, run here after the portal's."""
    pipeline = yaml.safe_load((CI / "province-gitlab-ci.yml").read_text(encoding="utf-8"))
    script = pipeline["pages"]["script"]
    copy = next(i for i, line in enumerate(script) if line.startswith("rm -rf public && cp -a site public"))
    (tmp_path / "site/xa-hoa-an/cong-khai").mkdir(parents=True)
    (tmp_path / "site/xa-hoa-an/index.html").write_text("Xã Hòa An", encoding="utf-8")
    (tmp_path / "site/.xa-hoa-an.cu-123/cong-khai").mkdir(parents=True)
    (tmp_path / "site/.xa-hoa-an.cu-123/danh-sach.csv").write_text("Nguyễn Văn A", encoding="utf-8")
    (tmp_path / "site/xa-hoa-an/.an.txt").write_text("x", encoding="utf-8")
    for line in script[copy:]:
        subprocess.run(["bash", "-c", line], cwd=tmp_path, check=True)
    published = sorted(p.relative_to(tmp_path / "public").as_posix() for p in (tmp_path / "public").rglob("*"))
    assert published == ["xa-hoa-an", "xa-hoa-an/cong-khai", "xa-hoa-an/index.html"]


def test_the_matrix_steps_run_here_give_the_same_portal(tmp_path, province_site):
    """The GitHub definition's own commands: list the communes, one build per commune into a folder of its
    own (a runner), every folder merged (download-artifact, merge-multiple), then the portal."""
    repo = tmp_path / "kho-tinh"
    commune_copy("xa-ngan-sach", "Hòa Bình", repo / "communes/hoa-binh")
    commune_copy("xa-dat-dai", "Hòa Phong", repo / "communes/hoa-phong")
    jobs = github_matrix()["jobs"]
    import subprocess

    listing = subprocess.run(["bash", "-c", jobs["communes"]["steps"][1]["run"].replace('>> "$GITHUB_OUTPUT"', "")],
                             cwd=repo, capture_output=True, text=True, check=True).stdout
    communes = json.loads(listing.strip().removeprefix("list="))
    assert communes == ["hoa-binh", "hoa-phong"]
    [build_step] = [s["run"] for s in jobs["build"]["steps"] if "province --build-only" in s.get("run", "")]
    [portal_step] = [s["run"] for s in jobs["portal"]["steps"] if "province --portal-only" in s.get("run", "")]
    merged = repo / "merged"
    for commune in communes:
        runner = tmp_path / f"runner-{commune}"
        shutil.copytree(repo, runner)
        command = build_step.replace("${{ matrix.commune }}", commune).replace(".venv/bin/python", str(ROOT / ".venv/bin/python"))
        command = command.replace("scripts/ckx.py", str(ROOT / "scripts/ckx.py"))
        run = subprocess.run(["bash", "-c", command], cwd=runner, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        for folder in ("site", "bao-cao"):
            shutil.copytree(runner / folder, merged / folder, dirs_exist_ok=True)
    command = portal_step.replace(".venv/bin/python", str(ROOT / ".venv/bin/python")).replace(
        "scripts/ckx.py", str(ROOT / "scripts/ckx.py"))
    run = subprocess.run(["bash", "-c", command.replace("--output site", "--output merged/site").replace(
        "--report bao-cao", "--report merged/bao-cao")], cwd=repo, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    home = soup(merged / "site/index.html")
    assert sorted(r.th.a.get_text(strip=True) for r in home.select("tbody tr")) == ["Xã Hòa Bình", "Xã Hòa Phong"]
    assert (merged / "site/xa-hoa-phong/index.html").is_file() and (merged / "site/so-lieu/index.html").is_file()


def test_budget_totals_without_a_total_line_sum_the_top_level_in_millions():
    package = {"resources": [{"role": "revenue", "path": "thu.csv", "schema": {"fields": [
        {"name": "Cấp"}, {"name": "Trong đó"},
        {"name": "Dự toán", "unit": "đồng", "measure": "estimate"},
        {"name": "Thực hiện", "unit": "đồng", "measure": "actual"}]}},
        {"role": "balance", "path": "cd.csv", "schema": {"fields": []}}]}
    text = ("\ufeffCấp,Trong đó,Dự toán,Thực hiện\r\n1,không,1500000000,750000000\r\n2,không,1000000000,\r\n"
            "1,không,500000000,250000000\r\n2,có,100000000,\r\n")
    found = budget_execution(package, lambda path: {"thu.csv": text}[path])
    assert list(found) == ["revenue"]
    revenue = found["revenue"]
    assert (revenue.estimate, revenue.actual, revenue.rate) == (Decimal("2000"), Decimal("1000"), Decimal("50.0"))


@pytest.mark.parametrize("shape", ["same-folder", "link", "same-name"])
def test_two_folders_that_would_share_a_commune_folder_are_refused_before_anything_is_built(tmp_path, shape):
    first = commune_copy("xa-ngan-sach", "Hòa Bình", tmp_path / "hoa-binh")
    second = {"same-folder": lambda: first,
              "link": lambda: (tmp_path / "lien-ket").symlink_to(first, target_is_directory=True) or tmp_path / "lien-ket",
              "same-name": lambda: commune_copy("xa-dat-dai", "Hòa Bình", tmp_path / "hoa-binh-2")}[shape]()
    output = tmp_path / "cong"
    result = ckx("province", "--communes", str(first), str(second), "--output", str(output))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Không xây dựng tỉnh" in result.stderr and str(first) in result.stderr and str(second) in result.stderr
    assert not output.exists()


def test_a_broken_commune_named_like_a_good_one_never_moves_the_good_ones_folder(tmp_path):
    good = commune_copy("xa-ngan-sach", "Hòa Bình", tmp_path / "hoa-binh")
    broken = commune_copy("xa-dat-dai", "Hòa Phong", tmp_path / "xa-hoa-binh")  # its folder is named as good's slug
    (broken / "commune.yml").write_text("name: [\n", encoding="utf-8")
    output = tmp_path / "cong"
    result = ckx("province", "--communes", str(good), str(broken), "--output", str(output))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (output / "xa-hoa-binh/index.html").is_file()  # where it always was
    assert not [p.name for p in output.iterdir() if p.name.startswith("xa-hoa-binh-")]
    assert (tmp_path / "cong-bao-cao/loi-xa-hoa-binh.json").is_file()


@pytest.mark.parametrize(("province", "unit"), [("Thành phố Đà Nẵng", "thành phố"), ("TP Hồ Chí Minh", "thành phố"),
                                                ("Huế", "thành phố"), ("Tỉnh Thái Nguyên", "tỉnh"), ("Lào Cai", "tỉnh")])
def test_the_portal_says_city_for_a_city(province, unit):
    import datetime as dt

    from plugins.province.portal import Portal

    assert Portal("Cổng", province, dt.date(2026, 12, 6), []).unit == unit


def test_the_report_writes_seconds_the_vietnamese_way():
    from plugins.province.build import Result, report_text

    text = report_text([Result("xa-hoa-an", "Xã Hòa An", "communes/hoa-an", True, 10.4, "")])
    assert "Xã Hòa An: xong trong 10,4 giây" in text


def test_communes_are_listed_by_name_not_by_type():
    import datetime as dt

    from plugins.province.portal import CommuneSite, portal

    names = ["Phường Tân Lập", "Xã Hòa An", "Đặc khu Bạch Long Vĩ", "Xã Yên Bình"]
    listed = [c.name for c in portal([CommuneSite(f"x{i}", name, None) for i, name in enumerate(names)],
                                     dt.date(2026, 12, 6)).communes]
    assert listed == ["Đặc khu Bạch Long Vĩ", "Xã Hòa An", "Phường Tân Lập", "Xã Yên Bình"]


def test_the_editor_is_published_once_for_every_commune(province_site):
    """5.6 MB of Decap CMS in each commune made most of a province's output: each commune's admin/ page loads
    the one copy at the portal's theme/trinh-soan-thao/."""
    output, _ = province_site
    for slug in SLUGS:
        page = soup(output / slug / "admin/index.html")
        assert page.select_one("script")["src"] == "/theme/trinh-soan-thao/decap-cms.js"
        assert not list((output / slug / "admin").glob("*decap-cms.js"))
    shared = output / "theme/trinh-soan-thao"
    assert (shared / "decap-cms.js").stat().st_size > 1_000_000
    assert len(list(shared.glob("*.decap-cms.js"))) > 10  # the parts it loads beside itself


def test_a_commune_moved_into_a_province_drops_its_own_copy_of_the_editor(tmp_path):
    output = tmp_path / "out"
    content = commune_copy("xa-ngan-sach", "Hòa Bình", tmp_path / "hoa-binh")
    assert ckx("build", "--content", str(content), "--output", str(output)).returncode == 0
    assert (output / "admin/decap-cms.js").is_file()
    env = dict(os.environ, CKX_EDITOR_SHARED="/theme/trinh-soan-thao", CKX_EDITOR_LOCAL="1",
               BUILD_DATE="2026-11-21")
    run = subprocess.run([sys.executable, str(ROOT / "scripts/ckx.py"), "build", "--content", str(content),
                          "--output", str(output)], env=env, cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert not list((output / "admin").glob("*decap-cms.js"))
    assert '<script src="/theme/trinh-soan-thao/decap-cms.js">' in (output / "admin/index.html").read_text(encoding="utf-8")


def test_a_communes_step_runs_in_a_warm_process_of_its_own_and_a_hang_is_stopped(tmp_path):
    """plugins/province/warm.py: each step is `scripts/ckx.py` in a fresh child of a process that imported
    everything once; its exit status, output and environment are its own, and a step past its time is killed."""
    env = dict(os.environ, BUILD_DATE="2026-11-21")
    missing = run_ckx(["validate", "--content", str(tmp_path / "khong-co")], env, 600)
    assert (missing.returncode, missing.stderr.strip()) == (1, f"Không tìm thấy thư mục nội dung {tmp_path / 'khong-co'}.")
    good = run_ckx(["validate", "--content", str(ROOT / "content")], dict(env, BUILD_DATE="2026-11-22"), 600)
    assert good.returncode == 0, good.stderr
    assert os.environ.get("BUILD_DATE") != "2026-11-22"  # the step's environment stayed in its process
    hang = run_ckx(["build", "--content", str(ROOT / "content"), "--output", str(tmp_path / "out")], env, 0.01)
    assert hang.returncode is None and not (tmp_path / "out" / "index.html").exists()


def test_a_province_run_rebuilds_only_the_communes_whose_inputs_changed_today(tmp_path):
    """A push to one commune rebuilds the province: the others, unchanged on the same day, are kept as built.
    A new day changes every commune's inputs (postings start and end by the date), so all are built."""
    communes = [commune_copy("xa-ngan-sach", "Hòa Bình", tmp_path / "hoa-binh"),
                commune_copy("xa-dat-dai", "Hòa Phong", tmp_path / "hoa-phong")]
    output, cache = tmp_path / "cong", tmp_path / "luu"
    command = ("province", "--communes", *map(str, communes), "--output", str(output))
    assert ckx(*command, cache=str(cache)).returncode == 0
    assert {path.name for path in cache.iterdir()} == {"xa"} and len(list((cache / "xa").iterdir())) == 2
    dropped = cache / "xa" / "0123456789abcdef0123456789abcdef"  # a commune gone from the province a month ago
    dropped.mkdir()
    month_ago = time.time() - (store.UNUSED_DAYS + 1) * 86400
    os.utime(dropped, (month_ago, month_ago))
    page = output / "xa-hoa-binh" / "index.html"
    built = page.stat().st_ino
    again = ckx(*command, cache=str(cache))
    assert again.returncode == 0, again.stderr
    assert not dropped.exists() and len(list((cache / "xa").iterdir())) == 2
    assert again.stdout.count("không có gì thay đổi từ lần xây dựng trước hôm nay, giữ nguyên") == 2
    assert page.stat().st_ino == built
    notice = next(communes[1].glob("disclosures/*/*/index.md"))
    notice.write_text(notice.read_text(encoding="utf-8") + "\nĐã sửa một câu.\n", encoding="utf-8")
    edited = ckx(*command, cache=str(cache))
    assert "Xã Hòa Bình: không có gì thay đổi" in edited.stdout and "Xã Hòa Phong: xong trong" in edited.stdout
    assert "Đã sửa một câu." in " ".join(p.read_text(encoding="utf-8") for p in output.glob("xa-hoa-phong/cong-khai/*/*/index.html"))
    next_day = ckx(*command, build_date="2026-11-22", cache=str(cache))
    assert "không có gì thay đổi" not in next_day.stdout and next_day.stdout.count("xong trong") == 2


def test_warm_steps_started_side_by_side_each_keep_their_own_exit_status(tmp_path):
    """Starting a step polls the others: two threads reading one exit status at once reported a good
    commune's build as failed (255). Forty quick steps on four threads each get their own status."""
    env = dict(os.environ, BUILD_DATE="2026-11-21")
    steps = [["validate", "--content", str(ROOT / "content" if n % 2 else tmp_path / "khong-co")] for n in range(40)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        codes = list(pool.map(lambda step: run_ckx(step, env, 600).returncode, steps))
    assert codes == [0 if n % 2 else 1 for n in range(40)]


def test_a_communes_inputs_change_with_any_file_or_link_it_holds(tmp_path):
    content, code = tmp_path / "content", code_fingerprint()
    (content / "disclosures").mkdir(parents=True)
    (content / "commune.yml").write_text("name: Hòa An\n", encoding="utf-8")
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.md").write_text(f"# {name}\n", encoding="utf-8")
    (content / "disclosures" / "chung").symlink_to(tmp_path / "a")
    seen = {inputs_fingerprint(content, code, {"day": "2026-11-21"})}
    (content / "disclosures" / "chung").unlink()
    (content / "disclosures" / "chung").symlink_to(tmp_path / "b")
    seen.add(inputs_fingerprint(content, code, {"day": "2026-11-21"}))
    (content / "commune.yml").write_text("name: Hòa Ân\n", encoding="utf-8")
    seen.add(inputs_fingerprint(content, code, {"day": "2026-11-21"}))
    seen.add(inputs_fingerprint(content, code, {"day": "2026-11-22"}))
    assert len(seen) == 4 and None not in seen
