#!/usr/bin/env python
"""Build the docs site from the notebooks in `nbs/`.

    python scripts/docs.py [build] [--preview] [--no-execute] [--exec-budget S] [--work DIR]
    python scripts/docs.py measure [--preset NAME] [--only 05 06] [--update-index]
    python scripts/docs.py gpu-table [--results build/gpu]

`build` (what `bash scripts/run.sh docs` runs):
  1. executes every notebook (quick mode: `DAGGER_PRESET=tiny` unless set) so that plots and graph
     pictures are in the pages; executed copies are cached in `build/docs/cache/` by content hash;
  2. stages them with the site config (`nbs/_quarto.yml`, `nbdev.yml`, `sidebar.yml`, `styles.css`);
  3. with Quarto on PATH (and no `--preview`): `nbdev-docs` over the staged notebooks -> `docs/`;
     without Quarto: nbdev's own notebook processing (what `nbdev-proc-nbs` does: show_doc API
     reference, hidden cells removed, links) and then nbconvert renders every processed notebook to
     HTML -> `build/docs/preview/` (open `index.html`; everything works offline).

`measure` executes every notebook once with a preset and prints wall time and peak memory per
notebook (peak RSS of the kernel; peak CUDA memory where a GPU is used); `--update-index` writes the
numbers into the table of `nbs/index.ipynb` between the `timings` markers. `gpu-table` does the same
for the figures `tests/test_gpu.py` leaves in `build/gpu/` (GPU table between the `gpu` markers).
"""
from __future__ import annotations

import argparse, ast, hashlib, html, json, os, re, shutil, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT / "nbs"
TEMPLATES = ROOT / "scripts" / "docs_templates"
ASSET_DIR = "_preview"
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
MEASURE_TAG = "DAGGER_DOCS_MEASURE:"


class DocsError(RuntimeError):
    "A docs build step failed; the message says which notebook and what to do."


def log(msg: str):
    print(f"[docs] {msg}", flush=True)


# ----------------------------------------------------------------------------- notebooks and order
def _flatten_sidebar(items) -> list[str]:
    out = []
    for it in items or []:
        if isinstance(it, str): out.append(it)
        elif isinstance(it, dict):
            if "href" in it: out.append(it["href"])
            out += _flatten_sidebar(it.get("contents"))
    return out


def refresh_site_config(nbs: Path = NBS) -> list[str]:
    "Regenerate `nbdev.yml` and `sidebar.yml` the way nbdev-docs does; return notebook names in course order."
    import yaml
    from nbdev.quarto import refresh_quarto_yml, nbdev_sidebar
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        refresh_quarto_yml()
        nbdev_sidebar(path=str(nbs))
    finally: os.chdir(cwd)
    side = yaml.safe_load((nbs / "sidebar.yml").read_text())
    names = [n for n in _flatten_sidebar(side["website"]["sidebar"]["contents"]) if n.endswith(".ipynb")]
    missing = sorted(p.name for p in nbs.glob("*.ipynb") if p.name not in names)
    return names + missing


# ----------------------------------------------------------------------------- execution
def _skip_cell(cell) -> bool:
    src = cell.source
    if "nbdev_export()" in src or "nbdev.nbdev_export(" in src: return True   # writes the library; not for docs
    return bool(re.search(r"^\s*#\|\s*eval\s*:\s*false\s*$", src, re.MULTILINE | re.IGNORECASE))


_MEASURE_SRC = f"""import resource as _r, json as _j, sys as _s
_m = {{"peak_rss_mb": round(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss / 1024, 1)}}
_t = _s.modules.get("torch")
if _t is not None and _t.cuda.is_available():
    _m["peak_gpu_mb"] = round(_t.cuda.max_memory_allocated() / 2**20, 1)
print("{MEASURE_TAG}" + _j.dumps(_m))"""


