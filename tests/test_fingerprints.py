"""What a disclosure's outputs are made from is computed from what it holds, never completed by hand."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from plugins.disclosures.cache import digest
from plugins.disclosures.model import Derived, Disclosure, Shown
from plugins.disclosures.outputs import fingerprint_of
from plugins.disclosures.site import Site


def disclosure(**derived) -> Disclosure:
    return Disclosure(year="2026", slug="a", source_dir="disclosures/2026/a", title="A", kind="notice",
                      issued=dt.date(2026, 1, 5), issuer="UBND xã", fingerprint="nap-tu-tep",
                      shown=Shown(derived=Derived(**derived)))


SAME = dict(village_names=("Thôn Đông",), key_figure="Tổng thu 9.105,5 triệu đồng",
            feedback_until=dt.date(2026, 2, 1), channels={"chia-se": "anh-1"}, across=(("Quý I", 95.5),),
            village_pages=("thon-dong",), noindex=False)


@pytest.mark.parametrize("one, other", [(("ab", "c"), ("a", "bc")), (("a", ""), ("a",)), (("a\x00b",), ("a", "b")),
                                        (("a",), (b"a",)), (("',",), ("'", "")), (('"',), ("\\",))])
def test_a_digest_tells_its_parts_apart(one, other):
    """Every key of the store and every fingerprint is a digest of parts: two different lists of parts, however
    their characters run together, never give one digest; the same parts always give the same."""
    assert digest(*one) != digest(*other) and digest(*one) == digest(*one)
    assert len(digest("\udc80", "Thôn Đông")) == 64  # a lone surrogate from a damaged file is a part too


def test_the_same_disclosure_and_derivation_give_the_same_fingerprint():
    assert fingerprint_of(disclosure(**SAME)) == fingerprint_of(disclosure(**dict(SAME)))


def test_a_record_held_in_another_value_is_named_alike_before_and_after_one_of_its_kind_is_fingerprinted(monkeypatch):
    """A value holding a FingerprintedRecord has one fingerprint in every process, whatever was fingerprinted
    there before (a worker fingerprints other records than the build's own process)."""
    import plugins.disclosures.outputs as outputs

    for known in ("_RECORD_FIELDS", "_STANDS_FOR_TEXT", "_OWN_FIELDS"):  # as in a process just started
        monkeypatch.setattr(outputs, known, type(getattr(outputs, known))())
    before = fingerprint_of({"derived": Derived(**SAME)})
    Derived(**(SAME | {"noindex": True})).__fingerprint__()
    assert fingerprint_of({"derived": Derived(**SAME)}) == before


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Derived)])
def test_every_derived_fact_is_in_the_fingerprint_of_what_its_outputs_are_made_from(field):
    """A field added to Derived is in the fingerprint by being there: nothing to remember elsewhere."""
    changed = {"village_names": ("Thôn Tây",), "key_figure": "Tổng thu 9.105,6 triệu đồng",
               "feedback_until": dt.date(2026, 2, 2), "channels": {"chia-se": "anh-2"},
               "across": (("Quý I", 95.6),), "village_pages": ("thon-dong", "thon-tay"), "noindex": True}
    assert set(changed) == set(SAME), "a new field of Derived needs a case here"
    assert fingerprint_of(disclosure(**SAME)) != fingerprint_of(disclosure(**(SAME | {field: changed[field]})))


def test_what_it_was_loaded_from_is_in_it_too_and_a_disclosure_never_loaded_has_none():
    other = dataclasses.replace(disclosure(**SAME), fingerprint="nap-tu-tep-khac")
    assert fingerprint_of(other) != fingerprint_of(disclosure(**SAME))
    with pytest.raises(ValueError, match="no fingerprint"):
        fingerprint_of(dataclasses.replace(other, fingerprint=""))


@pytest.mark.parametrize("record, field", [(Derived(**SAME), "key_figure"), (Shown(), "loaded"),
                                           (disclosure(**SAME), "status"), (disclosure(**SAME), "shown"),
                                           (Site(None), "disclosures"), (Site(None), "checked")])
