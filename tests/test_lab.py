"The lab's stage engine (atomic outputs, resume, interruption) and the real `tiny` lab end to end."
import json, os
from pathlib import Path

import pytest

from dagger_nb.lab import Stage, run_stages, stage_marker


class Recorder:
    "Stages that write a file (or folder) and remember each call; `interrupt_at` raises KeyboardInterrupt midway."
    def __init__(self, interrupt_at=None):
        self.calls, self.interrupt_at = [], interrupt_at

    def file_stage(self, name):
        def fn(ctx, out, resume):
            self.calls.append((name, resume))
            out.write_text("half")
            if self.interrupt_at == name:
                self.interrupt_at = None
                raise KeyboardInterrupt
            out.write_text(f"{name} done")
        return Stage(name, f"{name}.txt", fn)

    def ckpt_stage(self, name):
        "A training-like stage: keeps a checkpoint counter in its partial folder and continues from it."
        def fn(ctx, out, resume):
            out.mkdir(exist_ok=True)
            ck = out / "ckpt"
            start = int(ck.read_text()) if resume and ck.exists() else 0
            self.calls.append((name, start))
            for step in range(start, 4):
                ck.write_text(str(step + 1))
                if self.interrupt_at == name and step == 1:
                    self.interrupt_at = None
                    raise KeyboardInterrupt
            (out / "adapter").write_text("weights")
        return Stage(name, f"adapters/{name}", fn, keeps_partial=True)


def test_interrupted_stage_is_redone_and_completed_ones_skipped(tmp_path):
    r = Recorder(interrupt_at="b")
    stages = [r.file_stage("a"), r.file_stage("b"), r.file_stage("c")]
    with pytest.raises(KeyboardInterrupt):
        run_stages(tmp_path, stages, progress=False)
    assert (tmp_path / "a.txt").read_text() == "a done"
    assert not (tmp_path / "b.txt").exists()                       # never a half-written output under the real name
    assert stage_marker(tmp_path, "a") and not stage_marker(tmp_path, "b")
    res = run_stages(tmp_path, stages, resume=True, progress=False)
    assert [k for k, v in res.items() if v["status"] == "skipped"] == ["a"]
    assert [c[0] for c in r.calls] == ["a", "b", "b", "c"]
    assert (tmp_path / "b.txt").read_text() == "b done" and not (tmp_path / "b.txt.partial").exists()


def test_training_stage_continues_from_its_checkpoint(tmp_path):
    r = Recorder(interrupt_at="sft")
    stages = [r.ckpt_stage("sft"), r.file_stage("eval")]
    with pytest.raises(KeyboardInterrupt):
        run_stages(tmp_path, stages, progress=False)
    assert (tmp_path / "adapters/sft.partial/ckpt").read_text() == "2"
    run_stages(tmp_path, stages, resume=True, progress=False)
    assert r.calls[:2] == [("sft", 0), ("sft", 2)]                  # second attempt started at step 2, not 0
    assert (tmp_path / "adapters/sft/adapter").exists()
    # without --resume the partial checkpoint is not trusted: a fresh run starts from step 0
    r2 = Recorder(interrupt_at="sft")
    with pytest.raises(KeyboardInterrupt):
        run_stages(tmp_path / "x", [r2.ckpt_stage("sft")], progress=False)
    run_stages(tmp_path / "x", [r2.ckpt_stage("sft")], resume=False, progress=False)
    assert r2.calls == [("sft", 0), ("sft", 0)]


def test_a_redone_stage_invalidates_later_ones(tmp_path):
    r = Recorder()
    stages = [r.file_stage("a"), r.file_stage("b"), r.file_stage("c")]
    run_stages(tmp_path, stages, progress=False)
    (tmp_path / ".stages/b.done").unlink()
    res = run_stages(tmp_path, stages, resume=True, progress=False)
    assert {k: v["status"] for k, v in res.items()} == {"a": "skipped", "b": "done", "c": "done"}
    # a marker whose output vanished does not count as done either
    (tmp_path / "c.txt").unlink()
    res = run_stages(tmp_path, stages, resume=True, progress=False)
    assert res["c"]["status"] == "done" and res["b"]["status"] == "skipped"


def test_stage_that_writes_nothing_is_an_error(tmp_path):
    with pytest.raises(RuntimeError, match="without writing"):
        run_stages(tmp_path, [Stage("lazy", "x.txt", lambda ctx, out, resume: None)], progress=False)
    assert not stage_marker(tmp_path, "lazy")


def test_duplicate_stage_names_rejected(tmp_path):
    r = Recorder()
    with pytest.raises(ValueError, match="unique"):
        run_stages(tmp_path, [r.file_stage("a"), r.file_stage("a")], progress=False)