def execute_notebook(src: Path, budget: float | None = None, cell_timeout: int = 900, measure: bool = False,
                     allow_errors: bool = False):
    """Execute notebook `src` in a fresh kernel (cwd: its folder) and return `(nb, info)`.

    `budget`: seconds; once spent, the remaining cells stay unexecuted and `info["status"]` is
    "partial" (used by the docs test to bound its time). A failing cell raises `DocsError`, unless
    `allow_errors`: then the error stays in the page and `info["errors"]` counts such cells."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(nb, timeout=cell_timeout, kernel_name="python3", allow_errors=allow_errors,
                            interrupt_on_timeout=True, resources={"metadata": {"path": str(src.parent)}})
    t0 = time.monotonic()
    info = {"status": "complete", "cells_run": 0}
    with client.setup_kernel():
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or _skip_cell(cell): continue
            if budget is not None:
                left = budget - (time.monotonic() - t0)
                if left <= 0:
                    info["status"] = "partial"; break
                client.timeout = max(1, min(cell_timeout, int(left) + 1))
            try:
                client.execute_cell(cell, i)
                info["cells_run"] += 1
                if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                    info["errors"] = info.get("errors", 0) + 1
                    log(f"{src.name}: cell {i} raised an error; kept in the page (--allow-errors)")
            except (CellTimeoutError, CellExecutionError, DeadKernelError) as e:
                if budget is not None and time.monotonic() - t0 >= budget:
                    cell.outputs = []
                    info["status"] = "partial"; break
                first = str(e).strip().splitlines()
                raise DocsError(f"{src.name}: cell {i} failed while executing for the docs:\n"
                                f"{cell.source[:400]}\n---\n{chr(10).join(first[-15:])}\n"
                                f"Run the notebook (or `nbdev-test {src.relative_to(ROOT) if src.is_relative_to(ROOT) else src}`) "
                                f"to fix it, or build without execution: `bash scripts/run.sh docs --no-execute`.") from None
        if measure and info["status"] == "complete":
            mcell = nbformat.v4.new_code_cell(_MEASURE_SRC)
            nb.cells.append(mcell)
            try: client.execute_cell(mcell, len(nb.cells) - 1)
            finally: nb.cells.pop()
            for o in mcell.outputs:
                for line in o.get("text", "").splitlines():
                    if line.startswith(MEASURE_TAG): info.update(json.loads(line[len(MEASURE_TAG):]))
    info["seconds"] = round(time.monotonic() - t0, 1)
    return nb, info


def _cache_key(src: Path, preset: str) -> str:
    h = hashlib.sha256()
    data = [f for f in sorted((ROOT / "data").rglob("*")) if f.is_file() and f.stat().st_size < 5_000_000] if (ROOT / "data").exists() else []
    for p in [src, ROOT / "pyproject.toml", *sorted((ROOT / "dagger_nb").glob("*.py")), *data]:
        h.update(p.name.encode()); h.update(p.read_bytes())
    h.update(preset.encode())
    return h.hexdigest()[:16]


def mixed_import_cells(nb) -> list[int]:
    """Indices of code cells that nbdev's docs pass would run again although they do more than import.

    To render `show_doc`, nbdev re-runs every export cell and every cell with an import anywhere in it, but not
    the cells in between, so `import x; plot(ds)` fails there with a NameError and `import x; train(...)` trains
    again. The nbdev FAQ's rule: give imports a cell of their own. The Colab install cell is exempt (it does
    nothing off Colab), as are export cells and cells marked `#| eval: false`."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "google.colab" in cell.source or "nbdev_export()" in cell.source: continue   # nbdev skips the last
        lines = cell.source.splitlines()
        dirs = {l.split("|", 1)[1].split(":")[0].strip() for l in lines if l.lstrip().startswith("#|")}
        if dirs & {"export", "exports", "exporti", "exec_doc"} or "eval: false" in cell.source: continue
        try: tree = ast.parse("\n".join(l for l in lines if not l.lstrip().startswith("#|")))
        except SyntaxError: continue                                      # magics: not Python, nbdev skips them
        imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        if imports and not all(isinstance(t, (ast.Import, ast.ImportFrom)) for t in tree.body): out.append(i)
    return out


