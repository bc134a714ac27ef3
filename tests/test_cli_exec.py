import io, json, sys
from dagger_nb.cli import main
from graph_cases import EXAMPLE, fenced


def test_exec_prints_value(tmp_path, capsys):
    f = tmp_path / "g.txt"
    f.write_text("Here you go:\n" + fenced(EXAMPLE), encoding="utf-8")
    assert main(["exec", str(f)]) == 0
    assert capsys.readouterr().out.strip() == "600"


def test_exec_reads_stdin_and_reports_stage(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"nodes": [{"id": "a", "op": "const", "val": 1}, {"id": "b", "op": "div", "args": ["a", 0]}, {"id": "final_result", "op": "identity", "args": ["b"]}]}'))
    assert main(["exec", "-"]) == 1
    err = capsys.readouterr().err
    assert "execute stage" in err and "'b'" in err and "division by zero" in err


def test_exec_strict_and_json(tmp_path, capsys):
    f = tmp_path / "g.json"
    f.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    assert main(["exec", str(f), "--strict"]) == 1
    assert "parse stage" in capsys.readouterr().err
    assert main(["exec", str(f), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["value"] == 600.0 and out["distractors"] == ["n2"] and out["claimed"] == ["n2"]
    assert out["repairs"] == ["no code fence: read the bare JSON text"]


def test_exec_missing_file(capsys):
    assert main(["exec", "/nonexistent/graph.txt"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_draw_writes_png(tmp_path, capsys):
    f = tmp_path / "g.txt"
    f.write_text(fenced(EXAMPLE), encoding="utf-8")
    out = tmp_path / "graph.png"
    assert main(["draw", str(f), "--out", str(out)]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert "wrote" in capsys.readouterr().out


def test_draw_unreadable_graph_fails(tmp_path, capsys):
    f = tmp_path / "g.txt"
    f.write_text("no graph here", encoding="utf-8")
    assert main(["draw", str(f), "--out", str(tmp_path / "x.png")]) == 1
    assert "parse stage" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_draw_notes_an_execution_failure(tmp_path, capsys):
    f = tmp_path / "g.json"
    f.write_text(json.dumps({"nodes": [{"id": "a", "op": "const", "val": 1}, {"id": "z", "op": "const", "val": 0},
                                       {"id": "d", "op": "div", "args": ["a", "z"]},
                                       {"id": "final_result", "op": "identity", "args": ["d"]}]}), encoding="utf-8")
    out = tmp_path / "g.svg"
    assert main(["draw", str(f), "--out", str(out)]) == 0
    assert out.read_text().lstrip().startswith("<?xml")
    assert "not executable" in capsys.readouterr().out
