"""A disclosure whose outputs cannot be made (a template or the code meeting its data) stops nothing else: the
stages that work disclosure by disclosure go on past it and name it once all were tried. The build that then
keeps it back is in test_last_good.py."""

from __future__ import annotations

import datetime as dt
import pickle
from types import SimpleNamespace

import jinja2
import pytest
from conftest import ROOT, SAMPLE_BUILD_DATE

from plugins.disclosures.derive import derive
from plugins.disclosures.kinds import KINDS
from plugins.disclosures.outputs import Outputs
from plugins.disclosures.site import load_site
from plugins.disclosures.unmade import (
    DisclosuresUnmade,
    EveryDisclosureFailed,
    each_apart,
    issues_of,
    kind_part,
    unmade_or_all_failed,
)

TODAY = dt.date.fromisoformat(SAMPLE_BUILD_DATE)


def test_every_item_is_tried_and_each_failure_is_named_by_its_folder():
    made = []

    def make(item):
        if item in ("b", "d"):
            raise ValueError(f"hỏng {item}")
        made.append(item)

    failures = each_apart(["a", "b", "c", "d"], make, lambda item: f"disclosures/2026/{item}")
    assert made == ["a", "c"]
    assert failures == {"disclosures/2026/b": "ValueError: hỏng b", "disclosures/2026/d": "ValueError: hỏng d"}


@pytest.mark.parametrize("fault", [OSError(28, "No space left on device"), MemoryError(),
                                   jinja2.TemplateSyntaxError("unexpected end of template", 1),
                                   jinja2.TemplateNotFound("disclosure.html")])
def test_the_machines_fault_or_a_template_that_does_not_compile_stops_at_once(fault):
    made = []

    def make(item):
        if item == "a":
            raise fault
        made.append(item)

    with pytest.raises(type(fault)):
        each_apart(["a", "b"], make, str)
    assert made == []


def test_one_error_per_cause_naming_its_disclosures():
    failures = {f"disclosures/2026/ho-so-{i}": "UndefinedError: x" for i in range(7)}
    failures["disclosures/2025/khac"] = "ZeroDivisionError: division by zero"
    issues = issues_of(failures, {"disclosures/2025/khac": True})
    assert [issue.code for issue in issues] == ["khong-tao-duoc-trang"] * 2
    assert all(issue.is_error for issue in issues)
    one, many = issues  # by folder: the same order on every run
    assert many.file == "disclosures/2026/ho-so-0" and "7 hồ sơ" in many.message
    assert "ho-so-4" in many.message and "ho-so-5" not in many.message and "và 2 hồ sơ khác" in many.message
    assert "chưa đăng hồ sơ" in many.message
    assert one.file == "disclosures/2025/khac" and "vẫn đăng bản không lỗi gần nhất" in one.message
    assert "ZeroDivisionError" in one.message


def test_every_disclosure_failing_alike_is_the_builds_failure():
    some = unmade_or_all_failed({"disclosures/2026/a": "E: x"}, 3)
    assert isinstance(some, DisclosuresUnmade) and some.failures == {"disclosures/2026/a": "E: x"}
    every = unmade_or_all_failed({"disclosures/2026/a": "E: x", "disclosures/2026/b": "E: x"}, 2)
    assert isinstance(every, EveryDisclosureFailed) and "E: x" in str(every)


def test_what_failed_in_a_worker_process_comes_back_with_what_failed_here(tmp_path, monkeypatch):
    """Each core's share goes on past its failures and hands them back with what it made."""
    monkeypatch.setenv("CKX_WORKERS", "2")
    outputs = Outputs(tmp_path, None, None, "base", {})
    disclosures = [SimpleNamespace(source_dir=f"disclosures/2026/ho-so-{i}") for i in range(6)]

    def make_one(disclosure):
        if disclosure.source_dir[-1] in "03":  # one in each share (dealt out like cards)
            raise ValueError(disclosure.source_dir[-1])
        name = disclosure.source_dir.rsplit("/", 1)[1] + ".html"
        outputs.produce(name, name, lambda _view: (tmp_path / name).write_text("x", encoding="utf-8"))

    with pytest.raises(DisclosuresUnmade) as raised:
        outputs.share_out(disclosures, make_one)
    assert raised.value.failures == {"disclosures/2026/ho-so-0": "ValueError: 0", "disclosures/2026/ho-so-3": "ValueError: 3"}
    assert sorted(outputs.new) == ["ho-so-1.html", "ho-so-2.html", "ho-so-4.html", "ho-so-5.html"]
    assert pickle.loads(pickle.dumps(raised.value)).failures == raised.value.failures


