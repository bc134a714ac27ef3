"""The docs: README from index.ipynb, Colab cells, site config, and the offline preview in a real browser.

The browser test builds the preview (`scripts/docs.py build --preview`, notebooks executed with
`DAGGER_PRESET=tiny` under a time budget) and opens it in headless Chromium through the DevTools
protocol. `bash scripts/run.sh test` installs Debian's `chromium` when it is missing and we are root;
without a browser that test is skipped and says why.
"""
import base64, importlib.util, json, os, re, shutil, subprocess, sys, tempfile, time, types
from pathlib import Path

import nbformat, pytest, yaml

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT / "nbs"
WORK = ROOT / "build" / "docs-test"
NOTEBOOKS = sorted(p.name for p in NBS.glob("*.ipynb") if p.name != "index.ipynb")


def _load_script(name):
    spec = importlib.util.spec_from_file_location(f"_scripts_{name}", ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ----------------------------------------------------------------------------- fast checks
REPO = _load_script("repo_url")
INSTALL_SPEC = REPO.install_spec(REPO.repo_url())      # the URL comes from pyproject.toml


def test_badges_and_install_cells_take_the_url_from_pyproject(tmp_path):
    assert REPO.sync(check=True) == [], "run: python scripts/repo_url.py"
    shutil.copytree(NBS, tmp_path / "nbs")
    toml = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml.replace(REPO.repo_url(), "https://github.com/someone/dagger_fork"), encoding="utf-8")
    assert REPO.sync(tmp_path, check=True) == sorted(p.name for p in NBS.glob("*.ipynb"))
    REPO.sync(tmp_path)
    for p in (tmp_path / "nbs").glob("*.ipynb"):
        cells = nbformat.read(p, as_version=4).cells
        assert f"github/someone/dagger_fork/blob/main/nbs/{p.name}" in cells[1].source
        assert "git+https://github.com/someone/dagger_fork" in cells[2].source and "dagger-nb/dagger_nb" not in cells[1].source + cells[2].source
    assert REPO.sync(tmp_path, check=True) == []
def test_readme_is_generated_from_index():
    readme = _load_script("readme")
    assert (ROOT / "README.md").read_text(encoding="utf-8") == readme.render(), \
        "README.md is out of date with nbs/index.ipynb: run `python scripts/readme.py` (or `bash scripts/run.sh docs`)"


def test_readme_keeps_the_two_quick_start_commands_and_links_notebooks():
    text = _load_script("readme").render()
    assert "bash scripts/run.sh lab" in text and "bash scripts/run.sh test" in text
    assert "](nbs/01_numerals.ipynb)" in text            # notebook links point into nbs/ on GitHub
    assert "google.colab" not in text                # the Colab install cell is not README material


@pytest.mark.parametrize("name", ["index.ipynb", *NOTEBOOKS])
def test_notebook_starts_with_colab_badge_and_install_cell(name, monkeypatch):
    cells = nbformat.read(NBS / name, as_version=4).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# "), f"{name}: first cell must be the title"
    badge = REPO.colab_badge(REPO.repo_url(), name)
    assert cells[1].cell_type == "markdown" and badge in cells[1].source and "colab-badge.svg" in cells[1].source
    install = cells[2]
    assert install.cell_type == "code" and "google.colab" in install.source

    calls = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a[0]))
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    exec(install.source, {})
    assert calls == [], f"{name}: the install cell must do nothing outside Colab"
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    exec(install.source, {})
    assert len(calls) == 1 and calls[0][1:4] == ["-m", "pip", "install"] and INSTALL_SPEC in calls[0]
    import torch
    assert f"torch=={torch.__version__.split('+')[0]}" in calls[0], f"{name}: the install cell must keep the runtime's torch"


