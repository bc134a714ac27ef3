"""scripts/gpu_check.py, the GPU smoke test: its own code checked on the CPU with the tiny model (the real run needs CUDA)."""
import json, os, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_gpu_check_runs_its_stages_and_writes_the_figures(tmp_path):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "gpu_check.py"), "--preset", "tiny", "--allow-cpu", "--out", str(tmp_path)],
                       capture_output=True, text=True, timeout=900, env=env, cwd=tmp_path)
    assert p.returncode == 0, p.stderr[-2000:]
    r = json.loads((tmp_path / "gpu_check.json").read_text())
    assert set(r["stages"]) == {"sft", "grpo", "eval"} and r["precision"] == "fp32" and r["versions"]["trl"] == "1.14.2"
    assert r["stages"]["sft"]["steps"] == 6 and r["stages"]["grpo"]["steps"] == 3 and r["stages"]["eval"]["steps"] == 16
    for stage in ("sft", "grpo", "eval"):     # the rows scripts/docs.py gpu-table reads
        f = json.loads((tmp_path / f"gpu_check_{stage}.json").read_text())
        assert f["step_s"] > 0 and "peak_gpu_mb" in f and f["gpu"] == "cpu"