def test_no_stage_can_change_a_record_it_was_handed(record, field):
    """Each stage hands on new records (dataclasses.replace): what an earlier stage made stays as it made it."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, field, None)


def test_the_outputs_record_reads_back_what_was_saved_and_an_unknown_layout_as_nothing(tmp_path):
    """Each set of site-wide entries is written once and named by its place: the record read back is the one
    saved. A record of another layout, or damaged, is no record: everything is made again, never misread."""
    import json

    from plugins.disclosures.outputs import Outputs, Record, published_as_recorded, read_record

    site, record_file = tmp_path / "site", tmp_path / "dau-ra.json"
    site.mkdir()
    outputs = Outputs(site, None, record_file, "nen", {"today": dt.date(2026, 3, 2), "commune": "Tân Lập"})
    for name, reads in (("a.html", {"today"}), ("b.html", {"today", "commune"}), ("c.json", set())):
        outputs.produce(name, name, lambda view, name=name, reads=reads: (
            [view[key] for key in sorted(reads)], (site / name).write_text(name, encoding="utf-8")))
    outputs.save()
    assert read_record(record_file) == outputs.new
    assert {name: record.reads for name, record in read_record(record_file).items()} == {
        "a.html": ["today"], "b.html": ["commune", "today"], "c.json": []}
    assert published_as_recorded(site, record_file)

    older = {name: [r.fingerprint, r.reads, r.reads_fingerprint, list(r.stamp), r.group, r.sha256]
             for name, r in outputs.new.items()}  # every file with its own list of entries, as before
    for unreadable in (json.dumps(older), "{", json.dumps({"layout": 2, "reads": [], "files": {"a.html": [1]}})):
        record_file.write_text(unreadable, encoding="utf-8")
        assert read_record(record_file) == {} and not published_as_recorded(site, record_file)
    assert isinstance(next(iter(outputs.new.values())), Record)


def test_what_one_disclosure_made_is_carried_over_together_or_looked_at_one_by_one(tmp_path):
    """A disclosure's page, village pages and files are its own (Outputs.owned_by): the next build carries them
    over by one fingerprint when it did not change, and otherwise makes or looks at each one; an owner whose
    maker wrote nothing, or one of whose published files is gone, is never carried over whole."""
    from plugins.disclosures.outputs import Outputs

    record, made, whole = tmp_path / "dau-ra.json", [], []

    def build(site: Path, previous: Path | None, owners: dict) -> Outputs:
        site.mkdir()
        outputs = Outputs(site, previous, record, "nen", {"commune": "Tân Lập"})
        for owner, (inputs, names) in owners.items():
            if outputs.keep_owned(owner, inputs):
                whole.append(owner)
                continue
            with outputs.owned_by(owner, inputs):
                for name in names:
                    outputs.produce(name, (inputs, name), lambda view, name=name: made.append(name) or (
                        view["commune"], name != "b/trong.html" and (site / name).parent.mkdir(exist_ok=True),
                        name != "b/trong.html" and (site / name).write_text(name, encoding="utf-8")))
        outputs.save()
        return outputs

    owners = {"a/": ("v1", ["a/index.html", "a/du-lieu.csv"]), "b/": ("v1", ["b/index.html", "b/trong.html"])}
    build(tmp_path / "1", None, owners)
    assert made == ["a/index.html", "a/du-lieu.csv", "b/index.html", "b/trong.html"]
    made.clear()
    second = build(tmp_path / "2", tmp_path / "1", owners)
    assert made == ["b/trong.html"] and second.kept == 3 and whole == ["a/"], "b/ made nothing once: one by one"
    assert (tmp_path / "2/a/index.html").stat().st_ino == (tmp_path / "1/a/index.html").stat().st_ino
    made.clear()
    (tmp_path / "2/a/du-lieu.csv").unlink()  # a published file gone: made again, its sibling kept by itself
    third = build(tmp_path / "3", tmp_path / "2", owners | {"b/": ("v2", ["b/index.html"])})
    assert made == ["a/du-lieu.csv", "b/index.html"] and third.kept == 1 and whole == ["a/"]
    assert not (tmp_path / "3/b/trong.html").exists()
    made.clear()
    fourth = build(tmp_path / "4", tmp_path / "3", owners | {"b/": ("v2", ["b/index.html"])})
    assert made == [] and fourth.kept == 3 and whole == ["a/", "a/", "b/"]


@pytest.mark.parametrize("field", ["village", "concerning", "posted_here", "url", "own_pages"])
def test_a_villages_view_names_every_field_in_its_fingerprint(field):
    """listings.VillageView writes its fingerprint out field by field (its lists of disclosures joined in one
    string each): a field added to it must be added there, and this case fails until it is."""
    from plugins.disclosures.listings import VillageView
    from plugins.disclosures.model import Village

    one, two = disclosure(**SAME), dataclasses.replace(disclosure(**SAME), fingerprint="nap-tu-tep-khac")
    same = dict(village=Village("dong", "Thôn Đông"), concerning=[one, two], posted_here=[one], url="thon/dong/",
                own_pages=[(one, "cong-khai/2026/a/dong/")])
    changed = dict(village=Village("dong", "Thôn Đông Mới"), concerning=[two, one], posted_here=[],
                   url="thon/dong-2/", own_pages=[(one, "cong-khai/2026/a/dong-2/")])
    assert set(same) == {f.name for f in dataclasses.fields(VillageView)}, "a new field needs a case here"
    assert VillageView(**same).__fingerprint__() == VillageView(**dict(same)).__fingerprint__()
    assert VillageView(**same).__fingerprint__() != VillageView(**(same | {field: changed[field]})).__fingerprint__()


@pytest.mark.parametrize("change", ["url", "title", "intro", "number", "count", "disclosures"])
def test_a_listing_page_is_made_again_when_anything_it_shows_changes(change):
    """listings.ListingPage's fingerprint is the listing's heading and its own disclosures, one string each."""
    from plugins.disclosures.listings import Listing, ListingPage

    one, two = disclosure(**SAME), dataclasses.replace(disclosure(**SAME), fingerprint="nap-tu-tep-khac")

    def page(url="loai/thong-bao/", title="Thông báo", intro="", number=2, count=3, disclosures=(one, two)):
        return ListingPage(Listing(url, title, [one, two], intro), number, count, list(disclosures))
    other = {"url": "loai/lich/", "title": "Lịch", "intro": "Các lịch.", "number": 3, "count": 4,
             "disclosures": (two, one)}
    assert fingerprint_of(page()) == fingerprint_of(page())
    assert fingerprint_of(page()) != fingerprint_of(page(**{change: other[change]}))