def test_sidebar_lists_every_notebook_in_course_order(capsys):
    "The committed sidebar.yml is what nbdev generates, and it lists every notebook in course order."
    from nbdev.quarto import nbdev_sidebar
    capsys.readouterr()
    nbdev_sidebar.__wrapped__(path=str(NBS), printit=True)
    assert (NBS / "sidebar.yml").read_text().rstrip() == capsys.readouterr().out.rstrip(), \
        "nbs/sidebar.yml is stale: run `bash scripts/run.sh docs` (or nbdev-sidebar) and commit it"
    side = yaml.safe_load((NBS / "sidebar.yml").read_text())["website"]["sidebar"]["contents"]
    assert side == ["index.ipynb", *NOTEBOOKS]
    quarto = yaml.safe_load((NBS / "_quarto.yml").read_text())
    assert quarto["project"]["type"] == "website" and "sidebar.yml" in quarto["metadata-files"]
    assert yaml.safe_load((NBS / "nbdev.yml").read_text())["project"]["output-dir"] == "docs"


def test_index_has_time_and_memory_for_every_notebook_and_preset():
    src = "\n".join(c.source for c in nbformat.read(NBS / "index.ipynb", as_version=4).cells)
    table = src.split("<!-- timings:start -->")[1].split("<!-- timings:end -->")[0].strip().splitlines()
    cols = [c.strip().strip("`") for c in table[0].strip("|").split("|")]
    assert cols == ["notebook", "tiny", "cpu-quick", "colab-t4"]
    rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in table[2:]]
    assert [r[0] + ".ipynb" for r in rows] == NOTEBOOKS
    assert all(r[3] and ("estimate" in r[3] or "measured" in r[3]) for r in rows)
    assert "Which figures are measured" in src


def test_timings_update_writes_the_preset_column(tmp_path):
    docs = _load_script("docs")
    idx = tmp_path / "index.ipynb"
    shutil.copy(NBS / "index.ipynb", idx)
    docs.update_index_timings("cpu-quick", {"17_sft.ipynb": {"seconds": 754.0, "peak_rss_mb": 3584.0}}, index=idx)
    src = "\n".join(c.source for c in nbformat.read(idx, as_version=4).cells)
    row = next(l for l in src.splitlines() if l.startswith("| 17_sft"))
    assert row.split("|")[3].strip() == "13 min / 3.5 GB (measured)"
    with pytest.raises(docs.DocsError, match="no column 'h100'"):
        docs.update_index_timings("h100", {}, index=idx)


def test_gpu_table_takes_the_figures_of_test_gpu(tmp_path):
    docs = _load_script("docs")
    idx = tmp_path / "index.ipynb"
    shutil.copy(NBS / "index.ipynb", idx)
    res = tmp_path / "gpu"; res.mkdir()
    (res / "train_sft_tiny.json").write_text(json.dumps({"peak_gpu_mb": 812.4, "step_s": 0.0712, "gpu": "Tesla T4", "when": "2026-12-01 10:00:00"}))
    assert docs.update_index_gpu(res, index=idx) == 1
    src = "\n".join(c.source for c in nbformat.read(idx, as_version=4).cells)
    row = next(l for l in src.splitlines() if l.startswith("| `train_sft"))
    assert [c.strip() for c in row.strip("|").split("|")][1:] == ["812 MB (measured)", "71 ms (measured)", "Tesla T4, 2026-12-01"]
    assert "| Unsloth | not measured yet |" in src
    (res / "gpu_check_grpo.json").write_text(json.dumps({"peak_gpu_mb": 11020.0, "step_s": 41.5, "gpu": "Tesla T4", "when": "2026-12-02 09:00:00"}))
    assert docs.update_index_gpu(res, index=idx) == 2
    src = "\n".join(c.source for c in nbformat.read(idx, as_version=4).cells)
    row = next(l for l in src.splitlines() if l.startswith("| gpu_check: GRPO"))
    assert "11020 MB (measured)" in row and "41500 ms (measured)" in row
    with pytest.raises(docs.DocsError, match="no GPU results"):
        docs.update_index_gpu(tmp_path / "none", index=idx)


