"""The shape of the code: imports go one way, down the layers, and no module-level cycle exists.

The import graph is read from the source with `ast` (every module found under the four top-level
folders, every import in it, at module level or inside a function), so a new module or a new
import is checked without anyone listing it here. What is listed is the architecture itself:
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = ("schemas", "pipeline", "extractors", "flows")

# lowest first: a module may import its own layer and the layers below it, never above
LAYERS = [
    ("schemas", 0),            # typed records, the SQLAlchemy models, migrations, reference data
    ("pipeline.core", 1),      # numbers, units, periods, text normalization, cells, processes
    ("extractors", 2),         # readers: files, text and HTML, PDF, tables in text and PDF, header paths
    ("pipeline.stages", 3),    # metadata, tables → facts, prose → facts, names, metrics, validation, a document
    ("pipeline.store", 4),     # the warehouse: engine and migrations, loading, runs, exports, query, names review
    ("pipeline.batch", 5),     # the one batch loop, the inbox
    ("pipeline.cli", 6),       # the command
    ("flows", 6),              # Prefect wiring
]


def layer_of(module: str) -> int | None:
    best = None
    for prefix, layer in LAYERS:
        if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, layer)
    return best[1] if best else None


def modules() -> dict[str, Path]:
    found = {}
    for top in TOP:
        for f in (ROOT / top).rglob("*.py"):
            name = ".".join(f.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = f
    return found


def imports(path: Path, known: dict[str, Path], module_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else list(ast.walk(tree))
    out = set()
    for node in nodes:
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        out.update(n for n in names if n in known and n.split(".")[0] in TOP)
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (or a module importing itself)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_every_module_has_a_layer():
    packages = {"pipeline", "pipeline.batch"}  # namespaces: empty __init__ files
    missing = [m for m in modules() if layer_of(m) is None and m not in packages and m not in TOP]
    assert missing == []


def test_imports_go_down_the_layers():
    known = modules()
    upward = []
    for name, path in known.items():
        here = layer_of(name)
        if here is None:
            continue
        for target in imports(path, known, module_level_only=False):
            there = layer_of(target)
            if there is not None and there > here:
                upward.append(f"{name} (layer {here}) imports {target} (layer {there})")
    assert upward == []


def test_no_module_level_import_cycle():
    known = modules()
    graph = {name: imports(path, known, module_level_only=True) - {name} for name, path in known.items()}
    assert cycles(graph) == []
