"""The course's shape: one notebook per module, chapters in import order, imports between modules at the top of each file."""
import ast, json, re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBS, LIB = ROOT / "nbs", ROOT / "dagger_nb"
_DIRECTIVE = re.compile(r"^#\|\s*(default_exp|export|exporti|exports)\b[ \t]*(\S*)", re.M)
_IMPORT = re.compile(r"^\s*(?:from\s+dagger_nb\.(\w+)\s+import|import\s+dagger_nb\.(\w+)|from\s+dagger_nb\s+import\s+([\w ,]+))", re.M)


def chapters() -> list[tuple[str, str, list[str]]]:
    "(notebook, module, exported source cells) for every numbered notebook, in file order."
    out = []
    for nb in sorted(NBS.glob("[0-9]*.ipynb")):
        cells = ["".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
        mods = [m for s in cells for k, m in _DIRECTIVE.findall(s) if k == "default_exp"]
        others = sorted({m for s in cells for k, m in _DIRECTIVE.findall(s) if k != "default_exp" and m})
        assert len(mods) == 1, f"{nb.name}: needs exactly one `#| default_exp`, has {mods}"
        assert not others, f"{nb.name}: exports into {others}; every notebook exports only its own module"
        out.append((nb.name, mods[0], [s for s in cells if _DIRECTIVE.match(s) and _DIRECTIVE.match(s).group(1) != "default_exp"]))
    return out


def test_every_module_has_one_notebook_and_every_notebook_one_module():
    mods = [m for _, m, _ in chapters()]
    assert len(mods) == len(set(mods))
    on_disk = {p.stem for p in LIB.glob("*.py")} - {"__init__", "_modidx"}
    assert set(mods) == on_disk, f"modules without a notebook: {on_disk - set(mods)}; notebooks without a module file: {set(mods) - on_disk}"


def test_chapter_order_is_import_order():
    chs = chapters()
    pos = {m: i for i, (_, m, _) in enumerate(chs)}
    for i, (nb, mod, cells) in enumerate(chs):
        for s in cells:
            for a, b, names in _IMPORT.findall(s):
                deps = [a or b] if (a or b) else [n.split(" as ")[0].strip() for n in names.split(",")]
                for d in deps:
                    if d not in pos: continue          # a package attribute such as __version__
                    assert d != mod, f"{nb}: `{mod}` imports itself"
                    assert pos[d] < i, f"{nb} (`{mod}`) imports `{d}`, which a later notebook ({chs[pos[d]][0]}) exports"


def test_the_check_sees_a_forward_import(tmp_path, monkeypatch):
    "The order check fails when an early chapter imports a later one."
    (tmp_path / "01_a.ipynb").write_text(json.dumps({"cells": [
        {"cell_type": "code", "source": ["#| default_exp a"]},
        {"cell_type": "code", "source": ["#| export\n", "from dagger_nb.b import x"]}]}))
    (tmp_path / "02_b.ipynb").write_text(json.dumps({"cells": [{"cell_type": "code", "source": ["#| default_exp b"]}]}))
    monkeypatch.setattr(__import__(__name__), "NBS", tmp_path)
    try: test_chapter_order_is_import_order()
    except AssertionError as e: assert "01_a.ipynb (`a`) imports `b`" in str(e)
    else: raise AssertionError("a forward import went unnoticed")


def test_imports_between_modules_sit_at_the_top_of_each_file():
    "Heavy optional dependencies (torch, trl, unsloth) may be imported lazily; the package's own modules may not."
    for f in sorted(LIB.glob("*.py")):
        for fn in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)): continue
            for node in ast.walk(fn):
                own = (isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] == "dagger_nb")) or \
                      (isinstance(node, ast.Import) and any(a.name.split(".")[0] == "dagger_nb" for a in node.names))
                assert not own, f"{f.name}:{node.lineno}: `{fn.name}` imports from dagger_nb inside its body; import at the top"


def test_modules_and_cells_stay_small():
    "No module over 500 lines (nbdev's generated index `_modidx.py` aside); no export cell over 60 lines, and most of them at most 20."
    big = {p.name: n for p in LIB.glob("*.py") if p.name != "_modidx.py" and (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert not big, f"modules over 500 lines: {big}; split the chapter (as 19_stats and 21_claims were split off)"
    sizes = [(nb, len(s.splitlines()) - 1) for nb, _, cells in chapters() for s in cells]
    long = [(nb, n) for nb, n in sizes if n > 60]
    assert not long, f"export cells over 60 lines: {long}"
    assert sorted(n for _, n in sizes)[len(sizes) // 2] <= 20, "the typical export cell should be 20 lines or fewer"
