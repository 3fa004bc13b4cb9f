"""Outputs made again only when what they are made from changed; the rest carried over from the last build.

Every file the disclosure generators write is named with its inputs: the
values handed to its template (a disclosure stands for its fingerprint: its
bundle's bytes, posting status and history), the site-wide entries the
template read (`ckx.today`, `ckx.now_posted`, ...: recorded while rendering,
as a build system records dynamic dependencies), and a base shared by all
(code, theme, settings, static pages). When all of it matches the last
build's, the published file is hard-linked into the staging folder instead of
rendered; the staging folder is still swapped in whole, so a failed build
publishes nothing. The record of what each output was made from lives in the
cache folder, never in the site, with each file's size, time, inode and
SHA-256: a file whose size, time or inode changed is carried over only when
its bytes are still those it was made with (the site restored from a CI
cache: new inodes, times to the second), and made again otherwise.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import itertools
import os
import pickle
import shutil
import stat
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

import orjson

from plugins.disclosures.cache import digest, file_sha256, write_atomically
from plugins.disclosures.day import BuildDay, same_answers
from plugins.disclosures.unmade import each_apart, unmade_or_all_failed
from plugins.disclosures.workers import share_out

Stamp = tuple[int, int, int]  # size, mtime in ns, inode


def fingerprint_of(value: Any) -> str:
    """A stable digest of a template value: the same content gives the same digest in every run.

    Objects may say what they stand for with `__fingerprint__()` (a disclosure: its fingerprint); kinds and
    functions are code, already in the base. Anything else unknown is an error, never a guess."""
    parts: list[str] = []
    _add_parts(value, parts)
    return digest(*parts)


_PLAIN = (bool, int, float, str, Decimal, dt.date, dt.time)
_EXACTLY_PLAIN = frozenset({type(None), *_PLAIN, dt.datetime})  # the common case, told by one look-up
# A plain dataclass's field names by its type, once one was seen: the obligations' findings and the villages'
# views are thousands of records, and telling each one's type by the checks below, then asking `fields`,
# cost more than walking it
_RECORD_FIELDS: dict[type, tuple[str, ...]] = {}
_STANDS_FOR_TEXT: set[type] = set()  # types whose `__fingerprint__` gave a string (a disclosure)


def _add_parts(value: Any, parts: list[str]) -> None:
    """Append what `value` is made of to `parts`: one list for the whole value, as a listing holds thousands
    of disclosures."""
    kind = type(value)
    if kind in _EXACTLY_PLAIN:
        parts.append(f"{kind.__name__}:{value!r}")
    elif kind is list or kind is tuple:  # the common containers first: a listing is thousands of disclosures
        _add_sequence(value, parts)
    elif kind in _RECORD_FIELDS:
        _add_record(value, _RECORD_FIELDS[kind], parts)
    elif isinstance(value, _PLAIN):  # a subclass too: a StrEnum is a str
        parts.append(f"{kind.__name__}:{value!r}")
    elif isinstance(value, enum.Enum):
        parts.append(f"enum:{kind.__name__}.{value.name}")
    elif hasattr(kind, "__fingerprint__"):
        stands_for = value.__fingerprint__()
        if type(stands_for) is str:  # a disclosure's, a record's: one part
            _STANDS_FOR_TEXT.add(kind)
            parts.append(f"fp:{kind.__name__}:{stands_for}")
        else:
            parts.append(f"fp:{kind.__name__}")
            _add_parts(stands_for, parts)
    elif isinstance(value, (list, tuple)):
        _add_sequence(value, parts)
    elif isinstance(value, (set, frozenset)):
        parts += ["set", *sorted(fingerprint_of(item) for item in value), "end"]
    elif isinstance(value, Mapping):
        parts.append("map")
        for key in sorted(value, key=repr):
            parts.append(repr(key))
            _add_parts(value[key], parts)
        parts.append("end")
    elif callable(value) and hasattr(value, "__qualname__"):
        parts.append(f"code:{getattr(value, '__module__', '')}.{value.__qualname__}")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        _RECORD_FIELDS[kind] = names = tuple(f.name for f in dataclasses.fields(value))
        _add_record(value, names, parts)
    else:
        raise TypeError(f"no fingerprint for {type(value).__qualname__}: give it __fingerprint__()")


def _add_record(value, names: tuple[str, ...], parts: list[str]) -> None:
    parts.append(f"dc:{type(value).__qualname__}")
    for name in names:
        parts.append(name)
        _add_parts(getattr(value, name), parts)
    parts.append("end")


def _add_sequence(value, parts: list[str]) -> None:
    parts.append("seq")
    for item in value:
        kind = type(item)
        if kind in _STANDS_FOR_TEXT:  # a listing's thousands of disclosures: told by one look-up
            stands_for = item.__fingerprint__()
            if type(stands_for) is str:
                parts.append(f"fp:{kind.__name__}:{stands_for}")
                continue
        _add_parts(item, parts)
    parts.append("end")


class FingerprintedRecord:
    """A frozen dataclass whose fingerprint is that of every field it holds, worked out once (it cannot
    change): a field added is in the fingerprint by being there, and an output that names the record many
    times does not walk it each time."""

    def __fingerprint__(self) -> str:
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:
        """Its fields walked as a plain record's (`_add_record`), their names kept by type: 2,000 derived
        records took 44 ms, then 24. Not in `_RECORD_FIELDS`, which would make one held in another value
        walked instead of named by this fingerprint, as soon as one of its type was fingerprinted."""
        kind = type(self)
        names = _OWN_FIELDS.get(kind)
        if names is None:
            names = _OWN_FIELDS[kind] = tuple(f.name for f in dataclasses.fields(self))
        parts: list[str] = []
        _add_record(self, names, parts)
        return digest(*parts)


_OWN_FIELDS: dict[type, tuple[str, ...]] = {}  # a FingerprintedRecord's field names, by its type


class ReadsRecorder(dict):
    """The site-wide view handed to a template, noting each entry the template reads."""

    def __init__(self, view: Mapping[str, Any], reads: set[str]) -> None:
        super().__init__(view)
        self._reads = reads

    def __getitem__(self, key):
        self._reads.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._reads.add(key)
        return super().get(key, default)


@dataclasses.dataclass
class Record:
    fingerprint: str  # of the output's own inputs and the base
    reads: list[str]  # site-wide entries its template read
    reads_fingerprint: str
    stamp: Stamp
    group: str = ""  # files made together (a disclosure's downloads), kept or made again together
    sha256: str = ""  # of the bytes made: what a file restored with another stamp must still hold
    owner: str = ""  # what it was made for with others (a disclosure's folder: `owned_by`), kept with them


class KeptValues:
    """Values worked out from what their key names, kept between builds beside the outputs' record: what the
    derive stage makes of each disclosure's own tables, and each disclosure's part of a file that lists them
    all (the open data catalogue), are taken from the last build when that disclosure did not change, instead
    of working every one out again after one edit. The key is a digest of the outputs' base (code, theme,
    settings) and the parts the caller names (a disclosure's fingerprint); a value worked out on a build date
    (`get_on`) is kept with what it asked of the date. A changed input is a new key, never a stale value. Only
    what this build asked for is kept; a record that cannot be read is none (everything is worked out again).
    Asked for in the build's own process: what a worker works out is not kept. The channels' checks have one
    of their own, in the content's entry of the store (site.load_site)."""

    def __init__(self, path: Path | None, base: str) -> None:
        self.path, self.base = path, base
        self.old: dict[str, Any] | None = None  # read when first asked
        self.new: dict[str, Any] = {}
        self.worked_out = False
        self._apart: dict[str, KeptValues] = {}

    def apart(self, name: str) -> KeptValues:
        """Values kept by the same rule in a file of their own beside this one, saved with it: many small ones
        that every edit changes one of, so that keeping them never writes the large ones again (the
        obligations' reports, 1.4 MB at 4x, written on every edit when their keys' parts were kept with them)."""
        if name not in self._apart:
            path = self.path.with_name(f"{self.path.stem}.{name}{self.path.suffix}") if self.path else None
            self._apart[name] = KeptValues(path, self.base)
        return self._apart[name]

    def get(self, parts: tuple[str, ...], work_out: Callable[[], Any]) -> Any:
        key = digest(self.base, *parts)
        if key not in self.new:
            old = self._read()
            if key in old:
                self.new[key] = old[key]
            else:
                self.new[key], self.worked_out = work_out(), True
        return self.new[key]

    def get_on(self, parts: tuple[str, ...], date: dt.date, work_out: Callable[[BuildDay], Any]) -> Any:
        """`get` for a value worked out on a build date (`work_out(day)`): kept with what it asked of the date
        (day.py), taken again on any date that answers the same, worked out again on one that does not."""
        key = digest(self.base, *parts)
        if key not in self.new:
            old = self._read().get(key)
            if old is not None and same_answers(old[0], date):
                self.new[key] = old
            else:
                day = BuildDay(date)
                value = work_out(day)
                self.new[key], self.worked_out = (tuple(day.questions), value), True
        return self.new[key][1]

    def save(self) -> None:
        """Once everything was asked for (the generators or the checks done); not when this run asked for
        exactly what the record holds and worked nothing out."""
        for apart in self._apart.values():
            apart.save()
        if self.path is None or (self.old is None and not self.new) or \
                (not self.worked_out and (self.old or {}).keys() == self.new.keys()):
            return
        try:
            write_atomically(self.path, pickle.dumps({"base": self.base, "values": self.new},
                                                     protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # a full disk: worked out again next time
            self.path.unlink(missing_ok=True)

    def _read(self) -> dict[str, Any]:
        if self.old is None:
            self.old = {}
            try:  # a pickle the build wrote under the store, never a file of the content's
                data = pickle.loads(self.path.read_bytes()) if self.path else {}
            except Exception:  # none yet, damaged or of another version: worked out again
                data = {}
            if isinstance(data, dict) and data.get("base") == self.base and isinstance(data.get("values"), dict):
                self.old = data["values"]
        return self.old


class NotKept:
    """KeptValues with nothing kept: every value worked out afresh, held nowhere."""

    def get(self, _parts: tuple[str, ...], work_out: Callable[[], Any]) -> Any:
        return work_out()

    def get_on(self, _parts: tuple[str, ...], date: dt.date, work_out: Callable[[BuildDay], Any]) -> Any:
        return work_out(BuildDay(date))

    def apart(self, _name: str) -> NotKept:
        return self

    def save(self) -> None:
        pass


NOT_KEPT = NotKept()


class Outputs:
    """The outputs of one build into `staging`, carried over from `previous` where nothing changed."""

    def __init__(self, staging: Path, previous: Path | None, record_file: Path | None, base: str,
                 view: Mapping[str, Any], cache_folder: Path | None = None, standby: bool = False,
                 values: KeptValues | None = None, listed: dict[str, Stamp | None] | None = None) -> None:
        """`standby`: the staging folder is not empty but holds an earlier site (staging.new_staging), which
        this build changes into the new one; `listed`, when given, is its files as `files_in` listed them
        before (while the content loaded), else they are listed now. `values`: kept between builds with the
        record (none: not kept)."""
        self.staging, self.previous, self.record_file, self.base = staging, previous, record_file, base
        self.cache_folder = cache_folder  # where other makers keep what they worked out (QR codes)
        self.values = values if values is not None else KeptValues(None, base)
        self.view = view
        self.old, self.owners_before = _read_record(record_file) if previous is not None else ({}, {})
        self._emptied: set[str] = set()  # folders the standby's leftovers may have left empty (`remove_emptied`)
        self.standby: dict[str, Stamp] = {}  # name -> stamp as listed, still to settle
        if standby:
            self.standby = self._adopt(staging, listed or files_in(staging))
        self.groups: dict[str, list[str]] = {}
        self.owned: dict[str, list[str]] = {}  # owner -> the names the last build made for it
        for name, record in self.old.items():
            if record.group:
                self.groups.setdefault(record.group, []).append(name)
            if record.owner:
                self.owned.setdefault(record.owner, []).append(name)
        self.new: dict[str, Record] = {}
        self.owners: dict[str, str] = {}  # owner -> the fingerprint of what this build made its outputs from
        self._owner = ""  # whose outputs are being made (`owned_by`)
        self._unmade = 0  # outputs whose maker wrote nothing
        self._folders: set[str] = set()  # made in the staging folder already
        self._entry_fingerprints: dict[str, str] = {}
        self._reads_fingerprints: dict[tuple[str, ...], str] = {}
        self.made = self.kept = 0

    def produce(self, name: str, inputs: Any, make: Callable[[Mapping[str, Any]], None], group: str = "") -> bool:
        """Make `name` with `make(view)` unless the last build made it from the same inputs; True when made.
        `make` writes the file into the staging folder; the view it gets records what it reads. A maker may
        write nothing (an optional program failed): then there is no such output in this build."""
        if name in self.new:
            raise ValueError(f"{name} is made twice in one build")
        fingerprint = digest(self.base, name, fingerprint_of(inputs))
        old = self._made_from(name, fingerprint)
        if old is not None and self._carry(name, old):
            self.new[name] = self.old[name]
            self.kept += 1
            return False
        reads: set[str] = set()
        self._clear(name)
        make(ReadsRecorder(self.view, reads))
        try:
            info = os.stat(self.staging / name)
            sha256 = file_sha256(self.staging / name)
        except FileNotFoundError:
            self._unmade += 1
            return False
        self.new[name] = Record(fingerprint, sorted(reads), self._reads_fingerprint(reads),
                                (info.st_size, info.st_mtime_ns, info.st_ino), group, sha256, self._owner)
        self.made += 1
        return True

    def keep_group(self, group: str, inputs: Any) -> bool:
        """Carry over every file the last build made in `group` when each was made from `inputs` (and its
        own name); False, with nothing carried, when the group must be made again. Saves working out the
        files (their names too) when nothing changed."""
        names = self.groups.get(group, [])
        made_from = fingerprint_of(inputs)  # once for the group: a search part is a thousand files
        if not names or any(self._made_from(name, digest(self.base, name, made_from)) is None for name in names):
            return False
        return self._carry_all(names)

    @contextlib.contextmanager
    def owned_by(self, owner: str, inputs: Any):
        """Every output made or kept inside is `owner`'s (a disclosure's page, its village pages and files, which
        it alone is made from): once all are in, the next build can carry them over together (`keep_owned`). An
        owner one of whose makers wrote nothing is not recorded, so that one is tried again."""
        fingerprint, unmade = self._owner_fingerprint(owner, inputs), self._unmade
        self._owner = owner
        try:
            yield
        finally:
            self._owner = ""
        if self._unmade == unmade:
            self.owners[owner] = fingerprint

    def keep_owned(self, owner: str, inputs: Any) -> bool:
        """Carry over every output the last build made for `owner` when it was made from `inputs` and each
        output's site-wide entries are the same; False, with nothing carried, when they must be made (or
        looked at) one by one (`owned_by`). After one edit, 1,999 of 2,000 disclosures are carried over by one
        fingerprint each instead of one per page and file."""
        fingerprint = self._owner_fingerprint(owner, inputs)
        names = self.owned.get(owner)
        if not names or self.owners_before.get(owner) != fingerprint or any(
                name in self.new or self._reads_fingerprint(self.old[name].reads) != self.old[name].reads_fingerprint
                for name in names):
            return False
        if self._carry_all(names):
            self.owners[owner] = fingerprint
            return True
        return False

    def _owner_fingerprint(self, owner: str, inputs: Any) -> str:
        return digest(self.base, "owner", owner, fingerprint_of(inputs))

    def _carry_all(self, names: list[str]) -> bool:
        """Every one of `names` carried over from the last build, or none."""
        carried = []
        for name in names:
            if not self._carry(name, self.old[name]):
                for done in carried:  # never leave a link a new file would then be written through
                    (self.staging / done).unlink()
                    del self.new[done]
                return False
            carried.append(name)
            self.new[name] = self.old[name]
        self.kept += len(names)
        return True

    def write_group(self, group: str, inputs: Any, files: dict[str, Callable[[Path], None]]) -> None:
        """Make each file of `group` (name -> writer of the file at the path given)."""
        for name, write in files.items():  # each file's own name is in its fingerprint (`produce`)
            self.produce(name, inputs, lambda _view, name=name, write=write: write(self.staging / name), group=group)

    def _made_from(self, name: str, fingerprint: str) -> Record | None:
        """The last build's record of `name` when it was made from these inputs and the same site-wide entries."""
        old = self.old.get(name)
        if old is None or old.fingerprint != fingerprint or self._reads_fingerprint(old.reads) != old.reads_fingerprint:
            return None
        return old

    def share_out(self, disclosures, make_one: Callable[[Any], None],
                  keep_one: Callable[[Any], bool] | None = None) -> None:
        """`make_one(disclosure)` for every disclosure, on every core (plugins/disclosures/workers.py); what the
        workers made joins this build's record. One that fails does not stop the others: once all were tried,
        `DisclosuresUnmade` names those that failed (unmade.py), unless every one failed alike. `keep_one`
        (`keep_owned`) first, here, for each: those it carries over are not shared out, so after one edit the
        other 1,999 are carried over in this process, and no worker is forked to look at them and pass their
        records back."""
        def work(share):
            before, owners, made, kept = len(self.new), len(self.owners), self.made, self.kept
            failures = each_apart(share, make_one, lambda disclosure: disclosure.source_dir)
            # a name is recorded once (produce refuses a second), so what this share made is what follows
            return (dict(itertools.islice(self.new.items(), before, None)),
                    dict(itertools.islice(self.owners.items(), owners, None)), self.made - made, self.kept - kept,
                    failures)

        results = share_out([d for d in disclosures if not keep_one(d)] if keep_one else disclosures, work)
        failures = {}
        for index, (new, owners, made, kept, failed) in enumerate(results):
            if index:  # the first share was made in this process
                self.new.update(new)
                self.owners.update(owners)
                self.made += made
                self.kept += kept
            failures |= failed
        if failures:
            raise unmade_or_all_failed(failures, len(disclosures))

    def sha256_of(self, name: str) -> str | None:
        """The SHA-256 of `name` as this build made or kept it; None when it is not one of its outputs."""
        record = self.new.get(name)
        return (record.sha256 or None) if record else None

    def checksums(self) -> dict[str, list]:
        """name -> [size, time, inode, SHA-256] of every file of this build, for SHA256SUMS, which then hashes
        none of them again."""
        return _checksums(self.new)

    def save(self) -> None:
        """After the staging folder became the site: what each of its files was made from. (The values kept are
        saved before, `values.save()`, once the generators are done: they hold for what they are keyed by,
        published or not.)"""
        if self.record_file is None:
            return
        read_sets: dict[tuple, int] = {}  # a few sets of site-wide entries, read by tens of thousands of pages
        owners = {owner: index for index, owner in enumerate(self.owners)}  # each file names its owner by place
        files = {name: [r.fingerprint, read_sets.setdefault((tuple(r.reads), r.reads_fingerprint), len(read_sets)),
                        list(r.stamp), r.group, r.sha256, owners.get(r.owner, -1)] for name, r in self.new.items()}
        data = {"layout": RECORD_LAYOUT, "reads": [[list(reads), fingerprint] for reads, fingerprint in read_sets],
                "owners": [[owner, fingerprint] for owner, fingerprint in self.owners.items()], "files": files}
        try:
            write_atomically(self.record_file, orjson.dumps(data))  # 0.013 s at 4x, json's 0.13, after the search
        except OSError:  # without the record the next build makes everything again, which is still right
            self.record_file.unlink(missing_ok=True)

    def _reads_fingerprint(self, reads) -> str:
        """The fingerprint of the site-wide entries `reads`, each worked out once per build, as is each set
        of them: every disclosure page reads the same few."""
        keys = tuple(sorted(reads))
        combined = self._reads_fingerprints.get(keys)
        if combined is None:
            parts = []
            for key in keys:
                if key not in self._entry_fingerprints:
                    self._entry_fingerprints[key] = fingerprint_of(self.view.get(key))
                parts += [key, self._entry_fingerprints[key]]
            combined = self._reads_fingerprints[keys] = digest(*parts)
        return combined

    def _unchanged(self, name: str, record: Record) -> bool:
        """The last build's file is still the one it made: the same stamp, or (after its site was copied or
        restored) the same size and bytes, its record then following the file. When the standby holds its own
        link to the very file recorded (the steady state), that link is the one looked at: the standby's
        folders were just walked, and the published site's need not be read at all (with the file system's
        caches cold, 0.6 s of a 4 s rebuild after one edit at 1x), and its stamp as listed (`files_in`, while
        the content loaded) is the one compared. A file changed in place is seen through either link; one
        replaced by hand in the published site is not the file kept."""
        held = self.standby.get(name)
        if held is not None and held[2] == record.stamp[2]:
            if held == tuple(record.stamp):
                return True
            where = self.staging
        else:
            where = self.previous
        try:
            info = os.lstat(os.path.join(where, name))
        except OSError:
            return False
        if not stat.S_ISREG(info.st_mode) or info.st_size != record.stamp[0]:
            return False
        stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
        if stamp == tuple(record.stamp):
            return True
        if not record.sha256 or file_sha256(Path(where, name)) != record.sha256:
            return False
        self.old[name] = dataclasses.replace(record, stamp=stamp)
        return True

    def _carry(self, name: str, record: Record) -> bool:
        if not self._unchanged(name, record):
            return False
        held = self.standby.get(name)
        if held is not None and held[2] == self.old[name].stamp[2]:  # the standby holds this very file already
            del self.standby[name]
            return True
        self._clear(name)
        source, target = os.path.join(self.previous, name), os.path.join(self.staging, name)
        folder = os.path.dirname(target)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        try:
            os.link(source, target)
        except OSError:  # another file system, or links not allowed: a copy keeps size and time
            shutil.copy2(source, target)
            info = os.stat(target)
            self.old[name] = dataclasses.replace(self.old[name],
                                                 stamp=(info.st_size, info.st_mtime_ns, info.st_ino))
        return True

    def _adopt(self, staging: Path, files: dict[str, Stamp | None]) -> dict[str, Stamp]:
        """Take an earlier site in the staging folder as the start (its `files`, as `files_in` lists them):
        every file the last build did not make through this record (Pelican's own pages, the theme's files,
        the search index, the checksums, the printed sheets) goes now, before anything is written, since
        writing over a file that is a hard link of the published site would change the published site; the
        rest waits to be kept, replaced or removed (`settle`)."""
        present: dict[str, Stamp] = {}
        for name, stamp in files.items():
            if stamp is not None and name in self.old:
                present[name] = stamp
            else:
                os.unlink(os.path.join(staging, name))
                self._emptied.add(os.path.dirname(name))
        return present

    def _clear(self, name: str) -> None:
        """Before `name` is written or linked: the standby's file of that name goes (never written through)."""
        if self.standby.pop(name, None) is not None:
            os.unlink(os.path.join(self.staging, name))

    def settle(self) -> None:
        """After the disclosures' outputs were made or kept: what the standby still holds that this build did
        not make goes (its folders once every file is in: `remove_emptied`)."""
        for name in self.standby:
            if name not in self.new:  # made or kept on another core (whose own standby map this one never saw)
                with contextlib.suppress(FileNotFoundError):  # cleared there for a maker that then made nothing
                    os.unlink(os.path.join(self.staging, name))
                self._emptied.add(os.path.dirname(name))
        self.standby = {}

    def remove_emptied(self) -> None:
        """Once every file of the build is in the staging folder: the folders the standby's leftovers left empty
        (and their parents) go. Not before: a listing page unlinked from the standby is written again into its
        folder moments later, and removing then making again some 300 folders cost 0.04 s of a 1.7 s edit."""
        for folder in sorted(self._emptied, key=len, reverse=True):
            while folder:
                try:
                    os.rmdir(os.path.join(self.staging, folder))
                except OSError:  # not empty: neither are its parents
                    break
                folder = os.path.dirname(folder)
        self._emptied = set()


# 3: each file names its owner (Outputs.owned_by) by its place in a list of them; 2: each set of site-wide
# entries written once, files naming it by its place; 1: in every file
RECORD_LAYOUT = 3


def read_record(record_file: Path | None) -> dict[str, Record]:
    """What the last build recorded of each file it made or kept (`Outputs.save`); {} when there is none, or
    it cannot be read or is of another layout: everything is then made again, which is still right."""
    return _read_record(record_file)[0]


def files_in(root: Path) -> dict[str, Stamp | None]:
    """Every file under `root` by its path from there: a regular file's stamp (size, time, inode), None for
    anything else (a link, a pipe). Walked in the build's process, or beside the loading of the content in a
    child of its own (workers.Ahead): at 4x the standby's 35,000 folders take 0.46 s with the file system's
    caches warm, 2.1 s cold. The stamps are read there too, so that carrying a file over compares them
    without a call per file in the build's process (`Outputs._unchanged`)."""
    files: dict[str, Stamp | None] = {}
    folders = [""]
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(root, folder)) as entries:
            for entry in entries:
                name = f"{folder}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    folders.append(f"{name}/")
                elif entry.is_file(follow_symlinks=False):
                    info = entry.stat(follow_symlinks=False)
                    files[name] = (info.st_size, info.st_mtime_ns, info.st_ino)
                else:
                    files[name] = None
    return files


def _read_record(record_file: Path | None) -> tuple[dict[str, Record], dict[str, str]]:
    """`read_record`, and each owner's fingerprint (`Outputs.owned_by`)."""
    try:
        data = _record_data(record_file)
        read_sets = [(list(reads), fingerprint) for reads, fingerprint in data["reads"]]
        owners = dict(data["owners"])
        names = list(owners)
        return {name: Record(fingerprint, *read_sets[reads], tuple(stamp), group, sha256,
                             names[owner] if owner >= 0 else "")
                for name, (fingerprint, reads, stamp, group, sha256, owner) in data["files"].items()}, owners
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return {}, {}


def recorded_checksums(record_file: Path | None) -> dict[str, list]:
    """`Outputs.checksums` of the last build, from its record (`make print` lists the site's files again)."""
    return _checksums(read_record(record_file))


def _checksums(records: dict[str, Record]) -> dict[str, list]:
    """Every recorded file, "" for a SHA-256 not recorded (checksums.write_checksums reads that file)."""
    return {name: [*r.stamp, r.sha256] for name, r in records.items()}


def _record_data(record_file: Path | None) -> dict:
    """The record as written, when it is of this layout; else no files (read as nothing recorded)."""
    data = orjson.loads(record_file.read_bytes()) if record_file else {}
    return data if isinstance(data, dict) and data.get("layout") == RECORD_LAYOUT else {"reads": [], "owners": [],
                                                                                          "files": {}}


def published_as_recorded(output: Path, record_file: Path | None) -> bool:
    """Whether every file the last build made or carried into `output` is still there as it left it (its size,
    time and inode): a site touched since is built again."""
    try:
        files = _record_data(record_file)["files"]
        return bool(files) and all(_stamp(os.lstat(os.path.join(output, name))) == tuple(entry[2])
                                   for name, entry in files.items())
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return False


def _stamp(info: os.stat_result) -> Stamp:
    return info.st_size, info.st_mtime_ns, info.st_ino


def folder_digest(*folders: Path) -> str:
    """Every file under the folders (the theme): a change to any template or stylesheet rebuilds all."""
    parts: list[bytes | str] = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts += [path.as_posix(), path.read_bytes()]
    return digest(*parts)


VOLATILE_SETTINGS = {"PATH", "OUTPUT_PATH", "BUILD_DATE", "CKX_PRELOADED"}  # the date counts where it is read


def settings_fingerprint(settings: Mapping[str, Any]) -> str:
    """Pelican's settings as the templates may read them; values without a fingerprint by their repr."""
    parts = []
    for key in sorted(k for k in settings if k.isupper() and k not in VOLATILE_SETTINGS):
        try:
            parts += [key, fingerprint_of(settings[key])]
        except TypeError:
            parts += [key, repr(settings[key])]
    return digest(*parts)
