#!/usr/bin/env python
"""What the Colab install cell installs next to a given torch: `pip install --dry-run` of the `gpu` extra with torch
pinned to each version (as the install cell pins Colab's own torch), and once unpinned.

    python scripts/colab_resolve.py [--torch 2.6.0 2.8.0 2.9.0 2.10.0]

Needs the package index (PyPI), not a GPU; about a minute per version. Prints a markdown table for the install notes
in nbs/index.ipynb.
"""
import argparse, json, re, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOWN = ("torch", "torchvision", "xformers", "triton", "bitsandbytes", "unsloth", "unsloth_zoo", "trl", "transformers", "peft")


def resolve(torch: str | None) -> dict[str, str]:
    "Package -> version pip would install for `.[gpu]` (with `torch==<torch>` when given)."
    with tempfile.TemporaryDirectory() as d:
        report = Path(d) / "report.json"
        cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--report", str(report),
               f"{ROOT}[gpu]"] + ([f"torch=={torch}"] if torch else [])
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode: raise SystemExit(f"pip could not resolve the gpu extra with torch {torch or '(free)'}:\n{p.stderr[-1500:]}")
        return {i["metadata"]["name"].lower().replace("-", "_"): i["metadata"]["version"] for i in json.loads(report.read_text())["install"]}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--torch", nargs="+", default=["2.6.0", "2.8.0", "2.9.0", "2.10.0"])
    a = ap.parse_args()
    rows = [(v, resolve(v)) for v in a.torch] + [("not pinned", resolve(None))]
    print("| torch asked | " + " | ".join(SHOWN[1:]) + " | CUDA libraries | packages |")
    print("|" + "---|" * (len(SHOWN) + 2))
    for v, d in rows:
        cuda = sorted({m.group(1) for k in d if k.startswith("nvidia_") and (m := re.search(r"_(cu\d+)$", k))})
        print(f"| {v} → {d.get('torch')} | " + " | ".join(d.get(k.replace('-', '_'), '–') for k in SHOWN[1:]) + f" | {', '.join(cuda) or '–'} | {len(d)} |")
