"""Pelican run in this process over a site already loaded and checked.

`scripts/ckx.py build` loads the content once (through the cache), then hands
the very objects to the generators: no second process, no pickled copy, no
second reading of any bundle. Pelican's settings carry the handoff; Pelican
copies its settings, so the handoff refuses to be copied.
"""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import BytecodeCache

from plugins.disclosures import store
from plugins.disclosures.channels import RENDERING_ABANDONED
from plugins.disclosures.site import Site
from plugins.disclosures.unmade import DisclosuresUnmade
from plugins.issues import Issue

PRELOADED = "CKX_PRELOADED"


@dataclass
class Preloaded:
    """What the generators take instead of reading content/ again, and where the last published site is
    (outputs whose inputs did not change are carried over from it)."""

    site: Site
    output: Path  # where the site is published (the build renders beside it, then swaps)
    cache_folder: Path | None = None
    outputs: Any = None  # set by the disclosures generator: what it made and what it carried over
    standby: bool = False  # the staging folder starts as the site replaced last time (staging.new_staging)
    standby_files: Any = None  # that site's files (outputs.files_in) as listed before it moved, or None

    @property
    def previous_output(self) -> Path | None:
        return self.output if self.output.is_dir() else None

    def __copy__(self):
        return self

    def __deepcopy__(self, _memo):
        return self


class StoredTemplates(BytecodeCache):
    """Compiled templates kept in the store's "jinja" part: Pelican gives each generator its own Jinja
    environment, and every one compiled the templates it renders again on every build. An entry is keyed by
    Jinja's version, the environment's options (which change the code compiled), the template's name and
    file and the digest of its source, so an edited template is compiled afresh; Jinja itself refuses
    bytecode of another Python."""

    def __init__(self, folder: Path, options: dict) -> None:
        self.folder, self.options = folder, repr(sorted(options.items()))

    def _entry(self, bucket) -> Path:
        return store.entry(self.folder, "jinja", jinja2.__version__, self.options, bucket.key, bucket.checksum)

    def load_bytecode(self, bucket) -> None:
        compiled = store.read(self._entry(bucket))
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket) -> None:
        store.write(self._entry(bucket), bucket.bytecode_to_string())

    def __fingerprint__(self) -> str:
        return "compiled templates"  # where templates are compiled changes no page (outputs.fingerprint_of)


def theme_folder(settings_path: Path, content: Path) -> Path:
    """The theme the settings name, as Pelican resolves it (a relative THEME is relative to the settings file)."""
    from pelican.settings import read_settings

    return Path(settings_path).parent / read_settings(str(settings_path), override={"PATH": str(content)})["THEME"]


class BuildFailed(RuntimeError):
    """Pelican, a plugin or Pagefind stopped; the message says what, in the officer's language where we can."""

    def issue(self) -> Issue:
        """What the officer reads: content that passed its checks and still could not be made into pages."""
        return Issue(code="xay-dung-that-bai", file="(xây dựng trang)",
                     message=f"chương trình dừng khi tạo trang: nội dung đã qua kiểm tra nhưng một phần không tạo "
                             f"được ({self}).",
                     hint="Chạy make validate để xem cảnh báo; nếu vẫn vậy, gửi dòng này cho người phụ trách kỹ thuật.")


def run_pelican(settings_path: Path, content: Path, output: Path, preloaded: Preloaded, theme: Path | None = None):
    """Render into `output` (a staging folder); return its `Outputs`, to be saved once it is published.
    Any error Pelican logs is fatal, as `pelican --fatal errors`; its English progress lines stay hidden
    (the command prints its own). `theme` replaces the settings' THEME (its last good version)."""
    from pelican import Pelican
    from pelican.log import FatalLogger
    from pelican.settings import read_settings

    settings = read_settings(str(settings_path), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), PRELOADED: preloaded,
        # the pages the check passed, by file: Pelican walks a folder named here with every link followed, and
        # a link in content/pages to / had it list the whole machine (the build never ended)
        "PAGE_PATHS": sorted(preloaded.site.pages),
        **({"THEME": str(theme)} if theme else {})})
    # A template never changes during one run: Jinja's default looked at each template file's time on every
    # page it rendered, 0.13 s of a build from nothing at 1x.
    settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], "auto_reload": False}
    if preloaded.cache_folder is not None:
        options = {k: v for k, v in settings["JINJA_ENVIRONMENT"].items() if k != "bytecode_cache"}
        settings["JINJA_ENVIRONMENT"] = {**options, "bytecode_cache": StoredTemplates(preloaded.cache_folder, options)}
    saved_fatal, FatalLogger.fatal_lvl = FatalLogger.fatal_lvl, logging.ERROR
    pelican_logger = logging.getLogger("pelican")
    saved_level = pelican_logger.level
    pelican_logger.setLevel(logging.ERROR)
    try:
        pelican = Pelican(settings)
        with contextlib.redirect_stdout(io.StringIO()):
            pelican.run()
        return preloaded.outputs
    except DisclosuresUnmade:  # the build renders again without them (scripts/ckx.py)
        RENDERING_ABANDONED.send(output)
        raise
    except Exception as exc:
        RENDERING_ABANDONED.send(output)
        raise BuildFailed(f"{type(exc).__name__}: {exc}") from exc
    finally:
        FatalLogger.fatal_lvl = saved_fatal
        pelican_logger.setLevel(saved_level)
