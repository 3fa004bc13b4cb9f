"""The publishing loop: the CI definitions a commune copies are valid, run daily and on every push, and their
steps, run here one by one in a clean clone, validate, build with today's date in Viet Nam, print the sheets
and leave a site whose checksums hold."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

CI = ROOT / "scripts/ci"
CRON = re.compile(r"^(\S+\s+){4}\S+$")


def github():
    # YAML 1.1 reads the key `on` as True: PyYAML gives it back as the boolean
    workflow = yaml.safe_load((CI / "github-pages.yml").read_text(encoding="utf-8"))
    return workflow, workflow.get("on", workflow.get(True))


def gitlab():
    return yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))


def test_github_workflow_runs_daily_on_push_and_deploys_to_pages():
    workflow, triggers = github()
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    [schedule] = triggers["schedule"]
    assert CRON.match(schedule["cron"]) and schedule["cron"].split()[1] == "17"  # 00:05 in Viet Nam
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["container"].startswith("debian:")
    uses = [step["uses"].split("@")[0] for step in build["steps"] if "uses" in step]
    assert uses == ["actions/checkout", "actions/cache", "actions/configure-pages", "actions/upload-artifact",
                    "actions/upload-pages-artifact"]
    report = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert report["if"] == "always()" and report["with"]["path"] == "output-bao-cao"  # never inside the site
    for step in build["steps"]:
        if "make html" in step.get("run", "") or "make print" in step.get("run", ""):
            assert step["env"]["SITEURL"] == "${{ steps.pages.outputs.base_path }}"  # a project's Pages folder
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # history for the change lists
    assert deploy["needs"] == "build" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages")
    alarm = workflow["jobs"]["bao-loi"]  # red after the deployment, when something was kept back
    assert alarm["needs"] == ["build", "deploy"] and alarm["if"] == "needs.build.outputs.ket_qua != '0'"
    assert build["outputs"]["ket_qua"] == "${{ steps.build.outputs.ket_qua }}"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_gitlab_pipeline_publishes_public_on_the_default_branch_and_schedules():
    pipeline = gitlab()
    job = pipeline["pages"]
    assert pipeline["image"].startswith("debian:") and pipeline["variables"]["GIT_DEPTH"] == 0
    conditions = " ".join(rule["if"] for rule in job["rules"])
    assert "CI_DEFAULT_BRANCH" in conditions and '"schedule"' in conditions
    assert job["artifacts"]["paths"][0] == "public" and job["script"][-1].endswith("cp -a output public")
    assert "output-bao-cao" in job["artifacts"]["paths"] and job["artifacts"]["when"] == "always"
    alarm = pipeline["bao-loi"]
    assert pipeline["stages"].index(alarm["stage"]) > pipeline["stages"].index(job["stage"])
    assert alarm["needs"] == ["pages"] and alarm["rules"] == job["rules"]


def test_both_definitions_keep_the_last_site_and_the_cache_between_runs():
    """The daily build in CI is an incremental one: the cache folder and the last site come back from the CI's
    own cache (a restored site is carried over by its bytes: tests/test_incremental.py), and a lost cache
    only costs time."""
    from plugins.disclosures.cache import DEFAULT_FOLDER

    kept = {DEFAULT_FOLDER.name, "output"}
    workflow, _ = github()
    cache = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/cache"))
    assert set(cache["with"]["path"].split()) == kept
    assert cache["with"]["key"].endswith("${{ github.run_id }}")  # saved after every run, the newest restored
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    assert {path.rstrip("/") for path in gitlab()["pages"]["cache"]["paths"]} == kept


def steps():
    """The commands both definitions run after checking out, in order; the first install of git, make and
    Python (`apt-get`) is left out: the machine running the tests has them."""
    workflow, _ = github()
    from_github = [(s["run"], {k: "" for k in s.get("env", {})})  # ${{ ... }}: "" here, a domain's root
                   for s in workflow["jobs"]["build"]["steps"] if "run" in s and "apt-get" not in s["run"]]
    from_gitlab = [line for line in gitlab()["pages"]["script"]]
    return from_github, from_gitlab


def test_both_definitions_run_the_same_make_steps():
    from_github, from_gitlab = steps()
    from_github = [command for command, _env in from_github]
    targets = [re.findall(r"\bmake (\w+)", " ".join(commands)) for commands in (from_github, from_gitlab)]
    # no `make validate` step: it would stop the daily run at the first error, and yesterday's site (names
    # included) would stay online; `make print` builds, publishes what is right, prints, then fails
    assert targets[0] == targets[1] == ["install", "print"]
    assert any("SITEURL" in command for command in from_gitlab)
    for commands in (from_github, from_gitlab):
        assert any("BUILD_DATE=$(TZ=Asia/Ho_Chi_Minh date +%F)" in command for command in commands)


@pytest.mark.parametrize(("pages_url", "preset", "expected"), [
    ("https://ubnd-hoaan.gitlab.io/cong-khai", None, "/cong-khai"),  # a project's Pages: its folder
    ("https://cong-khai-ubnd-hoaan-1a2b.gitlab.io", None, ""),  # GitLab's unique domain: the root
    ("https://ubnd-hoaan.gitlab.io/cong-khai", "", ""),  # a custom domain: SITEURL set empty in CI variables
])
def test_gitlab_finds_the_sites_folder_from_its_pages_address(pages_url, preset, expected):
    [line] = [line for line in gitlab()["pages"]["script"] if "SITEURL" in line]
    env = {"CI_PAGES_URL": pages_url, "PATH": os.environ["PATH"], **({"SITEURL": preset} if preset is not None else {})}
    shown = subprocess.run(["bash", "-c", f'{line}; printf "%s" "$SITEURL"'], env=env, capture_output=True, text=True)
    assert shown.stdout == expected


def run_github_steps(clone: Path, tmp_path: Path) -> str:
    """Every `run` step of the build job, as the runner runs them (bash -e); what they wrote to GITHUB_OUTPUT."""
    from_github, _ = steps()
    outputs = tmp_path / "github-output"
    outputs.touch()
    env = dict(os.environ, VENV=str(ROOT / ".venv"), CKX_CACHE=str(tmp_path / "bo-nho-dem"), HOME=str(tmp_path),
               GITHUB_OUTPUT=str(outputs))
    env.pop("BUILD_DATE", None)
    for command, step_env in from_github:
        result = subprocess.run(["bash", "-eo", "pipefail", "-c", command], cwd=clone, env={**env, **step_env},
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])
    return outputs.read_text(encoding="utf-8")


@pytest.mark.skipif(not shutil.which("git"), reason="git is needed to clone")
def test_the_github_steps_publish_what_is_right_then_the_alarm_job_fails(tmp_path):
    """A fresh clone, no cache, no output, as every CI run: a bundle broken in the last commit is published
    as its version before, on today's date, and the job after the deployment fails with the report."""
    from tests.test_last_good import BUDGET, break_budget, git, where_named

    clone = tmp_path / "kho-xa"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    break_budget(clone / "content")
    git(clone, "commit", "-q", "-am", "Sửa dự toán", date="2026-11-21")
    assert re.fullmatch(r"ket_qua=[1-9]\d*\n", run_github_steps(clone, tmp_path))  # make's own status: 2
    page = (clone / "output/cong-khai/2026/du-toan-ngan-sach-2026/index.html").read_text(encoding="utf-8")
    assert "1.950" in page and "1.95O" not in page
    assert where_named(clone / "output") == []
    assert list((clone / "output/print").rglob("*.pdf")), "the sheets are printed from what was published"
    (tmp_path / "tai-ve").mkdir()  # download-artifact puts the report's files in the working folder
    shutil.copy(clone / "output-bao-cao/bao-cao.txt", tmp_path / "tai-ve")
    [alarm] = [s["run"] for s in github()[0]["jobs"]["bao-loi"]["steps"] if "run" in s]
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", alarm], cwd=tmp_path / "tai-ve", capture_output=True,
                            text=True)
    assert result.returncode == 1 and f"{BUDGET}: vẫn đăng bản không lỗi gần nhất" in result.stdout


