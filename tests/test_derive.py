"""The derive stage hands on new records and leaves the loaded site as it was loaded."""

import datetime as dt

from conftest import ROOT, SAMPLE_BUILD_DATE

from plugins.disclosures.derive import derive
from plugins.disclosures.kinds import KINDS
from plugins.disclosures.model import Derived
from plugins.disclosures.outputs import fingerprint_of
from plugins.disclosures.site import load_site

TODAY = dt.date.fromisoformat(SAMPLE_BUILD_DATE)


def loaded():
    return load_site(ROOT / "content", KINDS, TODAY)


def test_derive_leaves_the_loaded_site_as_it_was_and_a_second_derivation_gives_the_same_records():
    site = loaded()
    before = [(d, fingerprint_of(d)) for d in site.disclosures]
    first = derive(site, TODAY, {"thu": lambda d: d.status.value})
    assert [(d, fingerprint_of(d)) for d in site.disclosures] == before
    assert all(d.shown.derived == Derived() for d in site.disclosures)
    again = derive(site, TODAY, {"thu": lambda d: d.status.value})  # a theme tried again derives afresh
    assert [fingerprint_of(d) for d in again.disclosures] == [fingerprint_of(d) for d in first.disclosures]


def test_a_channel_fact_is_kept_by_name_and_is_in_the_fingerprint():
    site = loaded()
    derived = derive(site, TODAY, {"thu": lambda d: d.status.value})
    assert all(d.shown.channels == {"thu": d.status.value} for d in derived.disclosures)
    other = derive(site, TODAY, {"thu": lambda d: "khác"})
    changed = {d.source_dir for d, o in zip(derived.disclosures, other.disclosures, strict=True)
               if fingerprint_of(d) != fingerprint_of(o)}
    assert changed == {d.source_dir for d in derived.disclosures}


def test_the_derived_site_shares_the_builds_log_and_depends_on_the_date():
    site = loaded()
    derived = derive(site, TODAY, {})
    assert derived.issues is site.issues and derived.kept_back is site.kept_back  # later stages add to one log
    assert derived.commune is site.commune and len(derived.disclosures) == len(site.disclosures)
    later = derive(site, TODAY + dt.timedelta(days=400), {})
    assert any(fingerprint_of(a) != fingerprint_of(b) for a, b in zip(derived.disclosures, later.disclosures, strict=True))


def test_a_rebuild_reads_no_tables_of_a_disclosure_that_did_not_change(tmp_path):
    """Bundles come from the store with their tables packed (model.Packed), and what the derive stage works out
    from a disclosure's own tables is kept by its fingerprint and the day (outputs.KeptValues): a rebuild
    derives the same records without unpacking one table, and a new day works them out again."""
    from plugins.disclosures.model import Packed
    from plugins.disclosures.outputs import KeptValues

    load_site(ROOT / "content", KINDS, TODAY, cache_folder=tmp_path)  # read afresh: the store is filled
    kept = KeptValues(tmp_path / "gia-tri.pickle", "nen")
    first = derive(load_site(ROOT / "content", KINDS, TODAY, cache_folder=tmp_path), TODAY, {}, kept=kept)
    kept.save()
    site = load_site(ROOT / "content", KINDS, TODAY, cache_folder=tmp_path)
    packed = [d.shown.loaded for d in site.disclosures if d.shown.loaded is not None]
    assert len(packed) >= 8 and all(type(p) is Packed for p in packed)
    again = derive(site, TODAY, {}, kept=KeptValues(tmp_path / "gia-tri.pickle", "nen"))
    assert all(p._value is Packed._NOT_YET for p in packed), "a table was read"
    assert [d.shown.derived for d in again.disclosures] == [d.shown.derived for d in first.disclosures]
    assert [d.shown.derived for d in again.disclosures] == [d.shown.derived for d in derive(loaded(), TODAY, {}).disclosures]
    assert any(d.shown.key_figure for d in again.disclosures) and any(d.shown.derived.village_pages for d in again.disclosures)
    derive(site, TODAY + dt.timedelta(days=1), {}, kept=KeptValues(tmp_path / "gia-tri.pickle", "nen"))
    assert any(p._value is not Packed._NOT_YET for p in packed), "the next day's key figures are worked out again"
