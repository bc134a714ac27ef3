"""What a new user's machine has: the clone and nothing else. No machine paths in the sources, no file outside the
repository that changes a result, and every bad command line answered with one line and exit code 2."""
import hashlib, json, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MACHINE_PATH = re.compile(r"""(?<![\w.~-])/(?:tmp|root|home|work|Users|mnt|workspace)/|\.\./shared\b|\bshared/data/mgsm""")


def test_no_machine_paths_in_notebooks_library_or_scripts():
    "A folder that exists only where a notebook was written (`/tmp/labdev`) once made CI green and failed every new user."
    hits = []
    for folder in ("nbs", "dagger_nb", "scripts"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.is_file() and f.suffix in (".py", ".ipynb", ".sh", ".yml", ".md", ".qmd", ".toml", ""):
                for n, line in enumerate(f.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                    if MACHINE_PATH.search(line): hits.append(f"{f.relative_to(ROOT)}:{n}: {line.strip()[:120]}")
    assert not hits, "machine paths (use tempfile, tmp_path or explicit arguments):\n" + "\n".join(hits)


def test_the_path_check_catches_what_it_should():
    for bad in ['fig.savefig("/tmp/labdev/acc.png")', "p = Path('/root/.cache/x')", "../shared/data/mgsm_bn.tsv",
                '"/home/me/data.tsv"', "/work/main/runs"]:
        assert MACHINE_PATH.search(bad), bad
    for ok in ["tempfile.mkdtemp()", "https://github.com/dagger-nb/dagger_nb/tree/main/nbs", "~/.cache/dagger_nb", "runs/tmp/x"]:
        assert not MACHINE_PATH.search(ok), ok


def _plant_mgsm(tmp_path) -> Path:
    "A `shared/data/mgsm_bn.tsv` above a working folder, where the old code went looking for one."
    (tmp_path / "shared" / "data").mkdir(parents=True)
    (tmp_path / "shared" / "data" / "mgsm_bn.tsv").write_text("জাহাঙ্গীরনগর বিশ্ববিদ্যালয়ের শিক্ষার্থীরা ৭৭টি ঘুড়ি ওড়াল\t77\n" * 3, encoding="utf-8")
    work = tmp_path / "a" / "b"; work.mkdir(parents=True)
    return work


def test_trimmed_vocabulary_does_not_depend_on_the_working_folder(tmp_path, monkeypatch):
    from dagger_nb.models import load_model
    monkeypatch.chdir(tmp_path)
    plain = load_model("tiny", trim_vocab=True)[0].dagger_keep_ids
    monkeypatch.chdir(_plant_mgsm(tmp_path))
    planted = load_model("tiny", trim_vocab=True)[0].dagger_keep_ids
    assert plain == planted


def test_trimmed_vocabulary_tokenizes_any_bangla_without_unknown_tokens(mgsm_path):
    from dagger_nb.data import load_mgsm_bn
    from dagger_nb.models import gemma_tokenizer, load_model
    _, tok = load_model("tiny", trim_vocab=True)
    full = gemma_tokenizer()
    qs = load_mgsm_bn(mgsm_path)["question"]
    same = 0
    for q in qs:
        ids = tok(q, add_special_tokens=False).input_ids
        assert tok.unk_token_id not in ids and tok.decode(ids) == q
        same += tok.convert_ids_to_tokens(ids) == full.convert_ids_to_tokens(full(q, add_special_tokens=False).input_ids)
    assert same / len(qs) > 0.9          # Bangla words keep their pretrained pieces; some ASCII runs split finer


def _digest(run: Path) -> dict:
    "What a lab run produced, comparable across runs: adapter weights, completions and metrics (not timings)."
    out = {str(p.relative_to(run)): hashlib.sha256(p.read_bytes()).hexdigest()
           for p in sorted(run.glob("adapters/*/adapter/*.safetensors")) + sorted(run.glob("completions/*.jsonl"))}
    out["metrics"] = json.loads((run / "results.json").read_text())["metrics"]
    return out


def test_the_tiny_lab_gives_the_same_result_from_any_working_folder(tmp_path, monkeypatch):
    "Same preset and seed, one working folder with an MGSM file planted above it: identical adapters and results."
    from dagger_nb.lab import run_lab
    monkeypatch.chdir(tmp_path)
    a = run_lab("tiny", name="here", root=tmp_path / "runs", progress=False)
    monkeypatch.chdir(_plant_mgsm(tmp_path))
    b = run_lab("tiny", name="there", root=tmp_path / "runs", progress=False)
    da, db = _digest(a), _digest(b)
    assert len([k for k in da if k.endswith(".safetensors")]) == 3
    assert da == db
    meta = json.loads((a / "adapters/sft/adapter/dagger_model.json").read_text())
    assert meta["vocab_size"] == len(meta["keep_ids"]) and len(meta["vocab_sha"]) == 16      # recorded with the run


def _cli(*args, cwd, stdin=None):
    code = "import sys\nfrom dagger_nb.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, cwd=cwd, input=stdin, timeout=300)


def test_bad_command_lines_get_one_line_and_exit_code_2(tmp_path):
    afile = tmp_path / "notes.txt"; afile.write_text("x")
    from train_records import records
    good = json.dumps(records(1)[0], ensure_ascii=False)
    bad = tmp_path / "bad.jsonl"; bad.write_text(good + '\n{"question": "শুধু প্রশ্ন"}\n', encoding="utf-8")
    nonodes = tmp_path / "nonodes.jsonl"; nonodes.write_text(good + '\n' + good + '\n{"question": "প্রশ্ন", "graph": "{}"}\n', encoding="utf-8")
    cases = [
        (["make-data", "--out", afile, "--n", "5"], "is a file, not a folder"),
        (["make-data", "--out", "/proc/dagger-x", "--n", "5"], "cannot create this folder"),
        (["make-data", "--n", "0", "--out", tmp_path / "d0"], "--n 0: must be at least 1"),
        (["make-data", "--distractors", "a-b", "--out", tmp_path / "d1"], "--distractors 'a-b'"),
        (["lab", "--root", afile], "--root"),
        (["lab", "--preset", "tiny", "--n-train", "-3", "--root", tmp_path / "labs"], "n_train=-3: must be at least 1 (--n-train)"),
        (["lab", "--heldout-families", "9", "--root", tmp_path / "labs"], "heldout_families=9"),
        (["lab", "--families", "total_two,bogus", "--root", tmp_path / "labs"], "families: unknown ['bogus']"),
        (["sft", "--preset", "tiny", "--families", "bogus", "--out", tmp_path / "s6"], "families: unknown ['bogus']"),
        (["lab", "--mgsm-path", tmp_path / "nope.tsv", "--root", tmp_path / "labs"], "mgsm_path="),
        (["solve", "--preset", "bogus", "প্রশ্ন"], "invalid choice: 'bogus'"),
        (["sft", "--preset", "tiny", "--n-train", "0", "--out", tmp_path / "s0"], "n_train=0: must be at least 1 (--n-train)"),
        (["sft", "--preset", "tiny", "--sft-batch-size", "0", "--out", tmp_path / "s1"], "sft_batch_size=0"),
        (["sft", "--preset", "tiny", "--sft-max-steps", "-5", "--out", tmp_path / "s2"], "sft_max_steps=-5: must be -1 (train sft_epochs epochs) or at least 1"),
        (["sft", "--preset", "tiny", "--sft-max-steps", "0", "--out", tmp_path / "s2"], "sft_max_steps=0"),
        (["grpo", "--preset", "tiny", "--grpo-max-steps", "-2", "--out", tmp_path / "g0"], "grpo_max_steps=-2: must be at least 1"),
        (["grpo", "--preset", "tiny", "--num-generations", "5", "--out", tmp_path / "g1"], "num_generations=5"),
        (["sft", "--preset", "tiny", "--data", bad, "--out", tmp_path / "s3"], "bad.jsonl line 2: an SFT record needs `question` and `graph`"),
        (["grpo", "--preset", "tiny", "--data", bad, "--out", tmp_path / "g2"], "bad.jsonl line 2: a GRPO record needs `question` and `answer`"),
        (["sft", "--preset", "tiny", "--data", nonodes, "--out", tmp_path / "s5"], 'nonodes.jsonl line 3: the graph has no "nodes" list'),
        (["sft", "--preset", "tiny", "--data", tmp_path / "missing.jsonl", "--out", tmp_path / "s4"], "does not exist"),
        (["sft", "--sft-epochs", "lots"], "invalid float value: 'lots'"),
        (["draw", "-", "--out", tmp_path], "is a folder: give a file name"),
        (["draw", "-", "--out", tmp_path / "g.bmpx"], "unknown image type '.bmpx'"),
    ]
    for args, message in cases:
        r = _cli(*args, cwd=tmp_path, stdin='{"nodes": []}')
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, (args, r.stderr)
        assert message in r.stderr, (args, r.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "nonodes.jsonl", "notes.txt"]      # nothing was created


def test_float_settings_take_floats_and_draw_writes_where_it_says(tmp_path):
    from dagger_nb.cli import build_parser
    a = build_parser().parse_args(["sft", "--sft-epochs", "0.5", "--sft-lr", "1e-3"])
    assert (a.ov_sft_epochs, a.ov_sft_lr) == (0.5, 1e-3)
    g = json.dumps({"nodes": [{"id": "n1", "op": "const", "val": 3}, {"id": "final_result", "op": "identity", "args": ["n1"]}]})
    r = _cli("draw", "-", "--out", "pic", cwd=tmp_path, stdin=g)
    assert r.returncode == 0 and r.stdout.strip() == "wrote pic.png" and (tmp_path / "pic.png").stat().st_size > 1000
    r = _cli("draw", "-", "--out", "sub/pic.svg", cwd=tmp_path, stdin=g)
    assert r.returncode == 0 and r.stdout.strip() == "wrote sub/pic.svg" and (tmp_path / "sub/pic.svg").read_text().startswith("<?xml")
