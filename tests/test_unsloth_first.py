"""Unsloth is imported before trl, transformers and peft wherever it can be used, checked on CPU with a stand-in `unsloth`.

The stand-in records which of the three were already imported when it was imported; `sitecustomize` makes torch report
CUDA, so that the package behaves as on a GPU machine with the `gpu` extra installed."""
import json, os, subprocess, sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def standin(tmp_path):
    pkg = tmp_path / "site" / "unsloth"; pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text(
        "import json, os, sys\n"
        "with open(os.environ['UNSLOTH_STANDIN_LOG'], 'a') as f:\n"
        "    f.write(json.dumps(sorted(m for m in ('trl', 'transformers', 'peft') if m in sys.modules)) + '\\n')\n")
    (tmp_path / "site" / "sitecustomize.py").write_text(
        "import os\nif os.environ.get('STANDIN_CUDA') == '1':\n    import torch; torch.cuda.is_available = lambda: True\n")
    log = tmp_path / "unsloth.log"

    def run(code: str, cuda: bool = True):
        env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "UNSLOTH_STANDIN_LOG": str(log), "STANDIN_CUDA": "1" if cuda else "0"}
        log.unlink(missing_ok=True)
        p = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert p.returncode == 0, p.stderr[-2000:]
        lines = log.read_text().splitlines() if log.exists() else []
        return [json.loads(l) for l in lines], p.stderr
    return run


@pytest.mark.parametrize("code", [
    "import dagger_nb.sft, trl",                               # training modules
    "import dagger_nb.grpo",
    "from dagger_nb.models import load_model; import transformers, peft",
    "from dagger_nb.cli import main; main(['exec', 'no-such-file.json'])",   # the CLI's entry point
])
def test_entry_points_import_unsloth_first(standin, code):
    seen, _ = standin(code)
    assert seen == [[]], seen     # imported once, before any of trl/transformers/peft


def test_notebooks_first_cell_imports_unsloth_first(standin):
    for name in ("17_sft.ipynb", "18_grpo.ipynb", "22_lab.ipynb"):
        install = nbformat.read(ROOT / "nbs" / name, as_version=4).cells[2].source
        seen, _ = standin(install + "\nimport trl, transformers, peft")
        assert seen == [[]], (name, seen)


def test_a_late_unsloth_is_reported_and_no_cuda_means_no_unsloth(standin):
    seen, err = standin("import transformers\nimport dagger_nb.sft")
    assert seen == [["transformers"]] and "Unsloth cannot patch them" in err    # the check can fail, and says what to do
    seen, _ = standin("import dagger_nb.sft, trl", cuda=False)
    assert seen == []                                                        # CPU: Unsloth is never imported