@pytest.mark.skipif(not shutil.which("git"), reason="git is needed to clone")
def test_the_github_steps_publish_the_sample_from_a_clean_clone(tmp_path):
    """Every step, as the runner would run it, in a clone of this repository's last commit. The virtualenv is
    this one (VENV=...): the install step still runs and checks it, without downloading it again."""
    clone = tmp_path / "kho-xa"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    outputs = run_github_steps(clone, tmp_path)
    assert outputs == "ket_qua=0\n"
    site = clone / "output"
    assert (site / "index.html").is_file() and (site / "404.html").is_file()
    assert (site / "du-lieu/danh-muc.json").is_file()
    pdfs = sorted(site.glob("print/**/*.pdf"))
    assert pdfs
    listed = (site / "SHA256SUMS").read_text(encoding="utf-8")
    assert all(pdf.relative_to(site).as_posix() in listed for pdf in pdfs)
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=site).returncode == 0
    private = [p for p in (site, *site.rglob("*")) if not p.stat().st_mode & (0o005 if p.is_dir() else 0o004)]
    assert not private, "a web server running as another user must read every published file"
    page = (site / "cong-khai/2026/du-toan-ngan-sach-2026/index.html").read_text(encoding="utf-8")
    assert 'id="lich-su"' in page  # the clone has the history the change list is made from