def test_derive_goes_on_past_a_disclosure_a_channel_cannot_take_and_names_it():
    site = load_site(ROOT / "content", KINDS, TODAY)
    chosen = site.disclosures[3].source_dir
    seen = []

    def fact(disclosure):
        seen.append(disclosure.source_dir)
        if disclosure.source_dir == chosen:
            raise KeyError("thon-moi")
        return True

    with pytest.raises(DisclosuresUnmade) as raised:
        derive(site, TODAY, {"thu": fact})
    assert raised.value.failures == {chosen: "KeyError: 'thon-moi'"}
    assert seen == [d.source_dir for d in site.disclosures]  # every one tried


def test_a_part_a_kind_makes_of_all_its_disclosures_is_left_out_and_named_when_it_fails():
    issues = []
    assert kind_part("procedures", "xu hướng", lambda: {"a": 1}, issues) == {"a": 1} and issues == []

    def boom():
        raise ZeroDivisionError("division by zero")

    assert kind_part("procedures", "xu hướng", boom, issues) is None
    assert [(i.code, i.is_error) for i in issues] == [("khong-tao-duoc-phan-chung", True)]
    assert "xu hướng của loại procedures" in issues[0].message and "ZeroDivisionError" in issues[0].message

    def full_disk():
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        kind_part("procedures", "xu hướng", full_disk, issues)


def test_derive_goes_on_without_a_trend_it_cannot_work_out_and_names_it():
    """The one-stop reports' trend reads every report of the commune: when it fails the site is derived without
    it (the pages then have no chart), never stopped, and the build's log names it."""
    import dataclasses

    site = load_site(ROOT / "content", KINDS, TODAY)
    procedures = KINDS.get("procedures")

    def across(_mine, _everything):
        raise ArithmeticError("một kỳ không có hồ sơ nào")

    class Kinds:
        def __iter__(self):
            return (dataclasses.replace(k, shows=dataclasses.replace(k.shows, across=across)) if k is procedures
                    else k for k in KINDS)

        def get(self, kind_id):
            return KINDS.get(kind_id)

    before = len(site.issues)
    derived = derive(site, TODAY, {}, Kinds())
    assert len(derived.disclosures) == len(site.disclosures)
    assert [d.shown.across for d in derived.disclosures if d.kind == "procedures"] == [None, None]
    assert [i.code for i in site.issues[before:]] == ["khong-tao-duoc-phan-chung"]


def test_work_started_ahead_comes_back_from_its_own_process_or_names_what_stopped_it(tmp_path):
    """workers.Ahead: the standby's files are listed in a child while the content loads (scripts/ckx.py)."""
    import os
    from pathlib import Path

    from plugins.disclosures.outputs import files_in
    from plugins.disclosures.workers import Ahead, WorkerFailed

    (tmp_path / "a/b").mkdir(parents=True)
    (tmp_path / "a/b/trang.html").write_text("x", encoding="utf-8")
    (tmp_path / "goc.txt").write_text("y", encoding="utf-8")
    (tmp_path / "lien-ket").symlink_to(tmp_path / "goc.txt")
    listed = Ahead(lambda: (os.getpid(), files_in(tmp_path)))
    pid, files = listed.result()
    assert pid != os.getpid()
    def stamp(path):
        info = path.stat()
        return info.st_size, info.st_mtime_ns, info.st_ino

    assert files == {"a/b/trang.html": stamp(tmp_path / "a/b/trang.html"),
                     "goc.txt": stamp(tmp_path / "goc.txt"), "lien-ket": None}  # not a file: removed
    with pytest.raises(WorkerFailed, match="FileNotFoundError"):
        Ahead(lambda: files_in(tmp_path / "khong-co")).result()
    discarded = Ahead(lambda: files_in(tmp_path))
    _pid, handed_back = discarded.child
    discarded.discard()
    assert not Path(handed_back).exists()  # no child's file left behind


def test_what_is_carried_over_is_not_shared_out_and_the_one_that_fails_is_kept_back_alone(tmp_path, monkeypatch):
    """Outputs.share_out carries over first, in the build's process, what `keep_one` keeps (after one edit, all
    but one): the rest alone is shared out, so no worker is forked for one disclosure; and the one made that
    fails is one disclosure kept back among all those tried, never "every disclosure failed"."""
    import os

    from plugins.disclosures.unmade import DisclosuresUnmade

    monkeypatch.setenv("CKX_WORKERS", "2")
    outputs = Outputs(tmp_path, None, None, "base", {})
    disclosures = [SimpleNamespace(source_dir=f"disclosures/2026/ho-so-{i}") for i in range(100)]
    made = []

    def make_one(disclosure):
        made.append((disclosure.source_dir, os.getpid()))
        raise ValueError("mẫu trang hỏng với hồ sơ này")

    with pytest.raises(DisclosuresUnmade) as caught:
        outputs.share_out(disclosures, make_one, lambda d: d.source_dir != "disclosures/2026/ho-so-7")
    assert made == [("disclosures/2026/ho-so-7", os.getpid())]
    assert list(caught.value.failures) == ["disclosures/2026/ho-so-7"]
