"""The plugins' import graph: layers that only import downwards, and no circle.

The core (plugins/disclosures) names no kind and no channel: kinds and channels register themselves
(kinds.py, channels.py). Every import counts, those inside functions included: an import hidden in a
function is still a dependency, only a later one.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"

# Lowest first; a package may import its own layer's packages and those of the layers below.
LAYERS = {
    "foundation": {"issues", "vietnamese", "privacy", "safe_markdown", "charts", "tables", "attachments"},
    "core": {"disclosures"},
    "channels": {"sheets", "loudspeaker", "share", "open_data", "feeds", "obligations", "editor", "search"},
    "kinds": {"notice", "budget", "land_use", "poverty", "schedule", "procedures", "consultation", "supervision"},
    "application": {"province"},
}
RANK = {package: rank for rank, packages in enumerate(LAYERS.values()) for package in packages}
LAYER_OF = {package: layer for layer, packages in LAYERS.items() for package in packages}


def imports_between_packages(root: Path = PLUGINS) -> dict[str, dict[str, list[str]]]:
    """package -> imported package -> where ("budget/export.py:14"), for every import of another package."""
    graph: dict[str, dict[str, list[str]]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if len(parts) < 2:
            continue
        package = parts[0]
        graph.setdefault(package, {})
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.startswith("plugins.") and name.split(".")[1] != package:
                    graph[package].setdefault(name.split(".")[1], []).append(
                        f"{path.relative_to(root).as_posix()}:{node.lineno}")
    return graph


def upward_imports(graph: dict[str, dict[str, list[str]]]) -> list[str]:
    return [f"{where}: {LAYER_OF[package]} {package} imports {LAYER_OF[target]} {target}"
            for package, targets in graph.items() for target, places in targets.items()
            if RANK[target] > RANK[package] for where in places]


def circles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Each circle of packages found by a depth-first walk, as the path that closes it."""
    found, state = [], {}

    def walk(package: str, path: list[str]) -> None:
        state[package] = "open"
        for target in sorted(graph.get(package, {})):
            if state.get(target) == "open":
                found.append([*path[path.index(target):], target])
            elif target not in state:
                walk(target, [*path, target])
        state[package] = "done"

    for package in sorted(graph):
        if package not in state:
            walk(package, [package])
    return found


def test_every_plugin_package_has_a_layer():
    packages = {path.parent.name for path in PLUGINS.glob("*/__init__.py")}
    assert packages == set(RANK), "place each package in LAYERS: " + ", ".join(sorted(packages ^ set(RANK)))


def test_no_package_imports_a_layer_above_it():
    """The core imports no channel or kind; a channel no kind; nothing the province step."""
    assert upward_imports(imports_between_packages()) == []


def test_no_circle_between_packages():
    assert circles(imports_between_packages()) == []


def test_the_checks_find_what_they_are_for(tmp_path):
    """The walk itself: a core module importing a channel inside a function, and two channels importing each
    other, are both found."""
    for package, text in {
        "disclosures": "def f():\n    from plugins.sheets.document import build_sheet\n",
        "sheets": "from plugins.loudspeaker import script\n",
        "loudspeaker": "import plugins.sheets.document\n",
    }.items():
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text(text, encoding="utf-8")
    graph = imports_between_packages(tmp_path)
    assert upward_imports(graph) == ["disclosures/__init__.py:2: core disclosures imports channels sheets"]
    assert circles(graph) == [["sheets", "loudspeaker", "sheets"]]