def stage_notebooks(names, stage: Path, cache: Path, execute: bool, budget: float | None, preset: str,
                    fresh: bool = False, allow_errors: bool = False) -> dict:
    "Copy the site config and (executed) notebooks into `stage`; returns {notebook: execution info}."
    import nbformat
    if stage.exists(): shutil.rmtree(stage)
    shutil.copytree(NBS, stage, ignore=shutil.ignore_patterns(".*", "_proc", "_docs", "_site", "*.ipynb", "__pycache__"))
    cache.mkdir(parents=True, exist_ok=True)
    infos, t_start = {}, time.monotonic()
    for name in names:
        src = NBS / name
        if not execute:
            shutil.copy2(src, stage / name); infos[name] = {"status": "not executed"}; continue
        key = _cache_key(src, preset)
        hit = cache / f"{src.stem}.{key}.ipynb"
        if hit.exists() and not fresh:
            shutil.copy2(hit, stage / name); infos[name] = {"status": "complete", "cached": True}
            log(f"{name}: executed copy from cache")
            continue
        left = None if budget is None else max(0.0, budget - (time.monotonic() - t_start))
        if left == 0:
            shutil.copy2(src, stage / name); infos[name] = {"status": "partial", "cells_run": 0}
            log(f"{name}: not executed (time budget spent)")
            continue
        log(f"{name}: executing (DAGGER_PRESET={preset}) ...")
        nb, info = execute_notebook(src, budget=left, allow_errors=allow_errors)
        log(f"{name}: {info['status']}, {info['cells_run']} cells, {info['seconds']} s")
        nbformat.write(nb, stage / name)
        if info["status"] == "complete" and not info.get("errors"):
            for old in cache.glob(f"{src.stem}.*.ipynb"): old.unlink()
            nbformat.write(nb, hit)
        infos[name] = info
    for name in names:                     # nbdev's show_doc pass re-runs import cells: they must only import
        nb = nbformat.read(stage / name, as_version=4)
        if (bad := mixed_import_cells(nb)):
            raise DocsError(f"{name}: cell(s) {', '.join(map(str, bad))} mix imports with other code, and nbdev's docs pass "
                            f"would run them again without the cells before them; move their imports into a cell of "
                            f"their own (nbdev FAQ)")
    return infos


def process_notebooks(stage: Path, dest: Path) -> Path:
    "Run nbdev's docs processors (as `nbdev-proc-nbs` does) over `stage`; the result is copied to `dest`."
    from nbdev.serve import proc_nbs
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        proc = proc_nbs(str(stage), n_workers=0, force=True)
    finally: os.chdir(cwd)
    if dest.exists(): shutil.rmtree(dest)
    shutil.copytree(proc, dest)
    return dest


# ----------------------------------------------------------------------------- preview rendering
_re_directive = re.compile(r"^\s*#\|\s*([\w-]+)\s*:\s*(.*?)\s*$")
_re_pandoc_attr = re.compile(r"(\]\([^)\s]+\))\{[^}\n]*\}")          # [text](url){target="_blank" ...}
_re_callout_open = re.compile(r"^:::+\s*\{\s*\.callout-(\w+)[^}]*\}\s*$", re.MULTILINE)
_re_fence_close = re.compile(r"^:::+\s*$", re.MULTILINE)


def _split_directives(src: str):
    lines, dirs = src.splitlines(), {}
    while lines and (m := _re_directive.match(lines[0])):
        dirs[m.group(1).lower()] = m.group(2).strip().strip('"').lower(); lines.pop(0)
    return dirs, "\n".join(lines)


def _clean_markdown(md: str) -> str:
    md = _re_pandoc_attr.sub(r"\1", md)
    md = _re_callout_open.sub(lambda m: f'\n<div class="callout callout-{m.group(1)}">\n', md)
    return _re_fence_close.sub("\n</div>\n", md)


def _frontmatter(nb) -> dict:
    import yaml
    if nb.cells and nb.cells[0].cell_type == "raw" and nb.cells[0].source.lstrip().startswith("---"):
        body = nb.cells.pop(0).source.strip().strip("-")
        return yaml.safe_load(body) or {}
    return {}


def _prepare_for_nbconvert(nb):
    "Apply the Quarto cell options nbconvert does not know (echo, output, include) and Pandoc-only syntax."
    cells = []
    for cell in nb.cells:
        cell.metadata.pop("execution", None)          # nbdev's timing metadata (not valid nbformat)
        cell.pop("has_sd", None)
        if cell.cell_type == "markdown":
            cell.source = _clean_markdown(cell.source)
        elif cell.cell_type == "code":
            dirs, cell.source = _split_directives(cell.source)
            tags = cell.metadata.setdefault("tags", [])
            if dirs.get("include") == "false": continue
            if dirs.get("echo") == "false" or not cell.source.strip(): tags.append("dn-remove-input")
            if dirs.get("output") == "false": tags.append("dn-remove-output")
            for o in cell.get("outputs", []):
                md = o.get("data", {}).get("text/markdown")
                if md is not None: o["data"]["text/markdown"] = _clean_markdown("".join(md))
            if not cell.source.strip() and not cell.get("outputs"): continue
        elif cell.cell_type == "raw":
            continue
        cells.append(cell)
    nb.cells = cells
    return nb