def test_gpu_check_says_it_needs_cuda():
    import torch
    if torch.cuda.is_available(): pytest.skip("a GPU is here: run scripts/gpu_check.py itself")
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "gpu_check.py")], capture_output=True, text=True, timeout=300)
    assert p.returncode == 2 and "needs a CUDA GPU" in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_execution_failure_names_the_notebook_and_cell_unless_errors_are_allowed(tmp_path):
    docs = _load_script("docs")
    code = nbformat.v4.new_code_cell
    src = tmp_path / "99_broken.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[code("x = 1"), code("raise ValueError('boom')"), code("print(x + 1)")]), src)
    with pytest.raises(docs.DocsError, match=r"99_broken.ipynb: cell 1 failed(.|\n)*boom(.|\n)*--no-execute"):
        docs.execute_notebook(src)
    nb, info = docs.execute_notebook(src, allow_errors=True)
    assert info["errors"] == 1 and info["cells_run"] == 3 and nb.cells[2].outputs[0]["text"] == "2\n"


def test_cells_nbdev_reruns_only_import_and_the_course_follows_the_rule():
    "nbdev's show_doc pass re-runs every cell with an import in it (its own public rule); each such cell must only import."
    from fastcore.nbio import new_nb, mk_cell
    from nbdev.process import NBProcessor
    import nbdev.processors as P
    docs = _load_script("docs")
    code = nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook(cells=[
        code("ds = [1, 2]"),
        code("try:\n    import math\nexcept ImportError:\n    pass\ntrain()"),     # would train again
        code("#| echo: false\nimport math\nprint(math.fsum(ds))"),                  # would fail: ds is not there
        code("import time"),                                                          # imports only: fine
        code("#| export\nimport math\ndef f(): return ds"),                        # export cells: definitions
        code("%time import math\nds"),                                               # not Python: nbdev skips it
        code('import sys, subprocess\nif "google.colab" in sys.modules: subprocess.run(["pip"])'),  # install cell
    ])
    assert docs.mixed_import_cells(nb) == [1, 2]
    cells = NBProcessor(nb=new_nb([mk_cell(c.source) for c in nb.cells[1:5]])).nb.cells
    assert [bool(P._do_eval(c)) for c in cells] == [True, True, True, True]          # why: nbdev re-runs all four
    for path in sorted((ROOT / "nbs").glob("*.ipynb")):
        assert docs.mixed_import_cells(nbformat.read(path, as_version=4)) == [], path.name


