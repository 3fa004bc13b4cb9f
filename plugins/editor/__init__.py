"""The web editor at admin/: Decap CMS with a config generated from the kind schemas.

Pure core: labels, config. The channel: settings (CKX_EDITOR_BACKEND checked with the build's settings).
Glue: the generator below writes admin/config.yml,
admin/index.html and the editor's script, which `make install` takes from the
npm registry (never a CDN at run time). Settings: CKX_EDITOR_BACKEND (Decap's
`backend`, e.g. {"name": "github", "repo": "ubnd-hoaan/cong-khai", "branch":
"main"}), CKX_EDITOR_BUNDLE (folder of the installed decap-cms dist) and CKX_EDITOR_SHARED (where a
province publishes the editor's scripts once for all its communes).
"""

import shutil
from pathlib import Path


def copy_editor_scripts(bundle: Path, folder: Path) -> None:
    """Decap CMS's script and the parts it loads on demand (which it finds beside itself)."""
    folder.mkdir(parents=True, exist_ok=True)
    for script in bundle.glob("*decap-cms.js"):
        shutil.copyfile(script, folder / script.name)


def register_channel() -> None:
    from plugins.disclosures.channels import CHANNELS
    from plugins.editor.settings import CHANNEL

    CHANNELS.add(CHANNEL)


def get_generators(_pelican):
    from plugins.editor.generator import EditorGenerator

    return EditorGenerator


def register() -> None:
    from pelican import signals

    register_channel()
    signals.get_generators.connect(get_generators)
