#!/usr/bin/env python
"""The repository URL of every notebook's Colab badge and install cell comes from one place: pyproject.toml
([project.urls] Repository).

    python scripts/repo_url.py           # rewrite the badges and install cells from pyproject.toml
    python scripts/repo_url.py --check   # exit 1, naming the notebooks that differ

Change the URL in pyproject.toml (a fork, a move), run this, commit the notebooks; tests/test_docs.py runs --check.
"""
from __future__ import annotations

import argparse, json, re, sys, tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_BADGE_RE = re.compile(r"https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/main/nbs/[\w.-]+\.ipynb")
_SPEC_RE = re.compile(r"dagger_nb\[gpu\] @ git\+https://github\.com/[\w.-]+/[\w.-]+")


def repo_url(root: Path = ROOT) -> str:
    "The `Repository` URL of pyproject.toml, e.g. https://github.com/dagger-nb/dagger_nb."
    urls = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    url = urls["Repository"].rstrip("/")
    if not re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", url):
        raise SystemExit(f"pyproject.toml: [project.urls] Repository = {url!r}: expected https://github.com/OWNER/NAME")
    return url


def colab_badge(url: str, notebook: str) -> str:
    return f"https://colab.research.google.com/github/{url.split('github.com/')[1]}/blob/main/nbs/{notebook}"


def install_spec(url: str) -> str:
    return f"dagger_nb[gpu] @ git+{url}"


def sync(root: Path = ROOT, check: bool = False) -> list[str]:
    "Rewrite (or with `check`, only list) the notebooks whose badge or install cell disagrees with pyproject.toml."
    url, differ = repo_url(root), []
    for nb in sorted((root / "nbs").glob("*.ipynb")):
        d = json.loads(nb.read_text(encoding="utf-8"))
        changed = False
        for cell in d["cells"][1:3]:
            src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            new = _SPEC_RE.sub(lambda m: install_spec(url), _BADGE_RE.sub(lambda m: colab_badge(url, nb.name), src))
            if new != src: cell["source"], changed = new, True
        if changed:
            differ.append(nb.name)
            if not check: nb.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return differ


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report notebooks that differ; exit 1 if any")
    a = ap.parse_args()
    differ = sync(check=a.check)
    if differ: print(("differ from pyproject.toml: " if a.check else "rewrote: ") + ", ".join(differ))
    sys.exit(1 if differ and a.check else 0)