# ----------------------------------------------------------------------------- the preview in a browser
def _find_browser():
    for name in [os.environ.get("CHROME"), "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]:
        if name and shutil.which(name): return shutil.which(name)


class _DevTools:
    "The few Chrome DevTools protocol calls the test needs, over one websocket."
    def __init__(self, url):
        import websocket
        self.ws, self.n = websocket.create_connection(url, timeout=60, suppress_origin=True), 0

    def __call__(self, method, session=None, **params):
        self.n += 1
        msg = {"id": self.n, "method": method, "params": params, **({"sessionId": session} if session else {})}
        self.ws.send(json.dumps(msg))
        while True:
            r = json.loads(self.ws.recv())
            if r.get("id") == self.n:
                if "error" in r: raise RuntimeError(f"{method}: {r['error']}")
                return r["result"]


@pytest.fixture(scope="module")
def preview():
    env = {**os.environ, "DAGGER_PRESET": os.environ.get("DAGGER_PRESET", "tiny")}
    r = subprocess.run([sys.executable, "scripts/docs.py", "build", "--preview", "--exec-budget", "40",
                        "--work", str(WORK.relative_to(ROOT))], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, f"preview build failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return WORK / "preview"


@pytest.fixture(scope="module")
def browser():
    exe = _find_browser()
    if not exe:
        pytest.skip("no Chromium/Chrome found: `apt-get update && apt-get install -y chromium` "
                    "(bash scripts/run.sh test does this when run as root), or set CHROME=/path/to/chrome")
    pytest.importorskip("websocket", reason="websocket-client (dev extra) is needed to drive the browser")
    profile = tempfile.mkdtemp(prefix="dagger-chromium-")
    proc = subprocess.Popen([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                             "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--remote-debugging-port=0",
                             "--window-size=1280,900", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file, t0 = Path(profile) / "DevToolsActivePort", time.monotonic()
    try:
        while not (port_file.exists() and len(port_file.read_text().split()) >= 2):
            if proc.poll() is not None or time.monotonic() - t0 > 60:
                pytest.skip(f"{exe} did not start a DevTools endpoint (exit code {proc.poll()})")
            time.sleep(0.1)
        port, path = port_file.read_text().split()[:2]
        cdp = _DevTools(f"ws://127.0.0.1:{port}{path}")
        target = cdp("Target.createTarget", url="about:blank")["targetId"]
        session = cdp("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        page = lambda method, **kw: cdp(method, session, **kw)
        page("Page.enable")
        page("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        yield page
    finally:
        proc.terminate()
        try: proc.wait(10)
        except subprocess.TimeoutExpired: proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


_PAGE_STATE = """(async () => {
  const imgs = [...document.images];
  await Promise.all(imgs.map(i => i.complete ? 0 : new Promise(r => { i.onload = i.onerror = r; })));
  const links = a => ({href: a.getAttribute('href'), text: a.textContent.trim(), resolved: a.href});
  return {
    title: document.querySelector('h1.title')?.textContent.trim(),
    images: imgs.map(i => ({src: i.getAttribute('src').slice(0, 60), w: i.naturalWidth, h: i.naturalHeight})),
    content: [...document.querySelectorAll('#dn-content a')].map(links),
    sidebar: [...document.querySelectorAll('#dn-sidebar a')].map(links),
    all: [...document.querySelectorAll('a')].map(links),
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  };
})()"""


def _open(page, url):
    page("Page.navigate", url=url)
    for _ in range(200):
        if page("Runtime.evaluate", expression="document.readyState", returnByValue=True)["result"]["value"] == "complete": break
        time.sleep(0.05)
    return page("Runtime.evaluate", expression=_PAGE_STATE, awaitPromise=True, returnByValue=True)["result"]["value"]


def _image_outputs(nb_path):
    nb = nbformat.read(nb_path, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if {"image/png", "image/jpeg"} & set(o.get("data", {})))


def test_preview_in_headless_browser(preview, browser):
    pages = json.loads((preview / "pages.json").read_text())["pages"]
    href_of = {p["notebook"]: p["href"] for p in pages}
    assert [p["notebook"] for p in pages] == ["index.ipynb", *NOTEBOOKS]
    shots = WORK / "screenshots"
    shutil.rmtree(shots, ignore_errors=True); shots.mkdir(parents=True)

    # the landing page lists every notebook, in course order, with links to their pages
    home = _open(browser, (preview / "index.html").as_uri())
    listed = [a for a in home["content"] if re.fullmatch(r"\d\d[a-z]?_\w+", a["text"])]
    assert [a["text"] + ".ipynb" for a in listed] == NOTEBOOKS, "nbs/index.ipynb's course table must list every notebook in order"
    assert [a["href"] for a in listed] == [href_of[n] for n in NOTEBOOKS]
    png = base64.b64decode(browser("Page.captureScreenshot", format="png")["data"])
    (shots / "index.png").write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000

    for p in pages:
        state = home if p["href"] == "index.html" else _open(browser, (preview / p["href"]).as_uri())
        assert state["title"] == p["title"], f"{p['href']}: page did not load (title {state['title']!r})"
        # every link inside the site points at a file that exists, and a fragment at an element there
        for a in state["all"]:
            url = a["resolved"]
            if not url.startswith("file://"): continue
            target, _, frag = url[len("file://"):].partition("#")
            assert Path(target).exists(), f"{p['href']}: broken link {a['href']!r}"
            if frag and target.endswith(".html"):
                ids = set(re.findall(r'\bid="([^"]+)"', Path(target).read_text(encoding="utf-8")))
                if frag.startswith("_") and frag.lower() not in {i.lower() for i in ids}: continue  # nbdev links private names show_doc skips
                assert frag in ids, f"{p['href']}: link {a['href']!r} has no anchor {frag!r} on its page"
        # the sidebar lists every page in order
        assert [a["href"] for a in state["sidebar"][1:]] == [q["href"] for q in pages]
        # every image displays (the Colab badge, plots and graph pictures), and none are lost
        broken = [i for i in state["images"] if not (i["w"] > 0 and i["h"] > 0)]
        assert not broken, f"{p['href']}: images that do not display: {broken}"
        expected = _image_outputs(WORK / "stage" / p["notebook"])
        assert len(state["images"]) >= expected + 1, f"{p['href']}: {expected} plots in the notebook, {len(state['images'])} images shown"
        if expected:   # screenshot the first plot or graph picture of the page
            browser("Runtime.evaluate", expression="document.querySelector('.jp-OutputArea img')?.scrollIntoView({block: 'center'})")
            (shots / p["href"].replace(".html", ".png")).write_bytes(
                base64.b64decode(browser("Page.captureScreenshot", format="png")["data"]))


def test_with_quarto_the_build_runs_nbdev_docs_over_the_staged_notebooks(tmp_path):
    "Where Quarto exists, `scripts/docs.py build` hands nbdev-docs the processed notebooks and site config (Quarto faked here)."
    fake = tmp_path / "bin" / "quarto"
    fake.parent.mkdir()
    fake.write_text(f"""#!{sys.executable}
import json, os, pathlib, sys
args = sys.argv[1:]
if args and args[0] == "render":
    out = pathlib.Path(args[args.index("--output-dir") + 1]); out.mkdir(parents=True, exist_ok=True)
    files = sorted(str(p) for p in pathlib.Path(".").rglob("*") if p.is_file())
    (out / "fake-quarto.json").write_text(json.dumps({{"cwd": os.getcwd(), "files": files, "args": args}}))
    (out / "index.html").write_text("<html>fake</html>")
""")
    fake.chmod(0o755)
    docs_dir, kept = ROOT / "docs", tmp_path / "docs-kept"
    if docs_dir.exists(): shutil.move(docs_dir, kept)
    try:
        r = subprocess.run([sys.executable, "scripts/docs.py", "build", "--no-execute", "--work", "build/docs-quarto-test"], cwd=ROOT,
                           env={**os.environ, "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}"}, capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
        assert "nbdev-docs" in r.stdout
        seen = json.loads((docs_dir / "fake-quarto.json").read_text())
        assert seen["args"][:1] == ["render"] and Path(seen["cwd"]).name == "_proc"
        for f in ["_quarto.yml", "nbdev.yml", "sidebar.yml", "styles.css", "index.ipynb", *NOTEBOOKS]:
            assert f in seen["files"], f"{f} not given to Quarto"
        proc_cli = nbformat.read(ROOT / "_proc" / "23_cli.ipynb", as_version=4)
        assert proc_cli.cells[0].cell_type == "raw" and "output-file: cli.html" in proc_cli.cells[0].source
        assert any("### main" in "".join(o.get("data", {}).get("text/markdown", "")) for c in proc_cli.cells
                   for o in c.get("outputs", [])), "no show_doc API reference in the processed notebook"
    finally:
        shutil.rmtree(docs_dir, ignore_errors=True)
        if kept.exists(): shutil.move(kept, docs_dir)
        else: docs_dir.mkdir(); (docs_dir / ".gitkeep").touch()
