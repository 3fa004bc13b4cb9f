"""The channel registry: how a channel plugin plugs its settings, checks and outputs into the core.

A channel is a way the disclosures reach people besides their own page: the printed sheets, the
loudspeaker, share pictures, feeds, open data, search, the web editor, the year's obligations. The core
never names one, as it never names a kind (kinds.py): a channel plugin with settings, checks or parts of
each disclosure's outputs builds a `Channel` in its `register_channel()`, which `scripts/ckx.py` (validate,
without Pelican) and its Pelican `register()` both call; one that only writes files of its own (the feeds,
the search index) is a plain Pelican plugin. The core then, for every registered channel, in the order of
PLUGINS:

- checks its keys in pelicanconf.py with the core's own (`settings`), and the settings it gives every kind
  (`kind_settings`: how many days a kind is read on the loudspeaker);
- runs its `check` over every load of the content, after the bundles (`make validate`, the build and the
  tests alike);
- before any page is planned, asks it what its outputs of each disclosure depend on besides the bundle
  (`fact`: a share picture or not), which the derive stage keeps in the disclosure's record;
- at the start of a build asks it what it adds to each disclosure's outputs (`start`): files beside its
  page, values its page shows;
- before a build, asks what of the machine its outputs depend on (`environment`), so a build with nothing
  changed is known to have nothing to do.

What a channel makes for the whole site (the feed, the data catalogue, the announcer's sheets) it writes
from its own Pelican generator through the same outputs, reading the build with `build_of`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import blinker

from plugins.disclosures.kinds import KINDS, KindRegistry, Setting
from plugins.issues import Issue

if TYPE_CHECKING:
    from plugins.disclosures.files import ContentTree, Limits
    from plugins.disclosures.kinds import Download
    from plugins.disclosures.model import Commune, Disclosure
    from plugins.disclosures.outputs import KeptValues, Outputs
    from plugins.disclosures.settings import BuildSettings
    from plugins.disclosures.site import Site

FileWriter = Callable[[Path], None]  # writes one file at the path it is given


@dataclass(frozen=True)
class ChannelOutputs:
    """What a channel adds to one build's disclosure outputs, made in the same pass as each page (on every
    core); every part optional."""

    view: Mapping[str, Any] = field(default_factory=dict)  # site-wide entries for the templates (`ckx.<key>`)
    downloads: Callable[[Disclosure], list[Download]] | None = None  # listed on its page, written beside it
    files: Callable[[Disclosure], dict[str, FileWriter]] | None = None  # other files beside its page
    page: Callable[[Disclosure], dict[str, Any]] | None = None  # values its page's template reads
    state: Any = None  # the channel's own object for this build, for its own generator


@dataclass(frozen=True)
class Channel:
    name: str
    # its pelicanconf.py keys -> (the checked value, kept as `BuildSettings.channels[name]`, or issues)
    settings: Callable[[Mapping[str, Any]], tuple[Any, list[Issue]]] | None = None
    kind_settings: Mapping[str, Setting] = field(default_factory=dict)  # CKX_KIND_SETTINGS every kind takes
    # (the loaded site, its content tree, the limits, values kept between checks of the same content) -> (issues,
    # what its generator reads: `Site.checked[name]`). `kept.get(parts, work_out)` (outputs.KeptValues) gives
    # back what `work_out()` returned in an earlier run when `parts` name the same inputs: code, commune.yml,
    # settings and limits are in every key already; the disclosures' `fingerprint`s name what they were loaded from
    check: Callable[[Site, ContentTree, Limits, KeptValues], tuple[list[Issue], Any]] | None = None
    # (the build's settings, the commune) -> what its outputs of a disclosure depend on besides its bundle (a
    # share picture or not), worked out by the derive stage (derive.py) before the channel starts, kept as
    # `disclosure.shown.channels[<name>]` and so part of the disclosure's fingerprint
    fact: Callable[[BuildSettings, Commune], Callable[[Disclosure], Any]] | None = None
    start: Callable[[Build], ChannelOutputs] | None = None
    # what of this machine its outputs depend on (an optional program, a font), in the fingerprint of a
    # build's inputs (inputs.py): installing espeak-ng makes the next build add the recordings
    environment: Callable[[], str] | None = None


class ChannelRegistry:
    def __init__(self, kinds: KindRegistry) -> None:
        self._channels: dict[str, Channel] = {}
        self._kinds = kinds

    def add(self, channel: Channel) -> None:
        self._channels[channel.name] = channel  # registering twice (validate, then Pelican) keeps one
        self._kinds.add_common_settings(channel.kind_settings)

    def __iter__(self) -> Iterator[Channel]:
        return iter(list(self._channels.values()))

    def checks(self) -> list[Channel]:
        return [channel for channel in self if channel.check]


@dataclass
class Build:
    """One build as the channels see it; their generators read it with `build_of(context)`."""

    settings: BuildSettings
    site: Site
    view: dict[str, Any]  # the templates' `ckx`
    outputs: Outputs
    channels: dict[str, ChannelOutputs] = field(default_factory=dict)  # by channel name, once started

    def state(self, name: str) -> Any:
        """A channel's own object for this build (`ChannelOutputs.state`); None when it is not registered."""
        started = self.channels.get(name)
        return started.state if started else None


BUILD = "ckx_build"  # the key of the Build in Pelican's context
# Sent by the disclosures generator once every disclosure page is written (the generator), while the other
# generators still write theirs: the search index starts then, beside them, instead of after them. The
# staging folder may still hold the standby's files this build did not make: read only the pages named.
PAGES_WRITTEN = blinker.signal("ckx_disclosure_pages_written")
# Sent with the staging folder when a rendering into it is given up (to start again with disclosures kept
# back, or for good): what a channel started for it beside the generators (the search index) stops, and
# leaves nothing behind.
RENDERING_ABANDONED = blinker.signal("ckx_rendering_abandoned")
# Sent by `scripts/ckx.py build` with the staging folder once the build's own files are in it too (the
# printed sheets kept, SHA256SUMS): what a channel runs beside the rendering (the search index) is waited for
# and put in place then, so that the wait overlaps the build's finishing instead of coming before it. Under
# plain `pelican content` that moment is Pelican's `finalized`.
RENDERING_COMPLETE = blinker.signal("ckx_rendering_complete")


def build_of(context: Mapping[str, Any]) -> Build | None:
    """The build the disclosures generator started; None when it did not run (no content)."""
    return context.get(BUILD)


CHANNELS = ChannelRegistry(KINDS)
