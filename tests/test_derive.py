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
    from a disclosure's own tables is kept by its fingerprint and what it asked of the date (outputs.KeptValues,
    day.py): a rebuild derives the same records without unpacking one table."""
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


def test_the_next_day_reads_only_the_tables_whose_values_asked_what_it_answers_otherwise(tmp_path):
    """A schedule's key figure is its next session: kept by day.BuildDay's questions, it is worked out again the
    day after that session (and only its schedule's table is read), and is then what a fresh derivation says."""
    from plugins.disclosures.model import Packed
    from plugins.disclosures.outputs import KeptValues

    load_site(ROOT / "content", KINDS, TODAY, cache_folder=tmp_path)
    record = tmp_path / "gia-tri.pickle"
    kept = KeptValues(record, "nen")
    derive(load_site(ROOT / "content", KINDS, TODAY, cache_folder=tmp_path), TODAY, {}, kept=kept)
    kept.save()
    schedules = [d for d in loaded().disclosures if d.kind == "schedule" and d.shown.data.upcoming(TODAY)]
    counting = {d.source_dir for d in loaded().disclosures if d.kind == "consultation"}  # days left: read daily
    assert schedules, "the sample has a schedule with a session still to come"
    session = min(s.date for d in schedules for s in d.shown.data.upcoming(TODAY))
    next_session = {d.source_dir: next(s.date for s in d.shown.data.sessions if s.date >= TODAY) for d in schedules}
    for day in (session, session + dt.timedelta(days=1)):
        read = {folder for folder, date in next_session.items() if date < day}  # its key figure's session passed
        site = load_site(ROOT / "content", KINDS, TODAY, cache_folder=tmp_path)  # the same fingerprints
        kept = KeptValues(record, "nen")
        derived = derive(site, day, {}, kept=kept)
        unpacked = {d.source_dir for d in site.disclosures if d.shown.loaded is not None
                    and d.shown.loaded._value is not Packed._NOT_YET}
        assert unpacked - counting == read and counting <= unpacked
        assert [d.shown.derived for d in derived.disclosures] == [d.shown.derived for d in derive(loaded(), day, {}).disclosures]
        kept.save()
    assert read, "a schedule had its next session on that day"