def _rewrite_links(page_html: str, href_of: dict[str, str], doc_url: str) -> str:
    def fix(m):
        attr, q, url = m.group(1), m.group(2), m.group(3)
        if url == COLAB_BADGE: return f"{attr}={q}{ASSET_DIR}/colab-badge.svg{q}"
        if doc_url and url.startswith(doc_url):                          # nbdev's API links to the site
            url = url[len(doc_url):] or "index.html"
        if not re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", url):              # relative link
            path, _, frag = url.partition("#")
            name = Path(path).name
            if name.endswith(".ipynb") and name in href_of: path = href_of[name]
            elif name.endswith(".html.md"): path = path[:-3]
            url = path + (f"#{frag}" if frag else "")
        return f"{attr}={q}{url}{q}"
    return re.sub(r"""\b(href|src)=(["'])([^"']*)\2""", fix, page_html)


def _inline_md(text: str) -> str:
    "Escape `text` for HTML and show `code` spans as code."
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text, quote=False))


def _quarto_heading_ids(page_html: str) -> str:
    "Lower-case heading ids as Quarto does (`### Node` -> `#node`), so nbdev's API links find their anchors."
    for hid in set(re.findall(r'<h[1-6][^>]*\bid="([^"]+)"', page_html)):
        low = hid.lower()
        if low != hid: page_html = page_html.replace(f'id="{hid}"', f'id="{low}"').replace(f'href="#{hid}"', f'href="#{low}"')
    return page_html


def render_preview(proc: Path, out: Path, names: list[str], infos: dict, preset: str) -> list[dict]:
    "Render the processed notebooks in `proc` to a static site in `out`; returns the pages."
    import nbformat
    from nbconvert import HTMLExporter
    from traitlets.config import Config
    from nbdev.config import get_config
    cfg = get_config(str(ROOT))
    doc_url = str(cfg.get("doc_url", "")).rstrip("/") + "/" if cfg.get("doc_url") else ""
    if out.exists(): shutil.rmtree(out)
    shutil.copytree(proc, out, ignore=shutil.ignore_patterns("*.ipynb", "*.yml", "*.yaml", ".*", "_quarto*"))
    (out / ASSET_DIR).mkdir(exist_ok=True)
    for a in ["preview.css", "colab-badge.svg"]: shutil.copy2(TEMPLATES / "dagger_preview" / a, out / ASSET_DIR / a)

    pages, nbs = [], {}
    for name in names:
        if not (proc / name).exists(): continue
        nb = nbformat.read(proc / name, as_version=4)
        fm = _frontmatter(nb)
        href = fm.get("output-file") or Path(name).with_suffix(".html").name
        pages.append({"notebook": name, "href": href, "title": str(fm.get("title") or Path(name).stem),
                      "description": str(fm.get("description") or "")})
        nbs[name] = nb
    href_of = {p["notebook"]: p["href"] for p in pages}

    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_input_tags = {"dn-remove-input"}
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"dn-remove-output"}
    exporter = HTMLExporter(config=c, template_name="dagger_preview", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input_prompt=True, exclude_output_prompt=True)
    for i, page in enumerate(pages):
        info = infos.get(page["notebook"], {})
        banner = ""
        if info.get("status") == "partial":
            banner = (f"Preview built with a time budget: only the first {info.get('cells_run', 0)} code cells were "
                      f"executed, so later outputs are missing. `bash scripts/run.sh docs` executes everything.")
        elif info.get("errors"):
            banner = f"{info['errors']} cell(s) of this notebook raised an error when the docs were built; see the error output below."
        elif info.get("status") == "not executed":
            banner = "Built without executing the notebook: only outputs saved in the notebook are shown."
        nb = _prepare_for_nbconvert(nbs[page["notebook"]])
        resources = {"metadata": {"name": page["title"], "path": str(proc)},
                     "dn": {"pages": pages, "page": {**page, "banner_html": _inline_md(banner), "description_html": _inline_md(page["description"])}, "asset_prefix": f"{ASSET_DIR}/",
                            "site_title": str(cfg.get("title", "docs")), "preset": preset,
                            "prev": pages[i - 1] if i > 0 else None, "next": pages[i + 1] if i + 1 < len(pages) else None}}
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        (out / page["href"]).write_text(_rewrite_links(_quarto_heading_ids(body), href_of, doc_url), encoding="utf-8")
    (out / "pages.json").write_text(json.dumps({"pages": pages, "executed": infos, "preset": preset}, indent=1))
    return pages


