#!/usr/bin/env python
"""Generate README.md from nbs/index.ipynb without Quarto.

    python scripts/readme.py            # write README.md
    python scripts/readme.py --check    # exit 1 if README.md is not what index.ipynb gives

`nbdev-readme` needs Quarto; this does the same job for our landing page with nbformat alone:
markdown cells as they are, code cells as ```python blocks with their text outputs, cells hidden
from the docs (`#| hide`, `#| include: false`, `default_exp`, `nbdev_export()`) left out, and the
Colab install cell left out (it only does something on Colab). Links to notebooks (`01_numerals.ipynb`)
become links to `nbs/01_numerals.ipynb`, which GitHub renders. Images in outputs are not copied.
"""
from __future__ import annotations

import argparse, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDEX = ROOT / "nbs" / "index.ipynb"
README = ROOT / "README.md"
HEADER = "<!-- Generated from nbs/index.ipynb by scripts/readme.py; do not edit by hand. -->"

_re_dir = re.compile(r"^\s*#\|\s*([\w-]+)\s*:?\s*(.*?)\s*$")
_re_nb_link = re.compile(r"\]\((?!https?:|/|#)([\w./-]+\.ipynb)(#[^)]*)?\)")


def _directives(src: str) -> tuple[dict, str]:
    lines, d = src.splitlines(), {}
    while lines and (m := _re_dir.match(lines[0])):
        d[m.group(1).lower()] = m.group(2).lower(); lines.pop(0)
    return d, "\n".join(lines).strip()


def _is_colab_install(src: str) -> bool:
    return "google.colab" in src and "pip" in src


def _outputs(cell) -> list[str]:
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream": text = o.get("text", "")
        else:
            data = o.get("data", {})
            if "text/markdown" in data:
                parts.append("".join(data["text/markdown"]).strip()); continue
            text = "".join(data.get("text/plain", ""))
        text = "".join(text).rstrip()
        if text: parts.append(f"```\n{text}\n```")
    return parts


def render(index: Path = INDEX) -> str:
    "README text for `index`."
    import nbformat
    nb = nbformat.read(index, as_version=4)
    parts = [HEADER]
    for cell in nb.cells:
        src = cell.source
        if cell.cell_type == "markdown":
            if src.strip(): parts.append(_re_nb_link.sub(lambda m: f"](nbs/{m.group(1)}{m.group(2) or ''})", src.strip()))
        elif cell.cell_type == "code":
            d, code = _directives(src)
            if d.keys() & {"hide", "default_exp", "export", "exporti"} or d.get("include") == "false": continue
            if "nbdev_export()" in code or _is_colab_install(code) or not code: continue
            if d.get("echo") != "false": parts.append(f"```python\n{code}\n```")
            if d.get("output") != "false": parts += _outputs(cell)
    return "\n\n".join(parts) + "\n"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="scripts/readme.py", description="Generate README.md from nbs/index.ipynb.")
    p.add_argument("--check", action="store_true", help="only check that README.md is up to date")
    args = p.parse_args(argv)
    text = render()
    if args.check:
        if README.exists() and README.read_text(encoding="utf-8") == text: return 0
        print("README.md is out of date with nbs/index.ipynb: run `python scripts/readme.py`.", file=sys.stderr)
        return 1
    if not README.exists() or README.read_text(encoding="utf-8") != text:
        README.write_text(text, encoding="utf-8")
        print("[readme] README.md written from nbs/index.ipynb")
    else: print("[readme] README.md is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
