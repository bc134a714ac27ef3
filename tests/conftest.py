"Shared fixtures. The real MGSM Bangla file is taken explicitly from the workspace beside the repository, and its tests skip when it is absent."
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_MGSM = ROOT.parent / "shared" / "data" / "mgsm_bn.tsv"


@pytest.fixture
def mgsm_path():
    "The 250-problem MGSM Bangla TSV (question TAB answer) of this workspace; the test skips where it is not present."
    if not SHARED_MGSM.is_file():
        pytest.skip(f"{SHARED_MGSM} is not present (MGSM Bangla is not part of the repository)")
    return SHARED_MGSM


@pytest.fixture(autouse=True)
def _no_mgsm_env(monkeypatch):
    "Tests never pick MGSM up from the environment of whoever runs them."
    monkeypatch.delenv("DAGGER_MGSM_PATH", raising=False)