# ----------------------------------------------------------------------------- commands
def build(args) -> int:
    preset = os.environ.setdefault("DAGGER_PRESET", "tiny")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"   # kernels draw figures inline
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    work = (ROOT / args.work).resolve() if not Path(args.work).is_absolute() else Path(args.work)
    if ROOT not in work.parents: raise DocsError(f"--work must be inside the repository ({ROOT}), got {work}")
    quarto = shutil.which("quarto") and not args.preview
    t0 = time.monotonic()
    names = refresh_site_config()
    log(f"{len(names)} notebooks in course order: {', '.join(names)}")
    infos = stage_notebooks(names, work / "stage", work / "cache", execute=not args.no_execute,
                            budget=args.exec_budget, preset=preset, fresh=args.no_cache,
                            allow_errors=args.allow_errors)
    if quarto:
        log("Quarto found: nbdev-docs over the executed notebooks -> docs/")
        from nbdev.quarto import nbdev_docs
        os.chdir(ROOT)
        nbdev_docs(path=str(work / "stage"), n_workers=0)
        log(f"site written to {get_doc_path()} in {time.monotonic() - t0:.0f} s")
        return 0
    if not args.preview: log("Quarto not found: building the offline preview with nbconvert instead")
    proc = process_notebooks(work / "stage", work / "proc")
    pages = render_preview(proc, work / "preview", names, infos, preset)
    log(f"preview: {len(pages)} pages in {time.monotonic() - t0:.0f} s -> {work / 'preview' / 'index.html'}")
    return 0


def get_doc_path():
    from nbdev.config import get_config
    return get_config(str(ROOT)).doc_path


_TIMING_START, _TIMING_END = "<!-- timings:start -->", "<!-- timings:end -->"


def measure(args) -> int:
    os.environ["DAGGER_PRESET"] = args.preset
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    names = [n for n in refresh_site_config() if n != "index.ipynb"]
    if args.only: names = [n for n in names if any(o in n for o in args.only)]
    rows = {}
    for name in names:
        log(f"{name}: executing with DAGGER_PRESET={args.preset} ...")
        try: _, info = execute_notebook(NBS / name, measure=True)
        except DocsError as e:
            log(f"{name}: FAILED, not measured\n{e}"); continue
        rows[name] = info
        log(f"{name}: {info['seconds']} s, peak RSS {info.get('peak_rss_mb', '?')} MB"
            + (f", peak GPU {info['peak_gpu_mb']} MB" if "peak_gpu_mb" in info else ""))
    print(json.dumps(rows, indent=1))
    if args.update_index: update_index_timings(args.preset, rows)
    return 0


def _fmt_cell(info: dict) -> str:
    s = info["seconds"]
    t = f"{s:.0f} s" if s < 90 else f"{s / 60:.0f} min"
    mb = info.get("peak_rss_mb")
    mem = "?" if mb is None else f"{mb:.0f} MB" if mb < 1024 else f"{mb / 1024:.1f} GB"
    gpu = f", GPU {info['peak_gpu_mb'] / 1024:.1f} GB" if "peak_gpu_mb" in info else ""
    return f"{t} / {mem}{gpu} (measured)"


def update_index_timings(preset: str, rows: dict, index: Path = NBS / "index.ipynb"):
    "Write measured numbers into the `preset` column of the timings table in `index.ipynb`."
    import nbformat
    nb = nbformat.read(index, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown" or _TIMING_START not in cell.source: continue
        head, rest = cell.source.split(_TIMING_START, 1)
        table, tail = rest.split(_TIMING_END, 1)
        lines = [l for l in table.strip().splitlines()]
        cols = [c.strip().strip("`") for c in lines[0].strip("|").split("|")]
        if preset not in cols: raise DocsError(f"the timings table in {index.name} has no column {preset!r}; columns: {cols}")
        j = cols.index(preset)
        for k, line in enumerate(lines[2:], start=2):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            nbname = cells[0].strip("`[]").split("]")[0] + ".ipynb"
            if nbname in rows: cells[j] = _fmt_cell(rows[nbname])
            lines[k] = "| " + " | ".join(cells) + " |"
        cell.source = head + _TIMING_START + "\n" + "\n".join(lines) + "\n" + _TIMING_END + tail
        nbformat.write(nb, index)
        log(f"updated the {preset} column in {index}; run `python scripts/readme.py` next")
        return
    raise DocsError(f"no timings table ({_TIMING_START} ... {_TIMING_END}) in {index}")


_GPU_ROWS = {"tiny_lora_steps": "transformers + PEFT", "train_sft_tiny": "`train_sft", "unsloth_tiny": "Unsloth",
             # scripts/gpu_check.py: the real 4-bit Gemma-3-4B through Unsloth
             "gpu_check_sft": "gpu_check: SFT", "gpu_check_grpo": "gpu_check: GRPO", "gpu_check_eval": "gpu_check: evaluation"}


def update_index_gpu(results: Path = ROOT / "build" / "gpu", index: Path = NBS / "index.ipynb") -> int:
    "Write the figures `tests/test_gpu.py` and `scripts/gpu_check.py` left in `results` into the GPU table of `index.ipynb`; returns rows updated."
    import nbformat
    found = {k: json.loads((results / f"{k}.json").read_text()) for k in _GPU_ROWS if (results / f"{k}.json").exists()}
    if not found: raise DocsError(f"no GPU results in {results}: run `pytest tests/test_gpu.py` or `python scripts/gpu_check.py` on a CUDA machine first")
    nb = nbformat.read(index, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown" or "<!-- gpu:start -->" not in cell.source: continue
        head, rest = cell.source.split("<!-- gpu:start -->", 1)
        table, tail = rest.split("<!-- gpu:end -->", 1)
        lines, n = table.strip().splitlines(), 0
        for k, r in found.items():
            for i, line in enumerate(lines[2:], start=2):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if not cells[0].startswith(_GPU_ROWS[k]): continue
                step = r.get("step_s_median", r.get("step_s"))
                cells[1:4] = [f"{r['peak_gpu_mb']:.0f} MB (measured)", f"{step * 1000:.0f} ms (measured)" if step else "-",
                              f"{r.get('gpu', '?')}, {r.get('when', '')[:10]}"]
                lines[i] = "| " + " | ".join(cells) + " |"; n += 1
        cell.source = head + "<!-- gpu:start -->\n" + "\n".join(lines) + "\n<!-- gpu:end -->" + tail
        nbformat.write(nb, index)
        log(f"updated {n} GPU row(s) in {index}; run `python scripts/readme.py` next")
        return n
    raise DocsError(f"no GPU table (<!-- gpu:start --> ... <!-- gpu:end -->) in {index}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="scripts/docs.py", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd")
    b = sub.add_parser("build", help="build the site (Quarto) or the offline preview (default)")
    for q in (p, b):
        q.add_argument("--preview", action="store_true", help="build the offline nbconvert preview even if Quarto is installed")
        q.add_argument("--no-execute", action="store_true", help="use the outputs saved in the notebooks")
        q.add_argument("--allow-errors", action="store_true", help="keep going when a cell fails; its error shows in the page")
        q.add_argument("--no-cache", action="store_true", help="execute again even where an executed copy is cached")
        q.add_argument("--exec-budget", type=float, default=None, help="seconds for executing all notebooks; later cells stay unexecuted")
        q.add_argument("--work", default="build/docs", help="work folder inside the repository (stage, cache, proc, preview)")
    m = sub.add_parser("measure", help="time each notebook and record its peak memory")
    m.add_argument("--preset", default=os.environ.get("DAGGER_PRESET", "tiny"))
    m.add_argument("--only", nargs="*", help="only notebooks whose name contains one of these")
    m.add_argument("--update-index", action="store_true", help="write the numbers into nbs/index.ipynb")
    g = sub.add_parser("gpu-table", help="write tests/test_gpu.py's figures (build/gpu/*.json) into nbs/index.ipynb")
    g.add_argument("--results", default=str(ROOT / "build" / "gpu"))
    args = p.parse_args(argv)
    try:
        if args.cmd == "gpu-table": return 0 if update_index_gpu(Path(args.results)) else 1
        return measure(args) if args.cmd == "measure" else build(args)
    except DocsError as e:
        print(f"docs: error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
